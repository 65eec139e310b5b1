using System.Linq;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Robustness;
using Xunit;
using Xunit.Abstractions;

namespace Inworld.Analyzers.Tests.Fixes
{
    /// <summary>
    /// Every C# context a finding can sit in: each fix offered there (and each FixAll, in every scope) must apply
    /// without an exception, compile without a new error or warning and remove the finding, in a server and a client
    /// project. These inputs also feed the fix-everything pass (they are [InlineData] of this suite).
    /// </summary>
    public class FixContextTests
    {
        private readonly ITestOutputHelper _output;

        public FixContextTests(ITestOutputHelper output) => _output = output;

        [Theory]
        // switch expressions
        [InlineData("class C { string M(int i) => i switch { 0 => \"$KEY$\", _ => \"\" }; }")]
        [InlineData("class C { object M(int i) => i switch { 0 => \"$KEY$\", _ => 0 }; }")]
        [InlineData("class C { string M(int i) => i switch { 0 => \"$KEY$\", 1 => \"$SECRET$\", _ => throw new System.Exception() }; }")]
        [InlineData("class C { void M(int i) { var key = i switch { 0 => \"$KEY$\", _ => null }; } }")]
        [InlineData("class C { System.ReadOnlySpan<byte> M(int i) => i switch { 0 => \"$KEY$\"u8, _ => \"none\"u8 }; }")]
        [InlineData("class C { string M(int i) => i switch { 0 => System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? \"$KEY$\", _ => \"\" }; }")]
        [InlineData("class C { const string Key = \"$KEY$\"; string M(int i) => i switch { 0 => Key, _ => \"\" }; }")]
        [InlineData("class C { void M(int i) { var key = i switch { 0 => \"$KEY$\"u8, _ => \"none\"u8 }; System.Console.WriteLine(key.Length); } }")]
        [InlineData("class C { void M(int i) { var key = i switch { 0 => \"$KEY$\"u8, _ => default }; var part = key.Slice(1); } }")]
        [InlineData("class C { void M(bool b) { var key = b ? \"$KEY$\"u8 : \"none\"u8; var part = key.Slice(1); } }")]
        [InlineData("class C { void M() { var key = \"$KEY$\"u8; var part = key.Slice(1); } }")]
        [InlineData("class C { int M() => \"$KEY$\"u8.Slice(1).Length; }")]
        // conditional expressions
        [InlineData("class C { string M(bool b) => b ? \"$KEY$\" : \"\"; }")]
        [InlineData("class C { object? M(bool b) => b ? \"$KEY$\" : null; }")]
        [InlineData("class C { System.ReadOnlySpan<byte> M(bool b) => b ? \"$KEY$\"u8 : \"none\"u8; }")]
        [InlineData("class C { void M(bool b) { var key = b ? \"$KEY$\" : \"$URLKEY$\"; } }")]
        // target-typed new, object and dictionary initializers
        [InlineData("class InworldClient { public InworldClient(string apiKey) { } } class C { InworldClient Client = new(\"$KEY$\"); }")]
        [InlineData("class Options { public string ApiKey { get; set; } = \"\"; } class C { Options O = new() { ApiKey = \"$KEY$\" }; }")]
        [InlineData("using System.Collections.Generic; class C { Dictionary<string, string> D = new() { [\"apiKey\"] = \"$KEY$\" }; }")]
        // lambdas, local functions and default parameter values
        [InlineData("using System; class C { Func<string> F = () => \"$KEY$\"; }")]
        [InlineData("using System; class C { Func<int, string> F = i => i > 0 ? \"$KEY$\" : \"\"; }")]
        [InlineData("using System; class C { static Func<string> F = static () => { const string key = \"$KEY$\"; return key; }; }")]
        [InlineData("class C { void M() { var f = (string apiKey = \"$KEY$\") => apiKey; f(); } }")]
        [InlineData("class C { void M(string apiKey = \"$KEY$\") { } }")]
        [InlineData("class C { void M() { string L(string apiKey = \"$KEY$\") => apiKey; L(); } }")]
        [InlineData("class C(string apiKey = \"$KEY$\") { string K => apiKey; }")]
        [InlineData("record R(string ApiKey = \"$KEY$\");")]
        // attribute arguments and other constant-only places
        [InlineData("[System.Obsolete(\"$KEY$\")] class C { }")]
        [InlineData("class C { const string Key = \"$KEY$\"; [System.Obsolete(Key)] void M() { } }")]
        [InlineData("class C { int M(string s) { switch (s) { case \"$KEY$\": return 1; } return 0; } }")]
        [InlineData("class C { bool M(string s) => s is \"$KEY$\"; }")]
        [InlineData("class C { const string Key = \"$KEY$\"; string M(string s) => s switch { Key => \"\", _ => s }; }")]
        // const fields and locals, several findings in one declaration or member
        [InlineData("class C { const string Key = \"$KEY$\"; }")]
        [InlineData("class C { const string inworldKeyId = \"$ID$\", inworldSecret = \"$SECRET$\"; }")]
        [InlineData("class C { public const string inworldKeyId = \"$ID$\", inworldSecret = \"$SECRET$\", Other = \"x\"; string M() => inworldKeyId + inworldSecret + Other; }")]
        [InlineData("class C { int M() { const string inworldKeyId = \"$ID$\", inworldSecret = \"$SECRET$\"; return inworldKeyId.Length + inworldSecret.Length; } }")]
        [InlineData("class C { const string Key = \"$KEY1$\" + \"$KEY2$\"; }")]
        [InlineData("class C { const string Key = \"$KEY$\"; const string Header = \"Basic \" + Key; }")]
        [InlineData("class C { const string Key = \"$KEY$\"; static readonly string Header = \"Basic \" + Key; }")]
        [InlineData("class C { const string inworldKeyId = \"$ID$\"; const string inworldSecret = \"$SECRET$\"; string Pair = inworldKeyId + \":\" + inworldSecret; }")]
        [InlineData("using System; using System.Text; class C { const string Raw = \"$PAIR$\"; string A = Convert.ToBase64String(Encoding.UTF8.GetBytes(Raw)); string B = Convert.ToBase64String(Encoding.UTF8.GetBytes(Raw)); }")]
        [InlineData("class C { const string inworldKeyId = \"$ID$\"; const string inworldSecret = \"$SECRET$\"; const string Pair = inworldKeyId + \":\" + inworldSecret; string M() => Pair; }")]
        [InlineData("using System; using System.Text; class C { const string inworldKeyId = \"$ID$\", inworldSecret = \"$SECRET$\"; string Header = \"Basic \" + Convert.ToBase64String(Encoding.UTF8.GetBytes(inworldKeyId + \":\" + inworldSecret)); }")]
        [InlineData("using System; using System.Text; class C { string Header = \"Basic \" + Convert.ToBase64String(Encoding.UTF8.GetBytes(\"$ID$\" + \":\" + \"$SECRET$\")); }")]
        [InlineData("class C { string inworldApiKey = System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? \"Basic \" + \"$KEY$\"; }")]
        [InlineData("using System; class C { void M() { const string key = \"$KEY$\"; Func<string> f = static () => key; } }")]
        [InlineData("class C { void M() { const string key = \"$KEY$\"; static string L() => key; L(); } }")]
        [InlineData("class C { void M() { const string key = \"$KEY$\"; string L() => key; L(); } }")]
        [InlineData("interface I { const string Key = \"$KEY$\"; }")]
        [InlineData("class C { const string Key = \"$KEY$\"; void M(string k = Key) { } }")]
        // interpolations
        [InlineData("class C { string Pair = $\"{\"$ID$\"}:{\"$SECRET$\"}\"; }")]
        [InlineData("class C { string Header = $\"Basic {\"$KEY$\"}\"; }")]
        [InlineData("class C { string inworldApiKey = (\"$KEY1$\") + (\"$KEY2$\"); }")]
        [InlineData("class C { string Key = $\"{\"$KEY$\"}\"; }")]
        [InlineData("class C { const string inworldKeyId = \"$ID$\"; const string inworldSecret = \"$SECRET$\"; string Pair = $\"{inworldKeyId}:{inworldSecret}\"; }")]
        [InlineData("class C { const string Key = \"$KEY$\"; string Header = $\"Basic {Key}\"; }")]
        [InlineData("class C { const string inworldKeyId = \"$ID$\"; const string Pair = $\"{inworldKeyId}:$SECRET$\"; }")]
        // collection expressions and array initializers
        [InlineData("class C { string[] Keys = [\"$KEY$\", \"x\"]; }")]
        [InlineData("using System.Collections.Generic; class C { List<string> Keys = [\"$KEY$\"]; }")]
        [InlineData("class C { string[] Keys = { \"$KEY$\" }; }")]
        [InlineData("class C { string[] Keys = new[] { \"$KEY$\", \"$SECRET$\" }; }")]
        // u8 literals
        [InlineData("class C { byte[] Key = \"$KEY$\"u8.ToArray(); }")]
        [InlineData("class C { System.ReadOnlySpan<byte> Key => \"$KEY$\"u8; }")]
        [InlineData("class C { void M() { System.ReadOnlySpan<byte> key = \"$KEY$\"u8; } }")]
        // string concatenations
        [InlineData("class C { string Header = \"Basic \" + \"$KEY$\"; }")]
        [InlineData("class C { string Key = \"$KEY1$\" + \"$KEY2$\"; }")]
        [InlineData("class C { string Pair = \"$ID$\" + \":\" + \"$SECRET$\"; string inworldKeyId = \"$ID$\"; }")]
        [InlineData("class C { string M(string s) => \"Basic \" + \"$KEY$\" + s; }")]
        // field and property initializers, static and instance contexts
        [InlineData("class C { public string ApiKey { get; set; } = \"$KEY$\"; }")]
        [InlineData("class C { public static string ApiKey { get; } = \"$KEY$\"; }")]
        [InlineData("static class C { static readonly string Key = \"$KEY$\"; }")]
        [InlineData("class C { string Key => \"$KEY$\"; }")]
        [InlineData("class C { string Key { get { return \"$KEY$\"; } } }")]
        [InlineData("struct S { public string Key; public S() { Key = \"$KEY$\"; } }")]
        [InlineData("class C { static string Key = System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? \"$KEY$\"; }")]
        // partial classes and top-level statements
        [InlineData("partial class C { const string Key = \"$KEY$\"; } partial class C { string M() => Key; }")]
        [InlineData("var key = \"$KEY$\"; System.Console.WriteLine(key);")]
        [InlineData("const string key = \"$KEY$\"; System.Console.WriteLine(key);")]
        [InlineData("using System; using System.Text; var raw = \"$ID$\" + \":\" + \"$SECRET$\"; Console.WriteLine(Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)));")]
        // INW003 and INW005 in the same contexts
        [InlineData("using System; using System.Net.Http; using System.Net.Http.Headers; class C { void M(HttpClient c, int i) { c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(i switch { 0 => \"Bearer\", _ => \"Bearer\" }, Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")); c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }")]
        [InlineData("using System; using System.Net.Http; using System.Net.Http.Headers; class C { const string Scheme = \"Bearer\"; void M(HttpClient c) { c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(Scheme, Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\")); c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }")]
        [InlineData("using System; using System.Net.Http; class C { void M(HttpClient c, bool b, string accessToken) { c.DefaultRequestHeaders.Add(\"Authorization\", b ? \"Basic \" + accessToken : $\"Basic {accessToken}\"); c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }")]
        [InlineData("using System; using System.Net.Http; class C { const string Header = \"Basic \"; void M(HttpClient c, string accessToken) { c.DefaultRequestHeaders.Add(\"Authorization\", Header + accessToken); c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }")]
        [InlineData("using System; using System.Net.Http; using System.Net.Http.Headers; class C { void M(HttpClient c, int i) { var name = i switch { 0 => \"INWORLD_REALTIME_API_KEY\", _ => \"INWORLD_REALTIME_API_KEY\" }; c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(name)); c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }")]
        [InlineData("using System; using System.Net.Http; using System.Net.Http.Headers; class C { const string Name = \"INWORLD_REALTIME_API_KEY\"; void M(HttpClient c) { c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Environment.GetEnvironmentVariable(Name)); c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }")]
        [InlineData("using System; using System.Net.Http; using System.Net.Http.Headers; class C { void M(HttpClient c) { Func<string?> read = () => Environment.GetEnvironmentVariable(\"INWORLD_REALTIME_API_KEY\"); c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", read()); c.PostAsync(\"https://api.inworld.ai/tts/v1/voice\", null); } }")]
        public void Every_fix_offered_in_this_context_compiles_and_removes_the_finding(string source)
        {
            var outcomes = FixEverythingTests.Run(new[] { Snippet.Expand(source) });
            Assert.True(outcomes.Count == 2, "the input does not compile:\n" + Snippet.Expand(source));
            foreach (var outcome in outcomes)
            {
                _output.WriteLine((outcome.IsClient ? "client" : "server") + ": " + outcome.ActionsApplied + " fixes and " + outcome.FixAllsApplied + " FixAlls applied; findings: " +
                                  string.Join(", ", outcome.Findings.Select(f => f.Rule + (f.Fixed ? " fixed" : " not fixed (" + f.Reason + ")"))));
            }

            var failures = outcomes.SelectMany(o => o.Failures).ToList();
            Assert.True(failures.Count == 0, failures.Count + " failures; first:\n" + failures.FirstOrDefault());
        }
    }
}
