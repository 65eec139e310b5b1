using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>The samples the README's first command builds: the leaky app warns, its fixed twin is clean.</summary>
    [Trait("Category", "Package")]
    public sealed class SampleTests
    {
        [Fact]
        public void Leaky_sample_shows_INW001_and_fixed_twin_builds_clean()
        {
            var samples = Path.Combine(DotnetCli.RepositoryRoot(), "samples");

            var leaky = DotnetCli.Run(samples, new[] { "build", Path.Combine(samples, "LeakyConsole", "LeakyConsole.csproj"), "-nodeReuse:false", "--no-incremental" });
            Assert.True(leaky.ExitCode == 0, leaky.ToString());
            var findings = Regex.Matches(leaky.Output, @"Program\.cs\(\d+,\d+\): warning INW001").Select(m => m.Value).Distinct().ToList();
            Assert.Equal(4, findings.Count);

            var fixedTwin = DotnetCli.Run(samples, new[] { "build", Path.Combine(samples, "FixedConsole", "FixedConsole.csproj"), "-nodeReuse:false", "--no-incremental" });
            Assert.True(fixedTwin.ExitCode == 0, fixedTwin.ToString());
            Assert.DoesNotContain("INW0", fixedTwin.Output);
        }

        [Fact]
        public void Blazor_client_shows_INW002_and_INW004_and_its_Bearer_twin_builds_clean_even_in_CI()
        {
            // --no-incremental: after the README's first command the samples are up to date and an
            // incremental build would compile nothing and print no diagnostics.
            var samples = Path.Combine(DotnetCli.RepositoryRoot(), "samples");
            var leaky = DotnetCli.Run(samples, new[] { "build", Path.Combine(samples, "BlazorClientLeaky", "BlazorClientLeaky.csproj"), "-nodeReuse:false", "--no-incremental" });
            Assert.True(leaky.ExitCode == 0, leaky.ToString());
            Assert.Matches(@"TtsClient\.cs\(22,41\): warning INW002: Basic authentication via new AuthenticationHeaderValue\(""Basic"", \.\.\.\) in client-side code \(Blazor WebAssembly\)", leaky.Output);
            Assert.Matches(@"wwwroot[/\\]appsettings\.json\(3,16\): warning INW004", leaky.Output);

            // The same mistakes inside a Razor component, reported at the .razor lines.
            Assert.Matches(@"VoiceList\.razor\(10,42\): warning INW001: Inworld API key is hard-coded in field 'VoiceList\.InworldApiKey'", leaky.Output);
            Assert.Matches(@"VoiceList\.razor\(16,41\): warning INW002: Basic authentication via new AuthenticationHeaderValue\(""Basic"", \.\.\.\) in client-side code \(Blazor WebAssembly\)", leaky.Output);

            var fixedTwin = DotnetCli.Run(samples, new[] { "build", Path.Combine(samples, "BlazorClient", "BlazorClient.csproj"), "-nodeReuse:false", "--no-incremental" },
                new System.Collections.Generic.Dictionary<string, string> { ["CI"] = "true" });
            Assert.True(fixedTwin.ExitCode == 0, fixedTwin.ToString());
            Assert.DoesNotContain("INW0", fixedTwin.Output);
        }

        [Fact]
        public void Blazor_sample_uses_exactly_the_provider_the_INW002_fix_adds()
        {
            // The sample shows what the fix writes; this keeps the two from drifting apart.
            var sample = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), "samples", "BlazorClient", "InworldTokenProvider.cs")).Replace("\r\n", "\n");
            Assert.Equal(Inworld.Analyzers.CodeFixes.TokenProviderTemplate.Source(Inworld.Analyzers.CodeFixes.TokenProviderTemplate.DefaultEndpoint, "\n"), sample);
        }

        [Fact]
        public void Unity_sample_is_flagged_by_inworld_scan_in_scripts_and_assets_but_not_Editor_code()
        {
            var repository = DotnetCli.RepositoryRoot();
            var result = DotnetCli.Run(repository, new[] { Scan.ScanToolTests.ToolPath(), Path.Combine("samples", "UnityGame") });
            Assert.True(result.ExitCode == 1, result.ToString());
            var sep = Path.DirectorySeparatorChar;
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Resources{sep}InworldSettings.asset(15,13): warning INW004: Inworld API key", result.Output);
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Scripts{sep}NpcChat.cs(11,52): warning INW001: Inworld key id", result.Output);
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Scripts{sep}NpcChat.cs(12,53): warning INW001: Inworld secret", result.Output);
            // With the scanner's Unity API stubs, UnityWebRequest.SetRequestHeader binds as in a Unity build.
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Scripts{sep}NpcChat.cs(19,9): warning INW002: Basic authentication via UnityWebRequest.SetRequestHeader(\"Authorization\", \"Basic ...\")", result.Output);
            // The sample's Unity project (issue 11): keys in a prefab a scene uses, a StreamingAssets file, a disabled
            // scene, an unused prefab and an Editor/ asset: each INW004 finding says whether it is in the player.
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Prefabs{sep}Npc.prefab(47,17): warning INW004: Inworld key id", result.Output);
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Prefabs{sep}Npc.prefab(48,18): warning INW004: Inworld secret", result.Output);
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}StreamingAssets{sep}inworld-config.json(4,14): warning INW004: Inworld API key", result.Output);
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Prefabs{sep}NpcPrototype.prefab(47,17): warning INW004: Inworld key id", result.Output);
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Prefabs{sep}NpcPrototype.prefab(48,18): warning INW004: Inworld secret", result.Output);
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Scenes{sep}DebugSandbox.unity(96,17): warning INW004: Inworld key id", result.Output);
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Scenes{sep}DebugSandbox.unity(97,18): warning INW004: Inworld secret", result.Output);
            Assert.Contains($"samples{sep}UnityGame{sep}Assets{sep}Editor{sep}InworldEditorConfig.asset(16,17): warning INW004: Inworld key id and secret", result.Output);
            Assert.Equal(4 + 8, Regex.Matches(result.Output, @": warning INW00\d: ").Count);
        }

        [Fact]
        public void Leaky_Blazor_sample_gets_the_same_findings_from_inworld_scan_as_from_its_build()
        {
            var repository = DotnetCli.RepositoryRoot();
            var result = DotnetCli.Run(repository, new[] { Scan.ScanToolTests.ToolPath(), Path.Combine("samples", "BlazorClientLeaky") });
            Assert.True(result.ExitCode == 1, result.ToString());
            var sample = "samples" + Path.DirectorySeparatorChar + "BlazorClientLeaky" + Path.DirectorySeparatorChar;
            Assert.Contains(sample + "TtsClient.cs(22,41): warning INW002: ", result.Output);
            Assert.Contains(sample + "VoiceList.razor(10,42): warning INW001: ", result.Output);
            Assert.Contains(sample + "VoiceList.razor(16,41): warning INW002: ", result.Output);
            Assert.Contains(sample + "wwwroot" + Path.DirectorySeparatorChar + "appsettings.json(3,16): warning INW004: ", result.Output);
            Assert.Equal(4, Regex.Matches(result.Output, @": warning INW00\d: ").Count);
        }
    }
}
