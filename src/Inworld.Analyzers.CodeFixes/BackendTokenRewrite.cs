using System;
using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>One call site that attaches a Basic credential: where it is and how it attaches it (the analyzer's shape).</summary>
    internal readonly struct TokenCallSite
    {
        public TokenCallSite(DocumentId document, TextSpan span, AttachmentShape shape)
        {
            Document = document;
            Span = span;
            Shape = shape;
        }

        public DocumentId Document { get; }

        /// <summary>The attaching expression (where INW002 reports).</summary>
        public TextSpan Span { get; }

        public AttachmentShape Shape { get; }
    }

    /// <summary>
    /// The "use a short-lived token from your backend" rewrite, shared by the INW002 fix and the INW001 fix in
    /// client code: the call site sends "Bearer" with a token from InworldTokenProvider, and the provider is
    /// added to each project that lacks it. Offered in async methods and lambdas, and in Unity coroutines (which
    /// yield until the token is there); nowhere else, since a synchronous rewrite would block the UI thread
    /// or not compile. A Unity project gets the UnityWebRequest provider (UnityTokenProviderTemplate), every other
    /// project the HttpClient one (TokenProviderTemplate); a project that already has a provider keeps it, and its
    /// coroutines wait for it in the way that provider supports.
    /// </summary>
    internal static class BackendTokenRewrite
    {
        public const string EquivalenceKey = "INW002.UseBackendToken";
        public const string Title = "Use a short-lived token from your backend";

        /// <summary>Is there a correct token rewrite for this call site?</summary>
        public static bool CanRewrite(SyntaxNode root, SemanticModel model, TextSpan span, AttachmentShape shape, CancellationToken cancellationToken)
            => Plan.Create(root, model, span, shape, cancellationToken) != null;

        public static CodeAction CreateAction(Solution solution, TokenCallSite site)
            => CodeAction.Create(Title, ct => ApplyAsync(solution, new[] { site }, ct), EquivalenceKey);

        /// <summary>Rewrites every call site that has a correct rewrite, then adds the provider once per project that lacks it.</summary>
        public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<TokenCallSite> sites, CancellationToken cancellationToken)
        {
            // Each project that gets a provider, and whether it gets the Unity form.
            var projectsNeedingProvider = new Dictionary<ProjectId, bool>();
            var rewrittenDocuments = new List<DocumentId>();
            var solutionEditor = new SolutionEditor(solution);
            foreach (var group in sites.GroupBy(s => s.Document))
            {
                if (solution.GetDocument(group.Key) == null)
                {
                    continue;
                }

                var editor = await solutionEditor.GetDocumentEditorAsync(group.Key, cancellationToken).ConfigureAwait(false);
                var model = editor.SemanticModel;
                var plans = group.Select(s => Plan.Create(editor.OriginalRoot, model, s.Span, s.Shape, cancellationToken)).Where(p => p != null).Select(p => p!)
                    .GroupBy(p => p.Attachment.Span).Select(g => g.First()).ToList();
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var plan in plans)
                {
                    plan.Apply(editor, model, names);
                }

                if (plans.Count > 0 && model.Compilation.GetTypeByMetadataName(TokenProviderTemplate.TypeName) == null)
                {
                    projectsNeedingProvider[group.Key.ProjectId] = UnityTokenProviderTemplate.Fits(model.Compilation);
                    rewrittenDocuments.Add(group.Key);
                }
            }

            solution = solutionEditor.GetChangedSolution();

            foreach (var project in projectsNeedingProvider)
            {
                solution = await AddProviderAsync(solution, project.Key, project.Value, rewrittenDocuments, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }

        private static async Task<Solution> AddProviderAsync(Solution solution, ProjectId projectId, bool unity, IReadOnlyList<DocumentId> rewrittenDocuments, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            if (project == null || project.Documents.Any(d => d.Name == TokenProviderTemplate.FileName))
            {
                return solution;
            }

            var anyDocument = project.Documents.FirstOrDefault();
            var endpoint = TokenProviderTemplate.DefaultEndpoint;
            var anyTree = anyDocument == null ? null : await anyDocument.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var options = anyTree == null ? null : project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(anyTree);
            if (options != null)
            {
                endpoint = InworldOptions.ReadTokenEndpoint(options);
            }

            var folders = anyDocument?.Folders ?? (IReadOnlyList<string>)Array.Empty<string>();
            var directory = anyDocument?.FilePath != null ? System.IO.Path.GetDirectoryName(anyDocument.FilePath) : null;

            // A whole new file from a template: text is the natural form here, nothing is spliced into user code.
            var text = SourceText.From(unity ? UnityTokenProviderTemplate.Source(endpoint, "\n") : TokenProviderTemplate.Source(endpoint, "\n"));

            // dotnet format (MSBuildWorkspace) would also write a duplicate <Compile Include> for a new file: NETSDK1022.
            if (TokenProviderPlacement.AddedFileWouldDuplicateACompileItem(project, options) &&
                await TokenProviderPlacement.AppendToExistingFileAsync(solution, projectId, rewrittenDocuments, text.ToString(), cancellationToken).ConfigureAwait(false) is Solution appended)
            {
                return appended;
            }

            return solution.AddDocument(DocumentId.CreateNewId(projectId), TokenProviderTemplate.FileName, text, folders,
                directory != null ? System.IO.Path.Combine(directory, TokenProviderTemplate.FileName) : null);
        }

        /// <summary>One call site: what to replace and how the token is awaited there.</summary>
        private sealed class Plan
        {
            private const string CoroutineTokenName = "inworldToken";

            private Plan(SyntaxNode attachment, ExpressionSyntax replaced, string prefix, bool replaceScheme, StatementSyntax? coroutineStatement, bool unityProvider)
            {
                Attachment = attachment;
                Replaced = replaced;
                Prefix = prefix;
                ReplaceScheme = replaceScheme;
                CoroutineStatement = coroutineStatement;
                UnityProvider = unityProvider;
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

            /// <summary>
            /// The project's provider is (or will be) the UnityWebRequest one: a coroutine yields its TokenRequest.
            /// Otherwise the HttpClient one: a coroutine waits for its Task with WaitUntil.
            /// </summary>
            public bool UnityProvider { get; }

            public static Plan? Create(SyntaxNode root, SemanticModel model, TextSpan span, AttachmentShape shape, CancellationToken cancellationToken)
            {
                var node = root.FindNode(span, getInnermostNodeForTie: true);
                if (node is ArgumentSyntax wrapped)
                {
                    node = wrapped.Expression;
                }

                // The shape the analyzer saw says which expression is the "Basic ..." value; the syntax only has to agree.
                ExpressionSyntax? replaced = null;
                var prefix = "Bearer ";
                var replaceScheme = false;
                switch (shape)
                {
                    case AttachmentShape.AuthenticationHeaderValue when node is ObjectCreationExpressionSyntax creation && creation.ArgumentList?.Arguments.Count == 2:
                        replaced = creation.ArgumentList.Arguments[1].Expression;
                        prefix = string.Empty;
                        replaceScheme = true;
                        break;
                    case AttachmentShape.Header when node is InvocationExpressionSyntax invocation && invocation.ArgumentList.Arguments.Count == 2:
                        replaced = invocation.ArgumentList.Arguments[1].Expression;
                        break;
                    case AttachmentShape.Header when node is InitializerExpressionSyntax pair && pair.IsKind(SyntaxKind.ComplexElementInitializerExpression) && pair.Expressions.Count == 2:
                        // new Dictionary<string, string> { { "Authorization", "Basic " + key } }
                        replaced = pair.Expressions[1];
                        break;
                    case AttachmentShape.Parse when node is InvocationExpressionSyntax parse && parse.ArgumentList.Arguments.Count >= 1:
                        // AuthenticationHeaderValue.Parse("Basic " + key), and TryParse's first argument.
                        replaced = parse.ArgumentList.Arguments[0].Expression;
                        break;
                    case AttachmentShape.HeaderLine when node is InvocationExpressionSyntax line && line.ArgumentList.Arguments.Count == 1:
                        replaced = line.ArgumentList.Arguments[0].Expression;
                        prefix = AuthorizationHeaders.HeaderName + ": Bearer ";
                        break;
                    case AttachmentShape.Indexer when node is AssignmentExpressionSyntax assignment:
                        replaced = assignment.Right;
                        break;
                    case AttachmentShape.Array when node is ExpressionSyntax element && node.Parent is InitializerExpressionSyntax:
                        replaced = element;
                        break;

                    // Signing, and helpers that write the scheme themselves (WithBasicAuth(user, password),
                    // new HttpBasicAuthenticator(...), WithHeaders(new { Authorization = ... })): no argument is
                    // the "Basic ..." value, so there is nothing this rewrite can turn into a token.
                    default:
                        return null;
                }

                // Where can the token be awaited?
                var function = node.Ancestors().FirstOrDefault(a => a is MethodDeclarationSyntax || a is LocalFunctionStatementSyntax || a is AnonymousFunctionExpressionSyntax
                    || a is AccessorDeclarationSyntax || a is ConstructorDeclarationSyntax || a is FieldDeclarationSyntax || a is PropertyDeclarationSyntax);
                if (function == null || node.Ancestors().TakeWhile(a => a != function).Any(a => a is LockStatementSyntax || a is QueryExpressionSyntax))
                {
                    return null;
                }

                var unityProvider = UsesUnityProvider(model.Compilation);
                if (IsAsync(function))
                {
                    return new Plan(node, replaced, prefix, replaceScheme, null, unityProvider);
                }

                // A coroutine waits for the Unity provider's TokenRequest, or for the HttpClient provider's Task with WaitUntil.
                var statement = node.FirstAncestorOrSelf<StatementSyntax>();
                if (IsCoroutine(function, model, cancellationToken) && statement != null && statement.Parent is BlockSyntax &&
                    (unityProvider || model.Compilation.GetTypeByMetadataName("UnityEngine.WaitUntil") != null) &&
                    statement.Ancestors().TakeWhile(a => a != function).All(a => !(a is AnonymousFunctionExpressionSyntax)))
                {
                    return new Plan(node, replaced, prefix, replaceScheme, statement, unityProvider);
                }

                return null;
            }

            /// <summary>
            /// The provider the project has decides: one with RequestToken is the Unity form. Without one, the fix
            /// adds the Unity form wherever the Unity API it needs is referenced.
            /// </summary>
            private static bool UsesUnityProvider(Compilation compilation)
            {
                var existing = compilation.GetTypeByMetadataName(TokenProviderTemplate.TypeName);
                return existing != null
                    ? !existing.GetMembers(UnityTokenProviderTemplate.RequestTokenMethod).IsEmpty
                    : UnityTokenProviderTemplate.Fits(compilation);
            }

            public void Apply(SyntaxEditor editor, SemanticModel model, HashSet<string> usedNames)
            {
                ExpressionSyntax token;
                if (CoroutineStatement != null && UnityProvider)
                {
                    // var inworldToken = InworldTokenProvider.Shared.RequestToken();
                    // yield return inworldToken;
                    var name = UniqueName(model, CoroutineStatement.SpanStart, CoroutineTokenName, usedNames);
                    token = MemberAccess(SyntaxFactory.IdentifierName(name), UnityTokenProviderTemplate.TokenProperty);
                    var request = SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(SyntaxFactory.IdentifierName("var"))
                            .AddVariables(SyntaxFactory.VariableDeclarator(name).WithInitializer(SyntaxFactory.EqualsValueClause(SharedCall(UnityTokenProviderTemplate.RequestTokenMethod)))));
                    var wait = SyntaxFactory.YieldStatement(SyntaxKind.YieldReturnStatement, SyntaxFactory.IdentifierName(name));
                    InsertBefore(editor, CoroutineStatement, request, wait);
                }
                else if (CoroutineStatement != null)
                {
                    // var inworldToken = InworldTokenProvider.Shared.GetTokenAsync();
                    // yield return new UnityEngine.WaitUntil(() => inworldToken.IsCompleted);
                    var name = UniqueName(model, CoroutineStatement.SpanStart, CoroutineTokenName, usedNames);
                    token = MemberAccess(SyntaxFactory.IdentifierName(name), "Result");

                    var request = SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(SyntaxFactory.IdentifierName("var"))
                            .AddVariables(SyntaxFactory.VariableDeclarator(name).WithInitializer(SyntaxFactory.EqualsValueClause(TokenCall()))));
                    var waitUntil = SyntaxFactory.QualifiedName(SyntaxFactory.IdentifierName("UnityEngine"), SyntaxFactory.IdentifierName("WaitUntil"));
                    var wait = SyntaxFactory.YieldStatement(SyntaxKind.YieldReturnStatement,
                        SyntaxFactory.ObjectCreationExpression(waitUntil).AddArgumentListArguments(
                            SyntaxFactory.Argument(SyntaxFactory.ParenthesizedLambdaExpression(MemberAccess(SyntaxFactory.IdentifierName(name), "IsCompleted")))));
                    InsertBefore(editor, CoroutineStatement, request, wait);
                }
                else
                {
                    token = SyntaxFactory.AwaitExpression(TokenCall());
                }

                // "Bearer " + (await ...): the await is grouped; a coroutine's inworldToken.Result needs no parentheses.
                var value = Prefix.Length == 0
                    ? token
                    : SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, StringLiteral(Prefix),
                        CoroutineStatement != null ? token : SyntaxFactory.ParenthesizedExpression(token));
                var replacement = value.NormalizeWhitespace();
                editor.ReplaceNode(Replaced, (current, _) => replacement.WithTriviaFrom(current));
                if (ReplaceScheme && Attachment is ObjectCreationExpressionSyntax creation && creation.ArgumentList != null)
                {
                    editor.ReplaceNode(creation.ArgumentList.Arguments[0].Expression, (current, _) => StringLiteral("Bearer").WithTriviaFrom(current));
                }
            }

            /// <summary>InworldTokenProvider.Shared.GetTokenAsync()</summary>
            private static InvocationExpressionSyntax TokenCall() => SharedCall("GetTokenAsync");

            /// <summary>InworldTokenProvider.Shared.method()</summary>
            private static InvocationExpressionSyntax SharedCall(string method)
                => SyntaxFactory.InvocationExpression(MemberAccess(MemberAccess(SyntaxFactory.IdentifierName(TokenProviderTemplate.TypeName), "Shared"), method));

            /// <summary>The coroutine's token request and wait, each on its own line at the statement's indentation.</summary>
            private static void InsertBefore(SyntaxEditor editor, StatementSyntax statement, StatementSyntax request, StatementSyntax wait)
            {
                // Only the statement's own indentation: its comments and directives stay with it, not copied onto the new lines.
                var leading = statement.GetLeadingTrivia();
                var lineStart = leading.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                var indentation = SyntaxFactory.TriviaList(leading.Skip(lineStart.IsKind(SyntaxKind.EndOfLineTrivia) ? leading.IndexOf(lineStart) + 1 : 0)
                    .Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
                var endOfLine = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    endOfLine = SyntaxFactory.EndOfLine("\n");
                }

                editor.InsertBefore(statement, new StatementSyntax[]
                {
                    request.NormalizeWhitespace().WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine),
                    wait.NormalizeWhitespace().WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine),
                });
            }

            private static MemberAccessExpressionSyntax MemberAccess(ExpressionSyntax receiver, string name)
                => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name));

            private static LiteralExpressionSyntax StringLiteral(string text)
                => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

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
        }

        /// <summary>
        /// FixAll for the token rewrite (INW002's fix, and INW001's in client code). Custom, not the batch fixer:
        /// every call site's fix adds the same new document (InworldTokenProvider.cs), and the batch fixer merges
        /// only edits of existing documents; here the call sites are rewritten together and the provider is
        /// added once per project.
        /// </summary>
        public sealed class FixAll : FixAllProvider
        {
            private readonly Func<Document, Diagnostic, SyntaxNode, SemanticModel, CancellationToken, TokenCallSite?> _siteOf;

            /// <param name="siteOf">The call site a diagnostic of the fixer's rule stands for, or null for none.</param>
            public FixAll(Func<Document, Diagnostic, SyntaxNode, SemanticModel, CancellationToken, TokenCallSite?> siteOf)
            {
                _siteOf = siteOf;
            }

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
                => Task.FromResult<CodeAction?>(CodeAction.Create(Title, ct => FixAllAsync(fixAllContext, ct), fixAllContext.CodeActionEquivalenceKey));

            private async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
            {
                var documents = context.Scope switch
                {
                    FixAllScope.Document => context.Document != null ? new[] { context.Document } : Array.Empty<Document>(),
                    FixAllScope.Project => context.Project.Documents.ToArray(),
                    _ => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                };

                var sites = new List<TokenCallSite>();
                foreach (var document in documents)
                {
                    var found = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    var root = found.IsEmpty ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    var model = root == null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);

                    // Razor output and other generated code: a fix would edit a file the next build overwrites.
                    if (root == null || model == null || GeneratedCode.IsGeneratedTree(root.SyntaxTree, cancellationToken))
                    {
                        continue;
                    }

                    foreach (var diagnostic in found)
                    {
                        if (_siteOf(document, diagnostic, root, model, cancellationToken) is TokenCallSite site)
                        {
                            sites.Add(site);
                        }
                    }
                }

                return await ApplyAsync(context.Solution, sites, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
