using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Unity.Editor;
using Xunit;

namespace Inworld.Analyzers.Tests.Unity
{
    /// <summary>The plain .NET half of the Unity package's build gate (src/Inworld.Unity.Editor): decision, settings, scan, content, compiler messages.</summary>
    public sealed class UnityGateTests : IDisposable
    {
        private static readonly FakeCredentials Fake = FakeCredentials.Default;
        private readonly string _project = Path.Combine(Path.GetTempPath(), "inworld-unity-gate-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public void Dispose()
        {
            if (Directory.Exists(_project)) Directory.Delete(_project, recursive: true);
        }

        private void Write(string assetPath, string text)
        {
            var full = Path.Combine(_project, assetPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        private static string SettingsAsset(string key)
            => "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n--- !u!114 &11400000\nMonoBehaviour:\n  m_Name: InworldSettings\n  m_APIKey: " + key + "\n";

        private static readonly UnityFinding AssetFinding = new UnityFinding(UnityFindingSource.ShippedAsset, "INW004", "Assets/Resources/InworldSettings.asset", 6, 13, "Inworld API key is stored in setting 'm_APIKey' ...");

        // ---- The gate decision: a pure function of (findings, batch mode, settings). ----

        public static IEnumerable<object[]> DecisionTable() => new[]
        {
            // findings, batch mode, failInteractiveBuilds, expected
            new object[] { false, true, true, GateAction.Pass },
            new object[] { false, false, true, GateAction.Pass },
            new object[] { false, false, false, GateAction.Pass },
            new object[] { true, true, true, GateAction.FailBuild },
            new object[] { true, true, false, GateAction.FailBuild },   // batch mode (CI) ignores the opt-out
            new object[] { true, false, true, GateAction.FailBuild },   // the Editor fails by default
            new object[] { true, false, false, GateAction.ReportOnly }, // ...unless the project opts out
        };

        [Theory]
        [MemberData(nameof(DecisionTable))]
        public void Gate_decision_table(bool hasFindings, bool batchMode, bool failInteractiveBuilds, GateAction expected)
        {
            var findings = hasFindings ? new[] { AssetFinding } : Array.Empty<UnityFinding>();
            var decision = GateDecision.Decide(findings, batchMode, new GateSettings(failInteractiveBuilds));
            Assert.Equal(expected, decision.Action);
            Assert.Equal(findings.Length, decision.Findings.Count);
        }

        [Fact]
        public void Failing_summary_names_every_finding_with_path_and_line()
        {
            var compiler = new UnityFinding(UnityFindingSource.Compiler, "INW001", "Assets/Scripts/Chat.cs", 12, 30, "Inworld API key (QUJD…(132)) ...");
            var decision = GateDecision.Decide(new[] { AssetFinding, compiler }, isBatchMode: true, GateSettings.Default);
            Assert.Equal(GateAction.FailBuild, decision.Action);
            Assert.Contains("2 findings (batch mode: the build fails)", decision.Summary);
            Assert.Contains("Assets/Resources/InworldSettings.asset(6,13): error INW004: ", decision.Summary);
            Assert.Contains("Assets/Scripts/Chat.cs(12,30): error INW001: ", decision.Summary);
        }

        [Fact]
        public void A_broken_settings_file_is_a_finding_and_the_default_applies()
        {
            var settings = GateSettings.Parse("{ \"failInteractiveBuild\": false }"); // misspelt: must not silently opt out
            Assert.True(settings.FailInteractiveBuilds);
            Assert.NotNull(settings.Problem);
            var decision = GateDecision.Decide(Array.Empty<UnityFinding>(), isBatchMode: false, settings);
            Assert.Equal(GateAction.FailBuild, decision.Action);
            Assert.Contains(GateSettings.RelativePath, decision.Summary);
        }

        [Theory]
        [InlineData("{}", true)]
        [InlineData("{ \"failInteractiveBuilds\": true }", true)]
        [InlineData("{\n  \"failInteractiveBuilds\" : false\n}\n", false)]
        public void Settings_file_values(string text, bool expected)
        {
            var settings = GateSettings.Parse(text);
            Assert.Null(settings.Problem);
            Assert.Equal(expected, settings.FailInteractiveBuilds);
        }

        [Theory]
        [InlineData("{ \"failInteractiveBuilds\": \"false\" }")]
        [InlineData("{ \"failInteractiveBuilds\": no }")]
        [InlineData("failInteractiveBuilds=false")]
        [InlineData("{ \"failInteractiveBuilds\": false, \"other\": 1 }")]
        public void Settings_file_errors_are_reported(string text)
        {
            var settings = GateSettings.Parse(text);
            Assert.NotNull(settings.Problem);
            Assert.Equal("INW900", settings.Problem!.RuleId);
            Assert.True(settings.FailInteractiveBuilds);
        }

        [Fact]
        public void Settings_are_read_from_ProjectSettings_and_default_without_a_file()
        {
            Directory.CreateDirectory(_project);
            Assert.True(GateSettings.Load(_project).FailInteractiveBuilds);
            Write(GateSettings.RelativePath, "{ \"failInteractiveBuilds\": false }");
            Assert.False(GateSettings.Load(_project).FailInteractiveBuilds);
        }

        // ---- The scan: the analyzers' INW004 detection over the build's files. ----

        [Fact]
        public void Scan_finds_a_key_in_a_Resources_asset_with_line_column_and_a_redacted_message()
        {
            Write("Assets/Resources/InworldSettings.asset", SettingsAsset(Fake.ApiKey));
            var finding = Assert.Single(ShippedAssetScan.Scan(_project, new[] { "Assets/Resources/InworldSettings.asset" }));
            Assert.Equal(UnityFindingSource.ShippedAsset, finding.Source);
            Assert.Equal("INW004", finding.RuleId);
            Assert.Equal("Assets/Resources/InworldSettings.asset", finding.Path);
            Assert.Equal(6, finding.Line);
            Assert.Equal(13, finding.Column);
            Assert.Contains("setting 'MonoBehaviour:m_APIKey'", finding.Message);
            Assert.Contains(FakeCredentials.Redacted(Fake.ApiKey), finding.Message);
            Assert.Contains("every copy of the game", finding.Message);
            AssertNoSecret(finding.ToLogLine("error"));
        }

        [Fact]
        public void Scan_finds_a_key_id_and_secret_pair_in_a_prefab()
        {
            Write("Assets/Prefabs/Client.prefab", "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_KeyId: " + Fake.KeyId + "\n  m_Secret: " + Fake.Secret + "\n");
            var finding = Assert.Single(ShippedAssetScan.Scan(_project, new[] { "Assets/Prefabs/Client.prefab" }));
            Assert.Contains("fields 'm_KeyId' and 'm_Secret'", finding.Message);
            Assert.Equal(5, finding.Line);
            AssertNoSecret(finding.Message);
        }

        [Fact]
        public void Scan_reads_Unity_YAML_of_any_extension_by_its_content()
        {
            Write("Assets/Materials/Chat.mat", SettingsAsset(Fake.ApiKey));
            Write("Assets/StreamingAssets/keys.txt", "INWORLD_API_KEY=" + Fake.ApiKey + "\n");
            var findings = ShippedAssetScan.Scan(_project, new[] { "Assets/Materials/Chat.mat", "Assets/StreamingAssets" });
            Assert.Equal(new[] { "Assets/Materials/Chat.mat", "Assets/StreamingAssets/keys.txt" }, findings.Select(f => f.Path).ToArray());
        }

        /// <summary>Asset Serialization "Force Binary": no YAML to read, but the key is still in the file as written.</summary>
        [Fact]
        public void Scan_finds_a_key_in_a_binary_serialized_asset()
        {
            var full = Path.Combine(_project, "Assets", "Resources", "Binary.asset");
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var bytes = new List<byte> { 0, 0, 0, 0x16, 0, 0, 0, 0x09, 0xFF, 0xFE, 0x01 };
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes("m_APIKey"));
            bytes.AddRange(new byte[] { 0, 0, 0, 0x84, 0 });
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(Fake.ApiKey));
            bytes.AddRange(new byte[] { 0, 0, 0x80, 0x3F });
            File.WriteAllBytes(full, bytes.ToArray());

            var finding = Assert.Single(ShippedAssetScan.Scan(_project, new[] { "Assets/Resources/Binary.asset" }));
            Assert.Equal(0, finding.Line);
            Assert.Contains("binary content of shipped file 'Binary.asset'", finding.Message);
            Assert.Contains(FakeCredentials.Redacted(Fake.ApiKey), finding.Message);
            AssertNoSecret(finding.ToLogLine("error"));
        }

        [Fact]
        public void Scan_leaves_scripts_to_the_compiler_and_finds_nothing_in_clean_assets()
        {
            Write("Assets/Scripts/Chat.cs", "class Chat { string k = \"" + Fake.ApiKey + "\"; }");
            Write("Assets/Resources/Clean.asset", SettingsAsset("YOUR_API_KEY"));
            Assert.Empty(ShippedAssetScan.Scan(_project, new[] { "Assets/Scripts/Chat.cs", "Assets/Resources/Clean.asset" }));
        }

        [Fact]
        public void A_file_of_the_build_that_cannot_be_read_is_a_finding_not_a_pass()
        {
            Directory.CreateDirectory(_project);
            var finding = Assert.Single(ShippedAssetScan.Scan(_project, new[] { "Assets/Resources/Missing.asset" }));
            Assert.Equal(UnityFindingSource.Unreadable, finding.Source);
            Assert.Equal("Assets/Resources/Missing.asset", finding.Path);
            Assert.Equal(GateAction.FailBuild, GateDecision.Decide(new[] { finding }, isBatchMode: true, GateSettings.Default).Action);
        }

        // ---- What ships, from files: Resources, StreamingAssets, Addressables groups. ----

        [Fact]
        public void Resources_files_ship_except_under_Editor_folders()
        {
            Write("Assets/Resources/a.asset", "x");
            Write("Assets/Game/Resources/Sub/b.json", "{}");
            Write("Assets/Editor/Resources/tool.asset", "x");
            Write("Assets/Resources/a.asset.meta", "guid: 0");
            Write("Assets/Other/c.asset", "x");
            Assert.Equal(new[] { "Assets/Game/Resources/Sub/b.json", "Assets/Resources/a.asset" }, PlayerContent.ResourcesFiles(_project).OrderBy(p => p, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public void StreamingAssets_files_ship()
        {
            Write("Assets/StreamingAssets/config.json", "{}");
            Write("Assets/StreamingAssets/Sub/x.env", "A=1");
            Assert.Equal(new[] { "Assets/StreamingAssets/Sub/x.env", "Assets/StreamingAssets/config.json" }, PlayerContent.StreamingAssetsFiles(_project).ToArray());
        }

        [Fact]
        public void Addressables_group_entries_are_read_from_the_group_assets()
        {
            Write(PlayerContent.AddressableGroupsFolder + "/Default Local Group.asset",
                "%YAML 1.1\n--- !u!114 &11400000\nMonoBehaviour:\n  m_GroupName: Default Local Group\n  m_GUID: 0123456789abcdef0123456789abcdef\n" +
                "  m_SerializeEntries:\n  - m_GUID: 11111111111111111111111111111111\n    m_Address: Assets/Prefabs/Npc.prefab\n    m_ReadOnly: 0\n" +
                "  - m_GUID: 22222222222222222222222222222222\n    m_Address: Config\n  m_ReadOnly: 0\n  m_Settings: {fileID: 11400000, guid: 33333333333333333333333333333333, type: 2}\n");
            var problems = new List<UnityFinding>();
            Assert.Equal(new[] { "11111111111111111111111111111111", "22222222222222222222222222222222" }, PlayerContent.AddressableEntryGuids(_project, problems).ToArray());
            Assert.Empty(problems);
        }

        [Fact]
        public void Resources_of_installed_packages_ship_too_named_as_AssetDatabase_names_them()
        {
            Write("Library/PackageCache/com.example.npc@1.2.3/Runtime/Resources/NpcSettings.asset", "x");
            Write("Library/PackageCache/com.example.npc@1.2.3/Editor/Resources/Tool.asset", "x");
            Write("Library/ScriptAssemblies/Resources/not-a-package.txt", "x");
            Assert.Equal(new[] { "Packages/com.example.npc/Runtime/Resources/NpcSettings.asset" }, PlayerContent.ResourcesFiles(_project).ToArray());
        }

        [Fact]
        public void A_package_asset_is_read_where_the_Package_Manager_keeps_it()
        {
            // Installed from a registry: Library/PackageCache/<name>@<version>.
            Write("Library/PackageCache/com.example.npc@1.2.3/Runtime/Resources/NpcSettings.asset",
                "%YAML 1.1\n--- !u!114 &11400000\nMonoBehaviour:\n  m_APIKey: " + Fake.ApiKey + "\n");
            // A local package outside the project: "file:" in Packages/manifest.json.
            var local = Path.Combine(Path.GetDirectoryName(_project)!, "shared-npc-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(local, "Runtime"));
            File.WriteAllText(Path.Combine(local, "Runtime", "Npc.prefab"), "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_APIKey: " + FakeCredentials.Other.ApiKey + "\n");
            Write("Packages/manifest.json", "{ \"dependencies\": { \"com.example.local\": \"file:" + local.Replace('\\', '/') + "\" } }");
            try
            {
                var findings = ShippedAssetScan.Scan(_project, new[] { "Packages/com.example.npc/Runtime/Resources/NpcSettings.asset", "Packages/com.example.local/Runtime/Npc.prefab" });
                Assert.Equal(2, findings.Count(f => f.RuleId == "INW004"));
                Assert.DoesNotContain(findings, f => f.Source == UnityFindingSource.Unreadable);
            }
            finally
            {
                Directory.Delete(local, recursive: true);
            }
        }

        [Fact]
        public void Resources_under_Editor_Default_Resources_do_not_ship_the_same_rule_as_inworld_scan()
        {
            Write("Assets/Editor Default Resources/Resources/tool.asset", "x");
            Write("Assets/Resources/a.asset", "x");
            Assert.Equal(new[] { "Assets/Resources/a.asset" }, PlayerContent.ResourcesFiles(_project).ToArray());
        }

        [Fact]
        public void A_group_left_out_of_the_build_by_its_schema_lists_nothing()
        {
            const string IncludedSchema = "44444444444444444444444444444444";
            const string ExcludedSchema = "55555555555555555555555555555555";
            Write(PlayerContent.AddressableGroupsFolder + "/Schemas/Shipped_BundledAssetGroupSchema.asset", "%YAML 1.1\n--- !u!114 &11400000\nMonoBehaviour:\n  m_IncludeInBuild: 1\n");
            Write(PlayerContent.AddressableGroupsFolder + "/Schemas/Shipped_BundledAssetGroupSchema.asset.meta", "fileFormatVersion: 2\nguid: " + IncludedSchema + "\n");
            Write(PlayerContent.AddressableGroupsFolder + "/Schemas/Legacy_BundledAssetGroupSchema.asset", "%YAML 1.1\n--- !u!114 &11400000\nMonoBehaviour:\n  m_IncludeInBuild: 0\n");
            Write(PlayerContent.AddressableGroupsFolder + "/Schemas/Legacy_BundledAssetGroupSchema.asset.meta", "fileFormatVersion: 2\nguid: " + ExcludedSchema + "\n");
            Write(PlayerContent.AddressableGroupsFolder + "/Shipped.asset", Group("Shipped", "11111111111111111111111111111111", IncludedSchema));
            Write(PlayerContent.AddressableGroupsFolder + "/Legacy.asset", Group("Legacy", "22222222222222222222222222222222", ExcludedSchema));

            var problems = new List<UnityFinding>();
            Assert.Equal(new[] { "11111111111111111111111111111111" }, PlayerContent.AddressableEntryGuids(_project, problems).ToArray());
            Assert.Empty(problems);

            static string Group(string name, string entry, string schema)
                => "%YAML 1.1\n--- !u!114 &11400000\nMonoBehaviour:\n  m_GroupName: " + name + "\n  m_SerializeEntries:\n  - m_GUID: " + entry +
                   "\n    m_Address: " + name + "\n  m_ReadOnly: 0\n  m_SchemaSet:\n    m_Schemas:\n    - {fileID: 11400000, guid: " + schema + ", type: 2}\n";
        }

        [Fact]
        public void No_Addressables_means_no_entries()
        {
            Directory.CreateDirectory(_project);
            Assert.Empty(PlayerContent.AddressableEntryGuids(_project, new List<UnityFinding>()));
        }

        // ---- INW messages of Unity's script compilation. ----

        [Theory]
        [InlineData("Assets/Scripts/Chat.cs(12,30): warning INW001: Inworld API key (QUJD…) in code", "INW001", "Inworld API key (QUJD…) in code")]
        [InlineData("Assets/A.cs(1,1): error INW004: x", "INW004", "x")]
        public void Compiler_messages_with_INW_ids_are_kept(string message, string ruleId, string text)
        {
            Assert.True(CompilerMessageLog.TryParse(message, out var id, out var body));
            Assert.Equal(ruleId, id);
            Assert.Equal(text, body);
        }

        [Theory]
        [InlineData("Assets/A.cs(1,1): warning CS0168: The variable 'x' is declared but never used")]
        [InlineData("Assets/A.cs(1,1): warning INWX01: no")]
        [InlineData("")]
        public void Other_compiler_messages_are_not(string message) => Assert.False(CompilerMessageLog.TryParse(message, out _, out _));

        [Fact]
        public void A_new_compilation_of_an_assembly_replaces_its_messages_and_the_log_survives_a_round_trip()
        {
            var log = new CompilerMessageLog();
            log.Record("Library/ScriptAssemblies/Assembly-CSharp.dll", new[] { ("Assets/A.cs(3,5): warning INW001: first\tline", "Assets/A.cs", 3, 5) });
            log.Record("Library/ScriptAssemblies/Game.dll", new[] { ("Assets/Game/B.cs(1,2): warning INW002: basic", "Assets/Game/B.cs", 1, 2), ("Assets/Game/B.cs(9,9): warning CS0168: unused", "Assets/Game/B.cs", 9, 9) });
            var copy = CompilerMessageLog.FromText(log.ToText());
            Assert.Equal(new[] { "Assets/A.cs(3,5): error INW001: first line", "Assets/Game/B.cs(1,2): error INW002: basic" }, copy.All.Select(f => f.ToLogLine("error")).ToArray());

            copy.Record("Library/ScriptAssemblies/Assembly-CSharp.dll", Array.Empty<(string, string, int, int)>());
            Assert.Equal("INW002", Assert.Single(copy.All).RuleId);
        }

        private static void AssertNoSecret(string text)
        {
            Assert.DoesNotContain(Fake.ApiKey.Substring(0, 12), text);
            Assert.DoesNotContain(Fake.Secret.Substring(0, 12), text);
            Assert.DoesNotContain(Fake.KeyId.Substring(0, 12), text);
        }
    }
}
