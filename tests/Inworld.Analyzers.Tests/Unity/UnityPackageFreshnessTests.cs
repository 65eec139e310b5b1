using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace Inworld.Analyzers.Tests.Unity
{
    /// <summary>
    /// unity/com.inworld.analyzers (the git-URL form of the Unity package) commits built DLLs. Each is stamped with a
    /// hash of the sources it was built from (src/Inworld.Unity.Package/SourceHash.targets); these tests recompute that
    /// hash from today's sources and fail while a committed DLL is stale. Refresh with
    /// `dotnet pack src/Inworld.Analyzers.Package -c Release -p:InworldRefreshUnityPackage=true`.
    /// </summary>
    public sealed class UnityPackageFreshnessTests
    {
        private static readonly string Root = Package.DotnetCli.RepositoryRoot();
        private static readonly string PackageFolder = Path.Combine(Root, "unity", "com.inworld.analyzers");

        /// <summary>The sources of each committed DLL: the analyzer project's C# files; the Editor logic's own plus the credential core.</summary>
        public static IEnumerable<object[]> CommittedDlls() => new[]
        {
            new object[] { "Analyzers/Inworld.Analyzers.dll", "src/Inworld.Analyzers", "" },
            new object[] { "Editor/Inworld.Unity.Editor.dll", "src/Inworld.Unity.Editor", "src/Inworld.Analyzers/Core/Credentials" },
        };

        /// <summary>The hash as SourceHash.targets computes it, written again here so that a change to either is noticed.</summary>
        internal static string SourceHash(params string[] folders)
        {
            var files = folders.Where(f => f.Length > 0)
                .SelectMany(folder => Directory.GetFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
                    .Where(f => !IsUnder(f, Path.Combine(Root, folder, "obj")) && !IsUnder(f, Path.Combine(Root, folder, "bin"))))
                .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(f => f, StringComparer.Ordinal);
            using var buffer = new MemoryStream();
            foreach (var relative in files)
            {
                var text = File.ReadAllText(Path.Combine(Root, relative)).Replace("\r\n", "\n", StringComparison.Ordinal);
                var bytes = Encoding.UTF8.GetBytes(relative + "\n" + text + "\0");
                buffer.Write(bytes, 0, bytes.Length);
            }

            return Convert.ToHexString(SHA256.HashData(buffer.ToArray())).ToLowerInvariant();
        }

        private static bool IsUnder(string file, string folder) => file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        /// <summary>The value of [assembly: AssemblyMetadata(key, value)] in a DLL, read without loading it.</summary>
        internal static string? AssemblyMetadata(string dll, string key)
        {
            using var stream = File.OpenRead(dll);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
                var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
                if (reader.GetString(type.Name) != "AssemblyMetadataAttribute") continue;
                var blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog
                if (blob.ReadSerializedString() == key) return blob.ReadSerializedString();
            }

            return null;
        }

        [Theory]
        [MemberData(nameof(CommittedDlls))]
        public void The_built_DLL_carries_the_hash_of_its_sources(string packagePath, string sources, string moreSources)
        {
            var built = Path.Combine(AppContext.BaseDirectory, Path.GetFileName(packagePath));
            Assert.True(File.Exists(built), built);
            Assert.Equal(SourceHash(sources, moreSources), AssemblyMetadata(built, "InworldSourceHash"));
        }

        [Theory]
        [MemberData(nameof(CommittedDlls))]
        public void The_committed_DLL_of_the_Unity_package_is_built_from_todays_sources(string packagePath, string sources, string moreSources)
        {
            var committed = Path.Combine(PackageFolder, packagePath);
            Assert.True(File.Exists(committed), "missing " + committed);
            var stamped = AssemblyMetadata(committed, "InworldSourceHash");
            Assert.True(stamped == SourceHash(sources, moreSources),
                packagePath + " in unity/com.inworld.analyzers is stale (built from other sources). Refresh it: " +
                "dotnet pack src/Inworld.Analyzers.Package -c Release -p:InworldRefreshUnityPackage=true, and commit the result.");
        }

        [Fact]
        public void The_hash_changes_with_the_sources()
        {
            Assert.NotEqual(SourceHash("src/Inworld.Unity.Editor", "src/Inworld.Analyzers/Core/Credentials"), SourceHash("src/Inworld.Unity.Editor"));
            Assert.Matches("^[0-9a-f]{64}$", SourceHash("src/Inworld.Analyzers"));
        }
    }
}
