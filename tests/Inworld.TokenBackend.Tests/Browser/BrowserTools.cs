using System;
using System.Collections.Generic;
using System.IO;

namespace Inworld.TokenBackend.Tests.Browser
{
    /// <summary>
    /// Chromium and chromedriver for the browser test: Debian's <c>chromium</c> and <c>chromium-driver</c> packages
    /// (installed by .ci/run), or the paths in <see cref="ChromiumVariable"/> / <see cref="ChromeDriverVariable"/>.
    /// Their paths are always given to Selenium, so Selenium Manager never looks for or downloads a browser.
    /// </summary>
    internal sealed record BrowserTools(string Chromium, string ChromeDriver)
    {
        public const string ChromiumVariable = "INWORLD_E2E_CHROMIUM";
        public const string ChromeDriverVariable = "INWORLD_E2E_CHROMEDRIVER";
        public const string DefaultChromium = "/usr/bin/chromium";
        public const string DefaultChromeDriver = "/usr/bin/chromedriver";
        public const string InstallCommand = "apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver";

        /// <summary>The tools from the environment (or the Debian paths); a missing one is an error, never a skip.</summary>
        public static BrowserTools Locate() => Locate(Environment.GetEnvironmentVariable);

        /// <exception cref="BrowserToolsMissingException">Chromium or chromedriver is not there; the message says how to install them.</exception>
        public static BrowserTools Locate(Func<string, string?> environment)
        {
            var chromium = Resolve(environment, ChromiumVariable, DefaultChromium);
            var driver = Resolve(environment, ChromeDriverVariable, DefaultChromeDriver);
            var missing = new List<string>();
            if (!File.Exists(chromium))
            {
                missing.Add($"Chromium ({chromium}, set {ChromiumVariable} to use another)");
            }

            if (!File.Exists(driver))
            {
                missing.Add($"chromedriver ({driver}, set {ChromeDriverVariable} to use another)");
            }

            if (missing.Count > 0)
            {
                throw new BrowserToolsMissingException(
                    "The end-to-end browser test needs " + string.Join(" and ", missing) + ", which is missing. " +
                    "Install Debian's packages (.ci/run does this): " + InstallCommand + ". " +
                    "The test does not skip: a JWT flow that was never run in a browser is not a passing one.");
            }

            return new BrowserTools(chromium, driver);
        }

        private static string Resolve(Func<string, string?> environment, string variable, string fallback)
        {
            var value = environment(variable)?.Trim();
            return string.IsNullOrEmpty(value) ? fallback : value;
        }
    }

    /// <summary>Chromium or chromedriver is missing: the browser test fails with this message.</summary>
    internal sealed class BrowserToolsMissingException(string message) : Exception(message);
}
