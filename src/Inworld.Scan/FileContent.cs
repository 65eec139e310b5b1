using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Scan
{
    /// <summary>
    /// Reads one scanned file for the analyzers, and says so whenever it cannot read it in full: a file that
    /// cannot be opened or is too large is an error (the run exits 2); a binary file is read for its printable
    /// text, with a note. Nothing is skipped without a word.
    /// </summary>
    internal static class FileContent
    {
        /// <summary>
        /// Largest file read (its text is held in memory as UTF-16, twice its size in bytes). INW004 reads any
        /// length in bounded segments; this only keeps the scanner itself from exhausting memory on, say, a
        /// committed video named ".asset". A larger file is named and the run exits 2.
        /// </summary>
        public const long MaxFileBytes = 256L * 1024 * 1024;

        /// <summary>As git does, a NUL byte in the first 8,000 bytes makes a file binary.</summary>
        private const int BinaryProbeBytes = 8000;

        /// <summary>
        /// Content that stands in for files on disk, by full path: the staged blob of a file (--staged) or a blob of
        /// the history (--history), so the engine reads what git holds, not the working tree. Set by the git modes
        /// while they scan; null otherwise.
        /// </summary>
        public static IReadOnlyDictionary<string, byte[]>? Overlay { get; set; }

        /// <summary>
        /// The text of a C# file as <see cref="Read"/> gives it, decoded straight to a string when it is UTF-8 (with or
        /// without a mark), the common case: the pre-filter reads every file's text, and most are never parsed, so no
        /// SourceText is built for them (<see cref="ToSourceText"/> builds one for the files that are). Null when the
        /// file cannot be read (said in <paramref name="problems"/>).
        /// </summary>
        public static string? ReadText(string path, ScanProblems problems)
        {
            try
            {
                byte[] bytes;
                if (Overlay != null && Overlay.TryGetValue(path, out var staged))
                {
                    bytes = staged;
                }
                else
                {
                    var info = new FileInfo(path);
                    if (info.Length == 0)
                    {
                        return string.Empty;
                    }

                    if (info.Length > MaxFileBytes)
                    {
                        return Read(path, problems)?.ToString();
                    }

                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
                    bytes = new byte[stream.Length];
                    if (ReadFully(stream, bytes) != bytes.Length)
                    {
                        return Read(path, problems)?.ToString();
                    }
                }

                var probed = (int)Math.Min(BinaryProbeBytes, bytes.Length);
                var hasUtf16Mark = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
                if (hasUtf16Mark || Classify(bytes, probed) != Kind.Text)
                {
                    // UTF-16, binary: decoded as Read decodes them, from the bytes already read.
                    using var content = new MemoryStream(bytes, writable: false);
                    return Decode(path, content, problems).ToString();
                }

                var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                return Utf8.GetString(bytes, start, bytes.Length - start);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException || e is NotSupportedException)
            {
                problems.NotRead(path, e);
                return null;
            }
        }

        /// <summary>The SourceText the compiler parses, for a text read by <see cref="ReadText"/>.</summary>
        public static SourceText ToSourceText(string text) => SourceText.From(text, Encoding.UTF8);

        /// <summary>UTF-8 that replaces invalid bytes, as SourceText decodes a file with no mark that is not valid UTF-8.</summary>
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        public static SourceText? Read(string path, ScanProblems problems)
        {
            try
            {
                if (Overlay != null && Overlay.TryGetValue(path, out var bytes))
                {
                    using var blob = new MemoryStream(bytes, writable: false);
                    return bytes.Length == 0 ? SourceText.From(string.Empty) : Decode(path, blob, problems);
                }

                // FIFOs, sockets and devices report length 0, and opening a FIFO would wait for a writer forever.
                // Git cannot store them; an empty regular file has nothing to scan either.
                if (new FileInfo(path).Length == 0)
                {
                    return SourceText.From(string.Empty);
                }

                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
                if (stream.Length > MaxFileBytes)
                {
                    problems.Error(path, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                        "not scanned: {0:N0} bytes is more than the {1} MiB inworld-scan reads from one file", stream.Length, MaxFileBytes / (1024 * 1024)));
                    return null;
                }

                return Decode(path, stream, problems);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException || e is NotSupportedException)
            {
                problems.NotRead(path, e);
                return null;
            }
        }

        private static SourceText Decode(string path, Stream stream, ScanProblems problems)
        {
            var probe = new byte[(int)Math.Min(BinaryProbeBytes, stream.Length)];
            var probed = ReadFully(stream, probe);
            stream.Position = 0;
            switch (Classify(probe, probed))
            {
                case Kind.Utf16LittleEndian:
                    return SourceText.From(stream, Encoding.Unicode);
                case Kind.Utf16BigEndian:
                    return SourceText.From(stream, Encoding.BigEndianUnicode);
                case Kind.Binary:
                    problems.Note(path, "binary file (NUL bytes): scanned its printable text for credentials, not as settings or code");
                    using (var reader = new PrintableTextReader(stream))
                    {
                        return SourceText.From(reader, (int)stream.Length);
                    }

                default:
                    return SourceText.From(stream, Encoding.UTF8);
            }
        }

        private enum Kind
        {
            Text,
            Utf16LittleEndian,
            Utf16BigEndian,
            Binary,
        }

        private static Kind Classify(byte[] probe, int length)
        {
            // A byte order mark says what the text is (SourceText reads UTF-8 and UTF-16 marks itself).
            if (length >= 2 && ((probe[0] == 0xFF && probe[1] == 0xFE) || (probe[0] == 0xFE && probe[1] == 0xFF)))
            {
                return Kind.Text;
            }

            int evenNuls = 0, oddNuls = 0;
            for (var i = 0; i < length; i++)
            {
                if (probe[i] == 0)
                {
                    if ((i & 1) == 0) evenNuls++;
                    else oddNuls++;
                }
            }

            if (evenNuls + oddNuls == 0)
            {
                return Kind.Text;
            }

            // UTF-16 without a mark (ASCII text saved as "Unicode"): nearly every other byte is NUL, the rest are not.
            var pairs = length / 2;
            if (pairs >= 8)
            {
                if (oddNuls * 10 >= pairs * 9 && evenNuls * 10 <= pairs) return Kind.Utf16LittleEndian;
                if (evenNuls * 10 >= pairs * 9 && oddNuls * 10 <= pairs) return Kind.Utf16BigEndian;
            }

            return Kind.Binary;
        }

        private static int ReadFully(Stream stream, byte[] buffer)
        {
            var total = 0;
            while (total < buffer.Length)
            {
                var read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0) break;
                total += read;
            }

            return total;
        }

        /// <summary>
        /// A binary file as text, one character per byte: printable ASCII, tabs and line breaks are kept, every other
        /// byte becomes a space. Strings stored in the file (Unity's binary serialization keeps them as UTF-8 bytes)
        /// stay whole and separated, so a key among them is found; offsets and lines are those of the bytes.
        /// </summary>
        private sealed class PrintableTextReader : TextReader
        {
            private readonly Stream _stream;
            private byte[] _bytes = Array.Empty<byte>();

            public PrintableTextReader(Stream stream) => _stream = stream;

            public override int Read(char[] buffer, int index, int count)
            {
                if (_bytes.Length < count) _bytes = new byte[count];
                var read = _stream.Read(_bytes, 0, count);
                for (var i = 0; i < read; i++)
                {
                    var b = _bytes[i];
                    buffer[index + i] = (b >= 0x20 && b < 0x7F) || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t' ? (char)b : ' ';
                }

                return read;
            }

            public override int Peek() => -1;

            public override int Read()
            {
                var b = _stream.ReadByte();
                if (b < 0) return -1;
                return (b >= 0x20 && b < 0x7F) || b == '\n' || b == '\r' || b == '\t' ? b : ' ';
            }
        }
    }
}
