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

            BaselineRun baselines;
            try
            {
                baselines = BaselineRun.Prepare(options);
            }
            catch (BaselineException e)
            {
                Console.Error.WriteLine("inworld-scan: " + e.Message);
                return ExitError;
            }

            var watch = Stopwatch.StartNew();
            var problems = new ScanProblems();
            var findings = new List<Finding>();
            var walker = new FileWalker(options.Excludes, options.UseGitIgnore, problems, Progress);
            var engine = new ScanEngine(options, Progress);
            var files = 0;
            // --staged, --since, --history: git says what to scan (GitModes.cs).
            var git = options.GitMode == GitMode.None ? null : new GitScan(options, walker, problems, Progress);
            try
            {
                foreach (var target in git?.Targets(roots[0]) ?? Targets(roots, walker, problems))
                {
                    files += target.FileCount;
                    // Unity projects (at the root or below) are named by the engine, each with its version.
                    Progress("scanning " + Wording.Files(target.FileCount) + " in " + Reports.DisplayPath(target.Root));
                    var scanned = await engine.ScanAsync(target, problems, CancellationToken.None).ConfigureAwait(false);
                    findings.AddRange(git?.Report(target, scanned) ?? scanned);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is GitException)
            {
                Console.Error.WriteLine("inworld-scan: " + e.Message);
                return ExitError;
            }

            BaselineOutcome? baseline;
            try
            {
                baseline = baselines.Apply(findings, problems);
                baselines.Record(findings, problems, Progress);
            }
            catch (BaselineException e)
            {
                Console.Error.WriteLine("inworld-scan: " + e.Message);
                return ExitError;
            }

            // Baselined findings are left out of the text report and the exit code; SARIF keeps them, marked as suppressed.
            var reported = baseline == null ? findings : findings.Where(f => !baseline.IsSuppressed(f)).ToList();
            try
            {
                WriteReport(options, findings, problems.All, baseline);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                Console.Error.WriteLine("inworld-scan: cannot write " + options.OutputPath + ": " + e.Message);
                return ExitError;
            }

            // Never behind --quiet: a file that was not read is not a progress message.
            foreach (var problem in problems.All)
            {
                Console.Error.WriteLine("inworld-scan: " + problem);
            }

            foreach (var entry in baseline?.Stale ?? Array.Empty<BaselineEntry>())
            {
                Console.Error.WriteLine("inworld-scan: note: " + baseline!.StaleMessage(entry));
            }

            Progress(Wording.Summary(files, watch.Elapsed,
                reported.Count(f => f.Level == Threshold.Error), reported.Count(f => f.Level == Threshold.Warning), reported.Count(f => f.Level == Threshold.Note),
                problems.All.Count(p => p.IsError), baseline?.Summary()));

            // Any file or folder not read in full (or an analyzer failure) fails the run, whatever the output mode and threshold.
            if (problems.HasErrors)
            {
                return ExitError;
            }

            // Recording a baseline is the adoption step: it accepts today's findings.
            if (baselines.Records)
            {
                return ExitClean;
            }

            return options.SeverityThreshold != Threshold.None && reported.Any(f => f.Level >= options.SeverityThreshold) ? ExitFindings : ExitClean;
        }

        /// <summary>One compilation per folder argument; file arguments are scanned together as one more.</summary>
        private static IEnumerable<ScanTarget> Targets(List<string> roots, FileWalker walker, ScanProblems problems)
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
                else if (Inworld.Analyzers.Core.ShippedFiles.ShippedFileFormats.IsShippedFile(root)) loose.ShippedFiles.Add(root);
                else problems.Error(root, "not scanned: inworld-scan reads .cs, .razor and .cshtml files, settings files (*.json, .env, *.config ...) and Unity assets, not this kind of file");
            }

            if (loose != null)
            {
                yield return loose;
            }
        }

        private static void WriteReport(ScanOptions options, List<Finding> findings, IReadOnlyList<ScanProblem> problems, BaselineOutcome? baseline)
        {
            if (options.Format == OutputFormat.Sarif)
            {
                using var stream = options.OutputPath == null ? Console.OpenStandardOutput() : File.Create(options.OutputPath);
                var rules = ScanEngine.Analyzers.SelectMany(a => a.SupportedDiagnostics).Concat(findings.Select(f => f.Descriptor));
                Reports.WriteSarif(stream, findings, rules, problems, baseline);
                return;
            }

            var reported = baseline == null ? findings : findings.Where(f => !baseline.IsSuppressed(f));
            if (options.OutputPath == null)
            {
                Reports.WriteText(Console.Out, reported);
                return;
            }

            using var writer = new StreamWriter(options.OutputPath);
            Reports.WriteText(writer, reported);
            // A report file is read without the console: it says what the baseline did (stale entries are on standard error too).
            Reports.WriteBaselineNotes(writer, baseline);
        }
    }
}
