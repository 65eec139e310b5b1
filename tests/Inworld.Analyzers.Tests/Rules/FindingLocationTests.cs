using System.Threading.Tasks;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.HardcodedCredentialAnalyzer>;

namespace Inworld.Analyzers.Tests.Rules
{
    /// <summary>
    /// Where INW001 reports a value that is built or carried rather than written in one literal: at the code that
    /// builds it, once, never at a part's declaration or at a call that only passes an implicit default.
    /// </summary>
    public class FindingLocationTests
    {
        // The message subjects and the expectation helpers are INW001's own test class's, so both pin one wording.
        private const string ApiKey = HardcodedCredentialAnalyzerTests.ApiKey;
        private const string Pair = HardcodedCredentialAnalyzerTests.Pair;

        private static DiagnosticResult Expected(string kind, string where, string token, int markup = 0)
            => HardcodedCredentialAnalyzerTests.Expected(kind, where, token, markup);

        private static Task Flags(string source, string kind, string where, string token)
            => HardcodedCredentialAnalyzerTests.Flags(source, kind, where, token);

        // ---- A constant built by interpolating constants: reported at the interpolation ----

        [Fact]
        public Task Constant_interpolation_of_two_constant_halves_is_reported_at_the_interpolation()
            => Flags(
                "class C { const string A = \"$KEY1$\"; const string B = \"$KEY2$\"; const string Key = {|#0:$\"{A}{B}\"|}; }",
                ApiKey, "field 'C.Key'", "$KEY$");

        [Fact]
        public Task Constant_interpolation_of_constants_from_another_type_is_reported_at_the_interpolation()
        {
            var test = new Verify.Test { TestCode = Snippet.Expand("class C { const string Key = {|#0:$\"{Parts.First}{Parts.Second}\"|}; }") };
            test.TestState.Sources.Add(Snippet.Expand("static class Parts { public const string First = \"$KEY1$\"; public const string Second = \"$KEY2$\"; }"));
            test.ExpectedDiagnostics.Add(Expected(ApiKey, "field 'C.Key'", "$KEY$"));
            return test.RunAsync();
        }

        [Fact]
        public Task Id_and_secret_interpolated_and_Base64_encoded_are_reported_at_the_interpolation()
            => Flags(
                "using System; using System.Text; class C { const string Id = \"$ID$\"; const string S = \"$SECRET$\"; string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:$\"{Id}:{S}\"|})); }",
                Pair, "a value Base64-encoded with Convert.ToBase64String", "$PAIR$");

        [Fact]
        public Task Constant_interpolation_in_a_local_is_reported_at_the_interpolation()
            => Flags(
                "class C { const string A = \"$KEY1$\"; const string B = \"$KEY2$\"; string M() { const string key = {|#0:$\"{A}{B}\"|}; return key; } }",
                ApiKey, "local 'key'", "$KEY$");

        [Fact]
        public Task Halves_reported_on_their_own_still_make_the_interpolated_pair_a_finding_at_the_interpolation()
            => Verify.VerifyAsync(
                Snippet.Expand("class C { const string InworldKeyId = {|#1:\"$ID$\"|}; const string InworldSecret = {|#2:\"$SECRET$\"|}; const string InworldCredentials = {|#0:$\"{InworldKeyId}:{InworldSecret}\"|}; }"),
                Expected(Pair, "field 'C.InworldCredentials'", "$PAIR$"),
                Expected("Inworld key id is", "field 'C.InworldKeyId'", "$ID$", 1),
                Expected("Inworld secret is", "field 'C.InworldSecret'", "$SECRET$", 2));

        [Fact]
        public Task A_reported_key_with_a_Basic_prefix_is_reported_once_at_the_key()
            => Verify.VerifyAsync(
                Snippet.Expand("class C { const string InworldApiKey = {|#0:\"$KEY$\"|}; const string Header = $\"Basic {InworldApiKey}\"; }"),
                Expected(ApiKey, "field 'C.InworldApiKey'", "$KEY$"));

        // ---- A lambda's default parameter value (C# 12): reported where it is written ----

        [Fact]
        public Task Lambda_default_parameter_value_is_reported_where_it_is_written_not_at_the_call()
            => Flags(
                "class C { int M() { var f = (string key = {|#0:\"$KEY$\"|}) => key.Length; return f(); } }",
                ApiKey, "default value of parameter 'key'", "$KEY$");

        [Fact]
        public Task Lambda_default_parameter_value_is_reported_once_however_often_it_is_called()
            => Flags(
                "class C { int M() { var f = (string key = {|#0:\"$KEY$\"|}) => key.Length; return f() + f() + f(\"other\"); } }",
                ApiKey, "default value of parameter 'key'", "$KEY$");

        [Fact]
        public Task Lambda_default_parameter_value_is_reported_when_the_lambda_is_never_called()
            => Flags(
                "class C { System.Delegate M() => (string key = {|#0:\"$KEY$\"|}) => key.Length; }",
                ApiKey, "default value of parameter 'key'", "$KEY$");

        // ---- A raw pair in a local, Base64-encoded later ----

        [Fact]
        public Task Raw_pair_in_a_local_that_is_Base64_encoded_later_is_reported()
            => Flags(
                "using System; using System.Text; class C { string M() { var raw = {|#1:\"$PAIR$\"|}; return Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:raw|})); } }",
                Pair, "a value Base64-encoded with Convert.ToBase64String", "$PAIR$");

        [Fact]
        public Task Raw_pair_in_a_local_that_is_Base64_encoded_and_sent_as_Basic_is_reported()
            => Flags(
                "using System; using System.Net.Http; using System.Net.Http.Headers; using System.Text;\n" +
                "class C { void M(HttpClient client) {\n" +
                "  string credentials = {|#1:\"$PAIR$\"|};\n" +
                "  var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:credentials|}));\n" +
                "  client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", encoded);\n" +
                "} }",
                Pair, "a value Base64-encoded with Convert.ToBase64String", "$PAIR$");

        [Fact]
        public Task Method_default_parameter_value_is_reported_at_the_declaration_only()
            => Flags(
                "class C { void M(string key = {|#0:\"$KEY$\"|}) { } void N() { M(); M(); } }",
                ApiKey, "default value of parameter 'key'", "$KEY$");

        [Theory]
        [InlineData("using System; using System.Text; class C { string M() { var raw = {|#1:\"$PAIR$\"|}; var bytes = Encoding.UTF8.GetBytes({|#0:raw|}); return Convert.ToBase64String(bytes); } }")]
        [InlineData("using System; using System.Text; class C { string M() { var raw = {|#1:\"$PAIR$\"|}; byte[] bytes; bytes = Encoding.UTF8.GetBytes({|#0:raw|}); return Convert.ToBase64String(bytes); } }")]
        [InlineData("using System; using System.Text; class C { string M() { var raw = {|#1:\"$PAIR$\"|}; var bytes = Encoding.ASCII.GetBytes({|#0:raw|}); return \"Basic \" + Convert.ToBase64String(bytes, 0, bytes.Length); } }")]
        [InlineData("using System; using System.Text; class C { string M() { var id = \"$ID$\"; var secret = \"$SECRET$\"; return Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:id + \":\" + secret|})); } }")]
        [InlineData("using System; using System.Text; class C { string M() { var id = \"$ID$\"; var secret = \"$SECRET$\"; return Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:$\"{id}:{secret}\"|})); } }")]
        [InlineData("using System; using System.Text; class C { string M() { var raw = {|#1:\"$PAIR$\"|}; var header = \"Basic \" + Convert.ToBase64String(Encoding.ASCII.GetBytes({|#0:raw|})); return header; } }")]
        public Task Raw_pair_in_locals_that_is_Base64_encoded_later_is_reported(string source)
            => Flags(source, Pair, "a value Base64-encoded with Convert.ToBase64String", "$PAIR$");

        [Fact]
        public Task Bytes_of_a_raw_pair_that_are_never_Base64_encoded_are_not_a_finding()
            => Verify.VerifyAsync(Snippet.Expand(
                "using System; using System.Text; class C { int M() { var raw = \"$PAIR$\"; var bytes = Encoding.UTF8.GetBytes(raw); return bytes.Length; } }"));
    }
}
