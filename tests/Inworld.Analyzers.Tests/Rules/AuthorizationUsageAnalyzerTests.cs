using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.AuthorizationUsageAnalyzer>;

namespace Inworld.Analyzers.Tests.Rules
{
    /// <summary>INW003 (Realtime-only key on a non-realtime API) and INW005 (wrong Authorization scheme).</summary>
    public class AuthorizationUsageAnalyzerTests
    {
        private const string Usings = "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Net.WebSockets;\nusing System.Threading.Tasks;\nusing System.Collections.Generic;\n";
        private const string Config = "interface IConfig { string? this[string key] { get; } }\n";

        private static Verify.Test Test(string source, string? config = null, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = Snippet.Expand(Usings + Config + source) };
            if (config != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + config));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        private static DiagnosticResult Realtime(string source, string api, string standard, int markup = 0)
            => Verify.Diagnostic(RuleIds.RealtimeKeyOnNonRealtimeApi).WithLocation(markup).WithArguments(source, api, standard)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static DiagnosticResult Scheme(string kind, string source, string scheme, string expected, int markup = 0)
            => Verify.Diagnostic(RuleIds.WrongAuthorizationScheme).WithLocation(markup).WithArguments(kind, source, scheme, expected)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private const string EnvRealtime = "environment variable 'INWORLD_REALTIME_API_KEY'";

        // ---- INW003: sources and flows ----

        [Fact]
        public Task Env_var_source_in_a_local_to_TTS_via_HttpRequestMessage()
            => Test("class Tts { async Task Speak(HttpClient c) {\n var key = Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\");\n var r = new HttpRequestMessage(HttpMethod.Post, \"https://api.inworld.ai/tts/v1/voice\");\n r.Headers.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", key)|};\n await c.SendAsync(r); } }",
                null, Realtime(EnvRealtime, "TTS", "'INWORLD_API_KEY'")).RunAsync();

        [Fact]
        public Task Configuration_key_source_to_LLM()
            => Test("class Llm { IConfig _config = null!; async Task Ask(HttpClient c) {\n {|#0:c.DefaultRequestHeaders.Add(\"Authorization\", \"Basic \" + _config[\"Inworld:RealtimeApiKey\"])|};\n await c.PostAsync(\"https://api.inworld.ai/v1/chat/completions\", null); } }",
                null, Realtime("configuration key 'Inworld:RealtimeApiKey'", "LLM", "'Inworld:ApiKey'")).RunAsync();

        [Fact]
        public Task Symbol_name_source_from_a_parameter_to_STT()
            => Test("class Stt { async Task Transcribe(HttpClient c, string realtimeApiKey) {\n c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", realtimeApiKey)|};\n await c.PostAsync(\"https://api.inworld.ai/stt/v1/transcribe\", null); } }",
                null, Realtime("'realtimeApiKey'", "STT", "the standard API key")).RunAsync();

        [Fact]
        public Task Field_initialised_from_an_env_var_with_BaseAddress_and_relative_path()
            => Test("class Tts {\n readonly string _key = Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\") ?? \"\";\n readonly HttpClient _http = new HttpClient { BaseAddress = new Uri(\"https://api.inworld.ai/\") };\n async Task Speak() {\n _http.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", _key)|};\n await _http.PostAsync(\"tts/v1/voice\", null); } }",
                null, Realtime(EnvRealtime, "TTS", "'INWORLD_API_KEY'")).RunAsync();

        [Fact]
        public Task Property_source_to_Voice()
            => Test("class Voices {\n string RealtimeKey { get; } = Environment.GetEnvironmentVariable(\"INWORLD_KEY_RT\") ?? \"\";\n async Task List(HttpClient c) {\n c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", RealtimeKey)|};\n await c.GetAsync(\"https://api.inworld.ai/voices/v1/voices\"); } }",
                null, Realtime("'RealtimeKey'", "Voice", "the standard API key")).RunAsync();

        [Fact]
        public Task Constructor_injected_key_to_Router()
            => Test("class Routers {\n private readonly string _key;\n public Routers(string realtimeKey) { _key = realtimeKey; }\n async Task List(HttpClient c) {\n c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", _key)|};\n await c.GetAsync(\"https://api.inworld.ai/router/v1/routers\"); } }",
                null, Realtime("'realtimeKey'", "Router", "the standard API key")).RunAsync();

        [Fact]
        public Task Primary_constructor_parameter_to_the_token_mint()
            => Test("class Mint(HttpClient http, string realtimeApiKey) {\n async Task Token() {\n http.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", realtimeApiKey)|};\n await http.PostAsync(\"https://api.inworld.ai/auth/v1/tokens\", null); } }",
                null, Realtime("'realtimeApiKey'", "one-time token", "the standard API key")).RunAsync();

        [Fact]
        public Task Const_env_var_name()
            => Test("class Tts {\n const string KeyVariable = \"INWORLD_REALTIME_API_KEY\";\n const string Endpoint = \"https://api.inworld.ai/tts/v1/voice\";\n async Task Speak(HttpClient c) {\n c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(KeyVariable))|};\n await c.PostAsync(Endpoint, null); } }",
                null, Realtime(EnvRealtime, "TTS", "'INWORLD_API_KEY'")).RunAsync();

        [Fact]
        public Task TTS_streaming_socket_is_not_realtime()
            => Test("class Stream { async Task Open(ClientWebSocket ws) {\n {|#0:ws.Options.SetRequestHeader(\"Authorization\", \"Basic \" + Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\"))|};\n await ws.ConnectAsync(new Uri(\"wss://api.inworld.ai/tts/v1/voice:streamBidirectional\"), default); } }",
                null, Realtime(EnvRealtime, "TTS", "'INWORLD_API_KEY'")).RunAsync();

        [Fact]
        public Task STT_streaming_socket_is_not_realtime()
            => Test("class Stream { async Task Open(ClientWebSocket ws, string realtimeApiKey) {\n {|#0:ws.Options.SetRequestHeader(\"Authorization\", $\"Basic {realtimeApiKey}\")|};\n await ws.ConnectAsync(new Uri(\"wss://api.inworld.ai/stt/v1/transcribe:streamBidirectional\"), default); } }",
                null, Realtime("'realtimeApiKey'", "STT", "the standard API key")).RunAsync();

        [Theory]
        // A Realtime-only key on the Realtime session socket and WebRTC calls: correct.
        [InlineData("class S { async Task Open(ClientWebSocket ws) {\n ws.Options.SetRequestHeader(\"Authorization\", \"Basic \" + Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\"));\n await ws.ConnectAsync(new Uri(\"wss://api.inworld.ai/api/v1/realtime/session?key=s1&protocol=realtime\"), default); } }")]
        [InlineData("class S { async Task Call(HttpClient c) {\n c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\"));\n await c.PostAsync(\"https://api.inworld.ai/v1/realtime/calls\", null); } }")]
        // The standard key on TTS: correct.
        [InlineData("class S { async Task Speak(HttpClient c) {\n c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"));\n await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }")]
        // No Inworld URL to judge by.
        [InlineData("class S { async Task Send(HttpClient c) {\n c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\"));\n await c.PostAsync(\"https://example.com/tts/v1/voice\", null); } }")]
        public Task Correct_use_is_not_flagged(string source) => Test(source).RunAsync();

        [Fact]
        public Task Patterns_option_renames_what_counts_as_realtime()
            => Test("class Tts { async Task Speak(HttpClient c) {\n c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"GAME_RT_KEY\"))|};\n c.DefaultRequestHeaders.Add(\"X-Other\", Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\"));\n await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }",
                "inworld_analyzers.realtime_key_patterns = *_RT_KEY, *voice_only*\n",
                Realtime("environment variable 'GAME_RT_KEY'", "TTS", "'INWORLD_API_KEY'")).RunAsync();

        [Fact]
        public Task Sources_option_lists_exact_names()
            => Test("class Tts { async Task Speak(HttpClient c, string sessionKey) {\n c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", sessionKey)|};\n await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }",
                "inworld_analyzers.realtime_key_sources = sessionKey\n",
                Realtime("'sessionKey'", "TTS", "the standard API key")).RunAsync();

        // ---- INW005: wrong scheme ----

        [Fact]
        public Task Api_key_sent_as_Bearer()
            => Test("class Tts { async Task Speak(HttpClient c) {\n c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Bearer\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"))|};\n await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }",
                null, Scheme("Inworld API key", "environment variable 'INWORLD_API_KEY'", "Bearer", "'Basic <key>' (only tokens go as Bearer)")).RunAsync();

        [Fact]
        public Task Hard_coded_key_sent_as_Bearer_in_a_header()
            => Test("class Tts { void Speak(HttpRequestMessage r) {\n {|#0:r.Headers.Add(\"Authorization\", \"Bearer \" + \"$KEY$\")|}; } }",
                null, Scheme("Inworld API key", "a string literal", "Bearer", "'Basic <key>' (only tokens go as Bearer)")).RunAsync();

        [Fact]
        public Task Token_sent_as_Basic()
            => Test("class Tts { async Task Speak(HttpClient c, string accessToken) {\n {|#0:c.DefaultRequestHeaders.Add(\"Authorization\", $\"Basic {accessToken}\")|};\n await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }",
                null, Scheme("Inworld token", "'accessToken'", "Basic", "'Bearer <token>'")).RunAsync();

        [Fact]
        public Task Jwt_literal_sent_as_Basic()
            => Test("class Tts { async Task Speak(HttpClient c) {\n c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", \"eyJhbGciOiJIUzI1NiJ9.e30.sig\")|};\n await c.PostAsync(\"https://api.inworld.ai/stt/v1/transcribe\", null); } }",
                null, Scheme("Inworld token", "a string literal", "Basic", "'Bearer <token>'")).RunAsync();

        [Theory]
        [InlineData("class S { async Task A(HttpClient c, string accessToken) {\n c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", accessToken);\n await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }")]
        [InlineData("class S { async Task A(HttpClient c) {\n c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"));\n await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }")]
        [InlineData("class S { async Task A(HttpClient c, string accessToken) {\n c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", accessToken);\n await c.PostAsync(\"https://example.com/api\", null); } }")]
        public Task Right_schemes_and_other_services_are_not_flagged(string source) => Test(source).RunAsync();
    }
}
