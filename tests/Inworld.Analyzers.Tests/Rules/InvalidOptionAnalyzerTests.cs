using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.InvalidOptionAnalyzer>;

namespace Inworld.Analyzers.Tests.Rules
{
    public class InvalidOptionAnalyzerTests
    {
        private static Verify.Test Test(string editorconfig, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/A.cs", "class A { }"));
            test.TestState.Sources.Add(("/0/B.cs", "class B { }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorconfig));
            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        [Fact]
        public Task Reports_a_malformed_variable_name_once_for_the_compilation()
            => Test(
                "root = true\n[*.cs]\ninworld_analyzers.api_key_env_var = 9 lives\n",
                Verify.Diagnostic(RuleIds.InvalidOption).WithNoLocation().WithArguments(
                    "inworld_analyzers.api_key_env_var", "9 lives",
                    "an environment variable name: a letter or '_' followed by letters, digits or '_'", "INWORLD_API_KEY")).RunAsync();

        [Fact]
        public Task Reports_each_malformed_option()
            => Test(
                "root = true\n[*.cs]\ninworld_analyzers.key_id_env_var = a-b\ninworld_analyzers.secret_env_var = \"QUOTED\"\n",
                Verify.Diagnostic(RuleIds.InvalidOption).WithNoLocation().WithMessage(null),
                Verify.Diagnostic(RuleIds.InvalidOption).WithNoLocation().WithMessage(null)).RunAsync();

        [Fact]
        public Task Redacts_long_values()
            => Test(
                "root = true\n[*.cs]\ninworld_analyzers.api_key_env_var = " + FakeCredentials.Default.ApiKey + "\n",
                Verify.Diagnostic(RuleIds.InvalidOption).WithNoLocation().WithArguments(
                    "inworld_analyzers.api_key_env_var", FakeCredentials.Redacted(FakeCredentials.Default.ApiKey),
                    "an environment variable name: a letter or '_' followed by letters, digits or '_'", "INWORLD_API_KEY")).RunAsync();

        [Fact]
        public Task Reports_bad_project_kind_scope_and_token_endpoint()
        {
            var test = new Verify.Test { TestCode = "class A { }" };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ninworld_analyzers.project_kind = mobile\ninworld_analyzers.basic_auth_scope = all\ninworld_analyzers.token_endpoint = /token\nbuild_property.InworldProjectKind = sometimes\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.InvalidOption).WithNoLocation().WithArguments("inworld_analyzers.project_kind", "mobile", "auto, client or server", "auto"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.InvalidOption).WithNoLocation().WithArguments("InworldProjectKind (MSBuild)", "sometimes", "auto, client or server", "auto"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.InvalidOption).WithNoLocation().WithArguments("inworld_analyzers.basic_auth_scope", "all", "inworld or any", "inworld"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.InvalidOption).WithNoLocation().WithArguments("inworld_analyzers.token_endpoint", "/token", "an absolute http(s) URL of your backend's token endpoint", "https://localhost:5001/token"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("root = true\n[*.cs]\ninworld_analyzers.api_key_env_var = MY_KEY\ninworld_analyzers.key_id_env_var = _id2\n")]
        [InlineData("root = true\n[*.cs]\n")]
        [InlineData("root = true\n[*.cs]\ninworld_analyzers.unknown_option = whatever\n")]
        [InlineData("root = true\n[*.cs\ninworld_analyzers.api_key_env_var\n= = =\n")]
        public Task Accepts_valid_missing_unknown_and_unparsable_sections(string editorconfig) => Test(editorconfig).RunAsync();

        [Fact]
        public Task Reads_global_config_too()
        {
            var test = new Verify.Test { TestCode = "class A { }" };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ninworld_analyzers.secret_env_var = bad name\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.InvalidOption).WithNoLocation().WithMessage(null));
            return test.RunAsync();
        }
    }
}
