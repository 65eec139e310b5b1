using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Scan
{
    /// <summary>.editorconfig / .globalconfig options for the scanned tree, as MSBuild would hand them to the analyzers.</summary>
    internal sealed class ConfigOptions : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigSet _set;
        private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> _byPath = new ConcurrentDictionary<string, AnalyzerConfigOptionsResult>(StringComparer.Ordinal);
        private readonly DictionaryOptions _global;
        private readonly ISet<string> _configFiles;

        /// <param name="configFiles">
        /// The .editorconfig/.globalconfig files handed to the analyzers as additional files: marked as the package's
        /// targets mark them in a build, so INW900 reports a bad option at its file and line.
        /// </param>
        public ConfigOptions(AnalyzerConfigSet set, IReadOnlyDictionary<string, string> buildProperties, ISet<string>? configFiles = null)
        {
            _set = set;
            _configFiles = configFiles ?? new HashSet<string>();
            var global = set.GlobalConfigOptions.AnalyzerOptions.ToBuilder();
            foreach (var pair in buildProperties)
            {
                global[pair.Key] = pair.Value;
            }

            _global = new DictionaryOptions(global.ToImmutable());
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => ForPath(tree.FilePath);

        /// <summary>The options the analyzers get for the file at <paramref name="path"/>, before it is parsed.</summary>
        public AnalyzerConfigOptions ForPath(string path) => new DictionaryOptions(For(path).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var options = For(textFile.Path).AnalyzerOptions;
            return new DictionaryOptions(_configFiles.Contains(textFile.Path) ? options.SetItem(Inworld.Analyzers.Core.InworldOptions.ConfigFileMetadataKey, "true") : options);
        }

        /// <summary>The severity configured for a rule at a path (dotnet_diagnostic.ID.severity), file sections first, then global.</summary>
        public ReportDiagnostic? SeverityFor(string id, string? path)
        {
            if (path != null && For(path).TreeOptions.TryGetValue(id, out var local))
            {
                return local;
            }

            return _set.GlobalConfigOptions.TreeOptions.TryGetValue(id, out var global) ? global : (ReportDiagnostic?)null;
        }

        /// <summary>What the compiler reports about the config sections that apply to a path (an invalid severity value, for one).</summary>
        public ImmutableArray<Diagnostic> DiagnosticsFor(string path) => For(path).Diagnostics;

        public ImmutableArray<Diagnostic> GlobalDiagnostics => _set.GlobalConfigOptions.Diagnostics;

        private AnalyzerConfigOptionsResult For(string path) => _byPath.GetOrAdd(path, p => _set.GetOptionsForSourcePath(p));

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public DictionaryOptions(ImmutableDictionary<string, string> values)
            {
                _values = values.WithComparers(KeyComparer);
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
