using System.IO;
using Inworld.Scan.UnityShipping;
using Inworld.Unity.Editor.Shipping;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>The cheap scanner that reads GUID references out of Unity's text serialization, and the two settings readers.</summary>
    public sealed class UnityYamlReferencesTests
    {
        private const string Prefab = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        private const string Script = "6f1c2a3b4d5e6f708192a3b4c5d6e7f8";

        [Fact]
        public void Inline_references_are_read_once_each_in_order_lower_cased()
        {
            var text =
                "  m_Script: {fileID: 11500000, guid: " + Script + ", type: 3}\n" +
                "  m_SourcePrefab: {fileID: 100100000, guid: " + Prefab.ToUpperInvariant() + ", type: 3}\n" +
                "    - target: {fileID: 4561843957140318841, guid: " + Prefab + ", type: 3}\n" +
                "  m_Other: {fileID: 2,guid:" + Script + ",type: 2}\n";
            Assert.Equal(new[] { Script, Prefab }, UnityYamlReferences.Guids(text));
        }

        [Fact]
        public void Null_and_built_in_GUIDs_are_not_references_to_project_files()
        {
            var text =
                "  m_SkyboxMaterial: {fileID: 10304, guid: 0000000000000000f000000000000000, type: 0}\n" +
                "  m_SpotCookie: {fileID: 10001, guid: 0000000000000000e000000000000000, type: 0}\n" +
                "  m_SceneGUID: 00000000000000000000000000000000\n" +
                "  m_Sprite: {fileID: 0, guid: 00000000000000000000000000000000, type: 0}\n";
            Assert.Empty(UnityYamlReferences.Guids(text));
        }

        [Theory]
        [InlineData("guid: 0a1b2c3d4e5f60718293a4b5c6d7e8f")] // 31 digits at the end of the text
        [InlineData("guid: 0a1b2c3d4e5f60718293a4b5c6d7e8f, type: 3}")] // 31 digits
        [InlineData("guid: 0a1b2c3d4e5f60718293a4b5c6d7e8f9a, type: 3}")] // 33 digits
        [InlineData("guid: 0a1b2c3d4e5f60718293a4b5c6d7e8fg, type: 3}")] // not hex
        [InlineData("guid: {fileID: 0}")]
        [InlineData("guid:")]
        [InlineData("m_Name: guid")]
        public void Malformed_GUIDs_are_not_references(string text) => Assert.Empty(UnityYamlReferences.Guids(text));

        [Fact]
        public void Serialized_AssetReference_GUIDs_are_references_too()
            => Assert.Equal(new[] { Prefab }, UnityYamlReferences.Guids("  voiceAsset:\n    m_AssetGUID: " + Prefab + "\n    m_SubObjectName: \n"));

        [Fact]
        public void A_GUID_at_the_very_end_of_the_text_is_read()
            => Assert.Equal(new[] { Prefab }, UnityYamlReferences.Guids("  m_Asset: {fileID: 2, guid: " + Prefab));

        [Theory]
        [InlineData("fileFormatVersion: 2\nguid: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\nPrefabImporter:\n", Prefab)]
        [InlineData("\uFEFFfileFormatVersion: 2\r\nguid: 0A1B2C3D4E5F60718293A4B5C6D7E8F9\r\nfolderAsset: yes\r\n", Prefab)]
        [InlineData("fileFormatVersion: 2\nguid: 0a1b2c3d\nPrefabImporter:\n", null)]
        [InlineData("fileFormatVersion: 2\nPrefabImporter:\n  userData: \n", null)]
        [InlineData("", null)]
        public void Meta_files_give_their_GUID_line_or_nothing(string meta, string? expected)
            => Assert.Equal(expected, UnityYamlReferences.MetaGuid(new StringReader(meta)));

        [Theory]
        [InlineData("%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n", true)]
        [InlineData("\uFEFF  %YAML 1.1\n", true)]
        [InlineData("\0\0\0\0\u0001\u0002UnityFS", false)]
        [InlineData("{\"key\": 1}", false)]
        public void Text_serialization_is_told_by_its_header(string start, bool yaml)
            => Assert.Equal(yaml, UnityYamlReferences.IsYamlHeader(start));

        [Fact]
        public void Build_Settings_scenes_keep_order_enabled_flag_path_and_GUID()
        {
            var text =
                "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n--- !u!1045 &1\nEditorBuildSettings:\n  m_ObjectHideFlags: 0\n  serializedVersion: 2\n" +
                "  m_Scenes:\n" +
                "  - enabled: 1\n    path: Assets/Scenes/Main.unity\n    guid: " + Prefab + "\n" +
                "  - enabled: 0\r\n    path: 'Assets/Scenes/Debug Sandbox.unity'\r\n    guid: " + Script + "\r\n" +
                "  - enabled: 1\n    path: Assets/Scenes/Credits.unity\n    guid: 00000000000000000000000000000000x\n" +
                "  m_configObjects:\n    com.unity.addressableassets: {fileID: 11400000, guid: " + Script + ", type: 2}\n";
            var scenes = UnitySettingsReaders.Scenes(text);
            Assert.Equal(3, scenes.Count);
            Assert.True(scenes[0].Enabled);
            Assert.Equal("Assets/Scenes/Main.unity", scenes[0].Path);
            Assert.Equal(Prefab, scenes[0].Guid);
            Assert.False(scenes[1].Enabled);
            Assert.Equal("Assets/Scenes/Debug Sandbox.unity", scenes[1].Path);
            Assert.Equal(Script, scenes[1].Guid);
            Assert.True(scenes[2].Enabled);
            Assert.Null(scenes[2].Guid);
        }

        [Theory]
        [InlineData("EditorBuildSettings:\n  m_Scenes: []\n  m_configObjects: {}\n")]
        [InlineData("EditorBuildSettings:\n  m_configObjects: {}\n")]
        public void Build_Settings_without_scenes_has_none(string text) => Assert.Empty(UnitySettingsReaders.Scenes(text));

        [Fact]
        public void Addressables_group_entries_and_schemas_are_read_but_not_the_group_s_own_GUID()
        {
            const string own = "11111111111111111111111111111111";
            const string schema = "22222222222222222222222222222222";
            var text =
                "MonoBehaviour:\n  m_Name: Default Local Group\n  m_GroupName: Default Local Group\n  m_GUID: " + own + "\n" +
                "  m_SerializeEntries:\n" +
                "  - m_GUID: " + Prefab + "\n    m_Address: Assets/Prefabs/Npc.prefab\n    m_ReadOnly: 0\n    m_SerializedLabels: []\n" +
                "  - m_GUID: " + Script + "\n    m_Address: voice\n    m_ReadOnly: 0\n    m_SerializedLabels:\n    - default\n" +
                "  m_ReadOnly: 0\n  m_Settings: {fileID: 11400000, guid: 33333333333333333333333333333333, type: 2}\n" +
                "  m_SchemaSet:\n    m_Schemas:\n    - {fileID: 11400000, guid: " + schema + ", type: 2}\n";
            var group = UnitySettingsReaders.Group(text);
            Assert.Equal("Default Local Group", group.Name);
            Assert.Equal(new[] { Prefab, Script }, group.EntryGuids);
            Assert.Equal(new[] { schema }, group.SchemaGuids);
        }

        [Theory]
        [InlineData("  m_IncludeInBuild: 0\n", true)]
        [InlineData("  m_IncludeInBuild: 1\n", false)]
        [InlineData("  m_Compression: 1\n", false)]
        public void Include_in_Build_unticked_excludes_a_group(string schema, bool excluded)
            => Assert.Equal(excluded, UnitySettingsReaders.ExcludesGroupFromBuild("MonoBehaviour:\n" + schema));
    }
}
