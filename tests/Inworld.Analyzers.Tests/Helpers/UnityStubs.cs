using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inworld.Analyzers.Tests.Helpers
{
    /// <summary>Tiny stand-ins for Unity's assemblies (same assembly and type names), compiled once in memory.</summary>
    public static class UnityStubs
    {
        private const string EngineSource = @"
namespace UnityEngine
{
    public class Object { }
    public class Component : Object { }
    public class Behaviour : Component { }
    public class MonoBehaviour : Behaviour { }
    public class ScriptableObject : Object { }
    public sealed class SerializeField : System.Attribute { }
    public static class Debug { public static void Log(object message) { } }
    public class AsyncOperation { }
    public sealed class WaitUntil { public WaitUntil(System.Func<bool> predicate) { } }
}

namespace UnityEngine.Networking
{
    public class UnityWebRequestAsyncOperation : UnityEngine.AsyncOperation { }
    public class UnityWebRequest : System.IDisposable
    {
        public UnityWebRequest(string url, string method) { }
        public static UnityWebRequest Get(string uri) => new UnityWebRequest(uri, ""GET"");
        public void SetRequestHeader(string name, string value) { }
        public UnityWebRequestAsyncOperation SendWebRequest() => new UnityWebRequestAsyncOperation();
        public void Dispose() { }
    }
}";

        private const string EditorSource = @"
namespace UnityEditor
{
    public class EditorWindow : UnityEngine.ScriptableObject { }
}";

        public static MetadataReference Engine { get; } = Compile("UnityEngine.CoreModule", EngineSource);

        public static MetadataReference Editor { get; } = Compile("UnityEditor.CoreModule", EditorSource, Engine);

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
