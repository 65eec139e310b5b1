using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>
    /// INW003: read the standard key instead of the Realtime-only one (the env var or configuration key
    /// literal is renamed). INW005: send the scheme Inworld expects (the scheme literal is rewritten).
    /// Both change one literal, so the batch FixAll merges them safely.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AuthorizationUsageCodeFixProvider)), Shared]
    public sealed class AuthorizationUsageCodeFixProvider : CodeFixProvider
    {
        public const string StandardKeyEquivalenceKey = "INW003.UseStandardKey";
        public const string SchemeEquivalenceKey = "INW005.FixScheme";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RealtimeKeyOnNonRealtimeApi, RuleIds.WrongAuthorizationScheme);

        // The batch fixer, re-asked with the rule's own key when dotnet format passes the other rule's (RuleKeyedBatchFixer).
        public override FixAllProvider GetFixAllProvider() => new RuleKeyedBatchFixer(rule =>
            rule == RuleIds.RealtimeKeyOnNonRealtimeApi ? StandardKeyEquivalenceKey : rule == RuleIds.WrongAuthorizationScheme ? SchemeEquivalenceKey : null);

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
                if (Decide(root, diagnostic).Fix is { } fix)
                {
                    context.RegisterCodeFix(CodeAction.Create(fix.Title, ct => Replace(context.Document, root, fix.Target, fix.Replacement), fix.EquivalenceKey), diagnostic);
                }
            }
        }

        /// <summary>
        /// The literal rewrite for one INW003 or INW005 diagnostic, or the reason (<see cref="NoFixReasons"/>) there is
        /// none. A string literal becomes another string literal, so the fix compiles wherever the literal did,
        /// constant contexts included.
        /// </summary>
        internal static ((SyntaxNode Target, SyntaxNode Replacement, string Title, string EquivalenceKey)? Fix, string? Reason) Decide(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
            {
                // INW003 points at the key's name (an environment variable or configuration key literal) when it has one.
                return (null, diagnostic.Id == RuleIds.RealtimeKeyOnNonRealtimeApi ? NoFixReasons.NoKeyName : NoFixReasons.SchemeNotLiteral);
            }

            if (!AuthorizationUsageProperties.TryRead(diagnostic, out var properties))
            {
                // INW003 carries no replacement when the Realtime key's source has no name to rename.
                return (null, diagnostic.Id == RuleIds.RealtimeKeyOnNonRealtimeApi ? NoFixReasons.NoKeyName : NoFixReasons.UnknownProperties);
            }

            var replacement = properties.Replacement;
            var target = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true);
            if (diagnostic.Id == RuleIds.RealtimeKeyOnNonRealtimeApi)
            {
                return target is LiteralExpressionSyntax name && name.IsKind(SyntaxKind.StringLiteralExpression)
                    ? ((name, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement)),
                        string.Format(CultureInfo.InvariantCulture, CodeFixTitles.UseStandardKey, replacement), StandardKeyEquivalenceKey), null)
                    : (null, NoFixReasons.NoKeyName);
            }

            if (diagnostic.Id != RuleIds.WrongAuthorizationScheme)
            {
                return (null, NoFixReasons.UnknownProperties);
            }

            if (!properties.FixAllowed)
            {
                return (null, NoFixReasons.KeyAsBearerInClient);
            }

            var rewritten = WithScheme(target, replacement);
            return rewritten != null
                ? ((target, rewritten, string.Format(CultureInfo.InvariantCulture, CodeFixTitles.SendWithScheme, replacement), SchemeEquivalenceKey), null)
                : (null, NoFixReasons.SchemeNotLiteral);
        }

        /// <summary>"Bearer " → "Basic " in a literal or the leading text of an interpolated string; "Bearer" → "Basic" as a scheme argument.</summary>
        private static SyntaxNode? WithScheme(SyntaxNode target, string scheme)
        {
            switch (target)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    {
                        var text = ReplaceFirstWord(literal.Token.ValueText, scheme);
                        return text == null ? null : SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
                    }

                case InterpolatedStringTextSyntax part:
                    {
                        var text = ReplaceFirstWord(part.TextToken.ValueText, scheme);
                        return text == null || text.IndexOfAny(new[] { '{', '}', '"', '\\' }) >= 0
                            ? null
                            : part.WithTextToken(SyntaxFactory.Token(part.TextToken.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, text, text, part.TextToken.TrailingTrivia));
                    }

                default:
                    return null;
            }
        }

        /// <summary>Replaces the wrong scheme word ("Bearer" for "Basic" and back), wherever the header text has it ("Authorization: Bearer ").</summary>
        private static string? ReplaceFirstWord(string text, string word)
        {
            var wrong = word.Equals("Basic", StringComparison.OrdinalIgnoreCase) ? "Bearer" : "Basic";
            var index = 0;
            while ((index = text.IndexOf(wrong, index, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var before = index == 0 || char.IsWhiteSpace(text[index - 1]) || text[index - 1] == ':';
                var after = index + wrong.Length == text.Length || char.IsWhiteSpace(text[index + wrong.Length]);
                if (before && after)
                {
                    return text.Substring(0, index) + word + text.Substring(index + wrong.Length);
                }

                index += wrong.Length;
            }

            return null;
        }

        private static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode target, SyntaxNode replacement)
            => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(target, replacement.WithTriviaFrom(target))));
    }
}
