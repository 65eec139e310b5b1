using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Xunit;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>
    /// The code fixes as Visual Studio hosts them: the consumer project is loaded with MSBuildWorkspace, the
    /// analyzers come from the project's package reference, the code-fix providers from the packed
    /// Inworld.Analyzers.CodeFixes.dll (loaded in a context of its own), and every INW fix must leave code
    /// that compiles with the diagnostic gone.
    /// </summary>
    [Trait("Category", "Package")]
    [Collection(PackageCollection.Name)]
    public sealed class PackagedFixHostTests
    {
        private static readonly object LocatorGate = new object();

        /// <summary>Registers the SDK's MSBuild for MSBuildWorkspace once per test process (every fix-host test calls it).</summary>
        internal static void RegisterMSBuildOnce()
        {
            lock (LocatorGate)
            {
                if (!Microsoft.Build.Locator.MSBuildLocator.IsRegistered)
                {
                    Microsoft.Build.Locator.MSBuildLocator.RegisterDefaults();
                }
            }
        }
        private readonly PackageFixture _package;

        public PackagedFixHostTests(PackageFixture package) => _package = package;

        /// <summary>Loads the Inworld assemblies from the unpacked package and Roslyn from the host, as an IDE does.</summary>
        internal sealed class PackageContext : AssemblyLoadContext
        {
            private readonly string _directory;

            public PackageContext(string directory) : base(isCollectible: false) => _directory = directory;

            // Inworld assemblies from the package; Roslyn itself from the host, as an IDE does.
            protected override Assembly? Load(AssemblyName name)
            {
                var path = Path.Combine(_directory, name.Name + ".dll");
                return name.Name!.StartsWith("Inworld.", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }
        }

        [Fact]
        public async Task Packed_fixes_applied_through_MSBuildWorkspace_compile_and_remove_the_diagnostic()
        {
            Assert.True(_package.PackResult.ExitCode == 0, _package.PackResult.ToString());
            RegisterMSBuildOnce();

            // The consumer: a server console app with one finding for each fix. INW001 (hard-coded key, env-var fix),
            // INW003 (Realtime key on TTS, rename), INW005 (key sent as Bearer, scheme) on the server side, and
            // INW002 (Basic in client code, token flow) in a folder the .editorconfig marks as client code.
            var directory = Path.Combine(_package.Root, "FixHost");
            Directory.CreateDirectory(Path.Combine(directory, "Client"));
            File.WriteAllText(Path.Combine(directory, "nuget.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /><add key=\"local\" value=\"" + _package.Feed + "\" /></packageSources></configuration>\n");
            File.WriteAllText(Path.Combine(directory, "FixHost.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><RestorePackagesPath>" + Path.Combine(_package.Root, "packages") + "</RestorePackagesPath></PropertyGroup>" +
                "<ItemGroup><PackageReference Include=\"Inworld.Analyzers\" Version=\"" + _package.Version + "\" /></ItemGroup></Project>\n");
            File.WriteAllText(Path.Combine(directory, ".editorconfig"), "root = true\n\n[Client/**.cs]\ninworld_analyzers.project_kind = client\n");
            const string Usings = "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n\n";
            File.WriteAllText(Path.Combine(directory, "Program.cs"), "const string Key = \"" + FakeCredentials.Other.ApiKey + "\";\nSystem.Console.WriteLine(Key.Length);\n");
            File.WriteAllText(Path.Combine(directory, "Speech.cs"), Usings +
                "static class Speech\n{\n    public static async Task Speak(HttpClient client)\n    {\n        var key = Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\");\n" +
                "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", key);\n        await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n");
            File.WriteAllText(Path.Combine(directory, "Chat.cs"), Usings +
                "static class Chat\n{\n    public static async Task Ask(HttpClient client)\n    {\n" +
                "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"));\n" +
                "        await client.PostAsync(\"https://api.inworld.ai/v1/chat/completions\", null);\n    }\n}\n");
            File.WriteAllText(Path.Combine(directory, "Client", "Player.cs"), Usings +
                "static class Player\n{\n    public static async Task Speak(HttpClient client)\n    {\n" +
                "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"));\n" +
                "        await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n");
            var restore = DotnetCli.Run(directory, new[] { "restore" });
            Assert.True(restore.ExitCode == 0, restore.ToString());

            // The packed code-fix assembly, extracted and loaded apart from this test's own copy.
            var extracted = Path.Combine(_package.Root, "extracted");
            if (!Directory.Exists(extracted))
            {
                ZipFile.ExtractToDirectory(_package.PackagePath!, extracted);
            }

            var context = new PackageContext(Path.Combine(extracted, "analyzers", "dotnet", "cs"));
            var fixes = context.LoadFromAssemblyPath(Path.Combine(extracted, "analyzers", "dotnet", "cs", "Inworld.Analyzers.CodeFixes.dll"));
            var providers = fixes.GetTypes().Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToList();
            // INW001 has two: the environment-variable fix (server code) and the client fix (issue 14).
            Assert.Equal(new[] { "AuthorizationUsageCodeFixProvider", "BasicAuthTokenCodeFixProvider", "ClientCredentialCodeFixProvider", "HardcodedCredentialCodeFixProvider" },
                providers.Select(p => p.GetType().Name).OrderBy(n => n, StringComparer.Ordinal));

            // The workspace evaluates the project in a build host process; bound it so a stuck host fails this test
            // instead of stalling the run.
            using var loadTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            using var workspace = MSBuildWorkspace.Create();
            var project = await workspace.OpenProjectAsync(Path.Combine(directory, "FixHost.csproj"), cancellationToken: loadTimeout.Token);
            // The project's package reference brings the analyzers; run the packed copies themselves (the
            // in-process workspace would hand back this test's already loaded assembly of the same name).
            Assert.Contains(project.AnalyzerReferences, r => (r.FullPath ?? string.Empty).EndsWith(Path.Combine("analyzers", "dotnet", "cs", "Inworld.Analyzers.dll"), StringComparison.Ordinal));
            var packedAnalyzers = context.LoadFromAssemblyPath(Path.Combine(extracted, "analyzers", "dotnet", "cs", "Inworld.Analyzers.dll"));
            Assert.NotSame(typeof(Inworld.Analyzers.RuleIds).Assembly, packedAnalyzers);
            var analyzers = packedAnalyzers.GetTypes()
                .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
            Assert.Equal(5, analyzers.Length);

            var diagnostics = await Diagnose(project, analyzers);
            var expectations = new (string Id, string File, string FixedText)[]
            {
                ("INW001", "Program.cs", "Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")"),
                ("INW002", "Player.cs", "new AuthenticationHeaderValue(\"Bearer\", await InworldTokenProvider.Shared.GetTokenAsync())"),
                ("INW003", "Speech.cs", "Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")"),
                ("INW005", "Chat.cs", "new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"))"),
            };
            Assert.Equal(expectations.Select(e => e.Id + " " + e.File), diagnostics.Select(d => d.Id + " " + Path.GetFileName(d.Location.SourceTree!.FilePath)).OrderBy(n => n, StringComparer.Ordinal));

            // Each fix on its own, from the original project, as a user applies it from the light bulb.
            foreach (var (id, file, fixedText) in expectations)
            {
                var finding = diagnostics.Single(d => d.Id == id);
                var document = project.GetDocument(finding.Location.SourceTree)!;
                var actions = new List<CodeAction>();
                foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(id)))
                {
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (a, _) => actions.Add(a), CancellationToken.None));
                }

                Assert.True(actions.Count > 0, "no fix offered for " + id);
                var changed = (await actions[0].GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
                var fixedProject = changed.GetProject(project.Id)!;
                var compilation = (await fixedProject.GetCompilationAsync())!;
                Assert.True(!compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error),
                    id + " fix left errors: " + string.Join("; ", compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)));
                var after = await Diagnose(fixedProject, analyzers);
                Assert.DoesNotContain(after, d => d.Id == id);
                Assert.Equal(diagnostics.Length - 1, after.Length);
                var text = (await fixedProject.GetDocument(document.Id)!.GetTextAsync()).ToString();
                Assert.Contains(fixedText, text);
                if (id == "INW002")
                {
                    // MSBuildWorkspace (the host of dotnet format) would write a new file into the csproj as a Compile item that
                    // duplicates the SDK glob (NETSDK1022): the provider is appended to a file the project has, defined once.
                    Assert.Equal(project.DocumentIds.Count, fixedProject.DocumentIds.Count);
                    Assert.Single((await fixedProject.GetCompilationAsync())!.GetSymbolsWithName("InworldTokenProvider", SymbolFilter.Type));
                }
            }
        }

        private static async Task<ImmutableArray<Diagnostic>> Diagnose(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var compilation = (await project.GetCompilationAsync())!;
            return await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        }
    }
}
