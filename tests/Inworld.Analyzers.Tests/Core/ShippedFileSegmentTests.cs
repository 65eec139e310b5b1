using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.ShippedFiles;
using Inworld.Analyzers.Rules;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// INW004 on files longer than one segment (big Unity scenes and terrain assets): no size limit, every
    /// character examined, findings at their place in the whole file.
    /// </summary>
    public class ShippedFileSegmentTests
    {
        private static readonly FakeCredentials Fake = FakeCredentials.Default;
        private static readonly FakeCredentials Other = FakeCredentials.Other;

        /// <summary>Terrain-like filler: long hex lines (Base64-alphabet runs that are not keys), in many Unity documents.</summary>
        private static string UnityFiller(int minimumLength, int documentEvery = 2000)
        {
            var builder = new StringBuilder(minimumLength + 1024);
            builder.Append(ScanFixturesHeader);
            var line = "  m_Heights: " + string.Concat(Enumerable.Repeat("0123456789abcdef", 8)) + "\n";
            var lines = 0;
            while (builder.Length < minimumLength)
            {
                if (++lines % documentEvery == 0)
                {
                    builder.Append("--- !u!114 &").Append(lines).Append("\nMonoBehaviour:\n");
                }

                builder.Append(line);
            }

            return builder.ToString();
        }

        private const string ScanFixturesHeader = "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n--- !u!114 &1\nMonoBehaviour:\n  m_Name: Terrain\n";

        [Fact]
        public void A_key_at_the_end_of_a_file_longer_than_64_MiB_is_reported_by_the_analyzer_at_its_line()
        {
            // Longer than the 67,108,864 characters the analyzer used to skip without a word.
            var text = UnityFiller(70_000_000) + "--- !u!114 &9\nMonoBehaviour:\n  m_APIKey: " + Fake.ApiKey + "\n";
            var diagnostics = Analyze(("Assets/Terrain.asset", text));

            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal("INW004", diagnostic.Id);
            var span = diagnostic.Location.SourceSpan;
            Assert.Equal(Fake.ApiKey, text.Substring(span.Start, span.Length));
            var expectedLine = text.Take(span.Start).Count(c => c == '\n');
            Assert.Equal(expectedLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Contains("setting 'MonoBehaviour:m_APIKey'", diagnostic.GetMessage());
            Assert.DoesNotContain(Fake.ApiKey.Substring(4, 12), diagnostic.GetMessage());
        }

        [Fact]
        public void Segments_find_what_one_piece_finds_keys_anywhere_pairs_next_to_cuts()
        {
            // Keys spread over three segments, in comments too, and a key id / secret pair in the document that
            // starts right after the first segment would end: the same findings as reading the text in one piece.
            var filler = UnityFiller(ShippedFileScanner.SegmentLength - 200, documentEvery: 50);
            var text = filler +
                "--- !u!114 &7\nMonoBehaviour:\n  m_KeyId: " + Other.KeyId + "\n  m_Secret: " + Other.Secret + "\n" +
                UnityFiller(ShippedFileScanner.SegmentLength / 2, documentEvery: 50) +
                "# old: " + Fake.ApiKey + "\n" +
                UnityFiller(ShippedFileScanner.SegmentLength, documentEvery: 50) +
                "  m_Other: '" + Other.ApiKey + "'\n";
            Assert.True(text.Length > 2 * ShippedFileScanner.SegmentLength);

            var whole = ShippedFileScanner.Scan(text, ShippedFileFormat.UnityYaml);
            var segmented = ShippedFileScanner.Scan(new ShippedFileSourceText(SourceText.From(text)), ShippedFileFormat.UnityYaml, CancellationToken.None);

            Assert.Equal(3, whole.Count);
            Assert.Equal(whole.Select(f => (f.Kind, f.Start, f.Length, f.Where, f.Redacted)), segmented.Select(f => (f.Kind, f.Start, f.Length, f.Where, f.Redacted)));
            Assert.Contains(segmented, f => f.Kind == CredentialKind.RawKeyPair && f.Where == "fields 'm_KeyId' and 'm_Secret'");
        }

        [Fact]
        public void A_key_in_a_file_without_line_breaks_is_found_across_the_cut()
        {
            // One very long line (minified JSON): the cut falls after a character no key can contain.
            var prefix = "{\"data\":[" + string.Concat(Enumerable.Repeat("\"0123456789abcdef\",", ShippedFileScanner.SegmentLength / 19)) ;
            var text = prefix + "\"" + Fake.ApiKey + "\"]}";
            Assert.True(text.Length > ShippedFileScanner.SegmentLength);
            Assert.DoesNotContain('\n', text);

            var finding = Assert.Single(ShippedFileScanner.Scan(new ShippedFileSourceText(SourceText.From(text)), ShippedFileFormat.Json, CancellationToken.None));
            Assert.Equal(prefix.Length + 1, finding.Start);
            Assert.Equal(Fake.ApiKey.Length, finding.Length);
        }

        private static ImmutableArray<Diagnostic> Analyze(params (string Path, string Text)[] files)
        {
            var additional = files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
            var compilation = DiagnosticsFor.CreateCompilation("class C { }", withReferences: false);
            return DiagnosticsFor.CompilationAsync(new ShippedFileCredentialAnalyzer(), compilation, new AnalyzerOptions(additional)).GetAwaiter().GetResult();
        }

        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
