using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Xunit;
using Verify = Inworld.Analyzers.Tests.Helpers.AnalyzerVerifier<Inworld.Analyzers.Rules.HardcodedCredentialAnalyzer>;

namespace Inworld.Analyzers.Tests.Rules
{
    /// <summary>
    /// INW001 judges a symbol's value with the same ladder (CredentialClassifier) as the literal that declares it, so a
    /// value is reported once: where it is written, not again where it is used.
    /// </summary>
    public class CredentialLadderTests
    {
        [Fact]
        public Task A_Basic_pair_constant_is_reported_at_its_declaration_only()
        {
            const string source = @"
class C
{
    const string Auth = {|#0:""Basic $PAIR$""|};

    void M()
    {
        var inworldApiKey = Auth;
        System.Console.WriteLine(inworldApiKey);
    }
}";
            var expected = Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0)
                .WithArguments("Inworld key id and secret are", "field 'C.Auth'", Snippet.Redacted("$PAIR$"));
            return Verify.VerifyAsync(Snippet.Expand(source), expected);
        }

        [Fact]
        public Task A_key_id_constant_is_reported_where_an_Inworld_name_receives_it()
        {
            const string source = @"
class C
{
    const string Id = {|#1:""$ID$""|};

    void M()
    {
        var inworldKeyId = {|#0:Id|};
        System.Console.WriteLine(inworldKeyId);
    }
}";
            var expected = Verify.Diagnostic(RuleIds.HardcodedCredential).WithLocation(0)
                .WithLocation(1).WithArguments("Inworld key id is", "local 'inworldKeyId'", Snippet.Redacted("$ID$"));
            return Verify.VerifyAsync(Snippet.Expand(source), expected);
        }
    }
}
