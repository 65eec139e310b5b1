using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>
    /// Where the token provider goes when the host cannot add a new source file cleanly.
    /// <para>
    /// MSBuildWorkspace (the workspace of <c>dotnet format</c> and other command-line hosts) applies an added document by
    /// writing the file and also <c>&lt;Compile Include="..." /&gt;</c> into the project file, whatever the project is
    /// (dotnet/roslyn#36781). An SDK-style project already compiles every .cs file under its folder, so that item is a
    /// duplicate and the next build stops with NETSDK1022. The IDEs' project systems know the SDK's globs and add
    /// nothing, so there the provider stays a file of its own; under MSBuildWorkspace it is appended to a source file the
    /// project already has, which needs no project-file change at all.
    /// </para>
    /// </summary>
    internal static class TokenProviderPlacement
    {
        /// <summary>
        /// Would a new document, applied by this host, write a duplicate Compile item? Yes under MSBuildWorkspace unless
        /// the project says it lists its own Compile items (EnableDefaultCompileItems=false, or a project the SDK's
        /// defaults do not reach, which the package's props cannot tell apart from "unknown": unknown counts as yes,
        /// since the appended form builds either way and the added file does not).
        /// </summary>
        public static bool AddedFileWouldDuplicateACompileItem(Project project, AnalyzerConfigOptions? options)
        {
            if (project.Solution.Workspace.Kind != WorkspaceKind.MSBuild)
            {
                return false;
            }

            return !(options != null && options.TryGetValue("build_property.EnableDefaultCompileItems", out var value) &&
                     string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// Appends the provider (a whole-file template with its own usings) to the end of one of the project's files, so
        /// every call site in the project sees it. First choice: a file the fix rewrote (<paramref name="preferredHosts"/>)
        /// whose end is in the global namespace; then any such file of the project (a Program.cs with top-level
        /// statements). When every file declares a file-scoped namespace, the provider goes at the end of a rewritten file,
        /// inside its namespace, and that file also gets <c>global using InworldTokenProvider = global::Ns.InworldTokenProvider;</c>
        /// (file-scoped namespaces mean C# 10, which has global usings), so call sites in other namespaces see it too.
        /// The template's type names are written fully qualified instead of bringing its usings into the user's file,
        /// where they could make the user's own names ambiguous. Null only when the project has no file that can take it.
        /// </summary>
        public static async Task<Solution?> AppendToExistingFileAsync(Solution solution, ProjectId projectId, IEnumerable<DocumentId> preferredHosts, string templateSource, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            if (project == null)
            {
                return null;
            }

            var rewritten = preferredHosts.Where(id => id.ProjectId == projectId).Distinct().ToList();
            var roots = new List<(DocumentId Id, CompilationUnitSyntax Root)>();
            foreach (var documentId in rewritten.Concat(project.DocumentIds).Distinct())
            {
                var document = solution.GetDocument(documentId);
                if (document != null && await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax candidate &&
                    !GeneratedCode.IsGeneratedTree(candidate.SyntaxTree, cancellationToken))
                {
                    roots.Add((documentId, candidate));
                }
            }

            var globalHost = roots.FirstOrDefault(r => FileScopedNamespace(r.Root) == null);
            var host = globalHost.Root != null ? globalHost : roots.FirstOrDefault(r => rewritten.Contains(r.Id));
            var compilation = host.Root == null ? null : await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (host.Root == null || compilation == null)
            {
                return null;
            }

            var root = host.Root;
            var endOfLine = DominantEndOfLine(root);
            var parseOptions = (CSharpParseOptions)root.SyntaxTree.Options;
            var members = QualifiedMembers(templateSource.Replace("\n", endOfLine), parseOptions, compilation, cancellationToken);
            var separated = members.Select((member, i) => i == 0
                ? member.WithLeadingTrivia(new[] { SyntaxFactory.EndOfLine(endOfLine) }.Concat(member.GetLeadingTrivia()))
                : member).ToArray();
            var lastToken = root.EndOfFileToken.GetPreviousToken();
            if (lastToken.RawKind != 0 && !lastToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia))
            {
                root = root.ReplaceToken(lastToken, lastToken.WithTrailingTrivia(lastToken.TrailingTrivia.Add(SyntaxFactory.EndOfLine(endOfLine))));
            }

            var fileScoped = FileScopedNamespace(root);
            if (fileScoped == null)
            {
                return solution.WithDocumentSyntaxRoot(host.Id, root.AddMembers(separated));
            }

            // Everything after a file-scoped namespace declaration belongs to it: the provider becomes Ns.InworldTokenProvider,
            // and a global alias under the provider's own name makes it visible to every file of the project.
            var namespaceName = fileScoped.ChildNodes().OfType<NameSyntax>().First().ToString();
            var lastMember = fileScoped.ChildNodes().OfType<MemberDeclarationSyntax>().LastOrDefault();
            if (lastMember == null)
            {
                return null;
            }

            var withProvider = root.InsertNodesAfter(lastMember, separated);
            var alias = SyntaxFactory.ParseCompilationUnit(
                "global using " + TokenProviderTemplate.TypeName + " = global::" + namespaceName + "." + TokenProviderTemplate.TypeName + ";" + endOfLine,
                options: parseOptions).Usings.Single();
            var firstToken = withProvider.GetFirstToken(includeZeroWidth: true);
            var header = firstToken.LeadingTrivia;
            withProvider = withProvider.ReplaceToken(firstToken, firstToken.WithLeadingTrivia());
            var usings = withProvider.Usings.Insert(0, alias.WithLeadingTrivia(header));
            return solution.WithDocumentSyntaxRoot(host.Id, withProvider.WithUsings(usings));
        }

        /// <summary>
        /// The file's file-scoped namespace declaration (C# 10, unknown to the Roslyn this package compiles against, hence
        /// the kind's name), or null: a member appended to a file without one lands in the global namespace (top-level
        /// statements, block namespaces, plain types); after one, everything belongs to that namespace.
        /// </summary>
        private static MemberDeclarationSyntax? FileScopedNamespace(CompilationUnitSyntax root)
            => root.Members.FirstOrDefault(m => m.Kind().ToString() == "FileScopedNamespaceDeclaration");

        private static string DominantEndOfLine(SyntaxNode root)
        {
            var first = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return first.IsKind(SyntaxKind.EndOfLineTrivia) && first.ToString() == "\r\n" ? "\r\n" : "\n";
        }

        /// <summary>
        /// The template's members with every type name it takes from a using written as global::Namespace.Type, bound in
        /// the project's own compilation; the usings themselves are dropped, their leading trivia (the "added by the
        /// code fix" comment, #nullable enable) moves to the first member.
        /// </summary>
        /// <summary>The type a name stands for; an attribute's name binds to the attribute's constructor ([Serializable]).</summary>
        private static INamedTypeSymbol? TypeNamed(ISymbol? symbol, SimpleNameSyntax name)
            => symbol as INamedTypeSymbol ??
               (name.Parent is AttributeSyntax && symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor ? constructor.ContainingType : null);

        private static IReadOnlyList<MemberDeclarationSyntax> QualifiedMembers(string source, CSharpParseOptions parseOptions, Compilation compilation, CancellationToken cancellationToken)
        {
            var tree = CSharpSyntaxTree.ParseText(source, parseOptions, cancellationToken: cancellationToken);
            var template = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
            var model = compilation.AddSyntaxTrees(tree).GetSemanticModel(tree);

            var typeNames = template.Members.SelectMany(m => m.DescendantNodes()).OfType<SimpleNameSyntax>()
                .Where(n => !(n is IdentifierNameSyntax identifier && identifier.IsVar))
                .Where(n => !(n.Parent is QualifiedNameSyntax qualified && qualified.Right == n))
                .Where(n => !(n.Parent is MemberAccessExpressionSyntax access && access.Name == n))
                .Where(n => !(n.Parent is AliasQualifiedNameSyntax))
                .ToList();
            var qualifiedTemplate = template.ReplaceNodes(typeNames, (original, rewritten) =>
                TypeNamed(model.GetSymbolInfo(original, cancellationToken).Symbol, original) is INamedTypeSymbol type && !type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == tree)
                    ? SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithTriviaFrom(original)
                    : rewritten);

            var members = qualifiedTemplate.Members.ToList();
            var header = qualifiedTemplate.Usings.Count > 0 ? qualifiedTemplate.Usings[0].GetLeadingTrivia() : default;
            if (members.Count > 0 && header.Count > 0)
            {
                members[0] = members[0].WithLeadingTrivia(header.Concat(members[0].GetLeadingTrivia()));
            }

            return members;
        }
    }
}
