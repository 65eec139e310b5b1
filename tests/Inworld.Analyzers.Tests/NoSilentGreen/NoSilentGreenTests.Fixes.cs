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
using Inworld.Analyzers.Tests.Package;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    public sealed partial class NoSilentGreenTests
    {
        /// <summary>
        /// The INW001 light bulb in a client project (InworldProjectKind=client in the project file), with the packed
        /// analyzers and fixes as an IDE hosts them. The client/server decision travels from the analyzer to the fix
        /// in the diagnostic: a key sent as Basic gets the backend-token rewrite and is gone from the file afterwards;
        /// a key elsewhere in client code gets no environment-variable fix (an environment variable on a player's
        /// device is no secret store), only the removal of the value, after which it is gone from the file too.
        /// Every client-side message says the key has shipped and must be rotated, and shows no secret.
        /// </summary>
        [Fact]
        public async Task Client_side_key_fixed_from_the_light_bulb_is_gone_from_the_source()
        {
            var credentials = FakeCredentials.Other;
            const string Usings = "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n\n";
            var directory = CreateConsumer("FixClient", new Dictionary<string, string>
            {
                ["Player.cs"] = Usings + "public static class Player\n{\n    public static async Task Speak(HttpClient client)\n    {\n" +
                                "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", \"" + credentials.ApiKey + "\");\n" +
                                "        await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n",
                ["Settings.cs"] = "public sealed class Settings\n{\n    public string Key = \"" + credentials.ApiKey + "\";\n}\n",
                ["Program.cs"] = "System.Console.WriteLine(new Settings().Key.Length);\n",
            }, properties: "<OutputType>Exe</OutputType>\n    <InworldProjectKind>client</InworldProjectKind>");
            var restore = DotnetCli.Run(directory, new[] { "restore" });
            Assert.True(restore.ExitCode == 0, restore.ToString());

            PackagedFixHostTests.RegisterMSBuildOnce();

            var extracted = Path.Combine(_package.Root, "nsg-fixes-extracted");
            if (!Directory.Exists(extracted))
            {
                ZipFile.ExtractToDirectory(_package.PackagePath!, extracted);
            }

            var analyzerDirectory = Path.Combine(extracted, "analyzers", "dotnet", "cs");
            var packed = new PackagedFixHostTests.PackageContext(analyzerDirectory);
            var providers = packed.LoadFromAssemblyPath(Path.Combine(analyzerDirectory, "Inworld.Analyzers.CodeFixes.dll")).GetTypes()
                .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .Where(p => p.FixableDiagnosticIds.Contains("INW001")).ToList();

            // The environment-variable fixer (server code) and the client fixer.
            Assert.Equal(new[] { "ClientCredentialCodeFixProvider", "HardcodedCredentialCodeFixProvider" }, providers.Select(p => p.GetType().Name).OrderBy(n => n, StringComparer.Ordinal));
            var analyzers = packed.LoadFromAssemblyPath(Path.Combine(analyzerDirectory, "Inworld.Analyzers.dll")).GetTypes()
                .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

            using var loadTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            using var workspace = MSBuildWorkspace.Create();
            var project = await workspace.OpenProjectAsync(Path.Combine(directory, "FixClient.csproj"), cancellationToken: loadTimeout.Token);

            async Task<ImmutableArray<Diagnostic>> HardcodedKeys(Project p)
            {
                var compilation = (await p.GetCompilationAsync())!;
                return (await compilation.WithAnalyzers(analyzers, p.AnalyzerOptions).GetAnalyzerDiagnosticsAsync()).Where(d => d.Id == "INW001").ToImmutableArray();
            }

            async Task<List<CodeAction>> ActionsFor(Project p, Diagnostic diagnostic)
            {
                var actions = new List<CodeAction>();
                foreach (var provider in providers)
                {
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(p.GetDocument(diagnostic.Location.SourceTree)!, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                }

                return actions;
            }

            var findings = await HardcodedKeys(project);
            Assert.Equal(new[] { "Player.cs", "Settings.cs" }, findings.Select(d => Path.GetFileName(d.Location.SourceTree!.FilePath)).OrderBy(n => n, StringComparer.Ordinal));

            foreach (var finding in findings)
            {
                var message = finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains("in client-side code: it has shipped with the app", message, StringComparison.Ordinal);
                Assert.Contains("rotate the key", message, StringComparison.Ordinal);
                AssertNoSecret(message, credentials);
            }

            // A key that is not sent as Basic: no environment-variable rewrite in client code; the value is removed,
            // and then it is gone from the file and the project still builds.
            var settingsFinding = findings.Single(d => d.Location.SourceTree!.FilePath.EndsWith("Settings.cs", StringComparison.Ordinal));
            var removal = Assert.Single(await ActionsFor(project, settingsFinding));
            Assert.Equal("INW001.RemoveFromClient", removal.EquivalenceKey);
            var removed = (await removal.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution.GetProject(project.Id)!;
            var settingsText = (await removed.Documents.Single(d => d.Name == "Settings.cs").GetTextAsync()).ToString();
            AssertNoSecret(settingsText, credentials);
            Assert.Contains("public string Key = \"\";", settingsText);
            Assert.DoesNotContain((await removed.GetCompilationAsync())!.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(new[] { "Player.cs" }, (await HardcodedKeys(removed)).Select(d => Path.GetFileName(d.Location.SourceTree!.FilePath)));

            // The key sent as Basic: the backend-token rewrite (and the removal), after which the key is gone from the file.
            var playerFinding = findings.Single(d => d.Location.SourceTree!.FilePath.EndsWith("Player.cs", StringComparison.Ordinal));
            var playerActions = await ActionsFor(project, playerFinding);
            Assert.Equal(new[] { "INW001.RemoveFromClient", "INW002.UseBackendToken" }, playerActions.Select(a => a.EquivalenceKey).OrderBy(k => k, StringComparer.Ordinal));
            var action = playerActions.Single(a => a.EquivalenceKey == "INW002.UseBackendToken");
            var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            var fixedProject = changed.GetProject(project.Id)!;
            var player = fixedProject.Documents.Single(d => d.Name == "Player.cs");
            var playerText = (await player.GetTextAsync()).ToString();
            AssertNoSecret(playerText, credentials);
            Assert.Contains("new AuthenticationHeaderValue(\"Bearer\", await InworldTokenProvider.Shared.GetTokenAsync())", playerText);
            // MSBuildWorkspace (the host of dotnet format) would write a new file into the csproj as a Compile item that
            // duplicates the SDK glob (NETSDK1022): the provider is appended to a file the project has, defined once.
            Assert.Equal(project.DocumentIds.Count, fixedProject.DocumentIds.Count);
            Assert.Single((await fixedProject.GetCompilationAsync())!.GetSymbolsWithName("InworldTokenProvider", SymbolFilter.Type));

            var compiled = (await fixedProject.GetCompilationAsync())!;
            Assert.DoesNotContain(compiled.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
            var after = await HardcodedKeys(fixedProject);
            Assert.Equal(new[] { "Settings.cs" }, after.Select(d => Path.GetFileName(d.Location.SourceTree!.FilePath)));
        }
    }
}
