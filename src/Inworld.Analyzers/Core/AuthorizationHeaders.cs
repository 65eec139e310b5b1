using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Core
{
    /// <summary>An expression that attaches an Authorization value to a request, taken apart.</summary>
    internal sealed class AuthorizationAttachment
    {
        private readonly string _description;
        private readonly IOperation? _receiver;
        private readonly ISymbol? _member;

        /// <param name="description">Message template; "{receiver}" and "{member}" stand for the receiver's type name and the member called.</param>
        public AuthorizationAttachment(IOperation operation, IOperation value, string? scheme, IOperation? schemeOperation, IOperation credential, string description, string shape,
            IOperation? receiver = null, ISymbol? member = null)
        {
            Operation = operation;
            Value = value;
            Scheme = scheme;
            SchemeOperation = schemeOperation;
            Credential = credential;
            _description = description;
            _receiver = receiver;
            _member = member;
            Shape = shape;
        }

        /// <summary>The attaching expression: where rules report.</summary>
        public IOperation Operation { get; }

        /// <summary>The whole value handed over ("Basic " + key), or the credential argument of AuthenticationHeaderValue.</summary>
        public IOperation Value { get; }

        /// <summary>"Basic", "Bearer", ... when it is a constant.</summary>
        public string? Scheme { get; }

        /// <summary>The constant operation that spells the scheme (what a scheme fix rewrites).</summary>
        public IOperation? SchemeOperation { get; }

        /// <summary>The value without its scheme: key in "Basic " + key.</summary>
        public IOperation Credential { get; }

        /// <summary>
        /// Template for messages, with {scheme} and {value}: HttpRequestHeaders.Add("Authorization", {value}).
        /// Built on request: every Authorization header in a code base is taken apart, few are reported.
        /// </summary>
        public string Description => _member != null
            ? _description.Replace("{receiver}", AuthorizationHeaders.ReceiverName(_receiver, _member)).Replace("{member}", _member.Name)
            : _description;

        public string Describe(string scheme, string value) => Description.Replace("{scheme}", scheme).Replace("{value}", value).Replace("{bare}", value.Trim('"'));

        /// <summary>Call shape, for code fixes.</summary>
        public string Shape { get; }

        public bool IsScheme(string scheme) => Scheme != null && Scheme.Equals(scheme, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Finds Authorization values attached to requests: new AuthenticationHeaderValue(scheme, value),
    /// AuthenticationHeaderValue.Parse/TryParse, two-argument header setters whose name is "Authorization"
    /// (HttpHeaders.Add/TryAddWithoutValidation, ClientWebSocketOptions.SetRequestHeader,
    /// UnityWebRequest.SetRequestHeader, WebHeaderCollection, dictionaries), "Authorization: ..." header
    /// lines, indexer assignments and header arrays. Shared by INW002, INW003 and INW005.
    /// </summary>
    internal static class AuthorizationHeaders
    {
        public const string HeaderName = "Authorization";

        public static AuthorizationAttachment? FromObjectCreation(IObjectCreationOperation creation, WellKnownTypes types)
        {
            if (creation.Arguments.Length != 2 || !types.IsAuthenticationHeaderValue(creation.Type))
            {
                return null;
            }

            var schemeOperation = Unwrap(ArgumentFor(creation.Arguments, 0));
            var credential = ArgumentFor(creation.Arguments, 1);
            if (credential == null)
            {
                return null;
            }

            var scheme = ValueProvenance.ConstantString(schemeOperation)?.Trim();
            return new AuthorizationAttachment(creation, credential, scheme, schemeOperation, credential,
                "new AuthenticationHeaderValue({scheme}, ...)", "AuthenticationHeaderValue");
        }

        public static AuthorizationAttachment? FromInvocation(IInvocationOperation invocation, WellKnownTypes types)
        {
            var method = invocation.TargetMethod;
            var arguments = invocation.Arguments;
            if ((method.Name == "Parse" || method.Name == "TryParse") && types.IsAuthenticationHeaderValue(method.ContainingType))
            {
                var parsed = ArgumentFor(arguments, 0);
                return parsed == null ? null : FromHeaderValue(invocation, parsed, "AuthenticationHeaderValue." + method.Name + "({value})", "Parse");
            }

            if (arguments.Length == 2)
            {
                var name = ValueProvenance.ConstantString(Unwrap(ArgumentFor(arguments, 0)));
                var value = ArgumentFor(arguments, 1);
                return value != null && string.Equals(name, HeaderName, StringComparison.OrdinalIgnoreCase)
                    ? FromHeaderValue(invocation, value, "{receiver}.{member}(\"Authorization\", {value})", "Header", receiver: invocation.Instance, member: method)
                    : null;
            }

            if (arguments.Length == 1 && method.Name == "Add")
            {
                // WebHeaderCollection.Add("Authorization: Basic ...")
                var line = ArgumentFor(arguments, 0);
                var prefix = line == null ? null : LeadingConstant(line);
                if (line != null && prefix != null && prefix.StartsWith(HeaderName + ":", StringComparison.OrdinalIgnoreCase))
                {
                    var rest = prefix.Substring(HeaderName.Length + 1);
                    return FromHeaderValue(invocation, line, "{receiver}.Add(\"Authorization: {bare}\")", "HeaderLine", rest, invocation.Instance, method);
                }
            }

            return null;
        }

        public static AuthorizationAttachment? FromAssignment(ISimpleAssignmentOperation assignment)
        {
            if (assignment.Target is IPropertyReferenceOperation indexer && indexer.Arguments.Length == 1 &&
                string.Equals(ValueProvenance.ConstantString(Unwrap(indexer.Arguments[0].Value)), HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                return FromHeaderValue(assignment, assignment.Value, "{receiver}[\"Authorization\"] = {value}", "Indexer", receiver: indexer.Instance, member: indexer.Property);
            }

            return null;
        }

        public static IEnumerable<AuthorizationAttachment> FromArrayInitializer(IArrayInitializerOperation initializer)
        {
            var elements = initializer.ElementValues;
            for (var i = 0; i + 1 < elements.Length; i++)
            {
                if (string.Equals(ValueProvenance.ConstantString(Unwrap(elements[i])), HeaderName, StringComparison.OrdinalIgnoreCase))
                {
                    var attachment = FromHeaderValue(elements[i + 1], elements[i + 1], "a header list (\"Authorization\", {value})", "Array");
                    if (attachment != null)
                    {
                        yield return attachment;
                    }
                }
            }
        }

        /// <summary>"Basic " + key, $"Bearer {token}", string.Concat("Basic ", key), a constant "Basic abc".</summary>
        private static AuthorizationAttachment? FromHeaderValue(IOperation operation, IOperation value, string description, string shape, string? leadingOverride = null,
            IOperation? receiver = null, ISymbol? member = null)
        {
            var leading = leadingOverride ?? LeadingConstant(value);
            var scheme = leading == null ? null : FirstWord(leading);
            var unwrapped = Unwrap(value)!;
            IOperation credential = value;
            IOperation? schemeOperation = null;
            switch (unwrapped)
            {
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                    schemeOperation = LeftmostOperand(binary);
                    credential = binary.RightOperand;
                    break;
                case IInterpolatedStringOperation interpolated when interpolated.Parts.Length == 2 && interpolated.Parts[1] is IInterpolationOperation hole:
                    schemeOperation = interpolated.Parts[0];
                    credential = hole.Expression;
                    break;
                case IInvocationOperation concat when StringValues.IsStringConcatOrFormat(concat.TargetMethod) && concat.TargetMethod.Name == "Concat" && concat.Arguments.Length == 2:
                    schemeOperation = Unwrap(concat.Arguments[0].Value);
                    credential = concat.Arguments[1].Value;
                    break;
                default:
                    if (ValueProvenance.ConstantString(unwrapped) != null)
                    {
                        schemeOperation = unwrapped;
                    }

                    break;
            }

            return new AuthorizationAttachment(operation, value, scheme, schemeOperation, credential, description, shape, receiver, member);
        }

        private static IOperation LeftmostOperand(IBinaryOperation binary)
        {
            var left = Unwrap(binary.LeftOperand)!;
            while (left is IBinaryOperation inner && inner.OperatorKind == BinaryOperatorKind.Add)
            {
                left = Unwrap(inner.LeftOperand)!;
            }

            return left;
        }

        private static string? FirstWord(string text)
        {
            var trimmed = text.TrimStart();
            var end = 0;
            while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end])) end++;
            return end == 0 ? null : trimmed.Substring(0, end);
        }

        /// <summary>The constant text a string value starts with: "Basic " in "Basic " + key, $"Basic {key}", string.Concat("Basic ", key).</summary>
        public static string? LeadingConstant(IOperation? operation)
        {
            operation = Unwrap(operation);

            // Down the left spine of "a" + b + c ... without recursion: long chains must not exhaust the stack.
            while (operation is IBinaryOperation chain && chain.OperatorKind == BinaryOperatorKind.Add && ValueProvenance.ConstantString(chain) == null)
            {
                operation = Unwrap(chain.LeftOperand);
            }

            if (operation == null)
            {
                return null;
            }

            if (ValueProvenance.ConstantString(operation) is string constant)
            {
                return constant;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                    return interpolated.Parts[0] is IInterpolatedStringTextOperation leading ? ValueProvenance.ConstantString(leading.Text) : null;
                case IInvocationOperation invocation when StringValues.IsStringConcatOrFormat(invocation.TargetMethod) && invocation.Arguments.Length > 0:
                    {
                        var first = Unwrap(invocation.Arguments[0].Value);
                        if (first is IArrayCreationOperation { Initializer: { } initializer } && initializer.ElementValues.Length > 0)
                        {
                            first = initializer.ElementValues[0];
                        }

                        var text = LeadingConstant(first);
                        if (text != null && invocation.TargetMethod.Name == "Format")
                        {
                            var brace = text.IndexOf('{');
                            return brace >= 0 ? text.Substring(0, brace) : text;
                        }

                        return text;
                    }

                default:
                    return null;
            }
        }

        public static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static IOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return ordinal < arguments.Length ? arguments[ordinal].Value : null;
        }

        /// <summary>The type the call is made on (HttpRequestHeaders, not the declaring HttpHeaders).</summary>
        internal static string ReceiverName(IOperation? instance, ISymbol member)
            => instance?.Type is { TypeKind: not TypeKind.Error } type ? type.Name : member.ContainingType?.Name ?? "?";
    }
}
