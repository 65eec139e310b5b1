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
        /// must say yes. Checked on every string concatenation in a set of programs mixing constants and non-constants.
        /// </summary>
        [Fact]
        public void MayEvaluate_never_rejects_a_concatenation_that_evaluates()
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
            var body = MethodBody(source);
            int concatenations = 0, evaluated = 0, rejected = 0;
            foreach (var operation in body.DescendantsAndSelf().Where(StringValues.IsConcatenation))
            {
                concatenations++;
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

            Assert.True(evaluated >= 8, evaluated + " of " + concatenations + " concatenations evaluated");
            Assert.True(rejected >= 6, "only " + rejected + " non-constant concatenations were rejected early");
        }

        /// <summary>
        /// The rule judges each concatenation, interpolation and string.Concat/Format from its first leaf only. So
        /// for every outermost concatenation that evaluates, that leaf must be one the rule is called for (a literal or
        /// a field, local or property reference), and walking up from it must arrive at the same concatenation.
        /// </summary>
        [Fact]
        public void Every_concatenation_that_evaluates_is_reached_from_its_first_leaf()
        {
            var body = MethodBody(ConcatenationSource);
            int outermost = 0, evaluated = 0;
            foreach (var concatenation in body.DescendantsAndSelf().Where(o => StringValues.IsConcatenation(o) && StringValues.EnclosingConcatenation(o) == null))
            {
                outermost++;
                if (StringValues.TryEvaluate(concatenation, new List<IOperation>()) == null)
                {
                    continue;
                }

                evaluated++;
                var leaf = StringValues.FirstLeaf(concatenation);
                Assert.True(leaf != null, "no first leaf for " + concatenation.Syntax);
                Assert.Contains(leaf!.Kind, new[] { OperationKind.Literal, OperationKind.FieldReference, OperationKind.LocalReference, OperationKind.PropertyReference });
                Assert.Same(concatenation, StringValues.OutermostConcatenation(StringValues.EnclosingConcatenation(leaf)));
            }

            Assert.True(evaluated >= 10, evaluated + " of " + outermost + " outermost concatenations evaluated");
        }

        /// <summary>The token is read instead of ConstantValue (which allocates): both must give the same string.</summary>
        [Fact]
        public void Literal_text_from_the_token_equals_the_constant_value()
        {
            const string source = @"
class C
{
    void D(string v = ""default-value-of-a-parameter"") { }
    void M(int n, string s)
    {
        string x;
        x = ""plain"";
        x = ""esc\t\u0041\x42\\\""q"";
        x = @""verbatim """"quoted"""" \n"";
        x = $""text {{braces}} {n} \u0041 \"" tail"";
        x = $@""verbatim {{x}} """" {n} \n"";
        x = @$""other order {n}"";
        x = """"""raw """"quote"""" {x}"""""";
        x = $$""""""raw {{n}} {x} """"q"""""";
        x = """"""
            multi
              line
            """""";
        x = $""""""
            interpolated {n}
              line
            """""";
        x = null;
        x = $""{s}"" + ""tail"";
        D();
        _ = x;
        _ = 'c';
        _ = 42;
        _ = true;
    }
}";
            var body = MethodBody(source);
            var literals = body.DescendantsAndSelf().OfType<ILiteralOperation>().ToList();
            var strings = 0;
            foreach (var literal in literals)
            {
                var expected = literal.ConstantValue.HasValue ? literal.ConstantValue.Value as string : null;
                Assert.Equal(expected, StringValues.LiteralText(literal));
                for (var min = 0; min < 40; min += 3)
                {
                    var ofLength = StringValues.LiteralTextOfLength(literal, min);
                    Assert.Equal(expected != null && expected.Length >= min ? expected : null, ofLength);
                }

                strings += expected != null ? 1 : 0;
            }

            Assert.True(strings >= 15, "only " + strings + " string literals were compared");
        }

        [Theory]
        [InlineData("InworldApiKey")]
        [InlineData("INWORLD_SECRET")]
        [InlineData("my_inworld")]
        [InlineData("inworld")]
        [InlineData("inworl")]
        [InlineData("Inwor1d")]
        [InlineData("iiinworld")]
        [InlineData("ininworld")]
        [InlineData("X-Request-Id")]
        [InlineData("")]
        [InlineData("İnworld")]
        [InlineData("ınworldKey")]
        [InlineData("my_ınworld_secret")]
        [InlineData("Ωinworld")]
        public void ContainsInworld_agrees_with_a_case_insensitive_search(string name)
            => Assert.Equal(name.IndexOf("inworld", StringComparison.OrdinalIgnoreCase) >= 0, CredentialNames.ContainsInworld(name));

        private const string ConcatenationSource = @"
using System;
using System.Globalization;
class C
{
    const string A = ""abc"";
    static readonly string B = ""def"";
    string P { get; } = ""jkl"";
    void M(string parameter, int n)
    {
        const string local = ""pqr"";
        string x;
        x = A + B;
        x = ""lit"" + A + local;
        x = local + ""lit"";
        x = P + A;
        x = $""{A}-{B}-{P}"";
        x = $""text {A}"";
        x = $""{$""{A}""}"" + (A + B);
        x = string.Concat(A, B, local);
        x = string.Concat(new[] { A, B });
        x = string.Concat(new string[0], A);
        x = string.Format(""{0}/{1}"", A, B);
        x = string.Format(CultureInfo.InvariantCulture, ""{0}"", A);
        x = string.Format(""{0}"", ""a"" + B);
        x = A + null;
        x = null + A + B;
        x = (A + B) + (local + ""z"");
        x = A + parameter;
        x = $""{A}-{n}"";
        _ = x;
    }
}";

        /// <summary>The operation tree of method M in <paramref name="source"/>, which must compile.</summary>
        private static IOperation MethodBody(string source)
        {
            var compilation = DiagnosticsFor.CreateCompilation(source);
            var syntaxTree = compilation.SyntaxTrees.Single();
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var model = compilation.GetSemanticModel(syntaxTree);
            var method = syntaxTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "M");
            return model.GetOperation(method)!;
        }
    }
}
