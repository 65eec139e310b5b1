using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// What a compilation is to Unity: a Unity build at all, a dedicated-server build (UNITY_SERVER), an
    /// Editor-only assembly; and, per location, whether code is Editor-only (an Editor/ folder, a
    /// #if UNITY_EDITOR region). Editor-only code never ships in a player build.
    /// Create once per compilation; the per-tree answers are cached.
    /// </summary>
    internal sealed class UnityContext
    {
        private static readonly string[] EditorAssemblySuffixes = { ".Editor", "-Editor", ".Editor.Tests", ".EditorTests", "-Editor-firstpass" };

        private readonly ConcurrentDictionary<SyntaxTree, EditorRegion[]> _editorRegions = new ConcurrentDictionary<SyntaxTree, EditorRegion[]>();

        private UnityContext(bool isUnity, bool isServerBuild, bool isEditorOnlyAssembly)
        {
            IsUnity = isUnity;
            IsServerBuild = isServerBuild;
            IsEditorOnlyAssembly = isEditorOnlyAssembly;
        }

        public static readonly UnityContext NotUnity = new UnityContext(false, false, false);

        /// <summary>References UnityEngine (or a UnityEngine.* module), or defines a UNITY_* symbol.</summary>
        public bool IsUnity { get; }

        /// <summary>A Dedicated Server build: Unity defines UNITY_SERVER. Server code may hold server credentials.</summary>
        public bool IsServerBuild { get; }

        /// <summary>
        /// The whole assembly is Editor-only: it references UnityEditor and is Unity's Editor assembly
        /// (Assembly-CSharp-Editor), is named like an Editor assembly (*.Editor), or all its files sit in
        /// Editor/ folders. Referencing UnityEditor alone is not enough: in the Editor Unity adds that reference
        /// to runtime assemblies too (unless "No Engine References" is set), and those ship.
        /// </summary>
        public bool IsEditorOnlyAssembly { get; }

        public static UnityContext From(Compilation compilation)
        {
            var referencesEngine = false;
            var referencesEditor = false;
            foreach (var name in compilation.ReferencedAssemblyNames)
            {
                referencesEngine |= IsAssemblyFamily(name.Name, "UnityEngine");
                referencesEditor |= IsAssemblyFamily(name.Name, "UnityEditor");
            }

            var symbols = PreprocessorSymbols(compilation);
            var definesUnity = false;
            foreach (var symbol in symbols)
            {
                definesUnity |= symbol.StartsWith("UNITY_", StringComparison.Ordinal);
            }

            if (!referencesEngine && !definesUnity)
            {
                return NotUnity;
            }

            var isServer = symbols.Contains("UNITY_SERVER");
            var editorOnly = referencesEditor && (IsEditorAssemblyName(compilation.AssemblyName) || AllFilesUnderEditorFolders(compilation));
            return new UnityContext(true, isServer, editorOnly);
        }

        /// <summary>Is the code at this position Editor-only (never in a player build)?</summary>
        public bool IsEditorOnly(SyntaxTree tree, int position)
        {
            if (!IsUnity)
            {
                return false;
            }

            if (IsEditorOnlyAssembly || IsUnderEditorFolder(tree.FilePath))
            {
                return true;
            }

            foreach (var region in _editorRegions.GetOrAdd(tree, FindEditorRegions))
            {
                if (position >= region.Start && position < region.End)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Unity's special folder: any path segment named exactly "Editor".</summary>
        public static bool IsUnderEditorFolder(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            var segments = path!.Split('/', '\\');
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (string.Equals(segments[i], "Editor", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsEditorAssemblyName(string? assemblyName)
        {
            if (assemblyName == null)
            {
                return false;
            }

            if (assemblyName.StartsWith("Assembly-CSharp-Editor", StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var suffix in EditorAssemblySuffixes)
            {
                if (assemblyName.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AllFilesUnderEditorFolders(Compilation compilation)
        {
            var any = false;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!IsUnderEditorFolder(tree.FilePath))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        private static bool IsAssemblyFamily(string name, string family)
            => name == family || (name.StartsWith(family, StringComparison.Ordinal) && name.Length > family.Length && name[family.Length] == '.');

        private static HashSet<string> PreprocessorSymbols(Compilation compilation)
        {
            var symbols = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.Options is CSharpParseOptions options)
                {
                    foreach (var symbol in options.PreprocessorSymbolNames)
                    {
                        symbols.Add(symbol);
                    }
                }

                // All trees of a compilation share the project's symbols; one is enough.
                break;
            }

            return symbols;
        }

        /// <summary>
        /// Spans of "#if UNITY_EDITOR" (or "&amp;&amp;" with it) branches, and "#else" branches of "#if !UNITY_EDITOR".
        /// Runs once per tree: directives are a short list, read from the tree's directive trivia.
        /// </summary>
        private static EditorRegion[] FindEditorRegions(SyntaxTree tree)
        {
            var root = tree.GetRoot();
            if (!root.ContainsDirectives)
            {
                return Array.Empty<EditorRegion>();
            }

            var regions = new List<EditorRegion>();
            var open = new Stack<(int Start, bool EditorOnly, ExpressionSyntax? Condition)>();
            for (var directive = ((CSharpSyntaxNode)root).GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
            {
                switch (directive)
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        open.Push((directive.FullSpan.End, ImpliesEditor(ifDirective.Condition), ifDirective.Condition));
                        break;
                    case ElifDirectiveTriviaSyntax elif:
                        if (open.Count > 0)
                        {
                            var branch = open.Pop();
                            Close(regions, branch.Start, branch.EditorOnly, directive.FullSpan.Start);
                            open.Push((directive.FullSpan.End, ImpliesEditor(elif.Condition), branch.Condition));
                        }

                        break;
                    case ElseDirectiveTriviaSyntax _:
                        if (open.Count > 0)
                        {
                            var branch = open.Pop();
                            Close(regions, branch.Start, branch.EditorOnly, directive.FullSpan.Start);
                            open.Push((directive.FullSpan.End, branch.Condition != null && ImpliesNotEditor(branch.Condition), null));
                        }

                        break;
                    case EndIfDirectiveTriviaSyntax _:
                        if (open.Count > 0)
                        {
                            var branch = open.Pop();
                            Close(regions, branch.Start, branch.EditorOnly, directive.FullSpan.Start);
                        }

                        break;
                }
            }

            return regions.ToArray();
        }

        private static void Close(List<EditorRegion> regions, int start, bool editorOnly, int end)
        {
            if (editorOnly && end > start)
            {
                regions.Add(new EditorRegion(start, end));
            }
        }

        private static bool ImpliesEditor(ExpressionSyntax condition)
        {
            switch (condition)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText == "UNITY_EDITOR";
                case ParenthesizedExpressionSyntax parenthesized:
                    return ImpliesEditor(parenthesized.Expression);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                    return ImpliesEditor(binary.Left) || ImpliesEditor(binary.Right);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                    return ImpliesEditor(binary.Left) && ImpliesEditor(binary.Right);
                default:
                    return false;
            }
        }

        /// <summary>"!UNITY_EDITOR" (alone or or-ed): its #else branch is Editor-only.</summary>
        private static bool ImpliesNotEditor(ExpressionSyntax condition)
        {
            switch (condition)
            {
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return ImpliesEditor(not.Operand);
                case ParenthesizedExpressionSyntax parenthesized:
                    return ImpliesNotEditor(parenthesized.Expression);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                    return ImpliesNotEditor(binary.Left) || ImpliesNotEditor(binary.Right);
                default:
                    return false;
            }
        }

        private readonly struct EditorRegion
        {
            public EditorRegion(int start, int end)
            {
                Start = start;
                End = end;
            }

            public int Start { get; }
            public int End { get; }
        }
    }
}
