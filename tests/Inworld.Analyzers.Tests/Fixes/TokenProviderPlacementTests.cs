using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Inworld.Analyzers.Tests.Fixes
{
    /// <summary>
    /// Where the INW002 token fix puts InworldTokenProvider. In the IDE (any workspace but MSBuildWorkspace) it is a new
    /// file. MSBuildWorkspace, the workspace of `dotnet format`, writes a new file into the project file as a Compile item,
    /// which duplicates the SDK's default glob (NETSDK1022): there the provider is appended to a file the project already
    /// has. Each case checks the result compiles, with no document added and no using brought into the user's file.
    /// </summary>
    public class TokenProviderPlacementTests
    {
        private const string ClientConfig = "is_global = true\nbuild_property.UseMaui = true\n";
        private const string Usings = "using System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n";

        private static string Caller(string className) =>
            "    public sealed class " + className + "\n    {\n        public async Task Speak(HttpClient client, string key)\n        {\n" +
            "            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", key);\n" +
            "            await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n        }\n    }\n";

        private static string FileScoped(string ns, string className) =>
            Usings + "\nnamespace " + ns + ";\n\n" + Caller(className).Replace("\n    ", "\n").Substring(4);

        private static string BlockNamespace(string ns, string className) =>
            Usings + "\nnamespace " + ns + "\n{\n" + Caller(className) + "}\n";

        private sealed class Fixture : IDisposable
        {
            public Fixture(string workspaceKind, OutputKind outputKind, string config, params (string Path, string Text)[] files)
            {
                Workspace = new AdhocWorkspace(MefHostServices.DefaultHost, workspaceKind);
                var projectId = ProjectId.CreateNewId();
                var documents = files.Select(f => DocumentInfo.Create(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(f.Path),
                    loader: TextLoader.From(TextAndVersion.Create(SourceText.From(f.Text), VersionStamp.Create())), filePath: "/app/" + f.Path)).ToList();
                var configDocument = DocumentInfo.Create(DocumentId.CreateNewId(projectId), ".globalconfig",
                    loader: TextLoader.From(TextAndVersion.Create(SourceText.From(config), VersionStamp.Create())), filePath: "/app/.globalconfig");
                var project = ProjectInfo.Create(projectId, VersionStamp.Create(), "App", "App", LanguageNames.CSharp, filePath: "/app/App.csproj",
                        compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
                        parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                        documents: documents, metadataReferences: Basic.Reference.Assemblies.Net80.References.All)
                    .WithAnalyzerConfigDocuments(new[] { configDocument });
                Project = Workspace.AddProject(project);
            }

            public AdhocWorkspace Workspace { get; }

            public Project Project { get; }

            public void Dispose() => Workspace.Dispose();

            public async Task<ImmutableArray<Diagnostic>> BasicAuthFindings(Project project)
            {
                var compilation = (await project.GetCompilationAsync())!;
                return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BasicAuthInClientAnalyzer()), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            }

            /// <summary>The light bulb on the first finding.</summary>
            public async Task<Solution> FixFirst()
            {
                var finding = (await BasicAuthFindings(Project)).OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).First();
                var actions = new List<CodeAction>();
                await new BasicAuthTokenCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(Project.GetDocument(finding.Location.SourceTree)!, finding, (a, _) => actions.Add(a), CancellationToken.None));
                return (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            }

            /// <summary>Fix all in the solution, as `dotnet format` applies a fixer.</summary>
            public async Task<Solution> FixAll()
            {
                var findings = await BasicAuthFindings(Project);
                var provider = new BasicAuthTokenCodeFixProvider();
                var context = new FixAllContext(Project.GetDocument(findings[0].Location.SourceTree)!, provider, FixAllScope.Solution, BasicAuthTokenCodeFixProvider.EquivalenceKey,
                    new[] { RuleIds.BasicAuthInClient }, new KnownDiagnostics(findings), CancellationToken.None);
                var action = (await provider.GetFixAllProvider().GetFixAsync(context))!;
                return (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            }

            public async Task<string> Text(Solution solution, string fileName)
                => (await solution.GetProject(Project.Id)!.Documents.Single(d => d.Name == fileName).GetTextAsync()).ToString();

            /// <summary>No compiler error, no INW002 left, the provider defined exactly once.</summary>
            public async Task AssertBuildsWithoutFindings(Solution solution)
            {
                var project = solution.GetProject(Project.Id)!;
                var compilation = (await project.GetCompilationAsync())!;
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, string.Join("\n", errors));
                Assert.Empty(await BasicAuthFindings(project));
                var providers = compilation.GetSymbolsWithName(TokenProviderTemplate.TypeName, SymbolFilter.Type).ToList();
                Assert.Single(providers);
            }
        }

        [Fact]
        public async Task In_the_IDE_the_provider_is_a_file_of_its_own()
        {
            using var fixture = new Fixture(WorkspaceKind.Host, OutputKind.DynamicallyLinkedLibrary, ClientConfig, ("Voice.cs", BlockNamespace("App", "Voice")));
            var fixedSolution = await fixture.FixFirst();

            Assert.Equal(TokenProviderTemplate.Source(TokenProviderTemplate.DefaultEndpoint, "\n"), await fixture.Text(fixedSolution, TokenProviderTemplate.FileName));
            Assert.DoesNotContain("class InworldTokenProvider", await fixture.Text(fixedSolution, "Voice.cs"));
            await fixture.AssertBuildsWithoutFindings(fixedSolution);
        }

        [Fact]
        public async Task Under_MSBuildWorkspace_the_provider_is_appended_to_the_rewritten_file_in_the_global_namespace()
        {
            var source = BlockNamespace("App", "Voice");
            using var fixture = new Fixture(WorkspaceKind.MSBuild, OutputKind.DynamicallyLinkedLibrary, ClientConfig, ("Voice.cs", source));
            var fixedSolution = await fixture.FixFirst();

            Assert.Equal(fixture.Project.DocumentIds.Count, fixedSolution.GetProject(fixture.Project.Id)!.DocumentIds.Count);
            var text = await fixture.Text(fixedSolution, "Voice.cs");
            Assert.StartsWith(Usings + "\nnamespace App\n{\n", text);
            Assert.Contains("new AuthenticationHeaderValue(\"Bearer\", await InworldTokenProvider.Shared.GetTokenAsync())", text);

            // After the namespace's closing brace, with the template's header comment and no using of its own.
            var namespaceEnd = text.IndexOf("\n}\n", StringComparison.Ordinal);
            Assert.True(namespaceEnd > 0 && namespaceEnd < text.IndexOf("// Added by the Inworld.Analyzers code fix", StringComparison.Ordinal), text);
            Assert.Contains("#nullable enable\n", text);
            Assert.Contains("public sealed class InworldTokenProvider\n{", text);
            Assert.Contains("private readonly global::System.Net.Http.HttpClient _http;", text);
            Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("using ", StringComparison.Ordinal)));

            var compilation = (await fixedSolution.GetProject(fixture.Project.Id)!.GetCompilationAsync())!;
            Assert.True(compilation.GetTypeByMetadataName(TokenProviderTemplate.TypeName)!.ContainingNamespace.IsGlobalNamespace);
            await fixture.AssertBuildsWithoutFindings(fixedSolution);
        }

        [Fact]
        public async Task Template_usings_never_reach_the_user_file_where_they_would_make_a_name_ambiguous()
        {
            // With System.Threading imported next to System.Timers, "Timer" would be ambiguous (CS0104).
            var source = "using System.Timers;\n" + BlockNamespace("App", "Voice").Replace("    public sealed class Voice\n    {\n", "    public sealed class Voice\n    {\n        private readonly Timer _idle = new Timer(1000);\n\n");
            using var fixture = new Fixture(WorkspaceKind.MSBuild, OutputKind.DynamicallyLinkedLibrary, ClientConfig, ("Voice.cs", source));
            var fixedSolution = await fixture.FixFirst();

            var text = await fixture.Text(fixedSolution, "Voice.cs");
            Assert.DoesNotContain("using System.Threading;", text);
            Assert.Contains("global::System.Threading.SemaphoreSlim", text);
            await fixture.AssertBuildsWithoutFindings(fixedSolution);
        }

        [Fact]
        public async Task Call_sites_in_file_scoped_namespaces_get_the_provider_in_the_top_level_Program()
        {
            const string program = "System.Console.WriteLine(\"voices\");\n";
            using var fixture = new Fixture(WorkspaceKind.MSBuild, OutputKind.ConsoleApplication, ClientConfig,
                ("Services/Voice.cs", FileScoped("App.Services", "Voice")), ("Pages/Chat.cs", FileScoped("App.Pages", "Chat")), ("Program.cs", program));
            var fixedSolution = await fixture.FixAll();

            Assert.Equal(fixture.Project.DocumentIds.Count, fixedSolution.GetProject(fixture.Project.Id)!.DocumentIds.Count);
            var programText = await fixture.Text(fixedSolution, "Program.cs");
            Assert.StartsWith(program + "\n// Added by the Inworld.Analyzers code fix", programText);
            foreach (var file in new[] { "Voice.cs", "Chat.cs" })
            {
                var text = await fixture.Text(fixedSolution, file);
                Assert.Contains("await InworldTokenProvider.Shared.GetTokenAsync()", text);
                Assert.DoesNotContain("class InworldTokenProvider", text);
            }

            await fixture.AssertBuildsWithoutFindings(fixedSolution);
        }

        [Fact]
        public async Task With_only_file_scoped_namespaces_a_global_alias_makes_the_provider_visible_to_every_namespace()
        {
            using var fixture = new Fixture(WorkspaceKind.MSBuild, OutputKind.DynamicallyLinkedLibrary, ClientConfig,
                ("Chat.cs", "// Chat client.\n" + FileScoped("App.Pages", "Chat")), ("Voice.cs", FileScoped("App.Services", "Voice")));
            var fixedSolution = await fixture.FixAll();

            Assert.Equal(fixture.Project.DocumentIds.Count, fixedSolution.GetProject(fixture.Project.Id)!.DocumentIds.Count);
            var hosts = new List<string>();
            foreach (var file in new[] { "Chat.cs", "Voice.cs" })
            {
                var text = await fixture.Text(fixedSolution, file);
                Assert.Contains("await InworldTokenProvider.Shared.GetTokenAsync()", text);
                if (text.Contains("class InworldTokenProvider", StringComparison.Ordinal))
                {
                    hosts.Add(file);
                    var ns = file == "Chat.cs" ? "App.Pages" : "App.Services";
                    var header = file == "Chat.cs" ? "// Chat client.\n" : string.Empty;
                    Assert.StartsWith(header + "global using InworldTokenProvider = global::" + ns + ".InworldTokenProvider;\n" + Usings, text);
                }
            }

            Assert.Single(hosts);
            await fixture.AssertBuildsWithoutFindings(fixedSolution);
        }

        [Fact]
        public async Task A_project_that_lists_its_own_Compile_items_gets_the_provider_file_under_MSBuildWorkspace_too()
        {
            using var fixture = new Fixture(WorkspaceKind.MSBuild, OutputKind.DynamicallyLinkedLibrary, ClientConfig + "build_property.EnableDefaultCompileItems = false\n",
                ("Voice.cs", BlockNamespace("App", "Voice")));
            var fixedSolution = await fixture.FixFirst();

            Assert.Contains(fixedSolution.GetProject(fixture.Project.Id)!.Documents, d => d.Name == TokenProviderTemplate.FileName);
            Assert.DoesNotContain("class InworldTokenProvider", await fixture.Text(fixedSolution, "Voice.cs"));
            await fixture.AssertBuildsWithoutFindings(fixedSolution);
        }

        [Fact]
        public async Task The_appended_provider_keeps_the_host_file_line_endings()
        {
            using var fixture = new Fixture(WorkspaceKind.MSBuild, OutputKind.DynamicallyLinkedLibrary, ClientConfig,
                ("Voice.cs", BlockNamespace("App", "Voice").Replace("\n", "\r\n")));
            var fixedSolution = await fixture.FixFirst();

            var text = await fixture.Text(fixedSolution, "Voice.cs");
            Assert.Contains("class InworldTokenProvider", text);
            Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
            await fixture.AssertBuildsWithoutFindings(fixedSolution);
        }
    }
}
