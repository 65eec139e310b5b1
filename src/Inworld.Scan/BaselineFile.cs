using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Inworld.Scan
{
    /// <summary>A baseline file that cannot be used as asked: the run exits 2 with this message, never scans as if there were no baseline.</summary>
    internal sealed class BaselineException : Exception
    {
        public BaselineException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// One accepted finding. It holds no part of the value: the value and the text of its line are stored as
    /// HMAC-SHA256 digests under the file's own key, so the file can be committed and published.
    /// </summary>
    internal sealed class BaselineEntry
    {
        public BaselineEntry(string rule, string? path, int line, string valueHash, string contextHash)
        {
            Rule = rule;
            Path = path;
            Line = line;
            ValueHash = valueHash;
            ContextHash = contextHash;
        }

        public string Rule { get; }

        /// <summary>Relative to the baseline's root (see <see cref="BaselineFile.Root"/>), '/' separators; null for a finding with no file (INW900 on a project).</summary>
        public string? Path { get; }

        /// <summary>1-based line when recorded: only a hint (to pair duplicates and to point at a stale entry), never required to match.</summary>
        public int Line { get; }

        public string ValueHash { get; }

        public string ContextHash { get; }
    }

    /// <summary>
    /// The baseline file (--write-baseline writes it, --baseline reads it): versioned JSON, one entry per line in
    /// a stable order, so that rewriting it after a change shows only the entries that changed in a diff.
    /// </summary>
    internal sealed class BaselineFile
    {
        public const int CurrentVersion = 1;
        public const string HashAlgorithm = "HMAC-SHA256";
        private const int KeyBytes = 32;
        private const int MinimumKeyBytes = 16;

        private BaselineFile(string fullPath, byte[] key, List<BaselineEntry> entries)
        {
            FullPath = fullPath;
            Key = key;
            Entries = entries;
            Root = RootFor(fullPath);
        }

        public string FullPath { get; }

        /// <summary>
        /// The HMAC key, random per baseline file and stored in it. A digest is then useless outside this file: no
        /// table of digests of common or leaked values can be computed once and matched across repositories.
        /// </summary>
        public byte[] Key { get; }

        public IReadOnlyList<BaselineEntry> Entries { get; }

        /// <summary>
        /// What entry paths are relative to: the git work tree that holds the baseline file (the nearest folder
        /// above it with a .git folder or file), else the baseline file's own folder. Paths are then the same
        /// on every clone and runner, whatever folder the scan is started from.
        /// </summary>
        public string Root { get; }

        /// <summary>A new, empty baseline with a fresh random key.</summary>
        public static BaselineFile Create(string path)
        {
            var key = new byte[KeyBytes];
            RandomNumberGenerator.Fill(key);
            return new BaselineFile(System.IO.Path.GetFullPath(path), key, new List<BaselineEntry>());
        }

        public BaselineFile WithEntries(IEnumerable<BaselineEntry> entries) => new BaselineFile(FullPath, Key, entries.ToList());

        /// <summary>Reads and validates a baseline; anything unexpected is a <see cref="BaselineException"/> naming the file and the problem.</summary>
        public static BaselineFile Load(string path)
        {
            var fullPath = System.IO.Path.GetFullPath(path);
            string text;
            try
            {
                text = File.ReadAllText(fullPath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException)
            {
                throw new BaselineException("cannot read baseline " + path + ": " + e.Message);
            }

            string Invalid(string why) => "baseline " + path + " is not a valid inworld-scan baseline: " + why;
            try
            {
                using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new BaselineException(Invalid("expected a JSON object"));
                }

                if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var versionNumber))
                {
                    throw new BaselineException(Invalid("no \"version\" number"));
                }

                if (versionNumber != CurrentVersion)
                {
                    throw new BaselineException(Invalid("version " + versionNumber.ToString(CultureInfo.InvariantCulture) + " is not supported (this inworld-scan reads version " + CurrentVersion + ")"));
                }

                if (!root.TryGetProperty("hashAlgorithm", out var algorithm) || algorithm.ValueKind != JsonValueKind.String || algorithm.GetString() != HashAlgorithm)
                {
                    throw new BaselineException(Invalid("\"hashAlgorithm\" must be \"" + HashAlgorithm + "\""));
                }

                byte[] key;
                try
                {
                    key = root.TryGetProperty("hmacKey", out var keyElement) && keyElement.ValueKind == JsonValueKind.String ? Convert.FromBase64String(keyElement.GetString()!) : Array.Empty<byte>();
                }
                catch (FormatException)
                {
                    key = Array.Empty<byte>();
                }

                if (key.Length < MinimumKeyBytes)
                {
                    throw new BaselineException(Invalid("\"hmacKey\" must be Base64 of at least " + MinimumKeyBytes + " bytes"));
                }

                if (!root.TryGetProperty("entries", out var entriesElement) || entriesElement.ValueKind != JsonValueKind.Array)
                {
                    throw new BaselineException(Invalid("no \"entries\" array"));
                }

                var entries = new List<BaselineEntry>();
                var index = 0;
                foreach (var item in entriesElement.EnumerateArray())
                {
                    entries.Add(ReadEntry(item, index++, Invalid));
                }

                return new BaselineFile(fullPath, key, entries);
            }
            catch (JsonException e)
            {
                throw new BaselineException(Invalid(e.Message));
            }
        }

        private static BaselineEntry ReadEntry(JsonElement item, int index, Func<string, string> invalid)
        {
            string Where(string why) => invalid("entry " + index.ToString(CultureInfo.InvariantCulture) + ": " + why);
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new BaselineException(Where("expected an object"));
            }

            var rule = item.TryGetProperty("rule", out var ruleElement) && ruleElement.ValueKind == JsonValueKind.String ? ruleElement.GetString() : null;
            if (string.IsNullOrWhiteSpace(rule))
            {
                throw new BaselineException(Where("no \"rule\""));
            }

            string? path = null;
            if (item.TryGetProperty("path", out var pathElement))
            {
                if (pathElement.ValueKind == JsonValueKind.String && pathElement.GetString()!.Length > 0) path = pathElement.GetString();
                else if (pathElement.ValueKind != JsonValueKind.Null) throw new BaselineException(Where("\"path\" must be a non-empty string or null"));
            }

            var line = 0;
            if (item.TryGetProperty("line", out var lineElement) && (lineElement.ValueKind != JsonValueKind.Number || !lineElement.TryGetInt32(out line) || line < 0))
            {
                throw new BaselineException(Where("\"line\" must be a whole number, 0 or more"));
            }

            return new BaselineEntry(rule!, path, line, Digest(item, "valueHash", Where), Digest(item, "contextHash", Where));
        }

        private static string Digest(JsonElement item, string name, Func<string, string> where)
        {
            var value = item.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString()! : string.Empty;
            if (value.Length != 64 || value.Any(c => !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))))
            {
                throw new BaselineException(where("\"" + name + "\" must be 64 lowercase hex digits (an HMAC-SHA256 digest)"));
            }

            return value;
        }

        /// <summary>Writes the file: pretty-printed header, then one entry per line, sorted by path, rule, line and digests.</summary>
        public void Save()
        {
            var ordered = Entries
                .OrderBy(e => e.Path ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(e => e.Rule, StringComparer.Ordinal)
                .ThenBy(e => e.Line)
                .ThenBy(e => e.ValueHash, StringComparer.Ordinal)
                .ThenBy(e => e.ContextHash, StringComparer.Ordinal)
                .ToList();
            var builder = new StringBuilder();
            builder.Append("{\n");
            builder.Append("  \"version\": ").Append(CurrentVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n");
            builder.Append("  \"tool\": \"inworld-scan\",\n");
            builder.Append("  \"hashAlgorithm\": \"").Append(HashAlgorithm).Append("\",\n");
            builder.Append("  \"hmacKey\": \"").Append(Convert.ToBase64String(Key)).Append("\",\n");
            builder.Append("  \"entries\": [");
            for (var i = 0; i < ordered.Count; i++)
            {
                builder.Append(i == 0 ? "\n    " : ",\n    ").Append(EntryJson(ordered[i]));
            }

            builder.Append(ordered.Count == 0 ? "]\n" : "\n  ]\n");
            builder.Append("}\n");
            var directory = System.IO.Path.GetDirectoryName(FullPath);
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            {
                throw new BaselineException("cannot write baseline " + FullPath + ": folder " + directory + " does not exist");
            }

            try
            {
                File.WriteAllText(FullPath, builder.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException)
            {
                throw new BaselineException("cannot write baseline " + FullPath + ": " + e.Message);
            }
        }

        private static string EntryJson(BaselineEntry entry)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
            {
                json.WriteStartObject();
                json.WriteString("rule", entry.Rule);
                if (entry.Path == null) json.WriteNull("path");
                else json.WriteString("path", entry.Path);
                json.WriteNumber("line", entry.Line);
                json.WriteString("valueHash", entry.ValueHash);
                json.WriteString("contextHash", entry.ContextHash);
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()).Replace(",\"", ", \"").Replace("\":", "\": ");
        }

        /// <summary>HMAC-SHA256 under this file's key; the purpose ("value", "line", "message") is part of the input so that digests of different kinds never compare equal.</summary>
        public string Hash(string purpose, string text)
        {
            var digest = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(purpose + "\0" + text));
            return Convert.ToHexString(digest).ToLowerInvariant();
        }

        /// <summary>A scanned file's path as entries store it: relative to <see cref="Root"/>, with '/' separators.</summary>
        public string RelativePath(string fullPath)
            => System.IO.Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

        private static string RootFor(string baselinePath)
        {
            var folder = System.IO.Path.GetDirectoryName(baselinePath) ?? Directory.GetCurrentDirectory();
            for (var candidate = folder; !string.IsNullOrEmpty(candidate); candidate = System.IO.Path.GetDirectoryName(candidate))
            {
                var git = System.IO.Path.Combine(candidate, ".git");
                if (Directory.Exists(git) || File.Exists(git))
                {
                    return candidate;
                }
            }

            return folder;
        }
    }
}
