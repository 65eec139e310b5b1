using System.Linq;
using System.Text;
using Inworld.Scan;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// The pre-filter reads every C# file's text with <see cref="FileContent.ReadText"/>, without building a SourceText;
    /// what it reads must be exactly the text the compiler would parse from <see cref="FileContent.Read"/>, whatever the
    /// encoding, and an unreadable file must be said, not skipped.
    /// </summary>
    public sealed class FileContentTests
    {
        public static TheoryData<string, byte[]> Encodings()
        {
            const string text = "class C { string s = \"caf\u00e9 \u2014 \u00fc\"; }\n";
            var utf8 = Encoding.UTF8.GetBytes(text);
            return new TheoryData<string, byte[]>
            {
                { "utf-8", utf8 },
                { "utf-8 with a mark", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(utf8).ToArray() },
                { "utf-16 with a mark", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray() },
                { "utf-16 big endian with a mark", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray() },
                { "utf-16 without a mark", Encoding.Unicode.GetBytes(text) },
                { "latin-1 (invalid utf-8)", Encoding.Latin1.GetBytes(text) },
                { "binary (NUL bytes)", Encoding.UTF8.GetBytes("class C { }\0\0\u0001 string k;").ToArray() },
                { "empty", new byte[0] },
            };
        }

        [Theory]
        [MemberData(nameof(Encodings))]
        public void The_text_read_for_the_pre_filter_is_the_text_the_compiler_parses(string encoding, byte[] bytes)
        {
            using var tree = new ScanTree("read-text");
            var path = tree.WriteBytes("C.cs", bytes);

            var viaSourceText = FileContent.Read(path, new ScanProblems())!.ToString();
            var viaText = FileContent.ReadText(path, new ScanProblems());

            Assert.True(viaSourceText == viaText, encoding);
            Assert.Equal(viaSourceText, FileContent.ToSourceText(viaText!).ToString());
        }

        [Fact]
        public void A_file_that_cannot_be_read_is_an_error_not_an_empty_text()
        {
            using var tree = new ScanTree("read-text-missing");
            var path = tree.DanglingLink("Gone.cs");
            var problems = new ScanProblems();

            Assert.Null(FileContent.ReadText(path, problems));
            Assert.Contains(problems.All, p => p.Path == path);
        }
    }
}
