using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Inworld.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Benchmarks
{
    /// <summary>
    /// Wall-clock cost of the INW analyzers over a generated code base, against an analyzer that registers the
    /// same kinds of callbacks and does nothing (the driver's own cost), and the compiler's bind time.
    /// The per-analyzer time inside the driver is measured by <see cref="AnalyzerTimeReport"/>.
    /// </summary>
    [MemoryDiagnoser]
    public class AnalyzerBenchmarks
    {
        private Compilation _compilation = null!;

        [Params(2000)]
        public int Files { get; set; }

        [GlobalSetup]
        public void Setup() => _compilation = CreateCompilation(Files);

        /// <summary>The generated corpus, one class per file as real code bases have, compiled once; it must compile.</summary>
        public static Compilation CreateCompilation(int files)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = CorpusGenerator.Generate(files, classesPerFile: 1, keys: 5)
                .Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, "File" + i + ".cs"));
            var compilation = CSharpCompilation.Create("Corpus", trees, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("Corpus does not compile: " + errors[0]);
            }

            return compilation;
        }

        /// <summary>Every analyzer the package ships.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> InworldAnalyzers() => ImmutableArray.Create<DiagnosticAnalyzer>(
            new HardcodedCredentialAnalyzer(), new BasicAuthInClientAnalyzer(), new AuthorizationUsageAnalyzer(),
            new ShippedFileCredentialAnalyzer(), new InvalidOptionAnalyzer());

        [Benchmark(Baseline = true)]
        public Task<ImmutableArray<Diagnostic>> EmptyAnalyzer() => Run(new EmptyAnalyzer());

        [Benchmark]
        public Task<ImmutableArray<Diagnostic>> HardcodedCredential() => Run(new HardcodedCredentialAnalyzer());

        [Benchmark]
        public Task<ImmutableArray<Diagnostic>> BasicAuthInClient() => Run(new BasicAuthInClientAnalyzer());

        [Benchmark]
        public Task<ImmutableArray<Diagnostic>> AuthorizationUsage() => Run(new AuthorizationUsageAnalyzer());

        /// <summary>Every INW analyzer the package ships, together, as a build runs them.</summary>
        [Benchmark]
        public Task<ImmutableArray<Diagnostic>> AllInworldAnalyzers()
            => _compilation.WithAnalyzers(InworldAnalyzers()).GetAnalyzerDiagnosticsAsync();

        /// <summary>The compiler's own binding of the corpus (declaration and method-body diagnostics), on fresh caches.</summary>
        [Benchmark]
        public ImmutableArray<Diagnostic> Bind() => _compilation.Clone().GetDiagnostics();

        private Task<ImmutableArray<Diagnostic>> Run(DiagnosticAnalyzer analyzer)
            => _compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Registers every kind of callback the INW analyzers register, and returns at once: the driver's own cost.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor("EMPTY", "Empty", "Empty", "Empty", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(_ => { }, OperationKind.Literal, OperationKind.Binary, OperationKind.InterpolatedString, OperationKind.Invocation,
                    OperationKind.FieldReference, OperationKind.LocalReference, OperationKind.PropertyReference, OperationKind.ObjectCreation,
                    OperationKind.SimpleAssignment, OperationKind.ArrayInitializer);
                start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.Attribute);
            });
        }
    }
}
