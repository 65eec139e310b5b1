using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.TestShared;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace Inworld.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Every analyzer and code fix over the suite's own test inputs, mutated: truncations, token deletions and
    /// character insertions, plus huge literals, deep nesting and malformed options. No analyzer exception
    /// (AD0001), no code-fix exception, no fix that breaks code that compiled, identical results across
    /// concurrent runs.
    /// </summary>
    public class MutationTests
    {
        private readonly ITestOutputHelper _output;

        public MutationTests(ITestOutputHelper output) => _output = output;

        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new HardcodedCredentialAnalyzer(), new BasicAuthInClientAnalyzer(), new AuthorizationUsageAnalyzer(), new ShippedFileCredentialAnalyzer(), new InvalidOptionAnalyzer());

        private static readonly CodeFixProvider[] Fixers = { new HardcodedCredentialCodeFixProvider(), new ClientCredentialCodeFixProvider(), new BasicAuthTokenCodeFixProvider(), new AuthorizationUsageCodeFixProvider() };

        /// <summary>Every C# snippet the other tests use ([InlineData] strings), made concrete, plus the samples.</summary>
        internal static List<string> Corpus()
        {
            var corpus = new List<string>();
            foreach (var type in typeof(MutationTests).Assembly.GetTypes())
            {
                foreach (var method in type.GetMethods())
                {
                    foreach (var data in method.GetCustomAttributes<InlineDataAttribute>())
                    {
                        foreach (var row in data.GetData(method))
                        {
                            if (row == null)
                            {
                                continue;
                            }

                            foreach (var value in row.OfType<string>())
                            {
                                if (value.Contains("class ") || value.Contains("var ") || value.Contains("void "))
                                {
                                    corpus.Add(Regex.Replace(Snippet.Expand(value), @"\{\|#\d+:|\|\}", string.Empty));
                                }
                            }
                        }
                    }
                }
            }

            var root = Package.DotnetCli.RepositoryRoot();
            foreach (var file in new[] { "samples/LeakyConsole/Program.cs", "samples/UnityGame/Assets/Scripts/NpcChat.cs", "samples/BlazorClientLeaky/TtsClient.cs", "samples/BlazorClient/InworldTokenProvider.cs" })
            {
                corpus.Add(File.ReadAllText(Path.Combine(root, file)));
            }

            return corpus.Distinct().ToList();
        }

        internal static IEnumerable<string> Mutations(string source, Random random)
        {
            // Truncations, as the user types.
            for (var i = 1; i <= 7; i++)
            {
                yield return source.Substring(0, source.Length * i / 8);
            }

            // Token deletions.
            var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToList();
            for (var i = 0; i < 7 && tokens.Count > 0; i++)
            {
                var token = tokens[random.Next(tokens.Count)];
                yield return source.Remove(token.SpanStart, token.Span.Length);
            }

            // Character insertions that break strings, interpolations and nesting.
            var inserts = new[] { "\"", "{", "}", "(", ")", ";", "$", "@", "\\", "\n", "u8", "\"\"\"", "#if UNITY_EDITOR\n", "+" };
            for (var i = 0; i < 7; i++)
            {
                yield return source.Insert(random.Next(source.Length + 1), inserts[random.Next(inserts.Length)]);
            }
        }

        private static readonly Dictionary<string, string> ClientOptions = new Dictionary<string, string> { ["build_property.UseMaui"] = "true" };

        private static CSharpCompilation Compile(string source)
            => CSharpCompilation.Create("M", new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), "M.cs") },
                source.Contains("UnityEngine")
                    ? Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Append(UnityStubs.Engine)
                    : Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions)> AnalyzeAsync(Compilation compilation, Dictionary<string, string> options, ImmutableArray<AdditionalText> files = default)
        {
            var exceptions = new List<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(files.IsDefault ? ImmutableArray<AdditionalText>.Empty : files, new DictionaryConfigOptions.Provider(options)),
                (e, _, _) => { lock (exceptions) exceptions.Add(e); }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            return (diagnostics, exceptions);
        }

        [Fact]
        public void Thousands_of_mutated_inputs_never_crash_an_analyzer()
        {
            var corpus = Corpus();
            Assert.True(corpus.Count >= 100, "corpus has only " + corpus.Count + " inputs");
            var random = new Random(424242);
            var variants = corpus.SelectMany(source => Mutations(source, random).Prepend(source)).ToList();
            var failures = new ConcurrentBag<string>();
            Parallel.ForEach(variants, new ParallelOptions { MaxDegreeOfParallelism = 2 }, variant =>
            {
                var (diagnostics, exceptions) = AnalyzeAsync(Compile(variant), ClientOptions).GetAwaiter().GetResult();
                foreach (var exception in exceptions)
                {
                    failures.Add(exception.GetType().Name + ": " + exception.Message + "\n--- input ---\n" + variant);
                }

                foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
                {
                    failures.Add(diagnostic.GetMessage() + "\n--- input ---\n" + variant);
                }
            });

            _output.WriteLine(variants.Count + " variants of " + corpus.Count + " inputs analysed");
            Assert.True(variants.Count >= 2000, "only " + variants.Count + " variants");
            Assert.True(failures.IsEmpty, failures.Count + " failures; first:\n" + failures.FirstOrDefault());
        }

        /// <summary>
        /// inworld-scan's text pre-filter (ScanPreFilter) over every mutated input, as server and as client code: wherever it
        /// would leave the compilation unparsed, the full analysis (the analyzers' own screen off too) must find nothing.
        /// </summary>
        [Fact]
        public void The_scanners_pre_filter_skips_no_mutated_input_that_holds_a_finding()
        {
            var random = new Random(424242);
            var variants = Corpus().SelectMany(source => Mutations(source, random).Prepend(source)).Distinct(StringComparer.Ordinal).ToList();
            var failures = new ConcurrentBag<string>();
            var skipped = 0;
            Parallel.ForEach(variants, new ParallelOptions { MaxDegreeOfParallelism = 2 }, variant =>
            {
                var compilation = Compile(variant);
                foreach (var properties in new[] { new Dictionary<string, string>(), ClientOptions })
                {
                    var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryConfigOptions.Provider(properties));
                    if (!PreFilterEquivalence.ScannerWouldSkip(compilation, options))
                    {
                        continue;
                    }

                    Interlocked.Increment(ref skipped);
                    var full = PreFilterEquivalence.RunAsync(compilation, Analyzers, options, preFilter: false, CancellationToken.None).GetAwaiter().GetResult();
                    if (full.Length > 0)
                    {
                        failures.Add((properties.Count == 0 ? "server" : "client") + ": the pre-filter would skip a compilation in which the full analysis finds:\n  " +
                                     string.Join("\n  ", full) + "\n--- input ---\n" + variant);
                    }
                }
            });

            _output.WriteLine(variants.Count + " variants, " + skipped + " (variant, project kind) runs the pre-filter would skip, each analysed in full");
            Assert.True(skipped >= 100, "only " + skipped + " skipped runs: the test no longer exercises the pre-filter");
            Assert.True(failures.IsEmpty, failures.Count + " failures; first:\n" + failures.FirstOrDefault());
        }

        [Fact]
        public async Task Concurrent_runs_give_identical_diagnostics()
        {
            foreach (var source in Corpus().Take(120))
            {
                var compilation = Compile(source);
                var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => AnalyzeAsync(compilation.Clone(), ClientOptions)));
                var first = Describe(runs[0].Diagnostics);
                foreach (var run in runs.Skip(1))
                {
                    Assert.Equal(first, Describe(run.Diagnostics));
                }
            }
        }

        private static string Describe(ImmutableArray<Diagnostic> diagnostics)
            => string.Join("\n", diagnostics.Select(d => d.Id + " " + d.Location.SourceSpan + " " + d.GetMessage()).OrderBy(s => s, StringComparer.Ordinal));

        [Fact]
        public async Task Huge_literals_and_deep_nesting_are_handled()
        {
            var megabyte = new string('A', 1024 * 1024);
            var chain = string.Join(" + ", Enumerable.Repeat("x", 3000));
            var parens = new string('(', 300) + "\"abc\"" + new string(')', 300);
            var interpolations = "$\"" + string.Concat(Enumerable.Repeat("{x}", 2000)) + "\"";
            var sources = new[]
            {
                "class C { const string Big = \"" + megabyte + "\"; }",
                "class C { string M(string x) => \"Basic \" + " + chain + "; }",
                "class C { string M(string x) => \"a\" + " + string.Join(" + ", Enumerable.Repeat("\"b\"", 3000)) + "; }",
                "class C { string S = " + parens + "; }",
                "class C { string M(string x) => " + interpolations + "; }",
                "using System.Net.Http; class C { void M(HttpRequestMessage r, string x) { r.Headers.Add(\"Authorization\", \"Basic \" + " + chain + "); } }",
            };

            foreach (var source in sources)
            {
                var (diagnostics, exceptions) = await AnalyzeAsync(Compile(source), ClientOptions);
                Assert.Empty(exceptions);
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            }

            // A 1 MB settings file and a 1 MB Unity scene line.
            var files = ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText("/p/appsettings.json", "{ \"Blob\": \"" + megabyte + "\" }"),
                new InMemoryAdditionalText("/p/Main.unity", "--- !u!1 &1\nGameObject:\n  m_Name: " + megabyte + "\n"));
            var (fileDiagnostics, fileExceptions) = await AnalyzeAsync(Compile("class C { }"), ClientOptions, files);
            Assert.Empty(fileExceptions);
            Assert.DoesNotContain(fileDiagnostics, d => d.Id == "AD0001");
        }

        [Fact]
        public async Task Malformed_values_for_every_option_fall_back_with_INW900()
        {
            var garbage = new[] { "", "   ", "9 lives", "\"quoted\"", "a,b;c", new string('x', 5000), "client\nserver", "http://", "=" };
            foreach (var value in garbage)
            {
                var options = new Dictionary<string, string>(ClientOptions);
                foreach (var key in Inworld.Analyzers.Core.InworldOptions.KnownKeys)
                {
                    options[key] = value;
                }

                options["build_property.InworldProjectKind"] = value;
                var source = Snippet.Expand("using System.Net.Http; using System.Net.Http.Headers; class C { const string K = \"$KEY$\"; void M(HttpClient c, string inworldKey) { c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", inworldKey); } }");
                var (diagnostics, exceptions) = await AnalyzeAsync(Compile(source), options);
                Assert.Empty(exceptions);
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
                Assert.Contains(diagnostics, d => d.Id == RuleIds.HardcodedCredential);
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Code_fixes_never_throw_and_never_break_code_that_compiled(bool clientProject)
        {
            var options = clientProject ? ClientOptions : new Dictionary<string, string>();
            var applied = 0;
            var seen = 0;
            foreach (var source in Corpus())
            {
                var compilation = Compile(source);
                var errorsBefore = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                var (diagnostics, _) = await AnalyzeAsync(compilation, options);
                foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("INW", StringComparison.Ordinal) && d.Location.IsInSource))
                {
                    seen++;
                    using var workspace = new AdhocWorkspace();
                    var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "M", "M", LanguageNames.CSharp,
                        compilationOptions: compilation.Options, parseOptions: compilation.SyntaxTrees.First().Options,
                        metadataReferences: compilation.References));
                    if (clientProject)
                    {
                        var config = DocumentInfo.Create(DocumentId.CreateNewId(project.Id), ".globalconfig",
                            loader: TextLoader.From(TextAndVersion.Create(SourceText.From("is_global = true\nbuild_property.UseMaui = true\n"), VersionStamp.Create())),
                            filePath: "/p/.globalconfig");
                        workspace.TryApplyChanges(workspace.CurrentSolution.AddAnalyzerConfigDocuments(ImmutableArray.Create(config)));
                    }

                    var document = workspace.AddDocument(project.Id, "M.cs", SourceText.From(source));

                    // The same diagnostic, located in the workspace document's tree (fixers compare trees).
                    var tree = (await document.GetSyntaxTreeAsync())!;
                    var located = Diagnostic.Create(diagnostic.Descriptor, Location.Create(tree, diagnostic.Location.SourceSpan),
                        diagnostic.AdditionalLocations.Select(l => l.IsInSource ? Location.Create(tree, l.SourceSpan) : l), diagnostic.Properties);
                    foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                    {
                        var actions = new List<CodeAction>();
                        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, located, (a, _) => actions.Add(a), CancellationToken.None));
                        foreach (var action in actions)
                        {
                            var operations = await action.GetOperationsAsync(CancellationToken.None);
                            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                            var fixedCompilation = (await changed.GetProject(project.Id)!.GetCompilationAsync())!;
                            if (errorsBefore == 0)
                            {
                                var errors = fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                                Assert.True(errors.Count == 0, diagnostic.Id + " fix '" + action.Title + "' broke:\n" + source + "\n---\n" + string.Join("\n", errors));
                            }

                            applied++;
                        }
                    }
                }
            }

            _output.WriteLine(applied + " fixes applied (" + (clientProject ? "client" : "server") + " project), " + seen + " diagnostics");
            Assert.True(applied >= (clientProject ? 1 : 30), "only " + applied + " fixes applied");
        }
    }
}
