using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Samples.TokenBackend;
using Inworld.TokenBackend.Tests.Browser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit;
using Xunit.Abstractions;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>
    /// The JWT flow as a user runs it, in a real browser: the published BlazorClient sample (the fixed twin) in headless
    /// Chromium, TokenBackend on Kestrel, and a fake Inworld server, all on 127.0.0.1. The page must get a one-time token
    /// from the backend and call TTS with Bearer; the API key must never reach the browser in any form.
    /// </summary>
    public sealed class BrowserJwtFlowTests(ITestOutputHelper output)
    {
        private const string SpokenText = "Hello from the browser test";
        private static readonly TimeSpan AppStartTimeout = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

        [Fact]
        public async Task Blazor_client_in_Chromium_calls_TTS_with_a_backend_token_and_never_sees_the_key()
        {
            // Missing tools fail the test with the install command: it never skips.
            var tools = BrowserTools.Locate();
            var credentials = FakeCredentials.Create(5505);
            var credentialForms = LeakScanner.CredentialForms(credentials);
            var clock = Stopwatch.StartNew();
            var work = Directory.CreateTempSubdirectory("inworld-browser-e2e-");
            var inworld = new FakeInworldServer();
            try
            {
                var root = await PublishedBlazorClient.PublishAsync(work.FullName);
                output.WriteLine($"published BlazorClient in {clock.Elapsed.TotalSeconds:F0} s");

                await inworld.InitializeAsync();
                await using var site = await StaticSite.StartAsync(root);
                var siteOrigin = site.Origin.GetLeftPart(UriPartial.Authority);
                var backendLogs = new CapturingLoggerProvider();
                await using var backend = await StartBackendAsync(inworld.BaseUrl, credentials, siteOrigin, backendLogs);
                var backendUrl = new Uri(backend.Urls.Single());
                var tokenEndpoint = new Uri(backendUrl, "token");
                ConfigureClient(root, tokenEndpoint, inworld.BaseUrl);

                using var browser = HeadlessChromium.Start(tools, Path.Combine(work.FullName, "profile"));
                var driver = browser.Driver;
                driver.Navigate().GoToUrl(site.Origin);
                await WaitForAsync(() => driver.FindElements(By.Id("speak")).Count == 1, AppStartTimeout, "the Blazor app to start", browser, site);

                var text = driver.FindElement(By.Id("text"));
                text.Clear();
                text.SendKeys(SpokenText + Keys.Tab);
                driver.FindElement(By.Id("speak")).Click();
                string status = string.Empty;
                await WaitForAsync(() => (status = driver.FindElement(By.Id("status")).Text).Length > 0, StepTimeout, "the TTS call to finish", browser, site);
                Assert.True(status == $"Received {FakeInworldServer.TtsReply.Length} bytes of audio.", "The page says: " + status + Diagnostics(browser, site));
                output.WriteLine($"flow done at {clock.Elapsed.TotalSeconds:F0} s");

                // What the browser holds and saw, read while the page is still open.
                var storage = ReadStorage(driver);
                var dom = driver.PageSource;
                var network = NetworkCapture.Collect(driver);
                output.WriteLine($"captured {network.Requests.Count} browser requests, {network.RawEvents.Count} network events");

                AssertTokenFlow(credentials, inworld, network, tokenEndpoint, siteOrigin);
                AssertNoKeyInTheBrowser(credentialForms, network, storage, dom, root, site);
                AssertNoKeyOnTheWire(credentialForms, inworld, backendLogs);
                output.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
            }
            finally
            {
                await inworld.DisposeAsync();
                try
                {
                    work.Delete(recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Cleanup must not hide the test's own failure; the folder is under the temp directory.
                    output.WriteLine($"could not delete {work.FullName}: {e.Message}");
                }
            }
        }

        /// <summary>The backend as Program.cs builds it, on Kestrel at a random loopback port, allowing the site's origin.</summary>
        private static async Task<WebApplication> StartBackendAsync(Uri inworld, FakeCredentials credentials, string clientOrigin, CapturingLoggerProvider logs)
        {
            var settings = BackendHost.BaseSettings(inworld);
            settings["INWORLD_API_KEY"] = credentials.ApiKey;
            settings["Cors:AllowedOrigins:0"] = clientOrigin;
            var app = TokenBackendApp.Build(["--hostBuilder:reloadConfigOnChange=false"], builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace);
                builder.Logging.AddProvider(logs);
            });
            await app.StartAsync();
            Assert.True(new Uri(app.Urls.Single()).IsLoopback, "The backend must listen on loopback only.");
            return app;
        }

        /// <summary>
        /// Points the published client at the test's backend and fake Inworld server, the way a deployment edits
        /// wwwroot/appsettings.json. Precompressed copies, if a publish made them, would be stale, so they go.
        /// </summary>
        private static void ConfigureClient(string root, Uri tokenEndpoint, Uri inworld)
        {
            var settings = JsonSerializer.Serialize(new { Inworld = new { TokenEndpoint = tokenEndpoint.ToString(), ApiBaseUrl = inworld.ToString() } });
            File.WriteAllText(Path.Combine(root, "appsettings.json"), settings);
            File.Delete(Path.Combine(root, "appsettings.json.br"));
            File.Delete(Path.Combine(root, "appsettings.json.gz"));
        }

        private static void AssertTokenFlow(FakeCredentials credentials, FakeInworldServer inworld, NetworkCapture network, Uri tokenEndpoint, string siteOrigin)
        {
            // The backend minted the token with the key, server to server.
            var mint = Assert.Single(inworld.Requests, r => r.Path == FakeInworldServer.OneTimeTokenPath);
            Assert.Equal("POST", mint.Method);
            Assert.True(mint.Header("Authorization") == "Basic " + credentials.ApiKey, "The backend's call to the token endpoint did not use the API key as Basic.");
            Assert.Null(mint.Header("Origin"));

            // The page asked its backend once, and received the token Inworld minted.
            var tokenCall = Assert.Single(network.Requests, r => r.Method == "POST" && r.Url == tokenEndpoint.ToString());
            Assert.Equal(200, tokenCall.Status);
            Assert.True(tokenCall.Body is not null, "The browser's token response body could not be read: " + tokenCall.BodyError);
            using var tokenJson = JsonDocument.Parse(tokenCall.Body);
            var token = tokenJson.RootElement.GetProperty("token").GetString();
            Assert.Equal(FakeInworldServer.AccessToken, token);

            // The page called TTS with exactly that token as Bearer, and the fake Inworld server saw exactly that.
            var ttsUrl = new Uri(inworld.BaseUrl, FakeInworldServer.TtsPath).ToString();
            var browserTts = Assert.Single(network.Requests, r => r.Method == "POST" && r.Url == ttsUrl);
            Assert.Equal("Bearer " + token, browserTts.Header("Authorization"));
            Assert.Equal(200, browserTts.Status);
            var tts = Assert.Single(inworld.Requests, r => r.Path == FakeInworldServer.TtsPath && r.Method == "POST");
            Assert.Equal("Bearer " + FakeInworldServer.AccessToken, tts.Header("Authorization"));
            Assert.Equal(siteOrigin, tts.Header("Origin"));
            using var ttsBody = JsonDocument.Parse(tts.Body);
            Assert.Equal(SpokenText, ttsBody.RootElement.GetProperty("text").GetString());

            // In that order, and nothing else reached Inworld but the CORS preflight of the TTS call.
            Assert.Equal(
                ["POST " + FakeInworldServer.OneTimeTokenPath, "POST " + FakeInworldServer.TtsPath],
                inworld.Requests.Where(r => r.Method != "OPTIONS").Select(r => r.Method + " " + r.Path));
            Assert.All(inworld.Requests.Where(r => r.Method == "OPTIONS"), r => Assert.Equal(FakeInworldServer.TtsPath, r.Path));
        }

        private static void AssertNoKeyInTheBrowser(
            IReadOnlyList<SearchedValue> credentialForms, NetworkCapture network, string storage, string dom, string root, StaticSite site)
        {
            var findings = new List<Finding>();
            var token = new[] { new SearchedValue("one-time token", FakeInworldServer.AccessToken) };
            var tokenSeen = new List<Finding>();

            // Every Network event (URLs, request and response headers as sent and received, cookies, post data).
            foreach (var (raw, index) in network.RawEvents.Select((raw, index) => (raw, index)))
            {
                findings.AddRange(LeakScanner.Scan($"network event {index}", raw, credentialForms));
            }

            // Every request and every response body the browser received.
            foreach (var request in network.Requests)
            {
                var what = request.ToString();
                var headers = string.Join("\n", request.RequestHeaders.Select(h => h.Key + ": " + h.Value));
                findings.AddRange(LeakScanner.Scan(what + " URL", request.Url, credentialForms));
                findings.AddRange(LeakScanner.Scan(what + " request headers", headers, credentialForms));
                tokenSeen.AddRange(LeakScanner.Scan(what + " request headers", headers, token));
                if (request.PostData is not null)
                {
                    findings.AddRange(LeakScanner.Scan(what + " request body", request.PostData, credentialForms));
                }

                if (request.Body is not null)
                {
                    findings.AddRange(LeakScanner.Scan(what + " response body", request.Body, credentialForms));
                    tokenSeen.AddRange(LeakScanner.Scan(what + " response body", request.Body, token));
                }
                else if (request.Finished && (request.Url.StartsWith("http:", StringComparison.Ordinal) || request.Url.StartsWith("https:", StringComparison.Ordinal)) &&
                         request.Status is not (204 or 304) && request.Method != "OPTIONS")
                {
                    // (Chromium's own pages, chrome:// and data:, come from no server; 204/304 answers have no body by
                    // definition; a CORS preflight's answer is never given to the page.)
                    // A body the browser did not keep must be a file of the site, which is searched on disk below.
                    Assert.True(ServedFile(root, site, request.Url) is not null,
                        $"The body of {what} could not be read ({request.BodyError}) and is not a file of the site, so it was not searched.");
                }
            }

            // Control: the capture really holds response bodies and request headers (the token is in both).
            Assert.Contains(tokenSeen, f => f.Where.Contains("/token", StringComparison.Ordinal) && f.Where.EndsWith("response body", StringComparison.Ordinal));
            Assert.Contains(tokenSeen, f => f.Where.Contains(FakeInworldServer.TtsPath, StringComparison.Ordinal) && f.Where.EndsWith("request headers", StringComparison.Ordinal));

            findings.AddRange(LeakScanner.Scan("localStorage/sessionStorage/cookies", storage, credentialForms));
            Assert.Contains(StorageCanary, storage, StringComparison.Ordinal);
            findings.AddRange(LeakScanner.Scan("page DOM", dom, credentialForms));

            // Every file of the downloaded app: _framework wasm (webcil-wrapped DLLs), scripts, ICU data, settings
            // (and .br/.gz copies decompressed, where there are any).
            findings.AddRange(LeakScanner.ScanFiles(root, credentialForms, out var scanned));
            foreach (var (path, status) in site.Requests.Where(r => r.Status == 200))
            {
                var relative = path == "/" ? "index.html" : path.TrimStart('/');
                Assert.True(scanned.Contains(relative), $"The site served {path}, which is not among the searched files.");
            }

            // The browser really downloaded and ran the app's runtime from this site.
            Assert.Contains(site.Requests, r => r.Status == 200 && r.Path.StartsWith("/_framework/dotnet.native.", StringComparison.Ordinal) && r.Path.EndsWith(".wasm", StringComparison.Ordinal));
            AssertScannerSeesInsideTheApp(root, scanned);

            Assert.True(findings.Count == 0, "The Inworld API key reached the browser:\n" + string.Join("\n", findings.Distinct()));
        }

        /// <summary>
        /// Control for the file search: it must find what is known to be inside the app's files, in the same forms a key
        /// would be in: a type name (UTF-8) and a string literal (UTF-16) in BlazorClient's webcil .wasm, and the token
        /// endpoint in appsettings.json.
        /// </summary>
        private static void AssertScannerSeesInsideTheApp(string root, IReadOnlyList<string> scanned)
        {
            var known = new[]
            {
                new SearchedValue("provider type name", "InworldTokenProvider"),
                new SearchedValue("provider string literal", "The token endpoint's answer has no"),
                new SearchedValue("token endpoint setting", "TokenEndpoint"),
            };
            var found = LeakScanner.ScanFiles(root, known, out _);
            Assert.Contains(found, f => IsAppAssembly(f.Where) && !f.Where.EndsWith("(decompressed)", StringComparison.Ordinal) && f.Name == "provider type name" && f.Encoding == "UTF-8");
            Assert.Contains(found, f => IsAppAssembly(f.Where) && !f.Where.EndsWith("(decompressed)", StringComparison.Ordinal) && f.Name == "provider string literal" && f.Encoding == "UTF-16");
            Assert.Contains(found, f => f.Where == "appsettings.json" && f.Name == "token endpoint setting");
            Assert.Contains(scanned, s => s.StartsWith("_framework/dotnet.native.", StringComparison.Ordinal) && s.EndsWith(".wasm", StringComparison.Ordinal));

            static bool IsAppAssembly(string where) => where.StartsWith("_framework/BlazorClient.", StringComparison.Ordinal);
        }

        private static void AssertNoKeyOnTheWire(IReadOnlyList<SearchedValue> credentialForms, FakeInworldServer inworld, CapturingLoggerProvider backendLogs)
        {
            // What the browser sent to Inworld (the server side of the same requests) and what the backend logged.
            var findings = inworld.Requests.Where(r => r.Path != FakeInworldServer.OneTimeTokenPath)
                .SelectMany(r => LeakScanner.Scan($"{r.Method} {r.Path} at the fake Inworld server",
                    string.Join("\n", r.Headers.Select(h => h.Key + ": " + h.Value)) + "\n" + r.Body, credentialForms))
                .Concat(backendLogs.Lines.SelectMany((line, i) => LeakScanner.Scan($"backend log line {i}", line, credentialForms)))
                .ToList();
            Assert.NotEmpty(backendLogs.Lines);
            Assert.True(findings.Count == 0, "A credential left the backend:\n" + string.Join("\n", findings.Distinct()));
        }

        private const string StorageCanary = "inworld-e2e-storage-canary";

        /// <summary>localStorage, sessionStorage and cookies as one text (a canary proves the read works).</summary>
        private static string ReadStorage(IWebDriver driver)
        {
            var script = (IJavaScriptExecutor)driver;
            script.ExecuteScript($"sessionStorage.setItem('{StorageCanary}', '1');");
            return (string?)script.ExecuteScript(
                "return JSON.stringify({ local: Object.entries(localStorage), session: Object.entries(sessionStorage), cookies: document.cookie });")
                ?? throw new InvalidOperationException("The page returned no storage.");
        }

        /// <summary>The file under the site's root a URL of the site maps to, or null.</summary>
        private static string? ServedFile(string root, StaticSite site, string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.GetLeftPart(UriPartial.Authority) != site.Origin.GetLeftPart(UriPartial.Authority))
            {
                return null;
            }

            var relative = uri.AbsolutePath == "/" ? "index.html" : Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            var path = Path.GetFullPath(Path.Combine(root, relative));
            return path.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal) && File.Exists(path) ? path : null;
        }

        /// <summary>Polls a condition (no fixed sleep); on timeout the test fails with what the browser and the site saw.</summary>
        private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what, HeadlessChromium browser, StaticSite site)
        {
            var deadline = Stopwatch.StartNew();
            while (!condition())
            {
                if (deadline.Elapsed > timeout)
                {
                    Assert.Fail($"Timed out after {timeout.TotalSeconds} s waiting for {what}." + Diagnostics(browser, site));
                }

                await Task.Delay(100);
            }
        }

        private static string Diagnostics(HeadlessChromium browser, StaticSite site) =>
            "\nBrowser console:\n" + string.Join("\n", browser.ConsoleLines()) +
            "\nSite requests:\n" + string.Join("\n", site.Requests.Select(r => r.Status + " " + r.Path));
    }
}
