using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// inworld-scan as a Unity or Blazor team runs it in CI: a repository whose Unity project sits in a subfolder
    /// next to a .NET backend, and a Blazor WebAssembly app with the key in a .razor file. Before: the nested
    /// Unity project was scanned as server code without Unity types (no INW002) and .razor files were never read.
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        private static DotnetCli.Result RunScan(string workingDirectory, params string[] args)
            => DotnetCli.Run(workingDirectory, new[] { Scan.ScanToolTests.ToolPath() }.Concat(args), timeoutSeconds: 300);

        /// <summary>"path(line,col): warning ID" for every finding line, paths with '/'.</summary>
        private static List<string> ScanFindings(string output)
            => output.Split('\n').Select(l => l.TrimEnd('\r'))
                .Select(l => Regex.Match(l, @"^(\S.*\(\d+,\d+\)): (warning|error|info) (INW\d{3}): "))
                .Where(m => m.Success).Select(m => m.Groups[1].Value.Replace('\\', '/') + ": " + m.Groups[3].Value)
                .OrderBy(l => l, StringComparer.Ordinal).ToList();

        private static void WriteFile(string root, string relative, string content)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        [Fact]
        public void Scanner_reports_UnityWebRequest_Basic_header_in_a_Unity_project_nested_below_the_repository_root()
        {
            var key = FakeCredentials.Default;
            var repo = Path.Combine(_package.Root, "nsg-unity-nested-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            WriteFile(repo, "game/UnityClient/ProjectSettings/ProjectVersion.txt", "m_EditorVersion: 6000.0.23f1\nm_EditorVersionWithRevision: 6000.0.23f1 (1c4764c07fb4)\n");

            // Key hard-coded in the script (INW001 at the literal) and sent as Basic (INW002 at the call).
            WriteFile(repo, "game/UnityClient/Assets/Scripts/Chat.cs",
                "using System.Collections;\n" +
                "using UnityEngine;\n" +
                "using UnityEngine.Networking;\n" +
                "\n" +
                "public class Chat : MonoBehaviour\n" +
                "{\n" +
                "    private const string InworldApiKey = \"" + key.ApiKey + "\";\n" +
                "\n" +
                "    private IEnumerator Speak(string text)\n" +
                "    {\n" +
                "        using var request = UnityWebRequest.Post(\"https://api.inworld.ai/tts/v1/voice\", \"{}\", \"application/json\");\n" +
                "        request.SetRequestHeader(\"Authorization\", \"Basic \" + InworldApiKey);\n" +
                "        yield return request.SendWebRequest();\n" +
                "    }\n" +
                "}\n");

            // Key from a serialized field (set in the Inspector, so it ships in the scene): INW002.
            WriteFile(repo, "game/UnityClient/Assets/Scripts/Net/InspectorChat.cs",
                "using System.Collections;\n" +
                "using UnityEngine;\n" +
                "using UnityEngine.Networking;\n" +
                "\n" +
                "public class InspectorChat : MonoBehaviour\n" +
                "{\n" +
                "    [SerializeField] private string inworldApiKey;\n" +
                "\n" +
                "    private IEnumerator Speak()\n" +
                "    {\n" +
                "        var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", UnityWebRequest.kHttpVerbPOST);\n" +
                "        request.downloadHandler = new DownloadHandlerBuffer();\n" +
                "        request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey);\n" +
                "        yield return request.SendWebRequest();\n" +
                "    }\n" +
                "}\n");

            // The repository's backend: server code, where a Basic header with the key from the environment is right.
            WriteFile(repo, "backend/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <ImplicitUsings>enable</ImplicitUsings>\n  </PropertyGroup>\n</Project>\n");
            WriteFile(repo, "backend/Api/InworldProxy.cs",
                "using System.Net.Http.Headers;\n" +
                "\n" +
                "public sealed class InworldProxy(HttpClient http)\n" +
                "{\n" +
                "    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)\n" +
                "    {\n" +
                "        request.Headers.Authorization = new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"));\n" +
                "        return http.SendAsync(request);\n" +
                "    }\n" +
                "}\n");

            var result = RunScan(repo, ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Equal(new[]
            {
                "game/UnityClient/Assets/Scripts/Chat.cs(12,9): INW002",
                "game/UnityClient/Assets/Scripts/Chat.cs(7,42): INW001",
                "game/UnityClient/Assets/Scripts/Net/InspectorChat.cs(13,9): INW002",
            }, ScanFindings(result.Output));
            Assert.Contains("in client-side code (Unity player code)", result.Output);
            Assert.Contains("Unity project game" + Path.DirectorySeparatorChar + "UnityClient 6000.0.23f1", result.Output);
            AssertNoSecret(result.Output, key);
        }

        [Fact]
        public void Scanner_reports_a_key_in_a_razor_component_of_a_Blazor_WebAssembly_app_at_the_razor_line()
        {
            var key = FakeCredentials.Default;
            var repo = Path.Combine(_package.Root, "nsg-razor-scan-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            WriteFile(repo, "web/Client/Client.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.BlazorWebAssembly\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <ImplicitUsings>enable</ImplicitUsings>\n  </PropertyGroup>\n</Project>\n");
            WriteFile(repo, "web/Client/Pages/Voice.razor",
                "@page \"/voice\"\n" +
                "@using System.Net.Http.Headers\n" +
                "@inject HttpClient Http\n" +
                "\n" +
                "<button @onclick=\"SpeakAsync\">Speak</button>\n" +
                "\n" +
                "@code {\n" +
                "    private const string InworldApiKey = \"" + key.ApiKey + "\";\n" +
                "\n" +
                "    private async Task SpeakAsync()\n" +
                "    {\n" +
                "        using var request = new HttpRequestMessage(HttpMethod.Post, \"https://api.inworld.ai/tts/v1/voice\");\n" +
                "        request.Headers.Authorization = new AuthenticationHeaderValue(\"Basic\", InworldApiKey);\n" +
                "        await Http.SendAsync(request);\n" +
                "    }\n" +
                "}\n");

            // The same project's server twin would be quiet on INW002: the kind comes from this project file.
            WriteFile(repo, "web/Server/Server.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");

            var result = RunScan(repo, ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Equal(new[]
            {
                "web/Client/Pages/Voice.razor(13,41): INW002",
                "web/Client/Pages/Voice.razor(8,42): INW001",
            }, ScanFindings(result.Output));
            Assert.Contains("in client-side code (Blazor WebAssembly)", result.Output);
            AssertNoSecret(result.Output, key);
        }
    }
}
