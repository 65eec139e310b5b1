using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inworld.Samples.TokenBackend
{
    /// <summary>
    /// Calls Inworld's token endpoints with the server's credentials and turns every answer into the response the
    /// backend's client gets. Nothing it logs or returns contains the API key, the secret, the key id, the
    /// Authorization header or a minted token (the token goes only into the successful response body).
    /// </summary>
    internal sealed partial class InworldTokenClient
    {
        private readonly HttpClient _http;
        private readonly TokenBackendOptions _options;
        private readonly ILogger<InworldTokenClient> _logger;
        private readonly TimeProvider _time;

        public InworldTokenClient(HttpClient http, TokenBackendOptions options, ILogger<InworldTokenClient> logger, TimeProvider time)
        {
            _http = http;
            _options = options;
            _logger = logger;
            _time = time;
        }

        /// <summary>
        /// One-time token for TTS, STT and LLM clients: <c>POST /auth/v1/tokens</c> with <c>Basic</c> and
        /// <c>{"single_use": true, "ttl": "&lt;n&gt;s"}</c>; Inworld answers <c>{accessToken, expireTime, name, ...}</c>.
        /// </summary>
        public async Task<IResult> MintOneTimeTokenAsync(int ttlSeconds, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseUri, "auth/v1/tokens"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _options.Credentials.BasicKey);
            request.Content = JsonBody(writer =>
            {
                writer.WriteBoolean("single_use", true);
                writer.WriteString("ttl", ttlSeconds.ToString(CultureInfo.InvariantCulture) + "s");
            });

            var reply = await SendAsync(request, "one-time token", cancellationToken).ConfigureAwait(false);
            if (reply.Error is not null)
            {
                return reply.Error;
            }

            if (!TryGetString(reply.Body!, "accessToken", out var token) || !TryGetString(reply.Body!, "expireTime", out var expiresAt))
            {
                return Unexpected("one-time token", "accessToken or expireTime is missing");
            }

            LogOneTimeTokenIssued(_logger, ttlSeconds);
            return Results.Json(new OneTimeTokenResponse(token, expiresAt, SingleUse: true));
        }

        /// <summary>
        /// Realtime session token: <c>POST /v1/sessionTokens/token:generate</c> signed with IW1-HMAC-SHA256 and body
        /// <c>{"api_key": "&lt;keyId&gt;", "resource_id": "workspaces/&lt;id&gt;"}</c>; Inworld answers
        /// <c>{token, type, expirationTime, sessionId}</c>.
        /// </summary>
        public async Task<IResult> GenerateSessionTokenAsync(string workspace, CancellationToken cancellationToken)
        {
            var credentials = _options.Credentials;
            if (!credentials.CanSign)
            {
                return Error(StatusCodes.Status500InternalServerError,
                    $"Session tokens need the key id and secret: set {InworldCredentials.KeyIdVariable} and {InworldCredentials.SecretVariable}, " +
                    $"or an {InworldCredentials.ApiKeyVariable} that decodes to key:secret.");
            }

            var parameter = Iw1Signature.CreateAuthorizationParameter(
                credentials.KeyId!,
                credentials.Secret!,
                Iw1Signature.HostOf(_options.BaseUri),
                Iw1Signature.GenerateSessionTokenMethod,
                _time.GetUtcNow(),
                Iw1Signature.NewNonce());

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseUri, "v1/sessionTokens/token:generate"));
            request.Headers.Authorization = new AuthenticationHeaderValue(Iw1Signature.Scheme, parameter);
            request.Content = JsonBody(writer =>
            {
                writer.WriteString("api_key", credentials.KeyId);
                writer.WriteString("resource_id", "workspaces/" + workspace);
            });

            var reply = await SendAsync(request, "session token", cancellationToken).ConfigureAwait(false);
            if (reply.Error is not null)
            {
                return reply.Error;
            }

            if (!TryGetString(reply.Body!, "token", out var token) ||
                !TryGetString(reply.Body!, "expirationTime", out var expiresAt) ||
                !TryGetString(reply.Body!, "sessionId", out var sessionId))
            {
                return Unexpected("session token", "token, expirationTime or sessionId is missing");
            }

            LogSessionTokenIssued(_logger);
            return Results.Json(new SessionTokenResponse(token, expiresAt, sessionId));
        }

        private async Task<InworldReply> SendAsync(HttpRequestMessage request, string call, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient.Timeout elapsed (the caller is still there: its own cancellation is not set).
                LogTimeout(_logger, call, _options.Timeout.TotalSeconds);
                return new InworldReply(null, Error(StatusCodes.Status504GatewayTimeout,
                    $"Inworld did not answer in time (timeout {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)"));
            }
            catch (HttpRequestException e)
            {
                // The exception message can name the URL; log only the error category.
                LogUnreachable(_logger, call, e.HttpRequestError);
                return new InworldReply(null, Error(StatusCodes.Status502BadGateway, "Could not reach Inworld"));
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    // The key was refused: deleted, mistyped, a Realtime-only key used for a one-time token, or a
                    // clock far off for the signature. Fix the server's configuration; the client cannot.
                    LogRejected(_logger, call, status);
                    return new InworldReply(null, Error(StatusCodes.Status502BadGateway, $"Inworld rejected the server credentials ({status})"));
                }

                if (status >= 500)
                {
                    LogUnavailable(_logger, call, status);
                    return new InworldReply(null, Error(StatusCodes.Status502BadGateway, $"Inworld is unavailable ({status})"));
                }

                if (!response.IsSuccessStatusCode)
                {
                    // Inworld's error body is not forwarded: it is for the server's operator, not the client.
                    LogFailed(_logger, call, status);
                    return new InworldReply(null, Error(StatusCodes.Status502BadGateway, $"Inworld returned an error ({status})"));
                }

                try
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    if (JsonNode.Parse(text) is JsonObject body)
                    {
                        return new InworldReply(body, null);
                    }

                    return new InworldReply(null, Unexpected(call, "the body is not a JSON object"));
                }
                catch (JsonException)
                {
                    return new InworldReply(null, Unexpected(call, "the body is not valid JSON"));
                }
            }
        }

        private IResult Unexpected(string call, string reason)
        {
            LogUnexpected(_logger, call, reason);
            return Error(StatusCodes.Status502BadGateway, "Unexpected response from Inworld");
        }

        internal static IResult Error(int statusCode, string message) => Results.Json(new ErrorResponse(message), statusCode: statusCode);

        private static bool TryGetString(JsonObject body, string name, out string value)
        {
            if (body[name] is JsonValue node && node.GetValueKind() == JsonValueKind.String)
            {
                value = node.GetValue<string>();
                return value.Length > 0;
            }

            value = string.Empty;
            return false;
        }

        private static ByteArrayContent JsonBody(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }

            var content = new ByteArrayContent(buffer.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
            return content;
        }

        private sealed record InworldReply(JsonObject? Body, IResult? Error);

        [LoggerMessage(Level = LogLevel.Information, Message = "Issued a one-time token (ttl {TtlSeconds} s).")]
        private static partial void LogOneTimeTokenIssued(ILogger logger, int ttlSeconds);

        [LoggerMessage(Level = LogLevel.Information, Message = "Issued a Realtime session token.")]
        private static partial void LogSessionTokenIssued(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Inworld did not answer the {Call} request within {TimeoutSeconds} s.")]
        private static partial void LogTimeout(ILogger logger, string call, double timeoutSeconds);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach Inworld for the {Call} request ({Error}).")]
        private static partial void LogUnreachable(ILogger logger, string call, HttpRequestError error);

        [LoggerMessage(Level = LogLevel.Error, Message = "Inworld rejected the server credentials for the {Call} request ({Status}). Check INWORLD_API_KEY / INWORLD_KEY / INWORLD_SECRET and the key's type.")]
        private static partial void LogRejected(ILogger logger, string call, int status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Inworld is unavailable for the {Call} request ({Status}).")]
        private static partial void LogUnavailable(ILogger logger, string call, int status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Inworld refused the {Call} request ({Status}).")]
        private static partial void LogFailed(ILogger logger, string call, int status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Unexpected response from Inworld for the {Call} request: {Reason}.")]
        private static partial void LogUnexpected(ILogger logger, string call, string reason);
    }

    /// <summary>The backend's answer to <c>POST /token</c>.</summary>
    /// <param name="Token">The one-time token; the client sends it as <c>Authorization: Bearer</c> for one request or connection.</param>
    /// <param name="ExpiresAt">Inworld's <c>expireTime</c>, unchanged.</param>
    public sealed record OneTimeTokenResponse(string Token, string ExpiresAt, bool SingleUse);

    /// <summary>The backend's answer to <c>POST /session-token</c>.</summary>
    /// <param name="Token">The session token (a JWT), reusable until it expires.</param>
    /// <param name="ExpiresAt">Inworld's <c>expirationTime</c>, unchanged.</param>
    /// <param name="SessionId">Inworld's <c>sessionId</c>.</param>
    public sealed record SessionTokenResponse(string Token, string ExpiresAt, string SessionId);

    /// <summary>Every error the backend returns: <c>{"error": "..."}</c>.</summary>
    /// <param name="Error">A message for the client; never contains a credential.</param>
    public sealed record ErrorResponse(string Error);
}
