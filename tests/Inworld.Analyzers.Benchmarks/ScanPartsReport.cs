using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Inworld.Analyzers.Core;

namespace Inworld.Analyzers.Benchmarks
{
    /// <summary>
    /// What each part of the text scan costs (`scan-parts DIR [PASSES]`): the searches it is made of, alone, over every
    /// file's text, processor time of this thread, median of the passes. It guides work on <see cref="SourceScan"/>.
    /// </summary>
    public static class ScanPartsReport
    {
        public static int Run(string directory, int passes)
        {
            var texts = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToArray();
            if (Environment.GetEnvironmentVariable("INWORLD_SCAN_ONLY") == "1")
            {
                Measure("SourceScan.Of", texts, passes, t => SourceScan.Of(t).Joins.Length);
                return 0;
            }

            Console.WriteLine($"{texts.Length} files, {texts.Sum(t => (long)t.Length):N0} characters, {passes} passes, median processor time");
            Measure("IndexOf(\"inworld\", OrdinalIgnoreCase)", texts, passes, t => t.IndexOf("inworld", StringComparison.OrdinalIgnoreCase));
            Measure("IndexOf('\"') over every quote", texts, passes, t =>
            {
                var n = 0;
                for (var i = t.IndexOf('"'); i >= 0; i = i + 1 < t.Length ? t.IndexOf('"', i + 1) : -1) n++;
                return n;
            });
            Measure("IndexOf('+') over every plus", texts, passes, t =>
            {
                var n = 0;
                for (var i = t.IndexOf('+'); i >= 0; i = i + 1 < t.Length ? t.IndexOf('+', i + 1) : -1) n++;
                return n;
            });
            Measure("SourceScan.Of", texts, passes, t => SourceScan.Of(t).Joins.Length);
            return 0;
        }

        private static void Measure(string name, string[] texts, int passes, Func<string, int> part)
        {
            var times = new List<double>();
            var sink = 0;
            for (var pass = 0; pass <= passes; pass++)
            {
                var before = Process.GetCurrentProcess().Threads.Count > 0 ? CurrentThreadTime() : TimeSpan.Zero;
                foreach (var text in texts)
                {
                    sink += part(text);
                }

                if (pass > 0)
                {
                    times.Add((CurrentThreadTime() - before).TotalMilliseconds);
                }
            }

            times.Sort();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            foreach (var text in texts)
            {
                sink += part(text);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine($"| {name} | {times[times.Count / 2]:F1} ms (min {times[0]:F1}) | {allocated / 1024.0 / 1024.0:F1} MB allocated per pass | {sink} |");
        }

        // The process's processor time: this benchmark runs on one thread, and on a busy machine the wall clock counts other work.
        private static TimeSpan CurrentThreadTime() => Process.GetCurrentProcess().TotalProcessorTime;
    }
}
