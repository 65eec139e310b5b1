using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>
    /// INW002 fix "Use a short-lived token from your backend" (<see cref="BackendTokenRewrite"/>), dispatched on the
    /// call shape the analyzer wrote into the diagnostic.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BasicAuthTokenCodeFixProvider)), Shared]
    public sealed class BasicAuthTokenCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = BackendTokenRewrite.EquivalenceKey;
        public const string Title = BackendTokenRewrite.Title;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BasicAuthInClient);

        public override FixAllProvider GetFixAllProvider() => new BackendTokenRewrite.FixAll(SiteOf);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            // Razor output and other generated code: a fix would edit a file the next build overwrites.
            if (GeneratedCode.IsGeneratedTree(root.SyntaxTree, context.CancellationToken))
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (SiteOf(context.Document, diagnostic, root, model, context.CancellationToken) is TokenCallSite site &&
                    BackendTokenRewrite.CanRewrite(root, model, site.Span, site.Shape, context.CancellationToken))
                {
                    context.RegisterCodeFix(BackendTokenRewrite.CreateAction(context.Document.Project.Solution, site), diagnostic);
                }
            }
        }

        /// <summary>The call site INW002 reported, with the shape the analyzer saw; none when the diagnostic carries no valid shape.</summary>
        private static TokenCallSite? SiteOf(Document document, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
            => diagnostic.Location.SourceTree == root.SyntaxTree && BasicAuthProperties.TryRead(diagnostic, out var properties)
                ? new TokenCallSite(document.Id, diagnostic.Location.SourceSpan, properties.Shape)
                : (TokenCallSite?)null;
    }
}
