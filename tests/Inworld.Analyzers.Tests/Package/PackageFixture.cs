using System;
using System.IO;
using System.Linq;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>Packs Inworld.Analyzers once into a private folder feed for all package tests.</summary>
    public sealed class PackageFixture : IDisposable
    {
        public PackageFixture()
        {
            Root = Path.Combine(Path.GetTempPath(), "inworld-analyzers-package-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Feed = Path.Combine(Root, "feed");
            Directory.CreateDirectory(Feed);

            // A version of its own: a cached copy of an older build can never be restored instead.
            Version = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
            var repository = DotnetCli.RepositoryRoot();
            PackResult = DotnetCli.Run(repository, new[]
            {
                "pack", Path.Combine(repository, "src", "Inworld.Analyzers.Package", "Inworld.Analyzers.Package.csproj"),
                "-c", "Release", "-o", Feed, "-p:Version=" + Version,
            });
            PackagePath = Directory.GetFiles(Feed, "Inworld.Analyzers.*.nupkg").SingleOrDefault();
        }

        private readonly object _toolLock = new object();
        private DotnetCli.Result? _toolPackResult;

        /// <summary>Packs the inworld-scan tool into the same feed, on first use.</summary>
        public DotnetCli.Result PackTool()
        {
            lock (_toolLock)
            {
                if (_toolPackResult == null)
                {
                    var repository = DotnetCli.RepositoryRoot();
                    _toolPackResult = DotnetCli.Run(repository, new[]
                    {
                        "pack", Path.Combine(repository, "src", "Inworld.Scan", "Inworld.Scan.csproj"),
                        "-c", "Release", "-o", Feed, "-p:Version=" + Version,
                    });
                }

                return _toolPackResult;
            }
        }

        public string Root { get; }
        public string Feed { get; }
        public string Version { get; }
        public DotnetCli.Result PackResult { get; }
        public string? PackagePath { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A lingering build process may hold a file; the temp folder is cleaned by the OS later.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
