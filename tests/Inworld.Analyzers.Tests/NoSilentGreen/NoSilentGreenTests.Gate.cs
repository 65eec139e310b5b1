using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// The CI gate and the SARIF logs as a CI agent with a non-clean workspace or a cached obj/ runs them: builds are
    /// incremental (no --no-incremental, no clean), so a gate or log that only works on a full compile shows here.
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        private static string LeakingProgram(FakeCredentials credentials)
            => "const string Key = \"" + credentials.ApiKey + "\";\nSystem.Console.WriteLine(Key.Length);\n";

        private static DotnetCli.Result Build(string directory, IDictionary<string, string>? environment = null, params string[] extraArguments)
        {
            var arguments = new List<string> { "build", "-nodeReuse:false" };
            arguments.AddRange(extraArguments);
            return DotnetCli.Run(directory, arguments, environment);
        }

        private static void AssertGateFailed(DotnetCli.Result build, string rule, FakeCredentials credentials)
        {
            Assert.True(build.ExitCode != 0, "the CI build passed:\n" + build);
            Assert.Contains("error " + rule, build.Output);
            AssertNoSecret(build.Output, credentials);
        }

        private static void AssertWarnedAndPassed(DotnetCli.Result build, string rule, FakeCredentials credentials)
        {
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains("warning " + rule, build.Output);
            Assert.DoesNotContain("error " + rule, build.Output);
            AssertNoSecret(build.Output, credentials);
        }

        [Fact]
        public void Gate_incremental_CI_build_after_a_local_build_fails()
        {
            var credentials = FakeCredentials.Default;
            var consumer = CreateConsumer("GateLocalThenCi", new Dictionary<string, string> { ["Program.cs"] = LeakingProgram(credentials) });

            AssertWarnedAndPassed(Build(consumer), "INW001", credentials);

            // Nothing changed but the environment: the compile must run again and fail.
            AssertGateFailed(Build(consumer, CiEnvironment), "INW001", credentials);
        }

        [Fact]
        public void Gate_CI_then_local_then_CI_again_warns_locally_and_fails_in_CI_each_time()
        {
            var credentials = FakeCredentials.Other;
            var consumer = CreateConsumer("GateCiThenLocal", new Dictionary<string, string> { ["Program.cs"] = LeakingProgram(credentials) });

            AssertGateFailed(Build(consumer, CiEnvironment), "INW001", credentials);

            // The developer's next build shows the warning again (the compile runs, it is not skipped as up to date) ...
            AssertWarnedAndPassed(Build(consumer), "INW001", credentials);

            // ... and the next CI build on the same workspace, now with the local build's outputs in obj/, fails again.
            AssertGateFailed(Build(consumer, CiEnvironment), "INW001", credentials);
        }

        [Fact]
        public void Gate_a_passing_CI_build_with_the_opt_out_then_a_gated_build_fails()
        {
            var credentials = FakeCredentials.Default;
            var consumer = CreateConsumer("GateOptOutThenCi", new Dictionary<string, string> { ["Program.cs"] = LeakingProgram(credentials) });

            AssertWarnedAndPassed(Build(consumer, CiEnvironment, "-p:InworldAnalyzersAsErrors=false"), "INW001", credentials);
            AssertGateFailed(Build(consumer, CiEnvironment), "INW001", credentials);

            // The same by property only (Azure DevOps / SourceLink set-ups), after a passing local build.
            AssertWarnedAndPassed(Build(consumer), "INW001", credentials);
            AssertGateFailed(Build(consumer, null, "-p:ContinuousIntegrationBuild=true"), "INW001", credentials);
        }

        [Fact]
        public void Gate_an_invalid_option_fails_the_CI_build_too()
        {
            var credentials = FakeCredentials.Default;
            var consumer = CreateConsumer("GateInvalidOption", new Dictionary<string, string>
            {
                ["Program.cs"] = "System.Console.WriteLine(System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")?.Length);\n",
                [".editorconfig"] = "root = true\n\n[*.cs]\ninworld_analyzers.api_key_env_var = MY-API-KEY\n",
            });

            AssertWarnedAndPassed(Build(consumer), "INW900", credentials);
            AssertGateFailed(Build(consumer, CiEnvironment), "INW900", credentials);
        }

        /// <summary>
        /// A solution of two projects, each with its own key: one SARIF 2.1.0 log per project in the folder the
        /// property names (relative to the solution's folder, not to where dotnet runs), each valid, each with
        /// its own project's INW001 and neither key. Deleting the folder and building again (nothing else
        /// changed) writes the logs again instead of skipping the compile as up to date.
        /// </summary>
        [Fact]
        public void Sarif_directory_gets_one_valid_log_per_project_of_a_solution()
        {
            var projects = new Dictionary<string, FakeCredentials> { ["SarifAlpha"] = FakeCredentials.Default, ["SarifBeta"] = FakeCredentials.Other };
            foreach (var project in projects)
            {
                CreateConsumer(project.Key, new Dictionary<string, string> { ["Program.cs"] = LeakingProgram(project.Value) });
            }

            var solution = Path.Combine(_package.Root, "nsg-SarifSolution");
            Directory.CreateDirectory(solution);
            File.Copy(Path.Combine(_package.Root, "nsg-SarifAlpha", "nuget.config"), Path.Combine(solution, "nuget.config"));
            var create = DotnetCli.Run(solution, new[] { "new", "sln", "-n", "App", "--format", "sln" });
            Assert.True(create.ExitCode == 0, create.ToString());
            var add = DotnetCli.Run(solution, new[] { "sln", "App.sln", "add" }.Concat(projects.Keys.Select(p => Path.Combine("..", "nsg-" + p, p + ".csproj"))));
            Assert.True(add.ExitCode == 0, add.ToString());

            // Run from another folder: a relative directory means the solution's folder.
            var elsewhere = Path.Combine(_package.Root, "nsg-SarifElsewhere");
            Directory.CreateDirectory(elsewhere);
            var logs = Path.Combine(solution, "sarif-logs");
            var arguments = new[] { "build", Path.Combine(solution, "App.sln"), "-nodeReuse:false", "-p:InworldAnalyzersSarifDirectory=sarif-logs" };

            var build = DotnetCli.Run(elsewhere, arguments);
            Assert.True(build.ExitCode == 0, build.ToString());
            AssertOneLogPerProject(logs, projects, build);
            Assert.False(Directory.Exists(Path.Combine(elsewhere, "sarif-logs")), "logs written relative to the working directory");

            Directory.Delete(logs, recursive: true);
            var again = DotnetCli.Run(elsewhere, arguments);
            Assert.True(again.ExitCode == 0, again.ToString());
            AssertOneLogPerProject(logs, projects, again);
        }

        private static void AssertOneLogPerProject(string logs, Dictionary<string, FakeCredentials> projects, DotnetCli.Result build)
        {
            Assert.True(Directory.Exists(logs), "no SARIF directory\n" + build);
            var files = Directory.GetFiles(logs).Select(Path.GetFileName).OrderBy(f => f, System.StringComparer.Ordinal).ToList();
            Assert.Equal(projects.Keys.Select(p => p + ".sarif").OrderBy(f => f, System.StringComparer.Ordinal), files);
            foreach (var project in projects)
            {
                var text = File.ReadAllText(Path.Combine(logs, project.Key + ".sarif"));
                foreach (var credentials in projects.Values)
                {
                    AssertNoSecret(text, credentials);
                }

                Assert.Empty(SarifSchema.Validate(text));
                using var sarif = JsonDocument.Parse(text);
                Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
                var inw001 = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                    .Where(r => r.GetProperty("ruleId").GetString() == "INW001").ToList();
                var result = Assert.Single(inw001);
                var uri = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
                Assert.Contains("nsg-" + project.Key + "/Program.cs", uri);
                Assert.Contains(FakeCredentials.Redacted(project.Value.ApiKey), result.GetProperty("message").GetProperty("text").GetString());
            }
        }
    }
}
