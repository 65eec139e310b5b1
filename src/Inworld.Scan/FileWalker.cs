using System;
using System.Collections.Generic;
using System.IO;
using Inworld.Analyzers.Core.ShippedFiles;

namespace Inworld.Scan
{
    /// <summary>The files one scan root contributes: C# sources and shipped files INW004 reads.</summary>
    internal sealed class ScanTarget
    {
        public ScanTarget(string root)
        {
            Root = root;
        }

        public string Root { get; }
        public List<string> CSharpFiles { get; } = new List<string>();
        public List<string> ShippedFiles { get; } = new List<string>();
        public List<string> EditorConfigFiles { get; } = new List<string>();
        public List<string> ProjectFiles { get; } = new List<string>();

        /// <summary>.razor and .cshtml files: projected to C# (RazorProjection) and compiled with their project.</summary>
        public List<string> RazorFiles { get; } = new List<string>();

        /// <summary>Unity assembly definitions: each folder is one Unity assembly (UnityAssemblies).</summary>
        public List<string> AsmdefFiles { get; } = new List<string>();

        /// <summary>Every folder below the root (the root included) holding ProjectSettings/ProjectVersion.txt.</summary>
        public List<string> UnityProjectRoots { get; } = new List<string>();

        /// <summary>Unity .meta files (each holds its asset's GUID): the shipping analysis resolves references through them.</summary>
        public List<string> MetaFiles { get; } = new List<string>();

        public int FileCount => CSharpFiles.Count + ShippedFiles.Count + RazorFiles.Count;

        /// <summary>
        /// The files whose findings are reported (--staged, --since: the files git names; the other C# files are
        /// there for binding only), so the engine may analyse only their trees; null: every file's findings count.
        /// </summary>
        public IReadOnlyCollection<string>? ReportedFiles { get; set; }
    }

    /// <summary>
    /// Walks a folder tree: skips build output and tool folders, honours .gitignore files (root and nested,
    /// with negation) and --exclude globs. A folder or .gitignore it cannot read is a scan error (exit 2),
    /// never a silent gap. Symlinked folders are followed as Unity and MSBuild follow them (see FollowLink).
    /// </summary>
    internal sealed class FileWalker
    {
        private static readonly HashSet<string> SkippedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "bin", "obj", "Library", "Temp", ".git", ".vs", ".idea", "node_modules", "Logs", "UserSettings",
        };

        private readonly IReadOnlyList<GlobPattern> _excludes;
        private readonly bool _useGitIgnore;
        private readonly ScanProblems _problems;
        private readonly Action<string> _progress;

        /// <summary>Real paths (symlinks resolved) of the folders walked in the current tree: a link back to one of them is a loop.</summary>
        private readonly HashSet<string> _visited = new HashSet<string>(PathComparer);

        private static StringComparer PathComparer => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        public FileWalker(IEnumerable<string> excludes, bool useGitIgnore, ScanProblems problems, Action<string> progress)
        {
            var patterns = new List<GlobPattern>();
            foreach (var exclude in excludes)
            {
                var pattern = GlobPattern.Parse(exclude.Replace('\\', '/'));
                if (pattern != null)
                {
                    patterns.Add(pattern);
                }
            }

            _excludes = patterns;
            _useGitIgnore = useGitIgnore;
            _problems = problems;
            _progress = progress;
        }

        /// <summary>
        /// Whether an --exclude glob skips this file ('/'-separated, relative to the scanned folder), as the walk
        /// would: a glob matching one of its folders skips it too.
        /// </summary>
        public bool IsExcluded(string relativeFile)
        {
            foreach (var exclude in _excludes)
            {
                if (exclude.Matches(relativeFile, false))
                {
                    return true;
                }

                for (var slash = relativeFile.IndexOf('/'); slash > 0; slash = relativeFile.IndexOf('/', slash + 1))
                {
                    if (exclude.Matches(relativeFile.Substring(0, slash), true))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Build output and tool folders the walk never enters (bin, obj, Library, .git ...).</summary>
        public static bool IsSkippedFolderName(string name) => SkippedFolders.Contains(name);

        public ScanTarget Walk(string root)
        {
            var target = new ScanTarget(root);
            AddParentEditorConfigs(root, target);
            var ignoreStack = new List<(string BasePath, List<GlobPattern> Patterns)>();
            _visited.Clear();
            string realRoot;
            try
            {
                realRoot = SymlinkPaths.RealPath(root);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _problems.Error(root, "not scanned: cannot resolve the folder's real path: " + e.Message);
                return target;
            }

            _visited.Add(realRoot);
            WalkDirectory(root, root, realRoot, realRoot, ignoreStack, target);
            return target;
        }

        /// <param name="realRoot">The scanned folder with symlinks resolved.</param>
        /// <param name="realDirectory"><paramref name="directory"/> with symlinks resolved.</param>
        private void WalkDirectory(string root, string directory, string realRoot, string realDirectory, List<(string BasePath, List<GlobPattern> Patterns)> ignoreStack, ScanTarget target)
        {
            var pushed = false;
            if (_useGitIgnore)
            {
                var gitignore = Path.Combine(directory, ".gitignore");
                if (File.Exists(gitignore))
                {
                    var patterns = new List<GlobPattern>();
                    try
                    {
                        foreach (var line in File.ReadAllLines(gitignore))
                        {
                            var pattern = GlobPattern.Parse(line);
                            if (pattern != null) patterns.Add(pattern);
                        }
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                    {
                        // Not a gap (more is scanned, not less), but the scan is not the one the repository asks for.
                        _problems.Error(gitignore, "cannot read it, so what it ignores is scanned: " + e.Message);
                    }

                    ignoreStack.Add((directory, patterns));
                    pushed = true;
                }
            }

            string[] files;
            string[] folders;
            try
            {
                files = Directory.GetFiles(directory);
                folders = Directory.GetDirectories(directory);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _problems.Error(directory, "not scanned: cannot list the folder: " + e.Message);
                if (pushed) ignoreStack.RemoveAt(ignoreStack.Count - 1);
                return;
            }

            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(folders, StringComparer.Ordinal);
            if (File.Exists(Path.Combine(directory, "ProjectSettings", "ProjectVersion.txt")))
            {
                target.UnityProjectRoots.Add(directory);
            }

            foreach (var file in files)
            {
                var relative = Relative(root, file);
                if (IsIgnored(relative, file, false, ignoreStack))
                {
                    continue;
                }

                var name = Path.GetFileName(file);
                if (name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                {
                    target.CSharpFiles.Add(file);
                }
                else if (name.Equals(".editorconfig", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase))
                {
                    target.EditorConfigFiles.Add(file);
                }
                else if (name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    target.ProjectFiles.Add(file);
                }
                else if (name.EndsWith(".asmdef", StringComparison.OrdinalIgnoreCase))
                {
                    target.AsmdefFiles.Add(file);
                }
                else if (name.EndsWith(".meta", StringComparison.OrdinalIgnoreCase))
                {
                    target.MetaFiles.Add(file);
                }
                else if (RazorProjection.IsRazorFile(name))
                {
                    target.RazorFiles.Add(file);
                }
                else if (ShippedFileFormats.IsShippedFile(file))
                {
                    target.ShippedFiles.Add(file);
                }
            }

            foreach (var folder in folders)
            {
                var name = Path.GetFileName(folder);
                if (SkippedFolders.Contains(name) || IsIgnored(Relative(root, folder), folder, true, ignoreStack))
                {
                    continue;
                }

                var realFolder = RealFolder(folder, realDirectory, realRoot);
                if (realFolder == null || !_visited.Add(realFolder))
                {
                    continue;
                }

                WalkDirectory(root, folder, realRoot, realFolder, ignoreStack, target);
            }

            if (pushed)
            {
                ignoreStack.RemoveAt(ignoreStack.Count - 1);
            }
        }

        /// <summary>
        /// The real path of a subfolder to walk, or null to not walk it. A symlinked folder (or junction) is followed,
        /// as Unity imports and MSBuild globs follow it into the build: a Unity project's Assets/Shared linked to a
        /// folder outside the repository ships what is in it. Its files are reported under the link's path. Not
        /// followed, and said so: a link whose target is inside the scanned folder (scanned there, once) or a folder
        /// already walked (a second link to it, or a loop). A link that cannot be resolved is a scan error.
        /// </summary>
        private string? RealFolder(string folder, string realParent, string realRoot)
        {
            string? linkTarget;
            try
            {
                linkTarget = new DirectoryInfo(folder).LinkTarget;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _problems.Error(folder, "not scanned: cannot read the folder's attributes: " + e.Message);
                return null;
            }

            if (linkTarget == null)
            {
                return Path.Combine(realParent, Path.GetFileName(folder));
            }

            string real;
            try
            {
                real = SymlinkPaths.RealPath(folder);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _problems.Error(folder, "not scanned: cannot resolve the symlinked folder (-> " + linkTarget + "): " + e.Message);
                return null;
            }

            if (SymlinkPaths.IsSameOrUnder(real, realRoot))
            {
                _progress("not following symlinked folder " + Reports.DisplayPath(folder) + " -> " + linkTarget + ": its target is inside the scanned folder and is scanned there");
                return null;
            }

            if (_visited.Contains(real))
            {
                _progress("not following symlinked folder " + Reports.DisplayPath(folder) + " -> " + linkTarget + ": its target was already scanned (through another link, or a loop)");
                return null;
            }

            _progress("following symlinked folder " + Reports.DisplayPath(folder) + " -> " + real);
            return real;
        }

        private bool IsIgnored(string relativeToRoot, string fullPath, bool isDirectory, List<(string BasePath, List<GlobPattern> Patterns)> ignoreStack)
        {
            foreach (var exclude in _excludes)
            {
                if (exclude.Matches(relativeToRoot, isDirectory))
                {
                    return true;
                }
            }

            // Later rules win, nested .gitignore files after their parents, as git reads them.
            var ignored = false;
            foreach (var (basePath, patterns) in ignoreStack)
            {
                var relative = Relative(basePath, fullPath);
                foreach (var pattern in patterns)
                {
                    if (pattern.IsNegated ? ignored : !ignored)
                    {
                        if (pattern.Matches(relative, isDirectory))
                        {
                            ignored = !pattern.IsNegated;
                        }
                    }
                }
            }

            return ignored;
        }

        private void AddParentEditorConfigs(string root, ScanTarget target)
        {
            // .editorconfig files above the scanned folder apply too, until one says root = true.
            var directory = Directory.GetParent(root);
            var found = new List<string>();
            while (directory != null)
            {
                var candidate = Path.Combine(directory.FullName, ".editorconfig");
                if (File.Exists(candidate))
                {
                    found.Add(candidate);
                    try
                    {
                        if (File.ReadAllText(candidate).IndexOf("root = true", StringComparison.OrdinalIgnoreCase) >= 0 ||
                            File.ReadAllText(candidate).IndexOf("root=true", StringComparison.OrdinalIgnoreCase) >= 0)
                        {
                            break;
                        }
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                    {
                        _problems.NotRead(candidate, e);
                        break;
                    }
                }

                directory = directory.Parent;
            }

            target.EditorConfigFiles.AddRange(found);
        }

        public static string Relative(string basePath, string path)
            => Path.GetRelativePath(basePath, path).Replace('\\', '/');
    }
}
