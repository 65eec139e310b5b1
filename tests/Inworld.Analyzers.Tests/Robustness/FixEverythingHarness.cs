using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The machinery of the fix-everything pass: one input in a two-project AdhocWorkspace (the same file in project A
    /// and B, so Project and Solution FixAll differ), every analyzer and every code fix provider the shipped
    /// assemblies export, and the checks every applied fix must pass.
    /// </summary>
    internal sealed class FixEverythingHarness : IDisposable
    {
        /// <summary>The rules whose findings must each get a fix or a documented reason.</summary>
        public static readonly ImmutableHashSet<string> FixedRules = ImmutableHashSet.Create(
            RuleIds.HardcodedCredential, RuleIds.BasicAuthInClient, RuleIds.RealtimeKeyOnNonRealtimeApi, RuleIds.WrongAuthorizationScheme);

        /// <summary>Every analyzer in the analyzer assembly, discovered as a host would.</summary>
        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(HardcodedCredentialAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>Every code fix provider in the code-fix assembly, so fixes added later are covered without editing this pass.</summary>
        public static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(HardcodedCredentialCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        private static readonly Dictionary<string, string> ClientOptions = new Dictionary<string, string> { ["build_property.UseMaui"] = "true" };

        /// <summary>
        /// The rule and fix test inputs: every C# string literal in the rule, fix and robustness test sources
        /// (markup removed, fake-credential tokens expanded), the [InlineData] snippets and the samples.
        /// </summary>
        public static List<string> RuleTestInputs()
        {
            var inputs = new List<string>(MutationTests.Corpus());
            var testsFolder = Path.Combine(Package.DotnetCli.RepositoryRoot(), "tests", "Inworld.Analyzers.Tests");
            foreach (var folder in new[] { "Rules", "Fixes", "Robustness" })
            {
                foreach (var file in Directory.GetFiles(Path.Combine(testsFolder, folder), "*.cs").OrderBy(f => f, StringComparer.Ordinal))
                {
                    var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                    foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
                    {
                        var text = literal.Token.ValueText;
                        if (LooksLikeCSharpFile(text))
                        {
                            inputs.Add(WithoutMarkup(Snippet.Expand(text)));
                        }
                    }
                }
            }

            return inputs.Distinct(StringComparer.Ordinal).ToList();
        }

        private static bool LooksLikeCSharpFile(string text)
            => (text.Contains("class ") || text.Contains("var ") || text.Contains("void ")) && text.Contains(';') && !text.Contains("<Project");

        /// <summary>Microsoft.CodeAnalysis.Testing markup: {|#0:x|}, {|INW001:x|}, [|x|].</summary>
        private static string WithoutMarkup(string text) => Regex.Replace(text, @"\{\|[^:|{}]*:|\|\}|\[\||\|\]", string.Empty);

        public static bool HasTopLevelStatements(SyntaxTree tree) => tree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any();

        public static IEnumerable<MetadataReference> ReferencesFor(string source)
        {
            IEnumerable<MetadataReference> references = Basic.Reference.Assemblies.Net80.References.All;
            if (source.Contains("UnityEngine") || source.Contains("UnityEditor"))
            {
                references = references.Append(UnityStubs.Engine).Append(UnityStubs.Editor);
            }

            if (source.Contains("RestSharp"))
            {
                references = references.Append(HttpLibraryStubs.RestSharp);
            }

            if (source.Contains("Flurl"))
            {
                references = references.Append(HttpLibraryStubs.Flurl);
            }

            return references;
        }

        public FixEverythingHarness(string source, bool client)
        {
            Source = source;
            IsClient = client;
            Options = client ? ClientOptions : new Dictionary<string, string>();
            var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
            var outputKind = HasTopLevelStatements(CSharpSyntaxTree.ParseText(source, parseOptions)) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var compilationOptions = new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable);
            Workspace = new AdhocWorkspace();
            var solution = Workspace.CurrentSolution;
            foreach (var name in new[] { "A", "B" })
            {
                var projectId = ProjectId.CreateNewId(name);
                solution = solution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), name, name, LanguageNames.CSharp,
                    filePath: "/" + name + "/" + name + ".csproj", compilationOptions: compilationOptions, parseOptions: parseOptions,
                    metadataReferences: ReferencesFor(source)));
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name + ".cs", SourceText.From(source), filePath: "/" + name + "/" + name + ".cs");
                if (client)
                {
                    // What the build passes to fixes that read project properties; the analyzers get the same through Options.
                    solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig",
                        SourceText.From("is_global = true\nbuild_property.UseMaui = true\n"), filePath: "/" + name + "/.globalconfig");
                }
            }

            Solution = solution;
        }

        public void Dispose() => Workspace.Dispose();

        public string Source { get; }
        public bool IsClient { get; }
        public Dictionary<string, string> Options { get; }
        public AdhocWorkspace Workspace { get; }
        public Solution Solution { get; }
        public Project ProjectA => Solution.Projects.Single(p => p.Name == "A");
        public Project ProjectB => Solution.Projects.Single(p => p.Name == "B");

        /// <summary>Compiler errors and warnings, by id and count (locations move when a fix edits the file).</summary>
        public static async Task<Dictionary<string, int>> CompilerDiagnosticsAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
            return compilation.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
                .GroupBy(d => d.Id, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        }

        public static async Task<List<string>> CompilerDiagnosticMessagesAsync(Project project, Dictionary<string, int> before)
        {
            var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
            return compilation.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed && !before.ContainsKey(d.Id))
                .Select(d => d.ToString())
                .ToList();
        }

        /// <summary>The ids whose count grew between before and after.</summary>
        public static List<string> NewDiagnostics(Dictionary<string, int> before, Dictionary<string, int> after)
            => after.Where(pair => pair.Value > (before.TryGetValue(pair.Key, out var count) ? count : 0)).Select(pair => pair.Key + " x" + pair.Value).ToList();

        /// <summary>The findings of every analyzer in one project, with the analyzer exceptions (none allowed).</summary>
        public async Task<(ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions)> AnalyzeAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
            var exceptions = new List<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryConfigOptions.Provider(Options)),
                (e, _, _) => { lock (exceptions) exceptions.Add(e); }, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            return (diagnostics.Where(d => d.Location.IsInSource).ToImmutableArray(), exceptions);
        }

        /// <summary>The actions one fixer offers for one diagnostic, nested actions flattened as the light bulb shows them.</summary>
        public static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)).ConfigureAwait(false);
            return actions.SelectMany(Flatten).ToList();
        }

        private static IEnumerable<CodeAction> Flatten(CodeAction action)
            => action.NestedActions.IsDefaultOrEmpty ? new[] { action } : action.NestedActions.SelectMany(Flatten);

        public static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
            var apply = operations.OfType<ApplyChangesOperation>().ToList();
            return apply.Count == 0 ? solution : apply.Single().ChangedSolution;
        }

        /// <summary>
        /// Where an old span is in the new text: shifted by the edits before it, or, when an edit touches it, the
        /// new text of that edit.
        /// </summary>
        public static TextSpan MapSpan(TextSpan span, IEnumerable<TextChange> changes)
        {
            var delta = 0;
            foreach (var change in changes.OrderBy(c => c.Span.Start))
            {
                var changeEnd = change.Span.End;
                if (changeEnd < span.Start || (changeEnd == span.Start && change.Span.Length > 0))
                {
                    delta += change.NewText!.Length - change.Span.Length;
                    continue;
                }

                if (change.Span.Start > span.End)
                {
                    break;
                }

                // The edit overlaps the finding: the finding now lies somewhere in the edit's new text.
                var start = Math.Min(span.Start, change.Span.Start) + delta;
                var end = Math.Max(span.End, changeEnd) + delta + change.NewText!.Length - change.Span.Length;
                return TextSpan.FromBounds(start, Math.Max(start, end));
            }

            return new TextSpan(span.Start + delta, span.Length);
        }

        /// <summary>Is a finding of this id still reported at the (mapped) place of the old one?</summary>
        public static bool StillReported(Diagnostic old, IEnumerable<TextChange> changes, IEnumerable<Diagnostic> after)
        {
            var mapped = MapSpan(old.Location.SourceSpan, changes);
            return after.Any(d => d.Id == old.Id && d.Location.SourceTree!.FilePath == old.Location.SourceTree!.FilePath &&
                                  (d.Location.SourceSpan == mapped || (mapped.Length > 0 && d.Location.SourceSpan.OverlapsWith(mapped))));
        }

        /// <summary>Serves the pre-computed findings to a FixAll provider, as the IDE's diagnostic service does.</summary>
        public sealed class Provider : FixAllContext.DiagnosticProvider
        {
            private readonly Dictionary<DocumentId, ImmutableArray<Diagnostic>> _byDocument;

            public Provider(Dictionary<DocumentId, ImmutableArray<Diagnostic>> byDocument) => _byDocument = byDocument;

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(_byDocument.TryGetValue(document.Id, out var found) ? found : ImmutableArray<Diagnostic>.Empty);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult(Enumerable.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(project.DocumentIds.SelectMany(id => _byDocument.TryGetValue(id, out var found) ? found : ImmutableArray<Diagnostic>.Empty).ToList());
        }
    }
}
