using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Unity.Editor;
using Xunit;

namespace Inworld.Analyzers.Tests.Unity
{
    /// <summary>
    /// The Editor glue of unity/com.inworld.analyzers (the IPreprocessBuildWithReport class, the menu item, the compiler
    /// message listener), compiled against Unity API stubs and run: what Unity would do, without Unity.
    /// </summary>
    public sealed class UnityEditorGlueTests : IDisposable
    {
        private static readonly FakeCredentials Fake = FakeCredentials.Default;
        private static readonly string EditorFolder = Path.Combine(Package.DotnetCli.RepositoryRoot(), "unity", "com.inworld.analyzers", "Editor");
        private static string LogicDll => typeof(GateDecision).Assembly.Location;

        private readonly string _project = Path.Combine(Path.GetTempPath(), "inworld-unity-glue-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        private readonly UnityGlueHarness _unity;

        public UnityEditorGlueTests()
        {
            _unity = UnityGlueHarness.Load(EditorFolder, LogicDll);
            Directory.CreateDirectory(Path.Combine(_project, "Assets"));
            _unity.Set("DataPath", Path.Combine(_project, "Assets").Replace('\\', '/'));
        }

        public void Dispose()
        {
            _unity.Dispose();
            if (Directory.Exists(_project)) Directory.Delete(_project, recursive: true);
        }

        private void Write(string assetPath, string text)
        {
            var full = Path.Combine(_project, assetPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        private const string Gate = "Inworld.Analyzers.UnityGate.InworldBuildGate";
        private const string Scan = "Inworld.Analyzers.UnityGate.InworldProjectScan";

        /// <summary>A scene that references a prefab holding a key (the dependency comes from AssetDatabase.GetDependencies).</summary>
        private void PlantKeyInPrefabOfScene(string scene, bool enabled)
        {
            Write(scene, "%YAML 1.1\n--- !u!1 &1\nGameObject:\n  m_Name: Main\n");
            Write("Assets/Prefabs/Npc.prefab", "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_Name: Npc\n  apiKey: " + Fake.ApiKey + "\n");
            _unity.SetScenes((scene, enabled));
            _unity.Get<Dictionary<string, string[]>>("Dependencies")[scene] = new[] { "Assets/Prefabs/Npc.prefab", "Assets/Scripts/Npc.cs" };
        }

        private void AssertNoSecret(string text)
        {
            Assert.DoesNotContain(Fake.ApiKey.Substring(0, 12), text);
            Assert.DoesNotContain(Fake.Secret.Substring(0, 12), text);
        }

        [Fact]
        public void The_glue_compiles_against_the_Unity_stubs_without_Microsoft_CodeAnalysis()
        {
            var (_, glue, errors) = UnityGlueHarness.Compile(EditorFolder, LogicDll);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.NotNull(glue);
            Assert.DoesNotContain(_unity.Glue.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
            Assert.DoesNotContain(_unity.Logic.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        }

        [Fact]
        public void The_build_gate_implements_Unitys_build_callbacks()
        {
            var gate = _unity.Glue.GetType(Gate, throwOnError: true)!;
            var interfaces = gate.GetInterfaces().Select(i => i.FullName).ToList();
            Assert.Contains("UnityEditor.Build.IPreprocessBuildWithReport", interfaces);
            Assert.Contains("UnityEditor.Build.IPostBuildPlayerScriptDLLs", interfaces);
            var menu = _unity.Glue.GetType(Scan, throwOnError: true)!.GetMethod("ScanProject")!.GetCustomAttributes().Single(a => a.GetType().Name == "MenuItem");
            Assert.Equal("Tools/Inworld/Scan Project", menu.GetType().GetProperty("ItemName")!.GetValue(menu));
        }

        [Fact]
        public void Batch_mode_build_with_a_key_in_a_prefab_of_an_enabled_scene_fails_with_path_and_line()
        {
            PlantKeyInPrefabOfScene("Assets/Scenes/Main.unity", enabled: true);
            _unity.Set("IsBatchMode", true);
            var thrown = _unity.Run(Gate, "OnPreprocessBuild", instance: true, _unity.NewBuildReport());
            Assert.NotNull(thrown);
            Assert.Equal("UnityEditor.Build.BuildFailedException", thrown!.GetType().FullName);
            Assert.Contains("Assets/Prefabs/Npc.prefab(5,11): error INW004: Inworld API key is stored in setting 'MonoBehaviour:apiKey'", thrown.Message);
            Assert.Contains(FakeCredentials.Redacted(Fake.ApiKey), thrown.Message);
            AssertNoSecret(thrown.Message);
            Assert.Contains(_unity.Errors, e => e.StartsWith("Assets/Prefabs/Npc.prefab(5,11): error INW004", StringComparison.Ordinal));
        }

        [Fact]
        public void A_disabled_scene_does_not_ship_and_the_build_passes()
        {
            PlantKeyInPrefabOfScene("Assets/Scenes/Old.unity", enabled: false);
            _unity.Set("IsBatchMode", true);
            Assert.Null(_unity.Run(Gate, "OnPreprocessBuild", instance: true, _unity.NewBuildReport()));
            Assert.Empty(_unity.Errors);
        }

        [Fact]
        public void Interactive_build_fails_by_default_and_goes_on_when_the_project_opts_out()
        {
            Write("Assets/Resources/InworldSettings.asset", "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_APIKey: " + Fake.ApiKey + "\n");
            Assert.NotNull(_unity.Run(Gate, "OnPreprocessBuild", instance: true, _unity.NewBuildReport()));

            Write(GateSettings.RelativePath, "{ \"failInteractiveBuilds\": false }");
            _unity.Errors.Clear();
            Assert.Null(_unity.Run(Gate, "OnPreprocessBuild", instance: true, _unity.NewBuildReport()));
            Assert.Single(_unity.Errors, e => e.StartsWith("Assets/Resources/InworldSettings.asset(4,13): error INW004", StringComparison.Ordinal));
            Assert.Contains(_unity.Warnings, w => w.Contains("the build goes on", StringComparison.Ordinal));

            _unity.Set("IsBatchMode", true); // CI ignores the opt-out
            Assert.NotNull(_unity.Run(Gate, "OnPreprocessBuild", instance: true, _unity.NewBuildReport()));
        }

        [Fact]
        public void StreamingAssets_and_Addressables_entries_are_scanned()
        {
            Write("Assets/StreamingAssets/inworld.json", "{ \"Inworld\": { \"ApiKey\": \"" + Fake.ApiKey + "\" } }");
            Write("Assets/Npcs/Guide.asset", "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_KeyId: " + Fake.KeyId + "\n  m_Secret: " + Fake.Secret + "\n");
            Write(PlayerContent.AddressableGroupsFolder + "/Npcs.asset", "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_SerializeEntries:\n  - m_GUID: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    m_Address: Guide\n");
            _unity.Get<Dictionary<string, string>>("GuidToPath")["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"] = "Assets/Npcs/Guide.asset";
            _unity.Set("IsBatchMode", true);
            var thrown = _unity.Run(Gate, "OnPreprocessBuild", instance: true, _unity.NewBuildReport());
            Assert.NotNull(thrown);
            Assert.Contains("Assets/StreamingAssets/inworld.json(1,", thrown!.Message);
            Assert.Contains("Assets/Npcs/Guide.asset(5,", thrown.Message);
            AssertNoSecret(thrown.Message);
        }

        [Fact]
        public void INW_messages_of_the_script_compilation_fail_the_build()
        {
            _unity.RaiseCompilation("Library/ScriptAssemblies/Assembly-CSharp.dll", "Assets/Scripts/Chat.cs(12,30): warning INW001: Inworld API key (QUJD…(132)) hard-coded", "Assets/Scripts/Chat.cs", 12, 30);
            _unity.Set("IsBatchMode", true);
            var thrown = _unity.Run(Gate, "OnPreprocessBuild", instance: true, _unity.NewBuildReport());
            Assert.NotNull(thrown);
            Assert.Contains("Assets/Scripts/Chat.cs(12,30): error INW001: Inworld API key", thrown!.Message);

            // The player's own script compilation, after preprocessing: reported by IPostBuildPlayerScriptDLLs.
            _unity.RaiseCompilation("Temp/StagingArea/Data/Managed/Assembly-CSharp.dll", "Assets/Scripts/Net.cs(3,9): warning INW002: Basic auth in client", "Assets/Scripts/Net.cs", 3, 9);
            var afterScripts = _unity.Run(Gate, "OnPostBuildPlayerScriptDLLs", instance: true, _unity.NewBuildReport());
            Assert.NotNull(afterScripts);
            Assert.Contains("Assets/Scripts/Net.cs(3,9): error INW002", afterScripts!.Message);
        }

        [Fact]
        public void The_menu_lists_findings_with_their_asset_as_the_Console_context()
        {
            Write("Assets/Resources/InworldSettings.asset", "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_APIKey: " + Fake.ApiKey + "\n");
            Assert.Null(_unity.Run(Scan, "ScanProject"));
            Assert.StartsWith("Assets/Resources/InworldSettings.asset(4,13): error INW004", _unity.Errors[0], StringComparison.Ordinal);
            Assert.Equal("Assets/Resources/InworldSettings.asset", _unity.Get<List<string>>("ErrorContexts")[0]);
            Assert.All(_unity.Errors, AssertNoSecret);
        }

        [Fact]
        public void The_menu_says_so_when_nothing_is_found()
        {
            Write("Assets/Resources/Clean.asset", "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_APIKey: YOUR_API_KEY\n");
            Assert.Null(_unity.Run(Scan, "ScanProject"));
            Assert.Empty(_unity.Errors);
            Assert.Contains(_unity.Infos, i => i.Contains("no Inworld credentials found", StringComparison.Ordinal));
        }
    }
}
