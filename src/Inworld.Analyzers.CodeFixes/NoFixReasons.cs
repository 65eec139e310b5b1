using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Microsoft.CodeAnalysis;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>
    /// Why a finding of INW001, INW002, INW003 or INW005 gets no code fix: one id per documented reason. The rule
    /// pages word each id in their "When no fix is offered" table; the fix-everything pass requires every finding
    /// without a fix to map to one of these.
    /// </summary>
    internal static class NoFixReasons
    {
        /// <summary>Razor output and other generated code: the next build overwrites an edit.</summary>
        public const string GeneratedFile = "generated-code";

        /// <summary>The diagnostic carries no valid properties (another analyzer version, or rebuilt without them).</summary>
        public const string UnknownProperties = "unknown-properties";

        /// <summary>INW001: the key is part of a larger text (a URL, a JSON body); no variable can stand for the whole value.</summary>
        public const string KeyInsideText = "key-inside-text";

        /// <summary>INW001: C# takes only a constant here (attribute argument, case label, pattern, parameter default value, enum member).</summary>
        public const string ConstantRequired = "constant-required";

        /// <summary>INW001: the const holding the key is used where C# takes only a constant, so it cannot stop being const.</summary>
        public const string ConstUsedAsConstant = "const-used-as-constant";

        /// <summary>INW001: the const local is read inside a static lambda or static local function, which cannot capture a variable.</summary>
        public const string ConstReadInStaticFunction = "const-read-in-static-function";

        /// <summary>INW001: the finding is not at a value the fix can replace (an implicit default argument, a value in another file).</summary>
        public const string NotAValue = "not-a-value";

        /// <summary>INW001: the value is converted to another type than string (an interpolated string used as FormattableString or IFormattable).</summary>
        public const string NotAString = "not-a-string";

        /// <summary>
        /// INW001 on the server: the key is joined from constants declared apart from the expression (another member, another
        /// file, local constants): replacing the expression would leave the fragments in the source, no longer joined and
        /// so no longer reported. Remove the constants and read the key from the environment by hand.
        /// </summary>
        public const string FragmentsElsewhere = "fragments-elsewhere";

        /// <summary>
        /// INW001 in code that runs on users' devices, where neither client-side fix applies (ClientCredentialCodeFixProvider):
        /// no environment variable (it would be read on a player's device), no token flow (the value is not written into a
        /// request), and no removal (the value is not in place: a use of a constant declared elsewhere, fixed at its
        /// declaration; a case label or pattern, where two emptied labels would collide; a part of a value built with
        /// another credential literal, fixed after that value).
        /// </summary>
        public const string ClientSide = "client-side";

        /// <summary>INW002: the library writes the scheme itself (WithBasicAuth, HttpBasicAuthenticator, signing): no argument is the "Basic ..." value.</summary>
        public const string SchemeWrittenByLibrary = "scheme-written-by-library";

        /// <summary>INW002: the request is built outside an async method, async lambda or Unity coroutine; a synchronous token wait would block the UI thread.</summary>
        public const string NotAwaitable = "not-awaitable";

        /// <summary>INW003: the Realtime key comes from a value with no name to rename (a parameter, a field, a computed name).</summary>
        public const string NoKeyName = "no-key-name";

        /// <summary>INW005: client code sends a key as Bearer; switching to Basic would put the key on the device, so the fix is the token flow (INW002).</summary>
        public const string KeyAsBearerInClient = "key-as-bearer-in-client";

        /// <summary>INW005: the scheme is not written as a literal the fix can rewrite (a variable, a constant elsewhere, an interpolation hole).</summary>
        public const string SchemeNotLiteral = "scheme-not-literal";

        /// <summary>The reasons each rule's findings can have, as its rule page lists them (docs/rules, "When no fix is offered").</summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByRule { get; } = new Dictionary<string, IReadOnlyList<string>>
        {
            [RuleIds.HardcodedCredential] = new[] { ConstantRequired, ConstUsedAsConstant, ConstReadInStaticFunction, KeyInsideText, FragmentsElsewhere, NotAValue, NotAString, ClientSide, GeneratedFile, UnknownProperties },
            [RuleIds.BasicAuthInClient] = new[] { NotAwaitable, SchemeWrittenByLibrary, GeneratedFile, UnknownProperties },
            [RuleIds.RealtimeKeyOnNonRealtimeApi] = new[] { NoKeyName, GeneratedFile, UnknownProperties },
            [RuleIds.WrongAuthorizationScheme] = new[] { SchemeNotLiteral, KeyAsBearerInClient, GeneratedFile, UnknownProperties },
        };

        /// <summary>
        /// The reason this product's fixers offer nothing for the diagnostic, by the same decisions the fixers take; null
        /// when a fix is offered (or the rule is not one of INW001, INW002, INW003, INW005).
        /// </summary>
        public static async Task<string?> ExplainAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return UnknownProperties;
            }

            if (GeneratedCode.IsGeneratedTree(root.SyntaxTree, cancellationToken))
            {
                return GeneratedFile;
            }

            switch (diagnostic.Id)
            {
                case RuleIds.HardcodedCredential:
                    return (await HardcodedCredentialCodeFixProvider.DecideAsync(document, root, diagnostic, cancellationToken).ConfigureAwait(false)).Reason;
                case RuleIds.BasicAuthInClient:
                    return await ExplainBasicAuthAsync(document, root, diagnostic, cancellationToken).ConfigureAwait(false);
                case RuleIds.RealtimeKeyOnNonRealtimeApi:
                case RuleIds.WrongAuthorizationScheme:
                    return AuthorizationUsageCodeFixProvider.Decide(root, diagnostic).Reason;
                default:
                    return null;
            }
        }

        private static async Task<string?> ExplainBasicAuthAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model == null || diagnostic.Location.SourceTree != root.SyntaxTree || !BasicAuthProperties.TryRead(diagnostic, out var properties))
            {
                return UnknownProperties;
            }

            if (BackendTokenRewrite.CanRewrite(root, model, diagnostic.Location.SourceSpan, properties.Shape, cancellationToken))
            {
                return null;
            }

            switch (properties.Shape)
            {
                case AttachmentShape.BasicAuthHelper:
                case AttachmentShape.BearerHelper:
                case AttachmentShape.AnonymousHeaders:
                case AttachmentShape.Signature:
                    return SchemeWrittenByLibrary;
                default:
                    return NotAwaitable;
            }
        }
    }
}
