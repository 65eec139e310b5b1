using System.Linq;
using System.Threading.Tasks;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.CodeFixVerifier<Inworld.Analyzers.Rules.BasicAuthInClientAnalyzer, Inworld.Analyzers.CodeFixes.BasicAuthTokenCodeFixProvider>;

namespace Inworld.Analyzers.Tests.Fixes
{
    /// <summary>
    /// INW002's fix in Unity player code: the UnityWebRequest token provider (UnityTokenProviderTemplate) is added,
    /// coroutines yield its TokenRequest, async methods await GetTokenAsync (Task before Unity 2023.1, Awaitable
    /// after), plain methods get no fix. Every fixed output and the provider compile against the Unity API stubs
    /// (the verifier's compile check), and FixAll runs in document, project and solution scope.
    /// </summary>
    public class UnityTokenCodeFixTests
    {
        private const string Unity6 = "UNITY_2023_1_OR_NEWER";
        private const string ScriptPath = "/0/Assets/Scripts/NpcChat.cs";
        private static readonly string Provider = UnityTokenProviderTemplate.Source(TokenProviderTemplate.DefaultEndpoint, "\n");

        private const string Head = "using System.Collections;\nusing System.Collections.Generic;\nusing System.Threading.Tasks;\nusing UnityEngine;\nusing UnityEngine.Networking;\n\npublic class NpcChat : MonoBehaviour\n{\n    [SerializeField] private string inworldApiKey = \"\";\n\n";
        private const string Tail = "}\n";

        private static Verify.Test UnityTest(string source, string? fixedSource, int diagnostics = 1, bool addsProvider = true, bool unity6 = false)
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add((ScriptPath, source));
            test.TestState.AdditionalReferences.Add(UnityStubs.Engine);
            test.FixedState.AdditionalReferences.Add(UnityStubs.Engine);
            test.BatchFixedState.AdditionalReferences.Add(UnityStubs.Engine);
            if (unity6)
            {
                test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(projectId,
                    ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols(Unity6)));
            }

            for (var i = 0; i < diagnostics; i++)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.BasicAuthInClient).WithLocation(i).WithMessage(null));
            }

            test.FixedState.Sources.Add((ScriptPath, fixedSource ?? source));
            if (fixedSource != null && addsProvider)
            {
                test.FixedState.Sources.Add(("/0/Assets/Scripts/InworldTokenProvider.cs", Provider));
            }

            return test;
        }

        [Fact]
        public Task Coroutine_yields_the_token_request_and_keeps_comments()
            => UnityTest(
                Head + "    IEnumerator Speak()\n    {\n        var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", \"POST\");\n        // auth\n        {|#0:request.SetRequestHeader(\"Authorization\", /* key */ \"Basic \" + inworldApiKey)|}; // sent below\n        yield return request.SendWebRequest();\n    }\n" + Tail,
                Head + "    IEnumerator Speak()\n    {\n        var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", \"POST\");\n        var inworldToken = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken;\n        // auth\n        request.SetRequestHeader(\"Authorization\", /* key */ \"Bearer \" + inworldToken.Token); // sent below\n        yield return request.SendWebRequest();\n    }\n" + Tail).RunAsync();

        [Fact]
        public Task Coroutine_with_the_Post_helper_and_an_interpolated_header()
            => UnityTest(
                Head + "    IEnumerator Speak(string body)\n    {\n        using var request = UnityWebRequest.Post(\"https://api.inworld.ai/tts/v1/voice\", body, \"application/json\");\n        {|#0:request.SetRequestHeader(\"Authorization\", $\"Basic {inworldApiKey}\")|};\n        yield return request.SendWebRequest();\n    }\n" + Tail,
                Head + "    IEnumerator Speak(string body)\n    {\n        using var request = UnityWebRequest.Post(\"https://api.inworld.ai/tts/v1/voice\", body, \"application/json\");\n        var inworldToken = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken;\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Token);\n        yield return request.SendWebRequest();\n    }\n" + Tail).RunAsync();

        [Fact]
        public Task Coroutine_with_the_Get_helper_inside_a_using_block_and_a_name_already_taken()
            => UnityTest(
                Head + "    IEnumerator Voices()\n    {\n        var inworldToken = 1;\n        using (var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\"))\n        {\n            {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n            yield return request.SendWebRequest();\n        }\n    }\n" + Tail,
                Head + "    IEnumerator Voices()\n    {\n        var inworldToken = 1;\n        using (var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\"))\n        {\n            var inworldToken2 = InworldTokenProvider.Shared.RequestToken();\n            yield return inworldToken2;\n            request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken2.Token);\n            yield return request.SendWebRequest();\n        }\n    }\n" + Tail).RunAsync();

        /// <summary>Before Unity 2023.1 GetTokenAsync is a Task&lt;string&gt;: an async Task method awaits it.</summary>
        [Fact]
        public Task Async_method_awaits_the_token_as_a_Task()
            => UnityTest(
                Head + "    async Task Speak()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        await Task.Yield();\n    }\n" + Tail,
                Head + "    async Task Speak()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync()));\n        await Task.Yield();\n    }\n" + Tail).RunAsync();

        /// <summary>Unity 6: GetTokenAsync is an Awaitable&lt;string&gt;, awaited the same way from an async Awaitable method.</summary>
        [Fact]
        public Task Async_Awaitable_method_on_Unity_6_awaits_the_token()
            => UnityTest(
                Head + "    async Awaitable<string> Speak()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        await Awaitable.NextFrameAsync();\n        return request.url;\n    }\n" + Tail,
                Head + "    async Awaitable<string> Speak()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync()));\n        await Awaitable.NextFrameAsync();\n        return request.url;\n    }\n" + Tail,
                unity6: true).RunAsync();

        [Fact]
        public Task Async_void_lambda_awaits_the_token()
            => UnityTest(
                Head + "    void Start()\n    {\n        System.Action speak = async () =>\n        {\n            var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n            {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n            await Task.Yield();\n        };\n        speak();\n    }\n" + Tail,
                Head + "    void Start()\n    {\n        System.Action speak = async () =>\n        {\n            var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n            request.SetRequestHeader(\"Authorization\", \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync()));\n            await Task.Yield();\n        };\n        speak();\n    }\n" + Tail).RunAsync();

        /// <summary>
        /// No fix where no correct rewrite exists: a plain method cannot wait for the backend without blocking the
        /// main thread (UnityWebRequest completes on it, so a blocking wait never ends); a lambda inside a coroutine
        /// cannot yield; an iterator that is not a coroutine (IEnumerable) is not driven by Unity.
        /// </summary>
        [Theory]
        [InlineData("    void Speak()\n    {\n        var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", \"POST\");\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        request.SendWebRequest();\n    }\n")]
        [InlineData("    IEnumerator Speak()\n    {\n        var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", \"POST\");\n        System.Action authorize = () => {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        authorize();\n        yield return request.SendWebRequest();\n    }\n")]
        [InlineData("    IEnumerable<UnityWebRequest> Requests()\n    {\n        var request = new UnityWebRequest(\"https://api.inworld.ai/tts/v1/voice\", \"POST\");\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        yield return request;\n    }\n")]
        public Task Offers_no_fix_in_Unity_code_that_cannot_wait(string member)
            => UnityTest(Head + member + Tail, null).RunAsync();

        [Fact]
        public Task Fix_all_rewrites_coroutines_and_async_methods_and_adds_one_provider()
        {
            var test = UnityTest(
                Head + "    IEnumerator A()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        yield return request.SendWebRequest();\n        var again = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        {|#1:again.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        yield return again.SendWebRequest();\n    }\n\n    async Task B()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        {|#2:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        await Task.Yield();\n    }\n" + Tail,
                Head + "    IEnumerator A()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        var inworldToken = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken;\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Token);\n        yield return request.SendWebRequest();\n        var again = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        var inworldToken2 = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken2;\n        again.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken2.Token);\n        yield return again.SendWebRequest();\n    }\n\n    async Task B()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + (await InworldTokenProvider.Shared.GetTokenAsync()));\n        await Task.Yield();\n    }\n" + Tail,
                diagnostics: 3);

            // A second script in the same assembly: the provider is still added once.
            const string Other = "using System.Collections;\nusing UnityEngine;\nusing UnityEngine.Networking;\n\npublic class Narrator : MonoBehaviour\n{\n    [SerializeField] private string inworldApiKey = \"\";\n\n    IEnumerator Read()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        {|#3:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        yield return request.SendWebRequest();\n    }\n}\n";
            const string OtherFixed = "using System.Collections;\nusing UnityEngine;\nusing UnityEngine.Networking;\n\npublic class Narrator : MonoBehaviour\n{\n    [SerializeField] private string inworldApiKey = \"\";\n\n    IEnumerator Read()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        var inworldToken = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken;\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Token);\n        yield return request.SendWebRequest();\n    }\n}\n";
            test.TestState.Sources.Add(("/0/Assets/Scripts/Narrator.cs", Other));
            test.FixedState.Sources.Insert(1, ("/0/Assets/Scripts/Narrator.cs", Microsoft.CodeAnalysis.Text.SourceText.From(OtherFixed))); // before the added provider
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.BasicAuthInClient).WithLocation(3).WithMessage(null));
            return test.RunAsync();
        }

        /// <summary>Two assemblies (say Assembly-CSharp and an .asmdef): FixAll in solution scope gives each its own provider.</summary>
        [Fact]
        public Task Fix_all_in_the_solution_adds_a_provider_to_each_assembly()
        {
            var test = UnityTest(
                Head + "    IEnumerator A()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        yield return request.SendWebRequest();\n    }\n" + Tail,
                Head + "    IEnumerator A()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        var inworldToken = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken;\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Token);\n        yield return request.SendWebRequest();\n    }\n" + Tail);
            const string Npc = "using System.Collections;\nusing UnityEngine;\nusing UnityEngine.Networking;\n\npublic class Villager : MonoBehaviour\n{\n    [SerializeField] private string inworldApiKey = \"\";\n\n    IEnumerator Greet()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        MARK;\n        yield return request.SendWebRequest();\n    }\n}\n";
            var second = test.TestState.AdditionalProjects["Npcs"];
            second.Sources.Add(("/Npcs/Assets/Npcs/Villager.cs", Npc.Replace("MARK", "{|#1:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|}")));
            second.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            second.AdditionalReferences.Add(UnityStubs.Engine);
            var secondFixed = test.FixedState.AdditionalProjects["Npcs"];
            secondFixed.Sources.Add(("/Npcs/Assets/Npcs/Villager.cs", Npc.Replace("MARK", "var inworldToken = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken;\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Token)")));
            secondFixed.Sources.Add(("/Npcs/Assets/Npcs/InworldTokenProvider.cs", Provider));
            secondFixed.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            secondFixed.AdditionalReferences.Add(UnityStubs.Engine);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.BasicAuthInClient).WithLocation(1).WithMessage(null));
            return test.RunAsync();
        }

        /// <summary>The package sample imported into the project (or an earlier fix): its provider is used, no second file.</summary>
        [Fact]
        public Task Existing_Unity_provider_is_reused()
        {
            var test = UnityTest(
                Head + "    IEnumerator Speak()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        yield return request.SendWebRequest();\n    }\n" + Tail,
                Head + "    IEnumerator Speak()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        var inworldToken = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken;\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Token);\n        yield return request.SendWebRequest();\n    }\n" + Tail,
                addsProvider: false);
            const string SamplePath = "/0/Assets/Samples/Inworld Analyzers/1.0.0/Token Provider/InworldTokenProvider.cs";
            test.TestState.Sources.Add((SamplePath, Provider));
            test.FixedState.Sources.Add((SamplePath, Provider));
            return test.RunAsync();
        }

        /// <summary>A Unity project that already has the HttpClient provider keeps it: its coroutines wait with WaitUntil, as before.</summary>
        [Fact]
        public Task Existing_HttpClient_provider_in_a_Unity_project_is_kept()
        {
            var test = UnityTest(
                Head + "    IEnumerator Speak()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        yield return request.SendWebRequest();\n    }\n" + Tail,
                Head + "    IEnumerator Speak()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        var inworldToken = InworldTokenProvider.Shared.GetTokenAsync();\n        yield return new UnityEngine.WaitUntil(() => inworldToken.IsCompleted);\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Result);\n        yield return request.SendWebRequest();\n    }\n" + Tail,
                addsProvider: false);
            var httpProvider = TokenProviderTemplate.Source(TokenProviderTemplate.DefaultEndpoint, "\n");
            test.TestState.Sources.Add(("/0/Assets/Scripts/InworldTokenProvider.cs", httpProvider));
            test.FixedState.Sources.Add(("/0/Assets/Scripts/InworldTokenProvider.cs", httpProvider));
            return test.RunAsync();
        }

        [Fact]
        public Task Endpoint_comes_from_editorconfig()
        {
            var test = UnityTest(
                Head + "    IEnumerator Speak()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        {|#0:request.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey)|};\n        yield return request.SendWebRequest();\n    }\n" + Tail,
                Head + "    IEnumerator Speak()\n    {\n        var request = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\");\n        var inworldToken = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken;\n        request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Token);\n        yield return request.SendWebRequest();\n    }\n" + Tail,
                addsProvider: false);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ninworld_analyzers.token_endpoint = https://game.example.com/inworld/token\n"));
            test.FixedState.Sources.Add(("/0/Assets/Scripts/InworldTokenProvider.cs", UnityTokenProviderTemplate.Source("https://game.example.com/inworld/token", "\n")));
            return test.RunAsync();
        }

        /// <summary>
        /// The provider compiles against the Unity API stubs in Unity's language version (C# 9) without a warning,
        /// in both branches: GetTokenAsync is an Awaitable&lt;string&gt; with UNITY_2023_1_OR_NEWER and a
        /// Task&lt;string&gt; without.
        /// </summary>
        [Theory]
        [InlineData(false, "System.Threading.Tasks.Task<string>")]
        [InlineData(true, "UnityEngine.Awaitable<string>")]
        public void Unity_provider_compiles_against_the_stubs(bool unity6, string getTokenAsyncReturns)
        {
            var options = new CSharpParseOptions(LanguageVersion.CSharp9).WithPreprocessorSymbols(unity6 ? new[] { "UNITY_2021_3_OR_NEWER", Unity6 } : new[] { "UNITY_2021_3_OR_NEWER" });
            var tree = CSharpSyntaxTree.ParseText(Provider, options, "InworldTokenProvider.cs");
            var compilation = CSharpCompilation.Create("Assembly-CSharp", new[] { tree },
                Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Append(UnityStubs.Engine),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));

            var provider = compilation.GetTypeByMetadataName(TokenProviderTemplate.TypeName)!;
            Assert.Equal("UnityEngine.ScriptableObject", provider.BaseType!.ToDisplayString());
            var getToken = provider.GetMembers("GetTokenAsync").OfType<IMethodSymbol>().Single();
            Assert.Equal(getTokenAsyncReturns, getToken.ReturnType.ToDisplayString());
            var requestToken = provider.GetMembers(UnityTokenProviderTemplate.RequestTokenMethod).OfType<IMethodSymbol>().Single();
            Assert.Equal("UnityEngine.CustomYieldInstruction", requestToken.ReturnType.BaseType!.ToDisplayString());

            // The backend URL is a [SerializeField] whose default is the fix's default endpoint, never a literal in a request.
            var endpoint = provider.GetMembers("tokenEndpoint").OfType<IFieldSymbol>().Single();
            Assert.Contains(endpoint.GetAttributes(), a => a.AttributeClass!.ToDisplayString() == "UnityEngine.SerializeField");
            var declarator = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.Text == "tokenEndpoint");
            Assert.Equal("DefaultEndpoint", declarator.Initializer!.Value.ToString());
            Assert.Equal(TokenProviderTemplate.DefaultEndpoint, provider.GetMembers("DefaultEndpoint").OfType<IFieldSymbol>().Single().ConstantValue);
        }

        /// <summary>
        /// The provider also ships as a file of samples/UnityGame and as the Unity package's sample (Samples~, declared in
        /// package.json): each is exactly what the fix adds, so importing the sample and applying the fix give one type.
        /// </summary>
        [Theory]
        [InlineData("samples/UnityGame/Assets/Scripts/InworldTokenProvider.cs")]
        [InlineData("unity/com.inworld.analyzers/Samples~/TokenProvider/InworldTokenProvider.cs")]
        public void Unity_sample_copies_are_exactly_the_provider_the_fix_adds(string relative)
        {
            var copy = System.IO.File.ReadAllText(System.IO.Path.Combine(Package.DotnetCli.RepositoryRoot(), relative)).Replace("\r\n", "\n");
            Assert.Equal(Provider, copy);
        }

        [Fact]
        public void Unity_package_declares_the_token_provider_sample()
        {
            var folder = System.IO.Path.Combine(Package.DotnetCli.RepositoryRoot(), "unity", "com.inworld.analyzers");
            using var json = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(folder, "package.json")));
            var sample = Assert.Single(json.RootElement.GetProperty("samples").EnumerateArray());
            Assert.Equal("Samples~/TokenProvider", sample.GetProperty("path").GetString());
            Assert.False(string.IsNullOrWhiteSpace(sample.GetProperty("displayName").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(sample.GetProperty("description").GetString()));
            Assert.Equal(new[] { "InworldTokenProvider.cs" }, System.IO.Directory.GetFiles(System.IO.Path.Combine(folder, "Samples~", "TokenProvider")).Select(System.IO.Path.GetFileName));

            // A hidden folder is not imported by Unity and carries no .meta (the builder skips it).
            Assert.False(System.IO.File.Exists(System.IO.Path.Combine(folder, "Samples~.meta")));
        }

        /// <summary>The sample's settings asset: a serialized endpoint (no key) read by the provider script it names.</summary>
        [Fact]
        public void Unity_sample_keeps_the_backend_url_in_a_Resources_asset_of_the_provider_script()
        {
            var assets = System.IO.Path.Combine(Package.DotnetCli.RepositoryRoot(), "samples", "UnityGame", "Assets");
            var scriptGuid = System.Text.RegularExpressions.Regex.Match(System.IO.File.ReadAllText(System.IO.Path.Combine(assets, "Scripts", "InworldTokenProvider.cs.meta")),
                "^guid: ([0-9a-f]{32})$", System.Text.RegularExpressions.RegexOptions.Multiline, System.TimeSpan.FromSeconds(1)).Groups[1].Value;
            Assert.Equal(32, scriptGuid.Length);
            var asset = System.IO.File.ReadAllText(System.IO.Path.Combine(assets, "Resources", "InworldTokenProvider.asset"));
            Assert.Contains("m_Script: {fileID: 11500000, guid: " + scriptGuid + ", type: 3}", asset);
            Assert.Contains("m_Name: InworldTokenProvider\n", asset);
            Assert.Matches("(?m)^  tokenEndpoint: https?://\\S+$", asset);
        }

        /// <summary>The provider sends no Authorization of its own and holds no credential: the analyzers stay silent on it.</summary>
        [Fact]
        public async Task Unity_provider_raises_no_finding()
        {
            var basicAuth = new AnalyzerVerifier<Inworld.Analyzers.Rules.BasicAuthInClientAnalyzer>.Test();
            basicAuth.TestState.Sources.Add(("/0/Assets/Scripts/InworldTokenProvider.cs", Provider));
            basicAuth.TestState.AdditionalReferences.Add(UnityStubs.Engine);
            await basicAuth.RunAsync();

            var hardcoded = new AnalyzerVerifier<Inworld.Analyzers.Rules.HardcodedCredentialAnalyzer>.Test();
            hardcoded.TestState.Sources.Add(("/0/Assets/Scripts/InworldTokenProvider.cs", Provider));
            hardcoded.TestState.AdditionalReferences.Add(UnityStubs.Engine);
            await hardcoded.RunAsync();
        }
    }
}
