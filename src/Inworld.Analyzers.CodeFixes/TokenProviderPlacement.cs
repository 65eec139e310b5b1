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
        /// Appends the provider (a whole-file template with its own usings) to the end of one of the project's files, in
        /// the global namespace so every call site in the project sees it: one of <paramref name="preferredHosts"/> (the
        /// files the fix rewrote) if one can take it, else another file of the project. The template's type names are
        /// written fully qualified instead of bringing its usings into the user's file, where they could make the user's
        /// own names ambiguous. Null when no file can take it (every file declares a file-scoped namespace).
        /// </summary>
        public static async Task<Solution?> AppendToExistingFileAsync(Solution solution, ProjectId projectId, IEnumerable<DocumentId> preferredHosts, string templateSource, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            if (project == null)
            {
                return null;
            }

            var candidates = preferredHosts.Where(id => id.ProjectId == projectId).Concat(project.DocumentIds).Distinct();
            foreach (var documentId in candidates)
            {
                var document = solution.GetDocument(documentId);
                var root = document == null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) as CompilationUnitSyntax;
                if (document == null || root == null || !CanHostGlobalType(root) || GeneratedCode.IsGeneratedTree(root.SyntaxTree, cancellationToken))
                {
                    continue;
                }

                var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                if (compilation == null)
                {
                    return null;
                }

                var endOfLine = DominantEndOfLine(root);
                var members = QualifiedMembers(templateSource.Replace("\n", endOfLine), (CSharpParseOptions)root.SyntaxTree.Options, compilation, cancellationToken);
                var separated = members.Select((member, i) => i == 0
                    ? member.WithLeadingTrivia(new[] { SyntaxFactory.EndOfLine(endOfLine) }.Concat(member.GetLeadingTrivia()))
                    : member);
                var lastToken = root.EndOfFileToken.GetPreviousToken();
                if (lastToken.RawKind != 0 && !lastToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia))
                {
                    root = root.ReplaceToken(lastToken, lastToken.WithTrailingTrivia(lastToken.TrailingTrivia.Add(SyntaxFactory.EndOfLine(endOfLine))));
                }

                return solution.WithDocumentSyntaxRoot(documentId, root.AddMembers(separated.ToArray()));
            }

            return null;
        }

        /// <summary>
        /// A member appended to this file lands in the global namespace: true for top-level statements, block namespaces
        /// and plain types; false when the file declares a file-scoped namespace (C# 10, unknown to the Roslyn this
        /// package compiles against, hence the kind's name), since everything after it belongs to that namespace.
        /// </summary>
        private static bool CanHostGlobalType(CompilationUnitSyntax root)
            => !root.Members.Any(m => m.Kind().ToString() == "FileScopedNamespaceDeclaration");

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
                model.GetSymbolInfo(original, cancellationToken).Symbol is INamedTypeSymbol type && !type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == tree)
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
