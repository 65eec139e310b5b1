using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Inworld.TokenBackend.Tests.Browser
{
    /// <summary>
    /// Serves a published Blazor WebAssembly app's static files on http://127.0.0.1 (random port), as any static host
    /// would, and records every request with the status it got. Precompressed .br/.gz copies are not negotiated: the
    /// browser gets the files themselves.
    /// </summary>
    internal sealed class StaticSite : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, int Status)> _requests = new();

        private StaticSite(WebApplication app, Uri origin)
        {
            _app = app;
            Origin = origin;
        }

        /// <summary>scheme://host:port, as the browser sends it in the Origin header.</summary>
        public Uri Origin { get; }

        public IReadOnlyList<(string Path, int Status)> Requests => _requests.ToArray();

        public static async Task<StaticSite> StartAsync(string root)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = ["--hostBuilder:reloadConfigOnChange=false"],
                ContentRootPath = root,
                WebRootPath = root,
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();

            var files = new PhysicalFileProvider(root);
            var types = new FileExtensionContentTypeProvider();
            types.Mappings[".wasm"] = "application/wasm";
            types.Mappings[".dat"] = "application/octet-stream";
            types.Mappings[".json"] = "application/json";
            StaticSite? site = null;
            app.Use(async (context, next) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                await next(context);
                site!._requests.Enqueue((context.Request.Path.Value ?? string.Empty, context.Response.StatusCode));
            });
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });

            await app.StartAsync();
            var origin = new Uri(app.Urls.Single());
            site = new StaticSite(app, origin);
            if (!origin.IsLoopback)
            {
                await site.DisposeAsync();
                throw new InvalidOperationException("The static site must listen on loopback only.");
            }

            return site;
        }

        public async ValueTask DisposeAsync()
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(stop.Token);
            await _app.DisposeAsync();
        }
    }
}
