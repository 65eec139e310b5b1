using Microsoft.CodeAnalysis;

namespace Inworld.Scan
{
    /// <summary>One reported diagnostic, in the shape the text and SARIF writers need.</summary>
    internal sealed class Finding
    {
        public Finding(string id, DiagnosticSeverity severity, string message, string? path, int line, int column, int endLine, int endColumn, DiagnosticDescriptor descriptor)
        {
            Id = id;
            Severity = severity;
            Message = message;
            Path = path;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
            Descriptor = descriptor;
        }

        public string Id { get; }
        public DiagnosticSeverity Severity { get; }
        public string Message { get; }

        /// <summary>Null for project-level diagnostics (INW900).</summary>
        public string? Path { get; }

        /// <summary>1-based.</summary>
        public int Line { get; }

        /// <summary>1-based.</summary>
        public int Column { get; }

        public int EndLine { get; }
        public int EndColumn { get; }
        public DiagnosticDescriptor Descriptor { get; }

        /// <summary>The text the finding is in, for baseline fingerprints; null where the file has to be read again.</summary>
        public FindingSource? Source { get; init; }

        /// <summary>For INW004 in a Unity project: whether the file is in the player build (SARIF "shipsInPlayer"); null elsewhere.</summary>
        public bool? ShipsInPlayer { get; private set; }

        /// <summary>Why <see cref="ShipsInPlayer"/> is what it is ("under a Resources/ folder ...").</summary>
        public string? ShippingReason { get; private set; }

        /// <summary>
        /// The same finding with the Unity shipping verdict, also said in the message: both kinds fail the scan (a
        /// key in the repository is leaked either way), but a shipped key is in every copy of the game.
        /// </summary>
        public Finding WithShipping(bool shipsInPlayer, string reason)
        {
            // The analyzer's advice for a Unity asset says it ships in every build; for one that does not, say what holds.
            var message = shipsInPlayer ? Message : Message.Replace(Inworld.Analyzers.Rules.ShippedFileCredentialAnalyzer.UnityAssetAdvice, "remove it from the project");
            var said = shipsInPlayer
                ? ". Ships in the player build: " + reason + ". The key is in every copy of the game, so it must be rotated: removing it from the project does not recall the builds already out"
                : ". Not in the player build: " + reason + ". The key is still in the repository: rotate it and remove it";
            return new Finding(Id, Severity, message + said, Path, Line, Column, EndLine, EndColumn, Descriptor)
            {
                ShipsInPlayer = shipsInPlayer,
                ShippingReason = reason,
                Source = Source,
            };
        }

        public Threshold Level => Severity switch
        {
            DiagnosticSeverity.Error => Threshold.Error,
            DiagnosticSeverity.Warning => Threshold.Warning,
            _ => Threshold.Note,
        };

        public string SeverityWord => Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
    }
}
