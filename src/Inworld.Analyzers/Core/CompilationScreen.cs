using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
        private static readonly ConditionalWeakTable<SyntaxTree, SourceScan>.CreateValueCallback ReadTree = tree => SourceScan.Of(tree.GetText(CancellationToken.None).ToString());
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
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, int[]> _nameJoins = new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, int[]>();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, int[]> _liveJoins = new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, int[]>();
        private readonly Func<SyntaxTree, int[]> _readNameJoins;
        private readonly Func<SyntaxTree, int[]> _readLiveJoins;

        private CompilationScreen(string? fullAnalysisReason, bool anyJoin, HashSet<string> carriers, SourceScan.KnownValues knownNames)
        {
            FullAnalysisReason = fullAnalysisReason;
            AnyJoin = anyJoin;
            _carriers = new SourceScan.CarrierNames(carriers);
            _knownNames = knownNames;

            // The compiler keeps each tree's text; an ordinary file's ToString is that string, no copy (a large file's is
            // one copy, once per tree here).
            _readNameJoins = tree => SourceScan.NameJoins(tree.GetText(CancellationToken.None).ToString(), _carriers);
            _readLiveJoins = tree => ScanOf(tree).LiveJoins(_knownNames);
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
        public bool AnyJoin { get; }

        public static SourceScan ScanOf(SyntaxTree tree) => s_trees.GetValue(tree, ReadTree);

        /// <summary>
        /// Forgets every tree's scan, so the next screen reads the text again: the benchmark measures what a build pays
        /// (one screen per compilation), not what the IDE pays after the first keystroke.
        /// </summary>
        internal static void ForgetTreesForBenchmark() => s_trees = new ConditionalWeakTable<SyntaxTree, SourceScan>();

        public static CompilationScreen For(Compilation compilation, CancellationToken cancellationToken)
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
                var scan = ScanOf(reference.SyntaxTree);
                var joins = scan.BoundJoins.Length == 0 ? scan.Joins : _liveJoins.GetOrAdd(reference.SyntaxTree, _readLiveJoins);
                if (SourceScan.AnyIn(joins, reference.Span.Start, reference.Span.End))
                {
                    return true;
                }
            }

            if (_carriers.Count == 0)
            {
                return false;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (SourceScan.AnyIn(_nameJoins.GetOrAdd(reference.SyntaxTree, _readNameJoins), reference.Span.Start, reference.Span.End))
                {
                    return true;
                }
            }

            return false;
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
