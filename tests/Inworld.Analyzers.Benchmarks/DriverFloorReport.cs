using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Benchmarks
{
    /// <summary>
    /// The driver's own cost of each way of registering (`driver-floor DIR [RUNS]`): analyzers that register a kind of
    /// action and do nothing in it, timed by the compiler's per-analyzer clock like `real-corpus`. It tells what a rule
    /// pays before its first line of work, for each registration the INW rules could use.
    /// </summary>
    public static class DriverFloorReport
    {
        public static int Run(string directory, int runs)
        {
            var compilation = RealCorpusReport.CreateCompilation(directory, out _, out _);
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
                new Floor("compilation start only", start => { }),
                new Floor("symbol start per named type, nothing inside", start => start.RegisterSymbolStartAction(_ => { }, SymbolKind.NamedType)),
                new Floor("operation block start, nothing inside", start => start.RegisterOperationBlockStartAction(_ => { })),
                new Floor("symbol start, operation block start inside for every type", start => start.RegisterSymbolStartAction(type => type.RegisterOperationBlockStartAction(_ => { }), SymbolKind.NamedType)),
                new Floor("symbol start, operation block start inside for one type in 16", start => start.RegisterSymbolStartAction(type =>
                {
                    if ((type.Symbol.Name.GetHashCode() & 15) == 0)
                    {
                        type.RegisterOperationBlockStartAction(_ => { });
                    }
                }, SymbolKind.NamedType)),
                new Floor("syntax node action on attributes", start => start.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.Attribute)),
                new Floor("syntax tree action", start => start.RegisterSyntaxTreeAction(_ => { })));
            var times = analyzers.ToDictionary(a => a, _ => new List<double>());
            for (var i = 0; i <= runs; i++)
            {
                var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
                var result = compilation.Clone().WithAnalyzers(analyzers, options).GetAnalysisResultAsync(default).GetAwaiter().GetResult();
                if (i == 0)
                {
                    continue;
                }

                foreach (var analyzer in analyzers)
                {
                    times[analyzer].Add(result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds);
                }
            }

            foreach (var analyzer in analyzers)
            {
                var t = times[analyzer];
                Console.WriteLine($"| {((Floor)analyzer).Name} | {AnalyzerTimeReport.Median(t):F1} ms ({t.Min():F1}–{t.Max():F1}) |");
            }

            return 0;
        }

#pragma warning disable RS1001 // registered by the benchmark only, never shipped
        private sealed class Floor : DiagnosticAnalyzer
#pragma warning restore RS1001
        {
            private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor("FLOOR", "Floor", "Floor", "Benchmark", DiagnosticSeverity.Hidden, true);
            private readonly Action<CompilationStartAnalysisContext> _register;

            public Floor(string name, Action<CompilationStartAnalysisContext> register)
            {
                Name = name;
                _register = register;
            }

            public string Name { get; }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(start => _register(start));
            }
        }
    }
}
