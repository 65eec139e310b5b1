using System.Linq;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.ShippedFiles;
using Inworld.Analyzers.Tests.Helpers;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>INW004's detection per file format: exact positions, positives and negatives.</summary>
    public class ShippedFileScannerTests
    {
        private static readonly FakeCredentials Fake = FakeCredentials.Default;

        private static ShippedFileFinding[] Scan(string text, string fileName)
            => ShippedFileScanner.Scan(Snippet.Expand(text), ShippedFileFormats.FromPath(fileName)).ToArray();

        private static void AssertSingle(string text, string fileName, CredentialKind kind, string token, string where)
        {
            var expanded = Snippet.Expand(text);
            var findings = Scan(text, fileName);
            Assert.Single(findings);
            Assert.Equal(kind, findings[0].Kind);
            Assert.Equal(where, findings[0].Where);
            Assert.Equal(Snippet.Expand(token), expanded.Substring(findings[0].Start, findings[0].Length).Trim());
            Assert.DoesNotContain(Snippet.Expand(token).Substring(4, 12), findings[0].Redacted);
        }

        [Theory]
        [InlineData("appsettings.json", "Json")]
        [InlineData("appsettings.Production.json", "Json")]
        [InlineData("Properties/launchSettings.json", "Json")]
        [InlineData(".env", "KeyValue")]
        [InlineData(".env.local", "KeyValue")]
        [InlineData("prod.env", "KeyValue")]
        [InlineData("App.config", "XmlConfig")]
        [InlineData("Web.config", "XmlConfig")]
        [InlineData("Assets/Resources/InworldSettings.asset", "UnityYaml")]
        [InlineData("Assets/Prefabs/Npc.prefab", "UnityYaml")]
        [InlineData("Assets/Scenes/Main.unity", "UnityYaml")]
        [InlineData("Assets/InworldSettings.asset.additionalfile", "UnityYaml")]
        [InlineData("Program.cs", "None")]
        [InlineData("README.md", "None")]
        [InlineData("image.png", "None")]
        [InlineData("", "None")]
        public void Knows_formats_by_file_name(string path, string expected)
            => Assert.Equal(expected, ShippedFileFormats.FromPath(path).ToString());

        // ---- JSON ----

        [Fact]
        public void Json_api_key_in_a_nested_setting()
            => AssertSingle("{\n  \"Inworld\": {\n    \"ApiKey\": \"$KEY$\"\n  }\n}\n", "appsettings.json", CredentialKind.ApiKey, "$KEY$", "setting 'Inworld:ApiKey'");

        [Fact]
        public void Json_key_with_escaped_slashes_is_decoded()
        {
            var escaped = Fake.ApiKey.Replace("/", "\\/");
            var findings = ShippedFileScanner.Scan("{ \"key\": \"" + escaped + "\" }", ShippedFileFormat.Json);
            Assert.Equal(Fake.ApiKey.Contains('/') ? 1 : 1, findings.Count);
        }

        [Fact]
        public void Json_key_id_and_secret_in_Inworld_section()
        {
            var findings = Scan("{ \"Inworld\": { \"KeyId\": \"$ID$\", \"Secret\": \"$SECRET$\", \"Workspace\": \"workspaces/game\" } }", "appsettings.json");
            Assert.Equal(new[] { CredentialKind.KeyId, CredentialKind.Secret }, findings.Select(f => f.Kind));
            Assert.Equal("setting 'Inworld:Secret'", findings[1].Where);
        }

        [Fact]
        public void Json_key_id_and_secret_pair_without_Inworld_names()
            => AssertSingle("{ \"npc\": { \"keyId\": \"$ID$\", \"secret\": \"$SECRET$\" } }", "appsettings.json", CredentialKind.RawKeyPair, "$SECRET$", "fields 'keyId' and 'secret'");

        [Fact]
        public void Json_other_services_id_and_secret_pairs_are_not_Inworld_pairs()
        {
            // A 32/32 OAuth client (hex id and secret) and an id/secret named without "key".
            var hexId = "0f3a9c2b7d4e6f8a1b2c3d4e5f6a7b8c";
            var hexSecret = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";
            Assert.Empty(Scan("{ \"Spotify\": { \"ClientKey\": \"" + hexId + "\", \"ClientSecret\": \"" + hexSecret + "\" } }", "appsettings.json"));
            Assert.Empty(Scan("{ \"npc\": { \"clientId\": \"$ID$\", \"clientSecret\": \"$SECRET$\" } }", "appsettings.json"));
        }

        [Fact]
        public void Unity_api_key_next_to_a_secret_is_not_taken_as_the_key_id()
        {
            var findings = Scan(UnityHeader + "  m_APIKey: $KEY$\n  m_Secret: $SECRET$\n", "InworldSettings.asset");
            Assert.Equal(new[] { CredentialKind.ApiKey }, findings.Select(f => f.Kind));
        }

        [Fact]
        public void Json_keys_in_arrays_and_launch_profiles()
        {
            var findings = Scan("{ \"profiles\": { \"app\": { \"environmentVariables\": { \"INWORLD_API_KEY\": \"$KEY$\", \"INWORLD_SECRET\": \"$SECRET$\" } } }, \"keys\": [ \"$URLKEY$\" ] }", "launchSettings.json");
            Assert.Equal(3, findings.Length);
            Assert.Equal("setting 'profiles:app:environmentVariables:INWORLD_API_KEY'", findings[0].Where);
        }

        [Theory]
        [InlineData("{ \"Inworld\": { \"ApiKey\": \"YOUR_API_KEY\", \"Secret\": \"<your-secret>\" } }")]
        [InlineData("{ \"Inworld\": { \"ApiKey\": \"\", \"KeyId\": \"changeme\", \"Secret\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" } }")]
        [InlineData("{ \"Logo\": \"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\" }")]
        [InlineData("{ \"Hash\": \"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\", \"Id\": \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\" }")]
        [InlineData("{\n  // INWORLD_SECRET=$SECRET$ goes in the environment, not here\n  \"Inworld\": { \"Secret\": \"\" }\n}")]
        [InlineData("{ \"Session\": \"$SECRET$\", \"Name\": \"InworldCharacterSettingsAsset\" }")]
        [InlineData("{ \"Inworld\": { \"ApiKey\": ")]
        [InlineData("{ \"unterminated: \"$SECRET$ ")]
        public void Json_negatives(string text) => Assert.Empty(Scan(text, "appsettings.json"));

        [Fact]
        public void Json_comment_holding_a_complete_key_is_still_reported()
        {
            var findings = Scan("{\n  // old key: $KEY$\n  \"Inworld\": {}\n}", "appsettings.json");
            Assert.Single(findings);
            Assert.Equal("line 2", findings[0].Where);
        }

        // ---- .env / INI ----

        [Fact]
        public void Env_api_key_with_export_and_quotes()
            => AssertSingle("# Inworld\nexport INWORLD_API_KEY=\"$KEY$\"\n", ".env", CredentialKind.ApiKey, "$KEY$", "setting 'INWORLD_API_KEY'");

        [Fact]
        public void Env_key_id_and_secret()
        {
            var findings = Scan("INWORLD_KEY=$ID$\nINWORLD_SECRET=$SECRET$ # prod\nINWORLD_WORKSPACE=workspaces/game\n", ".env");
            Assert.Equal(new[] { CredentialKind.KeyId, CredentialKind.Secret }, findings.Select(f => f.Kind));
        }

        [Fact]
        public void Ini_section_gives_the_Inworld_context()
            => AssertSingle("[Inworld]\nSecret = $SECRET$\n[Other]\nSecret = $SECRET$x\n", "settings.ini", CredentialKind.Secret, "$SECRET$", "setting 'Inworld:Secret'");

        [Theory]
        [InlineData("# INWORLD_SECRET=$SECRET$\n; INWORLD_KEY=$ID$\n")]
        [InlineData("INWORLD_API_KEY=\nINWORLD_SECRET=YOUR_SECRET_HERE\nINWORLD_KEY=<key id>\n")]
        [InlineData("INWORLD_API_KEY=${INWORLD_API_KEY}\n")]
        [InlineData("SESSION_TOKEN=$SECRET$\n")]
        [InlineData("INWORLD_WORKSPACE=workspaces/my-game-1234567890\n")]
        public void Env_negatives(string text) => Assert.Empty(Scan(text, ".env"));

        // ---- XML config ----

        [Fact]
        public void Xml_appSettings_add_key_value()
            => AssertSingle("<configuration>\n  <appSettings>\n    <add key=\"InworldApiKey\" value=\"$KEY$\" />\n  </appSettings>\n</configuration>\n", "App.config", CredentialKind.ApiKey, "$KEY$", "setting 'configuration:appSettings:InworldApiKey'");

        [Fact]
        public void Xml_key_id_and_secret_as_appSettings_siblings_without_Inworld_names()
            => AssertSingle("<configuration><appSettings><add key=\"KeyId\" value=\"$ID$\"/><add key=\"Secret\" value=\"$SECRET$\"/></appSettings></configuration>", "Web.config", CredentialKind.RawKeyPair, "$SECRET$", "fields 'KeyId' and 'Secret'");

        [Fact]
        public void Xml_application_settings_value_element()
            => AssertSingle("<applicationSettings><Game.Properties.Settings><setting name=\"InworldSecret\" serializeAs=\"String\"><value>$SECRET$</value></setting></Game.Properties.Settings></applicationSettings>", "App.config", CredentialKind.Secret, "$SECRET$", "setting 'applicationSettings:Game.Properties.Settings:setting:InworldSecret'");

        [Fact]
        public void Xml_element_text_and_attributes()
        {
            var findings = Scan("<inworld apiSecret=\"$SECRET$\"><KeyId>$ID$</KeyId></inworld>", "inworld.config");
            Assert.Equal(2, findings.Length);
        }

        [Theory]
        [InlineData("<configuration><!-- <add key=\"InworldSecret\" value=\"$SECRET$\"/> --></configuration>")]
        [InlineData("<configuration><appSettings><add key=\"InworldApiKey\" value=\"YOUR_API_KEY\"/><add key=\"Other\" value=\"$SECRET$\"/></appSettings></configuration>")]
        [InlineData("<configuration><appSettings><add key=\"Logo\" value=\"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\"/></appSettings>")]
        [InlineData("<configuration><appSettings><add key=\"InworldApiKey\" value=\"$SECRET$")]
        public void Xml_negatives(string text) => Assert.Empty(Scan(text, "App.config"));

        // ---- Unity YAML ----

        private const string UnityHeader = "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n--- !u!114 &11400000\nMonoBehaviour:\n  m_ObjectHideFlags: 0\n  m_Script: {fileID: 11500000, guid: 0123456789abcdef0123456789abcdef, type: 3}\n  m_Name: InworldSettings\n";

        [Fact]
        public void Unity_asset_api_key_field()
            => AssertSingle(UnityHeader + "  m_APIKey: $KEY$\n  m_WorkspaceId: workspaces/game\n", "InworldSettings.asset", CredentialKind.ApiKey, "$KEY$", "setting 'MonoBehaviour:m_APIKey'");

        [Fact]
        public void Unity_prefab_key_id_and_secret_fields()
            => AssertSingle(UnityHeader + "  m_KeyId: $ID$\n  m_Secret: $SECRET$\n", "Npc.prefab", CredentialKind.RawKeyPair, "$SECRET$", "fields 'm_KeyId' and 'm_Secret'");

        [Fact]
        public void Unity_scene_fields_in_different_components_are_not_a_pair()
        {
            var text = UnityHeader + "  m_KeyId: $ID$\n--- !u!114 &22\nMonoBehaviour:\n  m_Secret: $SECRET$\n";
            Assert.Empty(Scan(text, "Main.unity"));
        }

        [Fact]
        public void Unity_scene_with_quoted_key_in_nested_object()
        {
            var findings = Scan(UnityHeader + "  m_Auth:\n    serverKey: '$KEY$'\n", "Main.unity");
            Assert.Single(findings);
            Assert.Equal("setting 'MonoBehaviour:m_Auth:serverKey'", findings[0].Where);
        }

        [Theory]
        [InlineData("  m_APIKey: \n  m_Secret: \n")]
        [InlineData("  m_APIKey: YOUR_API_KEY\n  m_Secret: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n")]
        [InlineData("  m_Texture: iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n")]
        [InlineData("  # m_KeyId: $ID$\n  # m_Secret: $SECRET$\n")]
        [InlineData("  guid: 0123456789abcdef0123456789abcdef\n  m_LocalIdentfierInFile: 1234567890123456\n")]
        public void Unity_negatives(string body) => Assert.Empty(Scan(UnityHeader + body, "InworldSettings.asset"));
    }
}
