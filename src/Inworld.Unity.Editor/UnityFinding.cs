using System;
using System.Globalization;

namespace Inworld.Unity.Editor
{
    /// <summary>Where a finding comes from: an asset of the player build, the C# compiler, or a file the scan could not read.</summary>
    public enum UnityFindingSource
    {
        /// <summary>An Inworld credential in an asset, scene, prefab or file the player build contains (INW004's detection).</summary>
        ShippedAsset,

        /// <summary>An INW diagnostic the analyzer reported while Unity compiled scripts.</summary>
        Compiler,

        /// <summary>A file of the player build that could not be read: never passed over quietly, a key may be in it.</summary>
        Unreadable,

        /// <summary>The gate's settings file is present but cannot be understood.</summary>
        InvalidSetting,
    }

    /// <summary>One thing the gate reports. <see cref="Message"/> never holds a secret: credentials appear redacted (first 4 characters and length).</summary>
    public sealed class UnityFinding
    {
        public UnityFinding(UnityFindingSource source, string ruleId, string path, int line, int column, string message)
        {
            Source = source;
            RuleId = ruleId ?? throw new ArgumentNullException(nameof(ruleId));
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Line = line;
            Column = column;
            Message = message ?? throw new ArgumentNullException(nameof(message));
        }

        public UnityFindingSource Source { get; }

        /// <summary>INW004 for assets, the analyzer's id for compiler messages (INW001...), INW900 for unreadable files and invalid settings.</summary>
        public string RuleId { get; }

        /// <summary>Project-relative path with '/' ("Assets/Resources/InworldSettings.asset"), as Unity's AssetDatabase names assets.</summary>
        public string Path { get; }

        /// <summary>One-based line, or 0 when the finding is about the whole file.</summary>
        public int Line { get; }

        /// <summary>One-based column, or 0 when unknown.</summary>
        public int Column { get; }

        public string Message { get; }

        /// <summary>The compiler's form, "Assets/x.asset(12,3): error INW004: message", which Unity's Console and CI logs link to the file.</summary>
        public string ToLogLine(string severity)
        {
            var location = Line <= 0
                ? Path
                : Path + "(" + Line.ToString(CultureInfo.InvariantCulture) + (Column > 0 ? "," + Column.ToString(CultureInfo.InvariantCulture) : string.Empty) + ")";
            return location + ": " + severity + " " + RuleId + ": " + Message;
        }

        public override string ToString() => ToLogLine("error");
    }
}
