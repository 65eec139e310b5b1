using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.ShippedFileCredentialAnalyzer>;

namespace Inworld.Analyzers.Tests.Rules
{
    /// <summary>INW004 through the analyzer API: additional files in, diagnostics at exact line and column out.</summary>
    public class ShippedFileCredentialAnalyzerTests
    {
        private static Verify.Test Test(string path, string text, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = "class C { }" };
            test.TestState.AdditionalFiles.Add((path, Snippet.Expand(text)));
            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        private const string ServerAdvice = "remove it and load it on a server or from the environment at run time";
        private const string BrowserAdvice = "files under wwwroot/ are downloaded by every browser: remove it and keep the credential on your backend, which calls Inworld or mints short-lived tokens for the client";
        private const string UnityAdvice = "Unity assets ship inside every build of the game: remove it and have the game get a short-lived token from your backend";

        private static DiagnosticResult At(string path, int line, int column, int length, string kind, string where, string token)
        {
            var advice = path.Contains("/wwwroot/") ? BrowserAdvice
                : path.EndsWith(".prefab") || path.EndsWith(".asset") || path.EndsWith(".unity") || path.EndsWith(".additionalfile") ? UnityAdvice
                : ServerAdvice;
            var subject = kind + (kind == "Inworld key id and secret" ? " are" : " is");
            return Verify.Diagnostic(RuleIds.ShippedFileCredential)
                .WithSpan(path, line, column, line, column + length)
                .WithArguments(subject, where, System.IO.Path.GetFileName(path), Snippet.Redacted(token), advice);
        }

        [Fact]
        public Task A_browser_downloaded_file_is_told_to_move_the_value_to_the_backend()
        {
            var test = Test("/0/wwwroot/appsettings.json", "{ \"Inworld\": { \"ApiKey\": \"$KEY$\" } }");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.ShippedFileCredential).WithSpan("/0/wwwroot/appsettings.json", 1, 27, 1, 159).WithMessage(
                "Inworld API key is stored in setting 'Inworld:ApiKey' of shipped file 'appsettings.json' (" + Snippet.Redacted("$KEY$") + "); " + BrowserAdvice));
            return test.RunAsync();
        }

        [Fact]
        public Task Reports_appsettings_key_at_its_line_and_column()
            => Test("/0/appsettings.json", "{\n  \"Inworld\": {\n    \"ApiKey\": \"$KEY$\"\n  }\n}\n",
                At("/0/appsettings.json", 3, 16, 132, "Inworld API key", "setting 'Inworld:ApiKey'", "$KEY$")).RunAsync();

        [Fact]
        public Task Reports_env_secret()
            => Test("/0/.env", "INWORLD_KEY=$ID$\nINWORLD_SECRET=$SECRET$\n",
                At("/0/.env", 1, 13, 32, "Inworld key id", "setting 'INWORLD_KEY'", "$ID$"),
                At("/0/.env", 2, 16, 64, "Inworld secret", "setting 'INWORLD_SECRET'", "$SECRET$")).RunAsync();

        [Fact]
        public Task Reports_unity_prefab_pair()
            => Test("/0/Assets/Npc.prefab", "--- !u!114 &1\nMonoBehaviour:\n  m_KeyId: $ID$\n  m_Secret: $SECRET$\n",
                At("/0/Assets/Npc.prefab", 4, 13, 64, "Inworld key id and secret", "fields 'm_KeyId' and 'm_Secret'", "$SECRET$")).RunAsync();

        [Fact]
        public Task Reports_web_config()
            => Test("/0/Web.config", "<configuration>\n<appSettings>\n<add key=\"Inworld:ApiKey\" value=\"$KEY$\" />\n</appSettings>\n</configuration>\n",
                At("/0/Web.config", 3, 34, 132, "Inworld API key", "setting 'configuration:appSettings:Inworld:ApiKey'", "$KEY$")).RunAsync();

        [Fact]
        public Task Reads_a_Unity_additionalfile_by_its_content()
            => Test("/0/Assets/InworldSettings.Inworld.Analyzers.additionalfile", "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_APIKey: $KEY$\n",
                At("/0/Assets/InworldSettings.Inworld.Analyzers.additionalfile", 4, 13, 132, "Inworld API key", "setting 'MonoBehaviour:m_APIKey'", "$KEY$")).RunAsync();

        [Fact]
        public Task Ignores_unknown_file_types()
            => Test("/0/notes.txt", "INWORLD_API_KEY=$KEY$\n").RunAsync();

        [Fact]
        public Task Reads_a_file_listed_twice_once()
        {
            var test = Test("/0/appsettings.json", "{ \"k\": \"$KEY$\" }",
                At("/0/appsettings.json", 1, 9, 132, "Inworld API key", "setting 'k'", "$KEY$"));
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", Snippet.Expand("{ \"k\": \"$KEY$\" }")));
            return test.RunAsync();
        }

        [Fact]
        public Task A_file_is_excluded_by_editorconfig()
        {
            var test = Test("/0/appsettings.Development.json", "{ \"k\": \"$KEY$\" }");
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[appsettings.Development.json]\ninworld_analyzers.scan_shipped_file = false\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task A_file_is_excluded_by_item_metadata()
        {
            var test = Test("/0/appsettings.Local.json", "{ \"k\": \"$KEY$\" }");
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n[/0/appsettings.Local.json]\nbuild_metadata.AdditionalFiles.InworldScan = false\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Severity_none_in_global_config_silences_the_rule()
        {
            var test = Test("/0/appsettings.json", "{ \"k\": \"$KEY$\" }");
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.INW004.severity = none\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task No_additional_files_means_nothing_to_do()
            => new Verify.Test { TestCode = "class C { const string S = \"appsettings.json\"; }" }.RunAsync();
    }
}
