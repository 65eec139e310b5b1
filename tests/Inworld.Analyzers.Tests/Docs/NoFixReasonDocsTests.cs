using System.IO;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.Docs
{
    /// <summary>Every reason a finding can have no fix is worded in its rule page's "When no fix is offered" table.</summary>
    public sealed class NoFixReasonDocsTests
    {
        [Fact]
        public void Every_no_fix_reason_of_a_rule_is_a_row_of_its_rule_page()
        {
            foreach (var pair in NoFixReasons.ByRule)
            {
                var page = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), DocsGenerator.RulePagePath(pair.Key)));
                foreach (var reason in pair.Value)
                {
                    Assert.True(page.Contains("| `" + reason + "` |", System.StringComparison.Ordinal), DocsGenerator.RulePagePath(pair.Key) + " has no row for the reason `" + reason + "`");
                }
            }
        }
    }
}
