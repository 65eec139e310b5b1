using System;
using System.IO;

namespace Inworld.TokenBackend.Tests
{
    /// <summary>Files of the repository the tests read (the samples' settings), found above the test assembly.</summary>
    internal static class Repository
    {
        public static string Root()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Inworld.Analyzers.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Inworld.Analyzers.sln not found above " + AppContext.BaseDirectory);
        }

        public static string PathOf(params string[] parts) => Path.Combine([Root(), .. parts]);
    }
}
