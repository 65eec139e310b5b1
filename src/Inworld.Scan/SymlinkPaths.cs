using System;
using System.Collections.Generic;
using System.IO;

namespace Inworld.Scan
{
    /// <summary>Real paths, with every symlink (or junction) along the way resolved, to follow symlinked folders without loops.</summary>
    internal static class SymlinkPaths
    {
        /// <summary>As the kernel allows (ELOOP).</summary>
        private const int MaxLinkHops = 40;

        private static readonly char[] Separators = { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };

        /// <summary>The path with each component that is a link replaced by its target, repeatedly; throws IOException on a loop.</summary>
        public static string RealPath(string path)
        {
            var full = Path.GetFullPath(path);
            for (var hops = 0; ; hops++)
            {
                if (hops > MaxLinkHops)
                {
                    throw new IOException("too many levels of symbolic links at " + path);
                }

                var root = Path.GetPathRoot(full) ?? string.Empty;
                var parts = full.Substring(root.Length).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
                var current = root;
                string? restart = null;
                for (var i = 0; i < parts.Length; i++)
                {
                    var next = Path.Combine(current, parts[i]);
                    var target = new DirectoryInfo(next).LinkTarget;
                    if (target != null)
                    {
                        // A relative target is relative to the folder holding the link, which is already real here.
                        var rest = new List<string> { Path.GetFullPath(Path.Combine(current, target)) };
                        for (var j = i + 1; j < parts.Length; j++) rest.Add(parts[j]);
                        restart = Path.Combine(rest.ToArray());
                        break;
                    }

                    current = next;
                }

                if (restart == null)
                {
                    return current.Length > root.Length ? current.TrimEnd(Separators) : current;
                }

                full = restart;
            }
        }

        public static bool IsSameOrUnder(string path, string folder)
        {
            var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var trimmed = folder.TrimEnd(Separators);
            return string.Equals(path, trimmed, comparison) ||
                   path.StartsWith(trimmed + Path.DirectorySeparatorChar, comparison);
        }
    }
}
