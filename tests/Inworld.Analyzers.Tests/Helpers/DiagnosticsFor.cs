using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Tests.Helpers
{
    /// <summary>Runs analyzers on a plain compilation, for tests that inspect diagnostics directly.</summary>
    public static class DiagnosticsFor
    {
        public static Task<ImmutableArray<Diagnostic>> SourceAsync(DiagnosticAnalyzer analyzer, string source, AnalyzerOptions? options = null)
            => CompilationAsync(analyzer, CreateCompilation(source), options);

        public static CSharpCompilation CreateCompilation(string source, bool withReferences = true, string path = "Test0.cs")
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path);
            return CSharpCompilation.Create(
                "Test",
                new[] { tree },
                withReferences ? Basic.Reference.Assemblies.Net80.References.All : Enumerable.Empty<MetadataReference>(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        }

        public static async Task<ImmutableArray<Diagnostic>> CompilationAsync(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions? options = null)
        {
            await PreFilterEquivalence.CheckAsync(compilation, ImmutableArray.Create(analyzer), options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), default);
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            var all = await withAnalyzers.GetAllDiagnosticsAsync();
            return all.Where(d => d.Id.StartsWith("INW") || d.Id == "AD0001").ToImmutableArray();
        }
    }
}
