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

        /// <summary>
        /// The file behind an asset path. "Packages/&lt;name&gt;/..." names a package the way AssetDatabase does: an embedded
        /// package is in the project's Packages/ folder; one the Package Manager installed (registry, git, tarball) is in
        /// Library/PackageCache/&lt;name&gt;@&lt;version or hash&gt;/. A "file:" package of Packages/manifest.json is where that
        /// path points. Reading the wrong place would call a package asset unreadable, or skip it.
        /// </summary>
        public static string ToFullPath(string projectRoot, string assetPath)
        {
            var normalized = Normalize(assetPath);
            var direct = System.IO.Path.Combine(projectRoot, normalized.Replace('/', System.IO.Path.DirectorySeparatorChar));
            const string Packages = "Packages/";
            if (!normalized.StartsWith(Packages, StringComparison.Ordinal) || File.Exists(direct) || Directory.Exists(direct))
            {
                return direct;
            }

            var slash = normalized.IndexOf('/', Packages.Length);
            var name = slash < 0 ? normalized.Substring(Packages.Length) : normalized.Substring(Packages.Length, slash - Packages.Length);
            var folder = InstalledPackageFolder(projectRoot, name);
            if (folder == null)
            {
                return direct;
            }

            return slash < 0 ? folder : System.IO.Path.Combine(folder, normalized.Substring(slash + 1).Replace('/', System.IO.Path.DirectorySeparatorChar));
        }

        /// <summary>Where the Package Manager keeps an installed (not embedded) package: Library/PackageCache, or a "file:" path of the manifest.</summary>
        public static string? InstalledPackageFolder(string projectRoot, string name)
        {
            var cache = System.IO.Path.Combine(projectRoot, "Library", "PackageCache");
            if (Directory.Exists(cache))
            {
                foreach (var candidate in Directory.EnumerateDirectories(cache).OrderBy(d => d, StringComparer.Ordinal))
                {
                    var folderName = System.IO.Path.GetFileName(candidate);
                    if (folderName.Equals(name, StringComparison.Ordinal) || folderName.StartsWith(name + "@", StringComparison.Ordinal))
                    {
                        return candidate;
                    }
                }
            }

            return ManifestFilePackage(projectRoot, name);
        }

        /// <summary>The folder of a "name": "file:path" dependency of Packages/manifest.json (relative to Packages/), if any.</summary>
        private static string? ManifestFilePackage(string projectRoot, string name)
        {
            var manifest = System.IO.Path.Combine(projectRoot, "Packages", "manifest.json");
            if (!File.Exists(manifest))
            {
                return null;
            }

            var text = File.ReadAllText(manifest);
            var key = "\"" + name + "\"";
            var at = text.IndexOf(key, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            var open = text.IndexOf('"', text.IndexOf(':', at + key.Length) + 1);
            var close = open < 0 ? -1 : text.IndexOf('"', open + 1);
            if (close < 0)
            {
                return null;
            }

            var value = text.Substring(open + 1, close - open - 1);
            if (!value.StartsWith("file:", StringComparison.Ordinal))
            {
                return null;
            }

            var path = value.Substring("file:".Length).Replace('/', System.IO.Path.DirectorySeparatorChar);
            return System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(projectRoot, "Packages", path));
        }

        /// <summary>
        /// Every installed (not embedded) package's files, as AssetDatabase names them ("Packages/&lt;name&gt;/..."), .meta files
        /// left out: the packages of Library/PackageCache.
        /// </summary>
        public static IEnumerable<string> InstalledPackageFiles(string projectRoot)
        {
            var cache = System.IO.Path.Combine(projectRoot, "Library", "PackageCache");
            if (!Directory.Exists(cache))
            {
                yield break;
            }

            foreach (var folder in Directory.EnumerateDirectories(cache).OrderBy(d => d, StringComparer.Ordinal))
            {
                var folderName = System.IO.Path.GetFileName(folder);
                var at = folderName.IndexOf('@');
                var name = at < 0 ? folderName : folderName.Substring(0, at);
                if (Directory.Exists(System.IO.Path.Combine(projectRoot, "Packages", name)))
                {
                    // An embedded copy of the package takes the installed one's place.
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (!file.EndsWith(".meta", StringComparison.OrdinalIgnoreCase))
                    {
                        yield return "Packages/" + name + "/" + file.Substring(folder.Length).TrimStart('/', '\\').Replace('\\', '/');
                    }
                }
            }
        }

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
