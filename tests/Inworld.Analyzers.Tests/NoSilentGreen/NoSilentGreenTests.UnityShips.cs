using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// inworld-scan on a Unity project as a CI runner without a Unity license runs it: every INW004 finding says
    /// whether its file is in the player build (text and SARIF "shipsInPlayer"), and both kinds fail the scan.
    /// Before: no finding said whether the key had shipped, so a team could not tell which keys were in players.
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        /// <summary>The sample's INW004 findings by file: does that file ship in the player.</summary>
        private static readonly Dictionary<string, bool> SampleShipping = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["Assets/Prefabs/Npc.prefab"] = true,
            ["Assets/Resources/InworldSettings.asset"] = true,
            ["Assets/StreamingAssets/inworld-config.json"] = true,
            ["Assets/Prefabs/NpcPrototype.prefab"] = false,
            ["Assets/Scenes/DebugSandbox.unity"] = false,
            ["Assets/Editor/InworldEditorConfig.asset"] = false,
        };

        private static string UnitySample => Path.Combine(DotnetCli.RepositoryRoot(), "samples", "UnityGame");

        /// <summary>The sample's generated fake key values (serialized fields and settings), to show none is printed.</summary>
        private static List<string> SampleSecrets()
            => Directory.EnumerateFiles(UnitySample, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".meta", StringComparison.Ordinal))
                .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"(?:KeyId|Secret|APIKey|apiKey)""?\s*[:=]\s*""?([A-Za-z0-9+/=]{32,})").Select(m => m.Groups[1].Value))
                .Distinct().ToList();

        private static void AssertNoSampleSecret(string text)
        {
            var secrets = SampleSecrets();
            Assert.True(secrets.Count >= 10, "the sample's keys were not found: " + secrets.Count);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret.Substring(0, 12), text);
            }
        }

        [Fact]
        public void Scanner_SARIF_for_the_Unity_sample_marks_each_INW004_finding_shipsInPlayer_as_a_player_build_would()
        {
            var repository = DotnetCli.RepositoryRoot();
            var result = RunScan(repository, "--format", "sarif", "--quiet", Path.Combine("samples", "UnityGame"));
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Empty(SarifSchema.Validate(result.StandardOutput));
            AssertNoSampleSecret(result.Output);

            using var document = JsonDocument.Parse(result.StandardOutput);
            var run = document.RootElement.GetProperty("runs")[0];
            Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
            var shipping = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var item in run.GetProperty("results").EnumerateArray())
            {
                var uri = item.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                var relative = uri.Substring("samples/UnityGame/".Length);
                var message = item.GetProperty("message").GetProperty("text").GetString()!;
                if (item.GetProperty("ruleId").GetString() != "INW004")
                {
                    // Scripts: the property is INW004's (which file ships), not claimed for code findings.
                    Assert.False(item.TryGetProperty("properties", out _), uri);
                    continue;
                }

                var properties = item.GetProperty("properties");
                var ships = properties.GetProperty("shipsInPlayer").GetBoolean();
                Assert.False(string.IsNullOrEmpty(properties.GetProperty("shipsInPlayerReason").GetString()));
                Assert.True(!shipping.TryGetValue(relative, out var before) || before == ships, relative + " has two verdicts");
                shipping[relative] = ships;
                Assert.Contains(ships ? "The key is in every copy of the game, so it must be rotated" : "Not in the player build: ", message);
                Assert.Equal("warning", item.GetProperty("level").GetString());
            }

            Assert.Equal(SampleShipping.OrderBy(p => p.Key, StringComparer.Ordinal), shipping.OrderBy(p => p.Key, StringComparer.Ordinal));
        }

        [Fact]
        public void Scanner_text_output_says_which_keys_ship_and_a_key_that_does_not_ship_still_fails_the_scan()
        {
            var repository = DotnetCli.RepositoryRoot();
            var all = RunScan(repository, Path.Combine("samples", "UnityGame"));
            Assert.True(all.ExitCode == 1, all.ToString());
            var lines = all.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r').Replace('\\', '/')).Where(l => l.Contains(": warning INW004: ", StringComparison.Ordinal)).ToList();
            Assert.Equal(9, lines.Count);
            foreach (var line in lines)
            {
                var relative = line.Substring("samples/UnityGame/".Length, line.IndexOf('(', StringComparison.Ordinal) - "samples/UnityGame/".Length);
                Assert.Contains(SampleShipping[relative] ? ". Ships in the player build: " : ". Not in the player build: ", line);

                // A Unity asset that does not ship is not told that it ships inside every build.
                if (!SampleShipping[relative])
                {
                    Assert.DoesNotContain("ship inside every build", line, StringComparison.Ordinal);
                }
            }

            AssertNoSampleSecret(all.Output);

            // Only keys that never reach a player: still a leak in the repository, still exit 1.
            var unshippedOnly = RunScan(repository, "--exclude", "**/Scripts/**", "--exclude", "**/Resources/**", "--exclude", "**/StreamingAssets/**", "--exclude", "**/Prefabs/Npc.prefab",
                Path.Combine("samples", "UnityGame"));
            Assert.True(unshippedOnly.ExitCode == 1, unshippedOnly.ToString());
            var remaining = ScanFindings(unshippedOnly.StandardOutput);
            Assert.Equal(5, remaining.Count);
            Assert.DoesNotContain(". Ships in the player build: ", unshippedOnly.StandardOutput);
        }

        [Fact]
        public void Scanner_decides_shipping_per_Unity_project_when_two_projects_sit_in_subfolders_of_a_repository()
        {
            var repo = Path.Combine(_package.Root, "nsg-unity-ships-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            Copy(UnitySample, Path.Combine(repo, "game", "UnityClient"));
            Copy(UnitySample, Path.Combine(repo, "tools", "KioskBuild"));
            // The kiosk build leaves Main out (disabled): the same Npc.prefab, GUIDs and all, does not ship there.
            var kioskSettings = Path.Combine(repo, "tools", "KioskBuild", "ProjectSettings", "EditorBuildSettings.asset");
            File.WriteAllText(kioskSettings, File.ReadAllText(kioskSettings).Replace("  - enabled: 1\n", "  - enabled: 0\n", StringComparison.Ordinal));
            WriteFile(repo, "backend/appsettings.json", "{ \"Inworld\": { \"ApiKey\": \"" + FakeCredentials.Default.ApiKey + "\" } }\n");

            var result = RunScan(repo, "--format", "sarif", "--quiet", ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            using var document = JsonDocument.Parse(result.StandardOutput);
            var verdicts = new Dictionary<string, bool?>(StringComparer.Ordinal);
            foreach (var item in document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Where(r => r.GetProperty("ruleId").GetString() == "INW004"))
            {
                var uri = item.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                verdicts[uri] = item.TryGetProperty("properties", out var properties) ? properties.GetProperty("shipsInPlayer").GetBoolean() : null;
            }

            Assert.True(verdicts["game/UnityClient/Assets/Prefabs/Npc.prefab"]);
            Assert.False(verdicts["tools/KioskBuild/Assets/Prefabs/Npc.prefab"]);
            Assert.True(verdicts["tools/KioskBuild/Assets/Resources/InworldSettings.asset"]);
            Assert.False(verdicts["game/UnityClient/Assets/Prefabs/NpcPrototype.prefab"]);
            // Outside any Unity project: INW004 as before, with no Unity verdict.
            Assert.Null(verdicts["backend/appsettings.json"]);
            Assert.Equal(2 * SampleShipping.Count + 1, verdicts.Count);
            AssertNoSecret(result.Output, FakeCredentials.Default);
            AssertNoSampleSecret(result.Output);
        }

        private static void Copy(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
