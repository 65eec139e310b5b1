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
            foreach (var rule in new[] { "INW001", "INW002", "INW003", "INW004", "INW005" })
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
                "UseWinUI", "UsingMicrosoftNETSdkBlazorWebAssembly", "UsingMicrosoftNETSdkWeb", "InworldProjectKind",
            })
            {
                Assert.Contains("\"" + property + "\"", result.Output);
            }
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
