using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
            IOperation? receiver = null, ISymbol? member = null, IOperation? userName = null)
        {
            Operation = operation;
            UserName = userName;
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

        /// <summary>The user name of a Basic helper (WithBasicAuth(user, password)): part of the credential, like the password.</summary>
        public IOperation? UserName { get; }

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
    /// UnityWebRequest.SetRequestHeader, WebHeaderCollection, dictionaries), the same as extension methods
    /// (RestSharp AddHeader/AddDefaultHeader/AddOrUpdateHeader, Flurl WithHeader/WithHeaders), the Basic and
    /// Bearer helpers (Flurl WithBasicAuth/WithOAuthBearerToken, RestSharp HttpBasicAuthenticator/JwtAuthenticator),
    /// "Authorization: ..." header lines, indexer assignments and header arrays; and, where the receiver's type
    /// does not resolve (a missing reference), the same calls read from syntax. Shared by INW002, INW003 and INW005.
    /// </summary>
    internal static class AuthorizationHeaders
    {
        public const string HeaderName = "Authorization";

        /// <summary>Shapes (AuthorizationAttachment.Shape) that no code fix rewrites: there is no "Basic " text to turn into a token.</summary>
        public const string BasicHelperShape = "BasicAuthHelper";
        public const string BearerHelperShape = "BearerHelper";
        public const string AnonymousHeadersShape = "AnonymousHeaders";

        // Calls that read or remove a header: "Authorization" in them is no send, whatever the second argument.
        private static readonly HashSet<string> ReadOnlyNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Contains", "ContainsKey", "TryGetValue", "TryGetValues", "GetValues", "GetValue", "Get", "GetHeader", "TryGetHeader", "HasHeader",
            "GetRequestHeader", "GetResponseHeader", "Remove", "RemoveHeader", "IndexOf", "Equals", "StartsWith", "EndsWith", "Compare",
        };

        // Where the receiver does not bind there is no method to ask, so only these setter names are trusted.
        private static readonly HashSet<string> UnresolvedSetterNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Add", "Set", "TryAdd", "TryAddWithoutValidation", "Append", "Put", "SetRequestHeader", "SetHeader", "AddHeader", "AddDefaultHeader",
            "AddOrUpdateHeader", "AddOrUpdateDefaultHeader", "WithHeader",
        };

        public static AuthorizationAttachment? FromObjectCreation(IObjectCreationOperation creation, WellKnownTypes types)
        {
            var typeName = creation.Type?.Name;
            if (typeName == "HttpBasicAuthenticator" || typeName == "JwtAuthenticator")
            {
                return typeName == "JwtAuthenticator"
                    ? FromHelper(creation, typeName, null, ArgumentFor(creation.Arguments, 0), null, "new JwtAuthenticator")
                    : FromHelper(creation, typeName, ArgumentFor(creation.Arguments, 0), ArgumentFor(creation.Arguments, 1), null, "new HttpBasicAuthenticator");
            }

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

            var scheme = StringValues.ConstantString(schemeOperation)?.Trim();
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

            // An extension method called as one (request.AddHeader("Authorization", v)) has its receiver as argument 0.
            var offset = method.IsExtensionMethod && invocation.Instance == null ? 1 : 0;
            var count = arguments.Length - offset;
            if (count == 2)
            {
                var name = StringValues.ConstantString(Unwrap(ArgumentFor(arguments, offset)));
                if (!string.Equals(name, HeaderName, StringComparison.OrdinalIgnoreCase))
                {
                    return method.Name == "WithBasicAuth" ? FromHelper(invocation, method.Name, ArgumentFor(arguments, offset), ArgumentFor(arguments, offset + 1), Receiver(invocation, offset), "{receiver}.WithBasicAuth") :
                           method.Name == "WithHeaders" ? FromAnonymousHeaders(invocation, ArgumentFor(arguments, offset), Receiver(invocation, offset), method) : null;
                }

                // Contains("Authorization", v), TryGetValues("Authorization", out v): reading is no send.
                var value = ArgumentFor(arguments, offset + 1);
                return value != null && !ReadOnlyNames.Contains(method.Name) && !IsOutOrRef(arguments, offset + 1)
                    ? FromHeaderValue(invocation, value, "{receiver}.{member}(\"Authorization\", {value})", "Header", receiver: Receiver(invocation, offset), member: method)
                    : null;
            }

            if (count == 1 && method.Name == "WithOAuthBearerToken")
            {
                return FromHelper(invocation, method.Name, null, ArgumentFor(arguments, offset), Receiver(invocation, offset), "{receiver}.WithOAuthBearerToken");
            }

            if (count == 1 && method.Name == "WithHeaders")
            {
                return FromAnonymousHeaders(invocation, ArgumentFor(arguments, offset), Receiver(invocation, offset), method);
            }

            if (count == 1 && method.Name == "Add")
            {
                // WebHeaderCollection.Add("Authorization: Basic ...")
                var line = ArgumentFor(arguments, offset);
                return line == null ? null : FromHeaderLine(invocation, line, "{receiver}.Add(\"Authorization: {bare}\")", Receiver(invocation, offset), method);
            }

            return null;
        }

        private static IOperation? Receiver(IInvocationOperation invocation, int offset)
            => offset == 1 ? Unwrap(ArgumentFor(invocation.Arguments, 0)) : invocation.Instance;

        public static AuthorizationAttachment? FromAssignment(ISimpleAssignmentOperation assignment)
        {
            if (assignment.Target is IPropertyReferenceOperation indexer && indexer.Arguments.Length == 1 &&
                string.Equals(StringValues.ConstantString(Unwrap(indexer.Arguments[0].Value)), HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                return FromHeaderValue(assignment, assignment.Value, "{receiver}[\"Authorization\"] = {value}", "Indexer", receiver: indexer.Instance, member: indexer.Property);
            }

            // request.Headers["Authorization"] = ... on a type that does not resolve.
            if (assignment.Target is IInvalidOperation invalid && invalid.Syntax is ElementAccessExpressionSyntax element && element.ArgumentList.Arguments.Count == 1 &&
                string.Equals(StringValues.ConstantString(OperationFor(invalid, element.ArgumentList.Arguments[0].Expression)), HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                return FromHeaderValue(assignment, assignment.Value, Shorten(element.Expression) + "[\"Authorization\"] = {value}", "Indexer");
            }

            return null;
        }

        /// <summary>
        /// A call or creation that does not bind because a type is missing (a NuGet or Unity reference the scanner
        /// or a broken build lacks): Roslyn gives an IInvalidOperation whose children are the receiver and the
        /// argument values. Read from syntax: a known setter name, "Authorization" as the first header argument
        /// (or the second, after the receiver, in a static call), and the value after it. Read-only calls
        /// (Contains, TryGetValues, GetRequestHeader, ...) are not setters and never match.
        /// </summary>
        public static AuthorizationAttachment? FromInvalid(IInvalidOperation invalid)
        {
            switch (invalid.Syntax)
            {
                case InvocationExpressionSyntax call:
                    {
                        var access = call.Expression as MemberAccessExpressionSyntax;
                        var name = access?.Name.Identifier.ValueText ?? (call.Expression as MemberBindingExpressionSyntax)?.Name.Identifier.ValueText ??
                                   (call.Expression as IdentifierNameSyntax)?.Identifier.ValueText;
                        if (name == null)
                        {
                            return null;
                        }

                        var arguments = call.ArgumentList.Arguments;
                        if (name == "WithBasicAuth" || name == "WithOAuthBearerToken")
                        {
                            // (user, password) / (token), after the receiver in a static call.
                            var basic = name == "WithBasicAuth";
                            var start = arguments.Count - (basic ? 2 : 1);
                            if (start < 0 || start > 1)
                            {
                                return null;
                            }

                            return FromHelper(invalid, name, basic ? OperationFor(invalid, arguments[start].Expression) : null, OperationFor(invalid, arguments[arguments.Count - 1].Expression), null,
                                (start == 1 ? ReceiverText(invalid, arguments[0].Expression) : access != null ? ReceiverText(invalid, access.Expression) : "?") + "." + name);
                        }

                        if ((name == "Parse" || name == "TryParse") && access != null && LastName(access.Expression) == "AuthenticationHeaderValue" && arguments.Count >= 1)
                        {
                            var parsed = OperationFor(invalid, arguments[0].Expression);
                            return parsed == null ? null : FromHeaderValue(invalid, parsed, "AuthenticationHeaderValue." + name + "({value})", "Parse");
                        }

                        if (!UnresolvedSetterNames.Contains(name))
                        {
                            return null;
                        }

                        var receiverText = access != null ? ReceiverText(invalid, access.Expression) :
                            call.Parent is ConditionalAccessExpressionSyntax conditional ? Shorten(conditional.Expression) : "?";
                        if (arguments.Count == 1 && name == "Add")
                        {
                            var line = OperationFor(invalid, arguments[0].Expression);
                            return line == null ? null : FromHeaderLine(invalid, line, receiverText + ".Add(\"Authorization: {bare}\")", null, null);
                        }

                        // (name, value), or (receiver, name, value) for an extension method called statically.
                        var first = arguments.Count == 2 ? 0 : arguments.Count == 3 ? 1 : -1;
                        if (first < 0 || arguments[first + 1].RefKindKeyword.IsKind(SyntaxKind.OutKeyword) || arguments[first + 1].RefKindKeyword.IsKind(SyntaxKind.RefKeyword))
                        {
                            return null;
                        }

                        var nameOperation = OperationFor(invalid, arguments[first].Expression);
                        var valueOperation = OperationFor(invalid, arguments[first + 1].Expression);
                        if (valueOperation == null || !string.Equals(StringValues.ConstantString(nameOperation), HeaderName, StringComparison.OrdinalIgnoreCase))
                        {
                            return null;
                        }

                        if (first == 1)
                        {
                            receiverText = ReceiverText(invalid, arguments[0].Expression);
                        }

                        return FromHeaderValue(invalid, valueOperation, receiverText + "." + name + "(\"Authorization\", {value})", "Header");
                    }

                case ObjectCreationExpressionSyntax creation when creation.ArgumentList != null:
                    {
                        var typeName = LastName(creation.Type);
                        var arguments = creation.ArgumentList.Arguments;
                        if (typeName == "HttpBasicAuthenticator" || typeName == "JwtAuthenticator")
                        {
                            var jwt = typeName == "JwtAuthenticator";
                            return arguments.Count < (jwt ? 1 : 2) ? null : FromHelper(invalid, typeName, jwt ? null : OperationFor(invalid, arguments[0].Expression),
                                OperationFor(invalid, arguments[jwt ? 0 : 1].Expression), null, "new " + typeName);
                        }

                        if (typeName == "AuthenticationHeaderValue" && arguments.Count == 2)
                        {
                            var schemeOperation = OperationFor(invalid, arguments[0].Expression);
                            var credential = OperationFor(invalid, arguments[1].Expression);
                            return credential == null ? null : new AuthorizationAttachment(invalid, credential, StringValues.ConstantString(schemeOperation)?.Trim(), schemeOperation,
                                credential, "new AuthenticationHeaderValue({scheme}, ...)", "AuthenticationHeaderValue");
                        }

                        return null;
                    }

                default:
                    return null;
            }
        }

        /// <summary>
        /// Flurl's WithBasicAuth(user, password) and WithOAuthBearerToken(token), RestSharp's
        /// new HttpBasicAuthenticator(user, password) and new JwtAuthenticator(token): the library writes the
        /// scheme, so the scheme is known from the name and there is no scheme text to rewrite.
        /// </summary>
        private static AuthorizationAttachment? FromHelper(IOperation operation, string name, IOperation? user, IOperation? secret, IOperation? receiver, string callText)
        {
            var basic = name == "WithBasicAuth" || name == "HttpBasicAuthenticator";
            if (secret == null || (basic && user == null))
            {
                return null;
            }

            var call = callText.Replace("{receiver}", ReceiverName(receiver, null));
            return new AuthorizationAttachment(operation, secret, basic ? "Basic" : "Bearer", null, secret, call + (basic ? "(user, password)" : "(token)"),
                basic ? BasicHelperShape : BearerHelperShape, userName: user);
        }

        /// <summary>Flurl's WithHeaders(new { Authorization = "Basic " + key }).</summary>
        private static AuthorizationAttachment? FromAnonymousHeaders(IOperation operation, IOperation? argument, IOperation? receiver, IMethodSymbol method)
        {
            if (!(Unwrap(argument) is IAnonymousObjectCreationOperation headers))
            {
                return null;
            }

            foreach (var initializer in headers.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment &&
                    string.Equals(property.Property.Name, HeaderName, StringComparison.OrdinalIgnoreCase))
                {
                    return FromHeaderValue(operation, assignment.Value, "{receiver}.WithHeaders(new { Authorization = {value} })", AnonymousHeadersShape, receiver: receiver, member: method);
                }
            }

            return null;
        }

        private static AuthorizationAttachment? FromHeaderLine(IOperation operation, IOperation line, string description, IOperation? receiver, ISymbol? member)
        {
            var prefix = LeadingConstant(line);
            if (prefix == null || !prefix.StartsWith(HeaderName + ":", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return FromHeaderValue(operation, line, description, "HeaderLine", prefix.Substring(HeaderName.Length + 1), receiver, member);
        }

        private static bool IsOutOrRef(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Parameter.RefKind == RefKind.Out || argument.Parameter.RefKind == RefKind.Ref;
                }
            }

            return false;
        }

        /// <summary>The child of an invalid operation that stands for <paramref name="expression"/>.</summary>
        private static IOperation? OperationFor(IOperation parent, ExpressionSyntax expression)
        {
            foreach (var child in parent.Children)
            {
                if (child != null && child.Syntax == expression)
                {
                    return child;
                }
            }

            return null;
        }

        private static string? LastName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// For messages: the receiver's type name where Roslyn knows it, even unresolved (UnityWebRequest in
        /// "var request = new UnityWebRequest(...)"), else the receiver as written ("x.Headers").
        /// </summary>
        private static string ReceiverText(IOperation invalid, ExpressionSyntax receiver)
        {
            foreach (var child in invalid.Children)
            {
                // The receiver is a child, or the child of the member-access node Roslyn keeps for the call.
                var match = child?.Syntax == receiver ? child : null;
                if (match == null && child != null && child.Syntax is MemberAccessExpressionSyntax)
                {
                    match = OperationFor(child, receiver);
                }

                if (match?.Type is { } type && type.Name.Length > 0)
                {
                    return type.SpecialType == SpecialType.System_String ? "string" : type.Name;
                }
            }

            return Shorten(receiver);
        }

        /// <summary>The receiver as written, or its last name when long: messages stay one line.</summary>
        private static string Shorten(ExpressionSyntax expression)
        {
            var text = expression.ToString();
            return text.Length <= 40 && text.IndexOf('\n') < 0 ? text : LastName(expression) ?? "?";
        }

        public static IEnumerable<AuthorizationAttachment> FromArrayInitializer(IArrayInitializerOperation initializer)
        {
            var elements = initializer.ElementValues;
            for (var i = 0; i + 1 < elements.Length; i++)
            {
                if (string.Equals(StringValues.ConstantString(Unwrap(elements[i])), HeaderName, StringComparison.OrdinalIgnoreCase))
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
                    if (StringValues.ConstantString(unwrapped) != null)
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
            while (operation is IBinaryOperation chain && chain.OperatorKind == BinaryOperatorKind.Add && StringValues.ConstantString(chain) == null)
            {
                operation = Unwrap(chain.LeftOperand);
            }

            if (operation == null)
            {
                return null;
            }

            if (StringValues.ConstantString(operation) is string constant)
            {
                return constant;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                    return interpolated.Parts[0] is IInterpolatedStringTextOperation leading ? StringValues.ConstantString(leading.Text) : null;
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
        internal static string ReceiverName(IOperation? instance, ISymbol? member)
            => instance?.Type is { TypeKind: not TypeKind.Error } type ? (type.SpecialType == SpecialType.System_String ? "string" : type.Name) : member?.ContainingType?.Name ?? "?";
    }
}
