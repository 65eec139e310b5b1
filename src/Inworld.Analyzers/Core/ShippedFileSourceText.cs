using Inworld.Analyzers.Core.ShippedFiles;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// Roslyn's <see cref="SourceText"/> as the Roslyn-free shipped-file scanner reads it (Core/Credentials may not
    /// name Roslyn types: the Unity Editor compiles that folder without Microsoft.CodeAnalysis).
    /// </summary>
    internal sealed class ShippedFileSourceText : IShippedFileText
    {
        private readonly SourceText _text;

        public ShippedFileSourceText(SourceText text) => _text = text;

        public int Length => _text.Length;

        public string Read(int start, int length) => _text.ToString(new TextSpan(start, length));

        public int LineIndexAt(int position) => _text.Lines.GetLineFromPosition(position).LineNumber;
    }
}
