using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Scan
{
    /// <summary>
    /// Where a finding's text is: the syntax tree or additional file the analyzers read (so a scan of content
    /// that is not the working tree, such as the git index, is fingerprinted from what was scanned) and the
    /// diagnostic's span in it.
    /// </summary>
    internal sealed class FindingSource
    {
        private readonly Func<SourceText?> _read;

        private FindingSource(Func<SourceText?> read, TextSpan span)
        {
            _read = read;
            Span = span;
        }

        public TextSpan Span { get; }

        public SourceText? Read() => _read();

        /// <summary>Null when the diagnostic is not in the text it is reported at (a Razor projection mapped to its .razor file, a project-level diagnostic): the file is then read.</summary>
        public static FindingSource? Of(Diagnostic diagnostic, string? path, IEnumerable<AdditionalText> additionalFiles)
        {
            var location = diagnostic.Location;
            if (path == null)
            {
                return null;
            }

            if (location.IsInSource && string.Equals(location.SourceTree!.FilePath, path, StringComparison.Ordinal))
            {
                var tree = location.SourceTree;
                return new FindingSource(() => tree.GetText(), location.SourceSpan);
            }

            if (location.Kind == LocationKind.ExternalFile)
            {
                var file = additionalFiles.FirstOrDefault(a => string.Equals(a.Path, path, StringComparison.Ordinal));
                if (file != null)
                {
                    return new FindingSource(() => file.GetText(), location.SourceSpan);
                }
            }

            return null;
        }
    }

    /// <summary>What --baseline made of this run's findings.</summary>
    internal sealed class BaselineOutcome
    {
        private readonly HashSet<Finding> _suppressed;

        public BaselineOutcome(BaselineFile baseline, HashSet<Finding> suppressed, List<BaselineEntry> stale)
        {
            Baseline = baseline;
            _suppressed = suppressed;
            Stale = stale;
        }

        public BaselineFile Baseline { get; }

        public int SuppressedCount => _suppressed.Count;

        /// <summary>Entries no finding of this run matched: the finding was removed (or its file renamed). They do not fail the run.</summary>
        public IReadOnlyList<BaselineEntry> Stale { get; }

        public bool IsSuppressed(Finding finding) => _suppressed.Contains(finding);

        /// <summary>The SARIF suppression justification: names the baseline file.</summary>
        public string Justification => "Accepted in the inworld-scan baseline " + BaselineDisplayPath + " (--baseline)";

        public string BaselineDisplayPath => Reports.DisplayPath(Baseline.FullPath).Replace('\\', '/');

        /// <summary>"stale baseline entry: INW001 in src/App/Program.cs (line 1 when recorded) no longer matches a finding".</summary>
        public string StaleMessage(BaselineEntry entry)
            => "stale baseline entry: " + entry.Rule + (entry.Path == null ? " (no file)" : " in " + entry.Path) +
               (entry.Line > 0 ? " (line " + entry.Line + " when recorded)" : string.Empty) +
               " no longer matches a finding; rewrite " + BaselineDisplayPath + " with --write-baseline to drop it";

        /// <summary>The stale entry's file, as a full path (for SARIF locations), or null.</summary>
        public string? StalePath(BaselineEntry entry)
            => entry.Path == null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(Baseline.Root, entry.Path));

        /// <summary>"; baseline: 2 findings suppressed, 1 stale entry" for the summary line.</summary>
        public string Summary()
            => "; baseline " + BaselineDisplayPath + ": " + Wording.Count(SuppressedCount, "finding suppressed", "findings suppressed") + ", " + Wording.Count(Stale.Count, "stale entry", "stale entries");
    }

    /// <summary>
    /// Turns findings into baseline entries and matches them back. A finding is the same as an entry when rule,
    /// path and the digest of its value agree. The digest of its line's trimmed text (and the recorded line
    /// number, nearest first) only decides which entry pairs with which finding: an accepted key whose line
    /// moved or was edited around it still matches, a second copy of it in the same file is a new finding.
    /// </summary>
    internal static class BaselineMatcher
    {
        public static List<BaselineEntry> EntriesFor(BaselineFile baseline, IReadOnlyList<Finding> findings, ScanProblems problems)
        {
            var texts = new Dictionary<string, SourceText?>(StringComparer.Ordinal);
            return findings.Select(f => EntryFor(baseline, f, texts, problems)).ToList();
        }

        public static BaselineOutcome Apply(BaselineFile baseline, IReadOnlyList<Finding> findings, ScanProblems problems)
        {
            var current = EntriesFor(baseline, findings, problems);
            var unused = baseline.Entries.ToList();
            var suppressed = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
            var pending = Enumerable.Range(0, findings.Count).ToList();

            // First the entries whose line text is unchanged, then the ones whose line was edited.
            foreach (var sameContext in new[] { true, false })
            {
                foreach (var index in pending.ToList())
                {
                    var entry = current[index];
                    var match = unused
                        .Where(e => e.Rule == entry.Rule && e.Path == entry.Path && e.ValueHash == entry.ValueHash && (!sameContext || e.ContextHash == entry.ContextHash))
                        .OrderBy(e => Math.Abs(e.Line - entry.Line))
                        .FirstOrDefault();
                    if (match != null)
                    {
                        unused.Remove(match);
                        suppressed.Add(findings[index]);
                        pending.Remove(index);
                    }
                }
            }

            return new BaselineOutcome(baseline, suppressed, unused);
        }

        private static BaselineEntry EntryFor(BaselineFile baseline, Finding finding, Dictionary<string, SourceText?> texts, ScanProblems problems)
        {
            if (finding.Path == null)
            {
                // A project-level finding (INW900 with no file): its message names the option, never a value.
                return new BaselineEntry(finding.Id, null, 0, baseline.Hash("message", finding.Message), baseline.Hash("line", string.Empty));
            }

            if (!texts.TryGetValue(finding.Path, out var text))
            {
                text = finding.Source?.Read() ?? FileContent.Read(finding.Path, problems);
                if (text == null)
                {
                    // FileContent has named the file as an error: the run exits 2 and writes no baseline.
                    problems.Error(finding.Path, "cannot fingerprint this finding for the baseline: the file could not be read again");
                }

                texts[finding.Path] = text;
            }

            var span = text == null ? default : SpanOf(finding, text);
            var context = text == null ? string.Empty : text.Lines.GetLineFromPosition(span.Start).ToString().Trim();
            // A finding with no span (a config file problem, reported at column 1) is told apart by its message,
            // which names the option or severity; messages only ever show a value redacted.
            var valueHash = span.IsEmpty ? baseline.Hash("message", finding.Message) : baseline.Hash("value", text!.ToString(span));
            return new BaselineEntry(finding.Id, baseline.RelativePath(finding.Path), finding.Line, valueHash, baseline.Hash("line", context));
        }

        /// <summary>The diagnostic's own span when it is in this text, else the reported line and columns (clamped to the text).</summary>
        private static TextSpan SpanOf(Finding finding, SourceText text)
        {
            if (finding.Source != null && finding.Source.Span.End <= text.Length)
            {
                return finding.Source.Span;
            }

            int Position(int line, int column)
            {
                if (text.Lines.Count == 0)
                {
                    return 0;
                }

                var textLine = text.Lines[Math.Min(Math.Max(line - 1, 0), text.Lines.Count - 1)];
                return textLine.Start + Math.Min(Math.Max(column - 1, 0), textLine.End - textLine.Start);
            }

            var start = Position(finding.Line, finding.Column);
            var end = Position(finding.EndLine, finding.EndColumn);
            return TextSpan.FromBounds(start, Math.Max(start, end));
        }
    }
}
