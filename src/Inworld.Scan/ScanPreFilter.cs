using System;
using System.Collections.Generic;
using System.Linq;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.ShippedFiles;

namespace Inworld.Scan
{
    /// <summary>
    /// Decides, from the text of one compilation's C# files, whether the scanner must parse and analyse it: the
    /// scanner's form of the analyzers' compilation screen (CompilationScreen), decided before anything is parsed.
    /// <list type="bullet">
    /// <item><b>None</b> when no file names Inworld or holds a key or a pair in a literal, no file holds a live join
    /// (<see cref="SourceScan.LiveJoins"/>), no string.Concat call or '+' joins a fragment's name to a value the rules may know, no
    /// Inworld option is invalid (INW900), no Razor file is compiled, and either the code is not client code (per-file
    /// project kinds included) or no file writes an Authorization word (INW002): the analyzers would report
    /// nothing in such a compilation's code (its compilation screen admits no type), so it is neither parsed nor
    /// analysed.</item>
    /// <item><b>All</b> otherwise: every file, parsed and analysed as before.</item>
    /// </list>
    /// PreFilterEquivalence (tests) runs every analyzer test input through this choice and requires the same findings
    /// as a full analysis.
    /// </summary>
    internal static class ScanPreFilter
    {
        /// <param name="invalidOption">
        /// An Inworld option of the compilation is not valid (INW900). Valid options add no finding to code that names
        /// Inworld nowhere: the names of keys, variables and endpoints they set only matter next to Inworld code, and a
        /// per-file project kind is part of <paramref name="mayBeClient"/>.
        /// </param>
        public static Choice Choose(IReadOnlyList<string> texts, IReadOnlyList<SourceScan> scans, bool invalidOption, bool mayBeClient, bool hasRazor)
        {
            if (hasRazor)
            {
                return Choice.All("Razor files");
            }

            if (invalidOption)
            {
                return Choice.All("an Inworld option is not valid (INW900)");
            }

            var carriers = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < scans.Count; i++)
            {
                var scan = scans[i];
                if (scan.NamesInworld)
                {
                    return Choice.All("a file names Inworld");
                }

                if (scan.HoldsCredentialText)
                {
                    return Choice.All("a file holds a key or a key pair");
                }

                if (mayBeClient && TreeFacts.ContainsAnyWord(texts[i], 0, texts[i].Length))
                {
                    return Choice.All("client code writes an Authorization word");
                }

                carriers.UnionWith(scan.Carriers);
            }

            // The names whose values decide a join: those across the bound joins and across the '+' next to a
            // fragment's name. A join is live only when every one of them is a name some file gives a known value.
            var carrierNames = new SourceScan.CarrierNames(carriers);
            var carrierJoins = new List<(int Position, string? Other)>[scans.Count];
            var wantedNames = SourceScan.BoundNames(scans);
            if (carrierNames.Count > 0)
            {
                for (var i = 0; i < scans.Count; i++)
                {
                    carrierJoins[i] = scans[i].CarrierJoins(carrierNames);
                    foreach (var join in carrierJoins[i])
                    {
                        if (join.Other != null)
                        {
                            wantedNames.Add(join.Other);
                        }
                    }
                }
            }

            var knownNames = SourceScan.KnownAmong(scans, wantedNames);

            var chosen = new List<int>();
            for (var i = 0; i < scans.Count; i++)
            {
                if (scans[i].LiveJoins(knownNames).Length > 0 ||
                    (carrierJoins[i] != null && carrierJoins[i].Any(j => j.Other == null || knownNames.Contains(j.Other))))
                {
                    chosen.Add(i);
                }
            }

            // A join needs what it binds against, which the text alone cannot tell: the whole compilation is analysed
            // (its analyzers then look only at the types that hold a join).
            return chosen.Count == 0 ? Choice.None : Choice.All(chosen.Count + " file(s) join a literal to a value");
        }

        /// <summary>
        /// Could INW004 find anything in this shipped file? The analyzer's own reading (format from the path and the first
        /// characters, then ShippedFileScanner), without its per-file options, which can only drop findings.
        /// </summary>
        public static bool ShippedFileMayHoldFinding(string path, string text)
        {
            if (!ShippedFileFormats.IsShippedFile(path))
            {
                return false;
            }

            var contentStart = 0;
            while (contentStart < text.Length && (char.IsWhiteSpace(text[contentStart]) || text[contentStart] == '\uFEFF')) contentStart++;
            var format = ShippedFileFormats.FromPathAndContent(path, text.Substring(contentStart, Math.Min(text.Length - contentStart, 4096)));
            return format != ShippedFileFormat.None && ShippedFileScanner.Scan(text, format).Count > 0;
        }

        /// <summary>Whether a compilation must be parsed and analysed, and why.</summary>
        internal sealed class Choice
        {
            private Choice(string? allReason)
            {
                AllReason = allReason;
            }

            /// <summary>Nothing in the compilation's code can hold a finding: it is neither parsed nor analysed.</summary>
            public static Choice None { get; } = new Choice(null);

            /// <summary>Why every file is analysed; null when none is.</summary>
            public string? AllReason { get; }

            public bool IsNone => AllReason == null;

            public static Choice All(string reason) => new Choice(reason);
        }
    }
}
