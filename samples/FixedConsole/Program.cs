// The fixed twin of LeakyConsole: the server-side key is read from the environment at run time, as the
// INW001 code fix writes it. Set INWORLD_API_KEY (the Portal's Base64 value) before running with --send.
using System.Net.Http.Headers;
using System.Text;

var apiKey = Environment.GetEnvironmentVariable("INWORLD_API_KEY");
using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.inworld.ai/tts/v1/voice");
request.Content = new StringContent("{\"text\": \"Hello\", \"voiceId\": \"Dennis\"}", Encoding.UTF8, "application/json");
if (!args.Contains("--send"))
{
    Console.WriteLine($"Would POST {request.RequestUri}; INWORLD_API_KEY is {(apiKey is null ? "not set" : "set")}. Pass --send to call Inworld.");
    return;
}

request.Headers.Authorization = new AuthenticationHeaderValue(
    "Basic", apiKey ?? throw new InvalidOperationException("Set the INWORLD_API_KEY environment variable."));
using var http = new HttpClient();
Console.WriteLine((await http.SendAsync(request)).StatusCode);

internal sealed class TtsSettings
{
    // The JWT flow's key id and secret stay on the server, read from INWORLD_KEY / INWORLD_SECRET.
    public string InworldKeyId { get; } =
        Environment.GetEnvironmentVariable("INWORLD_KEY") ?? throw new InvalidOperationException("Set the INWORLD_KEY environment variable.");

    public string InworldSecret { get; } =
        Environment.GetEnvironmentVariable("INWORLD_SECRET") ?? throw new InvalidOperationException("Set the INWORLD_SECRET environment variable.");
}
