using System;
using System.Text;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Tests.Helpers;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// The one credential ladder INW001, INW004, inworld-scan and the Unity Editor share: API key anywhere, then a raw
    /// pair where the context says so, then a value that fits its destination's name; each answer with its span and redaction.
    /// </summary>
    public class CredentialClassifierTests
    {
        private static readonly FakeCredentials Fake = FakeCredentials.Default;
        private static readonly CredentialContext NoContext = default;

        private static void AssertRedacted(CredentialClassification found, string value)
        {
            var credential = value.Substring(found.Match.Start, found.Match.Length);
            Assert.Equal(CredentialShape.Redact(credential), found.Redacted);
            Assert.DoesNotContain(Fake.Secret.Substring(4, 12), found.Redacted);
            Assert.DoesNotContain(Fake.ApiKey.Substring(4, 12), found.Redacted);
        }

        [Fact]
        public void An_api_key_is_found_anywhere_whatever_the_context()
        {
            var value = "Authorization: Basic " + Fake.ApiKey;
            var found = CredentialClassifier.Classify(value, NoContext);
            Assert.Equal(CredentialKind.ApiKey, found.Kind);
            Assert.Equal(Fake.ApiKey, value.Substring(found.Match.Start, found.Match.Length));
            Assert.True(found.HasBasicPrefix);
            Assert.False(found.CoversWholeValue(value));
            AssertRedacted(found, value);

            Assert.True(CredentialClassifier.Classify("Basic " + Fake.ApiKey, NoContext).CoversWholeValue("Basic " + Fake.ApiKey));
        }

        [Fact]
        public void Only_context_dependent_kinds_skip_a_key_reported_where_it_is_written()
        {
            var found = CredentialClassifier.Classify(Fake.ApiKey, new CredentialContext(CredentialNameKind.None, onlyContextDependent: true));
            Assert.False(found.IsFinding);

            // A raw pair still counts: the context (a Base64-encoded destination) is what makes it one.
            var pair = CredentialClassifier.Classify(Fake.RawPair, new CredentialContext(CredentialNameKind.None, isBase64Encoded: true, onlyContextDependent: true));
            Assert.Equal(CredentialKind.RawKeyPair, pair.Kind);
        }

        [Fact]
        public void A_raw_pair_needs_Basic_a_Base64_destination_or_a_credential_name()
        {
            Assert.False(CredentialClassifier.Classify(Fake.RawPair, NoContext).IsFinding);

            var basic = CredentialClassifier.Classify("Basic " + Fake.RawPair, NoContext);
            Assert.Equal(CredentialKind.RawKeyPair, basic.Kind);
            Assert.True(basic.HasBasicPrefix);
            Assert.Equal(Fake.RawPair, ("Basic " + Fake.RawPair).Substring(basic.Match.Start, basic.Match.Length));
            AssertRedacted(basic, "Basic " + Fake.RawPair);

            Assert.Equal(CredentialKind.RawKeyPair, CredentialClassifier.Classify(Fake.RawPair, new CredentialContext(CredentialNameKind.None, isBase64Encoded: true)).Kind);
            Assert.Equal(CredentialKind.RawKeyPair, CredentialClassifier.Classify(Fake.RawPair, new CredentialContext(CredentialNameKind.KeyId)).Kind);
        }

        [Fact]
        public void A_value_that_fits_its_name_is_that_credential_trimmed()
        {
            var value = "  " + Fake.Secret + "\t";
            var found = CredentialClassifier.Classify(value, new CredentialContext(CredentialNameKind.Secret));
            Assert.Equal(CredentialKind.Secret, found.Kind);
            Assert.Equal(Fake.Secret, value.Substring(found.Match.Start, found.Match.Length));
            Assert.False(found.HasBasicPrefix);
            AssertRedacted(found, value);

            Assert.Equal(CredentialKind.KeyId, CredentialClassifier.Classify(Fake.KeyId, new CredentialContext(CredentialNameKind.KeyId)).Kind);
            Assert.False(CredentialClassifier.Classify(Fake.KeyId, NoContext).IsFinding);
            Assert.False(CredentialClassifier.Classify("YOUR_INWORLD_API_KEY_HERE", new CredentialContext(CredentialNameKind.ApiKey, isEnvironmentOrConfiguration: true)).IsFinding);
        }

        [Fact]
        public void Environment_and_configuration_values_fit_with_any_token_shape()
        {
            var token = "a1B2-c3D4_e5F6-g7H8_i9J0";
            Assert.False(CredentialClassifier.Classify(token, new CredentialContext(CredentialNameKind.ApiKey)).IsFinding);
            Assert.Equal(CredentialKind.ApiKey, CredentialClassifier.Classify(token, new CredentialContext(CredentialNameKind.ApiKey, isEnvironmentOrConfiguration: true)).Kind);

            // A setting in a shipped file is such a value; its name and section say which credential.
            Assert.Equal(CredentialKind.ApiKey, CredentialClassifier.Classify(token, CredentialContext.ForSetting("ApiKey", "Inworld")).Kind);
            Assert.False(CredentialClassifier.Classify(token, CredentialContext.ForSetting("ApiKey", "Logging")).IsFinding);
        }

        [Fact]
        public void Classify_reuses_what_the_pre_check_found_instead_of_decoding_again()
        {
            var candidate = CredentialClassifier.PreCheck(Fake.ApiKey);
            Assert.True(candidate.CouldBeCredential);
            Assert.True(candidate.ApiKey.IsMatch);
            Assert.Equal(CredentialKind.ApiKey, CredentialClassifier.Classify(candidate, NoContext).Kind);

            // The same value with the pre-check's answer taken away: Classify does not look for the key itself.
            var withoutKey = new CredentialCandidate(Fake.ApiKey, couldBeCredential: true, apiKey: default, rawPair: default);
            Assert.False(CredentialClassifier.Classify(withoutKey, NoContext).IsFinding);
        }

        [Fact]
        public void A_value_the_pre_check_rejects_is_no_finding_in_any_context()
        {
            var candidate = CredentialClassifier.PreCheck("https://api.inworld.ai/tts/v1/voice");
            Assert.False(candidate.CouldBeCredential);
            foreach (var nameKind in new[] { CredentialNameKind.None, CredentialNameKind.ApiKey, CredentialNameKind.KeyId, CredentialNameKind.Secret })
            {
                Assert.False(CredentialClassifier.Classify(candidate, new CredentialContext(nameKind, true, true)).IsFinding);
            }

            Assert.False(CredentialClassifier.PreCheck(null).CouldBeCredential);
            Assert.False(CredentialClassifier.Classify((string?)null, new CredentialContext(CredentialNameKind.Secret)).IsFinding);
        }

        /// <summary>PreCheck is CouldBeCredential with its findings kept: the same answer on every value.</summary>
        [Fact]
        public void Pre_check_answers_as_CouldBeCredential()
        {
            var random = new Random(11);
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-: ";
            var passed = 0;
            for (var i = 0; i < 3000; i++)
            {
                var builder = new StringBuilder(i % 5 == 0 ? "Basic " : string.Empty);
                var length = random.Next(8, 150);
                for (var j = 0; j < length; j++)
                {
                    builder.Append(alphabet[random.Next(i % 2 == 0 ? 62 : alphabet.Length)]);
                }

                var value = i % 7 == 0 ? Fake.ApiKey.Substring(0, Math.Min(Fake.ApiKey.Length, length)) : builder.ToString();
                var expected = CredentialShape.CouldBeCredential(value);
                Assert.Equal(expected, CredentialClassifier.PreCheck(value).CouldBeCredential);
                passed += expected ? 1 : 0;
            }

            foreach (var value in new[] { Fake.ApiKey, Fake.UrlSafeApiKey, Fake.RawPair, "Basic " + Fake.RawPair, "Authorization: Basic " + Fake.ApiKey })
            {
                Assert.True(CredentialClassifier.PreCheck(value).CouldBeCredential);
            }

            Assert.True(passed > 500 && passed < 2900, passed + " of 3000 passed: the set does not exercise both answers");
        }

        [Theory]
        [InlineData("apiKey", true)]
        [InlineData("INWORLD_API_KEY", true)]
        [InlineData("base64Credentials", true)]
        [InlineData("BASE64_CREDENTIALS", true)]
        [InlineData("inworldCredential", true)]
        [InlineData("Inworld:Authorization", true)]
        [InlineData("apiKeyToken", false)]
        [InlineData("inworldJwt", false)]
        [InlineData("inworldSecret", false)]
        [InlineData("INWORLD_KEY", false)]
        [InlineData("credential", false)]
        [InlineData("userName", false)]
        public void Api_key_names(string name, bool expected) => Assert.Equal(expected, CredentialNames.IsApiKeyName(name));

        [Theory]
        [InlineData("INWORLD_KEY", true)]
        [InlineData("inworldSecret", true)]
        [InlineData("Inworld:ApiKey", true)]
        [InlineData("INWORLD_API_KEY", true)]
        [InlineData("apiKey", false)]
        [InlineData("inworldKeyboardLayout", false)]
        [InlineData("inworldWorkspace", false)]
        [InlineData(null, false)]
        public void Inworld_credential_names(string? name, bool expected) => Assert.Equal(expected, CredentialNames.IsInworldCredentialName(name));

        [Theory]
        [InlineData("accessToken", true)]
        [InlineData("INWORLD_JWT", true)]
        [InlineData("apiKey", false)]
        public void Token_names(string name, bool expected) => Assert.Equal(expected, CredentialNames.IsTokenName(name));
    }
}
