using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    public sealed partial class NoSilentGreenTests
    {
        /// <summary>
        /// The INW002 light bulb on the Unity sample's leaky script, with the packed analyzer and fix DLLs as an IDE
        /// hosts them, on an Assembly-CSharp made of the sample's scripts (without its provider, as before any fix) and
        /// the Unity API stubs. The coroutine is rewritten to yield the Unity provider's token request, the provider
        /// the fix adds is exactly the sample's file, the project compiles in both branches of the provider
        /// (Unity 2023.1+ and earlier), and INW002 is gone: no path where the Basic header survives unnoticed.
        /// </summary>
        [Fact]
        public async Task Unity_sample_fixed_from_the_light_bulb_sends_a_backend_token_and_compiles()
        {
            Assert.True(_package.PackResult.ExitCode == 0, _package.PackResult.ToString());
            var extracted = Path.Combine(_package.Root, "nsg-unity-token-extracted");
            if (!Directory.Exists(extracted))
            {
                ZipFile.ExtractToDirectory(_package.PackagePath!, extracted);
            }

            var analyzerDirectory = Path.Combine(extracted, "analyzers", "dotnet", "cs");
            var packed = new PackagedFixHostTests.PackageContext(analyzerDirectory);
            var provider = packed.LoadFromAssemblyPath(Path.Combine(analyzerDirectory, "Inworld.Analyzers.CodeFixes.dll")).GetTypes()
                .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .Single(p => p.FixableDiagnosticIds.Contains("INW002"));
            var analyzers = packed.LoadFromAssemblyPath(Path.Combine(analyzerDirectory, "Inworld.Analyzers.dll")).GetTypes()
                .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

            var scripts = Path.Combine(DotnetCli.RepositoryRoot(), "samples", "UnityGame", "Assets", "Scripts");
            var sampleProvider = File.ReadAllText(Path.Combine(scripts, "InworldTokenProvider.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var project = Path.Combine(_package.Root, "nsg-unity-token", "Assets", "Scripts");
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Assembly-CSharp", "Assembly-CSharp", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: UnityParseOptions(unity6: false),
                metadataReferences: Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Append(UnityStubs.Engine)));
            foreach (var script in new[] { "NpcChat.cs", "InworldSettings.cs" })
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), script, SourceText.From(File.ReadAllText(Path.Combine(scripts, script))),
                    new[] { "Assets", "Scripts" }, Path.Combine(project, script));
            }

            async Task<ImmutableArray<Diagnostic>> BasicAuthFindings(Project p)
            {
                var compilation = (await p.GetCompilationAsync())!;
                return (await compilation.WithAnalyzers(analyzers, p.AnalyzerOptions).GetAnalyzerDiagnosticsAsync()).Where(d => d.Id == "INW002").ToImmutableArray();
            }

            var before = solution.GetProject(projectId)!;
            Assert.DoesNotContain((await before.GetCompilationAsync())!.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
            var finding = Assert.Single(await BasicAuthFindings(before));
            Assert.Equal("NpcChat.cs", Path.GetFileName(finding.Location.SourceTree!.FilePath));

            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(before.GetDocument(finding.Location.SourceTree)!, finding, (a, _) => actions.Add(a), CancellationToken.None));
            var action = Assert.Single(actions);
            Assert.Equal("INW002.UseBackendToken", action.EquivalenceKey);
            var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            var fixedProject = changed.GetProject(projectId)!;

            var npcChat = (await fixedProject.Documents.Single(d => d.Name == "NpcChat.cs").GetTextAsync()).ToString();
            Assert.Contains("        var inworldToken = InworldTokenProvider.Shared.RequestToken();\n        yield return inworldToken;\n" +
                            "        request.SetRequestHeader(\"Authorization\", \"Bearer \" + inworldToken.Token);\n", npcChat.Replace("\r\n", "\n", StringComparison.Ordinal));
            Assert.DoesNotContain("\"Basic \"", npcChat);

            // The fix's provider is the sample's file, next to the script.
            var added = fixedProject.Documents.Single(d => d.Name == "InworldTokenProvider.cs");
            Assert.Equal(Path.Combine(project, "InworldTokenProvider.cs"), added.FilePath);
            Assert.Equal(sampleProvider, (await added.GetTextAsync()).ToString());

            // Compiles before Unity 2023.1 (Task) and after (Awaitable), and the finding is gone.
            foreach (var unity6 in new[] { false, true })
            {
                var built = fixedProject.WithParseOptions(UnityParseOptions(unity6));
                var errors = (await built.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, (unity6 ? "UNITY_2023_1_OR_NEWER: " : "Unity 2022: ") + string.Join("\n", errors));
                Assert.Empty(await BasicAuthFindings(built));
            }
        }

        /// <summary>C# 9 with the symbols Unity defines for the Editor's player scripts, with or without UNITY_2023_1_OR_NEWER.</summary>
        private static CSharpParseOptions UnityParseOptions(bool unity6)
        {
            var symbols = new List<string> { "UNITY_2021_2_OR_NEWER", "UNITY_2022_3_OR_NEWER", "UNITY_STANDALONE" };
            if (unity6)
            {
                symbols.Add("UNITY_2023_1_OR_NEWER");
                symbols.Add("UNITY_6000_0_OR_NEWER");
            }

            return new CSharpParseOptions(LanguageVersion.CSharp9).WithPreprocessorSymbols(symbols);
        }
    }
}
