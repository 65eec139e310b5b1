using System.Threading.Tasks;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.CodeFixVerifier<Inworld.Analyzers.Rules.HardcodedCredentialAnalyzer, Inworld.Analyzers.CodeFixes.ClientCredentialCodeFixProvider>;

namespace Inworld.Analyzers.Tests.Fixes
{
    /// <summary>
    /// INW001 in client code (Unity player, Blazor WebAssembly, MAUI, WPF): the message says the key has shipped and
    /// must be rotated; the fixes remove the value (compiling in every context) or switch the request that sends it
    /// to a backend token. Every test also runs FixAll in document, project and solution scope and compiles the result
    /// (Microsoft.CodeAnalysis.Testing does both).
    /// </summary>
    public class ClientCredentialCodeFixTests
    {
        private const string Maui = "is_global = true\nbuild_property.UseMaui = true\n";
        private const string Blazor = "is_global = true\nbuild_property.UsingMicrosoftNETSdkBlazorWebAssembly = true\n";
        private const string Wpf = "is_global = true\nbuild_property.UseWPF = true\n";
        private const string Remove = ClientCredentialCodeFixProvider.RemoveEquivalenceKey;
        private const string UseToken = ClientCredentialCodeFixProvider.TokenEquivalenceKey;
        private const string Token = "await InworldTokenProvider.Shared.GetTokenAsync()";
        private const string HttpUsings = "using System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n\n";
        private const string UnityPath = "/0/Assets/Scripts/Test0.cs";

        private static readonly string Provider = TokenProviderTemplate.Source(TokenProviderTemplate.DefaultEndpoint, "\n");

        /// <summary>The client message, for a value reported at markup {|#n:...|}.</summary>
        private static string ClientMessage(string subject, string where, string token)
            => subject + " hard-coded in " + where + " (" + Snippet.Redacted(token) + ") in client-side code: it has shipped with the app and anyone can extract it; rotate the key and get a short-lived token from your backend";

        /// <param name="config">A global analyzer config that makes the project a client (null: none, for Unity by path and reference).</param>
        /// <param name="addsProvider">The token rewrite adds InworldTokenProvider.cs next to the file.</param>
        private static Verify.Test Test(string source, string fixedSource, string equivalenceKey, string? config, int diagnostics = 1, string path = "/0/Test0.cs", bool unity = false, bool addsProvider = false)
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = equivalenceKey };
            test.TestState.Sources.Add((path, Snippet.Expand(source)));
            test.FixedState.Sources.Add((path, Snippet.Expand(fixedSource)));
            if (config != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
            }

            if (unity)
            {
                test.TestState.AdditionalReferences.Add(UnityStubs.Engine);
                test.FixedState.AdditionalReferences.Add(UnityStubs.Engine);
            }

            if (addsProvider)
            {
                test.FixedState.Sources.Add((path.Substring(0, path.LastIndexOf('/') + 1) + "InworldTokenProvider.cs", Provider));
            }

            for (var i = 0; i < diagnostics; i++)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(i).WithMessage(null));
            }

            test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
            return test;
        }

        // ---- Each client kind: the message says "shipped, rotate", and the value is removed ----

        [Fact]
        public Task Unity_MonoBehaviour_serialized_key_is_removed_and_the_message_says_rotate()
        {
            var test = Test(
                "using UnityEngine;\n\npublic class NpcChat : MonoBehaviour\n{\n    // Set in the Inspector.\n    [SerializeField] private string inworldApiKey = {|#0:\"$KEY$\"|};\n}\n",
                "using UnityEngine;\n\npublic class NpcChat : MonoBehaviour\n{\n    // Set in the Inspector.\n    [SerializeField] private string inworldApiKey = \"\";\n}\n",
                Remove, config: null, diagnostics: 0, path: UnityPath, unity: true);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0)
                .WithMessage(ClientMessage("Inworld API key is", "field 'NpcChat.inworldApiKey'", "$KEY$")));
            return test.RunAsync();
        }

        [Fact]
        public Task Unity_ScriptableObject_key_id_and_secret_are_removed()
            => Test(
                "using UnityEngine;\n\n[CreateAssetMenu]\npublic class InworldSettings : ScriptableObject\n{\n    public string KeyId = {|#0:\"$ID$\"|};\n    public string Secret = {|#1:\"$SECRET$\"|};\n}\n",
                "using UnityEngine;\n\n[CreateAssetMenu]\npublic class InworldSettings : ScriptableObject\n{\n    public string KeyId = \"\";\n    public string Secret = \"\";\n}\n",
                Remove, config: null, diagnostics: 2, path: UnityPath, unity: true).RunAsync();

        [Fact]
        public Task Blazor_WebAssembly_service_const_key_stays_a_const_and_compiles()
        {
            var test = Test(
                HttpUsings + "public sealed class TtsService\n{\n    private const string InworldApiKey = {|#0:\"$KEY$\"|};\n    private readonly HttpClient _http;\n\n    public TtsService(HttpClient http) => _http = http;\n\n    public async Task SpeakAsync()\n    {\n        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", InworldApiKey);\n        await _http.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                HttpUsings + "public sealed class TtsService\n{\n    private const string InworldApiKey = \"\";\n    private readonly HttpClient _http;\n\n    public TtsService(HttpClient http) => _http = http;\n\n    public async Task SpeakAsync()\n    {\n        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", InworldApiKey);\n        await _http.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                Remove, Blazor, diagnostics: 0);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0)
                .WithMessage(ClientMessage("Inworld API key is", "field 'TtsService.InworldApiKey'", "$KEY$")));
            return test.RunAsync();
        }

        [Fact]
        public Task MAUI_Secrets_class_constants_are_removed()
            => Test(
                "namespace Game;\n\npublic static class Secrets\n{\n    public const string InworldApiKey = {|#0:\"$KEY$\"|};\n    public const string InworldKeyId = {|#1:\"$ID$\"|};\n    public const string InworldSecret = {|#2:\"$SECRET$\"|};\n}\n",
                "namespace Game;\n\npublic static class Secrets\n{\n    public const string InworldApiKey = \"\";\n    public const string InworldKeyId = \"\";\n    public const string InworldSecret = \"\";\n}\n",
                Remove, Maui, diagnostics: 3).RunAsync();

        [Fact]
        public Task WPF_view_model_property_is_removed_keeping_comments_and_formatting()
            => Test(
                "public sealed class ChatViewModel\n{\n    // the key\n    public string InworldSecret { get; set; } =   /* dev */ {|#0:\"$SECRET$\"|}   ; // remove me\n}\n",
                "public sealed class ChatViewModel\n{\n    // the key\n    public string InworldSecret { get; set; } =   /* dev */ \"\"   ; // remove me\n}\n",
                Remove, Wpf).RunAsync();

        // ---- The token flow, where the value is written into a request ----

        /// <summary>Was HardcodedCredentialCodeFixTests.In_client_code_the_key_in_a_Basic_header_becomes_a_backend_token (the client fix moved to its own provider).</summary>
        [Fact]
        public Task MAUI_key_in_an_AuthenticationHeaderValue_becomes_a_backend_token()
            => Test(
                HttpUsings + "class Tts\n{\n    async Task Speak(HttpClient client)\n    {\n        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", {|#0:\"$KEY$\"|});\n        await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                HttpUsings + "class Tts\n{\n    async Task Speak(HttpClient client)\n    {\n        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", " + Token + ");\n        await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                UseToken, Maui, addsProvider: true).RunAsync();

        [Fact]
        public Task WPF_key_in_a_header_line_value_becomes_a_backend_token_keeping_comments()
            => Test(
                HttpUsings + "class ChatViewModel\n{\n    async Task SendAsync(HttpRequestMessage request)\n    {\n        // auth\n        request.Headers.Add(\"Authorization\", /* key */ {|#0:\"Basic $KEY$\"|});\n        await Task.Yield();\n    }\n}\n",
                HttpUsings + "class ChatViewModel\n{\n    async Task SendAsync(HttpRequestMessage request)\n    {\n        // auth\n        request.Headers.Add(\"Authorization\", /* key */ \"Bearer \" + (" + Token + "));\n        await Task.Yield();\n    }\n}\n",
                UseToken, Wpf, addsProvider: true).RunAsync();

        [Fact]
        public Task Blazor_key_fragment_and_raw_pair_in_requests_become_backend_tokens_with_one_provider()
            => Test(
                HttpUsings + "using System;\nusing System.Text;\n\nclass Voices\n{\n    async Task A(HttpRequestMessage r)\n    {\n        r.Headers.Add(\"Authorization\", \"Basic \" + {|#0:\"$KEY$\"|});\n        await Task.Yield();\n    }\n\n    async Task B(HttpClient c)\n    {\n        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Convert.ToBase64String(Encoding.UTF8.GetBytes({|#1:\"$PAIR$\"|})));\n        await Task.Yield();\n    }\n}\n",
                HttpUsings + "using System;\nusing System.Text;\n\nclass Voices\n{\n    async Task A(HttpRequestMessage r)\n    {\n        r.Headers.Add(\"Authorization\", \"Bearer \" + (" + Token + "));\n        await Task.Yield();\n    }\n\n    async Task B(HttpClient c)\n    {\n        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", " + Token + ");\n        await Task.Yield();\n    }\n}\n",
                UseToken, Blazor, diagnostics: 2, addsProvider: true).RunAsync();

        [Fact]
        public Task The_removal_is_offered_next_to_the_token_flow()
            => Test(
                HttpUsings + "class Tts\n{\n    async Task Speak(HttpClient client)\n    {\n        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", {|#0:\"$KEY$\"|});\n        await Task.Yield();\n    }\n}\n",
                HttpUsings + "class Tts\n{\n    async Task Speak(HttpClient client)\n    {\n        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", \"\");\n        await Task.Yield();\n    }\n}\n",
                Remove, Maui).RunAsync();

        /// <summary>A synchronous method cannot await a token: only the removal is offered there.</summary>
        [Fact]
        public Task A_synchronous_request_gets_no_token_flow()
        {
            const string Source = HttpUsings + "class Tts\n{\n    void Speak(HttpClient client)\n    {\n        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", {|#0:\"$KEY$\"|});\n    }\n}\n";
            return Test(Source, Source, UseToken, Maui).RunAsync();
        }

        /// <summary>A key kept in a field is not in a request: the token flow belongs to INW002 at the request; INW001 removes the value.</summary>
        [Fact]
        public Task A_key_in_a_field_gets_no_token_flow()
        {
            const string Source = "public sealed class Settings\n{\n    public string Key = {|#0:\"$KEY$\"|};\n}\n";
            return Test(Source, Source, UseToken, Blazor).RunAsync();
        }

        // ---- Removal compiles in every context ----

        [Theory]
        [InlineData("class KeyAttribute : System.Attribute { public KeyAttribute(string v) { } }\n[Key({|#0:\"$KEY$\"|})]\nclass C { }\n",
                    "class KeyAttribute : System.Attribute { public KeyAttribute(string v) { } }\n[Key(\"\")]\nclass C { }\n")]
        [InlineData("class C\n{\n    void M(string key = {|#0:\"$KEY$\"|}) { }\n}\n",
                    "class C\n{\n    void M(string key = \"\") { }\n}\n")]
        [InlineData("class C\n{\n    int M()\n    {\n        const string key = {|#0:\"$KEY$\"|};\n        return key.Length;\n    }\n}\n",
                    "class C\n{\n    int M()\n    {\n        const string key = \"\";\n        return key.Length;\n    }\n}\n")]
        [InlineData("class C\n{\n    const string Key = {|#0:\"$KEY$\"|};\n    const string Header = \"Basic \" + Key;\n}\n",
                    "class C\n{\n    const string Key = \"\";\n    const string Header = \"Basic \" + Key;\n}\n")]
        [InlineData("class C\n{\n    string M(int env) => env switch { 1 => {|#0:\"$KEY$\"|}, _ => null! };\n}\n",
                    "class C\n{\n    string M(int env) => env switch { 1 => \"\", _ => null! };\n}\n")]
        [InlineData("class C\n{\n    object M(int env) => env switch { 1 => {|#0:\"$KEY$\"|}, _ => 0 };\n}\n",
                    "class C\n{\n    object M(int env) => env switch { 1 => \"\", _ => 0 };\n}\n")]
        [InlineData("class C\n{\n    string M(bool prod) => prod ? {|#0:\"$KEY$\"|} : null!;\n}\n",
                    "class C\n{\n    string M(bool prod) => prod ? \"\" : null!;\n}\n")]
        [InlineData("class C\n{\n    string Header = $\"Basic {{|#0:\"$KEY$\"|}}\";\n}\n",
                    "class C\n{\n    string Header = $\"Basic {\"\"}\";\n}\n")]
        [InlineData("class C\n{\n    string Header = \"Basic \" + {|#0:\"$KEY$\"|};\n}\n",
                    "class C\n{\n    string Header = \"Basic \" + \"\";\n}\n")]
        [InlineData("class C\n{\n    string[] Keys = [{|#0:\"$KEY$\"|}];\n}\n",
                    "class C\n{\n    string[] Keys = [\"\"];\n}\n")]
        [InlineData("class InworldClient { public InworldClient(string apiKey) { } }\nclass C\n{\n    InworldClient Client = new({|#0:\"$KEY$\"|});\n}\n",
                    "class InworldClient { public InworldClient(string apiKey) { } }\nclass C\n{\n    InworldClient Client = new(\"\");\n}\n")]
        [InlineData("class C\n{\n    System.ReadOnlySpan<byte> Key() => {|#0:\"$KEY$\"u8|};\n}\n",
                    "class C\n{\n    System.ReadOnlySpan<byte> Key() => \"\"u8;\n}\n")]
        [InlineData("class C\n{\n    string Key = {|#0:\"\"\"\n$KEY$\n\"\"\"|};\n}\n",
                    "class C\n{\n    string Key = \"\";\n}\n")]
        [InlineData("class C\n{\n    string Key = {|#0:@\"$KEY$\"|};\n}\n",
                    "class C\n{\n    string Key = \"\";\n}\n")]
        [InlineData("class C\n{\n    const string Json = {|#0:\"{ \\\"key\\\": \\\"$KEY$\\\" }\"|};\n}\n",
                    "class C\n{\n    const string Json = \"\";\n}\n")]
        [InlineData("using System;\n\nclass C\n{\n    string Key = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? {|#0:\"$KEY$\"|};\n}\n",
                    "using System;\n\nclass C\n{\n    string Key = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? \"\";\n}\n")]
        public Task Removal_compiles_in_every_context(string source, string fixedSource)
            => Test(source, fixedSource, Remove, Maui).RunAsync();

        /// <summary>A whole interpolated value becomes $"" (it may be a FormattableString, which "" is not).</summary>
        [Fact]
        public Task An_assembled_interpolated_value_becomes_an_empty_interpolated_string()
            => Test(
                "class C\n{\n    System.FormattableString InworldKey = {|#0:$\"{\"$KEY1$\"}{\"$KEY2$\"}\"|};\n}\n",
                "class C\n{\n    System.FormattableString InworldKey = $\"\";\n}\n",
                Remove, Maui).RunAsync();

        /// <summary>
        /// A key assembled from constants that are not reported where they are declared: emptying the expression would
        /// leave the halves in the source with nothing left to report them, so no removal is offered.
        /// </summary>
        [Fact]
        public Task A_key_assembled_from_unreported_constants_is_not_emptied()
        {
            const string Source = "class C\n{\n    const string A = \"$KEY1$\";\n    const string B = \"$KEY2$\";\n    string Key = {|#0:A + B|};\n}\n";
            return Test(Source, Source, Remove, Maui).RunAsync();
        }

        /// <summary>
        /// A key id constant reported on its own, used with a secret literal in a pair reported at the expression. The
        /// pair is emptied first: emptied first, the key id would leave "" + ":" + "&lt;secret&gt;", which no longer looks
        /// like a credential, and the secret would stay in the source unreported. So the declaration is offered its fix
        /// only once the pair is gone, and Fix All takes two passes (the second finds the declaration still reported).
        /// </summary>
        [Fact]
        public Task A_pair_assembled_from_a_reported_constant_is_emptied_before_the_constant()
        {
            var test = Test(
                "class C\n{\n    const string InworldKeyId = {|#1:\"$ID$\"|};\n    string InworldKey = {|#0:InworldKeyId + \":\" + \"$SECRET$\"|};\n}\n",
                "class C\n{\n    const string InworldKeyId = \"\";\n    string InworldKey = \"\";\n}\n",
                Remove, Maui, diagnostics: 2);
            test.NumberOfFixAllIterations = 2;
            test.NumberOfFixAllInDocumentIterations = 2;
            test.NumberOfFixAllInProjectIterations = 2;
            return test.RunAsync();
        }

        /// <summary>
        /// A value compared against (case label, pattern, a const used as one): emptying two of them in one switch
        /// would not compile (CS0152, CS8510), and an emptied comparison changes what the code matches.
        /// </summary>
        [Theory]
        [InlineData("class C\n{\n    int M(string s)\n    {\n        switch (s) { case {|#0:\"$KEY$\"|}: return 1; default: return 0; }\n    }\n}\n")]
        [InlineData("class C\n{\n    bool M(string s) => s is {|#0:\"$KEY$\"|};\n}\n")]
        [InlineData("class C\n{\n    int M(string s) => s switch { {|#0:\"$KEY$\"|} => 1, _ => 0 };\n}\n")]
        [InlineData("class C\n{\n    const string Key = {|#0:\"$KEY$\"|};\n    int M(string s) { switch (s) { case Key: return 1; default: return 0; } }\n}\n")]
        public Task Offers_no_removal_where_the_value_is_matched_against(string source)
            => Test(source, source, Remove, Maui).RunAsync();

        // ---- Not this provider's findings, and no hiding ----

        [Fact]
        public Task Server_code_gets_nothing_from_the_client_provider()
        {
            const string Source = "class C\n{\n    string Key = {|#0:\"$KEY$\"|};\n}\n";
            var test = Test(Source, Source, Remove, config: null);
            return test.RunAsync();
        }

        /// <summary>
        /// A constant from another file, reported where its use reveals it: emptying the use would leave the key in the
        /// other file with nothing left to report it, so nothing is offered.
        /// </summary>
        [Fact]
        public Task A_use_of_a_constant_declared_in_another_file_is_not_emptied()
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = Remove };
            const string Declaration = "static class Ids\n{\n    public const string Id = \"$ID$\";\n}\n";
            const string Use = "class InworldClient { public InworldClient(string keyId, string secret) { } }\nclass C\n{\n    InworldClient Client = new InworldClient({|#0:Ids.Id|}, \"\");\n}\n";
            test.TestState.Sources.Add(("/0/Use.cs", Snippet.Expand(Use)));
            test.TestState.Sources.Add(("/0/Ids.cs", Snippet.Expand(Declaration)));
            test.FixedState.Sources.Add(("/0/Use.cs", Snippet.Expand(Use)));
            test.FixedState.Sources.Add(("/0/Ids.cs", Snippet.Expand(Declaration)));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Maui));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0).WithMessage(null));
            return test.RunAsync();
        }

        /// <summary>The same constant in the same file: the declaration (the additional location) is emptied.</summary>
        [Fact]
        public Task A_use_of_a_constant_declared_in_the_same_file_empties_the_declaration()
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = Remove };
            test.TestState.Sources.Add(Snippet.Expand("class InworldClient { public InworldClient(string keyId, string secret) { } }\nclass C\n{\n    const string Id = {|#1:\"$ID$\"|};\n    InworldClient Client = new InworldClient({|#0:Id|}, \"\");\n}\n"));
            test.FixedState.Sources.Add("class InworldClient { public InworldClient(string keyId, string secret) { } }\nclass C\n{\n    const string Id = \"\";\n    InworldClient Client = new InworldClient(Id, \"\");\n}\n");
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Maui));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0).WithLocation(1).WithMessage(null));
            return test.RunAsync();
        }

        // ---- FixAll across documents and projects ----

        [Fact]
        public Task Fix_all_removes_every_client_value_of_the_project()
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = Remove };
            test.TestState.Sources.Add(("/0/A.cs", Snippet.Expand("class A\n{\n    string Key = {|#0:\"$KEY$\"|};\n}\n")));
            test.TestState.Sources.Add(("/0/B.cs", Snippet.Expand("class B\n{\n    string inworldKeyId = {|#1:\"$ID$\"|};\n}\n")));
            test.FixedState.Sources.Add(("/0/A.cs", "class A\n{\n    string Key = \"\";\n}\n"));
            test.FixedState.Sources.Add(("/0/B.cs", "class B\n{\n    string inworldKeyId = \"\";\n}\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Blazor));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0).WithMessage(null));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(1).WithMessage(null));
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_switches_requests_in_every_project_of_the_solution_and_adds_one_provider_each()
        {
            const string Source = "class Tts{0}\n{{\n    async Task Speak(HttpClient client)\n    {{\n        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"{1}\", {2});\n        await Task.Yield();\n    }}\n}}\n";
            var test = new Verify.Test { CodeActionEquivalenceKey = UseToken };
            test.TestState.Sources.Add(("/0/A.cs", Snippet.Expand(HttpUsings + string.Format(Source, "A", "Basic", "{|#0:\"$KEY$\"|}"))));
            test.TestState.AdditionalProjects["Second"].Sources.Add(("/Second/B.cs", Snippet.Expand(HttpUsings + string.Format(Source, "B", "Basic", "{|#1:\"$KEY$\"|}"))));
            test.TestState.AdditionalProjects["Second"].AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Maui));
            test.TestState.AdditionalProjects["Second"].AnalyzerConfigFiles.Add(("/Second/.globalconfig", Maui));
            test.FixedState.Sources.Add(("/0/A.cs", HttpUsings + string.Format(Source, "A", "Bearer", Token)));
            test.FixedState.Sources.Add(("/0/InworldTokenProvider.cs", Provider));
            test.FixedState.AdditionalProjects["Second"].Sources.Add(("/Second/B.cs", HttpUsings + string.Format(Source, "B", "Bearer", Token)));
            test.FixedState.AdditionalProjects["Second"].Sources.Add(("/Second/InworldTokenProvider.cs", Provider));
            test.FixedState.AdditionalProjects["Second"].AnalyzerConfigFiles.Add(("/Second/.globalconfig", Maui));
            test.FixedState.AdditionalProjects["Second"].AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0).WithMessage(null));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(1).WithMessage(null));
            return test.RunAsync();
        }
    }
}
