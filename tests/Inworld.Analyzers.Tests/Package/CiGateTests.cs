using System.Collections.Generic;
using System.IO;
using Xunit;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>
    /// The package's build/*.props and *.targets, evaluated by MSBuild (no compile) in a project that imports
    /// them as NuGet would: which signals turn INW rules into errors, and which properties analyzers see.
    /// </summary>
    [Trait("Category", "Package")]
    public sealed class CiGateTests : System.IDisposable
    {
        private readonly string _directory;

        public CiGateTests()
        {
            var build = Path.Combine(DotnetCli.RepositoryRoot(), "src", "Inworld.Analyzers.Package", "build");
            _directory = Path.Combine(Path.GetTempPath(), "inworld-ci-gate-" + System.Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(_directory);
            File.WriteAllText(Path.Combine(_directory, "Gate.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
                "  <Import Project=\"" + Path.Combine(build, "Inworld.Analyzers.props") + "\" />\n" +
                "  <PropertyGroup><TargetFramework>net10.0</TargetFramework><WarningsAsErrors>CS0168</WarningsAsErrors></PropertyGroup>\n" +
                "  <Import Project=\"" + Path.Combine(build, "Inworld.Analyzers.targets") + "\" />\n" +
                "</Project>\n");
        }

        /// <summary>The rules a CI build fails on, as the README documents them (INW900 included: a broken option fails CI too).</summary>
        private static readonly string[] GateRuleIds = { "INW001", "INW002", "INW003", "INW004", "INW005", "INW900" };

        private string WarningsAsErrors(Dictionary<string, string>? environment = null, params string[] properties)
        {
            var arguments = new List<string> { "msbuild", "Gate.csproj", "-getProperty:WarningsAsErrors" };
            foreach (var property in properties)
            {
                arguments.Add("-p:" + property);
            }

            var result = DotnetCli.Run(_directory, arguments, environment, timeoutSeconds: 120);
            Assert.True(result.ExitCode == 0, result.ToString());
            return result.Output;
        }

        [Theory]
        [InlineData("CI", "true")]
        [InlineData("CI", "1")]
        [InlineData("CI", "True")]
        [InlineData("TF_BUILD", "True")]
        [InlineData("GITHUB_ACTIONS", "true")]
        [InlineData("ContinuousIntegrationBuild", "true")]
        public void Ci_signals_promote_INW_rules_and_keep_the_project_own_list(string variable, string value)
        {
            var output = WarningsAsErrors(new Dictionary<string, string> { [variable] = value });
            foreach (var rule in GateRuleIds)
            {
                Assert.Contains(rule, output);
            }

            Assert.Contains("CS0168", output);
        }

        [Fact]
        public void Local_builds_are_not_promoted()
        {
            var output = WarningsAsErrors();
            Assert.DoesNotContain("INW001", output);
            Assert.Contains("CS0168", output);
        }

        [Theory]
        [InlineData(null, "InworldAnalyzersAsErrors=true", true)]
        [InlineData("true", "InworldAnalyzersAsErrors=false", false)]
        [InlineData("true", "InworldAnalyzersAsErrors=auto", true)]
        [InlineData("true", "InworldAnalyzersAsErrors=sometimes", true)]
        [InlineData(null, "InworldAnalyzersAsErrors=sometimes", false)]
        public void The_documented_property_forces_or_disables_the_gate(string? ci, string property, bool promoted)
        {
            var environment = ci == null ? null : new Dictionary<string, string> { ["CI"] = ci };
            var output = WarningsAsErrors(environment, property);
            Assert.Equal(promoted, output.Contains("INW001"));
        }

        [Fact]
        public void Declares_the_compiler_visible_properties_later_rules_need()
        {
            var result = DotnetCli.Run(_directory, new[] { "msbuild", "Gate.csproj", "-getItem:CompilerVisibleProperty" }, timeoutSeconds: 120);
            Assert.True(result.ExitCode == 0, result.ToString());
            foreach (var property in new[]
            {
                "OutputType", "TargetFramework", "TargetPlatformIdentifier", "RuntimeIdentifier", "UseMaui", "UseWPF", "UseWindowsForms",
                "UseWinUI", "UsingMicrosoftNETSdkBlazorWebAssembly", "UsingMicrosoftNETSdkWeb", "InworldProjectKind", "EnableDefaultCompileItems",
            })
            {
                Assert.Contains("\"" + property + "\"", result.Output);
            }
        }

        [Fact]
        public void The_gate_rule_list_is_kept_in_one_property_and_is_exactly_the_documented_list()
        {
            var result = DotnetCli.Run(_directory, new[] { "msbuild", "Gate.csproj", "-getProperty:_InworldAnalyzersGateRuleIds" }, timeoutSeconds: 120);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(string.Join(";", GateRuleIds), result.Output.Trim());

            var targets = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), "src", "Inworld.Analyzers.Package", "build", "Inworld.Analyzers.targets"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(targets, "INW005"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(targets, "INW900"));
        }

        /// <summary>
        /// The gate state the compile reads: written by the target that runs before CoreCompile, and passed to the
        /// compiler as an analyzer config file (an input of CoreCompile), so a change of it recompiles.
        /// </summary>
        [Theory]
        [InlineData(null, null, "inworld_ci_gate = warnings")]
        [InlineData("true", null, "inworld_ci_gate = errors INW001 INW002 INW003 INW004 INW005 INW900")]
        [InlineData("true", "InworldAnalyzersAsErrors=false", "inworld_ci_gate = warnings")]
        [InlineData(null, "InworldAnalyzersAsErrors=true", "inworld_ci_gate = errors INW001 INW002 INW003 INW004 INW005 INW900")]
        public void The_gate_state_is_written_to_an_analyzer_config_the_compile_reads(string? ci, string? property, string expectedLine)
        {
            var arguments = new List<string> { "msbuild", "Gate.csproj", "-t:_InworldAnalyzersWriteGateState", "-getItem:EditorConfigFiles" };
            if (property != null)
            {
                arguments.Add("-p:" + property);
            }

            var environment = ci == null ? null : new Dictionary<string, string> { ["CI"] = ci };
            var result = DotnetCli.Run(_directory, arguments, environment, timeoutSeconds: 120);
            Assert.True(result.ExitCode == 0, result.ToString());
            var stateFile = Path.Combine(_directory, "obj", "Debug", "net10.0", "Gate.InworldAnalyzers.gate.globalconfig");
            Assert.Contains("\"FullPath\": \"" + stateFile + "\"", result.Output);
            var lines = File.ReadAllLines(stateFile);
            Assert.Contains("is_global = true", lines);
            Assert.Contains(expectedLine, lines);

            // No severity lines: promotion stays with WarningsAsErrors, so a rule lowered in .editorconfig stays lowered.
            Assert.DoesNotContain(lines, line => line.StartsWith("dotnet_diagnostic", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Each_shipped_settings_file_is_an_additional_file_once()
        {
            // On a case-sensitive file system PROD.env is another file than prod.env, and must not be dropped as a duplicate.
            var caseSensitive = !System.OperatingSystem.IsWindows() && !System.OperatingSystem.IsMacOS();
            var names = caseSensitive ? new[] { ".env", ".env.config", "prod.env", "PROD.env", ".env.local" } : new[] { ".env", ".env.config", "prod.env", ".env.local" };
            foreach (var name in names)
            {
                File.WriteAllText(Path.Combine(_directory, name), "X=1\n");
            }

            var result = DotnetCli.Run(_directory, new[] { "msbuild", "Gate.csproj", "-getItem:AdditionalFiles" }, timeoutSeconds: 120);
            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = System.Text.Json.JsonDocument.Parse(result.Output);
            var identities = new List<string>();
            foreach (var item in json.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray())
            {
                identities.Add(item.GetProperty("Identity").GetString()!);
            }

            identities.Sort(System.StringComparer.Ordinal);
            System.Array.Sort(names, System.StringComparer.Ordinal);
            Assert.Equal(names, identities);
        }

        private string EvaluateErrorLog(string workingDirectory, string project, params string[] properties)
        {
            var arguments = new List<string> { "msbuild", project, "-getProperty:ErrorLog" };
            foreach (var property in properties)
            {
                arguments.Add("-p:" + property);
            }

            var result = DotnetCli.Run(workingDirectory, arguments, timeoutSeconds: 120);
            Assert.True(result.ExitCode == 0, result.ToString());
            return result.Output.Trim();
        }

        [Fact]
        public void Sarif_directory_sets_a_per_project_ErrorLog_in_SARIF_2_1()
        {
            var directory = Path.Combine(_directory, "absolute-logs");
            Assert.Equal(Path.Combine(directory, "Gate.sarif") + ",version=2.1", EvaluateErrorLog(_directory, "Gate.csproj", "InworldAnalyzersSarifDirectory=" + directory));
        }

        [Fact]
        public void Relative_sarif_directory_is_resolved_against_the_solution_folder_else_the_folder_the_build_started_in()
        {
            var solution = Path.Combine(_directory, "solution") + Path.DirectorySeparatorChar;
            Assert.Equal(Path.Combine(solution, "logs", "Gate.sarif") + ",version=2.1",
                EvaluateErrorLog(_directory, "Gate.csproj", "InworldAnalyzersSarifDirectory=logs", "SolutionDir=" + solution));

            var elsewhere = Path.Combine(_directory, "elsewhere");
            Directory.CreateDirectory(elsewhere);
            Assert.Equal(Path.Combine(elsewhere, "logs", "Gate.sarif") + ",version=2.1",
                EvaluateErrorLog(elsewhere, Path.Combine("..", "Gate.csproj"), "InworldAnalyzersSarifDirectory=logs"));
        }

        [Theory]
        [InlineData("net10.0", "Gate.sarif")]
        [InlineData("net10.0;", "Gate.sarif")]
        [InlineData("net8.0;net10.0", "Gate.net8.0.sarif")]
        public void Multi_targeting_projects_get_one_log_per_target_framework(string targetFrameworks, string expectedName)
        {
            var directory = Path.Combine(_directory, "logs");
            Assert.Equal(Path.Combine(directory, expectedName) + ",version=2.1",
                EvaluateErrorLog(_directory, "Gate.csproj", "InworldAnalyzersSarifDirectory=" + directory, "TargetFrameworks=\"" + targetFrameworks + "\"", "TargetFramework=net8.0"));
        }

        [Fact]
        public void An_ErrorLog_the_user_set_is_kept()
        {
            Assert.Equal("mine.sarif,version=2.1",
                EvaluateErrorLog(_directory, "Gate.csproj", "InworldAnalyzersSarifDirectory=" + Path.Combine(_directory, "logs"), "ErrorLog=mine.sarif%2Cversion=2.1"));
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
