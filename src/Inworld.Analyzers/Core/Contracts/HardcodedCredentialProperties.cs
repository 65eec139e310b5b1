using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

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

        private HardcodedCredentialProperties(CredentialKind kind, bool basicPrefix, string? variable, string? secondVariable, bool isClient)
        {
            Kind = kind;
            BasicPrefix = basicPrefix;
            Variable = variable;
            SecondVariable = secondVariable;
            IsClient = isClient;
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

        public static ImmutableDictionary<string, string?> Write(CredentialKind kind, bool basicPrefix, string? variable, string? secondVariable, bool isClient)
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
            return properties.ToImmutable();
        }

        /// <summary>
        /// Reads what <see cref="Write"/> wrote. False (no fix offered) when a property is missing or invalid:
        /// a diagnostic from another version of the analyzer, or one rebuilt without its properties. A variable
        /// name that is not a valid environment variable name reads as "no environment variable fix".
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

            properties = new HardcodedCredentialProperties(kind, basicPrefix, variable, second, isClient);
            return true;
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
}
