using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Tests.Helpers
{
    /// <summary>
    /// The per-tree pre-filter (<see cref="TreeFacts"/>) may only save work, never change a finding. Every analyzer
    /// test (both verifiers and <see cref="DiagnosticsFor"/>) passes through here: its input is analysed once with the
    /// pre-filter and once without, and the two sets of diagnostics must be identical (id, file, span, message).
    /// </summary>
    internal static class PreFilterEquivalence
    {
        public static void Check(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
            => CheckAsync(compilation, analyzers, options, cancellationToken).GetAwaiter().GetResult();

        public static async Task CheckAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var filtered = await RunAsync(compilation, analyzers, options, preFilter: true, cancellationToken).ConfigureAwait(false);
            var unfiltered = await RunAsync(compilation, analyzers, options, preFilter: false, cancellationToken).ConfigureAwait(false);
            if (!filtered.SequenceEqual(unfiltered, StringComparer.Ordinal))
            {
                throw new InvalidOperationException(
                    "The pre-filter changed the findings.\nWithout it:\n  " + string.Join("\n  ", unfiltered) +
                    "\nWith it:\n  " + string.Join("\n  ", filtered));
            }
        }

        /// <summary>The diagnostics of one run, as sorted lines; the findings' messages are redacted already.</summary>
        internal static async Task<ImmutableArray<string>> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, bool preFilter, CancellationToken cancellationToken)
        {
            var previous = InworldContext.PreFilterEnabled;
            InworldContext.PreFilterEnabled = preFilter;
            try
            {
                // A fresh clone: no cached binding or context is shared between the two runs.
                var run = compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
                var diagnostics = await run.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                return diagnostics
                    .Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + " " +
                                 string.Join(",", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString())) + " " +
                                 string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)))
                    .OrderBy(line => line, StringComparer.Ordinal)
                    .ToImmutableArray();
            }
            finally
            {
                InworldContext.PreFilterEnabled = previous;
            }
        }
    }
}
