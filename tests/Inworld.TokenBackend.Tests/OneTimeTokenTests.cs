using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>POST /token: the one-time token mint, against the fake Inworld server.</summary>
    public sealed class OneTimeTokenTests : IClassFixture<FakeInworldServer>
    {
        private readonly FakeInworldServer _inworld;
        private readonly FakeCredentials _credentials = FakeCredentials.Create(1101);

        public OneTimeTokenTests(FakeInworldServer inworld)
        {
            _inworld = inworld;
            _inworld.Reset();
        }

        private Task<BackendHost> StartWithApiKeyAsync(params (string Key, string Value)[] extra) =>
            BackendHost.StartAsync(_inworld.BaseUrl,
                new[] { KeyValuePair.Create("INWORLD_API_KEY", (string?)_credentials.ApiKey) }
                    .Concat(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))));

        [Fact]
        public async Task Default_ttl_sends_the_key_as_Basic_and_returns_the_token()
        {
            await using var backend = await StartWithApiKeyAsync();

            var response = await backend.PostAsync("/token");

            Assert.Equal(HttpStatusCode.OK, response.Status);
            var json = response.Json();
            Assert.Equal(FakeInworldServer.AccessToken, json.GetProperty("token").GetString());
            Assert.Equal(FakeInworldServer.ExpireTime, json.GetProperty("expiresAt").GetString());

            var request = Assert.Single(_inworld.Requests);
            Assert.Equal("POST", request.Method);
            Assert.Equal(FakeInworldServer.OneTimeTokenPath, request.Path);
            Assert.Equal("Basic " + _credentials.ApiKey, request.Header("Authorization"));
            Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
            using var body = JsonDocument.Parse(request.Body);
            Assert.True(body.RootElement.GetProperty("single_use").GetBoolean());
            Assert.Equal("300s", body.RootElement.GetProperty("ttl").GetString());
            Assert.Equal(2, body.RootElement.EnumerateObject().Count());

            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
            Assert.Contains(backend.Logs.Lines, l => l.Contains("Issued a one-time token (ttl 300 s)", StringComparison.Ordinal));
            // The HttpClient factory logs request headers at Trace: they must be there, and redacted.
            Assert.Contains(backend.Logs.Lines, l => l.Contains("Authorization: *", StringComparison.Ordinal));
            Assert.DoesNotContain(backend.Logs.Lines, l => l.Contains(FakeInworldServer.AccessToken, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(60)]
        [InlineData(3600)]
        public async Task Requested_ttl_is_forwarded(int ttlSeconds)
        {
            await using var backend = await StartWithApiKeyAsync();

            var response = await backend.PostAsync("/token", $"{{\"ttlSeconds\": {ttlSeconds}}}");

            Assert.Equal(HttpStatusCode.OK, response.Status);
            var request = Assert.Single(_inworld.Requests);
            using var body = JsonDocument.Parse(request.Body);
            Assert.True(body.RootElement.GetProperty("single_use").GetBoolean());
            Assert.Equal($"{ttlSeconds}s", body.RootElement.GetProperty("ttl").GetString());
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"ttlSeconds\": null}")]
        [InlineData("  ")]
        public async Task Empty_request_uses_the_default_ttl(string json)
        {
            await using var backend = await StartWithApiKeyAsync();

            var response = await backend.PostAsync("/token", json);

            Assert.Equal(HttpStatusCode.OK, response.Status);
            using var body = JsonDocument.Parse(Assert.Single(_inworld.Requests).Body);
            Assert.Equal("300s", body.RootElement.GetProperty("ttl").GetString());
        }

        [Theory]
        [InlineData("{\"ttlSeconds\": 0}")]
        [InlineData("{\"ttlSeconds\": 4000}")]
        [InlineData("{\"ttlSeconds\": -5}")]
        [InlineData("{\"ttlSeconds\": 1.5}")]
        [InlineData("{\"ttlSeconds\": \"300\"}")]
        public async Task Ttl_out_of_range_or_not_an_integer_is_400(string json)
        {
            await using var backend = await StartWithApiKeyAsync();

            var response = await backend.PostAsync("/token", json);

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("ttlSeconds must be a whole number from 1 to 3600.", response.Error());
            Assert.Empty(_inworld.Requests);
        }

        [Theory]
        [InlineData("{not json", "The request body is not valid JSON.")]
        [InlineData("[1, 2]", "The request body must be a JSON object.")]
        public async Task Malformed_request_is_400(string json, string message)
        {
            await using var backend = await StartWithApiKeyAsync();

            var response = await backend.PostAsync("/token", json);

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal(message, response.Error());
            Assert.Empty(_inworld.Requests);
        }

        [Fact]
        public async Task Key_id_and_secret_alone_make_the_Basic_key()
        {
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, new Dictionary<string, string?>
            {
                ["INWORLD_KEY"] = _credentials.KeyId,
                ["INWORLD_SECRET"] = _credentials.Secret,
            });

            var response = await backend.PostAsync("/token");

            Assert.Equal(HttpStatusCode.OK, response.Status);
            var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(_credentials.KeyId + ":" + _credentials.Secret));
            Assert.Equal("Basic " + expected, Assert.Single(_inworld.Requests).Header("Authorization"));
            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
        }

        [Theory]
        [InlineData(401, "Inworld rejected the server credentials (401)")]
        [InlineData(403, "Inworld rejected the server credentials (403)")]
        [InlineData(503, "Inworld is unavailable (503)")]
        [InlineData(500, "Inworld is unavailable (500)")]
        [InlineData(429, "Inworld returned an error (429)")]
        public async Task Inworld_errors_become_502(int inworldStatus, string message)
        {
            // Inworld's error body echoes nothing secret here, but the backend must not forward it anyway.
            _inworld.Reply = _ => new FakeReply(inworldStatus, "{\"code\": 16, \"message\": \"inworld-detail-not-for-clients\"}");
            await using var backend = await StartWithApiKeyAsync();

            var response = await backend.PostAsync("/token");

            Assert.Equal(HttpStatusCode.BadGateway, response.Status);
            Assert.Equal(message, response.Error());
            Assert.DoesNotContain("inworld-detail-not-for-clients", response.Body, StringComparison.Ordinal);
            Assert.Single(_inworld.Requests);
            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
        }

        [Theory]
        [InlineData("{\"accessToken\": \"abc\"")]
        [InlineData("<html>gateway</html>")]
        [InlineData("")]
        [InlineData("[]")]
        [InlineData("{\"name\": \"tokens/x\", \"expireTime\": \"2031-01-01T00:00:00Z\"}")]
        [InlineData("{\"accessToken\": \"abc\"}")]
        [InlineData("{\"accessToken\": 42, \"expireTime\": \"2031-01-01T00:00:00Z\"}")]
        [InlineData("{\"accessToken\": \"\", \"expireTime\": \"2031-01-01T00:00:00Z\"}")]
        public async Task Malformed_or_incomplete_Inworld_response_is_502(string inworldBody)
        {
            _inworld.Reply = _ => new FakeReply(200, inworldBody);
            await using var backend = await StartWithApiKeyAsync();

            var response = await backend.PostAsync("/token");

            Assert.Equal(HttpStatusCode.BadGateway, response.Status);
            Assert.Equal("Unexpected response from Inworld", response.Error());
            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
        }

        [Fact]
        public async Task Slow_Inworld_is_504_after_the_configured_timeout()
        {
            _inworld.Reply = request => FakeInworldServer.DefaultReply(request) with { Delay = TimeSpan.FromSeconds(20) };
            await using var backend = await StartWithApiKeyAsync(("Inworld:TimeoutSeconds", "0.5"));

            var watch = Stopwatch.StartNew();
            var response = await backend.PostAsync("/token");
            watch.Stop();

            Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
            Assert.Equal("Inworld did not answer in time (timeout 0.5 s)", response.Error());
            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(10));
            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
        }

        [Fact]
        public async Task Unreachable_Inworld_is_502()
        {
            // Port 1 on loopback: nothing listens there, the connection is refused at once.
            await using var backend = await BackendHost.StartAsync(new Uri("http://127.0.0.1:1/"), new Dictionary<string, string?>
            {
                ["INWORLD_API_KEY"] = _credentials.ApiKey,
            });

            var response = await backend.PostAsync("/token");

            Assert.Equal(HttpStatusCode.BadGateway, response.Status);
            Assert.Equal("Could not reach Inworld", response.Error());
            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
        }
    }
}
