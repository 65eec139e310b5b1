using System.Collections.Generic;
using System.IO;
using System.Linq;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    public sealed partial class NoSilentGreenTests
    {
        /// <summary>
        /// A client project (InworldProjectKind=client) with keys in a Secrets class and a view model, as a user meets
        /// it: the CI build fails with the client message (shipped, rotate; no secret in the log); `dotnet format` with
        /// the packed fixes removes the values (no environment variable on a player's device); then the CI build passes
        /// and no key is left in any source file.
        /// </summary>
        [Fact]
        public void Client_keys_fail_CI_with_the_rotate_message_and_dotnet_format_removes_them()
        {
            var credentials = FakeCredentials.Other;
            var consumer = CreateConsumer("ClientRemove", new Dictionary<string, string>
            {
                ["Secrets.cs"] = "public static class Secrets\n{\n    // From the Inworld Portal.\n    public const string InworldApiKey = \"" + credentials.ApiKey + "\";\n}\n",
                ["ChatViewModel.cs"] = "public sealed class ChatViewModel\n{\n    public string InworldSecret { get; set; } = \"" + credentials.Secret + "\";\n" +
                                       "    public int Length => InworldSecret.Length + Secrets.InworldApiKey.Length;\n}\n",
                ["Program.cs"] = "System.Console.WriteLine(new ChatViewModel().Length);\n",
            }, properties: "<OutputType>Exe</OutputType>\n    <InworldProjectKind>client</InworldProjectKind>");

            var failing = Build(consumer, CiEnvironment);
            AssertGateFailed(failing, "INW001", credentials);
            var messages = failing.Output.Split('\n').Where(l => l.Contains("error INW001")).ToList();
            Assert.Contains(messages, l => l.Contains("Secrets.cs") && l.Contains("in client-side code: it has shipped with the app") && l.Contains("rotate the key"));
            Assert.Contains(messages, l => l.Contains("ChatViewModel.cs") && l.Contains("in client-side code: it has shipped with the app") && l.Contains("rotate the key"));

            var format = DotnetCli.Run(consumer, new[] { "format", "analyzers", "--diagnostics", "INW001", "--severity", "warn", "-v", "diag" });
            Assert.True(format.ExitCode == 0, format.ToString());
            AssertNoSecret(format.Output, credentials);

            foreach (var file in Directory.GetFiles(consumer, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)))
            {
                AssertNoSecret(File.ReadAllText(file), credentials);
            }

            var secrets = File.ReadAllText(Path.Combine(consumer, "Secrets.cs"));
            Assert.Contains("// From the Inworld Portal.\n    public const string InworldApiKey = \"\";", secrets);
            Assert.DoesNotContain("Environment", secrets);
            Assert.Contains("public string InworldSecret { get; set; } = \"\";", File.ReadAllText(Path.Combine(consumer, "ChatViewModel.cs")));

            var passing = Build(consumer, CiEnvironment);
            Assert.True(passing.ExitCode == 0, passing.ToString());
            Assert.DoesNotContain("INW001", passing.Output);
        }
    }
}
