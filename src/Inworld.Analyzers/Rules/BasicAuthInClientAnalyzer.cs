using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Rules
{
    /// <summary>
    /// INW002: client-side code (Unity player, Blazor WebAssembly, MAUI, desktop UI, Godot, ...) that sends
    /// an Inworld key as Basic credentials or signs Inworld requests itself (IW1-HMAC-SHA256): the key or
    /// secret ships with every copy of the app. Server projects and Unity Editor code are never flagged.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BasicAuthInClientAnalyzer : DiagnosticAnalyzer
    {
        private const string AuthorizationHeader = "Authorization";
        private const string SignatureScheme = "IW1-HMAC-SHA256";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BasicAuthInClient);

        /// <summary>Diagnostic property the code fix reads: which call shape attached the credential.</summary>
        public const string ShapeProperty = "Shape";

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var provider = start.Options.AnalyzerConfigOptionsProvider;
                var unity = UnityContext.From(start.Compilation);
                var project = ProjectKinds.Detect(start.Compilation, provider.GlobalOptions, unity);

                // A server compilation registers nothing, unless a file says it is client code.
                if (!project.IsClient && !AnyFileOverridesToClient(start.Compilation, provider))
                {
                    return;
                }

                var analysis = new Analysis(start.Compilation, provider, unity, project);
                start.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
                start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
                start.RegisterOperationAction(analysis.AnalyzeArrayInitializer, OperationKind.ArrayInitializer);
                start.RegisterOperationAction(analysis.AnalyzeLiteral, OperationKind.Literal);
            });
        }

        private static bool AnyFileOverridesToClient(Compilation compilation, AnalyzerConfigOptionsProvider provider)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (provider.GetOptions(tree).TryGetValue(ProjectKinds.OptionKey, out var value) && ProjectKinds.TryParse(value, out var kind) && kind == ProjectKind.Client)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Analysis
        {
            private readonly AnalyzerConfigOptionsProvider _provider;
            private readonly UnityContext _unity;
            private readonly ProjectKindDecision _project;
            private readonly INamedTypeSymbol? _authenticationHeaderValue;
            private readonly WellKnownTypes _types;
            private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _typeMentionsInworld = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

            public Analysis(Compilation compilation, AnalyzerConfigOptionsProvider provider, UnityContext unity, ProjectKindDecision project)
            {
                _provider = provider;
                _unity = unity;
                _project = project;
                _authenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
                _types = new WellKnownTypes(compilation);
            }

            /// <summary>new AuthenticationHeaderValue("Basic", key)</summary>
            public void AnalyzeObjectCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Arguments.Length != 2 || !IsAuthenticationHeaderValue(creation.Type) ||
                    !IsBasicScheme(ValueProvenance.ConstantString(Unwrap(ArgumentFor(creation.Arguments, 0)))))
                {
                    return;
                }

                var credential = ArgumentFor(creation.Arguments, 1);
                if (credential != null)
                {
                    Report(context, creation, credential, "new AuthenticationHeaderValue(\"Basic\", ...)", "AuthenticationHeaderValue");
                }
            }

            /// <summary>
            /// headers.Add("Authorization", "Basic " + key), TryAddWithoutValidation, UnityWebRequest.SetRequestHeader,
            /// ClientWebSocketOptions.SetRequestHeader, WebHeaderCollection.Add/Set, dictionary.Add, AuthenticationHeaderValue.Parse.
            /// </summary>
            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                var arguments = invocation.Arguments;
                if ((method.Name == "Parse" || method.Name == "TryParse") && IsAuthenticationHeaderValue(method.ContainingType))
                {
                    var parsed = ArgumentFor(arguments, 0);
                    if (parsed != null && StartsWithBasic(parsed))
                    {
                        Report(context, invocation, parsed, "AuthenticationHeaderValue." + method.Name + "(\"Basic ...\")", "Parse");
                    }

                    return;
                }

                if (arguments.Length == 2)
                {
                    var name = ValueProvenance.ConstantString(Unwrap(ArgumentFor(arguments, 0)));
                    var value = ArgumentFor(arguments, 1);
                    if (value != null && string.Equals(name, AuthorizationHeader, StringComparison.OrdinalIgnoreCase) && StartsWithBasic(value))
                    {
                        Report(context, invocation, value, ReceiverName(invocation.Instance, method) + "." + method.Name + "(\"Authorization\", \"Basic ...\")", "Header");
                    }

                    return;
                }

                if (arguments.Length == 1)
                {
                    var value = ArgumentFor(arguments, 0);
                    if (value == null)
                    {
                        return;
                    }

                    // WebHeaderCollection.Add("Authorization: Basic ...")
                    var prefix = LeadingConstant(value);
                    if (method.Name == "Add" && prefix != null && prefix.StartsWith(AuthorizationHeader + ":", StringComparison.OrdinalIgnoreCase) &&
                        IsBasicPrefix(prefix.Substring(AuthorizationHeader.Length + 1)))
                    {
                        Report(context, invocation, value, ReceiverName(invocation.Instance, method) + ".Add(\"Authorization: Basic ...\")", "Header");
                    }
                }
            }

            /// <summary>headers["Authorization"] = "Basic " + key</summary>
            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Target is IPropertyReferenceOperation indexer && indexer.Arguments.Length == 1 &&
                    string.Equals(ValueProvenance.ConstantString(Unwrap(indexer.Arguments[0].Value)), AuthorizationHeader, StringComparison.OrdinalIgnoreCase) &&
                    StartsWithBasic(assignment.Value))
                {
                    Report(context, assignment, assignment.Value, ReceiverName(indexer.Instance, indexer.Property) + "[\"Authorization\"] = \"Basic ...\"", "Indexer");
                }
            }

            /// <summary>new[] { "Authorization", "Basic " + key } (header lists handed to an HTTP API)</summary>
            public void AnalyzeArrayInitializer(OperationAnalysisContext context)
            {
                var initializer = (IArrayInitializerOperation)context.Operation;
                var elements = initializer.ElementValues;
                for (var i = 0; i + 1 < elements.Length; i++)
                {
                    if (string.Equals(ValueProvenance.ConstantString(Unwrap(elements[i])), AuthorizationHeader, StringComparison.OrdinalIgnoreCase) && StartsWithBasic(elements[i + 1]))
                    {
                        Report(context, elements[i + 1], elements[i + 1], "a header list (\"Authorization\", \"Basic ...\")", "Array");
                    }
                }
            }

            /// <summary>"IW1-HMAC-SHA256 ..." built in client code: the request signature needs the secret.</summary>
            public void AnalyzeLiteral(OperationAnalysisContext context)
            {
                var literal = (ILiteralOperation)context.Operation;
                if (literal.ConstantValue.Value is string text && text.IndexOf(SignatureScheme, StringComparison.Ordinal) >= 0 &&
                    IsClientCode(literal.Syntax))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.BasicAuthInClient, literal.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, "Signature"),
                        "IW1-HMAC-SHA256 request signing (it needs the Inworld secret)", ReasonFor(literal.Syntax)));
                }
            }

            private void Report(OperationAnalysisContext context, IOperation attachment, IOperation credential, string what, string shape)
            {
                if (!IsClientCode(attachment.Syntax))
                {
                    return;
                }

                var options = InworldOptions.Read(_provider.GetOptions(attachment.Syntax.SyntaxTree));
                if (!options.BasicAuthAnyHost && !IsInworldCredential(credential) && !TargetsInworld(attachment, context.ContainingSymbol))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.BasicAuthInClient, attachment.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(ShapeProperty, shape),
                    "Basic authentication via " + what, ReasonFor(attachment.Syntax)));
            }

            private bool IsClientCode(SyntaxNode node)
            {
                var decision = ProjectKinds.ForFile(_project, _provider.GetOptions(node.SyntaxTree));
                return decision.IsClient && !_unity.IsEditorOnly(node.SyntaxTree, node.SpanStart);
            }

            private string ReasonFor(SyntaxNode node) => ProjectKinds.ForFile(_project, _provider.GetOptions(node.SyntaxTree)).Reason;

            /// <summary>The credential comes from an Inworld-named source (INWORLD_API_KEY, inworldApiKey, Inworld:ApiKey) or is an Inworld key.</summary>
            private bool IsInworldCredential(IOperation credential)
            {
                foreach (var operation in credential.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case ILiteralOperation literal when literal.ConstantValue.Value is string text:
                            if (CredentialShape.FindApiKey(text).IsMatch || CredentialShape.MatchRawKeyPair(text).IsMatch)
                            {
                                return true;
                            }

                            break;
                        case IInvocationOperation _:
                        case IMemberReferenceOperation _:
                        case ILocalReferenceOperation _:
                        case IParameterReferenceOperation _:
                            if (ValueProvenance.DescribeSource(operation, _types).NameKind != CredentialNameKind.None)
                            {
                                return true;
                            }

                            break;
                    }
                }

                return false;
            }

            /// <summary>
            /// The request goes to an Inworld host: an Inworld URL in the same method (literal, const, field or
            /// property value) or anywhere in the containing type's declaration (a BaseAddress set elsewhere).
            /// </summary>
            private bool TargetsInworld(IOperation attachment, ISymbol? containingSymbol)
            {
                var root = attachment;
                while (root.Parent != null) root = root.Parent;
                foreach (var operation in root.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case ILiteralOperation literal when InworldEndpoints.IsInworldUrl(literal.ConstantValue.Value as string):
                            return true;
                        case IFieldReferenceOperation field when InworldEndpoints.IsInworldUrl(StringValues.SymbolValue(field.Field, out _)):
                            return true;
                        case IPropertyReferenceOperation property when InworldEndpoints.IsInworldUrl(StringValues.SymbolValue(property.Property, out _)):
                            return true;
                    }
                }

                var type = containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType;
                return type != null && _typeMentionsInworld.GetOrAdd(type, TypeMentionsInworldUrl);
            }

            /// <summary>Once per type: does any string literal in its declaration name an Inworld host?</summary>
            private static bool TypeMentionsInworldUrl(INamedTypeSymbol type)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    foreach (var token in reference.GetSyntax().DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)
                        {
                            if (InworldEndpoints.IsInworldUrl(token.ValueText))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }

            private bool IsAuthenticationHeaderValue(ITypeSymbol? type)
                => type != null && (_authenticationHeaderValue != null
                    ? SymbolEqualityComparer.Default.Equals(type, _authenticationHeaderValue)
                    : type.Name == "AuthenticationHeaderValue");

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
            private static string ReceiverName(IOperation? instance, ISymbol member)
                => instance?.Type is { TypeKind: not TypeKind.Error } type ? type.Name : member.ContainingType?.Name ?? "?";

            private static IOperation? Unwrap(IOperation? operation)
            {
                while (operation is IConversionOperation conversion)
                {
                    operation = conversion.Operand;
                }

                return operation;
            }

            private static bool IsBasicScheme(string? scheme) => scheme != null && scheme.Trim().Equals("Basic", StringComparison.OrdinalIgnoreCase);

            private static bool StartsWithBasic(IOperation value)
            {
                var prefix = LeadingConstant(value);
                return prefix != null && IsBasicPrefix(prefix);
            }

            private static bool IsBasicPrefix(string prefix)
            {
                var trimmed = prefix.TrimStart();
                return trimmed.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("Basic", StringComparison.OrdinalIgnoreCase);
            }

            /// <summary>The constant text a string value starts with: "Basic " in "Basic " + key, $"Basic {key}", string.Concat("Basic ", key).</summary>
            private static string? LeadingConstant(IOperation? operation)
            {
                operation = Unwrap(operation);
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
                    case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                        return LeadingConstant(binary.LeftOperand);
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
        }
    }
}
