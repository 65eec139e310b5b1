using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace Inworld.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The fix-everything pass: every compiling rule test input and every compiling robustness variant of it, in a
    /// server and a client project. Every offered code action of every fix provider, for every INW001, INW002, INW003
    /// and INW005 finding, and every FixAll (document, project, solution) is applied. None may throw, add a compiler
    /// error or warning, or leave the finding it fixed in place; every finding without a fix needs a documented reason.
    /// </summary>
    public sealed class FixEverythingTests
    {
        private readonly ITestOutputHelper _output;

        public FixEverythingTests(ITestOutputHelper output) => _output = output;

        private static readonly FixAllScope[] Scopes = { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        /// <summary>Per input and project kind: what was applied, what failed, and the findings left without a fix.</summary>
        internal sealed class Outcome
        {
            public List<string> Failures { get; } = new List<string>();
            public List<(string Rule, bool Fixed, string? Reason)> Findings { get; } = new List<(string, bool, string?)>();
            public int ActionsApplied { get; set; }
            public int FixAllsApplied { get; set; }
            public bool IsClient { get; set; }
            public List<string> KnownIssues { get; } = new List<string>();
            public string Source { get; set; } = string.Empty;
        }

        internal static List<string> Inputs(bool withVariants)
        {
            var inputs = FixEverythingHarness.RuleTestInputs();
            if (!withVariants)
            {
                return inputs;
            }

            var random = new Random(1414);
            return inputs.SelectMany(source => MutationTests.Mutations(source, random).Prepend(source)).Distinct(StringComparer.Ordinal).ToList();
        }

        private static bool Compiles(string source)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
            var tree = CSharpSyntaxTree.ParseText(source, parseOptions);
            if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return false;
            }

            var outputKind = FixEverythingHarness.HasTopLevelStatements(tree) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var compilation = CSharpCompilation.Create("Check", new[] { tree }, FixEverythingHarness.ReferencesFor(source),
                new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
            return !compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        }

        /// <summary>Runs the pass over the inputs; one outcome per input and project kind.</summary>
        internal static List<Outcome> Run(IEnumerable<string> sources)
        {
            var work = sources.Where(Compiles).SelectMany(source => new[] { (source, false), (source, true) }).ToList();
            var outcomes = new ConcurrentBag<Outcome>();
            Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = 2 }, item =>
            {
                var outcome = new Outcome { IsClient = item.Item2, Source = item.Item1 };
                try
                {
                    RunOneAsync(item.Item1, item.Item2, outcome).GetAwaiter().GetResult();
                }
                catch (Exception exception)
                {
                    outcome.Failures.Add("pass threw " + exception + "\n--- input ---\n" + item.Item1);
                }

                outcomes.Add(outcome);
            });
            return outcomes.ToList();
        }

        private static async Task RunOneAsync(string source, bool client, Outcome outcome)
        {
            var kind = client ? "client" : "server";
            using var harness = new FixEverythingHarness(source, client);
            var solution = harness.Solution;
            var projectA = harness.ProjectA;
            var documentA = projectA.Documents.Single();
            var compilerBefore = new Dictionary<ProjectId, Dictionary<string, int>>
            {
                [projectA.Id] = await FixEverythingHarness.CompilerDiagnosticsAsync(projectA),
                [harness.ProjectB.Id] = await FixEverythingHarness.CompilerDiagnosticsAsync(harness.ProjectB),
            };

            var (diagnosticsA, exceptions) = await harness.AnalyzeAsync(projectA);
            foreach (var exception in exceptions)
            {
                outcome.Failures.Add(kind + ": analyzer threw " + exception.Message + "\n--- input ---\n" + source);
            }

            var findings = diagnosticsA.Where(d => FixEverythingHarness.FixedRules.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).ToList();
            if (findings.Count == 0)
            {
                return;
            }

            // For FixAll: which findings each (provider, equivalence key) fixes one by one.
            var fixedBy = new Dictionary<(CodeFixProvider Fixer, string Key), List<Diagnostic>>();
            foreach (var finding in findings)
            {
                var offered = false;
                foreach (var fixer in FixEverythingHarness.Fixers.Where(f => f.FixableDiagnosticIds.Contains(finding.Id)))
                {
                    List<CodeAction> actions;
                    try
                    {
                        actions = await FixEverythingHarness.ActionsAsync(fixer, documentA, finding);
                    }
                    catch (Exception exception)
                    {
                        outcome.Failures.Add(kind + ": " + fixer.GetType().Name + " threw while offering fixes for " + finding.Id + ": " + exception + "\n--- input ---\n" + source);
                        continue;
                    }

                    foreach (var action in actions)
                    {
                        offered = true;
                        var label = kind + ": " + finding.Id + " fix '" + action.Title + "' at " + finding.Location.GetLineSpan().StartLinePosition;
                        if (action.EquivalenceKey != null)
                        {
                            var key = (fixer, action.EquivalenceKey);
                            if (!fixedBy.TryGetValue(key, out var list))
                            {
                                fixedBy[key] = list = new List<Diagnostic>();
                            }

                            list.Add(finding);
                        }

                        await CheckAppliedAsync(harness, () => FixEverythingHarness.ApplyAsync(action, solution), compilerBefore,
                            new Dictionary<DocumentId, List<Diagnostic>> { [documentA.Id] = new List<Diagnostic> { finding } }, label, outcome);
                        outcome.ActionsApplied++;
                    }
                }

                outcome.Findings.Add((finding.Id, offered, offered ? null : await NoFixReasons.ExplainAsync(documentA, finding, CancellationToken.None)));
            }

            if (fixedBy.Count == 0)
            {
                return;
            }

            // The same file in project B: Solution scope must fix both copies, Project scope only A's.
            var projectB = harness.ProjectB;
            var documentB = projectB.Documents.Single();
            var (diagnosticsB, _) = await harness.AnalyzeAsync(projectB);
            var byDocument = new Dictionary<DocumentId, ImmutableArray<Diagnostic>> { [documentA.Id] = diagnosticsA, [documentB.Id] = diagnosticsB };
            foreach (var pair in fixedBy)
            {
                var (fixer, key) = pair.Key;
                var provider = fixer.GetFixAllProvider();
                if (provider == null)
                {
                    continue;
                }

                var ids = pair.Value.Select(d => d.Id).Distinct(StringComparer.Ordinal).ToList();
                var twins = diagnosticsB.Where(b => pair.Value.Any(a => a.Id == b.Id && a.Location.SourceSpan == b.Location.SourceSpan)).ToList();
                foreach (var scope in Scopes.Where(s => provider.GetSupportedFixAllScopes().Contains(s)))
                {
                    var label = kind + ": FixAll '" + key + "' (" + scope + ")";
                    var expected = new Dictionary<DocumentId, List<Diagnostic>> { [documentA.Id] = pair.Value };
                    if (scope == FixAllScope.Solution)
                    {
                        expected[documentB.Id] = twins;
                    }

                    await CheckAppliedAsync(harness, async () =>
                    {
                        var context = new FixAllContext(documentA, fixer, scope, key, ids, new FixEverythingHarness.Provider(byDocument), CancellationToken.None);
                        var action = await provider.GetFixAsync(context) ?? throw new InvalidOperationException("the FixAll provider offered no action");
                        return await FixEverythingHarness.ApplyAsync(action, solution);
                    }, compilerBefore, expected, label, outcome);
                    outcome.FixAllsApplied++;
                }
            }
        }

        /// <summary>One applied fix: no exception, no new compiler error or warning in any changed project, and the fixed findings gone.</summary>
        private static async Task CheckAppliedAsync(FixEverythingHarness harness, Func<Task<Solution>> apply, Dictionary<ProjectId, Dictionary<string, int>> compilerBefore,
            Dictionary<DocumentId, List<Diagnostic>> fixedFindings, string label, Outcome outcome)
        {
            Solution changed;
            try
            {
                changed = await apply();
            }
            catch (Exception exception)
            {
                outcome.Failures.Add(label + " threw " + exception.GetType().Name + ": " + exception.Message + "\n--- input ---\n" + harness.Source);
                return;
            }

            if (changed == harness.Solution)
            {
                outcome.Failures.Add(label + " changed nothing\n--- input ---\n" + harness.Source);
                return;
            }

            foreach (var projectChanges in changed.GetChanges(harness.Solution).GetProjectChanges())
            {
                var project = changed.GetProject(projectChanges.ProjectId)!;
                var after = await FixEverythingHarness.CompilerDiagnosticsAsync(project);
                var added = FixEverythingHarness.NewDiagnostics(compilerBefore[project.Id], after);
                if (added.Count > 0 && IsKnownUnityTokenRewriteWarning(label, added, harness.Source))
                {
                    outcome.KnownIssues.Add(label + " added " + string.Join(", ", added));
                }
                else if (added.Count > 0)
                {
                    var fixedText = string.Join("\n----\n", await Task.WhenAll(project.Documents.Where(d => projectChanges.GetChangedDocuments().Contains(d.Id) || projectChanges.GetAddedDocuments().Contains(d.Id))
                        .Select(async d => (await d.GetTextAsync()).ToString())));
                    var messages = (await project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && added.Any(a => a.StartsWith(d.Id + " ", StringComparison.Ordinal)));
                    outcome.Failures.Add(label + " added compiler diagnostics " + string.Join(", ", added) + ":\n" + string.Join("\n", messages) + "\n--- input ---\n" + harness.Source + "\n--- fixed ---\n" + fixedText);
                }
            }

            foreach (var pair in fixedFindings)
            {
                var oldDocument = harness.Solution.GetDocument(pair.Key)!;
                var newDocument = changed.GetDocument(pair.Key)!;
                var changes = (await newDocument.GetTextChangesAsync(oldDocument)).ToList();
                var (after, exceptions) = await harness.AnalyzeAsync(newDocument.Project);
                if (exceptions.Count > 0)
                {
                    outcome.Failures.Add(label + ": analyzer threw on the fixed code: " + exceptions[0].Message);
                }

                var inDocument = after.Where(d => d.Location.SourceTree!.FilePath == newDocument.FilePath).ToList();
                foreach (var finding in pair.Value)
                {
                    if (FixEverythingHarness.StillReported(finding, changes, inDocument))
                    {
                        outcome.Failures.Add(label + ": " + finding.Id + " at " + finding.Location.GetLineSpan().StartLinePosition + " in " + oldDocument.Name + " is still reported after the fix\n--- input ---\n" + harness.Source +
                                             "\n--- fixed ---\n" + (await newDocument.GetTextAsync()));
                    }
                }
            }
        }

        /// <summary>
        /// The one known defect this pass finds, owned by the Unity form of the INW002 token rewrite (being reworked in
        /// parallel): in a coroutine, the rewrite leaves the serialized key field unread, which is CS0414. It is listed,
        /// not hidden: the test output prints it, and the test fails once it no longer occurs so this exemption goes.
        /// </summary>
        private static bool IsKnownUnityTokenRewriteWarning(string label, List<string> added, string source)
            => label.Contains("INW002", StringComparison.Ordinal) && added.Count == 1 && added[0] == "CS0414 x1" &&
               source.Contains("UnityEngine", StringComparison.Ordinal) && SerializedKeyField.IsMatch(source);

        /// <summary>The serialized key field of that input, in any of its robustness variants (spacing, modifiers).</summary>
        private static readonly System.Text.RegularExpressions.Regex SerializedKeyField = new System.Text.RegularExpressions.Regex(
            @"\[\s*SerializeField\s*\]\s*(private\s+)?string\s+inworldApiKey\b", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

        [Fact]
        public void Every_fix_and_FixAll_applies_cleanly_on_every_rule_test_input_and_variant()
        {
            var watch = Stopwatch.StartNew();
            var originals = new HashSet<string>(Inputs(withVariants: false), StringComparer.Ordinal);
            var inputs = Inputs(withVariants: true);
            var outcomes = Run(inputs);
            var failures = outcomes.SelectMany(o => o.Failures).ToList();
            _output.WriteLine(inputs.Count + " inputs and variants (" + originals.Count + " rule test inputs), " + outcomes.Count + " compiling (input, project kind) runs, " +
                              outcomes.Sum(o => o.ActionsApplied) + " fixes and " + outcomes.Sum(o => o.FixAllsApplied) + " FixAlls applied in " +
                              watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");

            // The closing-note counts: over the rule test inputs (not the variants), per rule and project kind.
            foreach (var kind in new[] { false, true })
            {
                var findings = outcomes.Where(o => o.IsClient == kind && originals.Contains(o.Source)).SelectMany(o => o.Findings).ToList();
                foreach (var rule in findings.Select(f => f.Rule).Distinct().OrderBy(r => r, StringComparer.Ordinal))
                {
                    var ofRule = findings.Where(f => f.Rule == rule).ToList();
                    _output.WriteLine((kind ? "client" : "server") + " " + rule + ": " + ofRule.Count + " findings, " + ofRule.Count(f => f.Fixed) + " with a fix; without: " +
                                      string.Join(", ", ofRule.Where(f => !f.Fixed).GroupBy(f => f.Reason ?? "NO REASON").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " " + g.Count())));
                }
            }

            foreach (var failure in failures)
            {
                _output.WriteLine("FAIL " + failure.Split('\n')[0]);
            }

            foreach (var failure in failures.Take(5))
            {
                _output.WriteLine("FAILURE " + failure + "\n");
            }

            var knownIssues = outcomes.SelectMany(o => o.KnownIssues).ToList();
            foreach (var issue in knownIssues)
            {
                _output.WriteLine("KNOWN ISSUE (Unity INW002 token rewrite) " + issue);
            }

            // Every finding without a fix has a reason its rule page words.
            var unexplained = outcomes.SelectMany(o => o.Findings
                    .Where(f => !f.Fixed && (f.Reason == null || !NoFixReasons.ByRule[f.Rule].Contains(f.Reason)))
                    .Select(f => f.Rule + " reason '" + f.Reason + "' (" + (o.IsClient ? "client" : "server") + "):\n" + o.Source))
                .ToList();
            Assert.True(knownIssues.Count > 0, "The Unity token rewrite no longer leaves CS0414: remove IsKnownUnityTokenRewriteWarning.");
            Assert.True(outcomes.Sum(o => o.FixAllsApplied) >= 100, "only " + outcomes.Sum(o => o.FixAllsApplied) + " FixAlls applied");
            Assert.True(failures.Count == 0, failures.Count + " failures; first:\n" + failures.FirstOrDefault());
            Assert.True(unexplained.Count == 0, unexplained.Count + " findings have neither a fix nor a documented reason; first:\n" + unexplained.FirstOrDefault());
        }
    }
}
