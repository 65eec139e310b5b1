using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Tests.Helpers
{
    /// <summary>Analyzer options from a dictionary, for tests that call the core or the driver directly.</summary>
    internal sealed class DictionaryConfigOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryConfigOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);

        /// <summary>The same options for the project, every tree and every additional file.</summary>
        public sealed class Provider : AnalyzerConfigOptionsProvider
        {
            private readonly DictionaryConfigOptions _options;

            public Provider(Dictionary<string, string> values) => _options = new DictionaryConfigOptions(values);

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
        }
    }
}
