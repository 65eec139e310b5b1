using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Core
{
    /// <summary>A configuration value that could not be used, kept to report it once.</summary>
    internal readonly struct InvalidOption
    {
        public InvalidOption(string key, string value, string expected, string fallback)
        {
            Key = key;
            Value = value;
            Expected = expected;
            Fallback = fallback;
        }

        public string Key { get; }
        public string Value { get; }
        public string Expected { get; }
        public string Fallback { get; }
    }

    /// <summary>
    /// The package's .editorconfig / global config options, parsed and validated in one place.
    /// A malformed value never throws: it falls back to the default and is listed in <see cref="Problems"/>.
    /// </summary>
    internal sealed class InworldOptions
    {
        public const string Prefix = "inworld_analyzers.";
        public const string ApiKeyVariableKey = Prefix + "api_key_env_var";
        public const string KeyIdVariableKey = Prefix + "key_id_env_var";
        public const string SecretVariableKey = Prefix + "secret_env_var";
        public const string ProjectKindKey = Prefix + "project_kind";
        public const string BasicAuthScopeKey = Prefix + "basic_auth_scope";
        public const string TokenEndpointKey = Prefix + "token_endpoint";

        public static readonly IReadOnlyList<string> KnownKeys = new[] { ApiKeyVariableKey, KeyIdVariableKey, SecretVariableKey, ProjectKindKey, BasicAuthScopeKey, TokenEndpointKey, Prefix + "realtime_key_patterns", Prefix + "realtime_key_sources" };

        public static readonly InworldOptions Default = new InworldOptions(
            CredentialNames.DefaultApiKeyVariable, CredentialNames.DefaultKeyIdVariable, CredentialNames.DefaultSecretVariable, new InvalidOption[0]);

        private InworldOptions(string apiKeyVariable, string keyIdVariable, string secretVariable, IReadOnlyList<InvalidOption> problems, bool basicAuthAnyHost = false)
        {
            ApiKeyVariable = apiKeyVariable;
            KeyIdVariable = keyIdVariable;
            SecretVariable = secretVariable;
            Problems = problems;
            BasicAuthAnyHost = basicAuthAnyHost;
        }

        /// <summary>INW002 scope: false (default, "inworld") for Inworld requests only; true ("any") for every Basic credential.</summary>
        public bool BasicAuthAnyHost { get; }

        /// <summary>Environment variable the code fix reads the API key from.</summary>
        public string ApiKeyVariable { get; }

        /// <summary>Environment variable the code fix reads a key id from.</summary>
        public string KeyIdVariable { get; }

        /// <summary>Environment variable the code fix reads a secret from.</summary>
        public string SecretVariable { get; }

        public IReadOnlyList<InvalidOption> Problems { get; }

        public string VariableFor(CredentialKind kind)
        {
            switch (kind)
            {
                case CredentialKind.KeyId: return KeyIdVariable;
                case CredentialKind.Secret: return SecretVariable;
                default: return ApiKeyVariable;
            }
        }

        public static InworldOptions Read(AnalyzerConfigOptions options)
        {
            List<InvalidOption>? problems = null;
            var apiKey = ReadVariableName(options, ApiKeyVariableKey, CredentialNames.DefaultApiKeyVariable, ref problems);
            var keyId = ReadVariableName(options, KeyIdVariableKey, CredentialNames.DefaultKeyIdVariable, ref problems);
            var secret = ReadVariableName(options, SecretVariableKey, CredentialNames.DefaultSecretVariable, ref problems);

            foreach (var key in new[] { ProjectKindKey, ProjectKinds.OverrideKey })
            {
                if (options.TryGetValue(key, out var kind) && kind != null && !ProjectKinds.TryParse(kind, out _))
                {
                    var name = key == ProjectKinds.OverrideKey ? "InworldProjectKind (MSBuild)" : key;
                    (problems ??= new List<InvalidOption>()).Add(new InvalidOption(name, kind.Trim(), "auto, client or server", "auto"));
                }
            }

            var anyHost = false;
            if (options.TryGetValue(BasicAuthScopeKey, out var scope) && scope != null)
            {
                var trimmed = scope.Trim().ToLowerInvariant();
                if (trimmed == "any")
                {
                    anyHost = true;
                }
                else if (trimmed != "inworld")
                {
                    (problems ??= new List<InvalidOption>()).Add(new InvalidOption(BasicAuthScopeKey, scope.Trim(), "inworld or any", "inworld"));
                }
            }

            if (options.TryGetValue(TokenEndpointKey, out var endpoint) && endpoint != null &&
                !(Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")))
            {
                (problems ??= new List<InvalidOption>()).Add(new InvalidOption(TokenEndpointKey, endpoint.Trim(), "an absolute http(s) URL of your backend's token endpoint", "https://localhost:5001/token"));
            }

            if (problems == null && !anyHost &&
                apiKey == Default.ApiKeyVariable && keyId == Default.KeyIdVariable && secret == Default.SecretVariable)
            {
                return Default;
            }

            return new InworldOptions(apiKey, keyId, secret, (IReadOnlyList<InvalidOption>?)problems ?? new InvalidOption[0], anyHost);
        }

        private static string ReadVariableName(AnalyzerConfigOptions options, string key, string fallback, ref List<InvalidOption>? problems)
        {
            if (!options.TryGetValue(key, out var raw) || raw == null)
            {
                return fallback;
            }

            var value = raw.Trim();
            if (IsEnvironmentVariableName(value))
            {
                return value;
            }

            (problems ??= new List<InvalidOption>()).Add(new InvalidOption(
                key, value, "an environment variable name: a letter or '_' followed by letters, digits or '_'", fallback));
            return fallback;
        }

        /// <summary>Portable environment variable names; the code fix writes the name into a C# string literal.</summary>
        public static bool IsEnvironmentVariableName(string value)
        {
            if (value.Length == 0 || value.Length > 128)
            {
                return false;
            }

            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                var ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
