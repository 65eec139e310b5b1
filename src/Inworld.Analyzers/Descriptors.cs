using Microsoft.CodeAnalysis;

namespace Inworld.Analyzers
{
    /// <summary>Rule ids, in one place so analyzers, fixers, props and docs agree.</summary>
    public static class RuleIds
    {
        public const string HardcodedCredential = "INW001";
        public const string BasicAuthInClient = "INW002";
        public const string RealtimeKeyOnNonRealtimeApi = "INW003";
        public const string ShippedFileCredential = "INW004";
        public const string WrongAuthorizationScheme = "INW005";
        public const string InvalidOption = "INW900";
    }

    /// <summary>Every diagnostic the package reports.</summary>
    internal static class Descriptors
    {
        private const string HelpLinkBase = "https://github.com/inworld-analyzers/Inworld.Analyzers/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor HardcodedCredential = new DiagnosticDescriptor(
            RuleIds.HardcodedCredential,
            title: "Hard-coded Inworld credential",
            messageFormat: "{0} hard-coded in {1} ({2}); read it from the environment or configuration at run time",
            category: "Security",
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "An Inworld API key is base64(keyId:secret) and grants full access to the account. Anything hard-coded ends up in source control, build logs and shipped binaries.",
            helpLinkUri: HelpLinkBase + RuleIds.HardcodedCredential + ".md");

        public static readonly DiagnosticDescriptor BasicAuthInClient = new DiagnosticDescriptor(
            RuleIds.BasicAuthInClient,
            title: "Basic authentication in a client-side project",
            messageFormat: "{0} in client-side code ({1}): the Inworld key ships with every copy of the app; get a short-lived token from your backend and send it as Bearer",
            category: "Security",
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Inworld API keys and secrets belong on servers. A client (game, browser, mobile or desktop app) asks its own backend for a short-lived token and sends Authorization: Bearer <token>.",
            helpLinkUri: HelpLinkBase + RuleIds.BasicAuthInClient + ".md");

        public static readonly DiagnosticDescriptor RealtimeKeyOnNonRealtimeApi = new DiagnosticDescriptor(
            RuleIds.RealtimeKeyOnNonRealtimeApi,
            title: "Realtime-only key used against a non-realtime Inworld API",
            messageFormat: "Realtime-only key from {0} is sent to the Inworld {1} API, which refuses Realtime-only keys; use {2}",
            category: "Usage",
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Inworld keys are Standard or Realtime-only, fixed at creation. A Realtime-only key works only for the Realtime API (WebSocket and WebRTC sessions); TTS, STT, LLM, Voice, Router and the token mint refuse it at run time.",
            helpLinkUri: HelpLinkBase + RuleIds.RealtimeKeyOnNonRealtimeApi + ".md");

        public static readonly DiagnosticDescriptor WrongAuthorizationScheme = new DiagnosticDescriptor(
            RuleIds.WrongAuthorizationScheme,
            title: "Wrong Authorization scheme for Inworld",
            messageFormat: "{0} from {1} is sent with the {2} scheme; Inworld expects {3}",
            category: "Usage",
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Inworld takes API keys as 'Authorization: Basic <key>' (servers only) and tokens as 'Authorization: Bearer <token>'. A key sent as Bearer, or a token sent as Basic, is refused with 401/403.",
            helpLinkUri: HelpLinkBase + RuleIds.WrongAuthorizationScheme + ".md");

        public static readonly DiagnosticDescriptor ShippedFileCredential = new DiagnosticDescriptor(
            RuleIds.ShippedFileCredential,
            title: "Inworld credential in a shipped file",
            messageFormat: "{0} stored in {1} of shipped file '{2}' ({3}); {4}",
            category: "Security",
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Settings files (appsettings*.json, .env, *.config) and Unity assets, prefabs and scenes are copied into the app or game build. An Inworld credential in them is shipped to every user.",
            helpLinkUri: HelpLinkBase + RuleIds.ShippedFileCredential + ".md",
            customTags: "CompilationEnd");

        public static readonly DiagnosticDescriptor InvalidOption = new DiagnosticDescriptor(
            RuleIds.InvalidOption,
            title: "Invalid Inworld.Analyzers option",
            // {1} says what is wrong: "has an invalid value 'x': expected ...; using '...'", "is not an Inworld.Analyzers option ...".
            messageFormat: "Option '{0}' {1}",
            category: "Configuration",
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "An Inworld.Analyzers option in .editorconfig, a global config or MSBuild that cannot be used: a malformed value (the default is used), a key that is not an option, or an option placed where the compiler ignores it.",
            helpLinkUri: HelpLinkBase + RuleIds.InvalidOption + ".md",
            customTags: "CompilationEnd");

        /// <summary>
        /// INW001 in code that runs on users' devices: the same rule (id, title, category, severity, description and
        /// help link) with a message that says the key has already shipped and must be rotated, since reading it from
        /// the environment is no fix there. Same arguments as <see cref="HardcodedCredential"/>. A message variant, not
        /// a rule of its own: a property, where the rules are fields (the docs, the README rules table and the CI gate
        /// are generated from those fields), and in no analyzer's SupportedDiagnostics (the host accepts a diagnostic by
        /// its id).
        /// </summary>
        public static DiagnosticDescriptor HardcodedCredentialInClient { get; } = new DiagnosticDescriptor(
            RuleIds.HardcodedCredential,
            title: HardcodedCredential.Title,
            messageFormat: "{0} hard-coded in {1} ({2}) in client-side code: it has shipped with the app and anyone can extract it; rotate the key and get a short-lived token from your backend",
            category: HardcodedCredential.Category,
            defaultSeverity: HardcodedCredential.DefaultSeverity,
            isEnabledByDefault: true,
            description: HardcodedCredential.Description,
            helpLinkUri: HardcodedCredential.HelpLinkUri);
    }
}
