using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>
    /// The batch FixAll for a provider that fixes several rules, each with an equivalence key of its own, made to work
    /// from `dotnet format` too. dotnet format asks for one rule's FixAll at a time but takes the equivalence key from
    /// the first finding of its analysis, which may belong to another rule the same analyzer reports (INW005 for an
    /// INW003 pass): the batch fixer then matches no action, returns nothing, and the rule stays unfixed ("didn't return
    /// a Fix All action"). When that happens for a single rule, the FixAll is asked again with that rule's own key. An
    /// IDE asks with the key of the action the user picked, which the batch fixer matches on the first try.
    /// </summary>
    internal sealed class RuleKeyedBatchFixer : FixAllProvider
    {
        private readonly Func<string, string?> _keyOfRule;

        /// <param name="keyOfRule">The equivalence key of a rule's fix, or null for none.</param>
        public RuleKeyedBatchFixer(Func<string, string?> keyOfRule)
        {
            _keyOfRule = keyOfRule;
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var fix = await WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext).ConfigureAwait(false);
            if (fix != null || fixAllContext.DiagnosticIds.Count != 1)
            {
                return fix;
            }

            var key = _keyOfRule(fixAllContext.DiagnosticIds.Single());
            if (key == null || key == fixAllContext.CodeActionEquivalenceKey)
            {
                return null;
            }

            var findings = new SameFindings(fixAllContext);
            var rekeyed = fixAllContext.Document != null
                ? new FixAllContext(fixAllContext.Document, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, findings, fixAllContext.CancellationToken)
                : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, findings, fixAllContext.CancellationToken);
            return await WellKnownFixAllProviders.BatchFixer.GetFixAsync(rekeyed).ConfigureAwait(false);
        }

        /// <summary>The findings of the original request, unchanged.</summary>
        private sealed class SameFindings : FixAllContext.DiagnosticProvider
        {
            private readonly FixAllContext _original;

            public SameFindings(FixAllContext original)
            {
                _original = original;
            }

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => await _original.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => await _original.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => await _original.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
        }
    }
}
