using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>One request the fake Inworld server received.</summary>
    internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>What the fake answers: a status, a body, and an optional delay before answering.</summary>
    internal sealed record FakeReply(int Status, string Body, TimeSpan Delay = default);

    /// <summary>
    /// A fake Inworld token server: a real Kestrel app on http://127.0.0.1 with a random port, started once per
    /// test class (xUnit class fixture). It records every request and answers with <see cref="Reply"/>, which
    /// tests replace; by default it answers both token endpoints successfully.
    /// </summary>
    public sealed class FakeInworldServer : IAsyncLifetime
    {
        public const string OneTimeTokenPath = "/auth/v1/tokens";
        public const string SessionTokenPath = "/v1/sessionTokens/token:generate";
        public const string AccessToken = "fake-one-time-token-for-tests";
        public const string ExpireTime = "2031-01-02T03:04:05Z";
        public const string SessionToken = "fake-session-token-for-tests";
        public const string SessionExpirationTime = "2031-01-02T06:04:05Z";
        public const string SessionId = "fake-session-id-1";
        public const string TtsPath = "/tts/v1/voice";

        /// <summary>What the fake TTS endpoint answers: Inworld's shape, base64 audio (here 4 bytes).</summary>
        public const string TtsReply = "{\"audioContent\":\"UklGRg==\"}";

        private readonly ConcurrentQueue<RecordedRequest> _requests = new();
        private WebApplication? _app;
        private Func<RecordedRequest, FakeReply> _reply = DefaultReply;

        public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

        internal IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

        internal Func<RecordedRequest, FakeReply> Reply
        {
            get => Volatile.Read(ref _reply);
            set => Volatile.Write(ref _reply, value);
        }

        /// <summary>Forgets recorded requests and restores the default replies (tests in a class run one at a time).</summary>
        public void Reset()
        {
            _requests.Clear();
            Reply = DefaultReply;
        }

        internal static FakeReply DefaultReply(RecordedRequest request) => request.Path switch
        {
            OneTimeTokenPath => new FakeReply(200,
                $"{{\"name\":\"tokens/fake\",\"accessToken\":\"{AccessToken}\",\"expireTime\":\"{ExpireTime}\"}}"),
            SessionTokenPath => new FakeReply(200,
                $"{{\"token\":\"{SessionToken}\",\"type\":\"Bearer\",\"expirationTime\":\"{SessionExpirationTime}\",\"sessionId\":\"{SessionId}\"}}"),
            TtsPath when request.Method == "POST" => new FakeReply(200, TtsReply),
            _ => new FakeReply(404, "{\"error\":\"not found\"}"),
        };

        public async Task InitializeAsync()
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = ["--hostBuilder:reloadConfigOnChange=false"],
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _app = builder.Build();
            _app.Run(HandleAsync);
            await _app.StartAsync();
            BaseUrl = new Uri(_app.Urls.Single());
            if (!BaseUrl.IsLoopback)
            {
                throw new InvalidOperationException("The fake Inworld server must listen on loopback only.");
            }
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _app.StopAsync(stop.Token);
                await _app.DisposeAsync();
            }
        }

        private async Task HandleAsync(HttpContext context)
        {
            string body;
            using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var recorded = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, headers, body);
            _requests.Enqueue(recorded);

            // Browsers call Inworld's API directly with a token: answer CORS as a public API does (any origin, no
            // credentials), so the browser test can reach the fake from its page.
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0)
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.Vary = "Origin";
                if (HttpMethods.IsOptions(context.Request.Method))
                {
                    context.Response.Headers.AccessControlAllowMethods = "POST";
                    context.Response.Headers.AccessControlAllowHeaders = "authorization, content-type";
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    return;
                }
            }

            var reply = Reply(recorded);
            if (reply.Delay > TimeSpan.Zero)
            {
                try
                {
                    // Ends early when the backend gives up (its HttpClient timeout aborts the request).
                    await Task.Delay(reply.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }
}
