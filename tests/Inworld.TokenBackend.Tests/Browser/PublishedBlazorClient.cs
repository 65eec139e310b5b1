using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Inworld.TokenBackend.Tests.Browser
{
    /// <summary>
    /// Publishes samples/BlazorClient (the fixed twin) as a user ships it: <c>dotnet publish -c Release</c>, trimmed, without
    /// the precompressed copies. The sample's
    /// sources are copied to a work folder with the samples' shared build properties, so the publish never touches the
    /// repository's bin/obj folders (the analyzer tests build the same sample at the same time).
    /// </summary>
    internal static class PublishedBlazorClient
    {
        /// <summary>Publishes and returns the folder a web server serves: the publish output's wwwroot.</summary>
        public static async Task<string> PublishAsync(string workDirectory)
        {
            var sample = Repository.PathOf("samples", "BlazorClient");
            var project = Path.Combine(workDirectory, "BlazorClient");
            CopySources(sample, project);
            WriteSharedProperties(workDirectory);

            var output = Path.Combine(workDirectory, "publish");
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            var result = await ChildProcess.RunAsync(
                string.IsNullOrEmpty(dotnet) || !File.Exists(dotnet) ? "dotnet" : dotnet,
                project,
                [
                    "publish", Path.Combine(project, "BlazorClient.csproj"), "-c", "Release", "-o", output,
                    "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false",
                    // The .br/.gz copies a publish adds are compressed forms of the same files (searched here as they are);
                    // Brotli at its highest level is most of a publish's time, so the test leaves them out.
                    "-p:CompressionEnabled=false",
                ],
                TimeSpan.FromMinutes(4));
            Assert.True(result.ExitCode == 0, "dotnet publish of samples/BlazorClient failed:\n" + result.Output);

            var root = Path.Combine(output, "wwwroot");
            Assert.True(File.Exists(Path.Combine(root, "index.html")), "The published BlazorClient has no wwwroot/index.html:\n" + result.Output);
            Assert.True(Directory.Exists(Path.Combine(root, "_framework")), "The published BlazorClient has no wwwroot/_framework:\n" + result.Output);
            return root;
        }

        private static void CopySources(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var top = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
                if (top is "bin" or "obj")
                {
                    continue;
                }

                var target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        /// <summary>
        /// samples/Directory.Build.props' properties (target framework, nullable, language version...), without its
        /// analyzer reference: this build is about the app that ships, and the sample's analyzer build is tested elsewhere.
        /// </summary>
        private static void WriteSharedProperties(string workDirectory)
        {
            var shared = XDocument.Load(Repository.PathOf("samples", "Directory.Build.props"));
            var properties = shared.Root!.Elements().Where(e => e.Name.LocalName == "PropertyGroup").Select(e => new XElement(e)).ToList();
            Assert.NotEmpty(properties);
            new XDocument(new XElement("Project", properties)).Save(Path.Combine(workDirectory, "Directory.Build.props"));
            new XDocument(new XElement("Project")).Save(Path.Combine(workDirectory, "Directory.Build.targets"));
        }
    }
}
