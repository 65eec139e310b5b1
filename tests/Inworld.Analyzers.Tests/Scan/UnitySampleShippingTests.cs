using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Inworld.Analyzers.Tests.Package;
using Inworld.Scan;
using Inworld.Scan.UnityShipping;
using Inworld.Unity.Editor.Shipping;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// samples/UnityGame as Unity would build it: the shipping verdict of every file in it (a file added to the
    /// sample without a row here fails the table), and the .meta files a real Unity project has.
    /// </summary>
    public sealed class UnitySampleShippingTests
    {
        /// <summary>Every file of the sample but the .meta files: does it ship, and the start of the reason.</summary>
        public static TheoryData<string, bool, string> Verdicts => new TheoryData<string, bool, string>
        {
            { "Assets/Scenes/Main.unity", true, "an enabled scene in Build Settings" },
            { "Assets/Scenes/DebugSandbox.unity", false, "a scene disabled in Build Settings" },
            { "Assets/Prefabs/Npc.prefab", true, "referenced from Assets/Scenes/Main.unity (an enabled scene in Build Settings)" },
            { "Assets/Prefabs/NpcPrototype.prefab", false, "referenced by nothing that ships" },
            { "Assets/Resources/InworldSettings.asset", true, "under a Resources/ folder" },
            { "Assets/StreamingAssets/inworld-config.json", true, "under Assets/StreamingAssets/" },
            { "Assets/Editor/InworldEditorConfig.asset", false, "in an Editor/ folder" },
            { "Assets/Editor/InworldEditorConfig.cs", false, "in an Editor/ folder" },
            { "Assets/Editor/InworldSetupWindow.cs", false, "in an Editor/ folder" },
            { "Assets/Scripts/NpcChat.cs", true, "referenced from Assets/Prefabs/Npc.prefab <- Assets/Scenes/Main.unity" },
            { "Assets/Scripts/InworldSettings.cs", true, "referenced from Assets/Resources/InworldSettings.asset (under a Resources/ folder" },
            { "Assets/Resources/InworldTokenProvider.asset", true, "under a Resources/ folder" },
            { "Assets/Scripts/InworldTokenProvider.cs", true, "referenced from Assets/Resources/InworldTokenProvider.asset (under a Resources/ folder" },
            { "ProjectSettings/EditorBuildSettings.asset", false, "an Editor-only project setting" },
            { "ProjectSettings/ProjectVersion.txt", false, "an Editor-only project setting" },
        };

        private static string Sample => Path.Combine(DotnetCli.RepositoryRoot(), "samples", "UnityGame");

        private static readonly Lazy<(UnityShippingAnalysis Analysis, ScanProblems Problems)> Analysed = new Lazy<(UnityShippingAnalysis, ScanProblems)>(() =>
        {
            var problems = new ScanProblems();
            var target = new FileWalker(Array.Empty<string>(), true, problems, _ => { }).Walk(Sample);
            return (new UnityShippingAnalysis(Sample, target.MetaFiles, target.ShippedFiles, problems), problems);
        });

        [Theory]
        [MemberData(nameof(Verdicts))]
        public void Each_file_of_the_sample_ships_or_not_as_a_Unity_player_build_would(string relative, bool ships, string reason)
        {
            var verdict = Analysed.Value.Analysis.VerdictFor(Path.Combine(Sample, relative));
            Assert.True(ships == verdict.ShipsInPlayer, relative + ": " + verdict);
            Assert.StartsWith(reason, verdict.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void The_table_has_a_row_for_every_file_of_the_sample_and_the_analysis_had_nothing_to_say()
        {
            var files = Directory.EnumerateFiles(Sample, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Sample, f).Replace('\\', '/'))
                .Where(f => !f.EndsWith(".meta", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(files, Verdicts.Select(row => (string)row[0]).OrderBy(f => f, StringComparer.Ordinal));
            Assert.Empty(Analysed.Value.Problems.All);
        }

        [Fact]
        public void Every_file_and_folder_under_Assets_has_a_meta_file_with_its_own_GUID()
        {
            var assets = Path.Combine(Sample, "Assets");
            var entries = Directory.EnumerateFileSystemEntries(assets, "*", SearchOption.AllDirectories).Where(e => !e.EndsWith(".meta", StringComparison.Ordinal)).ToList();
            var guids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var meta = entry + ".meta";
                Assert.True(File.Exists(meta), "no .meta for " + entry);
                using var reader = new StreamReader(meta);
                Assert.Equal("fileFormatVersion: 2", reader.ReadLine());
                var guid = UnityYamlReferences.MetaGuid(reader);
                Assert.NotNull(guid);
                Assert.True(guids.TryAdd(guid!, entry), entry + " has the GUID of " + (guids.TryGetValue(guid!, out var other) ? other : null));
            }

            // And no .meta without its asset (Unity deletes those on import).
            foreach (var meta in Directory.EnumerateFiles(assets, "*.meta", SearchOption.AllDirectories))
            {
                var asset = meta.Substring(0, meta.Length - ".meta".Length);
                Assert.True(File.Exists(asset) || Directory.Exists(asset), "orphan " + meta);
            }
        }
    }
}
