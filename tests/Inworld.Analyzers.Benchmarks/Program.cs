using System;
using System.Diagnostics;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Inworld.Analyzers.Benchmarks
{
    public static class Program
    {
        /// <summary>
        /// BenchmarkDotNet by default; "smoke" runs each benchmark once and checks the analyzer finds the
        /// generated keys, so the benchmark itself cannot silently measure nothing.
        /// </summary>
        public static int Main(string[] args)
        {
            if (args.Length == 3 && args[0] == "generate-tree")
            {
                // generate-tree DIR FILES: a tree for timing inworld-scan (see docs/performance.md).
                TreeGenerator.Write(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
                Console.WriteLine($"wrote {args[2]} files under {args[1]}");
                return 0;
            }

            if (args.Length >= 1 && args[0] == "analyzer-time")
            {
                // analyzer-time [FILES] [RUNS] [concurrent] [nogc]: per-analyzer execution time as a share of bind time (docs/performance.md).
                var files = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
                var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 7;
                return AnalyzerTimeReport.Run(files, runs, concurrent: args.Contains("concurrent"), withoutCollections: args.Contains("nogc"));
            }

            if (args.Length >= 2 && args[0] == "real-corpus")
            {
                // real-corpus DIR [RUNS]: the compiler's per-analyzer clock on every C# file under DIR (docs/performance.md).
                var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 7;
                return RealCorpusReport.Run(args[1], runs);
            }

            if (args.Length >= 2 && args[0] == "driver-floor")
            {
                // driver-floor DIR [RUNS]: what each way of registering costs before any work (docs/performance.md).
                return DriverFloorReport.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
            }

            if (args.Length >= 2 && args[0] == "scan-parts")
            {
                // scan-parts DIR [PASSES]: what each search of the text scan costs (docs/performance.md).
                return ScanPartsReport.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15);
            }

            if (args.Length >= 2 && args[0] == "screen")
            {
                // screen DIR [--joins]: what the compilation screen decides on a corpus and what its text scan costs
                // (docs/performance.md); --joins also lists the line of every join it admits.
                return ScreenReport.Run(args[1], args.Length > 2 && args[2] == "--joins");
            }

            if (args.Length >= 1 && args[0] == "replay")
            {
                // replay [FILES] [PASSES]: the analyzers' own callback cost, without the driver (docs/performance.md).
                var files = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
                var passes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 21;
                return ReplayReport.Run(files, passes);
            }

            if (args.Contains("smoke"))
            {
                var benchmarks = new AnalyzerBenchmarks { Files = 50 };
                benchmarks.Setup();
                var watch = Stopwatch.StartNew();
                var found = benchmarks.HardcodedCredential().GetAwaiter().GetResult();
                Console.WriteLine($"INW001 findings: {found.Length} in {watch.ElapsedMilliseconds} ms");
                return found.Length > 0 ? 0 : 1;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
