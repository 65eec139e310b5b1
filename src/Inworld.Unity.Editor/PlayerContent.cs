using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Inworld.Unity.Editor
{
    /// <summary>
    /// The parts of "what the player build contains" that are plain files: Resources/ folders, StreamingAssets/, and the
    /// assets Addressables groups list. Scenes and the dependencies of everything come from Unity's AssetDatabase in the
    /// Editor glue (InworldBuildGate); this class only reads the project folder.
    /// </summary>
    public static class PlayerContent
    {
        /// <summary>Roots Unity builds from: the project's Assets/ folder and the packages it embeds or links (Packages/).</summary>
        private static readonly string[] Roots = { "Assets", "Packages" };

        /// <summary>
        /// Every file in a folder named Resources (Unity builds all of them into the player, whether referenced or not),
        /// except below an Editor/ folder, which never ships. Project-relative paths.
        /// </summary>
        public static IReadOnlyList<string> ResourcesFiles(string projectRoot)
        {
            var files = new List<string>();
            foreach (var root in Roots)
            {
                foreach (var file in UnityPaths.FilesUnder(projectRoot, root))
                {
                    if (UnityPaths.HasFolder(file, "Resources") && !UnityPaths.HasFolder(file, "Editor"))
                    {
                        files.Add(file);
                    }
                }
            }

            return files;
        }

        /// <summary>Every file under Assets/StreamingAssets/: copied into the player as it is.</summary>
        public static IReadOnlyList<string> StreamingAssetsFiles(string projectRoot)
            => UnityPaths.FilesUnder(projectRoot, "Assets/StreamingAssets").ToList();

        /// <summary>The folder where the Addressables package keeps its group assets (its default location).</summary>
        public const string AddressableGroupsFolder = "Assets/AddressableAssetsData/AssetGroups";

        /// <summary>
        /// The GUIDs of the assets Addressables groups list (each "m_GUID: ..." of a group's m_SerializeEntries), read from
        /// the group assets as text so the package needs no reference to Addressables. Empty when the project has no groups.
        /// Unreadable group files are returned in <paramref name="unreadable"/>: their entries would otherwise be missed quietly.
        /// </summary>
        public static IReadOnlyList<string> AddressableEntryGuids(string projectRoot, List<UnityFinding> unreadable)
        {
            var guids = new List<string>();
            foreach (var group in UnityPaths.FilesUnder(projectRoot, AddressableGroupsFolder).Where(f => f.EndsWith(".asset", StringComparison.OrdinalIgnoreCase)))
            {
                string text;
                try
                {
                    text = File.ReadAllText(UnityPaths.ToFullPath(projectRoot, group));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    unreadable.Add(new UnityFinding(UnityFindingSource.Unreadable, "INW900", group, 0, 0,
                        "could not read this Addressables group, so the assets it lists were not checked for Inworld credentials (" + e.GetType().Name + ": " + e.Message + ")"));
                    continue;
                }

                guids.AddRange(EntryGuids(text));
            }

            return guids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>The "m_GUID:" values inside the m_SerializeEntries list of one Addressables group asset.</summary>
        public static IEnumerable<string> EntryGuids(string groupAssetText)
        {
            var inEntries = false;
            var entriesIndent = -1;
            foreach (var rawLine in groupAssetText.Split('\n'))
            {
                var line = rawLine.TrimEnd('\r');
                var indent = line.Length - line.TrimStart(' ').Length;
                var content = line.Trim();
                if (content.StartsWith("m_SerializeEntries:", StringComparison.Ordinal))
                {
                    inEntries = true;
                    entriesIndent = indent;
                    continue;
                }

                if (!inEntries || content.Length == 0)
                {
                    continue;
                }

                // The list ends at the next key at the list's own indentation that is not a list item.
                if (indent <= entriesIndent && !content.StartsWith("-", StringComparison.Ordinal))
                {
                    inEntries = false;
                    continue;
                }

                var item = content.StartsWith("- ", StringComparison.Ordinal) ? content.Substring(2).TrimStart() : content;
                if (item.StartsWith("m_GUID:", StringComparison.Ordinal))
                {
                    var guid = item.Substring("m_GUID:".Length).Trim();
                    if (IsGuid(guid))
                    {
                        yield return guid;
                    }
                }
            }
        }

        /// <summary>Unity asset GUIDs are 32 hexadecimal digits.</summary>
        public static bool IsGuid(string value)
            => value.Length == 32 && value.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }
}
