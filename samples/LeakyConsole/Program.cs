// A console app that calls Inworld TTS the wrong way: the API key is written into the source.
// Every value below is a GENERATED FAKE (random, never issued by Inworld). Build it to see INW001:
//   dotnet build samples/LeakyConsole
using System.Net.Http.Headers;
using System.Text;

// INW001: a Base64 API key in a constant.
const string ApiKey = "ZkpROUdMWnlrampLc09BanllMDZMNGY4dzc0QWNtS2g6aldQaU43OVNZQVFZMFZ0WVhScFhlOW05ejNvSGlrZ0RTd2N2ODlzTUNMQzR6VFd0UURXbG9wbThBbDBkMlJrOA==";

var settings = new TtsSettings();
using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.inworld.ai/tts/v1/voice");
request.Headers.Authorization = new AuthenticationHeaderValue("Basic", ApiKey);
request.Content = new StringContent("{\"text\": \"Hello\", \"voiceId\": \"Dennis\"}", Encoding.UTF8, "application/json");
Console.WriteLine($"Would POST {request.RequestUri} as key id {settings.InworldKeyId.Length} chars; pass --send to call Inworld.");
if (args.Contains("--send"))
{
    using var http = new HttpClient();
    Console.WriteLine((await http.SendAsync(request)).StatusCode);
}

internal sealed class TtsSettings
{
    // INW001: a key id and a secret in Inworld-named fields (the JWT flow's INWORLD_KEY / INWORLD_SECRET).
    public string InworldKeyId { get; } = "V4iJ7zeIoIirPwLSCqF36uTZkEhGYJPL";

    public string InworldSecret { get; } = "zZRB5jqVripzpoQCm9YNeJ4XjFq5V6LOuYtNykqEiscH0A48mXAZoegi4BdErHTY";

    // INW001: a raw "id:secret" pair turned into a key in code.
    public string BuildKey() => Convert.ToBase64String(Encoding.UTF8.GetBytes(InworldKeyId + ":" + "zZRB5jqVripzpoQCm9YNeJ4XjFq5V6LOuYtNykqEiscH0A48mXAZoegi4BdErHTY"));
}
