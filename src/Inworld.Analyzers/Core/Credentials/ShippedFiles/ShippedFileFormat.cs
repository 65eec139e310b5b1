using System;
using System.IO;

namespace Inworld.Analyzers.Core.ShippedFiles
{
    /// <summary>The file formats INW004 reads.</summary>
    internal enum ShippedFileFormat
    {
        None = 0,

        /// <summary>appsettings*.json, launchSettings.json, any *.json.</summary>
        Json,

        /// <summary>.env, *.env, .env.local, INI-style KEY=value files.</summary>
        KeyValue,

        /// <summary>*.config (App.config, Web.config, NuGet.config): XML.</summary>
        XmlConfig,

        /// <summary>Unity's serialized YAML: *.asset, *.prefab, *.unity.</summary>
        UnityYaml,
    }

    internal static class ShippedFileFormats
    {
        /// <summary>
        /// Unity hands analyzers only files named "Name.[AnalyzerName].additionalfile" (see docs/unity.md).
        /// A known name before it ("x.asset.additionalfile") decides the format; otherwise the content does.
        /// </summary>
        public const string UnityAdditionalFileExtension = ".additionalfile";

        /// <summary>A file INW004 reads: one of the known settings formats by name, or a Unity ".additionalfile" (format by content).</summary>
        public static bool IsShippedFile(string path)
            => FromPath(path) != ShippedFileFormat.None || path.EndsWith(UnityAdditionalFileExtension, StringComparison.OrdinalIgnoreCase);

        /// <summary>The format from the name, or for a Unity ".additionalfile" with no telling name, from the first characters.</summary>
        public static ShippedFileFormat FromPathAndContent(string? path, string? text)
        {
            var byName = FromPath(path);
            if (byName != ShippedFileFormat.None || path == null || text == null ||
                !path.EndsWith(UnityAdditionalFileExtension, StringComparison.OrdinalIgnoreCase))
            {
                return byName;
            }

            var i = 0;
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF')) i++;
            if (i >= text.Length)
            {
                return ShippedFileFormat.None;
            }

            if (string.CompareOrdinal(text, i, "%YAML", 0, 5) == 0 || string.CompareOrdinal(text, i, "--- !u!", 0, 7) == 0)
            {
                return ShippedFileFormat.UnityYaml;
            }

            switch (text[i])
            {
                case '{':
                case '[':
                    return ShippedFileFormat.Json;
                case '<':
                    return ShippedFileFormat.XmlConfig;
                default:
                    return ShippedFileFormat.KeyValue;
            }
        }

        /// <summary>Tells a file's format from its name alone (the first row of <see cref="ShippedFilePatterns.All"/> whose name pattern matches); <see cref="ShippedFileFormat.None"/> for names INW004 does not read.</summary>
        public static ShippedFileFormat FromPath(string? path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return ShippedFileFormat.None;
            }

            var name = Path.GetFileName(path!);
            if (name.EndsWith(UnityAdditionalFileExtension, StringComparison.OrdinalIgnoreCase))
            {
                name = name.Substring(0, name.Length - UnityAdditionalFileExtension.Length);
            }

            if (name.Length == 0)
            {
                return ShippedFileFormat.None;
            }

            foreach (var pattern in ShippedFilePatterns.All)
            {
                if (pattern.MatchesName(name))
                {
                    return pattern.Format;
                }
            }

            return ShippedFileFormat.None;
        }
    }
}
