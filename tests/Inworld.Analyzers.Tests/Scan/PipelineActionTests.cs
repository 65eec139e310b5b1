using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// The composite GitHub Action (action.yml at the repository root): its inputs, its documentation, and its steps run
    /// for real by <see cref="GitHubRunner"/> against the inworld-scan built for this test run (placed where the
    /// action's install step finds an installed tool; NoSilentGreenTests.Pipelines installs it from a packed feed).
    /// </summary>
    [Trait("Category", "Scan")]
    public sealed class PipelineActionTests
    {
        internal static string ActionPath => Path.Combine(DotnetCli.RepositoryRoot(), "action.yml");

        internal static string RecipesPath => Path.Combine(DotnetCli.RepositoryRoot(), "docs", "ci-recipes.md");

        private static Dictionary<object, object?> Action() => PipelineYaml.Map(PipelineYaml.Parse(File.ReadAllText(ActionPath)), "action.yml");

        private static List<Dictionary<object, object?>> ActionSteps()
            => PipelineYaml.Seq(PipelineYaml.Map(Action()["runs"], "runs")["steps"], "steps").Select(s => PipelineYaml.Map(s, "step")).ToList();

        /// <summary>The version every dotnet pack of this repository gives its packages (Directory.Build.props).</summary>
        internal static string RepositoryVersion()
            => XDocument.Load(Path.Combine(DotnetCli.RepositoryRoot(), "Directory.Build.props")).Descendants("Version").Single().Value;

        [Fact]
        public void Every_input_is_described_used_by_a_step_and_documented_and_no_step_reads_an_undeclared_one()
        {
            var action = Action();
            var inputs = PipelineYaml.Map(action["inputs"], "inputs");
            var declared = inputs.Keys.Cast<string>().ToList();
            Assert.Equal(new[] { "path", "format", "severity-threshold", "baseline", "args", "version", "package-source", "upload-sarif", "sarif-file", "category" }, declared);
            foreach (var input in inputs)
            {
                Assert.False(string.IsNullOrWhiteSpace(PipelineYaml.Str(PipelineYaml.Map(input.Value, "input"), "description")), "input " + input.Key + " has no description");
            }

            var stepsText = string.Join("\n", ActionSteps().SelectMany(Scalars));
            var used = Regex.Matches(stepsText, @"inputs\.([A-Za-z0-9_-]+)").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.Empty(declared.Except(used));
            Assert.Empty(used.Except(declared));

            // Each input is a row of the inputs table in the recipes page.
            var recipes = File.ReadAllText(RecipesPath);
            foreach (var input in declared)
            {
                Assert.Matches(new Regex(@"^\| `" + Regex.Escape(input) + @"` \|", RegexOptions.Multiline), recipes);
            }

            foreach (var output in PipelineYaml.Map(action["outputs"], "outputs"))
            {
                Assert.Matches(new Regex(@"^\| `" + Regex.Escape((string)output.Key) + @"` \|", RegexOptions.Multiline), recipes);
            }
        }

        [Fact]
        public void Default_version_is_the_version_this_repository_packs()
        {
            var version = PipelineYaml.Str(PipelineYaml.Map(PipelineYaml.Map(Action()["inputs"], "inputs")["version"], "version"), "default");
            Assert.Equal(RepositoryVersion(), version);
            Assert.Equal(Inworld.Scan.Reports.Version, version);
        }

        [Fact]
        public void Steps_set_up_dotnet_10_install_scan_upload_always_and_end_with_the_verdict()
        {
            var steps = ActionSteps();
            Assert.Equal("actions/setup-dotnet@v4", PipelineYaml.Str(steps[0], "uses"));
            Assert.Equal("10.0.x", PipelineYaml.StringMap(steps[0], "with")["dotnet-version"]);

            var install = steps.Single(s => PipelineYaml.Str(s, "id") == "install");
            Assert.Contains("tool install Inworld.Scan", PipelineYaml.Str(install, "run"));

            var upload = steps.Single(s => PipelineYaml.Str(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
            Assert.Equal("github/codeql-action/upload-sarif@v3", PipelineYaml.Str(upload, "uses"));
            var condition = PipelineYaml.Str(upload, "if")!;
            Assert.StartsWith("always() && ", condition);
            Assert.Contains("inputs.upload-sarif == 'true'", condition);
            Assert.Equal("${{ steps.scan.outputs.sarif-file }}", PipelineYaml.StringMap(upload, "with")["sarif_file"]);

            // The verdict is the last step and runs after the upload, on the scan's recorded exit code.
            Assert.True(steps.IndexOf(upload) == steps.Count - 2, "the upload must come right before the verdict step");
            Assert.Equal("${{ steps.scan.outputs.exit-code }}", PipelineYaml.StringMap(steps[^1], "env")["SCAN_EXIT_CODE"]);
            Assert.Null(PipelineYaml.Str(steps[^1], "if"));
        }

        [Fact]
        public void Findings_write_SARIF_upload_it_and_fail_with_exit_1()
        {
            using var repo = new PipelineRepository();
            repo.Write("src/appsettings.json", "{\n  \"Inworld\": {\n    \"ApiKey\": \"" + FakeCredentials.Default.ApiKey + "\"\n  }\n}\n");
            var runner = repo.RunAction();

            var scan = runner.Step("scan");
            Assert.True(scan.ExitCode == 0, scan.ToString());
            Assert.Equal("1", scan.Outputs["exit-code"]);
            var upload = runner.Step("Upload SARIF to code scanning");
            Assert.True(upload.Ran, "the upload did not run");
            Assert.Equal("inworld-scan.sarif", upload.With["sarif_file"]);
            var results = repo.SarifResults("inworld-scan.sarif");
            Assert.Equal("INW004@src/appsettings.json:3", Assert.Single(results));

            var verdict = runner.Steps[^1];
            Assert.True(verdict.Ran && verdict.ExitCode == 1, verdict.ToString());
            Assert.True(runner.Failed);
            repo.AssertNoSecret(runner);
        }

        [Fact]
        public void Clean_repository_uploads_an_empty_log_and_passes()
        {
            using var repo = new PipelineRepository();
            repo.Write("src/appsettings.json", "{\n  \"Inworld\": {\n    \"ApiKey\": \"YOUR_API_KEY\"\n  }\n}\n");
            var runner = repo.RunAction(("sarif-file", "reports/inworld.sarif"), ("category", "inworld-scan-src"));

            Assert.All(runner.Steps, s => Assert.True(s.Ran && s.ExitCode == 0, s.ToString()));
            Assert.Empty(repo.SarifResults("reports/inworld.sarif"));
            Assert.Equal("reports/inworld.sarif", runner.Step("Upload SARIF to code scanning").With["sarif_file"]);
            Assert.Equal("inworld-scan-src", runner.Step("Upload SARIF to code scanning").With["category"]);
            Assert.False(runner.Failed);
        }

        [Fact]
        public void A_file_the_scan_cannot_read_uploads_the_log_and_fails_with_exit_2()
        {
            using var repo = new PipelineRepository();
            repo.Write(".env", "INWORLD_SECRET=" + FakeCredentials.Other.Secret + "\n");
            repo.Write("src/Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>\n");
            repo.Write("src/Broken/Program.cs", "class Program { static void Main() { } }\n");
            var runner = repo.RunAction();

            Assert.Equal("2", runner.Step("scan").Outputs["exit-code"]);
            Assert.True(runner.Step("Upload SARIF to code scanning").Ran);
            Assert.Contains("INW004@.env:1", repo.SarifResults("inworld-scan.sarif"));
            using (var sarif = JsonDocument.Parse(File.ReadAllText(repo.PathOf("inworld-scan.sarif"))))
            {
                Assert.False(sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
            }

            Assert.True(runner.Steps[^1].ExitCode == 2, runner.Steps[^1].ToString());
            repo.AssertNoSecret(runner);
        }

        [Fact]
        public void A_usage_error_writes_no_log_skips_the_upload_and_fails_with_exit_2()
        {
            using var repo = new PipelineRepository();
            repo.Write("notes.txt", "nothing here\n");
            repo.Write("inworld-scan.sarif", "{ \"left over\": \"by an earlier run\" }");
            var runner = repo.RunAction(("args", "--no-such-option"));

            Assert.Equal("2", runner.Step("scan").Outputs["exit-code"]);
            Assert.Contains("unknown option '--no-such-option'", runner.Step("scan").Output);
            Assert.False(File.Exists(repo.PathOf("inworld-scan.sarif")), "a stale SARIF log was left to be uploaded");
            Assert.False(runner.Step("Upload SARIF to code scanning").Ran);
            Assert.True(runner.Steps[^1].ExitCode == 2, runner.Steps[^1].ToString());
        }

        [Fact]
        public void Extra_arguments_keep_quoted_words_together_and_are_not_globbed()
        {
            using var repo = new PipelineRepository();
            repo.Write("Assets/Third Party/vendor.env", "INWORLD_SECRET=" + FakeCredentials.Other.Secret + "\n");
            repo.Write("Assets/Game/settings.json", "{ \"Inworld\": { \"ApiKey\": \"YOUR_API_KEY\" } }\n");

            var excluded = repo.RunAction(("args", "--exclude \"Assets/Third Party/**\" --project-kind 'client'"));
            Assert.True(excluded.Steps[^1].ExitCode == 0, string.Join("\n", excluded.Steps));
            Assert.Empty(repo.SarifResults("inworld-scan.sarif"));

            var included = repo.RunAction(("args", "--project-kind client"));
            Assert.Equal(new[] { "INW004@Assets/Third%20Party/vendor.env:1" }, repo.SarifResults("inworld-scan.sarif"));
            Assert.Equal(1, included.Steps[^1].ExitCode);

            var unmatched = repo.RunAction(("args", "--exclude \"Assets/Third Party/**"));
            Assert.Equal(2, unmatched.Step("scan").ExitCode);
            Assert.Contains("args could not be split", unmatched.Step("scan").Output);
            Assert.False(unmatched.Steps[^1].Ran);
        }

        [Fact]
        public void Text_format_prints_findings_in_the_log_and_refuses_to_upload_nothing()
        {
            using var repo = new PipelineRepository();
            repo.Write("game/.env", "INWORLD_SECRET=" + FakeCredentials.Other.Secret + "\n");

            var text = repo.RunAction(("format", "text"), ("upload-sarif", "false"), ("path", "game"));
            Assert.Contains(Path.Combine("game", ".env") + "(1,16): warning INW004", text.Step("scan").Output);
            Assert.False(text.Step("Upload SARIF to code scanning").Ran);
            Assert.Equal(1, text.Steps[^1].ExitCode);

            var refused = repo.RunAction(("format", "text"));
            Assert.Equal(2, refused.Step("scan").ExitCode);
            Assert.Contains("format text writes no SARIF log to upload", refused.Step("scan").Output);
            Assert.False(refused.Step("Upload SARIF to code scanning").Ran);
            Assert.False(refused.Steps[^1].Ran);
            Assert.True(refused.Failed);

            var badSwitch = repo.RunAction(("upload-sarif", "yes"));
            Assert.Equal(2, badSwitch.Step("scan").ExitCode);
            Assert.True(badSwitch.Failed);
            repo.AssertNoSecret(text);
        }

        [Fact]
        public void Threshold_none_passes_with_findings_still_in_the_uploaded_log()
        {
            using var repo = new PipelineRepository();
            repo.Write(".env", "INWORLD_SECRET=" + FakeCredentials.Other.Secret + "\n");
            var runner = repo.RunAction(("severity-threshold", "none"));
            Assert.Equal(0, runner.Steps[^1].ExitCode);
            Assert.True(runner.Step("Upload SARIF to code scanning").Ran);
            Assert.Equal(new[] { "INW004@.env:1" }, repo.SarifResults("inworld-scan.sarif"));

            var errorsOnly = repo.RunAction(("severity-threshold", "error"));
            Assert.Equal(0, errorsOnly.Steps[^1].ExitCode);
            var warnings = repo.RunAction(("severity-threshold", "warning"));
            Assert.Equal(1, warnings.Steps[^1].ExitCode);
        }

        [Fact]
        public void Baseline_input_accepts_the_recorded_findings_and_fails_on_new_ones()
        {
            using var repo = new PipelineRepository();
            repo.Write("legacy/.env", "INWORLD_SECRET=" + FakeCredentials.Other.Secret + "\n");
            var write = DotnetCli.Run(repo.Workspace, new[] { ScanToolTests.ToolPath(), "--write-baseline", "inworld-baseline.json", "." }, timeoutSeconds: 180);
            Assert.True(write.ExitCode == 0, write.ToString());

            var accepted = repo.RunAction(("baseline", "inworld-baseline.json"));
            Assert.True(accepted.Steps[^1].ExitCode == 0, string.Join("\n", accepted.Steps));
            Assert.True(accepted.Step("Upload SARIF to code scanning").Ran);
            Assert.Equal(new[] { "unchanged" }, BaselineStates(repo));

            repo.Write("service/appsettings.json", "{ \"Inworld\": { \"ApiKey\": \"" + FakeCredentials.Default.ApiKey + "\" } }\n");
            var fresh = repo.RunAction(("baseline", "inworld-baseline.json"));
            Assert.Equal(1, fresh.Steps[^1].ExitCode);
            Assert.Equal(new[] { "new", "unchanged" }, BaselineStates(repo));

            var missing = repo.RunAction(("baseline", "no-such-baseline.json"));
            Assert.Equal(2, missing.Steps[^1].ExitCode);
            repo.AssertNoSecret(fresh);
        }

        private static List<string> BaselineStates(PipelineRepository repo)
        {
            var text = File.ReadAllText(repo.PathOf("inworld-scan.sarif"));
            Assert.Empty(SarifSchema.Validate(text));
            using var document = JsonDocument.Parse(text);
            return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("baselineState").GetString()!).OrderBy(s => s, StringComparer.Ordinal).ToList();
        }

        [Fact]
        public void The_verdict_step_never_passes_without_a_recorded_exit_code()
        {
            // The verdict step alone, as the runner would run it had the scan step recorded nothing.
            var verdict = ActionSteps()[^1];
            var script = PipelineYaml.Str(verdict, "run")!;
            using var repo = new PipelineRepository();
            foreach (var (recorded, expected) in new[] { ("", 2), ("0", 0), ("1", 1), ("2", 2), ("127", 2) })
            {
                var result = DotnetCli.RunProgram("bash", repo.Workspace, new[] { "--noprofile", "--norc", "-eo", "pipefail", "-c", script },
                    new Dictionary<string, string> { ["SCAN_EXIT_CODE"] = recorded });
                Assert.True(result.ExitCode == expected, "recorded '" + recorded + "': " + result);
            }
        }

        private static IEnumerable<string> Scalars(object? node) => node switch
        {
            string s => new[] { s },
            Dictionary<object, object?> map => map.Values.SelectMany(Scalars),
            List<object?> list => list.SelectMany(Scalars),
            _ => Array.Empty<string>(),
        };
    }

    /// <summary>A throw-away repository, runner temp folder and home for one pipeline test.</summary>
    internal sealed class PipelineRepository : IDisposable
    {
        public PipelineRepository()
        {
            Root = Path.Combine(Path.GetTempPath(), "inworld-pipeline-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Workspace = Path.Combine(Root, "workspace");
            Home = Path.Combine(Root, "home");
            Directory.CreateDirectory(Workspace);
            Directory.CreateDirectory(Home);
        }

        public string Root { get; }
        public string Workspace { get; }
        public string Home { get; }

        public string PathOf(string relative) => Path.Combine(Workspace, relative);

        public void Write(string relative, string text)
        {
            var path = PathOf(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        /// <summary>
        /// The PATH a runner starts with: this machine's, less any folder that holds an inworld-scan (a developer's
        /// global tools), so a recipe finds only the tool it installs itself.
        /// </summary>
        public static string BasePath()
            => string.Join(":", (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
                .Where(d => d.Length > 0 && !File.Exists(Path.Combine(d, "inworld-scan"))));

        /// <summary>Runs action.yml with the built tool standing in for the installed one (a new runner each time).</summary>
        public GitHubRunner RunAction(params (string Name, string Value)[] inputs)
        {
            var runnerTemp = Path.Combine(Root, "runner-temp-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            var toolDirectory = Path.Combine(runnerTemp, "inworld-scan-" + PipelineActionTests.RepositoryVersion());
            Directory.CreateDirectory(toolDirectory);
            var shim = Path.Combine(toolDirectory, "inworld-scan");
            File.WriteAllText(shim, "#!/bin/sh\nexec dotnet '" + ScanToolTests.ToolPath() + "' \"$@\"\n");
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("the pipeline tests run the recipes' bash scripts, as Linux runners do");
            }

            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var runner = NewRunner(runnerTemp);
            runner.RunAction(PipelineActionTests.ActionPath, inputs.ToDictionary(i => i.Name, i => i.Value));
            Assert.True(runner.Step("install").ExitCode == 0, runner.Step("install").ToString());
            return runner;
        }

        /// <summary>Runs action.yml on a fresh runner whose install step installs the tool for real.</summary>
        public GitHubRunner RunActionInstalling(IDictionary<string, string> environment, params (string Name, string Value)[] inputs)
        {
            var runner = NewRunner(Path.Combine(Root, "runner-temp-" + Guid.NewGuid().ToString("N").Substring(0, 6)), environment);
            runner.RunAction(PipelineActionTests.ActionPath, inputs.ToDictionary(i => i.Name, i => i.Value));
            return runner;
        }

        public GitHubRunner NewRunner(string runnerTemp, IDictionary<string, string>? environment = null)
        {
            var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["HOME"] = Home };
            var runner = new GitHubRunner(Workspace, runnerTemp, BasePath(), variables);
            runner.Actions["actions/checkout@"] = _ => 0;
            runner.Actions["actions/setup-dotnet@"] = step => step.With.TryGetValue("dotnet-version", out var version) && version.StartsWith("10.", StringComparison.Ordinal) ? 0 : 1;

            // upload-sarif fails on a missing or unreadable log, as the real action does.
            runner.Actions["github/codeql-action/upload-sarif@"] = step =>
            {
                var file = Path.Combine(Workspace, step.With["sarif_file"]);
                if (!File.Exists(file))
                {
                    step.Output = "upload-sarif: no such file " + file;
                    return 1;
                }

                using var document = JsonDocument.Parse(File.ReadAllText(file));
                step.Output = "uploaded " + document.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength() + " results";
                return SarifSchema.Validate(File.ReadAllText(file)).Count == 0 ? 0 : 1;
            };
            return runner;
        }

        /// <summary>"RULE@uri:line" of each result of a SARIF log in the workspace.</summary>
        public List<string> SarifResults(string relative)
        {
            var text = File.ReadAllText(PathOf(relative));
            Assert.Empty(SarifSchema.Validate(text));
            using var document = JsonDocument.Parse(text);
            return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r =>
                {
                    var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                    return r.GetProperty("ruleId").GetString() + "@" + location.GetProperty("artifactLocation").GetProperty("uri").GetString() + ":" +
                        location.GetProperty("region").GetProperty("startLine").GetInt32();
                })
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
        }

        public void AssertNoSecret(GitHubRunner runner)
        {
            var everything = string.Join("\n", runner.Steps.Select(s => s.Output + string.Join("\n", s.Outputs.Values)));
            foreach (var file in Directory.EnumerateFiles(Workspace, "*.sarif", SearchOption.AllDirectories))
            {
                everything += File.ReadAllText(file);
            }

            foreach (var credentials in new[] { FakeCredentials.Default, FakeCredentials.Other })
            {
                Assert.DoesNotContain(credentials.ApiKey.Substring(0, 12), everything);
                Assert.DoesNotContain(credentials.Secret.Substring(0, 12), everything);
                Assert.DoesNotContain(credentials.KeyId.Substring(0, 12), everything);
            }
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
