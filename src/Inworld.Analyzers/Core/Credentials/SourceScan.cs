using System;
using System.Collections.Generic;
using System.Text;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// What the text of one C# file says about the credentials it could hold, read in one pass over its string
    /// literals (found with vectorised searches for '"'; the code between them is not read). It answers three
    /// questions, each erring on the side of "maybe":
    /// <list type="bullet">
    /// <item><see cref="NamesInworld"/>: the word "inworld" appears anywhere (a name, a URL, a comment);</item>
    /// <item><see cref="HoldsCredentialText"/>: a literal holds text that is an Inworld API key or a raw "id:secret" pair
    /// (escapes resolved), the two credentials that need no Inworld name around them to be one;</item>
    /// <item><see cref="Joins"/>: where a literal is joined to another value (<c>+</c>, an interpolation hole, the
    /// arguments of string.Concat/Format) at a character a key or a pair can continue through, or where "Basic" is
    /// joined to a value: the only places where fragments that are harmless alone can make a key or a pair. Literals
    /// joined by '+' are judged with their run (SourceScan.Runs.cs): a run of literals only by its joined text, a side
    /// with a call by nothing, a side with a name only when that name may hold a known value (<see cref="BoundJoins"/>).</item>
    /// </list>
    /// A file with none of the three cannot hold an INW001, INW003 or INW005 finding of its own in a compilation
    /// where no other file and no referenced assembly names Inworld or holds a credential (see docs/performance.md).
    /// Roslyn-free: <c>inworld-scan</c> runs it on file text before it parses anything.
    /// </summary>
    internal sealed partial class SourceScan
    {
        /// <summary>Shorter runs of key characters cannot be a raw pair (33) or an API key (44).</summary>
        private const int MinCredentialRun = CredentialShape.MinRawPairLength;

        /// <summary>
        /// A literal of at least this many key characters and nothing else can be a fragment of a key that a constant
        /// carries to a join written elsewhere (<see cref="Carriers"/>). Shorter fragments joined with no literal
        /// between them are not followed: the limit docs/performance.md states.
        /// </summary>
        public const int MinFragmentLength = 8;

        private static readonly int[] None = new int[0];

        private static readonly string[] NoNames = new string[0];

        private readonly string _text;
        private readonly int[] _declarations;

        private SourceScan(string text, bool namesInworld, bool holdsCredentialText, int[] joins, BoundJoin[] boundJoins, string[] carriers, int[] declarations)
        {
            _text = text;
            NamesInworld = namesInworld;
            HoldsCredentialText = holdsCredentialText;
            Joins = joins;
            BoundJoins = boundJoins;
            Carriers = carriers;
            _declarations = declarations;
        }

        private enum JoinKind : byte
        {
            None,

            /// <summary>A join wherever it is written.</summary>
            Always,

            /// <summary>A join only when a name across its '+' holds a value the rules know (<see cref="BoundJoin"/>).</summary>
            Bound,
        }

        /// <summary>"inworld" appears in the text, in any case.</summary>
        public bool NamesInworld { get; }

        /// <summary>A literal holds an Inworld API key or a raw "id:secret" pair (possibly behind escapes).</summary>
        public bool HoldsCredentialText { get; }

        /// <summary>Positions (the opening '"' of the literal), ascending, where a literal may join fragments of a credential.</summary>
        public int[] Joins { get; }

        /// <summary>
        /// Literals joined by '+' to names only (<c>digestName + "with" + encName</c>), ascending: a join only when one of
        /// those names is in the compilation's <see cref="KnownNames"/> (<see cref="LiveJoins"/>).
        /// </summary>
        public BoundJoin[] BoundJoins { get; }

        /// <summary>
        /// The names that literals made only of key characters (at least <see cref="MinFragmentLength"/> of them) initialise,
        /// read from the text: the name before the '=' (or '=>') of the initialiser. A field, local or property of that name may carry a fragment to a join elsewhere; a name that is
        /// no constant only makes the screen look at a few more types.
        /// </summary>
        public string[] Carriers { get; }

        /// <summary>
        /// Every name this file may give a value the rules know: the constants it declares (whatever their initialiser),
        /// and the names a literal initialises (fields, properties, locals; a name too many only keeps a join). Read from
        /// the positions the scan kept, on request: most compilations never need them.
        /// </summary>
        public string[] KnownNames
        {
            get
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var equals in _declarations)
                {
                    var name = NameEndingBefore(_text, equals);
                    if (name != null)
                    {
                        names.Add(name);
                    }
                }

                var array = new string[names.Count];
                names.CopyTo(array);
                return array;
            }
        }

        /// <summary>Adds to <paramref name="known"/> those of <paramref name="wanted"/> that this file gives a known value (<see cref="KnownNames"/>).</summary>
        private void AddKnownNames(CarrierNames wanted, HashSet<string> known)
        {
            foreach (var equals in _declarations)
            {
                if (NameSpanBefore(_text, equals, out var start, out var length) && wanted.Contains(_text, start, length))
                {
                    known.Add(_text.Substring(start, length));
                }
            }
        }

        /// <summary>Those of <paramref name="wantedNames"/> that a file of <paramref name="scans"/> gives a known value (<see cref="KnownNames"/>).</summary>
        public static HashSet<string> KnownAmong(IEnumerable<SourceScan> scans, ICollection<string> wantedNames)
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            if (wantedNames.Count == 0)
            {
                return known;
            }

            var wanted = new CarrierNames(wantedNames);
            foreach (var scan in scans)
            {
                scan.AddKnownNames(wanted, known);
            }

            return known;
        }

        /// <summary>The names written next to the bound joins of <paramref name="scans"/>: the only names whose values matter.</summary>
        public static HashSet<string> BoundNames(IEnumerable<SourceScan> scans)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var scan in scans)
            {
                foreach (var join in scan.BoundJoins)
                {
                    if (join.Before != null)
                    {
                        names.Add(join.Before);
                    }

                    if (join.After != null)
                    {
                        names.Add(join.After);
                    }
                }
            }

            return names;
        }

        /// <summary>
        /// The joins of this file once the compilation's known names are gathered: <see cref="Joins"/>, and the
        /// <see cref="BoundJoins"/> next to a name in <paramref name="knownNames"/>. Ascending.
        /// </summary>
        public int[] LiveJoins(ICollection<string> knownNames)
        {
            if (BoundJoins.Length == 0)
            {
                return Joins;
            }

            var live = new List<int>(Joins);
            foreach (var join in BoundJoins)
            {
                // Every name across the run must be known: the rules give a joined value only when they know all its parts.
                if ((join.Before == null || knownNames.Contains(join.Before)) && (join.After == null || knownNames.Contains(join.After)))
                {
                    live.Add(join.Position);
                }
            }

            if (live.Count == Joins.Length)
            {
                return Joins;
            }

            live.Sort();
            return live.ToArray();
        }

        public static SourceScan Of(string text)
        {
            var reading = new Reading(text);
            var quote = text.IndexOf('"');
            while (quote >= 0)
            {
                var next = quote + 1 < text.Length ? text.IndexOf('"', quote + 1) : -1;

                // Quotes are not paired: the text after every quote, up to the next quote or the end of its line, is read
                // as if it opened a regular literal, so a quote in a comment or a char literal cannot shift a real literal
                // out of view. Verbatim and raw literals, which may run over several lines, are also read whole.
                var end = next < 0 ? text.Length : next;
                if (end - quote > 1)
                {
                    var lineEnd = text.IndexOf('\n', quote + 1, end - quote - 1);
                    if (lineEnd >= 0)
                    {
                        end = lineEnd;
                    }
                }

                reading.Read(quote, end);
                var multiLineEnd = MultiLineLiteralEnd(text, quote);
                if (multiLineEnd > end)
                {
                    reading.Read(quote, multiLineEnd);
                }

                quote = next;
            }

            reading.ReadConstants();
            return reading.Result();
        }

        /// <summary>A literal joined by '+' to names only, and those names (the last part of A.B.C; null on a side with none).</summary>
        internal readonly struct BoundJoin
        {
            public BoundJoin(int position, string? before, string? after)
            {
                Position = position;
                Before = before;
                After = after;
            }

            public int Position { get; }

            public string? Before { get; }

            public string? After { get; }
        }

        /// <summary>The state of one pass of <see cref="Of"/>.</summary>
        private sealed class Reading
        {
            private readonly string _text;
            private bool _holdsCredential;
            private List<int>? _joins;
            private List<BoundJoin>? _boundJoins;
            private List<int>? _fragments;
            private List<int>? _declarations;
            private LiteralRun _run;

            public Reading(string text)
            {
                _text = text;
            }

            /// <summary>Reads the text [quote + 1, end) as the content of a literal opened at <paramref name="quote"/>.</summary>
            public void Read(int quote, int end)
            {
                // Most literals are short words or messages: a credential needs a run of 33 key characters, and a join
                // needs a '+', a hole or a call around it. The comment test, which looks back along the line, comes last.
                if (end <= quote + 1)
                {
                    return;
                }

                var text = _text;
                var credential = !_holdsCredential && end - quote - 1 >= MinCredentialRun && HoldsCredentialRun(text, quote + 1, end);
                var join = IsJoin(text, quote, end, ref _run, ref _fragments);
                if ((credential || join != JoinKind.None) && !IsInLineComment(text, quote))
                {
                    _holdsCredential |= credential;
                    if (join == JoinKind.Always && (_joins == null || _joins[_joins.Count - 1] != quote))
                    {
                        (_joins ??= new List<int>()).Add(quote);
                    }
                    else if (join == JoinKind.Bound && (_boundJoins == null || _boundJoins[_boundJoins.Count - 1].Position != quote))
                    {
                        (_boundJoins ??= new List<BoundJoin>()).Add(new BoundJoin(quote, _run.BeforeName, _run.AfterName));
                    }
                }

                if (end - quote - 1 >= MinFragmentLength && IsFragment(text, quote + 1, end) && InitialisesAName(text, quote) &&
                    (_fragments == null || _fragments[_fragments.Count - 1] != quote))
                {
                    (_fragments ??= new List<int>()).Add(quote);
                }

                var equals = AssignmentBefore(text, quote);
                if (equals >= 0 && (_declarations == null || _declarations[_declarations.Count - 1] != equals))
                {
                    (_declarations ??= new List<int>()).Add(equals);
                }
            }

            /// <summary>Adds the names every const declaration declares, whatever their initialisers.</summary>
            public void ReadConstants()
            {
                var text = _text;
                for (var i = text.IndexOf("const", StringComparison.Ordinal); i >= 0; i = i + 5 < text.Length ? text.IndexOf("const", i + 5, StringComparison.Ordinal) : -1)
                {
                    if ((i > 0 && IsIdentifierCharacter(text[i - 1])) || (i + 5 < text.Length && IsIdentifierCharacter(text[i + 5])))
                    {
                        continue;
                    }

                    // To the declaration's ';': the name before each '=' outside brackets (const string A = "x", B = A + "y";).
                    var depth = 0;
                    var limit = Math.Min(text.Length, i + 4000);
                    for (var j = i + 5; j < limit && text[j] != ';'; j++)
                    {
                        var c = text[j];
                        if (c == '(' || c == '[' || c == '{')
                        {
                            depth++;
                        }
                        else if (c == ')' || c == ']' || c == '}')
                        {
                            depth--;
                        }
                        else if (c == '=' && depth == 0 && j + 1 < text.Length && text[j + 1] != '=' && text[j + 1] != '>' && "=!<>".IndexOf(text[j - 1]) < 0)
                        {
                            (_declarations ??= new List<int>()).Add(j);
                        }
                    }
                }
            }

            public SourceScan Result()
            {
                string[] carriers = NoNames;
                if (_fragments != null)
                {
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var fragment in _fragments)
                    {
                        var name = InitialisedName(_text, fragment);
                        if (name != null)
                        {
                            names.Add(name);
                        }
                    }

                    carriers = new string[names.Count];
                    names.CopyTo(carriers);
                }

                return new SourceScan(_text, _text.IndexOf("inworld", StringComparison.OrdinalIgnoreCase) >= 0, _holdsCredential, _joins?.ToArray() ?? None,
                    _boundJoins?.ToArray() ?? NoBoundJoins, carriers, _declarations?.ToArray() ?? None);
            }
        }

        private static readonly BoundJoin[] NoBoundJoins = new BoundJoin[0];

        /// <summary>
        /// The '=' (of "=" or "=>") right before the literal at <paramref name="quote"/>: the name before it (past a property's
        /// accessor list, <c>Name { get; } = "..."</c>) is assigned or initialised with the literal; -1 when there is none.
        /// </summary>
        private static int AssignmentBefore(string text, int quote)
        {
            var i = quote - 1;
            while (i >= 0 && (text[i] == '$' || text[i] == '@')) i--;
            while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
            if (i < 1)
            {
                return -1;
            }

            int equals;
            if (text[i] == '>' && text[i - 1] == '=')
            {
                equals = i - 1;
            }
            else if (text[i] == '=' && "=!<>+-*/%&|^?:".IndexOf(text[i - 1]) < 0)
            {
                equals = i;
            }
            else
            {
                return -1;
            }

            return equals;
        }

        /// <summary>The identifier that ends right before <paramref name="position"/> (white space and a { get; } list between allowed).</summary>
        private static string? NameEndingBefore(string text, int position)
            => NameSpanBefore(text, position, out var start, out var length) ? text.Substring(start, length) : null;

        private static bool NameSpanBefore(string text, int position, out int start, out int length)
        {
            start = 0;
            length = 0;
            var j = position - 1;
            while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
            if (j >= 0 && text[j] == '}')
            {
                var open = text.LastIndexOf('{', j, Math.Min(j + 1, 200));
                if (open < 0)
                {
                    return false;
                }

                j = open - 1;
                while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
            }

            var end = j + 1;
            while (j >= 0 && IsIdentifierCharacter(text[j])) j--;
            if (end <= j + 1 || char.IsDigit(text[j + 1]))
            {
                return false;
            }

            start = j + 1;
            length = end - start;
            return true;
        }

        /// <summary>
        /// Where the verbatim (@"...", $@"...", @$"...") or raw ("""...""") literal opened at <paramref name="quote"/> ends
        /// (its closing quote), or -1 when no such literal opens there.
        /// </summary>
        private static int MultiLineLiteralEnd(string text, int quote)
        {
            var run = 1;
            while (quote + run < text.Length && text[quote + run] == '"') run++;
            if (run >= 3 && (quote == 0 || text[quote - 1] != '"'))
            {
                var closing = text.IndexOf(new string('"', run), quote + run, StringComparison.Ordinal);
                return closing < 0 ? text.Length : closing;
            }

            var before = quote > 0 ? text[quote - 1] : '\0';
            if (before != '@' && !(before == '$' && quote > 1 && text[quote - 2] == '@'))
            {
                return -1;
            }

            // "" inside verbatim text is one quote.
            var i = quote + 1;
            while (true)
            {
                var close = text.IndexOf('"', i);
                if (close < 0)
                {
                    return text.Length;
                }

                if (close + 1 < text.Length && text[close + 1] == '"')
                {
                    i = close + 2;
                    continue;
                }

                return close;
            }
        }

        /// <summary>
        /// "= ...", "=> ..." or "Name + ..." before the literal: the start or a part of an initialiser, where a constant gets
        /// its value. A literal after another one ("..." + "...", the lines of a long constant) is part of an initialiser
        /// whose first literal is already counted.
        /// </summary>
        private static bool InitialisesAName(string text, int quote)
        {
            var before = CodeBefore(text, quote, out _, out var pastParentheses);
            if (before == '=' || before == '>')
            {
                return true;
            }

            if (pastParentheses != '+')
            {
                return false;
            }

            var i = text.LastIndexOf('+', quote - 1) - 1;
            while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] == ')')) i--;
            return i >= 0 && text[i] != '"';
        }

        /// <summary>
        /// The name an initialiser holding the literal at <paramref name="quote"/> gives its value to: the identifier before
        /// the statement's first '=' (or "=>"), looking back no further than the statement; null when there is none.
        /// </summary>
        private static string? InitialisedName(string text, int quote)
        {
            const int MaxLookBack = 2000;
            var limit = Math.Max(0, quote - MaxLookBack);
            for (var i = quote - 1; i >= limit; i--)
            {
                var c = text[i];
                if (c == ';' || c == '{' || c == '}')
                {
                    return null;
                }

                if (c != '=')
                {
                    continue;
                }

                var previous = i > 0 ? text[i - 1] : '\0';
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (previous == '=' || previous == '!' || previous == '<' || previous == '>' || next == '=')
                {
                    // A comparison, not an initialiser: keep looking back.
                    if (previous == '=' || previous == '!' || previous == '<' || previous == '>')
                    {
                        i--;
                    }

                    continue;
                }

                var end = i;
                while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
                var start = end;
                while (start > 0 && IsIdentifierCharacter(text[start - 1])) start--;
                if (end > start)
                {
                    return text.Substring(start, end - start);
                }
            }

            return null;
        }

        private static bool IsFragment(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (!IsKeyCharacter(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Where a name of <paramref name="carriers"/> is written right next to a binary '+' in <paramref name="text"/>
        /// (<c>Parts.First + rest</c>, <c>a + Parts.Rest</c>: the operator's position), and where string.Concat is called:
        /// the joins with no literal at them, found once the names of constants that carry fragments are known; not where the
        /// other side is never a value the rules know (a call, an element access). Ascending.
        /// </summary>
        public static int[] NameJoins(string text, CarrierNames carriers)
        {
            var joins = CarrierJoins(text, carriers);
            if (joins.Count == 0)
            {
                return None;
            }

            var positions = new SortedSet<int>();
            foreach (var join in joins)
            {
                positions.Add(join.Position);
            }

            var array = new int[positions.Count];
            positions.CopyTo(array);
            return array;
        }

        /// <summary>
        /// Like <see cref="NameJoins"/>, for a reader that knows the compilation's names afterwards: each '+' next to a name
        /// of <paramref name="carriers"/>, with the name across it (null when that side is anything but a plain name, so it
        /// counts whatever the names), and no entry where that side is never a known value (a call...). A string.Concat
        /// call is an entry with a null name.
        /// </summary>
        public static List<(int Position, string? Other)> CarrierJoins(string text, CarrierNames carriers)
        {
            var joins = new List<(int, string?)>();
            for (var call = text.IndexOf("Concat(", StringComparison.Ordinal); call >= 0; call = text.IndexOf("Concat(", call + 1, StringComparison.Ordinal))
            {
                joins.Add((call, null));
            }

            for (var plus = text.IndexOf('+'); plus >= 0; plus = plus + 1 < text.Length ? text.IndexOf('+', plus + 1) : -1)
            {
                if ((plus + 1 < text.Length && (text[plus + 1] == '+' || text[plus + 1] == '=')) || (plus > 0 && text[plus - 1] == '+'))
                {
                    continue;
                }

                NameBefore(text, plus, out var beforeStart, out var beforeLength);
                NameAfter(text, plus, out var afterStart, out var afterLength);
                if (carriers.Contains(text, beforeStart, beforeLength))
                {
                    var kind = OperandAfter(text, SkipSpaceAndComments(text, plus + 1), out var other);
                    if (kind != Operand.NonConstant)
                    {
                        joins.Add((plus, kind == Operand.Name ? other : null));
                    }
                }

                if (carriers.Contains(text, afterStart, afterLength))
                {
                    var last = SkipSpaceAndCommentsBack(text, plus - 1);
                    string? other = null;
                    var kind = last >= 0 ? OperandBefore(text, last, out other) : Operand.Unknown;
                    if (kind != Operand.NonConstant)
                    {
                        joins.Add((plus, kind == Operand.Name ? other : null));
                    }
                }
            }

            return joins;
        }

        /// <summary>Is one of the ascending <paramref name="positions"/> in [start, end)?</summary>
        public static bool AnyIn(int[] positions, int start, int end)
        {
            if (positions.Length == 0)
            {
                return false;
            }

            var index = Array.BinarySearch(positions, start);
            if (index < 0)
            {
                index = ~index;
            }

            return index < positions.Length && positions[index] < end;
        }

        /// <summary>Names looked up by a piece of a file's text, without copying the piece.</summary>
        internal sealed class CarrierNames
        {
            private readonly Dictionary<int, List<string>> _byLength = new Dictionary<int, List<string>>();

            public CarrierNames(IEnumerable<string> names)
            {
                foreach (var name in names)
                {
                    if (!_byLength.TryGetValue(name.Length, out var list))
                    {
                        _byLength[name.Length] = list = new List<string>();
                    }

                    if (!list.Contains(name))
                    {
                        list.Add(name);
                        Count++;
                    }
                }
            }

            public int Count { get; }

            public IEnumerable<string> Names
            {
                get
                {
                    foreach (var list in _byLength.Values)
                    {
                        foreach (var name in list)
                        {
                            yield return name;
                        }
                    }
                }
            }

            public bool Contains(string text, int start, int length)
            {
                if (length == 0 || !_byLength.TryGetValue(length, out var names))
                {
                    return false;
                }

                foreach (var name in names)
                {
                    if (string.CompareOrdinal(text, start, name, 0, length) == 0)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        private static bool IsIdentifierCharacter(char c) => CredentialShape.IsAsciiLetterOrDigit(c) || c == '_' || c > 127;

        /// <summary>The identifier right before the operator at <paramref name="plus"/> (the last part of A.B); length 0 when none.</summary>
        private static void NameBefore(string text, int plus, out int start, out int length)
        {
            var i = plus - 1;
            while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] == ')')) i--;
            var end = i + 1;
            while (i >= 0 && IsIdentifierCharacter(text[i])) i--;
            start = i + 1;
            length = end - start;
        }

        /// <summary>The identifier after the operator at <paramref name="plus"/>, after the dots of a member access (the last part of A.B.C); length 0 when none.</summary>
        private static void NameAfter(string text, int plus, out int start, out int length)
        {
            var i = plus + 1;
            start = i;
            length = 0;
            while (true)
            {
                while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '(' || text[i] == '@')) i++;
                var partStart = i;
                while (i < text.Length && IsIdentifierCharacter(text[i])) i++;
                if (i == partStart)
                {
                    return;
                }

                start = partStart;
                length = i - partStart;
                if (i >= text.Length || text[i] != '.')
                {
                    return;
                }

                i++;
            }
        }

        /// <summary>Is the quote after "//" on its line, with no quote before the "//" (a documentation or line comment)?</summary>
        private static bool IsInLineComment(string text, int quote)
        {
            var lineStart = quote == 0 ? 0 : text.LastIndexOf('\n', quote - 1) + 1;
            var comment = text.IndexOf("//", lineStart, quote - lineStart, StringComparison.Ordinal);
            return comment >= 0 && text.IndexOf('"', lineStart, comment - lineStart) < 0;
        }

        private static bool IsKeyCharacter(char c) => CredentialShape.IsBase64Char(c) || c == ':' || c == '\\';

        /// <summary>Does a run of key characters in [start, end) hold an API key or a raw pair, escapes resolved?</summary>
        private static bool HoldsCredentialRun(string text, int start, int end)
        {
            var i = start;
            while (i < end)
            {
                if (!IsKeyCharacter(text[i]))
                {
                    i++;
                    continue;
                }

                var runStart = i;
                var escaped = false;
                while (i < end && IsKeyCharacter(text[i]))
                {
                    escaped |= text[i] == '\\';
                    i++;
                }

                if (i - runStart < MinCredentialRun)
                {
                    continue;
                }

                if (escaped ? UnescapedHoldsCredential(text.Substring(runStart, i - runStart)) : IsCredential(text, runStart, i))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Does any run of key characters in a whole text (a settings file) hold an API key or a raw pair, C# escapes resolved?</summary>
        public static bool TextHoldsCredential(string text) => HoldsCredentialRun(text, 0, text.Length);

        /// <summary>A whole value (a constant or default of a referenced assembly) that is an API key or a raw pair.</summary>
        public static bool IsCredentialValue(string? value) => value != null && IsCredential(value, 0, value.Length);

        /// <summary>
        /// A whole value that may be a fragment of a key: at least <see cref="MinFragmentLength"/> key characters and nothing
        /// else. (A value has no escapes, so unlike literal text a backslash is no key character here.)
        /// </summary>
        public static bool IsFragmentValue(string value)
        {
            if (value.Length < MinFragmentLength)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (!CredentialShape.IsBase64Char(c) && c != ':')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsCredential(string text, int start, int end)
            => CredentialShape.FindApiKey(text, start, end).IsMatch ||
               (text.IndexOf(':', start, end - start) >= 0 && CredentialShape.MatchRawKeyPair(text, start, end).IsMatch);

        /// <summary>The run with C# escapes resolved (\x41, \u0041, \n ...), read again piece by piece.</summary>
        private static bool UnescapedHoldsCredential(string run) => ValueHoldsCredential(Unescape(run));

        private static string Unescape(string run)
        {
            var builder = new StringBuilder(run.Length);
            for (var i = 0; i < run.Length; i++)
            {
                var c = run[i];
                if (c != '\\' || i + 1 >= run.Length)
                {
                    builder.Append(c);
                    continue;
                }

                var kind = run[++i];
                switch (kind)
                {
                    case 'x':
                        i = AppendHex(run, i + 1, 1, 4, builder) - 1;
                        break;
                    case 'u':
                        i = AppendHex(run, i + 1, 4, 4, builder) - 1;
                        break;
                    case 'U':
                        i = AppendHex(run, i + 1, 8, 8, builder) - 1;
                        break;
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case '0': builder.Append('\0'); break;
                    default: builder.Append(kind); break;
                }
            }

            return builder.ToString();
        }

        /// <summary>Appends the character of up to <paramref name="max"/> hex digits at <paramref name="start"/>; returns the index after them.</summary>
        private static int AppendHex(string run, int start, int min, int max, StringBuilder builder)
        {
            var value = 0;
            var i = start;
            while (i < run.Length && i - start < max && Uri.IsHexDigit(run[i]))
            {
                value = (value * 16) + Convert.ToInt32(run[i].ToString(), 16);
                i++;
            }

            if (i - start < min)
            {
                // Not an escape the compiler accepts: keep the text, which only makes the run longer.
                builder.Append(run, start - 2, i - start + 2);
                return i;
            }

            builder.Append(value <= 0xFFFF ? ((char)value).ToString() : char.ConvertFromUtf32(Math.Min(value, 0x10FFFF)));
            return i;
        }

        /// <summary>
        /// Could the literal whose text is [quote + 1, end) join fragments of a credential? Where it touches the other
        /// value, a key or a pair must run on through the join: the literal's character there is a key character. The
        /// exceptions are "Basic " before a value, and interpolation or format holes next to each other ("{A}{B}").
        /// </summary>
        private static JoinKind IsJoin(string text, int quote, int end, ref LiteralRun run, ref List<int>? fragments)
        {
            var before = CodeBefore(text, quote, out var interpolated, out var beforePastParentheses);
            var after = CodeAfter(text, end, out var afterPastParentheses);
            var joinedBefore = beforePastParentheses == '+';
            var joinedAfter = afterPastParentheses == '+';
            var argument = (before == '(' || before == ',') && (after == ')' || after == ',');
            if ((joinedBefore || joinedAfter) && !interpolated)
            {
                // Literals joined by '+' are judged with their neighbours (LiteralRun): their joined text, and what
                // stands across the '+' on each side.
                if (!run.Holds(quote))
                {
                    run = LiteralRun.Read(text, quote);
                    if (run.Readable && run.Whole && IsFragmentValue(run.Value) && InitialisesAName(text, run.Start))
                    {
                        (fragments ??= new List<int>()).Add(run.Start);
                    }
                }

                if (run.Readable)
                {
                    if (run.MayHoldCredential)
                    {
                        return JoinKind.Always;
                    }

                    // The rules give a joined value only when they know every part of it (StringValues.MayEvaluate stops
                    // at the first call or mutable part): a call on either side leaves nothing to find.
                    if (run.BeforeCutsValue || run.AfterCutsValue)
                    {
                        return JoinKind.None;
                    }

                    if (run.Before == Operand.Unknown || run.After == Operand.Unknown)
                    {
                        return JoinKind.Always;
                    }

                    return run.Before == Operand.Name || run.After == Operand.Name ? JoinKind.Bound : JoinKind.None;
                }
            }

            if ((joinedBefore && IsKeyCharacter(text[quote + 1])) || (joinedAfter && IsKeyCharacter(text[end - 1])))
            {
                return JoinKind.Always;
            }

            // An argument of string.Concat: a part like any other.
            if (argument && (IsKeyCharacter(text[quote + 1]) || IsKeyCharacter(text[end - 1]) || IndexOfBasic(text, quote + 1, end) >= 0) && InCallOf(text, quote, "Concat"))
            {
                return JoinKind.Always;
            }

            // Holes of an interpolation or of a format string ("{0}{1}"); a '{' in any other literal is only a character.
            // (An argument of string.Format joins only at a hole of the format, which is a join of its own.)
            if ((interpolated || (argument && text.IndexOf('{', quote + 1, end - quote - 1) >= 0 && InCallOf(text, quote, "Format"))) && HasJoiningHole(text, quote + 1, end))
            {
                return JoinKind.Always;
            }

            return (joinedBefore || joinedAfter || interpolated) && IndexOfBasic(text, quote + 1, end) >= 0 ? JoinKind.Always : JoinKind.None;
        }

        /// <summary>Does a value (escapes already resolved) hold a run of key characters that is an API key or a raw pair?</summary>
        private static bool ValueHoldsCredential(string value)
        {
            var i = 0;
            while (i < value.Length)
            {
                if (!CredentialShape.IsBase64Char(value[i]) && value[i] != ':')
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < value.Length && (CredentialShape.IsBase64Char(value[i]) || value[i] == ':')) i++;
                if (i - start >= MinCredentialRun && IsCredential(value, start, i))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Is the literal at <paramref name="quote"/> an argument of a call to a method named <paramref name="method"/>
        /// ("Concat", "Format")? Walks back to the call's '(' over nested parentheses and other literals, within the statement.
        /// </summary>
        private static bool InCallOf(string text, int quote, string method)
        {
            const int MaxLookBack = 4000;
            var limit = Math.Max(0, quote - MaxLookBack);
            var depth = 0;
            for (var i = quote - 1; i >= limit; i--)
            {
                switch (text[i])
                {
                    case '"':
                        // Another literal (or the other quotes of this one): step over it to its opening quote on the line.
                        var opening = text.LastIndexOf('"', i - 1, Math.Max(0, i - Math.Max(limit, text.LastIndexOf('\n', i - 1) + 1)));
                        i = opening >= 0 ? opening : i;
                        break;
                    case ')':
                        depth++;
                        break;
                    case '(':
                        if (depth == 0)
                        {
                            return NameEndsAt(text, i, method);
                        }

                        depth--;
                        break;
                    case ';':
                    case '{':
                    case '}':
                        return false;
                }
            }

            return false;
        }

        /// <summary>Is <paramref name="name"/> written right before <paramref name="parenthesis"/>, white space allowed, as a whole identifier?</summary>
        private static bool NameEndsAt(string text, int parenthesis, string name)
        {
            var end = parenthesis;
            while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
            var start = end - name.Length;
            return start >= 0 && string.CompareOrdinal(text, start, name, 0, name.Length) == 0 && (start == 0 || !IsIdentifierCharacter(text[start - 1]));
        }

        private static int IndexOfBasic(string text, int start, int end)
            => text.IndexOf("basic", start, end - start, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// A hole whose outside touches another hole or a key character that can carry a key or a pair on: "{a}{b}",
        /// "key{n}", "{id}:{secret}", "{id}:abc". A ':' with no key character or hole beyond it ("{count}: failed") ends
        /// there: no key holds a ':', and a pair needs its secret after it.
        /// </summary>
        private static bool HasJoiningHole(string text, int start, int end)
        {
            for (var i = text.IndexOf('{', start, end - start); i >= 0; i = i + 1 < end ? text.IndexOf('{', i + 1, end - i - 1) : -1)
            {
                if (i > start && (text[i - 1] == '}' || CarriesOn(text, i - 1, i - 2 >= start ? text[i - 2] : '\0')))
                {
                    return true;
                }
            }

            for (var i = text.IndexOf('}', start, end - start); i >= 0; i = i + 1 < end ? text.IndexOf('}', i + 1, end - i - 1) : -1)
            {
                if (i + 1 < end && (text[i + 1] == '{' || CarriesOn(text, i + 1, i + 2 < end ? text[i + 2] : '\0')))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Is the character at <paramref name="at"/>, next to a hole, one a key or a pair runs on through (<paramref name="beyond"/> is the one after it, away from the hole)?</summary>
        private static bool CarriesOn(string text, int at, char beyond)
            => text[at] == ':' ? beyond == '{' || beyond == '}' || (IsKeyCharacter(beyond) && beyond != ':') : IsKeyCharacter(text[at]);

        /// <summary>
        /// The code character before a literal's opening quote, past white space, the other quotes of a raw literal's
        /// opening and the $/@ prefixes; and the first one past '(' too (a parenthesised part: <c>x + ("...")</c>).
        /// </summary>
        private static char CodeBefore(string text, int quote, out bool interpolated, out char pastParentheses)
        {
            interpolated = false;
            var i = quote - 1;
            while (i >= 0 && text[i] == '"') i--;
            while (i >= 0 && (text[i] == '$' || text[i] == '@'))
            {
                interpolated |= text[i] == '$';
                i--;
            }

            while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
            var first = i >= 0 ? text[i] : '\0';
            while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] == '(')) i--;
            pastParentheses = i >= 0 ? text[i] : '\0';
            return first;
        }

        /// <summary>
        /// The code character after a literal's closing quote (at <paramref name="end"/>), past the other quotes of a raw
        /// literal's closing, a u8 suffix, white space and comments; and the first one past ')' too.
        /// </summary>
        private static char CodeAfter(string text, int end, out char pastParentheses)
        {
            var i = end + 1;
            while (i < text.Length && text[i] == '"') i++;
            if (i + 1 < text.Length && text[i] == 'u' && text[i + 1] == '8')
            {
                i += 2;
            }

            i = SkipSpaceAndComments(text, i);
            var first = i < text.Length ? text[i] : '\0';
            while (i < text.Length && text[i] == ')')
            {
                i = SkipSpaceAndComments(text, i + 1);
            }

            pastParentheses = i < text.Length ? text[i] : '\0';
            return first;
        }

        private static int SkipSpaceAndComments(string text, int i)
        {
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    var lineEnd = text.IndexOf('\n', i);
                    i = lineEnd < 0 ? text.Length : lineEnd + 1;
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    var commentEnd = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = commentEnd < 0 ? text.Length : commentEnd + 2;
                }
                else
                {
                    break;
                }
            }

            return i;
        }
    }
}
