using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Robustness;
using Inworld.Scan;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// inworld-scan finds what the analyzers find in a build: the suite's own rule inputs (MutationTests.Corpus:
    /// every [InlineData] snippet and the samples), laid out as user repositories, scanned by the scanner's engine
    /// (FileWalker + ScanEngine, as the tool runs them), and compiled as their builds would compile them (one
    /// project per input; Unity inputs with Unity types and the Editor's symbols). Same findings: id, file, line, column.
    /// </summary>
    [Trait("Category", "Scan")]
    public sealed class ScanEquivalenceTests : IDisposable
    {
        private const string UnityVersion = "2022.3.10f1";

        /// <summary>The symbols Unity 2022.3's Editor compiles scripts with (the subset the rules and inputs can see).</summary>
        private static readonly string[] UnityEditorSymbols =
        {
            "UNITY_EDITOR", "UNITY_5_3_OR_NEWER", "ENABLE_MONO", "UNITY_2022", "UNITY_2022_3", "UNITY_2021_3_OR_NEWER", "UNITY_2022_1_OR_NEWER", "UNITY_2022_3_OR_NEWER",
        };

        private readonly ITestOutputHelper _output;
        private readonly string _root = Path.Combine(Path.GetTempPath(), "inworld-scan-equivalence-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public ScanEquivalenceTests(ITestOutputHelper output) => _output = output;

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private enum Kind
        {
            Server,
            BlazorClient,
            Unity,
        }

        private sealed record Input(int Index, string Source, string Path, Kind Kind);

        private static void Write(string path, string content)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        /// <summary>Each input in its own .NET project folder (a csproj per input, as separate apps are).</summary>
        private static List<Input> LayOutDotnet(string folder, IReadOnlyList<string> corpus, Kind kind)
        {
            var sdk = kind == Kind.BlazorClient ? "Microsoft.NET.Sdk.BlazorWebAssembly" : "Microsoft.NET.Sdk";
            var inputs = new List<Input>();
            for (var i = 0; i < corpus.Count; i++)
            {
                var project = Path.Combine(folder, "P" + i);
                Write(Path.Combine(project, "P" + i + ".csproj"), "<Project Sdk=\"" + sdk + "\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
                var path = Path.Combine(project, "Input.cs");
                Write(path, corpus[i]);
                inputs.Add(new Input(i, corpus[i], path, kind));
            }

            return inputs;
        }

        /// <summary>A Unity project: ProjectSettings/ProjectVersion.txt, each input in Assets/Scripts/P{i} with its own .asmdef.</summary>
        private static List<Input> LayOutUnity(string projectRoot, IReadOnlyList<string> corpus)
        {
            Write(Path.Combine(projectRoot, "ProjectSettings", "ProjectVersion.txt"), "m_EditorVersion: " + UnityVersion + "\nm_EditorVersionWithRevision: " + UnityVersion + " (ff3792e53c62)\n");
            var inputs = new List<Input>();
            for (var i = 0; i < corpus.Count; i++)
            {
                var folder = Path.Combine(projectRoot, "Assets", "Scripts", "P" + i);
                Write(Path.Combine(folder, "P" + i + ".asmdef"), "{\n    \"name\": \"P" + i + "\",\n    \"references\": []\n}\n");
                var path = Path.Combine(folder, "Input.cs");
                Write(path, corpus[i]);
                inputs.Add(new Input(i, corpus[i], path, Kind.Unity));
            }

            return inputs;
        }

        /// <summary>The build's view: one compilation per input, with what MSBuild or Unity would give the analyzers.</summary>
        private static async Task<List<string>> AnalyzersAsync(IEnumerable<Input> inputs)
        {
            var found = new ConcurrentBag<string>();
            var failures = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (input, cancellationToken) =>
            {
                var unity = input.Kind == Kind.Unity;
                var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None, SourceCodeKind.Regular, unity ? UnityEditorSymbols : Array.Empty<string>());
                var references = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>();
                if (unity)
                {
                    references = references.Append(UnityStubs.Engine).Append(UnityStubs.Editor);
                }

                var compilation = CSharpCompilation.Create("P" + input.Index, new[] { CSharpSyntaxTree.ParseText(input.Source, parseOptions, input.Path, System.Text.Encoding.UTF8, cancellationToken) },
                    references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
                var properties = new Dictionary<string, string>();
                if (!unity)
                {
                    properties["build_property.TargetFramework"] = "net8.0";
                }

                if (input.Kind == Kind.BlazorClient)
                {
                    properties["build_property.UsingMicrosoftNETSdkBlazorWebAssembly"] = "true";
                }

                var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryConfigOptions.Provider(properties));
                var diagnostics = await compilation.WithAnalyzers(ScanEngine.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
                foreach (var diagnostic in diagnostics)
                {
                    if (diagnostic.Id == "AD0001")
                    {
                        failures.Add(diagnostic.GetMessage());
                        continue;
                    }

                    if (diagnostic.Severity == DiagnosticSeverity.Hidden)
                    {
                        continue;
                    }

                    found.Add(Describe(diagnostic.Id, diagnostic.Location == Location.None ? null : diagnostic.Location.GetMappedLineSpan()));
                }
            });

            Assert.True(failures.IsEmpty, string.Join("\n", failures));
            return found.OrderBy(s => s, StringComparer.Ordinal).ToList();
        }

        private static string Describe(string id, FileLinePositionSpan? span)
            => span == null ? id + " (no location)" : id + " " + span.Value.Path + "(" + (span.Value.StartLinePosition.Line + 1) + "," + (span.Value.StartLinePosition.Character + 1) + ")";

        /// <summary>The scanner's view: the tree walked and scanned as 'inworld-scan ROOT' does.</summary>
        private static async Task<List<string>> ScannerAsync(string root)
        {
            var options = ScanOptions.Parse(new[] { root }, out var usage);
            Assert.Null(usage);
            var problems = new ScanProblems();
            var target = new FileWalker(options.Excludes, options.UseGitIgnore, problems, _ => { }).Walk(root);
            var findings = await new ScanEngine(options, _ => { }).ScanAsync(target, problems, CancellationToken.None);
            Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
            return findings.Select(f => f.Path == null ? f.Id + " (no location)" : f.Id + " " + f.Path + "(" + f.Line + "," + f.Column + ")")
                .OrderBy(s => s, StringComparer.Ordinal).ToList();
        }

        private void AssertSame(string layout, List<string> expected, List<string> actual, int inputs)
        {
            _output.WriteLine(layout + ": " + inputs + " inputs, " + expected.Count + " findings by the analyzers (" +
                string.Join(", ", expected.GroupBy(f => f.Substring(0, 6)).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count())) + "), " + actual.Count + " by inworld-scan");
            var missing = expected.Except(actual).ToList();
            var extra = actual.Except(expected).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
                layout + ": inworld-scan missed " + missing.Count + " and added " + extra.Count + " findings\nmissed:\n" +
                string.Join("\n", missing.Take(15)) + "\nadded:\n" + string.Join("\n", extra.Take(15)));
        }

        private static readonly Lazy<IReadOnlyList<string>> SharedCorpus = new Lazy<IReadOnlyList<string>>(BuildCorpus);

        private static IReadOnlyList<string> Corpus() => SharedCorpus.Value;

        /// <summary>
        /// MutationTests.Corpus ([InlineData] snippets and the samples) plus every C# program written as a string
        /// literal in the rule, fix and core tests ([Fact] sources and their constants): test markup removed,
        /// $KEY$-style tokens expanded to fake credentials, the usual usings added where a snippet has none.
        /// </summary>
        private static IReadOnlyList<string> BuildCorpus()
        {
            var corpus = new List<string>(MutationTests.Corpus());
            var tests = Path.Combine(Package.DotnetCli.RepositoryRoot(), "tests", "Inworld.Analyzers.Tests");
            foreach (var file in new[] { "Rules", "Fixes", "Core" }.SelectMany(folder => Directory.GetFiles(Path.Combine(tests, folder), "*.cs")).OrderBy(f => f, StringComparer.Ordinal))
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                foreach (var literal in root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>())
                {
                    if (!literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.Token.ValueText is not string value ||
                        !(value.Contains("class ") || value.Contains("void ")) || value.Length < 30)
                    {
                        continue;
                    }

                    var source = System.Text.RegularExpressions.Regex.Replace(Snippet.Expand(value), @"\{\|#\d+:|\|\}|\[\||\|\]", string.Empty).Replace("MARK", string.Empty);
                    if (!source.Contains("using "))
                    {
                        source = "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Text;\n" + source;
                    }

                    corpus.Add(source);
                }
            }

            var distinct = corpus.Distinct().ToList();
            Assert.True(distinct.Count >= 200, "corpus has only " + distinct.Count + " inputs");
            return distinct;
        }

        [Fact]
        public async Task Flat_dotnet_repository_with_server_and_Blazor_client_projects_gives_the_same_findings()
        {
            var corpus = Corpus();
            var root = Path.Combine(_root, "dotnet");
            var inputs = LayOutDotnet(Path.Combine(root, "server"), corpus, Kind.Server)
                .Concat(LayOutDotnet(Path.Combine(root, "client"), corpus, Kind.BlazorClient)).ToList();
            var expected = await AnalyzersAsync(inputs);
            Assert.Contains(expected, f => f.StartsWith("INW002 " + Path.Combine(root, "client"), StringComparison.Ordinal));
            Assert.DoesNotContain(expected, f => f.StartsWith("INW002 " + Path.Combine(root, "server"), StringComparison.Ordinal));
            AssertSame("flat .NET (server + Blazor WebAssembly)", expected, await ScannerAsync(root), inputs.Count);
        }

        [Fact]
        public async Task Unity_project_at_the_scan_root_gives_the_same_findings()
        {
            var corpus = Corpus();
            var root = Path.Combine(_root, "unity");
            var inputs = LayOutUnity(root, corpus);
            var expected = await AnalyzersAsync(inputs);
            Assert.Contains(expected, f => f.StartsWith("INW002 ", StringComparison.Ordinal));
            AssertSame("Unity project at the root", expected, await ScannerAsync(root), inputs.Count);
        }

        [Fact]
        public async Task Unity_project_in_a_subfolder_next_to_a_dotnet_backend_gives_the_same_findings()
        {
            var corpus = Corpus();
            var root = Path.Combine(_root, "repo");
            var inputs = LayOutUnity(Path.Combine(root, "game", "UnityProject"), corpus)
                .Concat(LayOutDotnet(Path.Combine(root, "backend"), corpus, Kind.Server)).ToList();
            var expected = await AnalyzersAsync(inputs);
            Assert.Contains(expected, f => f.StartsWith("INW002 " + Path.Combine(root, "game"), StringComparison.Ordinal));
            Assert.DoesNotContain(expected, f => f.StartsWith("INW002 " + Path.Combine(root, "backend"), StringComparison.Ordinal));
            AssertSame("Unity project in game/UnityProject/ + .NET backend", expected, await ScannerAsync(root), inputs.Count);
        }
    }
}
