using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Inworld.Scan
{
    /// <summary>One Unity project found below the scan root: a folder holding ProjectSettings/ProjectVersion.txt.</summary>
    internal sealed class UnityProject
    {
        public UnityProject(string root, string? version)
        {
            Root = root;
            Version = version;
        }

        public string Root { get; }

        /// <summary>m_EditorVersion, such as 2022.3.10f1; null when the file does not say.</summary>
        public string? Version { get; }

        /// <summary>
        /// The symbols Unity's Editor compiles scripts with (UNITY_EDITOR and the version symbols), so code in
        /// #if UNITY_EDITOR blocks is read; a server build (--project-kind server) adds UNITY_SERVER.
        /// </summary>
        public string[] PreprocessorSymbols(bool serverBuild)
        {
            var symbols = new List<string> { "UNITY_EDITOR", "UNITY_5_3_OR_NEWER", "ENABLE_MONO" };
            if (Version != null)
            {
                var parts = Version.Split('.');
                if (parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor))
                {
                    symbols.Add("UNITY_" + major);
                    symbols.Add("UNITY_" + major + "_" + minor);
                    for (var year = 2017; year <= Math.Min(major, 2030); year++)
                    {
                        for (var m = 1; m <= 4 && (year < major || m <= minor); m++)
                        {
                            symbols.Add("UNITY_" + year + "_" + m + "_OR_NEWER");
                        }
                    }

                    if (major >= 6000)
                    {
                        symbols.Add("UNITY_6000_0_OR_NEWER");
                    }
                }
            }

            if (serverBuild)
            {
                symbols.Add("UNITY_SERVER");
            }

            return symbols.ToArray();
        }

        public static string? ReadVersion(string projectVersionFile, ScanProblems problems)
        {
            try
            {
                foreach (var line in File.ReadAllLines(projectVersionFile))
                {
                    if (line.StartsWith("m_EditorVersion:", StringComparison.Ordinal))
                    {
                        return line.Substring("m_EditorVersion:".Length).Trim();
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                problems.NotRead(projectVersionFile, e);
            }

            return null;
        }
    }

    /// <summary>
    /// Which assembly Unity compiles a script into: the nearest .asmdef folder's assembly (its "name"), else the
    /// predefined assemblies: Assembly-CSharp-firstpass for Assets/Plugins, Assets/Standard Assets and
    /// Assets/Pro Standard Assets, Assembly-CSharp otherwise, each with an -Editor twin for scripts in an Editor/
    /// folder. The assembly name matters to the rules: UnityContext tells Editor-only assemblies by it.
    /// </summary>
    internal static class UnityAssemblies
    {
        private static readonly string[] FirstPassFolders = { "Plugins", "Standard Assets", "Pro Standard Assets" };

        /// <summary>Assembly name and the folder that identifies it (asmdef folder, or the project root).</summary>
        public static (string Name, string Key) For(UnityProject project, string file, IReadOnlyDictionary<string, string> asmdefByFolder)
        {
            for (var directory = Path.GetDirectoryName(file); directory != null && directory.Length > project.Root.Length; directory = Path.GetDirectoryName(directory))
            {
                if (asmdefByFolder.TryGetValue(directory, out var name))
                {
                    return (name, directory);
                }
            }

            var relative = Path.GetRelativePath(project.Root, file).Replace('\\', '/');
            var segments = relative.Split('/');
            var firstPass = segments.Length > 2 && segments[0] == "Assets" && Array.IndexOf(FirstPassFolders, segments[1]) >= 0;
            var editor = false;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                editor |= string.Equals(segments[i], "Editor", StringComparison.OrdinalIgnoreCase);
            }

            var assembly = (firstPass ? "Assembly-CSharp-firstpass" : "Assembly-CSharp") + (editor ? "-Editor" : string.Empty);
            if (firstPass && editor)
            {
                assembly = "Assembly-CSharp-Editor-firstpass";
            }

            return (assembly, project.Root + "|" + assembly);
        }

        /// <summary>The "name" of an .asmdef (JSON); the file name when it has none or cannot be read.</summary>
        public static string AsmdefName(string asmdefFile, ScanProblems problems)
        {
            var fallback = Path.GetFileNameWithoutExtension(asmdefFile);
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(asmdefFile), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (document.RootElement.ValueKind == JsonValueKind.Object &&
                    document.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String &&
                    !string.IsNullOrWhiteSpace(name.GetString()))
                {
                    return name.GetString()!;
                }
            }
            catch (JsonException e)
            {
                problems.Error(asmdefFile, "cannot parse assembly definition: " + e.Message);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                problems.NotRead(asmdefFile, e);
            }

            return fallback;
        }
    }
}
