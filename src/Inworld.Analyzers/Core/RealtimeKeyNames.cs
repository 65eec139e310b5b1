using System;
using System.Collections.Generic;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// Which sources hold Realtime-only keys: nothing in the key string tells, only names do. Default: the
    /// name contains "realtime" and "key" (case-insensitive). inworld_analyzers.realtime_key_patterns replaces
    /// the default with comma-separated globs (* and ?); inworld_analyzers.realtime_key_sources lists exact names.
    /// </summary>
    internal sealed class RealtimeKeyNames
    {
        public const string PatternsKey = InworldOptions.RealtimeKeyPatternsKey;
        public const string SourcesKey = InworldOptions.RealtimeKeySourcesKey;

        private readonly string[]? _patterns;
        private readonly HashSet<string> _names;

        private RealtimeKeyNames(string[]? patterns, HashSet<string> names)
        {
            _patterns = patterns;
            _names = names;
        }

        public static RealtimeKeyNames From(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
        {
            string[]? patterns = null;
            if (options.TryGetValue(PatternsKey, out var configured) && !string.IsNullOrWhiteSpace(configured))
            {
                patterns = Split(configured!);
            }

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (options.TryGetValue(SourcesKey, out var listed) && listed != null)
            {
                foreach (var name in Split(listed))
                {
                    names.Add(name);
                }
            }

            return new RealtimeKeyNames(patterns, names);
        }

        public bool IsRealtimeOnly(string name)
        {
            if (_names.Contains(name))
            {
                return true;
            }

            if (_patterns == null)
            {
                return name.IndexOf("realtime", StringComparison.OrdinalIgnoreCase) >= 0 && name.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0;
            }

            foreach (var pattern in _patterns)
            {
                if (GlobMatches(pattern, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static string[] Split(string value)
        {
            var parts = value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries);
            var result = new List<string>();
            foreach (var part in parts)
            {
                if (part.Trim().Length > 0) result.Add(part.Trim());
            }

            return result.ToArray();
        }

        /// <summary>Case-insensitive glob with * and ?, by backtracking over the two strings (no regex).</summary>
        public static bool GlobMatches(string pattern, string text)
        {
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = t;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++mark;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }
    }
}
