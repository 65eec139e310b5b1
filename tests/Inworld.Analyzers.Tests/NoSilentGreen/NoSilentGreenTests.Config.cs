using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    public sealed partial class NoSilentGreenTests
    {
        /// <summary>
        /// Path 7, configuration errors: a misspelled option key and a boolean option set to "nope" used to be
        /// ignored in silence (and INW900 had no location). The build now names each at its .editorconfig line,
        /// with the closest valid key; the key the "nope" file holds is still found, since the default applies.
        /// </summary>
        [Fact]
        public void Wrong_configuration_is_reported_at_its_editorconfig_line_with_the_closest_key()
        {
            var credentials = new FakeCredentials(seed: 7007);
            var consumer = CreateConsumer("config", new Dictionary<string, string>
            {
                ["Program.cs"] = "System.Console.WriteLine(\"hello\");\n",
                ["appsettings.json"] = "{\n  \"Inworld\": {\n    \"ApiKey\": \"" + credentials.ApiKey + "\"\n  }\n}\n",
                [".editorconfig"] =
                    "root = true\n" +
                    "[*.cs]\n" +
                    "inworld_analyzers.api_key_env = MYGAME_INWORLD_API_KEY\n" +
                    "[appsettings.json]\n" +
                    "inworld_analyzers.scan_shipped_file = nope\n",
            });

            var build = DotnetCli.Run(consumer, new[] { "build", "-nologo" }, timeoutSeconds: 300);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Matches(@"\.editorconfig\(3,1\): warning INW900: Option 'inworld_analyzers\.api_key_env' is not an Inworld\.Analyzers option and is ignored; did you mean 'inworld_analyzers\.api_key_env_var'\?", build.Output);
            Assert.Matches(@"\.editorconfig\(5,1\): warning INW900: Option 'inworld_analyzers\.scan_shipped_file' has an invalid value 'nope': expected true or false; using 'true'", build.Output);

            // Each problem once, at its line: no project-level copy ("CSC : warning INW900") of the same value.
            Assert.DoesNotMatch(@"CSC : warning INW900", build.Output);
            // (MSBuild repeats every warning in its summary, hence the distinct lines.)
            Assert.Equal(2, Regex.Matches(build.Output, @"[^\s]*\.editorconfig\(\d+,\d+\): warning INW900[^\r\n]*").Select(m => m.Value).Distinct().Count());

            // "nope" falls back to scanning the file, so its key is reported, and never printed.
            Assert.Matches(@"appsettings\.json\(3,\d+\): warning INW004", build.Output);
            AssertNoSecret(build.Output, credentials);

            // A CI build (full: the incremental gate is another path) reports the same lines and fails.
            var ci = DotnetCli.Run(consumer, new[] { "build", "-nologo", "--no-incremental" }, CiEnvironment, timeoutSeconds: 300);
            Assert.True(ci.ExitCode != 0, ci.ToString());
            Assert.Matches(@"\.editorconfig\(3,1\): error INW900: Option 'inworld_analyzers\.api_key_env' .*did you mean 'inworld_analyzers\.api_key_env_var'\?", ci.Output);
            Assert.Matches(@"\.editorconfig\(5,1\): error INW900: Option 'inworld_analyzers\.scan_shipped_file' has an invalid value 'nope'", ci.Output);
            AssertNoSecret(ci.Output, credentials);
        }
    }
}
