using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>
    /// INW001 fix: replaces the hard-coded value with a read of an environment variable that fails clearly
    /// when the variable is missing. Offers nothing where C# demands a constant. In client code (the analyzer
    /// says so in the diagnostic) an environment variable is no secret store, since it would be read on a
    /// player's device: client findings are fixed by <see cref="ClientCredentialCodeFixProvider"/>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedCredentialCodeFixProvider)), Shared]
    public sealed class HardcodedCredentialCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "INW001.ReadFromEnvironment";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardcodedCredential);

        public override FixAllProvider GetFixAllProvider() => FixAllByAction.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            // Razor output and other generated code: a fix would edit a file the next build overwrites.
            if (GeneratedCode.IsGeneratedTree(root.SyntaxTree, context.CancellationToken))
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!HardcodedCredentialProperties.TryRead(diagnostic, out var properties))
                {
                    continue;
                }

                if (properties.IsClient)
                {
                    // ClientCredentialCodeFixProvider: remove the value, or switch its request to a backend token.
                    continue;
                }

                var decision = await DecideAsync(context.Document, root, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (decision.Plan == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        decision.Plan.Title,
                        ct => ApplyAsync(context.Document, new[] { diagnostic }, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>
        /// The environment-variable fix for one diagnostic, or the reason (<see cref="NoFixReasons"/>) there is none.
        /// Client-side findings never get this fix: their reason is <see cref="NoFixReasons.ClientSide"/> unless the
        /// token rewrite applies, which is a fix of its own.
        /// </summary>
        internal static async Task<(FixPlan? Plan, string? Reason)> DecideAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (GeneratedCode.IsGeneratedTree(root.SyntaxTree, cancellationToken))
            {
                return (null, NoFixReasons.GeneratedFile);
            }

            if (!HardcodedCredentialProperties.TryRead(diagnostic, out var properties))
            {
                return (null, NoFixReasons.UnknownProperties);
            }

            if (properties.IsClient)
            {
                // Fixed by ClientCredentialCodeFixProvider (removal, or the token flow), never with an environment variable.
                return (null, NoFixReasons.ClientSide);
            }

            if (properties.Variable == null)
            {
                return (null, NoFixReasons.KeyInsideText);
            }

            if (!properties.ValueInPlace)
            {
                // The key is joined from constants declared apart from this expression: reading the variable here would
                // leave their fragments in the source, no longer joined, so no later build would report them.
                return (null, NoFixReasons.FragmentsElsewhere);
            }

            var plan = FixPlan.Create(root, diagnostic, properties);
            if (plan == null)
            {
                return (null, NoFixReasons.NotAValue);
            }

            var reason = await WhyNotFixableAsync(document, plan, cancellationToken).ConfigureAwait(false);
            return reason == null ? (plan, null) : (null, reason);
        }

        /// <summary>Applies every fixable diagnostic of one document in a single rewrite (usings added once).</summary>
        private static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var root = editor.OriginalRoot;
            var plans = new List<FixPlan>();
            foreach (var diagnostic in diagnostics)
            {
                // Client code never gets an environment variable (ClientCredentialCodeFixProvider fixes it).
                if (!HardcodedCredentialProperties.TryRead(diagnostic, out var properties) || properties.IsClient)
                {
                    continue;
                }

                var plan = FixPlan.Create(root, diagnostic, properties);
                if (plan != null && await WhyNotFixableAsync(document, plan, cancellationToken).ConfigureAwait(false) == null)
                {
                    plans.Add(plan);
                }
            }

            // One rewrite per value: findings that share a value (a const and its use) are fixed once, and a value
            // inside another rewritten value (a part of a pair, a concatenation) goes with its outer value. An edit
            // inside a node that an earlier edit already replaced is what made FixAll fail with
            // "GetCurrentNode returned null".
            plans = plans
                .GroupBy(p => p.Target.Span).Select(g => g.First())
                .Where(p => !plans.Any(other => other.Target != p.Target && other.Target.Span.Contains(p.Target.Span) && other.Target.Span != p.Target.Span))
                .OrderBy(p => p.Target.SpanStart)
                .ToList();
            if (plans.Count == 0)
            {
                return document;
            }

            var names = new NameContext(editor.SemanticModel, plans[0].Target.SpanStart);
            var needsText = plans.Any(p => p.IsUtf8);
            foreach (var group in plans.GroupBy(p => ConstDeclarationOf(p.Target)))
            {
                var constDeclaration = group.Key;
                var declaration = constDeclaration == null ? null : group.First().Target.FirstAncestorOrSelf<VariableDeclarationSyntax>();
                if (constDeclaration == null || declaration == null)
                {
                    foreach (var plan in group)
                    {
                        editor.ReplaceNode(plan.Target, (current, _) => plan.BuildReplacement(current, names));
                    }

                    continue;
                }

                var fixedDeclarators = declaration.Variables.Where(v => group.Any(p => v.Span.Contains(p.Target.Span))).ToList();
                if (fixedDeclarators.Count == declaration.Variables.Count)
                {
                    // Every constant of the declaration is fixed: its values change, then it loses const once.
                    foreach (var plan in group)
                    {
                        editor.ReplaceNode(plan.Target, (current, _) => plan.BuildReplacement(current, names));
                    }

                    editor.ReplaceNode(constDeclaration, (current, _) => WithoutConst(current));
                }
                else
                {
                    SplitConstDeclaration(editor, constDeclaration, declaration, fixedDeclarators, group.ToList(), names);
                }
            }

            var newRoot = editor.GetChangedRoot();
            if (newRoot is CompilationUnitSyntax unit)
            {
                if (names.NeedsSystemUsing)
                {
                    unit = AddUsing(unit, "System");
                }

                if (needsText && names.NeedsTextUsing)
                {
                    unit = AddUsing(unit, "System", "Text");
                }

                newRoot = unit;
            }

            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>Null when the plan's rewrite compiles where the value is; otherwise the reason (<see cref="NoFixReasons"/>).</summary>
        private static async Task<string?> WhyNotFixableAsync(Document document, FixPlan plan, CancellationToken cancellationToken)
        {
            if (RequiresConstant(plan.Target))
            {
                return NoFixReasons.ConstantRequired;
            }

            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (semanticModel == null)
            {
                return NoFixReasons.NotAValue;
            }

            // Only the value itself is replaced: a string constant or a u8 literal. A finding reported at a call
            // (an implicit default argument) or at a non-constant expression has no value here to swap.
            if (!plan.IsUtf8 && !(semanticModel.GetConstantValue(plan.Target, cancellationToken) is { HasValue: true, Value: string _ }))
            {
                return NoFixReasons.NotAValue;
            }

            // An interpolated string converted to FormattableString or IFormattable (or a value converted to a user type):
            // the environment variable's string would not convert.
            if (!plan.IsUtf8 && semanticModel.GetTypeInfo(plan.Target, cancellationToken).ConvertedType is ITypeSymbol converted &&
                converted.SpecialType != SpecialType.System_String && converted.TypeKind != TypeKind.Error &&
                !semanticModel.Compilation.ClassifyCommonConversion(semanticModel.Compilation.GetSpecialType(SpecialType.System_String), converted).IsImplicit)
            {
                return NoFixReasons.NotAString;
            }

            // A const that other code uses as a constant (case label, attribute, another const) must stay const. Only the
            // fixed constant loses const: its siblings in the same declaration stay constants (SplitConstDeclaration).
            var constDeclaration = ConstDeclarationOf(plan.Target);
            if (constDeclaration == null)
            {
                return null;
            }

            var declaration = plan.Target.FirstAncestorOrSelf<VariableDeclarationSyntax>();
            if (declaration == null)
            {
                return NoFixReasons.NotAValue;
            }

            foreach (var declarator in declaration.Variables.Where(v => v.Span.Contains(plan.Target.Span)))
            {
                var symbol = semanticModel.GetDeclaredSymbol(declarator, cancellationToken);
                if (symbol == null)
                {
                    return NoFixReasons.NotAValue;
                }

                var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
                foreach (var reference in references)
                {
                    foreach (var location in reference.Locations)
                    {
                        var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                        var node = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                        if (node == null)
                        {
                            continue;
                        }

                        if (RequiresConstant(node) || node.FirstAncestorOrSelf<VariableDeclarationSyntax>() is { } user && IsConst(user))
                        {
                            return NoFixReasons.ConstUsedAsConstant;
                        }

                        // A local constant is readable in a static lambda; a variable would be a capture (CS8820/CS8421).
                        if (symbol is ILocalSymbol && InStaticFunction(node, constDeclaration))
                        {
                            return NoFixReasons.ConstReadInStaticFunction;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>Is a use of a local inside a static lambda or static local function nested in the local's scope?</summary>
        private static bool InStaticFunction(SyntaxNode use, SyntaxNode localDeclaration)
        {
            foreach (var ancestor in use.Ancestors())
            {
                if (ancestor == localDeclaration.Parent)
                {
                    return false;
                }

                // The static modifier, read from the tokens: the 3.7 syntax API has no Modifiers on lambdas.
                if ((ancestor is AnonymousFunctionExpressionSyntax || ancestor is LocalFunctionStatementSyntax) &&
                    ancestor.ChildTokens().Any(t => t.IsKind(SyntaxKind.StaticKeyword)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// const string A = "...", B = "..." with only A fixed: B stays a constant (other code may need it as one, and a
        /// private static readonly copy of a literal that nothing reads would raise CS0414), and A moves into a
        /// declaration of its own right after it: static readonly string A = (read);
        /// </summary>
        private static void SplitConstDeclaration(DocumentEditor editor, SyntaxNode constDeclaration, VariableDeclarationSyntax declaration,
            List<VariableDeclaratorSyntax> fixedDeclarators, List<FixPlan> plans, NameContext names)
        {
            var kept = declaration.Variables.Where(v => !fixedDeclarators.Contains(v)).Select(v => v.WithoutLeadingTrivia()).ToList();
            var moved = fixedDeclarators
                .Select(v => v.ReplaceNodes(plans.Where(p => v.Span.Contains(p.Target.Span)).Select(p => p.Target), (original, _) => plans.First(p => p.Target == original).BuildReplacement(original, names)))
                .Select(v => v.WithoutLeadingTrivia())
                .ToList();

            var keptDeclaration = constDeclaration.ReplaceNode(declaration, declaration.WithVariables(CommaSeparated(kept)));
            var indentation = SyntaxFactory.TriviaList(constDeclaration.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
            var movedDeclaration = WithoutConst(constDeclaration.ReplaceNode(declaration, declaration.WithVariables(CommaSeparated(moved))))
                .WithLeadingTrivia(indentation)
                .WithTrailingTrivia(constDeclaration.GetTrailingTrivia());

            // The moved declaration goes on the side its first constant was on, so the source order survives one fix
            // at a time. A top-level statement sits in a GlobalStatement of its own: insert a new one beside it.
            var before = declaration.Variables.IndexOf(fixedDeclarators[0]) < declaration.Variables.IndexOf(v => !fixedDeclarators.Contains(v));
            var anchor = constDeclaration.Parent is GlobalStatementSyntax global ? global : constDeclaration;
            var inserted = anchor is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement((StatementSyntax)movedDeclaration) : movedDeclaration;
            if (before)
            {
                editor.InsertBefore(anchor, inserted);
            }
            else
            {
                editor.InsertAfter(anchor, inserted);
            }

            editor.ReplaceNode(anchor, anchor is GlobalStatementSyntax globalStatement ? globalStatement.WithStatement((StatementSyntax)keptDeclaration) : keptDeclaration);
        }

        private static SeparatedSyntaxList<VariableDeclaratorSyntax> CommaSeparated(List<VariableDeclaratorSyntax> declarators)
        {
            var withSpaces = declarators.Select((v, i) => i == 0 ? v : v.WithLeadingTrivia(SyntaxFactory.Space));
            return SyntaxFactory.SeparatedList(withSpaces, Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken), Math.Max(0, declarators.Count - 1)));
        }

        /// <summary>Contexts where C# accepts only a compile-time constant.</summary>
        private static bool RequiresConstant(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax _:
                    case CaseSwitchLabelSyntax _:
                    case PatternSyntax _:
                    case ParameterSyntax _:
                    case EnumMemberDeclarationSyntax _:
                        return true;
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                    case ArrowExpressionClauseSyntax _:
                    case AccessorDeclarationSyntax _:
                        return false;
                }
            }

            return false;
        }

        private static SyntaxNode? ConstDeclarationOf(SyntaxNode target)
        {
            var declaration = target.FirstAncestorOrSelf<VariableDeclarationSyntax>();
            if (declaration == null || !IsConst(declaration))
            {
                return null;
            }

            return declaration.Parent;
        }

        private static bool IsConst(VariableDeclarationSyntax declaration) => declaration.Parent switch
        {
            FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
            LocalDeclarationStatementSyntax local => local.Modifiers.Any(SyntaxKind.ConstKeyword),
            _ => false,
        };

        /// <summary>const field becomes static readonly; const local becomes a plain local. Trivia stays put.</summary>
        private static SyntaxNode WithoutConst(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    {
                        var constToken = field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                        var replacement = new List<SyntaxToken>();
                        if (!field.Modifiers.Any(SyntaxKind.StaticKeyword))
                        {
                            replacement.Add(SyntaxFactory.Token(constToken.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                            replacement.Add(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ReadOnlyKeyword, constToken.TrailingTrivia));
                        }
                        else
                        {
                            replacement.Add(SyntaxFactory.Token(constToken.LeadingTrivia, SyntaxKind.ReadOnlyKeyword, constToken.TrailingTrivia));
                        }

                        return field.WithModifiers(field.Modifiers.ReplaceRange(constToken, replacement));
                    }

                case LocalDeclarationStatementSyntax local when local.Modifiers.Any(SyntaxKind.ConstKeyword):
                    {
                        var constToken = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                        var index = local.Modifiers.IndexOf(constToken);
                        var result = local.WithModifiers(local.Modifiers.RemoveAt(index));
                        return index == 0 && result.Modifiers.Count == 0
                            ? result.WithDeclaration(result.Declaration.WithType(result.Declaration.Type.WithLeadingTrivia(constToken.LeadingTrivia)))
                            : result;
                    }

                default:
                    return declaration;
            }
        }

        private static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, params string[] namespaceParts)
        {
            var namespaceName = string.Join(".", namespaceParts);
            if (unit.Usings.Any(u => u.Alias == null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name.ToString() == namespaceName))
            {
                return unit;
            }

            var endOfLine = DetectEndOfLine(unit);
            var directive = SyntaxFactory.UsingDirective(NamespaceName(namespaceParts))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithTrailingTrivia(endOfLine);

            if (unit.Usings.Count == 0)
            {
                // Keep a file header comment above the new using: move the first token's leading trivia onto it.
                var firstToken = unit.GetFirstToken(includeZeroWidth: true);
                var header = firstToken.LeadingTrivia;
                var withoutHeader = unit.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(endOfLine));
                return withoutHeader.WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(header)));
            }

            // Insert in order, System namespaces first, as most .editorconfig files ask.
            var usings = unit.Usings;
            var insertAt = usings.Count;
            for (var i = 0; i < usings.Count; i++)
            {
                var existing = usings[i];
                if (existing.Alias != null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.GlobalKeyword().IsKind(SyntaxKind.GlobalKeyword))
                {
                    continue;
                }

                if (string.CompareOrdinal(existing.Name.ToString(), namespaceName) > 0 || !existing.Name.ToString().StartsWith("System", StringComparison.Ordinal) && namespaceName.StartsWith("System", StringComparison.Ordinal))
                {
                    insertAt = i;
                    break;
                }
            }

            if (insertAt == 0)
            {
                var first = usings[0];
                directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
                usings = usings.Replace(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList()));
            }

            return unit.WithUsings(usings.Insert(insertAt, directive));
        }

        private static SyntaxTrivia DetectEndOfLine(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.CarriageReturnLineFeed;
        }

        private static NameSyntax NamespaceName(string[] parts)
        {
            NameSyntax name = SyntaxFactory.IdentifierName(parts[0]);
            for (var i = 1; i < parts.Length; i++)
            {
                name = SyntaxFactory.QualifiedName(name, SyntaxFactory.IdentifierName(parts[i]));
            }

            return name;
        }

        /// <summary>
        /// FixAll of the environment-variable rewrite. It is not left to the
        /// standard batch fixer: every finding's fix adds the same using directive at the same place, the
        /// batch merger drops such overlapping edits as conflicts, and findings stay unfixed until a second pass.
        /// So each document is rewritten once, with all its findings, and the using added once.
        /// </summary>
        private sealed class FixAllByAction : FixAllProvider
        {
            public static readonly FixAllByAction Instance = new FixAllByAction();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
                => Task.FromResult<CodeAction?>(CodeAction.Create(
                        "Read all hard-coded Inworld credentials from environment variables",
                        ct => FixAllAsync(fixAllContext, ct),
                        fixAllContext.CodeActionEquivalenceKey));

            private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
            {
                var documents = context.Scope switch
                {
                    FixAllScope.Document => context.Document != null ? new[] { context.Document } : Array.Empty<Document>(),
                    FixAllScope.Project => context.Project.Documents.ToArray(),
                    _ => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                };

                var solution = context.Solution;
                foreach (var document in documents)
                {
                    var found = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    var tree = found.IsEmpty ? null : await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);

                    // Razor output and other generated code: a fix would edit a file the next build overwrites.
                    if (tree == null || GeneratedCode.IsGeneratedTree(tree, cancellationToken))
                    {
                        continue;
                    }

                    var fixedDocument = await ApplyAsync(document, found, cancellationToken).ConfigureAwait(false);
                    if (fixedDocument != document)
                    {
                        var newRoot = await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                        solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot!);
                    }
                }

                return solution;
            }
        }
    }

    internal static class UsingDirectiveExtensions
    {
        /// <summary>"global using" (C# 10) is unknown to the 3.7 syntax API; read it from the first token.</summary>
        public static SyntaxToken GlobalKeyword(this UsingDirectiveSyntax directive)
        {
            var first = directive.GetFirstToken();
            return first.Text == "global" ? first : default;
        }
    }
}
