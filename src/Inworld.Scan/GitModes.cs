using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Inworld.Analyzers.Core.ShippedFiles;
using Microsoft.CodeAnalysis.CSharp;

namespace Inworld.Scan
{
    /// <summary>What part of a git repository a run scans: the folder as it is (None), or what git says.</summary>
    internal enum GitMode
    {
        None,

        /// <summary>--staged: the content staged in the index, for a pre-commit hook.</summary>
        Staged,

        /// <summary>--since REV: the files that differ between REV and the working tree, plus untracked files.</summary>
        Since,

        /// <summary>--history: every blob reachable from any ref, each once, with the commit that introduced it.</summary>
        History,
    }

    /// <summary>
    /// The git modes. Each builds ScanTargets for the unchanged engine and filters or maps its findings back:
    /// --staged and --since scan the whole folder's C# for binding but report only the files git names, and
    /// --staged reads those files from the index (FileContent.Overlay), so findings carry the staged lines;
    /// --history scans each historical blob once and names the first commit that had it.
    /// </summary>
    internal sealed class GitScan
    {
        /// <summary>Historical blobs per compilation: large enough to amortise a compilation, small enough for memory.</summary>
        private const int HistoryBatchSize = 400;

        private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private readonly ScanOptions _options;
        private readonly FileWalker _walker;
        private readonly ScanProblems _problems;
        private readonly Action<string> _progress;

        /// <summary>Per target: which findings to keep, and where they really are (null drops a finding).</summary>
        private readonly Dictionary<ScanTarget, Func<Finding, Finding?>> _reporters = new Dictionary<ScanTarget, Func<Finding, Finding?>>();

        public GitScan(ScanOptions options, FileWalker walker, ScanProblems problems, Action<string> progress)
        {
            _options = options;
            _walker = walker;
            _problems = problems;
            _progress = progress;
        }

        /// <summary>The file kinds the scanner reads, decided as the folder walk decides them.</summary>
        internal enum FileKind
        {
            None,
            CSharp,
            Razor,
            Shipped,
            Config,
        }

        internal static FileKind KindOf(string path)
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) return FileKind.CSharp;
            if (name.Equals(".editorconfig", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase)) return FileKind.Config;
            if (name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".asmdef", StringComparison.OrdinalIgnoreCase) ||
                name.EndsWith(".meta", StringComparison.OrdinalIgnoreCase))
            {
                return FileKind.None;
            }

            if (RazorProjection.IsRazorFile(name)) return FileKind.Razor;
            return ShippedFileFormats.IsShippedFile(path) ? FileKind.Shipped : FileKind.None;
        }

        public IEnumerable<ScanTarget> Targets(string root)
        {
            if (!Directory.Exists(root))
            {
                throw new GitException(ModeName + " expects a folder inside a git repository, not a file: " + root);
            }

            switch (_options.GitMode)
            {
                case GitMode.Staged:
                    return new[] { StagedTarget(root) };
                case GitMode.Since:
                    return new[] { SinceTarget(root, _options.SinceRevision!) };
                default:
                    return HistoryTargets(root);
            }
        }

        /// <summary>The findings of one target that this mode reports, at their real paths.</summary>
        public IEnumerable<Finding> Report(ScanTarget target, IEnumerable<Finding> findings)
        {
            var reporter = _reporters[target];
            _reporters.Remove(target);
            foreach (var finding in findings)
            {
                var reported = reporter(finding);
                if (reported != null)
                {
                    yield return reported;
                }
            }
        }

        private string ModeName => _options.GitMode switch
        {
            GitMode.Staged => "--staged",
            GitMode.Since => "--since",
            _ => "--history",
        };

        private static void RequireWorkTree(string root, string mode)
        {
            // Also the check that git runs at all and that the folder is in a repository: both throw with git's message.
            string inside;
            try
            {
                inside = GitCommand.RunLine(root, "rev-parse", "--is-inside-work-tree");
            }
            catch (GitException e)
            {
                throw new GitException(mode + ": " + root + " is not in a git repository, or git cannot read it: " + e.Message);
            }

            if (inside != "true")
            {
                throw new GitException(mode + " needs a git work tree; " + root + " is inside a bare repository or a .git folder");
            }
        }

        private ScanTarget StagedTarget(string root)
        {
            RequireWorkTree(root, "--staged");

            // --raw gives each staged file's mode and blob id; --relative limits to the folder and names paths from it;
            // -z keeps spaces and non-ASCII names as they are; --no-renames makes a rename a plain addition.
            var fields = GitCommand.RunNulSeparated(root, "diff", "--cached", "--raw", "-z", "--no-renames", "--no-abbrev", "--relative", "--diff-filter=ACMRT");
            var staged = new List<(string Mode, string Blob, string Path)>();
            for (var i = 0; i + 1 < fields.Count; i += 2)
            {
                // ":100644 100644 <old id> <new id> M"
                var meta = fields[i].TrimStart('\n').Split(' ');
                if (meta.Length < 5 || !meta[0].StartsWith(":", StringComparison.Ordinal))
                {
                    throw new GitException("unexpected 'git diff --cached --raw' output: " + fields[i]);
                }

                staged.Add((meta[1], meta[3], fields[i + 1]));
            }

            var target = _walker.Walk(root);
            var overlay = new Dictionary<string, byte[]>(PathComparer);
            var reported = new HashSet<string>(PathComparer);
            var shipped = new List<string>();
            var razor = new List<string>();
            using (var blobs = new GitBlobReader(root))
            {
                foreach (var (mode, blob, relative) in staged)
                {
                    var path = FullPath(root, relative);
                    if (mode == "160000")
                    {
                        _problems.Note(path, "a submodule: git stages its commit id, not its files; run inworld-scan --staged in the submodule for its own commits");
                        continue;
                    }

                    var kind = KindOf(relative);
                    if (kind == FileKind.None || _walker.IsExcluded(relative))
                    {
                        continue;
                    }

                    if (mode == "120000")
                    {
                        _problems.Note(path, "a symbolic link: git stores its target's path, not a file to scan");
                        continue;
                    }

                    var content = blobs.Read(blob);
                    if (content.Problem != null)
                    {
                        _problems.Error(path, "not scanned: " + content.Problem);
                        continue;
                    }

                    overlay[path] = content.Content!;
                    reported.Add(path);
                    AddByKind(target, kind, path, razor, shipped);
                }
            }

            // Settings files and Razor pages bind nothing: only staged ones are read. The working tree's other C#
            // files are there for binding only (a constant declared elsewhere), and only those of a staged file's compilation.
            Replace(target.ShippedFiles, shipped);
            Replace(target.RazorFiles, razor);
            KeepOnlyCompilationsOf(target, reported);
            var context = target.CSharpFiles.Count - target.CSharpFiles.Count(reported.Contains);
            _progress(string.Format(CultureInfo.InvariantCulture, "--staged: {0} staged ({1} of the working tree's C# files for binding only)",
                Wording.Files(reported.Count), context));
            target.ReportedFiles = reported;
            _reporters[target] = finding => finding.Path == null || reported.Contains(finding.Path) ? finding : null;
            FileContent.Overlay = overlay;
            return target;
        }

        private ScanTarget SinceTarget(string root, string revision)
        {
            RequireWorkTree(root, "--since");
            string commit;
            try
            {
                commit = GitCommand.RunLine(root, "rev-parse", "--verify", "--end-of-options", revision + "^{commit}");
            }
            catch (GitException e)
            {
                throw new GitException("--since: '" + revision + "' is not a commit of this repository: " + e.Message);
            }

            // REV against the working tree: what was committed since REV and what is changed but not committed yet.
            // Untracked files are changes too (a new settings file is exactly where a key lands).
            var changed = GitCommand.RunNulSeparated(root, "diff", "--name-only", "-z", "--no-renames", "--relative", "--diff-filter=ACMRT", commit, "--");
            changed.AddRange(GitCommand.RunNulSeparated(root, "ls-files", "--others", "--exclude-standard", "-z"));

            var target = _walker.Walk(root);
            var reported = new HashSet<string>(PathComparer);
            var shipped = new List<string>();
            var razor = new List<string>();
            foreach (var relative in changed)
            {
                var path = FullPath(root, relative);
                var kind = KindOf(relative);
                if (kind == FileKind.None || _walker.IsExcluded(relative) || !reported.Add(path))
                {
                    continue;
                }

                if (!File.Exists(path))
                {
                    // A submodule (a folder) or a file git lists that is not there: say so rather than skip.
                    _problems.Note(path, "--since: git lists it as changed, but it is not a file here");
                    reported.Remove(path);
                    continue;
                }

                AddByKind(target, kind, path, razor, shipped);
            }

            Replace(target.ShippedFiles, shipped);
            Replace(target.RazorFiles, razor);
            KeepOnlyCompilationsOf(target, reported);
            var context = target.CSharpFiles.Count - target.CSharpFiles.Count(reported.Contains);
            _progress(string.Format(CultureInfo.InvariantCulture, "--since {0} ({1}): {2} changed ({3} other C# files for binding only)",
                revision, commit.Substring(0, Math.Min(12, commit.Length)), Wording.Files(reported.Count), context));
            target.ReportedFiles = reported;
            _reporters[target] = finding => finding.Path == null || reported.Contains(finding.Path) ? finding : null;
            return target;
        }

        /// <summary>One historical blob to scan: the first commit (in parents-first order) and path that had it.</summary>
        private sealed class HistoricalBlob
        {
            public HistoricalBlob(string id, string commit, int commitIndex, string path)
            {
                Id = id;
                Commit = commit;
                CommitIndex = commitIndex;
                Path = path;
            }

            public string Id { get; }
            public string Commit { get; }
            public int CommitIndex { get; }
            public string Path { get; }
        }

        private IEnumerable<ScanTarget> HistoryTargets(string root)
        {
            // Works in a bare repository too (a mirror): no work tree is needed, only the objects.
            string prefix;
            try
            {
                prefix = GitCommand.RunLine(root, "rev-parse", "--show-prefix");
            }
            catch (GitException e)
            {
                throw new GitException("--history: " + root + " is not a git repository (a work tree or a bare one), or git cannot read it: " + e.Message);
            }

            var blobs = HistoricalBlobs(root, prefix, out var commits, out var distinctBlobs);
            _progress(string.Format(CultureInfo.InvariantCulture, "--history: {0}, {1} ({2} of the kinds inworld-scan reads, each scanned once)",
                Wording.Count(commits, "commit", "commits"), Wording.Count(distinctBlobs, "distinct blob", "distinct blobs"), blobs.Count));

            // Different versions of one file never share a compilation (their types would collide): batch k holds
            // the k-th version of each path, so each compilation is one era of the repository, roughly.
            var batches = blobs
                .GroupBy(b => b.Path, StringComparer.Ordinal)
                .SelectMany(g => g.Select((blob, version) => (blob, version)))
                .GroupBy(v => v.version)
                .OrderBy(g => g.Key)
                .SelectMany(g => g.Select(v => v.blob).OrderBy(b => b.CommitIndex).Select((blob, i) => (blob, i)).GroupBy(v => v.i / HistoryBatchSize, v => v.blob))
                .ToList();

            // A finding is named once, with the first commit that had it: later blobs of the same path repeat it.
            var named = new HashSet<(string Id, string Path, string Message)>();
            var historyRoot = Path.Combine(root, "@history");
            using var reader = new GitBlobReader(root);
            try
            {
                foreach (var batch in batches)
                {
                    var target = new ScanTarget(root);
                    var overlay = new Dictionary<string, byte[]>(PathComparer);
                    var byVirtualPath = new Dictionary<string, HistoricalBlob>(PathComparer);
                    foreach (var blob in batch)
                    {
                        var shown = blob.Commit + ":" + blob.Path;
                        var content = reader.Read(blob.Id);
                        if (content.Problem != null)
                        {
                            _problems.Error(shown, "not scanned: " + content.Problem);
                            continue;
                        }

                        // Each blob under a folder named by its commit (a path has one blob per commit), with its real
                        // file name (INW004 reads the format from it): a note about the file names both.
                        var virtualPath = FullPath(Path.Combine(historyRoot, blob.Commit), prefix.Length > 0 ? blob.Path.Substring(prefix.Length) : blob.Path);
                        overlay[virtualPath] = content.Content!;
                        byVirtualPath[virtualPath] = blob;
                        switch (KindOf(blob.Path))
                        {
                            case FileKind.CSharp: target.CSharpFiles.Add(virtualPath); break;
                            case FileKind.Razor: target.RazorFiles.Add(virtualPath); break;
                            default: target.ShippedFiles.Add(virtualPath); break;
                        }
                    }

                    _reporters[target] = finding => Historical(finding, byVirtualPath, named, root, prefix);
                    FileContent.Overlay = overlay;
                    yield return target;
                }
            }
            finally
            {
                FileContent.Overlay = null;
            }
        }

        private static Finding? Historical(Finding finding, Dictionary<string, HistoricalBlob> byVirtualPath, HashSet<(string, string, string)> named, string root, string prefix)
        {
            if (finding.Path == null)
            {
                return finding;
            }

            var path = finding.Path;
            if (!byVirtualPath.TryGetValue(path, out var blob))
            {
                // A Razor finding is mapped to the page; anything else is not from a historical blob.
                return null;
            }

            if (!named.Add((finding.Id, blob.Path, finding.Message)))
            {
                return null;
            }

            var real = FullPath(root, prefix.Length > 0 ? blob.Path.Substring(prefix.Length) : blob.Path);
            return new Finding(finding.Id, finding.Severity,
                finding.Message + ". First committed in " + blob.Commit + " (git show " + blob.Commit.Substring(0, 12) + ":" + blob.Path + ")",
                real, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, finding.Descriptor);
        }

        /// <summary>
        /// One pass over the history: 'git log --raw' of every commit of every ref, parents before children and otherwise
        /// oldest first by author date (so of two branches, the one that wrote the content first names it), each
        /// merge against each parent (-m, so content that first appears in a merge is seen). A blob's first
        /// appearance at a path of a scanned kind is the one kept.
        /// </summary>
        private List<HistoricalBlob> HistoricalBlobs(string root, string prefix, out int commitCount, out int distinctBlobs)
        {
            var log = GitCommand.RunNulSeparated(root, "log", "--all", "--author-date-order", "--reverse", "-m", "--raw", "--no-renames", "--no-abbrev", "-z", "--format=commit %H");
            var first = new Dictionary<string, HistoricalBlob>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var commitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var commit = string.Empty;
            for (var i = 0; i < log.Count; i++)
            {
                var field = log[i].TrimStart('\n');
                if (field.StartsWith("commit ", StringComparison.Ordinal))
                {
                    commit = field.Substring("commit ".Length).Trim();
                    if (!commitIndex.ContainsKey(commit))
                    {
                        commitIndex[commit] = commitIndex.Count;
                    }

                    continue;
                }

                if (!field.StartsWith(":", StringComparison.Ordinal) || i + 1 >= log.Count)
                {
                    throw new GitException("unexpected 'git log --raw' output: " + field);
                }

                // ":<old mode> <new mode> <old id> <new id> <status>", then the path.
                var meta = field.Split(' ');
                var path = log[++i];
                if (meta.Length < 5 || meta[4].StartsWith("D", StringComparison.Ordinal))
                {
                    continue;
                }

                var mode = meta[1];
                var blob = meta[3];
                if (mode == "160000" || mode == "120000")
                {
                    continue;
                }

                seen.Add(blob);
                if (first.ContainsKey(blob) || !path.StartsWith(prefix, StringComparison.Ordinal) || !IsScanned(path.Substring(prefix.Length)))
                {
                    continue;
                }

                first[blob] = new HistoricalBlob(blob, commit, commitIndex[commit], path);
            }

            commitCount = commitIndex.Count;
            distinctBlobs = seen.Count;
            return first.Values.OrderBy(b => b.CommitIndex).ToList();
        }

        /// <summary>A path the folder walk would scan: a scanned kind, not under bin/, obj/, Library/ ..., not --exclude'd.</summary>
        private bool IsScanned(string relative)
        {
            var kind = KindOf(relative);
            if (kind == FileKind.None || kind == FileKind.Config)
            {
                return false;
            }

            var folders = relative.Split('/');
            for (var i = 0; i < folders.Length - 1; i++)
            {
                if (FileWalker.IsSkippedFolderName(folders[i]))
                {
                    return false;
                }
            }

            return !_walker.IsExcluded(relative);
        }

        /// <summary>
        /// Drops the C# files no reported file needs: those of other compilations (each project and Unity assembly
        /// compiles on its own, in the engine as in the build, so they cannot change how a reported file binds).
        /// </summary>
        private void KeepOnlyCompilationsOf(ScanTarget target, HashSet<string> reported)
        {
            var plan = new CompilationPlan(target, _options, CSharpParseOptions.Default, _problems);
            var needed = new HashSet<string>(target.CSharpFiles.Concat(target.RazorFiles).Where(reported.Contains).Select(p => plan.UnitFor(p).Key), StringComparer.Ordinal);
            target.CSharpFiles.RemoveAll(file => !reported.Contains(file) && !needed.Contains(plan.UnitFor(file).Key));
        }

        private static string FullPath(string root, string relative)
            => Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));

        /// <summary>Puts a changed or staged file where the engine looks for its kind (Razor pages and settings files are collected apart, to replace the walk's lists).</summary>
        private static void AddByKind(ScanTarget target, FileKind kind, string path, List<string> razor, List<string> shipped)
        {
            switch (kind)
            {
                case FileKind.CSharp:
                    AddOnce(target.CSharpFiles, path);
                    break;
                case FileKind.Razor:
                    razor.Add(path);
                    break;
                case FileKind.Shipped:
                    shipped.Add(path);
                    break;
                case FileKind.Config:
                    AddOnce(target.EditorConfigFiles, path);
                    break;
            }
        }

        private static void AddOnce(List<string> paths, string path)
        {
            if (!paths.Contains(path, PathComparer))
            {
                paths.Add(path);
            }
        }

        private static void Replace(List<string> paths, List<string> with)
        {
            paths.Clear();
            paths.AddRange(with);
        }
    }
}
