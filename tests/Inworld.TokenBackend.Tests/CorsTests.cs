using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Inworld.Samples.TokenBackend;
using Xunit;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>
    /// The CORS policy for browser clients: only configured origins may call the token endpoints from a page, without
    /// credentials; and the defaults fit the BlazorClient sample and the INW002 fix's default endpoint out of the box.
    /// </summary>
    public sealed class CorsTests : IClassFixture<FakeInworldServer>
    {
        private const string ClientOrigin = "https://app.example.test";
        private const string OtherOrigin = "https://evil.example.test";

        private readonly FakeInworldServer _inworld;
        private readonly FakeCredentials _credentials = FakeCredentials.Create(4404);

        public CorsTests(FakeInworldServer inworld)
        {
            _inworld = inworld;
            _inworld.Reset();
        }

        private Task<BackendHost> StartAsync(params (string Key, string Value)[] settings) =>
            BackendHost.StartAsync(_inworld.BaseUrl,
                new[] { KeyValuePair.Create("INWORLD_API_KEY", (string?)_credentials.ApiKey) }
                    .Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))));

        private static async Task<HttpResponseMessage> PreflightAsync(BackendHost backend, string path, string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, path);
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            return await backend.Client.SendAsync(request);
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

        [Theory]
        [InlineData("/token")]
        [InlineData("/session-token")]
        public async Task Preflight_from_a_configured_origin_is_allowed_without_credentials(string path)
        {
            await using var backend = await StartAsync(("Cors:AllowedOrigins:0", ClientOrigin));

            using var response = await PreflightAsync(backend, path, ClientOrigin);

            Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
            Assert.Equal(ClientOrigin, Header(response, "Access-Control-Allow-Origin"));
            Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods") ?? string.Empty, StringComparison.Ordinal);
            Assert.Contains("content-type", Header(response, "Access-Control-Allow-Headers") ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
            Assert.Empty(_inworld.Requests);
        }

        [Fact]
        public async Task Credentials_are_allowed_only_when_configured_and_only_for_listed_origins()
        {
            await using var backend = await StartAsync(("Cors:AllowedOrigins:0", ClientOrigin), ("Cors:AllowCredentials", "true"));

            using var request = new HttpRequestMessage(HttpMethod.Options, "/token");
            request.Headers.Add("Origin", ClientOrigin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            using var response = await backend.Client.SendAsync(request);

            Assert.Equal(ClientOrigin, Header(response, "Access-Control-Allow-Origin"));
            Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
            Assert.Contains("authorization", Header(response, "Access-Control-Allow-Headers") ?? string.Empty, StringComparison.OrdinalIgnoreCase);

            using var other = await PreflightAsync(backend, "/token", OtherOrigin);
            Assert.Null(Header(other, "Access-Control-Allow-Origin"));
            Assert.Null(Header(other, "Access-Control-Allow-Credentials"));
        }

        [Theory]
        [InlineData(OtherOrigin)]
        [InlineData("http://app.example.test")]
        [InlineData("https://app.example.test:8443")]
        [InlineData("null")]
        public async Task Preflight_from_another_origin_is_refused(string origin)
        {
            await using var backend = await StartAsync(("Cors:AllowedOrigins:0", ClientOrigin));

            using var response = await PreflightAsync(backend, "/token", origin);

            Assert.Null(Header(response, "Access-Control-Allow-Origin"));
            Assert.Null(Header(response, "Access-Control-Allow-Methods"));
            Assert.Empty(_inworld.Requests);
        }

        [Fact]
        public async Task Token_response_is_readable_only_by_a_configured_origin()
        {
            await using var backend = await StartAsync(("Cors:AllowedOrigins", ClientOrigin + "; http://localhost:7000"));

            using var allowed = new HttpRequestMessage(HttpMethod.Post, "/token");
            allowed.Headers.Add("Origin", ClientOrigin);
            using var allowedResponse = await backend.Client.SendAsync(allowed);
            Assert.Equal(HttpStatusCode.OK, allowedResponse.StatusCode);
            Assert.Equal(ClientOrigin, Header(allowedResponse, "Access-Control-Allow-Origin"));

            // CORS is enforced by the browser: without the header, the other page cannot read the token.
            using var other = new HttpRequestMessage(HttpMethod.Post, "/token");
            other.Headers.Add("Origin", OtherOrigin);
            using var otherResponse = await backend.Client.SendAsync(other);
            Assert.Null(Header(otherResponse, "Access-Control-Allow-Origin"));

            using var secondListed = await PreflightAsync(backend, "/token", "http://localhost:7000");
            Assert.Equal("http://localhost:7000", Header(secondListed, "Access-Control-Allow-Origin"));
        }

        [Fact]
        public async Task Default_origins_are_the_BlazorClient_sample_dev_origins()
        {
            await using var backend = await StartAsync();

            foreach (var origin in BlazorClientDevOrigins())
            {
                using var response = await PreflightAsync(backend, "/token", origin);
                Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
            }

            using var other = await PreflightAsync(backend, "/token", OtherOrigin);
            Assert.Null(Header(other, "Access-Control-Allow-Origin"));
            Assert.Contains(backend.Logs.Lines, l => l.Contains("Browser clients allowed from: " + string.Join(", ", BlazorClientDevOrigins()), StringComparison.Ordinal));
        }

        [Fact]
        public async Task Empty_setting_allows_no_browser_origin()
        {
            await using var backend = await StartAsync(("Cors:AllowedOrigins", string.Empty));

            foreach (var origin in BlazorClientDevOrigins())
            {
                using var response = await PreflightAsync(backend, "/token", origin);
                Assert.Null(Header(response, "Access-Control-Allow-Origin"));
            }

            Assert.Contains(backend.Logs.Lines, l => l.Contains("Browser clients allowed from: none", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("Cors:AllowedOrigins:0", "*", "wildcard")]
        [InlineData("Cors:AllowedOrigins", "https://*.example.test", "wildcard")]
        [InlineData("Cors:AllowedOrigins:0", "https://app.example.test/path", "without a path")]
        [InlineData("Cors:AllowedOrigins:0", "app.example.test", "without a path")]
        [InlineData("Cors:AllowedOrigins:0", "ftp://app.example.test", "without a path")]
        [InlineData("Cors:AllowedOrigins:0", "https://user@app.example.test", "without a path")]
        [InlineData("Cors:AllowCredentials", "yes", "true or false")]
        public void Bad_origins_fail_fast_naming_the_setting(string key, string value, string reason)
        {
            var settings = BackendHost.BaseSettings(_inworld.BaseUrl);
            settings["INWORLD_API_KEY"] = _credentials.ApiKey;
            settings[key] = value;

            var error = Assert.Throws<TokenBackendConfigurationException>(() => BackendHost.Build(settings));

            Assert.Contains(key.Split(':')[0] + ":" + key.Split(':')[1], error.Message, StringComparison.Ordinal);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Defaults_fit_together_the_fix_endpoint_the_backend_and_the_BlazorClient_sample()
        {
            // The INW002 fix writes InworldTokenProvider.DefaultEndpoint (pinned to the fix's template by SampleTests),
            // the BlazorClient sample configures the same endpoint, and the backend's development profile listens there.
            var providerSource = File.ReadAllText(Repository.PathOf("samples", "BlazorClient", "InworldTokenProvider.cs"));
            var providerDefault = Regex.Match(providerSource, "public const string DefaultEndpoint = \"(?<url>[^\"]+)\";").Groups["url"].Value;
            Assert.Equal("https://localhost:5001/token", providerDefault);

            using var clientSettings = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("samples", "BlazorClient", "wwwroot", "appsettings.json")));
            var configured = clientSettings.RootElement.GetProperty("Inworld").GetProperty("TokenEndpoint").GetString();
            Assert.Equal(providerDefault, configured);

            var endpoint = new Uri(providerDefault);
            Assert.Contains(endpoint.GetLeftPart(UriPartial.Authority), LaunchOrigins("TokenBackend"));
            Assert.Equal("/token", endpoint.AbsolutePath);

            // The backend's default CORS origins are exactly where the BlazorClient sample runs.
            await using var backend = await StartAsync();
            var allowed = backend.Logs.Lines
                .Select(l => Regex.Match(l, "Browser clients allowed from: (?<origins>[^|]*)\\. \\|"))
                .Single(m => m.Success).Groups["origins"].Value.Split(", ");
            Assert.Equal(BlazorClientDevOrigins().Order(StringComparer.Ordinal), allowed.Order(StringComparer.Ordinal));
        }

        private static IReadOnlyList<string> BlazorClientDevOrigins()
        {
            var origins = LaunchOrigins("BlazorClient");
            Assert.NotEmpty(origins);
            return origins;
        }

        /// <summary>The origins of a sample's launch profile (what <c>dotnet run</c> listens on).</summary>
        private static IReadOnlyList<string> LaunchOrigins(string sample)
        {
            using var launch = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("samples", sample, "Properties", "launchSettings.json")));
            var urls = launch.RootElement.GetProperty("profiles").GetProperty(sample).GetProperty("applicationUrl").GetString()!;
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(url => new Uri(url).GetLeftPart(UriPartial.Authority))
                .ToList();
        }
    }
}
