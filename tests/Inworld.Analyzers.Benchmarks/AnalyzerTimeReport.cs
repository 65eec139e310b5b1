using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Benchmarks
{
    /// <summary>
    /// The time each analyzer spends in its own callbacks, as the compiler measures it for
    /// <c>dotnet build -p:ReportAnalyzer=true</c> (the analyzer driver's execution-time telemetry), set against the
    /// compiler's bind time of the same corpus. Wall-clock differences between whole driver runs are too noisy to
    /// resolve 1% of bind time on a shared 2-core machine; this figure is not, because it only counts time inside
    /// each analyzer. Sequential analysis (one thread) is the default: a garbage collection then pauses the
    /// analyzer whose allocation triggered it, instead of whichever callbacks other threads happen to be in.
    /// Every run starts from a fresh clone of the compilation, so no bound tree or semantic cache
    /// from an earlier run flatters the analyzers.
    /// </summary>
    public static class AnalyzerTimeReport
    {
        public static int Run(int files, int runs, bool concurrent, bool withoutCollections = false)
        {
            Console.WriteLine($"corpus: {files} files; building and checking the compilation ...");
            var compilation = AnalyzerBenchmarks.CreateCompilation(files);
            var lines = compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);

            // Bind: the compiler's own diagnostics pass (declarations and every method body) on fresh caches, on
            // one thread like the analyzer times below (which are sums over callbacks), and in parallel for reference.
            var bind = Bind(compilation.WithOptions(compilation.Options.WithConcurrentBuild(false)), runs);
            var parallelBind = Bind(compilation, runs);

            var inworld = AnalyzerBenchmarks.InworldAnalyzers();
            var baseline = new EmptyAnalyzer();
            var all = inworld.Add(baseline);
            var times = all.ToDictionary(a => a, _ => new List<double>());
            var wall = new List<double>();
            var findings = 0;
            var collections = 0;
            for (var i = 0; i <= runs; i++)
            {
                var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true);
                var withAnalyzers = compilation.Clone().WithAnalyzers(all, options);

                // Optionally no garbage collection during the run: a collection pauses whichever callback allocated
                // last, however little it allocated. The analyzers' own allocations are reported separately.
                var noCollections = withoutCollections && StartNoCollectionRegion();
                var gen0 = GC.CollectionCount(0);
                var watch = Stopwatch.StartNew();
                var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                var elapsed = watch.Elapsed.TotalMilliseconds;
                collections += i == 0 ? 0 : GC.CollectionCount(0) - gen0;
                if (noCollections && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
                {
                    GC.EndNoGCRegion();
                }
                if (i == 0)
                {
                    findings = diagnostics.Count(d => d.Id.StartsWith("INW", StringComparison.Ordinal));
                    continue; // warm-up: JIT and first-use costs
                }

                wall.Add(elapsed);
                foreach (var analyzer in all)
                {
                    times[analyzer].Add(withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
                }
            }

            var bindMedian = Median(bind);
            Console.WriteLine();
            Console.WriteLine($"{files} files, {lines:N0} lines, {runs} measured runs after one warm-up, {(concurrent ? "concurrent" : "sequential")} analysis{(withoutCollections ? ", no garbage collection during runs" : string.Empty)}; INW findings: {findings}");
            Console.WriteLine($"Bind (Compilation.GetDiagnostics on a fresh clone), one thread: median {bindMedian:F0} ms (min {bind.Min():F0}, max {bind.Max():F0}); in parallel: median {Median(parallelBind):F0} ms");
            Console.WriteLine($"Driver run with all analyzers below (wall clock): median {Median(wall):F0} ms; garbage collections per run: {(double)collections / runs:F1}");
            Console.WriteLine();
            Console.WriteLine("| Analyzer | Execution time, median (min–max) | % of bind time |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var analyzer in all)
            {
                var t = times[analyzer];
                Console.WriteLine($"| {Name(analyzer)} | {Median(t):F1} ms ({t.Min():F1}–{t.Max():F1}) | {100 * Median(t) / bindMedian:F2}% |");
            }

            var perRun = Enumerable.Range(0, runs).Select(r => inworld.Sum(a => times[a][r])).ToList();
            var total = Median(perRun);
            Console.WriteLine($"| **All INW analyzers** | **{total:F1} ms** ({perRun.Min():F1}–{perRun.Max():F1}) | **{100 * total / bindMedian:F2}%** |");

            return findings > 0 ? 0 : 1;
        }

        private static bool StartNoCollectionRegion()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            try
            {
                // A driver run over the 2,000-file corpus allocates about 400 MB.
                return GC.TryStartNoGCRegion(1_000_000_000);
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        /// <summary>Times <c>GetDiagnostics</c> on <paramref name="runs"/> fresh clones, after one warm-up clone.</summary>
        internal static List<double> Bind(Compilation compilation, int runs)
        {
            var times = new List<double>();
            for (var i = 0; i <= runs; i++)
            {
                var fresh = compilation.Clone();
                var watch = Stopwatch.StartNew();
                fresh.GetDiagnostics();
                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            return times;
        }

        private static string Name(DiagnosticAnalyzer analyzer)
        {
            var ids = string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct());
            return analyzer.GetType().Name + " (" + ids + ")";
        }

        internal static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
