using System;

namespace Inworld.Analyzers.Core
{
    /// <summary>Which Inworld API a URL addresses (docs/inworld-auth.md, "Endpoints").</summary>
    internal enum InworldApi
    {
        NotInworld = 0,

        /// <summary>wss://api.inworld.ai/api/v1/realtime/session, /v1/realtime/calls, /v1/realtime/ice-servers: a Realtime-only key is valid.</summary>
        Realtime,
        Tts,
        Stt,
        Llm,
        Voice,
        Router,

        /// <summary>POST /auth/v1/tokens: the one-time token mint.</summary>
        TokenMint,

        /// <summary>/v1/sessionTokens/token:generate and the older /auth/v1/tokens/token:generate (signed with IW1-HMAC-SHA256).</summary>
        SessionTokenMint,

        /// <summary>An Inworld host, but a path this table does not know.</summary>
        OtherInworld,
    }

    /// <summary>Classifies Inworld URLs: host inworld.ai or a subdomain, then the path.</summary>
    internal static class InworldEndpoints
    {
        /// <summary>
        /// True for "https://api.inworld.ai/tts/v1/voice", "wss://api.inworld.ai/...", "api.inworld.ai/v1/...".
        /// False for lookalikes ("api.inworld.ai.example.com", "https://example.com/?next=inworld.ai").
        /// </summary>
        public static bool IsInworldUrl(string? value) => Classify(value) != InworldApi.NotInworld;

        /// <summary>
        /// Classifies an absolute URL, or a relative one ("/tts/v1/voice", "tts/v1/voice") against
        /// <paramref name="baseUrl"/> (an HttpClient.BaseAddress).
        /// </summary>
        public static InworldApi Classify(string? value, string? baseUrl = null)
        {
            if (value == null)
            {
                return InworldApi.NotInworld;
            }

            var text = value.Trim();
            if (!TrySplit(text, out var host, out var path))
            {
                // Relative: only meaningful with an Inworld base address.
                if (baseUrl == null || text.Length == 0 || text.IndexOf("://", StringComparison.Ordinal) >= 0 || !TrySplit(baseUrl.Trim(), out var baseHost, out var basePath) || !IsInworldHost(baseHost))
                {
                    return InworldApi.NotInworld;
                }

                var relative = StripQuery(text);
                path = relative.StartsWith("/", StringComparison.Ordinal) ? relative : basePath.TrimEnd('/') + "/" + relative;
                return ClassifyPath(path);
            }

            return IsInworldHost(host) ? ClassifyPath(path) : InworldApi.NotInworld;
        }

        /// <summary>For messages: "TTS", "STT", "LLM", "Voice", "Router", "one-time token", "Realtime".</summary>
        public static string DisplayName(InworldApi api)
        {
            switch (api)
            {
                case InworldApi.Realtime: return "Realtime";
                case InworldApi.Tts: return "TTS";
                case InworldApi.Stt: return "STT";
                case InworldApi.Llm: return "LLM";
                case InworldApi.Voice: return "Voice";
                case InworldApi.Router: return "Router";
                case InworldApi.TokenMint: return "one-time token";
                case InworldApi.SessionTokenMint: return "session token";
                case InworldApi.OtherInworld: return "Inworld";
                default: return "non-Inworld";
            }
        }

        /// <summary>The APIs that refuse a Realtime-only key (docs/inworld-auth.md).</summary>
        public static bool RefusesRealtimeOnlyKey(InworldApi api)
            => api == InworldApi.Tts || api == InworldApi.Stt || api == InworldApi.Llm || api == InworldApi.Voice || api == InworldApi.Router || api == InworldApi.TokenMint;

        private static InworldApi ClassifyPath(string rawPath)
        {
            var path = rawPath.ToLowerInvariant();
            while (path.Length > 1 && path.EndsWith("/", StringComparison.Ordinal))
            {
                path = path.Substring(0, path.Length - 1);
            }

            if (StartsWithSegment(path, "/api/v1/realtime") || StartsWithSegment(path, "/v1/realtime"))
            {
                return InworldApi.Realtime;
            }

            if (StartsWithSegment(path, "/tts")) return InworldApi.Tts;
            if (StartsWithSegment(path, "/stt")) return InworldApi.Stt;
            if (StartsWithSegment(path, "/voices")) return InworldApi.Voice;
            if (StartsWithSegment(path, "/router")) return InworldApi.Router;
            if (StartsWithSegment(path, "/llm") || StartsWithSegment(path, "/v1/chat/completions") || StartsWithSegment(path, "/v1/messages") || StartsWithSegment(path, "/v1/completions"))
            {
                return InworldApi.Llm;
            }

            if (path.StartsWith("/auth/v1/tokens/token:generate", StringComparison.Ordinal) || StartsWithSegment(path, "/v1/sessiontokens"))
            {
                return InworldApi.SessionTokenMint;
            }

            if (StartsWithSegment(path, "/auth/v1/tokens"))
            {
                return InworldApi.TokenMint;
            }

            return InworldApi.OtherInworld;
        }

        /// <summary>"/tts" matches "/tts", "/tts/v1/voice" and "/tts:x" but not "/ttsx".</summary>
        private static bool StartsWithSegment(string path, string prefix)
            => path.StartsWith(prefix, StringComparison.Ordinal) &&
               (path.Length == prefix.Length || path[prefix.Length] == '/' || path[prefix.Length] == ':');

        private static bool IsInworldHost(string host)
            => host.Equals("inworld.ai", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".inworld.ai", StringComparison.OrdinalIgnoreCase);

        /// <summary>Splits "scheme://user@host:port/path?query" (or "host.tld/path") into host and path.</summary>
        private static bool TrySplit(string text, out string host, out string path)
        {
            host = string.Empty;
            path = "/";
            var start = 0;
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                var name = text.Substring(0, scheme).ToLowerInvariant();
                if (name != "https" && name != "http" && name != "wss" && name != "ws")
                {
                    return false;
                }

                start = scheme + 3;
            }
            else
            {
                // "api.inworld.ai/tts/v1/voice": a host needs a dot before the first '/'.
                var slash = text.IndexOf('/');
                var firstPart = slash < 0 ? text : text.Substring(0, slash);
                if (slash == 0 || firstPart.IndexOf('.') < 0 || firstPart.IndexOf(' ') >= 0)
                {
                    return false;
                }
            }

            var end = start;
            while (end < text.Length && text[end] != '/' && text[end] != '?' && text[end] != '#' && !char.IsWhiteSpace(text[end])) end++;
            var authority = text.Substring(start, end - start);
            var at = authority.LastIndexOf('@');
            if (at >= 0) authority = authority.Substring(at + 1);
            var colon = authority.IndexOf(':');
            host = colon >= 0 ? authority.Substring(0, colon) : authority;
            var rest = StripQuery(text.Substring(end));
            path = rest.Length == 0 ? "/" : rest;
            return host.Length > 0;
        }

        private static string StripQuery(string text)
        {
            var cut = text.IndexOfAny(new[] { '?', '#' });
            return cut >= 0 ? text.Substring(0, cut) : text;
        }
    }
}
