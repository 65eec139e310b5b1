using System.IO;
using Xunit;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>The repository's own projects are analysed by the analyzers they build (Directory.Build.targets).</summary>
    [Trait("Category", "Package")]
    public sealed class DogfoodTests
    {
        [Theory]
        [InlineData("src/Inworld.Scan/Inworld.Scan.csproj")]
        [InlineData("src/Inworld.Analyzers.CodeFixes/Inworld.Analyzers.CodeFixes.csproj")]
        [InlineData("tests/Inworld.Analyzers.Tests/Inworld.Analyzers.Tests.csproj")]
        public void Repository_projects_compile_with_the_Inworld_analyzers(string project)
        {
            var root = DotnetCli.RepositoryRoot();
            var configuration = System.AppContext.BaseDirectory.Contains(Path.DirectorySeparatorChar + "Release" + Path.DirectorySeparatorChar) ? "Release" : "Debug";
            var result = DotnetCli.Run(root, new[] { "msbuild", Path.Combine(root, project), "-p:Configuration=" + configuration, "-t:_InworldDogfoodAnalyzers", "-getItem:Analyzer" }, timeoutSeconds: 120);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains(Path.Combine("src", "Inworld.Analyzers", "bin", configuration, "netstandard2.0", "Inworld.Analyzers.dll"), result.Output);
        }
    }
}
