using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Inworld.Unity.Editor.Shipping;

namespace Inworld.Unity.Editor
{
    /// <summary>
    /// The parts of "what the player build contains" that are plain files: Resources/ folders, StreamingAssets/, and the
    /// assets Addressables groups list. Scenes and the dependencies of everything come from Unity's AssetDatabase in the
    /// Editor glue (InworldBuildGate); this class only reads the project folder. The folder rules and the Addressables
    /// reader are inworld-scan's (Shipping/): the gate and the scanner give one answer.
    /// </summary>
    public static class PlayerContent
    {
        /// <summary>Roots Unity builds from: the project's Assets/ folder and the packages it embeds (Packages/); installed packages are added below.</summary>
        private static readonly string[] Roots = { "Assets", "Packages" };

        /// <summary>
        /// Every file in a folder named Resources (Unity builds all of them into the player, whether referenced or not),
        /// except below an Editor/ or Editor Default Resources/ folder, which never ships. Project-relative paths.
        /// </summary>
        public static IReadOnlyList<string> ResourcesFiles(string projectRoot)
        {
            var files = new List<string>();
            foreach (var root in Roots)
            {
                // The packages the Package Manager installed (registry, git, tarball) ship their Resources/ folders too.
                var all = root == "Packages" ? UnityPaths.FilesUnder(projectRoot, root).Concat(UnityPaths.InstalledPackageFiles(projectRoot)) : UnityPaths.FilesUnder(projectRoot, root);
                foreach (var file in all)
                {
                    if (UnitySpecialFolders.ShipsAsResource(UnitySpecialFolders.Segments(file)))
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
        /// The GUIDs of the assets Addressables groups list (m_SerializeEntries), read from the group assets as text so the
        /// package needs no reference to Addressables; a group whose schema leaves it out of the build ("Include in Build"
        /// unticked) lists nothing. Empty when the project has no groups. Unreadable group or schema files are returned in
        /// <paramref name="unreadable"/>: their entries would otherwise be missed quietly.
        /// </summary>
        public static IReadOnlyList<string> AddressableEntryGuids(string projectRoot, List<UnityFinding> unreadable)
        {
            var guids = new List<string>();
            Dictionary<string, string>? schemaFiles = null;
            foreach (var group in UnityPaths.FilesUnder(projectRoot, AddressableGroupsFolder).Where(f => f.EndsWith(".asset", StringComparison.OrdinalIgnoreCase)))
            {
                var text = Read(projectRoot, group, "Addressables group", unreadable);
                if (text == null)
                {
                    continue;
                }

                var parsed = UnitySettingsReaders.Group(text);
                if (parsed.EntryGuids.Count == 0)
                {
                    continue;
                }

                var schemas = schemaFiles ??= SchemaFiles(projectRoot, unreadable);
                if (!UnitySettingsReaders.LeavesGroupOutOfBuild(parsed, guid => schemas.TryGetValue(guid, out var schemaPath) ? Read(projectRoot, schemaPath, "Addressables schema", unreadable) : null))
                {
                    guids.AddRange(parsed.EntryGuids);
                }
            }

            return guids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>The schema assets next to the groups (AssetGroups/Schemas/), by the GUID of their .meta file.</summary>
        private static Dictionary<string, string> SchemaFiles(string projectRoot, List<UnityFinding> unreadable)
        {
            var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var folder = UnityPaths.ToFullPath(projectRoot, AddressableGroupsFolder);
            if (!Directory.Exists(folder))
            {
                return files;
            }

            foreach (var meta in Directory.EnumerateFiles(folder, "*.asset.meta", SearchOption.AllDirectories))
            {
                var asset = AddressableGroupsFolder + "/" + meta.Substring(folder.Length).TrimStart('/', '\\').Replace('\\', '/');
                asset = asset.Substring(0, asset.Length - ".meta".Length);
                try
                {
                    using (var reader = new StreamReader(meta))
                    {
                        if (UnityYamlReferences.MetaGuid(reader) is string guid)
                        {
                            files[guid] = asset;
                        }
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    unreadable.Add(new UnityFinding(UnityFindingSource.Unreadable, "INW900", asset + ".meta", 0, 0,
                        "could not read this .meta file, so whether its Addressables schema leaves a group out of the build is unknown; the group's assets are checked (" + e.GetType().Name + ": " + e.Message + ")"));
                }
            }

            return files;
        }

        private static string? Read(string projectRoot, string assetPath, string what, List<UnityFinding> unreadable)
        {
            try
            {
                return File.ReadAllText(UnityPaths.ToFullPath(projectRoot, assetPath));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                unreadable.Add(new UnityFinding(UnityFindingSource.Unreadable, "INW900", assetPath, 0, 0,
                    "could not read this " + what + ", so the assets it lists were not checked for Inworld credentials (" + e.GetType().Name + ": " + e.Message + ")"));
                return null;
            }
        }
    }
}
