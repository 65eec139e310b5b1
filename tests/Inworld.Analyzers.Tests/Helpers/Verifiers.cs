using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Inworld.Analyzers.Tests.Helpers
{
    /// <summary>Offline reference assemblies: .NET 8 from the Basic.Reference.Assemblies package.</summary>
    internal static class TestReferences
    {
        /// <summary>A target framework with no NuGet package behind it: nothing is downloaded.</summary>
        public static readonly ReferenceAssemblies None = new ReferenceAssemblies("net8.0");

        public static void Apply(SolutionState state, bool includeFramework = true)
        {
            if (includeFramework)
            {
                state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            }
        }
    }

    /// <summary>Thin wrapper over CSharpAnalyzerTest: offline references, latest C#.</summary>
    public static class AnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferences.None;
                TestReferences.Apply(TestState);
            }

            public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Preview;

            protected override ParseOptions CreateParseOptions()
                => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

            protected override CompilationOptions CreateCompilationOptions()
                => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

            // Every input is also analysed without the pre-filter: both runs must find the same (PreFilterEquivalence).
            protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                PreFilterEquivalence.Check(compilation, analyzers, options, cancellationToken);
                return base.CreateCompilationWithAnalyzers(compilation, analyzers, options, cancellationToken);
            }
        }
    }

    /// <summary>Thin wrapper over CSharpCodeFixTest: checks the fix, FixAll in every scope, and that the result compiles.</summary>
    public static class CodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        public static Task VerifyAsync(string source, DiagnosticResult[] expected, string fixedSource)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferences.None;
                TestReferences.Apply(TestState);
                TestReferences.Apply(FixedState);
                TestReferences.Apply(BatchFixedState);
            }

            public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Preview;

            protected override ParseOptions CreateParseOptions()
                => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

            protected override CompilationOptions CreateCompilationOptions()
                => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

            // Every input is also analysed without the pre-filter: both runs must find the same (PreFilterEquivalence).
            protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                PreFilterEquivalence.Check(compilation, analyzers, options, cancellationToken);
                return base.CreateCompilationWithAnalyzers(compilation, analyzers, options, cancellationToken);
            }
        }
    }
}
