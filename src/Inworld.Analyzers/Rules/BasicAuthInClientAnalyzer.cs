using System;
using System.Collections.Immutable;
using System.Linq;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Inworld.Analyzers.Core.ValueFlow;
using Microsoft.CodeAnalysis;
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
        private const string SignatureScheme = "IW1-HMAC-SHA256";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BasicAuthInClient);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var inworld = InworldContext.For(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);

                // A server compilation registers nothing, unless a file says it is client code.
                if (!inworld.Project.IsClient && !AnyFileOverridesToClient(start.Compilation, inworld.OptionsProvider))
                {
                    return;
                }

                var analysis = new Analysis(inworld);
                var generated = GeneratedCode.For(start.Options, start.CancellationToken);

                // Per operation block, only where the pre-filter (TreeFacts) finds an Authorization word, the
                // signature scheme or a name that carries one from another file.
                generated.RegisterPerBlock(start, inworld.MayAttachAuthorization, (block, wrap) =>
                {
                    block.RegisterOperationAction(wrap(analysis.AnalyzeObjectCreation), OperationKind.ObjectCreation);
                    block.RegisterOperationAction(wrap(analysis.AnalyzeInvocation), OperationKind.Invocation);
                    block.RegisterOperationAction(wrap(analysis.AnalyzeAssignment), OperationKind.SimpleAssignment);
                    block.RegisterOperationAction(wrap(analysis.AnalyzeArrayInitializer), OperationKind.ArrayInitializer);
                    block.RegisterOperationAction(wrap(analysis.AnalyzeLiteral), OperationKind.Literal);
                    block.RegisterOperationAction(wrap(analysis.AnalyzeInvalid), OperationKind.Invalid);
                });
            });
        }

        private static bool AnyFileOverridesToClient(Compilation compilation, AnalyzerConfigOptionsProvider provider)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (ProjectKinds.OverridesToClient(provider.GetOptions(tree)))
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Analysis
        {
            private readonly InworldContext _context;
            private readonly WellKnownTypes _types;
            private readonly RequestStrings _requestStrings;

            public Analysis(InworldContext context)
            {
                _context = context;
                _types = context.Types;
                _requestStrings = context.RequestStrings;
            }

            /// <summary>new AuthenticationHeaderValue("Basic", key), AuthenticationHeaderValue.Parse("Basic ...")</summary>
            public void AnalyzeObjectCreation(OperationAnalysisContext context)
                => Analyze(context, AuthorizationHeaders.FromObjectCreation((IObjectCreationOperation)context.Operation, _types));

            /// <summary>
            /// headers.Add("Authorization", "Basic " + key), TryAddWithoutValidation, UnityWebRequest.SetRequestHeader,
            /// ClientWebSocketOptions.SetRequestHeader, WebHeaderCollection.Add/Set, dictionary.Add, AuthenticationHeaderValue.Parse,
            /// extension setters (RestSharp AddHeader/AddDefaultHeader, Flurl WithHeader/WithHeaders/WithBasicAuth).
            /// </summary>
            public void AnalyzeInvocation(OperationAnalysisContext context)
                => Analyze(context, AuthorizationHeaders.FromInvocation((IInvocationOperation)context.Operation, _types));

            /// <summary>The same calls and creations on a receiver whose type does not resolve (a reference the build or scanner lacks).</summary>
            public void AnalyzeInvalid(OperationAnalysisContext context)
                => Analyze(context, AuthorizationHeaders.FromInvalid((IInvalidOperation)context.Operation));

            /// <summary>headers["Authorization"] = "Basic " + key</summary>
            public void AnalyzeAssignment(OperationAnalysisContext context)
                => Analyze(context, AuthorizationHeaders.FromAssignment((ISimpleAssignmentOperation)context.Operation));

            /// <summary>new[] { "Authorization", "Basic " + key } (header lists handed to an HTTP API)</summary>
            public void AnalyzeArrayInitializer(OperationAnalysisContext context)
            {
                foreach (var attachment in AuthorizationHeaders.FromArrayInitializer((IArrayInitializerOperation)context.Operation))
                {
                    Analyze(context, attachment);
                }
            }

            private void Analyze(OperationAnalysisContext context, AuthorizationAttachment? attachment)
            {
                if (attachment != null && attachment.IsScheme("Basic"))
                {
                    Report(context, attachment, attachment.Describe("\"Basic\"", "\"Basic ...\""));
                }
            }

            /// <summary>"IW1-HMAC-SHA256 ..." built in client code: the request signature needs the secret.</summary>
            public void AnalyzeLiteral(OperationAnalysisContext context)
            {
                var literal = (ILiteralOperation)context.Operation;
                if (StringValues.LiteralText(literal) is string text && text.IndexOf(SignatureScheme, StringComparison.Ordinal) >= 0 &&
                    ClientDecision(literal.Syntax) is ProjectKindDecision client)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.BasicAuthInClient, literal.Syntax.GetLocation(),
                        BasicAuthProperties.Write(AttachmentShape.Signature),
                        "IW1-HMAC-SHA256 request signing (it needs the Inworld secret)", client.Reason));
                }
            }

            private void Report(OperationAnalysisContext context, AuthorizationAttachment attachment, string what)
            {
                var operation = attachment.Operation;
                if (!(ClientDecision(operation.Syntax) is ProjectKindDecision client))
                {
                    return;
                }

                var options = _context.Options(operation.Syntax.SyntaxTree);
                if (!options.BasicAuthAnyHost && !IsInworldCredential(attachment.Value) && !(attachment.UserName != null && IsInworldCredential(attachment.UserName)) &&
                    !HasInworldOrigin(attachment) && !TargetsInworld(operation, context.ContainingSymbol))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.BasicAuthInClient, operation.Syntax.GetLocation(),
                    BasicAuthProperties.Write(AttachmentShapes.Of(attachment)),
                    "Basic authentication via " + what, client.Reason));
            }

            /// <summary>
            /// The credential, followed through locals, fields and properties (a field set in Awake from
            /// inworldApiKey), starts at an Inworld-named source.
            /// </summary>
            private bool HasInworldOrigin(AuthorizationAttachment attachment)
            {
                foreach (var part in attachment.UserName == null ? new[] { attachment.Credential } : new[] { attachment.Credential, attachment.UserName })
                {
                    foreach (var origin in ValueTrace.OriginsOf(part, _types))
                    {
                        if (origin.Kind != ValueOriginKind.Literal && CredentialNames.IsInworldCredentialName(origin.Name))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            /// <summary>The client decision for code at this node, or null for server or Unity Editor-only code.</summary>
            private ProjectKindDecision? ClientDecision(SyntaxNode node)
            {
                var decision = _context.ProjectKind(node.SyntaxTree);
                return decision.IsClient && !_context.Unity.IsEditorOnly(node.SyntaxTree, node.SpanStart) ? decision : (ProjectKindDecision?)null;
            }

            /// <summary>The credential comes from an Inworld-named source (INWORLD_API_KEY, inworldApiKey, Inworld:ApiKey) or is an Inworld key.</summary>
            private bool IsInworldCredential(IOperation credential)
            {
                foreach (var operation in credential.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case ILiteralOperation literal when StringValues.LiteralText(literal) is string text:
                            if (CredentialClassifier.IsKeyOrPair(text))
                            {
                                return true;
                            }

                            break;
                        case IInvocationOperation _:
                        case IInvalidOperation _:
                        case IMemberReferenceOperation _:
                        case ILocalReferenceOperation _:
                        case IParameterReferenceOperation _:
                            if (ValueTrace.DescribePlace(operation, _types).NameKind != CredentialNameKind.None)
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
                => _requestStrings.InMethod(attachment).Any(InworldEndpoints.IsInworldUrl) ||
                   _requestStrings.InType(containingSymbol).Any(InworldEndpoints.IsInworldUrl);
        }
    }
}
