using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.Benchmarks
{
    /// <summary>
    /// The compiler's per-analyzer clock on real code: every C# file under a directory, read as the compiler reads it
    /// and compiled as one library against the running .NET's reference assemblies, with the preprocessor symbols a
    /// build for that .NET defines. The figure is the one <c>dotnet build -p:ReportAnalyzer=true</c> prints
    /// (<see cref="AnalysisResult.AnalyzerTelemetryInfo"/>), sequential, after one warm-up run, median of the
    /// measured runs, set against the compiler's own binding of the same compilation on one thread.
    /// Compiler errors are counted and printed, not hidden: a corpus that binds badly measures less code.
    /// </summary>
    public static class RealCorpusReport
    {
        public static int Run(string directory, int runs)
        {
            var compilation = CreateCompilation(directory, out var fileCount, out var skipped);
            var lines = compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Console.WriteLine($"corpus: {Path.GetFullPath(directory)}: {fileCount} C# files ({skipped} under bin/obj skipped), {lines:N0} lines");
            var chunked = compilation.SyntaxTrees.Count(t => t.GetText().GetType().Name != "StringText");
            Console.WriteLine($"texts as the compiler reads them: {fileCount - chunked} whole, {chunked} chunked (over 40K characters)");
            Console.WriteLine($"references: {ReferenceDirectory()}");
            Console.WriteLine($"compiler errors: {errors.Count}" + (errors.Count == 0 ? string.Empty : "; most frequent:"));
            foreach (var group in errors.GroupBy(e => e.Id).OrderByDescending(g => g.Count()).Take(5))
            {
                Console.WriteLine($"  {group.Key} x{group.Count()}: {group.First().GetMessage(CultureInfo.InvariantCulture)}");
            }

            var bind = AnalyzerTimeReport.Bind(compilation, runs);
            var bindMedian = AnalyzerTimeReport.Median(bind);

            var inworld = AnalyzerBenchmarks.InworldAnalyzers();
            var times = inworld.ToDictionary(a => a, _ => new List<double>());
            var wall = new List<double>();
            var findings = new List<Diagnostic>();
            var firstRun = 0.0;
            for (var i = 0; i <= runs; i++)
            {
                var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);

                // Every run reads the files' text again, as a build does once (the IDE keeps it between keystrokes).
                Inworld.Analyzers.Core.CompilationScreen.ForgetTreesForBenchmark();
                var withAnalyzers = compilation.Clone().WithAnalyzers(inworld, options);
                var watch = Stopwatch.StartNew();
                var result = withAnalyzers.GetAnalysisResultAsync(default).GetAwaiter().GetResult();
                var elapsed = watch.Elapsed.TotalMilliseconds;
                if (i == 0)
                {
                    findings = result.GetAllDiagnostics().Where(d => d.Id.StartsWith("INW", StringComparison.Ordinal)).ToList();
                    firstRun = inworld.Sum(a => result.AnalyzerTelemetryInfo[a].ExecutionTime.TotalMilliseconds);
                    continue; // warm-up: JIT and first-use costs
                }

                wall.Add(elapsed);
                foreach (var analyzer in inworld)
                {
                    times[analyzer].Add(result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds);
                }
            }

            var screen = Inworld.Analyzers.Core.CompilationScreen.For(compilation, default);
            Console.WriteLine(screen.JoinsOnly ? "screen: only the types that join a literal are analysed" : "screen: every block is analysed: " + screen.FullAnalysisReason);
            Console.WriteLine();
            Console.WriteLine($"{runs} measured runs after one warm-up, sequential analysis; INW findings: {findings.Count}");
            foreach (var finding in findings.Take(10))
            {
                Console.WriteLine($"  {finding.Id} {finding.Location.GetLineSpan()}");
            }

            Console.WriteLine($"Bind (Compilation.GetDiagnostics on a fresh clone), one thread: median {bindMedian:F0} ms (min {bind.Min():F0}, max {bind.Max():F0})");
            Console.WriteLine($"Driver run with the INW analyzers (wall clock, includes binding): median {AnalyzerTimeReport.Median(wall):F0} ms");
            Console.WriteLine();
            Console.WriteLine("| Analyzer | Execution time, median (min–max) | % of bind time |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var analyzer in inworld)
            {
                var t = times[analyzer];
                Console.WriteLine($"| {Name(analyzer)} | {AnalyzerTimeReport.Median(t):F1} ms ({t.Min():F1}–{t.Max():F1}) | {100 * AnalyzerTimeReport.Median(t) / bindMedian:F2}% |");
            }

            var perRun = Enumerable.Range(0, runs).Select(r => inworld.Sum(a => times[a][r])).ToList();
            var total = AnalyzerTimeReport.Median(perRun);
            Console.WriteLine($"| **All INW analyzers** | **{total:F1} ms** ({perRun.Min():F1}–{perRun.Max():F1}) | **{100 * total / bindMedian:F2}%** |");
            Console.WriteLine();

            // The first run of a process is what a build with a fresh compiler process pays: the analyzers' code compiled
            // by the JIT as it first runs, and run unoptimised until the runtime promotes it.
            Console.WriteLine($"First run in this process (the warm-up: JIT and first use included): all INW analyzers {firstRun:F1} ms ({100 * firstRun / bindMedian:F2}% of bind)");
            return 0;
        }

        /// <summary>Every <c>*.cs</c> under <paramref name="directory"/> except build output, as one library.</summary>
        public static CSharpCompilation CreateCompilation(string directory, out int fileCount, out int skipped)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException("No corpus directory: " + directory);
            }

            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: PreprocessorSymbols());
            var paths = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).ToList();
            var sources = paths.Where(p => !IsBuildOutput(directory, p)).ToList();
            skipped = paths.Count - sources.Count;
            fileCount = sources.Count;
            if (sources.Count == 0)
            {
                throw new InvalidOperationException("No C# file under " + directory);
            }

            // Read as the compiler reads a source file (SourceText.From over a stream): a file of more than 40K characters
            // becomes a chunked text, whose ToString is a copy; a string read whole would hide that cost.
            var trees = sources.Select(p =>
            {
                using var stream = File.OpenRead(p);
                return CSharpSyntaxTree.ParseText(SourceText.From(stream, Encoding.UTF8), parseOptions, p);
            }).ToList();
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, concurrentBuild: false);
            return CSharpCompilation.Create("RealCorpus", trees, References(), options);
        }

        private static bool IsBuildOutput(string root, string path)
        {
            var relative = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar);
            return relative.Any(part => part == "bin" || part == "obj");
        }

        /// <summary>The symbols an SDK build for the running .NET defines (NET, NETCOREAPP, NETx_0_OR_GREATER ...).</summary>
        private static IEnumerable<string> PreprocessorSymbols()
        {
            var major = Environment.Version.Major;
            var symbols = new List<string> { "NET", "NETCOREAPP", "RELEASE", $"NET{major}_0" };
            foreach (var version in new[] { "1_0", "1_1", "2_0", "2_1", "2_2", "3_0", "3_1" })
            {
                symbols.Add("NETCOREAPP" + version + "_OR_GREATER");
            }

            for (var v = 5; v <= major; v++)
            {
                symbols.Add($"NET{v}_0_OR_GREATER");
            }

            return symbols;
        }

        /// <summary>The reference pack of the running .NET (packs/Microsoft.NETCore.App.Ref), else its implementation assemblies.</summary>
        private static IEnumerable<MetadataReference> References()
        {
            var directory = ReferenceDirectory();
            return Directory.EnumerateFiles(directory, "*.dll")
                .Where(IsManagedAssembly)
                .Select(p => MetadataReference.CreateFromFile(p));
        }

        private static string ReferenceDirectory()
        {
            var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
            var version = Path.GetFileName(runtime);
            var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
            var pack = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", version, "ref", "net" + Environment.Version.Major + ".0");
            return Directory.Exists(pack) ? pack : runtime;
        }

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                System.Reflection.AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }

        private static string Name(DiagnosticAnalyzer analyzer)
        {
            var ids = string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct());
            return analyzer.GetType().Name + " (" + ids + ")";
        }
    }
}
