using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>
    /// INW002 fix "Use a short-lived token from your backend": the call site sends "Bearer" with a token from
    /// InworldTokenProvider, and the provider is added to the project when it has none. Offered in async
    /// methods and lambdas, and in Unity coroutines (which wait for the token with WaitUntil); nowhere else,
    /// since a synchronous rewrite would block the UI thread or not compile.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BasicAuthTokenCodeFixProvider)), Shared]
    public sealed class BasicAuthTokenCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "INW002.UseBackendToken";
        public const string Title = "Use a short-lived token from your backend";
        private const string TokenCall = TokenProviderTemplate.TypeName + ".Shared.GetTokenAsync()";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BasicAuthInClient);

        public override FixAllProvider GetFixAllProvider() => new FixAllTokens();

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
                if (Plan.Create(root, model, diagnostic, context.CancellationToken) != null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(Title, ct => FixAsync(context.Document.Project.Solution, new[] { (context.Document.Id, diagnostic) }, ct), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>Is there a correct token rewrite for this INW002-shaped diagnostic?</summary>
        internal static bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
            => Plan.Create(root, model, diagnostic, cancellationToken) != null;

        /// <summary>Rewrites every fixable call site, then adds the provider once per project that lacks it.</summary>
        internal static async Task<Solution> FixAsync(Solution solution, IEnumerable<(DocumentId Document, Diagnostic Diagnostic)> diagnostics, CancellationToken cancellationToken)
        {
            var projectsNeedingProvider = new HashSet<ProjectId>();
            foreach (var group in diagnostics.GroupBy(d => d.Document))
            {
                var document = solution.GetDocument(group.Key);
                var root = document == null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = document == null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (document == null || root == null || model == null)
                {
                    continue;
                }

                var plans = group.Select(d => Plan.Create(root, model, d.Diagnostic, cancellationToken)).Where(p => p != null).Select(p => p!)
                    .GroupBy(p => p.Attachment.Span).Select(g => g.First()).ToList();
                if (plans.Count == 0)
                {
                    continue;
                }

                var editor = new SyntaxEditor(root, solution.Workspace);
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var plan in plans)
                {
                    plan.Apply(editor, model, names);
                }

                solution = solution.WithDocumentSyntaxRoot(document.Id, editor.GetChangedRoot());
                if (model.Compilation.GetTypeByMetadataName(TokenProviderTemplate.TypeName) == null)
                {
                    projectsNeedingProvider.Add(document.Project.Id);
                }
            }

            foreach (var projectId in projectsNeedingProvider)
            {
                var project = solution.GetProject(projectId);
                if (project == null || project.Documents.Any(d => d.Name == TokenProviderTemplate.FileName))
                {
                    continue;
                }

                var anyDocument = project.Documents.FirstOrDefault();
                var endpoint = TokenProviderTemplate.DefaultEndpoint;
                if (anyDocument != null)
                {
                    endpoint = InworldOptions.ReadTokenEndpoint(project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions((await anyDocument.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!));
                }

                var folders = anyDocument?.Folders ?? (IReadOnlyList<string>)Array.Empty<string>();
                var directory = anyDocument?.FilePath != null ? System.IO.Path.GetDirectoryName(anyDocument.FilePath) : null;
                var text = SourceText.From(TokenProviderTemplate.Source(endpoint, "\n"));
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), TokenProviderTemplate.FileName, text, folders,
                    directory != null ? System.IO.Path.Combine(directory, TokenProviderTemplate.FileName) : null);
            }

            return solution;
        }

        /// <summary>One call site: what to replace and how the token is awaited there.</summary>
        private sealed class Plan
        {
            private Plan(SyntaxNode attachment, ExpressionSyntax replaced, string prefix, bool replaceScheme, StatementSyntax? coroutineStatement)
            {
                Attachment = attachment;
                Replaced = replaced;
                Prefix = prefix;
                ReplaceScheme = replaceScheme;
                CoroutineStatement = coroutineStatement;
            }

            public SyntaxNode Attachment { get; }

            /// <summary>The credential expression that becomes the token (or "Bearer " + token).</summary>
            public ExpressionSyntax Replaced { get; }

            /// <summary>"Bearer " or "Authorization: Bearer " before the token; empty for AuthenticationHeaderValue.</summary>
            public string Prefix { get; }

            /// <summary>new AuthenticationHeaderValue("Basic", x): the scheme argument becomes "Bearer".</summary>
            public bool ReplaceScheme { get; }

            /// <summary>In a coroutine: the statement before which the token is requested and waited for.</summary>
            public StatementSyntax? CoroutineStatement { get; }

            public static Plan? Create(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
            {
                // Signing, and helpers that write the scheme themselves (WithBasicAuth(user, password),
                // new HttpBasicAuthenticator(...), WithHeaders(new { Authorization = ... })): no argument is the
                // "Basic ..." value, so there is nothing this rewrite can turn into a token.
                if (diagnostic.Properties.TryGetValue(BasicAuthInClientAnalyzer.ShapeProperty, out var shape) &&
                    (shape == "Signature" || shape == AuthorizationHeaders.BasicHelperShape || shape == AuthorizationHeaders.AnonymousHeadersShape))
                {
                    return null;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is ArgumentSyntax wrapped)
                {
                    node = wrapped.Expression;
                }

                ExpressionSyntax? replaced;
                var prefix = "Bearer ";
                var replaceScheme = false;
                switch (node)
                {
                    case ObjectCreationExpressionSyntax creation when creation.ArgumentList?.Arguments.Count == 2:
                        replaced = creation.ArgumentList.Arguments[1].Expression;
                        prefix = string.Empty;
                        replaceScheme = true;
                        break;
                    case InvocationExpressionSyntax invocation when invocation.ArgumentList.Arguments.Count == 2:
                        replaced = invocation.ArgumentList.Arguments[1].Expression;
                        break;
                    case InvocationExpressionSyntax invocation when invocation.ArgumentList.Arguments.Count == 1:
                        replaced = invocation.ArgumentList.Arguments[0].Expression;
                        var leading = LeadingText(replaced, model, cancellationToken);
                        prefix = leading != null && leading.TrimStart().StartsWith("Authorization", StringComparison.OrdinalIgnoreCase) ? "Authorization: Bearer " : "Bearer ";
                        break;
                    case AssignmentExpressionSyntax assignment:
                        replaced = assignment.Right;
                        break;
                    case InitializerExpressionSyntax complex when complex.IsKind(SyntaxKind.ComplexElementInitializerExpression) && complex.Expressions.Count == 2:
                        replaced = complex.Expressions[1];
                        break;
                    case ExpressionSyntax element when element.Parent is InitializerExpressionSyntax:
                        replaced = element;
                        break;
                    default:
                        return null;
                }

                if (replaced == null)
                {
                    return null;
                }

                // Where can the token be awaited?
                var function = node.Ancestors().FirstOrDefault(a => a is MethodDeclarationSyntax || a is LocalFunctionStatementSyntax || a is AnonymousFunctionExpressionSyntax
                    || a is AccessorDeclarationSyntax || a is ConstructorDeclarationSyntax || a is FieldDeclarationSyntax || a is PropertyDeclarationSyntax);
                if (function == null || node.Ancestors().TakeWhile(a => a != function).Any(a => a is LockStatementSyntax || a is QueryExpressionSyntax))
                {
                    return null;
                }

                if (IsAsync(function))
                {
                    return new Plan(node, replaced, prefix, replaceScheme, null);
                }

                var statement = node.FirstAncestorOrSelf<StatementSyntax>();
                if (IsCoroutine(function, model, cancellationToken) && statement != null && statement.Parent is BlockSyntax &&
                    model.Compilation.GetTypeByMetadataName("UnityEngine.WaitUntil") != null &&
                    statement.Ancestors().TakeWhile(a => a != function).All(a => !(a is AnonymousFunctionExpressionSyntax)))
                {
                    return new Plan(node, replaced, prefix, replaceScheme, statement);
                }

                return null;
            }

            public void Apply(SyntaxEditor editor, SemanticModel model, HashSet<string> usedNames)
            {
                string token;
                if (CoroutineStatement != null)
                {
                    var name = UniqueName(model, CoroutineStatement.SpanStart, "inworldToken", usedNames);
                    token = name + ".Result";
                    var indentation = CoroutineStatement.GetLeadingTrivia();
                    var endOfLine = CoroutineStatement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                    if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
                    {
                        endOfLine = SyntaxFactory.EndOfLine("\n");
                    }

                    var request = SyntaxFactory.ParseStatement("var " + name + " = " + TokenCall + ";").WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine);
                    var wait = SyntaxFactory.ParseStatement("yield return new UnityEngine.WaitUntil(() => " + name + ".IsCompleted);").WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine);
                    editor.InsertBefore(CoroutineStatement, new[] { request, wait });
                }
                else
                {
                    token = "await " + TokenCall;
                }

                var text = Prefix.Length == 0 ? token : "\"" + Prefix + "\" + " + (CoroutineStatement != null ? token : "(" + token + ")");
                editor.ReplaceNode(Replaced, (current, _) => SyntaxFactory.ParseExpression(text).WithTriviaFrom(current));
                if (ReplaceScheme && Attachment is ObjectCreationExpressionSyntax creation && creation.ArgumentList != null)
                {
                    editor.ReplaceNode(creation.ArgumentList.Arguments[0].Expression, (current, _) =>
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("Bearer")).WithTriviaFrom(current));
                }
            }

            private static bool IsAsync(SyntaxNode function) => function switch
            {
                MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
                LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
                AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
                _ => false,
            };

            /// <summary>A Unity coroutine: an iterator method returning IEnumerator.</summary>
            private static bool IsCoroutine(SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
            {
                if (!(function is MethodDeclarationSyntax method) || (method.Body == null))
                {
                    return false;
                }

                var symbol = model.GetDeclaredSymbol(method, cancellationToken);
                return symbol?.ReturnType.ToDisplayString() == "System.Collections.IEnumerator" &&
                       method.Body.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax) && !(n is LocalFunctionStatementSyntax)).OfType<YieldStatementSyntax>().Any();
            }

            private static string UniqueName(SemanticModel model, int position, string baseName, HashSet<string> usedNames)
            {
                var name = baseName;
                for (var i = 2; usedNames.Contains(name) || model.LookupSymbols(position, name: name).Any(); i++)
                {
                    name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                usedNames.Add(name);
                return name;
            }

            private static string? LeadingText(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
            {
                while (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    expression = binary.Left;
                }

                return model.GetConstantValue(expression, cancellationToken).Value as string;
            }
        }

        private sealed class FixAllTokens : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
                => Task.FromResult<CodeAction?>(CodeAction.Create(Title, ct => FixAllAsync(fixAllContext, ct), fixAllContext.CodeActionEquivalenceKey));

            private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
            {
                var documents = context.Scope switch
                {
                    FixAllScope.Document => context.Document != null ? new[] { context.Document } : Array.Empty<Document>(),
                    FixAllScope.Project => context.Project.Documents.ToArray(),
                    _ => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                };

                var all = new List<(DocumentId, Diagnostic)>();
                foreach (var document in documents)
                {
                    var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                    if (GeneratedCode.IsGeneratedTree(tree, cancellationToken))
                    {
                        continue;
                    }

                    foreach (var diagnostic in await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                    {
                        all.Add((document.Id, diagnostic));
                    }
                }

                return await FixAsync(context.Solution, all, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
