using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Inworld.Samples.TokenBackend;
using Xunit;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>The backend's Iw1Signature helper against an independent implementation of the chain.</summary>
    public sealed class Iw1SignatureTests
    {
        private const string Method = "ai.inworld.engine.v1.SessionTokens/GenerateSessionToken";

        /// <summary>Written step by step, without a loop, with the HMACSHA256 instance API.</summary>
        private static string Independent(string secret, string dateTime, string host, string method, string nonce)
        {
            static byte[] Mac(byte[] key, string message)
            {
                using var hmac = new HMACSHA256(key);
                return hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
            }

            var k1 = Mac(Encoding.UTF8.GetBytes("IW1" + secret), dateTime);
            var k2 = Mac(k1, host);
            var k3 = Mac(k2, method);
            var k4 = Mac(k3, nonce);
            var signature = Mac(k4, "iw1_request");
            return BitConverter.ToString(signature).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        }

        [Theory]
        [InlineData(1, "api.inworld.ai")]
        [InlineData(2, "127.0.0.1:5123")]
        [InlineData(3, "api.inworld.ai")]
        public void Compute_matches_the_independent_chain(int seed, string host)
        {
            var credentials = FakeCredentials.Create(seed);
            var dateTime = "2025010" + seed.ToString(CultureInfo.InvariantCulture) + "123456";
            var nonce = "0123456789" + seed.ToString(CultureInfo.InvariantCulture);

            var actual = Iw1Signature.Compute(credentials.Secret, dateTime, host, Method, nonce);

            Assert.Equal(Independent(credentials.Secret, dateTime, host, Method, nonce), actual);
            Assert.Matches("^[0-9a-f]{64}$", actual);
        }

        [Fact]
        public void Every_input_changes_the_signature()
        {
            var secret = FakeCredentials.Create(4).Secret;
            var baseline = Iw1Signature.Compute(secret, "20250101000000", "api.inworld.ai", Method, "abcdef01234");

            Assert.NotEqual(baseline, Iw1Signature.Compute(secret + "x", "20250101000000", "api.inworld.ai", Method, "abcdef01234"));
            Assert.NotEqual(baseline, Iw1Signature.Compute(secret, "20250101000001", "api.inworld.ai", Method, "abcdef01234"));
            Assert.NotEqual(baseline, Iw1Signature.Compute(secret, "20250101000000", "api.inworld.ai:8443", Method, "abcdef01234"));
            Assert.NotEqual(baseline, Iw1Signature.Compute(secret, "20250101000000", "api.inworld.ai", "ai.inworld.engine.WorldEngine/GenerateToken", "abcdef01234"));
            Assert.NotEqual(baseline, Iw1Signature.Compute(secret, "20250101000000", "api.inworld.ai", Method, "abcdef01235"));
        }

        [Theory]
        [InlineData("https://api.inworld.ai", "api.inworld.ai")]
        [InlineData("https://api.inworld.ai:443/", "api.inworld.ai")]
        [InlineData("https://API.Inworld.AI/", "api.inworld.ai")]
        [InlineData("https://api.inworld.ai:8443/", "api.inworld.ai:8443")]
        [InlineData("http://127.0.0.1:5123/", "127.0.0.1:5123")]
        public void HostOf_drops_only_the_default_port(string url, string expected)
        {
            Assert.Equal(expected, Iw1Signature.HostOf(new Uri(url)));
        }

        [Fact]
        public void FormatDateTime_is_UTC_yyyyMMddHHmmss()
        {
            var time = new DateTimeOffset(2025, 3, 4, 1, 2, 3, TimeSpan.FromHours(5));
            Assert.Equal("20250303200203", Iw1Signature.FormatDateTime(time));
        }

        [Fact]
        public void NewNonce_is_random_lowercase_hex()
        {
            var first = Iw1Signature.NewNonce();
            var second = Iw1Signature.NewNonce();
            Assert.Matches(new Regex("^[0-9a-f]{11}$"), first);
            Assert.Matches(new Regex("^[0-9a-f]{11}$"), second);
            Assert.NotEqual(first, second);
        }

        [Fact]
        public void Authorization_parameter_has_the_documented_shape()
        {
            var credentials = FakeCredentials.Create(5);
            var now = new DateTimeOffset(2025, 6, 7, 8, 9, 10, TimeSpan.Zero);

            var parameter = Iw1Signature.CreateAuthorizationParameter(credentials.KeyId, credentials.Secret, "api.inworld.ai", Method, now, "00112233445");

            var expected = Independent(credentials.Secret, "20250607080910", "api.inworld.ai", Method, "00112233445");
            Assert.Equal($"ApiKey={credentials.KeyId},DateTime=20250607080910,Nonce=00112233445,Signature={expected}", parameter);
            Assert.DoesNotContain(credentials.Secret, parameter, StringComparison.Ordinal);
        }
    }
}
