using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Inworld.Analyzers.Core.ShippedFiles;
using Inworld.Scan;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// What ships is defined once (ShippedFilePatterns): the package's props add exactly the rows marked AddedByPackage,
    /// INW004 tells formats by the table, and inworld-scan's walker reads the files the table names.
    /// </summary>
    public class ShippedFilePatternsTests
    {
        private static readonly string BuildFolder = Path.Combine(Package.DotnetCli.RepositoryRoot(), "src", "Inworld.Analyzers.Package", "build");

        /// <summary>
        /// The patterns the package's props/targets pass as shipped files: items of the InworldAnalyzersScanShippedFiles
        /// group (the collected _InworldAnalyzersShippedFile list and AdditionalFiles marked InworldScan="true").
        /// </summary>
        private static List<string> PackagePatterns()
        {
            var patterns = new List<string>();
            foreach (var file in new[] { "Inworld.Analyzers.props", "Inworld.Analyzers.targets" })
            {
                var document = XDocument.Load(Path.Combine(BuildFolder, file));
                foreach (var item in document.Descendants())
                {
                    var include = (string?)item.Attribute("Include");
                    var isShippedList = item.Name.LocalName == "_InworldAnalyzersShippedFile";
                    var isScannedFile = item.Name.LocalName == "AdditionalFiles" && string.Equals((string?)item.Attribute("InworldScan"), "true", StringComparison.OrdinalIgnoreCase);
                    if (include == null || !(isShippedList || isScannedFile))
                    {
                        continue;
                    }

                    // "@(_InworldAnalyzersShippedFile->DistinctWithCase())" adds the list collected above: its patterns are counted there.
                    patterns.AddRange(include.Split(';').Select(p => p.Trim()).Where(p => p.Length > 0 && !p.StartsWith("@(", StringComparison.Ordinal)));
                }
            }

            return patterns;
        }

        [Fact]
        public void The_package_adds_exactly_the_table_rows_marked_AddedByPackage()
        {
            var fromProps = PackagePatterns().OrderBy(p => p, StringComparer.Ordinal).ToList();
            var fromTable = ShippedFilePatterns.All.Where(p => p.AddedByPackage).Select(p => p.Pattern).OrderBy(p => p, StringComparer.Ordinal).ToList();
            Assert.True(fromProps.Count >= 4, "no shipped-file patterns found in the package's props: " + string.Join(", ", fromProps));
            Assert.Equal(fromTable, fromProps);
        }

        /// <summary>A file the build hands INW004 must be one it reads, in the row's format: never added and then ignored.</summary>
        [Fact]
        public void Every_file_the_package_adds_is_read_in_its_rows_format()
        {
            foreach (var row in ShippedFilePatterns.All.Where(p => p.AddedByPackage))
            {
                var example = row.Pattern.Replace("*", "Production");
                Assert.True(ShippedFileFormats.IsShippedFile(example), example);
                Assert.Equal(row.Format, ShippedFileFormats.FromPath(example));
            }
        }

        [Theory]
        [InlineData(".env.config", "KeyValue")]
        [InlineData(".env.json", "KeyValue")]
        [InlineData("PROD.ENV", "KeyValue")]
        [InlineData("settings.ini", "KeyValue")]
        [InlineData("app.properties", "KeyValue")]
        [InlineData("package.json", "Json")]
        [InlineData("APPSETTINGS.JSON", "Json")]
        [InlineData("settings.env.json", "Json")]
        [InlineData("NuGet.config", "XmlConfig")]
        [InlineData("Main.unity.additionalfile", "UnityYaml")]
        [InlineData("settings.json.bak", "None")]
        [InlineData(".json.txt", "None")]
        [InlineData("Makefile", "None")]
        [InlineData("x.additionalfile", "None")]
        public void The_first_matching_row_decides_the_format(string name, string expected)
            => Assert.Equal(expected, ShippedFileFormats.FromPath(name).ToString());

        [Fact]
        public void The_scanner_reads_every_file_the_table_names_and_no_other()
        {
            var root = Path.Combine(Path.GetTempPath(), "inworld-shipped-patterns-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                var expected = new List<string>();
                foreach (var row in ShippedFilePatterns.All)
                {
                    var relative = Path.Combine("app", row.Pattern.Replace("*", "x").Replace('/', Path.DirectorySeparatorChar));
                    Write(root, relative);
                    if (!expected.Contains(relative))
                    {
                        expected.Add(relative);
                    }
                }

                foreach (var other in new[] { "app/notes.txt", "app/README.md", "app/settings.json.bak", "app/image.png" })
                {
                    Write(root, other);
                }

                var problems = new ScanProblems();
                var target = new FileWalker(Array.Empty<string>(), useGitIgnore: false, problems, _ => { }).Walk(root);
                Assert.Empty(problems.All);
                Assert.Equal(
                    expected.OrderBy(p => p, StringComparer.Ordinal),
                    target.ShippedFiles.Select(f => Path.GetRelativePath(root, f)).OrderBy(p => p, StringComparer.Ordinal));
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        private static void Write(string root, string relative)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}\n");
        }
    }
}
