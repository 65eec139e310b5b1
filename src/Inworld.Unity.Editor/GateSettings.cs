using System;
using System.IO;
using System.Text;

namespace Inworld.Unity.Editor
{
    /// <summary>
    /// The gate's one setting, read from ProjectSettings/InworldBuildGate.json: <c>{ "failInteractiveBuilds": false }</c>
    /// lets a build started from the Editor's Build window go on with findings (they are still Console errors).
    /// Batch-mode builds (CI) always fail on findings; nothing turns that off.
    /// </summary>
    public sealed class GateSettings
    {
        /// <summary>The settings file, relative to the Unity project's root folder.</summary>
        public const string RelativePath = "ProjectSettings/InworldBuildGate.json";

        public const string FailInteractiveBuildsName = "failInteractiveBuilds";

        public static readonly GateSettings Default = new GateSettings(failInteractiveBuilds: true, problem: null);

        public GateSettings(bool failInteractiveBuilds, UnityFinding? problem = null)
        {
            FailInteractiveBuilds = failInteractiveBuilds;
            Problem = problem;
        }

        /// <summary>Do findings fail a build started from the interactive Editor? Default: yes.</summary>
        public bool FailInteractiveBuilds { get; }

        /// <summary>Why the settings file could not be used (then the defaults apply, and the gate reports this as a finding).</summary>
        public UnityFinding? Problem { get; }

        /// <summary>Reads the settings of the Unity project at <paramref name="projectRoot"/>. A missing file means the defaults.</summary>
        public static GateSettings Load(string projectRoot)
        {
            var path = System.IO.Path.Combine(projectRoot, RelativePath);
            if (!File.Exists(path))
            {
                return Default;
            }

            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Invalid("could not be read (" + e.Message + ")");
            }

            return Parse(text);
        }

        /// <summary>
        /// The settings in a file's text: <c>{}</c> or <c>{ "failInteractiveBuilds": true|false }</c>, whitespace anywhere.
        /// Anything else (another name, another value, a typo) is reported, never ignored: a misspelt opt-out must not
        /// pass unnoticed, and neither must a broken file.
        /// </summary>
        public static GateSettings Parse(string text)
        {
            var compact = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    compact.Append(c);
                }
            }

            var body = compact.ToString();
            if (body == "{}")
            {
                return Default;
            }

            const string Prefix = "{\"" + FailInteractiveBuildsName + "\":";
            if (body == Prefix + "true}")
            {
                return new GateSettings(failInteractiveBuilds: true);
            }

            if (body == Prefix + "false}")
            {
                return new GateSettings(failInteractiveBuilds: false);
            }

            return Invalid(body.StartsWith(Prefix, StringComparison.Ordinal)
                ? "has an invalid value for '" + FailInteractiveBuildsName + "': expected true or false"
                : "is not { \"" + FailInteractiveBuildsName + "\": true|false } (the gate's only setting)");
        }

        private static GateSettings Invalid(string what)
            => new GateSettings(
                failInteractiveBuilds: true,
                new UnityFinding(UnityFindingSource.InvalidSetting, "INW900", RelativePath, 0, 0,
                    "Inworld build gate settings file " + what + "; using the default (findings fail every build)"));
    }
}
