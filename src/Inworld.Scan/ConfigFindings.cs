using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Inworld.Scan
{
    /// <summary>
    /// What the compiler says about the .editorconfig / .globalconfig files themselves, reported as the compiler
    /// reports it (same id, same message, warning), but at the config file and line: an invalid
    /// dotnet_diagnostic.ID.severity value ("InvalidSeverityInAnalyzerConfig": the rule keeps its default
    /// severity, not the one written) and conflicting global configs. They are findings: a warning fails the
    /// run at the default threshold, as INW900 does, so a mistyped severity cannot pass unnoticed.
    /// </summary>
    internal static class ConfigFindings
    {
        /// <param name="sources">For each config as parsed (by the path it was parsed at): the file it came from and its text.</param>
        public static List<Finding> From(IEnumerable<Diagnostic> setDiagnostics, IReadOnlyDictionary<string, (string File, string Text)> sources, ConfigOptions options, ScanTarget target)
        {
            var diagnostics = new List<Diagnostic>(setDiagnostics);
            diagnostics.AddRange(options.GlobalDiagnostics);

            // A file's own config diagnostics are invalid dotnet_diagnostic severities of the sections that apply to it:
            // with no such key in any config, there are none, and the per-file section matching is not done.
            if (sources.Values.Any(s => s.Text.IndexOf("dotnet_diagnostic", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                foreach (var path in target.CSharpFiles.Concat(target.ShippedFiles))
                {
                    diagnostics.AddRange(options.DiagnosticsFor(path));
                }
            }

            var findings = new List<Finding>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in diagnostics)
            {
                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                if (diagnostic.Severity == DiagnosticSeverity.Hidden || !seen.Add(diagnostic.Id + "|" + message))
                {
                    continue;
                }

                // The message names the config by the path it was parsed at; an --editorconfig FILE is parsed as if at the root.
                var source = sources.FirstOrDefault(s => message.IndexOf("'" + s.Key + "'", StringComparison.Ordinal) >= 0);
                string? file = null;
                var line = 1;
                if (source.Key != null)
                {
                    file = source.Value.File;
                    message = message.Replace("'" + source.Key + "'", "'" + file + "'");
                    line = LineOf(source.Value.Text, message) ?? 1;
                }

                findings.Add(new Finding(diagnostic.Id, diagnostic.Severity, message, file, line, 1, line, 1, diagnostic.Descriptor));
            }

            return findings;
        }

        /// <summary>The line that sets "dotnet_diagnostic.ID.severity = VALUE" named in the message ("The diagnostic 'inw004' was given an invalid severity 'loud' ...").</summary>
        private static int? LineOf(string text, string message)
        {
            var named = Regex.Match(message, "'([^']+)' was given an invalid severity '([^']*)'", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!named.Success)
            {
                return null;
            }

            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var parts = lines[i].Split(new[] { '=', ':' }, 2);
                if (parts.Length == 2 &&
                    string.Equals(parts[0].Trim(), "dotnet_diagnostic." + named.Groups[1].Value + ".severity", StringComparison.OrdinalIgnoreCase) &&
                    string.Equals(StripComment(parts[1]).Trim(), named.Groups[2].Value, StringComparison.OrdinalIgnoreCase))
                {
                    return i + 1;
                }
            }

            return null;
        }

        private static string StripComment(string value)
        {
            var hash = value.IndexOfAny(new[] { '#', ';' });
            return hash >= 0 ? value.Substring(0, hash) : value;
        }
    }
}
