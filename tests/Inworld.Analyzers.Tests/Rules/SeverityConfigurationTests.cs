using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.HardcodedCredentialAnalyzer>;

namespace Inworld.Analyzers.Tests.Rules
{
    /// <summary>dotnet_diagnostic.INW001.severity in .editorconfig is honoured per file.</summary>
    public class SeverityConfigurationTests
    {
        [Fact]
        public Task Severity_none_for_a_folder_silences_it_there_only()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/src/App.cs", Snippet.Expand("class App { const string Key = {|#0:\"$KEY$\"|}; }")));
            test.TestState.Sources.Add(("/0/tests/Fixture.cs", Snippet.Expand("class Fixture { const string Key = \"$KEY$\"; }")));
            test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n[tests/**.cs]\ndotnet_diagnostic.INW001.severity = none\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0).WithMessage(null));
            return test.RunAsync();
        }

        [Fact]
        public Task Pragma_suppresses()
            => Verify.VerifyAsync(Snippet.Expand("class App {\n#pragma warning disable INW001\n    const string Key = \"$KEY$\";\n#pragma warning restore INW001\n}"));
    }
}
