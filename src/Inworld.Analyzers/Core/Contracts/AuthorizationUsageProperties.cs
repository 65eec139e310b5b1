using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Inworld.Analyzers.Core.Contracts
{
    /// <summary>
    /// What the INW003/INW005 analyzer tells its code fix: the replacement text (the standard key's variable or
    /// configuration key for INW003, the scheme Inworld expects for INW005) and, for INW005, whether the
    /// rewrite is allowed where the code runs.
    /// </summary>
    internal sealed class AuthorizationUsageProperties
    {
        private const string ReplacementKey = "Replacement";
        private const string FixAllowedKey = "FixAllowed";

        private AuthorizationUsageProperties(string replacement, bool fixAllowed)
        {
            Replacement = replacement;
            FixAllowed = fixAllowed;
        }

        /// <summary>The literal's new text: "INWORLD_API_KEY", "Inworld:ApiKey", "Basic", "Bearer".</summary>
        public string Replacement { get; }

        /// <summary>INW005: the scheme may be rewritten here (never Bearer → Basic in client code). Always true for INW003.</summary>
        public bool FixAllowed { get; }

        /// <summary>INW003: <paramref name="replacement"/> is null when the realtime key's source has no name to rename.</summary>
        public static ImmutableDictionary<string, string?> ForStandardKey(string? replacement)
            => ImmutableDictionary<string, string?>.Empty.Add(ReplacementKey, replacement);

        /// <summary>INW005.</summary>
        public static ImmutableDictionary<string, string?> ForScheme(string scheme, bool fixAllowed)
            => ImmutableDictionary<string, string?>.Empty
                .Add(ReplacementKey, scheme)
                .Add(FixAllowedKey, fixAllowed ? "true" : "false");

        /// <summary>False (no fix offered) when the replacement is missing or empty, or INW005's FixAllowed is missing or invalid.</summary>
        public static bool TryRead(Diagnostic diagnostic, out AuthorizationUsageProperties properties)
        {
            properties = null!;
            var values = diagnostic.Properties;
            if (!values.TryGetValue(ReplacementKey, out var replacement) || string.IsNullOrEmpty(replacement))
            {
                return false;
            }

            var fixAllowed = true;
            if (diagnostic.Id == RuleIds.WrongAuthorizationScheme && !HardcodedCredentialProperties.TryReadBool(values, FixAllowedKey, out fixAllowed))
            {
                return false;
            }

            properties = new AuthorizationUsageProperties(replacement!, fixAllowed);
            return true;
        }
    }
}
