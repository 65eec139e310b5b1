using Inworld.Analyzers.Core;

namespace Inworld.Analyzers.Tests.Helpers
{
    /// <summary>
    /// Test sources name fake credentials by token ($KEY$, $ID$, $SECRET$, $PAIR$, $URLKEY$) so no
    /// credential-shaped text is written into the test files themselves.
    /// </summary>
    public static class Snippet
    {
        public static string Expand(string source, FakeCredentials? credentials = null)
        {
            var c = credentials ?? FakeCredentials.Default;
            return source
                .Replace("$KEY$", c.ApiKey)
                .Replace("$URLKEY$", c.UrlSafeApiKey)
                .Replace("$PAIR$", c.RawPair)
                .Replace("$ID$", c.KeyId)
                .Replace("$SECRET$", c.Secret)
                .Replace("$KEY1$", c.ApiKey.Substring(0, 60))
                .Replace("$KEY2$", c.ApiKey.Substring(60));
        }

        /// <summary>The value a token stands for, to compute the expected redacted form.</summary>
        public static string ValueOf(string token, FakeCredentials? credentials = null)
        {
            var c = credentials ?? FakeCredentials.Default;
            switch (token)
            {
                case "$KEY$": return c.ApiKey;
                case "$URLKEY$": return c.UrlSafeApiKey;
                case "$PAIR$": return c.RawPair;
                case "$ID$": return c.KeyId;
                case "$SECRET$": return c.Secret;
                default: return token;
            }
        }

        public static string Redacted(string token) => CredentialShape.Redact(Expand(token));
    }
}
