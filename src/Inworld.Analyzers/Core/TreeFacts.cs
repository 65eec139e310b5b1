using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// The per-tree pre-filter: what the text of one syntax tree says about the findings its code could hold,
    /// read once (a few vectorised character searches over the text the compiler already holds), before any
    /// operation work. Each question is asked for the span of one operation block, and answers "maybe" whenever
    /// the text alone cannot rule a finding out: the filter may let work through, it must never hide a finding.
    /// </summary>
    internal sealed class TreeFacts
    {
        /// <summary>
        /// Words (case-insensitive) without which no Authorization header is attached: the header's name, the
        /// AuthenticationHeaderValue type (and HttpBasicAuthenticator/JwtAuthenticator), the two schemes the rules
        /// judge, helper names (WithBasicAuth, WithOAuthBearerToken) and the Inworld signature scheme.
        /// </summary>
        internal static readonly string[] AuthorizationWords = { "authoriz", "authenticat", "bearer", "basic", "iw1-hmac" };

        private readonly string _text;
        private readonly bool _hasQuote;
        private readonly bool _hasNull;
        // Read on the first Authorization question: INW001 asks only about literals.
        private readonly Lazy<bool> _hasAuthorizationWordOrEscape;
        private readonly bool _hasNew;
        private int[]? _carrierPositions;

        public TreeFacts(SyntaxTree tree)
        {
            // The compiler keeps the text of every tree it compiles; for an ordinary source file ToString returns it
            // without a copy.
            _text = tree.GetText(CancellationToken.None).ToString();
            _hasQuote = _text.IndexOf('"') >= 0;
            _hasNull = _text.IndexOf("null", StringComparison.Ordinal) >= 0;
            _hasNew = _text.IndexOf("new", StringComparison.Ordinal) >= 0;
            _hasAuthorizationWordOrEscape = new Lazy<bool>(() => _text.IndexOf('\\') >= 0 || ContainsAnyWord(_text, 0, _text.Length));
        }

        /// <summary>
        /// Could INW001's literal work find anything in this span? Only where a string literal is written (a '"':
        /// regular, verbatim, raw, interpolated and UTF-8 literals all have one), or where a null literal can lead a
        /// concatenation of constants (null + Key, string.Concat(null, ...)). String literals the compiler adds
        /// without writing them (an omitted optional argument's default) have no quote; the rule looks for those
        /// on the calls of a block that fails this test.
        /// </summary>
        public bool MayHoldStringLiteral(TextSpan span)
        {
            if (!Within(span, out var start, out var length))
            {
                return true;
            }

            if (_hasQuote && _text.IndexOf('"', start, length) >= 0)
            {
                return true;
            }

            return _hasNull && HasNullLeadingConcatenation(start, start + length);
        }

        /// <summary>
        /// Could an Authorization header be attached in this span? Only where one of <see cref="AuthorizationWords"/>
        /// is written, where a target-typed new(...) could create an AuthenticationHeaderValue, where an escape
        /// (\u0041uthorization) hides a word from this search, or where the name of a constant, member, type or
        /// alias declared with one of the words elsewhere in the compilation appears (<see cref="AuthorizationCarriers"/>).
        /// </summary>
        public bool MayAttachAuthorization(TextSpan span, Lazy<AuthorizationCarriers> carriers)
        {
            if (!Within(span, out var start, out var length))
            {
                return true;
            }

            if (_hasAuthorizationWordOrEscape.Value && (_text.IndexOf('\\', start, length) >= 0 || ContainsAnyWord(_text, start, length)))
            {
                return true;
            }

            if (_hasNew && HasTargetTypedNew(start, start + length))
            {
                return true;
            }

            // A few carriers (the usual case): a vectorised search per name over the block. Many (every class whose
            // literal says "Authorization" is one): where their names stand in this tree is found once per tree, and
            // each block then costs a binary search, however many there are.
            var names = carriers.Value.Names;
            if (names.Count <= AuthorizationCarriers.FewNames)
            {
                foreach (var name in names)
                {
                    if (_text.IndexOf(name, start, length, StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            var positions = CarrierPositions(carriers.Value);
            var index = Array.BinarySearch(positions, start);
            if (index < 0)
            {
                index = ~index;
            }

            return index < positions.Length && positions[index] < start + length;
        }

        /// <summary>
        /// The start of every name-shaped run of the text (letters, digits, '_' and the other characters an identifier
        /// can continue with) that is one of the carriers' names, in order. A use of a carrier is such a run: '@',
        /// '.', braces and every other character around an identifier end it. Runs inside comments and literals count
        /// too, which only lets more blocks through.
        /// </summary>
        private int[] CarrierPositions(AuthorizationCarriers carriers)
        {
            var positions = Volatile.Read(ref _carrierPositions);
            if (positions != null)
            {
                return positions;
            }

            var found = new List<int>();
            if (carriers.Names.Count > 0)
            {
                var at = 0;
                while (at < _text.Length)
                {
                    if (!IsNamePart(_text[at]))
                    {
                        at++;
                        continue;
                    }

                    var runStart = at;
                    while (at < _text.Length && IsNamePart(_text[at]))
                    {
                        at++;
                    }

                    if (carriers.Contains(_text, runStart, at - runStart))
                    {
                        found.Add(runStart);
                    }
                }
            }

            positions = found.ToArray();
            Volatile.Write(ref _carrierPositions, positions);
            return positions;
        }

        private static bool IsNamePart(char c)
        {
            if (c < 128)
            {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            }

            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                return true;
            }

            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.ConnectorPunctuation:
                case UnicodeCategory.Format:
                    return true;
                default:
                    return false;
            }
        }

        private bool Within(TextSpan span, out int start, out int length)
        {
            start = span.Start;
            length = span.Length;
            return start >= 0 && length >= 0 && start + length <= _text.Length;
        }

        internal static bool ContainsAnyWord(string text, int start, int length)
        {
            foreach (var word in AuthorizationWords)
            {
                if (text.IndexOf(word, start, length, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A "null" word followed (past spaces, closing parentheses and an "as" cast) by '+', ',' or a comment:
        /// the shapes in which a null literal can be the first part of a string concatenation or of string.Concat.
        /// </summary>
        private bool HasNullLeadingConcatenation(int start, int end)
        {
            for (var at = _text.IndexOf("null", start, end - start, StringComparison.Ordinal); at >= 0 && at + 4 <= end;
                 at = at + 4 < end ? _text.IndexOf("null", at + 4, end - at - 4, StringComparison.Ordinal) : -1)
            {
                if ((at > 0 && IsIdentifierChar(_text[at - 1])) || (at + 4 < _text.Length && IsIdentifierChar(_text[at + 4])))
                {
                    continue;
                }

                var next = at + 4;
                while (next < end && (char.IsWhiteSpace(_text[next]) || _text[next] == ')'))
                {
                    next++;
                }

                if (next >= end)
                {
                    continue;
                }

                var c = _text[next];
                if (c == '+' || c == ',' || c == '/' || (c == 'a' && next + 2 <= end && _text[next + 1] == 's' && (next + 2 == end || !IsIdentifierChar(_text[next + 2]))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"new(" or "new (": a target-typed creation, whose type is not written where it is created.</summary>
        private bool HasTargetTypedNew(int start, int end)
        {
            for (var at = _text.IndexOf("new", start, end - start, StringComparison.Ordinal); at >= 0 && at + 3 <= end;
                 at = at + 3 < end ? _text.IndexOf("new", at + 3, end - at - 3, StringComparison.Ordinal) : -1)
            {
                if (at > 0 && IsIdentifierChar(_text[at - 1]))
                {
                    continue;
                }

                var next = at + 3;
                while (next < end && char.IsWhiteSpace(_text[next]))
                {
                    next++;
                }

                if (next < end && _text[next] == '(')
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@';
    }

    /// <summary>
    /// Names that can carry an Authorization header's name or scheme from one file into another: every constant,
    /// member, type and alias whose declaration holds a string literal with one of <see cref="TreeFacts.AuthorizationWords"/>
    /// in its value (const string AuthHeader = "Authorization" makes "AuthHeader" and its type's name carriers),
    /// and every using alias of a type named with one of them. Found once per compilation, by looking only at the
    /// places where the words (or an escape that could spell them) are written.
    /// </summary>
    internal sealed class AuthorizationCarriers
    {
        private readonly Dictionary<int, List<string>> _byHash = new Dictionary<int, List<string>>();

        private AuthorizationCarriers(IReadOnlyCollection<string> names)
        {
            Names = names;
            foreach (var name in names)
            {
                var hash = Hash(name, 0, name.Length);
                if (!_byHash.TryGetValue(hash, out var sameHash))
                {
                    _byHash[hash] = sameHash = new List<string>(1);
                }

                sameHash.Add(name);
            }
        }

        public IReadOnlyCollection<string> Names { get; }

        /// <summary>Up to this many names, a block is searched for each name; above it, a tree's names are located once.</summary>
        internal const int FewNames = 32;

        /// <summary>Is <paramref name="text"/>[<paramref name="start"/>, +<paramref name="length"/>) one of <see cref="Names"/>? Allocates nothing.</summary>
        public bool Contains(string text, int start, int length)
        {
            if (!_byHash.TryGetValue(Hash(text, start, length), out var candidates))
            {
                return false;
            }

            foreach (var name in candidates)
            {
                if (name.Length == length && string.CompareOrdinal(text, start, name, 0, length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static int Hash(string text, int start, int length)
        {
            unchecked
            {
                var hash = (int)2166136261;
                for (var i = start; i < start + length; i++)
                {
                    hash = (hash ^ text[i]) * 16777619;
                }

                return hash;
            }
        }

        public static AuthorizationCarriers Find(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = tree.GetText(cancellationToken).ToString();
                var hasEscape = text.IndexOf('\\') >= 0;
                if (!hasEscape && !TreeFacts.ContainsAnyWord(text, 0, text.Length))
                {
                    continue;
                }

                var root = tree.GetRoot(cancellationToken);
                foreach (var word in TreeFacts.AuthorizationWords)
                {
                    for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
                    {
                        AddCarriers(root.FindToken(at), names);
                    }
                }

                // An escape inside a literal can spell a word that the search above cannot see.
                for (var at = hasEscape ? text.IndexOf('\\') : -1; at >= 0; at = at + 1 < text.Length ? text.IndexOf('\\', at + 1) : -1)
                {
                    AddCarriers(root.FindToken(at), names);
                }
            }

            return new AuthorizationCarriers(names);
        }

        private static void AddCarriers(SyntaxToken token, HashSet<string> names)
        {
            if (token.Parent?.FirstAncestorOrSelf<UsingDirectiveSyntax>() is UsingDirectiveSyntax { Alias: { } alias })
            {
                names.Add(alias.Name.Identifier.ValueText);
                return;
            }

            var isString = token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
                           token.Parent is LiteralExpressionSyntax || token.Parent is InterpolatedStringTextSyntax;
            if (!isString || !CarriesAuthorizationWord(token.ValueText))
            {
                return;
            }

            for (var node = token.Parent; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax variable:
                        names.Add(variable.Identifier.ValueText);
                        break;
                    case PropertyDeclarationSyntax property:
                        names.Add(property.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax method:
                        names.Add(method.Identifier.ValueText);
                        break;
                    case LocalFunctionStatementSyntax function:
                        names.Add(function.Identifier.ValueText);
                        break;
                    case EnumMemberDeclarationSyntax member:
                        names.Add(member.Identifier.ValueText);
                        break;
                    case BaseTypeDeclarationSyntax type:
                        names.Add(type.Identifier.ValueText);
                        break;
                }
            }
        }

        /// <summary>A literal value holding a header name, type name or scheme ("Basic" only as a word of its own, not "basicConstraints").</summary>
        private static bool CarriesAuthorizationWord(string value)
        {
            foreach (var word in TreeFacts.AuthorizationWords)
            {
                for (var at = value.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = value.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
                {
                    var end = at + word.Length;
                    if (word != "basic" || end == value.Length || !char.IsLetter(value[end]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
