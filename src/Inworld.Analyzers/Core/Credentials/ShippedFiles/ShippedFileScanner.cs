using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Inworld.Analyzers.Core.ShippedFiles
{
    /// <summary>A credential found in a settings file, by offset into its text.</summary>
    internal readonly struct ShippedFileFinding
    {
        public ShippedFileFinding(CredentialKind kind, int start, int length, string where, string redacted)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Where = where;
            Redacted = redacted;
        }

        public CredentialKind Kind { get; }
        public int Start { get; }
        public int Length { get; }

        /// <summary>For messages: "setting 'Inworld:ApiKey'", "fields 'm_KeyId' and 'm_Secret'", "line 12".</summary>
        public string Where { get; }

        public string Redacted { get; }
    }

    /// <summary>
    /// INW004's detection over a whole file, shared by the analyzer, the command-line scanner and the Unity Editor.
    /// Each setting goes through <see cref="CredentialClassifier"/>, the ladder INW001 uses, with the setting's name as context:
    /// <list type="number">
    /// <item>every Base64 API key anywhere in the text, comments included (the file ships as it is);</item>
    /// <item>each setting's value classified with its name: Basic or Inworld-named raw "id:secret" pairs, values that fit an Inworld key/secret name;</item>
    /// <item>a key id and a secret stored as two fields of one object (Unity components often do this).</item>
    /// </list>
    /// </summary>
    internal static class ShippedFileScanner
    {
        /// <summary>
        /// Longest text read in one piece. A longer file (a big Unity scene or terrain asset) is read in segments
        /// of at most this many characters, so memory stays bounded whatever the file's size, and every character
        /// is still examined: no file is skipped for its size.
        /// </summary>
        public const int SegmentLength = 8 * 1024 * 1024;

        /// <summary>
        /// Scans a whole file of any length, read through <paramref name="text"/> (the host's text type: Roslyn's
        /// SourceText in the analyzer, a string elsewhere). Up to <see cref="SegmentLength"/> characters it is one piece; beyond,
        /// segments end at a Unity document start ("--- !u!") where there is one, else at a line break, else after
        /// the last character that cannot be part of a Base64 key. Offsets in the findings are into the whole text.
        /// </summary>
        public static IReadOnlyList<ShippedFileFinding> Scan(IShippedFileText text, ShippedFileFormat format, CancellationToken cancellationToken)
        {
            if (text.Length <= SegmentLength)
            {
                return Scan(text.Read(0, text.Length), format);
            }

            var findings = new List<ShippedFileFinding>();
            for (var start = 0; start < text.Length;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var segment = text.Read(start, Math.Min(SegmentLength, text.Length - start));
                if (start + segment.Length < text.Length)
                {
                    segment = segment.Substring(0, SegmentCut(segment, format));
                }

                var firstLine = text.LineIndexAt(start);
                foreach (var finding in Scan(segment, format, firstLine))
                {
                    findings.Add(new ShippedFileFinding(finding.Kind, finding.Start + start, finding.Length, finding.Where, finding.Redacted));
                }

                start += segment.Length;
            }

            return findings;
        }

        /// <summary>Where a full-length segment ends (exclusive): never inside a line when a line break is in its second half.</summary>
        private static int SegmentCut(string segment, ShippedFileFormat format)
        {
            var half = segment.Length / 2;
            if (format == ShippedFileFormat.UnityYaml)
            {
                var document = segment.LastIndexOf("\n--- ", StringComparison.Ordinal);
                if (document >= half)
                {
                    return document + 1;
                }
            }

            var lineBreak = segment.LastIndexOf('\n');
            if (lineBreak >= half)
            {
                return lineBreak + 1;
            }

            for (var i = segment.Length - 1; i >= half; i--)
            {
                if (!CredentialShape.IsBase64Char(segment[i]))
                {
                    return i + 1;
                }
            }

            // One Base64 run longer than half a segment is far longer than any key (runs over 1,024 characters are not examined).
            return segment.Length;
        }

        public static IReadOnlyList<ShippedFileFinding> Scan(string text, ShippedFileFormat format) => Scan(text, format, 0);

        /// <param name="lineBase">Lines before <paramref name="text"/> in its file (for the "line N" of findings), when it is one segment of a longer file.</param>
        private static IReadOnlyList<ShippedFileFinding> Scan(string text, ShippedFileFormat format, int lineBase)
        {
            var findings = new List<ShippedFileFinding>();
            if (format == ShippedFileFormat.None || text == null || text.Length < CredentialShape.MinKeyIdLength)
            {
                return findings;
            }

            var entries = new List<SettingEntry>(ReaderFor(format).Read(text));

            for (var start = 0; start < text.Length;)
            {
                var key = CredentialShape.FindApiKey(text, start);
                if (!key.IsMatch)
                {
                    break;
                }

                var where = EntryAt(entries, key.Start) is SettingEntry entry ? Describe(entry) : "line " + (lineBase + LineOf(text, key.Start)).ToString(CultureInfo.InvariantCulture);
                findings.Add(new ShippedFileFinding(CredentialKind.ApiKey, key.Start, key.Length, where, CredentialShape.Redact(text.Substring(key.Start, key.Length))));
                start = key.Start + key.Length;
            }

            var reported = new HashSet<int>();
            foreach (var entry in entries)
            {
                if (Overlaps(findings, entry.ValueStart, entry.ValueLength) || !CredentialShape.MayContainCredential(entry.Value))
                {
                    continue;
                }

                // The entry's own value: values that needed decoding (JSON "\/" escapes) hide a key from the plain-text pass.
                var found = CredentialClassifier.Classify(entry.Value, CredentialContext.ForSetting(entry.Name, entry.Container));
                if (found.IsFinding)
                {
                    findings.Add(new ShippedFileFinding(found.Kind, entry.ValueStart, entry.ValueLength, Describe(entry), found.Redacted));
                    reported.Add(entry.ValueStart);
                }
            }

            AddKeyIdSecretPairs(entries, findings, reported);
            findings.Sort((a, b) => a.Start.CompareTo(b.Start));
            return findings;
        }

        /// <summary>"m_KeyId: &lt;32&gt;" next to "m_Secret: &lt;64&gt;" in one object: a full credential, whatever else the names say.</summary>
        private static void AddKeyIdSecretPairs(List<SettingEntry> entries, List<ShippedFileFinding> findings, HashSet<int> reported)
        {
            var keyIds = new Dictionary<int, SettingEntry>();
            foreach (var entry in entries)
            {
                if (IsKeyIdName(entry.Name) && !reported.Contains(entry.ValueStart) && !Overlaps(findings, entry.ValueStart, entry.ValueLength) &&
                    entry.Value.Trim().Length == ObservedKeyIdLength && CredentialShape.LooksLikeKeyId(entry.Value) && !keyIds.ContainsKey(entry.ObjectId))
                {
                    keyIds[entry.ObjectId] = entry;
                }
            }

            if (keyIds.Count == 0)
            {
                return;
            }

            foreach (var entry in entries)
            {
                if (Contains(entry.Name, "secret") && !reported.Contains(entry.ValueStart) && keyIds.TryGetValue(entry.ObjectId, out var keyId) &&
                    entry.Value.Trim().Length == ObservedSecretLength && CredentialShape.LooksLikeSecret(entry.Value) && !Overlaps(findings, entry.ValueStart, entry.ValueLength))
                {
                    findings.Add(new ShippedFileFinding(
                        CredentialKind.RawKeyPair, entry.ValueStart, entry.ValueLength,
                        "fields '" + keyId.Name + "' and '" + entry.Name + "'", CredentialShape.Redact(entry.Value.Trim())));
                    reported.Add(entry.ValueStart);
                }
            }
        }

        /// <summary>
        /// Without an Inworld name, only the observed Inworld shape counts as a pair (32-character key id,
        /// 64-character secret): other services' id/secret pairs (32/32 hex OAuth clients) are not Inworld's.
        /// </summary>
        private const int ObservedKeyIdLength = 32;
        private const int ObservedSecretLength = 64;

        private static bool IsKeyIdName(string name) => !Contains(name, "secret") && Contains(name, "key");

        private static ISettingsReader ReaderFor(ShippedFileFormat format)
        {
            switch (format)
            {
                case ShippedFileFormat.Json: return new JsonSettingsReader();
                case ShippedFileFormat.KeyValue: return new KeyValueSettingsReader();
                case ShippedFileFormat.XmlConfig: return new XmlSettingsReader();
                default: return new UnityYamlSettingsReader();
            }
        }

        private static string Describe(SettingEntry entry) => "setting '" + entry.Path + "'";

        private static SettingEntry? EntryAt(List<SettingEntry> entries, int offset)
        {
            foreach (var entry in entries)
            {
                if (offset >= entry.ValueStart && offset < entry.ValueStart + Math.Max(1, entry.ValueLength))
                {
                    return entry;
                }
            }

            return null;
        }

        private static bool Overlaps(List<ShippedFileFinding> findings, int start, int length)
        {
            foreach (var finding in findings)
            {
                if (start < finding.Start + finding.Length && finding.Start < start + Math.Max(1, length))
                {
                    return true;
                }
            }

            return false;
        }

        private static int LineOf(string text, int offset)
        {
            var line = 1;
            for (var i = 0; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\n') line++;
            }

            return line;
        }

        private static bool Contains(string haystack, string needle) => haystack.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>
    /// A file's text as the host holds it, read in pieces: the scanner reads any length in bounded segments and
    /// needs line numbers for findings outside a setting. Roslyn's SourceText is adapted outside this folder.
    /// </summary>
    internal interface IShippedFileText
    {
        int Length { get; }

        /// <summary>The characters from <paramref name="start"/>, <paramref name="length"/> of them.</summary>
        string Read(int start, int length);

        /// <summary>The zero-based line number of the character at <paramref name="position"/>.</summary>
        int LineIndexAt(int position);
    }
}
