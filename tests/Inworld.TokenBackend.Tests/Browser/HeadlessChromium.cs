using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Inworld.TokenBackend.Tests.Browser
{
    /// <summary>
    /// Headless Chromium driven by chromedriver, both at explicit paths (Selenium Manager is never asked), with a fresh
    /// profile, no background networking, and the performance log (DevTools Network events) on. Disposing quits the
    /// browser and stops chromedriver.
    /// </summary>
    internal sealed class HeadlessChromium : IDisposable
    {
        private readonly ChromeDriverService _service;

        private HeadlessChromium(ChromeDriverService service, ChromeDriver driver)
        {
            _service = service;
            Driver = driver;
        }

        public ChromeDriver Driver { get; }

        public static HeadlessChromium Start(BrowserTools tools, string profileDirectory)
        {
            Directory.CreateDirectory(profileDirectory);
            var options = new ChromeOptions { BinaryLocation = tools.Chromium };
            options.AddArguments(
                "--headless=new",
                "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--no-proxy-server",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--window-size=1280,800",
                "--user-data-dir=" + profileDirectory);
            options.SetLoggingPreference("performance", LogLevel.All);
            options.SetLoggingPreference(LogType.Browser, LogLevel.All);

            var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(tools.ChromeDriver)!, Path.GetFileName(tools.ChromeDriver));
            service.SuppressInitialDiagnosticInformation = true;
            service.HideCommandPromptWindow = true;
            try
            {
                return new HeadlessChromium(service, new ChromeDriver(service, options, TimeSpan.FromSeconds(60)));
            }
            catch
            {
                service.Dispose();
                throw;
            }
        }

        /// <summary>The browser console so far (for failure messages; the app logs no credential).</summary>
        public IEnumerable<string> ConsoleLines()
        {
            try
            {
                return Driver.Manage().Logs.GetLog(LogType.Browser).Select(e => e.Level + " " + e.Message).ToList();
            }
            catch (WebDriverException e)
            {
                return ["(console not readable: " + e.Message.Split('\n')[0] + ")"];
            }
        }

        public void Dispose()
        {
            try
            {
                Driver.Quit();
            }
            finally
            {
                Driver.Dispose();
                _service.Dispose();
            }
        }
    }
}
