using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

using Inworld.Unity.Editor.Shipping;

namespace Inworld.Scan.UnityShipping
{
    /// <summary>
    /// What a Unity player build of one project contains, computed from the project's text-serialized files, so
    /// that a CI runner without a Unity license gets the answer Unity's build would give. A file ships when it is:
    /// an enabled scene of Build Settings (ProjectSettings/EditorBuildSettings.asset); under a Resources/ folder
    /// (in Assets/ or an embedded package, not inside an Editor/ folder); under Assets/StreamingAssets/; an entry
    /// (or inside a folder entry) of an Addressables group that is included in the build; a project setting the
    /// player is built with; or referenced, by GUID through the .meta files, transitively, from any of those.
    /// <para>
    /// Where the files do not tell, the verdict is "ships" and says why (a binary-serialized scene or asset whose
    /// references cannot be read, Build Settings missing): a key is never called unshipped on a guess. Files that
    /// cannot be read are scan errors (exit 2). References to GUIDs with no .meta in the scanned files (Unity's
    /// package cache, deleted assets) cannot lead to a scanned file, and are counted in one note.
    /// </para>
    /// </summary>
    internal sealed class UnityShippingAnalysis
    {
        /// <summary>Extensions Unity serializes itself (text or binary, by the project's Asset Serialization mode): their references matter.</summary>
        private static readonly HashSet<string> SerializedExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".unity", ".prefab", ".asset", ".mat", ".controller", ".overrideController", ".anim", ".playable", ".signal",
            ".mask", ".mixer", ".spriteatlas", ".spriteatlasv2", ".physicMaterial", ".physicsMaterial2D", ".renderTexture",
            ".cubemap", ".flare", ".guiskin", ".fontsettings", ".lighting", ".brush", ".terrainlayer", ".preset",
        };

        /// <summary>ProjectSettings files only the Editor reads (the rest, PlayerSettings among them, are built into every player).</summary>
        private static readonly HashSet<string> EditorOnlySettings = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "EditorBuildSettings.asset", "EditorSettings.asset", "PackageManagerSettings.asset", "VersionControlSettings.asset",
            "SceneTemplateSettings.json", "ProjectVersion.txt", "XRPackageSettings.asset", "BurstAotSettings_StandaloneWindows.json",
            "CommonBurstAotSettings.json", "MemorySettings.asset", "ShaderGraphSettings.asset", "boot.config",
        };

        private static StringComparer PathComparer => StringComparer.OrdinalIgnoreCase;

        private readonly string _root;
        private readonly Dictionary<string, List<string>> _pathsByGuid = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        private readonly HashSet<string> _folders = new HashSet<string>(PathComparer);
        private readonly List<string> _knownFiles = new List<string>();
        private readonly Dictionary<string, ShippingVerdict> _reached = new Dictionary<string, ShippingVerdict>(PathComparer);

        /// <summary>For a file reached by reference: the shipped file that references it (first found, breadth first: the shortest chain).</summary>
        private readonly Dictionary<string, string> _referencedFrom = new Dictionary<string, string>(PathComparer);
        private readonly HashSet<string> _knownFileSet = new HashSet<string>(PathComparer);
        private readonly Dictionary<string, bool> _scenesInBuildSettings = new Dictionary<string, bool>(PathComparer);
        private readonly ScanProblems _problems;

        /// <summary>Why verdicts of unreached files are "ships" rather than "does not ship"; null when the reference graph is complete.</summary>
        private string? _incomplete;
        private int _unresolvedGuids;

        /// <param name="projectRoot">The Unity project folder (holding Assets/ and ProjectSettings/).</param>
        /// <param name="metaFiles">Every .meta file of this project the scan walked.</param>
        /// <param name="otherFiles">Files of this project the scan reads (they may ship through Resources/ even without a .meta).</param>
        public UnityShippingAnalysis(string projectRoot, IEnumerable<string> metaFiles, IEnumerable<string> otherFiles, ScanProblems problems)
        {
            _root = projectRoot;
            _problems = problems;
            ReadMetaFiles(metaFiles);
            foreach (var file in otherFiles)
            {
                var relative = Relative(file);
                if (_knownFileSet.Add(relative))
                {
                    _knownFiles.Add(relative);
                }
            }

            Walk();
        }

        public string Root => _root;

        /// <summary>The .meta files read (for the progress line).</summary>
        public int MetaFileCount { get; private set; }

        /// <summary>Files found to ship by Build Settings, Resources/, Addressables and references (StreamingAssets/ and settings are decided by path).</summary>
        public int ShippedCount => _reached.Count;

        /// <summary>Does <paramref name="path"/> (absolute, inside the project) ship in the player, and why.</summary>
        public ShippingVerdict VerdictFor(string path)
        {
            var relative = Relative(path);
            var segments = relative.Split('/');
            if (segments[0].Equals("ProjectSettings", StringComparison.OrdinalIgnoreCase))
            {
                return IsPlayerSetting(segments) ? PlayerSetting : new ShippingVerdict(false, "an Editor-only project setting");
            }

            if (!segments[0].Equals("Assets", StringComparison.OrdinalIgnoreCase) && !segments[0].Equals("Packages", StringComparison.OrdinalIgnoreCase))
            {
                return new ShippingVerdict(false, "outside Assets/, Packages/ and ProjectSettings/, so Unity does not import it");
            }

            if (segments[0].Equals("Packages", StringComparison.OrdinalIgnoreCase) && segments.Length == 2)
            {
                return new ShippingVerdict(false, "the project's package list, read by the Editor only");
            }

            if (UnitySpecialFolders.IsStreamingAssets(segments))
            {
                return new ShippingVerdict(true, "under Assets/StreamingAssets/, copied into the player as is");
            }

            if (_reached.TryGetValue(relative, out var reached))
            {
                return reached;
            }

            // Unread references may lead anywhere, an Editor/ folder included (a shipped scene's reference takes an asset there into the player).
            if (_incomplete != null)
            {
                return new ShippingVerdict(true, "may ship: " + _incomplete);
            }

            if (UnitySpecialFolders.IsEditorOnly(segments))
            {
                return new ShippingVerdict(false, segments.Any(s => s.Equals("Editor Default Resources", StringComparison.OrdinalIgnoreCase))
                    ? "under Editor Default Resources/, which only the Editor loads"
                    : "in an Editor/ folder and referenced by nothing that ships");
            }

            if (relative.EndsWith(".unity", StringComparison.OrdinalIgnoreCase))
            {
                return new ShippingVerdict(false, _scenesInBuildSettings.TryGetValue(relative, out var enabled) && !enabled
                    ? "a scene disabled in Build Settings, referenced by nothing that ships"
                    : "a scene not in Build Settings, referenced by nothing that ships");
            }

            return new ShippingVerdict(false, "referenced by nothing that ships (no enabled scene, Resources/ folder or Addressables group leads to it)");
        }

        private void ReadMetaFiles(IEnumerable<string> metaFiles)
        {
            foreach (var meta in metaFiles.OrderBy(m => m, StringComparer.Ordinal))
            {
                MetaFileCount++;
                string? guid;
                try
                {
                    using var reader = new StreamReader(meta);
                    guid = UnityYamlReferences.MetaGuid(reader);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // Its asset's GUID is unknown: whatever references it could not be followed.
                    _problems.Error(meta, "cannot read it, so what references its asset is not followed (the shipping analysis is incomplete): " + e.Message);
                    continue;
                }

                var asset = Relative(meta.Substring(0, meta.Length - ".meta".Length));
                if (guid == null)
                {
                    _problems.Note(meta, "no GUID in this .meta file (Unity will write a new one), so nothing can reference its asset yet");
                    continue;
                }

                if (Directory.Exists(Path.Combine(_root, asset)))
                {
                    _folders.Add(asset);
                }
                else if (_knownFileSet.Add(asset))
                {
                    _knownFiles.Add(asset);
                }

                if (!_pathsByGuid.TryGetValue(guid, out var paths))
                {
                    _pathsByGuid[guid] = paths = new List<string>();
                }
                else
                {
                    // Unity gives one of them a new GUID on import; until then either may be the one referenced.
                    _problems.Note(meta, "has the same GUID as " + paths[0] + ".meta; both are treated as referenced");
                }

                paths.Add(asset);
            }
        }

        private void Walk()
        {
            var queue = new Queue<string>();
            void Reach(string relative, ShippingVerdict why)
            {
                if (!_reached.ContainsKey(relative))
                {
                    _reached[relative] = why;
                    queue.Enqueue(relative);
                }
            }

            ReadBuildSettings(Reach);

            // Player settings reference what every player loads: Preloaded Assets, splash logos, icons, always-included shaders.
            foreach (var file in _knownFiles.Where(f => IsPlayerSetting(f.Split('/'))).ToList())
            {
                Reach(file, PlayerSetting);
            }
            foreach (var file in _knownFiles)
            {
                if (UnitySpecialFolders.ShipsAsResource(file.Split('/')))
                {
                    Reach(file, new ShippingVerdict(true, "under a Resources/ folder, which Unity builds into the player whole"));
                }
            }

            ReadAddressables(Reach);

            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                foreach (var guid in ReferencesOf(current))
                {
                    if (!_pathsByGuid.TryGetValue(guid, out var targets))
                    {
                        _unresolvedGuids++;
                        continue;
                    }

                    foreach (var target in targets)
                    {
                        if (!_folders.Contains(target) && !_reached.ContainsKey(target))
                        {
                            _referencedFrom[target] = current;
                            Reach(target, new ShippingVerdict(true, ReferenceChain(current)));
                        }
                    }
                }
            }

            if (_unresolvedGuids > 0)
            {
                _problems.Note(_root, Wording.Count(_unresolvedGuids, "reference", "references") + " from shipped assets name a GUID with no .meta file in the scanned files (a package outside the project folder, or a deleted asset); not followed");
            }
        }

        /// <summary>"referenced from Assets/Prefabs/Npc.prefab <- Assets/Scenes/Main.unity (an enabled scene in Build Settings)".</summary>
        private string ReferenceChain(string referrer)
        {
            var chain = new List<string> { referrer };
            var at = referrer;
            while (_referencedFrom.TryGetValue(at, out var parent))
            {
                chain.Add(parent);
                at = parent;
            }

            return "referenced from " + string.Join(" <- ", chain) + " (" + _reached[at].Reason + ")";
        }

        private void ReadBuildSettings(Action<string, ShippingVerdict> reach)
        {
            var path = Path.Combine(_root, "ProjectSettings", "EditorBuildSettings.asset");
            if (!File.Exists(path))
            {
                // Unity then builds the scene open in the Editor: any scene may be it.
                _incomplete = "ProjectSettings/EditorBuildSettings.asset is missing, so Unity builds whichever scene is open";
                return;
            }

            var text = ReadText(path);
            if (text == null)
            {
                _incomplete = "ProjectSettings/EditorBuildSettings.asset could not be read";
                return;
            }

            if (!UnityYamlReferences.IsYamlHeader(text))
            {
                _problems.Note(path, "binary-serialized (Asset Serialization is not Force Text), so its scene list cannot be read; every scene is treated as shipped");
                _incomplete = "ProjectSettings/EditorBuildSettings.asset is binary-serialized, so Build Settings cannot be read";
                return;
            }

            foreach (var scene in UnitySettingsReaders.Scenes(text))
            {
                // Unity follows the scene by GUID when the path went stale (the scene was moved), as the Build Settings window shows it.
                var resolved = scene.Guid != null && _pathsByGuid.TryGetValue(scene.Guid, out var byGuid) ? byGuid[0] : scene.Path;
                if (resolved == null)
                {
                    continue;
                }

                _scenesInBuildSettings[resolved] = scene.Enabled || (_scenesInBuildSettings.TryGetValue(resolved, out var before) && before);
                if (scene.Enabled && IsMissing(resolved))
                {
                    // The Build Settings window shows it as deleted; there is no file to ship or to follow.
                    _problems.Note(path, "lists the enabled scene " + resolved + ", which is not in the project (deleted, or moved without its .meta file)");
                }
                else if (scene.Enabled)
                {
                    reach(resolved, new ShippingVerdict(true, "an enabled scene in Build Settings"));
                }
            }
        }

        private void ReadAddressables(Action<string, ShippingVerdict> reach)
        {
            foreach (var group in _knownFiles.Where(IsAddressablesGroup).ToList())
            {
                var text = ReadText(Path.Combine(_root, group));
                if (text == null)
                {
                    continue;
                }

                if (!UnityYamlReferences.IsYamlHeader(text))
                {
                    Binary(group);
                    continue;
                }

                var parsed = UnitySettingsReaders.Group(text);
                if (UnitySettingsReaders.LeavesGroupOutOfBuild(parsed, schemaGuid => _pathsByGuid.TryGetValue(schemaGuid, out var schemaPaths) ? ReadText(Path.Combine(_root, schemaPaths[0])) : null))
                {
                    continue;
                }

                var why = new ShippingVerdict(true, "an entry of Addressables group '" + (parsed.Name ?? Path.GetFileNameWithoutExtension(group)) + "', built into the player's content");
                foreach (var guid in parsed.EntryGuids)
                {
                    if (!_pathsByGuid.TryGetValue(guid, out var entries))
                    {
                        _unresolvedGuids++;
                        continue;
                    }

                    foreach (var entry in entries)
                    {
                        if (_folders.Contains(entry))
                        {
                            // A folder entry puts everything below it in the group.
                            foreach (var file in _knownFiles.Where(f => f.StartsWith(entry + "/", StringComparison.OrdinalIgnoreCase)))
                            {
                                reach(file, why);
                            }
                        }
                        else
                        {
                            reach(entry, why);
                        }
                    }
                }
            }
        }

        /// <summary>The GUIDs a reached file references; none for files Unity does not serialize (textures, scripts, JSON).</summary>
        private IEnumerable<string> ReferencesOf(string relative)
        {
            if (!SerializedExtensions.Contains(Path.GetExtension(relative)))
            {
                return Array.Empty<string>();
            }

            if (IsMissing(relative))
            {
                // A .meta file left behind by a deleted asset: nothing to read, nothing that could hold a key.
                _problems.Note(Path.Combine(_root, relative + ".meta"), "its asset is not in the project (a .meta file left behind), so the references to it lead nowhere");
                return Array.Empty<string>();
            }

            var text = ReadText(Path.Combine(_root, relative));
            if (text == null)
            {
                return Array.Empty<string>();
            }

            if (!UnityYamlReferences.IsYamlHeader(text))
            {
                Binary(relative);
                return Array.Empty<string>();
            }

            return UnityYamlReferences.Guids(text);
        }

        private void Binary(string relative)
        {
            _problems.Note(Path.Combine(_root, relative), "binary-serialized (Asset Serialization is not Force Text), so what it references cannot be read; every asset not shown to ship is treated as shipped");
            _incomplete ??= relative + " ships and is binary-serialized, so what it references cannot be read";
        }

        private string? ReadText(string path)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _problems.NotRead(path, e);
                _incomplete ??= Relative(path) + " could not be read";
                return null;
            }
        }

        /// <summary>No file and no symlink at the path (a dangling symlink is a file that cannot be read: an error, not this).</summary>
        private bool IsMissing(string relative)
        {
            var full = Path.Combine(_root, relative);
            return !File.Exists(full) && !Directory.Exists(full) && new FileInfo(full).LinkTarget == null;
        }

        private string Relative(string path) => Path.GetRelativePath(_root, Path.Combine(_root, path)).Replace('\\', '/');

        private static bool IsAddressablesGroup(string relative)
        {
            var segments = relative.Split('/');
            return segments.Length >= 3 && relative.EndsWith(".asset", StringComparison.OrdinalIgnoreCase) &&
                   segments[segments.Length - 2].Equals("AssetGroups", StringComparison.OrdinalIgnoreCase) &&
                   segments[segments.Length - 3].Equals("AddressableAssetsData", StringComparison.OrdinalIgnoreCase);
        }

        private static readonly ShippingVerdict PlayerSetting = new ShippingVerdict(true, "a project setting, which Unity builds into every player unless it is one of the Editor's own");

        /// <summary>A file directly in ProjectSettings/ that is not one of the Editor's own settings (ProjectSettings/Packages/ holds packages' Editor settings).</summary>
        private static bool IsPlayerSetting(string[] segments)
            => segments.Length == 2 && segments[0].Equals("ProjectSettings", StringComparison.OrdinalIgnoreCase) && !EditorOnlySettings.Contains(segments[1]);
    }
}
