using System.Collections.Concurrent;
using System.Collections.Immutable;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Rules
{
    /// <summary>
    /// INW900: an Inworld.Analyzers option with a value that cannot be used. Reported once per key and value
    /// for the compilation; the rules fall back to the default meanwhile.
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
                var problems = new ConcurrentDictionary<(string Key, string Value), InvalidOption>();
                Collect(InworldOptions.Read(provider.GlobalOptions), problems);
                start.RegisterSyntaxTreeAction(tree => Collect(InworldOptions.Read(provider.GetOptions(tree.Tree)), problems));
                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var problem in problems.Values)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.InvalidOption, Location.None, problem.Key, Shorten(problem.Value), problem.Expected, problem.Fallback));
                    }
                });
            });
        }

        private static void Collect(InworldOptions options, ConcurrentDictionary<(string, string), InvalidOption> problems)
        {
            foreach (var problem in options.Problems)
            {
                problems.TryAdd((problem.Key, problem.Value), problem);
            }
        }

        /// <summary>A mistyped option could hold anything, even a pasted key: never echo more than a prefix.</summary>
        private static string Shorten(string value) => value.Length <= 24 ? value : CredentialShape.Redact(value);
    }
}
