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
