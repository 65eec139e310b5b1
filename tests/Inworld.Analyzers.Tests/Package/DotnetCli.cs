using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>Runs the dotnet CLI as a user would, with a clean environment (no CI variables unless asked).</summary>
    public static class DotnetCli
    {
        private static readonly string[] CiVariables = { "CI", "TF_BUILD", "GITHUB_ACTIONS", "ContinuousIntegrationBuild" };

        public sealed class Result
        {
            public Result(int exitCode, string output, string standardOutput)
            {
                ExitCode = exitCode;
                Output = output;
                StandardOutput = standardOutput;
            }

            public int ExitCode { get; }

            /// <summary>Standard output and standard error, interleaved as they arrived.</summary>
            public string Output { get; }

            public string StandardOutput { get; }

            public override string ToString() => "exit " + ExitCode + "\n" + Output;
        }

        public static Result Run(string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, int timeoutSeconds = 300)
            => RunProgram("dotnet", workingDirectory, arguments, environment, timeoutSeconds);

        /// <summary>
        /// How tests start a child program: output redirected, and a clean environment (the test host's MSBuild,
        /// test-platform and CI settings removed, no telemetry banner, no MSBuild node reuse).
        /// </summary>
        public static ProcessStartInfo StartInfo(string program, string workingDirectory, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host's own MSBuild and CI settings must not leak into the child build.
            foreach (var key in new List<string>(EnvironmentKeys(start)))
            {
                if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                    Array.IndexOf(CiVariables, key) >= 0 || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(key);
                }
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            return start;
        }

        /// <summary>
        /// Runs a program and never waits longer than <paramref name="timeoutSeconds"/>: on timeout the whole process
        /// tree is killed and the test fails with what it printed, so a stuck child costs a test, not the CI run.
        /// </summary>
        public static Result RunProgram(string program, string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, int timeoutSeconds = 300)
        {
            var start = StartInfo(program, workingDirectory, arguments);
            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    start.Environment[pair.Key] = pair.Value;
                }
            }

            var output = new StringBuilder();
            var standardOutput = new StringBuilder();
            var outputClosed = new System.Threading.ManualResetEventSlim(); // not disposed: a late EOF callback may still set it
            var errorClosed = new System.Threading.ManualResetEventSlim();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += Collect(output, outputClosed, standardOutput);
            process.ErrorDataReceived += Collect(output, errorClosed, null);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeoutSeconds * 1000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(program + " " + string.Join(" ", arguments) + " did not finish in " + timeoutSeconds + " s.\n" + Snapshot(output));
            }

            // A grandchild that outlives the program (a compiler or build server) can hold the pipes open for
            // minutes; the program has exited, so a bounded wait for the last lines is enough.
            outputClosed.Wait(TimeSpan.FromSeconds(10));
            errorClosed.Wait(TimeSpan.FromSeconds(10));
            lock (output)
            {
                return new Result(process.ExitCode, output.ToString(), standardOutput.ToString());
            }
        }

        private static DataReceivedEventHandler Collect(StringBuilder output, System.Threading.ManualResetEventSlim closed, StringBuilder? stream)
            => (_, e) =>
            {
                if (e.Data == null)
                {
                    closed.Set();
                    return;
                }

                lock (output)
                {
                    output.AppendLine(e.Data);
                    stream?.AppendLine(e.Data);
                }
            };

        private static string Snapshot(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        private static IEnumerable<string> EnvironmentKeys(ProcessStartInfo start) => start.Environment.Keys;

        public static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Inworld.Analyzers.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Inworld.Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
