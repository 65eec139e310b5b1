using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Inworld.Unity.Editor
{
    /// <summary>What the build step does with its findings.</summary>
    public enum GateAction
    {
        /// <summary>No findings: the build goes on.</summary>
        Pass,

        /// <summary>Findings are Console errors and the build goes on (interactive Editor, project opted out).</summary>
        ReportOnly,

        /// <summary>Findings are Console errors and the build stops with a BuildFailedException.</summary>
        FailBuild,
    }

    /// <summary>The gate's decision: <see cref="Decide"/> is a pure function of (findings, batch mode, settings).</summary>
    public sealed class GateDecision
    {
        private GateDecision(GateAction action, IReadOnlyList<UnityFinding> findings, string summary)
        {
            Action = action;
            Findings = findings;
            Summary = summary;
        }

        public GateAction Action { get; }

        /// <summary>Everything to report, the settings problem included; each one a Console error.</summary>
        public IReadOnlyList<UnityFinding> Findings { get; }

        /// <summary>The text of the BuildFailedException (or of the Console summary): one line per finding, with asset path and line.</summary>
        public string Summary { get; }

        /// <summary>
        /// Batch mode (CI, <c>-batchmode</c>): any finding fails the build, whatever the settings say.
        /// Interactive Editor: findings fail the build unless the project set failInteractiveBuilds to false; then they
        /// are only Console errors. A settings file that cannot be understood is itself a finding, and the default applies.
        /// </summary>
        public static GateDecision Decide(IReadOnlyList<UnityFinding> findings, bool isBatchMode, GateSettings settings)
        {
            if (findings == null) throw new ArgumentNullException(nameof(findings));
            if (settings == null) throw new ArgumentNullException(nameof(settings));

            var all = settings.Problem == null ? findings.ToList() : new[] { settings.Problem }.Concat(findings).ToList();
            if (all.Count == 0)
            {
                return new GateDecision(GateAction.Pass, all, "Inworld build gate: no Inworld credentials found in the player build.");
            }

            var fail = isBatchMode || settings.FailInteractiveBuilds;
            var action = fail ? GateAction.FailBuild : GateAction.ReportOnly;
            var summary = new StringBuilder();
            summary.Append("Inworld build gate: ").Append(all.Count).Append(all.Count == 1 ? " finding" : " findings");
            summary.Append(fail
                ? (isBatchMode ? " (batch mode: the build fails)" : " (the build fails; set \"" + GateSettings.FailInteractiveBuildsName + "\": false in " + GateSettings.RelativePath + " to let Editor builds go on)")
                : " (the build goes on: " + GateSettings.RelativePath + " sets \"" + GateSettings.FailInteractiveBuildsName + "\": false; batch-mode builds still fail)");
            summary.Append(':');
            foreach (var finding in all)
            {
                summary.Append('\n').Append(finding.ToLogLine("error"));
            }

            return new GateDecision(action, all, summary.ToString());
        }
    }
}
