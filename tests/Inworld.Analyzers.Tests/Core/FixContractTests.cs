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
