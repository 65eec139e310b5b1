// What the player build contains, from Unity's own lists, and the Tools > Inworld > Scan Project menu item.
// Unity API used here, from the Scripting API reference:
//   EditorBuildSettings.scenes, EditorBuildSettingsScene.enabled/.path
//     https://docs.unity3d.com/ScriptReference/EditorBuildSettings-scenes.html
//     https://docs.unity3d.com/ScriptReference/EditorBuildSettingsScene.html
//   AssetDatabase.GetDependencies(string[], bool)  https://docs.unity3d.com/ScriptReference/AssetDatabase.GetDependencies.html
//   AssetDatabase.GUIDToAssetPath(string)          https://docs.unity3d.com/ScriptReference/AssetDatabase.GUIDToAssetPath.html
//   AssetDatabase.LoadMainAssetAtPath(string)      https://docs.unity3d.com/ScriptReference/AssetDatabase.LoadMainAssetAtPath.html
//   Application.dataPath                           https://docs.unity3d.com/ScriptReference/Application-dataPath.html
//   MenuItem(string)                               https://docs.unity3d.com/ScriptReference/MenuItem.html
//   Debug.Log / LogError(object, Object)           https://docs.unity3d.com/ScriptReference/Debug.LogError.html
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Inworld.Unity.Editor;
using UnityEditor;
using UnityEngine;

namespace Inworld.Analyzers.UnityGate
{
    public static class InworldProjectScan
    {
        /// <summary>The Unity project's root folder (the parent of Assets/).</summary>
        public static string ProjectRoot => Path.GetDirectoryName(Application.dataPath);

        /// <summary>
        /// The assets the player build will contain: the scenes enabled in Build Settings, everything under Resources/
        /// folders, the assets Addressables groups list, all they depend on (AssetDatabase.GetDependencies, recursive),
        /// and every file of StreamingAssets/. Addressables groups that cannot be read are reported in <paramref name="problems"/>.
        /// </summary>
        public static IReadOnlyList<string> PlayerAssets(List<UnityFinding> problems)
        {
            var root = ProjectRoot;
            var roots = new List<string>();
            roots.AddRange(EditorBuildSettings.scenes.Where(scene => scene.enabled && !string.IsNullOrEmpty(scene.path)).Select(scene => scene.path));
            roots.AddRange(PlayerContent.ResourcesFiles(root));
            foreach (var guid in PlayerContent.AddressableEntryGuids(root, problems))
            {
                var path = AssetDatabase.GUIDToAssetPath(guid);
                if (!string.IsNullOrEmpty(path))
                {
                    roots.Add(path);
                }
            }

            var assets = new SortedSet<string>(roots, System.StringComparer.Ordinal);
            if (roots.Count > 0)
            {
                assets.UnionWith(AssetDatabase.GetDependencies(roots.ToArray(), true));
            }

            assets.UnionWith(PlayerContent.StreamingAssetsFiles(root));
            return assets.ToList();
        }

        /// <summary>The credential scan of the player content (the analyzers' INW004 detection), unreadable files included as findings.</summary>
        public static IReadOnlyList<UnityFinding> ScanPlayerContent()
        {
            var findings = new List<UnityFinding>();
            var assets = PlayerAssets(findings);
            findings.AddRange(ShippedAssetScan.Scan(ProjectRoot, assets));
            return findings;
        }

        [MenuItem("Tools/Inworld/Scan Project")]
        public static void ScanProject()
        {
            var findings = new List<UnityFinding>(ScanPlayerContent());
            findings.AddRange(InworldCompilerMessages.Current());
            var settingsProblem = GateSettings.Load(ProjectRoot).Problem;
            if (settingsProblem != null)
            {
                findings.Insert(0, settingsProblem);
            }

            if (findings.Count == 0)
            {
                Debug.Log("Inworld: no Inworld credentials found in the player build's scenes, Resources, StreamingAssets and Addressables, and no INW compiler messages.");
                return;
            }

            foreach (var finding in findings)
            {
                // The asset as context: clicking the Console entry selects it in the Project window.
                var asset = finding.Path.Length == 0 ? null : AssetDatabase.LoadMainAssetAtPath(finding.Path);
                Debug.LogError(finding.ToLogLine("error"), asset);
            }

            Debug.LogError("Inworld: " + findings.Count + (findings.Count == 1 ? " finding" : " findings") + " (click one to select its asset). See docs/unity.md of Inworld.Analyzers.");
        }
    }
}
