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
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Inworld.Analyzers.Tests.Fixes
{
    /// <summary>
    /// FixAll as `dotnet format analyzers` asks for it: one rule at a time, with the equivalence key of the first finding
    /// of its analysis, which for the INW003/INW005 provider can be the other rule's key.
    /// </summary>
    public class DotnetFormatFixAllTests
    {
        private const string Usings = "using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n\n";

        private const string Speech = Usings + "static class Speech\n{\n    public static async Task Speak(HttpClient client)\n    {\n" +
            "        var key = Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\");\n" +
            "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", key);\n" +
            "        await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null);\n    }\n}\n";

        private const string Chat = Usings + "static class Chat\n{\n    public static async Task Ask(HttpClient client)\n    {\n" +
            "        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\"));\n" +
            "        await client.PostAsync(\"https://api.inworld.ai/v1/chat/completions\", null);\n    }\n}\n";

        [Theory]
        [InlineData(RuleIds.RealtimeKeyOnNonRealtimeApi, AuthorizationUsageCodeFixProvider.SchemeEquivalenceKey, "Speech.cs", "GetEnvironmentVariable(\"INWORLD_API_KEY\")")]
        [InlineData(RuleIds.WrongAuthorizationScheme, AuthorizationUsageCodeFixProvider.StandardKeyEquivalenceKey, "Chat.cs", "new AuthenticationHeaderValue(\"Basic\", Environment")]
        public async Task A_rule_asked_for_with_the_other_rule_key_is_still_fixed(string rule, string otherRuleKey, string file, string fixedText)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "App", "App", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary), metadataReferences: Basic.Reference.Assemblies.Net80.References.All));
            foreach (var (name, text) in new[] { ("Speech.cs", Speech), ("Chat.cs", Chat) })
            {
                project = project.AddDocument(name, SourceText.From(text), filePath: "/app/" + name).Project;
            }

            var compilation = (await project.GetCompilationAsync())!;
            var findings = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AuthorizationUsageAnalyzer()), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(new[] { RuleIds.RealtimeKeyOnNonRealtimeApi, RuleIds.WrongAuthorizationScheme }, findings.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));

            var provider = new AuthorizationUsageCodeFixProvider();
            var document = project.Documents.First();
            var context = new FixAllContext(document, provider, FixAllScope.Solution, otherRuleKey, new[] { rule }, new KnownDiagnostics(findings), CancellationToken.None);
            var action = await provider.GetFixAllProvider().GetFixAsync(context);
            Assert.NotNull(action);

            var changed = (await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            var fixedProject = changed.GetProject(project.Id)!;
            Assert.Contains(fixedText, (await fixedProject.Documents.Single(d => d.Name == file).GetTextAsync()).ToString());

            // Only the asked rule: the other file is untouched.
            var other = file == "Speech.cs" ? ("Chat.cs", Chat) : ("Speech.cs", Speech);
            Assert.Equal(other.Item2, (await fixedProject.Documents.Single(d => d.Name == other.Item1).GetTextAsync()).ToString());
        }
    }
}
