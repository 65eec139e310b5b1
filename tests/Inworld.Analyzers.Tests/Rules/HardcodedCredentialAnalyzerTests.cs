using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.HardcodedCredentialAnalyzer>;

namespace Inworld.Analyzers.Tests.Rules
{
    public class HardcodedCredentialAnalyzerTests
    {
        // The subject of the message with its verb: a pair is plural.
        internal const string ApiKey = "Inworld API key is";
        private const string KeyId = "Inworld key id is";
        private const string Secret = "Inworld secret is";
        internal const string Pair = "Inworld key id and secret are";

        internal static DiagnosticResult Expected(string kind, string where, string token, int markup = 0)
            => Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(markup).WithArguments(kind, where, Snippet.Redacted(token));

        internal static Task Flags(string source, string kind, string where, string token)
        {
            // Markup #1, when present, is the declaration the fix rewrites: reported as an additional location.
            var expected = Expected(kind, where, token);
            if (source.Contains("{|#1:"))
            {
                expected = expected.WithLocation(1);
            }

            return Verify.VerifyAsync(Snippet.Expand(source), expected);
        }

        [Fact]
        public Task A_raw_pair_reads_as_plural_and_never_shows_the_secret()
        {
            var expected = Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0).WithMessage(
                "Inworld key id and secret are hard-coded in field 'C.Header' (" + Snippet.Redacted("$PAIR$") + "); read it from the environment or configuration at run time");
            return Verify.VerifyAsync(Snippet.Expand("class C { string Header = {|#0:\"Basic \" + \"$PAIR$\"|}; }"), expected);
        }

        // ---- Base64 API key: every form a constant string can take ----

        [Theory]
        [InlineData("class C { const string Key = {|#0:\"$KEY$\"|}; }", "field 'C.Key'")]
        [InlineData("class C { static readonly string Key = {|#0:\"$KEY$\"|}; }", "field 'C.Key'")]
        [InlineData("class C { string Key = {|#0:@\"$KEY$\"|}; }", "field 'C.Key'")]
        [InlineData("class C { string Key { get; } = {|#0:\"$KEY$\"|}; }", "property 'C.Key'")]
        [InlineData("class C { string Key => {|#0:\"$KEY$\"|}; }", "value returned by 'C.Key'")]
        [InlineData("class C { void M() { var key = {|#0:\"$KEY$\"|}; } }", "local 'key'")]
        [InlineData("class C { void M() { const string key = {|#0:\"$KEY$\"|}; } }", "local 'key'")]
        [InlineData("class C { string k; void M() { k = {|#0:\"$KEY$\"|}; } }", "field 'C.k'")]
        [InlineData("class C { void M() { Use({|#0:\"$KEY$\"|}); } void Use(string token) { } }", "argument 'token' of 'C.Use'")]
        [InlineData("class C { string M() { return {|#0:\"$KEY$\"|}; } }", "value returned by 'C.M'")]
        [InlineData("class S { public string Token { get; set; } } class C { object M() => new S { Token = {|#0:\"$KEY$\"|} }; }", "property 'S.Token'")]
        [InlineData("class C { string[] Keys = { {|#0:\"$KEY$\"|} }; }", "field 'C.Keys'")]
        [InlineData("using System.Collections.Generic; class C { List<string> Keys = new List<string> { {|#0:\"$KEY$\"|} }; }", "argument 'item' of 'List.Add'")]
        [InlineData("using System.Collections.Generic; class C { Dictionary<string, string> D = new Dictionary<string, string> { [\"prod\"] = {|#0:\"$KEY$\"|} }; }", "entry 'prod'")]
        [InlineData("using System.Collections.Generic; class C { Dictionary<string, string> D = new Dictionary<string, string> { { \"prod\", {|#0:\"$KEY$\"|} } }; }", "argument 'value' of 'Dictionary.Add'")]
        [InlineData("class C { string M(int env) => env switch { 1 => {|#0:\"$KEY$\"|}, _ => \"\" }; }", "value returned by 'C.M'")]
        [InlineData("class C { string M(bool prod) => prod ? {|#0:\"$KEY$\"|} : \"\"; }", "value returned by 'C.M'")]
        [InlineData("class C { bool M(string s) => s == {|#0:\"$KEY$\"|}; }", "a string literal")]
        [InlineData("class C { int M(string s) { switch (s) { case {|#0:\"$KEY$\"|}: return 1; default: return 0; } } }", "a string literal")]
        [InlineData("class C { void M(string key = {|#0:\"$KEY$\"|}) { } }", "default value of parameter 'key'")]
        [InlineData("class C { string Key = {|#0:\"\"\"\n$KEY$\n\"\"\"|}; }", "field 'C.Key'")]
        [InlineData("class C { string Key = {|#0:\"\"\"$KEY$\"\"\"|}; }", "field 'C.Key'")]
        [InlineData("class C { System.ReadOnlySpan<byte> Key() => {|#0:\"$KEY$\"u8|}; }", "value returned by 'C.Key'")]
        [InlineData("class C { string Key = {|#0:\"$URLKEY$\"|}; }", "field 'C.Key'")]
        public Task Flags_Base64_api_key_in_every_form(string source, string where)
            => Flags(source, ApiKey, where, source.Contains("$URLKEY$") ? "$URLKEY$" : "$KEY$");

        [Fact]
        public Task Flags_key_in_top_level_statements()
        {
            var test = new Verify.Test
            {
                TestCode = Snippet.Expand("var key = {|#0:\"$KEY$\"|};\nSystem.Console.WriteLine(key.Length);\n"),
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Expected(ApiKey, "local 'key'", "$KEY$"));
            return test.RunAsync();
        }

        [Fact]
        public Task Flags_key_in_attribute_argument()
            => Flags(
                "class KeyAttribute : System.Attribute { public KeyAttribute(string value) { } }\n[Key({|#0:\"$KEY$\"|})] class C { }",
                ApiKey, "an argument of attribute 'Key'", "$KEY$");

        /// <summary>
        /// A key joined from pieces too short to be a key, in an attribute argument, in code that names Inworld nowhere:
        /// the compilation screen lets such a compilation through only at its joins, and an attribute's arguments are
        /// read only where a join is in them (on a type, a member and the assembly).
        /// </summary>
        [Theory]
        [InlineData("[Key({|#0:PIECES|})] class C { }")]
        [InlineData("class C { [Key({|#0:PIECES|})] void M() { } }")]
        [InlineData("[assembly: Key({|#0:PIECES|})]")]
        public Task Flags_key_joined_from_short_pieces_in_attribute_argument(string use)
        {
            var key = FakeCredentials.Default.ApiKey;
            var pieces = new System.Collections.Generic.List<string>();
            for (var start = 0; start < key.Length; start += 27)
            {
                pieces.Add("\"" + key.Substring(start, System.Math.Min(27, key.Length - start)) + "\"");
            }

            const string attribute = "class KeyAttribute : System.Attribute { public KeyAttribute(string value) { } }";
            var written = use.Replace("PIECES", string.Join(" + ", pieces));
            var source = written.StartsWith("[assembly:", System.StringComparison.Ordinal) ? written + "\n" + attribute : attribute + "\n" + written;
            Assert.False(SourceScan.Of(source).HoldsCredentialText);
            return Verify.VerifyAsync(source, Expected(ApiKey, "an argument of attribute 'Key'", "$KEY$"));
        }

        [Fact]
        public Task Flags_key_with_Basic_prefix_in_the_same_string()
            => Verify.VerifyAsync(
                Snippet.Expand("class C { const string Header = {|#0:\"Basic $KEY$\"|}; }"),
                Expected(ApiKey, "field 'C.Header'", "$KEY$"));

        [Fact]
        public Task Flags_key_inside_a_larger_text()
            => Verify.VerifyAsync(
                Snippet.Expand("class C { const string Json = {|#0:\"{\\\"apiKey\\\": \\\"$KEY$\\\"}\"|}; }"),
                Expected(ApiKey, "field 'C.Json'", "$KEY$"));

        [Fact]
        public Task Flags_key_fragment_once_when_prefixed_with_Basic_by_concatenation()
            => Flags("class C { string Header = \"Basic \" + {|#0:\"$KEY$\"|}; }", ApiKey, "field 'C.Header'", "$KEY$");

        [Fact]
        public Task Flags_assembled_key_at_the_concatenation()
            => Flags("class C { const string Key = {|#0:\"$KEY1$\" + \"$KEY2$\"|}; }", ApiKey, "field 'C.Key'", "$KEY$");

        [Fact]
        public Task Flags_assembled_key_at_constant_interpolation()
            => Flags("class C { const string A = \"$KEY1$\"; const string Key = {|#0:$\"{A}$KEY2$\"|}; }", ApiKey, "field 'C.Key'", "$KEY$");

        [Fact]
        public Task Flags_assembled_key_in_string_Concat()
            => Flags("class C { string Key = {|#0:string.Concat(\"$KEY1$\", \"$KEY2$\")|}; }", ApiKey, "field 'C.Key'", "$KEY$");

        [Fact]
        public Task Flags_assembled_key_in_string_Format()
            => Flags("class C { string Key = {|#0:string.Format(\"{0}{1}\", \"$KEY1$\", \"$KEY2$\")|}; }", ApiKey, "field 'C.Key'", "$KEY$");

        [Fact]
        public Task Flags_assembled_key_in_string_Format_with_a_format_provider()
            => Flags(
                "using System.Globalization; class C { string Key = {|#0:string.Format(CultureInfo.InvariantCulture, \"{0}{1}\", \"$KEY1$\", \"$KEY2$\")|}; }",
                ApiKey, "field 'C.Key'", "$KEY$");

        [Fact]
        public Task Flags_assembled_key_that_starts_with_a_constant_from_another_file()
        {
            // No literal in this file's concatenation: it is judged from its first leaf, a reference to a const.
            var test = new Verify.Test { TestCode = Snippet.Expand("class C { string Key = {|#0:Parts.First + Parts.Second|}; }") };
            test.TestState.Sources.Add(Snippet.Expand("static class Parts { public const string First = \"$KEY1$\"; public const string Second = \"$KEY2$\"; }"));
            test.ExpectedDiagnostics.Add(Expected(ApiKey, "field 'C.Key'", "$KEY$"));
            return test.RunAsync();
        }

        /// <summary>
        /// A key fragment deep inside a long concatenation is reported with the destination of the whole
        /// concatenation: one outermost walker, as deep as evaluation goes (it used to stop 16 levels up and name
        /// no destination).
        /// </summary>
        [Fact]
        public Task Fragment_deep_in_a_long_concatenation_names_the_whole_concatenations_destination()
            => Flags(
                "class C { static string P = \"\"; string Key = {|#0:\"$KEY$\"|}" + string.Concat(System.Linq.Enumerable.Repeat(" + P", 24)) + "; }",
                ApiKey, "field 'C.Key'", "$KEY$");

        [Fact]
        public Task Flags_assembled_key_that_starts_with_null()
            => Flags("class C { string Key = {|#0:null + \"$KEY1$\" + \"$KEY2$\"|}; }", ApiKey, "field 'C.Key'", "$KEY$");

        [Fact]
        public Task Flags_assembled_key_whose_first_part_is_nested()
            => Flags("class C { const string A = \"$KEY1$\"; string Key = {|#0:string.Concat(A + \"\", \"$KEY2$\")|}; }", ApiKey, "field 'C.Key'", "$KEY$");

        [Fact]
        public Task Does_not_report_a_reported_constant_again_where_it_is_used()
            => Verify.VerifyAsync(
                Snippet.Expand("class C { const string Key = {|#0:\"$KEY$\"|}; string Header = \"Basic \" + Key; string Copy = Key; string I = $\"Basic {Key}\"; }"),
                Expected(ApiKey, "field 'C.Key'", "$KEY$"));

        // ---- Raw "id:secret" pairs: only when encoded or sent as Basic ----

        [Fact]
        public Task Flags_raw_pair_that_is_Base64_encoded()
            => Flags(
                "using System; using System.Text; class C { string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:\"$PAIR$\"|})); }",
                Pair, "a value Base64-encoded with Convert.ToBase64String", "$PAIR$");

        [Fact]
        public Task Flags_raw_pair_encoded_with_ASCII()
            => Flags(
                "class C { string Key = System.Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes({|#0:\"$PAIR$\"|})); }",
                Pair, "a value Base64-encoded with Convert.ToBase64String", "$PAIR$");

        [Fact]
        public Task Flags_raw_pair_assembled_from_constants_and_encoded()
            => Flags(
                "using System; using System.Text; class C { const string Id = \"$ID$\"; const string S = \"$SECRET$\"; string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:Id + \":\" + S|})); }",
                Pair, "a value Base64-encoded with Convert.ToBase64String", "$PAIR$");

        [Fact]
        public Task Flags_raw_pair_constant_at_its_use_in_encoding()
            => Flags(
                "using System; using System.Text; class C { const string Raw = {|#1:\"$PAIR$\"|}; string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:Raw|})); }",
                Pair, "a value Base64-encoded with Convert.ToBase64String", "$PAIR$");

        [Fact]
        public Task Flags_raw_pair_prefixed_with_Basic()
            => Flags("class C { string Header = {|#0:\"Basic \" + \"$PAIR$\"|}; }", Pair, "field 'C.Header'", "$PAIR$");

        [Fact]
        public Task Flags_raw_pair_with_Basic_in_one_literal()
            => Flags("class C { string Header = {|#0:\"Basic $PAIR$\"|}; }", Pair, "field 'C.Header'", "$PAIR$");

        [Fact]
        public Task Does_not_flag_raw_pair_that_is_neither_encoded_nor_named()
            => Verify.VerifyAsync(Snippet.Expand("class C { string Ratio = \"$PAIR$\"; }"));

        // ---- Key id and secret in Inworld-named places ----

        [Theory]
        [InlineData("class C { [System.NonSerialized] string inworldApiSecret = {|#0:\"$SECRET$\"|}; }", "Secret", "field 'C.inworldApiSecret'", "$SECRET$")]
        [InlineData("class C { string InworldKeyId { get; set; } = {|#0:\"$ID$\"|}; }", "KeyId", "property 'C.InworldKeyId'", "$ID$")]
        [InlineData("class C { void M() { var inworldKey = {|#0:\"$ID$\"|}; } }", "KeyId", "local 'inworldKey'", "$ID$")]
        [InlineData("class InworldSettings { public string ApiSecret = {|#0:\"$SECRET$\"|}; }", "Secret", "field 'InworldSettings.ApiSecret'", "$SECRET$")]
        [InlineData("class InworldClient { public InworldClient(string keyId, string secret) { } } class C { object M() => new InworldClient({|#0:\"$ID$\"|}, \"\"); }", "KeyId", "argument 'keyId' of 'InworldClient'", "$ID$")]
        [InlineData("class InworldClient { public string Secret { get; set; } = \"\"; } class C { object M() => new InworldClient { Secret = {|#0:\"$SECRET$\"|} }; }", "Secret", "property 'InworldClient.Secret'", "$SECRET$")]
        [InlineData("class C { void M() { System.Environment.SetEnvironmentVariable(\"INWORLD_SECRET\", {|#0:\"$SECRET$\"|}); } }", "Secret", "environment variable 'INWORLD_SECRET'", "$SECRET$")]
        [InlineData("class C { void M() { System.Environment.SetEnvironmentVariable(\"INWORLD_KEY\", {|#0:\"$ID$\"|}); } }", "KeyId", "environment variable 'INWORLD_KEY'", "$ID$")]
        [InlineData("class C { string Key = System.Environment.GetEnvironmentVariable(\"INWORLD_KEY\") ?? {|#0:\"$ID$\"|}; }", "KeyId", "fallback for environment variable 'INWORLD_KEY'", "$ID$")]
        [InlineData("using System.Collections.Generic; class C { Dictionary<string, string> D = new Dictionary<string, string> { [\"INWORLD_SECRET\"] = {|#0:\"$SECRET$\"|} }; }", "Secret", "entry 'INWORLD_SECRET'", "$SECRET$")]
        [InlineData("using System.Collections.Generic; class C { Dictionary<string, string> D = new Dictionary<string, string> { { \"Inworld:KeyId\", {|#0:\"$ID$\"|} } }; }", "KeyId", "entry 'Inworld:KeyId'", "$ID$")]
        [InlineData("class C { const string Id = {|#1:\"$ID$\"|}; string inworldKeyId = {|#0:Id|}; }", "KeyId", "field 'C.inworldKeyId'", "$ID$")]
        [InlineData("class C { string InworldSecret() => {|#0:\"$SECRET$\"|}; }", "Secret", "value returned by 'C.InworldSecret'", "$SECRET$")]
        [InlineData("class C { string? inworldKeyId; void M() { inworldKeyId ??= {|#0:\"$ID$\"|}; } }", "KeyId", "fallback for field 'C.inworldKeyId'", "$ID$")]
        public Task Flags_key_id_and_secret_in_Inworld_named_places(string source, string kind, string where, string token)
            => Flags(source, kind == "Secret" ? Secret : KeyId, where, token);

        [Fact]
        public Task Flags_api_key_variable_fallback_with_any_credential_like_value()
            => Flags(
                "using System; class C { string Key = Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? {|#0:\"dev-$ID$\"|}; }",
                ApiKey, "fallback for environment variable 'INWORLD_API_KEY'", "dev-$ID$");

        [Fact]
        public Task Flags_api_key_set_into_the_environment()
            => Flags(
                "class C { void M() { System.Environment.SetEnvironmentVariable(\"INWORLD_API_KEY\", {|#0:\"$KEY$\"|}); } }",
                ApiKey, "environment variable 'INWORLD_API_KEY'", "$KEY$");

        // ---- Never flagged ----

        [Theory]
        [InlineData("class C { const string Key = \"YOUR_API_KEY\"; }")]
        [InlineData("class C { const string Key = \"<your-key>\"; }")]
        [InlineData("class C { string inworldApiKey = \"changeme\"; }")]
        [InlineData("class C { string inworldApiSecret = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"; }")]
        [InlineData("class C { string inworldApiSecret = \"abcdefghijklmnopqrstuvwxyz0123456789ABCD\"; }")]
        [InlineData("class C { string inworldApiSecret = \"0123456789012345678901234567890123456789\"; }")]
        [InlineData("class C { string inworldApiSecret = \"YOUR_INWORLD_SECRET_GOES_HERE_PLEASE\"; }")]
        [InlineData("class C { string inworldKey = \"\"; }")]
        [InlineData("class C { string inworldKeyName = \"InworldCharacterSettingsAsset\"; }")]
        [InlineData("class C { string Key = System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? \"\"; }")]
        [InlineData("class C { string Key = System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? throw new System.InvalidOperationException(); }")]
        [InlineData("class C { string Key = System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? \"YOUR_API_KEY_HERE\"; }")]
        [InlineData("class C { const string Id = \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"; }")]
        [InlineData("class C { const string Jwt = \"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\"; }")]
        [InlineData("class C { const string Url = \"https://api.inworld.ai/tts/v1/voice:streamBidirectional\"; }")]
        [InlineData("class C { const string Png = \"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\"; }")]
        [InlineData("class C { const string Sha256 = \"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\"; }")]
        [InlineData("class C { const string Text = \"dGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw==\"; }")]
        [InlineData("class C { string Read() => System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")!; }")]
        [InlineData("class C { string Ratio = \"$ID$\"; }")]
        [InlineData("class C { string Session = \"$SECRET$\"; }")]
        [InlineData("class C { void M(System.Collections.Generic.IDictionary<string, string> c) { var k = c[\"Inworld:ApiKey\"]; } }")]
        public Task Does_not_flag(string source) => Verify.VerifyAsync(Snippet.Expand(source));

        [Fact]
        public Task Does_not_flag_generated_code()
            => Verify.VerifyAsync(Snippet.Expand("// <auto-generated/>\nclass C { const string Key = \"$KEY$\"; }"));

        [Fact]
        public Task Does_not_flag_Base64_of_random_test_vectors()
        {
            var random = new System.Random(7);
            var builder = new System.Text.StringBuilder("class C { string[] Vectors = {");
            for (var i = 0; i < 50; i++)
            {
                var bytes = new byte[97];
                random.NextBytes(bytes);
                builder.Append('"').Append(System.Convert.ToBase64String(bytes)).Append("\", ");
            }

            builder.Append("}; }");
            return Verify.VerifyAsync(builder.ToString());
        }

        [Fact]
        public async Task Message_never_contains_the_secret()
        {
            var credentials = FakeCredentials.Default;
            var source = Snippet.Expand("class C { const string Key = \"$KEY$\"; string inworldSecret = \"$SECRET$\"; }");
            var diagnostics = await DiagnosticsFor.SourceAsync(new HardcodedCredentialAnalyzer(), source);
            Assert.Equal(2, diagnostics.Length);
            foreach (var diagnostic in diagnostics)
            {
                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                Assert.DoesNotContain(credentials.ApiKey.Substring(4, 16), message);
                Assert.DoesNotContain(credentials.Secret.Substring(4, 16), message);
                Assert.DoesNotContain(credentials.KeyId.Substring(4, 16), message);
                Assert.Contains("chars)", message);
            }
        }
    }
}
