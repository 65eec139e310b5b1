using System.Linq;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.ValueFlow;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>The value-flow module on its own: where a value comes from, where it goes, and the request strings near it.</summary>
    public class ValueFlowTests
    {
        [Fact]
        public void Origins_are_found_by_kind_and_each_kind_is_worded_once()
        {
            const string source = @"
using System;
using System.Collections.Generic;
class C
{
    string _field = Environment.GetEnvironmentVariable(""FIELD_ENV"");
    void M(string parameter, Dictionary<string, string> config)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(""INWORLD_API_KEY"");
        var fromConfiguration = config[""Inworld:ApiKey""];
        Use(fromEnvironment + fromConfiguration + parameter + _field + Helper() + ""text"");
    }
    static string Helper() => string.Empty;
    void Use(string value) { }
}";
            var (compilation, body) = Method(source, "M");
            var value = body.Descendants().OfType<IInvocationOperation>().Single(i => i.TargetMethod.Name == "Use").Arguments[0].Value;
            var origins = ValueTrace.OriginsOf(value, new WellKnownTypes(compilation)).ToList();

            ValueOrigin Find(ValueOriginKind kind, string name)
            {
                var found = origins.Where(o => o.Kind == kind && o.Name == name).ToList();
                Assert.True(found.Count == 1, "expected one " + kind + " '" + name + "' in: " + string.Join(", ", origins.Select(o => o.Kind + " " + o.Name)));
                return found[0];
            }

            Assert.Equal("environment variable 'INWORLD_API_KEY'", Find(ValueOriginKind.EnvironmentVariable, "INWORLD_API_KEY").Describe());
            Assert.Equal("configuration key 'Inworld:ApiKey'", Find(ValueOriginKind.ConfigurationKey, "Inworld:ApiKey").Describe());
            Assert.Equal("'parameter'", Find(ValueOriginKind.Parameter, "parameter").Describe());
            Assert.Equal("'Helper'", Find(ValueOriginKind.Call, "Helper").Describe());
            Assert.Equal("a string literal", Find(ValueOriginKind.Literal, "text").Describe());

            // A field read from its declaration's syntax: the same decision names its environment variable.
            Assert.Equal("environment variable 'FIELD_ENV'", Find(ValueOriginKind.EnvironmentVariable, "FIELD_ENV").Describe());

            // Locals and fields followed further are labels on the way; a parameter is where the value starts.
            Assert.True(Find(ValueOriginKind.Member, "_field").IsPassThrough);
            Assert.True(Find(ValueOriginKind.Member, "fromEnvironment").IsPassThrough);
            Assert.False(Find(ValueOriginKind.Parameter, "parameter").IsPassThrough);
        }

        [Fact]
        public void Destinations_of_named_values_use_the_same_decision_and_words()
        {
            const string source = @"
using System;
using System.Collections.Generic;
class C
{
    void M(Dictionary<string, string> entries)
    {
        Environment.SetEnvironmentVariable(""INWORLD_API_KEY"", ""first"");
        entries.Add(""INWORLD_SECRET"", ""second"");
        var key = Environment.GetEnvironmentVariable(""INWORLD_KEY"") ?? ""third"";
        entries[""Inworld:KeyId""] = ""fourth"";
    }
}";
            var (compilation, body) = Method(source, "M");
            var types = new WellKnownTypes(compilation);
            ValueDestination DestinationOf(string literal)
                => ValueTrace.DestinationOf(body.Descendants().OfType<ILiteralOperation>().Single(l => StringValues.LiteralText(l) == literal), null, types);

            Assert.Equal("environment variable 'INWORLD_API_KEY'", DestinationOf("first").Description);
            Assert.Equal("entry 'INWORLD_SECRET'", DestinationOf("second").Description);
            Assert.Equal("fallback for environment variable 'INWORLD_KEY'", DestinationOf("third").Description);
            Assert.Equal("entry 'Inworld:KeyId'", DestinationOf("fourth").Description);
            Assert.All(new[] { "first", "second", "third", "fourth" }, literal => Assert.True(DestinationOf(literal).IsEnvironmentOrConfiguration, literal));
        }

        /// <summary>
        /// Two wordings for one kind, both pinned by rule tests: INW001 writes to an "entry", INW003/INW005 read a
        /// "configuration key". Both come from the one Describe.
        /// </summary>
        [Fact]
        public void A_configuration_key_is_an_entry_where_a_value_is_written()
        {
            Assert.Equal("configuration key 'Inworld:ApiKey'", ValueOrigin.Describe(ValueOriginKind.ConfigurationKey, "Inworld:ApiKey", asDestination: false));
            Assert.Equal("entry 'Inworld:ApiKey'", ValueOrigin.Describe(ValueOriginKind.ConfigurationKey, "Inworld:ApiKey", asDestination: true));
            Assert.Equal("a string literal", ValueDestination.Unknown.Description);
        }

        [Fact]
        public void Request_strings_are_read_once_per_operation_block_and_once_per_type()
        {
            const string source = @"
class C
{
    const string Endpoint = ""https://api.inworld.ai/tts/v1/voice"";
    string Host = ""api.inworld.ai"";
    string Note = ""inworld rocks"";
    void M() { var a = Endpoint; var b = ""/v1/relative""; }
    void N() { var c = ""other""; }
}";
            var (compilation, m) = Method(source, "M");
            var (_, n) = Method(source, "N", compilation);
            var requestStrings = new RequestStrings();

            var locals = m.Descendants().OfType<IVariableDeclaratorOperation>().ToList();
            var first = requestStrings.InMethod(locals[0]);
            Assert.Same(first, requestStrings.InMethod(locals[1]));
            Assert.Equal(new[] { "https://api.inworld.ai/tts/v1/voice", "/v1/relative" }, first);
            Assert.Equal(new[] { "other" }, requestStrings.InMethod(n.Descendants().First()));

            var type = compilation.GetTypeByMetadataName("C");
            var inType = requestStrings.InType(type);
            Assert.Equal(inType, requestStrings.InType(type));

            // Paths and Inworld URLs can address a request; other text, even naming Inworld, cannot.
            Assert.Contains("https://api.inworld.ai/tts/v1/voice", inType);
            Assert.Contains("api.inworld.ai", inType);
            Assert.Contains("/v1/relative", inType);
            Assert.DoesNotContain("inworld rocks", inType);
            Assert.DoesNotContain("other", inType);
        }

        private static (Compilation Compilation, IOperation Body) Method(string source, string name, Compilation? compilation = null)
        {
            compilation ??= DiagnosticsFor.CreateCompilation(source);
            var tree = compilation.SyntaxTrees.Single();
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == name);
            return (compilation, compilation.GetSemanticModel(tree).GetOperation(method)!);
        }
    }
}
