using System.Collections.Generic;

namespace Inworld.Analyzers.Core.ShippedFiles
{
    /// <summary>
    /// Unity's serialized YAML (*.asset, *.prefab, *.unity): one document per object ("--- !u!114 &amp;123"),
    /// "  m_APIKey: value" fields nested by indentation. Fields of one component share an object id, so a
    /// key id and a secret stored side by side are seen together.
    /// </summary>
    internal sealed class UnityYamlSettingsReader : ISettingsReader
    {
        public IEnumerable<SettingEntry> Read(string text)
        {
            var entries = new List<SettingEntry>();
            var parents = new List<(int Indent, string Key)>();
            var objectIds = new Dictionary<string, int>();
            var document = 0;
            var lineStart = 0;
            while (lineStart < text.Length)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                var end = lineEnd;
                while (end > lineStart && (text[end - 1] == '\r' || text[end - 1] == ' ' || text[end - 1] == '\t')) end--;

                if (string.CompareOrdinal(text, lineStart, "---", 0, 3) == 0)
                {
                    document++;
                    parents.Clear();
                }
                else
                {
                    ReadLine(text, lineStart, end, document, parents, objectIds, entries);
                }

                lineStart = lineEnd + 1;
            }

            return entries;
        }

        private static void ReadLine(string text, int start, int end, int document, List<(int Indent, string Key)> parents, Dictionary<string, int> objectIds, List<SettingEntry> entries)
        {
            var i = start;
            while (i < end && text[i] == ' ') i++;
            if (i >= end || text[i] == '#' || text[i] == '%')
            {
                return;
            }

            var indent = i - start;
            var isSequenceItem = false;
            if (text[i] == '-' && i + 1 < end && text[i + 1] == ' ')
            {
                isSequenceItem = true;
                i += 2;
                indent = i - start;
            }

            while (parents.Count > 0 && parents[parents.Count - 1].Indent >= indent)
            {
                parents.RemoveAt(parents.Count - 1);
            }

            var colon = FindKeyColon(text, i, end);
            string key;
            int valueStart;
            if (colon < 0)
            {
                if (!isSequenceItem || parents.Count == 0)
                {
                    return;
                }

                // "- value" in a list: named after the list.
                key = parents[parents.Count - 1].Key;
                valueStart = i;
            }
            else
            {
                key = text.Substring(i, colon - i).Trim();
                valueStart = colon + 1;
                while (valueStart < end && text[valueStart] == ' ') valueStart++;
                if (valueStart >= end)
                {
                    parents.Add((indent, key));
                    return;
                }
            }

            var valueEnd = end;
            if (text[valueStart] == '{' || text[valueStart] == '[' || text[valueStart] == '&' || text[valueStart] == '!')
            {
                return;
            }

            if (text[valueStart] == '"' || text[valueStart] == '\'')
            {
                var quote = text[valueStart];
                var close = text.IndexOf(quote, valueStart + 1);
                valueStart++;
                valueEnd = close > 0 && close <= end ? close : end;
            }

            var container = Join(parents);
            var objectKey = document.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + container;
            if (!objectIds.TryGetValue(objectKey, out var objectId))
            {
                objectId = objectIds.Count;
                objectIds[objectKey] = objectId;
            }

            if (valueEnd > valueStart)
            {
                entries.Add(new SettingEntry(key, container, text.Substring(valueStart, valueEnd - valueStart), valueStart, valueEnd - valueStart, objectId));
            }
        }

        /// <summary>The ": " (or ":" at line end) that ends a key; colons inside values ("a:b") do not count.</summary>
        private static int FindKeyColon(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c == ':' && (i + 1 == end || text[i + 1] == ' '))
                {
                    return i;
                }

                if (c == '"' || c == '\'' || c == ' ')
                {
                    return -1;
                }
            }

            return -1;
        }

        private static string Join(List<(int Indent, string Key)> parents)
        {
            if (parents.Count == 0)
            {
                return string.Empty;
            }

            var parts = new string[parents.Count];
            for (var i = 0; i < parents.Count; i++)
            {
                parts[i] = parents[i].Key;
            }

            return string.Join(":", parts);
        }
    }
}
