using System.Threading.Tasks;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.CodeFixVerifier<Inworld.Analyzers.Rules.HardcodedCredentialAnalyzer, Inworld.Analyzers.CodeFixes.HardcodedCredentialCodeFixProvider>;

namespace Inworld.Analyzers.Tests.Fixes
{
    public class HardcodedCredentialCodeFixTests
    {
        private const string ReadApiKey = "Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? throw new InvalidOperationException(\"Set the INWORLD_API_KEY environment variable.\")";
        private const string ReadKeyId = "Environment.GetEnvironmentVariable(\"INWORLD_KEY\") ?? throw new InvalidOperationException(\"Set the INWORLD_KEY environment variable.\")";
        private const string ReadSecret = "Environment.GetEnvironmentVariable(\"INWORLD_SECRET\") ?? throw new InvalidOperationException(\"Set the INWORLD_SECRET environment variable.\")";

        /// <summary>Expects one INW001 per markup location {|#n:...|}, with any message arguments.</summary>
        private static Verify.Test Test(string source, string fixedSource, int diagnostics = 1)
        {
            var test = new Verify.Test
            {
                TestCode = Snippet.Expand(source),
                FixedCode = Snippet.Expand(fixedSource),
            };
            for (var i = 0; i < diagnostics; i++)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(i).WithMessage(null));
            }

            test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
            return test;
        }

        private static Task Run(string source, string fixedSource, int diagnostics = 1) => Test(source, fixedSource, diagnostics).RunAsync();

        [Fact]
        public Task Replaces_field_literal_and_adds_using_System()
            => Run(
                "class C\n{\n    string Key = {|#0:\"$KEY$\"|};\n}\n",
                "using System;\n\nclass C\n{\n    string Key = " + ReadApiKey + ";\n}\n");

        [Fact]
        public Task Does_not_add_using_when_System_is_imported()
            => Run(
                "using System;\n\nclass C\n{\n    string Key = {|#0:\"$KEY$\"|};\n}\n",
                "using System;\n\nclass C\n{\n    string Key = " + ReadApiKey + ";\n}\n");

        [Fact]
        public Task Adds_using_System_in_order_and_keeps_the_file_header()
            => Run(
                "// Copyright header\nusing System.Text;\n\nclass C\n{\n    string Key = {|#0:\"$KEY$\"|};\n}\n",
                "// Copyright header\nusing System;\nusing System.Text;\n\nclass C\n{\n    string Key = " + ReadApiKey + ";\n}\n");

        [Fact]
        public Task Keeps_file_header_above_a_new_first_using()
            => Run(
                "// Copyright header\n\nclass C\n{\n    string Key = {|#0:\"$KEY$\"|};\n}\n",
                "// Copyright header\n\nusing System;\n\nclass C\n{\n    string Key = " + ReadApiKey + ";\n}\n");

        [Fact]
        public Task Turns_const_field_into_static_readonly()
            => Run(
                "using System;\n\nclass C\n{\n    private const string Key = {|#0:\"$KEY$\"|};\n}\n",
                "using System;\n\nclass C\n{\n    private static readonly string Key = " + ReadApiKey + ";\n}\n");

        [Fact]
        public Task Turns_const_local_into_a_plain_local()
            => Run(
                "using System;\n\nclass C\n{\n    int M()\n    {\n        const string key = {|#0:\"$KEY$\"|};\n        return key.Length;\n    }\n}\n",
                "using System;\n\nclass C\n{\n    int M()\n    {\n        string key = " + ReadApiKey + ";\n        return key.Length;\n    }\n}\n");

        [Fact]
        public Task Keeps_Basic_prefix_outside_the_read()
            => Run(
                "using System;\n\nclass C\n{\n    string Header = {|#0:\"Basic $KEY$\"|};\n}\n",
                "using System;\n\nclass C\n{\n    string Header = \"Basic \" + (" + ReadApiKey + ");\n}\n");

        [Fact]
        public Task Parenthesizes_read_inside_a_concatenation()
            => Run(
                "using System;\n\nclass C\n{\n    string Header = \"Basic \" + {|#0:\"$KEY$\"|};\n}\n",
                "using System;\n\nclass C\n{\n    string Header = \"Basic \" + (" + ReadApiKey + ");\n}\n");

        [Fact]
        public Task Reads_key_id_and_secret_for_a_raw_pair()
            => Run(
                "using System;\nusing System.Text;\n\nclass C\n{\n    string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:\"$PAIR$\"|}));\n}\n",
                "using System;\nusing System.Text;\n\nclass C\n{\n    string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes((" + ReadKeyId + ") + \":\" + (" + ReadSecret + ")));\n}\n");

        [Fact]
        public Task Rewrites_the_declaration_of_a_raw_pair_constant_used_in_encoding()
        {
            var test = Test(
                "using System;\nusing System.Text;\n\nclass C\n{\n    const string Raw = {|#1:\"$PAIR$\"|};\n    string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:Raw|}));\n}\n",
                "using System;\nusing System.Text;\n\nclass C\n{\n    static readonly string Raw = (" + ReadKeyId + ") + \":\" + (" + ReadSecret + ");\n    string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes(Raw));\n}\n",
                diagnostics: 0);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0).WithLocation(1).WithMessage(null));
            return test.RunAsync();
        }

        [Fact]
        public Task Reads_INWORLD_KEY_for_a_key_id_and_INWORLD_SECRET_for_a_secret()
            => Run(
                "using System;\n\nclass C\n{\n    string inworldKeyId = {|#0:\"$ID$\"|};\n    string inworldSecret = {|#1:\"$SECRET$\"|};\n}\n",
                "using System;\n\nclass C\n{\n    string inworldKeyId = " + ReadKeyId + ";\n    string inworldSecret = " + ReadSecret + ";\n}\n",
                diagnostics: 2);

        [Fact]
        public Task Turns_an_environment_fallback_into_a_clear_failure()
            => Run(
                "using System;\n\nclass C\n{\n    string Key = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? {|#0:\"$KEY$\"|};\n}\n",
                "using System;\n\nclass C\n{\n    string Key = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? throw new InvalidOperationException(\"Set the INWORLD_API_KEY environment variable.\");\n}\n");

        [Fact]
        public Task Encodes_the_read_for_a_UTF8_literal()
            => Run(
                "using System;\n\nclass C\n{\n    ReadOnlySpan<byte> Key() => {|#0:\"$KEY$\"u8|};\n}\n",
                "using System;\nusing System.Text;\n\nclass C\n{\n    ReadOnlySpan<byte> Key() => Encoding.UTF8.GetBytes(" + ReadApiKey + ");\n}\n");

        [Fact]
        public Task Keeps_comments_and_formatting_around_the_value()
            => Run(
                "using System;\n\nclass C\n{\n    // the key\n    string Key =   /* dev */ {|#0:\"$KEY$\"|}   ; // remove me\n}\n",
                "using System;\n\nclass C\n{\n    // the key\n    string Key =   /* dev */ " + ReadApiKey + "   ; // remove me\n}\n");

        [Fact]
        public Task Qualifies_Environment_when_a_user_type_has_that_name()
            => Run(
                "class Environment { }\n\nclass C\n{\n    string Key = {|#0:\"$KEY$\"|};\n}\n",
                "using System;\n\nclass Environment { }\n\nclass C\n{\n    string Key = global::System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? throw new InvalidOperationException(\"Set the INWORLD_API_KEY environment variable.\");\n}\n");

        [Fact]
        public Task Fixes_an_argument_in_place()
            => Run(
                "using System;\n\nclass InworldClient { public InworldClient(string apiKey) { } }\n\nclass C\n{\n    object Client = new InworldClient({|#0:\"$KEY$\"|});\n}\n",
                "using System;\n\nclass InworldClient { public InworldClient(string apiKey) { } }\n\nclass C\n{\n    object Client = new InworldClient(" + ReadApiKey + ");\n}\n");

        [Fact]
        public Task Fixes_top_level_statements()
        {
            var test = Test(
                "var key = {|#0:\"$KEY$\"|};\nSystem.Console.WriteLine(key.Length);\n",
                "using System;\n\nvar key = " + ReadApiKey + ";\nSystem.Console.WriteLine(key.Length);\n");
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        // ---- Client projects: no environment variable on a player's device (ClientCredentialCodeFixTests: what they get) ----

        [Fact]
        public Task In_client_code_a_key_field_gets_no_environment_variable_fix()
        {
            var source = "class Settings\n{\n    public string Key = {|#0:\"$KEY$\"|};\n}\n";
            var test = Test(source, source);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.UsingMicrosoftNETSdkBlazorWebAssembly = true\n"));
            return test.RunAsync();
        }

        // ---- Where C# requires a constant there is no fix ----

        [Theory]
        [InlineData("class KeyAttribute : System.Attribute { public KeyAttribute(string v) { } }\n[Key({|#0:\"$KEY$\"|})]\nclass C { }\n")]
        [InlineData("class C\n{\n    int M(string s)\n    {\n        switch (s) { case {|#0:\"$KEY$\"|}: return 1; default: return 0; }\n    }\n}\n")]
        [InlineData("class C\n{\n    bool M(string s) => s is {|#0:\"$KEY$\"|};\n}\n")]
        [InlineData("class C\n{\n    void M(string key = {|#0:\"$KEY$\"|}) { }\n}\n")]
        [InlineData("class C\n{\n    const string Key = {|#0:\"$KEY$\"|};\n    int M(string s) { switch (s) { case Key: return 1; default: return 0; } }\n}\n")]
        [InlineData("class C\n{\n    const string Key = {|#0:\"$KEY$\"|};\n    const string Header = \"Basic \" + Key;\n}\n")]
        [InlineData("class C\n{\n    const string Json = {|#0:\"{ \\\"key\\\": \\\"$KEY$\\\" }\"|};\n}\n")]
        public Task Offers_no_fix_where_a_constant_is_required(string source)
            => Run(source, source);

        // ---- FixAll and options ----

        [Fact]
        public Task Fix_all_rewrites_every_value_in_the_document_and_adds_one_using()
            => Run(
                "class C\n{\n    string A = {|#0:\"$KEY$\"|};\n    const string B = {|#1:\"Basic $KEY$\"|};\n    string inworldSecret = {|#2:\"$SECRET$\"|};\n}\n",
                "using System;\n\nclass C\n{\n    string A = " + ReadApiKey + ";\n    static readonly string B = \"Basic \" + (" + ReadApiKey + ");\n    string inworldSecret = " + ReadSecret + ";\n}\n",
                diagnostics: 3);

        [Fact]
        public Task Fix_all_covers_every_document_of_the_project()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/A.cs", Snippet.Expand("class A\n{\n    string Key = {|#0:\"$KEY$\"|};\n}\n")));
            test.TestState.Sources.Add(("/0/B.cs", Snippet.Expand("using System;\n\nclass B\n{\n    string inworldKeyId = {|#1:\"$ID$\"|};\n}\n")));
            test.FixedState.Sources.Add(("/0/A.cs", "using System;\n\nclass A\n{\n    string Key = " + ReadApiKey + ";\n}\n"));
            test.FixedState.Sources.Add(("/0/B.cs", "using System;\n\nclass B\n{\n    string inworldKeyId = " + ReadKeyId + ";\n}\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0).WithMessage(null));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(1).WithMessage(null));
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_covers_every_project_of_the_solution()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/A.cs", Snippet.Expand("using System;\n\nclass A\n{\n    string Key = {|#0:\"$KEY$\"|};\n}\n")));
            test.TestState.AdditionalProjects["Second"].Sources.Add(("/Second/B.cs", Snippet.Expand("using System;\n\nclass B\n{\n    string inworldSecret = {|#1:\"$SECRET$\"|};\n}\n")));
            test.TestState.AdditionalProjects["Second"].AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            test.FixedState.Sources.Add(("/0/A.cs", "using System;\n\nclass A\n{\n    string Key = " + ReadApiKey + ";\n}\n"));
            test.FixedState.AdditionalProjects["Second"].Sources.Add(("/Second/B.cs", "using System;\n\nclass B\n{\n    string inworldSecret = " + ReadSecret + ";\n}\n"));
            test.FixedState.AdditionalProjects["Second"].AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0).WithMessage(null));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(1).WithMessage(null));
            return test.RunAsync();
        }

        [Fact]
        public Task Variable_names_come_from_editorconfig()
        {
            var test = Test(
                "class C\n{\n    string Key = {|#0:\"$KEY$\"|};\n    string inworldSecret = {|#1:\"$SECRET$\"|};\n}\n",
                "using System;\n\nclass C\n{\n    string Key = Environment.GetEnvironmentVariable(\"GAME_INWORLD_KEY\") ?? throw new InvalidOperationException(\"Set the GAME_INWORLD_KEY environment variable.\");\n    string inworldSecret = Environment.GetEnvironmentVariable(\"GAME_SECRET\") ?? throw new InvalidOperationException(\"Set the GAME_SECRET environment variable.\");\n}\n",
                diagnostics: 2);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ninworld_analyzers.api_key_env_var = GAME_INWORLD_KEY\ninworld_analyzers.secret_env_var = GAME_SECRET\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Malformed_variable_name_falls_back_to_the_default()
        {
            var test = Test(
                "class C\n{\n    string Key = {|#0:\"$KEY$\"|};\n}\n",
                "using System;\n\nclass C\n{\n    string Key = " + ReadApiKey + ";\n}\n");
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ninworld_analyzers.api_key_env_var = 1 bad\"name\n"));
            return test.RunAsync();
        }
    }
}
