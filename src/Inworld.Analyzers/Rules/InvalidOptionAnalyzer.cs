using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.Rules
{
    /// <summary>
    /// INW900: an Inworld.Analyzers option that cannot be used: a value that is not valid, an inworld_analyzers.*
    /// key that is not an option (with the closest valid key), an option placed where the compiler ignores it.
    /// <para>
    /// The options API cannot list keys nor tell which file a value came from, so the package passes the
    /// project's .editorconfig / .globalconfig files as additional files marked InworldConfig = true; those are
    /// read here and every problem is reported at its file and line. A value that reaches the analyzers only
    /// as an option (no config file visible, e.g. an MSBuild property or a host that does not pass the files)
    /// is still reported once for the compilation, without a location, unless a file line already reported it.
    /// </para>
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidOptionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidOption);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var provider = start.Options.AnalyzerConfigOptionsProvider;
                var additionalFiles = start.Options.AdditionalFiles;
                var problems = new ConcurrentDictionary<(string Key, string Value), InvalidOption>();
                Collect(provider.GlobalOptions, problems);
                start.RegisterSyntaxTreeAction(tree => Collect(provider.GetOptions(tree.Tree), problems));
                start.RegisterCompilationEndAction(end =>
                {
                    // Per-file options of non-C# files (scan_shipped_file, the InworldScan metadata) live on the additional files.
                    var configFiles = new List<AdditionalText>();
                    foreach (var file in additionalFiles)
                    {
                        var fileOptions = provider.GetOptions(file);
                        Collect(fileOptions, problems);
                        if (IsConfigFile(fileOptions))
                        {
                            configFiles.Add(file);
                        }
                    }

                    var reportedFromFiles = ReportConfigFiles(configFiles, end.ReportDiagnostic, end.CancellationToken);
                    foreach (var problem in problems.Values)
                    {
                        if (!reportedFromFiles.Contains((problem.Key, problem.Value)))
                        {
                            end.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.InvalidOption, Location.None, problem.Key, ConfigProblem.InvalidValueText(problem.Value, problem.Expected, problem.Fallback)));
                        }
                    }
                });
            });
        }

        /// <summary>An additional file the package marks as a config file (InworldConfig = true): INW900 reads its lines.</summary>
        internal static bool IsConfigFile(AnalyzerConfigOptions options)
            => options.TryGetValue(InworldOptions.ConfigFileMetadataKey, out var marker) && marker != null &&
               marker.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

        /// <summary>Reports every problem of the marked config files at its line; returns the (option, value) pairs reported.</summary>
        private static HashSet<(string, string)> ReportConfigFiles(List<AdditionalText> configFiles, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            var reported = new HashSet<(string, string)>();
            var seenPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in configFiles)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // The same file passed twice (the package's targets and the project's own item) is read once.
                var text = seenPaths.Add(file.Path ?? string.Empty) ? file.GetText(cancellationToken) : null;
                if (text == null)
                {
                    continue;
                }

                var path = file.Path ?? string.Empty;
                foreach (var problem in ConfigFileCheck.Check(ConfigFileText.Parse(path, text.ToString())))
                {
                    // An unknown key is marked alone; a bad value or a misplaced option with its value.
                    var span = new TextSpan(problem.Line.Start, problem.Kind == ConfigProblemKind.UnknownKey ? problem.Line.KeyLength : problem.Line.Length);
                    var (subject, description) = problem.MessageArguments();
                    report(Diagnostic.Create(Descriptors.InvalidOption, Location.Create(path, span, text.Lines.GetLinePositionSpan(span)), subject, description));
                    if (problem.Kind == ConfigProblemKind.InvalidValue)
                    {
                        reported.Add((problem.Definition!.DisplayName, problem.Line.Value));
                    }
                }
            }

            return reported;
        }

        private static void Collect(AnalyzerConfigOptions options, ConcurrentDictionary<(string, string), InvalidOption> problems)
        {
            var found = InworldOptions.Validate(options);
            if (found == null)
            {
                return;
            }

            foreach (var problem in found)
            {
                problems.TryAdd((problem.Key, problem.Value), problem);
            }
        }
    }
}
