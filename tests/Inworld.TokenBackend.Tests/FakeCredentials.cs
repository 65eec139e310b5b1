using System;
using System.Text;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>
    /// Credentials made up at run time from a seeded Random, in Inworld's observed shape: a 32-character key id and a
    /// 64-character secret over [A-Za-z0-9], and the API key Base64(keyId + ":" + secret). Nothing real.
    /// </summary>
    internal sealed class FakeCredentials
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        private FakeCredentials(string keyId, string secret)
        {
            KeyId = keyId;
            Secret = secret;
            ApiKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(keyId + ":" + secret));
        }

        public string KeyId { get; }

        public string Secret { get; }

        public string ApiKey { get; }

        /// <summary>The strings that must never show up in a response or a log line.</summary>
        public string[] Forbidden => [ApiKey, Secret, KeyId[..12]];

        public static FakeCredentials Create(int seed)
        {
            var random = new Random(seed);
            return new FakeCredentials(RandomString(random, 32), RandomString(random, 64));
        }

        private static string RandomString(Random random, int length)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            return new string(chars);
        }
    }
}
