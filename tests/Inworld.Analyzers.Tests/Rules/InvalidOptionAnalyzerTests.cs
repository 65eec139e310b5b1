using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.TestShared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.InvalidOptionAnalyzer>;

namespace Inworld.Analyzers.Tests.Rules
{
    public class InvalidOptionAnalyzerTests
    {
        private const string EditorConfigPath = "/.editorconfig";
        private const string VariableNameExpected = "an environment variable name: a letter or '_' followed by letters, digits or '_'";

        /// <summary>
        /// Two C# files under an .editorconfig the compiler reads. With <paramref name="passConfigFiles"/>, the file is
        /// also an additional file marked InworldConfig = true, as the package's targets (and inworld-scan) pass it;
        /// the marker comes from a global config standing in for the SDK's generated MSBuild config.
        /// </summary>
        private static Verify.Test Test(string editorconfig, bool passConfigFiles = true, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/A.cs", "class A { }"));
            test.TestState.Sources.Add(("/0/B.cs", "class B { }"));
            test.TestState.AnalyzerConfigFiles.Add((EditorConfigPath, editorconfig));
            if (passConfigFiles)
            {
                PassAsConfigFiles(test, EditorConfigPath);
                test.TestState.AdditionalFiles.Add((EditorConfigPath, editorconfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        private static void PassAsConfigFiles(Verify.Test test, params string[] paths)
            => test.TestState.AnalyzerConfigFiles.Add(("/obj/Generated.globalconfig",
                "is_global = true\n" + string.Concat(paths.Select(p => "[" + p + "]\n" + InworldOptions.ConfigFileMetadataKey + " = true\n"))));

        private static DiagnosticResult Located(int line, int column, int endColumn, string subject, string problem)
            => Verify.Diagnostic(RuleIds.InvalidOption).WithSpan(EditorConfigPath, line, column, line, endColumn).WithArguments(subject, problem);

        private static DiagnosticResult Unlocated(string subject, string problem)
            => Verify.Diagnostic(RuleIds.InvalidOption).WithNoLocation().WithArguments(subject, problem);

        private static string Invalid(string value, string expected, string fallback) => "has an invalid value '" + value + "': expected " + expected + "; using '" + fallback + "'";

        private static string Unknown(string? suggestion)
            => "is not an Inworld.Analyzers option and is ignored" + (suggestion == null ? "; see the list of options in the INW900 documentation" : "; did you mean '" + suggestion + "'?");

        [Fact]
        public Task Reports_a_malformed_variable_name_at_its_line()
            => Test(
                "root = true\n[*.cs]\ninworld_analyzers.api_key_env_var = 9 lives\n", true,
                Located(3, 1, 44, "inworld_analyzers.api_key_env_var", Invalid("9 lives", VariableNameExpected, "INWORLD_API_KEY"))).RunAsync();

        [Fact]
        public Task Without_the_config_files_reports_once_for_the_compilation_without_a_location()
            => Test(
                "root = true\n[*.cs]\ninworld_analyzers.api_key_env_var = 9 lives\n", false,
                Unlocated("inworld_analyzers.api_key_env_var", Invalid("9 lives", VariableNameExpected, "INWORLD_API_KEY"))).RunAsync();

        [Fact]
        public Task Reports_each_malformed_option_at_its_own_line()
            => Test(
                "root = true\n[*.cs]\ninworld_analyzers.key_id_env_var = a-b\n  inworld_analyzers.secret_env_var = \"QUOTED\"  # why\n", true,
                Located(3, 1, 39, "inworld_analyzers.key_id_env_var", Invalid("a-b", VariableNameExpected, "INWORLD_KEY")),
                Located(4, 3, 46, "inworld_analyzers.secret_env_var", Invalid("\"QUOTED\"", VariableNameExpected, "INWORLD_SECRET"))).RunAsync();

        [Fact]
        public Task Redacts_long_values_in_both_forms()
        {
            var key = FakeCredentials.Default.ApiKey;
            var redacted = FakeCredentials.Redacted(key);
            var line = "inworld_analyzers.api_key_env_var = " + key;
            return Task.WhenAll(
                Test("root = true\n[*.cs]\n" + line + "\n", true,
                    Located(3, 1, line.Length + 1, "inworld_analyzers.api_key_env_var", Invalid(redacted, VariableNameExpected, "INWORLD_API_KEY"))).RunAsync(),
                Test("root = true\n[*.cs]\n" + line + "\n", false,
                    Unlocated("inworld_analyzers.api_key_env_var", Invalid(redacted, VariableNameExpected, "INWORLD_API_KEY"))).RunAsync());
        }

        [Theory]
        [InlineData("inworld_analyzers.api_key_env", "inworld_analyzers.api_key_env_var")]
        [InlineData("inworld_analyzers.apikey_env_var", "inworld_analyzers.api_key_env_var")]
        [InlineData("inworld_analysers.project_kind", "inworld_analyzers.project_kind")]
        [InlineData("inworld.scan_shipped_file", "inworld_analyzers.scan_shipped_file")]
        [InlineData("Inworld_Analyzers.Basic_Auth_Scop", "inworld_analyzers.basic_auth_scope")]
        [InlineData("inworld_analyzers.token_endpiont", "inworld_analyzers.token_endpoint")]
        [InlineData("inworld_analyzers.realtime_key_source", "inworld_analyzers.realtime_key_sources")]
        [InlineData("inworld_analyzers.secret_env", "inworld_analyzers.secret_env_var")]
        public Task Reports_a_misspelled_key_with_the_closest_valid_key(string misspelled, string closest)
            => Test(
                "root = true\n[*.cs]\n" + misspelled + " = MY_KEY\n", true,
                Verify.Diagnostic(RuleIds.InvalidOption).WithSpan(EditorConfigPath, 3, 1, 3, misspelled.Length + 1).WithArguments(misspelled, Unknown(closest))).RunAsync();

        [Fact]
        public Task Reports_an_unknown_key_without_a_guess_when_nothing_is_close()
            => Test(
                "root = true\n[*.cs]\ninworld_analyzers.colour_scheme = dark\n", true,
                Verify.Diagnostic(RuleIds.InvalidOption).WithSpan(EditorConfigPath, 3, 1, 3, 32).WithArguments("inworld_analyzers.colour_scheme", Unknown(null))).RunAsync();

        [Fact]
        public Task Other_tools_keys_and_valid_options_are_not_reported()
            => Test(
                "root = true\n[*.cs]\ndotnet_diagnostic.INW001.severity = error\nindent_style = space\nmy_tool.api_key_env = x\n" +
                "inworld_analyzers.api_key_env_var = MY_KEY\ninworld_analyzers.key_id_env_var = _id2\ninworld_analyzers.project_kind = Client\n" +
                "inworld_analyzers.basic_auth_scope = ANY\ninworld_analyzers.token_endpoint = https://api.example/token\n" +
                "inworld_analyzers.realtime_key_patterns = *_RT_KEY; Game:Rt*\ninworld_analyzers.realtime_key_sources = a,b\n" +
                "[appsettings.Development.json]\ninworld_analyzers.scan_shipped_file = FALSE\n").RunAsync();

        /// <summary>Every boolean and enumerated option: each allowed value (any case), empty and unset pass; anything else is reported.</summary>
        public static TheoryData<string> ChoiceKeys()
        {
            var data = new TheoryData<string>();
            foreach (var definition in InworldOptions.Definitions.Where(d =>
                d.Key.StartsWith(InworldOptions.Prefix, StringComparison.Ordinal) && (d.Kind == OptionValueKind.Boolean || d.Kind == OptionValueKind.Choice)))
            {
                data.Add(definition.Key);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(ChoiceKeys))]
        public async Task Every_boolean_and_enumerated_option_is_validated(string key)
        {
            var definition = InworldOptions.Find(key)!;
            Assert.NotEmpty(definition.AllowedValues);
            var valid = string.Concat(definition.AllowedValues.Select(v => key + " = " + v.ToUpperInvariant() + "\n")) + key + " =\n" + key + " = unset\n";
            await Test("root = true\n[*]\n" + valid).RunAsync();

            var line = key + " = nope";
            await Test("root = true\n[*]\n" + line + "\n", true,
                Located(3, 1, line.Length + 1, key, Invalid("nope", definition.Expected, definition.Default))).RunAsync();
        }

        [Fact]
        public Task Scan_shipped_file_is_validated_where_it_applies_without_the_config_files()
        {
            // The value only applies to the additional file: without the config file, it is found in that file's options.
            var test = Test("root = true\n[appsettings.json]\ninworld_analyzers.scan_shipped_file = nope\n", false,
                Unlocated("inworld_analyzers.scan_shipped_file", Invalid("nope", "true or false", "true")));
            test.TestState.AdditionalFiles.Add(("/appsettings.json", "{ }"));
            return test.RunAsync();
        }

        [Fact]
        public Task A_value_found_in_a_file_and_in_the_options_is_reported_once_at_the_file()
        {
            // basic_auth_scope applies to both C# files and to the global options; project_kind comes only from MSBuild.
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/A.cs", "class A { }"));
            test.TestState.Sources.Add(("/0/B.cs", "class B { }"));
            const string Global = "is_global = true\ninworld_analyzers.basic_auth_scope = all\n";
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Global));
            test.TestState.AnalyzerConfigFiles.Add(("/obj/Generated.globalconfig",
                "is_global = true\nbuild_property.InworldProjectKind = sometimes\n[/.globalconfig]\n" + InworldOptions.ConfigFileMetadataKey + " = true\n"));
            test.TestState.AdditionalFiles.Add(("/.globalconfig", Global));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.InvalidOption).WithSpan("/.globalconfig", 2, 1, 2, 41)
                .WithArguments("inworld_analyzers.basic_auth_scope", Invalid("all", "inworld or any", "inworld")));
            test.ExpectedDiagnostics.Add(Unlocated("InworldProjectKind (MSBuild)", Invalid("sometimes", "auto, client or server", "auto")));
            return test.RunAsync();
        }

        [Fact]
        public Task Reports_bad_project_kind_scope_token_endpoint_and_MSBuild_values_from_options()
        {
            var test = new Verify.Test { TestCode = "class A { }" };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ninworld_analyzers.project_kind = mobile\ninworld_analyzers.basic_auth_scope = all\ninworld_analyzers.token_endpoint = /token\nbuild_property.InworldProjectKind = sometimes\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/obj/Generated.globalconfig", "is_global = true\n[/appsettings.json]\nbuild_metadata.AdditionalFiles.InworldScan = maybe\n"));
            test.TestState.AdditionalFiles.Add(("/appsettings.json", "{ }"));
            test.ExpectedDiagnostics.Add(Unlocated("inworld_analyzers.project_kind", Invalid("mobile", "auto, client or server", "auto")));
            test.ExpectedDiagnostics.Add(Unlocated("InworldProjectKind (MSBuild)", Invalid("sometimes", "auto, client or server", "auto")));
            test.ExpectedDiagnostics.Add(Unlocated("inworld_analyzers.basic_auth_scope", Invalid("all", "inworld or any", "inworld")));
            test.ExpectedDiagnostics.Add(Unlocated("inworld_analyzers.token_endpoint", Invalid("/token", "an absolute http(s) URL of your backend's token endpoint", "https://localhost:5001/token")));
            test.ExpectedDiagnostics.Add(Unlocated("InworldScan (MSBuild item metadata)", Invalid("maybe", "true or false", "true")));
            return test.RunAsync();
        }

        [Fact]
        public Task An_option_before_the_first_section_of_an_editorconfig_is_reported_as_ignored()
            => Test(
                "root = true\ninworld_analyzers.project_kind = client\n[*.cs]\n", true,
                Located(2, 1, 40, "inworld_analyzers.project_kind",
                    "is before the first [section] of this .editorconfig, where it applies to no file, and is ignored; put it under a section such as [*.cs], or in a global config (is_global = true)")).RunAsync();

        [Fact]
        public Task A_line_the_compiler_cannot_read_is_reported_without_its_value()
            => Test(
                "root = true\n[*.cs]\ninworld_analyzers.api key env var = MY_KEY\n", true,
                Located(3, 1, 34, "inworld_analyzers.api key env var",
                    "is not a 'key = value' line and is ignored: a key has only letters, digits, '_', '-' and '.', then '=' or ':'")).RunAsync();

        [Fact]
        public Task Reads_global_config_too()
        {
            var test = new Verify.Test { TestCode = "class A { }" };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ninworld_analyzers.secret_env_var = bad name\n"));
            test.ExpectedDiagnostics.Add(Unlocated("inworld_analyzers.secret_env_var", Invalid("bad name", VariableNameExpected, "INWORLD_SECRET")));
            return test.RunAsync();
        }

        [Fact]
        public Task A_config_file_without_the_marker_is_not_read()
        {
            // An .editorconfig a project lists for another tool is just an additional file: no line-level report.
            var test = Test("root = true\n[*.cs]\ninworld_analyzers.api_key_env = X\n", false);
            test.TestState.AdditionalFiles.Add((EditorConfigPath, "root = true\n[*.cs]\ninworld_analyzers.api_key_env = X\n"));
            return test.RunAsync();
        }

        /// <summary>Malformed config text: each variant still has one bad value, on a known line, that must be reported; nothing may throw.</summary>
        public static TheoryData<string, string, int> OddConfigFiles()
        {
            const string Bad = "inworld_analyzers.basic_auth_scope = bogus";
            var huge = new string('x', 1_000_000);
            return new TheoryData<string, string, int>
            {
                { "no sections", "is_global = true\n" + Bad + "\n", 2 },
                { "unterminated section header", "root = true\n[*.cs]\n[*.cs\n" + Bad + "\n", 4 },
                { "duplicate keys", "root = true\n[*.cs]\ninworld_analyzers.basic_auth_scope = any\n" + Bad + "\n" + Bad.Replace("bogus", "any") + "\n", 4 },
                { "unicode", "root = true\n[*.{cs,ü}]\n# ключ\ninworld_analyzers.ü = ☃\n" + Bad + " # 注释\n", 5 },
                { "huge lines", "root = true\n[*.cs]\n# " + huge + "\nkey = " + huge + "\n" + Bad + "\n[" + huge + "\n", 5 },
                { "CR and CRLF line breaks", "root = true\r[*.cs]\r\n\r\n" + Bad + "\r\n", 4 },
                { "unicode line separators", "root = true\u2028[*.cs]\u2029" + Bad + "\u0085", 3 },
                { "byte order mark, tabs, colon", "\uFEFFroot = true\n\t[*.cs]\t; c\n\t" + Bad.Replace(" = ", "\t:\t") + "\t\n", 3 },
                { "sections with brackets and escapes", "root = true\n[a]b]\n[x\\#y]\n[*.cs] # c\n" + Bad + "\n", 5 },
                { "only separators", "root = true\n[*.cs]\n=\n= = =\n:\n[]\n[\n]\n" + Bad + "\n", 9 },
                { "no trailing newline", "root = true\n[*.cs]\n" + Bad, 3 },
            };
        }

        [Theory]
        [MemberData(nameof(OddConfigFiles))]
        public async Task Malformed_config_text_never_crashes_and_still_finds_the_bad_value(string name, string text, int badLine)
        {
            var compilation = CSharpCompilation.Create("Odd", new[] { CSharpSyntaxTree.ParseText("class A { }", path: "/p/A.cs") },
                Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var files = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/p/.editorconfig", text));
            var options = new Dictionary<string, string> { [InworldOptions.ConfigFileMetadataKey] = "true" };
            var exceptions = new List<Exception>();
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InvalidOptionAnalyzer()), new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(files, new DictionaryConfigOptions.Provider(options)), (e, _, _) => { lock (exceptions) exceptions.Add(e); }, true, false))
                .GetAnalyzerDiagnosticsAsync();

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            var bad = diagnostics.Where(d => d.GetMessage().Contains("'bogus'", StringComparison.Ordinal)).ToList();
            Assert.True(bad.Count == 1, name + ": expected one report of 'bogus', got: " + string.Join(" | ", diagnostics.Select(d => d.ToString())));
            Assert.Equal(badLine, bad[0].Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.Equal("/p/.editorconfig", bad[0].Location.GetLineSpan().Path);
            Assert.All(diagnostics, d => Assert.True(d.GetMessage().Length < 400, "message too long: " + d.GetMessage().Length));
        }
    }
}
