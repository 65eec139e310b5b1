using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// inworld-scan --write-baseline / --baseline, end to end on the built tool: accepted findings stop failing
    /// the run, new ones still fail, moved ones still match, removed ones become stale entries, and the baseline
    /// file never holds any part of a key.
    /// </summary>
    [Trait("Category", "Scan")]
    public sealed class BaselineTests
    {
        private const string BaselineName = ".inworld-baseline.json";

        private static readonly FakeCredentials Leak = FakeCredentials.Default;
        private static readonly FakeCredentials Other = FakeCredentials.Other;

        private static DotnetCli.Result Scan(string workingDirectory, params string[] args)
            => DotnetCli.Run(workingDirectory, new[] { ScanToolTests.ToolPath() }.Concat(args), timeoutSeconds: 180);

        private static List<string> FindingLines(string output)
            => output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => Regex.IsMatch(l, @"^\S.*\(\d+,\d+\): (warning|error|info) INW\d{3}: ")).ToList();

        private static string ProgramSource(string key) =>
            "var key = \"" + key + "\";\nConsole.WriteLine(key.Length);\n";

        /// <summary>A small repository with four findings: INW001 in C# and in Razor, INW004 in appsettings.json and .env.</summary>
        private static ScanTree LeakyTree(string name)
        {
            var tree = new ScanTree("baseline-" + name);
            tree.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>\n");
            tree.Write("src/App/Program.cs", ProgramSource(Leak.ApiKey));
            tree.Write("src/App/appsettings.json", "{\n  \"Inworld\": {\n    \"KeyId\": \"" + Other.KeyId + "\"\n  }\n}\n");
            tree.Write("src/Web/Web.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
            tree.Write("src/Web/Pages/Chat.razor", "<h1>Chat</h1>\n\n@code {\n    private const string InworldApiKey = \"" + Other.ApiKey + "\";\n}\n");
            tree.Write(".env", "# local only\nINWORLD_SECRET=" + Leak.Secret + "\n");
            return tree;
        }

        private static DotnetCli.Result WriteBaseline(ScanTree tree, int expectedEntries)
        {
            var written = Scan(tree.Root, "--write-baseline", BaselineName, ".");
            Assert.True(written.ExitCode == 0, written.ToString());
            Assert.Contains("wrote " + expectedEntries + " baseline entries to " + BaselineName, written.Output);
            Assert.Equal(expectedEntries, Entries(File.ReadAllText(Path.Combine(tree.Root, BaselineName))).Count);
            return written;
        }

        private static List<JsonElement> Entries(string baseline)
        {
            using var document = JsonDocument.Parse(baseline);
            return document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone()).ToList();
        }

        [Fact]
        public void Write_then_apply_exits_0_and_reports_nothing()
        {
            using var tree = LeakyTree("apply");
            var before = Scan(tree.Root, ".");
            Assert.True(before.ExitCode == 1, before.ToString());
            Assert.Equal(4, FindingLines(before.Output).Count);

            // Recording reports the findings (an adoption step shows what it accepts) and exits 0.
            var written = WriteBaseline(tree, expectedEntries: 4);
            Assert.Equal(FindingLines(before.Output), FindingLines(written.Output));

            var applied = Scan(tree.Root, "--baseline", BaselineName, ".");
            Assert.True(applied.ExitCode == 0, applied.ToString());
            Assert.Empty(FindingLines(applied.Output));
            Assert.Contains("0 errors, 0 warnings, 0 notes; baseline " + BaselineName + ": 4 findings suppressed, 0 stale entries", applied.Output);
            Assert.DoesNotContain("stale baseline entry", applied.Output);

            // The same baseline from another folder (paths are relative to the baseline's folder, not to the current one).
            var parent = Path.GetDirectoryName(tree.Root)!;
            var elsewhere = Scan(parent, "--baseline", Path.Combine(tree.Root, BaselineName), tree.Root);
            Assert.True(elsewhere.ExitCode == 0, elsewhere.ToString());
            Assert.Empty(FindingLines(elsewhere.Output));
        }

        [Fact]
        public void Entry_paths_are_relative_to_the_git_work_tree_that_holds_the_baseline()
        {
            using var tree = LeakyTree("gitroot");
            Directory.CreateDirectory(Path.Combine(tree.Root, ".git"));
            Directory.CreateDirectory(Path.Combine(tree.Root, ".github"));
            var written = Scan(tree.Root, "--write-baseline", Path.Combine(".github", "inworld-baseline.json"), ".");
            Assert.True(written.ExitCode == 0, written.ToString());
            var paths = Entries(File.ReadAllText(Path.Combine(tree.Root, ".github", "inworld-baseline.json"))).Select(e => e.GetProperty("path").GetString()).ToList();
            Assert.Equal(new[] { ".env", "src/App/Program.cs", "src/App/appsettings.json", "src/Web/Pages/Chat.razor" }, paths);
        }

        [Fact]
        public void New_finding_after_the_baseline_fails_the_run()
        {
            using var tree = LeakyTree("new");
            WriteBaseline(tree, expectedEntries: 4);
            tree.Write("src/Tool/Keys.cs", "internal static class Keys\n{\n    internal const string Backup = \"" + Other.ApiKey + "\";\n}\n");

            var result = Scan(tree.Root, "--baseline", BaselineName, ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            var line = Assert.Single(FindingLines(result.Output));
            Assert.StartsWith(Path.Combine("src", "Tool", "Keys.cs") + "(3,", line, StringComparison.Ordinal);
            Assert.Contains("0 errors, 1 warning, 0 notes; baseline " + BaselineName + ": 4 findings suppressed, 0 stale entries", result.Output);
        }

        [Fact]
        public void A_second_copy_of_an_accepted_key_in_the_same_file_is_new_and_two_recorded_copies_are_two_entries()
        {
            using var tree = LeakyTree("copies");
            WriteBaseline(tree, expectedEntries: 4);
            var program = Path.Combine(tree.Root, "src", "App", "Program.cs");
            File.AppendAllText(program, "var again = \"" + Leak.ApiKey + "\";\nConsole.WriteLine(again.Length);\n");

            var result = Scan(tree.Root, "--baseline", BaselineName, ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            var line = Assert.Single(FindingLines(result.Output));
            Assert.StartsWith(Path.Combine("src", "App", "Program.cs") + "(3,", line, StringComparison.Ordinal);

            // Recorded again, both copies are accepted: one entry each.
            File.Delete(Path.Combine(tree.Root, BaselineName));
            WriteBaseline(tree, expectedEntries: 5);
            var applied = Scan(tree.Root, "--baseline", BaselineName, ".");
            Assert.True(applied.ExitCode == 0, applied.ToString());
            Assert.Contains("5 findings suppressed, 0 stale entries", applied.Output);

            // Remove one copy: the other stays accepted and exactly one entry is stale.
            File.WriteAllText(program, ProgramSource(Leak.ApiKey));
            var oneLeft = Scan(tree.Root, "--baseline", BaselineName, ".");
            Assert.True(oneLeft.ExitCode == 0, oneLeft.ToString());
            Assert.Contains("4 findings suppressed, 1 stale entry", oneLeft.Output);
        }

        [Fact]
        public void Finding_moved_to_another_line_or_with_its_line_edited_still_matches()
        {
            using var tree = LeakyTree("moved");
            WriteBaseline(tree, expectedEntries: 4);
            tree.Write("src/App/Program.cs", "// Configuration comes first.\n\nConsole.WriteLine(\"starting\");\n\n" + ProgramSource(Leak.ApiKey));
            tree.Write(".env", "# local only\nINWORLD_REGION=us\n\n# the secret\n  INWORLD_SECRET = " + Leak.Secret + "\n");
            tree.Write("src/Web/Pages/Chat.razor", "<h1>Chat</h1>\n<p>Talk to the character.</p>\n\n@code {\n    private const string InworldApiKey = \"" + Other.ApiKey + "\";\n}\n");

            var moved = Scan(tree.Root, "--baseline", BaselineName, ".");
            Assert.True(moved.ExitCode == 0, moved.ToString());
            Assert.Empty(FindingLines(moved.Output));
            Assert.Contains("4 findings suppressed, 0 stale entries", moved.Output);

            // The line itself edited around the same key (a renamed local): still the accepted key in the same file.
            tree.Write("src/App/Program.cs", "var inworldKey = \"" + Leak.ApiKey + "\";\nConsole.WriteLine(inworldKey.Length);\n");
            var edited = Scan(tree.Root, "--baseline", BaselineName, ".");
            Assert.True(edited.ExitCode == 0, edited.ToString());
            Assert.Contains("4 findings suppressed, 0 stale entries", edited.Output);

            // A different key on the recorded line is not the accepted one.
            tree.Write("src/App/Program.cs", ProgramSource(Other.ApiKey));
            var replaced = Scan(tree.Root, "--baseline", BaselineName, ".");
            Assert.True(replaced.ExitCode == 1, replaced.ToString());
            Assert.StartsWith(Path.Combine("src", "App", "Program.cs") + "(1,", Assert.Single(FindingLines(replaced.Output)), StringComparison.Ordinal);
            Assert.Contains("stale baseline entry: INW001 in src/App/Program.cs (line 1 when recorded)", replaced.Output);
        }

        [Fact]
        public void A_config_file_finding_is_told_apart_by_its_message()
        {
            // Compiler findings about .editorconfig are reported at column 1 with no span: the message (which names
            // the rule and the severity written) identifies them, so fixing one and mistyping another is not hidden.
            using var tree = new ScanTree("baseline-config");
            tree.Write(".editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.INW004.severity = loud\n");
            tree.Write("appsettings.json", "{ }\n");
            var written = Scan(tree.Root, "--write-baseline", BaselineName, ".");
            Assert.True(written.ExitCode == 0, written.ToString());
            Assert.Contains("wrote 1 baseline entry to " + BaselineName, written.Output);

            var applied = Scan(tree.Root, "--baseline", BaselineName, ".");
            Assert.True(applied.ExitCode == 0, applied.ToString());
            Assert.DoesNotContain("InvalidSeverityInAnalyzerConfig", applied.StandardOutput);
            Assert.Contains("1 finding suppressed, 0 stale entries", applied.Output);

            tree.Write(".editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.INW004.severity = louder\n");
            var changed = Scan(tree.Root, "--baseline", BaselineName, ".");
            Assert.True(changed.ExitCode == 1, changed.ToString());
            Assert.Contains(".editorconfig(4,1): warning InvalidSeverityInAnalyzerConfig: The diagnostic 'inw004' was given an invalid severity 'louder'", changed.StandardOutput);
            Assert.Contains("0 findings suppressed, 1 stale entry", changed.Output);
        }

        [Fact]
        public void Removed_finding_is_a_stale_entry_reported_without_failing_the_run()
        {
            using var tree = LeakyTree("stale");
            WriteBaseline(tree, expectedEntries: 4);
            tree.Write(".env", "# local only\nINWORLD_SECRET=\n");

            var report = Path.Combine(tree.Root, "report.txt");
            var result = Scan(tree.Root, "--baseline", BaselineName, "--output", report, ".");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("inworld-scan: note: stale baseline entry: INW004 in .env (line 2 when recorded) no longer matches a finding; rewrite " + BaselineName + " with --write-baseline to drop it", result.Output);
            Assert.Contains("3 findings suppressed, 1 stale entry", result.Output);
            var text = File.ReadAllText(report);
            Assert.Empty(FindingLines(text));
            Assert.Contains("inworld-scan : note: 3 findings suppressed by baseline " + BaselineName, text);
            Assert.Contains("inworld-scan : note: stale baseline entry: INW004 in .env", text);

            // Stale entries are shown even with --quiet (like notes about unread files).
            var quiet = Scan(tree.Root, "--quiet", "--baseline", BaselineName, ".");
            Assert.True(quiet.ExitCode == 0, quiet.ToString());
            Assert.Contains("stale baseline entry: INW004 in .env", quiet.Output);

            // Rewriting the baseline drops the stale entry and keeps the others byte for byte (same key, same order).
            var before = File.ReadAllLines(Path.Combine(tree.Root, BaselineName));
            WriteBaseline(tree, expectedEntries: 3);
            var after = File.ReadAllLines(Path.Combine(tree.Root, BaselineName));
            var removed = Assert.Single(before.Except(after));
            Assert.Contains("\"path\": \".env\"", removed);
            Assert.Empty(after.Except(before));
        }

        [Fact]
        public void Baseline_file_contains_no_part_of_any_key()
        {
            using var tree = LeakyTree("secret");
            WriteBaseline(tree, expectedEntries: 4);
            var baseline = File.ReadAllText(Path.Combine(tree.Root, BaselineName));

            // What a reader could recover from the file: its text, and every token in it decoded as Base64 or as hex.
            var readable = new List<string> { baseline };
            foreach (Match token in Regex.Matches(baseline, "[A-Za-z0-9+/=_-]{8,}"))
            {
                readable.Add(TryBase64(token.Value));
                readable.Add(TryBase64(token.Value.Replace('-', '+').Replace('_', '/')));
                readable.Add(TryHex(token.Value));
            }

            foreach (var credentials in new[] { Leak, Other })
            {
                foreach (var value in new[] { credentials.ApiKey, credentials.KeyId, credentials.Secret, credentials.RawPair, credentials.UrlSafeApiKey })
                {
                    var halves = new[] { value.Substring(0, value.Length / 2), value.Substring(value.Length / 2) };
                    var pieces = halves.Concat(Enumerable.Range(0, value.Length - 11).Select(i => value.Substring(i, 12)));
                    foreach (var piece in pieces)
                    {
                        Assert.DoesNotContain(readable, text => text.Contains(piece, StringComparison.Ordinal));
                    }
                }
            }

            // Only digests, the rule, the path and a line number per entry.
            foreach (var entry in Entries(baseline))
            {
                Assert.Equal(new[] { "rule", "path", "line", "valueHash", "contextHash" }, entry.EnumerateObject().Select(p => p.Name));
                Assert.Matches("^[0-9a-f]{64}$", entry.GetProperty("valueHash").GetString());
                Assert.Matches("^[0-9a-f]{64}$", entry.GetProperty("contextHash").GetString());
            }

            // The same finding in two repositories gets different digests: each baseline has its own random key.
            using var twin = LeakyTree("secret-twin");
            WriteBaseline(twin, expectedEntries: 4);
            var digests = Entries(baseline).Select(e => e.GetProperty("valueHash").GetString()).ToList();
            Assert.Empty(digests.Intersect(Entries(File.ReadAllText(Path.Combine(twin.Root, BaselineName))).Select(e => e.GetProperty("valueHash").GetString())));
        }

        private static string TryBase64(string token)
        {
            try
            {
                var padded = token.TrimEnd('=');
                padded += new string('=', (4 - padded.Length % 4) % 4);
                return Encoding.Latin1.GetString(Convert.FromBase64String(padded));
            }
            catch (FormatException)
            {
                return string.Empty;
            }
        }

        private static string TryHex(string token)
        {
            if (token.Length % 2 != 0 || !Regex.IsMatch(token, "^[0-9a-fA-F]+$"))
            {
                return string.Empty;
            }

            return Encoding.Latin1.GetString(Convert.FromHexString(token));
        }

        [Theory]
        [InlineData("not-json", "{ \"version\": 1,", "is not a valid inworld-scan baseline")]
        [InlineData("array", "[]", "expected a JSON object")]
        [InlineData("no-version", "{ \"hashAlgorithm\": \"HMAC-SHA256\", \"hmacKey\": \"AAAAAAAAAAAAAAAAAAAAAA==\", \"entries\": [] }", "no \"version\" number")]
        [InlineData("future-version", "{ \"version\": 2, \"hashAlgorithm\": \"HMAC-SHA256\", \"hmacKey\": \"AAAAAAAAAAAAAAAAAAAAAA==\", \"entries\": [] }", "version 2 is not supported")]
        [InlineData("other-hash", "{ \"version\": 1, \"hashAlgorithm\": \"SHA1\", \"hmacKey\": \"AAAAAAAAAAAAAAAAAAAAAA==\", \"entries\": [] }", "\"hashAlgorithm\" must be \"HMAC-SHA256\"")]
        [InlineData("short-key", "{ \"version\": 1, \"hashAlgorithm\": \"HMAC-SHA256\", \"hmacKey\": \"AAAA\", \"entries\": [] }", "\"hmacKey\" must be Base64")]
        [InlineData("no-entries", "{ \"version\": 1, \"hashAlgorithm\": \"HMAC-SHA256\", \"hmacKey\": \"AAAAAAAAAAAAAAAAAAAAAA==\" }", "no \"entries\" array")]
        [InlineData("bad-digest", "{ \"version\": 1, \"hashAlgorithm\": \"HMAC-SHA256\", \"hmacKey\": \"AAAAAAAAAAAAAAAAAAAAAA==\", \"entries\": [ { \"rule\": \"INW001\", \"path\": \"a.cs\", \"line\": 1, \"valueHash\": \"abc\", \"contextHash\": \"abc\" } ] }", "entry 0: \"valueHash\" must be 64 lowercase hex digits")]
        [InlineData("no-rule", "{ \"version\": 1, \"hashAlgorithm\": \"HMAC-SHA256\", \"hmacKey\": \"AAAAAAAAAAAAAAAAAAAAAA==\", \"entries\": [ { \"path\": \"a.cs\" } ] }", "entry 0: no \"rule\"")]
        public void Malformed_baseline_exits_2_before_scanning(string name, string content, string message)
        {
            using var tree = LeakyTree("malformed-" + name);
            var baseline = tree.Write("broken-baseline.json", content);
            var result = Scan(tree.Root, "--baseline", baseline, ".");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("inworld-scan: baseline " + baseline + " is not a valid inworld-scan baseline", result.Output);
            Assert.Contains(message, result.Output);
            Assert.DoesNotContain("scanning", result.Output);
            Assert.Empty(FindingLines(result.Output));
        }

        [Fact]
        public void Missing_baseline_and_baseline_flags_without_a_file_exit_2()
        {
            using var tree = LeakyTree("missing");
            var missing = Scan(tree.Root, "--baseline", "no-such-baseline.json", ".");
            Assert.True(missing.ExitCode == 2, missing.ToString());
            Assert.Contains("inworld-scan: cannot read baseline no-such-baseline.json", missing.Output);

            var noValue = Scan(tree.Root, "--baseline");
            Assert.True(noValue.ExitCode == 2, noValue.ToString());
            Assert.Contains("--baseline expects a baseline file", noValue.Output);

            var noTarget = Scan(tree.Root, "--write-baseline");
            Assert.True(noTarget.ExitCode == 2, noTarget.ToString());
            Assert.Contains("--write-baseline expects a file path", noTarget.Output);

            var noFolder = Scan(tree.Root, "--write-baseline", Path.Combine("no-such-folder", "baseline.json"), ".");
            Assert.True(noFolder.ExitCode == 2, noFolder.ToString());
            Assert.Contains("cannot write baseline", noFolder.Output);
            Assert.DoesNotContain("scanning", noFolder.Output);
        }

        [Fact]
        public void Write_baseline_does_not_overwrite_a_file_that_is_not_a_baseline()
        {
            using var tree = LeakyTree("overwrite");
            var notes = tree.Write("notes.json", "{ \"todo\": \"rotate keys\" }\n");
            var result = Scan(tree.Root, "--write-baseline", notes, ".");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("does not overwrite a file that is not a baseline", result.Output);
            Assert.Equal("{ \"todo\": \"rotate keys\" }\n", File.ReadAllText(notes));
        }

        [Fact]
        public void Write_baseline_with_an_unreadable_file_exits_2_and_writes_nothing()
        {
            using var tree = LeakyTree("unreadable");
            tree.DanglingLink("src/App/Broken.cs");
            var result = Scan(tree.Root, "--write-baseline", BaselineName, ".");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("baseline not written: the scan did not read every file in full", result.Output);
            Assert.False(File.Exists(Path.Combine(tree.Root, BaselineName)));
        }

        [Fact]
        public void Sarif_marks_baselined_new_and_stale_results_and_validates_against_the_schema()
        {
            using var tree = LeakyTree("sarif");
            WriteBaseline(tree, expectedEntries: 4);
            tree.Write(".env", "# local only\n");
            tree.Write("src/Tool/Keys.cs", "internal static class Keys\n{\n    internal const string Backup = \"" + Other.ApiKey + "\";\n}\n");

            var sarifPath = Path.Combine(tree.Root, "scan.sarif");
            var result = Scan(tree.Root, "--format", "sarif", "--output", sarifPath, "--baseline", BaselineName, ".");
            Assert.True(result.ExitCode == 1, result.ToString());
            var text = File.ReadAllText(sarifPath);
            Assert.Empty(SarifSchema.Validate(text));
            Assert.DoesNotContain(Leak.ApiKey.Substring(0, 12), text);
            Assert.DoesNotContain(Other.ApiKey.Substring(0, 12), text);

            using var document = JsonDocument.Parse(text);
            var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            string UriOf(JsonElement r) => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.All(results, r => Assert.True(r.TryGetProperty("baselineState", out _), r.ToString()));

            var unchanged = results.Where(r => r.GetProperty("baselineState").GetString() == "unchanged").ToList();
            Assert.Equal(new[] { "src/App/Program.cs", "src/App/appsettings.json", "src/Web/Pages/Chat.razor" }, unchanged.Select(UriOf).OrderBy(u => u, StringComparer.Ordinal));
            foreach (var item in unchanged)
            {
                var suppression = Assert.Single(item.GetProperty("suppressions").EnumerateArray());
                Assert.Equal("external", suppression.GetProperty("kind").GetString());
                Assert.Equal("accepted", suppression.GetProperty("status").GetString());
                Assert.Contains(BaselineName, suppression.GetProperty("justification").GetString());
                Assert.Contains(item.GetProperty("level").GetString(), new[] { "warning", "error" });
            }

            var added = Assert.Single(results, r => r.GetProperty("baselineState").GetString() == "new");
            Assert.Equal("src/Tool/Keys.cs", UriOf(added));
            Assert.False(added.TryGetProperty("suppressions", out _));
            Assert.Equal("warning", added.GetProperty("level").GetString());

            var absent = Assert.Single(results, r => r.GetProperty("baselineState").GetString() == "absent");
            Assert.Equal(".env", UriOf(absent));
            Assert.Equal("INW004", absent.GetProperty("ruleId").GetString());
            Assert.Equal("informational", absent.GetProperty("kind").GetString());
            Assert.Equal("none", absent.GetProperty("level").GetString());
            Assert.Equal(2, absent.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Contains("Stale baseline entry", absent.GetProperty("message").GetProperty("text").GetString());
            Assert.Equal("external", Assert.Single(absent.GetProperty("suppressions").EnumerateArray()).GetProperty("kind").GetString());

            // Without --baseline, SARIF has no baseline properties (as before).
            var plain = Scan(tree.Root, "--quiet", "--format", "sarif", ".");
            Assert.Empty(SarifSchema.Validate(plain.StandardOutput));
            Assert.DoesNotContain("baselineState", plain.StandardOutput);
            Assert.DoesNotContain("suppressions", plain.StandardOutput);
        }

        [Fact]
        public void Help_documents_the_baseline_flags_and_exit_code()
        {
            var help = Scan(Path.GetTempPath(), "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains("--write-baseline FILE", help.Output);
            Assert.Contains("and exit 0 once it is written", help.Output);
            Assert.Contains("--baseline FILE", help.Output);
        }
    }
}
