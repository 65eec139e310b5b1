using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Inworld.Analyzers.Tests.Unity
{
    /// <summary>
    /// The Unity package's Editor glue (Editor/*.cs), compiled as Unity would compile its Editor assembly: against Unity
    /// API stubs (Unity/Stubs, signatures from Unity's Scripting API reference), the package's Editor logic DLL and the
    /// base library, and no Microsoft.CodeAnalysis. Loaded into a context of its own that resolves only those, so it runs
    /// as it would in the Unity Editor, where Roslyn is not loaded for user code.
    /// </summary>
    internal sealed class UnityGlueHarness : IDisposable
    {
        private readonly GlueLoadContext _context;

        private UnityGlueHarness(GlueLoadContext context, Assembly stubs, Assembly glue, Assembly logic)
        {
            _context = context;
            Stubs = stubs;
            Glue = glue;
            Logic = logic;
        }

        public Assembly Stubs { get; }
        public Assembly Glue { get; }
        public Assembly Logic { get; }

        public static string StubsSource => File.ReadAllText(Path.Combine(Package.DotnetCli.RepositoryRoot(), "tests", "Inworld.Analyzers.Tests", "Unity", "Stubs", "UnityGateApi.stubs.cs"));

        private static MetadataReference[] BaseLibrary() => Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToArray();

        /// <summary>Compiles the stubs and the glue of <paramref name="editorFolder"/> against <paramref name="logicDll"/>; returns the compile errors, if any.</summary>
        public static (byte[]? Stubs, byte[]? Glue, IReadOnlyList<string> Errors) Compile(string editorFolder, string logicDll)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9); // Unity 2021.2 compiles C# 9
            var stubs = CSharpCompilation.Create("UnityGateStubs", new[] { CSharpSyntaxTree.ParseText(StubsSource, parse) }, BaseLibrary(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var stubImage = Emit(stubs, out var stubErrors);
            if (stubImage == null)
            {
                return (null, null, stubErrors);
            }

            var glueFiles = Directory.GetFiles(editorFolder, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.NotEmpty(glueFiles);
            var references = BaseLibrary().Concat(new[] { MetadataReference.CreateFromImage(stubImage), MetadataReference.CreateFromFile(logicDll) }).ToArray();
            Assert.DoesNotContain(references, r => (r.Display ?? string.Empty).Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
            var glue = CSharpCompilation.Create("Inworld.Analyzers.Editor", glueFiles.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)), references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var glueImage = Emit(glue, out var glueErrors);
            return (stubImage, glueImage, glueErrors);
        }

        private static byte[]? Emit(CSharpCompilation compilation, out IReadOnlyList<string> errors)
        {
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
            return result.Success ? image.ToArray() : null;
        }

        public static UnityGlueHarness Load(string editorFolder, string logicDll)
        {
            var (stubImage, glueImage, errors) = Compile(editorFolder, logicDll);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var context = new GlueLoadContext(logicDll);
            var stubs = context.LoadFromStream(new MemoryStream(stubImage!));
            context.Stubs = stubs;
            var logic = context.LoadFromAssemblyPath(Path.GetFullPath(logicDll));
            context.Logic = logic;
            var glue = context.LoadFromStream(new MemoryStream(glueImage!));
            var harness = new UnityGlueHarness(context, stubs, glue, logic);
            harness.Control("Reset");
            return harness;
        }

        private Type ControlType => Stubs.GetType("InworldTestStubs.UnityStubControl", throwOnError: true)!;

        public object? Control(string method) => ControlType.GetMethod(method)!.Invoke(null, null);

        public void Set(string field, object? value) => ControlType.GetField(field)!.SetValue(null, value);

        public T Get<T>(string field) => (T)ControlType.GetField(field)!.GetValue(null)!;

        public List<string> Errors => Get<List<string>>("Errors");
        public List<string> Warnings => Get<List<string>>("Warnings");
        public List<string> Infos => Get<List<string>>("Infos");

        public void SetScenes(params (string Path, bool Enabled)[] scenes)
        {
            var sceneType = Stubs.GetType("UnityEditor.EditorBuildSettingsScene", throwOnError: true)!;
            var array = Array.CreateInstance(sceneType, scenes.Length);
            for (var i = 0; i < scenes.Length; i++)
            {
                array.SetValue(Activator.CreateInstance(sceneType, scenes[i].Path, scenes[i].Enabled), i);
            }

            Set("Scenes", array);
        }

        /// <summary>Runs a static or instance method of the glue; returns the exception it threw (unwrapped), or null.</summary>
        public Exception? Run(string typeName, string method, bool instance = false, params object?[] arguments)
        {
            var type = Glue.GetType(typeName, throwOnError: true)!;
            var target = instance ? Activator.CreateInstance(type) : null;
            try
            {
                type.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)!.Invoke(target, arguments);
                return null;
            }
            catch (TargetInvocationException e)
            {
                return e.InnerException;
            }
        }

        public object NewBuildReport() => Activator.CreateInstance(Stubs.GetType("UnityEditor.Build.Reporting.BuildReport", throwOnError: true)!)!;

        /// <summary>Raises CompilationPipeline.assemblyCompilationFinished with one message, as Unity does after compiling an assembly.</summary>
        public void RaiseCompilation(string assemblyPath, string message, string file, int line, int column)
        {
            var messageType = Stubs.GetType("UnityEditor.Compilation.CompilerMessage", throwOnError: true)!;
            var boxed = Activator.CreateInstance(messageType)!;
            messageType.GetField("message")!.SetValue(boxed, message);
            messageType.GetField("file")!.SetValue(boxed, file);
            messageType.GetField("line")!.SetValue(boxed, line);
            messageType.GetField("column")!.SetValue(boxed, column);
            var array = Array.CreateInstance(messageType, 1);
            array.SetValue(boxed, 0);
            // The [InitializeOnLoad] class subscribes in its static constructor, as Unity runs it after a domain reload.
            var listener = Glue.GetType("Inworld.Analyzers.UnityGate.InworldCompilerMessages", throwOnError: true)!;
            System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(listener.TypeHandle);
            Stubs.GetType("UnityEditor.Compilation.CompilationPipeline", throwOnError: true)!.GetMethod("RaiseForTest")!.Invoke(null, new object[] { assemblyPath, array });
        }

        public void Dispose() => _context.Unload();

        /// <summary>Resolves the stubs and the logic DLL; everything else falls back to the base library. Microsoft.CodeAnalysis is refused.</summary>
        private sealed class GlueLoadContext : AssemblyLoadContext
        {
            public GlueLoadContext(string logicDll) : base("unity-editor-glue", isCollectible: true)
            {
            }

            public Assembly? Stubs { get; set; }
            public Assembly? Logic { get; set; }

            protected override Assembly? Load(AssemblyName name)
            {
                if (name.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("The Unity Editor code asked for " + name.Name + ": Unity does not load Roslyn for user code.");
                }

                if (name.Name == "UnityGateStubs") return Stubs;
                if (name.Name == "Inworld.Unity.Editor") return Logic;
                return null;
            }
        }
    }
}
