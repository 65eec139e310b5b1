using System;
using System.Collections.Generic;

namespace Inworld.Analyzers.Core
{
    /// <summary>What one line of an .editorconfig / global config file is.</summary>
    internal enum ConfigLineKind
    {
        /// <summary>A <c>key = value</c> (or <c>key : value</c>) property the compiler reads.</summary>
        Property,

        /// <summary>A line that is neither blank, a comment, a section header nor a property: the compiler drops it.</summary>
        Unparsed,
    }

    /// <summary>
    /// One meaningful line of a config file. Offsets are into the whole text, so a host can turn them into a
    /// line/column location with its own line table (the same line breaks as Roslyn's SourceText).
    /// </summary>
    internal readonly struct ConfigLine
    {
        public ConfigLine(ConfigLineKind kind, int lineNumber, int start, int length, string key, int keyLength, string value, string? section)
        {
            Kind = kind;
            LineNumber = lineNumber;
            Start = start;
            Length = length;
            Key = key;
            KeyLength = keyLength;
            Value = value;
            Section = section;
        }

        public ConfigLineKind Kind { get; }

        /// <summary>Zero-based line number.</summary>
        public int LineNumber { get; }

        /// <summary>Offset of the key (of the first non-blank character of an unparsed line).</summary>
        public int Start { get; }

        /// <summary>From <see cref="Start"/> to the end of the value (without a trailing comment or blanks); the key part of an unparsed line.</summary>
        public int Length { get; }

        /// <summary>The key as written (the compiler compares keys case-insensitively); for an unparsed line, its text before any '=' or ':'.</summary>
        public string Key { get; }

        public int KeyLength { get; }

        /// <summary>The value as the compiler sees it: trimmed, cut at the first '#' or ';'.</summary>
        public string Value { get; }

        /// <summary>The name of the enclosing [section], or null for the lines before the first section (the preamble).</summary>
        public string? Section { get; }
    }

    /// <summary>
    /// A Roslyn-free reader of .editorconfig and global analyzer config text that follows the compiler's own
    /// rules line by line (so the key and value it reports are the ones the analyzers receive as options):
    /// a line whose first non-blank character is '#' or ';' is a comment; "[name]" (optionally followed by a
    /// comment) opens a section, where '#' and ';' in the name must be escaped with '\'; "key = value" or
    /// "key : value" is a property whose key is letters, digits, '_', '-' and '.', and whose value ends at the
    /// first '#' or ';'. Anything else is dropped by the compiler without a word.
    /// Never throws, and is linear in the text length whatever the input (unterminated sections, huge lines).
    /// </summary>
    internal sealed class ConfigFileText
    {
        private ConfigFileText(List<ConfigLine> lines, bool isGlobal)
        {
            Lines = lines;
            IsGlobal = isGlobal;
        }

        /// <summary>Properties and unparsed lines, in file order. Blank lines, comments and section headers are left out.</summary>
        public IReadOnlyList<ConfigLine> Lines { get; }

        /// <summary>
        /// A global analyzer config: the file is named .globalconfig or its preamble has an is_global key (as the
        /// compiler decides). Its preamble applies to every file; an .editorconfig's preamble applies to none.
        /// </summary>
        public bool IsGlobal { get; }

        public static ConfigFileText Parse(string path, string text)
        {
            var lines = new List<ConfigLine>();
            var isGlobal = HasGlobalFileName(path);
            string? section = null;
            var lineNumber = 0;
            var position = 0;
            while (position <= text.Length)
            {
                var end = position;
                while (end < text.Length && !IsLineBreak(text[end]))
                {
                    end++;
                }

                ReadLine(text, position, end, lineNumber, ref section, ref isGlobal, lines);
                if (end >= text.Length)
                {
                    break;
                }

                // \r\n is one line break; \r, \n, U+0085, U+2028 and U+2029 alone are one each (as SourceText counts them).
                position = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
                lineNumber++;
            }

            return new ConfigFileText(lines, isGlobal);
        }

        private static void ReadLine(string text, int start, int end, int lineNumber, ref string? section, ref bool isGlobal, List<ConfigLine> lines)
        {
            var first = start;
            while (first < end && IsBlank(text[first]))
            {
                first++;
            }

            if (first == end || text[first] == '#' || text[first] == ';')
            {
                return;
            }

            if (text[first] == '[' && TryReadSectionName(text, first, end, out var name))
            {
                section = name;
                return;
            }

            var keyEnd = first;
            while (keyEnd < end && IsKeyCharacter(text[keyEnd]))
            {
                keyEnd++;
            }

            var separator = keyEnd;
            while (separator < end && IsBlank(text[separator]))
            {
                separator++;
            }

            if (keyEnd == first || separator == end || (text[separator] != '=' && text[separator] != ':'))
            {
                // Only the part before '=' or ':' is kept: the rest may be a value, and a value may be a pasted key.
                var keyPartEnd = first;
                while (keyPartEnd < end && text[keyPartEnd] != '=' && text[keyPartEnd] != ':')
                {
                    keyPartEnd++;
                }

                while (keyPartEnd > first && IsBlank(text[keyPartEnd - 1]))
                {
                    keyPartEnd--;
                }

                var keyPart = Slice(text, first, keyPartEnd);
                lines.Add(new ConfigLine(ConfigLineKind.Unparsed, lineNumber, first, keyPart.Length, keyPart, keyPart.Length, string.Empty, section));
                return;
            }

            var valueStart = separator + 1;
            while (valueStart < end && IsBlank(text[valueStart]))
            {
                valueStart++;
            }

            var valueEnd = valueStart;
            while (valueEnd < end && text[valueEnd] != '#' && text[valueEnd] != ';')
            {
                valueEnd++;
            }

            while (valueEnd > valueStart && IsBlank(text[valueEnd - 1]))
            {
                valueEnd--;
            }

            var key = text.Substring(first, keyEnd - first);
            var length = (valueEnd > valueStart ? valueEnd : separator + 1) - first;
            lines.Add(new ConfigLine(ConfigLineKind.Property, lineNumber, first, length, key, key.Length, text.Substring(valueStart, valueEnd - valueStart), section));
            if (section == null && key.Equals("is_global", StringComparison.OrdinalIgnoreCase))
            {
                isGlobal = true;
            }
        }

        /// <summary>
        /// "[name]", then blanks, then the end of the line or a comment. The name is not empty and has no '#' or ';'
        /// unless escaped with '\'; it may contain ']' ("[a]b]" is the section "a]b").
        /// </summary>
        private static bool TryReadSectionName(string text, int open, int end, out string name)
        {
            name = string.Empty;

            // Where a comment may begin: the first '#' or ';' that is not escaped. The name stops before it.
            var limit = open + 1;
            while (limit < end && !((text[limit] == '#' || text[limit] == ';') && text[limit - 1] != '\\'))
            {
                limit++;
            }

            var close = limit;
            while (close > open + 1 && IsBlank(text[close - 1]))
            {
                close--;
            }

            // close - 1 must be the ']' that ends the name, and the name must not be empty.
            if (close - 1 <= open + 1 || text[close - 1] != ']')
            {
                return false;
            }

            name = text.Substring(open + 1, close - 2 - open);
            return true;
        }

        /// <summary>Compiler keys are [\w.\-]+ (.NET's \w: letters, decimal digits, non-spacing marks, connector punctuation), '.', '-'.</summary>
        private static bool IsKeyCharacter(char c)
        {
            if (c == '.' || c == '-' || c == '_' || char.IsLetterOrDigit(c))
            {
                return true;
            }

            switch (char.GetUnicodeCategory(c))
            {
                case System.Globalization.UnicodeCategory.NonSpacingMark:
                case System.Globalization.UnicodeCategory.ConnectorPunctuation:
                case System.Globalization.UnicodeCategory.DecimalDigitNumber:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Whitespace as the compiler's pattern sees it, plus a byte order mark that a host left in the text.</summary>
        private static bool IsBlank(char c) => c == '\uFEFF' || (char.IsWhiteSpace(c) && !IsLineBreak(c));

        private static bool IsLineBreak(char c) => c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';

        private static bool HasGlobalFileName(string path)
        {
            var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return string.Equals(path.Substring(slash + 1), ".globalconfig", StringComparison.OrdinalIgnoreCase);
        }

        private static string Slice(string text, int start, int end) => text.Substring(start, end - start);
    }
}
