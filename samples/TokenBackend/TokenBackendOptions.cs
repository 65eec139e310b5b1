using System.Globalization;
using System.Text;

namespace Inworld.Samples.TokenBackend
{
    /// <summary>
    /// Thrown at startup when the configuration cannot work (no credential, a half-set key pair, a bad base URL).
    /// The message names the variables to set and never contains their values.
    /// </summary>
    public sealed class TokenBackendConfigurationException : InvalidOperationException
    {
        /// <summary>Creates the exception with a message that names settings, never their values.</summary>
        /// <param name="message">What to set.</param>
        public TokenBackendConfigurationException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// The server's Inworld credentials, read from configuration (environment variables in a deployment).
    /// ToString never shows them.
    /// </summary>
    internal sealed class InworldCredentials
    {
        public const string ApiKeyVariable = "INWORLD_API_KEY";
        public const string KeyIdVariable = "INWORLD_KEY";
        public const string SecretVariable = "INWORLD_SECRET";

        private InworldCredentials(string basicKey, string? keyId, string? secret, string source)
        {
            BasicKey = basicKey;
            KeyId = keyId;
            Secret = secret;
            Source = source;
        }

        /// <summary>The Base64 API key sent after <c>Basic </c> for one-time tokens.</summary>
        public string BasicKey { get; }

        /// <summary>The key id for the IW1 signature, or null when it is unknown.</summary>
        public string? KeyId { get; }

        /// <summary>The secret for the IW1 signature, or null when it is unknown.</summary>
        public string? Secret { get; }

        /// <summary>Where the credentials came from, by variable name only (for the startup log).</summary>
        public string Source { get; }

        public bool CanSign => KeyId is not null && Secret is not null;

        public override string ToString() => $"Inworld credentials from {Source} (values redacted)";

        public static InworldCredentials FromConfiguration(IConfiguration configuration)
        {
            var apiKey = Read(configuration, ApiKeyVariable);
            var keyId = Read(configuration, KeyIdVariable);
            var secret = Read(configuration, SecretVariable);

            if ((keyId is null) != (secret is null))
            {
                throw new TokenBackendConfigurationException(
                    $"{KeyIdVariable} and {SecretVariable} must be set together (the key id and the secret of one Inworld API key). " +
                    $"Alternatively set only {ApiKeyVariable} to the Portal's Base64 key.");
            }

            if (apiKey is null && keyId is null)
            {
                throw new TokenBackendConfigurationException(
                    $"No Inworld credential is configured. Set the environment variable {ApiKeyVariable} to the Portal's Base64 API key, " +
                    $"or {KeyIdVariable} and {SecretVariable} to its key id and secret ({Workspace.Variable} is also needed for session tokens). " +
                    "Never put the key in source code or in a file that ships with a client.");
            }

            if (apiKey is not null)
            {
                // Some people paste the whole header value; accept it, send the key alone.
                if (apiKey.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
                {
                    apiKey = apiKey["Basic ".Length..].Trim();
                }

                if (!IsHeaderToken(apiKey))
                {
                    throw new TokenBackendConfigurationException(
                        $"{ApiKeyVariable} is not a valid Base64 API key (it must be one line of printable characters without spaces).");
                }
            }

            if (keyId is not null && secret is not null)
            {
                // The key id goes into a comma-separated header parameter list and into "id:secret".
                if (!IsHeaderToken(keyId) || keyId.Contains(',', StringComparison.Ordinal) || keyId.Contains(':', StringComparison.Ordinal))
                {
                    throw new TokenBackendConfigurationException($"{KeyIdVariable} is not a valid Inworld key id (printable characters without spaces, ',' or ':').");
                }

                if (!IsHeaderToken(secret))
                {
                    throw new TokenBackendConfigurationException($"{SecretVariable} is not a valid Inworld secret (printable characters without spaces).");
                }

                var basic = apiKey ?? Convert.ToBase64String(Encoding.UTF8.GetBytes(keyId + ":" + secret));
                var source = apiKey is null ? $"{KeyIdVariable} + {SecretVariable}" : $"{ApiKeyVariable} (Basic) and {KeyIdVariable} + {SecretVariable} (signing)";
                return new InworldCredentials(basic, keyId, secret, source);
            }

            // Only the Base64 key: it decodes to "keyId:secret", which the IW1 signature needs.
            return TryDecode(apiKey!, out var decodedId, out var decodedSecret)
                ? new InworldCredentials(apiKey!, decodedId, decodedSecret, ApiKeyVariable)
                : new InworldCredentials(apiKey!, null, null, ApiKeyVariable);
        }

        private static bool TryDecode(string apiKey, out string? keyId, out string? secret)
        {
            keyId = null;
            secret = null;
            var buffer = new byte[apiKey.Length];
            if (!Convert.TryFromBase64String(apiKey, buffer, out var written))
            {
                return false;
            }

            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
            finally
            {
                Array.Clear(buffer);
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == decoded.Length - 1)
            {
                return false;
            }

            var id = decoded[..colon];
            var rest = decoded[(colon + 1)..];
            if (!IsHeaderToken(id) || id.Contains(',', StringComparison.Ordinal) || !IsHeaderToken(rest))
            {
                return false;
            }

            keyId = id;
            secret = rest;
            return true;
        }

        private static string? Read(IConfiguration configuration, string name)
        {
            var value = configuration[name]?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        private static bool IsHeaderToken(string value) => value.Length > 0 && value.All(c => c > ' ' && c < '\u007f');
    }

    /// <summary>Workspace ids: letters, digits, '-' and '_'.</summary>
    internal static class Workspace
    {
        public const string Variable = "INWORLD_WORKSPACE";
        public const int MaxLength = 128;

        public static bool IsValid(string? id) =>
            !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    /// <summary>Everything the backend needs, resolved and validated once at startup.</summary>
    internal sealed class TokenBackendOptions
    {
        public const string BaseUrlKey = "Inworld:BaseUrl";
        public const string TimeoutKey = "Inworld:TimeoutSeconds";
        public const string DefaultBaseUrl = "https://api.inworld.ai";
        public const double DefaultTimeoutSeconds = 10;

        private TokenBackendOptions(Uri baseUri, TimeSpan timeout, InworldCredentials credentials, string? defaultWorkspace)
        {
            BaseUri = baseUri;
            Timeout = timeout;
            Credentials = credentials;
            DefaultWorkspace = defaultWorkspace;
        }

        /// <summary>The Inworld base URL, always ending in '/'.</summary>
        public Uri BaseUri { get; }

        public TimeSpan Timeout { get; }

        public InworldCredentials Credentials { get; }

        public string? DefaultWorkspace { get; }

        public static TokenBackendOptions FromConfiguration(IConfiguration configuration)
        {
            var baseUrl = configuration[BaseUrlKey]?.Trim();
            if (string.IsNullOrEmpty(baseUrl))
            {
                baseUrl = DefaultBaseUrl;
            }

            if (!Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out var baseUri) ||
                (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp) ||
                !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment) || !string.IsNullOrEmpty(baseUri.UserInfo))
            {
                throw new TokenBackendConfigurationException($"{BaseUrlKey} must be an absolute http(s) URL without query or user info, such as {DefaultBaseUrl}.");
            }

            var timeoutSeconds = DefaultTimeoutSeconds;
            var timeoutText = configuration[TimeoutKey]?.Trim();
            if (!string.IsNullOrEmpty(timeoutText) &&
                (!double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out timeoutSeconds) || !(timeoutSeconds > 0 && timeoutSeconds <= 300)))
            {
                throw new TokenBackendConfigurationException($"{TimeoutKey} must be a number of seconds greater than 0 and at most 300.");
            }

            var workspace = configuration[Workspace.Variable]?.Trim();
            if (string.IsNullOrEmpty(workspace))
            {
                workspace = null;
            }
            else if (!Workspace.IsValid(workspace))
            {
                throw new TokenBackendConfigurationException(
                    $"{Workspace.Variable} must be a workspace id of letters, digits, '-' and '_' (the part after \"workspaces/\").");
            }

            return new TokenBackendOptions(baseUri, TimeSpan.FromSeconds(timeoutSeconds), InworldCredentials.FromConfiguration(configuration), workspace);
        }
    }
}
