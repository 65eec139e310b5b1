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

                var plan = FixPlan.Create(root, diagnostic, properties);
                if (plan == null || !await CanFixAsync(context.Document, plan, context.CancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        plan.Title,
                        ct => ApplyAsync(context.Document, new[] { diagnostic }, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>Applies every fixable diagnostic of one document in a single rewrite (usings added once).</summary>
        private static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var root = editor.OriginalRoot;
            var plans = new List<FixPlan>();
            var seen = new HashSet<TextSpan>();
            foreach (var diagnostic in diagnostics)
            {
                // Client code never gets an environment variable (ClientCredentialCodeFixProvider fixes it).
                if (!HardcodedCredentialProperties.TryRead(diagnostic, out var properties) || properties.IsClient)
                {
                    continue;
                }

                var plan = FixPlan.Create(root, diagnostic, properties);
                if (plan != null && seen.Add(plan.Target.Span) && await CanFixAsync(document, plan, cancellationToken).ConfigureAwait(false))
                {
                    plans.Add(plan);
                }
            }

            if (plans.Count == 0)
            {
                return document;
            }

            var names = new NameContext(editor.SemanticModel, plans[0].Target.SpanStart);
            var needsText = false;
            foreach (var plan in plans)
            {
                needsText |= plan.IsUtf8;
                editor.ReplaceNode(plan.Target, (current, _) => plan.BuildReplacement(current, names));
                var constDeclaration = ConstDeclarationOf(plan.Target);
                if (constDeclaration != null)
                {
                    editor.ReplaceNode(constDeclaration, (current, _) => WithoutConst(current));
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

        private static async Task<bool> CanFixAsync(Document document, FixPlan plan, CancellationToken cancellationToken)
        {
            if (RequiresConstant(plan.Target))
            {
                return false;
            }

            // A const that other code uses as a constant (case label, attribute, another const) must stay const.
            var constDeclaration = ConstDeclarationOf(plan.Target);
            if (constDeclaration == null)
            {
                return true;
            }

            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var declarator = plan.Target.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            var symbol = declarator != null ? semanticModel?.GetDeclaredSymbol(declarator, cancellationToken) : null;
            if (symbol == null)
            {
                return false;
            }

            var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            foreach (var reference in references)
            {
                foreach (var location in reference.Locations)
                {
                    var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    var node = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (node != null && (RequiresConstant(node) || node.FirstAncestorOrSelf<VariableDeclarationSyntax>() is { } declaration && IsConst(declaration)))
                    {
                        return false;
                    }
                }
            }

            return true;
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
                case FieldDeclarationSyntax field:
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

                case LocalDeclarationStatementSyntax local:
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
