using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Inworld.Analyzers.Tests.Scan;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// The CI recipes of docs/ci-recipes.md and the GitHub Action, run as a pipeline runs them: the tool is packed at
    /// this repository's version into a folder feed that stands in for nuget.org (the only source in the runner's
    /// home), each recipe's own install line installs it, and its scan lines run on a repository holding a generated
    /// fake key (the job must fail, and keep its report) and on a clean one (the job must pass).
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        private static readonly object PipelineFeedLock = new object();
        private static string? _pipelineFeed;

        /// <summary>Inworld.Scan packed at the repository's own version (the one the recipes pin), once per run.</summary>
        private string PipelineFeed()
        {
            lock (PipelineFeedLock)
            {
                if (_pipelineFeed == null || !Directory.Exists(_pipelineFeed))
                {
                    var feed = Path.Combine(_package.Root, "pipeline-feed");
                    var repository = DotnetCli.RepositoryRoot();
                    var pack = DotnetCli.Run(repository, new[] { "pack", Path.Combine(repository, "src", "Inworld.Scan", "Inworld.Scan.csproj"), "-c", "Release", "-o", feed }, timeoutSeconds: 600);
                    Assert.True(pack.ExitCode == 0, "dotnet pack Inworld.Scan failed:\n" + pack);
                    Assert.True(File.Exists(Path.Combine(feed, "Inworld.Scan." + PipelineActionTests.RepositoryVersion() + ".nupkg")), "no Inworld.Scan " + PipelineActionTests.RepositoryVersion() + " package in " + feed);
                    _pipelineFeed = feed;
                }

                return _pipelineFeed;
            }
        }

        /// <summary>A repository for a pipeline: its runner home knows only the packed feed (no tool installed, no cache).</summary>
        private PipelineRepository PipelineRepositoryWith(bool leak, bool unity = false)
        {
            var repo = new PipelineRepository();
            var nuget = Path.Combine(repo.Home, ".nuget", "NuGet");
            Directory.CreateDirectory(nuget);
            File.WriteAllText(Path.Combine(nuget, "NuGet.Config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"stand-in for nuget.org\" value=\"" + PipelineFeed() + "\" />\n  </packageSources>\n</configuration>\n");
            var credentials = FakeCredentials.Default;
            if (unity)
            {
                repo.Write("game/ProjectSettings/ProjectVersion.txt", "m_EditorVersion: 2022.3.10f1\n");
                repo.Write("game/Assets/Resources/InworldSettings.asset", ScanFixtures.UnityHeader + "  m_Name: InworldSettings\n  m_APIKey: " + (leak ? credentials.ApiKey : "") + "\n");
                repo.Write("game/Assets/Scripts/Npc.cs", "public class Npc { public string Endpoint = \"https://game.example.com/inworld/token\"; }\n");
            }
            else
            {
                repo.Write("service/appsettings.json", "{\n  \"Inworld\": {\n    \"ApiKey\": \"" + (leak ? credentials.ApiKey : "YOUR_API_KEY") + "\"\n  }\n}\n");
                repo.Write("README.md", "# a repository\n");
            }

            return repo;
        }

        /// <summary>The runner environment: the repository's home, and no inherited NuGet or .NET CLI home.</summary>
        private static Dictionary<string, string> RunnerEnvironment(PipelineRepository repo) => new Dictionary<string, string>
        {
            ["HOME"] = repo.Home,
            ["DOTNET_CLI_HOME"] = repo.Home,
            ["NUGET_PACKAGES"] = Path.Combine(repo.Home, ".nuget", "packages"),
        };

        private static string Recipe(string marker)
        {
            var blocks = PipelineYaml.MarkdownYamlBlocks(File.ReadAllText(PipelineActionTests.RecipesPath)).Where(b => b.Text.Contains(marker, StringComparison.Ordinal)).ToList();
            Assert.True(blocks.Count == 1, "expected one recipe with '" + marker + "' in docs/ci-recipes.md, found " + blocks.Count);
            return blocks[0].Text;
        }

        /// <summary>A GitHub runner whose `uses: inworld-analyzers/Inworld.Analyzers@...` runs this repository's action.yml.</summary>
        private static GitHubRunner WorkflowRunner(PipelineRepository repo, List<GitHubRunner> actionRuns)
        {
            var runnerTemp = Path.Combine(repo.Root, "runner-temp");
            var runner = repo.NewRunner(runnerTemp, RunnerEnvironment(repo));
            runner.Actions["inworld-analyzers/Inworld.Analyzers@"] = step =>
            {
                var action = repo.NewRunner(runnerTemp, RunnerEnvironment(repo));
                actionRuns.Add(action);
                action.RunAction(PipelineActionTests.ActionPath, step.With);
                step.Output = string.Join("\n", action.Steps);
                return action.Steps.FirstOrDefault(s => s.Ran && s.ExitCode != 0)?.ExitCode ?? 0;
            };
            runner.Actions["game-ci/unity-builder@"] = _ => throw new InvalidOperationException("the Unity build job is not run here");
            return runner;
        }

        [Fact]
        public void Action_workflow_installs_the_pinned_tool_from_the_feed_uploads_SARIF_and_fails_on_a_key()
        {
            foreach (var leak in new[] { true, false })
            {
                using var repo = PipelineRepositoryWith(leak);
                var actionRuns = new List<GitHubRunner>();
                var runner = WorkflowRunner(repo, actionRuns);
                runner.RunJob(Recipe("args: --exclude"), "inworld-scan");
                var action = Assert.Single(actionRuns);

                var install = action.Step("install");
                Assert.True(install.ExitCode == 0, install.ToString());
                Assert.Contains(PipelineActionTests.RepositoryVersion(), install.Output);
                Assert.True(action.Step("Upload SARIF to code scanning").Ran, "the SARIF log was not uploaded");
                Assert.Equal(leak ? new[] { "INW004@service/appsettings.json:3" } : Array.Empty<string>(), repo.SarifResults("inworld-scan.sarif"));
                Assert.Equal(leak ? 1 : 0, action.Steps[^1].ExitCode);
                Assert.True(runner.Failed == leak, string.Join("\n", action.Steps));
                repo.AssertNoSecret(action);
            }
        }

        [Fact]
        public void Action_installs_from_its_package_source_input_and_fails_when_the_tool_cannot_be_installed()
        {
            using var repo = PipelineRepositoryWith(leak: true);

            // The runner's NuGet sources do not have the tool: only the package-source input does.
            File.WriteAllText(Path.Combine(repo.Home, ".nuget", "NuGet", "NuGet.Config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");
            var fromInput = repo.RunActionInstalling(RunnerEnvironment(repo), ("package-source", PipelineFeed()));
            Assert.True(fromInput.Step("install").ExitCode == 0, fromInput.Step("install").ToString());
            Assert.Equal(1, fromInput.Steps[^1].ExitCode);
            Assert.Equal(new[] { "INW004@service/appsettings.json:3" }, repo.SarifResults("inworld-scan.sarif"));

            // No source has it: the install step fails the job; nothing is scanned, uploaded or passed.
            File.Delete(repo.PathOf("inworld-scan.sarif"));
            var nowhere = repo.RunActionInstalling(RunnerEnvironment(repo));
            Assert.NotEqual(0, nowhere.Step("install").ExitCode);
            Assert.False(nowhere.Step("scan").Ran);
            Assert.False(nowhere.Step("Upload SARIF to code scanning").Ran);
            Assert.False(nowhere.Steps[^1].Ran);
            Assert.True(nowhere.Failed);
        }

        [Fact]
        public void GitHub_run_recipe_fails_on_a_key_and_still_uploads_its_SARIF()
        {
            foreach (var leak in new[] { true, false })
            {
                using var repo = PipelineRepositoryWith(leak);
                var runner = WorkflowRunner(repo, new List<GitHubRunner>());
                runner.RunJob(Recipe("run: inworld-scan --format sarif"), "inworld-scan");

                Assert.True(runner.Step("Install inworld-scan").ExitCode == 0, runner.Step("Install inworld-scan").ToString());
                var scan = runner.Step("Scan for Inworld credentials");
                Assert.True(scan.ExitCode == (leak ? 1 : 0), scan.ToString());
                var upload = runner.Step("Upload SARIF to code scanning");
                Assert.True(upload.Ran && upload.ExitCode == 0, upload.ToString());
                Assert.Equal(leak ? new[] { "INW004@service/appsettings.json:3" } : Array.Empty<string>(), repo.SarifResults("inworld-scan.sarif"));
                Assert.Equal(leak, runner.Failed);
                repo.AssertNoSecret(runner);
            }
        }

        [Fact]
        public void Azure_recipe_fails_on_a_key_and_still_publishes_CodeAnalysisLogs()
        {
            foreach (var leak in new[] { true, false })
            {
                using var repo = PipelineRepositoryWith(leak);
                var staging = Path.Combine(repo.Root, "a");
                var agentTemp = Path.Combine(repo.Root, "agent-temp");
                Directory.CreateDirectory(staging);
                Directory.CreateDirectory(agentTemp);
                var variables = new Dictionary<string, string>
                {
                    ["Build.ArtifactStagingDirectory"] = staging,
                    ["Build.SourcesDirectory"] = repo.Workspace,
                    ["Agent.TempDirectory"] = agentTemp,
                };
                var agent = new AzureRunner(repo.Workspace, Scan.PipelineRepository.BasePath(), variables, RunnerEnvironment(repo));
                agent.Tasks["UseDotNet@2"] = step => step.With["version"].StartsWith("10.", StringComparison.Ordinal) ? 0 : 1;
                var published = new List<(string Path, string Name)>();
                agent.Tasks["PublishBuildArtifacts@1"] = step =>
                {
                    published.Add((step.With["PathtoPublish"], step.With["ArtifactName"]));
                    return Directory.Exists(step.With["PathtoPublish"]) ? 0 : 1;
                };
                agent.Run(Recipe("task: PublishBuildArtifacts@1"));

                var scan = agent.Steps.Single(s => s.Name == "Scan for Inworld credentials");
                Assert.True(scan.ExitCode == (leak ? 1 : 0), string.Join("\n", agent.Steps));
                var artifact = Assert.Single(published);
                Assert.Equal("CodeAnalysisLogs", artifact.Name);
                var logs = Directory.GetFiles(artifact.Path, "*.sarif");
                var log = Assert.Single(logs);
                Assert.Equal(leak ? new[] { "INW004@service/appsettings.json:3" } : Array.Empty<string>(), repo.SarifResults(log));
                Assert.Equal(leak, agent.Failed);
                Assert.DoesNotContain(FakeCredentials.Default.ApiKey.Substring(0, 12), scan.Output + File.ReadAllText(log));
            }
        }

        [Fact]
        public void GitLab_recipe_fails_on_a_key_prints_the_findings_and_keeps_them_as_an_artifact()
        {
            foreach (var leak in new[] { true, false })
            {
                using var repo = PipelineRepositoryWith(leak);
                var gitlab = new GitLabRunner(repo.Workspace, Scan.PipelineRepository.BasePath(), RunnerEnvironment(repo));
                gitlab.Run(Recipe("image: mcr.microsoft.com/dotnet/sdk:10.0"), "inworld-scan");

                Assert.True(gitlab.Script.ExitCode == (leak ? 1 : 0), gitlab.Script.ToString());
                Assert.True(gitlab.AfterScript.Ran && gitlab.AfterScript.ExitCode == 0, gitlab.AfterScript.ToString());
                var findingLine = Path.Combine("service", "appsettings.json") + "(3,16): warning INW004";
                Assert.True(leak == gitlab.AfterScript.Output.Contains(findingLine, StringComparison.Ordinal), gitlab.Script + "\n" + gitlab.AfterScript);
                Assert.Equal(leak, File.ReadAllText(repo.PathOf("inworld-scan.txt")).Contains(findingLine, StringComparison.Ordinal));

                var artifacts = PipelineYaml.Map(gitlab.Job["artifacts"], "artifacts");
                Assert.Equal("always", PipelineYaml.Str(artifacts, "when"));
                Assert.Contains("inworld-scan.txt", PipelineYaml.Seq(artifacts["paths"], "paths"));
                Assert.DoesNotContain(FakeCredentials.Default.ApiKey.Substring(0, 12), gitlab.Script.Output + gitlab.AfterScript.Output);
            }
        }

        [Fact]
        public void GameCI_workflow_scans_the_Unity_project_without_a_license_before_the_build()
        {
            var workflow = Recipe("game-ci/unity-builder@");
            var jobs = PipelineYaml.Map(PipelineYaml.Map(PipelineYaml.Parse(workflow), "workflow")["jobs"], "jobs");
            var build = PipelineYaml.Map(jobs["build"], "build");
            Assert.Equal("inworld-scan", PipelineYaml.Str(build, "needs"));
            Assert.Contains(PipelineYaml.Seq(build["steps"], "steps"), s => PipelineYaml.Str(PipelineYaml.Map(s, "step"), "uses") == "game-ci/unity-builder@v4");
            var scanJob = PipelineYaml.Map(jobs["inworld-scan"], "inworld-scan");
            Assert.DoesNotContain("UNITY_LICENSE", string.Join("\n", PipelineYaml.Seq(scanJob["steps"], "steps").Select(s => string.Join(",", PipelineYaml.Map(s, "step").Keys))));

            foreach (var leak in new[] { true, false })
            {
                using var repo = PipelineRepositoryWith(leak, unity: true);
                var actionRuns = new List<GitHubRunner>();
                var runner = WorkflowRunner(repo, actionRuns);
                runner.RunJob(workflow, "inworld-scan");
                var action = Assert.Single(actionRuns);
                Assert.Equal(leak ? new[] { "INW004@game/Assets/Resources/InworldSettings.asset:8" } : Array.Empty<string>(), repo.SarifResults("inworld-scan.sarif"));
                Assert.True(runner.Failed == leak, string.Join("\n", action.Steps));
                repo.AssertNoSecret(action);
            }
        }
    }
}
