using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// src/Inworld.Analyzers/Core/Credentials is the detection core the Unity Editor compiles and runs without Roslyn
    /// (issue 11): it must build from its own files against the base library alone, and run.
    /// </summary>
    public class CredentialsFolderTests
    {
        private static readonly string Folder = Path.Combine(Package.DotnetCli.RepositoryRoot(), "src", "Inworld.Analyzers", "Core", "Credentials");

        private static string[] SourceFiles() => Directory.GetFiles(Folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();

        /// <summary>The core's own files, compiled alone against the .NET reference assemblies (no Microsoft.CodeAnalysis).</summary>
        private static CSharpCompilation CompileFolder()
        {
            var files = SourceFiles();
            var names = files.Select(Path.GetFileName).ToArray();
            foreach (var expected in new[] { "CredentialClassifier.cs", "CredentialShape.cs", "CredentialNames.cs", "ShippedFileScanner.cs", "ShippedFilePatterns.cs", "JsonSettingsReader.cs", "UnityYamlSettingsReader.cs" })
            {
                Assert.Contains(expected, names);
            }

            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, f));
            var references = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToArray();
            Assert.DoesNotContain(references, r => (r.Display ?? string.Empty).IndexOf("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase) >= 0);
            return CSharpCompilation.Create("InworldCredentialsCore", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }

        [Fact]
        public void Compiles_on_its_own_without_any_Roslyn_reference()
        {
            var errors = CompileFolder().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        [Fact]
        public void No_file_names_Microsoft_CodeAnalysis()
        {
            var offenders = SourceFiles().Where(f => File.ReadAllText(f).Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
            Assert.True(offenders.Count == 0, "Roslyn in the Roslyn-free core: " + string.Join(", ", offenders));
        }

        [Fact]
        public void The_folder_documents_its_rule()
        {
            var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));
            Assert.Contains("no `Microsoft.CodeAnalysis`", readme);
            Assert.Contains("Unity Editor", readme);
        }

        /// <summary>Built alone and loaded where nothing resolves Roslyn for it, the core classifies a key and scans a Unity asset.</summary>
        [Fact]
        public void Runs_on_its_own_and_finds_a_key()
        {
            using var image = new MemoryStream();
            var emit = CompileFolder().Emit(image);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));

            var context = new AssemblyLoadContext("credentials-core", isCollectible: true);
            try
            {
                image.Position = 0;
                var assembly = context.LoadFromStream(image);
                Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));

                var fake = FakeCredentials.Default;
                var classifier = assembly.GetType("Inworld.Analyzers.Core.CredentialClassifier", throwOnError: true)!;
                var isKeyOrPair = classifier.GetMethod("IsKeyOrPair", BindingFlags.Public | BindingFlags.Static)!;
                Assert.True((bool)isKeyOrPair.Invoke(null, new object[] { "Basic " + fake.ApiKey })!);
                Assert.False((bool)isKeyOrPair.Invoke(null, new object[] { "https://api.inworld.ai/v1/voices" })!);

                var scanner = assembly.GetType("Inworld.Analyzers.Core.ShippedFiles.ShippedFileScanner", throwOnError: true)!;
                var formatType = assembly.GetType("Inworld.Analyzers.Core.ShippedFiles.ShippedFileFormat", throwOnError: true)!;
                var scan = scanner.GetMethod("Scan", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string), formatType })!;
                var asset = "%YAML 1.1\n--- !u!114 &1\nMonoBehaviour:\n  m_Name: InworldSettings\n  m_APIKey: " + fake.ApiKey + "\n  m_KeyId: " + fake.KeyId + "\n  m_Secret: " + fake.Secret + "\n";
                var findings = (System.Collections.ICollection)scan.Invoke(null, new[] { asset, Enum.Parse(formatType, "UnityYaml") })!;
                Assert.Equal(2, findings.Count); // the API key, and the key id + secret pair
            }
            finally
            {
                context.Unload();
            }
        }
    }
}
