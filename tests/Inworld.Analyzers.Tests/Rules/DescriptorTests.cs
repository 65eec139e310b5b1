using System.IO;
using System.Linq;
using System.Reflection;
using Inworld.Analyzers.Tests.Package;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Inworld.Analyzers.Tests.Rules
{
    /// <summary>Every shipped rule has its doc page, its help link to it, and a release-tracking entry.</summary>
    public class DescriptorTests
    {
        public static TheoryData<string> RuleIdsShipped()
        {
            var data = new TheoryData<string>();
            foreach (var descriptor in AllDescriptors())
            {
                data.Add(descriptor.Id);
            }

            return data;
        }

        private static DiagnosticDescriptor[] AllDescriptors()
            => typeof(Inworld.Analyzers.RuleIds).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
                .SelectMany(t => ((DiagnosticAnalyzer)System.Activator.CreateInstance(t)!).SupportedDiagnostics)
                .ToArray();

        [Theory]
        [MemberData(nameof(RuleIdsShipped))]
        public void Rule_has_docs_help_link_and_release_entry(string id)
        {
            var descriptor = AllDescriptors().First(d => d.Id == id);
            var root = DotnetCli.RepositoryRoot();
            Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri);
            var doc = Path.Combine(root, "docs", "rules", id + ".md");
            Assert.True(File.Exists(doc), doc + " is missing");
            var text = File.ReadAllText(doc);
            Assert.Contains(id, text);
            var unshipped = File.ReadAllText(Path.Combine(root, "src", "Inworld.Analyzers", "AnalyzerReleases.Unshipped.md"));
            var shipped = File.ReadAllText(Path.Combine(root, "src", "Inworld.Analyzers", "AnalyzerReleases.Shipped.md"));
            Assert.True(unshipped.Contains(id + " ") || shipped.Contains(id + " "), id + " is not in release tracking");
            Assert.Contains("| [" + id + "](docs/rules/" + id + ".md)", File.ReadAllText(Path.Combine(root, "README.md")));
        }

        [Fact]
        public void Ids_are_unique_and_titles_present()
        {
            var descriptors = AllDescriptors();
            Assert.NotEmpty(descriptors);
            Assert.Equal(descriptors.Length, descriptors.Select(d => d.Id).Distinct().Count());
            Assert.All(descriptors, d => Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString())));
        }
    }
}
