using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Inworld.Scan.UnityShipping
{
    /// <summary>Gives every INW004 finding inside a Unity project its shipping verdict (see <see cref="UnityShippingAnalysis"/>).</summary>
    internal static class ShippingFindings
    {
        private const string ShippedFileRule = "INW004";

        /// <summary>
        /// The findings, INW004 ones in a Unity project with <see cref="Finding.ShipsInPlayer"/> set and said in the message.
        /// A project's analysis runs only when it has such a finding: without one there is nothing to decide.
        /// </summary>
        public static List<Finding> Annotate(List<Finding> findings, IReadOnlyList<string> unityRoots, ScanTarget target, ScanProblems problems, Action<string> progress)
        {
            if (unityRoots.Count == 0 || !findings.Any(f => f.Id == ShippedFileRule && f.Path != null))
            {
                return findings;
            }

            var analyses = new Dictionary<string, UnityShippingAnalysis>(StringComparer.Ordinal);
            var annotated = new List<Finding>(findings.Count);
            foreach (var finding in findings)
            {
                var root = finding.Id == ShippedFileRule && finding.Path != null ? ProjectOf(finding.Path, unityRoots) : null;
                if (root == null)
                {
                    annotated.Add(finding);
                    continue;
                }

                if (!analyses.TryGetValue(root, out var analysis))
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    analyses[root] = analysis = new UnityShippingAnalysis(
                        root,
                        target.MetaFiles.Where(m => ProjectOf(m, unityRoots) == root),
                        target.ShippedFiles.Where(f => ProjectOf(f, unityRoots) == root),
                        problems);
                    progress(string.Format(
                        System.Globalization.CultureInfo.InvariantCulture,
                        "what ships in the player of {0}: {1}, {2} in the player by Build Settings, Resources/, Addressables and references, in {3:0.0} s",
                        root == target.Root ? "the Unity project" : Reports.DisplayPath(root),
                        Wording.Count(analysis.MetaFileCount, ".meta file", ".meta files"),
                        Wording.Count(analysis.ShippedCount, "file", "files"),
                        watch.Elapsed.TotalSeconds));
                }

                var verdict = analysis.VerdictFor(finding.Path!);
                annotated.Add(finding.WithShipping(verdict.ShipsInPlayer, verdict.Reason));
            }

            return annotated;
        }

        /// <summary>The innermost Unity project folder holding <paramref name="path"/>, or null.</summary>
        public static string? ProjectOf(string path, IReadOnlyList<string> unityRoots)
        {
            string? best = null;
            foreach (var root in unityRoots)
            {
                var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
                if (path.StartsWith(prefix, StringComparison.Ordinal) && (best == null || root.Length > best.Length))
                {
                    best = root;
                }
            }

            return best;
        }
    }
}
