using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Inworld.Analyzers.Core.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// Everything the rules know about one compilation, built once and shared by every rule (and the code fixes):
    /// framework types, the project kind, Unity facts, the parsed options of each tree, the request strings of each
    /// type, and the per-tree pre-filter (<see cref="TreeFacts"/>). Each part is computed the first time a rule
    /// asks, so a compilation no rule looks into costs nothing but this object.
    /// </summary>
    internal sealed class InworldContext
    {
        // The driver starts each analyzer's compilation-start action separately; this table is how they find the
        // one context of their compilation. Weak keys: the context lives exactly as long as its compilation.
        private static readonly ConditionalWeakTable<Compilation, InworldContext> PerCompilation = new ConditionalWeakTable<Compilation, InworldContext>();

        private readonly Lazy<UnityContext> _unity;
        private readonly Lazy<ProjectKindDecision> _project;
        private readonly Lazy<AuthorizationCarriers> _authorizationCarriers;
        private readonly Lazy<CompilationScreen> _screen;
        private readonly ConditionalWeakTable<AnalyzerConfigOptions, InworldOptions> _options = new ConditionalWeakTable<AnalyzerConfigOptions, InworldOptions>();
        private readonly ConcurrentDictionary<SyntaxTree, TreeFacts> _trees = new ConcurrentDictionary<SyntaxTree, TreeFacts>();
        private readonly Func<SyntaxTree, TreeFacts> _readTree;
        private static readonly ConditionalWeakTable<AnalyzerConfigOptions, InworldOptions>.CreateValueCallback ReadOptions = InworldOptions.Read;
        private readonly ConditionalWeakTable<AnalyzerConfigOptions, RealtimeKeyNames> _realtimeNames = new ConditionalWeakTable<AnalyzerConfigOptions, RealtimeKeyNames>();
        private static readonly ConditionalWeakTable<AnalyzerConfigOptions, RealtimeKeyNames>.CreateValueCallback ReadRealtimeNames = RealtimeKeyNames.From;

        private InworldContext(Compilation compilation, AnalyzerConfigOptionsProvider options)
        {
            Compilation = compilation;
            OptionsProvider = options;
            Types = new WellKnownTypes(compilation);
            RequestStrings = new RequestStrings();
            _unity = new Lazy<UnityContext>(() => UnityContext.From(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            _project = new Lazy<ProjectKindDecision>(() => ProjectKinds.Detect(compilation, options.GlobalOptions, Unity), LazyThreadSafetyMode.ExecutionAndPublication);
            _authorizationCarriers = new Lazy<AuthorizationCarriers>(() => AuthorizationCarriers.Find(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            _readTree = tree => new TreeFacts(tree);
            _screen = new Lazy<CompilationScreen>(() => CompilationScreen.For(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        // Per asynchronous flow, so a test can switch the filter off for its own analyzer run without touching
        // runs in parallel tests (the analyzer driver's tasks inherit the flow's value).
        private static readonly AsyncLocal<bool?> PreFilterSwitch = new AsyncLocal<bool?>();

        /// <summary>
        /// When false, every rule registers its actions for every operation block, as before the pre-filter existed.
        /// Tests switch it off to prove the filter hides no finding; the product never does.
        /// </summary>
        internal static bool PreFilterEnabled
        {
            get => PreFilterSwitch.Value ?? true;
            set => PreFilterSwitch.Value = value;
        }

        /// <summary>The context of <paramref name="compilation"/> analysed with <paramref name="options"/>: one per compilation.</summary>
        public static InworldContext For(Compilation compilation, AnalyzerConfigOptionsProvider options)
        {
            var context = PerCompilation.GetValue(compilation, c => new InworldContext(c, options));

            // The same compilation analysed with other options (rare: a host re-running analyzers with new
            // settings) gets its own context, so no option answer leaks from one run into the other.
            return ReferenceEquals(context.OptionsProvider, options) ? context : new InworldContext(compilation, options);
        }

        public Compilation Compilation { get; }

        public AnalyzerConfigOptionsProvider OptionsProvider { get; }

        /// <summary>Framework types, each resolved the first time a rule asks for it.</summary>
        public WellKnownTypes Types { get; }

        /// <summary>Strings a request could be addressed with, cached per type.</summary>
        public RequestStrings RequestStrings { get; }

        public UnityContext Unity => _unity.Value;

        /// <summary>The project's kind, before any per-file override.</summary>
        public ProjectKindDecision Project => _project.Value;

        /// <summary>The kind that applies to code in <paramref name="tree"/>: the project's, unless the tree's options override it.</summary>
        public ProjectKindDecision ProjectKind(SyntaxTree tree) => ProjectKinds.ForFile(Project, OptionsProvider.GetOptions(tree));

        /// <summary>Is code at <paramref name="position"/> of <paramref name="tree"/> client-side code that ships (not Editor-only)?</summary>
        public bool IsShippedClientCode(SyntaxTree tree, int position) => ProjectKind(tree).IsClient && !Unity.IsEditorOnly(tree, position);

        /// <summary>The package's options for <paramref name="tree"/>, parsed once per options object (trees with the same settings share one).</summary>
        public InworldOptions Options(SyntaxTree tree) => _options.GetValue(OptionsProvider.GetOptions(tree), ReadOptions);

        /// <summary>The Realtime-only key names configured for <paramref name="tree"/> (INW003), parsed once per options object like <see cref="Options"/>.</summary>
        public RealtimeKeyNames RealtimeNames(SyntaxTree tree) => _realtimeNames.GetValue(OptionsProvider.GetOptions(tree), ReadRealtimeNames);

        /// <summary>
        /// How much of the compilation INW001, INW003 and INW005 must look at (<see cref="CompilationScreen"/>), decided
        /// once, when the first rule starts; every block when the pre-filter is switched off.
        /// </summary>
        public CompilationScreen Screen => PreFilterEnabled ? _screen.Value : CompilationScreen.Full("the pre-filter is switched off");

        /// <summary>The pre-filter's facts about <paramref name="tree"/>, read once from its text.</summary>
        public TreeFacts Facts(SyntaxTree tree) => _trees.GetOrAdd(tree, _readTree);

        /// <summary>
        /// Could an INW001 literal finding sit in these operation blocks? See <see cref="TreeFacts.MayHoldStringLiteral"/>.
        /// </summary>
        public bool MayHoldStringLiteral(ImmutableArray<IOperation> blocks)
        {
            if (!PreFilterEnabled)
            {
                return true;
            }

            foreach (var operation in blocks)
            {
                var syntax = operation.Syntax;
                if (Facts(syntax.SyntaxTree).MayHoldStringLiteral(syntax.Span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Could an Authorization header be attached in these operation blocks? See <see cref="TreeFacts.MayAttachAuthorization"/>.
        /// </summary>
        public bool MayAttachAuthorization(ImmutableArray<IOperation> blocks)
        {
            if (!PreFilterEnabled)
            {
                return true;
            }

            foreach (var operation in blocks)
            {
                var syntax = operation.Syntax;
                if (Facts(syntax.SyntaxTree).MayAttachAuthorization(syntax.Span, _authorizationCarriers))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
