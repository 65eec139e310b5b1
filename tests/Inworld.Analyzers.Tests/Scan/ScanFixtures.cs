using System;
using System.IO;
using Inworld.Analyzers.Tests.Helpers;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// Fixture trees for inworld-scan, written to a temp folder at test time from generated fake credentials
    /// (no credential-shaped text is committed): a leaking Unity project, its clean twin, a mixed .NET repo.
    /// </summary>
    public sealed class ScanFixtures : IDisposable
    {
        public const string UnityHeader = "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n--- !u!114 &11400000\nMonoBehaviour:\n  m_ObjectHideFlags: 0\n  m_Script: {fileID: 11500000, guid: 0123456789abcdef0123456789abcdef, type: 3}\n";

        public ScanFixtures()
        {
            Root = Path.Combine(Path.GetTempPath(), "inworld-scan-fixtures-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            var leak = FakeCredentials.Default;
            var other = FakeCredentials.Other;

            UnityLeaky = Path.Combine(Root, "UnityLeaky");
            WriteUnity(UnityLeaky,
                asset: UnityHeader + "  m_Name: InworldSettings\n  m_APIKey: " + leak.ApiKey + "\n  m_WorkspaceId: workspaces/demo\n",
                prefab: UnityHeader + "  m_Name: Npc\n  m_KeyId: " + other.KeyId + "\n  m_Secret: " + other.Secret + "\n",
                scene: UnityHeader + "  m_Name: Main\n  m_Auth:\n    serverKey: '" + other.ApiKey + "'\n",
                script: "using UnityEngine;\n\npublic class NpcController : MonoBehaviour\n{\n    [SerializeField] private string inworldApiSecret = \"" + leak.Secret + "\";\n\n    private void Start() => Debug.Log(\"started\");\n}\n");
            Write(UnityLeaky, "Library/ScriptAssemblies/Cache.asset", UnityHeader + "  m_APIKey: " + leak.ApiKey + "\n");
            Write(UnityLeaky, "Temp/Leftover.cs", "class Leftover { const string Key = \"" + leak.ApiKey + "\"; }\n");
            Write(UnityLeaky, ".gitignore", "# Unity\n/[Bb]uilds/\n*.log\n");
            Write(UnityLeaky, "Builds/settings.json", "{ \"key\": \"" + leak.ApiKey + "\" }\n");
            Write(UnityLeaky, "Logs/run.log", leak.ApiKey);

            UnityClean = Path.Combine(Root, "UnityClean");
            WriteUnity(UnityClean,
                asset: UnityHeader + "  m_Name: InworldSettings\n  m_APIKey: \n  m_WorkspaceId: workspaces/demo\n",
                prefab: UnityHeader + "  m_Name: Npc\n  m_KeyId: YOUR_KEY_ID\n  m_Secret: <your-secret>\n  m_Texture: iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n",
                scene: UnityHeader + "  m_Name: Main\n  # m_APIKey: set it from the backend token endpoint\n",
                script: "using UnityEngine;\n\npublic class NpcController : MonoBehaviour\n{\n    [SerializeField] private string tokenEndpoint = \"https://game.example.com/inworld/token\";\n\n    private void Start() => Debug.Log(tokenEndpoint);\n}\n");

            Mixed = Path.Combine(Root, "Mixed");
            Write(Mixed, ".editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.INW004.severity = error\n");
            Write(Mixed, "src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>\n");
            Write(Mixed, "src/App/Program.cs", "var key = \"" + leak.ApiKey + "\";\nConsole.WriteLine(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key)).Length);\n\ninternal sealed class Settings\n{\n    public string Name { get; } = \"demo\";\n}\n");
            Write(Mixed, "src/App/appsettings.json", "{\n  \"Inworld\": {\n    \"ApiKey\": \"YOUR_API_KEY\"\n  }\n}\n");
            Write(Mixed, "src/App/appsettings.Production.json", "{\n  \"Inworld\": {\n    \"KeyId\": \"" + other.KeyId + "\"\n  }\n}\n");
            Write(Mixed, "src/Tool/Tool.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
            Write(Mixed, "src/Tool/Program.cs", "System.Console.WriteLine(System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") is null ? \"unset\" : \"set\");\n\ninternal sealed class Settings\n{\n    public string Name { get; } = \"tool\";\n}\n");
            Write(Mixed, ".env", "# local only\nINWORLD_SECRET=" + other.Secret + "\n");
            Write(Mixed, "src/App/bin/Debug/net10.0/appsettings.json", "{ \"k\": \"" + leak.ApiKey + "\" }\n");
            Write(Mixed, "src/App/obj/Leak.cs", "class Leak { const string Key = \"" + leak.ApiKey + "\"; }\n");
        }

        public string Root { get; }
        public string UnityLeaky { get; }
        public string UnityClean { get; }
        public string Mixed { get; }

        private static void WriteUnity(string root, string asset, string prefab, string scene, string script)
        {
            Write(root, "ProjectSettings/ProjectVersion.txt", "m_EditorVersion: 2022.3.10f1\nm_EditorVersionWithRevision: 2022.3.10f1 (ff3792e53c62)\n");
            Write(root, "Assets/Resources/InworldSettings.asset", asset);
            Write(root, "Assets/Prefabs/Npc.prefab", prefab);
            Write(root, "Assets/Scenes/Main.unity", scene);
            Write(root, "Assets/Scripts/NpcController.cs", script);
        }

        private static void Write(string root, string relative, string content)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
