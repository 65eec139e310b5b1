using System.Threading.Tasks;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.CodeFixVerifier<Inworld.Analyzers.Rules.BasicAuthInClientAnalyzer, Inworld.Analyzers.CodeFixes.BasicAuthTokenCodeFixProvider>;

namespace Inworld.Analyzers.Tests.Fixes
{
    /// <summary>INW002 fix: Bearer with a backend token; the provider is added once; no fix where none is correct.</summary>
    public class BasicAuthTokenCodeFixTests
    {
        private const string Maui = "is_global = true\nbuild_property.UseMaui = true\n";
        private const string Usings = "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n\n";
        private static readonly string Provider = TokenProviderTemplate.Source(TokenProviderTemplate.DefaultEndpoint, "\n");

        private static Verify.Test Test(string source, string? fixedSource, int diagnostics = 1, bool addsProvider = true, string? config = Maui, string path = "/0/Test0.cs")
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add((path, source));
            if (config != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
            }

            for (var i = 0; i < diagnostics; i++)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.BasicAuthInClient).WithLocation(i).WithMessage(null));
            }

            test.FixedState.Sources.Add((path, fixedSource ?? source));
            if (fixedSource != null && addsProvider)
            {
                test.FixedState.Sources.Add((path.Substring(0, path.LastIndexOf('/') + 1) + "InworldTokenProvider.cs", Provider));
            }

            return test;
        }

        [Fact]
        public Task Authentication_header_value_becomes_Bearer_with_a_backend_token()
            => Test(
                Usings + "class Tts\n{\n    async Task Speak(HttpClient client)\n    {\n        client.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"))|};\n        await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task Speak(HttpClient client)\n    {\n        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", await InworldTokenProvider.Shared.GetTokenAsync());\n        await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n").RunAsync();

        [Fact]
        public Task Header_add_becomes_Bearer_and_keeps_comments()
            => Test(
                Usings + "class Tts\n{\n    async Task Speak(HttpRequestMessage request, string inworldKey)\n    {\n        // auth\n        {|#0:request.Headers.Add(\"Authorization\", /* key */ \"Basic \" + inworldKey)|};\n        await Task.Yield();\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task Speak(HttpRequestMessage request, string inworldKey)\n    {\n        // auth\n        request.Headers.Add(\"Authorization\", /* key */ \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync()));\n        await Task.Yield();\n    }\n}\n").RunAsync();

        [Fact]
        public Task Async_lambda_and_websocket()
            => Test(
                Usings + "using System.Net.WebSockets;\n\nclass Stream\n{\n    Func<ClientWebSocket, Task> Connect = async ws =>\n    {\n        {|#0:ws.Options.SetRequestHeader(\"Authorization\", $\"Basic {Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")}\")|};\n        await ws.ConnectAsync(new Uri(\"wss://api.inworld.ai/tts/v1/voice:streamBidirectional\"), default);\n    };\n}\n",
                Usings + "using System.Net.WebSockets;\n\nclass Stream\n{\n    Func<ClientWebSocket, Task> Connect = async ws =>\n    {\n        ws.Options.SetRequestHeader(\"Authorization\", \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync()));\n        await ws.ConnectAsync(new Uri(\"wss://api.inworld.ai/tts/v1/voice:streamBidirectional\"), default);\n    };\n}\n").RunAsync();

        [Fact]
        public Task Unity_coroutine_yields_the_token_request()
        {
            var source = "using System.Collections;\nusing UnityEngine;\nusing UnityEngine.Networking;\n\npublic class NpcChat : MonoBehaviour\n{\n    [SerializeField] private string inworldApiKey = \"\";\n\n    IEnumerator Speak()\n    {\n        var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", \"POST\");\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        yield return request.SendWebRequest();\n    }\n}\n";
            var fixedSource = "using System.Collections;\nusing UnityEngine;\nusing UnityEngine.Networking;\n\npublic class NpcChat : MonoBehaviour\n{\n    [SerializeField] private string inworldApiKey = \"\";\n\n    IEnumerator Speak()\n    {\n        var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", \"POST\");\n        var inworldToken = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken;\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Token);\n        yield return request.SendWebRequest();\n    }\n}\n";
            // Issue 14: a Unity project gets the UnityWebRequest provider, and the coroutine yields its TokenRequest.
            var test = Test(source, fixedSource, config: null, path: "/0/Assets/Scripts/NpcChat.cs", addsProvider: false);
            test.FixedState.Sources.Add(("/0/Assets/Scripts/InworldTokenProvider.cs", UnityTokenProviderTemplate.Source(TokenProviderTemplate.DefaultEndpoint, "\n")));
            test.TestState.AdditionalReferences.Add(UnityStubs.Engine);
            test.FixedState.AdditionalReferences.Add(UnityStubs.Engine);
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_rewrites_every_call_site_and_adds_one_provider()
            => Test(
                Usings + "class Tts\n{\n    async Task A(HttpRequestMessage r, string inworldKey)\n    {\n        {|#0:r.Headers.Add(\"Authorization\", \"Basic \" + inworldKey)|};\n        await Task.Yield();\n    }\n\n    async Task B(HttpClient c, string inworldKey)\n    {\n        c.DefaultRequestHeaders.Authorization = {|#1:new AuthenticationHeaderValue(\"Basic\", inworldKey)|};\n        await Task.Yield();\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task A(HttpRequestMessage r, string inworldKey)\n    {\n        r.Headers.Add(\"Authorization\", \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync()));\n        await Task.Yield();\n    }\n\n    async Task B(HttpClient c, string inworldKey)\n    {\n        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", await InworldTokenProvider.Shared.GetTokenAsync());\n        await Task.Yield();\n    }\n}\n",
                diagnostics: 2).RunAsync();

        [Fact]
        public Task Existing_provider_is_reused()
        {
            var test = Test(
                Usings + "class Tts\n{\n    async Task A(HttpRequestMessage r, string inworldKey)\n    {\n        {|#0:r.Headers.Add(\"Authorization\", \"Basic \" + inworldKey)|};\n        await Task.Yield();\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task A(HttpRequestMessage r, string inworldKey)\n    {\n        r.Headers.Add(\"Authorization\", \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync()));\n        await Task.Yield();\n    }\n}\n",
                addsProvider: false);
            const string own = "public sealed class InworldTokenProvider { public static InworldTokenProvider Shared { get; } = new InworldTokenProvider(); public System.Threading.Tasks.Task<string> GetTokenAsync() => System.Threading.Tasks.Task.FromResult(\"t\"); }\n";
            test.TestState.Sources.Add(("/0/Own.cs", own));
            test.FixedState.Sources.Add(("/0/Own.cs", own));
            return test.RunAsync();
        }

        [Fact]
        public Task Endpoint_comes_from_editorconfig()
        {
            var test = Test(
                Usings + "class Tts\n{\n    async Task A(HttpRequestMessage r, string inworldKey)\n    {\n        {|#0:r.Headers.Add(\"Authorization\", \"Basic \" + inworldKey)|};\n        await Task.Yield();\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task A(HttpRequestMessage r, string inworldKey)\n    {\n        r.Headers.Add(\"Authorization\", \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync()));\n        await Task.Yield();\n    }\n}\n",
                addsProvider: false);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ninworld_analyzers.token_endpoint = https://game.example.com/inworld/token\n"));
            test.FixedState.Sources.Add(("/0/InworldTokenProvider.cs", TokenProviderTemplate.Source("https://game.example.com/inworld/token", "\n")));
            return test.RunAsync();
        }

        private const string Token = "await InworldTokenProvider.Shared.GetTokenAsync()";

        /// <summary>The fix rewrites the value the analyzer's shape names: each shape INW002 reports with a "Basic ..." value.</summary>
        [Theory]
        [InlineData("HeaderLine", "h.Add(\"Authorization: Basic \" + inworldKey)", "h.Add(\"Authorization: Bearer \" + (" + Token + "))")]
        [InlineData("Parse", "c.DefaultRequestHeaders.Authorization = {|#0:AuthenticationHeaderValue.Parse(\"Basic \" + inworldKey)|}", "c.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(\"Bearer \" + (" + Token + "))")]
        [InlineData("Indexer", "headers[\"Authorization\"] = \"Basic \" + inworldKey", "headers[\"Authorization\"] = \"Bearer \" + (" + Token + ")")]
        [InlineData("Array", "var list = new[] { \"Authorization\", {|#0:\"Basic \" + inworldKey|} }", "var list = new[] { \"Authorization\", \"Bearer \" + (" + Token + ") }")]
        [InlineData("Header", "var map = new Dictionary<string, string> { {|#0:{ \"Authorization\", \"Basic \" + inworldKey }|} }", "var map = new Dictionary<string, string> { { \"Authorization\", \"Bearer \" + (" + Token + ") } }")]
        public Task Each_call_shape_gets_its_value_rewritten(string shape, string statement, string fixedStatement)
        {
            Assert.NotNull(Inworld.Analyzers.Core.Contracts.AttachmentShapes.Parse(shape));
            var marked = statement.Contains("{|#0:") ? statement : "{|#0:" + statement + "|}";
            const string Head = "using System.Collections.Generic;\nusing System.Net;\n\nclass Tts\n{\n    async Task Speak(HttpClient c, WebHeaderCollection h, Dictionary<string, string> headers, string inworldKey)\n    {\n        ";
            const string Tail = ";\n        await Task.Yield();\n    }\n}\n";
            return Test(Usings + Head + marked + Tail, Usings + Head + fixedStatement + Tail).RunAsync();
        }

        /// <summary>"Authorization: Basic ..." as an interpolated header line stays a header line (the prefix comes from the shape, not from the value's constant text).</summary>
        [Fact]
        public Task Interpolated_header_line_keeps_the_header_name()
            => Test(
                Usings + "using System.Net;\n\nclass Tts\n{\n    async Task Speak(WebHeaderCollection h, string inworldKey)\n    {\n        {|#0:h.Add($\"Authorization: Basic {inworldKey}\")|};\n        await Task.Yield();\n    }\n}\n",
                Usings + "using System.Net;\n\nclass Tts\n{\n    async Task Speak(WebHeaderCollection h, string inworldKey)\n    {\n        h.Add(\"Authorization: Bearer \" + (" + Token + "));\n        await Task.Yield();\n    }\n}\n").RunAsync();

        /// <summary>TryParse("Basic " + key, out var header): the value is the first argument, never the out variable.</summary>
        [Fact]
        public Task TryParse_gets_its_first_argument_rewritten()
            => Test(
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c, string inworldKey)\n    {\n        if ({|#0:AuthenticationHeaderValue.TryParse(\"Basic \" + inworldKey, out var header)|})\n        {\n            c.DefaultRequestHeaders.Authorization = header;\n        }\n\n        await Task.Yield();\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c, string inworldKey)\n    {\n        if (AuthenticationHeaderValue.TryParse(\"Bearer \" + (" + Token + "), out var header))\n        {\n            c.DefaultRequestHeaders.Authorization = header;\n        }\n\n        await Task.Yield();\n    }\n}\n").RunAsync();

        [Theory]
        [InlineData("class Tts\n{\n    void Sync(HttpClient c, string inworldKey)\n    {\n        c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", inworldKey)|};\n    }\n}\n")]
        [InlineData("class Tts\n{\n    Task<string> NotAsync(HttpClient c, string inworldKey)\n    {\n        c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", inworldKey)|};\n        return Task.FromResult(\"\");\n    }\n}\n")]
        [InlineData("class Tts\n{\n    readonly object _gate = new object();\n    async Task Locked(HttpRequestMessage r, string inworldKey)\n    {\n        lock (_gate)\n        {\n            {|#0:r.Headers.Add(\"Authorization\", \"Basic \" + inworldKey)|};\n        }\n\n        await Task.Yield();\n    }\n}\n")]
        [InlineData("class Tts\n{\n    string Header(string keyId) => {|#0:\"IW1-HMAC-SHA256 ApiKey=\"|} + keyId;\n}\n")]
        [InlineData("class Tts\n{\n    static AuthenticationHeaderValue Header = {|#0:new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"))|};\n}\n")]
        public Task Offers_no_fix_where_no_correct_rewrite_exists(string body)
            => Test(Usings + body, null).RunAsync();
    }
}
