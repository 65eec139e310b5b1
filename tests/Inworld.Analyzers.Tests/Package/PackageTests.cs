using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Inworld.Analyzers.Tests.Helpers;
using Xunit;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>
    /// End to end: the nupkg as users get it. Packs once, restores throw-away consumer projects from a local
    /// folder feed (no other package source), builds them and checks warnings, the CI gate and SARIF.
    /// </summary>
    [Trait("Category", "Package")]
    [Collection(PackageCollection.Name)]
    public sealed class PackageTests
    {
        private readonly PackageFixture _package;

        public PackageTests(PackageFixture package)
        {
            _package = package;
            Assert.True(package.PackResult.ExitCode == 0, "dotnet pack failed:\n" + package.PackResult);
            Assert.NotNull(package.PackagePath);
        }

        [Fact]
        public void Package_has_analyzers_props_readme_and_license_and_no_lib()
        {
            using var archive = ZipFile.OpenRead(_package.PackagePath!);
            var entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();

            Assert.Contains("analyzers/dotnet/cs/Inworld.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Inworld.Analyzers.CodeFixes.dll", entries);
            foreach (var folder in new[] { "build", "buildTransitive" })
            {
                Assert.Contains(folder + "/Inworld.Analyzers.props", entries);
                Assert.Contains(folder + "/Inworld.Analyzers.targets", entries);
            }

            Assert.Contains("README.md", entries);
            Assert.Contains("LICENSE", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/"));
            Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/") && !e.StartsWith("analyzers/dotnet/cs/"));

            var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec"));
            using var stream = nuspecEntry.Open();
            var nuspec = XDocument.Load(stream);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("Inworld.Analyzers", metadata.Element(ns + "id")!.Value);
            Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
            Assert.Null(metadata.Element(ns + "dependencies"));
        }

        [Fact]
        public void Analyzer_assemblies_reference_Roslyn_no_newer_than_3_7()
        {
            using var archive = ZipFile.OpenRead(_package.PackagePath!);
            foreach (var name in new[] { "Inworld.Analyzers.dll", "Inworld.Analyzers.CodeFixes.dll" })
            {
                using var memory = new MemoryStream();
                using (var stream = archive.GetEntry("analyzers/dotnet/cs/" + name)!.Open())
                {
                    stream.CopyTo(memory);
                }

                memory.Position = 0;
                using var pe = new System.Reflection.PortableExecutable.PEReader(memory);
                var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
                var roslyn = reader.AssemblyReferences
                    .Select(h => reader.GetAssemblyReference(h))
                    .Where(r => reader.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis"))
                    .ToList();
                Assert.NotEmpty(roslyn);
                Assert.All(roslyn, r => Assert.True(r.Version <= new System.Version(3, 7, 0, 0), name + " references " + reader.GetString(r.Name) + " " + r.Version));
            }
        }

        [Fact]
        public void Consumer_build_warns_fails_in_CI_and_writes_SARIF_without_the_secret()
        {
            var credentials = FakeCredentials.Other;
            var consumer = CreateConsumer("Leaky", "const string Key = \"" + credentials.ApiKey + "\";\nSystem.Console.WriteLine(Key.Length);\n");

            // 1. A normal developer build: INW001 is a warning and the build succeeds.
            var normal = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false" });
            Assert.True(normal.ExitCode == 0, normal.ToString());
            Assert.Contains("warning INW001", normal.Output);
            Assert.DoesNotContain("error INW001", normal.Output);
            AssertNoSecret(normal.Output, credentials);

            // 2. CI=true: the same build fails with INW001 as an error, with no set-up in the project.
            var ci = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false", "--no-incremental" }, new Dictionary<string, string> { ["CI"] = "true" });
            Assert.True(ci.ExitCode != 0, ci.ToString());
            Assert.Contains("error INW001", ci.Output);
            AssertNoSecret(ci.Output, credentials);

            // 3. The documented opt-out keeps CI builds at warning level.
            var optOut = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false", "--no-incremental", "-p:InworldAnalyzersAsErrors=false" }, new Dictionary<string, string> { ["CI"] = "true" });
            Assert.True(optOut.ExitCode == 0, optOut.ToString());
            Assert.Contains("warning INW001", optOut.Output);

            // 4. ContinuousIntegrationBuild=true is detected too (Azure DevOps / SourceLink set-ups).
            var ciProperty = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false", "--no-incremental", "-p:ContinuousIntegrationBuild=true" });
            Assert.True(ciProperty.ExitCode != 0, ciProperty.ToString());
            Assert.Contains("error INW001", ciProperty.Output);

            // 5. SARIF 2.1 through ErrorLog: INW001 is in it, the key is not.
            var sarifPath = Path.Combine(consumer, "inworld.sarif");
            var sarifBuild = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false", "--no-incremental", "-p:ErrorLog=" + sarifPath + "%2Cversion=2.1" });
            Assert.True(sarifBuild.ExitCode == 0, sarifBuild.ToString());
            Assert.True(File.Exists(sarifPath), "no SARIF log written\n" + sarifBuild);
            var sarifText = File.ReadAllText(sarifPath);
            AssertNoSecret(sarifText, credentials);
            using var sarif = JsonDocument.Parse(sarifText);
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            Assert.Empty(SarifSchema.Validate(sarifText));
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var inw001 = results.Where(r => r.GetProperty("ruleId").GetString() == "INW001").ToList();
            Assert.Single(inw001);
            Assert.Contains("132 chars", inw001[0].GetProperty("message").GetProperty("text").GetString());
        }

        [Fact]
        public void Leaking_appsettings_gets_INW004_with_no_project_setting_and_can_be_excluded()
        {
            var credentials = FakeCredentials.Other;
            var consumer = CreateConsumer("Settings", "System.Console.WriteLine(\"hello\");\n");
            File.WriteAllText(Path.Combine(consumer, "appsettings.json"), "{\n  \"Inworld\": {\n    \"ApiKey\": \"" + credentials.ApiKey + "\"\n  }\n}\n");
            File.WriteAllText(Path.Combine(consumer, ".env"), "INWORLD_SECRET=" + credentials.Secret + "\n");

            var build = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false" });
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Matches(@"appsettings\.json\(3,16\): warning INW004", build.Output);
            Assert.Matches(@"\.env\(1,16\): warning INW004", build.Output);
            AssertNoSecret(build.Output, credentials);

            var ci = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false", "--no-incremental" }, new Dictionary<string, string> { ["CI"] = "true" });
            Assert.True(ci.ExitCode != 0, ci.ToString());
            Assert.Contains("error INW004", ci.Output);

            // The documented exclusion: keep the file, skip the scan.
            var project = Path.Combine(consumer, "Settings.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace(
                "</Project>", "  <ItemGroup>\n    <AdditionalFiles Update=\"appsettings.json\" InworldScan=\"false\" />\n  </ItemGroup>\n</Project>"));
            var excluded = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false", "--no-incremental" });
            Assert.True(excluded.ExitCode == 0, excluded.ToString());
            Assert.DoesNotMatch(@"appsettings\.json\(\d+,\d+\): warning INW004", excluded.Output);
            Assert.Matches(@"\.env\(1,16\): warning INW004", excluded.Output);

            // The .editorconfig exclusion, per file, as the real compiler applies it to additional files.
            File.WriteAllText(Path.Combine(consumer, ".editorconfig"), "root = true\n\n[.env]\ninworld_analyzers.scan_shipped_file = false\n");
            var editorconfig = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false", "--no-incremental" });
            Assert.True(editorconfig.ExitCode == 0, editorconfig.ToString());
            Assert.DoesNotContain("INW004", editorconfig.Output);
        }

        [Fact]
        public void Clean_consumer_builds_without_INW_diagnostics_even_in_CI()
        {
            var consumer = CreateConsumer("Clean", "var key = System.Environment.GetEnvironmentVariable(\"INWORLD_API_KEY\") ?? throw new System.InvalidOperationException(\"Set INWORLD_API_KEY.\");\nSystem.Console.WriteLine(key.Length);\n");
            var ci = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false" }, new Dictionary<string, string> { ["CI"] = "true" });
            Assert.True(ci.ExitCode == 0, ci.ToString());
            Assert.DoesNotContain("INW0", ci.Output);
        }

        [Fact]
        public void Scanner_packs_as_a_dotnet_tool_that_installs_and_runs()
        {
            var pack = _package.PackTool();
            Assert.True(pack.ExitCode == 0, pack.ToString());
            var toolPackage = Directory.GetFiles(_package.Feed, "Inworld.Scan.*.nupkg").Single();
            using (var archive = ZipFile.OpenRead(toolPackage))
            {
                var entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
                Assert.Contains("tools/net10.0/any/inworld-scan.dll", entries);
                Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
                Assert.Contains("tools/net10.0/any/Inworld.Analyzers.dll", entries);
                Assert.Contains("README.md", entries);
            }

            // Install from the local feed only, into a private folder, and run it as users do.
            var toolPath = Path.Combine(_package.Root, "tools");
            var config = Path.Combine(_package.Root, "tool-nuget.config");
            File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"local\" value=\"" + _package.Feed + "\" />\n  </packageSources>\n</configuration>\n");
            var install = DotnetCli.Run(_package.Root, new[] { "tool", "install", "Inworld.Scan", "--tool-path", toolPath, "--version", _package.Version, "--configfile", config });
            Assert.True(install.ExitCode == 0, install.ToString());

            var tool = Path.Combine(toolPath, System.OperatingSystem.IsWindows() ? "inworld-scan.exe" : "inworld-scan");
            var project = Path.Combine(_package.Root, "ToolTarget");
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(project, ".env"), "INWORLD_API_KEY=" + FakeCredentials.Other.ApiKey + "\n");
            var scan = DotnetCli.RunProgram(tool, project, new[] { "." }, timeoutSeconds: 120);
            Assert.True(scan.ExitCode == 1, scan.ToString());
            Assert.Matches(@"^\.env\(1,17\): warning INW004: Inworld API key", scan.StandardOutput.Trim());
            AssertNoSecret(scan.Output, FakeCredentials.Other);
        }

        /// <summary>
        /// Editor end to end: csharp-ls (a local dotnet tool, .config/dotnet-tools.json) opens a consumer project
        /// restored from the packed package and reports INW001 for the leaking file over LSP.
        /// </summary>
        [Fact]
        public void Language_server_publishes_INW001_for_the_leaking_file()
        {
            var repository = DotnetCli.RepositoryRoot();
            var restoreTools = DotnetCli.Run(repository, new[] { "tool", "restore" });
            Assert.True(restoreTools.ExitCode == 0, restoreTools.ToString());

            var consumer = CreateConsumer("Editor", "const string Key = \"" + FakeCredentials.Other.ApiKey + "\";\nSystem.Console.WriteLine(Key.Length);\n");
            var restore = DotnetCli.Run(consumer, new[] { "restore" });
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var file = Path.Combine(consumer, "Program.cs");
            var fileUri = new System.Uri(file).AbsoluteUri;

            using var server = new LanguageServerClient(repository, "dotnet", "tool", "run", "csharp-ls");
            var initialize = server.Request("initialize", new System.Text.Json.Nodes.JsonObject
            {
                ["processId"] = System.Environment.ProcessId,
                ["rootUri"] = new System.Uri(consumer).AbsoluteUri,
                ["capabilities"] = System.Text.Json.Nodes.JsonNode.Parse("{\"workspace\":{\"configuration\":true},\"textDocument\":{\"publishDiagnostics\":{},\"diagnostic\":{}}}"),
                ["workspaceFolders"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["uri"] = new System.Uri(consumer).AbsoluteUri, ["name"] = "Editor" }),
            });

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var lastPull = System.TimeSpan.Zero;
            var opened = false;
            var seen = new List<string>();
            while (watch.Elapsed < System.TimeSpan.FromSeconds(150))
            {
                var message = server.Read(System.TimeSpan.FromSeconds(2), out var exited);
                Assert.False(exited, "csharp-ls exited; messages so far: " + string.Join(", ", seen) + "\n" + server.Errors);
                if (message == null)
                {
                    PullDiagnostics();
                    continue;
                }

                var method = message["method"]?.GetValue<string>();
                var id = message["id"];
                if (method == null && id != null && id.GetValue<int>() == initialize)
                {
                    server.Notify("initialized", new System.Text.Json.Nodes.JsonObject());
                    server.Notify("workspace/didChangeConfiguration", System.Text.Json.Nodes.JsonNode.Parse("{\"settings\":{\"csharp\":{\"analyzersEnabled\":true}}}"));
                    server.Notify("textDocument/didOpen", new System.Text.Json.Nodes.JsonObject
                    {
                        ["textDocument"] = new System.Text.Json.Nodes.JsonObject { ["uri"] = fileUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(file) },
                    });
                    opened = true;
                }
                else if (method == "workspace/configuration" && id != null)
                {
                    var items = message["params"]!["items"]!.AsArray();
                    var results = new System.Text.Json.Nodes.JsonArray();
                    foreach (var _ in items)
                    {
                        results.Add(System.Text.Json.Nodes.JsonNode.Parse("{\"analyzersEnabled\":true}"));
                    }

                    server.Respond(id, results);
                }
                else if (method != null && id != null)
                {
                    server.Respond(id, null);
                }
                else if (method == "textDocument/publishDiagnostics" && Codes(message["params"]!["diagnostics"]).Contains("INW001"))
                {
                    return;
                }
                else if (method == null && message["result"] is System.Text.Json.Nodes.JsonObject report && report["items"] != null)
                {
                    var codes = Codes(report["items"]);
                    seen.Add("pull:" + string.Join("/", codes));
                    if (codes.Contains("INW001"))
                    {
                        return;
                    }
                }

                PullDiagnostics();
            }

            Assert.Fail("no INW001 over LSP within 150 s; seen: " + string.Join(", ", seen) + "\n" + server.Errors);

            void PullDiagnostics()
            {
                if (opened && watch.Elapsed - lastPull > System.TimeSpan.FromSeconds(2))
                {
                    lastPull = watch.Elapsed;
                    server.Request("textDocument/diagnostic", new System.Text.Json.Nodes.JsonObject { ["textDocument"] = new System.Text.Json.Nodes.JsonObject { ["uri"] = fileUri } });
                }
            }
        }

        private static List<string> Codes(System.Text.Json.Nodes.JsonNode? diagnostics)
        {
            var codes = new List<string>();
            foreach (var diagnostic in diagnostics?.AsArray() ?? new System.Text.Json.Nodes.JsonArray())
            {
                if (diagnostic?["code"] is System.Text.Json.Nodes.JsonValue code)
                {
                    codes.Add(code.ToString());
                }
            }

            return codes;
        }

        private string CreateConsumer(string name, string program)
        {
            var directory = Path.Combine(_package.Root, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" +
                "    <add key=\"local\" value=\"" + _package.Feed + "\" />\n  </packageSources>\n</configuration>\n");
            File.WriteAllText(Path.Combine(directory, name + ".csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>net10.0</TargetFramework>\n" +
                "    <RestorePackagesPath>" + Path.Combine(_package.Root, "packages") + "</RestorePackagesPath>\n  </PropertyGroup>\n" +
                "  <ItemGroup>\n    <PackageReference Include=\"Inworld.Analyzers\" Version=\"" + _package.Version + "\" />\n  </ItemGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
            return directory;
        }

        private static void AssertNoSecret(string text, FakeCredentials credentials)
        {
            Assert.DoesNotContain(credentials.ApiKey.Substring(0, 12), text);
            Assert.DoesNotContain(credentials.Secret.Substring(0, 12), text);
            Assert.DoesNotContain(credentials.KeyId.Substring(0, 12), text);
        }
    }
}
