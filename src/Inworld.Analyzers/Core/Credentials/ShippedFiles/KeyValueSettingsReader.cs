using System.Collections.Generic;

namespace Inworld.Analyzers.Core.ShippedFiles
{
    /// <summary>
    /// .env and INI-style files: "KEY=value", "export KEY=value", optional quotes, "[section]" headers,
    /// "#" and ";" comment lines (not read as settings).
    /// </summary>
    internal sealed class KeyValueSettingsReader : ISettingsReader
    {
        public IEnumerable<SettingEntry> Read(string text)
        {
            var entries = new List<SettingEntry>();
            var section = string.Empty;
            var objectId = 0;
            var lineStart = 0;
            while (lineStart <= text.Length)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                ReadLine(text, lineStart, lineEnd, ref section, ref objectId, entries);
                lineStart = lineEnd + 1;
            }

            return entries;
        }

        private static void ReadLine(string text, int start, int end, ref string section, ref int objectId, List<SettingEntry> entries)
        {
            var i = start;
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            var last = end;
            while (last > i && char.IsWhiteSpace(text[last - 1])) last--;
            if (i >= last || text[i] == '#' || text[i] == ';')
            {
                return;
            }

            if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close > i && close < last)
                {
                    section = text.Substring(i + 1, close - i - 1).Trim();
                    objectId++;
                }

                return;
            }

            if (string.CompareOrdinal(text, i, "export ", 0, 7) == 0)
            {
                i += 7;
                while (i < last && text[i] == ' ') i++;
            }

            var equals = text.IndexOf('=', i, last - i);
            var colon = text.IndexOf(':', i, last - i);
            var separator = equals >= 0 ? equals : colon;
            if (separator <= i)
            {
                return;
            }

            var name = text.Substring(i, separator - i).Trim();
            var valueStart = separator + 1;
            while (valueStart < last && (text[valueStart] == ' ' || text[valueStart] == '\t')) valueStart++;
            var valueEnd = last;
            if (valueStart < last && (text[valueStart] == '"' || text[valueStart] == '\''))
            {
                var quote = text[valueStart];
                var closing = text.IndexOf(quote, valueStart + 1);
                valueStart++;
                valueEnd = closing > 0 && closing <= last ? closing : last;
            }
            else
            {
                // An unquoted value ends at " #" (inline comment), as dotenv reads it.
                var comment = text.IndexOf(" #", valueStart, last - valueStart, System.StringComparison.Ordinal);
                if (comment >= 0)
                {
                    valueEnd = comment;
                }

                while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1])) valueEnd--;
            }

            if (name.Length > 0 && valueEnd > valueStart)
            {
                entries.Add(new SettingEntry(name, section, text.Substring(valueStart, valueEnd - valueStart), valueStart, valueEnd - valueStart, objectId));
            }
        }
    }
}
