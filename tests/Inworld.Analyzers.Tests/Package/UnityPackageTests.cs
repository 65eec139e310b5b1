using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Unity;
using Xunit;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>
    /// The Unity package as `dotnet pack` writes it (com.inworld.analyzers-&lt;version&gt;.tgz, from the shared pack), checked
    /// against what Unity needs: package.json, a .meta with a stable unique GUID for every file and folder, the analyzer DLL's
    /// label and platforms, an Editor-only assembly, and Editor code that compiles and runs without Roslyn.
    /// </summary>
    [Trait("Category", "Package")]
    [Collection(PackageCollection.Name)]
    public sealed class UnityPackageTests
    {
        private readonly PackageFixture _package;
        private readonly string _folder;
        private readonly IReadOnlyList<string> _entries;
        private static readonly string Committed = Path.Combine(DotnetCli.RepositoryRoot(), "unity", "com.inworld.analyzers");

        public UnityPackageTests(PackageFixture package)
        {
            _package = package;
            Assert.True(package.PackResult.ExitCode == 0, "dotnet pack failed:\n" + package.PackResult);
            (_folder, _entries) = UnityTarball.Extract(package);
        }

        private static string[] Relative(string root) => Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal).ToArray();

        private static string GuidOf(string metaFile) => Regex.Match(File.ReadAllText(metaFile), @"^guid: (\S+)$", RegexOptions.Multiline, TimeSpan.FromSeconds(1)).Groups[1].Value;

        [Fact]
        public void Every_entry_is_under_package_and_the_expected_files_are_there()
        {
            Assert.All(_entries, e => Assert.StartsWith("package/", e, StringComparison.Ordinal));
            var files = Relative(_folder);
            foreach (var expected in new[] { "package.json", "README.md", "LICENSE.md", "Default.globalconfig", "Analyzers/Inworld.Analyzers.dll",
                                              "Analyzers/Inworld.Analyzers.Scope.asmdef", "Analyzers/AnalyzerScope.cs",
                                              "Editor/Inworld.Analyzers.Editor.asmdef", "Editor/Inworld.Unity.Editor.dll", "Editor/InworldBuildGate.cs",
                                              "Editor/InworldProjectScan.cs", "Editor/InworldCompilerMessages.cs",
                                              "Samples~/TokenProvider/InworldTokenProvider.cs" })
            {
                Assert.Contains(expected, files);
            }

            // Unity runs analyzers only; the code fixes need Roslyn's Workspaces, which Unity does not ship.
            Assert.DoesNotContain(files, f => f.Contains("CodeFixes", StringComparison.Ordinal));
        }

        [Fact]
        public void Package_json_has_a_reverse_domain_name_the_NuGet_version_and_Unity_2021_2()
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "package.json")));
            var root = json.RootElement;
            Assert.Equal("com.inworld.analyzers", root.GetProperty("name").GetString());
            Assert.Matches("^[a-z0-9-]+(\\.[a-z0-9-]+){2,}$", root.GetProperty("name").GetString()!);
            Assert.Equal(_package.Version, root.GetProperty("version").GetString());
            Assert.Equal("2021.2", root.GetProperty("unity").GetString());
            foreach (var field in new[] { "displayName", "description", "license", "author", "documentationUrl", "keywords", "repository" })
            {
                Assert.True(root.TryGetProperty(field, out _), "package.json lacks " + field);
            }

            Assert.Equal(_package.Version, Regex.Match(Path.GetFileName(UnityTarball.PathIn(_package)), @"^com\.inworld\.analyzers-(.+)\.tgz$", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value);
        }

        [Fact]
        public void The_committed_package_json_version_is_the_NuGet_packages_version()
        {
            var props = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), "Directory.Build.props"));
            var version = Regex.Match(props, "<Version>([^<]+)</Version>", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value;
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Committed, "package.json")));
            Assert.Equal(version, json.RootElement.GetProperty("version").GetString());
        }

        /// <summary>Samples~ and other hidden folders: Unity does not import them, and they "aren't tracked with .meta files".</summary>
        private static bool IsHidden(string relative) => relative.Split('/').Any(s => s.EndsWith('~') || s.StartsWith('.'));

        [Fact]
        public void Every_file_and_folder_has_a_meta_with_a_unique_32_hex_guid()
        {
            var hidden = Relative(_folder).Where(p => !p.EndsWith(".meta", StringComparison.Ordinal) && IsHidden(p)).ToList();
            Assert.Contains("Samples~", hidden);
            Assert.All(hidden, h => Assert.False(File.Exists(Path.Combine(_folder, h + ".meta")), h + " is hidden from Unity and must have no .meta"));
            var assets = Relative(_folder).Where(p => !p.EndsWith(".meta", StringComparison.Ordinal) && !IsHidden(p)).ToList();
            Assert.True(assets.Count >= 12, string.Join(", ", assets));
            var guids = new List<string>();
            foreach (var asset in assets)
            {
                var meta = Path.Combine(_folder, asset + ".meta");
                Assert.True(File.Exists(meta), asset + " has no .meta: Unity ignores it in an installed package");
                Assert.StartsWith("fileFormatVersion: 2\n", File.ReadAllText(meta), StringComparison.Ordinal);
                var guid = GuidOf(meta);
                Assert.Matches("^[0-9a-f]{32}$", guid);
                guids.Add(guid);
                if (Directory.Exists(Path.Combine(_folder, asset))) Assert.Contains("folderAsset: yes", File.ReadAllText(meta));
            }

            Assert.Equal(guids.Count, guids.Distinct().Count());
            // No .meta without its asset.
            Assert.All(Relative(_folder).Where(p => p.EndsWith(".meta", StringComparison.Ordinal)), m => Assert.Contains(m.Substring(0, m.Length - 5), assets));
        }

        /// <summary>
        /// The committed git-URL form was written by an earlier pack (the refresh step): its .meta files equal this pack's,
        /// so GUIDs are the same on every pack, and its hand-written files are the ones this pack used.
        /// </summary>
        [Fact]
        public void The_committed_git_URL_form_equals_this_pack_so_guids_are_stable()
        {
            var packed = Relative(_folder);
            Assert.Equal(packed, Relative(Committed));
            foreach (var path in packed.Where(p => File.Exists(Path.Combine(_folder, p)) && !p.EndsWith(".dll", StringComparison.Ordinal) && p != "package.json"))
            {
                Assert.True(File.ReadAllText(Path.Combine(_folder, path)) == File.ReadAllText(Path.Combine(Committed, path)).Replace("\r\n", "\n", StringComparison.Ordinal),
                    path + " differs from unity/com.inworld.analyzers/" + path + ": refresh with dotnet pack src/Inworld.Analyzers.Package -c Release -p:InworldRefreshUnityPackage=true");
            }
        }

        [Fact]
        public void The_analyzer_dll_meta_has_the_RoslynAnalyzer_label_and_every_platform_disabled()
        {
            var meta = File.ReadAllText(Path.Combine(_folder, "Analyzers", "Inworld.Analyzers.dll.meta"));
            Assert.Contains("\nlabels:\n- RoslynAnalyzer\n", meta);
            Assert.Contains("\nPluginImporter:\n", meta);
            var enabled = Regex.Matches(meta, @"^\s+enabled: (\d)$", RegexOptions.Multiline, TimeSpan.FromSeconds(1)).Select(m => m.Groups[1].Value).ToList();
            Assert.True(enabled.Count >= 3, meta);
            Assert.All(enabled, e => Assert.Equal("0", e));
            foreach (var platform in new[] { ": Any", "Editor: Editor", "Standalone: Win64", "Standalone: Linux64", "Standalone: OSXUniversal" })
            {
                Assert.Contains(platform, meta);
            }
        }

        /// <summary>
        /// Unity applies an analyzer in a folder with an assembly definition to that assembly and to every assembly that
        /// references it (Unity Manual, "Analyzer scope and rule set files"). The analyzer's folder holds an auto-referenced
        /// assembly on every platform, with a script (an assembly definition without one produces no assembly), so
        /// Assembly-CSharp references it, and an .asmdef assembly does with one line.
        /// </summary>
        [Fact]
        public void The_analyzer_sits_with_an_auto_referenced_assembly_that_every_assembly_can_reference()
        {
            var folder = Path.Combine(_folder, "Analyzers");
            var asmdefs = Directory.GetFiles(folder, "*.asmdef");
            var asmdefPath = Assert.Single(asmdefs);
            using var asmdef = JsonDocument.Parse(File.ReadAllText(asmdefPath));
            var root = asmdef.RootElement;
            Assert.Equal("Inworld.Analyzers.Scope", root.GetProperty("name").GetString());
            Assert.True(root.GetProperty("autoReferenced").GetBoolean());
            Assert.Empty(root.GetProperty("includePlatforms").EnumerateArray());
            Assert.Empty(root.GetProperty("excludePlatforms").EnumerateArray());

            // It must not take the analyzer as a plug-in reference, and its name must not be the analyzer DLL's.
            Assert.DoesNotContain("Inworld.Analyzers.dll", root.GetProperty("precompiledReferences").EnumerateArray().Select(e => e.GetString()));
            Assert.NotEqual("Inworld.Analyzers", root.GetProperty("name").GetString());
            Assert.NotEmpty(Directory.GetFiles(folder, "*.cs"));
            Assert.True(File.Exists(Path.Combine(folder, "Inworld.Analyzers.dll")));

            // The docs give users the same name to reference.
            var docs = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), "docs", "unity.md"));
            Assert.Contains("\"Inworld.Analyzers.Scope\"", docs, StringComparison.Ordinal);
        }

        [Fact]
        public void The_Editor_assembly_is_Editor_only_and_its_logic_dll_loads_in_the_Editor_only()
        {
            using var asmdef = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "Editor", "Inworld.Analyzers.Editor.asmdef")));
            Assert.Equal(new[] { "Editor" }, asmdef.RootElement.GetProperty("includePlatforms").EnumerateArray().Select(e => e.GetString()).ToArray());
            Assert.Contains("Inworld.Unity.Editor.dll", asmdef.RootElement.GetProperty("precompiledReferences").EnumerateArray().Select(e => e.GetString()));
            Assert.False(asmdef.RootElement.GetProperty("autoReferenced").GetBoolean());

            var meta = File.ReadAllText(Path.Combine(_folder, "Editor", "Inworld.Unity.Editor.dll.meta"));
            Assert.Matches(@"Editor: Editor\n    second:\n      enabled: 1\n", meta);
            Assert.Single(Regex.Matches(meta, @"enabled: 1", RegexOptions.None, TimeSpan.FromSeconds(1)));
            Assert.DoesNotContain("RoslynAnalyzer", meta);
        }

        [Fact]
        public void The_packed_analyzer_is_the_one_this_build_made()
        {
            var packed = UnityPackageFreshnessTests.AssemblyMetadata(Path.Combine(_folder, "Analyzers", "Inworld.Analyzers.dll"), "InworldSourceHash");
            Assert.Equal(UnityPackageFreshnessTests.SourceHash("src/Inworld.Analyzers"), packed);
        }

        /// <summary>The Editor code as the tarball ships it, compiled against the Unity stubs and the tarball's logic DLL, with no Roslyn reference.</summary>
        [Fact]
        public void The_packed_Editor_code_compiles_and_needs_no_Microsoft_CodeAnalysis()
        {
            var logic = Path.Combine(_folder, "Editor", "Inworld.Unity.Editor.dll");
            var (_, glue, errors) = UnityGlueHarness.Compile(Path.Combine(_folder, "Editor"), logic);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.NotNull(glue);
            using var harness = UnityGlueHarness.Load(Path.Combine(_folder, "Editor"), logic);
            Assert.DoesNotContain(harness.Logic.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
            Assert.DoesNotContain(harness.Glue.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        }
    }
}
