using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.Core
{
    /// <summary>How the rules treat one syntax tree of the compilation.</summary>
    internal enum TreeKind
    {
        /// <summary>Hand-written code: analysed and reported as it is.</summary>
        Source = 0,

        /// <summary>Generated code other than Razor's: skipped, as the compiler would skip it for an analyzer that opts out.</summary>
        Generated,

        /// <summary>
        /// The Razor source generator's C# for a .razor or .cshtml file (or inworld-scan's projection of one):
        /// analysed, and only findings that come from the user's Razor file are reported, at that file's line.
        /// </summary>
        Razor,
    }

    /// <summary>
    /// Generated code, decided by the rules themselves. The rules ask the compiler for every tree, generated
    /// ones included (GeneratedCodeAnalysisFlags.Analyze | ReportDiagnostics), because Razor components and
    /// views reach the compiler only as the Razor source generator's output: a key in a .razor @code block
    /// would otherwise never be seen. Every other generated tree is skipped with the compiler's own tests
    /// (file name, &lt;auto-generated&gt; comment, generated_code in .editorconfig), decided once per tree.
    /// <para>
    /// The contract inworld-scan relies on: a tree whose path ends with .razor.g.cs, _razor.g.cs, .cshtml.g.cs
    /// or _cshtml.g.cs is Razor output; its #line directives map user code to the .razor/.cshtml file, and its
    /// first directive <c>#pragma checksum "file"</c> names that file.
    /// </para>
    /// <para>
    /// [GeneratedCode]-attributed types in hand-written files are analysed (the compiler skips them for an
    /// analyzer that opts out): a key written there ships like any other.
    /// </para>
    /// </summary>
    internal sealed class GeneratedCode
    {
        /// <summary>The .editorconfig / global config option the compiler reads (true or false overrides its heuristics).</summary>
        public const string GeneratedCodeOptionKey = "generated_code";

        /// <summary>How every rule that looks at C# configures the compiler: see the class summary.</summary>
        public const GeneratedCodeAnalysisFlags AnalysisFlags = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

        private static readonly string[] RazorTreeSuffixes = { ".razor.g.cs", "_razor.g.cs", ".cshtml.g.cs", "_cshtml.g.cs" };

        // Roslyn's list (GeneratedCodeUtilities): the name without its extension ends with one of these.
        private static readonly string[] GeneratedNameEndings = { ".designer", ".generated", ".g", ".g.i" };

        private static readonly char[] PathSeparators = { '/', '\\' };

        private const string TemporaryGeneratedFilePrefix = "TemporaryGeneratedFile_";

        /// <summary>How far back from a hidden literal the nearest token mapped into the Razor file is looked for.</summary>
        private const int MaxTokensToNearestMapping = 4000;

        private static readonly char[] MarkupSeparators = { ' ', '\t', '\r', '\n', '"', '\'', '<', '>', '=', '&', ';', ',', '(', ')', '{', '}', '`' };

        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly ImmutableArray<AdditionalText> _additionalFiles;
        private readonly ConcurrentDictionary<SyntaxTree, TreeKind> _kinds = new ConcurrentDictionary<SyntaxTree, TreeKind>();
        private readonly ConcurrentDictionary<string, SourceText?> _razorTexts = new ConcurrentDictionary<string, SourceText?>(StringComparer.OrdinalIgnoreCase);
        private readonly Func<SyntaxTree, TreeKind> _classify;
        private readonly CancellationToken _cancellationToken;

        private GeneratedCode(AnalyzerConfigOptionsProvider options, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        {
            _options = options;
            _additionalFiles = additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles;
            _cancellationToken = cancellationToken;
            _classify = tree => Classify(tree, _options.GetOptions(tree), _cancellationToken);
        }

        /// <summary>One per compilation: the per-tree decisions are cached for its lifetime.</summary>
        public static GeneratedCode For(AnalyzerOptions options, CancellationToken cancellationToken)
            => new GeneratedCode(options.AnalyzerConfigOptionsProvider, options.AdditionalFiles, cancellationToken);

        public TreeKind KindOf(SyntaxTree tree) => _kinds.GetOrAdd(tree, _classify);

        /// <summary>
        /// The one way the rules register operation actions: per operation block, only for blocks that
        /// <paramref name="mayNeed"/> admits (the per-tree pre-filter), never for generated code. <paramref name="register"/>
        /// gets the block and the wrapper to put around each action: none for hand-written code, the one that moves
        /// findings to the .razor/.cshtml lines for Razor output.
        /// </summary>
        /// <summary>A block filter that admits every block (for <see cref="RegisterPerBlock"/>).</summary>
        public static bool EveryBlock(ImmutableArray<IOperation> blocks) => true;

        public void RegisterPerBlock(
            CompilationStartAnalysisContext start,
            Func<ImmutableArray<IOperation>, bool> mayNeed,
            Action<OperationBlockStartAnalysisContext, Func<Action<OperationAnalysisContext>, Action<OperationAnalysisContext>>> register,
            CompilationScreen? screen = null)
        {
            Func<Action<OperationAnalysisContext>, Action<OperationAnalysisContext>> asWritten = action => action;
            Func<Action<OperationAnalysisContext>, Action<OperationAnalysisContext>> fromRazor = Operations;
            Action<OperationBlockStartAnalysisContext> perBlock = block =>
            {
                if (block.OperationBlocks.IsEmpty || !mayNeed(block.OperationBlocks))
                {
                    return;
                }

                var treeKind = KindOf(block.OperationBlocks[0].Syntax.SyntaxTree);
                if (treeKind != TreeKind.Generated)
                {
                    register(block, treeKind == TreeKind.Source ? asWritten : fromRazor);
                }
            };

            if (screen == null || !screen.JoinsOnly)
            {
                start.RegisterOperationBlockStartAction(perBlock);
                return;
            }

            // A compilation that names Inworld nowhere: only the types that join a literal to another value get the
            // rule's blocks. The compiler then builds no operations for the other types on the rule's behalf.
            if (screen.MayHoldAnyFinding)
            {
                start.RegisterSymbolStartAction(type =>
                {
                    if (screen.MayHoldFinding((INamedTypeSymbol)type.Symbol))
                    {
                        type.RegisterOperationBlockStartAction(perBlock);
                    }
                }, SymbolKind.NamedType);
            }
        }

        /// <summary>
        /// <paramref name="action"/> runs as before for hand-written code, never for generated code, and for
        /// Razor output with its findings moved to (or kept only at) the user's .razor/.cshtml file.
        /// </summary>
        public Action<OperationAnalysisContext> Operations(Action<OperationAnalysisContext> action) => context =>
        {
            var tree = context.Operation.Syntax.SyntaxTree;
            switch (KindOf(tree))
            {
                case TreeKind.Source:
                    action(context);
                    break;
                case TreeKind.Razor:
                    var original = context;
                    action(new OperationAnalysisContext(
                        context.Operation, context.ContainingSymbol, context.Compilation, context.Options,
                        diagnostic => ReportFromRazor(diagnostic, original.ReportDiagnostic, original.CancellationToken),
                        _ => true, context.CancellationToken));
                    break;
            }
        };

        /// <inheritdoc cref="Operations"/>
        public Action<SyntaxNodeAnalysisContext> SyntaxNodes(Action<SyntaxNodeAnalysisContext> action) => context =>
        {
            switch (KindOf(context.Node.SyntaxTree))
            {
                case TreeKind.Source:
                    action(context);
                    break;
                case TreeKind.Razor:
                    var original = context;
                    action(new SyntaxNodeAnalysisContext(
                        context.Node, context.ContainingSymbol, context.SemanticModel, context.Options,
                        diagnostic => ReportFromRazor(diagnostic, original.ReportDiagnostic, original.CancellationToken),
                        _ => true, context.CancellationToken));
                    break;
            }
        };

        /// <summary>The decision for one tree, from its path, its first comments and its options.</summary>
        public static TreeKind Classify(SyntaxTree tree, AnalyzerConfigOptions? options, CancellationToken cancellationToken)
        {
            var explicitlyGenerated = ReadGeneratedCodeOption(options);
            if (IsRazorGeneratedPath(tree.FilePath))
            {
                // Razor output always carries <auto-generated/> and a .g.cs name; only an explicit
                // generated_code = true for the generated file itself takes it out.
                return explicitlyGenerated == true ? TreeKind.Generated : TreeKind.Razor;
            }

            if (explicitlyGenerated.HasValue)
            {
                return explicitlyGenerated.Value ? TreeKind.Generated : TreeKind.Source;
            }

            return IsGeneratedFileName(tree.FilePath) || BeginsWithAutoGeneratedComment(tree, cancellationToken) ? TreeKind.Generated : TreeKind.Source;
        }

        /// <summary>The contract with inworld-scan: a path ending .razor.g.cs, _razor.g.cs, .cshtml.g.cs or _cshtml.g.cs.</summary>
        public static bool IsRazorGeneratedPath(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            foreach (var suffix in RazorTreeSuffixes)
            {
                if (path!.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A .razor or .cshtml file: where a finding in Razor output may be reported.</summary>
        public static bool IsRazorSourcePath(string? path)
            => path != null && (path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase));

        /// <summary>Roslyn's file-name test: *.designer.*, *.generated.*, *.g.*, *.g.i.*, TemporaryGeneratedFile_*.</summary>
        public static bool IsGeneratedFileName(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            var fileName = FileName(path!);
            if (fileName.StartsWith(TemporaryGeneratedFilePrefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var dot = fileName.LastIndexOf('.');
            var withoutExtension = dot > 0 ? fileName.Substring(0, dot) : fileName;
            foreach (var ending in GeneratedNameEndings)
            {
                if (withoutExtension.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Roslyn's comment test: a comment before the first token that contains &lt;auto-generated or &lt;autogenerated.</summary>
        public static bool BeginsWithAutoGeneratedComment(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            if (!root.HasLeadingTrivia)
            {
                return false;
            }

            foreach (var trivia in root.GetLeadingTrivia())
            {
                if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) &&
                    !trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
                {
                    continue;
                }

                var text = trivia.ToString();
                if (text.IndexOf("<auto-generated", StringComparison.Ordinal) >= 0 || text.IndexOf("<autogenerated", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// For code fixes, which see a document and no options: is this a tree the rules never report in as
        /// written (Razor output, whose fix would edit generated code, or any other generated file)?
        /// </summary>
        public static bool IsGeneratedTree(SyntaxTree? tree, CancellationToken cancellationToken)
            => tree != null && (IsRazorGeneratedPath(tree.FilePath) || IsGeneratedFileName(tree.FilePath) || BeginsWithAutoGeneratedComment(tree, cancellationToken));

        private static bool? ReadGeneratedCodeOption(AnalyzerConfigOptions? options)
        {
            if (options != null && options.TryGetValue(GeneratedCodeOptionKey, out var value) && bool.TryParse(value?.Trim(), out var generated))
            {
                return generated;
            }

            return null;
        }

        private static string FileName(string path)
        {
            var separator = path.LastIndexOfAny(PathSeparators);
            return separator >= 0 ? path.Substring(separator + 1) : path;
        }

        /// <summary>
        /// A finding in Razor output. Where it maps into the .razor/.cshtml file (user C#: @code, @(...),
        /// attribute expressions) the compiler reports it there already. Markup literals (attribute values,
        /// component parameters, text) sit in #line hidden regions: they are found in the Razor file's text and
        /// reported there. A hidden finding whose text is not in the Razor file is scaffolding and dropped.
        /// </summary>
        private void ReportFromRazor(Diagnostic diagnostic, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            var location = diagnostic.Location;
            var tree = location.SourceTree;
            if (tree == null || !location.IsInSource)
            {
                report(diagnostic);
                return;
            }

            var mapped = location.GetMappedLineSpan();
            if (mapped.HasMappedPath)
            {
                if (IsRazorSourcePath(mapped.Path))
                {
                    report(diagnostic);
                }

                // Mapped somewhere else: not from the user's Razor file.
                return;
            }

            var relocated = LocateInRazorFile(tree, location.SourceSpan, cancellationToken);
            if (relocated != null)
            {
                report(Relocate(diagnostic, relocated));
            }
        }

        private Location? LocateInRazorFile(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
        {
            var razorPath = ChecksumPath(tree, cancellationToken);
            if (razorPath == null)
            {
                // No #pragma checksum names the Razor file: keep the finding where it is.
                return Location.Create(tree, span);
            }

            var razorText = RazorText(razorPath, cancellationToken);
            var nearest = NearestMappedLocation(tree, span, razorPath, razorText, cancellationToken);
            if (razorText == null)
            {
                // The Razor file's text is not in the compilation, so its markup cannot be searched: report at the
                // nearest position that maps into it, or its first line, rather than dropping a possible key.
                return nearest ?? Location.Create(razorPath, default, new LinePositionSpan(default, default));
            }

            // Search from the last position above the literal that maps into the Razor file, so that a value
            // written twice is reported where this literal came from; then from the top.
            var searchFrom = 0;
            if (nearest != null)
            {
                var end = nearest.GetLineSpan().EndLinePosition;
                searchFrom = end.Line < razorText.Lines.Count ? Math.Min(razorText.Lines[end.Line].Start + end.Character, razorText.Length) : 0;
            }

            var found = FindLiteralText(tree, span, razorText.ToString(), searchFrom, cancellationToken);
            if (found == null)
            {
                return null;
            }

            return Location.Create(razorPath, found.Value, razorText.Lines.GetLinePositionSpan(found.Value));
        }

        /// <summary>
        /// Where a string literal under <paramref name="span"/> was written in the Razor file: the longest
        /// credential-sized piece of it (markup split at quotes, tags, whitespace and '=') found in the text.
        /// </summary>
        private static TextSpan? FindLiteralText(SyntaxTree tree, TextSpan span, string razor, int searchFrom, CancellationToken cancellationToken)
        {
            var node = tree.GetRoot(cancellationToken).FindNode(span, getInnermostNodeForTie: true);
            TextSpan? best = null;
            foreach (var token in node.DescendantTokens())
            {
                if ((!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken)) ||
                    !CredentialShape.MayContainCredential(token.ValueText))
                {
                    continue;
                }

                foreach (var piece in token.ValueText.Split(MarkupSeparators, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!CredentialShape.MayContainCredential(piece) || (best.HasValue && piece.Length <= best.Value.Length))
                    {
                        continue;
                    }

                    var at = razor.IndexOf(piece, searchFrom, StringComparison.Ordinal);
                    if (at < 0 && searchFrom > 0)
                    {
                        at = razor.IndexOf(piece, StringComparison.Ordinal);
                    }

                    if (at >= 0)
                    {
                        best = new TextSpan(at, piece.Length);
                    }
                }
            }

            return best;
        }

        /// <summary>The file named by the tree's leading <c>#pragma checksum "file" ...</c> (Razor writes it first).</summary>
        private static string? ChecksumPath(SyntaxTree tree, CancellationToken cancellationToken)
        {
            foreach (var trivia in tree.GetRoot(cancellationToken).GetLeadingTrivia())
            {
                if (trivia.GetStructure() is PragmaChecksumDirectiveTriviaSyntax checksum)
                {
                    var path = checksum.File.ValueText;
                    return IsRazorSourcePath(path) ? path : null;
                }
            }

            return null;
        }

        /// <summary>
        /// The closest token before <paramref name="span"/> that maps into the Razor file, as its location there
        /// (tokens, not lines: a #line directive's own line would map past the code it ends). The generator's
        /// glue after a mapped span (a ';' two lines below "@using ...") maps past it too, so a token counts only
        /// when the Razor text has it at the mapped position, or, without the text, when it is a name or literal.
        /// </summary>
        private static Location? NearestMappedLocation(SyntaxTree tree, TextSpan span, string razorPath, SourceText? razorText, CancellationToken cancellationToken)
        {
            var token = tree.GetRoot(cancellationToken).FindToken(span.Start).GetPreviousToken();
            for (var steps = 0; token.RawKind != 0 && steps < MaxTokensToNearestMapping; token = token.GetPreviousToken(), steps++)
            {
                var mapped = token.GetLocation().GetMappedLineSpan();
                if (mapped.HasMappedPath && string.Equals(mapped.Path, razorPath, StringComparison.OrdinalIgnoreCase) &&
                    IsWrittenInRazor(token, mapped.StartLinePosition, razorText))
                {
                    return Location.Create(mapped.Path, default, mapped.Span);
                }
            }

            return null;
        }

        private static bool IsWrittenInRazor(SyntaxToken token, LinePosition position, SourceText? razorText)
        {
            if (razorText == null)
            {
                return token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.NumericLiteralToken);
            }

            if (position.Line >= razorText.Lines.Count)
            {
                return false;
            }

            var line = razorText.Lines[position.Line];
            var start = line.Start + position.Character;
            var text = token.Text;
            return start + text.Length <= line.End && razorText.ToString(new TextSpan(start, text.Length)) == text;
        }

        /// <summary>The Razor file's text, from the compilation's additional files (the Razor SDK passes every .razor/.cshtml there).</summary>
        private SourceText? RazorText(string razorPath, CancellationToken cancellationToken)
            => _razorTexts.GetOrAdd(razorPath, path =>
            {
                var wanted = Normalize(path);
                foreach (var file in _additionalFiles)
                {
                    var candidate = Normalize(file.Path);
                    if (string.Equals(candidate, wanted, StringComparison.OrdinalIgnoreCase) ||
                        (!IsRooted(candidate) && wanted.EndsWith("/" + candidate, StringComparison.OrdinalIgnoreCase)))
                    {
                        return file.GetText(cancellationToken);
                    }
                }

                return null;
            });

        private static string Normalize(string path) => path.Replace('\\', '/');

        private static bool IsRooted(string normalizedPath)
            => normalizedPath.StartsWith("/", StringComparison.Ordinal) || (normalizedPath.Length > 1 && normalizedPath[1] == ':');

        /// <summary>The same finding at another location (Diagnostic has no public WithLocation).</summary>
        private static Diagnostic Relocate(Diagnostic diagnostic, Location location)
        {
            var descriptor = diagnostic.Descriptor;
            return Diagnostic.Create(
                diagnostic.Id,
                descriptor.Category,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                diagnostic.Severity,
                descriptor.DefaultSeverity,
                descriptor.IsEnabledByDefault,
                diagnostic.WarningLevel,
                descriptor.Title,
                descriptor.Description,
                descriptor.HelpLinkUri,
                location,
                additionalLocations: null,
                customTags: descriptor.CustomTags,
                properties: diagnostic.Properties);
        }
    }
}
