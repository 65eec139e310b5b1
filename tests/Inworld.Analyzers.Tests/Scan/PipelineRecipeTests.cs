using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// The YAML in README.md and docs/ as a reader copies it: every block parses, the recipes pin the tool version this
    /// repository packs, and the GitHub recipes grant what the SARIF upload needs and upload when the scan failed.
    /// NoSilentGreenTests.Pipelines runs the recipes themselves.
    /// </summary>
    [Trait("Category", "Scan")]
    public sealed class PipelineRecipeTests
    {
        private static IEnumerable<string> DocumentedFiles()
        {
            var root = DotnetCli.RepositoryRoot();
            return new[] { Path.Combine(root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories));
        }

        private static List<string> RecipeBlocks() => PipelineYaml.MarkdownYamlBlocks(File.ReadAllText(PipelineActionTests.RecipesPath)).Select(b => b.Text).ToList();

        [Fact]
        public void Every_yaml_block_in_README_and_docs_parses()
        {
            var parsed = 0;
            foreach (var file in DocumentedFiles())
            {
                foreach (var (line, text) in PipelineYaml.MarkdownYamlBlocks(File.ReadAllText(file)))
                {
                    // Unity's serialized assets (%TAG !u! documents) are examples of scanned files, not configuration.
                    if (text.Contains("%TAG !u!", StringComparison.Ordinal) || text.Contains("--- !u!", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    try
                    {
                        // A whole file is a mapping; a fragment of steps (README's SARIF snippets) is a sequence.
                        var node = PipelineYaml.Parse(text);
                        Assert.True(node is Dictionary<object, object?> || node is List<object?>, Path.GetFileName(file) + ", block at line " + line + " is a bare scalar");
                    }
                    catch (Exception e) when (e is YamlDotNet.Core.YamlException || e is InvalidDataException)
                    {
                        Assert.Fail(Path.GetFileName(file) + ", block at line " + line + ": " + e.Message);
                    }

                    parsed++;
                }
            }

            // The five recipes, README's own workflow snippets and the Unity page's.
            Assert.Equal(5, RecipeBlocks().Count);
            Assert.True(parsed >= 9, "only " + parsed + " YAML blocks found");
        }

        [Fact]
        public void Recipes_install_the_tool_at_the_version_this_repository_packs()
        {
            var version = PipelineActionTests.RepositoryVersion();
            var recipes = File.ReadAllText(PipelineActionTests.RecipesPath);
            var installs = Regex.Matches(recipes, @"dotnet tool install [^\n]*Inworld\.Scan[^\n]*").Select(m => m.Value).ToList();
            Assert.Equal(3, installs.Count);
            Assert.All(installs, line => Assert.EndsWith("--version " + version, line));
            Assert.Contains("| `version` | `" + version + "` |", recipes);
        }

        [Fact]
        public void GitHub_recipes_grant_the_upload_permissions_and_upload_when_the_scan_failed()
        {
            var workflows = 0;
            foreach (var block in RecipeBlocks())
            {
                var document = PipelineYaml.Map(PipelineYaml.Parse(block), "recipe");
                if (!document.ContainsKey("jobs"))
                {
                    continue;
                }

                var job = PipelineYaml.Map(PipelineYaml.Map(document["jobs"], "jobs")["inworld-scan"], "the inworld-scan job");
                var permissions = PipelineYaml.StringMap(job, "permissions");
                Assert.Equal("write", permissions["security-events"]);
                Assert.Equal("read", permissions["contents"]);
                var steps = PipelineYaml.Seq(job["steps"], "steps").Select(s => PipelineYaml.Map(s, "step")).ToList();
                var checkout = steps.First();
                Assert.StartsWith("actions/checkout@v", PipelineYaml.Str(checkout, "uses"));
                foreach (var upload in steps.Where(s => PipelineYaml.Str(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true))
                {
                    Assert.StartsWith("always() && ", PipelineYaml.Str(upload, "if"));
                }

                // A Unity repository keeps assets in LFS: the scan must read them, not their pointers.
                if (block.Contains("game-ci/unity-builder", StringComparison.Ordinal))
                {
                    Assert.Equal("true", PipelineYaml.StringMap(checkout, "with")["lfs"]);
                }

                workflows++;
            }

            Assert.Equal(3, workflows);
        }

        [Fact]
        public void Readme_points_to_the_action_and_the_recipes()
        {
            var readme = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), "README.md"));
            Assert.Contains("(docs/ci-recipes.md)", readme);
            Assert.Contains("uses: inworld-analyzers/Inworld.Analyzers@", readme);
        }
    }
}
