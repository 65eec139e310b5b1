using Inworld.Analyzers.Core;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>Every endpoint in docs/inworld-auth.md, plus lookalikes that are not Inworld.</summary>
    public class InworldEndpointsTests
    {
        [Theory]
        // Realtime: a Realtime-only key is valid here.
        [InlineData("wss://api.inworld.ai/api/v1/realtime/session?key=abc&protocol=realtime", "Realtime")]
        [InlineData("https://api.inworld.ai/v1/realtime/calls", "Realtime")]
        [InlineData("https://api.inworld.ai/v1/realtime/ice-servers", "Realtime")]
        [InlineData("https://api.inworld.ai/v1/realtime/ice-servers/", "Realtime")]
        // TTS, including its streaming socket (not the Realtime API).
        [InlineData("https://api.inworld.ai/tts/v1/voice", "Tts")]
        [InlineData("https://api.inworld.ai/tts/v1/voice:stream", "Tts")]
        [InlineData("wss://api.inworld.ai/tts/v1/voice:streamBidirectional", "Tts")]
        [InlineData("https://api.inworld.ai/tts/v1/voices", "Tts")]
        // Voice.
        [InlineData("https://api.inworld.ai/voices/v1/voices", "Voice")]
        [InlineData("https://api.inworld.ai/voices/v1/voices/abc123", "Voice")]
        [InlineData("https://api.inworld.ai/voices/v1/voices:clone", "Voice")]
        [InlineData("https://api.inworld.ai/voices/v1/voices:design", "Voice")]
        [InlineData("https://api.inworld.ai/voices/v1/voices/abc123:publish", "Voice")]
        // STT, including its streaming socket.
        [InlineData("https://api.inworld.ai/stt/v1/transcribe", "Stt")]
        [InlineData("wss://api.inworld.ai/stt/v1/transcribe:streamBidirectional", "Stt")]
        // LLM.
        [InlineData("https://api.inworld.ai/v1/chat/completions", "Llm")]
        [InlineData("https://api.inworld.ai/v1/messages", "Llm")]
        [InlineData("https://api.inworld.ai/llm/v1alpha/models", "Llm")]
        // Router.
        [InlineData("https://api.inworld.ai/router/v1/routers", "Router")]
        [InlineData("https://api.inworld.ai/router/v1/routers/r-1", "Router")]
        // Token mints.
        [InlineData("https://api.inworld.ai/auth/v1/tokens", "TokenMint")]
        [InlineData("https://api.inworld.ai/v1/sessionTokens/token:generate", "SessionTokenMint")]
        [InlineData("https://api.inworld.ai/auth/v1/tokens/token:generate", "SessionTokenMint")]
        // Forms: no scheme, ports, trailing slashes, query strings, case, other Inworld hosts.
        [InlineData("api.inworld.ai/tts/v1/voice", "Tts")]
        [InlineData("HTTPS://API.INWORLD.AI/TTS/V1/VOICE", "Tts")]
        [InlineData("https://api.inworld.ai:443/stt/v1/transcribe?lang=en", "Stt")]
        [InlineData("https://studio.inworld.ai/", "OtherInworld")]
        [InlineData("https://api.inworld.ai", "OtherInworld")]
        [InlineData("https://inworld.ai/pricing", "OtherInworld")]
        // Lookalikes.
        [InlineData("https://api.inworld.ai.example.com/tts/v1/voice", "NotInworld")]
        [InlineData("https://example.com/?next=https://api.inworld.ai/tts/v1/voice", "NotInworld")]
        [InlineData("https://notinworld.ai/tts/v1/voice", "NotInworld")]
        [InlineData("ftp://api.inworld.ai/tts/v1/voice", "NotInworld")]
        [InlineData("/tts/v1/voice", "NotInworld")]
        [InlineData("inworld", "NotInworld")]
        [InlineData("", "NotInworld")]
        public void Classifies(string url, string expected) => Assert.Equal(expected, InworldEndpoints.Classify(url).ToString());

        [Theory]
        [InlineData("/tts/v1/voice", "https://api.inworld.ai/", "Tts")]
        [InlineData("tts/v1/voice", "https://api.inworld.ai", "Tts")]
        [InlineData("voice", "https://api.inworld.ai/tts/v1/", "Tts")]
        [InlineData("api/v1/realtime/session", "wss://api.inworld.ai/", "Realtime")]
        [InlineData("/tts/v1/voice", "https://example.com/", "NotInworld")]
        public void Classifies_relative_urls_against_a_base(string url, string baseUrl, string expected)
            => Assert.Equal(expected, InworldEndpoints.Classify(url, baseUrl).ToString());

        [Theory]
        [InlineData("Tts", true)]
        [InlineData("Stt", true)]
        [InlineData("Llm", true)]
        [InlineData("Voice", true)]
        [InlineData("Router", true)]
        [InlineData("TokenMint", true)]
        [InlineData("Realtime", false)]
        [InlineData("SessionTokenMint", false)]
        [InlineData("OtherInworld", false)]
        [InlineData("NotInworld", false)]
        public void Realtime_only_keys_are_refused_by(string api, bool refused)
            => Assert.Equal(refused, InworldEndpoints.RefusesRealtimeOnlyKey((InworldApi)System.Enum.Parse(typeof(InworldApi), api)));
    }
}
