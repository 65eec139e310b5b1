using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>
    /// INW001 fixes for code that runs on users' devices (the analyzer's "client" answer in the diagnostic), where an
    /// environment variable is no secret store:
    /// <list type="bullet">
    /// <item>"Use a short-lived token from your backend": when the credential is written inside a request's
    /// Authorization value, that request is switched to a token (<see cref="BackendTokenRewrite"/>, dispatched on the
    /// call shape the analyzer wrote, as the INW002 fix is);</item>
    /// <item>"Remove the hard-coded credential": the value becomes an empty string of the same kind ("", $"", ""u8),
    /// which compiles wherever the value did, const and attribute arguments included.</item>
    /// </list>
    /// Either way the key has shipped already; the message and the rule page say to rotate it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientCredentialCodeFixProvider)), Shared]
    public sealed class ClientCredentialCodeFixProvider : CodeFixProvider
    {
        public const string RemoveEquivalenceKey = "INW001.RemoveFromClient";
        public const string TokenEquivalenceKey = BackendTokenRewrite.EquivalenceKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardcodedCredential);

        public override FixAllProvider GetFixAllProvider() => FixAllByAction.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);

            // Razor output and other generated code: a fix would edit a file the next build overwrites.
            if (root == null || model == null || GeneratedCode.IsGeneratedTree(root.SyntaxTree, context.CancellationToken))
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!HardcodedCredentialProperties.TryRead(diagnostic, out var properties) || !properties.IsClient)
                {
                    continue;
                }

                // The token flow first: where the key is sent, it is what the code needs instead.
                if (TokenSiteOf(context.Document, diagnostic, root, model, context.CancellationToken) is TokenCallSite site &&
                    BackendTokenRewrite.CanRewrite(root, model, site.Span, site.Shape, context.CancellationToken))
                {
                    context.RegisterCodeFix(BackendTokenRewrite.CreateAction(context.Document.Project.Solution, site), diagnostic);
                }

                if (await RemovalTargetAsync(context.Document, root, diagnostic, properties, context.CancellationToken).ConfigureAwait(false) != null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(CodeFixTitles.RemoveFromClient, ct => RemoveAsync(context.Document, new[] { diagnostic }, ct), RemoveEquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>The request the analyzer found the client-side credential written into, as a call site for the token rewrite.</summary>
        private static TokenCallSite? TokenSiteOf(Document document, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
            => diagnostic.Location.SourceTree == root.SyntaxTree && HardcodedCredentialProperties.TryRead(diagnostic, out var properties) &&
               properties.IsClient && properties.Request is ClientRequest request && root.FullSpan.Contains(request.Span)
                ? new TokenCallSite(document.Id, request.Span, request.Shape)
                : (TokenCallSite?)null;

        /// <summary>
        /// The expression that holds the value (the additional location when the analyzer attached one, else the
        /// location), or null when removing it cannot be done safely: the value is not written there (a use of a
        /// constant from another file), it is matched against (a case label or pattern: two emptied labels would
        /// collide), or it is a const that code matches against.
        /// </summary>
        private static async Task<ExpressionSyntax?> RemovalTargetAsync(Document document, SyntaxNode root, Diagnostic diagnostic, HardcodedCredentialProperties properties, CancellationToken cancellationToken)
        {
            if (!properties.IsClient || !properties.ValueInPlace)
            {
                return null;
            }

            var location = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : diagnostic.Location;
            if (location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(location.SourceSpan))
            {
                return null;
            }

            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }
            else if (node is AttributeArgumentSyntax attributeArgument)
            {
                node = attributeArgument.Expression;
            }

            if (!(node is ExpressionSyntax target) || target.Span != location.SourceSpan || IsMatchedAgainst(target))
            {
                return null;
            }

            var declarator = target.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable } ? variable : null;
            if (declarator != null && await IsUnsafeToEmptyAsync(document, declarator, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return target;
        }

        /// <summary>A case label or a pattern: a value compared against, where an emptied duplicate would not compile.</summary>
        private static bool IsMatchedAgainst(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case CaseSwitchLabelSyntax _:
                    case PatternSyntax _:
                        return true;
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                    case SwitchExpressionArmSyntax _:
                        return false;
                }
            }

            return false;
        }

        private static bool IsConst(VariableDeclarationSyntax declaration) => declaration.Parent switch
        {
            FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
            LocalDeclarationStatementSyntax local => local.Modifiers.Any(SyntaxKind.ConstKeyword),
            _ => false,
        };

        /// <summary>
        /// A declared value whose uses make emptying it wrong for now: a const that code matches against, or a value
        /// that is assembled with a credential-sized literal somewhere (InworldKeyId + ":" + "&lt;secret&gt;"). Emptied
        /// first, that assembled value would no longer look like a credential and its literal would stay in the source
        /// unreported; it is reported and emptied on its own, after which this declaration is offered the fix.
        /// </summary>
        private static async Task<bool> IsUnsafeToEmptyAsync(Document document, VariableDeclaratorSyntax declarator, CancellationToken cancellationToken)
        {
            var isConst = declarator.Parent is VariableDeclarationSyntax declaration && IsConst(declaration);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var symbol = model?.GetDeclaredSymbol(declarator, cancellationToken);
            if (symbol == null)
            {
                return true;
            }

            foreach (var reference in await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in reference.Locations)
                {
                    var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    var node = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (node != null && (isConst && IsMatchedAgainst(node) || IsAssembledWithCredentialSizedLiteral(node)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The use sits in a +, interpolation or string.Concat/Format together with a literal long enough to be a credential part.</summary>
        private static bool IsAssembledWithCredentialSizedLiteral(SyntaxNode use)
        {
            SyntaxNode outermost = use;
            for (var current = use.Parent; current != null; current = current.Parent)
            {
                if (current is ArgumentSyntax && current.Parent?.Parent is InvocationExpressionSyntax call && IsStringConcatOrFormat(call))
                {
                    current = call;
                }
                else if (!(current is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression) || current is InterpolatedStringExpressionSyntax ||
                           current is InterpolationSyntax || current is ParenthesizedExpressionSyntax))
                {
                    break;
                }

                outermost = current;
            }

            if (outermost == use)
            {
                return false;
            }

            foreach (var token in outermost.DescendantTokens())
            {
                if ((token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken)) && CredentialShape.MayContainCredential(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsStringConcatOrFormat(InvocationExpressionSyntax invocation)
            => invocation.Expression is MemberAccessExpressionSyntax access && (access.Name.Identifier.ValueText == "Concat" || access.Name.Identifier.ValueText == "Format") &&
               (access.Expression.ToString() == "string" || access.Expression.ToString() == "String" || access.Expression.ToString() == "System.String");

        /// <summary>Empties every removable value of one document in one rewrite; a value reported twice (at its use and its declaration) once.</summary>
        private static async Task<Document> RemoveAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var targets = new List<ExpressionSyntax>();
            foreach (var diagnostic in diagnostics)
            {
                if (HardcodedCredentialProperties.TryRead(diagnostic, out var properties) &&
                    await RemovalTargetAsync(document, root, diagnostic, properties, cancellationToken).ConfigureAwait(false) is ExpressionSyntax target)
                {
                    targets.Add(target);
                }
            }

            // A fragment inside an expression that is itself emptied goes with it.
            var outermost = targets.Where(t => !targets.Any(o => o != t && o.Span.Contains(t.Span) && o.Span != t.Span))
                .GroupBy(t => t.Span).Select(g => g.First()).ToList();
            if (outermost.Count == 0)
            {
                return document;
            }

            var options = root.SyntaxTree.Options;
            var newRoot = root.ReplaceNodes(outermost, (original, _) => EmptyValue(original, options).WithTriviaFrom(original));
            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>
        /// An empty value of the same kind, so every context the value compiled in still compiles: "" (a string, const
        /// or not), $"" (an interpolated string can be a FormattableString or a handler), ""u8 (a ReadOnlySpan of bytes),
        /// string.Empty for a computed value (string.Format, string.Concat).
        /// </summary>
        private static ExpressionSyntax EmptyValue(ExpressionSyntax original, ParseOptions options)
        {
            switch (original)
            {
                case LiteralExpressionSyntax literal when literal.Token.Text.EndsWith("u8", StringComparison.OrdinalIgnoreCase):
                    // "..."u8 has a syntax kind the 3.7 API cannot name: parse it with the file's own options.
                    return SyntaxFactory.ParseExpression("\"\"u8", options: options);
                case InterpolatedStringExpressionSyntax _:
                    return SyntaxFactory.ParseExpression("$\"\"", options: options);
                case ExpressionSyntax computed when computed.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any():
                    // string.Format(...), string.Concat(...): not a constant, and the empty value should not become one either.
                    // A private field assigned only constants and never read is warning CS0414; one assigned a computed
                    // value is not, and removing the key must not add a warning.
                    return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)), SyntaxFactory.IdentifierName(nameof(string.Empty)));
                default:
                    return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(string.Empty));
            }
        }

        /// <summary>
        /// FixAll, by the action: the token rewrite adds one shared new document (<see cref="BackendTokenRewrite.FixAll"/>);
        /// the removal rewrites each document once with all its findings.
        /// </summary>
        private sealed class FixAllByAction : FixAllProvider
        {
            public static readonly FixAllByAction Instance = new FixAllByAction();

            private static readonly FixAllProvider TokenFixAll = new BackendTokenRewrite.FixAll(TokenSiteOf);

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
                => fixAllContext.CodeActionEquivalenceKey == TokenEquivalenceKey
                    ? TokenFixAll.GetFixAsync(fixAllContext)
                    : Task.FromResult<CodeAction?>(CodeAction.Create(
                        CodeFixTitles.RemoveAllFromClient,
                        ct => RemoveAllAsync(fixAllContext, ct),
                        fixAllContext.CodeActionEquivalenceKey));

            private static async Task<Solution> RemoveAllAsync(FixAllContext context, CancellationToken cancellationToken)
            {
                var documents = context.Scope switch
                {
                    FixAllScope.Document => context.Document != null ? new[] { context.Document } : Array.Empty<Document>(),
                    FixAllScope.Project => context.Project.Documents.ToArray(),
                    _ => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                };

                var solution = context.Solution;
                foreach (var document in documents)
                {
                    var found = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    var tree = found.IsEmpty ? null : await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);

                    // Razor output and other generated code: a fix would edit a file the next build overwrites.
                    if (tree == null || GeneratedCode.IsGeneratedTree(tree, cancellationToken))
                    {
                        continue;
                    }

                    var fixedDocument = await RemoveAsync(document, found, cancellationToken).ConfigureAwait(false);
                    if (fixedDocument != document)
                    {
                        var newRoot = await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                        solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot!);
                    }
                }

                return solution;
            }
        }
    }
}
