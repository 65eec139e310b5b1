using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Inworld.Scan
{
    /// <summary>
    /// One .gitignore-style pattern: "*" within a path segment, "?" one character, "**" any number of
    /// segments, "[abc]" classes, a leading "/" or an inner "/" anchors to the base folder, a trailing "/"
    /// matches folders only, a leading "!" re-includes. Paths are relative, with '/' separators.
    /// </summary>
    internal sealed class GlobPattern
    {
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

        private readonly Regex _regex;

        private GlobPattern(Regex regex, bool negated, bool directoryOnly)
        {
            _regex = regex;
            IsNegated = negated;
            DirectoryOnly = directoryOnly;
        }

        public bool IsNegated { get; }
        public bool DirectoryOnly { get; }

        /// <summary>Null for blank lines and comments.</summary>
        public static GlobPattern? Parse(string line)
        {
            var pattern = line.TrimEnd('\r');
            if (pattern.Trim().Length == 0 || pattern.StartsWith("#", StringComparison.Ordinal))
            {
                return null;
            }

            pattern = pattern.TrimEnd(' ');
            var negated = false;
            if (pattern.StartsWith("!", StringComparison.Ordinal))
            {
                negated = true;
                pattern = pattern.Substring(1);
            }
            else if (pattern.StartsWith("\\!", StringComparison.Ordinal) || pattern.StartsWith("\\#", StringComparison.Ordinal))
            {
                pattern = pattern.Substring(1);
            }

            var directoryOnly = pattern.EndsWith("/", StringComparison.Ordinal);
            pattern = pattern.TrimEnd('/');
            if (pattern.Length == 0)
            {
                return null;
            }

            var anchored = pattern.IndexOf('/') >= 0;
            pattern = pattern.TrimStart('/');
            if (pattern.StartsWith("**/", StringComparison.Ordinal))
            {
                anchored = false;
                pattern = pattern.Substring(3);
            }

            var regex = new StringBuilder("^");
            if (!anchored)
            {
                regex.Append("(?:.*/)?");
            }

            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '*')
                {
                    if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                    {
                        var slashAfter = i + 2 < pattern.Length && pattern[i + 2] == '/';
                        regex.Append(slashAfter ? "(?:.*/)?" : ".*");
                        i += slashAfter ? 2 : 1;
                    }
                    else
                    {
                        regex.Append("[^/]*");
                    }
                }
                else if (c == '?')
                {
                    regex.Append("[^/]");
                }
                else if (c == '[')
                {
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append("\\[");
                        continue;
                    }

                    var set = pattern.Substring(i + 1, close - i - 1).Replace("\\", "\\\\");
                    if (set.StartsWith("!", StringComparison.Ordinal)) set = "^" + set.Substring(1);
                    regex.Append('[').Append(set).Append(']');
                    i = close;
                }
                else if (c == '\\' && i + 1 < pattern.Length)
                {
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                }
                else
                {
                    regex.Append(Regex.Escape(c.ToString()));
                }
            }

            // A pattern naming a folder also covers everything inside it.
            regex.Append("(?:/.*)?$");
            try
            {
                return new GlobPattern(new Regex(regex.ToString(), RegexOptions.CultureInvariant, MatchTimeout), negated, directoryOnly);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        /// <summary>Does the pattern match <paramref name="relativePath"/> ('/'-separated, relative to the pattern's base)?</summary>
        public bool Matches(string relativePath, bool isDirectory)
        {
            if (DirectoryOnly && !isDirectory && relativePath.IndexOf('/') < 0)
            {
                return false;
            }

            try
            {
                return _regex.IsMatch(relativePath);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
