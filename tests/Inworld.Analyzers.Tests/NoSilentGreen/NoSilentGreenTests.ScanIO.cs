using System.IO;
using System.Linq;
using System.Text;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Scan;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// inworld-scan (as built for this test run) on the files it used to skip without a word: each plants a fake
    /// key and shows the scan reports it, or fails with exit 2 naming the file. Each failed on main before
    /// issue 10 (exit 0 with the key present).
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        [Fact]
        public void Scan_of_a_tree_with_an_unreadable_file_exits_2_and_names_it_in_text_SARIF_and_quiet_modes()
        {
            using var tree = new ScanTree("nsg-unreadable");
            tree.Write("Assets/Scripts/Npc.cs", "public class Npc { }\n");

            // A dangling symlink: no user, root included, can read it.
            tree.DanglingLink("Assets/Resources/InworldSettings.asset");
            var named = Path.Combine("Assets", "Resources", "InworldSettings.asset") + ": not scanned: cannot read it";

            var text = ScanIOTests.Scan(tree.Root, ".");
            Assert.True(text.ExitCode == 2, text.ToString());
            Assert.Contains(named, text.Output);

            var quiet = ScanIOTests.Scan(tree.Root, "--quiet", ".");
            Assert.True(quiet.ExitCode == 2, quiet.ToString());
            Assert.Contains(named, quiet.Output);

            var sarifPath = Path.Combine(tree.Root, "scan.sarif");
            var sarif = ScanIOTests.Scan(tree.Root, "--quiet", "--format", "sarif", "--output", sarifPath, ".");
            Assert.True(sarif.ExitCode == 2, sarif.ToString());
            Assert.Contains(named, sarif.Output);
            var invocation = ScanIOTests.Invocation(File.ReadAllText(sarifPath), out var document);
            using (document)
            {
                Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
                var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
                Assert.Equal("error", notification.GetProperty("level").GetString());
                Assert.Equal("Assets/Resources/InworldSettings.asset",
                    notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
            }
        }

        [Fact]
        public void Scan_finds_a_key_at_the_end_of_a_70_MB_Unity_asset()
        {
            var leak = FakeCredentials.Default;
            using var tree = new ScanTree("nsg-big");
            var path = Path.Combine(tree.Root, "Assets", "Terrain", "TerrainData.asset");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20))
            {
                writer.Write(ScanFixtures.UnityHeader);
                var heights = "  - " + string.Concat(Enumerable.Repeat("0f1e2d3c4b5a6978", 8)) + "\n";
                var lines = 70_000_000 / heights.Length;
                for (var i = 0; i < lines; i++)
                {
                    writer.Write(heights);
                }

                writer.Write("--- !u!114 &2\nMonoBehaviour:\n  m_APIKey: " + leak.ApiKey + "\n");
            }

            Assert.True(new FileInfo(path).Length > 70_000_000);
            var result = ScanIOTests.Scan(tree.Root, ".");

            Assert.True(result.ExitCode == 1, result.ToString());
            var lineCount = 6 + (70_000_000 / 133) + 3;
            Assert.Contains(Path.Combine("Assets", "Terrain", "TerrainData.asset") + "(" + lineCount + ",13): warning INW004: Inworld API key is stored in setting 'MonoBehaviour:m_APIKey'", result.StandardOutput);
            AssertNoSecret(result.Output, leak);
        }

        [Fact]
        public void Scan_finds_a_key_in_binary_settings_files_and_says_they_are_binary()
        {
            var leak = FakeCredentials.Default;
            using var tree = new ScanTree("nsg-binary");

            // Unity's binary serialization mode (Force Binary), and a JSON file with NUL bytes in it.
            tree.WriteBytes("Assets/Resources/InworldSettings.asset", ScanTree.BinaryUnityAsset("InworldSettings", leak.ApiKey));
            tree.WriteBytes("StreamingAssets/config.json", Encoding.ASCII.GetBytes("{\"auth\":\"Basic " + leak.ApiKey + "\"}\0\0\0\0padding\0"));

            // Every other byte NUL: a settings file saved as UTF-16 without a byte order mark. Text, not binary.
            tree.WriteBytes("Server/appsettings.json", Encoding.Unicode.GetBytes("{\n  \"Inworld\": {\n    \"ApiKey\": \"" + leak.ApiKey + "\"\n  }\n}\n"));

            var result = ScanIOTests.Scan(tree.Root, "--quiet", ".");

            Assert.True(result.ExitCode == 1, result.ToString());
            var findings = result.StandardOutput.Split('\n').Where(l => l.Contains(": warning INW004: Inworld API key")).ToList();
            Assert.Equal(3, findings.Count);
            Assert.StartsWith(Path.Combine("Assets", "Resources", "InworldSettings.asset") + "(", findings[0]);
            Assert.StartsWith(Path.Combine("Server", "appsettings.json") + "(3,16): warning INW004: Inworld API key is stored in setting 'Inworld:ApiKey'", findings[1]);
            Assert.StartsWith(Path.Combine("StreamingAssets", "config.json") + "(1,", findings[2]);
            Assert.DoesNotContain("note: " + Path.Combine("Server", "appsettings.json"), result.Output);
            Assert.Contains("note: " + Path.Combine("Assets", "Resources", "InworldSettings.asset") + ": binary file", result.Output);
            Assert.Contains("note: " + Path.Combine("StreamingAssets", "config.json") + ": binary file", result.Output);
            AssertNoSecret(result.Output, leak);
        }

        [Fact]
        public void Scan_follows_a_symlinked_folder_that_holds_a_key()
        {
            var leak = FakeCredentials.Default;

            // Unity projects share assets between games through a linked folder outside the repository.
            using var shared = new ScanTree("nsg-shared");
            shared.Write("InworldShared/Resources/InworldSettings.asset", ScanFixtures.UnityHeader + "  m_APIKey: " + leak.ApiKey + "\n");
            using var tree = new ScanTree("nsg-symlink");
            tree.Write("ProjectSettings/ProjectVersion.txt", "m_EditorVersion: 2022.3.10f1\n");
            tree.FolderLink("Assets/InworldShared", Path.Combine(shared.Root, "InworldShared"));

            var result = ScanIOTests.Scan(tree.Root, ".");

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains(Path.Combine("Assets", "InworldShared", "Resources", "InworldSettings.asset") + "(7,13): warning INW004", result.StandardOutput);
            Assert.Contains("following symlinked folder " + Path.Combine("Assets", "InworldShared"), result.Output);
            AssertNoSecret(result.Output, leak);
        }
    }
}
