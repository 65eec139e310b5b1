using System;
using System.Collections.Generic;
using System.Linq;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// The Roslyn-free config reader must see the keys and values the compiler hands to the analyzers: otherwise
    /// INW900 would report a line the compiler reads differently, or miss one. Compared against Roslyn's own parser.
    /// </summary>
    public class ConfigFileTextTests
    {
        public static TheoryData<string> OddTexts() => new TheoryData<string>
        {
            "[*.cs]\ninworld_analyzers.a = x # comment\ninworld_analyzers.b = x;y\ninworld_analyzers.c: colon\n",
            "[*.cs]\n  Inworld_Analyzers.D =   spaced  value  \ninworld_analyzers.e =\ninworld_analyzers.f = a#b\ninworld_analyzers.g = a ; b\n",
            "[*.cs]\ninworld_analyzers.a = first\ninworld_analyzers.A = later\ninworld_analyzers.ü = u\ninworld_analyzers.l = UNSET\n",
            "[*.cs]\n[*.cs\ninworld_analyzers.i = after an unterminated header\n[x]]\ninworld_analyzers.j = not for cs\n",
            "[*.cs]\ninworld analyzers.f = g\ninworld_analyzers.x y = 1\n\u00A0inworld_analyzers.nbsp = 1\n\tinworld_analyzers.tab\t=\tv\t\n",
            "[*.cs]\r\ninworld_analyzers.crlf = 1\r\n\rinworld_analyzers.cr = 2\rinworld_analyzers.k=v=w\n",
            "[*.cs] ; comment\ninworld_analyzers.m = 1\n[a\\#b]\ninworld_analyzers.n = 2\n[*.cs]   \ninworld_analyzers.o = 3\n",
            "[*.cs]\n= novalue\n: x\n[]\ninworld_analyzers.p = =\ninworld_analyzers.q = :\ninworld_analyzers.r = [x]\n",
            "inworld_analyzers.preamble = 1\n[*.cs]\n# inworld_analyzers.commented = 1\n; inworld_analyzers.commented2 = 1\ninworld_analyzers.s-t.u_v = 1\n",
        };

        [Theory]
        [MemberData(nameof(OddTexts))]
        public void Reads_the_same_values_as_the_compiler_for_a_CSharp_file(string text)
        {
            var roslyn = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(text, "/p/.editorconfig") })
                .GetOptionsForSourcePath("/p/A.cs").AnalyzerOptions
                .Where(kv => kv.Key.StartsWith("inworld", StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key, kv => kv.Value);

            // Every section of these texts that matches A.cs is named exactly "*.cs"; the last value of a key wins.
            var ours = new Dictionary<string, string>();
            var parsed = ConfigFileText.Parse("/p/.editorconfig", text);
            Assert.False(parsed.IsGlobal);
            foreach (var line in parsed.Lines.Where(l => l.Kind == ConfigLineKind.Property && l.Section == "*.cs"))
            {
                ours[line.Key.ToLowerInvariant()] = line.Value.Equals("unset", StringComparison.OrdinalIgnoreCase) ? "unset" : line.Value;
            }

            Assert.Equal(roslyn.OrderBy(kv => kv.Key), ours.OrderBy(kv => kv.Key));
            Assert.NotEmpty(ours);
        }

        [Fact]
        public void Knows_a_global_config_by_its_name_or_its_is_global_key_as_the_compiler_does()
        {
            Assert.True(ConfigFileText.Parse("/p/.globalconfig", "a = b\n").IsGlobal);
            Assert.True(ConfigFileText.Parse("C:\\p\\.GLOBALCONFIG", "a = b\n").IsGlobal);
            Assert.True(ConfigFileText.Parse("/p/any.editorconfig", "is_global = false\n").IsGlobal);
            Assert.False(ConfigFileText.Parse("/p/.editorconfig", "root = true\n[*]\nis_global = true\n").IsGlobal);

            // The compiler agrees: a preamble option applies to every file exactly when the file is global.
            var preamble = "is_global = false\ninworld_analyzers.x = 1\n";
            var options = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(preamble, "/p/any.editorconfig") }).GetOptionsForSourcePath("/p/A.cs").AnalyzerOptions;
            Assert.True(options.ContainsKey("inworld_analyzers.x"));
        }

        [Fact]
        public void Gives_line_numbers_and_offsets_that_point_at_the_key()
        {
            var text = "root = true\r\n[*.cs]\n\n   inworld_analyzers.project_kind = client   # note\n";
            var line = ConfigFileText.Parse("/p/.editorconfig", text).Lines.Single(l => l.Key.StartsWith("inworld", StringComparison.Ordinal));
            Assert.Equal(3, line.LineNumber);
            Assert.Equal("inworld_analyzers.project_kind = client", text.Substring(line.Start, line.Length));
            Assert.Equal("inworld_analyzers.project_kind", text.Substring(line.Start, line.KeyLength));
            Assert.Equal("client", line.Value);
            Assert.Equal("*.cs", line.Section);
        }

        [Fact]
        public void An_unparsed_line_keeps_only_its_text_before_the_separator()
        {
            var line = ConfigFileText.Parse("/p/.editorconfig", "[*.cs]\ninworld_analyzers.api key = " + FakeCredentialsKey() + "\n").Lines.Single();
            Assert.Equal(ConfigLineKind.Unparsed, line.Kind);
            Assert.Equal("inworld_analyzers.api key", line.Key);
        }

        [Theory]
        [InlineData("inworld_analyzers.api_key_env", "inworld_analyzers.api_key_env_var")]
        [InlineData("inworld_analyzers.projectkind", "inworld_analyzers.project_kind")]
        [InlineData("inworld_analyzers.prjoect_kind", "inworld_analyzers.project_kind")]
        [InlineData("inworld-analyzers.basic_auth_scope", "inworld_analyzers.basic_auth_scope")]
        [InlineData("inworldanalyzers.token_endpoint", "inworld_analyzers.token_endpoint")]
        [InlineData("inworld_analyzers.scan_shipped_files", "inworld_analyzers.scan_shipped_file")]
        [InlineData("inworld_analyzers.key_id_env_vars", "inworld_analyzers.key_id_env_var")]
        [InlineData("inworld_analyzers.colour", null)]
        [InlineData("inworld_analyzers.severity", null)]
        [InlineData("inworld", null)]
        public void Suggests_the_closest_known_key_only_when_it_is_a_likely_typo(string key, string? expected)
            => Assert.Equal(expected, ConfigFileCheck.ClosestKnownKey(key));

        [Fact]
        public void Suggests_nothing_for_a_huge_key_without_quadratic_work()
        {
            var started = DateTime.UtcNow;
            Assert.Null(ConfigFileCheck.ClosestKnownKey("inworld_analyzers." + new string('a', 1_000_000)));
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1));
        }

        [Theory]
        [InlineData("", "", 0)]
        [InlineData("abc", "", 3)]
        [InlineData("kitten", "sitting", 3)]
        [InlineData("project_kind", "porject_kind", 1)]
        [InlineData("abc", "abc", 0)]
        public void Edit_distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int distance)
        {
            Assert.Equal(distance, ConfigFileCheck.EditDistance(a, b));
            Assert.Equal(distance, ConfigFileCheck.EditDistance(b, a));
        }

        [Fact]
        public void The_option_table_lists_every_option_key_the_rules_read()
        {
            // Keys other source files define must be in the table, or INW900 would call them unknown.
            var keys = InworldOptions.Definitions.Select(d => d.Key).ToList();
            Assert.Contains(Inworld.Analyzers.Rules.ShippedFileCredentialAnalyzer.ScanOptionKey, keys);
            Assert.Contains(Inworld.Analyzers.Rules.ShippedFileCredentialAnalyzer.ScanMetadataKey, keys);
            Assert.Contains(RealtimeKeyNames.PatternsKey, keys);
            Assert.Contains(RealtimeKeyNames.SourcesKey, keys);
            Assert.Contains(ProjectKinds.OptionKey, keys);
            Assert.Contains(ProjectKinds.OverrideKey, keys);
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());

            // And every inworld_analyzers.* key that appears in the product's sources is in the table.
            var root = Inworld.Analyzers.Tests.Package.DotnetCli.RepositoryRoot();
            var source = string.Join("\n", System.IO.Directory.GetFiles(System.IO.Path.Combine(root, "src"), "*.cs", System.IO.SearchOption.AllDirectories)
                .Select(System.IO.File.ReadAllText));
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(source, @"inworld_analyzers\.[a-z_]+[a-z]", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5)))
            {
                Assert.Contains(match.Value, keys);
            }
        }

        private static string FakeCredentialsKey() => Inworld.Analyzers.Tests.Helpers.FakeCredentials.Default.ApiKey;
    }
}
