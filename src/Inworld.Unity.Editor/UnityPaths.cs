using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Inworld.Analyzers.Core.ShippedFiles;

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
            // Asked once per package asset of a build: a listing filtered by the package's name, not of the whole cache.
            var cache = System.IO.Path.Combine(projectRoot, "Library", "PackageCache");
            if (Directory.Exists(cache))
            {
                var exact = System.IO.Path.Combine(cache, name);
                if (Directory.Exists(exact))
                {
                    return exact;
                }

                var versions = Directory.GetDirectories(cache, name + "@*");
                if (versions.Length > 0)
                {
                    return versions.OrderBy(d => d, StringComparer.Ordinal).First();
                }
            }

            return ManifestFilePackage(projectRoot, name);
        }

        /// <summary>The packages of Library/PackageCache (folders named &lt;name&gt;@&lt;version or hash&gt;), as (name, folder), in ordinal order.</summary>
        private static IEnumerable<KeyValuePair<string, string>> CachedPackages(string projectRoot)
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
                yield return new KeyValuePair<string, string>(at < 0 ? folderName : folderName.Substring(0, at), folder);
            }
        }

        /// <summary>
        /// The folder of a "name": "file:path" dependency of Packages/manifest.json (relative to Packages/), if any. Read with
        /// the credential core's forgiving JSON reader (comments and trailing commas allowed; malformed input ends the read).
        /// </summary>
        private static string? ManifestFilePackage(string projectRoot, string name)
        {
            var manifest = System.IO.Path.Combine(projectRoot, "Packages", "manifest.json");
            if (!File.Exists(manifest))
            {
                return null;
            }

            foreach (var entry in new JsonSettingsReader().Read(File.ReadAllText(manifest)))
            {
                if (entry.Container == "dependencies" && entry.Name == name && entry.Value.StartsWith("file:", StringComparison.Ordinal))
                {
                    var path = entry.Value.Substring("file:".Length).Replace('/', System.IO.Path.DirectorySeparatorChar);
                    return System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(projectRoot, "Packages", path));
                }
            }

            return null;
        }

        /// <summary>
        /// Every installed (not embedded) package's files, as AssetDatabase names them ("Packages/&lt;name&gt;/..."), .meta files
        /// left out: the packages of Library/PackageCache.
        /// </summary>
        public static IEnumerable<string> InstalledPackageFiles(string projectRoot)
        {
            foreach (var package in CachedPackages(projectRoot))
            {
                if (Directory.Exists(System.IO.Path.Combine(projectRoot, "Packages", package.Key)))
                {
                    // An embedded copy of the package takes the installed one's place.
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(package.Value, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (!file.EndsWith(".meta", StringComparison.OrdinalIgnoreCase))
                    {
                        yield return "Packages/" + package.Key + "/" + file.Substring(package.Value.Length).TrimStart('/', '\\').Replace('\\', '/');
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
