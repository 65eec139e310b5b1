using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Benchmarks
{
    /// <summary>
    /// The analyzers' own cost per pass over the corpus's callbacks (<see cref="CallbackReplay"/>), against the same
    /// replay of an analyzer whose callbacks return at once, and against the compiler's bind time.
    /// </summary>
    public static class ReplayReport
    {
        public static int Run(int files, int passes)
        {
            Console.WriteLine($"corpus: {files} files; building and checking the compilation ...");
            var compilation = AnalyzerBenchmarks.CreateCompilation(files);

            // Bind time first, while the heap holds only the compilation: the collected operations would make every
            // garbage collection during binding slower.
            var bind = AnalyzerTimeReport.Bind(compilation.WithOptions(compilation.Options.WithConcurrentBuild(false)), 5);
            var bindMedian = AnalyzerTimeReport.Median(bind);
            var replay = CallbackReplay.Collect(compilation);
            var analyzers = AnalyzerBenchmarks.InworldAnalyzers().Add(new EmptyAnalyzer());
            Console.WriteLine();
            Console.WriteLine($"{files} files; bind (Compilation.GetDiagnostics, one thread, fresh clone): median {bindMedian:F0} ms of 5; {passes} timed passes per analyzer after 3 warm-up passes");
            Console.WriteLine();
            Console.WriteLine("| Analyzer | Callbacks per pass | Time per pass, median (min) | Allocated per pass | Findings | % of bind (median) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            var failed = false;
            var inworldTotal = 0.0;
            var inworldMin = 0.0;
            foreach (var analyzer in analyzers)
            {
                var findings = 0;
                for (var i = 0; i < 3; i++)
                {
                    findings = replay.Pass(analyzer);
                }

                var times = new List<double>();
                long allocated = 0;
                for (var i = 0; i < passes; i++)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var watch = Stopwatch.StartNew();
                    replay.Pass(analyzer);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                }

                var median = AnalyzerTimeReport.Median(times);
                if (!(analyzer is EmptyAnalyzer))
                {
                    inworldTotal += median;
                    inworldMin += times.Min();
                }

                var name = analyzer.GetType().Name + " (" + string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct()) + ")";
                Console.WriteLine($"| {name} | {replay.Callbacks(analyzer):N0} | {median:F1} ms ({times.Min():F1}) | {allocated / passes / 1024.0:F0} KB | {findings} | {100 * median / bindMedian:F2}% |");
                failed |= analyzer is Rules.HardcodedCredentialAnalyzer && findings < 5;
            }

            Console.WriteLine($"| **All INW analyzers** | | **{inworldTotal:F1} ms** ({inworldMin:F1}) | | | **{100 * inworldTotal / bindMedian:F2}%** |");
            if (failed)
            {
                Console.WriteLine("INW001 did not find the corpus's five fake keys: the replay is not measuring the real rule.");
            }

            return failed ? 1 : 0;
        }
    }
}
