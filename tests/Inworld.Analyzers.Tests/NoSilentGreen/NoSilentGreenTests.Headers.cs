using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Inworld.Analyzers.Tests.Scan;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// Issue 10, item 4: header setters of other shapes. An extension-method setter (the receiver is argument 0,
    /// as in RestSharp's AddHeader) in a client build, and a setter on a type the compilation cannot resolve (as
    /// inworld-scan sees RestSharp code, which it compiles without NuGet references), both report INW002.
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        // A RestSharp-style request and extension-method setter written in the consumer itself: the real
        // RestSharp is not restored from the local test feed.
        private const string ExtensionSetterSource = @"using System;
using System.Collections.Generic;

namespace Consumer
{
    public sealed class ApiRequest
    {
        public ApiRequest(string url) { Url = url; }
        public string Url { get; }
        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>();
    }

    public static class ApiRequestExtensions
    {
        public static ApiRequest AddHeader(this ApiRequest request, string name, string value)
        {
            request.Headers[name] = value;
            return request;
        }
    }

    public static class Program
    {
        private const string InworldApiKey = ""$KEY$"";

        public static void Main()
        {
            var request = new ApiRequest(""https://api.inworld.ai/tts/v1/voice"");
            request.AddHeader(""Authorization"", ""Basic "" + InworldApiKey);
            Console.WriteLine(request.Headers.Count);
        }
    }
}
";

        // RestSharp code as a Blazor WebAssembly app has it; inworld-scan compiles it without the RestSharp
        // package, so RestRequest, AddHeader and HttpBasicAuthenticator do not resolve.
        private const string UnresolvedSetterSource = @"using RestSharp;
using RestSharp.Authenticators;

public sealed class VoiceClient
{
    private const string InworldApiKey = ""$KEY$"";

    public RestRequest Speak(string text)
    {
        var request = new RestRequest(""https://api.inworld.ai/tts/v1/voice"");
        request.AddHeader(""Authorization"", ""Basic "" + InworldApiKey);
        return request;
    }

    public RestClientOptions Options(string inworldKeyId, string inworldSecret)
        => new RestClientOptions(""https://api.inworld.ai/"") { Authenticator = new HttpBasicAuthenticator(inworldKeyId, inworldSecret) };
}
";

        [Fact]
        public void Extension_method_header_setter_in_a_client_build_reports_INW002()
        {
            var credentials = FakeCredentials.Default;
            var source = Snippet.Expand(ExtensionSetterSource, credentials);
            var consumer = CreateConsumer("HeaderExtension", new Dictionary<string, string> { ["Program.cs"] = source },
                properties: "<OutputType>Exe</OutputType>\n    <InworldProjectKind>client</InworldProjectKind>");

            var build = DotnetCli.Run(consumer, new[] { "build", "-nodeReuse:false" });
            Assert.True(build.ExitCode == 0, build.ToString());
            var (line, column) = Position(source, "request.AddHeader(\"Authorization\"");
            Assert.Contains("Program.cs(" + line + "," + column + "): warning INW002: Basic authentication via ApiRequest.AddHeader(\"Authorization\", \"Basic ...\")", build.Output);
            Assert.Contains("InworldProjectKind = client", build.Output);
            AssertNoSecret(build.Output, credentials);
        }

        [Fact]
        public void Header_setters_on_unresolved_types_are_reported_by_inworld_scan()
        {
            var credentials = FakeCredentials.Default;
            var source = Snippet.Expand(UnresolvedSetterSource, credentials);
            var folder = Path.Combine(_package.Root, "nsg-headers-scan");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Voice.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk.BlazorWebAssembly\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n" +
                "  <ItemGroup>\n    <PackageReference Include=\"RestSharp\" Version=\"112.1.0\" />\n  </ItemGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(folder, "VoiceClient.cs"), source);

            var scan = DotnetCli.Run(folder, new[] { ScanToolTests.ToolPath(), "." }, timeoutSeconds: 180);
            Assert.True(scan.ExitCode == 1, scan.ToString());
            var findings = scan.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": warning INW") || l.Contains(": error INW")).ToList();

            var (line, column) = Position(source, "request.AddHeader(\"Authorization\"");
            Assert.Contains(findings, l => l.StartsWith("VoiceClient.cs(" + line + "," + column + "): warning INW002: Basic authentication via RestRequest.AddHeader(\"Authorization\", \"Basic ...\")", StringComparison.Ordinal));
            var (helperLine, helperColumn) = Position(source, "new HttpBasicAuthenticator(");
            Assert.Contains(findings, l => l.StartsWith("VoiceClient.cs(" + helperLine + "," + helperColumn + "): warning INW002: Basic authentication via new HttpBasicAuthenticator(user, password)", StringComparison.Ordinal));
            Assert.Contains(findings, l => l.Contains("warning INW001"));
            AssertNoSecret(scan.Output, credentials);
        }

        /// <summary>1-based line and column of the first occurrence of <paramref name="text"/>, as compilers print them.</summary>
        private static (int Line, int Column) Position(string source, string text)
        {
            var index = source.IndexOf(text, StringComparison.Ordinal);
            Assert.True(index >= 0, text + " not in source");
            var before = source.Substring(0, index);
            var line = before.Count(c => c == '\n') + 1;
            var column = index - (before.LastIndexOf('\n') + 1) + 1;
            return (line, column);
        }
    }
}
