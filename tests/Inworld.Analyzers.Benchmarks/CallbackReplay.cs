using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Benchmarks
{
    /// <summary>
    /// Runs analyzers' callbacks directly over operations the compiler's driver handed out once, without the
    /// driver. A whole driver run takes seconds and varies by ±5–10% on a shared machine, far more than 1% of bind
    /// time; one pass over the corpus's callbacks takes milliseconds and can be repeated until its timing is stable.
    /// Each pass starts with the analyzer's compilation-start action; work cached per compilation (type lookups)
    /// is paid in the warm-up pass only, and is in the driver report (<see cref="AnalyzerTimeReport"/>).
    /// </summary>
    public sealed class CallbackReplay
    {
        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        // The contexts are made once: making one reads the operation's syntax tree, a walk up to the root that
        // would cost more than most callbacks and is not something the driver does per callback.
        private readonly Dictionary<OperationKind, OperationAnalysisContext[]> _operations;
        private readonly OperationAnalysisContext[] _inOrder;
        private readonly SyntaxNodeAnalysisContext[] _attributes;
        private int _reported;

        private static readonly int MaxKind = Enum.GetValues(typeof(OperationKind)).Cast<int>().Max();

        private CallbackReplay(Compilation compilation, Dictionary<OperationKind, List<(IOperation Operation, ISymbol Symbol)>> operations, List<(SyntaxNode Node, SemanticModel Model, ISymbol? Symbol)> attributes)
        {
            _compilation = compilation;
            Action<Diagnostic> report = _ => Interlocked.Increment(ref _reported);
            Func<Diagnostic, bool> supported = _ => true;
#pragma warning disable CS0618 // the public constructors are the way to make contexts outside the driver
            _operations = operations.ToDictionary(
                pair => pair.Key,
                pair => pair.Value.Select(o => new OperationAnalysisContext(o.Operation, o.Symbol, compilation, _options, report, supported, CancellationToken.None)).ToArray());
            _inOrder = _operations.Values.SelectMany(c => c)
                .OrderBy(c => c.Operation.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(c => c.Operation.Syntax.SpanStart).ThenByDescending(c => c.Operation.Syntax.Span.Length)
                .ToArray();
            _attributes = attributes.Select(a => new SyntaxNodeAnalysisContext(a.Node, a.Symbol, a.Model, _options, report, supported, CancellationToken.None)).ToArray();
#pragma warning restore CS0618
        }

        /// <summary>Number of callbacks one pass of <paramref name="analyzer"/> makes.</summary>
        public int Callbacks(DiagnosticAnalyzer analyzer)
        {
            var registrations = Register(analyzer, _compilation);
            return registrations.OperationActions.Sum(a => a.Kinds.Sum(k => _operations.TryGetValue(k, out var contexts) ? contexts.Length : 0)) +
                   registrations.AttributeActions.Count * _attributes.Length;
        }

        /// <summary>Collects every operation and attribute the driver visits in <paramref name="compilation"/>.</summary>
        public static CallbackReplay Collect(Compilation compilation)
        {
            var collector = new Collector();
            compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(collector)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var operations = collector.Operations.GroupBy(o => o.Operation.Kind).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Operation.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(o => o.Operation.Syntax.SpanStart).ToList());
            return new CallbackReplay(compilation, operations, collector.Attributes.ToList());
        }

        /// <summary>
        /// One pass: the compilation-start actions, then every registered operation and attribute
        /// callback over the collected operations, in file order. Returns the number of diagnostics reported.
        /// </summary>
        public int Pass(DiagnosticAnalyzer analyzer)
        {
            // The compilation the operations came from: symbols of a clone would not equal theirs.
            var registrations = Register(analyzer, _compilation);
            _reported = 0;

            // In the driver's order: file by file, each operation handed to every action registered for its kind.
            var byKind = new Action<OperationAnalysisContext>[MaxKind + 1][];
            foreach (var group in registrations.OperationActions.SelectMany(a => a.Kinds.Select(k => (Kind: k, a.Action))).GroupBy(p => p.Kind))
            {
                if ((int)group.Key <= MaxKind)
                {
                    byKind[(int)group.Key] = group.Select(p => p.Action).ToArray();
                }
            }

            foreach (var context in registrations.OperationActions.Count == 0 ? Array.Empty<OperationAnalysisContext>() : _inOrder)
            {
                var actions = byKind[(int)context.Operation.Kind];
                if (actions != null)
                {
                    foreach (var action in actions)
                    {
                        action(context);
                    }
                }
            }

            foreach (var action in registrations.AttributeActions)
            {
                foreach (var context in _attributes)
                {
                    action(context);
                }
            }

            return _reported;
        }

        private Registrations Register(DiagnosticAnalyzer analyzer, Compilation compilation)
        {
            var registrations = new Registrations();
            var context = new CapturingAnalysisContext(registrations);
            analyzer.Initialize(context);
            foreach (var start in context.CompilationStartActions)
            {
                start(new CapturingCompilationStartContext(compilation, _options, registrations));
            }

            return registrations;
        }

        private sealed class Registrations
        {
            public List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)> OperationActions { get; } = new List<(Action<OperationAnalysisContext>, ImmutableArray<OperationKind>)>();

            public List<Action<SyntaxNodeAnalysisContext>> AttributeActions { get; } = new List<Action<SyntaxNodeAnalysisContext>>();

            public void AddSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
            {
                if (syntaxKinds.Any(k => k is SyntaxKind kind && kind == SyntaxKind.Attribute))
                {
                    AttributeActions.Add(action);
                }
                else if (syntaxKinds.Length > 0)
                {
                    throw new NotSupportedException("The replay only knows attribute syntax actions; extend it for " + string.Join(", ", syntaxKinds));
                }
            }
        }

        private sealed class CapturingAnalysisContext : AnalysisContext
        {
            private readonly Registrations _registrations;

            public CapturingAnalysisContext(Registrations registrations) => _registrations = registrations;

            public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = new List<Action<CompilationStartAnalysisContext>>();

            public override void EnableConcurrentExecution()
            {
            }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
            {
            }

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
                => _registrations.OperationActions.Add((action, operationKinds));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
                => _registrations.AddSyntaxNodeAction(action, syntaxKinds);

            // The replay covers the per-operation and per-attribute callbacks, where the cost scales with the code;
            // per-file and per-compilation actions (INW004, INW900) run once and are measured by the driver report.
            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
            {
            }

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
            {
            }

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
            {
            }

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            {
            }

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
            {
            }

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
            {
            }
        }

        private sealed class CapturingCompilationStartContext : CompilationStartAnalysisContext
        {
            private readonly Registrations _registrations;

            public CapturingCompilationStartContext(Compilation compilation, AnalyzerOptions options, Registrations registrations)
                : base(compilation, options, CancellationToken.None)
            {
                _registrations = registrations;
            }

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
                => _registrations.OperationActions.Add((action, operationKinds));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
                => _registrations.AddSyntaxNodeAction(action, syntaxKinds);

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
            {
            }

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
            {
            }

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
            {
            }

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
            {
            }

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
            {
            }

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
            {
            }
        }

        /// <summary>Records what the driver hands to operation and attribute callbacks.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class Collector : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor("COLLECT", "Collect", "Collect", "Collect", DiagnosticSeverity.Hidden, true);

            public ConcurrentBag<(IOperation Operation, ISymbol Symbol)> Operations { get; } = new ConcurrentBag<(IOperation, ISymbol)>();

            public ConcurrentBag<(SyntaxNode, SemanticModel, ISymbol?)> Attributes { get; } = new ConcurrentBag<(SyntaxNode, SemanticModel, ISymbol?)>();

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                var kinds = Enum.GetValues(typeof(OperationKind)).Cast<OperationKind>().Where(k => k != OperationKind.None).Distinct().ToImmutableArray();
                context.RegisterOperationAction(c => Operations.Add((c.Operation, c.ContainingSymbol)), kinds);
                context.RegisterSyntaxNodeAction(c => Attributes.Add((c.Node, c.SemanticModel, c.ContainingSymbol)), SyntaxKind.Attribute);
            }
        }
    }
}
