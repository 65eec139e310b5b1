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

    /// <summary>
    /// The browser origins allowed to call the token endpoints (CORS). Only listed origins get
    /// <c>Access-Control-Allow-Origin</c>; there is no wildcard, and no credentials (cookies) are allowed cross-origin.
    /// </summary>
    internal static class ClientOrigins
    {
        public const string Key = "Cors:AllowedOrigins";
        public const string CredentialsKey = "Cors:AllowCredentials";

        /// <summary>
        /// Reads <c>Cors:AllowCredentials</c> (default false): true lets the listed origins send cookies, for clients
        /// whose users sign in to this backend with a cookie. Origins are always listed, never a wildcard.
        /// </summary>
        public static bool AllowCredentialsFromConfiguration(IConfiguration configuration)
        {
            var text = configuration[CredentialsKey]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            return bool.TryParse(text, out var allow)
                ? allow
                : throw new TokenBackendConfigurationException($"{CredentialsKey} must be true or false.");
        }

        /// <summary>
        /// The BlazorClient sample's development origins (samples/BlazorClient/Properties/launchSettings.json), so
        /// that sample and this backend work together out of the box. A deployment lists its own client origins.
        /// </summary>
        public static readonly IReadOnlyList<string> Defaults = ["https://localhost:7001", "http://localhost:7000"];

        /// <summary>
        /// Reads <c>Cors:AllowedOrigins</c>: an array (<c>Cors__AllowedOrigins__0=...</c>) or one string of origins
        /// separated by ';' or ','. Unset means <see cref="Defaults"/>; an empty string means no browser client.
        /// </summary>
        public static IReadOnlyList<string> FromConfiguration(IConfiguration configuration)
        {
            var section = configuration.GetSection(Key);
            IEnumerable<string?> values;
            if (section.Value is not null)
            {
                values = section.Value.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
            else
            {
                var children = section.GetChildren().ToList();
                if (children.Count == 0)
                {
                    return Defaults;
                }

                values = children.Select(child => child.Value?.Trim()).Where(value => !string.IsNullOrEmpty(value));
            }

            var origins = new List<string>();
            foreach (var value in values)
            {
                var origin = Normalize(value!);
                if (!origins.Contains(origin, StringComparer.Ordinal))
                {
                    origins.Add(origin);
                }
            }

            return origins;
        }

        /// <summary>An origin is scheme://host[:port], nothing else; it is compared as the browser sends it.</summary>
        private static string Normalize(string value)
        {
            if (value.Contains('*', StringComparison.Ordinal))
            {
                throw new TokenBackendConfigurationException(
                    $"{Key} must list each client origin (such as https://app.example.com); a wildcard would let every web site mint tokens from its visitors' browsers.");
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) ||
                (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) ||
                !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) ||
                uri.AbsolutePath != "/")
            {
                throw new TokenBackendConfigurationException(
                    $"{Key} entries must be origins: scheme, host and optional port, without a path (such as https://app.example.com or http://localhost:7000).");
            }

            // The browser's Origin header is lowercase scheme and host, and has no default port.
            return uri.GetLeftPart(UriPartial.Authority);
        }
    }

    /// <summary>Everything the backend needs, resolved and validated once at startup.</summary>
    internal sealed class TokenBackendOptions
    {
        public const string BaseUrlKey = "Inworld:BaseUrl";
        public const string TimeoutKey = "Inworld:TimeoutSeconds";
        public const string DefaultBaseUrl = "https://api.inworld.ai";
        public const double DefaultTimeoutSeconds = 10;

        private TokenBackendOptions(
            Uri baseUri, TimeSpan timeout, InworldCredentials credentials, string? defaultWorkspace, IReadOnlyList<string> allowedOrigins, bool allowCredentials)
        {
            AllowCredentials = allowCredentials;
            BaseUri = baseUri;
            Timeout = timeout;
            Credentials = credentials;
            DefaultWorkspace = defaultWorkspace;
            AllowedOrigins = allowedOrigins;
        }

        /// <summary>The Inworld base URL, always ending in '/'.</summary>
        public Uri BaseUri { get; }

        public TimeSpan Timeout { get; }

        public InworldCredentials Credentials { get; }

        public string? DefaultWorkspace { get; }

        /// <summary>The browser origins the CORS policy allows, normalized (see <see cref="ClientOrigins"/>).</summary>
        public IReadOnlyList<string> AllowedOrigins { get; }

        /// <summary>Whether the allowed origins may send credentials (cookies); see <see cref="ClientOrigins.CredentialsKey"/>.</summary>
        public bool AllowCredentials { get; }

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

            var allowedOrigins = ClientOrigins.FromConfiguration(configuration);
            var allowCredentials = ClientOrigins.AllowCredentialsFromConfiguration(configuration);
            return new TokenBackendOptions(
                baseUri, TimeSpan.FromSeconds(timeoutSeconds), InworldCredentials.FromConfiguration(configuration), workspace, allowedOrigins, allowCredentials);
        }
    }
}
