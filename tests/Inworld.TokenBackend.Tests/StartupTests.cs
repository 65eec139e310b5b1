using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Inworld.Samples.TokenBackend;
using Xunit;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>The backend refuses to start without a usable configuration, naming the settings, never their values.</summary>
    public sealed class StartupTests
    {
        private static readonly Uri Unused = new("http://127.0.0.1:9/");
        private readonly FakeCredentials _credentials = FakeCredentials.Create(3303);

        private static TokenBackendConfigurationException BuildFails(Dictionary<string, string?> overrides)
        {
            var settings = BackendHost.BaseSettings(Unused);
            foreach (var (key, value) in overrides)
            {
                settings[key] = value;
            }

            return Assert.Throws<TokenBackendConfigurationException>(() => BackendHost.Build(settings));
        }

        [Fact]
        public void Missing_credentials_fail_fast_naming_the_variables()
        {
            var error = BuildFails([]);

            Assert.Contains("INWORLD_API_KEY", error.Message, StringComparison.Ordinal);
            Assert.Contains("INWORLD_KEY", error.Message, StringComparison.Ordinal);
            Assert.Contains("INWORLD_SECRET", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Key_id_without_secret_fails_without_printing_it()
        {
            var error = BuildFails(new() { ["INWORLD_KEY"] = _credentials.KeyId });

            Assert.Contains("INWORLD_SECRET", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(_credentials.KeyId[..12], error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Secret_without_key_id_fails_without_printing_it()
        {
            var error = BuildFails(new() { ["INWORLD_SECRET"] = _credentials.Secret });

            Assert.Contains("INWORLD_KEY", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(_credentials.Secret, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Api_key_with_spaces_fails_without_printing_it()
        {
            var broken = _credentials.ApiKey[..20] + " " + _credentials.ApiKey[20..];
            var error = BuildFails(new() { ["INWORLD_API_KEY"] = broken });

            Assert.Contains("INWORLD_API_KEY", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(_credentials.ApiKey[..20], error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Inworld:BaseUrl", "ftp://127.0.0.1/")]
        [InlineData("Inworld:BaseUrl", "not a url")]
        [InlineData("Inworld:BaseUrl", "http://127.0.0.1/?x=1")]
        [InlineData("Inworld:TimeoutSeconds", "0")]
        [InlineData("Inworld:TimeoutSeconds", "abc")]
        [InlineData("Inworld:TimeoutSeconds", "1000")]
        [InlineData("INWORLD_WORKSPACE", "workspaces/abc")]
        public void Bad_settings_fail_fast_naming_the_setting(string key, string value)
        {
            var error = BuildFails(new() { ["INWORLD_API_KEY"] = _credentials.ApiKey, [key] = value });

            Assert.Contains(key, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(_credentials.ApiKey, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_program_exits_with_1_and_names_INWORLD_API_KEY()
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "TokenBackend.dll");
            Assert.True(File.Exists(dll), "TokenBackend.dll is not beside the tests.");

            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            var start = new ProcessStartInfo(string.IsNullOrEmpty(dotnet) || !File.Exists(dotnet) ? "dotnet" : dotnet)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(dll);
            foreach (var name in new[] { "INWORLD_API_KEY", "INWORLD_KEY", "INWORLD_SECRET", "INWORLD_WORKSPACE" })
            {
                start.Environment.Remove(name);
            }

            // Should it start after all, it listens on loopback only.
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(20))) != exited)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The backend started without credentials.");
            }

            Assert.Equal(1, process.ExitCode);
            Assert.Contains("INWORLD_API_KEY", await stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", (await stdout) + (await stderr), StringComparison.Ordinal);
        }
    }
}
