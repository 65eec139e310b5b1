using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// The pre-commit hooks as users install them: the repository's .pre-commit-hooks.yaml (parsed as YAML, its
    /// entry run against the built tool) and README's plain .git/hooks/pre-commit script, run by a real git commit.
    /// </summary>
    [Trait("Category", "Scan")]
    public sealed class GitHookTests
    {
        private static readonly FakeCredentials Leak = FakeCredentials.Default;

        private static string LeakyClass(string name)
            => "public static class " + name + "\n{\n    public const string ApiKey = \"" + Leak.ApiKey + "\";\n}\n";

        /// <summary>A folder with an 'inworld-scan' command that runs the tool as built for this test run, for PATH.</summary>
        private static string ToolShimFolder(ScanTree tree)
        {
            var shim = tree.Write("bin/inworld-scan", "#!/bin/sh\nexec dotnet '" + ScanToolTests.ToolPath() + "' \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return Path.GetDirectoryName(shim)!;
        }

        private static Dictionary<string, string> WithShim(string shimFolder)
            => new Dictionary<string, string> { ["PATH"] = shimFolder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

        private static YamlMappingNode TheHook()
        {
            var path = Path.Combine(DotnetCli.RepositoryRoot(), ".pre-commit-hooks.yaml");
            var yaml = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                yaml.Load(reader);
            }

            var hooks = Assert.IsType<YamlSequenceNode>(Assert.Single(yaml.Documents).RootNode);
            return Assert.IsType<YamlMappingNode>(Assert.Single(hooks.Children));
        }

        private static string Scalar(YamlMappingNode node, string key)
            => Assert.IsType<YamlScalarNode>(node.Children[new YamlScalarNode(key)]).Value!;

        [Fact]
        public void Pre_commit_hooks_file_declares_a_system_hook_that_scans_the_staged_content()
        {
            var hook = TheHook();

            // pre-commit requires id, name, entry and language; the rest are checked for the layout README describes.
            Assert.Equal("inworld-scan", Scalar(hook, "id"));
            Assert.False(string.IsNullOrWhiteSpace(Scalar(hook, "name")));
            Assert.Equal("system", Scalar(hook, "language"));
            Assert.Equal("inworld-scan --staged", Scalar(hook, "entry"));
            Assert.Equal("false", Scalar(hook, "pass_filenames"));
            var known = new[] { "id", "name", "description", "entry", "language", "pass_filenames", "require_serial", "minimum_pre_commit_version" };
            Assert.All(hook.Children.Keys, key => Assert.Contains(((YamlScalarNode)key).Value, known));
        }

        [Fact]
        public void Pre_commit_hook_entry_fails_a_staged_key_and_passes_a_clean_commit()
        {
            if (OperatingSystem.IsWindows())
            {
                return; // pre-commit runs a system hook's entry through the shell; the shim below is a POSIX script.
            }

            var entry = Scalar(TheHook(), "entry");
            using var tools = new ScanTree("hook-shim");
            var path = WithShim(ToolShimFolder(tools));
            using var repository = new GitRepository("pre-commit-entry");
            repository.Write("src/Clean.cs", "public static class Clean { }\n");
            repository.Git("add", "-A");

            // As pre-commit runs it: the entry's words, in the repository's top folder, no file names appended.
            var clean = DotnetCli.RunProgram("sh", repository.Root, new[] { "-c", entry }, path, timeoutSeconds: 180);
            Assert.True(clean.ExitCode == 0, clean.ToString());

            repository.Write("src/Keys.cs", LeakyClass("Keys"));
            repository.Git("add", "src/Keys.cs");
            var leaky = DotnetCli.RunProgram("sh", repository.Root, new[] { "-c", entry }, path, timeoutSeconds: 180);
            Assert.True(leaky.ExitCode == 1, leaky.ToString());
            Assert.StartsWith(Path.Combine("src", "Keys.cs") + "(3,34): warning INW001", Assert.Single(GitRepository.FindingLines(leaky)));
            ScanIOTests.AssertNoSecret(leaky.Output);
        }

        /// <summary>README's plain hook script: the sh block that runs 'inworld-scan --staged'.</summary>
        private static string ReadmeHookScript()
        {
            var readme = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), "README.md")).Replace("\r\n", "\n");
            var blocks = Regex.Matches(readme, "```sh\n(#!/bin/sh\n.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
                .Where(b => b.Contains("inworld-scan --staged", StringComparison.Ordinal)).ToList();
            return Assert.Single(blocks);
        }

        [Fact]
        public void Readme_git_hook_blocks_a_commit_with_a_staged_key_including_commit_all()
        {
            if (OperatingSystem.IsWindows())
            {
                return; // git for Windows runs hooks through its own sh; this test drives the POSIX form.
            }

            using var tools = new ScanTree("git-hook-shim");
            var path = WithShim(ToolShimFolder(tools));
            using var repository = new GitRepository("git-hook");
            repository.Write("src/Clean.cs", "public static class Clean { }\n");
            repository.Git("add", "-A");
            var first = repository.Commit("start (no hook yet)");

            var hook = Path.Combine(repository.Root, ".git", "hooks", "pre-commit");
            File.WriteAllText(hook, ReadmeHookScript());
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            DotnetCli.Result Commit(params string[] args)
                => DotnetCli.RunProgram("git", repository.Root, new[] { "commit", "-q" }.Concat(args), path, timeoutSeconds: 180);

            // A staged key: the commit is refused, HEAD does not move.
            repository.Write("src/Keys.cs", LeakyClass("Keys"));
            repository.Git("add", "src/Keys.cs");
            var refused = Commit("-m", "leak");
            Assert.True(refused.ExitCode != 0, refused.ToString());
            Assert.Contains("INW001", refused.Output);
            Assert.Equal(first, repository.Git("rev-parse", "HEAD"));

            // 'git commit -a' stages into a temporary index the hook must read: a key only modified in the
            // working tree of a tracked file is refused too.
            repository.Git("rm", "-q", "--cached", "src/Keys.cs");
            repository.Delete("src/Keys.cs");
            repository.Write("src/Clean.cs", LeakyClass("Clean"));
            var all = Commit("-a", "-m", "leak through commit -a");
            Assert.True(all.ExitCode != 0, all.ToString());
            Assert.Contains("INW001", all.Output);
            Assert.Equal(first, repository.Git("rev-parse", "HEAD"));

            // A clean change commits.
            repository.Write("src/Clean.cs", "public static class Clean { public const int Answer = 42; }\n");
            var clean = Commit("-a", "-m", "clean");
            Assert.True(clean.ExitCode == 0, clean.ToString());
            Assert.NotEqual(first, repository.Git("rev-parse", "HEAD"));
        }
    }
}
