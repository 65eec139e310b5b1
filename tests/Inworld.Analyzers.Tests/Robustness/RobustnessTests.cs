using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Inworld.Analyzers.Tests.Robustness
{
    /// <summary>Broken code and broken builds get an answer, never an analyzer exception (AD0001).</summary>
    public class RobustnessTests
    {
        private static readonly string Sample = Snippet.Expand(@"
using System;
using System.Text;
class InworldClient { public InworldClient(string apiKey, string secret = """") { } }
class C
{
    const string Key = ""$KEY$"";
    static readonly string Raw = ""$PAIR$"";
    string inworldSecret = ""$SECRET$"";
    string Header => ""Basic "" + Key;
    string Encoded() => Convert.ToBase64String(Encoding.UTF8.GetBytes(Raw));
    object Client() => new InworldClient($""{Key}"", string.Concat(""$ID$"", ""x""));
    string Fallback() => Environment.GetEnvironmentVariable(""INWORLD_API_KEY"") ?? ""$URLKEY$"";
    int M(string s) => s switch { ""$KEY$"" => 1, _ => 0 };
}
");

        private static async Task<(ImmutableArray<Diagnostic> Diagnostics, Exception[] Exceptions)> RunAsync(Compilation compilation, AnalyzerOptions? options = null)
        {
            var exceptions = new ConcurrentBag<Exception>();
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer(), new InvalidOptionAnalyzer());
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            return (diagnostics, exceptions.ToArray());
        }

        [Fact]
        public async Task Valid_sample_reports_every_value_without_exceptions()
        {
            var (diagnostics, exceptions) = await RunAsync(DiagnosticsFor.CreateCompilation(Sample));
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            Assert.Equal(6, diagnostics.Count(d => d.Id == RuleIds.HardcodedCredential));
        }

        [Fact]
        public async Task Missing_references_do_not_stop_the_rule()
        {
            var (diagnostics, exceptions) = await RunAsync(DiagnosticsFor.CreateCompilation(Sample, withReferences: false));
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            Assert.Contains(diagnostics, d => d.Id == RuleIds.HardcodedCredential);
        }

        [Fact]
        public async Task Every_truncation_of_the_source_is_handled()
        {
            // Cut the file at many points (inside literals, interpolations, argument lists) as a user typing would.
            for (var length = 0; length < Sample.Length; length += 7)
            {
                var (diagnostics, exceptions) = await RunAsync(DiagnosticsFor.CreateCompilation(Sample.Substring(0, length)));
                Assert.True(exceptions.Length == 0, "cut at " + length + ": " + string.Join("\n", exceptions.Select(e => e.ToString())));
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            }
        }

        [Theory]
        [InlineData("class C { string k = \"$KEY$ }")]
        [InlineData("class C { string k = $\"{\"$KEY$\"\"; }")]
        [InlineData("class C { string k = \"\"\"\n$KEY$\n; }")]
        [InlineData("class C { [Attr(\"$KEY$\" class D { }")]
        [InlineData("string s = \"$KEY$\"u8 + ;")]
        [InlineData("class C { void M() { Environment.SetEnvironmentVariable(\"INWORLD_SECRET\", ) } }")]
        [InlineData("class C { object o = new Unknown { InworldSecret = \"$SECRET$\" }; }")]
        [InlineData("class C { string inworldKey = Missing.Value ?? \"$ID$\"; }")]
        public async Task Malformed_source_is_handled(string source)
        {
            var (diagnostics, exceptions) = await RunAsync(DiagnosticsFor.CreateCompilation(Snippet.Expand(source)));
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        [Fact]
        public async Task Unknown_type_with_Inworld_named_member_is_still_flagged()
        {
            var (diagnostics, exceptions) = await RunAsync(DiagnosticsFor.CreateCompilation(Snippet.Expand("class C { object o = new Unknown { InworldSecret = \"$SECRET$\" }; }")));
            Assert.Empty(exceptions);
            Assert.Contains(diagnostics, d => d.Id == RuleIds.HardcodedCredential);
        }

        [Fact]
        public async Task Older_language_versions_are_handled()
        {
            var tree = CSharpSyntaxTree.ParseText(Sample, new CSharpParseOptions(LanguageVersion.CSharp7_3));
            var compilation = CSharpCompilation.Create("Old", new[] { tree }, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var (diagnostics, exceptions) = await RunAsync(compilation);
            Assert.Empty(exceptions);
            Assert.Contains(diagnostics, d => d.Id == RuleIds.HardcodedCredential);
        }
    }
}
