using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>A throw-away folder tree for one scanner test, deleted afterwards.</summary>
    internal sealed class ScanTree : IDisposable
    {
        public ScanTree(string name)
        {
            Root = Path.Combine(Path.GetTempPath(), "inworld-scan-io-" + name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public string Write(string relative, string content) => WriteBytes(relative, Encoding.UTF8.GetBytes(content));

        public string WriteBytes(string relative, byte[] content)
        {
            var path = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            return path;
        }

        /// <summary>A symlink at <paramref name="relative"/> to a file that does not exist: it cannot be read, even by root.</summary>
        public string DanglingLink(string relative)
        {
            var path = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.CreateSymbolicLink(path, Path.Combine(Root, "no-such-target-" + Guid.NewGuid().ToString("N")));
            return path;
        }

        public string FolderLink(string relative, string target)
        {
            var path = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Directory.CreateSymbolicLink(path, target);
            return path;
        }

        /// <summary>A Unity asset in binary serialization: a type header, then each string as a 4-byte length and its UTF-8 bytes.</summary>
        public static byte[] BinaryUnityAsset(params string[] strings)
        {
            using var bytes = new MemoryStream();
            bytes.Write(new byte[] { 0, 0, 0, 0, 0, 0, 0x0C, 0x8C, 0, 0, 0, 0x16, 0, 0, 0, 0 });
            bytes.Write(Encoding.ASCII.GetBytes("2022.3.10f1\0"));
            bytes.Write(new byte[64]);
            foreach (var value in strings)
            {
                bytes.Write(BitConverter.GetBytes(value.Length));
                bytes.Write(Encoding.UTF8.GetBytes(value));
                bytes.Write(new byte[(4 - value.Length % 4) % 4]);
            }

            bytes.Write(new byte[] { 0xFF, 0xFE, 0x01, 0x00, 0x00, 0x80 });
            return bytes.ToArray();
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// inworld-scan never skips a file silently: a file it cannot read fails the run (exit 2) in every output
    /// mode and is named on standard error and in SARIF; binary files, symlinked folders and config mistakes
    /// are handled as the README says.
    /// </summary>
    [Trait("Category", "Scan")]
    public sealed class ScanIOTests
    {
        private static readonly FakeCredentials Leak = FakeCredentials.Default;

        internal static DotnetCli.Result Scan(string workingDirectory, params string[] args)
            => DotnetCli.Run(workingDirectory, new[] { ScanToolTests.ToolPath() }.Concat(args), timeoutSeconds: 180);

        /// <summary>runs[0].invocations[0] of a SARIF log that must be valid against the SARIF 2.1.0 schema.</summary>
        internal static JsonElement Invocation(string sarif, out JsonDocument document)
        {
            Assert.Empty(SarifSchema.Validate(sarif));
            document = JsonDocument.Parse(sarif);
            var run = Assert.Single(document.RootElement.GetProperty("runs").EnumerateArray());
            return Assert.Single(run.GetProperty("invocations").EnumerateArray());
        }

        internal static void AssertNoSecret(string text)
        {
            foreach (var credentials in new[] { FakeCredentials.Default, FakeCredentials.Other })
            {
                Assert.DoesNotContain(credentials.ApiKey.Substring(0, 12), text);
                Assert.DoesNotContain(credentials.Secret.Substring(0, 12), text);
                Assert.DoesNotContain(credentials.KeyId.Substring(0, 12), text);
            }
        }

        [Theory]
        [InlineData("text")]
        [InlineData("text --quiet")]
        [InlineData("text --quiet --severity-threshold none")]
        [InlineData("text --output report.txt --quiet")]
        [InlineData("sarif --output report.sarif")]
        [InlineData("sarif --quiet")]
        public void An_unreadable_file_fails_the_run_with_exit_2_and_is_named_in_every_output_mode(string mode)
        {
            using var tree = new ScanTree("unreadable");
            tree.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            tree.Write("App/Program.cs", "System.Console.WriteLine(\"hi\");\n");
            tree.DanglingLink("App/appsettings.Production.json");

            var words = mode.Split(' ');
            var args = new List<string> { "--format", words[0] };
            args.AddRange(words.Skip(1));
            args.Add(".");
            var result = Scan(tree.Root, args.ToArray());

            Assert.True(result.ExitCode == 2, result.ToString());
            var expected = Path.Combine("App", "appsettings.Production.json") + ": not scanned: cannot read it";
            Assert.Contains("inworld-scan: error: " + expected, result.Output);
            Assert.DoesNotContain(expected, result.StandardOutput);

            if (words[0] == "sarif")
            {
                var sarif = args.Contains("--output") ? File.ReadAllText(Path.Combine(tree.Root, "report.sarif")) : result.StandardOutput;
                var invocation = Invocation(sarif, out var document);
                using (document)
                {
                    Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
                    var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
                    Assert.Equal("error", notification.GetProperty("level").GetString());
                    Assert.StartsWith("not scanned: cannot read it", notification.GetProperty("message").GetProperty("text").GetString());
                    var artifact = Assert.Single(notification.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation").GetProperty("artifactLocation");
                    Assert.Equal("App/appsettings.Production.json", artifact.GetProperty("uri").GetString());
                    Assert.Equal("SRCROOT", artifact.GetProperty("uriBaseId").GetString());
                }
            }
        }

        [Theory]
        [InlineData(".gitignore", "cannot read it, so what it ignores is scanned")]
        [InlineData(".editorconfig", "not scanned: cannot read it")]
        [InlineData("App/App.csproj", "not scanned: cannot read it")]
        [InlineData("App/Program.cs", "not scanned: cannot read it")]
        public void An_unreadable_gitignore_editorconfig_project_or_source_file_fails_the_run(string relative, string message)
        {
            using var tree = new ScanTree("unreadable-config");
            tree.Write("App/appsettings.json", "{ }\n");
            tree.DanglingLink(relative);
            var result = Scan(tree.Root, "--quiet", ".");

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("inworld-scan: error: " + relative.Replace('/', Path.DirectorySeparatorChar) + ": " + message, result.Output);
        }

        [Fact]
        public void A_file_argument_of_a_kind_the_scanner_does_not_read_is_an_error()
        {
            using var tree = new ScanTree("argument");
            tree.Write("notes.txt", "INWORLD_API_KEY=" + Leak.ApiKey + "\n");
            var result = Scan(tree.Root, "notes.txt");

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("notes.txt: not scanned: inworld-scan reads .cs, .razor and .cshtml files, settings files", result.Output);
        }

        [Fact]
        public void Findings_are_still_reported_when_another_file_cannot_be_read()
        {
            using var tree = new ScanTree("partial");
            tree.Write(".env", "INWORLD_API_KEY=" + Leak.ApiKey + "\n");
            tree.DanglingLink("Broken.cs");
            var result = Scan(tree.Root, "--format", "sarif", ".");

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("inworld-scan: error: Broken.cs: not scanned", result.Output);
            var invocation = Invocation(result.StandardOutput, out var document);
            using (document)
            {
                Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
                var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
                Assert.Equal("INW004", Assert.Single(results).GetProperty("ruleId").GetString());
            }

            AssertNoSecret(result.Output);
        }

        [Fact]
        public void A_clean_run_says_execution_was_successful_with_no_notifications()
        {
            using var tree = new ScanTree("clean");
            tree.Write("appsettings.json", "{ \"Inworld\": { \"ApiKey\": \"YOUR_API_KEY\" } }\n");
            var result = Scan(tree.Root, "--format", "sarif", "--quiet", ".");

            Assert.True(result.ExitCode == 0, result.ToString());
            var invocation = Invocation(result.StandardOutput, out var document);
            using (document)
            {
                Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
                Assert.Empty(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
            }
        }

        [Fact]
        public void A_file_larger_than_the_scanner_reads_is_named_and_fails_the_run()
        {
            using var tree = new ScanTree("huge");
            var path = Path.Combine(tree.Root, "Assets", "Huge.asset");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(path, FileMode.CreateNew))
            {
                // Sparse on Linux: 257 MiB on paper, no disk blocks, created at once.
                stream.SetLength(257L * 1024 * 1024);
            }

            var result = Scan(tree.Root, "--quiet", ".");

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("error: " + Path.Combine("Assets", "Huge.asset") + ": not scanned: 269,484,032 bytes is more than the 256 MiB inworld-scan reads from one file", result.Output);
        }

        [Fact]
        public void A_binary_Unity_asset_is_scanned_for_its_printable_text_with_a_note()
        {
            using var tree = new ScanTree("binary");
            tree.WriteBytes("Assets/Resources/InworldSettings.asset", ScanTree.BinaryUnityAsset("InworldSettings", Leak.ApiKey, "workspaces/demo"));
            var result = Scan(tree.Root, "--format", "sarif", ".");

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("inworld-scan: note: " + Path.Combine("Assets", "Resources", "InworldSettings.asset") + ": binary file (NUL bytes): scanned its printable text", result.Output);
            var invocation = Invocation(result.StandardOutput, out var document);
            using (document)
            {
                Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
                var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
                Assert.Equal("note", notification.GetProperty("level").GetString());
                var finding = Assert.Single(document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
                Assert.Equal("INW004", finding.GetProperty("ruleId").GetString());
            }

            AssertNoSecret(result.Output);
        }

        [Fact]
        public void A_settings_file_saved_as_UTF16_without_a_byte_order_mark_is_read_as_text()
        {
            using var tree = new ScanTree("utf16");
            tree.WriteBytes("appsettings.json", Encoding.Unicode.GetBytes("{\n  \"Inworld\": {\n    \"KeyId\": \"" + Leak.KeyId + "\"\n  }\n}\n"));
            var result = Scan(tree.Root, ".");

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("appsettings.json(3,15): warning INW004: Inworld key id is stored in setting 'Inworld:KeyId'", result.Output);
            Assert.DoesNotContain("binary", result.Output);
        }

        [Fact]
        public void Symlink_loops_end_and_each_real_folder_is_scanned_once()
        {
            using var outside = new ScanTree("loop-target");
            outside.Write("Shared/Keys.asset", ScanFixtures.UnityHeader + "  m_APIKey: " + Leak.ApiKey + "\n");
            outside.FolderLink("Shared/Again", Path.Combine(outside.Root, "Shared"));
            using var tree = new ScanTree("loop");
            tree.FolderLink("Assets/Shared", Path.Combine(outside.Root, "Shared"));
            tree.FolderLink("Assets/SharedTwice", Path.Combine(outside.Root, "Shared"));
            tree.FolderLink("Assets/Up", tree.Root);

            var result = Scan(tree.Root, ".");

            Assert.True(result.ExitCode == 1, result.ToString());
            var findings = result.StandardOutput.Split('\n').Where(l => l.Contains("INW004")).ToList();
            Assert.Single(findings);
            Assert.StartsWith(Path.Combine("Assets", "Shared", "Keys.asset") + "(7,13): warning INW004", findings[0]);
            Assert.Contains("following symlinked folder " + Path.Combine("Assets", "Shared"), result.Output);
            Assert.Contains("not following symlinked folder " + Path.Combine("Assets", "SharedTwice"), result.Output);
            Assert.Contains("not following symlinked folder " + Path.Combine("Assets", "Up") + " -> " + tree.Root + ": its target is inside the scanned folder", result.Output);
        }

        [Fact]
        public void An_invalid_severity_is_reported_as_the_compiler_reports_it_at_its_line_and_fails_the_scan()
        {
            using var tree = new ScanTree("severity");
            var config = tree.Write(".editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.INW004.severity = loud\n");
            tree.Write("appsettings.json", "{ }\n");

            var result = Scan(tree.Root, ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains(
                ".editorconfig(4,1): warning InvalidSeverityInAnalyzerConfig: The diagnostic 'inw004' was given an invalid severity 'loud' in the analyzer config file at '" + config + "'.",
                result.StandardOutput);

            // A warning like any other: below an error threshold it does not fail the run.
            var errorsOnly = Scan(tree.Root, "--severity-threshold", "error", ".");
            Assert.True(errorsOnly.ExitCode == 0, errorsOnly.ToString());

            var sarif = Scan(tree.Root, "--format", "sarif", ".");
            Assert.True(sarif.ExitCode == 1, sarif.ToString());
            Assert.True(Invocation(sarif.StandardOutput, out var document).GetProperty("executionSuccessful").GetBoolean());
            using (document)
            {
                var run = document.RootElement.GetProperty("runs")[0];
                var finding = Assert.Single(run.GetProperty("results").EnumerateArray());
                Assert.Equal("InvalidSeverityInAnalyzerConfig", finding.GetProperty("ruleId").GetString());
                var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[finding.GetProperty("ruleIndex").GetInt32()];
                Assert.Equal("InvalidSeverityInAnalyzerConfig", rule.GetProperty("id").GetString());
            }
        }

        [Fact]
        public void The_summary_counts_in_words_and_does_not_claim_a_compilation_without_CSharp_files()
        {
            using var tree = new ScanTree("wording");
            tree.Write("appsettings.json", "{ }\n");
            var one = Scan(tree.Root, ".");
            Assert.True(one.ExitCode == 0, one.ToString());
            Assert.Contains("inworld-scan: scanning 1 file in .", one.Output);
            Assert.Contains("inworld-scan: read 1 settings file or asset (no C# files) in ", one.Output);
            Assert.Contains(": 0 errors, 0 warnings, 0 notes", one.Output);
            Assert.DoesNotMatch(@"(?<![\d.])1 files(?!/s)", one.Output);
            Assert.DoesNotContain("compilation", one.Output);

            tree.Write("A.cs", "class A { }\n");
            tree.Write("B.cs", "class B { }\n");
            var three = Scan(tree.Root, "--full-analysis", ".");
            Assert.Contains("inworld-scan: scanning 3 files in .", three.Output);
            Assert.Contains("inworld-scan: parsed 2 C# files in ", three.Output);
            Assert.Contains("inworld-scan: analysed 1 compilation and 1 settings file or asset in ", three.Output);

            // The pre-filter finds nothing in A and B that could make a finding: their compilation is not even parsed.
            var filtered = Scan(tree.Root, ".");
            Assert.Contains("inworld-scan: read 2 C# files in ", filtered.Output);
            Assert.Contains("pre-filter: 1 compilation skipped (no code that can make a finding), 0 C# files left to parse", filtered.Output);
            Assert.Contains("inworld-scan: analysed 0 compilations (no C# file left to parse) and 1 settings file or asset in ", filtered.Output);
        }

        [Fact]
        public void Help_says_which_problems_fail_the_run()
        {
            var help = Scan(Path.GetTempPath(), "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains("INW900", help.Output);
            Assert.Contains("or a file or folder that could not be read in full", help.Output);
        }
    }
}
