using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Scan;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>
    /// How inworld-scan splits a repository into compilations: every Unity project below the root with its own
    /// assemblies, symbols and Unity types; every .NET project with the build properties of its own project file.
    /// </summary>
    [Trait("Category", "Scan")]
    public sealed class CompilationPlanTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "inworld-scan-plan-" + Guid.NewGuid().ToString("N").Substring(0, 8));

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

        private async Task<(List<Finding> Findings, List<string> Errors)> ScanAsync(params string[] args)
        {
            var options = ScanOptions.Parse(args.Append(_root).ToArray(), out var usage);
            Assert.Null(usage);
            var problems = new ScanProblems();
            var target = new FileWalker(options.Excludes, options.UseGitIgnore, problems, _ => { }).Walk(_root);
            var findings = await new ScanEngine(options, _ => { }).ScanAsync(target, problems, CancellationToken.None);
            return (findings, problems.All.Select(p => p.ToString()).ToList());
        }

        private CompilationPlan Plan(params string[] args)
        {
            var options = ScanOptions.Parse(args.Append(_root).ToArray(), out _);
            var problems = new ScanProblems();
            var target = new FileWalker(options.Excludes, options.UseGitIgnore, problems, _ => { }).Walk(_root);
            var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
            var plan = new CompilationPlan(target, options, parseOptions, problems);
            foreach (var file in target.CSharpFiles)
            {
                var unit = plan.UnitFor(file);
                unit.Trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(file), unit.ParseOptions, file));
            }

            Assert.Empty(problems.All);
            return plan;
        }

        private const string UnityBasicHeader =
            "using UnityEngine;\nusing UnityEngine.Networking;\npublic class CLASS : MonoBehaviour\n{\n    [SerializeField] private string inworldApiKey;\n" +
            "    void Send() { var r = UnityWebRequest.Get(\"https://api.inworld.ai/tts/v1/voices\"); r.SetRequestHeader(\"Authorization\", \"Basic \" + inworldApiKey); r.SendWebRequest(); }\n}\n";

        private const string DotnetBasicHeader =
            "using System.Net.Http;\nusing System.Net.Http.Headers;\npublic class CLASS\n{\n    private readonly string inworldApiKey = System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\");\n" +
            "    void Send(HttpClient c) { c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", inworldApiKey); }\n}\n";

        private void UnityProject(string folder, string version)
            => Write(folder + "/ProjectSettings/ProjectVersion.txt", "m_EditorVersion: " + version + "\n");

        [Fact]
        public async Task Two_nested_Unity_projects_and_a_dotnet_backend_are_each_compiled_as_their_builds_do()
        {
            UnityProject("clients/Game", "2022.3.10f1");
            UnityProject("clients/Tools/Companion", "6000.0.23f1");
            Write("clients/Game/Assets/Scripts/Npc.cs", UnityBasicHeader.Replace("CLASS", "Npc"));
            Write("clients/Game/Assets/Scripts/Net/Net.asmdef", "{ \"name\": \"Game.Net\" }");
            Write("clients/Game/Assets/Scripts/Net/Client.cs", UnityBasicHeader.Replace("CLASS", "Client"));
            Write("clients/Game/Assets/Editor/Setup.cs", UnityBasicHeader.Replace("CLASS", "Setup"));
            Write("clients/Game/Assets/Plugins/Vendor.cs", "public class Vendor { }");
            Write("clients/Game/Assembly-CSharp.csproj", "<Project><PropertyGroup><TargetFramework>netstandard2.1</TargetFramework></PropertyGroup></Project>");
            Write("clients/Tools/Companion/Assets/Companion.cs", UnityBasicHeader.Replace("CLASS", "Companion"));
            Write("backend/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
            Write("backend/Api/Proxy.cs", DotnetBasicHeader.Replace("CLASS", "Proxy"));

            var units = Plan().Units.ToDictionary(u => u.AssemblyName + "@" + FileWalker.Relative(_root, u.Unity?.Root ?? u.Key));
            Assert.Equal(new[]
            {
                "Api@backend/Api",
                "Assembly-CSharp-Editor@clients/Game",
                "Assembly-CSharp-firstpass@clients/Game",
                "Assembly-CSharp@clients/Game",
                "Assembly-CSharp@clients/Tools/Companion",
                "Game.Net@clients/Game",
            }, units.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Contains("UNITY_2022_3", units["Assembly-CSharp@clients/Game"].ParseOptions.PreprocessorSymbolNames);
            Assert.Contains("UNITY_6000_0_OR_NEWER", units["Assembly-CSharp@clients/Tools/Companion"].ParseOptions.PreprocessorSymbolNames);
            Assert.DoesNotContain("UNITY_EDITOR", units["Api@backend/Api"].ParseOptions.PreprocessorSymbolNames);
            Assert.Equal(2, units["Game.Net@clients/Game"].ExtraReferences.Length);
            Assert.Empty(units["Api@backend/Api"].ExtraReferences);
            Assert.Equal("true", units["Api@backend/Api"].BuildProperties["build_property.UsingMicrosoftNETSdkWeb"]);

            // Findings: INW002 in both Unity projects' player code, not in Editor code, not in the backend.
            var (findings, errors) = await ScanAsync();
            Assert.Empty(errors);
            Assert.Equal(new[]
            {
                "clients/Game/Assets/Scripts/Net/Client.cs",
                "clients/Game/Assets/Scripts/Npc.cs",
                "clients/Tools/Companion/Assets/Companion.cs",
            }, findings.Where(f => f.Id == "INW002").Select(f => FileWalker.Relative(_root, f.Path!)).OrderBy(p => p, StringComparer.Ordinal));
        }

        [Fact]
        public async Task Dotnet_project_kinds_come_from_each_project_file_not_from_the_whole_tree()
        {
            Write("Directory.Build.props", "<Project><PropertyGroup><ClientTfm>net8.0-android</ClientTfm><InworldAnalyzersAsErrors>true</InworldAnalyzersAsErrors></PropertyGroup></Project>");
            Write("src/Wasm/Wasm.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.BlazorWebAssembly/8.0.0\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
            Write("src/Wasm/Api.cs", DotnetBasicHeader.Replace("CLASS", "WasmApi"));
            Write("src/Server/Server.csproj", "<Project><Sdk Name=\"Microsoft.NET.Sdk.Web\" /><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
            Write("src/Server/Api.cs", DotnetBasicHeader.Replace("CLASS", "ServerApi"));
            Write("src/Mobile/Mobile.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFrameworks>net8.0;$(ClientTfm)</TargetFrameworks></PropertyGroup></Project>");
            Write("src/Mobile/Api.cs", DotnetBasicHeader.Replace("CLASS", "MobileApi"));
            Write("src/Ios/Ios.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework><TargetPlatformIdentifier>ios</TargetPlatformIdentifier><UseMaui Condition=\"'$(X)' == 'y'\">true</UseMaui></PropertyGroup></Project>");
            Write("src/Ios/Api.cs", DotnetBasicHeader.Replace("CLASS", "IosApi"));
            Write("src/Desktop/Desktop.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0-windows</TargetFramework><UseWPF>true</UseWPF><InworldProjectKind>server</InworldProjectKind></PropertyGroup></Project>");
            Write("src/Desktop/Api.cs", DotnetBasicHeader.Replace("CLASS", "DesktopApi"));
            Write("src/Godot/Godot.csproj", "<Project Sdk=\"Godot.NET.Sdk/4.3.0\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
            Write("src/Godot/Api.cs", DotnetBasicHeader.Replace("CLASS", "GodotApi"));

            var units = Plan().Units.ToDictionary(u => u.AssemblyName);
            Assert.Equal("net8.0-android", units["Mobile"].BuildProperties["build_property.TargetFramework"]);
            Assert.Equal("android", units["Mobile"].BuildProperties["build_property.TargetPlatformIdentifier"]);
            Assert.Equal("true", units["Mobile"].BuildProperties["build_property.InworldAnalyzersAsErrors"]);
            Assert.False(units["Ios"].BuildProperties.ContainsKey("build_property.UseMaui"));
            Assert.Equal("windows", units["Desktop"].BuildProperties["build_property.TargetPlatformIdentifier"]);
            Assert.False(units["Server"].BuildProperties.ContainsKey("build_property.UsingMicrosoftNETSdkBlazorWebAssembly"));

            var (findings, errors) = await ScanAsync();
            Assert.Empty(errors);
            Assert.Equal(new[] { "src/Godot/Api.cs", "src/Ios/Api.cs", "src/Mobile/Api.cs", "src/Wasm/Api.cs" },
                findings.Where(f => f.Id == "INW002").Select(f => FileWalker.Relative(_root, f.Path!)).OrderBy(p => p, StringComparer.Ordinal));
        }

        [Fact]
        public async Task Project_kind_option_server_makes_Unity_a_Dedicated_Server_build()
        {
            UnityProject("game", "2022.3.10f1");
            Write("game/Assets/Npc.cs", UnityBasicHeader.Replace("CLASS", "Npc"));
            Assert.Contains("UNITY_SERVER", Plan("--project-kind", "server").Units.Single().ParseOptions.PreprocessorSymbolNames);
            Assert.Single((await ScanAsync()).Findings, f => f.Id == "INW002");
            Assert.DoesNotContain((await ScanAsync("--project-kind", "server")).Findings, f => f.Id == "INW002");
        }

        [Fact]
        public async Task Malformed_project_file_is_an_error_not_a_silent_server()
        {
            Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.BlazorWebAssembly\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>");
            Write("src/App/Api.cs", DotnetBasicHeader.Replace("CLASS", "Api"));
            Write("src/Lib/Lib.asmdef", "{ \"name\": ");
            var (_, errors) = await ScanAsync();
            Assert.Contains(errors, e => e.StartsWith("error: " + Path.Combine(_root, "src", "App", "App.csproj") + ": cannot parse project file: ", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("error: " + Path.Combine(_root, "src", "Lib", "Lib.asmdef") + ": cannot parse assembly definition: ", StringComparison.Ordinal));
        }

        [Fact]
        public void Unity_stubs_compile_and_carry_Unity_assembly_names()
        {
            var names = UnityApiStubs.References.Select(r => ((Microsoft.CodeAnalysis.PortableExecutableReference)r).GetMetadata())
                .Select(m => ((Microsoft.CodeAnalysis.AssemblyMetadata)m).GetModules()[0].Name).ToList();
            Assert.Equal(new[] { "UnityEngine.CoreModule.dll", "UnityEditor.CoreModule.dll" }, names);
        }
    }
}
