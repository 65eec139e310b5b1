// Stand-ins for the Unity API the package's Editor glue (unity/com.inworld.analyzers/Editor) uses. Compiled by the
// tests into an assembly of their own, which the glue is compiled against and run with: signatures are copied from
// Unity's Scripting API reference (page cited next to each); bodies are test doubles driven by UnityStubControl.
#pragma warning disable
using System;
using System.Collections.Generic;

namespace InworldTestStubs
{
    /// <summary>What the stubs return and what they recorded (not Unity API).</summary>
    public static class UnityStubControl
    {
        public static bool IsBatchMode;
        public static string DataPath = string.Empty;
        public static UnityEditor.EditorBuildSettingsScene[] Scenes = new UnityEditor.EditorBuildSettingsScene[0];
        public static Dictionary<string, string[]> Dependencies = new Dictionary<string, string[]>();
        public static Dictionary<string, string> GuidToPath = new Dictionary<string, string>();
        public static Dictionary<string, string> SessionStrings = new Dictionary<string, string>();
        public static Dictionary<string, bool> SessionBools = new Dictionary<string, bool>();
        public static List<string> Errors = new List<string>();
        public static List<string> Warnings = new List<string>();
        public static List<string> Infos = new List<string>();
        public static List<string> ErrorContexts = new List<string>();

        public static void Reset()
        {
            IsBatchMode = false;
            DataPath = string.Empty;
            Scenes = new UnityEditor.EditorBuildSettingsScene[0];
            Dependencies.Clear();
            GuidToPath.Clear();
            SessionStrings.Clear();
            SessionBools.Clear();
            Errors.Clear();
            Warnings.Clear();
            Infos.Clear();
            ErrorContexts.Clear();
        }
    }
}

namespace UnityEngine
{
    // https://docs.unity3d.com/ScriptReference/Object.html
    public class Object
    {
        // https://docs.unity3d.com/ScriptReference/Object-name.html
        public string name { get; set; }
    }

    // https://docs.unity3d.com/ScriptReference/Application.html
    public static class Application
    {
        // https://docs.unity3d.com/ScriptReference/Application-isBatchMode.html
        public static bool isBatchMode => InworldTestStubs.UnityStubControl.IsBatchMode;
        // https://docs.unity3d.com/ScriptReference/Application-dataPath.html
        public static string dataPath => InworldTestStubs.UnityStubControl.DataPath;
    }

    // https://docs.unity3d.com/ScriptReference/Debug.html
    public static class Debug
    {
        // https://docs.unity3d.com/ScriptReference/Debug.Log.html
        public static void Log(object message) => InworldTestStubs.UnityStubControl.Infos.Add(message?.ToString());
        // https://docs.unity3d.com/ScriptReference/Debug.LogWarning.html
        public static void LogWarning(object message) => InworldTestStubs.UnityStubControl.Warnings.Add(message?.ToString());
        // https://docs.unity3d.com/ScriptReference/Debug.LogError.html
        public static void LogError(object message) => InworldTestStubs.UnityStubControl.Errors.Add(message?.ToString());
        public static void LogError(object message, Object context)
        {
            InworldTestStubs.UnityStubControl.Errors.Add(message?.ToString());
            InworldTestStubs.UnityStubControl.ErrorContexts.Add(context?.name);
        }
    }
}

namespace UnityEditor
{
    // https://docs.unity3d.com/ScriptReference/MenuItem.html
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class MenuItem : Attribute
    {
        public MenuItem(string itemName) { ItemName = itemName; }
        public string ItemName { get; }
    }

    // https://docs.unity3d.com/ScriptReference/InitializeOnLoadAttribute.html
    [AttributeUsage(AttributeTargets.Class)]
    public class InitializeOnLoadAttribute : Attribute { }

    // https://docs.unity3d.com/ScriptReference/EditorBuildSettingsScene.html
    public class EditorBuildSettingsScene
    {
        // https://docs.unity3d.com/ScriptReference/EditorBuildSettingsScene-ctor.html
        public EditorBuildSettingsScene(string path, bool enable) { this.path = path; enabled = enable; }
        // https://docs.unity3d.com/ScriptReference/EditorBuildSettingsScene-enabled.html
        public bool enabled { get; set; }
        // https://docs.unity3d.com/ScriptReference/EditorBuildSettingsScene-path.html
        public string path { get; set; }
    }

    // https://docs.unity3d.com/ScriptReference/EditorBuildSettings.html
    public class EditorBuildSettings
    {
        // https://docs.unity3d.com/ScriptReference/EditorBuildSettings-scenes.html
        public static EditorBuildSettingsScene[] scenes
        {
            get => InworldTestStubs.UnityStubControl.Scenes;
            set => InworldTestStubs.UnityStubControl.Scenes = value;
        }
    }

    // https://docs.unity3d.com/ScriptReference/AssetDatabase.html
    public sealed class AssetDatabase
    {
        // https://docs.unity3d.com/ScriptReference/AssetDatabase.GetDependencies.html
        // Returns the inputs and, recursively, what UnityStubControl.Dependencies says each depends on (as Unity does, inputs included).
        public static string[] GetDependencies(string[] pathNames, bool recursive)
        {
            var result = new List<string>();
            var pending = new Queue<string>(pathNames);
            while (pending.Count > 0)
            {
                var path = pending.Dequeue();
                if (result.Contains(path)) continue;
                result.Add(path);
                if (InworldTestStubs.UnityStubControl.Dependencies.TryGetValue(path, out var more))
                {
                    foreach (var dependency in more) if (recursive || Array.IndexOf(pathNames, path) >= 0) pending.Enqueue(dependency);
                }
            }

            return result.ToArray();
        }

        // https://docs.unity3d.com/ScriptReference/AssetDatabase.GUIDToAssetPath.html
        public static string GUIDToAssetPath(string guid)
            => InworldTestStubs.UnityStubControl.GuidToPath.TryGetValue(guid, out var path) ? path : string.Empty;

        // https://docs.unity3d.com/ScriptReference/AssetDatabase.LoadMainAssetAtPath.html
        public static UnityEngine.Object LoadMainAssetAtPath(string assetPath) => new UnityEngine.Object { name = assetPath };
    }

    // https://docs.unity3d.com/ScriptReference/SessionState.html
    public class SessionState
    {
        // https://docs.unity3d.com/ScriptReference/SessionState.GetString.html
        public static string GetString(string key, string defaultValue)
            => InworldTestStubs.UnityStubControl.SessionStrings.TryGetValue(key, out var value) ? value : defaultValue;
        // https://docs.unity3d.com/ScriptReference/SessionState.SetString.html
        public static void SetString(string key, string value) => InworldTestStubs.UnityStubControl.SessionStrings[key] = value;
        // https://docs.unity3d.com/ScriptReference/SessionState.GetBool.html
        public static bool GetBool(string key, bool defaultValue)
            => InworldTestStubs.UnityStubControl.SessionBools.TryGetValue(key, out var value) ? value : defaultValue;
        // https://docs.unity3d.com/ScriptReference/SessionState.SetBool.html
        public static void SetBool(string key, bool value) => InworldTestStubs.UnityStubControl.SessionBools[key] = value;
    }
}

namespace UnityEditor.Build
{
    // https://docs.unity3d.com/ScriptReference/Build.IOrderedCallback.html
    public interface IOrderedCallback
    {
        // https://docs.unity3d.com/ScriptReference/Build.IOrderedCallback-callbackOrder.html
        int callbackOrder { get; }
    }

    // https://docs.unity3d.com/ScriptReference/Build.IPreprocessBuildWithReport.html
    public interface IPreprocessBuildWithReport : IOrderedCallback
    {
        // https://docs.unity3d.com/ScriptReference/Build.IPreprocessBuildWithReport.OnPreprocessBuild.html
        void OnPreprocessBuild(UnityEditor.Build.Reporting.BuildReport report);
    }

    // https://docs.unity3d.com/ScriptReference/Build.IPostBuildPlayerScriptDLLs.html
    public interface IPostBuildPlayerScriptDLLs : IOrderedCallback
    {
        // https://docs.unity3d.com/ScriptReference/Build.IPostBuildPlayerScriptDLLs.OnPostBuildPlayerScriptDLLs.html
        void OnPostBuildPlayerScriptDLLs(UnityEditor.Build.Reporting.BuildReport report);
    }

    // https://docs.unity3d.com/ScriptReference/Build.BuildFailedException.html
    public class BuildFailedException : Exception
    {
        // https://docs.unity3d.com/ScriptReference/Build.BuildFailedException-ctor.html
        public BuildFailedException(string message) : base(message) { }
        public BuildFailedException(Exception innerException) : base(null, innerException) { }
    }
}

namespace UnityEditor.Build.Reporting
{
    // https://docs.unity3d.com/ScriptReference/Build.Reporting.BuildReport.html
    public sealed class BuildReport : UnityEngine.Object { }
}

namespace UnityEditor.Compilation
{
    // https://docs.unity3d.com/ScriptReference/Compilation.CompilerMessageType.html
    public enum CompilerMessageType { Error = 0, Warning = 1, Info = 2 }

    // https://docs.unity3d.com/ScriptReference/Compilation.CompilerMessage.html
    public struct CompilerMessage
    {
        // https://docs.unity3d.com/ScriptReference/Compilation.CompilerMessage-message.html
        public string message;
        // https://docs.unity3d.com/ScriptReference/Compilation.CompilerMessage-file.html
        public string file;
        // https://docs.unity3d.com/ScriptReference/Compilation.CompilerMessage-line.html
        public int line;
        // https://docs.unity3d.com/ScriptReference/Compilation.CompilerMessage-column.html
        public int column;
        // https://docs.unity3d.com/ScriptReference/Compilation.CompilerMessage-type.html
        public CompilerMessageType type;
    }

    // https://docs.unity3d.com/ScriptReference/Compilation.CompilationPipeline.html
    public static class CompilationPipeline
    {
        // https://docs.unity3d.com/ScriptReference/Compilation.CompilationPipeline-assemblyCompilationFinished.html
        public static event Action<string, CompilerMessage[]> assemblyCompilationFinished;

        /// <summary>Test hook (not Unity API): raises assemblyCompilationFinished as Unity does after compiling an assembly.</summary>
        public static void RaiseForTest(string assemblyPath, CompilerMessage[] messages) => assemblyCompilationFinished?.Invoke(assemblyPath, messages);
    }
}
