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
