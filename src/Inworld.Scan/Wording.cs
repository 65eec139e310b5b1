using System;
using System.Globalization;

namespace Inworld.Scan
{
    /// <summary>Progress and summary lines, counted in words that agree with their numbers ("1 file", "2 files").</summary>
    internal static class Wording
    {
        public static string Count(int count, string singular, string plural)
            => count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

        public static string Files(int count) => Count(count, "file", "files");

        /// <summary>What the text pre-filter (ScanPreFilter) left to parse.</summary>
        public static string PreFiltered(int chosen, int csharpFiles, int skippedCompilations, TimeSpan elapsed)
            => string.Format(CultureInfo.InvariantCulture, "read {0} in {1:0.0} s; pre-filter: {2} skipped (no code that can make a finding), {3} left to parse",
                Count(csharpFiles, "C# file", "C# files"), elapsed.TotalSeconds, Count(skippedCompilations, "compilation", "compilations"), Count(chosen, "C# file", "C# files"));

        public static string Parsed(int csharpFiles, TimeSpan elapsed)
            => string.Format(CultureInfo.InvariantCulture, "parsed {0} in {1:0.0} s", Count(csharpFiles, "C# file", "C# files"), elapsed.TotalSeconds);

        /// <summary>
        /// What the analysis phase did. With no C# file there is still one (empty) compilation, which only carries
        /// the settings files to INW004: say that, not "1 compilation".
        /// </summary>
        public static string Analysed(int csharpFiles, int compilations, int shippedFiles, TimeSpan elapsed, bool preFiltered = false)
        {
            var what = csharpFiles == 0 && preFiltered
                ? "analysed " + Count(compilations, "compilation", "compilations") + " (no C# file left to parse) and " + Count(shippedFiles, "settings file or asset", "settings files and assets")
                : csharpFiles == 0
                ? "read " + Count(shippedFiles, "settings file or asset", "settings files and assets") + " (no C# files)"
                : "analysed " + Count(compilations, "compilation", "compilations") + " and " + Count(shippedFiles, "settings file or asset", "settings files and assets");
            return string.Format(CultureInfo.InvariantCulture, "{0} in {1:0.0} s", what, elapsed.TotalSeconds);
        }

        /// <param name="baseline">"; baseline ...: 2 findings suppressed, 0 stale entries" with --baseline, else null.</param>
        public static string Summary(int files, TimeSpan elapsed, int errors, int warnings, int notes, int scanErrors, string? baseline = null)
        {
            var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
            return string.Format(CultureInfo.InvariantCulture, "{0} in {1:0.0} s ({2:0.#} files/s): {3}, {4}, {5}{6}{7}",
                Files(files), seconds, files / seconds,
                Count(errors, "error", "errors"), Count(warnings, "warning", "warnings"), Count(notes, "note", "notes"), baseline,
                scanErrors == 0 ? string.Empty : "; " + Count(scanErrors, "scan error", "scan errors") + " (see above; exit code 2)");
        }
    }
}
