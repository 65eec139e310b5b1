using System;
using System.Text;
using Inworld.Analyzers.Core;

namespace Inworld.Analyzers.Tests.Helpers
{
    /// <summary>
    /// Made-up Inworld credentials in the real shape (32-character key id, 64-character secret), generated
    /// from a fixed seed so failures reproduce. None of them was ever issued by Inworld.
    /// </summary>
    public sealed class FakeCredentials
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        public FakeCredentials(int seed = 20261127)
        {
            var random = new Random(seed);
            KeyId = RandomToken(random, 32);
            Secret = RandomToken(random, 64);
            ApiKey = Convert.ToBase64String(Encoding.ASCII.GetBytes(KeyId + ":" + Secret));
        }

        public static FakeCredentials Default { get; } = new FakeCredentials();

        public static FakeCredentials Other { get; } = new FakeCredentials(4242);

        public string KeyId { get; }

        public string Secret { get; }

        /// <summary>base64(keyId:secret), 132 characters ending in "==".</summary>
        public string ApiKey { get; }

        public string RawPair => KeyId + ":" + Secret;

        /// <summary>The same key in the URL-safe alphabet without padding.</summary>
        public string UrlSafeApiKey => ApiKey.TrimEnd('=').Replace('+', '-').Replace('/', '_');

        /// <summary>What a diagnostic may show of a value: never more than this.</summary>
        public static string Redacted(string value) => CredentialShape.Redact(value);

        /// <summary>A random key id that is not a placeholder, with a digit in it (as nearly all real ones).</summary>
        private static string RandomToken(Random random, int length)
        {
            while (true)
            {
                var chars = new char[length];
                for (var i = 0; i < length; i++)
                {
                    chars[i] = Alphabet[random.Next(Alphabet.Length)];
                }

                var token = new string(chars);
                if (!CredentialShape.IsPlaceholder(token) && token.IndexOfAny("0123456789".ToCharArray()) >= 0)
                {
                    return token;
                }
            }
        }
    }
}
