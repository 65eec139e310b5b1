using System.Linq;
using Inworld.Analyzers.Tests.Helpers;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// inworld-scan's text pre-filter (ScanPreFilter) skips the compilations whose code cannot make a finding, before it
    /// parses them. Each layout here is scanned twice, with the pre-filter and with --full-analysis: the findings and the
    /// exit code must be the same, and the progress line says how many compilations were skipped. (Every analyzer test
    /// input also goes through the pre-filter's decision: PreFilterEquivalence.)
    /// </summary>
    public sealed class ScanPreFilterTests
    {
        [Fact]
        public void A_project_with_no_Inworld_code_is_skipped_and_the_one_with_a_key_is_still_reported()
        {
            using var tree = new ScanTree("prefilter-monorepo");
            tree.Write("Game/Game.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            tree.Write("Game/Keys.cs", Snippet.Expand("class Keys { const string Key = \"$KEY$\"; }\n"));
            tree.Write("Crypto/Crypto.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            tree.Write("Crypto/Hex.cs", "class Hex { const string Table = \"0011223344556677\" + \"8899aabbccddeeff\"; string Name(string a) => a + \"with\" + Describe(); string Describe() => \"x\"; }\n");

            var (filtered, full) = ScanBothWays(tree, 1);
            Assert.Contains("INW001", filtered);
            Assert.Contains("pre-filter: 1 compilation skipped", filtered);
        }

        [Fact]
        public void A_key_joined_from_constants_in_two_files_keeps_its_compilation()
        {
            using var tree = new ScanTree("prefilter-joined");
            tree.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            tree.Write("App/Parts.cs", Snippet.Expand("static class Parts { public static readonly string Rest = \"$KEY2$\"; }\n"));
            tree.Write("App/Client.cs", Snippet.Expand("class Client { string Key() => \"$KEY1$\" + Parts.Rest; }\n"));

            var (filtered, _) = ScanBothWays(tree, 1);
            Assert.Contains("INW001", filtered);
            Assert.Contains("pre-filter: 0 compilations skipped", filtered);
        }

        [Fact]
        public void Client_code_that_writes_an_Authorization_header_is_never_skipped()
        {
            using var tree = new ScanTree("prefilter-unity");
            tree.Write("Client/ProjectSettings/ProjectVersion.txt", "m_EditorVersion: 2022.3.10f1\n");
            tree.Write("Client/Assets/Scripts/Chat.cs",
                "using UnityEngine.Networking;\nclass Chat { void Send(UnityWebRequest request, string key) { request.SetRequestHeader(\"Authorization\", \"Basic \" + key); } }\n");
            tree.Write("Server/Server.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />\n");
            tree.Write("Server/Auth.cs", "class Auth { string Header(string token) => \"Bearer \" + token; }\n");

            var (filtered, _) = ScanBothWays(tree, null);

            // The server project is not client code: its Authorization words cannot make an INW002 finding, and it is skipped.
            Assert.Contains("pre-filter: 1 compilation skipped", filtered);
        }

        [Fact]
        public void A_globalconfig_that_makes_the_project_client_code_keeps_its_Authorization_header_analysed()
        {
            // No Inworld word anywhere: only the .globalconfig's build property says the code ships in a MAUI app.
            using var tree = new ScanTree("prefilter-globalconfig");
            tree.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            tree.Write("App/Chat.cs", "class Chat { void Send(System.Net.Http.HttpRequestMessage request, string key) { request.Headers.Add(\"Authorization\", \"Basic \" + key); } }\n");
            tree.Write("App/.globalconfig", "is_global = true\nbuild_property.UseMaui = true\n");

            var (filtered, _) = ScanBothWays(tree, null);
            Assert.Contains("pre-filter: 0 compilations skipped", filtered);
            Assert.Contains("client code writes an Authorization word", filtered);
        }

        [Fact]
        public void A_key_in_a_shipped_file_is_reported_when_no_CSharp_file_is_left_to_parse()
        {
            using var tree = new ScanTree("prefilter-shipped");
            tree.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            tree.Write("App/Program.cs", "class Program { static void Main() { System.Console.WriteLine(\"hello\"); } }\n");
            tree.Write("App/appsettings.json", Snippet.Expand("{ \"Inworld\": { \"ApiKey\": \"$KEY$\" } }\n"));

            var (filtered, _) = ScanBothWays(tree, 1);
            Assert.Contains("INW004", filtered);
            Assert.Contains("analysed 1 compilation (no C# file left to parse)", filtered);
        }

        [Fact]
        public void An_invalid_Inworld_option_is_reported_when_the_code_holds_nothing()
        {
            using var tree = new ScanTree("prefilter-options");
            tree.Write(".editorconfig", "root = true\n\n[*.cs]\ninworld_analyzers.project_kind = sometimes\n");
            tree.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            tree.Write("App/Program.cs", "class Program { static void Main() { } }\n");

            var (filtered, _) = ScanBothWays(tree, 1);
            Assert.Contains("INW900", filtered);
        }

        [Fact]
        public void Valid_Inworld_options_keep_the_pre_filter_on()
        {
            // A repository that configures the package: its clean project is still skipped, its key still reported.
            using var tree = new ScanTree("prefilter-valid-options");
            tree.Write(".editorconfig", "root = true\n\n[*.cs]\ninworld_analyzers.api_key_env_var = GAME_INWORLD_KEY\ninworld_analyzers.realtime_key_sources = RT_KEY\n");
            tree.Write("Crypto/Crypto.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            tree.Write("Crypto/Hex.cs", "class Hex { const string Table = \"0011223344556677\"; }\n");
            tree.Write("Game/Game.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            tree.Write("Game/Keys.cs", Snippet.Expand("class Keys { const string Key = \"$KEY$\"; }\n"));

            var (filtered, _) = ScanBothWays(tree, 1);
            Assert.Contains("INW001", filtered);
            Assert.Contains("pre-filter: 1 compilation skipped", filtered);
        }

        [Fact]
        public void A_per_file_client_project_kind_keeps_that_files_Authorization_header_analysed()
        {
            // No Inworld word in the code: only an .editorconfig section says these files are client code (INW002's scope).
            using var tree = new ScanTree("prefilter-per-file-kind");
            tree.Write(".editorconfig", "root = true\n\n[App/Client/**.cs]\ninworld_analyzers.project_kind = client\ninworld_analyzers.basic_auth_scope = any\n");
            tree.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            tree.Write("App/Client/Chat.cs", "class Chat { void Send(System.Net.Http.HttpRequestMessage request, string key) { request.Headers.Add(\"Authorization\", \"Basic \" + key); } }\n");

            var (filtered, _) = ScanBothWays(tree, null);
            Assert.Contains("pre-filter: 0 compilations skipped", filtered);
            Assert.Contains("client code writes an Authorization word", filtered);
        }

        /// <summary>Scans with and without the pre-filter; both must give the same findings and exit code. Returns both outputs.</summary>
        private static (string Filtered, string Full) ScanBothWays(ScanTree tree, int? exitCode)
        {
            var filtered = ScanIOTests.Scan(tree.Root, ".");
            var full = ScanIOTests.Scan(tree.Root, "--full-analysis", ".");
            Assert.Equal(full.ExitCode, filtered.ExitCode);
            if (exitCode.HasValue)
            {
                Assert.True(exitCode.Value == filtered.ExitCode, filtered.ToString());
            }

            Assert.Equal(Findings(full.StandardOutput), Findings(filtered.StandardOutput));
            Assert.DoesNotContain("pre-filter", full.Output);
            ScanIOTests.AssertNoSecret(filtered.Output);
            return (filtered.Output, full.Output);
        }

        private static string[] Findings(string standardOutput)
            => standardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).OrderBy(l => l, System.StringComparer.Ordinal).ToArray();
    }
}
