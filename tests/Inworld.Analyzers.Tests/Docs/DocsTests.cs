using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.Docs
{
    /// <summary>
    /// The docs that restate the code (README rules and options tables, the CI gate's rule list, rule page
    /// headers) must say what the code says. A difference fails with the command that regenerates them; with
    /// INWORLD_UPDATE_DOCS=1 the tests rewrite the files instead.
    /// </summary>
    public sealed class DocsTests
    {
        public static TheoryData<string> GeneratedFiles()
        {
            var data = new TheoryData<string>();
            foreach (var file in DocsGenerator.Generate(DotnetCli.RepositoryRoot()))
            {
                data.Add(file.RelativePath);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(GeneratedFiles))]
        public void Generated_docs_match_the_code(string relativePath)
        {
            var root = DotnetCli.RepositoryRoot();
            var file = DocsGenerator.Generate(root).Single(f => f.RelativePath == relativePath);
            if (file.IsCurrent)
            {
                return;
            }

            if (Environment.GetEnvironmentVariable(DocsGenerator.UpdateVariable) == "1")
            {
                // Written beside and renamed over, so that tests reading the file at the same time never see it half-written.
                var target = Path.Combine(root, relativePath);
                File.WriteAllText(target + ".generated", file.Expected);
                File.Move(target + ".generated", target, overwrite: true);
                return;
            }

            Assert.Fail(relativePath + " differs from what the code says (first difference below). Do not edit the generated block by hand: " +
                "change the code (Descriptors, CodeFixTitles, InworldOptions.Definitions), then run\n  " + DocsGenerator.RegenerateCommand + "\n" +
                FirstDifference(file.Committed, file.Expected));
        }

        [Fact]
        public void Every_rule_the_analyzers_report_has_a_descriptor_and_every_descriptor_is_reported()
        {
            Assert.Equal(DocsGenerator.AllDescriptors().Select(d => d.Id), DocsGenerator.ReportedRuleIds());
        }

        [Fact]
        public void The_ci_gate_lists_every_rule_id_and_nothing_else()
        {
            var targets = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), DocsGenerator.TargetsPath));
            var ids = DocsGenerator.AllDescriptors().Select(d => d.Id).ToArray();
            Assert.Contains("INW900", ids);
            Assert.Equal(ids, DocsGenerator.GateRuleIds(targets).OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public void Every_rule_a_code_fix_fixes_has_a_documented_title_and_no_title_is_for_a_rule_without_a_fix()
        {
            var fixable = DocsGenerator.FixableRuleIds();
            Assert.NotEmpty(fixable);
            Assert.Equal(fixable, CodeFixTitles.Documented.Select(t => t.RuleId).Distinct().OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public void Every_option_is_documented_and_in_the_readme_options_table()
        {
            var readme = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), DocsGenerator.ReadmePath));
            var table = Block(readme, "options");
            Assert.NotEmpty(InworldOptions.Definitions);
            foreach (var option in InworldOptions.Definitions)
            {
                Assert.False(string.IsNullOrWhiteSpace(option.Documentation), option.Key + " has no documentation text in InworldOptions.Definitions");
                var name = option.Key.Substring(option.Key.LastIndexOf('.') + 1);
                Assert.True(table.Contains("`" + (option.Key.StartsWith(InworldOptions.Prefix, StringComparison.Ordinal) ? option.Key : name) + "`", StringComparison.Ordinal),
                    option.Key + " is not in the README options table");
            }
        }

        [Fact]
        public void Every_rule_page_header_states_the_descriptor_title_category_and_severity()
        {
            var root = DotnetCli.RepositoryRoot();
            foreach (var descriptor in DocsGenerator.AllDescriptors())
            {
                var header = Block(File.ReadAllText(Path.Combine(root, DocsGenerator.RulePagePath(descriptor.Id))), "header");
                Assert.StartsWith("# " + descriptor.Id + ": " + descriptor.Title + "\n", header, StringComparison.Ordinal);
                Assert.Contains("| Category | " + descriptor.Category + " |", header, StringComparison.Ordinal);
                Assert.Contains("| Default severity | " + descriptor.DefaultSeverity, header, StringComparison.Ordinal);
                Assert.EndsWith("/" + DocsGenerator.RulePagePath(descriptor.Id), descriptor.HelpLinkUri, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void A_hand_edited_cell_is_a_difference_and_missing_markers_are_an_error()
        {
            var readme = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), DocsGenerator.ReadmePath));
            var edited = readme.Replace("| Security |", "| Safety |", StringComparison.Ordinal);
            Assert.NotEqual(readme, edited);
            Assert.NotEqual(edited, DocsGenerator.ReplaceBlock(edited, DocsGenerator.ReadmePath, "rules", DocsGenerator.RulesTable()));

            var withoutMarkers = readme.Replace("<!-- rules:end -->", string.Empty, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => DocsGenerator.ReplaceBlock(withoutMarkers, DocsGenerator.ReadmePath, "rules", DocsGenerator.RulesTable()));
        }

        /// <summary>
        /// The product is self-contained: nothing in it may point at a file outside the repository (a path on the
        /// machine that wrote it, or a notes folder next to the repository).
        /// </summary>
        [Fact]
        public void No_file_references_a_path_outside_the_repository()
        {
            var root = DotnetCli.RepositoryRoot();
            // Written in pieces so that this file does not match itself.
            string[] outside = { "/" + "work/", "shared" + "/inworld-auth", "shared" + "\\inworld-auth" };
            var relative = new Regex(@"(?<![\w.])(?:\.\.[\\/])+[A-Za-z0-9_.-]+", RegexOptions.None, TimeSpan.FromSeconds(1));
            var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var offenders = new List<string>();
            var read = 0;
            foreach (var path in ProductFiles(root))
            {
                var bytes = File.ReadAllBytes(path);
                if (bytes.Take(8000).Contains((byte)0))
                {
                    continue;
                }

                read++;
                var lines = Encoding.UTF8.GetString(bytes).Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    var where = Path.GetRelativePath(root, path) + ":" + (i + 1) + ": " + lines[i].Trim();
                    if (outside.Any(pattern => lines[i].Contains(pattern, StringComparison.OrdinalIgnoreCase)))
                    {
                        offenders.Add(where);
                        continue;
                    }

                    // A relative path that climbs out of the repository ("../../shared/x" from a file near the root).
                    foreach (Match match in relative.Matches(lines[i]))
                    {
                        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, match.Value.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar)));
                        if (!target.StartsWith(fullRoot, StringComparison.Ordinal))
                        {
                            offenders.Add(where);
                        }
                    }
                }
            }

            Assert.True(read > 100, "only " + read + " files were read: the walk is broken");
            Assert.True(offenders.Count == 0, "Files that reference a path outside the repository (point at docs/ instead):\n" + string.Join("\n", offenders));
        }

        /// <summary>A comment or message that sends the reader to a page under docs must find it there.</summary>
        [Fact]
        public void Every_docs_page_the_code_names_exists()
        {
            var root = DotnetCli.RepositoryRoot();
            var page = new Regex(@"(?<![\w/.])docs/[A-Za-z0-9_./-]+\.md", RegexOptions.None, TimeSpan.FromSeconds(1));
            var named = 0;
            var missing = new List<string>();
            foreach (var folder in new[] { "src", "tests" })
            {
                foreach (var path in Files(Path.Combine(root, folder)).Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
                {
                    foreach (Match match in page.Matches(File.ReadAllText(path)))
                    {
                        named++;
                        if (!File.Exists(Path.Combine(root, match.Value)))
                        {
                            missing.Add(Path.GetRelativePath(root, path) + ": " + match.Value);
                        }
                    }
                }
            }

            Assert.True(named > 0, "no file names a docs page: the search is broken");
            Assert.True(missing.Count == 0, "Docs pages named in code that do not exist:\n" + string.Join("\n", missing));
        }

        /// <summary>
        /// Links between the docs (README and docs/) reach a file that exists and, with a #fragment, a heading of it:
        /// the rule pages were reorganised, and a link to a heading that moved must fail here, not for a reader.
        /// </summary>
        [Fact]
        public void Links_between_the_docs_reach_a_file_and_a_heading()
        {
            var root = DotnetCli.RepositoryRoot();
            var link = new Regex(@"\]\(([^)\s]*?)(?:#([^)\s]+))?\)", RegexOptions.None, TimeSpan.FromSeconds(1));
            var pages = new[] { Path.Combine(root, "README.md") }.Concat(Files(Path.Combine(root, "docs")).Where(f => f.EndsWith(".md", StringComparison.Ordinal)));
            var checkedLinks = 0;
            var broken = new List<string>();
            foreach (var page in pages)
            {
                foreach (Match match in link.Matches(WithoutCodeBlocks(File.ReadAllText(page))))
                {
                    var target = match.Groups[1].Value;
                    if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var file = target.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
                    checkedLinks++;
                    if (!File.Exists(file) && !Directory.Exists(file))
                    {
                        broken.Add(Path.GetRelativePath(root, page) + ": " + match.Value + " (no such file)");
                        continue;
                    }

                    if (match.Groups[2].Success && file.EndsWith(".md", StringComparison.Ordinal) && !HeadingAnchors(File.ReadAllText(file)).Contains(match.Groups[2].Value))
                    {
                        broken.Add(Path.GetRelativePath(root, page) + ": " + match.Value + " (no such heading)");
                    }
                }
            }

            Assert.True(checkedLinks > 50, "only " + checkedLinks + " links were checked: the search is broken");
            Assert.True(broken.Count == 0, "Broken links in the docs:\n" + string.Join("\n", broken));
        }

        /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as '-', repeats numbered.</summary>
        private static HashSet<string> HeadingAnchors(string markdown)
        {
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in WithoutCodeBlocks(markdown).Split('\n'))
            {
                var heading = Regex.Match(line, @"^#{1,6} (.+?)\s*$", RegexOptions.None, TimeSpan.FromSeconds(1));
                if (!heading.Success)
                {
                    continue;
                }

                var slug = new StringBuilder();
                foreach (var c in heading.Groups[1].Value.ToLowerInvariant())
                {
                    if (char.IsLetterOrDigit(c) || c == '_' || c == '-')
                    {
                        slug.Append(c);
                    }
                    else if (c == ' ')
                    {
                        slug.Append('-');
                    }
                }

                var anchor = slug.ToString();
                for (var n = 1; !anchors.Add(anchor); n++)
                {
                    anchor = slug + "-" + n;
                }
            }

            return anchors;
        }

        private static string WithoutCodeBlocks(string markdown)
        {
            var kept = new StringBuilder();
            var inCode = false;
            foreach (var line in markdown.Split('\n'))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                    continue;
                }

                if (!inCode)
                {
                    kept.Append(line).Append('\n');
                }
            }

            return kept.ToString();
        }

        private static IEnumerable<string> ProductFiles(string root)
        {
            yield return Path.Combine(root, "README.md");
            foreach (var folder in new[] { "src", "samples", "docs", "tests" })
            {
                foreach (var file in Files(Path.Combine(root, folder)))
                {
                    yield return file;
                }
            }
        }

        private static IEnumerable<string> Files(string directory)
        {
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                yield return file;
            }

            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                var name = Path.GetFileName(child);
                if (name is "bin" or "obj" or ".git" or "Library" or "Temp" or "TestResults")
                {
                    continue;
                }

                foreach (var file in Files(child))
                {
                    yield return file;
                }
            }
        }

        private static string Block(string text, string name)
        {
            var begin = text.IndexOf("<!-- " + name + ":begin", StringComparison.Ordinal);
            var end = text.IndexOf("<!-- " + name + ":end -->", StringComparison.Ordinal);
            Assert.True(begin >= 0 && end > begin, "no generated '" + name + "' block");
            var start = text.IndexOf('\n', begin) + 1;
            return text.Substring(start, end - start);
        }

        private static string FirstDifference(string committed, string expected)
        {
            var a = committed.Split('\n');
            var b = expected.Split('\n');
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                var left = i < a.Length ? a[i] : "(end of file)";
                var right = i < b.Length ? b[i] : "(end of file)";
                if (left != right)
                {
                    return "line " + (i + 1) + "\n  committed: " + left + "\n  expected:  " + right;
                }
            }

            return "(only line endings differ)";
        }
    }
}
