using System.Net.Http.Headers;
using System.Text;

/// <summary>
/// The wrong way: the browser holds the Inworld API key (from wwwroot/appsettings.json, which is downloaded
/// by every visitor) and sends it as Basic credentials. INW002 flags the header; INW004 flags the settings file.
/// </summary>
public sealed class TtsClient
{
    private readonly HttpClient _http;
    private readonly string _inworldApiKey;

    public TtsClient(HttpClient http, string inworldApiKey)
    {
        _http = http;
        _inworldApiKey = inworldApiKey;
    }

    public async Task<byte[]> SynthesizeAsync(string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.inworld.ai/tts/v1/voice");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _inworldApiKey);
        request.Content = new StringContent("{\"text\":\"" + text.Replace("\"", "\\\"") + "\",\"voiceId\":\"Dennis\"}", Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
