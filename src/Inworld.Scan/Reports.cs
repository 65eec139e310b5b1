using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Inworld.Scan
{
    /// <summary>Writes findings as MSBuild-style lines (CI systems annotate these) or as SARIF 2.1.0.</summary>
    internal static partial class Reports
    {
        public static string DisplayPath(string path)
        {
            var current = Directory.GetCurrentDirectory();
            var relative = Path.GetRelativePath(current, path);
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
        }

        /// <summary>path(line,col): warning INW001: message</summary>
        public static void WriteText(TextWriter writer, IEnumerable<Finding> findings)
        {
            foreach (var finding in findings)
            {
                var location = finding.Path == null ? "inworld-scan : " : DisplayPath(finding.Path) + "(" + finding.Line + "," + finding.Column + "): ";
                writer.WriteLine(location + finding.SeverityWord + " " + finding.Id + ": " + finding.Message);
            }
        }

        public static void WriteSarif(Stream stream, IReadOnlyList<Finding> findings, IEnumerable<DiagnosticDescriptor> rules, IReadOnlyList<ScanProblem> problems, BaselineOutcome? baseline = null)
        {
            var root = Directory.GetCurrentDirectory().Replace('\\', '/').TrimEnd('/') + "/";
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "inworld-scan");
            json.WriteString("semanticVersion", Version);
            json.WriteString("informationUri", "https://github.com/inworld-analyzers/Inworld.Analyzers");
            json.WriteStartArray("rules");
            var ruleList = rules.GroupBy(r => r.Id).Select(g => g.First()).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            foreach (var rule in ruleList)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", ToPascalCase(rule.Title.ToString()));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title.ToString());
                json.WriteEndObject();
                var description = rule.Description.ToString();
                json.WriteStartObject("fullDescription");
                json.WriteString("text", description.Length > 0 ? description : rule.Title.ToString());
                json.WriteEndObject();
                if (!string.IsNullOrEmpty(rule.HelpLinkUri))
                {
                    json.WriteString("helpUri", rule.HelpLinkUri);
                }

                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("category", rule.Category);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            WriteInvocation(json, problems);

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("SRCROOT");
            json.WriteString("uri", new Uri(root.StartsWith("/", StringComparison.Ordinal) ? "file://" + root : "file:///" + root).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Id);
                json.WriteNumber("ruleIndex", ruleList.FindIndex(r => r.Id == finding.Id));
                json.WriteString("level", Level(finding.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", finding.Message);
                json.WriteEndObject();
                if (finding.Path != null)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    WriteArtifactLocation(json, finding.Path);
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", finding.Line);
                    json.WriteNumber("startColumn", finding.Column);
                    json.WriteNumber("endLine", finding.EndLine);
                    json.WriteNumber("endColumn", finding.EndColumn);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                if (finding.ShipsInPlayer != null)
                {
                    // A Unity INW004 finding: is the file in the player build (SARIF property bag, section 3.8).
                    json.WriteStartObject("properties");
                    json.WriteBoolean("shipsInPlayer", finding.ShipsInPlayer.Value);
                    json.WriteString("shipsInPlayerReason", finding.ShippingReason);
                    json.WriteEndObject();
                }

                WriteBaselineState(json, baseline, finding);
                json.WriteEndObject();
            }

            WriteStaleEntries(json, baseline, ruleList);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        /// <summary>
        /// runs[0].invocations[0]: executionSuccessful is false when a file or folder was not read in full, and each
        /// such file (and each binary file read for its printable text, as a note) is a toolExecutionNotification
        /// with its location, so a SARIF consumer sees what the results do not cover.
        /// </summary>
        private static void WriteInvocation(Utf8JsonWriter json, IReadOnlyList<ScanProblem> problems)
        {
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", !problems.Any(p => p.IsError));
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var problem in problems)
            {
                json.WriteStartObject();
                json.WriteString("level", problem.IsError ? "error" : "note");
                json.WriteStartObject("message");
                json.WriteString("text", problem.Message);
                json.WriteEndObject();
                if (problem.Path != null)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    WriteArtifactLocation(json, problem.Path);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        internal static void WriteArtifactLocation(Utf8JsonWriter json, string path)
        {
            json.WriteStartObject("artifactLocation");
            var display = DisplayPath(path).Replace('\\', '/');
            if (Path.IsPathRooted(display))
            {
                json.WriteString("uri", new Uri(path).AbsoluteUri);
            }
            else
            {
                json.WriteString("uri", EscapeRelative(display));
                json.WriteString("uriBaseId", "SRCROOT");
            }

            json.WriteEndObject();
        }

        public static string Version =>
            typeof(Reports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

        private static string Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        private static string EscapeRelative(string path)
            => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

        private static string ToPascalCase(string title)
        {
            var builder = new StringBuilder();
            foreach (var word in title.Split(new[] { ' ', '-' }, StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
            }

            return builder.ToString();
        }
    }
}
