using System.Linq;
using Inworld.Scan;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inworld.Analyzers.Tests.Helpers
{
    /// <summary>
    /// Stand-ins for Unity's assemblies (same assembly and type names), compiled once in memory from the same
    /// source inworld-scan compiles for Unity projects (src/Inworld.Scan/UnityApi/*.stubs.cs, signatures from
    /// Unity's Scripting API reference): the rule tests and the scanner bind Unity code alike.
    /// </summary>
    public static class UnityStubs
    {
        public static MetadataReference Engine { get; } = Compile("UnityEngine.CoreModule", UnityApiStubs.Source(UnityApiStubs.EngineResource));

        public static MetadataReference Editor { get; } = Compile("UnityEditor.CoreModule", UnityApiStubs.Source(UnityApiStubs.EditorResource), Engine);

        private static MetadataReference Compile(string name, string source, params MetadataReference[] extra)
        {
            var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) },
                Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Concat(extra),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new System.IO.MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new System.InvalidOperationException(string.Join("\n", result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
