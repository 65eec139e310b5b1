using System;
using System.IO;
using System.Linq;
using System.Text;
using Inworld.Scan;
using Inworld.Scan.UnityShipping;
using Inworld.Unity.Editor.Shipping;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// Which files of a Unity project ship in the player, from its text-serialized files: each rule of
    /// UnityShippingAnalysis on a small project written for it, and what happens when the files do not tell.
    /// </summary>
    public sealed class UnityShippingAnalysisTests
    {
        private const string Header = "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n";

        /// <summary>A Unity project in a temporary folder: assets with .meta files whose GUIDs the test chooses.</summary>
        private sealed class UnityTree : IDisposable
        {
            private int _next;

            public UnityTree()
            {
                Root = Path.Combine(Path.GetTempPath(), "inworld-unity-ships-" + Guid.NewGuid().ToString("N").Substring(0, 8));
                Write("ProjectSettings/ProjectVersion.txt", "m_EditorVersion: 2022.3.10f1\n");
            }

            public string Root { get; }

            public string Write(string relative, string content)
            {
                var path = Path.Combine(Root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
                return path;
            }

            /// <summary>The asset and its .meta; returns the asset's GUID.</summary>
            public string Asset(string relative, string content)
            {
                var guid = NewGuid();
                Write(relative, content);
                Write(relative + ".meta", "fileFormatVersion: 2\nguid: " + guid + "\nNativeFormatImporter:\n  externalObjects: {}\n  mainObjectFileID: 11400000\n");
                return guid;
            }

            public string Folder(string relative)
            {
                var guid = NewGuid();
                Directory.CreateDirectory(Path.Combine(Root, relative));
                Write(relative + ".meta", "fileFormatVersion: 2\nguid: " + guid + "\nfolderAsset: yes\nDefaultImporter:\n  externalObjects: {}\n");
                return guid;
            }

            public string NewGuid() => (++_next).ToString("x32");

            public void BuildSettings(params (string Path, string Guid, bool Enabled)[] scenes)
                => Write("ProjectSettings/EditorBuildSettings.asset", Header + "--- !u!1045 &1\nEditorBuildSettings:\n  m_ObjectHideFlags: 0\n  serializedVersion: 2\n  m_Scenes:\n" +
                    string.Concat(scenes.Select(s => "  - enabled: " + (s.Enabled ? 1 : 0) + "\n    path: " + s.Path + "\n    guid: " + s.Guid + "\n")) +
                    "  m_configObjects: {}\n");

            public UnityShippingAnalysis Analyse(ScanProblems problems)
            {
                var target = new FileWalker(Array.Empty<string>(), true, problems, _ => { }).Walk(Root);
                return new UnityShippingAnalysis(Root, target.MetaFiles, target.ShippedFiles, problems);
            }

            public void Dispose()
            {
                try
                {
                    Directory.Delete(Root, true);
                }
                catch (IOException)
                {
                }
            }
        }

        private static string Mono(string body) => Header + "--- !u!114 &11400000\nMonoBehaviour:\n  m_ObjectHideFlags: 0\n" + body;

        private static string Ref(string guid, int type = 2) => "{fileID: 11400000, guid: " + guid + ", type: " + type + "}";

        private static ShippingVerdict Verdict(UnityShippingAnalysis analysis, UnityTree tree, string relative)
            => analysis.VerdictFor(Path.Combine(tree.Root, relative));

        [Fact]
        public void References_are_followed_transitively_from_enabled_scenes_only()
        {
            using var tree = new UnityTree();
            var config = tree.Asset("Assets/Data/VoiceConfig.asset", Mono("  m_Name: VoiceConfig\n"));
            var profile = tree.Asset("Assets/Data/NpcProfile.asset", Mono("  voice: " + Ref(config) + "\n"));
            var npc = tree.Asset("Assets/Prefabs/Npc.prefab", Mono("  profile: " + Ref(profile) + "\n"));
            var debugOnly = tree.Asset("Assets/Prefabs/DebugNpc.prefab", Mono("  m_Name: DebugNpc\n"));
            var main = tree.Asset("Assets/Scenes/Main.unity", Header + "--- !u!1001 &1\nPrefabInstance:\n  m_SourcePrefab: {fileID: 100100000, guid: " + npc + ", type: 3}\n");
            var debug = tree.Asset("Assets/Scenes/Debug.unity", Header + "--- !u!1001 &1\nPrefabInstance:\n  m_SourcePrefab: {fileID: 100100000, guid: " + debugOnly + ", type: 3}\n");
            tree.Asset("Assets/Scenes/Unlisted.unity", Header + "--- !u!29 &1\nOcclusionCullingSettings:\n  m_ObjectHideFlags: 0\n");
            tree.BuildSettings(("Assets/Scenes/Main.unity", main, true), ("Assets/Scenes/Debug.unity", debug, false));

            var problems = new ScanProblems();
            var analysis = tree.Analyse(problems);

            Assert.Equal("an enabled scene in Build Settings", Verdict(analysis, tree, "Assets/Scenes/Main.unity").Reason);
            Assert.True(Verdict(analysis, tree, "Assets/Prefabs/Npc.prefab").ShipsInPlayer);
            var deepest = Verdict(analysis, tree, "Assets/Data/VoiceConfig.asset");
            Assert.True(deepest.ShipsInPlayer);
            Assert.Equal("referenced from Assets/Data/NpcProfile.asset <- Assets/Prefabs/Npc.prefab <- Assets/Scenes/Main.unity (an enabled scene in Build Settings)", deepest.Reason);
            var disabled = Verdict(analysis, tree, "Assets/Scenes/Debug.unity");
            Assert.False(disabled.ShipsInPlayer);
            Assert.StartsWith("a scene disabled in Build Settings", disabled.Reason);
            Assert.False(Verdict(analysis, tree, "Assets/Prefabs/DebugNpc.prefab").ShipsInPlayer);
            Assert.StartsWith("a scene not in Build Settings", Verdict(analysis, tree, "Assets/Scenes/Unlisted.unity").Reason);
            Assert.Empty(problems.All);
        }

        [Fact]
        public void A_reference_cycle_ends_and_every_file_on_it_ships()
        {
            using var tree = new UnityTree();
            var a = tree.NewGuid();
            var b = tree.NewGuid();
            tree.Write("Assets/Resources/A.asset", Mono("  next: " + Ref(b) + "\n"));
            tree.Write("Assets/Resources/A.asset.meta", "fileFormatVersion: 2\nguid: " + a + "\n");
            tree.Write("Assets/Data/B.asset", Mono("  next: " + Ref(a) + "\n  self: " + Ref(b) + "\n"));
            tree.Write("Assets/Data/B.asset.meta", "fileFormatVersion: 2\nguid: " + b + "\n");
            tree.BuildSettings();

            var analysis = tree.Analyse(new ScanProblems());
            Assert.True(Verdict(analysis, tree, "Assets/Resources/A.asset").ShipsInPlayer);
            Assert.Equal("referenced from Assets/Resources/A.asset (under a Resources/ folder, which Unity builds into the player whole)", Verdict(analysis, tree, "Assets/Data/B.asset").Reason);
        }

        [Fact]
        public void Resources_ship_except_inside_Editor_folders_and_Editor_Default_Resources_never_by_folder()
        {
            using var tree = new UnityTree();
            tree.Asset("Assets/Plugins/Inworld/Resources/InworldSettings.asset", Mono("  m_Name: s\n"));
            tree.Write("Assets/Resources/NoMeta.json", "{}\n"); // not imported yet: ships by its folder all the same
            tree.Asset("Assets/Tools/Editor/Resources/ToolSettings.asset", Mono("  m_Name: t\n"));
            tree.Asset("Assets/Editor Default Resources/Studio.asset", Mono("  m_Name: u\n"));
            tree.Asset("Assets/Editor/Helper.asset", Mono("  m_Name: h\n"));
            tree.BuildSettings();

            var analysis = tree.Analyse(new ScanProblems());
            Assert.True(Verdict(analysis, tree, "Assets/Plugins/Inworld/Resources/InworldSettings.asset").ShipsInPlayer);
            Assert.True(Verdict(analysis, tree, "Assets/Resources/NoMeta.json").ShipsInPlayer);
            Assert.Equal("in an Editor/ folder and referenced by nothing that ships", Verdict(analysis, tree, "Assets/Tools/Editor/Resources/ToolSettings.asset").Reason);
            Assert.Equal("under Editor Default Resources/, which only the Editor loads", Verdict(analysis, tree, "Assets/Editor Default Resources/Studio.asset").Reason);
            Assert.False(Verdict(analysis, tree, "Assets/Editor/Helper.asset").ShipsInPlayer);
        }

        [Fact]
        public void An_Editor_folder_does_not_keep_out_an_asset_a_shipped_scene_references()
        {
            using var tree = new UnityTree();
            var config = tree.Asset("Assets/Editor/Config.asset", Mono("  m_Name: c\n"));
            var main = tree.Asset("Assets/Main.unity", Header + "--- !u!114 &1\nMonoBehaviour:\n  config: " + Ref(config) + "\n");
            tree.BuildSettings(("Assets/Main.unity", main, true));

            var verdict = Verdict(tree.Analyse(new ScanProblems()), tree, "Assets/Editor/Config.asset");
            Assert.True(verdict.ShipsInPlayer);
            Assert.StartsWith("referenced from Assets/Main.unity", verdict.Reason);
        }

        [Fact]
        public void StreamingAssets_ships_as_is_and_only_at_the_top_of_Assets()
        {
            using var tree = new UnityTree();
            tree.Write("Assets/StreamingAssets/config/inworld.json", "{}\n");
            tree.Write("Assets/Game/StreamingAssets/other.json", "{}\n");
            tree.BuildSettings();

            var analysis = tree.Analyse(new ScanProblems());
            Assert.Equal("under Assets/StreamingAssets/, copied into the player as is", Verdict(analysis, tree, "Assets/StreamingAssets/config/inworld.json").Reason);
            Assert.False(Verdict(analysis, tree, "Assets/Game/StreamingAssets/other.json").ShipsInPlayer);
        }

        [Fact]
        public void Addressables_entries_and_folder_entries_ship_unless_the_group_is_left_out_of_the_build()
        {
            using var tree = new UnityTree();
            var voice = tree.Asset("Assets/Voices/Innkeeper.asset", Mono("  m_Name: v\n"));
            var dependency = tree.Asset("Assets/Voices/Shared.asset", Mono("  m_Name: d\n"));
            tree.Write("Assets/Voices/Innkeeper.asset", Mono("  shared: " + Ref(dependency) + "\n"));
            var folder = tree.Folder("Assets/Dialogue");
            tree.Asset("Assets/Dialogue/Lines/Intro.asset", Mono("  m_Name: i\n"));
            var unused = tree.Asset("Assets/Old/Legacy.asset", Mono("  m_Name: l\n"));
            var included = tree.Asset("Assets/AddressableAssetsData/AssetGroups/Schemas/Default Local Group_BundledAssetGroupSchema.asset", Mono("  m_Group: {fileID: 0}\n  m_IncludeInBuild: 1\n"));
            var excluded = tree.Asset("Assets/AddressableAssetsData/AssetGroups/Schemas/Legacy_BundledAssetGroupSchema.asset", Mono("  m_Group: {fileID: 0}\n  m_IncludeInBuild: 0\n"));
            string Group(string name, string schema, params string[] entries)
                => Mono("  m_Name: " + name + "\n  m_GroupName: " + name + "\n  m_GUID: " + tree.NewGuid() + "\n  m_SerializeEntries:\n" +
                        string.Concat(entries.Select(e => "  - m_GUID: " + e + "\n    m_Address: x\n    m_ReadOnly: 0\n    m_SerializedLabels: []\n")) +
                        "  m_ReadOnly: 0\n  m_SchemaSet:\n    m_Schemas:\n    - " + Ref(schema) + "\n");
            tree.Asset("Assets/AddressableAssetsData/AssetGroups/Default Local Group.asset", Group("Default Local Group", included, voice, folder));
            tree.Asset("Assets/AddressableAssetsData/AssetGroups/Legacy.asset", Group("Legacy", excluded, unused));
            tree.BuildSettings();

            var analysis = tree.Analyse(new ScanProblems());
            Assert.Equal("an entry of Addressables group 'Default Local Group', built into the player's content", Verdict(analysis, tree, "Assets/Voices/Innkeeper.asset").Reason);
            Assert.True(Verdict(analysis, tree, "Assets/Voices/Shared.asset").ShipsInPlayer);
            Assert.True(Verdict(analysis, tree, "Assets/Dialogue/Lines/Intro.asset").ShipsInPlayer);
            Assert.False(Verdict(analysis, tree, "Assets/Old/Legacy.asset").ShipsInPlayer);
        }

        [Fact]
        public void Embedded_package_content_ships_when_a_shipped_scene_references_it()
        {
            using var tree = new UnityTree();
            var used = tree.Asset("Packages/com.studio.npc/Runtime/NpcDefaults.asset", Mono("  m_Name: n\n"));
            tree.Asset("Packages/com.studio.npc/Runtime/Unused.asset", Mono("  m_Name: u\n"));
            tree.Asset("Packages/com.studio.npc/Resources/PackageSettings.asset", Mono("  m_Name: p\n"));
            tree.Write("Packages/manifest.json", "{ \"dependencies\": {} }\n");
            var main = tree.Asset("Assets/Main.unity", Header + "--- !u!114 &1\nMonoBehaviour:\n  defaults: " + Ref(used) + "\n");
            tree.BuildSettings(("Assets/Main.unity", main, true));

            var analysis = tree.Analyse(new ScanProblems());
            Assert.True(Verdict(analysis, tree, "Packages/com.studio.npc/Runtime/NpcDefaults.asset").ShipsInPlayer);
            Assert.False(Verdict(analysis, tree, "Packages/com.studio.npc/Runtime/Unused.asset").ShipsInPlayer);
            Assert.True(Verdict(analysis, tree, "Packages/com.studio.npc/Resources/PackageSettings.asset").ShipsInPlayer);
            Assert.False(Verdict(analysis, tree, "Packages/manifest.json").ShipsInPlayer);
        }

        [Fact]
        public void A_scene_moved_after_it_was_added_to_Build_Settings_is_found_by_its_GUID()
        {
            using var tree = new UnityTree();
            var main = tree.Asset("Assets/Scenes/Levels/Main.unity", Header + "--- !u!29 &1\nOcclusionCullingSettings:\n  m_ObjectHideFlags: 0\n");
            tree.BuildSettings(("Assets/Scenes/Main.unity", main, true));
            var problems = new ScanProblems();
            Assert.Equal("an enabled scene in Build Settings", Verdict(tree.Analyse(problems), tree, "Assets/Scenes/Levels/Main.unity").Reason);
            Assert.Empty(problems.All);
        }

        [Fact]
        public void A_deleted_scene_in_Build_Settings_and_a_meta_file_left_behind_are_notes_not_errors()
        {
            using var tree = new UnityTree();
            var gone = tree.NewGuid();
            var orphan = tree.NewGuid();
            tree.Write("Assets/Prefabs/Gone.prefab.meta", "fileFormatVersion: 2\nguid: " + orphan + "\nPrefabImporter:\n");
            var main = tree.Asset("Assets/Main.unity", Header + "--- !u!1001 &1\nPrefabInstance:\n  m_SourcePrefab: {fileID: 100100000, guid: " + orphan + ", type: 3}\n");
            tree.BuildSettings(("Assets/Scenes/Deleted.unity", gone, true), ("Assets/Main.unity", main, true));

            var problems = new ScanProblems();
            var analysis = tree.Analyse(problems);
            Assert.False(problems.HasErrors, string.Join("\n", problems.All));
            Assert.Contains(problems.All, p => p.Message == "lists the enabled scene Assets/Scenes/Deleted.unity, which is not in the project (deleted, or moved without its .meta file)");
            Assert.Contains(problems.All, p => p.Path!.EndsWith("Gone.prefab.meta", StringComparison.Ordinal) && p.Message.StartsWith("its asset is not in the project", StringComparison.Ordinal));
            Assert.True(Verdict(analysis, tree, "Assets/Main.unity").ShipsInPlayer);
        }

        [Fact]
        public void References_to_GUIDs_with_no_meta_are_counted_in_one_note_and_do_not_fail_the_scan()
        {
            using var tree = new UnityTree();
            var main = tree.Asset("Assets/Main.unity", Header + "--- !u!114 &1\nMonoBehaviour:\n  a: " + Ref("abcdefabcdefabcdefabcdefabcdefab") + "\n  b: " + Ref("bcdefabcdefabcdefabcdefabcdefabc") + "\n");
            tree.BuildSettings(("Assets/Main.unity", main, true));

            var problems = new ScanProblems();
            tree.Analyse(problems);
            var note = Assert.Single(problems.All);
            Assert.False(note.IsError);
            Assert.StartsWith("2 references from shipped assets name a GUID with no .meta file", note.Message);
        }

        [Fact]
        public void A_shipped_binary_serialized_scene_is_a_note_and_every_unreached_asset_is_then_said_to_ship()
        {
            using var tree = new UnityTree();
            var main = tree.NewGuid();
            tree.Write("Assets/Main.unity", "\0\0\0\u0013\0\0\0\u0016UnityBinarySceneData");
            tree.Write("Assets/Main.unity.meta", "fileFormatVersion: 2\nguid: " + main + "\n");
            tree.Asset("Assets/Prefabs/Npc.prefab", Mono("  m_Name: n\n"));
            tree.Asset("Assets/Editor/Tool.asset", Mono("  m_Name: t\n"));
            tree.BuildSettings(("Assets/Main.unity", main, true));

            var problems = new ScanProblems();
            var analysis = tree.Analyse(problems);
            var note = Assert.Single(problems.All);
            Assert.False(note.IsError);
            Assert.Contains("binary-serialized", note.Message);
            var npc = Verdict(analysis, tree, "Assets/Prefabs/Npc.prefab");
            Assert.True(npc.ShipsInPlayer);
            Assert.Equal("may ship: Assets/Main.unity ships and is binary-serialized, so what it references cannot be read", npc.Reason);
            // The binary scene may reference it: an Editor/ folder does not keep a referenced asset out.
            Assert.True(Verdict(analysis, tree, "Assets/Editor/Tool.asset").ShipsInPlayer);
        }

        [Fact]
        public void Without_Build_Settings_every_scene_may_ship()
        {
            using var tree = new UnityTree();
            tree.Asset("Assets/Scenes/Any.unity", Header + "--- !u!29 &1\nOcclusionCullingSettings:\n  m_ObjectHideFlags: 0\n");
            var verdict = Verdict(tree.Analyse(new ScanProblems()), tree, "Assets/Scenes/Any.unity");
            Assert.True(verdict.ShipsInPlayer);
            Assert.Contains("EditorBuildSettings.asset is missing", verdict.Reason);
        }

        [Fact]
        public void An_unreadable_meta_file_or_shipped_asset_is_a_scan_error()
        {
            using var tree = new UnityTree();
            var main = tree.Asset("Assets/Main.unity", Header + "--- !u!114 &1\nMonoBehaviour:\n  m_Name: m\n");
            tree.BuildSettings(("Assets/Main.unity", main, true));
            var meta = Path.Combine(tree.Root, "Assets", "Lost.asset.meta");
            File.CreateSymbolicLink(meta, Path.Combine(tree.Root, "no-such-file"));
            File.Delete(Path.Combine(tree.Root, "Assets", "Main.unity"));
            File.CreateSymbolicLink(Path.Combine(tree.Root, "Assets", "Main.unity"), Path.Combine(tree.Root, "no-such-scene"));

            var problems = new ScanProblems();
            var analysis = tree.Analyse(problems);
            Assert.True(problems.HasErrors);
            Assert.Contains(problems.All, p => p.IsError && p.Path == meta && p.Message.StartsWith("cannot read it, so what references its asset is not followed", StringComparison.Ordinal));
            Assert.Contains(problems.All, p => p.IsError && p.Path!.EndsWith("Main.unity", StringComparison.Ordinal) && p.Message.StartsWith("not scanned: cannot read it", StringComparison.Ordinal));
        }

        [Fact]
        public void Preloaded_Assets_of_Player_Settings_ship_with_what_they_reference()
        {
            using var tree = new UnityTree();
            var voice = tree.Asset("Assets/Config/Voice.asset", Mono("  m_Name: v\n"));
            var boot = tree.Asset("Assets/Config/Boot.asset", Mono("  voice: " + Ref(voice) + "\n"));
            tree.Asset("Assets/Config/Unused.asset", Mono("  m_Name: u\n"));
            tree.Write("ProjectSettings/ProjectSettings.asset", Header + "--- !u!129 &1\nPlayerSettings:\n  productName: Sample\n  preloadedAssets:\n  - " + Ref(boot) + "\n");
            tree.BuildSettings();

            var analysis = tree.Analyse(new ScanProblems());
            Assert.Equal("referenced from ProjectSettings/ProjectSettings.asset (a project setting, which Unity builds into every player unless it is one of the Editor's own)", Verdict(analysis, tree, "Assets/Config/Boot.asset").Reason);
            Assert.True(Verdict(analysis, tree, "Assets/Config/Voice.asset").ShipsInPlayer);
            Assert.False(Verdict(analysis, tree, "Assets/Config/Unused.asset").ShipsInPlayer);
        }

        [Theory]
        [InlineData("ProjectSettings/ProjectSettings.asset", true)]
        [InlineData("ProjectSettings/EditorBuildSettings.asset", false)]
        [InlineData("ProjectSettings/Packages/com.unity.probuilder/Settings.json", false)]
        [InlineData("Builds/settings.json", false)]
        [InlineData("appsettings.json", false)]
        public void Project_settings_ship_except_the_Editor_s_and_files_outside_the_imported_folders_do_not(string relative, bool ships)
        {
            using var tree = new UnityTree();
            tree.BuildSettings();
            tree.Write(relative, "{}\n");
            Assert.Equal(ships, Verdict(tree.Analyse(new ScanProblems()), tree, relative).ShipsInPlayer);
        }
    }
}
