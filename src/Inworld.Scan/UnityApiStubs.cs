using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inworld.Scan
{
    /// <summary>
    /// The Unity API surface the rules need (UnityWebRequest, PlayerPrefs, SerializeField, ...), written for the
    /// scanner (UnityApi/*.stubs.cs, embedded) and compiled once into in-memory reference assemblies named as
    /// Unity's (UnityEngine.CoreModule, UnityEditor.CoreModule). Only compilations of Unity projects reference
    /// them: without them the scanner cannot bind UnityWebRequest.SetRequestHeader and INW002 stays silent.
    /// </summary>
    internal static class UnityApiStubs
    {
        public const string EngineResource = "Inworld.Scan.UnityApi.UnityEngine.stubs.cs";
        public const string EditorResource = "Inworld.Scan.UnityApi.UnityEditor.stubs.cs";

        private static readonly Lazy<ImmutableArray<MetadataReference>> Compiled = new Lazy<ImmutableArray<MetadataReference>>(CompileAll);

        /// <summary>UnityEngine and UnityEditor, as the Unity Editor references them from every script compile.</summary>
        public static ImmutableArray<MetadataReference> References => Compiled.Value;

        /// <summary>The embedded C# source of one stub assembly.</summary>
        public static string Source(string resource)
        {
            using var stream = typeof(UnityApiStubs).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException("inworld-scan is missing its embedded resource " + resource);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        private static ImmutableArray<MetadataReference> CompileAll()
        {
            var framework = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToList();
            var engine = Compile("UnityEngine.CoreModule", Source(EngineResource), framework);
            var editor = Compile("UnityEditor.CoreModule", Source(EditorResource), framework.Append(engine));
            return ImmutableArray.Create(engine, editor);
        }

        private static MetadataReference Compile(string assemblyName, string source, System.Collections.Generic.IEnumerable<MetadataReference> references)
        {
            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9), assemblyName + ".stubs.cs") },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                // A defect of the tool itself, never of the scanned code: fail loudly rather than scan Unity code unbound.
                throw new InvalidOperationException("inworld-scan's Unity stubs do not compile: " +
                    string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
            }

            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
