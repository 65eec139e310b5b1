// Collects the INW messages of Unity's script compilation. Unity API used here, from the Scripting API reference:
//   CompilationPipeline.assemblyCompilationFinished (Action<string, CompilerMessage[]>)
//     https://docs.unity3d.com/ScriptReference/Compilation.CompilationPipeline-assemblyCompilationFinished.html
//   CompilerMessage.message/.file/.line/.column  https://docs.unity3d.com/ScriptReference/Compilation.CompilerMessage.html
//   InitializeOnLoadAttribute                    https://docs.unity3d.com/ScriptReference/InitializeOnLoadAttribute.html
//   SessionState.GetString/SetString/GetBool/SetBool (survive domain reloads within one Editor session)
//     https://docs.unity3d.com/ScriptReference/SessionState.html
using System.Collections.Generic;
using System.Linq;
using Inworld.Unity.Editor;
using UnityEditor;
using UnityEditor.Compilation;

namespace Inworld.Analyzers.UnityGate
{
    [InitializeOnLoad]
    public static class InworldCompilerMessages
    {
        private const string EditorLogKey = "Inworld.Analyzers.CompilerMessages";
        private const string PlayerLogKey = "Inworld.Analyzers.PlayerBuildCompilerMessages";
        private const string SeenKey = "Inworld.Analyzers.CompilationSeen";

        static InworldCompilerMessages()
        {
            CompilationPipeline.assemblyCompilationFinished += OnAssemblyCompilationFinished;
        }

        /// <summary>Unity compiles assemblies one by one (Editor and player builds); each call replaces that assembly's messages.</summary>
        internal static void OnAssemblyCompilationFinished(string assemblyPath, CompilerMessage[] messages)
        {
            var entries = (messages ?? new CompilerMessage[0]).Select(m => (m.message, m.file, m.line, m.column)).ToList();
            foreach (var key in new[] { EditorLogKey, PlayerLogKey })
            {
                var log = CompilerMessageLog.FromText(SessionState.GetString(key, string.Empty));
                log.Record(assemblyPath, entries);
                SessionState.SetString(key, log.ToText());
            }

            SessionState.SetBool(SeenKey, true);
        }

        /// <summary>The INW messages of the latest compilation of every assembly in this Editor session.</summary>
        public static IReadOnlyList<UnityFinding> Current() => CompilerMessageLog.FromText(SessionState.GetString(EditorLogKey, string.Empty)).All;

        public static bool HasSeenCompilation() => SessionState.GetBool(SeenKey, false);

        internal static void BeginPlayerBuild() => SessionState.SetString(PlayerLogKey, string.Empty);

        /// <summary>The INW messages of the assemblies compiled since the player build began (its scripts).</summary>
        public static IReadOnlyList<UnityFinding> SincePlayerBuildBegan() => CompilerMessageLog.FromText(SessionState.GetString(PlayerLogKey, string.Empty)).All;
    }
}
