using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>
    /// The client half of the JWT flow against this backend: the BlazorClient sample's InworldTokenProvider (the code
    /// fix's template, pinned to it by the analyzer tests) asking the real TokenBackend, which asks the fake Inworld
    /// server. A one-time token serves exactly one request, so the provider must never hand it out twice; a session
    /// token is reused until shortly before it expires.
    /// </summary>
    public sealed class TokenProviderCachingTests : IClassFixture<FakeInworldServer>
    {
        private readonly FakeInworldServer _inworld;
        private readonly FakeCredentials _credentials = FakeCredentials.Create(1301);

        public TokenProviderCachingTests(FakeInworldServer inworld)
        {
            _inworld = inworld;
            _inworld.Reset();
        }

        [Fact]
        public async Task A_one_time_token_is_fetched_for_every_request_and_never_cached()
        {
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, new[] { KeyValuePair.Create("INWORLD_API_KEY", (string?)_credentials.ApiKey) });
            var provider = new InworldTokenProvider(new Uri(backend.Client.BaseAddress!, "token"), backend.Client);

            var first = await provider.GetTokenAsync();
            var second = await provider.GetTokenAsync();

            Assert.Equal(FakeInworldServer.AccessToken, first);
            Assert.Equal(FakeInworldServer.AccessToken, second);
            Assert.Equal(2, _inworld.Requests.Count(r => r.Path == FakeInworldServer.OneTimeTokenPath));
        }

        [Fact]
        public async Task A_session_token_is_reused_until_shortly_before_it_expires()
        {
            await using var backend = await BackendHost.StartAsync(_inworld.BaseUrl, new Dictionary<string, string?>
            {
                ["INWORLD_KEY"] = _credentials.KeyId,
                ["INWORLD_SECRET"] = _credentials.Secret,
                ["INWORLD_WORKSPACE"] = "my-workspace_01",
            });
            var provider = new InworldTokenProvider(new Uri(backend.Client.BaseAddress!, "session-token"), backend.Client);

            var first = await provider.GetTokenAsync();
            var second = await provider.GetTokenAsync();

            Assert.Equal(FakeInworldServer.SessionToken, first);
            Assert.Equal(first, second);
            Assert.Equal(1, _inworld.Requests.Count(r => r.Path == FakeInworldServer.SessionTokenPath));

            // After Invalidate (what the provider's Handler does on 401/403) the next call asks again.
            provider.Invalidate();
            await provider.GetTokenAsync();
            Assert.Equal(2, _inworld.Requests.Count(r => r.Path == FakeInworldServer.SessionTokenPath));
        }
    }
}
