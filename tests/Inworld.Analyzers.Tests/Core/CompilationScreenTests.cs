using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// The compilation screen: a compilation that names Inworld nowhere and holds no key or pair is analysed only in the
    /// types that join a literal to another value. Each test checks one of the things the screen reads, and the
    /// end-to-end tests show that what it lets through still finds the keys that only joins can make.
    /// </summary>
    public sealed class CompilationScreenTests
    {
        [Theory]
        [InlineData("class C { string s = \"about inWorld\"; }")]
        [InlineData("// InworldClient is not used here\nclass C { }")]
        [InlineData("class INWORLDSettings { }")]
        public void A_file_naming_Inworld_in_any_case_or_place_is_seen(string source)
            => Assert.True(SourceScan.Of(source).NamesInworld);

        [Theory]
        [InlineData("class C { string k = \"$KEY$\"; }")]
        [InlineData("class C { string k = \"$URLKEY$\"; }")]
        [InlineData("class C { string p = \"$PAIR$\"; }")]
        [InlineData("class C { string p = \"Basic $PAIR$\"; }")]
        [InlineData("class C { string p = \"  $PAIR$  \"; }")]
        [InlineData("class C { string k = \"key=$KEY$;\"; }")]
        [InlineData("class C { string k = @\"first line\n$KEY$\n\"; }")]
        [InlineData("class C { string k = \"\"\"\n    $KEY$\n    \"\"\"; }")]
        [InlineData("class C { System.ReadOnlySpan<byte> K => \"$KEY$\"u8; }")]
        [InlineData("class C { string k = $\"{1}$KEY$\"; }")]
        [InlineData("class C { char q = '\"'; string k = \"$KEY$\"; }")]
        [InlineData("class C { string a = \"x\" /* \" */; string k = \"$KEY$\"; }")]
        public void A_literal_holding_a_key_or_a_pair_is_seen(string source)
            => Assert.True(SourceScan.Of(Snippet.Expand(source)).HoldsCredentialText, source);

        [Fact]
        public void A_key_written_with_escapes_is_seen()
        {
            var key = FakeCredentials.Default.ApiKey;
            var escaped = "\\x" + ((int)key[0]).ToString("X2") + "\\u00" + ((int)key[1]).ToString("X2") + key.Substring(2);
            Assert.True(SourceScan.Of("class C { string k = \"" + escaped + "\"; }").HoldsCredentialText);
        }

        /// <summary>
        /// The run search jumps a window at a time (<c>HoldsCredentialRun</c>); it must find exactly what reading every
        /// maximal run of key characters finds, wherever a key, a pair or a near miss sits against the window's edges.
        /// </summary>
        /// <summary>
        /// The lists a scan fills are its thread's, reused from file to file (<see cref="SourceScan.Of"/>): what one file
        /// leaves in them, even a file large enough that the thread drops its grown lists, must not show in the next.
        /// </summary>
        [Fact]
        public void A_scan_is_the_same_whatever_its_thread_scanned_before()
        {
            var fake = FakeCredentials.Default;
            var half = fake.ApiKey.Length / 2;
            var source = "class C\n{\n    const string Head = \"" + fake.ApiKey.Substring(0, half) + "\";\n" +
                         "    static string Key = Head + \"" + fake.ApiKey.Substring(half) + "\";\n" +
                         "    static string Name(string id) => \"user-\" + id + \"-\" + Tail;\n" +
                         "    static readonly string Tail = \"abcdefghijklmnopqrstuvwxyz0123\";\n}\n";
            var big = new System.Text.StringBuilder("class Big\n{\n    const string A = \"x\", B = \"y\";\n    static int[] M = {\n");
            for (var i = 0; i < 20_000; i++)
            {
                big.Append("        a").Append(i).Append(" + b").Append(i).Append(" + \"s").Append(i).Append("\",\n");
            }

            big.Append("    };\n}\n");

            // First on a thread that has scanned nothing, then after a large file and after a small one on the same thread.
            var fresh = OnNewThread(() => Facts(SourceScan.Of(source)));
            var afterLarge = OnNewThread(() =>
            {
                Assert.NotEmpty(SourceScan.Of(big.ToString()).BoundJoins);
                return Facts(SourceScan.Of(source));
            });
            var afterSmall = OnNewThread(() =>
            {
                SourceScan.Of(source);
                SourceScan.Of("class D { string s = \"a\" + b + \"c\"; const string E = \"0123456789abcdef0123\"; }");
                return Facts(SourceScan.Of(source));
            });

            Assert.DoesNotContain("Bound=;", fresh);
            Assert.Contains("Head", fresh);
            Assert.Equal(fresh, afterLarge);
            Assert.Equal(fresh, afterSmall);
        }

        private static string OnNewThread(System.Func<string> read)
        {
            string? result = null;
            System.Exception? failure = null;
            var thread = new System.Threading.Thread(() =>
            {
                try
                {
                    result = read();
                }
                catch (System.Exception e)
                {
                    failure = e;
                }
            });
            thread.Start();
            thread.Join();
            if (failure != null)
            {
                throw new System.InvalidOperationException("the scan on its own thread failed", failure);
            }

            return result!;
        }

        private static string Facts(SourceScan scan)
            => "Joins=" + string.Join(",", scan.Joins) + "; Bound=" + string.Join(",", scan.BoundJoins.Select(b => b.Position)) +
               "; Carriers=" + string.Join(",", scan.Carriers.OrderBy(c => c, System.StringComparer.Ordinal)) +
               "; Known=" + string.Join(",", scan.KnownNames.OrderBy(c => c, System.StringComparer.Ordinal)) +
               "; Key=" + scan.HoldsCredentialText + "; Inworld=" + scan.NamesInworld;

        [Fact]
        public void The_jumping_run_search_finds_what_reading_every_run_finds()
        {
            var fake = FakeCredentials.Default;
            var pieces = new[]
            {
                fake.ApiKey, fake.RawPair, fake.UrlSafeApiKey, fake.ApiKey.Substring(0, 43), fake.ApiKey.Substring(1), fake.RawPair.Substring(0, 32),
                fake.KeyId, fake.Secret, "abcdefghijklmnopqrstuvwxyz0123456789", "x", "AbC", "=", ":", "+", "/",
            };
            var separators = new[] { " ", ".", "(", "\"", ", ", "\n", "!", "é" };
            var random = new System.Random(20261207);
            var disagreements = 0;
            var found = 0;
            for (var sample = 0; sample < 4000; sample++)
            {
                var builder = new System.Text.StringBuilder();
                var parts = random.Next(1, 8);
                for (var part = 0; part < parts; part++)
                {
                    builder.Append(pieces[random.Next(pieces.Length)]);
                    if (random.Next(3) > 0)
                    {
                        builder.Append(separators[random.Next(separators.Length)]);
                    }
                }

                var text = builder.ToString();
                var expected = System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z0-9+/=_:-]{33,}")
                    .Cast<System.Text.RegularExpressions.Match>()
                    .Any(run => SourceScan.IsCredentialValue(run.Value));
                found += expected ? 1 : 0;
                if (SourceScan.TextHoldsCredential(text) != expected)
                {
                    disagreements++;
                }
            }

            Assert.Equal(0, disagreements);
            Assert.InRange(found, 500, 3900);
        }

        [Theory]
        [InlineData("class C { string h = \"8138e8a0fcf3a4e84a771d40fd305d7f4aa59306d7251de54d98af8fe95729a1f\"; }")]
        [InlineData("class C { string m = \"Invalid key length: expected 32 bytes, found fewer\"; }")]
        [InlineData("class C { string o = \"1.2.840.113549.1.1.11\"; }")]
        [InlineData("class GetUnsignedByteLengthOfTheEncodedKeyMaterialForThisAlgorithm { }")]
        [InlineData("// $KEY$ in a comment without quotes\nclass C { }")]
        public void Text_that_is_no_key_or_pair_is_not_taken_for_one(string source)
            => Assert.False(SourceScan.Of(Snippet.Expand(source)).HoldsCredentialText, source);

        [Theory]
        [InlineData("var k = \"$KEY1$\" + Rest;")]
        [InlineData("var k = First + \"$KEY2$\";")]
        [InlineData("var k = First + @\"$KEY2$\";")]
        [InlineData("var k = First + $\"$KEY2$\";")]
        [InlineData("var k = (\"$KEY1$\") + Rest;")]
        [InlineData("var k = \"$KEY1$\"\n    + Rest;")]
        [InlineData("var k = \"$KEY1$\" /* first part */ + Rest;")]
        [InlineData("var k = \"abc\" + Rest;")]
        [InlineData("var k = Id + \":\" + Secret;")]
        [InlineData("var k = $\"{Id}:{Secret}\";")]
        [InlineData("var k = $\"{First}{Rest}\";")]
        [InlineData("var k = $@\"{First}{Rest}\";")]
        [InlineData("var k = \"Basic \" + Pair;")]
        [InlineData("var k = $\"Basic {Pair}\";")]
        [InlineData("var k = string.Concat(\"$KEY1$\", Rest);")]
        [InlineData("var k = string.Concat(\n    First,\n    \"$KEY2$\");")]
        [InlineData("var k = string.Format(\"{0}{1}\", First, Rest);")]
        [InlineData("var k = string.Format(CultureInfo.InvariantCulture, \"{0}:{1}\", Id, Secret);")]
        public void A_literal_that_can_join_fragments_of_a_key_is_a_join(string statement)
        {
            // A join next to names only (Rest, First, Secret) counts once one of the names may hold a known value.
            var scan = SourceScan.Of(Snippet.Expand("class C { void M() { " + statement + " } }"));
            Assert.NotEmpty(scan.LiveJoins(new[] { "First", "Rest", "Id", "Secret", "Pair" }));
        }

        [Theory]
        [InlineData("var k = \"$KEY1$\" + \"$KEY2$\";")]
        [InlineData("var k = \"$KEY1$\"\n    + @\"$KEY2$\";")]
        [InlineData("var k = \"$ID$\" + \":\" + \"$SECRET$\";")]
        [InlineData("var k = \"Basic \" + (Pair);")]
        [InlineData("const string Format = \"{0}\" + \"{1}\";")]
        [InlineData("var k = string.Format(\"{0}\" + \"{1}\", First, Rest);")]
        [InlineData("var k = \"abc\" + (Rest);")]
        [InlineData("var k = \"abc\" + nameof(Rest);")]
        [InlineData("var k = \"abc\" + x?.Rest;")]
        [InlineData("var k = (First) + \"abc\";")]
        [InlineData("var k = return(First) + \"abc\";")]
        public void Literals_joined_to_a_literal_key_or_to_what_the_scan_cannot_read_are_joins_wherever_they_are(string statement)
            => Assert.NotEmpty(SourceScan.Of(Snippet.Expand("class C { void M() { " + statement + " } }")).Joins);

        [Theory]
        [InlineData("var h = \"00112233aabbccdd\" + \"eeff0011\"\n    + \"22334455\";")]
        [InlineData("var u = \"ldap://\" + location.Substring(0, slash);")]
        [InlineData("var n = \"CFB\" + Describe(size);")]
        [InlineData("var n = \"tag 0x\" + tag.ToString(\"X\");")]
        [InlineData("var n = \"list\" + items[0];")]
        [InlineData("var n = Prefix() + \"with\" + Suffix();")]
        [InlineData("var n = \"x\" + new string('a', 3);")]
        [InlineData("var n = \"abc\" + 8;")]
        [InlineData("var n = 1.1 + \"abc\";")]
        [InlineData("var n = \"Basic \" + \"abc\";")]
        [InlineData("var n = \"Basic Agreement \" + algorithm + \" not recognised\";")]
        [InlineData("var n = \"{\" + Hash.GetText(h) + \",\" + Sig.GetText(s) + \"}\";")]
        [InlineData("var n = \"KeyUsage: 0x\" + ((data[1] & 0xff) << 8 | (data[0] & 0xff)).ToString(\"X\");")]
        [InlineData("var n = \"tag 0x\" + ((int)initialTag).ToString(\"X\");")]
        [InlineData("var n = \"hss private key\" + (keyPair.IsShard() ? \" shard\" : \"\") + \" is exhausted\";")]
        [InlineData("var n = (compress ? \"de\" : \"in\") + \"flating: \" + z.msg;")]
        [InlineData("var n = (encrypt ? \"Encrypt\" : \"Decrypt\") + \" did not reset\";")]
        [InlineData("var n = $\"{nameof(DHBasicAgreement)} expects {nameof(DHPrivateKeyParameters)}\";")]
        [InlineData("var n = $\"{Describe()}/{mode}/NoPadding\";")]
        [InlineData("var n = $\"{values[0]}:{values[1]}\";")]
        [InlineData("var n = $\"{a,8}{b:X2}\";")]
        [InlineData("var n = string.Format(\"BouncyCastle-{0}\", Guid.NewGuid());")]
        [InlineData("var n = testVector[\"tcId\"] + \": pre-hashed verification\";")]
        [InlineData("var n = \"Certificate:\\n\" +\n    \"    X509v3 Basic Constraints: \\n\" +\n    \"-----END CERTIFICATE-----\\n\";")]
        public void Literals_joined_only_to_literals_or_calls_are_no_joins(string statement)
        {
            var scan = SourceScan.Of("class C { void M() { " + statement + " } }");
            Assert.Empty(scan.Joins);
            Assert.Empty(scan.BoundJoins);
        }

        [Fact]
        public void A_literal_joined_to_names_is_a_join_only_when_every_name_may_hold_a_known_value()
        {
            var scan = SourceScan.Of("class C { string M(string digestName, Key key) => digestName + \"with\" + key.Algorithm; }");
            Assert.Empty(scan.Joins);
            Assert.Equal(new[] { "digestName" }, scan.BoundJoins.Select(j => j.Before));
            Assert.Equal(new[] { "Algorithm" }, scan.BoundJoins.Select(j => j.After));
            Assert.Empty(scan.LiveJoins(new[] { "Other" }));
            Assert.Empty(scan.LiveJoins(new[] { "Algorithm" }));
            Assert.NotEmpty(scan.LiveJoins(new[] { "digestName", "Algorithm" }));
        }

        [Theory]
        [InlineData("var k = Describe() + \"abc\" + Rest;")]
        [InlineData("var k = Rest + \"abc\" + items[0];")]
        [InlineData("var k = First + \"abc\" + new string('a', 3);")]
        public void A_call_across_the_join_leaves_no_value_to_find_whatever_the_names(string statement)
        {
            var scan = SourceScan.Of("class C { void M() { " + statement + " } }");
            Assert.Empty(scan.LiveJoins(new[] { "First", "Rest" }));
        }

        /// <summary>
        /// StringValues gives a value to constants (whatever their initialiser), and to read-only fields, get-only properties
        /// and locals whose initialiser is a single literal; never to an expression-bodied member, and a constant of a number
        /// type never joins a string.
        /// </summary>
        [Fact]
        public void Known_names_are_string_constants_and_names_a_literal_initialises()
        {
            var scan = SourceScan.Of(
                "class C { const string A = B + C, D = nameof(C); public const int E = 1; const bool G = true; static readonly string R = \"r\"; string P { get; } = \"p\"; " +
                "string X => \"x\"; void M() { var l = \"l\"; const string F = A + D; string notKnown = M2(); } }");
            Assert.Equal(new[] { "A", "D", "F", "P", "R", "l" }, scan.KnownNames.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        /// <summary>
        /// A join next to known names is judged with the values the names may hold: the longest run of key characters through
        /// it must reach the shorter credential's length, and when every value is known, a joined value must hold a key.
        /// </summary>
        [Theory]
        [InlineData("class P { const string Name = \"AES\"; } class C { string M() => Name + \": Okay\"; }", false)]
        [InlineData("class P { const string Name = \"$ID$\"; } class C { string M() => Name + \":$SECRET$\"; }", true)]
        [InlineData("class P { const string Name = Other + \"x\"; } class C { string M() => Name + \": Okay\"; }", true)]
        [InlineData("class P { const string type = \"CERTIFICATE\"; } class C { string M() => \"-----BEGIN \" + type + \"-----\"; }", false)]
        [InlineData("class P { const string type = \"CERTIFICATE\"; } class C { string M(string x) => x + type + \"-----\"; }", true)]
        [InlineData("class P { const string digestName = \"SHA256\"; } class C { string M() => \"RSA//OAEPWITH\" + digestName + \"ANDMGF1Padding\"; }", false)]
        [InlineData("class P { const string T = \"0011223344556677\"; } class C { string M() => \"BEA5E8798DBE7110031C144DA0B2612213CC8B747807121A\" + T; }", false)]
        [InlineData("class P { const string T = \"$KEY2$\"; } class C { string M() => \"$KEY1$\" + T; }", true)]
        [InlineData("class P { string size = \"1024\"; } class C { string M() => \"basic \" + size + \" bit test\"; }", false)]
        [InlineData("class P { const string Key = Other; } class C { string M() => \"Basic \" + Key; }", true)]
        [InlineData("class P { static readonly string T = \"\"\"\n    $KEY2$\n    \"\"\"; } class C { string M() => \"$KEY1$\" + T; }", true)]
        [InlineData("class P { static readonly string T = \"$KEY2$\" + Other; } class C { string M() => \"$KEY1$\" + T; }", false)]
        [InlineData("class P { const string T = \"$KEY2$\" + Other; } class C { string M() => \"$KEY1$\" + T; }", true)]
        [InlineData("class P { string T => \"$KEY2$\"; } class C { string M() => \"$KEY1$\" + T; }", false)]
        [InlineData("class P { const string Name = \"x\"; } class C { string M() => $\"{Name}/{Mode}\"; }", false)]
        [InlineData("class P { const string Name = \"x\", Mode = \"y\"; } class C { string M() => $\"{Name}/{Mode}\"; }", true)]
        public void Joins_next_to_known_names_are_judged_with_their_values(string source, bool live)
        {
            var scans = new[] { SourceScan.Of(Snippet.Expand(source)) };
            var known = SourceScan.KnownAmong(scans, SourceScan.BoundNames(scans));
            Assert.Equal(live, scans[0].LiveJoins(known).Length > 0);
        }

        /// <summary>The joins with no literal at them, next to a name that carries a fragment (<see cref="SourceScan.CarrierJoins"/>).</summary>
        [Theory]
        [InlineData("string M() => First + Rest;", true)]
        [InlineData("string M() => string.Concat(First, Rest);", true)]
        [InlineData("string M() => string.Concat(First, Describe());", false)]
        [InlineData("string M() => string.Concat(rootId, \".\", branchId);", false)]
        [InlineData("static byte[] Concat(byte[] a, byte[] b) => null;", false)]
        [InlineData("string M() => First + \"$KEY2$\";", false)]
        [InlineData("string M() => Fail(\"\" + First + \" failed\");", false)]
        [InlineData("string M() => Other + \"\" + First;", true)]
        [InlineData("int M(int[] a, int First) => (a[0] & 0xFF) + (First >> 8);", false)]
        [InlineData("string M() => \"pub=MEMwBQYDK2VxAzoA+First\";", false)]
        [InlineData("/// + First bytes long\nstring M() => null;", false)]
        [InlineData("int M(byte[] P, int x1, int c) => P[(x1 + First + c) & 0xFF];", false)]
        [InlineData("bool M(int i, int j) => j < i + First;", false)]
        [InlineData("ulong M(uint yw, uint xw) => (ulong)yw * (ulong)First + (ulong)xw;", false)]
        [InlineData("string M(string[] zz, int zzOff) => zz[zzOff + First];", true)]
        [InlineData("string M(bool b) => b ? First + Rest : null;", true)]
        [InlineData("string M() => First + // the rest\n    Rest;", true)]
        [InlineData("bool M() => First + Rest == Other;", true)]
        [InlineData("bool M(List<int> l) => l.Count < 2 && First + Rest == Other;", true)]
        public void Carrier_joins_are_where_a_carrier_can_meet_another_value(string member, bool join)
        {
            var carriers = new SourceScan.CarrierNames(new[] { "First" });
            var joins = SourceScan.Of(Snippet.Expand("class C { " + member + " }")).CarrierJoins(carriers);
            Assert.Equal(join, joins.Count > 0);
        }

        [Theory]
        [InlineData("static class Parts { public const string Tail = \"$KEY2$\"; }", true)]
        [InlineData("static class Parts { public static readonly string Tail = \"$KEY2$\"; }", true)]
        [InlineData("static class Parts { public const string Tail = \"abc\"; }", false)]
        [InlineData("static class Parts { public static string Tail => Compute(); static string Compute() => null; }", false)]
        public void A_join_next_to_a_name_another_file_gives_a_value_is_live(string parts, bool admitted)
        {
            var compilation = Compile(("Parts.cs", parts), ("Use.cs", "class Use { string M() => \"$KEY1$\" + Parts.Tail; }"));
            var screen = CompilationScreen.For(compilation, default);

            Assert.True(screen.JoinsOnly, screen.FullAnalysisReason);
            Assert.Equal(admitted, screen.MayHoldFinding(compilation.GetTypeByMetadataName("Use")!));
        }

        [Fact]
        public void A_join_next_to_a_constant_of_a_referenced_assembly_is_live()
        {
            var library = Emit("public static class Parts { public const string Tail = \"abc\"; }", "Parts");
            var compilation = Compile(("Use.cs", "class Use { string M() => \"def\" + Parts.Tail; }")).AddReferences(library);
            var screen = CompilationScreen.For(compilation, default);

            Assert.True(screen.JoinsOnly, screen.FullAnalysisReason);
            Assert.True(screen.MayHoldFinding(compilation.GetTypeByMetadataName("Use")!));
        }

        [Theory]
        [InlineData("throw new ArgumentException(\"Invalid length: \" + length);")]
        [InlineData("throw new ArgumentException(\"Invalid length\", nameof(length));")]
        [InlineData("Register(\"SHA256\", digest);")]
        [InlineData("var m = $\"Invalid length {length}.\";")]
        [InlineData("var m = string.Format(\"Invalid length {0}.\", length);")]
        [InlineData("/// <exception cref=\"ArgumentException\"/> + x\nvar a = 1;")]
        public void Literals_that_cannot_continue_a_key_are_not_joins(string statement)
        {
            var scan = SourceScan.Of("class C { void M() { " + statement + " } }");
            Assert.Empty(scan.Joins);
            Assert.Empty(scan.BoundJoins);
        }

        [Fact]
        public void A_compilation_naming_Inworld_nowhere_is_screened_to_the_types_with_a_join()
        {
            var compilation = Compile(
                ("Quiet.cs", "class Quiet { string M(int n) => \"Invalid length: \" + n; }"),
                ("Joined.cs", "class Joined { const string Id = \"$ID$\", Secret = \"$SECRET$\"; string M() => Id + \":\" + Secret; }"));
            var screen = CompilationScreen.For(compilation, default);

            Assert.True(screen.JoinsOnly, screen.FullAnalysisReason);
            Assert.False(screen.MayHoldFinding(compilation.GetTypeByMetadataName("Quiet")!));
            Assert.True(screen.MayHoldFinding(compilation.GetTypeByMetadataName("Joined")!));
        }

        [Theory]
        [InlineData("class Settings { string Url = \"https://api.inworld.ai/tts/v1/voice\"; }", "names Inworld")]
        [InlineData("class Settings { string Key = \"$KEY$\"; }", "holds a key")]
        [InlineData("class Settings { string Pair = \"$PAIR$\"; }", "holds a key")]
        [InlineData("var k = \"abc\" + (args[0]);", "top-level statements")]
        public void A_compilation_that_may_hold_a_finding_anywhere_is_analysed_in_full(string source, string reason)
        {
            var compilation = Compile(("Quiet.cs", "class Quiet { }"), ("Other.cs", source));
            var screen = CompilationScreen.For(compilation, default);

            Assert.False(screen.JoinsOnly);
            Assert.Contains(reason, screen.FullAnalysisReason);
        }

        [Theory]
        [InlineData("public static class Api { public const string Key = \"$KEY$\"; }", "Api")]
        [InlineData("public static class Api { public static void Connect(string key = \"$PAIR$\") { } }", "Api")]
        [InlineData("public static class Api { public static void Connect(string key) { } }", "InworldSdk")]
        [InlineData("namespace Inworld.Sdk { public static class Api { } }", "Api")]
        [InlineData("public static class Api { public static void SetInworldKey(string key) { } }", "Api")]
        public void A_referenced_assembly_that_names_Inworld_or_holds_a_key_makes_the_analysis_full(string librarySource, string assemblyName)
        {
            var compilation = Compile(("Game.cs", "class Game { void Start() { } }")).AddReferences(Emit(librarySource, assemblyName));
            var screen = CompilationScreen.For(compilation, default);

            Assert.False(screen.JoinsOnly);
            Assert.Contains(assemblyName, screen.FullAnalysisReason);
        }

        [Fact]
        public void A_referenced_assembly_with_no_Inworld_name_and_no_key_keeps_the_screen()
        {
            var library = Emit("public static class Api { public const string Name = \"algorithm\"; public static void Connect(string mode = \"fast\") { } }", "Api");
            var compilation = Compile(("Game.cs", "class Game { void Start() { Api.Connect(); } }")).AddReferences(library);

            Assert.True(CompilationScreen.For(compilation, default).JoinsOnly);
        }

        /// <summary>
        /// The one kind of finding a screened compilation can hold: a key made of fragments where a literal joins them.
        /// DiagnosticsFor also runs the input with the screen off and requires the same findings.
        /// </summary>
        [Theory]
        [InlineData("class Parts { public const string First = \"$KEY1$\"; }", "class Client { string Key() => Parts.First + \"$KEY2$\"; }")]
        [InlineData("class Parts { public const string Rest = \"$KEY2$\"; }", "class Client { string Key() => \"$KEY1$\" + Parts.Rest; }")]
        [InlineData("class Parts { public const string First = \"$KEY1$\", Rest = \"$KEY2$\"; }", "class Client { string Key() => $\"{Parts.First}{Parts.Rest}\"; }")]
        [InlineData("class Parts { public const string Id = \"$ID$\", Secret = \"$SECRET$\"; }", "using System; using System.Text;\nclass Client { string Key() => Convert.ToBase64String(Encoding.UTF8.GetBytes(Parts.Id + \":\" + Parts.Secret)); }")]
        [InlineData("class Parts { public const string Id = \"$ID$\", Secret = \"$SECRET$\"; }", "class Client { string Header() => \"Basic \" + Parts.Id + \":\" + Parts.Secret; }")]
        [InlineData("class Parts { public const string First = \"$KEY1$\", Rest = \"$KEY2$\"; }", "class Client { string Key() => Parts.First + Parts.Rest; }")]
        [InlineData("class Parts { public const string First = @\"$KEY1$\"; public const string Rest = (\"$KEY2$\"); }", "class Client { string Key() => Parts.First\n        + Parts.Rest; }")]
        [InlineData("class Parts { public const string First = \"$KEY1$\", Rest = \"$KEY2$\"; }", "class Client { string Key() => string.Concat(Parts.First, Parts.Rest); }")]
        [InlineData("class Parts { }", "class Client { string Key() { const string a = \"$KEY1$\"; const string b = \"$KEY2$\"; return a + b; } }")]
        [InlineData("class Parts { public static readonly string Rest = \"$KEY2$\"; }", "class Client { string Key() => \"$KEY1$\" + Parts.Rest; }")]
        [InlineData("class Parts { public string Rest { get; } = \"$KEY2$\"; }", "class Client { string Key(Parts p) => \"$KEY1$\" + p.Rest; }")]
        [InlineData("class Parts { }", "class Client { string Key() => \"$KEY1$\"\n        + \"$KEY2$\"; }")]
        public async Task A_key_joined_from_fragments_in_a_screened_compilation_is_found(string parts, string client)
        {
            var compilation = Compile(("Parts.cs", parts), ("Client.cs", client));
            Assert.True(CompilationScreen.For(compilation, default).JoinsOnly);

            var diagnostics = await DiagnosticsFor.CompilationAsync(new HardcodedCredentialAnalyzer(), compilation);

            Assert.Contains(diagnostics, d => d.Id == RuleIds.HardcodedCredential && d.Location.SourceTree!.FilePath == "Client.cs");
        }

        /// <summary>
        /// What the screen assumes (docs/performance.md): in a compilation that names Inworld nowhere, a join with no
        /// literal at it is followed only from the names of constants initialised with a fragment. Two constants that
        /// copy such constants, joined elsewhere, are not. Pinned so that a change of this limit is seen: without the
        /// screen the key is found, with it not.
        /// </summary>
        [Fact]
        public async Task Copies_of_fragment_constants_joined_without_a_literal_are_the_screens_documented_limit()
        {
            var compilation = Compile(
                ("Parts.cs", "class Parts { public const string First = \"$KEY1$\", Rest = \"$KEY2$\"; }"),
                ("Copies.cs", "class Copies { public const string A = Parts.First, B = Parts.Rest; }"),
                ("Client.cs", "class Client { string Key() => Copies.A + Copies.B; }"));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer());
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

            var without = await PreFilterEquivalence.RunAsync(compilation, analyzers, options, preFilter: false, default);
            var with = await PreFilterEquivalence.RunAsync(compilation, analyzers, options, preFilter: true, default);

            Assert.Contains(without, line => line.Contains("Client.cs"));
            Assert.Empty(with);
        }

        [Fact]
        public void Constants_initialised_with_a_fragment_are_carriers()
        {
            var compilation = Compile(("Parts.cs",
                "class Parts { public const string First = \"$KEY1$\", Short = \"abc\"; static readonly string Field = \"AES/CBC/PKCS7PADDING\"; string Property => \"ABCDEFGHIJ\"; string Message = \"not a fragment\"; string M() => \"ABCDEFGHIJKL\"; }"));
            var screen = CompilationScreen.For(compilation, default);

            Assert.Equal(new[] { "Field", "First", "Property" }, screen.Carriers.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        /// <summary>A table of numbers over many blocks of the large-text check, and a chunked text of it as the compiler reads files.</summary>
        private static string NumberTable(int rows)
        {
            var builder = new System.Text.StringBuilder("internal static class Table\n{\n    internal static readonly ulong[] Values = {\n");
            for (var row = 0; row < rows; row++)
            {
                builder.Append("        0x").Append(((ulong)row * 2654435761UL).ToString("X16")).Append("UL, 0x").Append(((ulong)row * 40503UL).ToString("X16")).Append("UL,\n");
            }

            return builder.Append("    };\n}\n").ToString();
        }

        private static Microsoft.CodeAnalysis.Text.SourceText Chunked(string text)
            => Microsoft.CodeAnalysis.Text.SourceText.From(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), System.Text.Encoding.UTF8);

        [Fact]
        public void A_large_table_of_numbers_is_read_through_a_buffer_and_gives_the_empty_scan()
        {
            var table = NumberTable(2000);
            Assert.True(table.Length > 3 * 8192);
            var text = Chunked(table);
            Assert.NotEqual("StringText", text.GetType().Name);
            Assert.True(CompilationScreen.HoldsNothingToScan(text));

            // What the whole read would give: nothing.
            var whole = SourceScan.Of(table);
            Assert.False(whole.NamesInworld || whole.HoldsCredentialText);
            Assert.Empty(whole.Joins);
            Assert.Empty(whole.BoundJoins);
            Assert.Empty(whole.Carriers);
            Assert.Empty(whole.KnownNames);
        }

        /// <summary>
        /// Each thing the scan reads, written into the table at every place around the edges of the check's blocks
        /// (8,192 characters, read with 8 of the next): none may be missed, so the text is read whole.
        /// </summary>
        [Theory]
        [InlineData("\"")]
        [InlineData("+")]
        [InlineData("const")]
        [InlineData("Concat(")]
        [InlineData("inworld")]
        [InlineData("INWORLD")]
        [InlineData("InWorld")]
        [InlineData("\u0131nworld")]
        public void Whatever_the_scan_reads_sends_a_large_text_to_the_whole_read_wherever_it_stands(string word)
        {
            var table = NumberTable(2000);
            var missed = new System.Collections.Generic.List<int>();
            foreach (var blockEdge in new[] { 8192, 2 * 8192 })
            {
                for (var at = blockEdge - 10; at <= blockEdge + 10; at++)
                {
                    if (CompilationScreen.HoldsNothingToScan(Chunked(table.Insert(at, word))))
                    {
                        missed.Add(at);
                    }
                }
            }

            Assert.Empty(missed);
            Assert.False(CompilationScreen.HoldsNothingToScan(Chunked(table + word)));
            Assert.False(CompilationScreen.HoldsNothingToScan(Chunked(word + table)));
        }

        [Fact]
        public void A_key_at_the_end_of_a_large_file_the_compiler_reads_in_chunks_makes_the_analysis_full()
        {
            var source = NumberTable(2000) + Snippet.Expand("class Settings { string Key = \"$KEY$\"; }");
            var tree = CSharpSyntaxTree.ParseText(Chunked(source), new CSharpParseOptions(LanguageVersion.Preview), "Table.cs");
            Assert.NotEqual("StringText", tree.GetText().GetType().Name);
            var compilation = Compile(("Quiet.cs", "class Quiet { }")).AddSyntaxTrees(tree);

            var screen = CompilationScreen.For(compilation, default);

            Assert.False(screen.JoinsOnly);
            Assert.Contains("holds a key", screen.FullAnalysisReason);
        }

        private static CSharpCompilation Compile(params (string Path, string Source)[] sources)
            => CSharpCompilation.Create(
                "Test",
                sources.Select(s => CSharpSyntaxTree.ParseText(Snippet.Expand(s.Source), new CSharpParseOptions(LanguageVersion.Preview), s.Path)),
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(sources.Any(s => s.Source.StartsWith("var ")) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));

        private static MetadataReference Emit(string source, string assemblyName)
        {
            var library = CSharpCompilation.Create(assemblyName, new[] { CSharpSyntaxTree.ParseText(Snippet.Expand(source)) },
                Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new System.IO.MemoryStream();
            var result = library.Emit(image);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
