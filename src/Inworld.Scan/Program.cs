using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Inworld.Scan
{
    public static class Program
    {
        private const int ExitClean = 0;
        private const int ExitFindings = 1;
        private const int ExitError = 2;

        public static async Task<int> Main(string[] args)
        {
            var options = ScanOptions.Parse(args, out var usageError);
            if (usageError != null)
            {
                Console.Error.WriteLine("inworld-scan: " + usageError);
                Console.Error.WriteLine("Run 'inworld-scan --help' for usage.");
                return ExitError;
            }

            if (options.ShowHelp)
            {
                Console.Out.Write(ScanOptions.Usage);
                return ExitClean;
            }

            if (options.ShowVersion)
            {
                Console.Out.WriteLine(Reports.Version);
                return ExitClean;
            }

            void Progress(string message)
            {
                if (!options.Quiet)
                {
                    Console.Error.WriteLine("inworld-scan: " + message);
                }
            }

            var roots = new List<string>();
            foreach (var path in options.Paths)
            {
                var full = Path.GetFullPath(path);
                if (!Directory.Exists(full) && !File.Exists(full))
                {
                    Console.Error.WriteLine("inworld-scan: path not found: " + path);
                    return ExitError;
                }

                roots.Add(full);
            }

            var watch = Stopwatch.StartNew();
            var errors = new List<string>();
            var findings = new List<Finding>();
            var walker = new FileWalker(options.Excludes, options.UseGitIgnore, message => Progress("warning: " + message));
            var engine = new ScanEngine(options, Progress);
            var files = 0;
            try
            {
                foreach (var target in Targets(roots, walker))
                {
                    files += target.FileCount;
                    Progress("scanning " + target.FileCount + " files in " + Reports.DisplayPath(target.Root) +
                             (target.IsUnityProject ? " (Unity project" + (target.UnityVersion != null ? " " + target.UnityVersion : string.Empty) + ")" : string.Empty));
                    findings.AddRange(await engine.ScanAsync(target, errors, CancellationToken.None).ConfigureAwait(false));
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine("inworld-scan: " + e.Message);
                return ExitError;
            }

            try
            {
                WriteReport(options, findings);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                Console.Error.WriteLine("inworld-scan: cannot write " + options.OutputPath + ": " + e.Message);
                return ExitError;
            }

            foreach (var error in errors)
            {
                Console.Error.WriteLine("inworld-scan: " + error);
            }

            var seconds = Math.Max(watch.Elapsed.TotalSeconds, 0.001);
            Progress(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "{0} files in {1:0.0} s ({2:0} files/s): {3} error(s), {4} warning(s), {5} note(s)",
                files, seconds, files / seconds,
                findings.Count(f => f.Level == Threshold.Error), findings.Count(f => f.Level == Threshold.Warning), findings.Count(f => f.Level == Threshold.Note)));

            if (errors.Any(e => e.StartsWith("analyzer failure", StringComparison.Ordinal)))
            {
                return ExitError;
            }

            return options.SeverityThreshold != Threshold.None && findings.Any(f => f.Level >= options.SeverityThreshold) ? ExitFindings : ExitClean;
        }

        /// <summary>One compilation per folder argument; file arguments are scanned together as one more.</summary>
        private static IEnumerable<ScanTarget> Targets(List<string> roots, FileWalker walker)
        {
            ScanTarget? loose = null;
            foreach (var root in roots)
            {
                if (Directory.Exists(root))
                {
                    yield return walker.Walk(root);
                    continue;
                }

                loose ??= new ScanTarget(Path.GetDirectoryName(root)!);
                if (root.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) loose.CSharpFiles.Add(root);
                else if (RazorProjection.IsRazorFile(root)) loose.RazorFiles.Add(root);
                else loose.ShippedFiles.Add(root);
            }

            if (loose != null)
            {
                yield return loose;
            }
        }

        private static void WriteReport(ScanOptions options, List<Finding> findings)
        {
            if (options.Format == OutputFormat.Sarif)
            {
                using var stream = options.OutputPath == null ? Console.OpenStandardOutput() : File.Create(options.OutputPath);
                Reports.WriteSarif(stream, findings, ScanEngine.Analyzers.SelectMany(a => a.SupportedDiagnostics));
                return;
            }

            if (options.OutputPath == null)
            {
                Reports.WriteText(Console.Out, findings);
                return;
            }

            using var writer = new StreamWriter(options.OutputPath);
            Reports.WriteText(writer, findings);
        }
    }
}
