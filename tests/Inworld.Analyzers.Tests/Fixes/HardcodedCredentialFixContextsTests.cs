using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.CodeFixVerifier<Inworld.Analyzers.Rules.HardcodedCredentialAnalyzer, Inworld.Analyzers.CodeFixes.HardcodedCredentialCodeFixProvider>;

namespace Inworld.Analyzers.Tests.Fixes
{
    /// <summary>
    /// INW001's environment-variable fix in the contexts where it used to throw or break the build: FixAll over a
    /// declaration of several constants, nested findings, u8 literals whose own type counts, and const locals read by
    /// static lambdas. Each test runs the single fix, FixAll in document, project and solution scope, and compiles.
    /// </summary>
    public class HardcodedCredentialFixContextsTests
    {
        private const string ReadApiKey = "Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? throw new InvalidOperationException(\"Set the INWORLD_API_KEY environment variable.\")";
        private const string ReadKeyId = "Environment.GetEnvironmentVariable(\"INWORLD_KEY\") ?? throw new InvalidOperationException(\"Set the INWORLD_KEY environment variable.\")";
        private const string ReadSecret = "Environment.GetEnvironmentVariable(\"INWORLD_SECRET\") ?? throw new InvalidOperationException(\"Set the INWORLD_SECRET environment variable.\")";

        private static Verify.Test Test(string source, string fixedSource, int diagnostics = 1)
        {
            var test = new Verify.Test { TestCode = Snippet.Expand(source), FixedCode = Snippet.Expand(fixedSource) };
            for (var i = 0; i < diagnostics; i++)
            {
                test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(i).WithMessage(null));
            }

            return test;
        }

        // ---- Several constants in one declaration (FixAll threw "Sequence contains no matching element") ----

        [Fact]
        public Task Fix_all_turns_a_declaration_of_two_key_constants_into_one_static_readonly_declaration()
        {
            var test = Test(
                "using System;\n\nclass C\n{\n    const string inworldKeyId = {|#0:\"$ID$\"|}, inworldSecret = {|#1:\"$SECRET$\"|};\n}\n",
                // One fix at a time: the fixed constant moves out, its sibling stays const until its own fix.
                "using System;\n\nclass C\n{\n    static readonly string inworldKeyId = " + ReadKeyId + ";\n    static readonly string inworldSecret = " + ReadSecret + ";\n}\n",
                diagnostics: 2);
            test.BatchFixedCode = "using System;\n\nclass C\n{\n    static readonly string inworldKeyId = " + ReadKeyId + ", inworldSecret = " + ReadSecret + ";\n}\n";
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_turns_a_local_declaration_of_two_key_constants_into_one_plain_local()
        {
            var test = Test(
                "using System;\n\nclass C\n{\n    int M()\n    {\n        const string inworldKeyId = {|#0:\"$ID$\"|}, inworldSecret = {|#1:\"$SECRET$\"|};\n        return inworldKeyId.Length + inworldSecret.Length;\n    }\n}\n",
                "using System;\n\nclass C\n{\n    int M()\n    {\n        string inworldKeyId = " + ReadKeyId + ";\n        string inworldSecret = " + ReadSecret + ";\n        return inworldKeyId.Length + inworldSecret.Length;\n    }\n}\n",
                diagnostics: 2);
            test.BatchFixedCode = "using System;\n\nclass C\n{\n    int M()\n    {\n        string inworldKeyId = " + ReadKeyId + ", inworldSecret = " + ReadSecret + ";\n        return inworldKeyId.Length + inworldSecret.Length;\n    }\n}\n";
            return test.RunAsync();
        }

        [Fact]
        public Task Only_the_key_leaves_a_shared_const_declaration_and_its_sibling_stays_a_constant()
            // The sibling is used as a constant (an attribute argument): it must stay const, and a private static
            // readonly copy of a literal nobody reads would raise CS0414 anyway.
            => Test(
                "using System;\n\nclass C\n{\n    private const string Endpoint = \"https://api.inworld.ai\", inworldApiKey = {|#0:\"$KEY$\"|};\n\n    [Obsolete(Endpoint)]\n    void M() { }\n}\n",
                "using System;\n\nclass C\n{\n    private const string Endpoint = \"https://api.inworld.ai\";\n    private static readonly string inworldApiKey = " + ReadApiKey + ";\n\n    [Obsolete(Endpoint)]\n    void M() { }\n}\n").RunAsync();

        [Fact]
        public Task A_key_constant_declared_in_top_level_statements_with_a_sibling_is_split()
        {
            var test = Test(
                "const string inworldApiKey = {|#0:\"$KEY$\"|}, Name = \"tts\";\nSystem.Console.WriteLine(inworldApiKey + Name);\n",
                "using System;\n\nstring inworldApiKey = " + ReadApiKey + ";\nconst string Name = \"tts\";\nSystem.Console.WriteLine(inworldApiKey + Name);\n");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        // ---- u8 literals: keep the ReadOnlySpan<byte> where the literal's own type counts ----

        [Fact]
        public Task A_u8_literal_in_a_var_declaration_stays_a_ReadOnlySpan()
            => Test(
                "using System;\n\nclass C\n{\n    int M()\n    {\n        var key = {|#0:\"$KEY$\"u8|};\n        return key.Slice(1).Length;\n    }\n}\n",
                "using System;\nusing System.Text;\n\nclass C\n{\n    int M()\n    {\n        var key = new ReadOnlySpan<byte>(Encoding.UTF8.GetBytes(" + ReadApiKey + "));\n        return key.Slice(1).Length;\n    }\n}\n").RunAsync();

        [Fact]
        public Task A_u8_literal_in_a_switch_expression_arm_keeps_the_switch_typed()
            // Encoding.UTF8.GetBytes alone gives byte[]: with a default arm the switch would become byte[] (null, CS8602),
            // and Slice would not exist (CS1061).
            => Test(
                "using System;\n\nclass C\n{\n    int M(int i)\n    {\n        var key = i switch { 0 => {|#0:\"$KEY$\"u8|}, _ => default };\n        return key.Slice(0).Length;\n    }\n}\n",
                "using System;\nusing System.Text;\n\nclass C\n{\n    int M(int i)\n    {\n        var key = i switch { 0 => new ReadOnlySpan<byte>(Encoding.UTF8.GetBytes(" + ReadApiKey + ")), _ => default };\n        return key.Slice(0).Length;\n    }\n}\n").RunAsync();

        [Fact]
        public Task A_u8_literal_used_as_a_receiver_stays_a_ReadOnlySpan()
            => Test(
                "class C\n{\n    byte[] Key = {|#0:\"$KEY$\"u8|}.ToArray();\n}\n",
                "using System;\nusing System.Text;\n\nclass C\n{\n    byte[] Key = new ReadOnlySpan<byte>(Encoding.UTF8.GetBytes(" + ReadApiKey + ")).ToArray();\n}\n").RunAsync();

        // ---- Static functions cannot capture the local a const becomes ----

        [Fact]
        public Task A_const_local_read_by_a_static_lambda_gets_no_fix()
        {
            var source = "using System;\n\nclass C\n{\n    Func<string> M()\n    {\n        const string key = {|#0:\"$KEY$\"|};\n        return static () => key;\n    }\n}\n";
            return Test(source, source).RunAsync();
        }

        [Fact]
        public Task A_const_local_read_by_a_plain_lambda_is_fixed()
            => Test(
                "using System;\n\nclass C\n{\n    Func<string> M()\n    {\n        const string key = {|#0:\"$KEY$\"|};\n        return () => key;\n    }\n}\n",
                "using System;\n\nclass C\n{\n    Func<string> M()\n    {\n        string key = " + ReadApiKey + ";\n        return () => key;\n    }\n}\n").RunAsync();

        // ---- Nested findings in one FixAll (GetCurrentNode returned null) ----

        /// <summary>
        /// A finding inside another finding's value: "…" + "…" reported as a whole and its second part reported too, as
        /// a diagnostic of another analyzer version could be. FixAll must rewrite the outer value once, not edit inside
        /// a node it already replaced.
        /// </summary>
        [Fact]
        public async Task Fix_all_rewrites_an_outer_value_once_when_a_finding_lies_inside_it()
        {
            var source = Snippet.Expand("using System;\n\nclass C\n{\n    string inworldApiKey = \"$KEY1$\" + \"$KEY2$\";\n}\n");
            using var harness = new FixEverythingHarness(source, client: false);
            var document = harness.ProjectA.Documents.Single();
            var tree = (await document.GetSyntaxTreeAsync())!;
            var text = source;
            var outerStart = text.IndexOf('"', text.IndexOf("inworldApiKey", System.StringComparison.Ordinal));
            var outer = TextSpan.FromBounds(outerStart, text.IndexOf(';', outerStart));
            var innerStart = text.LastIndexOf(" \"", outer.End, System.StringComparison.Ordinal) + 1;
            var inner = TextSpan.FromBounds(innerStart, outer.End);
            var properties = HardcodedCredentialProperties.Write(CredentialKind.ApiKey, basicPrefix: false, "INWORLD_API_KEY", null, isClient: false);
            var descriptor = Descriptors.HardcodedCredential;
            var diagnostics = ImmutableArray.Create(
                Diagnostic.Create(descriptor, Location.Create(tree, outer), properties, "x", "y"),
                Diagnostic.Create(descriptor, Location.Create(tree, inner), properties, "x", "y"));

            var fixer = new HardcodedCredentialCodeFixProvider();
            var context = new FixAllContext(document, fixer, FixAllScope.Document, HardcodedCredentialCodeFixProvider.EquivalenceKey, new[] { RuleIds.HardcodedCredential },
                new FixEverythingHarness.Provider(new System.Collections.Generic.Dictionary<DocumentId, ImmutableArray<Diagnostic>> { [document.Id] = diagnostics }), CancellationToken.None);
            var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            var fixedSolution = await FixEverythingHarness.ApplyAsync(action!, harness.Solution);
            var fixedText = (await fixedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();

            Assert.Equal("using System;\n\nclass C\n{\n    string inworldApiKey = " + ReadApiKey + ";\n}\n", fixedText);
            var errors = (await fixedSolution.GetProject(document.Project.Id)!.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
            Assert.Empty(errors);
        }
    }
}
