using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// The compilation screen: a compilation that names Inworld nowhere and holds no key or pair is analysed only in the
    /// types that join a literal to another value. Each test checks one of the things the screen reads, and the
    /// end-to-end tests show that what it lets through still finds the keys that only joins can make.
    /// </summary>
    public sealed class CompilationScreenTests
    {
        [Theory]
        [InlineData("class C { string s = \"about inWorld\"; }")]
        [InlineData("// InworldClient is not used here\nclass C { }")]
        [InlineData("class INWORLDSettings { }")]
        public void A_file_naming_Inworld_in_any_case_or_place_is_seen(string source)
            => Assert.True(SourceScan.Of(source).NamesInworld);

        [Theory]
        [InlineData("class C { string k = \"$KEY$\"; }")]
        [InlineData("class C { string k = \"$URLKEY$\"; }")]
        [InlineData("class C { string p = \"$PAIR$\"; }")]
        [InlineData("class C { string p = \"Basic $PAIR$\"; }")]
        [InlineData("class C { string p = \"  $PAIR$  \"; }")]
        [InlineData("class C { string k = \"key=$KEY$;\"; }")]
        [InlineData("class C { string k = @\"first line\n$KEY$\n\"; }")]
        [InlineData("class C { string k = \"\"\"\n    $KEY$\n    \"\"\"; }")]
        [InlineData("class C { System.ReadOnlySpan<byte> K => \"$KEY$\"u8; }")]
        [InlineData("class C { string k = $\"{1}$KEY$\"; }")]
        [InlineData("class C { char q = '\"'; string k = \"$KEY$\"; }")]
        [InlineData("class C { string a = \"x\" /* \" */; string k = \"$KEY$\"; }")]
        public void A_literal_holding_a_key_or_a_pair_is_seen(string source)
            => Assert.True(SourceScan.Of(Snippet.Expand(source)).HoldsCredentialText, source);

        [Fact]
        public void A_key_written_with_escapes_is_seen()
        {
            var key = FakeCredentials.Default.ApiKey;
            var escaped = "\\x" + ((int)key[0]).ToString("X2") + "\\u00" + ((int)key[1]).ToString("X2") + key.Substring(2);
            Assert.True(SourceScan.Of("class C { string k = \"" + escaped + "\"; }").HoldsCredentialText);
        }

        [Theory]
        [InlineData("class C { string h = \"8138e8a0fcf3a4e84a771d40fd305d7f4aa59306d7251de54d98af8fe95729a1f\"; }")]
        [InlineData("class C { string m = \"Invalid key length: expected 32 bytes, found fewer\"; }")]
        [InlineData("class C { string o = \"1.2.840.113549.1.1.11\"; }")]
        [InlineData("class GetUnsignedByteLengthOfTheEncodedKeyMaterialForThisAlgorithm { }")]
        [InlineData("// $KEY$ in a comment without quotes\nclass C { }")]
        public void Text_that_is_no_key_or_pair_is_not_taken_for_one(string source)
            => Assert.False(SourceScan.Of(Snippet.Expand(source)).HoldsCredentialText, source);

        [Theory]
        [InlineData("var k = \"$KEY1$\" + Rest;")]
        [InlineData("var k = First + \"$KEY2$\";")]
        [InlineData("var k = First + @\"$KEY2$\";")]
        [InlineData("var k = First + $\"$KEY2$\";")]
        [InlineData("var k = (\"$KEY1$\") + Rest;")]
        [InlineData("var k = \"$KEY1$\"\n    + Rest;")]
        [InlineData("var k = \"$KEY1$\" /* first part */ + Rest;")]
        [InlineData("var k = \"abc\" + Rest;")]
        [InlineData("var k = Id + \":\" + Secret;")]
        [InlineData("var k = $\"{Id}:{Secret}\";")]
        [InlineData("var k = $\"{First}{Rest}\";")]
        [InlineData("var k = $@\"{First}{Rest}\";")]
        [InlineData("var k = \"Basic \" + Pair;")]
        [InlineData("var k = $\"Basic {Pair}\";")]
        [InlineData("var k = string.Concat(\"$KEY1$\", Rest);")]
        [InlineData("var k = string.Concat(\n    First,\n    \"$KEY2$\");")]
        [InlineData("var k = string.Format(\"{0}{1}\", First, Rest);")]
        [InlineData("var k = string.Format(CultureInfo.InvariantCulture, \"{0}:{1}\", Id, Secret);")]
        public void A_literal_that_can_join_fragments_of_a_key_is_a_join(string statement)
        {
            // A join next to names only (Rest, First, Secret) counts once one of the names may hold a known value.
            var scan = SourceScan.Of(Snippet.Expand("class C { void M() { " + statement + " } }"));
            Assert.NotEmpty(scan.LiveJoins(new[] { "First", "Rest", "Id", "Secret", "Pair" }));
        }

        [Theory]
        [InlineData("var k = \"$KEY1$\" + \"$KEY2$\";")]
        [InlineData("var k = \"$KEY1$\"\n    + @\"$KEY2$\";")]
        [InlineData("var k = \"$ID$\" + \":\" + \"$SECRET$\";")]
        [InlineData("var k = \"Basic \" + \"abc\";")]
        [InlineData("var k = \"{0}\" + \"{1}\";")]
        [InlineData("var k = \"abc\" + (Rest);")]
        [InlineData("var k = \"abc\" + nameof(Rest);")]
        [InlineData("var k = \"abc\" + 8;")]
        [InlineData("var k = \"abc\" + x?.Rest;")]
        [InlineData("var k = (First) + \"abc\";")]
        [InlineData("var k = return(First) + \"abc\";")]
        public void Literals_joined_to_a_literal_key_or_to_what_the_scan_cannot_read_are_joins_wherever_they_are(string statement)
            => Assert.NotEmpty(SourceScan.Of(Snippet.Expand("class C { void M() { " + statement + " } }")).Joins);

        [Theory]
        [InlineData("var h = \"00112233aabbccdd\" + \"eeff0011\"\n    + \"22334455\";")]
        [InlineData("var u = \"ldap://\" + location.Substring(0, slash);")]
        [InlineData("var n = \"CFB\" + Describe(size);")]
        [InlineData("var n = \"tag 0x\" + tag.ToString(\"X\");")]
        [InlineData("var n = \"list\" + items[0];")]
        [InlineData("var n = Prefix() + \"with\" + Suffix();")]
        [InlineData("var n = \"x\" + new string('a', 3);")]
        public void Literals_joined_only_to_literals_or_calls_are_no_joins(string statement)
        {
            var scan = SourceScan.Of("class C { void M() { " + statement + " } }");
            Assert.Empty(scan.Joins);
            Assert.Empty(scan.BoundJoins);
        }

        [Fact]
        public void A_literal_joined_to_names_is_a_join_only_when_every_name_may_hold_a_known_value()
        {
            var scan = SourceScan.Of("class C { string M(string digestName, Key key) => digestName + \"with\" + key.Algorithm; }");
            Assert.Empty(scan.Joins);
            Assert.Equal(new[] { "digestName" }, scan.BoundJoins.Select(j => j.Before));
            Assert.Equal(new[] { "Algorithm" }, scan.BoundJoins.Select(j => j.After));
            Assert.Empty(scan.LiveJoins(new[] { "Other" }));
            Assert.Empty(scan.LiveJoins(new[] { "Algorithm" }));
            Assert.NotEmpty(scan.LiveJoins(new[] { "digestName", "Algorithm" }));
        }

        [Theory]
        [InlineData("var k = Describe() + \"abc\" + Rest;")]
        [InlineData("var k = Rest + \"abc\" + items[0];")]
        [InlineData("var k = First + \"abc\" + new string('a', 3);")]
        public void A_call_across_the_join_leaves_no_value_to_find_whatever_the_names(string statement)
        {
            var scan = SourceScan.Of("class C { void M() { " + statement + " } }");
            Assert.Empty(scan.LiveJoins(new[] { "First", "Rest" }));
        }

        [Fact]
        public void Known_names_are_constants_and_names_a_literal_initialises()
        {
            var scan = SourceScan.Of(
                "class C { const string A = B + C, D = nameof(C); public const int E = 1; static readonly string R = \"r\"; string P { get; } = \"p\"; " +
                "string X => \"x\"; void M() { var l = \"l\"; const string F = A + D; string notKnown = M2(); } }");
            Assert.Equal(new[] { "A", "D", "E", "F", "P", "R", "X", "l" }, scan.KnownNames.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("static class Parts { public const string Tail = \"abc\"; }", true)]
        [InlineData("static class Parts { public static readonly string Tail = \"abc\"; }", true)]
        [InlineData("static class Parts { public static string Tail => Compute(); static string Compute() => null; }", false)]
        public void A_join_next_to_a_name_another_file_gives_a_value_is_live(string parts, bool admitted)
        {
            var compilation = Compile(("Parts.cs", parts), ("Use.cs", "class Use { string M() => \"def\" + Parts.Tail; }"));
            var screen = CompilationScreen.For(compilation, default);

            Assert.True(screen.JoinsOnly, screen.FullAnalysisReason);
            Assert.Equal(admitted, screen.MayHoldFinding(compilation.GetTypeByMetadataName("Use")!));
        }

        [Fact]
        public void A_join_next_to_a_constant_of_a_referenced_assembly_is_live()
        {
            var library = Emit("public static class Parts { public const string Tail = \"abc\"; }", "Parts");
            var compilation = Compile(("Use.cs", "class Use { string M() => \"def\" + Parts.Tail; }")).AddReferences(library);
            var screen = CompilationScreen.For(compilation, default);

            Assert.True(screen.JoinsOnly, screen.FullAnalysisReason);
            Assert.True(screen.MayHoldFinding(compilation.GetTypeByMetadataName("Use")!));
        }

        [Theory]
        [InlineData("throw new ArgumentException(\"Invalid length: \" + length);")]
        [InlineData("throw new ArgumentException(\"Invalid length\", nameof(length));")]
        [InlineData("Register(\"SHA256\", digest);")]
        [InlineData("var m = $\"Invalid length {length}.\";")]
        [InlineData("var m = string.Format(\"Invalid length {0}.\", length);")]
        [InlineData("/// <exception cref=\"ArgumentException\"/> + x\nvar a = 1;")]
        public void Literals_that_cannot_continue_a_key_are_not_joins(string statement)
        {
            var scan = SourceScan.Of("class C { void M() { " + statement + " } }");
            Assert.Empty(scan.Joins);
            Assert.Empty(scan.BoundJoins);
        }

        [Fact]
        public void A_compilation_naming_Inworld_nowhere_is_screened_to_the_types_with_a_join()
        {
            var compilation = Compile(
                ("Quiet.cs", "class Quiet { string M(int n) => \"Invalid length: \" + n; }"),
                ("Joined.cs", "class Joined { const string First = \"abc\", Last = \"ghi\"; string M() => First + \"def\" + Last; }"));
            var screen = CompilationScreen.For(compilation, default);

            Assert.True(screen.JoinsOnly, screen.FullAnalysisReason);
            Assert.False(screen.MayHoldFinding(compilation.GetTypeByMetadataName("Quiet")!));
            Assert.True(screen.MayHoldFinding(compilation.GetTypeByMetadataName("Joined")!));
        }

        [Theory]
        [InlineData("class Settings { string Url = \"https://api.inworld.ai/tts/v1/voice\"; }", "names Inworld")]
        [InlineData("class Settings { string Key = \"$KEY$\"; }", "holds a key")]
        [InlineData("class Settings { string Pair = \"$PAIR$\"; }", "holds a key")]
        [InlineData("var k = \"abc\" + (args[0]);", "top-level statements")]
        public void A_compilation_that_may_hold_a_finding_anywhere_is_analysed_in_full(string source, string reason)
        {
            var compilation = Compile(("Quiet.cs", "class Quiet { }"), ("Other.cs", source));
            var screen = CompilationScreen.For(compilation, default);

            Assert.False(screen.JoinsOnly);
            Assert.Contains(reason, screen.FullAnalysisReason);
        }

        [Theory]
        [InlineData("public static class Api { public const string Key = \"$KEY$\"; }", "Api")]
        [InlineData("public static class Api { public static void Connect(string key = \"$PAIR$\") { } }", "Api")]
        [InlineData("public static class Api { public static void Connect(string key) { } }", "InworldSdk")]
        [InlineData("namespace Inworld.Sdk { public static class Api { } }", "Api")]
        [InlineData("public static class Api { public static void SetInworldKey(string key) { } }", "Api")]
        public void A_referenced_assembly_that_names_Inworld_or_holds_a_key_makes_the_analysis_full(string librarySource, string assemblyName)
        {
            var compilation = Compile(("Game.cs", "class Game { void Start() { } }")).AddReferences(Emit(librarySource, assemblyName));
            var screen = CompilationScreen.For(compilation, default);

            Assert.False(screen.JoinsOnly);
            Assert.Contains(assemblyName, screen.FullAnalysisReason);
        }

        [Fact]
        public void A_referenced_assembly_with_no_Inworld_name_and_no_key_keeps_the_screen()
        {
            var library = Emit("public static class Api { public const string Name = \"algorithm\"; public static void Connect(string mode = \"fast\") { } }", "Api");
            var compilation = Compile(("Game.cs", "class Game { void Start() { Api.Connect(); } }")).AddReferences(library);

            Assert.True(CompilationScreen.For(compilation, default).JoinsOnly);
        }

        /// <summary>
        /// The one kind of finding a screened compilation can hold: a key made of fragments where a literal joins them.
        /// DiagnosticsFor also runs the input with the screen off and requires the same findings.
        /// </summary>
        [Theory]
        [InlineData("class Parts { public const string First = \"$KEY1$\"; }", "class Client { string Key() => Parts.First + \"$KEY2$\"; }")]
        [InlineData("class Parts { public const string Rest = \"$KEY2$\"; }", "class Client { string Key() => \"$KEY1$\" + Parts.Rest; }")]
        [InlineData("class Parts { public const string First = \"$KEY1$\", Rest = \"$KEY2$\"; }", "class Client { string Key() => $\"{Parts.First}{Parts.Rest}\"; }")]
        [InlineData("class Parts { public const string Id = \"$ID$\", Secret = \"$SECRET$\"; }", "using System; using System.Text;\nclass Client { string Key() => Convert.ToBase64String(Encoding.UTF8.GetBytes(Parts.Id + \":\" + Parts.Secret)); }")]
        [InlineData("class Parts { public const string Id = \"$ID$\", Secret = \"$SECRET$\"; }", "class Client { string Header() => \"Basic \" + Parts.Id + \":\" + Parts.Secret; }")]
        [InlineData("class Parts { public const string First = \"$KEY1$\", Rest = \"$KEY2$\"; }", "class Client { string Key() => Parts.First + Parts.Rest; }")]
        [InlineData("class Parts { public const string First = @\"$KEY1$\"; public const string Rest = (\"$KEY2$\"); }", "class Client { string Key() => Parts.First\n        + Parts.Rest; }")]
        [InlineData("class Parts { public const string First = \"$KEY1$\", Rest = \"$KEY2$\"; }", "class Client { string Key() => string.Concat(Parts.First, Parts.Rest); }")]
        [InlineData("class Parts { }", "class Client { string Key() { const string a = \"$KEY1$\"; const string b = \"$KEY2$\"; return a + b; } }")]
        [InlineData("class Parts { public static readonly string Rest = \"$KEY2$\"; }", "class Client { string Key() => \"$KEY1$\" + Parts.Rest; }")]
        [InlineData("class Parts { public string Rest { get; } = \"$KEY2$\"; }", "class Client { string Key(Parts p) => \"$KEY1$\" + p.Rest; }")]
        [InlineData("class Parts { }", "class Client { string Key() => \"$KEY1$\"\n        + \"$KEY2$\"; }")]
        public async Task A_key_joined_from_fragments_in_a_screened_compilation_is_found(string parts, string client)
        {
            var compilation = Compile(("Parts.cs", parts), ("Client.cs", client));
            Assert.True(CompilationScreen.For(compilation, default).JoinsOnly);

            var diagnostics = await DiagnosticsFor.CompilationAsync(new HardcodedCredentialAnalyzer(), compilation);

            Assert.Contains(diagnostics, d => d.Id == RuleIds.HardcodedCredential && d.Location.SourceTree!.FilePath == "Client.cs");
        }

        /// <summary>
        /// What the screen assumes (docs/performance.md): in a compilation that names Inworld nowhere, a join with no
        /// literal at it is followed only from the names of constants initialised with a fragment. Two constants that
        /// copy such constants, joined elsewhere, are not. Pinned so that a change of this limit is seen: without the
        /// screen the key is found, with it not.
        /// </summary>
        [Fact]
        public async Task Copies_of_fragment_constants_joined_without_a_literal_are_the_screens_documented_limit()
        {
            var compilation = Compile(
                ("Parts.cs", "class Parts { public const string First = \"$KEY1$\", Rest = \"$KEY2$\"; }"),
                ("Copies.cs", "class Copies { public const string A = Parts.First, B = Parts.Rest; }"),
                ("Client.cs", "class Client { string Key() => Copies.A + Copies.B; }"));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer());
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

            var without = await PreFilterEquivalence.RunAsync(compilation, analyzers, options, preFilter: false, default);
            var with = await PreFilterEquivalence.RunAsync(compilation, analyzers, options, preFilter: true, default);

            Assert.Contains(without, line => line.Contains("Client.cs"));
            Assert.Empty(with);
        }

        [Fact]
        public void Constants_initialised_with_a_fragment_are_carriers()
        {
            var compilation = Compile(("Parts.cs",
                "class Parts { public const string First = \"$KEY1$\", Short = \"abc\"; static readonly string Field = \"AES/CBC/PKCS7PADDING\"; string Property => \"ABCDEFGHIJ\"; string Message = \"not a fragment\"; string M() => \"ABCDEFGHIJKL\"; }"));
            var screen = CompilationScreen.For(compilation, default);

            Assert.Equal(new[] { "Field", "First", "Property" }, screen.Carriers.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        private static CSharpCompilation Compile(params (string Path, string Source)[] sources)
            => CSharpCompilation.Create(
                "Test",
                sources.Select(s => CSharpSyntaxTree.ParseText(Snippet.Expand(s.Source), new CSharpParseOptions(LanguageVersion.Preview), s.Path)),
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(sources.Any(s => s.Source.StartsWith("var ")) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));

        private static MetadataReference Emit(string source, string assemblyName)
        {
            var library = CSharpCompilation.Create(assemblyName, new[] { CSharpSyntaxTree.ParseText(Snippet.Expand(source)) },
                Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new System.IO.MemoryStream();
            var result = library.Emit(image);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
