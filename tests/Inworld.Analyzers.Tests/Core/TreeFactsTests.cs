using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// The per-tree pre-filter (TreeFacts) decides from text alone which operation blocks a rule registers for.
    /// These tests pin what it lets through, and the cross-file cases where the text of the block itself holds
    /// nothing a finding needs: each must still be found with the filter on, exactly as without it.
    /// (Every other analyzer test also compares both runs: see PreFilterEquivalence.)
    /// </summary>
    public class TreeFactsTests
    {
        private static TreeFacts Facts(string source) => new TreeFacts(CSharpSyntaxTree.ParseText(source));

        private static TextSpan All(string source) => new TextSpan(0, source.Length);

        [Theory]
        [InlineData("class C { int F(int a) => a * 3 + 0x1F; }")]
        [InlineData("class C { void F(object o) { if (o == null) throw new System.ArgumentNullException(nameof(o)); } }")]
        [InlineData("class C { string F(string a) => a ?? null; }")]
        public void Blocks_without_a_string_literal_are_skipped_by_the_literal_filter(string source)
            => Assert.False(Facts(source).MayHoldStringLiteral(All(source)));

        [Theory]
        [InlineData("class C { string F() => \"x\"; }")]
        [InlineData("class C { string F() => $@\"{1}\"; }")]
        [InlineData("class C { string F() => null + K.A; }")]
        [InlineData("class C { string F() => (string)null + K.A; }")]
        [InlineData("class C { string F() => (null as string) + K.A; }")]
        [InlineData("class C { string F() => string.Concat(null, K.A); }")]
        [InlineData("class C { string F() => null /* lead */ + K.A; }")]
        public void String_literals_and_null_led_concatenations_pass_the_literal_filter(string source)
            => Assert.True(Facts(source).MayHoldStringLiteral(All(source)));

        [Theory]
        [InlineData("class C { void F(H h, string k) { h.Authorization = k; } }")]
        [InlineData("class C { object F(string k) => new AuthenticationHeaderValue(\"Token\", k); }")]
        [InlineData("class C { void F(R r, string k) { r.WithBasicAuth(\"u\", k); } }")]
        [InlineData("class C { void F(R r, string k) { r.Set(new (\"Token\", k)); } }")]
        [InlineData("class C { void F(R r, string k) { r.Add(\"\\u0041uthorization\", k); } }")]
        public void Authorization_words_target_typed_new_and_escapes_pass_the_header_filter(string source)
            => Assert.True(Facts(source).MayAttachAuthorization(All(source), NoCarriers()));

        [Theory]
        [InlineData("class C { int F(int a) => a * 3; }")]
        [InlineData("class C { void F(R r, string k) { r.Headers.Add(\"X-Trace\", k); var x = new R(); } }")]
        public void Code_without_any_of_them_is_skipped_by_the_header_filter(string source)
            => Assert.False(Facts(source).MayAttachAuthorization(All(source), NoCarriers()));

        [Fact]
        public void Names_declared_with_an_Authorization_word_elsewhere_are_carriers()
        {
            var compilation = CSharpCompilation.Create("C", new[]
            {
                CSharpSyntaxTree.ParseText("static class Wire { public const string Header = \"Authorization\"; const string Constraint = \"basicConstraints\"; }"),
                CSharpSyntaxTree.ParseText("using Ahv = System.Net.Http.Headers.AuthenticationHeaderValue;"),
                CSharpSyntaxTree.ParseText("static class Api { public static void Sign(string scheme = \"Bearer\") { } }"),
            });

            var carriers = AuthorizationCarriers.Find(compilation, default).Names;

            Assert.Contains("Header", carriers);
            Assert.Contains("Wire", carriers);
            Assert.Contains("Ahv", carriers);
            Assert.Contains("Sign", carriers);
            Assert.DoesNotContain("Constraint", carriers);
            var source = "class C { void F(R r, string k) { r.Headers.Add(Wire.Header, k); } }";
            Assert.True(Facts(source).MayAttachAuthorization(All(source), new System.Lazy<AuthorizationCarriers>(() => AuthorizationCarriers.Find(compilation, default))));
        }

        /// <summary>
        /// A carrier is found as a whole name, wherever it stands (after '@', '.', in an interpolation or nameof), and
        /// only there: a longer name that merely starts with it is another symbol. Many carriers cost one lookup.
        /// </summary>
        [Theory]
        [InlineData("class C { void F(R r, string k) { r.Headers.Add(Wire.Header, k); } }", true)]
        [InlineData("class C { void F(R r, string k) { r.Headers.Add(@Header, k); } }", true)]
        [InlineData("class C { void F(R r, string k) { r.Headers.Add($\"{Header}\", k); } }", true)]
        [InlineData("class C { void F(R r, string k) { r.Headers.Add(nameof(Header), k); } }", true)]
        [InlineData("class C { void F(R r, string k) { r.Headers.Add(HeaderName, k); } }", false)]
        [InlineData("class C { void F(R r, string k) { r.Headers.Add(MyHeader, k); } }", false)]
        public void Carriers_are_matched_as_whole_names(string source, bool passes)
        {
            var declarations = new List<SyntaxTree>
            {
                CSharpSyntaxTree.ParseText("static class Wire { public const string Header = \"Authorization\"; }"),
            };

            // Enough unrelated carriers that a per-name search would show; the lookup must still find the one used.
            for (var i = 0; i < 500; i++)
            {
                declarations.Add(CSharpSyntaxTree.ParseText("class Sender" + i + " { const string H = \"Authorization\"; }"));
            }

            var compilation = CSharpCompilation.Create("C", declarations);
            var carriers = new System.Lazy<AuthorizationCarriers>(() => AuthorizationCarriers.Find(compilation, default));

            Assert.Equal(passes, Facts(source).MayAttachAuthorization(All(source), carriers));
        }

        /// <summary>Header name and scheme come from constants of another file: the file that sends the header names neither.</summary>
        [Fact]
        public async Task A_header_name_and_scheme_from_another_file_are_still_judged()
        {
            var diagnostics = await RunAsync(new AuthorizationUsageAnalyzer(),
                ("Wire.cs", "static class Wire { public const string Header = \"Authorization\"; public const string Scheme = \"Bearer \"; }"),
                ("Keys.cs", "static class Keys { public const string Value = \"$KEY$\"; }"),
                ("Tts.cs", "using System.Net.Http;\nclass Tts { void Speak(HttpRequestMessage r) { r.Headers.Add(Wire.Header, Wire.Scheme + Keys.Value); } }"));

            Assert.Contains(diagnostics, d => d.Id == RuleIds.WrongAuthorizationScheme && d.Location.SourceTree!.FilePath == "Tts.cs");
        }

        /// <summary>
        /// A raw pair, and the parts of one, declared in another file reach Convert.ToBase64String: the file that
        /// encodes them writes no string literal.
        /// </summary>
        [Fact]
        public async Task Constants_from_another_file_are_still_judged_where_they_are_used()
        {
            var diagnostics = await RunAsync(new HardcodedCredentialAnalyzer(),
                ("Values.cs", "static class Values { public const string Raw = \"$PAIR$\"; public const string Id = \"$ID$\"; public const string Colon = \":\"; public const string S = \"$SECRET$\"; }"),
                ("Whole.cs", "using System; using System.Text;\nclass Whole { string Key() => Convert.ToBase64String(Encoding.UTF8.GetBytes(Values.Raw)); }"),
                ("Parts.cs", "using System; using System.Text;\nclass Parts { string Key() => Convert.ToBase64String(Encoding.UTF8.GetBytes(Values.Id + Values.Colon + Values.S)); }"));

            Assert.Contains(diagnostics, d => d.Id == RuleIds.HardcodedCredential && d.Location.SourceTree!.FilePath == "Whole.cs");
            Assert.Contains(diagnostics, d => d.Id == RuleIds.HardcodedCredential && d.Location.SourceTree!.FilePath == "Parts.cs");
        }

        /// <summary>
        /// An omitted optional argument brings its string default into a method that writes no literal. The method is
        /// in a referenced assembly: a default written in this compilation's source is reported where it is written, not
        /// at each call (FindingLocationTests).
        /// </summary>
        [Fact]
        public async Task An_omitted_argument_default_is_judged_as_without_the_filter()
        {
            var library = Compile(new[] { ("Api.cs", "public static class Api { public static void Connect(string apiKey = \"$KEY$\") { } }") })
                .WithAssemblyName("Api")
                .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new System.IO.MemoryStream();
            Assert.True(library.Emit(image).Success);
            var compilation = Compile(new[] { ("Game.cs", "class Game { void Start() { Api.Connect(); } }") })
                .AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer());
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

            var with = await PreFilterEquivalence.RunAsync(compilation, analyzers, options, preFilter: true, default);
            var without = await PreFilterEquivalence.RunAsync(compilation, analyzers, options, preFilter: false, default);

            Assert.Equal(without.Length, with.Length);
            for (var i = 0; i < without.Length; i++)
            {
                Assert.Equal(without[i], with[i]);
            }

            Assert.Contains(without, line => line.Contains("Game.cs"));
        }

        private static System.Lazy<AuthorizationCarriers> NoCarriers()
            => new System.Lazy<AuthorizationCarriers>(() => AuthorizationCarriers.Find(CSharpCompilation.Create("Empty"), default));

        private static CSharpCompilation Compile((string Path, string Source)[] sources)
            => CSharpCompilation.Create(
                "Test",
                sources.Select(s => CSharpSyntaxTree.ParseText(Snippet.Expand(s.Source), new CSharpParseOptions(LanguageVersion.Preview), s.Path)),
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // DiagnosticsFor.CompilationAsync also runs the input without the pre-filter and requires the same findings.
        private static Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, params (string Path, string Source)[] sources)
            => DiagnosticsFor.CompilationAsync(analyzer, Compile(sources));
    }
}
