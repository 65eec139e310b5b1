using System;

namespace Inworld.Analyzers.Core
{
    /// <summary>Which credential a name (symbol, environment variable, configuration key) is meant to hold.</summary>
    internal enum CredentialNameKind
    {
        None = 0,
        ApiKey,
        KeyId,
        Secret,
    }

    /// <summary>
    /// Recognises names that hold Inworld credentials: a name containing "inworld" and "key" or "secret"
    /// (inworldApiSecret, INWORLD_KEY, "Inworld:ApiKey"), or a key/secret member of an Inworld-named type
    /// (InworldSettings.ApiKey, new InworldClient(apiKey: ...)).
    /// </summary>
    internal static class CredentialNames
    {
        /// <summary>Canonical environment variables (see docs/inworld-auth.md).</summary>
        public const string DefaultApiKeyVariable = "INWORLD_API_KEY";
        public const string DefaultKeyIdVariable = "INWORLD_KEY";
        public const string DefaultSecretVariable = "INWORLD_SECRET";

        private static readonly string[] NotCredentialKeyWords =
        {
            "keyword", "keyboard", "keyframe", "keycode", "keypath", "keyname", "keyfile", "keystore", "hotkey", "monkey", "turnkey", "keypad", "keystroke",
        };

        /// <summary>Words that name an API key whatever the service: a request to Inworld makes such a source Inworld's key.</summary>
        private static readonly string[] UnscopedApiKeyWords = { "apikey", "api_key", "api-key", "base64credentials", "base64_credentials" };

        /// <summary>Words that name an API key (the Base64 "Basic" credential) in an Inworld-named source.</summary>
        private static readonly string[] ApiKeyWords = { "apikey", "api_key", "api-key", "credential", "base64", "authorization" };

        private static readonly string[] TokenWords = { "token", "jwt" };

        private static readonly string[] KeyIdWords = { "keyid", "key_id", "key-id" };

        public static CredentialNameKind Classify(string? name, string? containerName = null)
        {
            if (name == null || name.Length < 3)
            {
                return CredentialNameKind.None;
            }

            var inworldContext = ContainsInworld(name) || (containerName != null && ContainsInworld(containerName));
            if (!inworldContext)
            {
                return CredentialNameKind.None;
            }

            if (Contains(name, "secret"))
            {
                return CredentialNameKind.Secret;
            }

            foreach (var word in ApiKeyWords)
            {
                if (Contains(name, word))
                {
                    return CredentialNameKind.ApiKey;
                }
            }

            foreach (var word in KeyIdWords)
            {
                if (Contains(name, word))
                {
                    return CredentialNameKind.KeyId;
                }
            }

            if (!Contains(name, "key"))
            {
                return CredentialNameKind.None;
            }

            foreach (var word in NotCredentialKeyWords)
            {
                if (Contains(name, word))
                {
                    return CredentialNameKind.None;
                }
            }

            return CredentialNameKind.KeyId;
        }

        /// <summary>
        /// A source (variable, member, setting, environment variable) whose name says it holds an Inworld credential:
        /// INWORLD_API_KEY, inworldSecret, Inworld:KeyId. What INW001 reports values for, and what makes Basic
        /// authentication Inworld's for INW002.
        /// </summary>
        public static bool IsInworldCredentialName(string? name) => Classify(name) != CredentialNameKind.None;

        /// <summary>
        /// A source whose name says it holds an API key, sent as "Basic &lt;key&gt;": an Inworld API key name, or an
        /// unscoped one (apiKey, API_KEY, base64Credentials) whose request decides the service. A token is never one.
        /// </summary>
        public static bool IsApiKeyName(string name)
        {
            if (IsTokenName(name))
            {
                return false;
            }

            if (Classify(name) == CredentialNameKind.ApiKey)
            {
                return true;
            }

            foreach (var word in UnscopedApiKeyWords)
            {
                if (Contains(name, word))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A name that holds a token (sent as "Bearer"): "token", "jwt".</summary>
        public static bool IsTokenName(string name)
        {
            foreach (var word in TokenWords)
            {
                if (Contains(name, word))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Does <paramref name="value"/> have the shape a value stored under such a name would have?</summary>
        public static bool ValueFitsName(CredentialNameKind nameKind, string value, bool isEnvironmentOrConfiguration)
        {
            switch (nameKind)
            {
                case CredentialNameKind.Secret:
                    return CredentialShape.LooksLikeSecret(value) ||
                           (isEnvironmentOrConfiguration && value.Trim().Length >= CredentialShape.MinSecretLength && CredentialShape.LooksLikeCredentialToken(value));
                case CredentialNameKind.ApiKey:
                case CredentialNameKind.KeyId:
                    return CredentialShape.LooksLikeKeyId(value) ||
                           (isEnvironmentOrConfiguration && CredentialShape.LooksLikeCredentialToken(value));
                default:
                    return false;
            }
        }

        public static CredentialKind ToCredentialKind(CredentialNameKind nameKind)
        {
            switch (nameKind)
            {
                case CredentialNameKind.Secret: return CredentialKind.Secret;
                case CredentialNameKind.KeyId: return CredentialKind.KeyId;
                case CredentialNameKind.ApiKey: return CredentialKind.ApiKey;
                default: return CredentialKind.None;
            }
        }

        public static string Describe(CredentialKind kind)
        {
            switch (kind)
            {
                case CredentialKind.ApiKey: return "Inworld API key";
                case CredentialKind.RawKeyPair: return "Inworld key id and secret";
                case CredentialKind.KeyId: return "Inworld key id";
                case CredentialKind.Secret: return "Inworld secret";
                default: return "Inworld credential";
            }
        }

        /// <summary>The subject of a finding's sentence with its verb: "Inworld API key is", "Inworld key id and secret are".</summary>
        public static string DescribeAsSubject(CredentialKind kind)
            => Describe(kind) + (kind == CredentialKind.RawKeyPair ? " are" : " is");

        private static bool Contains(string haystack, string needle) => haystack.IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// Contains(name, "inworld"), by hand: every destination name of every string the rules look at goes
        /// through here and almost none matches, so the common answer must be one pass with no call setup.
        /// Folding ASCII letters is the whole of an ordinal case-insensitive match here: no other character
        /// folds to a letter of "inworld" (a test checks dotless and dotted i, among others).
        /// </summary>
        internal static bool ContainsInworld(string name)
        {
            const string Word = "inworld";
            for (var i = 0; i + Word.Length <= name.Length; i++)
            {
                if ((name[i] | 0x20) != 'i')
                {
                    continue;
                }

                var j = 1;
                while (j < Word.Length && (name[i + j] | 0x20) == Word[j])
                {
                    j++;
                }

                if (j == Word.Length)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
