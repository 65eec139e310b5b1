using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.TestShared
{
    /// <summary>
    /// An additional file held in memory, for tests that call the analyzer driver directly. Compiled into both
    /// test projects (linked from tests/Shared), since they build against different Roslyn versions.
    /// </summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly string _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
    }
}
