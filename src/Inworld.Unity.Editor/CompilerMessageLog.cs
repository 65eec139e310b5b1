using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Inworld.Unity.Editor
{
    /// <summary>
    /// The INW messages of the latest compilation of each assembly, kept as text between Unity's domain reloads (the
    /// Editor glue stores <see cref="ToText"/> in SessionState). Unity compiles assemblies one by one; a new compilation
    /// of an assembly replaces its old messages.
    /// </summary>
    public sealed class CompilerMessageLog
    {
        private readonly SortedDictionary<string, List<UnityFinding>> _byAssembly = new SortedDictionary<string, List<UnityFinding>>(StringComparer.Ordinal);

        public IReadOnlyList<UnityFinding> All => _byAssembly.Values.SelectMany(v => v).ToList();

        /// <summary>
        /// Records the messages of one assembly's compilation (Unity's CompilerMessage: message, file, line, column), keeping only
        /// the INW ones. Unity's message text is the compiler's line, "Assets/Chat.cs(12,30): warning INW001: ...".
        /// </summary>
        public void Record(string assemblyPath, IEnumerable<(string Message, string File, int Line, int Column)> messages)
        {
            var kept = new List<UnityFinding>();
            foreach (var message in messages)
            {
                if (TryParse(message.Message, out var ruleId, out var text))
                {
                    kept.Add(new UnityFinding(UnityFindingSource.Compiler, ruleId, UnityPaths.Normalize(message.File), message.Line, message.Column, text));
                }
            }

            if (kept.Count == 0)
            {
                _byAssembly.Remove(assemblyPath);
            }
            else
            {
                _byAssembly[assemblyPath] = kept;
            }
        }

        /// <summary>
        /// Finds "warning INW001: text" or "error INW001: text" in a compiler message. Only the analyzers' own ids (INW + three
        /// digits) count; the text after the id is the analyzer's message, which already redacts credentials.
        /// </summary>
        public static bool TryParse(string? message, out string ruleId, out string text)
        {
            ruleId = string.Empty;
            text = string.Empty;
            if (message == null)
            {
                return false;
            }

            foreach (var severity in new[] { "warning ", "error " })
            {
                for (var at = message.IndexOf(severity + "INW", StringComparison.Ordinal); at >= 0; at = message.IndexOf(severity + "INW", at + 1, StringComparison.Ordinal))
                {
                    var id = at + severity.Length;
                    if (id + 7 < message.Length && char.IsDigit(message[id + 3]) && char.IsDigit(message[id + 4]) && char.IsDigit(message[id + 5]) && message[id + 6] == ':')
                    {
                        ruleId = message.Substring(id, 6);
                        text = message.Substring(id + 7).Trim();
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>One line per message: assembly, rule, file, line, column, text, tab-separated (tabs and line breaks in text become spaces).</summary>
        public string ToText()
        {
            var builder = new StringBuilder();
            foreach (var pair in _byAssembly)
            {
                foreach (var finding in pair.Value)
                {
                    builder.Append(Clean(pair.Key)).Append('\t').Append(finding.RuleId).Append('\t').Append(Clean(finding.Path)).Append('\t')
                        .Append(finding.Line.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(finding.Column.ToString(CultureInfo.InvariantCulture)).Append('\t')
                        .Append(Clean(finding.Message)).Append('\n');
                }
            }

            return builder.ToString();
        }

        /// <summary>The log <see cref="ToText"/> wrote. Lines it cannot read are dropped (the next compilation writes them again).</summary>
        public static CompilerMessageLog FromText(string? text)
        {
            var log = new CompilerMessageLog();
            foreach (var line in (text ?? string.Empty).Split('\n'))
            {
                var fields = line.Split('\t');
                if (fields.Length != 6 ||
                    !int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var lineNumber) ||
                    !int.TryParse(fields[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var column))
                {
                    continue;
                }

                if (!log._byAssembly.TryGetValue(fields[0], out var list))
                {
                    log._byAssembly[fields[0]] = list = new List<UnityFinding>();
                }

                list.Add(new UnityFinding(UnityFindingSource.Compiler, fields[1], fields[2], lineNumber, column, fields[5]));
            }

            return log;
        }

        private static string Clean(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
    }
}
