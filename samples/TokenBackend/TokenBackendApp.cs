using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inworld.Samples.TokenBackend
{
    /// <summary>
    /// A token backend for Inworld clients (browser, mobile, Unity, desktop). The Inworld API key — or its key id
    /// and secret — stays on this server, read from the environment; clients get only short-lived tokens:
    /// <list type="bullet">
    /// <item><c>POST /token</c>: a one-time token for TTS, STT and LLM (one request or connection).</item>
    /// <item><c>POST /session-token</c>: a Realtime session token (multi-use, a few hours).</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// <para>
    /// Out of scope of this sample, required in a real deployment: authenticate your own users (cookie, OAuth,
    /// your game's login...) before minting anything — for example with <c>.RequireAuthorization()</c> on both
    /// endpoints — and rate-limit per user. As written, anyone who can reach the backend can mint tokens on your
    /// Inworld account.
    /// </para>
    /// <para>
    /// Client side: ask this backend for a token, cache it, and ask again about 60 s before <c>expiresAt</c> and
    /// whenever Inworld answers 401 or 403. A one-time token serves exactly one request or connection, so fetch
    /// one per call; never put the API key, key id or secret in the client.
    /// </para>
    /// </remarks>
    public static class TokenBackendApp
    {
        /// <summary>The default lifetime of a one-time token, in seconds.</summary>
        public const int DefaultTtlSeconds = 300;

        /// <summary>The longest one-time token lifetime Inworld accepts, in seconds.</summary>
        public const int MaxTtlSeconds = 3600;

        private const int MaxRequestBodyBytes = 4096;

        private const string ClientCorsPolicy = "InworldClients";

        /// <summary>
        /// Builds the backend. Configuration: <c>INWORLD_API_KEY</c>, or <c>INWORLD_KEY</c> + <c>INWORLD_SECRET</c>;
        /// <c>INWORLD_WORKSPACE</c>; <c>Inworld:BaseUrl</c> (default https://api.inworld.ai);
        /// <c>Inworld:TimeoutSeconds</c> (default 10); <c>Cors:AllowedOrigins</c> (default: the BlazorClient sample's
        /// development origins).
        /// </summary>
        /// <param name="args">Command-line arguments.</param>
        /// <param name="configure">Runs before the configuration is read: tests add settings, loggers or a test server here.</param>
        /// <exception cref="TokenBackendConfigurationException">No usable credential or setting; the message names what to set.</exception>
        public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
        {
            var builder = WebApplication.CreateBuilder(args);
            configure?.Invoke(builder);

            // Fail fast: a backend that cannot mint tokens should not start.
            var options = TokenBackendOptions.FromConfiguration(builder.Configuration);

            builder.Services.AddSingleton(options);

            // Browser clients on other origins (a Blazor WebAssembly or JavaScript app) may call the endpoints: only the
            // configured origins, never a wildcard (the response carries a token). Authorization is allowed for the
            // client's own sign-in token; cookies only when Cors:AllowCredentials says so.
            builder.Services.AddCors(cors => cors.AddPolicy(ClientCorsPolicy, policy =>
            {
                policy.WithOrigins([.. options.AllowedOrigins]).WithMethods("POST").WithHeaders("Content-Type", "Authorization");
                if (options.AllowCredentials)
                {
                    policy.AllowCredentials();
                }
            }));
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services
                .AddHttpClient<InworldTokenClient>(http =>
                {
                    http.Timeout = options.Timeout;
                    http.MaxResponseContentBufferSize = 64 * 1024;
                })
                // The IW1 header carries the key id, the Basic header the key: never log header values, even at Trace.
                .RedactLoggedHeaders(_ => true);

            var app = builder.Build();
            app.Logger.LogInformation("Inworld token backend: credentials from {Source}, Inworld at {BaseUrl}.",
                options.Credentials.Source, options.BaseUri.GetLeftPart(UriPartial.Authority));
            if (!options.Credentials.CanSign)
            {
                app.Logger.LogWarning(
                    "POST /session-token is disabled: set {KeyIdVariable} and {SecretVariable}, or an {ApiKeyVariable} that decodes to key:secret.",
                    InworldCredentials.KeyIdVariable, InworldCredentials.SecretVariable, InworldCredentials.ApiKeyVariable);
            }

            app.Logger.LogInformation("Browser clients allowed from: {Origins}.",
                options.AllowedOrigins.Count == 0 ? "none" : string.Join(", ", options.AllowedOrigins));
            app.UseCors();

            // Authenticate your own users here before these endpoints (out of scope of the sample, see remarks).
            app.MapPost("/token", MintOneTimeTokenAsync).RequireCors(ClientCorsPolicy);
            app.MapPost("/session-token", GenerateSessionTokenAsync).RequireCors(ClientCorsPolicy);
            return app;
        }

        private static async Task<IResult> MintOneTimeTokenAsync(HttpRequest request, InworldTokenClient inworld, CancellationToken cancellationToken)
        {
            var (body, error) = await ReadOptionalJsonObjectAsync(request, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            var ttlSeconds = DefaultTtlSeconds;
            if (body?["ttlSeconds"] is { } ttlNode &&
                !(ttlNode is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out ttlSeconds) && ttlSeconds is >= 1 and <= MaxTtlSeconds))
            {
                return InworldTokenClient.Error(StatusCodes.Status400BadRequest, $"ttlSeconds must be a whole number from 1 to {MaxTtlSeconds}.");
            }

            return await inworld.MintOneTimeTokenAsync(ttlSeconds, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<IResult> GenerateSessionTokenAsync(
            HttpRequest request, InworldTokenClient inworld, TokenBackendOptions options, CancellationToken cancellationToken)
        {
            var (body, error) = await ReadOptionalJsonObjectAsync(request, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            // The workspace comes from INWORLD_WORKSPACE; a client may name another one. A real deployment checks that
            // the signed-in user may use it (or drops this override).
            var workspace = options.DefaultWorkspace;
            if (body?["workspace"] is { } workspaceNode)
            {
                workspace = workspaceNode is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
                if (!Workspace.IsValid(workspace))
                {
                    return InworldTokenClient.Error(StatusCodes.Status400BadRequest,
                        $"workspace must be a workspace id of 1 to {Workspace.MaxLength} letters, digits, '-' or '_'.");
                }
            }

            if (workspace is null)
            {
                return InworldTokenClient.Error(StatusCodes.Status400BadRequest,
                    $"No workspace: pass {{\"workspace\": \"<id>\"}} or set {Workspace.Variable} on the server.");
            }

            return await inworld.GenerateSessionTokenAsync(workspace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>An empty body is fine; anything else must be a small JSON object.</summary>
        private static async Task<(JsonObject? Body, IResult? Error)> ReadOptionalJsonObjectAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            if (request.ContentLength == 0)
            {
                return (null, null);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxRequestBodyBytes)
                {
                    return (null, InworldTokenClient.Error(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {MaxRequestBodyBytes} bytes."));
                }
            }

            var bytes = buffer.ToArray();
            if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return (null, null);
            }

            try
            {
                return JsonNode.Parse(bytes) is JsonObject body
                    ? (body, null)
                    : (null, InworldTokenClient.Error(StatusCodes.Status400BadRequest, "The request body must be a JSON object."));
            }
            catch (JsonException)
            {
                return (null, InworldTokenClient.Error(StatusCodes.Status400BadRequest, "The request body is not valid JSON."));
            }
        }
    }
}
