using System;
using System.IO;
using System.Linq;
using Inworld.Analyzers.Tests.Package;
using Xunit;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>A throw-away git repository for one test (git init, a local identity, no signing), deleted afterwards.</summary>
    internal sealed class GitRepository : IDisposable
    {
        private readonly ScanTree _tree;

        public GitRepository(string name)
        {
            _tree = new ScanTree("git-" + name);
            Git("init", "-q", "-b", "main");
            Git("config", "user.name", "Inworld Scan Test");
            Git("config", "user.email", "scan-test@example.invalid");
            Git("config", "commit.gpgsign", "false");
            Git("config", "core.autocrlf", "false");
        }

        public string Root => _tree.Root;

        public string Write(string relative, string content) => _tree.Write(relative, content);

        public void Delete(string relative) => File.Delete(Path.Combine(Root, relative));

        /// <summary>Runs git in the repository; a failing git command fails the test with its output.</summary>
        public string Git(params string[] arguments)
        {
            var result = DotnetCli.RunProgram("git", Root, arguments, timeoutSeconds: 60);
            Assert.True(result.ExitCode == 0, "git " + string.Join(" ", arguments) + "\n" + result);
            return result.StandardOutput.Trim();
        }

        private int _commits;

        /// <summary>
        /// Commits everything staged and returns the commit's full hash. Each commit is authored a minute after the one
        /// before, so history order does not depend on how many commits git makes within one second.
        /// </summary>
        public string Commit(string message)
        {
            var authored = DateTimeOffset.FromUnixTimeSeconds(1767225600 + (60 * ++_commits));
            Git("commit", "-q", "--allow-empty", "--date=" + authored.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), "-m", message);
            return Git("rev-parse", "HEAD");
        }

        public void Dispose() => _tree.Dispose();

        /// <summary>The MSBuild-style finding lines of a scan's output ("path(line,col): warning INW001: ...").</summary>
        public static string[] FindingLines(DotnetCli.Result result)
            => result.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains("): warning INW", StringComparison.Ordinal) || l.Contains("): error INW", StringComparison.Ordinal)).ToArray();
    }
}
