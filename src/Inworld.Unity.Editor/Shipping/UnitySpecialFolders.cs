using System;

namespace Inworld.Unity.Editor.Shipping
{
    /// <summary>
    /// Unity's special folder names, as the player build treats them (Unity Manual, "Special folder names":
    /// https://docs.unity3d.com/Manual/SpecialFolders.html). One answer for the Editor build gate and for inworld-scan.
    /// Paths are given as their segments, relative to the project folder ("Assets", "Prefabs", "Npc.prefab").
    /// </summary>
    public static class UnitySpecialFolders
    {
        /// <summary>Under Assets/StreamingAssets/: copied into the player as it is.</summary>
        public static bool IsStreamingAssets(string[] segments)
            => segments.Length > 2 && segments[0].Equals("Assets", StringComparison.OrdinalIgnoreCase) && segments[1].Equals("StreamingAssets", StringComparison.OrdinalIgnoreCase);

        /// <summary>Inside a folder named Resources, at any depth: built into the player whole (unless <see cref="IsEditorOnly"/>).</summary>
        public static bool IsInResources(string[] segments) => HasFolder(segments, "Resources");

        /// <summary>Inside an Editor/ folder at any depth, or Editor Default Resources/: only the Editor loads it.</summary>
        public static bool IsEditorOnly(string[] segments) => HasFolder(segments, "Editor") || HasFolder(segments, "Editor Default Resources");

        /// <summary>Built into the player as part of a Resources/ folder: inside one, and not Editor-only.</summary>
        public static bool ShipsAsResource(string[] segments) => IsInResources(segments) && !IsEditorOnly(segments);

        /// <summary>Does a folder (not the file name, the last segment) of the path have this name?</summary>
        private static bool HasFolder(string[] segments, string name)
        {
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (segments[i].Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The segments of a project-relative path, with '/' or '\' as separators.</summary>
        public static string[] Segments(string relativePath) => relativePath.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
