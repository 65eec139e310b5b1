using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Inworld.Scan;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// inworld-scan reads a project's build properties from its XML, Directory.Build.props included: the next props file
    /// up is read only when an &lt;Import&gt; element brings it in, as MSBuild does, not when its name merely appears in the text.
    /// </summary>
    [Trait("Category", "Scan")]
    public sealed class ProjectPropertiesTests : IDisposable
    {
        private const string ImportAbove = "<Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" />";

        private readonly string _root = Path.Combine(Path.GetTempPath(), "inworld-scan-props-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private string Write(string relative, string content)
        {
            var path = Path.Combine(_root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return path;
        }

        private ProjectProperties.Result ReadProject(string innerProps, out ScanProblems problems)
        {
            Write("Directory.Build.props", "<Project><PropertyGroup><InworldProjectKind>client</InworldProjectKind></PropertyGroup></Project>");
            Write("src/Directory.Build.props", innerProps);
            var project = Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
            problems = new ScanProblems();
            return ProjectProperties.Read(project, problems);
        }

        /// <summary>The scanner hands the analyzers the build properties a build would: the package props' CompilerVisibleProperty list.</summary>
        [Fact]
        public void The_scanner_reads_the_properties_the_package_makes_compiler_visible()
        {
            var props = XDocument.Load(Path.Combine(Package.DotnetCli.RepositoryRoot(), "src", "Inworld.Analyzers.Package", "build", "Inworld.Analyzers.props"));
            var visible = props.Descendants().Where(e => e.Name.LocalName == "CompilerVisibleProperty").Select(e => (string)e.Attribute("Include")!).ToList();
            Assert.True(visible.Count >= 10, string.Join(", ", visible));
            Assert.Equal(visible.OrderBy(p => p, StringComparer.Ordinal), ProjectProperties.CompilerVisible.OrderBy(p => p, StringComparer.Ordinal));
        }

        [Fact]
        public void An_import_of_the_props_above_brings_its_properties()
        {
            var read = ReadProject("<Project>\n  " + ImportAbove + "\n  <PropertyGroup><UseWPF>true</UseWPF></PropertyGroup>\n</Project>", out var problems);
            Assert.Empty(problems.All);
            Assert.Equal("client", read.BuildProperties["build_property.InworldProjectKind"]);
            Assert.Equal("true", read.BuildProperties["build_property.UseWPF"]);
            Assert.Equal("net8.0", read.BuildProperties["build_property.TargetFramework"]);
        }

        [Fact]
        public void The_GetDirectoryNameOfFileAbove_form_imports_too()
        {
            var read = ReadProject("<Project>\n  <Import Project=\"$([MSBuild]::GetDirectoryNameOfFileAbove($(MSBuildThisFileDirectory).., Directory.Build.props))/Directory.Build.props\" />\n</Project>", out var problems);
            Assert.Empty(problems.All);
            Assert.Equal("client", read.BuildProperties["build_property.InworldProjectKind"]);
        }

        [Fact]
        public void A_comment_that_names_the_import_imports_nothing()
        {
            var read = ReadProject("<Project>\n  <!-- " + ImportAbove.Replace("<", "(").Replace(">", ")") + " is not needed here -->\n  <PropertyGroup><UseWPF>true</UseWPF></PropertyGroup>\n</Project>", out var problems);
            Assert.Empty(problems.All);
            Assert.Equal("true", read.BuildProperties["build_property.UseWPF"]);
            Assert.False(read.BuildProperties.ContainsKey("build_property.InworldProjectKind"));
        }

        [Fact]
        public void A_props_file_that_is_not_XML_is_a_scan_error()
        {
            var read = ReadProject("<Project><PropertyGroup>" + ImportAbove, out var problems);
            var problem = Assert.Single(problems.All);
            Assert.Contains("Directory.Build.props", problem.ToString());
            Assert.Contains("cannot parse project file", problem.ToString());
            Assert.Equal("net8.0", read.BuildProperties["build_property.TargetFramework"]);
        }
    }
}
