using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Scan;
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

            // inworld-scan's pre-filter (ScanPreFilter) decides from the text alone whether to parse a compilation at all.
            // When it would skip this one, what the scanner still analyses (the shipped files, in a compilation with no
            // C# file) must find exactly what the full analysis found.
            if (ScannerWouldSkip(compilation, options))
            {
                var shipped = options.AdditionalFiles.Any(f => ScanPreFilter.ShippedFileMayHoldFinding(f.Path, f.GetText(cancellationToken)?.ToString() ?? string.Empty));
                var skipped = shipped
                    ? await RunAsync(compilation.RemoveAllSyntaxTrees(), analyzers, options, preFilter: true, cancellationToken).ConfigureAwait(false)
                    : ImmutableArray<string>.Empty;
                if (!skipped.SequenceEqual(unfiltered, StringComparer.Ordinal))
                {
                    throw new InvalidOperationException(
                        "inworld-scan's pre-filter would skip this compilation, which changes the findings.\nFull analysis:\n  " + string.Join("\n  ", unfiltered) +
                        "\nAs the scanner would analyse it:\n  " + string.Join("\n  ", skipped));
                }
            }
        }

        /// <summary>Would inworld-scan leave this compilation's C# files unparsed (ScanPreFilter.Choose gives None)?</summary>
        internal static bool ScannerWouldSkip(Compilation compilation, AnalyzerOptions options)
        {
            var texts = compilation.SyntaxTrees.Select(t => t.GetText().ToString()).ToList();
            var scans = texts.Select(SourceScan.Of).ToList();
            var provider = options.AnalyzerConfigOptionsProvider;

            // As the scanner decides: an Inworld option that InvalidOptionAnalyzer would report (in the options any file
            // gets, or in a config file's text), and the project kind with per-file overrides (BasicAuthInClientAnalyzer).
            var invalidOption =
                InworldOptions.Validate(provider.GlobalOptions) != null ||
                compilation.SyntaxTrees.Any(t => InworldOptions.Validate(provider.GetOptions(t)) != null) ||
                options.AdditionalFiles.Any(f => InworldOptions.Validate(provider.GetOptions(f)) != null || (Inworld.Analyzers.Rules.InvalidOptionAnalyzer.IsConfigFile(provider.GetOptions(f)) &&
                    ConfigFileCheck.Check(ConfigFileText.Parse(f.Path, f.GetText()?.ToString() ?? string.Empty)).Count > 0));
            var mayBeClient = InworldContext.For(compilation, provider).Project.IsClient ||
                              compilation.SyntaxTrees.Any(t => ProjectKinds.OverridesToClient(provider.GetOptions(t)));
            var hasRazor = compilation.SyntaxTrees.Any(t => GeneratedCode.IsRazorGeneratedPath(t.FilePath));
            return compilation.SyntaxTrees.Any() && ScanPreFilter.Choose(texts, scans, invalidOption, mayBeClient, hasRazor).IsNone;
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
