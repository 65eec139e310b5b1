using System.Collections.Generic;
using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using BasicAuth = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.BasicAuthInClientAnalyzer>;
using TokenFix = Inworld.Analyzers.Tests.Helpers.CodeFixVerifier<Inworld.Analyzers.Rules.BasicAuthInClientAnalyzer, Inworld.Analyzers.CodeFixes.BasicAuthTokenCodeFixProvider>;
using Usage = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.AuthorizationUsageAnalyzer>;

namespace Inworld.Analyzers.Tests.Rules
{
    /// <summary>
    /// Header setters of other shapes (extension methods with the receiver as argument 0, RestSharp and Flurl
    /// helpers, calls on types that do not resolve), read-only header calls, and INW005 judging a credential by
    /// its origin before its names. Each library call is tested twice: with the library referenced (stubs with
    /// its public signatures) and with it missing, as inworld-scan and a broken build see it.
    /// </summary>
    public class HeaderShapesTests
    {
        private const string Usings = "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\nusing RestSharp;\nusing RestSharp.Authenticators;\nusing Flurl.Http;\n";
        private const string Blazor = "is_global = true\nbuild_property.UsingMicrosoftNETSdkBlazorWebAssembly = true\n";
        private const string Config = "interface IConfig { string? this[string key] { get; } }\n";

        public static TheoryData<bool> Both => new TheoryData<bool> { true, false };

        /// <summary>With the libraries referenced the code must compile; without them it cannot, and compiler errors are expected.</summary>
        private static TTest Prepare<TTest>(TTest test, bool librariesReferenced, string? config, DiagnosticResult[] expected)
            where TTest : AnalyzerTest<DefaultVerifier>
        {
            if (librariesReferenced)
            {
                test.TestState.AdditionalReferences.Add(HttpLibraryStubs.RestSharp);
                test.TestState.AdditionalReferences.Add(HttpLibraryStubs.Flurl);
            }
            else
            {
                test.CompilerDiagnostics = CompilerDiagnostics.None;
            }

            if (config != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        private static BasicAuth.Test Inw002(string source, bool librariesReferenced, string? config = Blazor, params DiagnosticResult[] expected)
            => Prepare(new BasicAuth.Test { TestCode = Snippet.Expand(Usings + source) }, librariesReferenced, config, expected);

        private static Usage.Test Inw005(string source, bool librariesReferenced, params DiagnosticResult[] expected)
            => Prepare(new Usage.Test { TestCode = Snippet.Expand(Usings + Config + source) }, librariesReferenced, null, expected);

        private static DiagnosticResult Basic(string what, string reason = "Blazor WebAssembly")
            => BasicAuth.Diagnostic(RuleIds.BasicAuthInClient).WithLocation(0).WithArguments("Basic authentication via " + what, reason);

        private static DiagnosticResult Scheme(string kind, string source, string scheme, string expected)
            => Usage.Diagnostic(RuleIds.WrongAuthorizationScheme).WithLocation(0).WithArguments(kind, source, scheme, expected)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private const string KeyAsBearer = "'Basic <key>' (only tokens go as Bearer)";
        private const string TokenAsBasic = "'Bearer <token>'";

        // ---- INW002: extension-method setters and helpers, library referenced and missing ----

        public static IEnumerable<object[]> ClientBasicCalls()
        {
            var calls = new[]
            {
                ("class C { void M(string inworldApiKey) { var request = new RestRequest(\"tts/v1/voice\"); {|#0:request.AddHeader(\"Authorization\", \"Basic \" + inworldApiKey)|}; } }",
                    "RestRequest.AddHeader(\"Authorization\", \"Basic ...\")"),
                ("class C { void M(string inworldApiKey) { var client = new RestClient(\"https://api.inworld.ai/\"); {|#0:client.AddDefaultHeader(\"Authorization\", $\"Basic {inworldApiKey}\")|}; } }",
                    "RestClient.AddDefaultHeader(\"Authorization\", \"Basic ...\")"),
                ("class C { void M(string inworldApiKey) { var request = new RestRequest(\"tts/v1/voice\"); {|#0:request.AddOrUpdateHeader(\"Authorization\", \"Basic \" + inworldApiKey)|}; } }",
                    "RestRequest.AddOrUpdateHeader(\"Authorization\", \"Basic ...\")"),
                ("class C { void M(string inworldApiKey) { var request = new RestRequest(\"tts/v1/voice\"); {|#0:RestRequestExtensions.AddHeader(request, \"Authorization\", \"Basic \" + inworldApiKey)|}; } }",
                    "RestRequest.AddHeader(\"Authorization\", \"Basic ...\")"),
                ("class C { object M(string key) => {|#0:\"https://api.inworld.ai/tts/v1/voice\".WithHeader(\"Authorization\", \"Basic \" + key)|}; }",
                    "string.WithHeader(\"Authorization\", \"Basic ...\")"),
                ("class C { object M(string inworldKeyId, string inworldSecret) => {|#0:\"https://api.inworld.ai/tts/v1/voice\".WithBasicAuth(inworldKeyId, inworldSecret)|}; }",
                    "string.WithBasicAuth(user, password)"),
                ("class C { object M(string keyId, string secret) => {|#0:\"https://api.inworld.ai/tts/v1/voice\".WithBasicAuth(keyId, secret)|}; }",
                    "string.WithBasicAuth(user, password)"),
                ("class C { object M(string inworldKeyId, string inworldSecret) => new RestClientOptions(\"https://example.com/\") { Authenticator = {|#0:new HttpBasicAuthenticator(inworldKeyId, inworldSecret)|} }; }",
                    "new HttpBasicAuthenticator(user, password)"),
            };
            foreach (var (source, what) in calls)
            {
                yield return new object[] { true, source, what };
                yield return new object[] { false, source, what };
            }
        }

        [Theory]
        [MemberData(nameof(ClientBasicCalls))]
        public Task Library_setters_and_Basic_helpers_are_reported_in_client_code(bool librariesReferenced, string source, string what)
            => Inw002(source, librariesReferenced, Blazor, Basic(what)).RunAsync();

        [Fact]
        public Task Flurl_WithHeaders_anonymous_object_is_reported()
            => Inw002("class C { object M(string key) => {|#0:\"https://api.inworld.ai/tts/v1/voice\".WithHeaders(new { Authorization = \"Basic \" + key })|}; }", true, Blazor,
                Basic("string.WithHeaders(new { Authorization = \"Basic ...\" })")).RunAsync();

        // ---- INW002: calls on types that do not resolve (no library, no Unity reference) ----

        [Theory]
        [InlineData("class C { void M(UnknownRequest someUnresolved, string inworldApiKey) { {|#0:someUnresolved.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|}; } }",
            "UnknownRequest.SetRequestHeader(\"Authorization\", \"Basic ...\")")]
        [InlineData("class C { void M(UnknownClient x, string inworldApiKey) { {|#0:x.Headers.Add(\"Authorization\", \"Basic \" + inworldApiKey)|}; } }",
            "x.Headers.Add(\"Authorization\", \"Basic ...\")")]
        [InlineData("class C { void M(UnknownClient x, string inworldApiKey) { {|#0:x.DefaultRequestHeaders.TryAddWithoutValidation(\"Authorization\", \"Basic \" + inworldApiKey)|}; } }",
            "x.DefaultRequestHeaders.TryAddWithoutValidation(\"Authorization\", \"Basic ...\")")]
        [InlineData("class C { void M(UnknownClient x, string inworldApiKey) { {|#0:x.Headers[\"Authorization\"] = \"Basic \" + inworldApiKey|}; } }",
            "x.Headers[\"Authorization\"] = \"Basic ...\"")]
        [InlineData("class C { void M(UnknownClient x, string inworldApiKey) { {|#0:x.Headers.Add(\"Authorization: Basic \" + inworldApiKey)|}; } }",
            "x.Headers.Add(\"Authorization: Basic ...\")")]
        [InlineData("class C { void M(UnknownClient x, string inworldApiKey) { x?{|#0:.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|}; } }",
            "x.SetRequestHeader(\"Authorization\", \"Basic ...\")")]
        public Task Setters_on_unresolved_receivers_are_reported(string source, string what)
            => Inw002(source, false, Blazor, Basic(what)).RunAsync();

        [Fact]
        public Task Unity_player_code_scanned_without_Unity_assemblies_is_reported()
        {
            // The scanner without Unity references: UnityWebRequest does not bind, UNITY_* symbols say Unity.
            var test = new BasicAuth.Test { CompilerDiagnostics = CompilerDiagnostics.None };
            test.TestState.Sources.Add(("/0/Assets/Scripts/NpcChat.cs", Snippet.Expand(
                "using UnityEngine;\nusing UnityEngine.Networking;\npublic class NpcChat : MonoBehaviour {\n [SerializeField] private string inworldApiKey = \"\";\n" +
                " void Speak() { var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", \"POST\");\n  {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|}; } }")));
            test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(projectId,
                ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols("UNITY_2022_3_OR_NEWER", "UNITY_5_3_OR_NEWER")));
            test.ExpectedDiagnostics.Add(Basic("UnityWebRequest.SetRequestHeader(\"Authorization\", \"Basic ...\")", "Unity player code"));
            return test.RunAsync();
        }

        // ---- INW002: never reported ----

        [Theory]
        // Read-only calls: "Authorization" in them is no send.
        [InlineData("class Bag { public bool Contains(string name, string value) => false; }\nclass C { bool M(Bag bag, string inworldApiKey) => bag.Contains(\"Authorization\", \"Basic \" + inworldApiKey); }", true)]
        [InlineData("class C { void M(HttpRequestMessage r) { r.Headers.Contains(\"Authorization\"); r.Headers.TryGetValues(\"Authorization\", out var values); r.Headers.GetValues(\"Authorization\"); r.Headers.Remove(\"Authorization\"); } }", true)]
        [InlineData("class C { void M(UnknownClient x, string inworldApiKey) { x.Headers.Contains(\"Authorization\", \"Basic \" + inworldApiKey); } }", false)]
        [InlineData("class C { void M(UnknownClient x, string inworldApiKey) { x.Headers.TryGetValues(\"Authorization\", out var values); x.Headers.Remove(\"Authorization\"); x.GetRequestHeader(\"Authorization\"); } }", false)]
        [InlineData("class C { void M(UnknownClient x, string inworldApiKey) { x.Log(\"Authorization\", \"Basic \" + inworldApiKey); } }", false)]
        // Bearer helpers and Bearer values.
        [InlineData("class C { object M(string token) => \"https://api.inworld.ai/tts/v1/voice\".WithOAuthBearerToken(token); }", true)]
        [InlineData("class C { object M(string token) => \"https://api.inworld.ai/tts/v1/voice\".WithOAuthBearerToken(token); }", false)]
        [InlineData("class C { object M(string token) => new RestClientOptions(\"https://api.inworld.ai/\") { Authenticator = new JwtAuthenticator(token) }; }", true)]
        [InlineData("class C { object M(string token) => new RestClientOptions(\"https://api.inworld.ai/\") { Authenticator = new JwtAuthenticator(token) }; }", false)]
        [InlineData("class C { void M(string inworldToken) { new RestRequest(\"https://api.inworld.ai/tts/v1/voice\").AddHeader(\"Authorization\", \"Bearer \" + inworldToken); } }", true)]
        [InlineData("class C { void M(string inworldToken) { new RestRequest(\"https://api.inworld.ai/tts/v1/voice\").AddHeader(\"Authorization\", \"Bearer \" + inworldToken); } }", false)]
        // Other services.
        [InlineData("class C { object M(string user, string password) => \"https://example.com/api\".WithBasicAuth(user, password); }", true)]
        [InlineData("class C { object M(string user, string password) => \"https://example.com/api\".WithBasicAuth(user, password); }", false)]
        [InlineData("class C { object M(string user, string password) => new RestClientOptions(\"https://example.com/\") { Authenticator = new HttpBasicAuthenticator(user, password) }; }", false)]
        public Task Read_only_calls_Bearer_and_other_services_are_not_reported(string source, bool librariesReferenced)
            => Inw002(source, librariesReferenced).RunAsync();

        [Theory]
        [MemberData(nameof(Both))]
        public Task Server_code_is_not_reported(bool librariesReferenced)
            => Inw002("class C { void M(string inworldApiKey) { var request = new RestRequest(\"https://api.inworld.ai/tts/v1/voice\"); request.AddHeader(\"Authorization\", \"Basic \" + inworldApiKey); \"https://api.inworld.ai/\".WithBasicAuth(inworldApiKey, \"\"); } }",
                librariesReferenced, config: null).RunAsync();

        // ---- INW002: the credential's origin, through a field set outside the constructor ----

        [Fact]
        public Task Field_set_in_Awake_from_an_Inworld_key_is_followed()
        {
            var test = new BasicAuth.Test();
            test.TestState.Sources.Add(("/0/Assets/Scripts/NpcChat.cs",
                "using UnityEngine;\nusing UnityEngine.Networking;\npublic class NpcChat : MonoBehaviour {\n [SerializeField] private string inworldApiKey = \"\";\n private string base64AuthToken = \"\";\n" +
                " void Awake() { base64AuthToken = inworldApiKey; }\n void Send(UnityWebRequest request) { {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + base64AuthToken)|}; } }"));
            test.TestState.AdditionalReferences.Add(UnityStubs.Engine);
            test.ExpectedDiagnostics.Add(Basic("UnityWebRequest.SetRequestHeader(\"Authorization\", \"Basic ...\")", "Unity player code"));
            return test.RunAsync();
        }

        // ---- INW005 / INW003 on the same shapes ----

        [Theory]
        [MemberData(nameof(Both))]
        public Task Key_sent_with_Flurl_bearer_helper(bool librariesReferenced)
            => Inw005("class C { object M() => {|#0:\"https://api.inworld.ai/tts/v1/voice\".WithOAuthBearerToken(Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"))|}; }",
                librariesReferenced, Scheme("Inworld API key", "environment variable 'INWORLD_API_KEY'", "Bearer", KeyAsBearer)).RunAsync();

        [Theory]
        [MemberData(nameof(Both))]
        public Task Key_sent_as_Bearer_with_RestSharp_AddHeader(bool librariesReferenced)
            => Inw005("class C { void M() { var request = new RestRequest(\"https://api.inworld.ai/tts/v1/voice\"); {|#0:request.AddHeader(\"Authorization\", \"Bearer \" + Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"))|}; } }",
                librariesReferenced, Scheme("Inworld API key", "environment variable 'INWORLD_API_KEY'", "Bearer", KeyAsBearer)).RunAsync();

        [Theory]
        [MemberData(nameof(Both))]
        public Task Key_in_a_JwtAuthenticator(bool librariesReferenced)
            => Inw005("class C { object M(string inworldApiKey) => new RestClientOptions(\"https://api.inworld.ai/\") { Authenticator = {|#0:new JwtAuthenticator(inworldApiKey)|} }; }",
                librariesReferenced, Scheme("Inworld API key", "'inworldApiKey'", "Bearer", KeyAsBearer)).RunAsync();

        [Theory]
        [MemberData(nameof(Both))]
        public Task Token_sent_as_Basic_with_RestSharp_AddDefaultHeader(bool librariesReferenced)
            => Inw005("class C { void M(string accessToken) { var client = new RestClient(\"https://api.inworld.ai/tts/v1/voice\"); {|#0:client.AddDefaultHeader(\"Authorization\", \"Basic \" + accessToken)|}; } }",
                librariesReferenced, Scheme("Inworld token", "'accessToken'", "Basic", TokenAsBasic)).RunAsync();

        [Fact]
        public Task Token_sent_as_Basic_on_an_unresolved_UnityWebRequest()
            => Inw005("class C { void M(string accessToken) { var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", \"POST\"); {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + accessToken)|}; } }",
                false, Scheme("Inworld token", "'accessToken'", "Basic", TokenAsBasic)).RunAsync();

        [Theory]
        [MemberData(nameof(Both))]
        public Task Realtime_key_on_TTS_with_RestSharp_AddHeader(bool librariesReferenced)
            => Inw005("class C { void M() { var request = new RestRequest(\"https://api.inworld.ai/tts/v1/voice\"); {|#0:request.AddHeader(\"Authorization\", \"Basic \" + Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\"))|}; } }",
                librariesReferenced,
                Usage.Diagnostic(RuleIds.RealtimeKeyOnNonRealtimeApi).WithLocation(0).WithArguments("environment variable 'INWORLD_REALTIME_API_KEY'", "TTS", "'INWORLD_API_KEY'")
                    .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)).RunAsync();

        [Fact]
        public Task Read_only_call_with_a_Bearer_key_is_not_a_send()
            => Inw005("class Bag { public bool Contains(string name, string value) => false; }\nclass C { bool M(Bag bag) => bag.Contains(\"Authorization\", \"Bearer \" + Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")); }",
                true).RunAsync();

        // ---- INW005: value and origin first, names last ----

        private const string TtsRequest = "r.RequestUri = new Uri(\"https://api.inworld.ai/tts/v1/voice\");";

        [Theory]
        // A field named like a token, set in Awake (not a constructor) from a key-named field.
        [InlineData("class Voice { string InworldApiKey = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? \"\"; string base64AuthToken = \"\";\n void Awake() { base64AuthToken = InworldApiKey; }\n void Send(HttpRequestMessage r) { TTS r.Headers.Add(\"Authorization\", \"Basic \" + base64AuthToken); } }")]
        // A token-named property whose getter returns the key.
        [InlineData("class Voice { readonly string _apiKey; public Voice(string apiKey) { _apiKey = apiKey; }\n string Base64AuthToken { get { return _apiKey; } }\n void Send(HttpRequestMessage r) { TTS r.Headers.Add(\"Authorization\", \"Basic \" + Base64AuthToken); } }")]
        // Set from the key's environment variable, or its configuration key, outside a constructor.
        [InlineData("class Voice { string base64AuthToken = \"\";\n void Start() { base64AuthToken = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")!; }\n void Send(HttpRequestMessage r) { TTS r.Headers.Add(\"Authorization\", \"Basic \" + base64AuthToken); } }")]
        [InlineData("class Voice { string base64AuthToken = \"\";\n void Init(IConfig config) { base64AuthToken = config[\"Inworld:ApiKey\"]!; }\n void Send(HttpRequestMessage r) { TTS r.Headers.Add(\"Authorization\", \"Basic \" + base64AuthToken); } }")]
        // A local named like a token holding the key.
        [InlineData("class Voice { readonly string _apiKey = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? \"\";\n void Send(HttpRequestMessage r) { var base64AuthToken = _apiKey; TTS r.Headers.Authorization = new AuthenticationHeaderValue(\"Basic\", base64AuthToken); } }")]
        public Task Token_named_value_holding_the_key_sent_as_Basic_is_correct(string source)
            => Inw005(source.Replace("TTS", TtsRequest), true).RunAsync();

        [Fact]
        public Task Key_origin_under_a_token_name_sent_as_Bearer_is_reported()
            => Inw005("class Voice { void Send(HttpRequestMessage r) { var token = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"); " + TtsRequest +
                      " r.Headers.Authorization = {|#0:new AuthenticationHeaderValue(\"Bearer\", token)|}; } }",
                true, Scheme("Inworld API key", "environment variable 'INWORLD_API_KEY'", "Bearer", KeyAsBearer)).RunAsync();

        [Fact]
        public Task Token_minted_from_the_key_sent_as_Basic_is_reported()
            => Inw005("class Voice { readonly string _apiKey = \"\"; Task<string> MintTokenAsync(string key) => Task.FromResult(key);\n async Task Send(HttpRequestMessage r) { var base64AuthToken = await MintTokenAsync(_apiKey); " + TtsRequest +
                      " {|#0:r.Headers.Add(\"Authorization\", \"Basic \" + base64AuthToken)|}; } }",
                true, Scheme("Inworld token", "'MintTokenAsync'", "Basic", TokenAsBasic)).RunAsync();

        [Fact]
        public Task Token_from_a_token_endpoint_response_sent_as_Basic_is_reported()
            => Inw005("class TokenResponse { public string AccessToken { get; set; } = \"\"; }\nclass Voice { void Send(HttpRequestMessage r, string json) { var base64AuthToken = System.Text.Json.JsonSerializer.Deserialize<TokenResponse>(json)!.AccessToken; " + TtsRequest +
                      " {|#0:r.Headers.Add(\"Authorization\", \"Basic \" + base64AuthToken)|}; } }",
                true, Scheme("Inworld token", "'AccessToken'", "Basic", TokenAsBasic)).RunAsync();

        [Fact]
        public Task Token_named_field_with_no_key_origin_sent_as_Basic_is_reported()
            => Inw005("class Voice { public string sessionToken = \"\"; void Send(HttpRequestMessage r) { " + TtsRequest +
                      " {|#0:r.Headers.Add(\"Authorization\", \"Basic \" + sessionToken)|}; } }",
                true, Scheme("Inworld token", "'sessionToken'", "Basic", TokenAsBasic)).RunAsync();

        // ---- The INW002 code fix on the new shapes ----

        private static TokenFix.Test FixTest(string source, string? fixedSource)
        {
            var test = new TokenFix.Test();
            test.TestState.Sources.Add(("/0/Test0.cs", Usings + source));
            test.TestState.AdditionalReferences.Add(HttpLibraryStubs.RestSharp);
            test.TestState.AdditionalReferences.Add(HttpLibraryStubs.Flurl);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Blazor));
            test.ExpectedDiagnostics.Add(TokenFix.Diagnostic(RuleIds.BasicAuthInClient).WithLocation(0).WithMessage(null));
            test.FixedState.Sources.Add(("/0/Test0.cs", Usings + (fixedSource ?? source)));
            test.FixedState.AdditionalReferences.Add(HttpLibraryStubs.RestSharp);
            test.FixedState.AdditionalReferences.Add(HttpLibraryStubs.Flurl);
            if (fixedSource != null)
            {
                test.FixedState.Sources.Add(("/0/InworldTokenProvider.cs", Inworld.Analyzers.CodeFixes.TokenProviderTemplate.Source(Inworld.Analyzers.CodeFixes.TokenProviderTemplate.DefaultEndpoint, "\n")));
            }

            return test;
        }

        [Fact]
        public Task Extension_setter_gets_the_backend_token_fix()
            => FixTest(
                "class C { async Task M(string inworldApiKey) { var request = new RestRequest(\"tts/v1/voice\"); {|#0:request.AddHeader(\"Authorization\", \"Basic \" + inworldApiKey)|}; await Task.Yield(); } }",
                "class C { async Task M(string inworldApiKey) { var request = new RestRequest(\"tts/v1/voice\"); request.AddHeader(\"Authorization\", \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync())); await Task.Yield(); } }").RunAsync();

        [Theory]
        [InlineData("class C { async Task<object> M(string inworldKeyId, string inworldSecret) { await Task.Yield(); return {|#0:\"https://api.inworld.ai/tts/v1/voice\".WithBasicAuth(inworldKeyId, inworldSecret)|}; } }")]
        [InlineData("class C { async Task<object> M(string inworldKeyId, string inworldSecret) { await Task.Yield(); return new RestClientOptions(\"https://api.inworld.ai/\") { Authenticator = {|#0:new HttpBasicAuthenticator(inworldKeyId, inworldSecret)|} }; } }")]
        [InlineData("class C { async Task<object> M(string inworldApiKey) { await Task.Yield(); return {|#0:\"https://api.inworld.ai/tts/v1/voice\".WithHeaders(new { Authorization = \"Basic \" + inworldApiKey })|}; } }")]
        public Task Helpers_with_no_Basic_value_to_replace_get_no_fix(string source)
            => FixTest(source, null).RunAsync();
    }
}
