using System;
using System.Text;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Tests.Helpers;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    public class CredentialShapeTests
    {
        private static readonly FakeCredentials Fake = FakeCredentials.Default;

        private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

        [Fact]
        public void Character_classes_hold_exactly_their_characters_over_every_char()
        {
            const string base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=";
            const string alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            var mismatches = new StringBuilder();
            for (var code = 0; code <= char.MaxValue; code++)
            {
                var c = (char)code;
                if (CredentialShape.IsBase64Char(c) != (base64.IndexOf(c) >= 0) ||
                    CredentialShape.IsKeyTextChar(c) != (base64.IndexOf(c) >= 0 || c == ':' || c == '\\') ||
                    CredentialShape.IsAsciiLetterOrDigit(c) != (alphanumeric.IndexOf(c) >= 0))
                {
                    mismatches.Append(" U+").Append(code.ToString("X4"));
                }
            }

            Assert.Equal(string.Empty, mismatches.ToString());
        }

        [Fact]
        public void Finds_the_observed_132_character_key()
        {
            Assert.Equal(132, Fake.ApiKey.Length);
            var match = CredentialShape.FindApiKey(Fake.ApiKey);
            Assert.Equal(CredentialKind.ApiKey, match.Kind);
            Assert.Equal(0, match.Start);
            Assert.Equal(132, match.Length);
            Assert.False(match.HasBasicPrefix);
            Assert.True(match.CoversWholeValue(Fake.ApiKey));
        }

        [Theory]
        [InlineData("Basic {0}", true, true)]
        [InlineData("basic {0}", true, true)]
        [InlineData("  Basic   {0}  ", true, true)]
        [InlineData("Authorization: Basic {0}", true, false)]
        [InlineData("{{\"apiKey\":\"{0}\"}}", false, false)]
        [InlineData("Host=api.inworld.ai;ApiKey={0};", false, false)]
        [InlineData("inworld-key_{0}", false, false)]
        public void Finds_key_inside_larger_values(string format, bool basic, bool whole)
        {
            var value = string.Format(format, Fake.ApiKey);
            var match = CredentialShape.FindApiKey(value);
            Assert.True(match.IsMatch, value.Replace(Fake.ApiKey, "<key>"));
            Assert.Equal(Fake.ApiKey, value.Substring(match.Start, match.Length));
            Assert.Equal(basic, match.HasBasicPrefix);
            Assert.Equal(whole, match.CoversWholeValue(value));
        }

        [Fact]
        public void Finds_url_safe_and_unpadded_keys()
        {
            Assert.True(CredentialShape.FindApiKey(Fake.UrlSafeApiKey).IsMatch);
            Assert.True(CredentialShape.FindApiKey(Fake.ApiKey.TrimEnd('=')).IsMatch);
        }

        [Fact]
        public void Finds_the_shortest_accepted_pair_and_rejects_shorter()
        {
            var shortest = Base64(Fake.KeyId.Substring(0, 16) + ":" + Fake.Secret.Substring(0, 16));
            Assert.True(CredentialShape.FindApiKey(shortest).IsMatch);
            var idTooShort = Base64(Fake.KeyId.Substring(0, 15) + ":" + Fake.Secret.Substring(0, 40));
            Assert.False(CredentialShape.FindApiKey(idTooShort).IsMatch);
            var secretTooShort = Base64(Fake.KeyId + ":" + Fake.Secret.Substring(0, 15));
            Assert.False(CredentialShape.FindApiKey(secretTooShort).IsMatch);
        }

        [Theory]
        [InlineData("{0}:{1}:{1}")]
        [InlineData("{0}-{1}")]
        [InlineData("{0}: {1}")]
        [InlineData("{0}:{1}\n")]
        [InlineData("user@example.com:{1}")]
        public void Rejects_Base64_of_other_shapes(string format)
        {
            var decoded = string.Format(format, Fake.KeyId, Fake.Secret);
            Assert.False(CredentialShape.FindApiKey(Base64(decoded)).IsMatch);
        }

        [Theory]
        [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "{1}")]
        [InlineData("{0}", "YOURSECRETYOURSECRETYOURSECRET12")]
        [InlineData("abcdefghijklmnopqrstuvwxyzabcdef", "{1}")]
        [InlineData("{0}", "0123456789012345678901234567890123456789")]
        public void Rejects_Base64_of_placeholder_pairs(string id, string secret)
        {
            var decoded = string.Format(id, Fake.KeyId, Fake.Secret) + ":" + string.Format(secret, Fake.KeyId, Fake.Secret);
            Assert.False(CredentialShape.FindApiKey(Base64(decoded)).IsMatch);
        }

        [Fact]
        public void Never_matches_random_bytes()
        {
            var random = new Random(1234);
            for (var length = 24; length < 400; length += 3)
            {
                for (var i = 0; i < 20; i++)
                {
                    var bytes = new byte[length];
                    random.NextBytes(bytes);
                    var encoded = Convert.ToBase64String(bytes);
                    Assert.False(CredentialShape.FindApiKey(encoded).IsMatch, encoded);
                    Assert.False(CredentialShape.FindApiKey(encoded.TrimEnd('=').Replace('+', '-').Replace('/', '_')).IsMatch, encoded);
                }
            }
        }

        [Theory]
        [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
        [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")]
        [InlineData("https://api.inworld.ai/v1/realtime/session?key=abc&protocol=realtime")]
        [InlineData("")]
        [InlineData("short")]
        public void Ignores_non_credentials(string value) => Assert.False(CredentialShape.FindApiKey(value).IsMatch);

        [Fact]
        public void Matches_raw_pairs_with_and_without_Basic()
        {
            var plain = CredentialShape.MatchRawKeyPair(Fake.RawPair);
            Assert.Equal(CredentialKind.RawKeyPair, plain.Kind);
            Assert.False(plain.HasBasicPrefix);

            var basic = CredentialShape.MatchRawKeyPair("Basic " + Fake.RawPair);
            Assert.True(basic.HasBasicPrefix);
            Assert.Equal(Fake.RawPair, ("Basic " + Fake.RawPair).Substring(basic.Start, basic.Length));

            Assert.False(CredentialShape.MatchRawKeyPair("prefix " + Fake.RawPair).IsMatch);
            Assert.False(CredentialShape.MatchRawKeyPair(Fake.KeyId + "::" + Fake.Secret).IsMatch);
            Assert.False(CredentialShape.MatchRawKeyPair("https://host:8080/" + Fake.Secret).IsMatch);
        }

        [Theory]
        [InlineData("YOUR_API_KEY")]
        [InlineData("<your-key>")]
        [InlineData("${INWORLD_API_KEY}")]
        [InlineData("changeme")]
        [InlineData("xxxxxxxxxxxxxxxxxxxx")]
        [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
        [InlineData("abababababababababab")]
        [InlineData("abcdefghijklmnopqrstuvwxyz")]
        [InlineData("1234567890123456")]
        [InlineData("INSERT_KEY_HERE_1234")]
        [InlineData("")]
        [InlineData("   ")]
        public void Recognises_placeholders(string value) => Assert.True(CredentialShape.IsPlaceholder(value));

        [Fact]
        public void Generated_credentials_are_not_placeholders()
        {
            Assert.False(CredentialShape.IsPlaceholder(Fake.KeyId));
            Assert.False(CredentialShape.IsPlaceholder(Fake.Secret));
        }

        [Fact]
        public void Key_id_and_secret_shapes()
        {
            Assert.True(CredentialShape.LooksLikeKeyId(Fake.KeyId));
            Assert.True(CredentialShape.LooksLikeKeyId(Fake.KeyId.Substring(0, 16)));
            Assert.False(CredentialShape.LooksLikeKeyId(Fake.KeyId.Substring(0, 15)));
            Assert.True(CredentialShape.LooksLikeSecret(Fake.Secret));
            Assert.False(CredentialShape.LooksLikeSecret(Fake.Secret.Substring(0, 31)));
            Assert.False(CredentialShape.LooksLikeKeyId("InworldCharacterSettingsAsset"));
            Assert.False(CredentialShape.LooksLikeKeyId("inworld-api-key-v2-production"));
            Assert.True(CredentialShape.LooksLikeKeyId("qWeRtZuIoPaSdFgHjKlYxCvB"));
        }

        [Fact]
        public void Redaction_shows_four_characters_and_the_length_only()
        {
            Assert.Equal(Fake.ApiKey.Substring(0, 4) + "\u2026 (132 chars)", CredentialShape.Redact(Fake.ApiKey));
            Assert.Equal("\u2026 (8 chars)", CredentialShape.Redact("abcdefgh"));
            var value = "Basic " + Fake.ApiKey;
            Assert.Equal(CredentialShape.Redact(Fake.ApiKey), CredentialShape.Redact(value, CredentialShape.FindApiKey(value)));
        }
    }

    public class CredentialNamesTests
    {
        [Theory]
        [InlineData("inworldApiSecret", null, "Secret")]
        [InlineData("INWORLD_SECRET", null, "Secret")]
        [InlineData("INWORLD_KEY", null, "KeyId")]
        [InlineData("InworldKeyId", null, "KeyId")]
        [InlineData("INWORLD_API_KEY", null, "ApiKey")]
        [InlineData("INWORLD_BASE64_CREDENTIALS", null, "ApiKey")]
        [InlineData("Inworld:ApiKey", null, "ApiKey")]
        [InlineData("ApiKey", "InworldSettings", "ApiKey")]
        [InlineData("secret", "InworldClient", "Secret")]
        [InlineData("ApiKey", "OpenAiSettings", "None")]
        [InlineData("inworldKeyboardLayout", null, "None")]
        [InlineData("inworldCharacterName", null, "None")]
        [InlineData("apiKey", null, "None")]
        public void Classifies_names(string name, string? container, string expected)
            => Assert.Equal(expected, CredentialNames.Classify(name, container).ToString());
    }
}
