using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>A minimal LSP client over stdio (JSON-RPC with Content-Length framing), enough to open a file and read diagnostics.</summary>
    internal sealed class LanguageServerClient : IDisposable
    {
        private readonly Process _process;
        private readonly Stream _input;
        private readonly Stream _output;
        private readonly System.Collections.Concurrent.BlockingCollection<JsonObject?> _messages = new System.Collections.Concurrent.BlockingCollection<JsonObject?>();
        private readonly StringBuilder _errors = new StringBuilder();
        private int _nextId = 100;

        public LanguageServerClient(string workingDirectory, string command, params string[] arguments)
        {
            var start = DotnetCli.StartInfo(command, workingDirectory, arguments);
            start.RedirectStandardInput = true;

            // csharp-ls targets an older runtime than the one on this machine.
            start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
            _process = Process.Start(start)!;
            _process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_errors) _errors.AppendLine(e.Data); };
            _process.BeginErrorReadLine();
            _input = _process.StandardInput.BaseStream;
            _output = _process.StandardOutput.BaseStream;

            // Reads happen on their own thread so that a silent server costs the test a timeout, never a hang.
            var reader = new System.Threading.Thread(ReadAll) { IsBackground = true, Name = "csharp-ls reader" };
            reader.Start();
        }

        /// <summary>What the server wrote to stderr so far (for failure messages).</summary>
        public string Errors
        {
            get
            {
                lock (_errors)
                {
                    return _errors.ToString();
                }
            }
        }

        public void Notify(string method, JsonNode? parameters) => Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        public int Request(string method, JsonNode? parameters)
        {
            var id = _nextId++;
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            return id;
        }

        public void Respond(JsonNode id, JsonNode? result) => Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });

        private void Send(JsonObject message)
        {
            var body = Encoding.UTF8.GetBytes(message.ToJsonString());
            var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n");
            _input.Write(header, 0, header.Length);
            _input.Write(body, 0, body.Length);
            _input.Flush();
        }

        /// <summary>The next message; null when the server has exited or sent nothing within <paramref name="timeout"/>.</summary>
        public JsonObject? Read(TimeSpan timeout, out bool exited)
        {
            exited = false;
            if (_messages.TryTake(out var message, timeout))
            {
                exited = message == null;
                return message;
            }

            exited = _messages.IsAddingCompleted;
            return null;
        }

        private void ReadAll()
        {
            try
            {
                JsonObject? message;
                while ((message = ReadMessage()) != null)
                {
                    _messages.Add(message);
                }
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
            finally
            {
                _messages.Add(null);
                _messages.CompleteAdding();
            }
        }

        private JsonObject? ReadMessage()
        {
            var length = -1;
            while (true)
            {
                var line = ReadLine();
                if (line == null)
                {
                    return null;
                }

                if (line.Length == 0)
                {
                    break;
                }

                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            var buffer = new byte[length];
            var read = 0;
            while (read < length)
            {
                var n = _output.Read(buffer, read, length - read);
                if (n <= 0)
                {
                    return null;
                }

                read += n;
            }

            return JsonNode.Parse(buffer)!.AsObject();
        }

        private string? ReadLine()
        {
            var bytes = new List<byte>();
            while (true)
            {
                var b = _output.ReadByte();
                if (b < 0)
                {
                    return null;
                }

                if (b == '\n')
                {
                    return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
                }

                bytes.Add((byte)b);
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
        }
    }
}
