namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>
    /// The token provider the INW002 fix adds to a client project that has none. Dependency-free (HttpClient
    /// and a minimal JSON reader) so it compiles in .NET, Blazor, MAUI and Unity alike.
    /// </summary>
    internal static class TokenProviderTemplate
    {
        public const string TypeName = "InworldTokenProvider";
        public const string FileName = "InworldTokenProvider.cs";
        public const string DefaultEndpoint = Inworld.Analyzers.Core.InworldOptions.DefaultTokenEndpoint;

        public static string Source(string endpoint, string endOfLine)
            => Template.Replace("{ENDPOINT}", endpoint.Replace("\\", "\\\\").Replace("\"", "\\\"")).Replace("\n", endOfLine);

        private const string Template =
@"// Added by the Inworld.Analyzers code fix for INW002. Keep it: it is how this client gets Inworld tokens.
#nullable enable
using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Gets short-lived Inworld tokens from this app's own backend, so the app never holds the Inworld API key.
/// The backend keeps the key, mints a token (POST https://api.inworld.ai/auth/v1/tokens) and answers
/// {""token"": ""..."", ""expiresAt"": ""2026-01-01T00:00:00Z""}; see samples/TokenBackend in Inworld.Analyzers.
/// A token is fetched once however many callers ask at the same time. A session token is cached until a minute
/// before it expires; a one-time token (""singleUse"": true) serves one request and is never cached. A cached token
/// is dropped when Inworld answers 401/403 (call Invalidate, or send through Handler).
/// </summary>
public sealed class InworldTokenProvider
{
    /// <summary>Your backend's token endpoint (inworld_analyzers.token_endpoint when the fix was applied).</summary>
    public const string DefaultEndpoint = ""{ENDPOINT}"";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private Cached? _cached;

    public InworldTokenProvider(Uri endpoint, HttpClient? http = null)
    {
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _http = http ?? new HttpClient();
    }

    /// <summary>One provider for the whole app, asking <see cref=""DefaultEndpoint""/>.</summary>
    public static InworldTokenProvider Shared { get; } = new InworldTokenProvider(new Uri(DefaultEndpoint));

    /// <summary>A valid token: the cached one, or a fresh one from the backend.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached != null && DateTimeOffset.UtcNow < cached.ExpiresAt - RefreshMargin)
        {
            return cached.Token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cached = Volatile.Read(ref _cached);
            if (cached != null && DateTimeOffset.UtcNow < cached.ExpiresAt - RefreshMargin)
            {
                return cached.Token;
            }

            using (var request = new HttpRequestMessage(HttpMethod.Post, _endpoint))
            using (var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false))
            {
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException(""The token endpoint "" + _endpoint + "" answered "" + (int)response.StatusCode + ""."");
                }

                var token = ReadJsonString(body, ""token"") ?? throw new InvalidOperationException(""The token endpoint's answer has no \""token\""."");
                var expiresAt = DateTimeOffset.TryParse(ReadJsonString(body, ""expiresAt""), out var parsed) ? parsed : DateTimeOffset.UtcNow.AddMinutes(5);

                // A one-time token serves exactly one request or connection: handed out, never cached.
                if (!ReadJsonTrue(body, ""singleUse""))
                {
                    Volatile.Write(ref _cached, new Cached(token, expiresAt));
                }

                return token;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the cached token: call it when Inworld answers 401 or 403, the next call fetches a new one.</summary>
    public void Invalidate() => Volatile.Write(ref _cached, null);

    /// <summary>For HttpClient pipelines: adds ""Authorization: Bearer"" and drops the token on 401/403.</summary>
    public sealed class Handler : DelegatingHandler
    {
        private readonly InworldTokenProvider _provider;

        public Handler(InworldTokenProvider provider, HttpMessageHandler? inner = null)
            : base(inner ?? new HttpClientHandler())
        {
            _provider = provider;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", await _provider.GetTokenAsync(cancellationToken).ConfigureAwait(false));
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized || response.StatusCode == HttpStatusCode.Forbidden)
            {
                _provider.Invalidate();
            }

            return response;
        }
    }

    private sealed class Cached
    {
        public Cached(string token, DateTimeOffset expiresAt)
        {
            Token = token;
            ExpiresAt = expiresAt;
        }

        public string Token { get; }
        public DateTimeOffset ExpiresAt { get; }
    }

    /// <summary>Is a top-level JSON property the literal true? Enough for the backend's small answer.</summary>
    private static bool ReadJsonTrue(string json, string name)
    {
        var key = json.IndexOf(""\"""" + name + ""\"""", StringComparison.Ordinal);
        var colon = key < 0 ? -1 : json.IndexOf(':', key + name.Length + 2);
        return colon >= 0 && json.Substring(colon + 1).TrimStart().StartsWith(""true"", StringComparison.Ordinal);
    }

    /// <summary>The string value of a top-level JSON property; enough for the backend's small answer.</summary>
    private static string? ReadJsonString(string json, string name)
    {
        var key = json.IndexOf(""\"""" + name + ""\"""", StringComparison.Ordinal);
        if (key < 0)
        {
            return null;
        }

        var i = json.IndexOf(':', key + name.Length + 2);
        if (i < 0)
        {
            return null;
        }

        i++;
        while (i < json.Length && char.IsWhiteSpace(json[i])) i++;
        if (i >= json.Length || json[i] != '""')
        {
            return null;
        }

        var value = new StringBuilder();
        for (i++; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '""')
            {
                return value.ToString();
            }

            if (c == '\\' && i + 1 < json.Length)
            {
                var next = json[++i];
                if (next == 'u' && i + 4 < json.Length)
                {
                    value.Append((char)Convert.ToInt32(json.Substring(i + 1, 4), 16));
                    i += 4;
                }
                else
                {
                    value.Append(next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next);
                }

                continue;
            }

            value.Append(c);
        }

        return null;
    }
}
";
    }
}
