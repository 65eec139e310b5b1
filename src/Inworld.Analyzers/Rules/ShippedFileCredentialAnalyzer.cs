using System;
using System.Collections.Immutable;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.ShippedFiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.Rules
{
    /// <summary>
    /// INW004: an Inworld credential in a file that ships with the app or game: appsettings*.json, .env,
    /// *.config, Unity's *.asset / *.prefab / *.unity. Reads the compilation's additional files
    /// (the package's targets add the usual settings files of an SDK-style project automatically).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ShippedFileCredentialAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>MSBuild item metadata (AdditionalFiles Update="x" InworldScan="false") that excludes a file.</summary>
        public const string ScanMetadataKey = InworldOptions.ScanMetadataKey;

        /// <summary>.editorconfig option that excludes a file: [appsettings.Development.json] inworld_analyzers.scan_shipped_file = false.</summary>
        public const string ScanOptionKey = InworldOptions.ScanShippedFileKey;

        /// <summary>Enough of a Unity ".additionalfile" (from its first non-blank character) to tell its format by content.</summary>
        private const int FormatSniffLength = 4096;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ShippedFileCredential);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(compilation =>
            {
                // Nothing to read: most compilations in an IDE stop here, before any option lookup.
                if (!HasKnownFile(compilation.Options.AdditionalFiles))
                {
                    return;
                }

                var provider = compilation.Options.AnalyzerConfigOptionsProvider;
                var seen = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var file in compilation.Options.AdditionalFiles)
                {
                    compilation.CancellationToken.ThrowIfCancellationRequested();

                    // A file listed twice (the package's automatic list and the project's own) is read once.
                    if (!seen.Add(NormalizePath(file.Path)))
                    {
                        continue;
                    }

                    AnalyzeFile(file, provider, compilation.ReportDiagnostic, compilation.CancellationToken);
                }
            });
        }

        private static string NormalizePath(string path)
        {
            try
            {
                return System.IO.Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is System.IO.PathTooLongException || e is System.Security.SecurityException)
            {
                return path;
            }
        }

        private static bool HasKnownFile(ImmutableArray<AdditionalText> files)
        {
            foreach (var file in files)
            {
                if (ShippedFileFormats.IsShippedFile(file.Path))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AnalyzeFile(AdditionalText file, AnalyzerConfigOptionsProvider provider, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            if (!ShippedFileFormats.IsShippedFile(file.Path) || IsExcluded(provider.GetOptions(file)))
            {
                return;
            }

            // No size limit: a big scene or terrain asset is read in bounded segments (ShippedFileScanner.SegmentLength).
            var text = file.GetText(cancellationToken);
            if (text == null)
            {
                return;
            }

            var contentStart = 0;
            while (contentStart < text.Length && (char.IsWhiteSpace(text[contentStart]) || text[contentStart] == '\uFEFF')) contentStart++;
            var format = ShippedFileFormats.FromPathAndContent(file.Path, text.ToString(new TextSpan(contentStart, Math.Min(text.Length - contentStart, FormatSniffLength))));
            if (format == ShippedFileFormat.None)
            {
                return;
            }

            var fileName = System.IO.Path.GetFileName(file.Path);
            var advice = AdviceFor(file.Path, format);
            foreach (var finding in ShippedFileScanner.Scan(new ShippedFileSourceText(text), format, cancellationToken))
            {
                var span = new TextSpan(finding.Start, finding.Length);
                var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                report(Diagnostic.Create(
                    Descriptors.ShippedFileCredential, location, CredentialNames.DescribeAsSubject(finding.Kind), finding.Where, fileName, finding.Redacted, advice));
            }
        }

        /// <summary>
        /// The advice for a Unity asset. inworld-scan, which works out whether the asset is in the player build, replaces it
        /// for an asset that is not (UnityShipping): the key is then in the repository only.
        /// </summary>
        internal const string UnityAssetAdvice = "Unity assets ship inside every build of the game: remove it and have the game get a short-lived token from your backend";

        /// <summary>
        /// What to do instead depends on who receives the file: a server reads its own environment, but a file a
        /// browser downloads (wwwroot/) or a Unity asset baked into the player has no safe place for the value.
        /// </summary>
        private static string AdviceFor(string path, ShippedFileFormat format)
        {
            var normalized = path.Replace('\\', '/');
            if (normalized.StartsWith("wwwroot/", StringComparison.OrdinalIgnoreCase) || normalized.IndexOf("/wwwroot/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "files under wwwroot/ are downloaded by every browser: remove it and keep the credential on your backend, which calls Inworld or mints short-lived tokens for the client";
            }

            if (format == ShippedFileFormat.UnityYaml || path.EndsWith(ShippedFileFormats.UnityAdditionalFileExtension, StringComparison.OrdinalIgnoreCase))
            {
                return UnityAssetAdvice;
            }

            return "remove it and load it on a server or from the environment at run time";
        }

        private static bool IsExcluded(AnalyzerConfigOptions options)
            => (options.TryGetValue(ScanMetadataKey, out var metadata) && IsFalse(metadata)) ||
               (options.TryGetValue(ScanOptionKey, out var option) && IsFalse(option));

        private static bool IsFalse(string? value) => value != null && value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}
