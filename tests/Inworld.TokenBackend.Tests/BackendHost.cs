using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Inworld.Samples.TokenBackend;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>The backend hosted in-process on a TestServer, pointed at the fake Inworld server, with its logs captured.</summary>
    internal sealed class BackendHost : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private BackendHost(WebApplication app, CapturingLoggerProvider logs)
        {
            _app = app;
            Logs = logs;
            Client = app.GetTestClient();
        }

        public HttpClient Client { get; }

        public CapturingLoggerProvider Logs { get; }

        /// <summary>
        /// Settings every test starts from: the Inworld credential variables empty (so a developer's real
        /// environment never leaks into a test), the base URL of the fake, and logging at Trace.
        /// </summary>
        public static Dictionary<string, string?> BaseSettings(Uri inworldBaseUrl) => new(StringComparer.OrdinalIgnoreCase)
        {
            ["INWORLD_API_KEY"] = string.Empty,
            ["INWORLD_KEY"] = string.Empty,
            ["INWORLD_SECRET"] = string.Empty,
            ["INWORLD_WORKSPACE"] = string.Empty,
            ["Inworld:BaseUrl"] = inworldBaseUrl.ToString(),
            ["Inworld:TimeoutSeconds"] = "5",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
        };

        /// <summary>Builds the backend the way Program.cs does, with a test server and the given settings on top.</summary>
        public static WebApplication Build(IDictionary<string, string?> settings, CapturingLoggerProvider? logs = null) =>
            TokenBackendApp.Build(["--hostBuilder:reloadConfigOnChange=false"], builder =>
            {
                builder.WebHost.UseTestServer();
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                if (logs is not null)
                {
                    builder.Logging.AddProvider(logs);
                }
            });

        public static async Task<BackendHost> StartAsync(Uri inworldBaseUrl, IEnumerable<KeyValuePair<string, string?>> settings)
        {
            var all = BaseSettings(inworldBaseUrl);
            foreach (var (key, value) in settings)
            {
                all[key] = value;
            }

            var logs = new CapturingLoggerProvider();
            var app = Build(all, logs);
            await app.StartAsync();
            return new BackendHost(app, logs);
        }

        public async Task<Response> PostAsync(string path, string? json = null)
        {
            using var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await Client.PostAsync(path, content);
            var body = await response.Content.ReadAsStringAsync();
            return new Response(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        /// <summary>A response of the backend, read whole.</summary>
        internal sealed record Response(HttpStatusCode Status, string Body, string? MediaType)
        {
            public JsonElement Json()
            {
                Assert.Equal("application/json", MediaType);
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.Clone();
            }

            public string Error()
            {
                var json = Json();
                Assert.Equal(JsonValueKind.Object, json.ValueKind);
                return json.GetProperty("error").GetString()!;
            }
        }
    }

    /// <summary>Keeps every log line of the backend, with its category, level, message, structured values and exception.</summary>
    internal sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => _lines.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder()
                    .Append(category).Append(" [").Append(logLevel).Append("] ")
                    .Append(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        line.Append(" | ").Append(key).Append('=').Append(value);
                    }
                }

                if (exception is not null)
                {
                    line.Append(" | ").Append(exception);
                }

                lines.Enqueue(line.ToString());
            }
        }
    }

    internal static class LeakAssert
    {
        /// <summary>No response body and no log line holds the API key, the secret or the key id's first 12 characters.</summary>
        public static void NothingLeaked(FakeCredentials credentials, BackendHost host, params string[] responseBodies)
        {
            var lines = host.Logs.Lines;
            Assert.NotEmpty(lines);
            foreach (var forbidden in credentials.Forbidden)
            {
                foreach (var body in responseBodies)
                {
                    Assert.False(body.Contains(forbidden, StringComparison.Ordinal), "A response body contains a credential.");
                }

                // The failure message shows the offending lines with the value masked.
                var leaking = lines.Where(l => l.Contains(forbidden, StringComparison.Ordinal))
                    .Select(l => l.Replace(forbidden, "<credential>", StringComparison.Ordinal)).ToList();
                Assert.True(leaking.Count == 0, "Log lines contain a credential:\n" + string.Join("\n", leaking));
            }
        }
    }
}
