using System;
using System.Collections.Generic;
using System.Linq;

namespace Inworld.Scan
{
    /// <summary>
    /// Something the scan could not do as asked. An error (a file or folder not read, or not read in full) makes
    /// the run exit 2 whatever the output mode; a note (a binary file read for its printable text) is shown and
    /// recorded but does not change the exit code. Both are written to standard error even with --quiet, and to
    /// SARIF as toolExecutionNotifications.
    /// </summary>
    internal sealed class ScanProblem
    {
        public ScanProblem(bool isError, string? path, string message)
        {
            IsError = isError;
            Path = path;
            Message = message;
        }

        public bool IsError { get; }

        /// <summary>The file or folder concerned; null for a problem with no location (an analyzer failure).</summary>
        public string? Path { get; }

        public string Message { get; }

        /// <summary>"error: Assets/x.asset: not scanned: ..." as printed on standard error.</summary>
        public override string ToString()
            => (IsError ? "error: " : "note: ") + (Path == null ? string.Empty : Reports.DisplayPath(Path) + ": ") + Message;
    }

    /// <summary>Problems collected during one run, from parallel readers: thread-safe.</summary>
    internal sealed class ScanProblems
    {
        private readonly List<ScanProblem> _items = new List<ScanProblem>();

        public void Error(string? path, string message) => Add(new ScanProblem(true, path, message));

        public void Note(string? path, string message) => Add(new ScanProblem(false, path, message));

        /// <summary>A file that could not be read at all: the words every such error starts with.</summary>
        public void NotRead(string path, Exception exception) => Error(path, "not scanned: cannot read it: " + exception.Message);

        public bool HasErrors
        {
            get
            {
                lock (_items) return _items.Any(p => p.IsError);
            }
        }

        /// <summary>In a stable order (path, then message) whatever order parallel readers added them.</summary>
        public IReadOnlyList<ScanProblem> All
        {
            get
            {
                lock (_items)
                {
                    return _items
                        .OrderBy(p => p.Path ?? string.Empty, StringComparer.Ordinal)
                        .ThenBy(p => p.Message, StringComparer.Ordinal)
                        .ToList();
                }
            }
        }

        private void Add(ScanProblem problem)
        {
            lock (_items)
            {
                // The same file can be reported by two readers (parsed and then read again): once is enough.
                if (!_items.Any(p => p.IsError == problem.IsError && p.Path == problem.Path && p.Message == problem.Message))
                {
                    _items.Add(problem);
                }
            }
        }
    }
}
