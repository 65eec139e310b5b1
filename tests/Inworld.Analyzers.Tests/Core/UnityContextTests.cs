using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    public class UnityContextTests
    {
        /// <summary>A stand-in for a Unity assembly: only its name matters to the detection.</summary>
        private static MetadataReference FakeAssembly(string name)
            => CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText("namespace " + name.Replace('.', '_') + " { public class Marker { } }") },
                    Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .ToMetadataReference();

        private static CSharpCompilation Compilation(string assemblyName, IEnumerable<(string Path, string Source)> files, string[]? symbols = null, params string[] references)
        {
            var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: symbols ?? new string[0]);
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, options, f.Path));
            return CSharpCompilation.Create(assemblyName, trees,
                Basic.Reference.Assemblies.Net80.References.All.Concat(references.Select(FakeAssembly)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        }

        private static CSharpCompilation Compilation(string assemblyName, string path, string source, string[]? symbols = null, params string[] references)
            => Compilation(assemblyName, new[] { (path, source) }, symbols, references);

        [Fact]
        public void Plain_dotnet_project_is_not_Unity()
        {
            var unity = UnityContext.From(Compilation("App", "Program.cs", "class P { }"));
            Assert.False(unity.IsUnity);
            Assert.False(unity.IsEditorOnly(Compilation("App", "Editor/X.cs", "class P { }").SyntaxTrees.First(), 0));
        }

        [Theory]
        [InlineData("UnityEngine")]
        [InlineData("UnityEngine.CoreModule")]
        public void UnityEngine_reference_makes_a_Unity_compilation(string reference)
        {
            var unity = UnityContext.From(Compilation("Assembly-CSharp", "Assets/Npc.cs", "class Npc { }", null, reference));
            Assert.True(unity.IsUnity);
            Assert.False(unity.IsServerBuild);
            Assert.False(unity.IsEditorOnlyAssembly);
        }

        [Fact]
        public void Unity_symbols_alone_make_a_Unity_compilation()
            => Assert.True(UnityContext.From(Compilation("Game", "Assets/Npc.cs", "class Npc { }", new[] { "UNITY_2022_3_OR_NEWER", "UNITY_ANDROID" })).IsUnity);

        [Fact]
        public void UnityEngineering_is_not_UnityEngine()
            => Assert.False(UnityContext.From(Compilation("Game", "Npc.cs", "class Npc { }", null, "UnityEngineering.Tools")).IsUnity);

        [Fact]
        public void UNITY_SERVER_is_a_server_build()
            => Assert.True(UnityContext.From(Compilation("Assembly-CSharp", "Assets/Server.cs", "class S { }", new[] { "UNITY_SERVER", "UNITY_STANDALONE_LINUX" }, "UnityEngine.CoreModule")).IsServerBuild);

        [Theory]
        [InlineData("Assembly-CSharp-Editor", true)]
        [InlineData("Assembly-CSharp-Editor-firstpass", true)]
        [InlineData("MyGame.Inworld.Editor", true)]
        [InlineData("Assembly-CSharp", false)]
        [InlineData("MyGame.Runtime", false)]
        public void Editor_assemblies_by_name_when_they_reference_UnityEditor(string assemblyName, bool editorOnly)
        {
            var unity = UnityContext.From(Compilation(assemblyName, "Assets/Scripts/X.cs", "class X { }", new[] { "UNITY_EDITOR" }, "UnityEngine.CoreModule", "UnityEditor.CoreModule"));
            Assert.Equal(editorOnly, unity.IsEditorOnlyAssembly);
        }

        [Fact]
        public void Runtime_assembly_compiled_in_the_Editor_is_not_Editor_only()
        {
            // Unity adds UnityEditor to runtime assemblies when compiling in the Editor; their code still ships.
            var unity = UnityContext.From(Compilation("Assembly-CSharp", "Assets/Scripts/Npc.cs", "class Npc { }", new[] { "UNITY_EDITOR" }, "UnityEngine", "UnityEditor"));
            Assert.False(unity.IsEditorOnlyAssembly);
            Assert.False(unity.IsEditorOnly(CSharpSyntaxTree.ParseText("class Npc { }", path: "Assets/Scripts/Npc.cs"), 0));
        }

        [Fact]
        public void Assembly_whose_files_all_sit_in_Editor_folders_is_Editor_only()
        {
            var compilation = Compilation("Tools", new[] { ("Assets/Inworld/Editor/Setup.cs", "class A { }"), ("Assets/Other/Editor/Menu.cs", "class B { }") }, null, "UnityEngine", "UnityEditor");
            Assert.True(UnityContext.From(compilation).IsEditorOnlyAssembly);
        }

        [Theory]
        [InlineData("Assets/Editor/Setup.cs", true)]
        [InlineData("Assets\\Plugins\\Inworld\\Editor\\Setup.cs", true)]
        [InlineData("Assets/Editors/Setup.cs", false)]
        [InlineData("Assets/Scripts/EditorWindow.cs", false)]
        [InlineData("Assets/Editor.cs", false)]
        public void Editor_folder(string path, bool expected) => Assert.Equal(expected, UnityContext.IsUnderEditorFolder(path));

        [Fact]
        public void UNITY_EDITOR_regions_are_Editor_only_and_the_rest_is_not()
        {
            var source =
                "class C {\n" +
                "  string runtime1 = \"a\";\n" +
                "#if UNITY_EDITOR\n" +
                "  string editor1 = \"b\";\n" +
                "#if DEBUG\n" +
                "  string editorNested = \"c\";\n" +
                "#endif\n" +
                "#else\n" +
                "  string player1 = \"d\";\n" +
                "#endif\n" +
                "#if !UNITY_EDITOR\n" +
                "  string player2 = \"e\";\n" +
                "#else\n" +
                "  string editor2 = \"f\";\n" +
                "#endif\n" +
                "#if UNITY_EDITOR && DEVELOPMENT_BUILD\n" +
                "  string editor3 = \"g\";\n" +
                "#elif UNITY_ANDROID\n" +
                "  string player3 = \"h\";\n" +
                "#endif\n" +
                "#if UNITY_EDITOR || UNITY_STANDALONE\n" +
                "  string shared = \"i\";\n" +
                "#endif\n" +
                "  string runtime2 = \"j\";\n" +
                "}\n";
            var compilation = Compilation("Assembly-CSharp", "Assets/Scripts/C.cs", source, new[] { "UNITY_EDITOR", "DEBUG", "DEVELOPMENT_BUILD", "UNITY_STANDALONE" }, "UnityEngine");
            var unity = UnityContext.From(compilation);
            var tree = compilation.SyntaxTrees.Single();
            bool EditorOnly(string name) => unity.IsEditorOnly(tree, source.IndexOf(name + " =", System.StringComparison.Ordinal));

            Assert.False(EditorOnly("runtime1"));
            Assert.True(EditorOnly("editor1"));
            Assert.True(EditorOnly("editorNested"));
            Assert.False(EditorOnly("player1"));
            Assert.False(EditorOnly("player2"));
            Assert.True(EditorOnly("editor2"));
            Assert.True(EditorOnly("editor3"));
            Assert.False(EditorOnly("player3"));
            Assert.False(EditorOnly("shared"));
            Assert.False(EditorOnly("runtime2"));
        }
    }
}
