using System.IO;
using System.Linq;
using System.Text.Json;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Scan;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// inworld-scan with a baseline (issue 12): a baseline accepts the findings it recorded and nothing else. A key
    /// it did not record fails the run in every output mode, and a baseline that cannot be used fails the run
    /// instead of scanning as if there were none.
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        [Fact]
        public void Baseline_accepts_only_what_it_recorded_in_text_quiet_and_SARIF_modes()
        {
            var accepted = FakeCredentials.Default;
            var leak = FakeCredentials.Other;
            using var tree = new ScanTree("nsg-baseline");
            tree.Write("ProjectSettings/ProjectVersion.txt", "m_EditorVersion: 2022.3.10f1\n");
            tree.Write("Assets/Editor/DevSettings.asset", ScanFixtures.UnityHeader + "  m_Name: DevSettings\n  m_APIKey: " + accepted.ApiKey + "\n");
            var written = ScanIOTests.Scan(tree.Root, "--write-baseline", "inworld-baseline.json", ".");
            Assert.True(written.ExitCode == 0, written.ToString());
            var clean = ScanIOTests.Scan(tree.Root, "--baseline", "inworld-baseline.json", ".");
            Assert.True(clean.ExitCode == 0, clean.ToString());

            // The accepted key copied into a folder that ships in the player, and another key where the accepted one was.
            tree.Write("Assets/Resources/InworldSettings.asset", ScanFixtures.UnityHeader + "  m_Name: InworldSettings\n  m_APIKey: " + accepted.ApiKey + "\n");
            tree.Write("Assets/Editor/DevSettings.asset", ScanFixtures.UnityHeader + "  m_Name: DevSettings\n  m_APIKey: " + leak.ApiKey + "\n");
            var shipped = Path.Combine("Assets", "Resources", "InworldSettings.asset") + "(8,13): warning INW004";
            var replaced = Path.Combine("Assets", "Editor", "DevSettings.asset") + "(8,13): warning INW004";

            var text = ScanIOTests.Scan(tree.Root, "--baseline", "inworld-baseline.json", ".");
            Assert.True(text.ExitCode == 1, text.ToString());
            Assert.Contains(shipped, text.StandardOutput);
            Assert.Contains(replaced, text.StandardOutput);
            Assert.Contains("0 findings suppressed, 1 stale entry", text.Output);

            var quiet = ScanIOTests.Scan(tree.Root, "--quiet", "--baseline", "inworld-baseline.json", ".");
            Assert.True(quiet.ExitCode == 1, quiet.ToString());
            Assert.Contains(shipped, quiet.StandardOutput);
            Assert.Contains(replaced, quiet.StandardOutput);

            var sarif = ScanIOTests.Scan(tree.Root, "--quiet", "--format", "sarif", "--baseline", "inworld-baseline.json", ".");
            Assert.True(sarif.ExitCode == 1, sarif.ToString());
            using var document = JsonDocument.Parse(sarif.StandardOutput);
            var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var failing = results.Where(r => r.GetProperty("baselineState").GetString() == "new").ToList();
            Assert.Equal(2, failing.Count);
            Assert.All(failing, r => Assert.False(r.TryGetProperty("suppressions", out _)));
            Assert.DoesNotContain(results, r => r.GetProperty("baselineState").GetString() == "unchanged");

            AssertNoSecret(text.Output + quiet.Output + sarif.Output + File.ReadAllText(Path.Combine(tree.Root, "inworld-baseline.json")), accepted);
            AssertNoSecret(text.Output + quiet.Output + sarif.Output, leak);
        }

        [Fact]
        public void Baseline_that_cannot_be_used_fails_the_run_in_every_mode()
        {
            using var tree = new ScanTree("nsg-baseline-unusable");
            tree.Write("Assets/Resources/InworldSettings.asset", ScanFixtures.UnityHeader + "  m_APIKey: " + FakeCredentials.Default.ApiKey + "\n");
            var dangling = tree.DanglingLink("baseline.json");
            var truncated = tree.Write("truncated-baseline.json", "{\n  \"version\": 1,\n  \"hashAlgorithm\": \"HMAC-SHA256\",\n  \"entries\": [\n");
            foreach (var baseline in new[] { dangling, truncated, tree.Root })
            {
                foreach (var mode in new[] { new string[0], new[] { "--quiet" }, new[] { "--format", "sarif" }, new[] { "--severity-threshold", "none" } })
                {
                    var result = ScanIOTests.Scan(tree.Root, mode.Concat(new[] { "--baseline", baseline, "." }).ToArray());
                    Assert.True(result.ExitCode == 2, string.Join(" ", mode) + " " + baseline + ":\n" + result);
                    Assert.Contains("baseline " + baseline, result.Output);
                    Assert.Equal(string.Empty, result.StandardOutput.Trim());
                }
            }
        }
    }
}
