using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.CodeFixVerifier<Inworld.Analyzers.Rules.AuthorizationUsageAnalyzer, Inworld.Analyzers.CodeFixes.AuthorizationUsageCodeFixProvider>;

namespace Inworld.Analyzers.Tests.Fixes
{
    /// <summary>INW003: switch to the standard key. INW005: correct the scheme. With FixAll.</summary>
    public class AuthorizationUsageCodeFixTests
    {
        private const string Usings = "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n\n";

        private static Verify.Test Test(string source, string fixedSource, string id, int diagnostics = 1, string? config = null)
        {
            var test = new Verify.Test { TestCode = Snippet.Expand(source), FixedCode = Snippet.Expand(fixedSource) };
            for (var i = 0; i < diagnostics; i++)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic(id).WithLocation(i).WithMessage(null).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            }

            if (config != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + config));
            }

            return test;
        }

        [Fact]
        public Task Realtime_env_var_becomes_the_standard_one()
            => Test(
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c)\n    {\n        var key = Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\"); // rt\n        c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", key)|};\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c)\n    {\n        var key = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"); // rt\n        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", key);\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                RuleIds.RealtimeKeyOnNonRealtimeApi).RunAsync();

        [Fact]
        public Task Standard_variable_name_comes_from_editorconfig()
            => Test(
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c)\n    {\n        c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"GAME_REALTIME_KEY\"))|};\n        await c.PostAsync(\"https://api.inworld.ai/stt/v1/transcribe\", null);\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c)\n    {\n        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"GAME_KEY\"));\n        await c.PostAsync(\"https://api.inworld.ai/stt/v1/transcribe\", null);\n    }\n}\n",
                RuleIds.RealtimeKeyOnNonRealtimeApi, config: "inworld_analyzers.api_key_env_var = GAME_KEY\n").RunAsync();

        [Fact]
        public Task Realtime_configuration_key_loses_Realtime_and_fix_all_covers_both_requests()
            => Test(
                Usings + "interface IConfig { string? this[string key] { get; } }\n\nclass Llm\n{\n    IConfig _config = null!;\n\n    async Task Ask(HttpClient c)\n    {\n        {|#0:c.DefaultRequestHeaders.Add(\"Authorization\", \"Basic \" + _config[\"Inworld:RealtimeApiKey\"])|};\n        await c.PostAsync(\"https://api.inworld.ai/v1/chat/completions\", null);\n    }\n\n    async Task Speak(HttpClient c)\n    {\n        {|#1:c.DefaultRequestHeaders.Add(\"Authorization\", \"Basic \" + _config[\"Inworld:Realtime:ApiKey\"])|};\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                Usings + "interface IConfig { string? this[string key] { get; } }\n\nclass Llm\n{\n    IConfig _config = null!;\n\n    async Task Ask(HttpClient c)\n    {\n        c.DefaultRequestHeaders.Add(\"Authorization\", \"Basic \" + _config[\"Inworld:ApiKey\"]);\n        await c.PostAsync(\"https://api.inworld.ai/v1/chat/completions\", null);\n    }\n\n    async Task Speak(HttpClient c)\n    {\n        c.DefaultRequestHeaders.Add(\"Authorization\", \"Basic \" + _config[\"Inworld:ApiKey\"]);\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                RuleIds.RealtimeKeyOnNonRealtimeApi, diagnostics: 2).RunAsync();

        [Fact]
        public Task Symbol_sources_get_no_fix()
        {
            var source = Usings + "class Stt\n{\n    async Task Transcribe(HttpClient c, string realtimeApiKey)\n    {\n        c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", realtimeApiKey)|};\n        await c.PostAsync(\"https://api.inworld.ai/stt/v1/transcribe\", null);\n    }\n}\n";
            return Test(source, source, RuleIds.RealtimeKeyOnNonRealtimeApi).RunAsync();
        }

        [Fact]
        public Task Key_sent_as_Bearer_becomes_Basic()
            => Test(
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c)\n    {\n        c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(/* scheme */ \"Bearer\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"))|};\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c)\n    {\n        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(/* scheme */ \"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"));\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                RuleIds.WrongAuthorizationScheme).RunAsync();

        [Fact]
        public Task Token_sent_as_Basic_becomes_Bearer_in_concatenation_and_interpolation()
            => Test(
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c, HttpRequestMessage r, string accessToken)\n    {\n        {|#0:c.DefaultRequestHeaders.Add(\"Authorization\", \"Basic \" + accessToken)|};\n        {|#1:r.Headers.Add(\"Authorization\", $\"Basic {accessToken}\")|};\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c, HttpRequestMessage r, string accessToken)\n    {\n        c.DefaultRequestHeaders.Add(\"Authorization\", \"Bearer \" + accessToken);\n        r.Headers.Add(\"Authorization\", $\"Bearer {accessToken}\");\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                RuleIds.WrongAuthorizationScheme, diagnostics: 2).RunAsync();

        [Fact]
        public Task Header_line_scheme_is_rewritten_in_place()
            => Test(
                Usings + "using System.Net;\n\nclass Tts\n{\n    void Speak(WebHeaderCollection h, string accessToken)\n    {\n        {|#0:h.Add(\"Authorization: Basic \" + accessToken)|};\n        var url = \"https://api.inworld.ai/tts/v1/voice\";\n    }\n}\n",
                Usings + "using System.Net;\n\nclass Tts\n{\n    void Speak(WebHeaderCollection h, string accessToken)\n    {\n        h.Add(\"Authorization: Bearer \" + accessToken);\n        var url = \"https://api.inworld.ai/tts/v1/voice\";\n    }\n}\n",
                RuleIds.WrongAuthorizationScheme).RunAsync();

        [Fact]
        public Task Realtime_named_local_still_gets_the_env_var_fix()
            => Test(
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c)\n    {\n        var realtimeKey = Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\");\n        c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Basic\", realtimeKey)|};\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                Usings + "class Tts\n{\n    async Task Speak(HttpClient c)\n    {\n        var realtimeKey = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\");\n        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", realtimeKey);\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                RuleIds.RealtimeKeyOnNonRealtimeApi).RunAsync();

        [Fact]
        public Task Key_as_Bearer_in_client_code_gets_no_fix_to_Basic()
        {
            var source = Usings + "class Tts\n{\n    async Task Speak(HttpClient c)\n    {\n        c.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue(\"Bearer\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"))|};\n        await c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n";
            return Test(source, source, RuleIds.WrongAuthorizationScheme, config: "build_property.UseMaui = true\n").RunAsync();
        }
    }
}
