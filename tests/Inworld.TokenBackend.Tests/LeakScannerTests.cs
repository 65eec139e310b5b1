using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Inworld.TokenBackend.Tests.Browser;
using Xunit;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>The browser test's own tools must not pass quietly: the leak search finds every form, tool lookup fails loudly.</summary>
    public sealed class LeakScannerTests
    {
        private readonly FakeCredentials _credentials = FakeCredentials.Create(6606);

        private static byte[] Noise(int seed, int length)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        private static byte[] Embed(byte[] payload) => [.. Noise(1, 4000), .. payload, .. Noise(2, 4000)];

        [Fact]
        public void Every_credential_form_is_found_in_UTF8_and_UTF16_inside_binary_content()
        {
            var forms = LeakScanner.CredentialForms(_credentials);
            Assert.Equal(forms.Count, forms.Select(f => f.Value).Distinct(StringComparer.Ordinal).Count());
            Assert.Contains(forms, f => f.Value == _credentials.ApiKey);
            Assert.Contains(forms, f => f.Value == _credentials.KeyId + ":" + _credentials.Secret);

            foreach (var form in forms)
            {
                var utf8 = LeakScanner.Scan("blob", Embed(Encoding.UTF8.GetBytes(form.Value)), [form]).ToList();
                Assert.Equal([new Finding("blob", form.Name, "UTF-8")], utf8);

                var utf16 = LeakScanner.Scan("assembly", Embed(Encoding.Unicode.GetBytes(form.Value)), [form]).ToList();
                Assert.Equal([new Finding("assembly", form.Name, "UTF-16")], utf16);

                Assert.Equal([new Finding("text", form.Name, "text")], LeakScanner.Scan("text", "x" + form.Value + "y", [form]));
            }

            Assert.Empty(LeakScanner.Scan("clean", Noise(3, 20000), forms));
        }

        [Fact]
        public void Findings_name_the_form_and_never_contain_the_value()
        {
            var forms = LeakScanner.CredentialForms(_credentials);
            var text = string.Join(" ", forms.Select(f => f.Value));

            var findings = LeakScanner.Scan("page", text, forms).Select(f => f.ToString()).ToList();

            Assert.Equal(forms.Count, findings.Count);
            Assert.All(findings, f => Assert.DoesNotContain(_credentials.Secret, f, StringComparison.Ordinal));
            Assert.All(findings, f => Assert.DoesNotContain(_credentials.KeyId, f, StringComparison.Ordinal));
        }

        [Fact]
        public void Files_are_searched_as_they_are_and_decompressed()
        {
            var root = Directory.CreateTempSubdirectory("inworld-leak-scan-");
            try
            {
                var forms = LeakScanner.CredentialForms(_credentials);
                var key = Encoding.Unicode.GetBytes(_credentials.ApiKey);
                Directory.CreateDirectory(Path.Combine(root.FullName, "_framework"));
                File.WriteAllBytes(Path.Combine(root.FullName, "_framework", "App.abc.wasm.br"), Compress(Embed(key), s => new BrotliStream(s, CompressionLevel.Optimal)));
                File.WriteAllBytes(Path.Combine(root.FullName, "_framework", "App.abc.wasm.gz"), Compress(Embed(key), s => new GZipStream(s, CompressionLevel.Optimal)));
                File.WriteAllBytes(Path.Combine(root.FullName, "clean.wasm"), Noise(4, 1000));

                var findings = LeakScanner.ScanFiles(root.FullName, forms, out var scanned);

                Assert.Equal(
                    [new Finding("_framework/App.abc.wasm.br (decompressed)", "API key (Base64)", "UTF-16"), new Finding("_framework/App.abc.wasm.gz (decompressed)", "API key (Base64)", "UTF-16")],
                    findings.Where(f => f.Name == "API key (Base64)"));
                // Other forms may be substrings of the key (Base64url without padding); all are only in the decompressed content.
                Assert.All(findings, f => Assert.EndsWith("(decompressed)", f.Where, StringComparison.Ordinal));
                Assert.Equal(["_framework/App.abc.wasm.br", "_framework/App.abc.wasm.br (decompressed)", "_framework/App.abc.wasm.gz", "_framework/App.abc.wasm.gz (decompressed)", "clean.wasm"], scanned);
            }
            finally
            {
                root.Delete(recursive: true);
            }
        }

        [Fact]
        public void A_compressed_file_that_cannot_be_read_is_an_error_not_a_skip()
        {
            var root = Directory.CreateTempSubdirectory("inworld-leak-scan-");
            try
            {
                File.WriteAllBytes(Path.Combine(root.FullName, "broken.js.gz"), Noise(5, 300));

                var error = Assert.Throws<InvalidDataException>(() => LeakScanner.ScanFiles(root.FullName, LeakScanner.CredentialForms(_credentials), out _));

                Assert.Contains("broken.js.gz could not be decompressed", error.Message, StringComparison.Ordinal);
            }
            finally
            {
                root.Delete(recursive: true);
            }
        }

        [Fact]
        public void Missing_Chromium_or_chromedriver_fails_with_the_install_command()
        {
            var environment = new Dictionary<string, string?>
            {
                [BrowserTools.ChromiumVariable] = "/nonexistent/inworld-e2e/chromium",
                [BrowserTools.ChromeDriverVariable] = "/nonexistent/inworld-e2e/chromedriver",
            };

            var error = Assert.Throws<BrowserToolsMissingException>(() => BrowserTools.Locate(name => environment.GetValueOrDefault(name)));

            Assert.Contains("Chromium (/nonexistent/inworld-e2e/chromium, set INWORLD_E2E_CHROMIUM", error.Message, StringComparison.Ordinal);
            Assert.Contains("chromedriver (/nonexistent/inworld-e2e/chromedriver, set INWORLD_E2E_CHROMEDRIVER", error.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get install -y --no-install-recommends chromium chromium-driver", error.Message, StringComparison.Ordinal);
            Assert.Contains("does not skip", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Only_the_missing_tool_is_named()
        {
            var present = typeof(LeakScannerTests).Assembly.Location;
            var environment = new Dictionary<string, string?>
            {
                [BrowserTools.ChromiumVariable] = present,
                [BrowserTools.ChromeDriverVariable] = "/nonexistent/inworld-e2e/chromedriver",
            };

            var error = Assert.Throws<BrowserToolsMissingException>(() => BrowserTools.Locate(name => environment.GetValueOrDefault(name)));
            Assert.DoesNotContain("Chromium (", error.Message, StringComparison.Ordinal);
            Assert.Contains("chromedriver (", error.Message, StringComparison.Ordinal);

            environment[BrowserTools.ChromeDriverVariable] = present;
            Assert.Equal(new BrowserTools(present, present), BrowserTools.Locate(name => environment.GetValueOrDefault(name)));
        }

        private static byte[] Compress(byte[] content, Func<Stream, Stream> compressor)
        {
            using var output = new MemoryStream();
            using (var stream = compressor(output))
            {
                stream.Write(content);
            }

            return output.ToArray();
        }
    }
}
