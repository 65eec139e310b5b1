using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// Decides, once per compilation, how much of it INW001, INW003 and INW005 must look at.
    /// <para>
    /// Every finding of these rules needs one of: a literal that is an API key or a raw "id:secret" pair; a name, URL or
    /// setting that says Inworld (token-shaped values, halves and Realtime keys are findings only where a name or an
    /// endpoint says Inworld); such a value or name in a referenced assembly; or fragments joined into a key or a pair.
    /// When the compilation's text (<see cref="SourceScan"/>, cached per tree) and its referenced assemblies hold none of
    /// the first three, only the fourth is left, and it can only happen where a literal is joined to another value
    /// (<see cref="SourceScan.Joins"/>, and the <see cref="SourceScan.BoundJoins"/> next to a name some file or referenced
    /// assembly gives a known value) or where a fragment's name is joined: the rules then register their operation
    /// actions only for the types that hold such a join (<see cref="MayHoldFinding"/>), and a library with no Inworld code
    /// costs a text search of its literals.
    /// </para>
    /// Everything else (<see cref="JoinsOnly"/> false) is analysed as before, block by block.
    /// </summary>
    internal sealed class CompilationScreen
    {
        // Trees and assembly symbols outlive a compilation in the IDE (an edit makes a new compilation that keeps the
        // other trees and every reference): each is read once, not once per keystroke.
        private static ConditionalWeakTable<SyntaxTree, SourceScan> s_trees = new ConditionalWeakTable<SyntaxTree, SourceScan>();
        private static readonly ConditionalWeakTable<SyntaxTree, SourceScan>.CreateValueCallback ReadTree = Read;
        private static readonly ConditionalWeakTable<IAssemblySymbol, ReferencedAssembly> AssemblyFacts = new ConditionalWeakTable<IAssemblySymbol, ReferencedAssembly>();
        private static readonly ConditionalWeakTable<IAssemblySymbol, ReferencedAssembly>.CreateValueCallback ReadAssembly = ReferencedAssembly.Read;

        // Public key tokens of the .NET, ASP.NET Core and Microsoft.Extensions assemblies: they declare no Inworld name,
        // constant or default, and walking their members would cost more than the whole screen.
        private static readonly string[] FrameworkKeyTokens =
        {
            "b77a5c561934e089", "b03f5f7f11d50a3a", "31bf3856ad364e35", "cc7b13ffcd2ddd51", "adb9793829ddae60", "7cec85d7bea7798e",
        };

        private readonly SourceScan.CarrierNames _carriers;
        private readonly SourceScan.KnownValues _knownNames;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, int[]> _joinsByTree = new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, int[]>();
        private readonly Func<SyntaxTree, int[]> _readJoins;

        private CompilationScreen(string? fullAnalysisReason, bool anyJoin, HashSet<string> carriers, SourceScan.KnownValues knownNames)
        {
            FullAnalysisReason = fullAnalysisReason;
            AnyJoin = anyJoin;
            _carriers = new SourceScan.CarrierNames(carriers);
            _knownNames = knownNames;

            _readJoins = ReadJoins;
        }

        /// <summary>
        /// Names of the constants, read-only fields and properties (and constants of referenced assemblies) whose value
        /// may be a fragment of a key (<see cref="SourceScan.Carriers"/>): a '+' next to one of them is a join too.
        /// </summary>
        public IEnumerable<string> Carriers => _carriers.Names;

        /// <summary>Only the types with a join need the rules (see the class summary).</summary>
        public bool JoinsOnly => FullAnalysisReason == null;

        /// <summary>Why every block is analysed (for the benchmark's report), or null when <see cref="JoinsOnly"/>.</summary>
        public string? FullAnalysisReason { get; }

        /// <summary>Some tree holds a join: without one, a <see cref="JoinsOnly"/> compilation needs no operation action at all.</summary>
        private bool AnyJoin { get; }

        /// <summary>
        /// Could the rules find anything in this compilation? Always when every block is analysed; in a <see cref="JoinsOnly"/>
        /// compilation, only when some tree holds a join. A rule registers nothing when not.
        /// </summary>
        public bool MayHoldAnyFinding => !JoinsOnly || AnyJoin;

        public static SourceScan ScanOf(SyntaxTree tree) => s_trees.GetValue(tree, ReadTree);

        /// <summary>
        /// The scan of a tree's text. The compiler holds a file of more than 40K characters in chunks, and its string is a
        /// copy on the large object heap, which a build pays in collections: such a text is first read through a small
        /// buffer, and one that holds nothing the scan reads (no quote, no '+', no "const", "Concat(" or "inworld": a
        /// table of numbers) gets the empty scan, which is what reading it whole would give.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static SourceScan Read(SyntaxTree tree)
        {
            var text = tree.GetText(CancellationToken.None);
            if (text.Length <= ChunkedTextLength || text.GetType().Name == "StringText")
            {
                // The text is a string already: ToString is that string, no copy.
                return SourceScan.Of(text.ToString());
            }

            if (HoldsNothingToScan(text))
            {
                return SourceScan.Empty;
            }

            // A chunked text's ToString builds the string through a StringBuilder, the whole text twice over: a buffer
            // the screen reuses for every large file makes it once.
            var reused = t_largeTextBuffer;
            var buffer = reused == null || reused.Length < text.Length ? new char[text.Length] : reused;
            text.CopyTo(0, buffer, 0, text.Length);
            if (reused != null)
            {
                t_largeTextBuffer = buffer;
            }

            return SourceScan.Of(new string(buffer, 0, text.Length));
        }

        // Not null only while a screen reads a compilation's trees on this thread (For): no buffer outlives a screen.
        [ThreadStatic]
        private static char[]? t_largeTextBuffer;

        // The length above which the compiler reads a file into chunks (Roslyn's LargeObjectHeapLimitInChars).
        private const int ChunkedTextLength = 40 * 1024;
        private const int BlockLength = 8 * 1024;

        // A block is read with this many characters of the next: a word the block starts is whole in it.
        private const int BlockOverlap = 8;

        [MethodImpl(HotPath.CompileOptimized)]
        internal static bool HoldsNothingToScan(SourceText text)
        {
            var buffer = new char[BlockLength + BlockOverlap];
            for (var start = 0; start < text.Length; start += BlockLength)
            {
                var count = Math.Min(BlockLength + BlockOverlap, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                if (Array.IndexOf(buffer, '"', 0, count) >= 0 || Array.IndexOf(buffer, '+', 0, count) >= 0 ||
                    HasWordAround(buffer, count, 'n') || HasWordAround(buffer, count, 'N'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Is "const", "Concat(" or "inworld" (in any case) at one of the <paramref name="anchor"/> characters of the
        /// buffer? Every one of them has an 'n' or 'N' at a fixed place; a character beyond ASCII where the 'i' of
        /// "inworld" stands counts as a match, since a case-blind comparison folds some of them to 'I'.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool HasWordAround(char[] buffer, int count, char anchor)
        {
            for (var n = Array.IndexOf(buffer, anchor, 0, count); n >= 0; n = n + 1 < count ? Array.IndexOf(buffer, anchor, n + 1, count - n - 1) : -1)
            {
                if (IsAt(buffer, count, n - 2, "const") || IsAt(buffer, count, n - 2, "Concat(") ||
                    (n >= 1 && (char.ToUpperInvariant(buffer[n - 1]) == 'I' || buffer[n - 1] > 127) && IsAtIgnoringCase(buffer, count, n + 1, "WORLD")))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAt(char[] buffer, int count, int start, string word)
        {
            if (start < 0 || start + word.Length > count)
            {
                return false;
            }

            for (var i = 0; i < word.Length; i++)
            {
                if (buffer[start + i] != word[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAtIgnoringCase(char[] buffer, int count, int start, string upperWord)
        {
            if (start + upperWord.Length > count)
            {
                return false;
            }

            for (var i = 0; i < upperWord.Length; i++)
            {
                if (char.ToUpperInvariant(buffer[start + i]) != upperWord[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Forgets every tree's scan, so the next screen reads the text again: the benchmark measures what a build pays
        /// (one screen per compilation), not what the IDE pays after the first keystroke.
        /// </summary>
        internal static void ForgetTreesForBenchmark() => s_trees = new ConditionalWeakTable<SyntaxTree, SourceScan>();

        public static CompilationScreen For(Compilation compilation, CancellationToken cancellationToken)
        {
            t_largeTextBuffer = Array.Empty<char>();
            try
            {
                return Screen(compilation, cancellationToken);
            }
            finally
            {
                t_largeTextBuffer = null;
            }
        }

        private static CompilationScreen Screen(Compilation compilation, CancellationToken cancellationToken)
        {
            var anyJoin = false;
            var carriers = new HashSet<string>(StringComparer.Ordinal);
            var knownNames = new SourceScan.KnownValues();
            List<SourceScan>? bound = null;
            List<IReadOnlyCollection<string>>? constants = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (tree.Options.Kind != SourceCodeKind.Regular)
                {
                    return Full("a script");
                }

                var scan = ScanOf(tree);
                if (scan.NamesInworld)
                {
                    return Full(tree.FilePath + " names Inworld");
                }

                if (scan.HoldsCredentialText)
                {
                    return Full(tree.FilePath + " holds a key or a key pair");
                }

                carriers.UnionWith(scan.Carriers);
                if (scan.BoundJoins.Length > 0)
                {
                    (bound ??= new List<SourceScan>()).Add(scan);
                }

                if (scan.Joins.Length > 0 || scan.BoundJoins.Length > 0)
                {
                    anyJoin |= scan.Joins.Length > 0;

                    // Top-level statements belong to a type the compiler declares, which gets no symbol-start action.
                    if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax root && HasGlobalStatement(root))
                    {
                        return Full(tree.FilePath + " joins a literal in top-level statements");
                    }
                }
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var facts = AssemblyFacts.GetValue(assembly, ReadAssembly);
                if (facts.ReasonToAnalyse.Length > 0)
                {
                    return Full(facts.ReasonToAnalyse);
                }

                carriers.UnionWith(facts.Carriers);
                constants ??= new List<IReadOnlyCollection<string>>();
                constants.Add(facts.Constants);
            }

            // A join next to names only is one when a name may hold a value the rules know: which of those names some
            // file (or referenced assembly) gives a known value is only looked up when such joins exist.
            if (bound != null)
            {
                var wantedNames = SourceScan.BoundNames(bound);
                knownNames.UnionWith(SourceScan.KnownAmong(compilation.SyntaxTrees.Select(ScanOf), wantedNames));

                foreach (var list in constants ?? new List<IReadOnlyCollection<string>>())
                {
                    foreach (var constant in list)
                    {
                        if (wantedNames.Contains(constant))
                        {
                            knownNames.Add(constant, SourceScan.ValueShape.AnyValue);
                        }
                    }
                }

                foreach (var scan in bound)
                {
                    anyJoin |= scan.LiveJoins(knownNames).Length > 0;
                }
            }

            return new CompilationScreen(null, anyJoin || carriers.Count > 0, carriers, knownNames);
        }

        /// <summary>A screen that lets every block through (the pre-filter switched off, or a compilation that needs it all).</summary>
        public static CompilationScreen Full(string reason) => new CompilationScreen(reason, anyJoin: true, new HashSet<string>(), new SourceScan.KnownValues());

        /// <summary>Could the rules find anything in <paramref name="type"/> (its own declarations, nested types aside)?</summary>
        public bool MayHoldFinding(INamedTypeSymbol type)
        {
            if (!JoinsOnly)
            {
                return true;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (MayHoldFindingIn(reference.SyntaxTree, reference.Span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Could the rules find anything in <paramref name="span"/> of <paramref name="tree"/>? Only where a join is, in a
        /// <see cref="JoinsOnly"/> compilation: an attribute's arguments, which the rules read from syntax, are held to the
        /// same test as a type's code.
        /// </summary>
        public bool MayHoldFindingIn(SyntaxTree tree, TextSpan span)
        {
            if (!JoinsOnly)
            {
                return true;
            }

            return SourceScan.AnyIn(_joinsByTree.GetOrAdd(tree, _readJoins), span.Start, span.End);
        }

        /// <summary>
        /// Every join of <paramref name="tree"/> in this compilation, ascending: its literal joins, the bound ones whose
        /// names hold known values, and the '+' or Concat next to a carrier's name. Read once per tree: a type or an
        /// attribute then costs one look-up.
        /// </summary>
        private int[] ReadJoins(SyntaxTree tree)
        {
            var scan = ScanOf(tree);
            var joins = scan.BoundJoins.Length == 0 ? scan.Joins : scan.LiveJoins(_knownNames);
            var nameJoins = _carriers.Count == 0 ? Array.Empty<int>() : scan.NameJoins(_carriers);
            if (nameJoins.Length == 0)
            {
                return joins;
            }

            if (joins.Length == 0)
            {
                return nameJoins;
            }

            var all = new int[joins.Length + nameJoins.Length];
            joins.CopyTo(all, 0);
            nameJoins.CopyTo(all, joins.Length);
            Array.Sort(all);
            return all;
        }

        private static bool HasGlobalStatement(CompilationUnitSyntax root)
        {
            foreach (var member in root.Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What a referenced assembly brings: a reason to analyse every block (it names Inworld, or a constant or an
        /// optional parameter's default in it is a key or a pair: the compiler copies both into the calling code), and
        /// the names of its constants that may be fragments of a key.
        /// </summary>
        private sealed class ReferencedAssembly
        {
            private static readonly string[] NoNames = new string[0];

            private ReferencedAssembly(string reasonToAnalyse, IReadOnlyCollection<string> carriers, IReadOnlyCollection<string> constants)
            {
                ReasonToAnalyse = reasonToAnalyse;
                Carriers = carriers;
                Constants = constants;
            }

            /// <summary>The names of its string constants: values the rules know wherever they are joined.</summary>
            public IReadOnlyCollection<string> Constants { get; }

            /// <summary>Empty: none.</summary>
            public string ReasonToAnalyse { get; }

            public IReadOnlyCollection<string> Carriers { get; }

            public static ReferencedAssembly Read(IAssemblySymbol assembly)
            {
                if (CredentialNames.ContainsInworld(assembly.Name))
                {
                    return new ReferencedAssembly("the referenced assembly " + assembly.Name + " names Inworld", NoNames, NoNames);
                }

                if (IsFramework(assembly))
                {
                    return new ReferencedAssembly(string.Empty, NoNames, NoNames);
                }

                var carriers = new List<string>();
                var constants = new List<string>();
                return HoldsInworldNameOrCredential(assembly.GlobalNamespace, carriers, constants)
                    ? new ReferencedAssembly("the referenced assembly " + assembly.Name + " names Inworld or holds a key", NoNames, NoNames)
                    : new ReferencedAssembly(string.Empty, carriers, constants);
            }
        }

        private static bool IsFramework(IAssemblySymbol assembly)
        {
            var token = assembly.Identity.PublicKeyToken;
            if (token.Length != 8)
            {
                return false;
            }

            var hex = string.Concat(token[0].ToString("x2"), token[1].ToString("x2"), token[2].ToString("x2"), token[3].ToString("x2")) +
                      string.Concat(token[4].ToString("x2"), token[5].ToString("x2"), token[6].ToString("x2"), token[7].ToString("x2"));
            return Array.IndexOf(FrameworkKeyTokens, hex) >= 0;
        }

        private static bool HoldsInworldNameOrCredential(INamespaceOrTypeSymbol container, List<string> carriers, List<string> constants)
        {
            foreach (var member in container.GetMembers())
            {
                if (CredentialNames.ContainsInworld(member.Name))
                {
                    return true;
                }

                switch (member)
                {
                    case INamespaceOrTypeSymbol nested when HoldsInworldNameOrCredential(nested, carriers, constants):
                        return true;
                    case IFieldSymbol field when field.HasConstantValue && field.ConstantValue is string value:
                        if (SourceScan.IsCredentialValue(value))
                        {
                            return true;
                        }

                        if (SourceScan.IsFragmentValue(value))
                        {
                            carriers.Add(field.Name);
                        }

                        constants.Add(field.Name);

                        break;
                    case IMethodSymbol method when HasCredentialDefault(method.Parameters):
                        return true;
                    case IPropertySymbol property when HasCredentialDefault(property.Parameters):
                        return true;
                }
            }

            return false;
        }

        private static bool HasCredentialDefault(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters)
        {
            foreach (var parameter in parameters)
            {
                if (CredentialNames.ContainsInworld(parameter.Name) ||
                    (parameter.HasExplicitDefaultValue && SourceScan.IsCredentialValue(parameter.ExplicitDefaultValue as string)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
