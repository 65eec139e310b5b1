using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.ShippedFiles;

namespace Inworld.Unity.Editor
{
    /// <summary>
    /// Scans the files a player build contains for Inworld credentials with the analyzers' own detection
    /// (ShippedFileScanner: the same classifier, the same readers, the same redaction as INW004).
    /// </summary>
    public static class ShippedAssetScan
    {
        /// <summary>Characters read to tell the format of a file whose name does not (INW004 reads as many).</summary>
        private const int FormatSniffLength = 64;

        /// <summary>
        /// Files that are not text a key could be read from, or that other checks cover: C# scripts are analysed by the
        /// INW rules during compilation (their messages reach the gate separately), plug-ins are compiled code.
        /// </summary>
        private static readonly HashSet<string> NotScanned = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".cs", ".dll", ".so", ".a", ".dylib", ".bundle", ".jar", ".aar",
            ".png", ".jpg", ".jpeg", ".tga", ".psd", ".tif", ".tiff", ".exr", ".hdr", ".gif", ".bmp",
            ".fbx", ".obj", ".blend", ".dae", ".3ds", ".max", ".ma", ".mb",
            ".wav", ".mp3", ".ogg", ".aif", ".aiff", ".flac", ".mp4", ".mov", ".webm", ".avi",
            ".ttf", ".otf", ".meta",
        };

        /// <summary>
        /// Scans each asset of <paramref name="assetPaths"/> (project-relative, as AssetDatabase names them) under
        /// <paramref name="projectRoot"/>. Folders are scanned file by file. A file that cannot be read is a finding
        /// (<see cref="UnityFindingSource.Unreadable"/>), never a quiet pass.
        /// </summary>
        public static IReadOnlyList<UnityFinding> Scan(string projectRoot, IEnumerable<string> assetPaths, CancellationToken cancellationToken = default)
        {
            var findings = new List<UnityFinding>();
            foreach (var assetPath in ExpandFolders(projectRoot, assetPaths))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScanFile(projectRoot, assetPath, findings, cancellationToken);
            }

            return findings;
        }

        /// <summary>The scan of one file's text (for tests and for content that is not on disk).</summary>
        public static IReadOnlyList<UnityFinding> ScanText(string assetPath, string text)
        {
            var findings = new List<UnityFinding>();
            AddFindings(assetPath, text, findings, CancellationToken.None);
            return findings;
        }

        /// <summary>Would the gate read this file? False for code, plug-ins and binary media (<see cref="NotScanned"/>).</summary>
        public static bool IsScanned(string assetPath) => !NotScanned.Contains(System.IO.Path.GetExtension(assetPath));

        private static IEnumerable<string> ExpandFolders(string projectRoot, IEnumerable<string> assetPaths)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in assetPaths)
            {
                var assetPath = UnityPaths.Normalize(raw);
                if (assetPath.Length == 0)
                {
                    continue;
                }

                var full = UnityPaths.ToFullPath(projectRoot, assetPath);
                if (Directory.Exists(full))
                {
                    foreach (var file in UnityPaths.FilesUnder(projectRoot, assetPath))
                    {
                        if (seen.Add(file)) yield return file;
                    }
                }
                else if (seen.Add(assetPath))
                {
                    yield return assetPath;
                }
            }
        }

        private static void ScanFile(string projectRoot, string assetPath, List<UnityFinding> findings, CancellationToken cancellationToken)
        {
            if (!IsScanned(assetPath))
            {
                return;
            }

            string text;
            try
            {
                text = File.ReadAllText(UnityPaths.ToFullPath(projectRoot, assetPath));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException)
            {
                findings.Add(new UnityFinding(UnityFindingSource.Unreadable, "INW900", assetPath, 0, 0,
                    "could not read this file of the player build, so it was not checked for Inworld credentials (" + e.GetType().Name + ": " + e.Message + ")"));
                return;
            }

            AddFindings(assetPath, text, findings, cancellationToken);
        }

        private static void AddFindings(string assetPath, string text, List<UnityFinding> findings, CancellationToken cancellationToken)
        {
            var fileName = System.IO.Path.GetFileName(assetPath);
            if (LooksBinary(text))
            {
                // Binary-serialized assets (Asset Serialization "Force Binary"), .bytes TextAssets: their printable runs
                // still hold a key as written. Lines mean nothing there, so findings name the file only.
                foreach (var finding in ShippedFileScanner.Scan(PrintableText(text), ShippedFileFormat.KeyValue))
                {
                    findings.Add(new UnityFinding(UnityFindingSource.ShippedAsset, "INW004", assetPath, 0, 0,
                        CredentialNames.DescribeAsSubject(finding.Kind) + " stored in the binary content of shipped file '" + fileName + "' (" + finding.Redacted + "); " + Advice));
                }

                return;
            }

            var format = FormatOf(assetPath, text);
            if (format == ShippedFileFormat.None)
            {
                // Text the readers have no format for: the API-key pass and KEY=value lines still apply.
                format = ShippedFileFormat.KeyValue;
            }

            var lines = new LineMap(text);
            foreach (var finding in ShippedFileScanner.Scan(new StringText(text, lines), format, cancellationToken))
            {
                var (line, column) = lines.Position(finding.Start);
                findings.Add(new UnityFinding(UnityFindingSource.ShippedAsset, "INW004", assetPath, line, column,
                    CredentialNames.DescribeAsSubject(finding.Kind) + " stored in " + finding.Where + " of shipped file '" + fileName + "' (" + finding.Redacted + "); " + Advice));
            }
        }

        private const string Advice = "it is in every copy of the game built with it: remove it, rotate the key, and have the game get a short-lived token from your backend";

        /// <summary>The text with every character that is not printable ASCII, a tab or a line break turned into a line break.</summary>
        private static string PrintableText(string text)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                if (!(c >= ' ' && c < (char)0x7F) && c != '\t' && c != '\n')
                {
                    chars[i] = '\n';
                }
            }

            return new string(chars);
        }

        /// <summary>
        /// The format from the name (the analyzers' table of shipped files), else from the first characters, as INW004
        /// reads a Unity ".additionalfile": Unity serializes many asset types (.mat, .controller, .spriteatlas) as YAML.
        /// </summary>
        internal static ShippedFileFormat FormatOf(string assetPath, string text)
        {
            var byName = ShippedFileFormats.FromPath(assetPath);
            if (byName != ShippedFileFormat.None)
            {
                return byName;
            }

            var start = 0;
            while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF')) start++;
            var head = text.Substring(start, Math.Min(FormatSniffLength, text.Length - start));
            return ShippedFileFormats.FromPathAndContent(assetPath + ShippedFileFormats.UnityAdditionalFileExtension, head);
        }

        /// <summary>NUL characters in the first 8,000 characters: binary serialization or media, not text a reader can parse.</summary>
        private static bool LooksBinary(string text)
        {
            var end = Math.Min(text.Length, 8000);
            for (var i = 0; i < end; i++)
            {
                if (text[i] == '\0') return true;
            }

            return false;
        }

        private sealed class LineMap
        {
            private readonly List<int> _starts = new List<int> { 0 };

            public LineMap(string text)
            {
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '\n') _starts.Add(i + 1);
                }
            }

            public int IndexAt(int position)
            {
                var index = _starts.BinarySearch(position);
                return index >= 0 ? index : ~index - 1;
            }

            /// <summary>One-based line and column.</summary>
            public (int Line, int Column) Position(int offset)
            {
                var index = IndexAt(offset);
                return (index + 1, offset - _starts[index] + 1);
            }
        }

        private sealed class StringText : IShippedFileText
        {
            private readonly string _text;
            private readonly LineMap _lines;

            public StringText(string text, LineMap lines)
            {
                _text = text;
                _lines = lines;
            }

            public int Length => _text.Length;

            public string Read(int start, int length) => _text.Substring(start, length);

            public int LineIndexAt(int position) => _lines.IndexAt(position);
        }
    }
}
