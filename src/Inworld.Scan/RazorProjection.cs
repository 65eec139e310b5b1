using System;

namespace Inworld.Scan
{
    internal static class RazorProjection
    {
        public static bool IsRazorFile(string name)
            => name.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase);

        public static string GeneratedPath(string path) => path + ".g.cs";

        public static string Project(string path, string text) => string.Empty;
    }
}
