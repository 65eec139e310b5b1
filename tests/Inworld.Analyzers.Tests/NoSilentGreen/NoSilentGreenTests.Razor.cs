using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// Razor: components (.razor) and views (.cshtml) reach the compiler only as the Razor source generator's
    /// output. A key in them must be reported at the user's Razor line, by a real `dotnet build` of a consumer
    /// restored from the packed package.
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        /// <summary>The Blazor WebAssembly version the samples build with (its packages restore on this machine and in CI).</summary>
        private const string BlazorWebAssemblyVersion = "10.0.12";

        [Fact]
        public void Razor_component_key_sent_as_Basic_is_reported_at_the_razor_line_and_fails_a_CI_build()
        {
            var credentials = FakeCredentials.Default;
            var component =
                "@page \"/\"\n" +
                "@using System.Net.Http.Headers\n" +
                "@inject HttpClient Http\n" +
                "\n" +
                "<h1 data-key=\"" + credentials.ApiKey + "\">Voices</h1>\n" +
                "\n" +
                "@code {\n" +
                "    private const string InworldApiKey = \"" + credentials.ApiKey + "\";\n" +
                "\n" +
                "    protected override void OnInitialized()\n" +
                "    {\n" +
                "        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", InworldApiKey);\n" +
                "    }\n" +
                "}\n";
            var directory = CreateConsumer("razor-wasm", new Dictionary<string, string>
            {
                ["Program.cs"] =
                    "using Microsoft.AspNetCore.Components.WebAssembly.Hosting;\n" +
                    "var builder = WebAssemblyHostBuilder.CreateDefault(args);\n" +
                    "builder.Services.AddScoped(_ => new HttpClient());\n" +
                    "await builder.Build().RunAsync();\n",
                ["_Imports.razor"] = "@using System.Net.Http\n@using Microsoft.AspNetCore.Components.Web\n",
                ["Pages/Voices.razor"] = component,
            }, sdk: "Microsoft.NET.Sdk.BlazorWebAssembly", properties: "<ImplicitUsings>enable</ImplicitUsings>");
            AllowPublicPackages(directory, "<PackageReference Include=\"Microsoft.AspNetCore.Components.WebAssembly\" Version=\"" + BlazorWebAssemblyVersion + "\" />");

            var markup = RazorPosition(component, credentials.ApiKey, 0);
            var codeBlock = RazorPosition(component, "\"" + credentials.ApiKey + "\";", 0);
            var basic = RazorPosition(component, "new AuthenticationHeaderValue", 0);

            var local = DotnetCli.Run(directory, new[] { "build", "-nodeReuse:false" }, timeoutSeconds: 600);
            Assert.True(local.ExitCode == 0, local.ToString());
            Assert.Matches(RazorFinding("Voices.razor", markup, "warning", "INW001"), local.Output);
            Assert.Matches(RazorFinding("Voices.razor", codeBlock, "warning", "INW001"), local.Output);
            Assert.Matches(RazorFinding("Voices.razor", basic, "warning", "INW002"), local.Output);
            Assert.DoesNotMatch(@"_razor\.g\.cs\(\d+,\d+\): (warning|error) INW", local.Output);
            AssertNoSecret(local.Output, credentials);

            var ci = DotnetCli.Run(directory, new[] { "build", "-nodeReuse:false", "--no-incremental" }, CiEnvironment, timeoutSeconds: 600);
            Assert.True(ci.ExitCode != 0, ci.ToString());
            Assert.Matches(RazorFinding("Voices.razor", codeBlock, "error", "INW001"), ci.Output);
            Assert.Matches(RazorFinding("Voices.razor", basic, "error", "INW002"), ci.Output);
            AssertNoSecret(ci.Output, credentials);
        }

        [Fact]
        public void Razor_Pages_view_key_in_functions_and_markup_is_reported_at_the_cshtml_line()
        {
            var credentials = FakeCredentials.Default;
            var view =
                "@page\n" +
                "<a href=\"/voices\" data-key=\"" + credentials.ApiKey + "\">Voices</a>\n" +
                "@functions {\n" +
                "    private const string InworldApiKey = \"" + credentials.ApiKey + "\";\n" +
                "}\n";
            var directory = CreateConsumer("razor-pages", new Dictionary<string, string>
            {
                ["Program.cs"] =
                    "var builder = WebApplication.CreateBuilder(args);\n" +
                    "builder.Services.AddRazorPages();\n" +
                    "var app = builder.Build();\n" +
                    "app.MapRazorPages();\n" +
                    "app.Run();\n",
                ["Pages/Voices.cshtml"] = view,
            }, sdk: "Microsoft.NET.Sdk.Web", properties: "<ImplicitUsings>enable</ImplicitUsings>");

            var build = DotnetCli.Run(directory, new[] { "build", "-nodeReuse:false" }, timeoutSeconds: 600);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Matches(RazorFinding("Voices.cshtml", RazorPosition(view, credentials.ApiKey, 0), "warning", "INW001"), build.Output);
            Assert.Matches(RazorFinding("Voices.cshtml", RazorPosition(view, "\"" + credentials.ApiKey + "\";", 0), "warning", "INW001"), build.Output);
            Assert.DoesNotMatch(@"_cshtml\.g\.cs\(\d+,\d+\): (warning|error) INW", build.Output);
            AssertNoSecret(build.Output, credentials);
        }

        /// <summary>
        /// The Blazor WebAssembly SDK needs public packages (its framework and runtime pack) next to the packed
        /// Inworld.Analyzers: the default source is added, and the machine's package folder is a fallback so
        /// that what is already there is not downloaded again into the consumer's private folder.
        /// </summary>
        private static void AllowPublicPackages(string directory, string packageReferences)
        {
            var config = Path.Combine(directory, "nuget.config");
            File.WriteAllText(config, File.ReadAllText(config).Replace(
                "  </packageSources>", "    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />\n  </packageSources>"));

            var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrEmpty(machinePackages))
            {
                machinePackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            }

            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"),
                "<Project>\n" +
                "  <PropertyGroup>\n" +
                "    <RestoreAdditionalProjectFallbackFolders>" + machinePackages + "</RestoreAdditionalProjectFallbackFolders>\n" +
                "  </PropertyGroup>\n" +
                "  <ItemGroup>\n    " + packageReferences + "\n  </ItemGroup>\n" +
                "</Project>\n");
        }

        /// <summary>1-based (line, column) of the <paramref name="occurrence"/>-th <paramref name="text"/> in a Razor file.</summary>
        private static (int Line, int Column) RazorPosition(string razor, string text, int occurrence)
        {
            var index = -1;
            for (var i = 0; i <= occurrence; i++)
            {
                index = razor.IndexOf(text, index + 1, StringComparison.Ordinal);
                Assert.True(index >= 0);
            }

            var lineStart = razor.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
            var line = 1;
            for (var i = 0; i < lineStart; i++)
            {
                if (razor[i] == '\n')
                {
                    line++;
                }
            }

            return (line, index - lineStart + 1);
        }

        private static string RazorFinding(string file, (int Line, int Column) position, string severity, string id)
            => @"Pages[/\\]" + Regex.Escape(file) + @"\(" + position.Line + "," + position.Column + @"\): " + severity + " " + id + ":";
    }
}
