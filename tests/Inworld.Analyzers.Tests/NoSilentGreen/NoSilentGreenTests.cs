using System.Collections.Generic;
using System.IO;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// One test per path a user runs (incremental CI build, Razor, inworld-scan on Unity trees, header setters of
    /// every shape, unreadable files, solution SARIF, configuration errors): each plants a generated fake key
    /// and shows that the path reports it or fails. The parts of this class live in NoSilentGreenTests.*.cs.
    /// </summary>
    [Trait("Category", "Package")]
    [Collection(PackageCollection.Name)]
    public sealed partial class NoSilentGreenTests
    {
        private readonly PackageFixture _package;

        public NoSilentGreenTests(PackageFixture package)
        {
            _package = package;
            Assert.True(package.PackResult.ExitCode == 0, "dotnet pack failed:\n" + package.PackResult);
            Assert.NotNull(package.PackagePath);
        }

        private static readonly Dictionary<string, string> CiEnvironment = new Dictionary<string, string> { ["CI"] = "true" };

        /// <summary>
        /// A throw-away project restored from the packed package only (local folder feed): <paramref name="sdk"/>
        /// and <paramref name="properties"/> choose its kind; <paramref name="files"/> are written relative to it.
        /// </summary>
        private string CreateConsumer(string name, IDictionary<string, string> files, string sdk = "Microsoft.NET.Sdk", string properties = "<OutputType>Exe</OutputType>")
        {
            var directory = Path.Combine(_package.Root, "nsg-" + name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" +
                "    <add key=\"local\" value=\"" + _package.Feed + "\" />\n  </packageSources>\n</configuration>\n");
            File.WriteAllText(Path.Combine(directory, name + ".csproj"),
                "<Project Sdk=\"" + sdk + "\">\n  <PropertyGroup>\n    " + properties + "\n    <TargetFramework>net10.0</TargetFramework>\n" +
                "    <RestorePackagesPath>" + Path.Combine(_package.Root, "packages") + "</RestorePackagesPath>\n  </PropertyGroup>\n" +
                "  <ItemGroup>\n    <PackageReference Include=\"Inworld.Analyzers\" Version=\"" + _package.Version + "\" />\n  </ItemGroup>\n</Project>\n");
            foreach (var file in files)
            {
                var path = Path.Combine(directory, file.Key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Value);
            }

            return directory;
        }

        private static void AssertNoSecret(string text, FakeCredentials credentials)
        {
            Assert.DoesNotContain(credentials.ApiKey.Substring(0, 12), text);
            Assert.DoesNotContain(credentials.Secret.Substring(0, 12), text);
            Assert.DoesNotContain(credentials.KeyId.Substring(0, 12), text);
        }
    }
}
