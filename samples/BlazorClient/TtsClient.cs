using System.Net.Http.Headers;
using System.Text;

/// <summary>
/// The fixed twin of BlazorClientLeaky: the browser asks its own backend for a short-lived token and sends
/// it as Bearer (what the INW002 code fix writes). A 401/403 from Inworld drops the cached token.
/// </summary>
public sealed class TtsClient
{
    /// <summary>Inworld's API; wwwroot/appsettings.json may point Inworld:ApiBaseUrl elsewhere (a test server).</summary>
    public const string DefaultApiBaseUrl = "https://api.inworld.ai/";

    private readonly HttpClient _http;
    private readonly InworldTokenProvider _tokens;
    private readonly Uri _voiceEndpoint;

    public TtsClient(HttpClient http, InworldTokenProvider tokens, Uri apiBaseUrl)
    {
        _http = http;
        _tokens = tokens;
        _voiceEndpoint = new Uri(apiBaseUrl, "tts/v1/voice");
    }

    public async Task<byte[]> SynthesizeAsync(string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _voiceEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetTokenAsync());
        request.Content = new StringContent("{\"text\":\"" + text.Replace("\"", "\\\"") + "\",\"voiceId\":\"Dennis\"}", Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            _tokens.Invalidate();
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
