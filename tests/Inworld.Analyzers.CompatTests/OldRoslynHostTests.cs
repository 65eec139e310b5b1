using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.TestShared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Inworld.Analyzers.CompatTests
{
    public class OldRoslynHostTests
    {
        private static readonly Random Random = new Random(3707);
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        /// <summary>Fake credentials in the real shape, generated here; never issued by Inworld.</summary>
        private static readonly string KeyId = Token(32);
        private static readonly string Secret = Token(64);
        private static readonly string ApiKey = Convert.ToBase64String(Encoding.ASCII.GetBytes(KeyId + ":" + Secret));

        private static string Token(int length)
        {
            lock (Random)
            {
                while (true)
                {
                    var token = new string(Enumerable.Range(0, length).Select(_ => Alphabet[Random.Next(Alphabet.Length)]).ToArray());
                    if (!Inworld.Analyzers.Core.CredentialShape.IsPlaceholder(token) && token.Any(char.IsDigit))
                    {
                        return token;
                    }
                }
            }
        }

        [Fact]
        public void Host_is_really_Roslyn_3_7()
            => Assert.Equal(new Version(3, 7, 0, 0), typeof(Compilation).Assembly.GetName().Version);

        private static readonly ImmutableArray<MetadataReference> References =
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll" || Path.GetFileName(p) == "mscorlib.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();

        private static string Source => @"
using System;
using System.Collections.Generic;
using System.Text;

class KeyAttribute : Attribute { public KeyAttribute(string value) { } }
class InworldClient { public InworldClient(string keyId, string secret) { } public string Secret { get; set; } }

[Key(""" + ApiKey + @""")]
class Game
{
    const string Key = """ + ApiKey + @""";
    static readonly string Verbatim = @""Basic " + ApiKey + @""";
    string inworldApiSecret = """ + Secret + @""";
    string Header => ""Basic "" + Key;
    string Assembled = """ + ApiKey.Substring(0, 60) + @""" + """ + ApiKey.Substring(60) + @""";
    string Concat = string.Concat(""" + ApiKey.Substring(0, 60) + @""", """ + ApiKey.Substring(60) + @""");
    string Encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(""" + KeyId + ":" + Secret + @"""));
    object Client = new InworldClient(""" + KeyId + @""", """");
    string Fallback = Environment.GetEnvironmentVariable(""INWORLD_API_KEY"") ?? """ + ApiKey + @""";
    Dictionary<string, string> Settings = new Dictionary<string, string> { [""INWORLD_SECRET""] = """ + Secret + @""" };
    string Pick(int env) => env switch { 1 => """ + ApiKey + @""", _ => """" };
    void Set() => Environment.SetEnvironmentVariable(""INWORLD_KEY"", """ + KeyId + @""");
    string Placeholder = ""YOUR_API_KEY"";
}
";

        private static async Task<(ImmutableArray<Diagnostic> Diagnostics, Exception[] Exceptions)> AnalyzeAsync(string source, ImmutableArray<AdditionalText> additionalFiles = default)
        {
            var compilation = CSharpCompilation.Create("Old", new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp8), "Game.cs") },
                References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var exceptions = new ConcurrentBag<Exception>();
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer(), new ShippedFileCredentialAnalyzer(), new InvalidOptionAnalyzer());
            var options = new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles);
            var diagnostics = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, (e, _, __) => exceptions.Add(e), true, false))
                .GetAnalyzerDiagnosticsAsync();
            return (diagnostics, exceptions.ToArray());
        }

        [Fact]
        public async Task INW001_reports_every_form_once_on_Roslyn_3_7()
        {
            var (diagnostics, exceptions) = await AnalyzeAsync(Source);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            var lines = diagnostics.Where(d => d.Id == "INW001").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l).ToArray();

            // Attribute (9), Key (12), Verbatim (13), inworldApiSecret (14), Assembled (16), Concat (17), Encoded (18),
            // Client (19), Fallback (20), Settings (21), Pick (22), Set (23). Header (15) reuses Key; the placeholder (24) is not one.
            Assert.Equal(new[] { 9, 12, 13, 14, 16, 17, 18, 19, 20, 21, 22, 23 }, lines);
            foreach (var diagnostic in diagnostics)
            {
                var message = diagnostic.GetMessage();
                Assert.DoesNotContain(Secret.Substring(4, 16), message);
                Assert.DoesNotContain(ApiKey.Substring(4, 16), message);
            }
        }

        [Fact]
        public async Task INW004_reads_additional_files_on_Roslyn_3_7()
        {
            var asset = "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_APIKey: " + ApiKey + "\n";
            var (diagnostics, exceptions) = await AnalyzeAsync("class C { }", ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/p/Assets/InworldSettings.asset", asset)));
            Assert.Empty(exceptions);
            var finding = Assert.Single(diagnostics, d => d.Id == "INW004");
            var span = finding.Location.GetLineSpan();
            Assert.Equal("/p/Assets/InworldSettings.asset", span.Path);
            Assert.Equal(3, span.StartLinePosition.Line);
            Assert.Equal(12, span.StartLinePosition.Character);
        }

        [Fact]
        public async Task Code_fix_and_fix_all_work_on_Roslyn_3_7_workspaces()
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "Old", "Old", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp8),
                metadataReferences: References));
            var document = workspace.AddDocument(project.Id, "Game.cs", SourceText.From(
                "class Game\n{\n    // the key\n    const string Key = \"" + ApiKey + "\";\n    string inworldSecret = \"" + Secret + "\";\n}\n"));

            var compilation = await document.Project.GetCompilationAsync();
            var diagnostics = await compilation!.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer())).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(2, diagnostics.Length);

            // One fix.
            var provider = new HardcodedCredentialCodeFixProvider();
            var actions = new List<CodeAction>();
            // Diagnostics come back in no fixed order (concurrent analysis): take the one on the const.
            var onKey = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, onKey, (action, _) => actions.Add(action), CancellationToken.None));
            var action = Assert.Single(actions);
            var changed = await Apply(action, document);
            Assert.Contains("using System;", changed);
            Assert.Contains("static readonly string Key = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? throw new InvalidOperationException(", changed);
            Assert.Contains("// the key", changed);

            // Fix all in the document.
            var fixAll = provider.GetFixAllProvider();
            var context = new FixAllContext(document, provider, FixAllScope.Document, HardcodedCredentialCodeFixProvider.EquivalenceKey,
                new[] { "INW001" }, new FixedDiagnostics(diagnostics), CancellationToken.None);
            var all = await fixAll.GetFixAsync(context);
            var fixedText = await Apply(all!, document);
            Assert.Contains("Environment.GetEnvironmentVariable(\"INWORLD_SECRET\")", fixedText);
            Assert.Equal(1, CountOf(fixedText, "using System;"));
            Assert.DoesNotContain(Secret, fixedText);
            Assert.DoesNotContain(ApiKey, fixedText);
        }

        private sealed class GlobalOnlyOptions : AnalyzerConfigOptionsProvider
        {
            private readonly Options _options;

            public GlobalOnlyOptions(Dictionary<string, string> values) => _options = new Options(values);

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>());

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly Dictionary<string, string> _values;

                public Options(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
            }
        }

        [Fact]
        public async Task INW002_and_its_token_fix_work_on_Roslyn_3_7()
        {
            const string source = "using System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n\nclass Tts\n{\n    async Task Speak(HttpClient client, string inworldApiKey)\n    {\n        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", inworldApiKey);\n        await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n";
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "Client", "Client", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp8),
                metadataReferences: References));
            var document = workspace.AddDocument(project.Id, "Tts.cs", SourceText.From(source));
            var compilation = (await document.Project.GetCompilationAsync())!;
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOnlyOptions(new Dictionary<string, string> { ["build_property.UseMaui"] = "true" }));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BasicAuthInClientAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal("INW002", diagnostic.Id);
            Assert.Contains("(MAUI)", diagnostic.GetMessage());

            var actions = new List<CodeAction>();
            await new BasicAuthTokenCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            var text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
            Assert.Contains("new AuthenticationHeaderValue(\"Bearer\", await InworldTokenProvider.Shared.GetTokenAsync())", text);
            var provider = changed.GetProject(project.Id)!.Documents.Single(d => d.Name == "InworldTokenProvider.cs");
            var fixedCompilation = (await changed.GetProject(project.Id)!.GetCompilationAsync())!;
            Assert.Empty(fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.NotNull(provider);
        }

        private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty).Length) / value.Length;

        private static async Task<string> Apply(CodeAction action, Document document)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var apply = operations.OfType<ApplyChangesOperation>().Single();
            var changed = apply.ChangedSolution.GetDocument(document.Id)!;
            return (await changed.GetTextAsync()).ToString();
        }

        private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);
        }
    }
}
