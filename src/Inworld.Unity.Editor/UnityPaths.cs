using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Inworld.Unity.Editor
{
    /// <summary>Project-relative asset paths ("Assets/Resources/x.asset", '/' separators) and the files behind them.</summary>
    public static class UnityPaths
    {
        public static string Normalize(string? assetPath)
            => (assetPath ?? string.Empty).Trim().Replace('\\', '/').TrimEnd('/');

        public static string ToFullPath(string projectRoot, string assetPath)
            => System.IO.Path.Combine(projectRoot, Normalize(assetPath).Replace('/', System.IO.Path.DirectorySeparatorChar));

        /// <summary>Every file under a project folder, as asset paths, .meta files left out, in ordinal order.</summary>
        public static IEnumerable<string> FilesUnder(string projectRoot, string folderAssetPath)
        {
            var folder = ToFullPath(projectRoot, folderAssetPath);
            if (!Directory.Exists(folder))
            {
                return Array.Empty<string>();
            }

            var prefix = Normalize(folderAssetPath) + "/";
            return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".meta", StringComparison.OrdinalIgnoreCase))
                .Select(f => prefix + f.Substring(folder.Length).TrimStart('/', '\\').Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }
    }
}
