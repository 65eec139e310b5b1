using System;
using System.Collections.Generic;

namespace Inworld.Analyzers.Core
{
    internal enum ConfigProblemKind
    {
        /// <summary>A known option with a value that cannot be used.</summary>
        InvalidValue,

        /// <summary>An inworld* key that is not an option (a misspelling, most of the time).</summary>
        UnknownKey,

        /// <summary>An option before the first section of an .editorconfig: the compiler applies it to no file.</summary>
        OutsideSection,

        /// <summary>A line about inworld options that is not "key = value": the compiler drops it.</summary>
        Unparsed,
    }

    /// <summary>One problem found in a config file, at <see cref="Line"/>.</summary>
    internal readonly struct ConfigProblem
    {
        public ConfigProblem(ConfigProblemKind kind, ConfigLine line, OptionDefinition? definition, string? suggestion)
        {
            Kind = kind;
            Line = line;
            Definition = definition;
            Suggestion = suggestion;
        }

        public ConfigProblemKind Kind { get; }

        public ConfigLine Line { get; }

        /// <summary>The option, for <see cref="ConfigProblemKind.InvalidValue"/> and <see cref="ConfigProblemKind.OutsideSection"/> of a known key.</summary>
        public OptionDefinition? Definition { get; }

        /// <summary>The closest known key, for <see cref="ConfigProblemKind.UnknownKey"/>; null when none is close.</summary>
        public string? Suggestion { get; }

        /// <summary>The INW900 message arguments: what is wrong ({0}) and why ({1}), never echoing a long value.</summary>
        public (string Subject, string Problem) MessageArguments()
        {
            switch (Kind)
            {
                case ConfigProblemKind.InvalidValue:
                    return (Definition!.DisplayName, InvalidValueText(Line.Value, Definition.Expected, Definition.Default));
                case ConfigProblemKind.UnknownKey:
                    return (ConfigFileCheck.ShortenKey(Line.Key), "is not an Inworld.Analyzers option and is ignored" +
                        (Suggestion == null ? "; see the list of options in the INW900 documentation" : "; did you mean '" + Suggestion + "'?"));
                case ConfigProblemKind.OutsideSection:
                    return (ConfigFileCheck.ShortenKey(Line.Key), "is before the first [section] of this .editorconfig, where it applies to no file, and is ignored; " +
                        "put it under a section such as [*.cs], or in a global config (is_global = true)");
                default:
                    return (ConfigFileCheck.ShortenKey(Line.Key), "is not a 'key = value' line and is ignored: a key has only letters, digits, '_', '-' and '.', then '=' or ':'");
            }
        }

        /// <summary>The text of an invalid value, the same for a located and an unlocated report.</summary>
        public static string InvalidValueText(string value, string expected, string fallback)
            => "has an invalid value '" + ConfigFileCheck.ShortenValue(value) + "': expected " + expected + "; using '" + fallback + "'";
    }

    /// <summary>
    /// Checks the inworld options written in one config file: every known key's value, keys that are not options
    /// (with the closest valid key), options the compiler ignores because of where they are. Roslyn-free: the
    /// analyzer and any host can run it over a file's text.
    /// </summary>
    internal static class ConfigFileCheck
    {
        /// <summary>Keys this long are shown redacted: a key cannot hold '=' but could still be pasted text.</summary>
        private const int LongestShownKey = 48;

        /// <summary>A mistyped option could hold anything, even a pasted key: values beyond this are redacted.</summary>
        private const int LongestShownValue = 24;

        /// <summary>Beyond this, no closest key is searched (edit distance is quadratic).</summary>
        private const int LongestComparedKey = 128;

        public static List<ConfigProblem> Check(ConfigFileText file)
        {
            var problems = new List<ConfigProblem>();
            foreach (var line in file.Lines)
            {
                if (!StartsWithInworld(line.Key))
                {
                    continue;
                }

                if (line.Kind == ConfigLineKind.Unparsed)
                {
                    problems.Add(new ConfigProblem(ConfigProblemKind.Unparsed, line, null, null));
                    continue;
                }

                var definition = InworldOptions.Find(line.Key);
                if (definition == null || !definition.Key.StartsWith(InworldOptions.Prefix, StringComparison.Ordinal))
                {
                    problems.Add(new ConfigProblem(ConfigProblemKind.UnknownKey, line, null, ClosestKnownKey(line.Key)));
                }
                else if (line.Section == null && !file.IsGlobal)
                {
                    problems.Add(new ConfigProblem(ConfigProblemKind.OutsideSection, line, definition, null));
                }
                else if (!definition.IsValid(line.Value))
                {
                    problems.Add(new ConfigProblem(ConfigProblemKind.InvalidValue, line, definition, null));
                }
            }

            return problems;
        }

        /// <summary>
        /// The known inworld_analyzers.* key nearest to <paramref name="key"/>, by edit distance over the whole key
        /// and over the part after the first '.', so that a misspelled prefix (inworld_analysers.project_kind,
        /// inworld.project_kind) is matched too. Null when nothing is close enough to be a likely typo.
        /// </summary>
        public static string? ClosestKnownKey(string key)
        {
            if (key.Length > LongestComparedKey)
            {
                return null;
            }

            var lowered = key.ToLowerInvariant();
            var dot = lowered.IndexOf('.');
            var name = dot >= 0 ? lowered.Substring(dot + 1) : lowered;
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var known in InworldOptions.KnownKeys)
            {
                var knownName = known.Substring(InworldOptions.Prefix.Length);
                var distance = Math.Min(EditDistance(lowered, known), EditDistance(name, knownName));

                // A typo, not another word: at most a third of the option's own name may differ.
                if (distance <= Math.Max(2, knownName.Length / 3) && distance < bestDistance)
                {
                    best = known;
                    bestDistance = distance;
                }
            }

            return best;
        }

        /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
        public static int EditDistance(string a, string b)
        {
            var previous2 = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        best = Math.Min(best, previous2[j - 2] + 1);
                    }

                    current[j] = best;
                }

                var recycled = previous2;
                previous2 = previous;
                previous = current;
                current = recycled;
            }

            return previous[b.Length];
        }

        public static string ShortenKey(string key) => key.Length <= LongestShownKey ? key : CredentialShape.Redact(key);

        public static string ShortenValue(string value) => value.Length <= LongestShownValue ? value : CredentialShape.Redact(value);

        /// <summary>Keys of this package start with "inworld" (any case): other tools' keys are not ours to judge.</summary>
        private static bool StartsWithInworld(string key) => key.StartsWith("inworld", StringComparison.OrdinalIgnoreCase);
    }
}
