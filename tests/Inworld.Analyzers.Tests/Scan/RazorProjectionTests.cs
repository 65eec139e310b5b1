using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Scan;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// inworld-scan's Razor projection: the analyzers find keys in @code blocks, markup attributes, component
    /// parameters and @(...) expressions, at the .razor line and column (through #line); malformed Razor never throws.
    /// </summary>
    public sealed class RazorProjectionTests
    {
        private static readonly FakeCredentials Key = FakeCredentials.Default;
        private const string RazorPath = "/repo/Client/Pages/Chat.razor";

        /// <summary>
        /// Analyses a projection under a name without the ".g.cs" suffix, so this test does not depend on the
        /// analyzers' generated-code handling (the other side of the suffix contract): only on the projection.
        /// </summary>
        private static async Task<List<(string Id, string Path, int Line, int Column)>> AnalyzeAsync(string razor, string path = RazorPath)
        {
            var projected = RazorProjection.Project(path, razor);
            var tree = CSharpSyntaxTree.ParseText(projected, new CSharpParseOptions(LanguageVersion.Preview), path + ".projection.cs");
            var compilation = CSharpCompilation.Create("Client", new[] { tree }, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryConfigOptions.Provider(new Dictionary<string, string> { ["build_property.UsingMicrosoftNETSdkBlazorWebAssembly"] = "true" }));
            var diagnostics = await compilation.WithAnalyzers(ScanEngine.Analyzers, options).GetAnalyzerDiagnosticsAsync();
            return diagnostics.Select(d => d.Location.GetMappedLineSpan()).Zip(diagnostics, (span, d) => (d.Id, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1))
                .OrderBy(f => f.Item3).ThenBy(f => f.Item4).ToList();
        }

        /// <summary>1-based line and column of the first occurrence of <paramref name="needle"/>.</summary>
        private static (int Line, int Column) At(string text, string needle, int skip = 0)
        {
            var index = text.IndexOf(needle, StringComparison.Ordinal);
            Assert.True(index >= 0, needle + " not in the input");
            index += skip;
            var line = text.Substring(0, index).Count(c => c == '\n') + 1;
            var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
            if (index == 0) column = 1;
            return (line, column);
        }

        [Fact]
        public async Task Code_block_key_sent_as_Basic_is_reported_at_the_razor_line_and_column()
        {
            var razor =
                "@page \"/chat\"\n" +
                "@using System.Net.Http.Headers\n" +
                "@inject HttpClient Http\n" +
                "\n" +
                "<h3>Chat</h3>\n" +
                "<button @onclick=\"SendAsync\">Send</button>\n" +
                "\n" +
                "@code {\n" +
                "    private const string ApiKey = \"" + Key.ApiKey + "\";\n" +
                "\n" +
                "    private async Task SendAsync()\n" +
                "    {\n" +
                "        var request = new HttpRequestMessage(HttpMethod.Post, \"https://api.inworld.ai/tts/v1/voice\");\n" +
                "        request.Headers.Authorization = new AuthenticationHeaderValue(\"Basic\", ApiKey);\n" +
                "        await Http.SendAsync(request);\n" +
                "    }\n" +
                "}\n";
            var findings = await AnalyzeAsync(razor);
            var inw001 = At(razor, "\"" + Key.ApiKey);
            var inw002 = At(razor, "new AuthenticationHeaderValue");
            Assert.Contains(("INW001", RazorPath, inw001.Line, inw001.Column), findings);
            Assert.Contains(("INW002", RazorPath, inw002.Line, inw002.Column), findings);
            Assert.All(findings, f => Assert.Equal(RazorPath, f.Path));
        }

        [Fact]
        public async Task Markup_attribute_component_parameter_and_expression_are_reported_where_written()
        {
            var razor =
                "<div class=\"card\">\n" +
                "  <InworldVoice ApiKey=\"" + Key.ApiKey + "\" Voice=\"Dennis\" />\n" +
                "  <input type=\"hidden\" value='" + FakeCredentials.Other.ApiKey + "' />\n" +
                "  <p>@(\"" + FakeCredentials.Other.UrlSafeApiKey + "\")</p>\n" +
                "</div>\n";
            var findings = await AnalyzeAsync(razor);
            var parameter = At(razor, "\"" + Key.ApiKey);
            var expression = At(razor, "\"" + FakeCredentials.Other.UrlSafeApiKey);
            Assert.Contains(("INW001", RazorPath, parameter.Line, parameter.Column), findings);
            Assert.Contains(("INW001", RazorPath, expression.Line, expression.Column), findings);
            var singleQuoted = At(razor, "'" + FakeCredentials.Other.ApiKey);
            Assert.Contains(("INW001", RazorPath, singleQuoted.Line, singleQuoted.Column), findings);
            Assert.Equal(3, findings.Count);
        }

        [Fact]
        public async Task Cshtml_functions_and_code_blocks_are_read_and_escapes_and_comments_are_not_code()
        {
            var razor =
                "@model ChatModel\n" +
                "@* @{ var commented = \"" + Key.ApiKey + "\"; } *@\n" +
                "<p>mail us at team@@example.com or user@example.com</p>\n" +
                "@{\n" +
                "    var braces = \"}}{{ not a block end\";\n" +
                "    var inworldSecret = \"" + Key.Secret + "\";\n" +
                "}\n" +
                "@functions {\n" +
                "    private string inworldKeyId = \"" + Key.KeyId + "\";\n" +
                "}\n";
            var path = "/repo/Web/Views/Home/Index.cshtml";
            var findings = await AnalyzeAsync(razor, path);
            var secret = At(razor, "\"" + Key.Secret);
            var keyId = At(razor, "\"" + Key.KeyId);
            Assert.Contains(("INW001", path, secret.Line, secret.Column), findings);
            Assert.Contains(("INW001", path, keyId.Line, keyId.Column), findings);
            Assert.DoesNotContain(findings, f => f.Line == 2);
        }

        [Fact]
        public async Task Control_blocks_with_markup_lines_are_statements()
        {
            var razor =
                "@if (show)\n" +
                "{\n" +
                "    var token = \"" + Key.ApiKey + "\";\n" +
                "    <p>@token.Length</p>\n" +
                "}\n" +
                "else\n" +
                "{\n" +
                "    <p>hidden</p>\n" +
                "}\n" +
                "@code { private bool show = true; }\n";
            var findings = await AnalyzeAsync(razor);
            var literal = At(razor, "\"" + Key.ApiKey);
            Assert.Contains(("INW001", RazorPath, literal.Line, literal.Column), findings);
        }

        [Fact]
        public void Projection_keeps_the_suffix_contract()
        {
            Assert.Equal("/a/Chat.razor.g.cs", RazorProjection.GeneratedPath("/a/Chat.razor"));
            Assert.Equal("/a/Index.cshtml.g.cs", RazorProjection.GeneratedPath("/a/Index.cshtml"));
            Assert.True(RazorProjection.IsRazorFile("Chat.razor"));
            Assert.True(RazorProjection.IsRazorFile("_Layout.cshtml"));
            Assert.False(RazorProjection.IsRazorFile("Chat.razor.cs"));
        }

        [Fact]
        public void Malformed_razor_never_throws_and_always_gives_C_sharp_text()
        {
            var samples = new[]
            {
                "@code { private string k = \"" + Key.ApiKey + "\"; void M() { if (true) { } }\n<p>@k</p>\n",
                "@{ var s = $\"{(1 > 0 ? \"}\" : \"{\")}\"; var r = \"\"\"raw } { \"\"\"; var c = '}'; /* } */ // }\n}\n<a href=\"@s\" title='@(s)'>x</a>",
                "@if (x) { <p>@x</p> } else if (y) { <b>@@</b> } @foreach (var i in list) { @i } @do { } while (false); @try { } catch { } finally { }",
                "<Comp Param=\"@(\"" + Key.Secret + "\")\" @bind-Value=\"model.Name\" @onclick=\"() => Count++\" />\n@section Scripts { <script>var k = '{';</script> }",
                "@using\n@inject\n@inherits\n@typeparam T where T : class\n@namespace\n@* unterminated",
            };
            var random = new Random(1010);
            var count = 0;
            foreach (var sample in samples)
            {
                var variants = new List<string> { sample };
                for (var i = 1; i < sample.Length; i += Math.Max(1, sample.Length / 25))
                {
                    variants.Add(sample.Substring(0, i));
                }

                var inserts = new[] { "@", "{", "}", "(", ")", "\"", "'", "<", ">", "@*", "*@", "@@", "\n", "$\"", "@{", "@code {" };
                for (var i = 0; i < 40; i++)
                {
                    variants.Add(sample.Insert(random.Next(sample.Length + 1), inserts[random.Next(inserts.Length)]));
                }

                foreach (var variant in variants)
                {
                    var projected = RazorProjection.Project("/x/C.razor", variant);
                    Assert.Contains("partial class C", projected);
                    CSharpSyntaxTree.ParseText(projected);
                    count++;
                }
            }

            Assert.True(count > 300, count + " variants");
        }
    }
}
