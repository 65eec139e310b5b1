using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// inworld-scan's git modes on real (temporary) repositories: --staged reads the index, not the working tree;
    /// --since REV scans what changed; --history finds a key that was committed and later removed, and names the
    /// commit; git problems are exit 2, never a clean scan.
    /// </summary>
    [Trait("Category", "Scan")]
    public sealed class GitModeTests
    {
        private static readonly FakeCredentials Leak = FakeCredentials.Default;

        private static string LeakyClass(string name, int blankLinesBefore = 0)
            => string.Concat(Enumerable.Repeat("// padding\n", blankLinesBefore)) +
               "public static class " + name + "\n{\n    public const string ApiKey = \"" + Leak.ApiKey + "\";\n}\n";

        private static string CleanClass(string name) => "public static class " + name + "\n{\n    public const int Answer = 42;\n}\n";

        private static DotnetCli.Result Scan(GitRepository repository, params string[] args) => ScanIOTests.Scan(repository.Root, args);

        [Fact]
        public void Staged_key_is_found_at_its_staged_line_even_when_the_working_tree_no_longer_has_it()
        {
            using var repository = new GitRepository("staged-only");
            repository.Write("src/Keep.cs", CleanClass("Keep"));
            repository.Commit("start");

            // Staged with the key on line 5 (two lines of padding first); the working tree then drops the key and
            // gains lines, so a scan of the working tree finds nothing and its line 5 is something else.
            repository.Write("src/Client Settings/Schlüssel.cs", LeakyClass("Keys", blankLinesBefore: 2));
            repository.Write("config/appsettings.json", "{\n  \"Inworld\": {\n    \"KeyId\": \"" + Leak.KeyId + "\"\n  }\n}\n");
            repository.Git("add", "-A");
            repository.Write("src/Client Settings/Schlüssel.cs", "// moved\n// moved\n// moved\n// moved\n// moved\n// moved\n" + CleanClass("Keys"));
            repository.Delete("config/appsettings.json");

            var staged = Scan(repository, "--staged");
            Assert.True(staged.ExitCode == 1, staged.ToString());
            var sep = Path.DirectorySeparatorChar;
            Assert.Equal(
                new[]
                {
                    $"config{sep}appsettings.json(3,15): warning INW004",
                    $"src{sep}Client Settings{sep}Schlüssel.cs(5,34): warning INW001",
                },
                GitRepository.FindingLines(staged).Select(l => l.Substring(0, l.IndexOf(": ", l.IndexOf("): ", StringComparison.Ordinal) + 3, StringComparison.Ordinal))).OrderBy(l => l, StringComparer.Ordinal));
            ScanIOTests.AssertNoSecret(staged.Output);

            // The same folder as it is on disk: clean. Only the index has the key.
            var workingTree = Scan(repository, ".");
            Assert.True(workingTree.ExitCode == 0, workingTree.ToString());
        }

        [Fact]
        public void A_key_only_in_the_working_tree_is_not_reported_by_staged_but_is_by_a_folder_scan()
        {
            using var repository = new GitRepository("worktree-only");
            repository.Write("src/Keys.cs", CleanClass("Keys"));
            repository.Write("src/Other.cs", CleanClass("Other"));
            repository.Commit("start");
            repository.Git("add", "-A");
            repository.Commit("files");

            // Staged: a clean change to Other.cs. Not staged: the key in Keys.cs, and an untracked leaky file.
            repository.Write("src/Other.cs", CleanClass("Other") + "// staged change\n");
            repository.Git("add", "src/Other.cs");
            repository.Write("src/Keys.cs", LeakyClass("Keys"));
            repository.Write("src/Untracked.cs", LeakyClass("Untracked"));

            var staged = Scan(repository, "--staged");
            Assert.True(staged.ExitCode == 0, staged.ToString());
            Assert.Empty(GitRepository.FindingLines(staged));
            Assert.Contains("--staged: 1 file staged", staged.Output);

            var workingTree = Scan(repository, ".");
            Assert.True(workingTree.ExitCode == 1, workingTree.ToString());
            Assert.Equal(2, GitRepository.FindingLines(workingTree).Length);
        }

        [Fact]
        public void Staged_renamed_file_is_reported_at_its_new_path_and_a_folder_below_the_repository_limits_the_scan()
        {
            using var repository = new GitRepository("rename");
            repository.Write("game/Old.cs", LeakyClass("Moved"));
            repository.Write("tools/Tool.cs", CleanClass("Tool"));
            repository.Git("add", "-A");
            repository.Git("commit", "-q", "-m", "start", "--no-verify");
            repository.Git("mv", "game/Old.cs", "game/New.cs");
            repository.Write("tools/Tool.cs", LeakyClass("Tool"));
            repository.Git("add", "-A");

            // From the repository root: both staged files. From tools/: only what is staged below it.
            var all = Scan(repository, "--staged");
            Assert.True(all.ExitCode == 1, all.ToString());
            var sep = Path.DirectorySeparatorChar;
            var lines = GitRepository.FindingLines(all);
            Assert.Equal(2, lines.Length);
            Assert.Contains(lines, l => l.StartsWith($"game{sep}New.cs(3,34): warning INW001", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"tools{sep}Tool.cs(3,34): warning INW001", StringComparison.Ordinal));

            var game = ScanIOTests.Scan(Path.Combine(repository.Root, "game"), "--staged");
            Assert.True(game.ExitCode == 1, game.ToString());
            Assert.StartsWith("New.cs(3,34): warning INW001", Assert.Single(GitRepository.FindingLines(game)));
        }

        [Fact]
        public void Staged_submodule_is_named_as_not_scanned_here_and_the_other_staged_files_are_scanned()
        {
            using var library = new GitRepository("submodule-library");
            library.Write("Lib.cs", LeakyClass("Lib"));
            library.Git("add", "-A");
            library.Commit("library");

            using var repository = new GitRepository("submodule-parent");
            repository.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.Root, "libs/library");
            repository.Write("src/Keys.cs", LeakyClass("Keys"));
            repository.Git("add", "-A");

            var staged = Scan(repository, "--staged");
            Assert.True(staged.ExitCode == 1, staged.ToString());
            Assert.StartsWith(Path.Combine("src", "Keys.cs") + "(3,34): warning INW001", Assert.Single(GitRepository.FindingLines(staged)));
            Assert.Contains("note: " + Path.Combine("libs", "library") + ": a submodule: git stages its commit id, not its files", staged.Output);
        }

        [Fact]
        public void Staged_file_binds_against_the_rest_of_the_project()
        {
            // The scheme and the key's source are declared in a committed, unchanged file: INW005 in the staged
            // file can only be told by binding to it (without Settings.cs neither line is a finding).
            using var repository = new GitRepository("bind");
            repository.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n");
            repository.Write("App/Settings.cs",
                "public static class Settings\n{\n    public static string FromEnv => System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\");\n" +
                "    public const string Scheme = \"Bearer\";\n}\n");
            repository.Git("add", "-A");
            repository.Commit("start");

            repository.Write("App/Caller.cs",
                "using System.Net.Http;\nusing System.Net.Http.Headers;\n\npublic static class Caller\n{\n    public static void Use(HttpClient client)\n    {\n" +
                "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", Settings.FromEnv);\n" +
                "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(Settings.Scheme, System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"));\n" +
                "        client.BaseAddress = new System.Uri(\"https://api.inworld.ai/\");\n    }\n}\n");
            repository.Git("add", "App/Caller.cs");

            var staged = Scan(repository, "--staged");
            Assert.True(staged.ExitCode == 1, staged.ToString());
            var sep = Path.DirectorySeparatorChar;
            Assert.Equal(
                new[] { $"App{sep}Caller.cs(8,54): warning INW005", $"App{sep}Caller.cs(9,54): warning INW005" },
                GitRepository.FindingLines(staged).Select(l => l.Substring(0, l.IndexOf(": ", l.IndexOf("): ", StringComparison.Ordinal) + 3, StringComparison.Ordinal))));
            Assert.Contains("--staged: 1 file staged (1 of the working tree's C# files for binding only)", staged.Output);
        }

        [Fact]
        public void Since_scans_files_changed_after_the_revision_committed_or_not_and_untracked()
        {
            using var repository = new GitRepository("since");
            repository.Write("src/Old.cs", LeakyClass("Old"));
            repository.Git("add", "-A");
            var start = repository.Commit("an old leak, before the revision");
            repository.Write("src/Committed.cs", LeakyClass("Committed", blankLinesBefore: 1));
            repository.Git("add", "-A");
            repository.Commit("a leak after the revision");
            repository.Write("src/Untracked.cs", LeakyClass("Untracked"));

            var since = Scan(repository, "--since", start);
            Assert.True(since.ExitCode == 1, since.ToString());
            var sep = Path.DirectorySeparatorChar;
            Assert.Equal(
                new[] { $"src{sep}Committed.cs(4,34)", $"src{sep}Untracked.cs(3,34)" },
                GitRepository.FindingLines(since).Select(l => l.Substring(0, l.IndexOf(':', StringComparison.Ordinal))).OrderBy(l => l, StringComparer.Ordinal));

            // Since HEAD, only the untracked file changed; a revision with nothing changed after it is clean.
            var sinceHead = Scan(repository, "--since", "HEAD");
            Assert.Equal($"src{sep}Untracked.cs(3,34)", Assert.Single(GitRepository.FindingLines(sinceHead)).Split(':')[0]);
            repository.Delete("src/Untracked.cs");
            var nothing = Scan(repository, "--since", "HEAD");
            Assert.True(nothing.ExitCode == 0, nothing.ToString());
        }

        [Fact]
        public void Since_a_revision_that_does_not_exist_exits_2_with_gits_message()
        {
            using var repository = new GitRepository("bad-rev");
            repository.Write("src/A.cs", LeakyClass("A"));
            repository.Git("add", "-A");
            repository.Commit("start");

            var result = Scan(repository, "--since", "no-such-branch");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("--since: 'no-such-branch' is not a commit of this repository", result.Output);
            Assert.Contains("fatal:", result.Output);
            Assert.Empty(GitRepository.FindingLines(result));
        }

        [Theory]
        [InlineData("--staged")]
        [InlineData("--since HEAD")]
        [InlineData("--history")]
        public void Outside_a_git_repository_every_git_mode_exits_2_and_says_why(string mode)
        {
            using var tree = new ScanTree("not-a-repository");
            tree.Write("Keys.cs", LeakyClass("Keys"));

            // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temp folder.
            var result = DotnetCli.Run(tree.Root, new[] { ScanToolTests.ToolPath() }.Concat(mode.Split(' ')),
                new System.Collections.Generic.Dictionary<string, string> { ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(tree.Root)! }, timeoutSeconds: 180);
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("not a git repository", result.Output);
            Assert.Empty(GitRepository.FindingLines(result));
        }

        [Fact]
        public void Git_modes_take_one_folder_and_do_not_combine()
        {
            var two = ScanIOTests.Scan(Path.GetTempPath(), "--staged", "a", "b");
            Assert.True(two.ExitCode == 2, two.ToString());
            Assert.Contains("scan one repository folder", two.Output);

            var both = ScanIOTests.Scan(Path.GetTempPath(), "--staged", "--history");
            Assert.True(both.ExitCode == 2, both.ToString());
            Assert.Contains("cannot be combined", both.Output);

            var help = ScanIOTests.Scan(Path.GetTempPath(), "--help");
            Assert.Contains("--staged", help.Output);
            Assert.Contains("--since REV", help.Output);
            Assert.Contains("--history", help.Output);
        }

        [Fact]
        public void History_finds_a_key_added_and_later_removed_and_names_the_commit_that_added_it()
        {
            using var repository = new GitRepository("history");
            repository.Write("src/Game.cs", CleanClass("Game"));
            repository.Git("add", "-A");
            repository.Commit("clean start");
            repository.Write("src/Config.cs", LeakyClass("Config", blankLinesBefore: 3));
            repository.Git("add", "-A");
            var leaked = repository.Commit("add the key");
            repository.Write("src/Config.cs", "// edited\n" + LeakyClass("Config", blankLinesBefore: 3));
            repository.Git("add", "-A");
            repository.Commit("edit the file, key still there");
            repository.Git("rm", "-q", "src/Config.cs");
            repository.Commit("remove the key");
            Assert.Equal(leaked, repository.Git("rev-parse", "HEAD~2"));

            // Today's tree is clean ...
            var now = Scan(repository, ".");
            Assert.True(now.ExitCode == 0, now.ToString());

            // ... but the history has the key: once (not again for the edited version), at the line of the commit that added it.
            var history = Scan(repository, "--history");
            Assert.True(history.ExitCode == 1, history.ToString());
            var line = Assert.Single(GitRepository.FindingLines(history));
            Assert.StartsWith(Path.Combine("src", "Config.cs") + "(6,34): warning INW001", line);
            var named = Regex.Match(line, "First committed in ([0-9a-f]{40})");
            Assert.True(named.Success, line);
            Assert.Equal(leaked, named.Groups[1].Value);
            ScanIOTests.AssertNoSecret(history.Output);
        }

        [Fact]
        public void History_scans_each_blob_once_across_branches_copies_and_reverts()
        {
            using var repository = new GitRepository("blobs-once");
            repository.Write("src/A.cs", CleanClass("A"));
            repository.Git("add", "-A");
            repository.Commit("one");

            // The same leaky content: on a branch, copied to a second path, reverted away and restored.
            repository.Git("checkout", "-q", "-b", "feature");
            repository.Write("src/Keys.cs", LeakyClass("Keys"));
            repository.Git("add", "-A");
            var first = repository.Commit("leak on a branch");
            repository.Git("checkout", "-q", "main");
            repository.Write("src/Keys.cs", LeakyClass("Keys"));
            repository.Write("src/Copy.cs", LeakyClass("Keys"));
            repository.Git("add", "-A");
            repository.Commit("same content on main, and a copy");
            repository.Git("rm", "-q", "src/Keys.cs", "src/Copy.cs");
            repository.Commit("removed");
            repository.Git("revert", "--no-edit", "HEAD");
            repository.Write("notes.txt", "not a kind inworld-scan reads\n");
            repository.Git("add", "-A");
            repository.Commit("a file of another kind");

            var history = Scan(repository, "--history");
            Assert.True(history.ExitCode == 1, history.ToString());

            // Blobs: A.cs, the leaky class (one blob at two paths), notes.txt: 3 distinct, 2 of a scanned kind.
            Assert.Contains("--history: 6 commits, 3 distinct blobs (2 of the kinds inworld-scan reads, each scanned once)", history.Output);
            var line = Assert.Single(GitRepository.FindingLines(history));
            Assert.Contains("First committed in " + first, line);
        }

        [Fact]
        public void History_of_a_bare_repository_works_and_a_missing_blob_is_a_scan_error()
        {
            using var repository = new GitRepository("bare-source");
            repository.Write("src/Keys.cs", LeakyClass("Keys"));
            repository.Git("add", "-A");
            var commit = repository.Commit("leak");
            using var bare = new ScanTree("bare");
            var clone = DotnetCli.RunProgram("git", bare.Root, new[] { "clone", "-q", "--bare", repository.Root, "mirror.git" }, timeoutSeconds: 60);
            Assert.True(clone.ExitCode == 0, clone.ToString());

            var mirror = Path.Combine(bare.Root, "mirror.git");
            var history = ScanIOTests.Scan(mirror, "--history");
            Assert.True(history.ExitCode == 1, history.ToString());
            Assert.Contains("First committed in " + commit, Assert.Single(GitRepository.FindingLines(history)));

            // Remove the blob from the bare copy: the history cannot be scanned in full, and says so (exit 2).
            var blob = repository.Git("rev-parse", "HEAD:src/Keys.cs");
            var loose = Path.Combine(mirror, "objects", blob.Substring(0, 2), blob.Substring(2));
            if (!File.Exists(loose))
            {
                // A clone may pack objects: unpack them so one can be removed.
                var packs = Directory.GetFiles(Path.Combine(mirror, "objects", "pack"), "*.pack");
                foreach (var pack in packs)
                {
                    var moved = pack + ".moved";
                    File.Move(pack, moved);
                    File.Delete(Path.ChangeExtension(pack, ".idx"));
                    var unpack = DotnetCli.RunProgram("bash", mirror, new[] { "-c", "git unpack-objects -q < '" + moved + "'" }, timeoutSeconds: 60);
                    Assert.True(unpack.ExitCode == 0, unpack.ToString());
                    File.Delete(moved);
                }
            }

            File.Delete(loose);
            var broken = ScanIOTests.Scan(mirror, "--history");
            Assert.True(broken.ExitCode == 2, broken.ToString());
            Assert.Contains("is missing from the repository", broken.Output);
        }
    }
}
