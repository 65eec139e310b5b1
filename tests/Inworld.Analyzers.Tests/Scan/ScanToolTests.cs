using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>End-to-end runs of the built inworld-scan on fixture trees: output lines, SARIF, exit codes.</summary>
    [Trait("Category", "Scan")]
    public sealed class ScanToolTests : IClassFixture<ScanFixtures>
    {
        private readonly ScanFixtures _fixtures;

        public ScanToolTests(ScanFixtures fixtures) => _fixtures = fixtures;

        /// <summary>The tool as built for this test run (same configuration), run with 'dotnet inworld-scan.dll'.</summary>
        internal static string ToolPath()
        {
            var configuration = AppContext.BaseDirectory.Contains(Path.DirectorySeparatorChar + "Release" + Path.DirectorySeparatorChar) ? "Release" : "Debug";
            var path = Path.Combine(DotnetCli.RepositoryRoot(), "src", "Inworld.Scan", "bin", configuration, "net10.0", "inworld-scan.dll");
            Assert.True(File.Exists(path), "inworld-scan is not built at " + path);
            return path;
        }

        private static DotnetCli.Result Scan(string workingDirectory, params string[] args)
            => DotnetCli.Run(workingDirectory, new[] { ToolPath() }.Concat(args), timeoutSeconds: 180);

        private static List<string> FindingLines(string output)
            => output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => Regex.IsMatch(l, @"^\S.*\(\d+,\d+\): (warning|error|info) INW\d{3}: ")).ToList();

        private static void AssertNoSecrets(string text)
        {
            foreach (var credentials in new[] { FakeCredentials.Default, FakeCredentials.Other })
            {
                Assert.DoesNotContain(credentials.ApiKey.Substring(0, 12), text);
                Assert.DoesNotContain(credentials.Secret.Substring(0, 12), text);
                Assert.DoesNotContain(credentials.KeyId.Substring(0, 12), text);
            }
        }

        [Fact]
        public void Leaking_Unity_project_reports_asset_prefab_scene_and_script_and_exits_1()
        {
            var result = Scan(_fixtures.UnityLeaky, ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            var lines = FindingLines(result.Output);
            var sep = Path.DirectorySeparatorChar;
            Assert.Equal(new[]
            {
                $"Assets{sep}Prefabs{sep}Npc.prefab(9,13): warning INW004",
                $"Assets{sep}Resources{sep}InworldSettings.asset(8,13): warning INW004",
                $"Assets{sep}Scenes{sep}Main.unity(9,17): warning INW004",
                $"Assets{sep}Scripts{sep}NpcController.cs(5,56): warning INW001",
            }, lines.Select(l => l.Substring(0, l.IndexOf(": ", l.IndexOf("): ", StringComparison.Ordinal) + 3, StringComparison.Ordinal))).OrderBy(l => l, StringComparer.Ordinal));

            // Library/, Temp/, Logs/ and what .gitignore names (Builds/) are not read.
            Assert.DoesNotContain("Library", result.Output);
            Assert.DoesNotContain("Builds", string.Join("\n", lines));
            Assert.Contains("Unity project 2022.3.10f1", result.Output);
            Assert.Contains("fields 'm_KeyId' and 'm_Secret'", result.Output);
            AssertNoSecrets(result.Output);
        }

        [Fact]
        public void Clean_Unity_project_exits_0_with_no_findings()
        {
            var result = Scan(_fixtures.UnityClean, ".");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(FindingLines(result.Output));
            Assert.Contains("0 errors, 0 warnings", result.Output);
        }

        [Fact]
        public void Mixed_repository_honours_editorconfig_severity_and_separate_projects()
        {
            var result = Scan(_fixtures.Mixed, ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            var lines = FindingLines(result.Output);
            var sep = Path.DirectorySeparatorChar;
            Assert.Contains(lines, l => l.StartsWith($"src{sep}App{sep}Program.cs(1,11): warning INW001: Inworld API key is hard-coded in local 'key'", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"src{sep}App{sep}appsettings.Production.json(3,15): error INW004: Inworld key id is stored in setting 'Inworld:KeyId'", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith(".env(2,16): warning INW004: Inworld secret", StringComparison.Ordinal));
            Assert.Equal(3, lines.Count);
            Assert.DoesNotContain($"{sep}bin{sep}", result.Output);
            Assert.DoesNotContain($"{sep}obj{sep}", result.Output);
            AssertNoSecrets(result.Output);
        }

        [Fact]
        public void Threshold_and_exclude_decide_the_exit_code()
        {
            var errorsOnly = Scan(_fixtures.Mixed, "--severity-threshold", "error", ".");
            Assert.True(errorsOnly.ExitCode == 1, errorsOnly.ToString());

            var excluded = Scan(_fixtures.Mixed, "--severity-threshold", "error", "--exclude", "**/appsettings.Production.json", ".");
            Assert.True(excluded.ExitCode == 0, excluded.ToString());
            Assert.Equal(2, FindingLines(excluded.Output).Count);

            var never = Scan(_fixtures.UnityLeaky, "--severity-threshold", "none", ".");
            Assert.True(never.ExitCode == 0, never.ToString());
            Assert.Equal(4, FindingLines(never.Output).Count);

            var withoutGitignore = Scan(_fixtures.UnityLeaky, "--no-gitignore", ".");
            Assert.Contains(FindingLines(withoutGitignore.Output), l => l.Contains("Builds" + Path.DirectorySeparatorChar + "settings.json"));
        }

        [Fact]
        public void Sarif_output_is_valid_SARIF_2_1_0_without_secrets()
        {
            var sarifPath = Path.Combine(_fixtures.Root, "unity.sarif");
            var result = Scan(_fixtures.UnityLeaky, "--format", "sarif", "--output", sarifPath, ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            var text = File.ReadAllText(sarifPath);
            AssertNoSecrets(text);
            Assert.Empty(SarifSchema.Validate(text));

            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            Assert.Contains("sarif", root.GetProperty("$schema").GetString());
            var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.Equal("inworld-scan", driver.GetProperty("name").GetString());
            var rules = driver.GetProperty("rules").EnumerateArray().ToList();
            Assert.Contains(rules, r => r.GetProperty("id").GetString() == "INW001" && r.GetProperty("helpUri").GetString()!.EndsWith("docs/rules/INW001.md"));
            Assert.Contains(rules, r => r.GetProperty("id").GetString() == "INW004");
            Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());

            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(4, results.Count);
            foreach (var item in results)
            {
                var ruleId = item.GetProperty("ruleId").GetString();
                Assert.Matches("^INW00[14]$", ruleId);
                Assert.Equal(ruleId, rules[item.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
                Assert.Contains(item.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
                Assert.False(string.IsNullOrEmpty(item.GetProperty("message").GetProperty("text").GetString()));
                var physical = Assert.Single(item.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
                var artifact = physical.GetProperty("artifactLocation");
                Assert.StartsWith("Assets/", artifact.GetProperty("uri").GetString());
                Assert.Equal("SRCROOT", artifact.GetProperty("uriBaseId").GetString());
                var region = physical.GetProperty("region");
                Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
                Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
                Assert.True(region.GetProperty("endColumn").GetInt32() > region.GetProperty("startColumn").GetInt32());
            }

            // SARIF on standard output too, with nothing else mixed in.
            var toStdout = DotnetCli.Run(_fixtures.UnityClean, new[] { ToolPath(), "--quiet", "--format", "sarif", "." });
            Assert.True(toStdout.ExitCode == 0, toStdout.ToString());
            Assert.Empty(SarifSchema.Validate(toStdout.Output));
            using var clean = JsonDocument.Parse(toStdout.Output);
            Assert.Empty(clean.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        }

        [Theory]
        [InlineData("--bogus", "unknown option '--bogus'")]
        [InlineData("--format xml", "--format expects text or sarif")]
        [InlineData("--project-kind mobile", "--project-kind expects auto, client or server")]
        [InlineData("--severity-threshold loud", "--severity-threshold expects error, warning, note or none")]
        [InlineData("--exclude", "--exclude expects a glob")]
        [InlineData("no/such/folder", "path not found: no/such/folder")]
        public void Usage_and_path_errors_exit_2_with_a_clear_message(string args, string message)
        {
            var result = Scan(_fixtures.UnityClean, args.Split(' '));
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains(message, result.Output);
        }

        [Fact]
        public void Unwritable_output_exits_2()
        {
            var result = Scan(_fixtures.UnityClean, "--output", Path.Combine(_fixtures.Root, "missing-folder", "x", "report.txt"), ".");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("cannot write", result.Output);
        }

        [Fact]
        public void Project_kind_and_text_output_file_are_accepted()
        {
            var report = Path.Combine(_fixtures.Root, "report.txt");
            var result = Scan(_fixtures.UnityLeaky, "--project-kind", "server", "--output", report, ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Equal(4, FindingLines(File.ReadAllText(report)).Count);
            Assert.Empty(FindingLines(result.Output));
        }

        [Fact]
        public void Help_and_version()
        {
            var help = Scan(_fixtures.Root, "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains("Exit codes: 0", help.Output);
            var version = Scan(_fixtures.Root, "--version");
            Assert.True(version.ExitCode == 0, version.ToString());
            Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());
        }
    }
}
