using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inworld.Samples.TokenBackend
{
    /// <summary>
    /// The <c>IW1-HMAC-SHA256</c> request signature Inworld requires on
    /// <c>POST /v1/sessionTokens/token:generate</c>. It proves possession of the key's secret without sending it:
    /// only the key id, the time, a nonce and the signature travel in the header.
    /// </summary>
    /// <remarks>
    /// The chain, as Inworld's SDKs and Node.js JWT sample compute it:
    /// <code>
    /// k0 = UTF8("IW1" + secret)
    /// k1 = HMAC-SHA256(k0, dateTime)        // yyyyMMddHHmmss, UTC
    /// k2 = HMAC-SHA256(k1, host)            // host of the Inworld base URL, see HostOf
    /// k3 = HMAC-SHA256(k2, method)          // ai.inworld.engine.v1.SessionTokens/GenerateSessionToken
    /// k4 = HMAC-SHA256(k3, nonce)
    /// signature = lowercase hex(HMAC-SHA256(k4, "iw1_request"))
    /// </code>
    /// Each step uses the previous step's raw 32-byte MAC as the key and the UTF-8 bytes of the next value as the
    /// message. Inferences (not stated in Inworld's documentation, taken from its public SDK code):
    /// the strings are UTF-8 encoded (all are ASCII in practice); the host is the URL's host with the port only
    /// when it is not the scheme's default (the SDKs strip ":443"); the nonce is 11 lowercase hex characters,
    /// the length Inworld's SDKs send (any random token of [0-9a-f] is accepted by the format).
    /// </remarks>
    public static class Iw1Signature
    {
        /// <summary>The authorization scheme name.</summary>
        public const string Scheme = "IW1-HMAC-SHA256";

        /// <summary>The RPC method signed for a Realtime session token.</summary>
        public const string GenerateSessionTokenMethod = "ai.inworld.engine.v1.SessionTokens/GenerateSessionToken";

        /// <summary>The literal that closes the HMAC chain.</summary>
        public const string RequestTerminator = "iw1_request";

        private const int NonceLength = 11;

        /// <summary>Computes the signature: the lowercase hex of the last HMAC-SHA256 in the chain.</summary>
        /// <param name="secret">The key's secret (the part after ':' in the decoded API key).</param>
        /// <param name="dateTime">The request time as <c>yyyyMMddHHmmss</c> in UTC, see <see cref="FormatDateTime"/>.</param>
        /// <param name="host">The Inworld host, see <see cref="HostOf"/>.</param>
        /// <param name="method">The signed RPC method, e.g. <see cref="GenerateSessionTokenMethod"/>.</param>
        /// <param name="nonce">A fresh random nonce, see <see cref="NewNonce"/>.</param>
        /// <returns>64 lowercase hex characters.</returns>
        public static string Compute(string secret, string dateTime, string host, string method, string nonce)
        {
            ArgumentException.ThrowIfNullOrEmpty(secret);
            ArgumentException.ThrowIfNullOrEmpty(dateTime);
            ArgumentException.ThrowIfNullOrEmpty(host);
            ArgumentException.ThrowIfNullOrEmpty(method);
            ArgumentException.ThrowIfNullOrEmpty(nonce);

            var key = Encoding.UTF8.GetBytes("IW1" + secret);
            try
            {
                foreach (var part in new[] { dateTime, host, method, nonce, RequestTerminator })
                {
                    var next = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
                    CryptographicOperations.ZeroMemory(key);
                    key = next;
                }

                return Convert.ToHexStringLower(key);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        /// <summary>
        /// Builds the header parameter that follows the scheme:
        /// <c>ApiKey=&lt;keyId&gt;,DateTime=&lt;dateTime&gt;,Nonce=&lt;nonce&gt;,Signature=&lt;hex&gt;</c>.
        /// </summary>
        /// <param name="keyId">The key id (the part before ':' in the decoded API key). It is not a secret, but is not logged either.</param>
        /// <param name="secret">The key's secret; used for the signature only.</param>
        /// <param name="host">The Inworld host, see <see cref="HostOf"/>.</param>
        /// <param name="method">The signed RPC method.</param>
        /// <param name="utcNow">The current time.</param>
        /// <param name="nonce">A fresh random nonce.</param>
        public static string CreateAuthorizationParameter(string keyId, string secret, string host, string method, DateTimeOffset utcNow, string nonce)
        {
            ArgumentException.ThrowIfNullOrEmpty(keyId);
            var dateTime = FormatDateTime(utcNow);
            var signature = Compute(secret, dateTime, host, method, nonce);
            return $"ApiKey={keyId},DateTime={dateTime},Nonce={nonce},Signature={signature}";
        }

        /// <summary>Formats a time as the signature's <c>yyyyMMddHHmmss</c> in UTC.</summary>
        /// <param name="time">Any time; converted to UTC.</param>
        public static string FormatDateTime(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        /// <summary>A new cryptographically random nonce of 11 lowercase hex characters.</summary>
        public static string NewNonce()
        {
            Span<byte> bytes = stackalloc byte[(NonceLength + 1) / 2];
            RandomNumberGenerator.Fill(bytes);
            return Convert.ToHexStringLower(bytes)[..NonceLength];
        }

        /// <summary>
        /// The host that is signed for a base URL: the lowercase host name, plus ":port" only when the port is not
        /// the scheme's default (<c>https://api.inworld.ai</c> gives <c>api.inworld.ai</c>, a loopback test server
        /// <c>http://127.0.0.1:5123</c> gives <c>127.0.0.1:5123</c>). This mirrors the SDKs'
        /// <c>host.replace(':443', '')</c>; it is also the Host header HttpClient sends.
        /// </summary>
        /// <param name="baseUri">The absolute Inworld base URL.</param>
        public static string HostOf(Uri baseUri)
        {
            ArgumentNullException.ThrowIfNull(baseUri);
            return baseUri.Authority;
        }
    }
}
