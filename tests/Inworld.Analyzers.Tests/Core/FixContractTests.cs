using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// The typed analyzer-to-fixer contract: what an analyzer writes is what its fixer reads, and a missing or
    /// invalid property reads as "no fix", never as an exception or a guess.
    /// </summary>
    public class FixContractTests
    {
        private static Diagnostic With(DiagnosticDescriptor descriptor, ImmutableDictionary<string, string?> properties)
            => Diagnostic.Create(descriptor, Location.None, properties);

        private static ImmutableDictionary<string, string?> Props(params (string Key, string? Value)[] values)
            => values.ToImmutableDictionary(v => v.Key, v => v.Value);

        [Fact]
        public void Hardcoded_credential_properties_round_trip()
        {
            var written = HardcodedCredentialProperties.Write(CredentialKind.RawKeyPair, basicPrefix: true, "INWORLD_KEY", "INWORLD_SECRET", isClient: true);
            Assert.True(HardcodedCredentialProperties.TryRead(With(Descriptors.HardcodedCredential, written), out var read));
            Assert.Equal(CredentialKind.RawKeyPair, read.Kind);
            Assert.True(read.BasicPrefix);
            Assert.Equal("INWORLD_KEY", read.Variable);
            Assert.Equal("INWORLD_SECRET", read.SecondVariable);
            Assert.True(read.IsClient);

            written = HardcodedCredentialProperties.Write(CredentialKind.ApiKey, basicPrefix: false, "INWORLD_API_KEY", "IGNORED", isClient: false);
            Assert.True(HardcodedCredentialProperties.TryRead(With(Descriptors.HardcodedCredential, written), out read));
            Assert.Equal(CredentialKind.ApiKey, read.Kind);
            Assert.False(read.BasicPrefix);
            Assert.Equal("INWORLD_API_KEY", read.Variable);
            Assert.Null(read.SecondVariable);
            Assert.False(read.IsClient);
        }

        [Fact]
        public void Client_request_and_value_in_place_round_trip()
        {
            var request = new ClientRequest(AttachmentShape.Header, new Microsoft.CodeAnalysis.Text.TextSpan(120, 45));
            var written = HardcodedCredentialProperties.Write(CredentialKind.ApiKey, basicPrefix: false, "INWORLD_API_KEY", null, isClient: true, valueInPlace: true, request);
            Assert.True(HardcodedCredentialProperties.TryRead(With(Descriptors.HardcodedCredentialInClient, written), out var read));
            Assert.True(read.ValueInPlace);
            Assert.NotNull(read.Request);
            Assert.Equal(AttachmentShape.Header, read.Request!.Shape);
            Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(120, 45), read.Request.Span);

            // Server code never carries a request (its fix is the environment variable), whatever the caller passes.
            written = HardcodedCredentialProperties.Write(CredentialKind.ApiKey, basicPrefix: false, "INWORLD_API_KEY", null, isClient: false, valueInPlace: false, request);
            Assert.True(HardcodedCredentialProperties.TryRead(With(Descriptors.HardcodedCredential, written), out read));
            Assert.False(read.ValueInPlace);
            Assert.Null(read.Request);
        }

        public static TheoryData<string?, string?> InvalidRequests => new TheoryData<string?, string?>
        {
            { null, "10:5" }, { "Header", null }, { "Teleport", "10:5" }, { "3", "10:5" }, { "Header", "10" }, { "Header", "10:0" }, { "Header", "-1:5" },
            { "Header", ":5" }, { "Header", "10:x" }, { "Header", "2147483647:5" }, { "Header", " 10:5" },
        };

        /// <summary>A client diagnostic whose request is missing or unreadable keeps its other fixes and gets no token fix, never a guessed one.</summary>
        [Theory]
        [MemberData(nameof(InvalidRequests))]
        public void Client_request_missing_or_invalid_reads_as_no_token_fix(string? shape, string? span)
        {
            var values = new Dictionary<string, string?> { ["Kind"] = "ApiKey", ["BasicPrefix"] = "false", ["Client"] = "true", ["ValueInPlace"] = "true" };
            if (shape != null)
            {
                values["RequestShape"] = shape;
            }

            if (span != null)
            {
                values["RequestSpan"] = span;
            }

            Assert.True(HardcodedCredentialProperties.TryRead(With(Descriptors.HardcodedCredentialInClient, values.ToImmutableDictionary()), out var read));
            Assert.Null(read.Request);
            Assert.True(read.ValueInPlace);
        }

        /// <summary>An older analyzer wrote no ValueInPlace: no removal fix, rather than emptying a use whose value lives elsewhere.</summary>
        [Theory]
        [InlineData(null)]
        [InlineData("True")]
        [InlineData("yes")]
        public void Value_in_place_missing_or_invalid_reads_as_not_in_place(string? value)
        {
            var values = new Dictionary<string, string?> { ["Kind"] = "ApiKey", ["BasicPrefix"] = "false", ["Client"] = "true" };
            if (value != null)
            {
                values["ValueInPlace"] = value;
            }

            Assert.True(HardcodedCredentialProperties.TryRead(With(Descriptors.HardcodedCredentialInClient, values.ToImmutableDictionary()), out var read));
            Assert.False(read.ValueInPlace);
        }

        /// <summary>
        /// INW001 in client code carries the request its value is written into, with the same shape and span INW002
        /// reports for that request: the token fix gets its call site from the analyzer, not from a search of its own.
        /// </summary>
        [Theory]
        [InlineData("client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", \"$KEY$\");", "AuthenticationHeaderValue")]
        [InlineData("request.Headers.Add(\"Authorization\", \"Basic \" + \"$KEY$\");", "Header")]
        [InlineData("request.Headers.TryAddWithoutValidation(\"Authorization\", \"Basic $KEY$\");", "Header")]
        [InlineData("client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(\"Basic $KEY$\");", "Parse")]
        [InlineData("var list = new[] { \"Authorization\", \"Basic $KEY$\" };", "Array")]
        [InlineData("client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", Convert.ToBase64String(Encoding.UTF8.GetBytes(\"$PAIR$\")));", "AuthenticationHeaderValue")]
        public async Task Client_finding_in_a_request_carries_the_request_INW002_reports(string statement, string shape)
        {
            var source = Snippet.Expand("using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Text;\nusing System.Threading.Tasks;\n\n" +
                "class Tts\n{\n    async Task Speak(HttpClient client, HttpRequestMessage request)\n    {\n        " + statement + "\n        await client.SendAsync(request);\n    }\n}\n");
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryConfigOptions.Provider(new Dictionary<string, string> { ["build_property.UseMaui"] = "true" }));
            var compilation = DiagnosticsFor.CreateCompilation(source);
            var credential = Assert.Single(await DiagnosticsFor.CompilationAsync(new HardcodedCredentialAnalyzer(), compilation, options));
            var basicAuth = Assert.Single(await DiagnosticsFor.CompilationAsync(new BasicAuthInClientAnalyzer(), compilation, options));

            Assert.True(HardcodedCredentialProperties.TryRead(credential, out var read));
            Assert.True(read.IsClient);
            Assert.True(read.ValueInPlace);
            Assert.NotNull(read.Request);
            Assert.Equal(shape, read.Request!.Shape.ToString());
            Assert.True(BasicAuthProperties.TryRead(basicAuth, out var inw002));
            Assert.Equal(inw002.Shape, read.Request.Shape);
            Assert.Equal(basicAuth.Location.SourceSpan, read.Request.Span);
        }

        /// <summary>A value that is not written inside an Authorization value gets no request, even when a request in the same method sends it.</summary>
        [Theory]
        [InlineData("var key = \"$KEY$\";\n        request.Headers.Add(\"Authorization\", \"Basic \" + key);")]
        [InlineData("request.Headers.Add(\"X-Inworld-Key\", \"$KEY$\");")]
        [InlineData("await client.PostAsync(\"https://api.inworld.ai/tts/v1/voice?key=$KEY$\", null);")]
        public async Task Client_finding_outside_an_Authorization_value_carries_no_request(string statement)
        {
            var source = Snippet.Expand("using System.Net.Http;\nusing System.Threading.Tasks;\n\n" +
                "class Tts\n{\n    async Task Speak(HttpClient client, HttpRequestMessage request)\n    {\n        " + statement + "\n        await client.SendAsync(request);\n    }\n}\n");
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryConfigOptions.Provider(new Dictionary<string, string> { ["build_property.UseMaui"] = "true" }));
            var diagnostics = await DiagnosticsFor.CompilationAsync(new HardcodedCredentialAnalyzer(), DiagnosticsFor.CreateCompilation(source), options);
            Assert.NotEmpty(diagnostics);
            foreach (var diagnostic in diagnostics)
            {
                Assert.True(HardcodedCredentialProperties.TryRead(diagnostic, out var read));
                Assert.True(read.IsClient);
                Assert.Null(read.Request);
            }
        }

        public static TheoryData<string, string?> MissingOrInvalid => new TheoryData<string, string?>
        {
            { "Kind", null }, { "Kind", "None" }, { "Kind", "1" }, { "Kind", "Password" },
            { "BasicPrefix", null }, { "BasicPrefix", "yes" }, { "Client", null }, { "Client", "True" },
        };

        [Theory]
        [MemberData(nameof(MissingOrInvalid))]
        public void Hardcoded_credential_properties_missing_or_invalid_read_as_no_fix(string key, string? value)
        {
            var values = new Dictionary<string, string?> { ["Kind"] = "ApiKey", ["BasicPrefix"] = "false", ["Variable"] = "INWORLD_API_KEY", ["Client"] = "false" };
            if (value == null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }

            Assert.False(HardcodedCredentialProperties.TryRead(With(Descriptors.HardcodedCredential, values.ToImmutableDictionary()), out _));
        }

        [Fact]
        public void Hardcoded_credential_variables_that_are_no_environment_variable_names_read_as_no_variable()
        {
            Assert.True(HardcodedCredentialProperties.TryRead(With(Descriptors.HardcodedCredential,
                Props(("Kind", "ApiKey"), ("BasicPrefix", "false"), ("Variable", "not a \"name\""), ("Client", "false"))), out var read));
            Assert.Null(read.Variable);

            // A raw pair with only one of its two variables: nothing to write.
            Assert.True(HardcodedCredentialProperties.TryRead(With(Descriptors.HardcodedCredential,
                Props(("Kind", "RawKeyPair"), ("BasicPrefix", "false"), ("Variable", "INWORLD_KEY"), ("Client", "false"))), out read));
            Assert.Null(read.Variable);

            // The analyzer's "no mechanical rewrite" (a key inside a larger text).
            Assert.True(HardcodedCredentialProperties.TryRead(With(Descriptors.HardcodedCredential,
                HardcodedCredentialProperties.Write(CredentialKind.ApiKey, false, null, null, false)), out read));
            Assert.Null(read.Variable);
        }

        [Fact]
        public void Every_attachment_shape_round_trips_and_unknown_shapes_read_as_no_fix()
        {
            foreach (var shape in System.Enum.GetValues(typeof(AttachmentShape)).Cast<AttachmentShape>())
            {
                Assert.True(BasicAuthProperties.TryRead(With(Descriptors.BasicAuthInClient, BasicAuthProperties.Write(shape)), out var read));
                Assert.Equal(shape, read.Shape);
            }

            Assert.False(BasicAuthProperties.TryRead(With(Descriptors.BasicAuthInClient, BasicAuthProperties.Write(null)), out _));
            Assert.False(BasicAuthProperties.TryRead(With(Descriptors.BasicAuthInClient, Props(("Shape", "Teleport"))), out _));
            Assert.False(BasicAuthProperties.TryRead(With(Descriptors.BasicAuthInClient, Props(("Shape", "3"))), out _));
            Assert.False(BasicAuthProperties.TryRead(With(Descriptors.BasicAuthInClient, Props(("Shape", null))), out _));
        }

        [Fact]
        public void The_shape_strings_the_header_finder_writes_all_have_a_typed_name()
        {
            // AuthorizationHeaders names its shapes with strings; each must parse, or INW002 would lose its fix.
            foreach (var shape in new[] { "AuthenticationHeaderValue", "Parse", "Header", "HeaderLine", "Indexer", "Array",
                         AuthorizationHeaders.BasicHelperShape, AuthorizationHeaders.BearerHelperShape, AuthorizationHeaders.AnonymousHeadersShape })
            {
                Assert.NotNull(AttachmentShapes.Parse(shape));
            }
        }

        [Fact]
        public void Authorization_usage_properties_round_trip_and_missing_values_read_as_no_fix()
        {
            Assert.True(AuthorizationUsageProperties.TryRead(With(Descriptors.RealtimeKeyOnNonRealtimeApi, AuthorizationUsageProperties.ForStandardKey("INWORLD_API_KEY")), out var read));
            Assert.Equal("INWORLD_API_KEY", read.Replacement);
            Assert.False(AuthorizationUsageProperties.TryRead(With(Descriptors.RealtimeKeyOnNonRealtimeApi, AuthorizationUsageProperties.ForStandardKey(null)), out _));

            Assert.True(AuthorizationUsageProperties.TryRead(With(Descriptors.WrongAuthorizationScheme, AuthorizationUsageProperties.ForScheme("Basic", fixAllowed: false)), out read));
            Assert.Equal("Basic", read.Replacement);
            Assert.False(read.FixAllowed);
            Assert.True(AuthorizationUsageProperties.TryRead(With(Descriptors.WrongAuthorizationScheme, AuthorizationUsageProperties.ForScheme("Bearer", fixAllowed: true)), out read));
            Assert.True(read.FixAllowed);

            // INW005 without its FixAllowed answer: no fix, not a guess.
            Assert.False(AuthorizationUsageProperties.TryRead(With(Descriptors.WrongAuthorizationScheme, Props(("Replacement", "Basic"))), out _));
            Assert.False(AuthorizationUsageProperties.TryRead(With(Descriptors.WrongAuthorizationScheme, Props(("Replacement", ""), ("FixAllowed", "true"))), out _));
        }

        /// <summary>INW001 decides client or server where it reports (project kind, Unity Editor code), so its fixer need not.</summary>
        [Theory]
        [InlineData(null, "Test0.cs", false)]
        [InlineData("UseMaui", "Test0.cs", true)]
        [InlineData("UsingMicrosoftNETSdkBlazorWebAssembly", "Test0.cs", true)]
        public async Task Hardcoded_credential_diagnostics_say_whether_the_code_is_client_side(string? clientProperty, string path, bool expectedClient)
        {
            var source = Snippet.Expand("class Settings\n{\n    public string Key = \"$KEY$\";\n}\n");
            var properties = new Dictionary<string, string>();
            if (clientProperty != null)
            {
                properties["build_property." + clientProperty] = "true";
            }

            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryConfigOptions.Provider(properties));
            var diagnostics = await DiagnosticsFor.CompilationAsync(new HardcodedCredentialAnalyzer(), DiagnosticsFor.CreateCompilation(source, path: path), options);
            var diagnostic = Assert.Single(diagnostics);
            Assert.True(HardcodedCredentialProperties.TryRead(diagnostic, out var read));
            Assert.Equal(expectedClient, read.IsClient);
            Assert.Equal(CredentialKind.ApiKey, read.Kind);
        }

        [Fact]
        public async Task Hardcoded_credential_in_Unity_Editor_code_is_not_client_side()
        {
            var source = Snippet.Expand("class Tool\n{\n    public string Key = \"$KEY$\";\n}\n");
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview), "/p/Assets/Editor/Tool.cs");
            var player = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source.Replace("Tool", "Npc"), new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview), "/p/Assets/Scripts/Npc.cs");
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Assembly-CSharp", new[] { tree, player },
                Basic.Reference.Assemblies.Net80.References.All.Concat(new[] { UnityStubs.Engine }),
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await DiagnosticsFor.CompilationAsync(new HardcodedCredentialAnalyzer(), compilation);
            Assert.Equal(2, diagnostics.Length);
            foreach (var diagnostic in diagnostics)
            {
                Assert.True(HardcodedCredentialProperties.TryRead(diagnostic, out var read));
                var inEditorFolder = diagnostic.Location.SourceTree!.FilePath.Contains("/Editor/");
                Assert.Equal(!inEditorFolder, read.IsClient);
            }
        }
    }
}
