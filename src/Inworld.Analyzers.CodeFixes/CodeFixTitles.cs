using System.Collections.Generic;
using Inworld.Analyzers.Core;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>One code-fix title as the docs show it: the rule, the title template and what fills its placeholders.</summary>
    internal sealed class DocumentedFixTitle
    {
        public DocumentedFixTitle(string ruleId, string template, string when, params string[] placeholders)
        {
            RuleId = ruleId;
            Template = template;
            When = when;
            Placeholders = placeholders;
        }

        public string RuleId { get; }

        /// <summary>The string.Format template the fixer passes to CodeAction.Create.</summary>
        public string Template { get; }

        /// <summary>When the fix is offered, in a few words ("" when always).</summary>
        public string When { get; }

        /// <summary>Markdown for each {n} placeholder of <see cref="Template"/> in the docs.</summary>
        public IReadOnlyList<string> Placeholders { get; }

        /// <summary>The title with its placeholders filled for the docs.</summary>
        public string ForDocs()
        {
            var arguments = new object[Placeholders.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = Placeholders[i];
            }

            return string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, arguments);
        }
    }

    /// <summary>
    /// The titles the code fixes show, in one place: the fixers format these templates, and the README rules table
    /// is generated from <see cref="Documented"/> (a docs test fails when a fixer fixes a rule that has no title here).
    /// </summary>
    internal static class CodeFixTitles
    {
        public const string ReadKeyFromEnvironment = "Read the key from the environment variable {0}";
        public const string ReadKeyPairFromEnvironment = "Read the key id and secret from the environment variables {0} and {1}";
        public const string UseBackendToken = "Use a short-lived token from your backend";
        public const string RemoveFromClient = "Remove the hard-coded credential, then rotate the key";
        public const string RemoveAllFromClient = "Remove all hard-coded Inworld credentials from client code";
        public const string UseStandardKey = "Use the standard key ({0})";
        public const string SendWithScheme = "Send it with the {0} scheme";

        public static readonly IReadOnlyList<DocumentedFixTitle> Documented = new[]
        {
            new DocumentedFixTitle(RuleIds.HardcodedCredential, ReadKeyFromEnvironment, "server code",
                "`" + CredentialNames.DefaultApiKeyVariable + "` / `" + CredentialNames.DefaultKeyIdVariable + "` / `" + CredentialNames.DefaultSecretVariable + "`"),
            new DocumentedFixTitle(RuleIds.HardcodedCredential, ReadKeyPairFromEnvironment, "a `keyId:secret` pair in server code",
                "`" + CredentialNames.DefaultKeyIdVariable + "`", "`" + CredentialNames.DefaultSecretVariable + "`"),
            new DocumentedFixTitle(RuleIds.HardcodedCredential, UseBackendToken, "client code, the value written into a request's Authorization value"),
            new DocumentedFixTitle(RuleIds.HardcodedCredential, RemoveFromClient, "client code"),
            new DocumentedFixTitle(RuleIds.BasicAuthInClient, UseBackendToken, string.Empty),
            new DocumentedFixTitle(RuleIds.RealtimeKeyOnNonRealtimeApi, UseStandardKey, string.Empty, "`" + CredentialNames.DefaultApiKeyVariable + "` or the standard configuration key"),
            new DocumentedFixTitle(RuleIds.WrongAuthorizationScheme, SendWithScheme, string.Empty, "`Basic` / `Bearer`"),
        };
    }
}
