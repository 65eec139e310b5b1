using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Inworld.Scan
{
    /// <summary>
    /// git is missing, the folder is not in a repository, a revision does not exist, or git failed: the git modes
    /// cannot say what to scan, so the run exits 2 with git's own words (never a clean scan of nothing).
    /// </summary>
    internal sealed class GitException : Exception
    {
        public GitException(string message)
            : base(message)
        {
        }
    }

    /// <summary>Runs the git command line (no library, no pack-file reading of our own).</summary>
    internal static class GitCommand
    {
        /// <summary>Runs git in <paramref name="workingDirectory"/> and returns its standard output; a non-zero exit throws with git's message.</summary>
        public static byte[] Run(string workingDirectory, params string[] arguments)
        {
            using var process = Start(workingDirectory, arguments, redirectInput: false);
            using var output = new MemoryStream();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new GitException(Describe(arguments) + " failed (exit " + process.ExitCode + "): " + FirstLines(error.Result));
            }

            return output.ToArray();
        }

        /// <summary>Standard output split at NUL bytes (the -z forms), UTF-8 decoded, empty fields dropped.</summary>
        public static List<string> RunNulSeparated(string workingDirectory, params string[] arguments)
        {
            var fields = new List<string>();
            foreach (var field in Encoding.UTF8.GetString(Run(workingDirectory, arguments)).Split('\0'))
            {
                if (field.Length > 0)
                {
                    fields.Add(field);
                }
            }

            return fields;
        }

        public static string RunLine(string workingDirectory, params string[] arguments)
            => Encoding.UTF8.GetString(Run(workingDirectory, arguments)).TrimEnd('\n', '\r');

        public static Process Start(string workingDirectory, IEnumerable<string> arguments, bool redirectInput)
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = redirectInput,
                UseShellExecute = false,
                CreateNoWindow = true,
            };

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // A hook or CI job must never hang on a credential prompt.
            start.Environment["GIT_TERMINAL_PROMPT"] = "0";
            try
            {
                return Process.Start(start) ?? throw new GitException("cannot start git");
            }
            catch (Win32Exception e)
            {
                throw new GitException("cannot run git (is it installed and on PATH?): " + e.Message);
            }
        }

        public static string Describe(IEnumerable<string> arguments) => "'git " + string.Join(" ", arguments) + "'";

        public static string FirstLines(string text)
        {
            var trimmed = text.Trim();
            var lines = trimmed.Split('\n');
            return lines.Length <= 3 ? trimmed : string.Join("\n", lines, 0, 3) + " ...";
        }
    }

    /// <summary>
    /// One 'git cat-file --batch' process for a whole run: each blob is asked for by its id and read from the
    /// process's output, so thousands of blobs cost one process, not thousands.
    /// </summary>
    internal sealed class GitBlobReader : IDisposable
    {
        private readonly Process _process;
        private readonly Stream _output;
        private readonly Stream _input;
        private readonly Task<string> _error;

        public GitBlobReader(string workingDirectory)
        {
            _process = GitCommand.Start(workingDirectory, new[] { "cat-file", "--batch" }, redirectInput: true);
            _output = new BufferedStream(_process.StandardOutput.BaseStream, 1 << 16);
            _input = _process.StandardInput.BaseStream;
            _error = _process.StandardError.ReadToEndAsync();
        }

        /// <summary>What came back for one blob id: its bytes, or why there are none.</summary>
        public readonly struct Blob
        {
            public Blob(byte[]? content, long size, string? problem)
            {
                Content = content;
                Size = size;
                Problem = problem;
            }

            public byte[]? Content { get; }
            public long Size { get; }

            /// <summary>Null when <see cref="Content"/> holds the blob.</summary>
            public string? Problem { get; }
        }

        public Blob Read(string objectId)
        {
            var request = Encoding.ASCII.GetBytes(objectId + "\n");
            try
            {
                _input.Write(request, 0, request.Length);
                _input.Flush();
            }
            catch (IOException e)
            {
                throw Failed("stopped taking requests: " + e.Message);
            }

            // "<id> blob <size>\n<content>\n", or "<id> missing\n" (a partial clone, a shallow or damaged repository).
            var header = ReadHeaderLine();
            var parts = header.Split(' ');
            if (parts.Length == 2 && parts[1] == "missing")
            {
                return new Blob(null, 0, "blob " + objectId + " is missing from the repository (a partial or shallow clone?)");
            }

            if (parts.Length != 3 || !long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
            {
                throw Failed("answered '" + header + "' for " + objectId);
            }

            if (parts[1] != "blob")
            {
                Skip(size + 1);
                return new Blob(null, size, objectId + " is a " + parts[1] + ", not a file");
            }

            if (size > FileContent.MaxFileBytes)
            {
                Skip(size + 1);
                return new Blob(null, size, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "not scanned: {0:N0} bytes is more than the {1} MiB inworld-scan reads from one file", size, FileContent.MaxFileBytes / (1024 * 1024)));
            }

            var content = new byte[size];
            var total = 0;
            while (total < content.Length)
            {
                var read = _output.Read(content, total, content.Length - total);
                if (read == 0) throw Failed("ended in the middle of " + objectId);
                total += read;
            }

            Skip(1);
            return new Blob(content, size, null);
        }

        private string ReadHeaderLine()
        {
            var line = new StringBuilder();
            while (true)
            {
                var b = _output.ReadByte();
                if (b < 0) throw Failed("ended unexpectedly");
                if (b == '\n') return line.ToString();
                line.Append((char)b);
            }
        }

        private void Skip(long count)
        {
            var buffer = new byte[(int)Math.Min(count, 1 << 16)];
            while (count > 0)
            {
                var read = _output.Read(buffer, 0, (int)Math.Min(count, buffer.Length));
                if (read == 0) throw Failed("ended unexpectedly");
                count -= read;
            }
        }

        private GitException Failed(string what)
        {
            var message = "'git cat-file --batch' " + what;
            if (_process.HasExited && _error.IsCompleted && _error.Result.Trim().Length > 0)
            {
                message += ": " + GitCommand.FirstLines(_error.Result);
            }

            return new GitException(message);
        }

        public void Dispose()
        {
            try
            {
                _input.Dispose();
                if (!_process.WaitForExit(5000))
                {
                    _process.Kill();
                }
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException)
            {
                // Already gone: nothing left to release but the handle.
            }

            _process.Dispose();
        }
    }
}
