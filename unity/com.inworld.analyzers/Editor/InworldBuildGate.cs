// The Inworld build gate: Unity calls it before every player build. Thin glue over Inworld.Unity.Editor.dll, where
// the decisions live (plain .NET, tested without Unity). Unity API used here, from the Scripting API reference:
//   IPreprocessBuildWithReport.OnPreprocessBuild(BuildReport), callbackOrder
//     https://docs.unity3d.com/ScriptReference/Build.IPreprocessBuildWithReport.html
//   IPostBuildPlayerScriptDLLs.OnPostBuildPlayerScriptDLLs(BuildReport)
//     https://docs.unity3d.com/ScriptReference/Build.IPostBuildPlayerScriptDLLs.html
//   BuildFailedException(string)      https://docs.unity3d.com/ScriptReference/Build.BuildFailedException.html
//   Application.isBatchMode           https://docs.unity3d.com/ScriptReference/Application-isBatchMode.html
//   Debug.LogError(object, Object)    https://docs.unity3d.com/ScriptReference/Debug.LogError.html
using System.Collections.Generic;
using System.Linq;
using Inworld.Unity.Editor;
using UnityEditor.Build;
using UnityEditor.Build.Reporting;
using UnityEngine;

namespace Inworld.Analyzers.UnityGate
{
    /// <summary>
    /// Before a player build: scans what the build will contain (InworldProjectScan) and takes the INW messages of the
    /// script compilation (InworldCompilerMessages). After the player scripts are compiled: takes the messages of that
    /// compilation. Batch mode fails on any finding; the interactive Editor fails unless
    /// ProjectSettings/InworldBuildGate.json says { "failInteractiveBuilds": false }.
    /// </summary>
    public sealed class InworldBuildGate : IPreprocessBuildWithReport, IPostBuildPlayerScriptDLLs
    {
        /// <summary>Early, so a build with a key stops before Unity spends time on it.</summary>
        public int callbackOrder => -1000;

        public void OnPreprocessBuild(BuildReport report)
        {
            InworldCompilerMessages.BeginPlayerBuild();
            var findings = new List<UnityFinding>(InworldProjectScan.ScanPlayerContent());
            findings.AddRange(InworldCompilerMessages.Current());
            if (!InworldCompilerMessages.HasSeenCompilation())
            {
                Debug.LogWarning("Inworld build gate: no script compilation has been seen since the package loaded, so INW messages of C# code are taken from the player's script compilation only.");
            }

            Apply(findings);
        }

        public void OnPostBuildPlayerScriptDLLs(BuildReport report) => Apply(InworldCompilerMessages.SincePlayerBuildBegan());

        /// <summary>Console errors for every finding, then the decision: a BuildFailedException stops the build.</summary>
        internal static GateDecision Apply(IReadOnlyList<UnityFinding> findings)
        {
            var decision = GateDecision.Decide(findings, Application.isBatchMode, GateSettings.Load(InworldProjectScan.ProjectRoot));
            foreach (var finding in decision.Findings)
            {
                Debug.LogError(finding.ToLogLine("error"));
            }

            if (decision.Action == GateAction.FailBuild)
            {
                throw new BuildFailedException(decision.Summary);
            }

            if (decision.Action == GateAction.ReportOnly)
            {
                Debug.LogWarning(decision.Summary);
            }

            return decision;
        }
    }
}
