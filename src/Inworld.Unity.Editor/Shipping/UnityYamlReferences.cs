using System;
using System.Collections.Generic;
using System.IO;

namespace Inworld.Unity.Editor.Shipping
{
    /// <summary>
    /// Reads the GUIDs out of Unity's text serialization without a YAML parser: a reference is written inline as
    /// "{fileID: 11400000, guid: 0123456789abcdef0123456789abcdef, type: 2}", and other serialized GUIDs
    /// (Addressables' AssetReference "m_AssetGUID: ...") use the same 32 hex digits after a key ending in "guid:".
    /// A scene of many megabytes is scanned once with IndexOf; nothing is allocated per line.
    /// </summary>
    public static class UnityYamlReferences
    {
        /// <summary>The all-zero GUID Unity writes for "no asset".</summary>
        public const string NullGuid = "00000000000000000000000000000000";

        /// <summary>Unity's built-in resources ("Default-Material", "Arial"): inside the editor and player, never a project file.</summary>
        private static readonly HashSet<string> BuiltInGuids = new HashSet<string>(StringComparer.Ordinal)
        {
            "0000000000000000e000000000000000", // Library/unity default resources
            "0000000000000000f000000000000000", // Resources/unity_builtin_extra
            "0000000000000000d000000000000000", // built-in editor resources
        };

        private const string Key = "guid:";
        private const int GuidLength = 32;

        /// <summary>Does text start as Unity writes a text-serialized asset? (A binary-serialized one starts with bytes, not "%YAML".)</summary>
        public static bool IsYamlHeader(string text)
        {
            var at = 0;
            while (at < text.Length && at < 64 && (text[at] == '\uFEFF' || char.IsWhiteSpace(text[at])))
            {
                at++;
            }

            return string.CompareOrdinal(text, at, "%YAML", 0, 5) == 0;
        }

        /// <summary>Each distinct GUID the text references, lower-cased, in order of first appearance; the null GUID and Unity's built-in GUIDs are left out.</summary>
        public static List<string> Guids(string text)
        {
            var found = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            while ((index = text.IndexOf(Key, index, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var start = index + Key.Length;
                index = start;
                while (start < text.Length && (text[start] == ' ' || text[start] == '\t')) start++;
                var guid = ReadGuid(text, start);
                if (guid != null && !IsNullOrBuiltIn(guid) && seen.Add(guid))
                {
                    found.Add(guid);
                }
            }

            return found;
        }

        public static bool IsNullOrBuiltIn(string guid) => guid == NullGuid || BuiltInGuids.Contains(guid);

        /// <summary>32 hex digits at <paramref name="start"/>, not followed by another letter or digit; lower-cased. Null otherwise.</summary>
        public static string? ReadGuid(string text, int start)
        {
            if (start + GuidLength > text.Length)
            {
                return null;
            }

            for (var i = start; i < start + GuidLength; i++)
            {
                if (!Uri.IsHexDigit(text[i]))
                {
                    return null;
                }
            }

            var end = start + GuidLength;
            if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                return null;
            }

            return text.Substring(start, GuidLength).ToLowerInvariant();
        }

        /// <summary>
        /// The "guid:" line of a .meta file (the second line, after fileFormatVersion), read without reading the
        /// importer settings below it. Null when the file has no well-formed GUID in its first lines.
        /// </summary>
        public static string? MetaGuid(TextReader reader)
        {
            for (var lineNumber = 0; lineNumber < 8; lineNumber++)
            {
                var line = reader.ReadLine();
                if (line == null)
                {
                    return null;
                }

                var trimmed = line.TrimStart('\uFEFF').Trim();
                if (trimmed.StartsWith(Key, StringComparison.Ordinal))
                {
                    var value = trimmed.Substring(Key.Length).Trim();
                    return value.Length == GuidLength ? ReadGuid(value, 0) : null;
                }
            }

            return null;
        }
    }
}
