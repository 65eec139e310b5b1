using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.Core.Contracts
{
    /// <summary>
    /// What the INW001 analyzer tells its code fix, written into and read from the diagnostic's properties
    /// here and nowhere else: the fix never re-derives the kind, the variables or the project kind.
    /// </summary>
    internal sealed class HardcodedCredentialProperties
    {
        private const string KindKey = "Kind";
        private const string BasicPrefixKey = "BasicPrefix";
        private const string VariableKey = "Variable";
        private const string SecondVariableKey = "SecondVariable";
        private const string ClientKey = "Client";
        private const string ValueInPlaceKey = "ValueInPlace";
        private const string RequestShapeKey = "RequestShape";
        private const string RequestSpanKey = "RequestSpan";

        private HardcodedCredentialProperties(CredentialKind kind, bool basicPrefix, string? variable, string? secondVariable, bool isClient, bool valueInPlace, ClientRequest? request)
        {
            Kind = kind;
            BasicPrefix = basicPrefix;
            Variable = variable;
            SecondVariable = secondVariable;
            IsClient = isClient;
            ValueInPlace = valueInPlace;
            Request = request;
        }

        public CredentialKind Kind { get; }

        /// <summary>The value is "Basic " + the credential, and nothing else.</summary>
        public bool BasicPrefix { get; }

        /// <summary>
        /// The environment variable the value is read from instead (the key id's for a raw pair), or null when
        /// no mechanical rewrite is safe (a key inside a larger text).
        /// </summary>
        public string? Variable { get; }

        /// <summary>The secret's environment variable of a raw "id:secret" pair; null for every other kind.</summary>
        public string? SecondVariable { get; }

        /// <summary>
        /// The code runs on users' devices (client project, not Unity Editor-only code): an environment
        /// variable is no secret store there, so the fix is the backend-token rewrite or nothing.
        /// </summary>
        public bool IsClient { get; }

        /// <summary>
        /// The text the fix rewrites (the additional location when there is one, else the location) is the value itself:
        /// a literal or an expression assembled from constants. False for a use of a constant declared in another file,
        /// where removing the use would leave the credential in the source with nothing left to report it.
        /// </summary>
        public bool ValueInPlace { get; }

        /// <summary>
        /// Client code only: the request that sends the value, when the value is written inside the Authorization value
        /// it attaches (new AuthenticationHeaderValue("Basic", "..."), SetRequestHeader("Authorization", "Basic " + "...")),
        /// so that the token rewrite of that request removes the credential from the source. Null otherwise.
        /// </summary>
        public ClientRequest? Request { get; }

        public static ImmutableDictionary<string, string?> Write(CredentialKind kind, bool basicPrefix, string? variable, string? secondVariable, bool isClient,
            bool valueInPlace = false, ClientRequest? request = null)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[KindKey] = kind.ToString();
            properties[BasicPrefixKey] = basicPrefix ? "true" : "false";
            properties[VariableKey] = variable;
            if (kind == CredentialKind.RawKeyPair)
            {
                properties[SecondVariableKey] = secondVariable;
            }

            properties[ClientKey] = isClient ? "true" : "false";
            properties[ValueInPlaceKey] = valueInPlace ? "true" : "false";
            if (isClient && request != null)
            {
                properties[RequestShapeKey] = request.Shape.ToString();
                properties[RequestSpanKey] = request.Span.Start.ToString(CultureInfo.InvariantCulture) + ":" + request.Span.Length.ToString(CultureInfo.InvariantCulture);
            }

            return properties.ToImmutable();
        }

        /// <summary>
        /// Reads what <see cref="Write"/> wrote. False (no fix offered) when a property is missing or invalid:
        /// a diagnostic from another version of the analyzer, or one rebuilt without its properties. A variable
        /// name that is not a valid environment variable name reads as "no environment variable fix"; a missing or
        /// invalid ValueInPlace as "no removal fix", a missing or invalid request as "no token fix".
        /// </summary>
        public static bool TryRead(Diagnostic diagnostic, out HardcodedCredentialProperties properties)
        {
            properties = null!;
            var values = diagnostic.Properties;
            if (!values.TryGetValue(KindKey, out var kindText) || !Enum.TryParse<CredentialKind>(kindText, out var kind) || kind == CredentialKind.None ||
                !Enum.IsDefined(typeof(CredentialKind), kind) || char.IsDigit(kindText![0]) ||
                !TryReadBool(values, BasicPrefixKey, out var basicPrefix) || !TryReadBool(values, ClientKey, out var isClient))
            {
                return false;
            }

            values.TryGetValue(VariableKey, out var variable);
            values.TryGetValue(SecondVariableKey, out var second);
            variable = variable != null && InworldOptions.IsEnvironmentVariableName(variable) ? variable : null;
            second = kind == CredentialKind.RawKeyPair && second != null && InworldOptions.IsEnvironmentVariableName(second) ? second : null;
            if (kind == CredentialKind.RawKeyPair && second == null)
            {
                // A raw pair is read from two variables; with one of them unknown there is nothing to write.
                variable = null;
            }

            // Optional parts (older analyzers did not write them): unreadable means that fix is not offered.
            var valueInPlace = TryReadBool(values, ValueInPlaceKey, out var inPlace) && inPlace;
            var request = isClient ? ReadRequest(values) : null;
            properties = new HardcodedCredentialProperties(kind, basicPrefix, variable, second, isClient, valueInPlace, request);
            return true;
        }

        private static ClientRequest? ReadRequest(ImmutableDictionary<string, string?> values)
        {
            if (!values.TryGetValue(RequestShapeKey, out var shapeText) || !(AttachmentShapes.Parse(shapeText) is AttachmentShape shape) ||
                !values.TryGetValue(RequestSpanKey, out var spanText) || spanText == null)
            {
                return null;
            }

            var separator = spanText.IndexOf(':');
            if (separator <= 0 ||
                !int.TryParse(spanText.Substring(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var start) ||
                !int.TryParse(spanText.Substring(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ||
                length <= 0 || start > int.MaxValue - length)
            {
                return null;
            }

            return new ClientRequest(shape, new TextSpan(start, length));
        }

        internal static bool TryReadBool(ImmutableDictionary<string, string?> values, string key, out bool value)
        {
            value = false;
            if (!values.TryGetValue(key, out var text))
            {
                return false;
            }

            switch (text)
            {
                case "true":
                    value = true;
                    return true;
                case "false":
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>The request a client-side credential is written into: its call shape (as INW002 writes it) and where the attaching expression is.</summary>
    internal sealed class ClientRequest
    {
        public ClientRequest(AttachmentShape shape, TextSpan span)
        {
            Shape = shape;
            Span = span;
        }

        public AttachmentShape Shape { get; }

        /// <summary>The attaching expression: the span INW002 reports for the same request.</summary>
        public TextSpan Span { get; }
    }
}
