using System;
using System.Collections.Generic;
using System.IO;

namespace Inworld.Scan
{
    internal enum OutputFormat
    {
        Text,
        Sarif,
    }

    /// <summary>Severity order for --severity-threshold: a finding at or above the threshold fails the run.</summary>
    internal enum Threshold
    {
        None = 0,
        Note = 1,
        Warning = 2,
        Error = 3,
    }

    /// <summary>The command line, parsed. Parsing never throws: problems come back as a usage error.</summary>
    internal sealed class ScanOptions
    {
        public List<string> Paths { get; } = new List<string>();
        public OutputFormat Format { get; private set; } = OutputFormat.Text;
        public string? OutputPath { get; private set; }
        public string ProjectKind { get; private set; } = "auto";
        public Threshold SeverityThreshold { get; private set; } = Threshold.Warning;
        public List<string> Excludes { get; } = new List<string>();
        public List<string> EditorConfigs { get; } = new List<string>();
        public bool UseGitIgnore { get; private set; } = true;
        public bool Quiet { get; private set; }

        /// <summary>--full-analysis: parse and analyse every C# file, without the text pre-filter (ScanPreFilter).</summary>
        public bool FullAnalysis { get; private set; }
        public bool ShowHelp { get; private set; }
        public bool ShowVersion { get; private set; }

        /// <summary>--baseline FILE: findings recorded in it are reported as suppressed and do not fail the run.</summary>
        public string? BaselinePath { get; private set; }

        /// <summary>--write-baseline FILE: record this run's findings in FILE (exit 0 once written).</summary>
        public string? WriteBaselinePath { get; private set; }

        /// <summary>--staged, --since REV or --history (GitModes.cs); None scans the folders as they are.</summary>
        public GitMode GitMode { get; private set; }
        public string? SinceRevision { get; private set; }

        public const string Usage =
            "Usage: inworld-scan [options] [PATH...]\n" +
            "\n" +
            "Scans folders (default: the current folder) for Inworld credentials: runs the Inworld.Analyzers rules\n" +
            "on every .cs file and INW004 on settings files (appsettings*.json, .env, *.config) and Unity assets,\n" +
            "prefabs and scenes. Skips bin/, obj/, Library/, Temp/, .git/ and what .gitignore files ignore.\n" +
            "\n" +
            "Options:\n" +
            "  --format text|sarif          Output format (default: text, MSBuild style: path(line,col): warning INW001: ...)\n" +
            "  --output FILE                Write the report to FILE instead of standard output\n" +
            "  --project-kind auto|client|server\n" +
            "                               Where the scanned code runs (default: auto, detected from Unity and project files)\n" +
            "  --severity-threshold error|warning|note|none\n" +
            "                               Exit with 1 when a finding is at or above this level (default: warning; none: never)\n" +
            "  --exclude GLOB               Skip files matching GLOB (relative to the scanned folder); repeatable\n" +
            "  --editorconfig FILE          Also apply this .editorconfig or .globalconfig; .editorconfig files in the tree always apply\n" +
            "  --no-gitignore               Do not read .gitignore files\n" +
            "  --quiet                      No progress or summary on standard error (errors are always shown)\n" +
            "  --full-analysis              Parse and analyse every C# file; by default a text pre-filter skips the files\n" +
            "                               (and compilations) that cannot hold a finding\n" +
            "  --write-baseline FILE        Record every finding of this run in FILE (JSON, no secret in it: keyed hashes)\n" +
            "                               and exit 0 once it is written; findings are still reported\n" +
            "  --baseline FILE              Suppress the findings recorded in FILE: only new ones are reported and fail the\n" +
            "                               run; entries that match nothing any more are reported as stale (exit code unchanged)\n" +
            "  --staged                     Scan what is staged in the git index (the next commit), not the working tree:\n" +
            "                               staged files only, at their staged lines. For pre-commit hooks\n" +
            "  --since REV                  Scan only files changed between REV and the working tree (and untracked files)\n" +
            "  --history                    Scan every blob of the git history (all refs), each once, naming the commit\n" +
            "                               that first had each finding. PATH may be a bare repository\n" +
            "  --version, --help\n" +
            "\n" +
            "Every file is read in full or named: a file or folder that cannot be read, or a file over 256 MiB, is an\n" +
            "error on standard error (even with --quiet) and a SARIF toolExecutionNotification. Binary files are scanned\n" +
            "for their printable text, with a note. Symlinked folders are followed (each real folder once).\n" +
            "\n" +
            "Exit codes: 0 no findings at or above the threshold; 1 findings at or above it, including INW900 (invalid\n" +
            "inworld_analyzers option) and an invalid dotnet_diagnostic severity, both warnings by default; 2 usage error,\n" +
            "or a file or folder that could not be read in full (whatever the format, --output, --quiet or threshold), or a\n" +
            "baseline file that cannot be read, is not valid or cannot be written. --write-baseline exits 0 once written\n" +
            "(2 and no file when a file could not be read).\n";

        public static ScanOptions Parse(IReadOnlyList<string> args, out string? error)
        {
            var options = new ScanOptions();
            error = null;
            for (var i = 0; i < args.Count; i++)
            {
                var arg = args[i];
                string? Value()
                {
                    if (i + 1 < args.Count)
                    {
                        return args[++i];
                    }

                    return null;
                }

                switch (arg)
                {
                    case "-h":
                    case "--help":
                        options.ShowHelp = true;
                        break;
                    case "--version":
                        options.ShowVersion = true;
                        break;
                    case "--quiet":
                        options.Quiet = true;
                        break;
                    case "--no-gitignore":
                        options.UseGitIgnore = false;
                        break;
                    case "--full-analysis":
                        options.FullAnalysis = true;
                        break;
                    case "--format":
                        {
                            var value = Value();
                            if (string.Equals(value, "text", StringComparison.OrdinalIgnoreCase)) options.Format = OutputFormat.Text;
                            else if (string.Equals(value, "sarif", StringComparison.OrdinalIgnoreCase)) options.Format = OutputFormat.Sarif;
                            else return Fail(out error, "--format expects text or sarif" + Got(value));
                            break;
                        }

                    case "--output":
                    case "-o":
                        options.OutputPath = Value();
                        if (string.IsNullOrWhiteSpace(options.OutputPath)) return Fail(out error, "--output expects a file path");
                        break;
                    case "--project-kind":
                        {
                            var value = Value()?.ToLowerInvariant();
                            if (value != "auto" && value != "client" && value != "server") return Fail(out error, "--project-kind expects auto, client or server" + Got(value));
                            options.ProjectKind = value;
                            break;
                        }

                    case "--severity-threshold":
                        {
                            var value = Value();
                            if (!Enum.TryParse<Threshold>(value, ignoreCase: true, out var threshold) || int.TryParse(value, out _))
                                return Fail(out error, "--severity-threshold expects error, warning, note or none" + Got(value));
                            options.SeverityThreshold = threshold;
                            break;
                        }

                    case "--exclude":
                        {
                            var value = Value();
                            if (string.IsNullOrWhiteSpace(value)) return Fail(out error, "--exclude expects a glob such as \"**/Generated/**\"");
                            options.Excludes.Add(value!);
                            break;
                        }

                    case "--baseline":
                        options.BaselinePath = Value();
                        if (string.IsNullOrWhiteSpace(options.BaselinePath)) return Fail(out error, "--baseline expects a baseline file written by --write-baseline");
                        break;
                    case "--write-baseline":
                        options.WriteBaselinePath = Value();
                        if (string.IsNullOrWhiteSpace(options.WriteBaselinePath)) return Fail(out error, "--write-baseline expects a file path");
                        break;
                    case "--editorconfig":
                        {
                            var value = Value();
                            if (string.IsNullOrWhiteSpace(value)) return Fail(out error, "--editorconfig expects a file path");
                            options.EditorConfigs.Add(value!);
                            break;
                        }

                    case "--staged":
                    case "--since":
                    case "--history":
                        {
                            var mode = arg == "--staged" ? GitMode.Staged : arg == "--since" ? GitMode.Since : GitMode.History;
                            if (options.GitMode != GitMode.None && options.GitMode != mode) return Fail(out error, "--staged, --since and --history cannot be combined");
                            options.GitMode = mode;
                            if (mode == GitMode.Since)
                            {
                                options.SinceRevision = Value();
                                if (string.IsNullOrWhiteSpace(options.SinceRevision)) return Fail(out error, "--since expects a revision such as origin/main or HEAD~1");
                            }

                            break;
                        }

                    default:
                        if (arg.StartsWith("-", StringComparison.Ordinal) && arg.Length > 1)
                        {
                            return Fail(out error, "unknown option '" + arg + "'");
                        }

                        options.Paths.Add(arg);
                        break;
                }
            }

            if (options.GitMode != GitMode.None && options.Paths.Count > 1)
            {
                return Fail(out error, "--staged, --since and --history scan one repository folder (got " + options.Paths.Count + " paths)");
            }

            if (options.Paths.Count == 0)
            {
                options.Paths.Add(Directory.GetCurrentDirectory());
            }

            return options;
        }

        private static string Got(string? value) => value == null ? " (missing value)" : " (got '" + value + "')";

        private static ScanOptions Fail(out string error, string message)
        {
            error = message;
            return new ScanOptions();
        }
    }
}
