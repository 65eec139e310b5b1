using System;

namespace Inworld.Analyzers.Core
{
    /// <summary>Recognises Inworld URLs: the host is inworld.ai or one of its subdomains (api.inworld.ai).</summary>
    internal static class InworldEndpoints
    {
        /// <summary>
        /// True for "https://api.inworld.ai/tts/v1/voice", "wss://api.inworld.ai/...", "api.inworld.ai/v1/...".
        /// False for lookalikes ("api.inworld.ai.example.com", "https://example.com/?next=inworld.ai").
        /// </summary>
        public static bool IsInworldUrl(string? value)
        {
            if (value == null || value.Length < 10 || value.IndexOf("inworld.ai", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            var text = value.Trim();
            var start = text.IndexOf("://", StringComparison.Ordinal);
            start = start >= 0 ? start + 3 : 0;
            var end = start;
            while (end < text.Length && text[end] != '/' && text[end] != '?' && text[end] != '#' && text[end] != ':' && !char.IsWhiteSpace(text[end])) end++;
            var host = text.Substring(start, end - start);
            var at = host.LastIndexOf('@');
            if (at >= 0)
            {
                host = host.Substring(at + 1);
            }

            return host.Equals("inworld.ai", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".inworld.ai", StringComparison.OrdinalIgnoreCase);
        }
    }
}
