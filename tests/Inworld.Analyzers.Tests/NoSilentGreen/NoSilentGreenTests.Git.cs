using System.IO;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Inworld.Analyzers.Tests.Scan;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// inworld-scan's git modes where a user's hook or CI job could pass with a key present: each plants a fake key
    /// and shows the scan reports it, or fails with exit 2 and git's reason.
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        private static string GitLeakyClass(string name)
            => "public static class " + name + "\n{\n    public const string ApiKey = \"" + FakeCredentials.Default.ApiKey + "\";\n}\n";

        [Fact]
        public void Since_a_revision_a_shallow_CI_clone_does_not_have_exits_2_instead_of_scanning_nothing()
        {
            // A CI checkout of depth 1 has no origin/main history: '--since HEAD~1' names a commit it does not have.
            using var origin = new GitRepository("nsg-shallow-origin");
            origin.Write("src/A.cs", "public static class A { }\n");
            origin.Git("add", "-A");
            origin.Commit("one");
            origin.Write("src/Keys.cs", GitLeakyClass("Keys"));
            origin.Git("add", "-A");
            origin.Commit("two: the leak");

            using var ci = new ScanTree("nsg-shallow-clone");
            var clone = DotnetCli.RunProgram("git", ci.Root, new[] { "clone", "-q", "--depth", "1", "file://" + origin.Root, "checkout" }, timeoutSeconds: 60);
            Assert.True(clone.ExitCode == 0, clone.ToString());

            var result = ScanIOTests.Scan(Path.Combine(ci.Root, "checkout"), "--since", "HEAD~1");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("'HEAD~1' is not a commit of this repository", result.Output);
        }

        [Fact]
        public void Staged_scan_with_an_index_git_cannot_read_exits_2_with_gits_message()
        {
            using var repository = new GitRepository("nsg-bad-index");
            repository.Write("src/Keys.cs", GitLeakyClass("Keys"));
            repository.Git("add", "-A");
            File.WriteAllText(Path.Combine(repository.Root, ".git", "index"), "not an index");

            var result = ScanIOTests.Scan(repository.Root, "--staged");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("fatal:", result.Output);
        }

        [Fact]
        public void History_finds_a_key_that_only_a_merge_commit_introduced()
        {
            // Both branches change the file; the merge's conflict resolution adds the key. No parent has that blob.
            using var repository = new GitRepository("nsg-evil-merge");
            repository.Write("src/Settings.cs", "public static class Settings\n{\n}\n");
            repository.Git("add", "-A");
            repository.Commit("start");
            repository.Git("checkout", "-q", "-b", "side");
            repository.Write("src/Settings.cs", "public static class Settings\n{\n    public const int Side = 1;\n}\n");
            repository.Git("commit", "-q", "-am", "side");
            repository.Git("checkout", "-q", "main");
            repository.Write("src/Settings.cs", "public static class Settings\n{\n    public const int Main = 2;\n}\n");
            repository.Git("commit", "-q", "-am", "main");
            var merge = DotnetCli.RunProgram("git", repository.Root, new[] { "merge", "-q", "side" }, timeoutSeconds: 60);
            Assert.True(merge.ExitCode != 0, "the merge was meant to conflict: " + merge);
            repository.Write("src/Settings.cs", GitLeakyClass("Settings"));
            repository.Git("add", "-A");
            var mergeCommit = repository.Commit("merge, resolved with a key");
            repository.Write("src/Settings.cs", "public static class Settings\n{\n}\n");
            repository.Git("commit", "-q", "-am", "key removed");

            var result = ScanIOTests.Scan(repository.Root, "--history");
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("First committed in " + mergeCommit, Assert.Single(GitRepository.FindingLines(result)));
            AssertNoSecret(result.Output, FakeCredentials.Default);
        }
    }
}
