using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// `dotnet format analyzers --diagnostics INW001 INW002 INW003 INW005` on throw-away consumers of the packed package
    /// (a server console app, a Blazor WebAssembly app, a Unity-shaped project on Unity API stubs), then a CI build
    /// (the package's gate makes every remaining INW finding an error). Before: the token fix's new file came back from
    /// MSBuildWorkspace as a second Compile item in the csproj and the build stopped with NETSDK1022.
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        private static readonly string[] FormattedRules = { "INW001", "INW002", "INW003", "INW005" };

        private const string HttpUsings = "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n\n";

        /// <summary>
        /// The Unity-shaped project's scripts, each with a finding that has a fix, and the text each must contain after
        /// `dotnet format`: HttpClient in an async method and in a coroutine, and UnityWebRequest in a coroutine. The project
        /// references Unity's web request types, so the fix adds the UnityWebRequest provider and coroutines yield its request.
        /// </summary>
        private static readonly (string Path, string Source, string Fixed)[] UnityScripts =
        {
            ("Assets/Scripts/Voice.cs",
                HttpUsings + "using UnityEngine;\n\npublic class Voice : MonoBehaviour\n{\n    [SerializeField] private string inworldApiKey = \"\";\n" +
                "    private static readonly HttpClient Http = new HttpClient();\n\n    public async Task SpeakAsync()\n    {\n" +
                "        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", inworldApiKey);\n" +
                "        await Http.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                "Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", await InworldTokenProvider.Shared.GetTokenAsync());"),
            ("Assets/Scripts/Chat.cs",
                "using System.Collections;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing UnityEngine;\n\n" +
                "public class Chat : MonoBehaviour\n{\n    [SerializeField] private string inworldApiKey = \"\";\n    private readonly HttpClient _http = new HttpClient();\n\n" +
                "    private IEnumerator Ask()\n    {\n        var request = new HttpRequestMessage(HttpMethod.Post, \"https://api.inworld.ai/v1/chat/completions\");\n" +
                "        request.Headers.Authorization = new AuthenticationHeaderValue(\"Basic\", inworldApiKey);\n" +
                "        var send = _http.SendAsync(request);\n        yield return new WaitUntil(() => send.IsCompleted);\n    }\n}\n",
                "request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", inworldToken.Token);"),
            ("Assets/Scripts/Tts.cs",
                "using System.Collections;\nusing UnityEngine;\nusing UnityEngine.Networking;\n\n" +
                "public class Tts : MonoBehaviour\n{\n    [SerializeField] private string inworldApiKey = \"\";\n\n" +
                "    private IEnumerator Speak()\n    {\n        var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", \"POST\");\n" +
                "        request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey);\n        yield return request.SendWebRequest();\n    }\n}\n",
                "request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Token);"),
        };

        /// <summary>The token providers the Unity-shaped project may get (one class each, defined once).</summary>
        private static readonly string[] UnityProviders = { "InworldTokenProvider" };

        [Fact]
        public void Dotnet_format_under_the_CI_gate_fixes_a_server_console_app_that_then_passes_a_CI_build()
        {
            var credentials = FakeCredentials.Other;
            var directory = CreateConsumer("format-console", new Dictionary<string, string>
            {
                ["Program.cs"] = "const string Key = \"" + credentials.ApiKey + "\";\nSystem.Console.WriteLine(Key.Length);\n",
                ["Speech.cs"] = HttpUsings + "static class Speech\n{\n    public static async Task Speak(HttpClient client)\n    {\n" +
                                "        var key = Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\");\n" +
                                "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", key);\n" +
                                "        await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                ["Chat.cs"] = HttpUsings + "static class Chat\n{\n    public static async Task Ask(HttpClient client)\n    {\n" +
                              "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"));\n" +
                              "        await client.PostAsync(\"https://api.inworld.ai/v1/chat/completions\", null);\n    }\n}\n",
            });

            // With CI=true the gate makes the INW rules errors, so `--severity error` (what a CI job fixing only
            // build-breaking findings would pass) must see and fix them; locally they are warnings (the default severity).
            var format = FormatAnalyzers(directory, "format-console", CiEnvironment, "error");
            AssertNoSecret(format.Output, credentials);

            var program = File.ReadAllText(Path.Combine(directory, "Program.cs"));
            AssertNoSecret(program, credentials);
            Assert.Contains("Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")", program);
            var speech = File.ReadAllText(Path.Combine(directory, "Speech.cs"));
            Assert.Contains("Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")", speech);
            Assert.DoesNotContain("INWORLD_REALTIME_API_KEY", speech);
            Assert.Contains("new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"))", File.ReadAllText(Path.Combine(directory, "Chat.cs")));

            AssertFormattedConsumerBuilds(directory, "format-console", providers: Array.Empty<string>());
        }

        [Fact]
        public void Dotnet_format_gives_a_Blazor_WebAssembly_app_the_token_flow_without_touching_its_project_file()
        {
            var directory = CreateConsumer("format-wasm", new Dictionary<string, string>
            {
                ["Program.cs"] =
                    "using Microsoft.AspNetCore.Components.WebAssembly.Hosting;\n" +
                    "var builder = WebAssemblyHostBuilder.CreateDefault(args);\n" +
                    "builder.Services.AddScoped(_ => new HttpClient());\n" +
                    "await builder.Build().RunAsync();\n",
                // Two call sites in two file-scoped namespaces: one provider must serve both.
                ["Services/VoiceService.cs"] = "using System.Net.Http.Headers;\n\nnamespace FormatWasm.Services;\n\npublic sealed class VoiceService(HttpClient http)\n{\n" +
                    "    public async Task SpeakAsync(string key)\n    {\n" +
                    "        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", key);\n" +
                    "        await http.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                ["Chat/ChatClient.cs"] = "namespace FormatWasm.Chat;\n\npublic sealed class ChatClient(HttpClient http)\n{\n" +
                    "    public async Task AskAsync(string key)\n    {\n" +
                    "        using var request = new HttpRequestMessage(HttpMethod.Post, \"https://api.inworld.ai/v1/chat/completions\");\n" +
                    "        request.Headers.Add(\"Authorization\", \"Basic \" + key);\n" +
                    "        await http.SendAsync(request);\n    }\n}\n",
            }, sdk: "Microsoft.NET.Sdk.BlazorWebAssembly", properties: "<ImplicitUsings>enable</ImplicitUsings>");
            AllowPublicPackages(directory, "<PackageReference Include=\"Microsoft.AspNetCore.Components.WebAssembly\" Version=\"" + BlazorWebAssemblyVersion + "\" />");

            FormatAnalyzers(directory, "format-wasm");

            Assert.Contains("http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", await InworldTokenProvider.Shared.GetTokenAsync());",
                File.ReadAllText(Path.Combine(directory, "Services", "VoiceService.cs")));
            Assert.Contains("request.Headers.Add(\"Authorization\", \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync()));",
                File.ReadAllText(Path.Combine(directory, "Chat", "ChatClient.cs")));

            AssertFormattedConsumerBuilds(directory, "format-wasm", providers: new[] { "InworldTokenProvider" });

            // Both call sites' files declare file-scoped namespaces: the provider joins the top-level Program.cs (global namespace).
            Assert.False(File.Exists(Path.Combine(directory, "InworldTokenProvider.cs")));
            Assert.Contains("public sealed class InworldTokenProvider", File.ReadAllText(Path.Combine(directory, "Program.cs")));
        }

        [Fact]
        public void Dotnet_format_fixes_a_Unity_shaped_project_on_Unity_API_stubs()
        {
            var stubs = Path.Combine(_package.Root, "format-unity-stubs", "UnityEngine.CoreModule.dll");
            if (!File.Exists(stubs))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(stubs)!);
                var engine = CSharpCompilation.Create("UnityEngine.CoreModule",
                    new[] { CSharpSyntaxTree.ParseText(Inworld.Scan.UnityApiStubs.Source(Inworld.Scan.UnityApiStubs.EngineResource)) },
                    Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                var emitted = engine.Emit(stubs);
                Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            }

            var directory = CreateConsumer("format-unity", UnityScripts.ToDictionary(s => s.Path, s => s.Source), properties: "<OutputType>Library</OutputType>");
            var project = Path.Combine(directory, "format-unity.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>",
                "  <ItemGroup>\n    <Reference Include=\"UnityEngine.CoreModule\">\n      <HintPath>" + stubs + "</HintPath>\n    </Reference>\n  </ItemGroup>\n</Project>"));

            FormatAnalyzers(directory, "format-unity");

            foreach (var (path, _, fixedText) in UnityScripts)
            {
                Assert.Contains(fixedText, File.ReadAllText(Path.Combine(directory, path)));
            }

            AssertFormattedConsumerBuilds(directory, "format-unity", UnityProviders);
        }

        /// <summary>
        /// `dotnet format analyzers` on one project with the fixable INW rules, with its implicit restore from the
        /// consumer's local feed; returns its output after checking it succeeded. The project file is compared by the
        /// caller through <see cref="AssertFormattedConsumerBuilds"/>, so its text is kept here.
        /// </summary>
        private DotnetCli.Result FormatAnalyzers(string directory, string project, IDictionary<string, string>? environment = null, string? severity = null)
        {
            var csproj = Path.Combine(directory, project + ".csproj");
            _projectFilesBeforeFormat[csproj] = File.ReadAllText(csproj);
            var arguments = new List<string> { "format", "analyzers", csproj, "-v", "diag" };
            if (severity != null)
            {
                arguments.Add("--severity");
                arguments.Add(severity);
            }

            arguments.Add("--diagnostics");
            arguments.AddRange(FormattedRules);
            var format = DotnetCli.Run(directory, arguments, environment, timeoutSeconds: 600);
            Assert.True(format.ExitCode == 0, format.ToString());
            Assert.Contains("Formatted code file", format.Output);
            return format;
        }

        private readonly Dictionary<string, string> _projectFilesBeforeFormat = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// After `dotnet format`: the project file is byte for byte what it was (no Compile item, so no NETSDK1022), each
        /// token provider is defined exactly once, and a CI build (every INW finding an error) passes with no INW finding.
        /// </summary>
        private void AssertFormattedConsumerBuilds(string directory, string project, IReadOnlyCollection<string> providers)
        {
            var csproj = Path.Combine(directory, project + ".csproj");
            Assert.Equal(_projectFilesBeforeFormat[csproj], File.ReadAllText(csproj));
            Assert.DoesNotContain("<Compile", File.ReadAllText(csproj));

            var sources = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
                            !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Select(File.ReadAllText).ToList();
            foreach (var provider in providers)
            {
                Assert.Equal(1, sources.Sum(s => Regex.Matches(s, @"\bclass " + provider + @"\b").Count));
            }

            var build = DotnetCli.Run(directory, new[] { "build", project + ".csproj", "-nodeReuse:false" }, CiEnvironment, timeoutSeconds: 600);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotContain("NETSDK1022", build.Output);
            Assert.DoesNotMatch(@"(warning|error) INW\d{3}", build.Output);
        }
    }
}
