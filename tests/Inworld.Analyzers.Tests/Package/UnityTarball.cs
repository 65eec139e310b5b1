using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>The Unity package tarball the shared pack wrote (com.inworld.analyzers-&lt;version&gt;.tgz), extracted once per test run.</summary>
    internal static class UnityTarball
    {
        private static readonly ConcurrentDictionary<string, Lazy<(string Folder, IReadOnlyList<string> Entries)>> Extracted = new();

        public static string PathIn(PackageFixture package) => System.IO.Path.Combine(package.Feed, "com.inworld.analyzers-" + package.Version + ".tgz");

        /// <summary>The extracted "package/" folder and the archive's entry names, in archive order.</summary>
        public static (string Folder, IReadOnlyList<string> Entries) Extract(PackageFixture package)
            => Extracted.GetOrAdd(package.Root, _ => new Lazy<(string, IReadOnlyList<string>)>(() => ExtractNow(package))).Value;

        private static (string, IReadOnlyList<string>) ExtractNow(PackageFixture package)
        {
            var tarball = PathIn(package);
            Assert.True(File.Exists(tarball), "dotnet pack did not write " + tarball);
            var target = System.IO.Path.Combine(package.Root, "unity-tarball");
            Directory.CreateDirectory(target);
            var entries = new List<string>();
            using (var file = File.OpenRead(tarball))
            using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            using (var reader = new TarReader(gzip))
            {
                for (var entry = reader.GetNextEntry(); entry != null; entry = reader.GetNextEntry())
                {
                    entries.Add(entry.Name);
                    Assert.Equal(TarEntryType.RegularFile, entry.EntryType == TarEntryType.V7RegularFile ? TarEntryType.RegularFile : entry.EntryType);
                    var path = System.IO.Path.Combine(target, entry.Name.Replace('/', System.IO.Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                    entry.ExtractToFile(path, overwrite: true);
                }
            }

            return (System.IO.Path.Combine(target, "package"), entries);
        }
    }
}
