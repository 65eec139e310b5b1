using System.Collections.Generic;
using System.Linq;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>Client or server, from every signal the package knows, and the overrides.</summary>
    public class ProjectKindTests
    {
        private static ProjectKindDecision Detect(Dictionary<string, string> properties, string[]? symbols = null, params string[] references)
        {
            var tree = CSharpSyntaxTree.ParseText("class C { }", new CSharpParseOptions(preprocessorSymbols: symbols ?? new string[0]));
            var refs = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToList();
            foreach (var name in references)
            {
                refs.Add(CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText("public class M { }") }, Basic.Reference.Assemblies.Net80.References.All,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference());
            }

            var compilation = CSharpCompilation.Create("App", new[] { tree }, refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return ProjectKinds.Detect(compilation, new DictionaryConfigOptions(properties), UnityContext.From(compilation));
        }

        [Theory]
        [InlineData("build_property.UsingMicrosoftNETSdkBlazorWebAssembly", "true", "Blazor WebAssembly")]
        [InlineData("build_property.RuntimeIdentifier", "browser-wasm", "runtime identifier browser-wasm")]
        [InlineData("build_property.UseMaui", "true", "MAUI")]
        [InlineData("build_property.UseWPF", "True", "WPF")]
        [InlineData("build_property.UseWindowsForms", "true", "Windows Forms")]
        [InlineData("build_property.UseWinUI", "true", "WinUI")]
        [InlineData("build_property.TargetPlatformIdentifier", "android", "target platform android")]
        [InlineData("build_property.TargetPlatformIdentifier", "iOS", "target platform iOS")]
        [InlineData("build_property.TargetPlatformIdentifier", "maccatalyst", "target platform maccatalyst")]
        [InlineData("build_property.TargetFramework", "net8.0-android", "target framework net8.0-android")]
        [InlineData("build_property.TargetFramework", "net9.0-ios18.0", "target framework net9.0-ios18.0")]
        [InlineData("build_property.TargetFramework", "net8.0-maccatalyst", "target framework net8.0-maccatalyst")]
        [InlineData("build_property.RuntimeIdentifier", "android-arm64", "runtime identifier android-arm64")]
        [InlineData("build_property.RuntimeIdentifier", "iossimulator-x64", "runtime identifier iossimulator-x64")]
        public void Client_from_build_properties(string key, string value, string reason)
        {
            var decision = Detect(new Dictionary<string, string> { [key] = value });
            Assert.Equal(ProjectKind.Client, decision.Kind);
            Assert.Equal(reason, decision.Reason);
        }

        [Theory]
        [InlineData("Microsoft.AspNetCore.Components.WebAssembly", "Blazor WebAssembly")]
        [InlineData("Microsoft.Maui.Controls", "MAUI")]
        [InlineData("Xamarin.Forms.Core", "Xamarin")]
        [InlineData("Mono.Android", "Xamarin.Android")]
        [InlineData("Xamarin.iOS", "Xamarin.iOS")]
        [InlineData("PresentationFramework", "WPF")]
        [InlineData("System.Windows.Forms", "Windows Forms")]
        [InlineData("Microsoft.WinUI", "WinUI")]
        [InlineData("Avalonia.Base", "Avalonia")]
        [InlineData("Uno.UI", "Uno Platform")]
        [InlineData("GodotSharp", "Godot")]
        [InlineData("MonoGame.Framework", "MonoGame")]
        [InlineData("FNA", "FNA")]
        [InlineData("Stride.Engine", "Stride")]
        public void Client_from_framework_references(string assembly, string reason)
        {
            var decision = Detect(new Dictionary<string, string>(), null, assembly);
            Assert.Equal(ProjectKind.Client, decision.Kind);
            Assert.Equal(reason, decision.Reason);
        }

        [Fact]
        public void Unity_player_is_client_and_dedicated_server_is_server()
        {
            Assert.Equal(ProjectKind.Client, Detect(new Dictionary<string, string>(), null, "UnityEngine.CoreModule").Kind);
            var server = Detect(new Dictionary<string, string>(), new[] { "UNITY_SERVER" }, "UnityEngine.CoreModule");
            Assert.Equal(ProjectKind.Server, server.Kind);
            Assert.Contains("UNITY_SERVER", server.Reason);
        }

        [Theory]
        [InlineData("build_property.UsingMicrosoftNETSdkWeb", "true", "ASP.NET Core")]
        [InlineData("build_property.OutputType", "Exe", "no client-side signal")]
        [InlineData("build_property.OutputType", "Library", "no client-side signal")]
        [InlineData("build_property.UseMaui", "false", "no client-side signal")]
        [InlineData("build_property.TargetFramework", "net8.0-windows", "no client-side signal")]
        [InlineData("build_property.RuntimeIdentifier", "linux-x64", "no client-side signal")]
        public void Servers_consoles_and_libraries_are_server(string key, string value, string reason)
        {
            var decision = Detect(new Dictionary<string, string> { [key] = value });
            Assert.Equal(ProjectKind.Server, decision.Kind);
            Assert.Equal(reason, decision.Reason);
        }

        [Theory]
        [InlineData("build_property.InworldProjectKind", "server", ProjectKind.Server)]
        [InlineData("build_property.InworldProjectKind", "Client", ProjectKind.Client)]
        [InlineData("inworld_analyzers.project_kind", "server", ProjectKind.Server)]
        [InlineData("build_property.InworldProjectKind", "auto", ProjectKind.Client)]
        [InlineData("build_property.InworldProjectKind", "bogus", ProjectKind.Client)]
        internal void Explicit_kind_wins_over_detection(string key, string value, ProjectKind expected)
            => Assert.Equal(expected, Detect(new Dictionary<string, string> { [key] = value, ["build_property.UseMaui"] = "true" }).Kind);

        [Fact]
        public void Override_makes_a_shared_library_client()
            => Assert.Equal(ProjectKind.Client, Detect(new Dictionary<string, string> { ["inworld_analyzers.project_kind"] = "client" }).Kind);

        [Fact]
        public void Per_file_override_from_editorconfig()
        {
            var project = Detect(new Dictionary<string, string>());
            var file = ProjectKinds.ForFile(project, new DictionaryConfigOptions(new Dictionary<string, string> { ["inworld_analyzers.project_kind"] = "client" }));
            Assert.Equal(ProjectKind.Client, file.Kind);
            Assert.Equal(ProjectKind.Server, ProjectKinds.ForFile(project, new DictionaryConfigOptions(new Dictionary<string, string>())).Kind);
            Assert.Equal(ProjectKind.Server, ProjectKinds.ForFile(project, new DictionaryConfigOptions(new Dictionary<string, string> { ["inworld_analyzers.project_kind"] = "auto" })).Kind);
        }
    }
}
