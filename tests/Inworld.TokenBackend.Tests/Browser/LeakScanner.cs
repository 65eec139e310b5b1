using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace Inworld.TokenBackend.Tests.Browser
{
    /// <summary>A value the scanner looks for, with a name that is safe to print (never the value).</summary>
    internal sealed record SearchedValue(string Name, string Value);

    /// <summary>Where a searched value was found: the place, the value's name and the encoding it was found in.</summary>
    internal sealed record Finding(string Where, string Name, string Encoding)
    {
        public override string ToString() => $"{Where}: {Name} ({Encoding})";
    }

    /// <summary>
    /// Finds values in text and bytes as UTF-8 and as UTF-16LE (how .NET stores string literals in an assembly, also
    /// inside a WebAssembly webcil file), in files as they are and, for .br/.gz files, decompressed.
    /// </summary>
    internal static class LeakScanner
    {
        /// <summary>Every form of the API key that must not reach a browser: raw id:secret, its Base64 (the key), the parts.</summary>
        public static IReadOnlyList<SearchedValue> CredentialForms(FakeCredentials credentials)
        {
            var raw = credentials.KeyId + ":" + credentials.Secret;
            var base64Url = credentials.ApiKey.TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return
            [
                new("API key (Base64)", credentials.ApiKey),
                new("API key (Base64url)", base64Url),
                new("API key (URL-escaped)", Uri.EscapeDataString(credentials.ApiKey)),
                new("API key (raw key id:secret)", raw),
                new("API key (Base64 of the Base64 key)", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.ApiKey))),
                new("key secret", credentials.Secret),
                new("key id", credentials.KeyId),
            ];
        }

        public static IEnumerable<Finding> Scan(string where, string text, IReadOnlyList<SearchedValue> values) =>
            values.Where(v => text.Contains(v.Value, StringComparison.Ordinal)).Select(v => new Finding(where, v.Name, "text"));

        public static IEnumerable<Finding> Scan(string where, ReadOnlySpan<byte> content, IReadOnlyList<SearchedValue> values)
        {
            var findings = new List<Finding>();
            foreach (var value in values)
            {
                if (content.IndexOf(Encoding.UTF8.GetBytes(value.Value)) >= 0)
                {
                    findings.Add(new Finding(where, value.Name, "UTF-8"));
                }

                if (content.IndexOf(Encoding.Unicode.GetBytes(value.Value)) >= 0)
                {
                    findings.Add(new Finding(where, value.Name, "UTF-16"));
                }
            }

            return findings;
        }

        /// <summary>Scans every file under <paramref name="root"/>; <paramref name="scanned"/> lists each file and decompressed copy read.</summary>
        public static IReadOnlyList<Finding> ScanFiles(string root, IReadOnlyList<SearchedValue> values, out IReadOnlyList<string> scanned)
        {
            var findings = new List<Finding>();
            var read = new List<string>();
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var bytes = File.ReadAllBytes(file);
                findings.AddRange(Scan(relative, bytes, values));
                read.Add(relative);

                var decompressed = Decompress(file, bytes);
                if (decompressed is not null)
                {
                    findings.AddRange(Scan(relative + " (decompressed)", decompressed, values));
                    read.Add(relative + " (decompressed)");
                }
            }

            scanned = read;
            return findings;
        }

        /// <summary>The content of a .br or .gz file; null for other files. A compressed file that does not decompress is an error.</summary>
        public static byte[]? Decompress(string path, byte[] bytes)
        {
            Func<Stream, Stream>? open = Path.GetExtension(path) switch
            {
                ".br" => s => new BrotliStream(s, CompressionMode.Decompress),
                ".gz" => s => new GZipStream(s, CompressionMode.Decompress),
                _ => null,
            };
            if (open is null)
            {
                return null;
            }

            try
            {
                using var input = open(new MemoryStream(bytes));
                using var output = new MemoryStream();
                input.CopyTo(output);
                return output.ToArray();
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path} could not be decompressed, so it could not be searched: {e.Message}", e);
            }
        }
    }
}
