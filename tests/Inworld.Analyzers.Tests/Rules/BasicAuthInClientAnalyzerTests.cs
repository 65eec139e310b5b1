using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.BasicAuthInClientAnalyzer>;

namespace Inworld.Analyzers.Tests.Rules
{
    /// <summary>INW002 across header APIs, client and server kinds, Unity player vs Editor code, Inworld and other hosts.</summary>
    public class BasicAuthInClientAnalyzerTests
    {
        private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Net;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Net.WebSockets;\n";
        private const string Maui = "is_global = true\nbuild_property.UseMaui = true\n";
        private const string Blazor = "is_global = true\nbuild_property.UsingMicrosoftNETSdkBlazorWebAssembly = true\n";
        private const string Web = "is_global = true\nbuild_property.UsingMicrosoftNETSdkWeb = true\n";

        private static Verify.Test Test(string source, string? globalConfig, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = Snippet.Expand(Usings + source) };
            if (globalConfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        private static DiagnosticResult Expected(string what, string reason, int markup = 0)
            => Verify.Diagnostic(RuleIds.BasicAuthInClient).WithLocation(markup).WithArguments(what, reason);

        // ---- Header APIs in a client project ----

        [Theory]
        [InlineData("class C { void M(HttpClient c) { c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"))|}; } }",
            "Basic authentication via new AuthenticationHeaderValue(\"Basic\", ...)")]
        [InlineData("class C { string inworldApiKey = \"\"; void M(HttpRequestMessage r) { r.Headers.Authorization = {|#0:new AuthenticationHeaderValue(\"basic\", inworldApiKey)|}; } }",
            "Basic authentication via new AuthenticationHeaderValue(\"Basic\", ...)")]
        [InlineData("class C { void M(string key) { var r = new HttpRequestMessage(HttpMethod.Post, \"https://api.inworld.ai/tts/v1/voice\"); {|#0:r.Headers.Add(\"Authorization\", \"Basic \" + key)|}; } }",
            "Basic authentication via HttpRequestHeaders.Add(\"Authorization\", \"Basic ...\")")]
        [InlineData("class C { HttpClient c = new HttpClient { BaseAddress = new Uri(\"https://api.inworld.ai/\") }; void M(string key) { {|#0:c.DefaultRequestHeaders.TryAddWithoutValidation(\"Authorization\", $\"Basic {key}\")|}; } }",
            "Basic authentication via HttpRequestHeaders.TryAddWithoutValidation(\"Authorization\", \"Basic ...\")")]
        [InlineData("class C { const string Tts = \"https://api.inworld.ai/tts/v1/voice:streamBidirectional\"; void M(ClientWebSocket ws, string key) { {|#0:ws.Options.SetRequestHeader(\"Authorization\", string.Concat(\"Basic \", key))|}; } }",
            "Basic authentication via ClientWebSocketOptions.SetRequestHeader(\"Authorization\", \"Basic ...\")")]
        [InlineData("class C { void M(WebHeaderCollection h, string inworldKey) { {|#0:h[\"Authorization\"] = \"Basic \" + inworldKey|}; } }",
            "Basic authentication via WebHeaderCollection[\"Authorization\"] = \"Basic ...\"")]
        [InlineData("class C { void M(WebHeaderCollection h, string inworldKey) { {|#0:h.Add(\"Authorization: Basic \" + inworldKey)|}; } }",
            "Basic authentication via WebHeaderCollection.Add(\"Authorization: Basic ...\")")]
        [InlineData("class C { Dictionary<string, string> H(string inworldKey) => new Dictionary<string, string> { {|#0:{ \"Authorization\", \"Basic \" + inworldKey }|} }; }",
            "Basic authentication via Dictionary.Add(\"Authorization\", \"Basic ...\")")]
        [InlineData("class C { string[] H(string inworldKey) => new[] { \"Authorization\", {|#0:\"Basic \" + inworldKey|} }; }",
            "Basic authentication via a header list (\"Authorization\", \"Basic ...\")")]
        [InlineData("class C { object H(string inworldApiKey) => {|#0:AuthenticationHeaderValue.Parse(\"Basic \" + inworldApiKey)|}; }",
            "Basic authentication via AuthenticationHeaderValue.Parse(\"Basic ...\")")]
        [InlineData("class C { bool H(string inworldApiKey) => {|#0:AuthenticationHeaderValue.TryParse(\"Basic \" + inworldApiKey, out _)|}; }",
            "Basic authentication via AuthenticationHeaderValue.TryParse(\"Basic ...\")")]
        [InlineData("class C { void M(HttpRequestMessage r) { {|#0:r.Headers.Add(\"Authorization\", string.Format(\"Basic {0}\", Environment.GetEnvironmentVariable(\"INWORLD_KEY\")))|}; } }",
            "Basic authentication via HttpRequestHeaders.Add(\"Authorization\", \"Basic ...\")")]
        [InlineData("class C { void M(HttpRequestMessage r) { r.Headers.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", \"$KEY$\")|}; } }",
            "Basic authentication via new AuthenticationHeaderValue(\"Basic\", ...)")]
        public Task Flags_Basic_credentials_in_a_client_project(string source, string what)
            => Test(source, Maui, Expected(what, "MAUI")).RunAsync();

        [Fact]
        public Task Names_the_client_signal_in_the_message()
            => Test("class C { void M(HttpClient c, string inworldKey) { c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", inworldKey)|}; } }",
                Blazor, Expected("Basic authentication via new AuthenticationHeaderValue(\"Basic\", ...)", "Blazor WebAssembly")).RunAsync();

        [Fact]
        public Task Flags_client_side_IW1_signing()
            => Test("class C { string Header(string keyId, string sig) => {|#0:\"IW1-HMAC-SHA256 ApiKey=\"|} + keyId + \",Signature=\" + sig; }",
                Maui, Expected("IW1-HMAC-SHA256 request signing (it needs the Inworld secret)", "MAUI")).RunAsync();

        // ---- Never flagged ----

        [Theory]
        [InlineData("class C { void M(HttpClient c, string token) { c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", token); } }")]
        [InlineData("class C { void M(HttpRequestMessage r, string inworldToken) { r.Headers.Add(\"Authorization\", \"Bearer \" + inworldToken); } }")]
        [InlineData("class C { void M(HttpRequestMessage r, string inworldKey) { r.Headers.Add(\"X-Api-Key\", \"Basic \" + inworldKey); } }")]
        [InlineData("class C { void M(HttpClient c, string password) { c.BaseAddress = new Uri(\"https://example.com/\"); c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", password); } }")]
        [InlineData("class C { void M(HttpRequestMessage r, string user) { r.RequestUri = new Uri(\"https://api.inworld.ai.example.com/tts\"); r.Headers.Add(\"Authorization\", \"Basic \" + user); } }")]
        public Task Does_not_flag_Bearer_other_headers_or_non_Inworld_hosts(string source) => Test(source, Maui).RunAsync();

        [Theory]
        [InlineData(Web)]
        [InlineData(null)]
        [InlineData("is_global = true\nbuild_property.OutputType = Exe\n")]
        public Task Does_not_flag_server_projects(string? globalConfig)
            => Test("class C { void M(HttpClient c) { c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")); } }", globalConfig).RunAsync();

        [Fact]
        public Task Scope_any_widens_to_every_Basic_credential()
            => Test("class C { void M(HttpClient c, string password) { c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", password)|}; } }",
                Maui + "inworld_analyzers.basic_auth_scope = any\n",
                Expected("Basic authentication via new AuthenticationHeaderValue(\"Basic\", ...)", "MAUI")).RunAsync();

        [Fact]
        public Task Explicit_override_makes_a_shared_library_client()
            => Test("class C { void M(HttpClient c, string inworldKey) { c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", inworldKey)|}; } }",
                "is_global = true\nbuild_property.InworldProjectKind = client\n",
                Expected("Basic authentication via new AuthenticationHeaderValue(\"Basic\", ...)", "InworldProjectKind = client")).RunAsync();

        [Fact]
        public Task Per_file_override_in_editorconfig()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Client/Api.cs", Usings + "class A { void M(HttpClient c, string inworldKey) { c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", inworldKey)|}; } }"));
            test.TestState.Sources.Add(("/0/Server/Api.cs", Usings + "class B { void M(HttpClient c, string inworldKey) { c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", inworldKey); } }"));
            test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n[Client/**.cs]\ninworld_analyzers.project_kind = client\n"));
            test.ExpectedDiagnostics.Add(Expected("Basic authentication via new AuthenticationHeaderValue(\"Basic\", ...)", "inworld_analyzers.project_kind = client"));
            return test.RunAsync();
        }

        // ---- Unity: player code vs Editor code vs Dedicated Server ----

        private const string UnityClient = @"
using UnityEngine;
using UnityEngine.Networking;

public class NpcChat : MonoBehaviour
{
    [SerializeField] private string inworldApiKey = """";

    void Speak()
    {
        var request = new UnityWebRequest(""https://api.inworld.ai/tts/v1/voice"", ""POST"");
        MARK
    }
}
";

        private static Verify.Test UnityTest(string path, string source, string[]? symbols = null, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add((path, source));
            test.TestState.AdditionalReferences.Add(UnityStubs.Engine);
            test.TestState.AdditionalReferences.Add(UnityStubs.Editor);
            if (symbols != null)
            {
                test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(projectId,
                    ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols(symbols)));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        [Fact]
        public Task Flags_UnityWebRequest_in_player_code()
            => UnityTest("/0/Assets/Scripts/NpcChat.cs", UnityClient.Replace("MARK", "{|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};"), null,
                Expected("Basic authentication via UnityWebRequest.SetRequestHeader(\"Authorization\", \"Basic ...\")", "Unity player code")).RunAsync();

        [Fact]
        public Task Does_not_flag_Unity_Editor_folder_code()
            => UnityTest("/0/Assets/Editor/NpcChat.cs", UnityClient.Replace("MARK", "request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey);")).RunAsync();

        [Fact]
        public Task Does_not_flag_UNITY_EDITOR_regions_but_flags_the_player_branch()
            => UnityTest("/0/Assets/Scripts/NpcChat.cs",
                UnityClient.Replace("MARK", "#if UNITY_EDITOR\n        request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey);\n#else\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n#endif"),
                new[] { "UNITY_EDITOR" }).RunAsync();

        [Fact]
        public Task Does_not_flag_Unity_Dedicated_Server_builds()
            => UnityTest("/0/Assets/Scripts/NpcChat.cs", UnityClient.Replace("MARK", "request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey);"), new[] { "UNITY_SERVER" }).RunAsync();
    }
}
