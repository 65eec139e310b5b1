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
    internal static class Reports
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

        public static void WriteSarif(Stream stream, IReadOnlyList<Finding> findings, IEnumerable<DiagnosticDescriptor> rules)
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
                json.WriteStartObject("fullDescription");
                json.WriteString("text", rule.Description.ToString());
                json.WriteEndObject();
                json.WriteString("helpUri", rule.HelpLinkUri);
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
                    json.WriteStartObject("artifactLocation");
                    var display = DisplayPath(finding.Path).Replace('\\', '/');
                    if (Path.IsPathRooted(display))
                    {
                        json.WriteString("uri", new Uri(finding.Path).AbsoluteUri);
                    }
                    else
                    {
                        json.WriteString("uri", EscapeRelative(display));
                        json.WriteString("uriBaseId", "SRCROOT");
                    }

                    json.WriteEndObject();
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

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
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
