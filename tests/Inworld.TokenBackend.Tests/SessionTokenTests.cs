using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>POST /session-token: the IW1-HMAC-SHA256 signed Realtime session token, against the fake Inworld server.</summary>
    public sealed class SessionTokenTests : IClassFixture<FakeInworldServer>
    {
        private const string Workspace = "my-workspace_01";

        private static readonly Regex Iw1Header = new(
            "^IW1-HMAC-SHA256 ApiKey=(?<key>[^,]+),DateTime=(?<time>[0-9]{14}),Nonce=(?<nonce>[0-9a-f]+),Signature=(?<sig>[0-9a-f]{64})$",
            RegexOptions.CultureInvariant);

        private readonly FakeInworldServer _inworld;
        private readonly FakeCredentials _credentials = FakeCredentials.Create(2202);

        public SessionTokenTests(FakeInworldServer inworld)
        {
            _inworld = inworld;
            _inworld.Reset();
        }

        /// <summary>
        /// The IW1 chain written again, independently of the backend's Iw1Signature: key "IW1" + secret, then an
        /// HMAC-SHA256 over each of date-time, host, method, nonce and "iw1_request", each MAC keying the next.
        /// </summary>
        private static string ExpectedSignature(string secret, string dateTime, string host, string nonce)
        {
            byte[] key = Encoding.UTF8.GetBytes("IW1" + secret);
            string[] parts = [dateTime, host, "ai.inworld.engine.v1.SessionTokens/GenerateSessionToken", nonce, "iw1_request"];
            foreach (var part in parts)
            {
                using var hmac = new HMACSHA256(key);
                key = hmac.ComputeHash(Encoding.UTF8.GetBytes(part));
            }

            return string.Concat(key.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }

        private Dictionary<string, string?> KeyAndSecret(string? workspace = Workspace) => new()
        {
            ["INWORLD_KEY"] = _credentials.KeyId,
            ["INWORLD_SECRET"] = _credentials.Secret,
            ["INWORLD_WORKSPACE"] = workspace,
        };

        private string Host => "127.0.0.1:" + _inworld.BaseUrl.Port.ToString(CultureInfo.InvariantCulture);

        private void AssertSignedRequest(RecordedRequest request, string workspace, DateTime before, DateTime after)
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal(FakeInworldServer.SessionTokenPath, request.Path);
            Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);

            var match = Iw1Header.Match(request.Header("Authorization") ?? string.Empty);
            Assert.True(match.Success, "The Authorization header does not have the IW1-HMAC-SHA256 shape.");
            Assert.Equal(_credentials.KeyId, match.Groups["key"].Value);

            var dateTime = match.Groups["time"].Value;
            var signedAt = DateTime.ParseExact(dateTime, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            Assert.InRange(signedAt, before.AddSeconds(-1), after.AddSeconds(1));

            var nonce = match.Groups["nonce"].Value;
            Assert.InRange(nonce.Length, 8, 64);
            Assert.Equal(ExpectedSignature(_credentials.Secret, dateTime, Host, nonce), match.Groups["sig"].Value);
            Assert.Equal(Host, request.Header("Host"));

            using var body = JsonDocument.Parse(request.Body);
            Assert.Equal(_credentials.KeyId, body.RootElement.GetProperty("api_key").GetString());
            Assert.Equal("workspaces/" + workspace, body.RootElement.GetProperty("resource_id").GetString());
            Assert.Equal(2, body.RootElement.EnumerateObject().Count());
        }

        [Fact]
        public async Task Signs_the_request_and_returns_token_expiry_and_session()
        {
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, KeyAndSecret());

            var before = DateTime.UtcNow;
            var response = await backend.PostAsync("/session-token");
            var after = DateTime.UtcNow;

            Assert.Equal(HttpStatusCode.OK, response.Status);
            var json = response.Json();
            Assert.Equal(FakeInworldServer.SessionToken, json.GetProperty("token").GetString());
            Assert.Equal(FakeInworldServer.SessionExpirationTime, json.GetProperty("expiresAt").GetString());
            Assert.Equal(FakeInworldServer.SessionId, json.GetProperty("sessionId").GetString());

            AssertSignedRequest(Assert.Single(_inworld.Requests), Workspace, before, after);
            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
            Assert.Contains(backend.Logs.Lines, l => l.Contains("Authorization: *", StringComparison.Ordinal));
            Assert.DoesNotContain(backend.Logs.Lines, l => l.Contains(FakeInworldServer.SessionToken, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Key_id_and_secret_are_decoded_from_the_api_key()
        {
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, new Dictionary<string, string?>
            {
                ["INWORLD_API_KEY"] = _credentials.ApiKey,
                ["INWORLD_WORKSPACE"] = Workspace,
            });

            var before = DateTime.UtcNow;
            var response = await backend.PostAsync("/session-token");
            var after = DateTime.UtcNow;

            Assert.Equal(HttpStatusCode.OK, response.Status);
            AssertSignedRequest(Assert.Single(_inworld.Requests), Workspace, before, after);
            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
        }

        [Fact]
        public async Task Every_request_has_a_fresh_nonce()
        {
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, KeyAndSecret());

            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await backend.PostAsync("/session-token")).Status);
            }

            var nonces = _inworld.Requests.Select(r => Iw1Header.Match(r.Header("Authorization")!).Groups["nonce"].Value).ToList();
            Assert.Equal(3, nonces.Count);
            Assert.Equal(3, nonces.Distinct(StringComparer.Ordinal).Count());
        }

        [Fact]
        public async Task Client_may_name_a_valid_workspace()
        {
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, KeyAndSecret(workspace: null));

            var before = DateTime.UtcNow;
            var response = await backend.PostAsync("/session-token", "{\"workspace\": \"Other-WS_2\"}");
            var after = DateTime.UtcNow;

            Assert.Equal(HttpStatusCode.OK, response.Status);
            AssertSignedRequest(Assert.Single(_inworld.Requests), "Other-WS_2", before, after);
        }

        [Theory]
        [InlineData("{\"workspace\": \"../evil\"}")]
        [InlineData("{\"workspace\": \"a b\"}")]
        [InlineData("{\"workspace\": \"ws/other\"}")]
        [InlineData("{\"workspace\": \"\"}")]
        [InlineData("{\"workspace\": 12}")]
        [InlineData("{\"workspace\": \"wörkspace\"}")]
        public async Task Bad_workspace_is_400(string json)
        {
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, KeyAndSecret());

            var response = await backend.PostAsync("/session-token", json);

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("workspace must be a workspace id of 1 to 128 letters, digits, '-' or '_'.", response.Error());
            Assert.Empty(_inworld.Requests);
        }

        [Fact]
        public async Task No_workspace_anywhere_is_400()
        {
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, KeyAndSecret(workspace: null));

            var response = await backend.PostAsync("/session-token");

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Contains("INWORLD_WORKSPACE", response.Error(), StringComparison.Ordinal);
            Assert.Empty(_inworld.Requests);
        }

        [Fact]
        public async Task Api_key_that_does_not_decode_to_a_pair_disables_session_tokens_only()
        {
            // Base64 of 48 random bytes: a valid Basic value, but not "id:secret".
            var opaque = Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)(i * 7 % 58)).ToArray());
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, new Dictionary<string, string?>
            {
                ["INWORLD_API_KEY"] = opaque,
                ["INWORLD_WORKSPACE"] = Workspace,
            });

            var session = await backend.PostAsync("/session-token");
            Assert.Equal(HttpStatusCode.InternalServerError, session.Status);
            Assert.Contains("INWORLD_KEY", session.Error(), StringComparison.Ordinal);
            Assert.Empty(_inworld.Requests);
            Assert.DoesNotContain(opaque, session.Body, StringComparison.Ordinal);

            var oneTime = await backend.PostAsync("/token");
            Assert.Equal(HttpStatusCode.OK, oneTime.Status);
            Assert.Equal("Basic " + opaque, Assert.Single(_inworld.Requests).Header("Authorization"));
            Assert.DoesNotContain(backend.Logs.Lines, l => l.Contains(opaque, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(401, "Inworld rejected the server credentials (401)")]
        [InlineData(403, "Inworld rejected the server credentials (403)")]
        [InlineData(503, "Inworld is unavailable (503)")]
        public async Task Inworld_errors_become_502(int inworldStatus, string message)
        {
            _inworld.Reply = _ => new FakeReply(inworldStatus, "{\"code\": 16, \"message\": \"inworld-detail-not-for-clients\"}");
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, KeyAndSecret());

            var response = await backend.PostAsync("/session-token");

            Assert.Equal(HttpStatusCode.BadGateway, response.Status);
            Assert.Equal(message, response.Error());
            Assert.DoesNotContain("inworld-detail-not-for-clients", response.Body, StringComparison.Ordinal);
            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
        }

        [Theory]
        [InlineData("{\"token\": ")]
        [InlineData("not json at all")]
        [InlineData("{\"type\": \"Bearer\", \"expirationTime\": \"2031-01-01T00:00:00Z\", \"sessionId\": \"s\"}")]
        [InlineData("{\"token\": \"t\", \"type\": \"Bearer\", \"sessionId\": \"s\"}")]
        [InlineData("{\"token\": \"t\", \"type\": \"Bearer\", \"expirationTime\": \"2031-01-01T00:00:00Z\"}")]
        [InlineData("{\"token\": {\"value\": \"t\"}, \"expirationTime\": \"2031-01-01T00:00:00Z\", \"sessionId\": \"s\"}")]
        public async Task Malformed_or_incomplete_Inworld_response_is_502(string inworldBody)
        {
            _inworld.Reply = _ => new FakeReply(200, inworldBody);
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, KeyAndSecret());

            var response = await backend.PostAsync("/session-token");

            Assert.Equal(HttpStatusCode.BadGateway, response.Status);
            Assert.Equal("Unexpected response from Inworld", response.Error());
            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
        }

        [Fact]
        public async Task Slow_Inworld_is_504_after_the_configured_timeout()
        {
            _inworld.Reply = request => FakeInworldServer.DefaultReply(request) with { Delay = TimeSpan.FromSeconds(20) };
            var settings = KeyAndSecret();
            settings["Inworld:TimeoutSeconds"] = "0.5";
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, settings);

            var response = await backend.PostAsync("/session-token");

            Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
            Assert.Equal("Inworld did not answer in time (timeout 0.5 s)", response.Error());
            LeakAssert.NothingLeaked(_credentials, backend, response.Body);
        }
    }
}
