using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Inworld.Scan
{
    /// <summary>What --baseline adds to the reports.</summary>
    internal static partial class Reports
    {
        /// <summary>
        /// With --baseline, every result says how it compares with the baseline (SARIF 2.1.0 §3.27.24): "new", or
        /// "unchanged" with an external suppression (§3.34) whose justification names the baseline file, so a
        /// SARIF viewer shows it as accepted rather than hiding it.
        /// </summary>
        private static void WriteBaselineState(Utf8JsonWriter json, BaselineOutcome? baseline, Finding finding)
        {
            if (baseline == null)
            {
                return;
            }

            var suppressed = baseline.IsSuppressed(finding);
            json.WriteString("baselineState", suppressed ? "unchanged" : "new");
            if (suppressed)
            {
                WriteSuppression(json, baseline);
            }
        }

        /// <summary>
        /// A stale entry is a result of the baseline that this run no longer finds: SARIF's "absent" state. The entry
        /// holds neither the value nor the message, so the result says what is known (rule, file, the line when
        /// recorded); it is kind "informational" with level "none" (§3.27.9: only "fail" results have a level), and
        /// keeps the baseline's suppression, so no viewer turns it into an open alert.
        /// </summary>
        private static void WriteStaleEntries(Utf8JsonWriter json, BaselineOutcome? baseline, List<DiagnosticDescriptor> rules)
        {
            foreach (var entry in baseline?.Stale ?? new List<BaselineEntry>())
            {
                json.WriteStartObject();
                json.WriteString("ruleId", entry.Rule);
                var ruleIndex = rules.FindIndex(r => r.Id == entry.Rule);
                if (ruleIndex >= 0)
                {
                    json.WriteNumber("ruleIndex", ruleIndex);
                }

                json.WriteString("kind", "informational");
                json.WriteString("level", "none");
                json.WriteStartObject("message");
                json.WriteString("text", char.ToUpperInvariant(baseline!.StaleMessage(entry)[0]) + baseline.StaleMessage(entry).Substring(1) + ".");
                json.WriteEndObject();
                var path = baseline.StalePath(entry);
                if (path != null)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    WriteArtifactLocation(json, path);
                    if (entry.Line > 0)
                    {
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", entry.Line);
                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteString("baselineState", "absent");
                WriteSuppression(json, baseline);
                json.WriteEndObject();
            }
        }

        private static void WriteSuppression(Utf8JsonWriter json, BaselineOutcome baseline)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("status", "accepted");
            json.WriteString("justification", baseline.Justification);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        /// <summary>For a text report written to a file: what the baseline suppressed and which entries are stale.</summary>
        public static void WriteBaselineNotes(TextWriter writer, BaselineOutcome? baseline)
        {
            if (baseline == null)
            {
                return;
            }

            writer.WriteLine("inworld-scan : note: " + Wording.Count(baseline.SuppressedCount, "finding", "findings") + " suppressed by baseline " + baseline.BaselineDisplayPath);
            foreach (var entry in baseline.Stale)
            {
                writer.WriteLine("inworld-scan : note: " + baseline.StaleMessage(entry));
            }
        }
    }
}
