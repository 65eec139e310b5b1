using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// The cheap tests that let the rules skip nearly every string must never skip a finding: each is checked
    /// against the full test it stands in front of.
    /// </summary>
    public class PreFilterTests
    {
        private static readonly FakeCredentials Fake = FakeCredentials.Default;

        [Theory]
        [InlineData("$KEY$")]
        [InlineData("Basic $KEY$")]
        [InlineData("  $URLKEY$  ")]
        [InlineData("{\"apiKey\":\"$KEY$\"}")]
        [InlineData("Authorization: Basic $KEY$")]
        [InlineData("$PAIR$")]
        [InlineData("Basic $PAIR$")]
        [InlineData("$ID$")]
        [InlineData("$SECRET$")]
        public void Credential_shaped_values_pass(string token)
            => Assert.True(CredentialShape.CouldBeCredential(Snippet.Expand(token)), Snippet.Redacted(token));

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("short")]
        [InlineData("https://api.inworld.ai/tts/v1/voice")]
        [InlineData("Item {0} is called {1} and lives here")]
        [InlineData("C:\\Users\\player\\AppData\\Local")]
        [InlineData("Service alpha has stopped responding")]
        [InlineData("application/json; charset=utf-8")]
        public void Ordinary_strings_stop_at_the_pre_filter(string? value)
            => Assert.False(CredentialShape.CouldBeCredential(value));

        /// <summary>
        /// Every value any shape test accepts must pass CouldBeCredential. The values: seeded random strings over
        /// several alphabets and lengths, with spaces, colons and "Basic " mixed in, plus the fakes and their parts.
        /// </summary>
        [Fact]
        public void Never_rejects_a_value_a_shape_test_accepts()
        {
            var random = new Random(7);
            var alphabets = new[]
            {
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                "abcdef0123456789-",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-:",
                "abc XYZ 123:./{}<>",
            };
            var values = new List<string> { Fake.ApiKey, Fake.UrlSafeApiKey, Fake.RawPair, Fake.KeyId, Fake.Secret, " " + Fake.Secret + "\t", "Basic " + Fake.RawPair };
            for (var i = 0; i < 4000; i++)
            {
                var alphabet = alphabets[i % alphabets.Length];
                var length = random.Next(10, 140);
                var builder = new StringBuilder(i % 7 == 0 ? "Basic " : i % 11 == 0 ? "  " : string.Empty);
                for (var j = 0; j < length; j++)
                {
                    builder.Append(alphabet[random.Next(alphabet.Length)]);
                }

                if (i % 5 == 0)
                {
                    builder.Insert(random.Next(builder.Length), ':');
                }

                values.Add(builder.ToString());
            }

            var accepted = 0;
            foreach (var value in values)
            {
                var anyShape = CredentialShape.FindApiKey(value).IsMatch || CredentialShape.MatchRawKeyPair(value).IsMatch ||
                               CredentialShape.LooksLikeKeyId(value) || CredentialShape.LooksLikeSecret(value) || CredentialShape.LooksLikeCredentialToken(value);
                if (anyShape)
                {
                    accepted++;
                    Assert.True(CredentialShape.CouldBeCredential(value), "rejected a value a shape test accepts: " + CredentialShape.Redact(value));
                }
            }

            // The generated set must exercise the implication, not pass vacuously.
            Assert.True(accepted > 1000, "only " + accepted + " values were credential-shaped");
        }

        /// <summary>
        /// StringValues.MayEvaluate stands in front of TryEvaluate: wherever TryEvaluate produces a value, MayEvaluate
        /// must say yes. Checked on every string assembly in a set of programs mixing constants and non-constants.
        /// </summary>
        [Fact]
        public void MayEvaluate_never_rejects_an_assembly_that_evaluates()
        {
            const string source = @"
using System;
class C
{
    const string A = ""abc"";
    static readonly string B = ""def"";
    static string Mutable = ""ghi"";
    string P { get; } = ""jkl"";
    string Q { get; set; } = ""mno"";
    void M(string parameter, int n, object o)
    {
        const string local = ""pqr"";
        var assigned = ""stu"";
        string x;
        x = A + B;
        x = A + local + assigned;
        x = $""{A}-{B}-{P}"";
        x = $""{A}-{n}"";
        x = $""{A,5}"";
        x = $""{A:X}"";
        x = A + parameter;
        x = A + Mutable;
        x = A + Q;
        x = string.Concat(A, B, local);
        x = string.Concat(new[] { A, B });
        x = string.Concat(A, parameter);
        x = string.Format(""{0}/{1}"", A, B);
        x = string.Format(""{0}/{1}"", A, n);
        x = string.Format(System.Globalization.CultureInfo.InvariantCulture, ""{0}"", A);
        x = A + null;
        x = A + n;
        x = A + o;
        x = $""{$""{A}""}"" + (A + B);
        x = ""Basic "" + Convert.ToBase64String(new byte[0]);
        _ = x;
    }
}";
            var compilation = DiagnosticsFor.CreateCompilation(source);
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();
            var body = model.GetOperation(method)!;
            int assemblies = 0, evaluated = 0, rejected = 0;
            foreach (var operation in body.DescendantsAndSelf().Where(StringValues.IsStringAssembly))
            {
                assemblies++;
                var value = StringValues.TryEvaluate(operation, new List<IOperation>());
                var may = StringValues.MayEvaluate(operation);
                if (value != null)
                {
                    evaluated++;
                    Assert.True(may, "MayEvaluate rejected " + operation.Syntax + ", which evaluates to \"" + value + "\"");
                }
                else if (!may)
                {
                    rejected++;
                }
            }

            Assert.True(evaluated >= 8, evaluated + " of " + assemblies + " assemblies evaluated");
            Assert.True(rejected >= 6, "only " + rejected + " non-constant assemblies were rejected early");
        }
    }
}
