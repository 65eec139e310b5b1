using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
    /// with a call by nothing, a side with a name only when that name may hold a known value whose key characters can
    /// make a key with the run's (<see cref="BoundJoins"/>, SourceScan.Values.cs).</item>
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

        private static readonly PlusSite[] NoPlusSites = new PlusSite[0];

        private readonly string _text;
        private readonly Declarations _initialisers;
        private readonly Declarations _constants;
        private readonly PlusSite[] _plusSites;
        private readonly int[] _concatCalls;

        private SourceScan(string text, bool namesInworld, bool holdsCredentialText, int[] joins, BoundJoin[] boundJoins, string[] carriers,
            Declarations initialisers, Declarations constants, PlusSite[] plusSites, int[] concatCalls)
        {
            _text = text;
            NamesInworld = namesInworld;
            HoldsCredentialText = holdsCredentialText;
            Joins = joins;
            BoundJoins = boundJoins;
            Carriers = carriers;
            _initialisers = initialisers;
            _constants = constants;
            _plusSites = plusSites;
            _concatCalls = concatCalls;
        }

        /// <summary>
        /// The '=' of declarations (ascending) and a fingerprint of the name before each (<see cref="NameFingerprint"/>, 0 when
        /// none): the compilation asks which names files declare once the scans are done, when the text is no longer in
        /// the processor's cache, and a fingerprint that matches no wanted name spares the look back along the text.
        /// </summary>
        private readonly struct Declarations
        {
            public Declarations(int[] positions, int[] names)
            {
                Positions = positions;
                Names = names;
            }

            public int[] Positions { get; }

            public int[] Names { get; }

            [MethodImpl(HotPath.CompileOptimized)]
            public static Declarations Of(string text, List<int> positions)
            {
                if (positions.Count == 0)
                {
                    return new Declarations(None, None);
                }

                var names = new int[positions.Count];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = NameSpanBefore(text, positions[i], out var start, out var length) ? NameFingerprint(text, start, length) : 0;
                }

                return new Declarations(positions.ToArray(), names);
            }
        }

        /// <summary>
        /// A binary '+' with a name on at least one side (the names as <see cref="NameBefore"/> and <see cref="NameAfter"/>
        /// read them, fingerprinted; 0 for no name or a number): read in the scan, while the text is in the processor's cache, so the
        /// carrier joins, asked for later, touch the text only at a '+' next to a carrier's name.
        /// </summary>
        private readonly struct PlusSite
        {
            public PlusSite(int position, int before, int after)
            {
                Position = position;
                Before = before;
                After = after;
            }

            public int Position { get; }

            public int Before { get; }

            public int After { get; }
        }

        /// <summary>
        /// A hash of the name text[start, start + length): equal names have equal fingerprints; 0 only for no name. Names
        /// are compared in full once fingerprints match.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        internal static int NameFingerprint(string text, int start, int length)
        {
            if (length == 0)
            {
                return 0;
            }

            var hash = length;
            for (var i = start; i < start + length; i++)
            {
                hash = unchecked((hash * 31) + text[i]);
            }

            return hash == 0 ? 1 : hash;
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
            [MethodImpl(HotPath.CompileOptimized)]
            get
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var equals in DeclarationPositions())
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

        /// <summary>
        /// Adds to <paramref name="known"/> those of <paramref name="wanted"/> that this file gives a known value
        /// (<see cref="KnownNames"/>), with the shape of each value it gives them.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private void AddKnownNames(CarrierNames wanted, KnownValues known)
        {
            // A constant holds whatever its initialiser folds to; any other name only a single literal's value
            // (StringValues.SymbolValue), so an initialiser that is no plain literal gives it none.
            for (var i = 0; i < _constants.Positions.Length; i++)
            {
                var equals = _constants.Positions[i];
                if (wanted.MayName(_constants.Names[i]) && NameSpanBefore(_text, equals, out var start, out var length) && wanted.Contains(_text, start, length))
                {
                    known.Add(_text.Substring(start, length), DeclaredValue(_text, equals, constant: true) ?? ValueShape.AnyValue);
                }
            }

            for (var i = 0; i < _initialisers.Positions.Length; i++)
            {
                var equals = _initialisers.Positions[i];
                if (wanted.MayName(_initialisers.Names[i]) && NameSpanBefore(_text, equals, out var start, out var length) && wanted.Contains(_text, start, length) &&
                    DeclaredValue(_text, equals, constant: false) is ValueShape value)
                {
                    known.Add(_text.Substring(start, length), value);
                }
            }
        }

        [MethodImpl(HotPath.CompileOptimized)]
        private IEnumerable<int> DeclarationPositions()
        {
            foreach (var equals in _constants.Positions)
            {
                yield return equals;
            }

            foreach (var equals in _initialisers.Positions)
            {
                yield return equals;
            }
        }

        /// <summary>
        /// Those of <paramref name="wantedNames"/> that a file of <paramref name="scans"/> gives a known value
        /// (<see cref="KnownNames"/>), each with the shapes of the values the files give it.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        public static KnownValues KnownAmong(IEnumerable<SourceScan> scans, ICollection<string> wantedNames)
        {
            var known = new KnownValues();
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
        [MethodImpl(HotPath.CompileOptimized)]
        public static HashSet<string> BoundNames(IEnumerable<SourceScan> scans)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var scan in scans)
            {
                foreach (var join in scan.BoundJoins)
                {
                    if (join.HoleNames != null)
                    {
                        names.UnionWith(join.HoleNames);
                    }

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

        /// <summary>The joins of this file when each of <paramref name="knownNames"/> may hold any value (see the overload).</summary>
        public int[] LiveJoins(ICollection<string> knownNames) => LiveJoins(KnownValues.AnyValueOf(knownNames));

        /// <summary>
        /// The joins of this file once the compilation's known names are gathered: <see cref="Joins"/>, and the
        /// <see cref="BoundJoins"/> whose names are all in <paramref name="known"/> and whose values may run a key or a
        /// pair through the run (<see cref="BoundJoin.MayCarry"/>). Ascending.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        public int[] LiveJoins(KnownValues known)
        {
            if (BoundJoins.Length == 0)
            {
                return Joins;
            }

            var live = new List<int>(Joins);
            foreach (var join in BoundJoins)
            {
                // Every name across the run must be known: the rules give a joined value only when they know all its parts.
                var before = default(ValueShape);
                var after = default(ValueShape);
                if ((join.Before == null || known.TryGet(join.Before, out before)) && (join.After == null || known.TryGet(join.After, out after)) &&
                    (join.HoleNames == null || AllKnown(join.HoleNames, known)) && join.MayCarry(before, after))
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

        [MethodImpl(HotPath.CompileOptimized)]
        private static bool AllKnown(string[] names, KnownValues known)
        {
            foreach (var name in names)
            {
                if (!known.Contains(name))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The scan of a text with nothing in it to read: no literal, operator, declaration or name of note.</summary>
        public static SourceScan Empty => EmptyScan.Instance;

        [MethodImpl(HotPath.CompileOptimized)]
        public static SourceScan Of(string text)
        {
            // The reading and its lists are the thread's, reused: a file's positions are copied out once, and the lists'
            // growth is paid once per thread, not once per file (a nested scan, which never happens, would get its own).
            var reading = t_reading ?? new Reading();
            t_reading = null;
            try
            {
                reading.Start(text);
                return Scan(text, reading);
            }
            finally
            {
                reading.Clear();
                t_reading = reading;
            }
        }

        [ThreadStatic]
        private static Reading? t_reading;

        [MethodImpl(HotPath.CompileOptimized)]
        private static SourceScan Scan(string text, Reading reading)
        {
            for (var quote = text.IndexOf('"'); quote >= 0;)
            {
                var next = quote + 1 < text.Length ? text.IndexOf('"', quote + 1) : -1;
                ReadFromQuote(reading, text, quote, next);
                quote = next;
            }

            reading.ReadConstants();
            reading.ReadJoiningOperators();
            return reading.Result();
        }

        /// <summary>Reads what follows the quote at <paramref name="quote"/>, up to the <paramref name="next"/> quote (-1: none).</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static void ReadFromQuote(Reading reading, string text, int quote, int next)
        {
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
        }

        /// <summary>A literal joined by '+' to names only, and those names (the last part of A.B.C; null on a side with none).</summary>
        internal readonly struct BoundJoin
        {
            private readonly string? _runValue;
            private readonly ValueShape _run;
            private readonly int _beyondBefore;
            private readonly int _beyondAfter;
            private readonly string? _beyondBeforeText;
            private readonly string? _beyondAfterText;
            private readonly bool _basicBeforeName;

            /// <summary>An interpolation whose holes are the names <paramref name="holeNames"/>: a join when all of them are known.</summary>
            public BoundJoin(int position, string[] holeNames)
                : this(position, null, null, null, ValueShape.AnyValue, Unbounded, Unbounded, null, null, false)
            {
                HoleNames = holeNames;
            }

            public BoundJoin(int position, string? before, string? after, string? runValue, ValueShape run, int beyondBefore, int beyondAfter,
                string? beyondBeforeText, string? beyondAfterText, bool basicBeforeName)
            {
                Position = position;
                Before = before;
                After = after;
                _runValue = runValue;
                _run = run;
                _beyondBefore = beyondBefore;
                _beyondAfter = beyondAfter;
                _beyondBeforeText = beyondBeforeText;
                _beyondAfterText = beyondAfterText;
                _basicBeforeName = basicBeforeName;
            }

            public int Position { get; }

            public string? Before { get; }

            public string? After { get; }

            /// <summary>The names in an interpolation's holes (the last part of A.B.C); null for a run of literals.</summary>
            public string[]? HoleNames { get; }

            /// <summary>
            /// Given the shapes of the values the names across the run may hold, could the joined value hold a key or a pair?
            /// First by length: the longest run of key characters through the join, where a name whose value may be all key
            /// characters lets it go on into what is joined beyond the name. Then, when every value is known and nothing
            /// beyond the names can reach the run, by reading each joined value as the rules would. "Basic" before a name
            /// counts when a key can start at that name.
            /// </summary>
            [MethodImpl(HotPath.CompileOptimized)]
            public bool MayCarry(ValueShape before, ValueShape after)
            {
                long left = Before == null ? 0 : Reach(before.Any, before.Suffix, before.WholeLength, _beyondBefore);
                long right = After == null ? 0 : Reach(after.Any, after.Prefix, after.WholeLength, _beyondAfter);
                if (_basicBeforeName)
                {
                    return right >= MinCredentialRun;
                }

                var longest = _run.MayBeWhole ? left + _run.WholeLength + right : Math.Max(left + _run.Prefix, _run.Suffix + right);
                if (longest < MinCredentialRun)
                {
                    return false;
                }

                // Beyond a name that may be all key characters, the literal there is part of the value read.
                var beforeValues = Before == null ? NoValue : before.Values;
                var afterValues = After == null ? NoValue : after.Values;
                var beyondBefore = Before != null && before.MayBeWhole ? _beyondBeforeText : string.Empty;
                var beyondAfter = After != null && after.MayBeWhole ? _beyondAfterText : string.Empty;
                if (_runValue == null || beforeValues == null || afterValues == null || beyondBefore == null || beyondAfter == null)
                {
                    return true;
                }

                foreach (var first in beforeValues)
                {
                    foreach (var last in afterValues)
                    {
                        if (ValueHoldsCredential(beyondBefore + first + _runValue + last + beyondAfter))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private static readonly string[] NoValue = { string.Empty };

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static long Reach(bool any, int edge, int wholeLength, int beyond)
                => any ? Unbounded : wholeLength >= 0 ? Math.Max(edge, (long)wholeLength + beyond) : edge;
        }

        /// <summary>The state of one pass of <see cref="Of"/>, kept by a thread from one file's pass to the next.</summary>
        private sealed class Reading
        {
            // A list grown past this by a very large file is dropped rather than kept by the thread.
            private const int KeptCapacity = 16 * 1024;

            private string _text = string.Empty;
            private List<int> _joins = new List<int>();
            private List<BoundJoin> _boundJoins = new List<BoundJoin>();
            private List<int> _fragments = new List<int>();
            private List<int> _initialisers = new List<int>();
            private List<int> _constants = new List<int>();
            private List<PlusSite> _plusSites = new List<PlusSite>();
            private List<int> _concatCalls = new List<int>();
            private bool _holdsCredential;
            private LiteralRun _run;

            public void Start(string text) => _text = text;

            /// <summary>Empties the reading for the next file (its lists are empty, the text and the last run let go).</summary>
            [MethodImpl(HotPath.CompileOptimized)]
            public void Clear()
            {
                _text = string.Empty;
                _holdsCredential = false;
                _run = default;
                _joins = Emptied(_joins);
                _boundJoins = Emptied(_boundJoins);
                _fragments = Emptied(_fragments);
                _initialisers = Emptied(_initialisers);
                _constants = Emptied(_constants);
                _plusSites = Emptied(_plusSites);
                _concatCalls = Emptied(_concatCalls);
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static List<T> Emptied<T>(List<T> list)
            {
                if (list.Capacity > KeptCapacity)
                {
                    return new List<T>();
                }

                list.Clear();
                return list;
            }

            /// <summary>Reads the text [quote + 1, end) as the content of a literal opened at <paramref name="quote"/>.</summary>
            [MethodImpl(HotPath.CompileOptimized)]
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
                var join = IsJoin(text, quote, end, ref _run, _fragments, out var holeNames);
                if ((credential || join != JoinKind.None) && !IsInLineComment(text, quote))
                {
                    _holdsCredential |= credential;
                    if (join == JoinKind.Always && (_joins.Count == 0 || _joins[_joins.Count - 1] != quote))
                    {
                        _joins.Add(quote);
                    }
                    else if (join == JoinKind.Bound && (_boundJoins.Count == 0 || _boundJoins[_boundJoins.Count - 1].Position != quote))
                    {
                        _boundJoins.Add(holeNames != null ? new BoundJoin(quote, holeNames) : new BoundJoin(quote, _run.BeforeName, _run.AfterName, _run.Value, _run.Shape, _run.BeyondBefore, _run.BeyondAfter,
                            _run.BeyondBeforeText, _run.BeyondAfterText, _run.BasicBeforeName));
                    }
                }

                if (end - quote - 1 >= MinFragmentLength && IsFragment(text, quote + 1, end) && InitialisesAName(text, quote) &&
                    (_fragments.Count == 0 || _fragments[_fragments.Count - 1] != quote))
                {
                    _fragments.Add(quote);
                }

                // An expression-bodied member ("=> ...") has no initialiser: the rules never give it a value.
                var equals = AssignmentBefore(text, quote);
                if (equals >= 0 && text[equals + 1] != '>' && (_initialisers.Count == 0 || _initialisers[_initialisers.Count - 1] != equals))
                {
                    _initialisers.Add(equals);
                }
            }

            /// <summary>Adds the names every const declaration declares, whatever their initialisers.</summary>
            [MethodImpl(HotPath.CompileOptimized)]
            public void ReadConstants()
            {
                var text = _text;
                for (var i = text.IndexOf("const", StringComparison.Ordinal); i >= 0; i = i + 5 < text.Length ? text.IndexOf("const", i + 5, StringComparison.Ordinal) : -1)
                {
                    if ((i > 0 && IsIdentifierCharacter(text[i - 1])) || (i + 5 < text.Length && IsIdentifierCharacter(text[i + 5])) || HasNonStringType(text, i + 5))
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
                            _constants.Add(j);
                        }
                    }
                }
            }

            /// <summary>Every binary '+' with a name beside it, and every "Concat(": where a carrier's name may be joined.</summary>
            [MethodImpl(HotPath.CompileOptimized)]
            public void ReadJoiningOperators()
            {
                var text = _text;
                for (var plus = text.IndexOf('+'); plus >= 0; plus = plus + 1 < text.Length ? text.IndexOf('+', plus + 1) : -1)
                {
                    if ((plus + 1 < text.Length && (text[plus + 1] == '+' || text[plus + 1] == '=')) || (plus > 0 && text[plus - 1] == '+'))
                    {
                        continue;
                    }

                    // A number ("i + 1") is never a name a carrier can have.
                    NameBefore(text, plus, out var beforeStart, out var beforeLength);
                    NameAfter(text, plus, out var afterStart, out var afterLength);
                    var before = beforeLength > 0 && !char.IsDigit(text[beforeStart]) ? NameFingerprint(text, beforeStart, beforeLength) : 0;
                    var after = afterLength > 0 && !char.IsDigit(text[afterStart]) ? NameFingerprint(text, afterStart, afterLength) : 0;
                    if (before != 0 || after != 0)
                    {
                        _plusSites.Add(new PlusSite(plus, before, after));
                    }
                }

                for (var call = text.IndexOf("Concat(", StringComparison.Ordinal); call >= 0; call = text.IndexOf("Concat(", call + 1, StringComparison.Ordinal))
                {
                    _concatCalls.Add(call);
                }
            }

            [MethodImpl(HotPath.CompileOptimized)]
            public SourceScan Result()
            {
                string[] carriers = NoNames;
                if (_fragments.Count > 0)
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

                return new SourceScan(_text, _text.IndexOf("inworld", StringComparison.OrdinalIgnoreCase) >= 0, _holdsCredential, ToArray(_joins, None),
                    ToArray(_boundJoins, NoBoundJoins), carriers, Declarations.Of(_text, _initialisers), Declarations.Of(_text, _constants),
                    ToArray(_plusSites, NoPlusSites), ToArray(_concatCalls, None));
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static T[] ToArray<T>(List<T> list, T[] none) => list.Count == 0 ? none : list.ToArray();
        }

        private static readonly BoundJoin[] NoBoundJoins = new BoundJoin[0];

        // Built on first use, once every static of this class is set (a field initialiser could run before those it reads).
        private static class EmptyScan
        {
            public static readonly SourceScan Instance = Of(string.Empty);
        }

        private static readonly string[] NonStringTypeKeywords =
        {
            "int", "uint", "long", "ulong", "short", "ushort", "byte", "sbyte", "bool", "char", "double", "float", "decimal", "nint", "nuint",
        };

        /// <summary>Is the type after "const" (at <paramref name="i"/>) a keyword of a type that is no string: such a constant never joins a string value.</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool HasNonStringType(string text, int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && IsIdentifierCharacter(text[i])) i++;
            if (i == start || i - start > 7 || i >= text.Length || !char.IsWhiteSpace(text[i]))
            {
                return false;
            }

            var word = text.Substring(start, i - start);
            return Array.IndexOf(NonStringTypeKeywords, word) >= 0;
        }

        /// <summary>
        /// The '=' (of "=" or "=>") right before the literal at <paramref name="quote"/>: the name before it (past a property's
        /// accessor list, <c>Name { get; } = "..."</c>) is assigned or initialised with the literal; -1 when there is none.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static string? NameEndingBefore(string text, int position)
            => NameSpanBefore(text, position, out var start, out var length) ? text.Substring(start, length) : null;

        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
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

        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
        public int[] NameJoins(CarrierNames carriers)
        {
            var joins = CarrierJoins(carriers);
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
        [MethodImpl(HotPath.CompileOptimized)]
        public List<(int Position, string? Other)> CarrierJoins(CarrierNames carriers)
        {
            var text = _text;
            var joins = new List<(int, string?)>();
            foreach (var call in _concatCalls)
            {
                if (ConcatMayJoinCarrier(text, call, carriers))
                {
                    joins.Add((call, null));
                }
            }

            foreach (var site in _plusSites)
            {
                if (!carriers.MayName(site.Before) && !carriers.MayName(site.After))
                {
                    continue;
                }

                var plus = site.Position;
                NameBefore(text, plus, out var beforeStart, out var beforeLength);
                NameAfter(text, plus, out var afterStart, out var afterLength);
                var beforeIsCarrier = carriers.Contains(text, beforeStart, beforeLength);
                var afterIsCarrier = carriers.Contains(text, afterStart, afterLength);
                if ((!beforeIsCarrier && !afterIsCarrier) || IsInLineComment(text, plus) || IsInsideRegularLiteral(text, plus) || IsInNumberExpression(text, plus))
                {
                    continue;
                }

                if (beforeIsCarrier && !InNumberGroupBefore(text, beforeStart))
                {
                    var operandStart = SkipSpaceAndComments(text, plus + 1);
                    var kind = OperandAfter(text, operandStart, out var other, out _);
                    if (kind != Operand.NonConstant && !IsJudgedLiteralAfter(text, operandStart))
                    {
                        joins.Add((plus, kind == Operand.Name ? other : null));
                    }
                }

                if (afterIsCarrier && !InNumberGroupAfter(text, plus, afterStart))
                {
                    var last = SkipSpaceAndCommentsBack(text, plus - 1);
                    string? other = null;
                    var kind = last >= 0 ? OperandBefore(text, last, out other) : Operand.Unknown;
                    if (kind != Operand.NonConstant && !IsJudgedLiteralBefore(text, last))
                    {
                        joins.Add((plus, kind == Operand.Name ? other : null));
                    }
                }
            }

            return joins;
        }

        /// <summary>
        /// A literal across the '+' from a carrier: a non-empty one is judged by its own run (<see cref="LiteralRun"/>) with
        /// the carrier's values; an empty one adds nothing, so it needs no join when nothing is joined beyond it.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsJudgedLiteralAfter(string text, int start)
        {
            if (start < text.Length && text[start] == '"' && IsEmptyLiteral(text, start) && (start == 0 || (text[start - 1] != '@' && text[start - 1] != '$')))
            {
                return BeyondAfter(text, start + 2, 1, out var beyond) == 0 && beyond != null;
            }

            return IsPlainLiteralAt(text, start);
        }

        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsJudgedLiteralBefore(string text, int last)
        {
            if (last < 1)
            {
                return false;
            }

            var opening = PlainLiteralOpening(text, last);
            if (opening < 0)
            {
                return false;
            }

            if (opening + 1 == last)
            {
                return BeyondBefore(text, SkipSpaceAndCommentsBack(text, opening - 1), 1, out var beyond) == 0 && beyond != null;
            }

            return IsPlainLiteralEndingAt(text, last);
        }

        /// <summary>
        /// Is the '+' at <paramref name="plus"/> part of an expression that cannot be a string: between the nearest
        /// enclosing bracket, ',', ';' or assignment on each side, an operator that takes no string operand stands outside
        /// brackets (<c>* / % - &amp; | ^ ~</c>, a shift, or <c>&lt;</c> <c>&gt;</c> written with spaces around, not a type
        /// argument list): <c>zz[zzOff + m + i]</c> is not one, <c>P[(x1 + s + c) &amp; 0xFF]</c> and <c>j &lt; i + s</c> are.
        /// Anything that could keep a string concatenation apart from such an operator (a conditional, <c>&amp;&amp;</c>,
        /// <c>||</c>, <c>??</c>, <c>==</c>, a lambda, a literal) means no.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsInNumberExpression(string text, int plus)
        {
            const int MaxReach = 400;
            var start = ExpressionBoundary(text, plus - 1, -1, Math.Max(0, plus - MaxReach));
            var end = ExpressionBoundary(text, plus + 1, 1, Math.Min(text.Length - 1, plus + MaxReach));
            if (start < 0 || end < 0)
            {
                return false;
            }

            var numeric = false;
            var depth = 0;
            for (var i = start; i <= end; i++)
            {
                var c = text[i];
                var next = i + 1 <= end ? text[i + 1] : '\0';
                var previous = i > start ? text[i - 1] : '\0';
                switch (c)
                {
                    case '(':
                    case '[':
                        depth++;
                        continue;
                    case ')':
                    case ']':
                        depth--;
                        continue;
                    case '"':
                    case '\'':
                    case '?':
                    case '{':
                    case '}':
                        return false;
                }

                if (depth != 0)
                {
                    continue;
                }

                switch (c)
                {
                    case ':':
                        return false;
                    case '=':
                        if (next == '=' || previous == '=' || previous == '!' || next == '>')
                        {
                            return false;
                        }

                        break;
                    case '&':
                    case '|':
                        if (next == c || previous == c)
                        {
                            return false;
                        }

                        numeric = true;
                        break;
                    case '/':
                        if (next == '/' || next == '*' || previous == '*')
                        {
                            // A comment: its text is no code.
                            return false;
                        }

                        numeric = true;
                        break;
                    case '*':
                    case '%':
                    case '^':
                    case '~':
                        numeric = true;
                        break;
                    case '-':
                        if (next != '>' && next != '-' && previous != '-')
                        {
                            numeric = true;
                        }

                        break;
                    case '<':
                    case '>':
                        if (next == c || previous == c || ((previous == ' ' || next == '=') && (next == ' ' || next == '=')))
                        {
                            numeric = true;
                        }
                        else
                        {
                            // A type argument list (List<int>) or something this reader does not pair.
                            return false;
                        }

                        break;
                }
            }

            if (numeric)
            {
                return true;
            }

            // A parenthesised group (not a call's arguments) is itself an operand: (x1 + s + c) & 0xFF.
            var before = SkipSpaceAndCommentsBack(text, start - 2);
            if (start < 1 || text[start - 1] != '(' || end + 1 >= text.Length || text[end + 1] != ')' ||
                (before >= 0 && (IsIdentifierCharacter(text[before]) || text[before] == ')' || text[before] == ']' || text[before] == '>')))
            {
                return false;
            }

            var after = SkipSpaceAndComments(text, end + 2);
            return (after < text.Length && IsNumberOperatorAt(text, after)) || (before >= 0 && IsNumberOperatorAt(text, before));
        }

        /// <summary>Is there, at <paramref name="i"/>, an operator that takes no string operand (not &amp;&amp;, ||, ->, a comment)?</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsNumberOperatorAt(string text, int i)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var previous = i > 0 ? text[i - 1] : '\0';
            switch (c)
            {
                case '*':
                case '%':
                case '^':
                    return previous != '/' && next != '/';
                case '/':
                    return next != '/' && next != '*' && previous != '*' && previous != '/';
                case '&':
                case '|':
                    return next != c && previous != c;
                case '-':
                    return next != '>' && next != '-' && previous != '-';
                case '<':
                case '>':
                    return next == c || previous == c;
                default:
                    return false;
            }
        }

        /// <summary>
        /// From <paramref name="i"/> in <paramref name="step"/>'s direction, the last position inside the expression: before
        /// the enclosing '(' or '[' (or ')' or ']'), ',', ';' or an assignment's '='; -1 past <paramref name="limit"/>.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static int ExpressionBoundary(string text, int i, int step, int limit)
        {
            var depth = 0;
            for (; step < 0 ? i >= limit : i <= limit; i += step)
            {
                var c = text[i];
                if (c == '(' || c == '[')
                {
                    if (step > 0)
                    {
                        depth++;
                    }
                    else if (depth-- == 0)
                    {
                        return i + 1;
                    }
                }
                else if (c == ')' || c == ']')
                {
                    if (step < 0)
                    {
                        depth++;
                    }
                    else if (depth-- == 0)
                    {
                        return i - 1;
                    }
                }
                else if (depth == 0 && (c == ',' || c == ';'))
                {
                    return i - step;
                }
                else if (depth == 0 && c == '=' && i + 1 < text.Length && text[i + 1] == '>')
                {
                    // A lambda's or an expression body's "=>".
                    return step < 0 ? i + 2 : i - 1;
                }
                else if (depth == 0 && c == '=' && IsAssignment(text, i))
                {
                    return i - step;
                }
                else if (c == '{' || c == '}')
                {
                    return i - step;
                }
            }

            return -1;
        }

        /// <summary>Is the '=' at <paramref name="i"/> an assignment (=, +=, -=, ..., not ==, !=, &lt;=, &gt;=, =&gt;)?</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsAssignment(string text, int i)
        {
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var previous = i > 0 ? text[i - 1] : '\0';
            if (next == '=' || next == '>' || previous == '=' || previous == '!')
            {
                return false;
            }

            // <= and >= compare; <<= and >>= assign.
            return !((previous == '<' || previous == '>') && !(i > 1 && text[i - 2] == previous));
        }

        /// <summary>Is the name at <paramref name="nameStart"/> (before a '+') the end of a parenthesised number expression, <c>(c &gt;&gt; 8) +</c>?</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool InNumberGroupBefore(string text, int nameStart)
        {
            var close = nameStart;
            while (close < text.Length && IsIdentifierCharacter(text[close])) close++;
            close = SkipSpaceAndComments(text, close);
            if (close >= text.Length || text[close] != ')')
            {
                return false;
            }

            var open = MatchingOpenBefore(text, close);
            return open >= 0 && IsArithmetic(text, open + 1, close);
        }

        /// <summary>Is the name at <paramref name="nameStart"/> (after the '+' at <paramref name="plus"/>) inside a parenthesised number expression, <c>+ (c &gt;&gt; 8)</c>?</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool InNumberGroupAfter(string text, int plus, int nameStart)
        {
            var open = SkipSpaceAndComments(text, plus + 1);
            if (open >= nameStart || text[open] != '(')
            {
                return false;
            }

            var close = MatchingCloseAfter(text, open);
            return close > nameStart && IsArithmetic(text, open + 1, close);
        }

        /// <summary>
        /// Is the '+' at <paramref name="position"/> inside a regular literal: after an odd number of quotes on its line? Only
        /// said when the line before it is plain (no char literal, comment, verbatim, interpolated or raw literal).
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsInsideRegularLiteral(string text, int position)
        {
            var lineStart = position == 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;
            var quotes = 0;
            for (var i = lineStart; i < position; i++)
            {
                var c = text[i];
                if (c == '\'' || c == '@' || c == '$' || (c == '/' && i + 1 < position && (text[i + 1] == '*' || text[i + 1] == '/')) || (c == '*' && i + 1 < position && text[i + 1] == '/'))
                {
                    return false;
                }

                if (c == '\\' && quotes % 2 == 1)
                {
                    i++;
                    continue;
                }

                if (c == '"')
                {
                    if (i + 1 < position && text[i + 1] == '"' && quotes % 2 == 0)
                    {
                        if (i + 2 < position && text[i + 2] == '"')
                        {
                            return false;
                        }

                        i++;
                        continue;
                    }

                    quotes++;
                }
            }

            return quotes % 2 == 1;
        }

        /// <summary>
        /// Could the call of a method named Concat at <paramref name="call"/> join a carrier's fragment? Not a declaration of a
        /// method of that name; not a call with an argument the rules never evaluate (a call: StringValues evaluates all
        /// or nothing); not one whose arguments are literals (each judged on its own) and names none of which is a carrier.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool ConcatMayJoinCarrier(string text, int call, CarrierNames carriers)
        {
            var before = SkipSpaceAndCommentsBack(text, call - 1);
            if (before >= 0 && (text[before] == ']' || text[before] == '>' || IsIdentifierCharacter(text[before])))
            {
                var end = before + 1;
                var k = before;
                while (k >= 0 && IsIdentifierCharacter(text[k])) k--;
                if (end == k + 1 || Array.IndexOf(KeywordsBeforeParentheses, text.Substring(k + 1, end - k - 1)) < 0)
                {
                    return false;
                }
            }

            var open = call + 6;
            var close = MatchingCloseAfter(text, open);
            if (close < 0)
            {
                return true;
            }

            var argumentStart = open + 1;
            var depth = 0;
            var mayJoin = false;
            for (var i = open + 1; i <= close; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    // MatchingCloseAfter paired the literals: step over this one.
                    i++;
                    while (i < close && text[i] != '"')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }

                    continue;
                }

                if (c == '(' || c == '[')
                {
                    depth++;
                }
                else if ((c == ')' || c == ']') && i < close)
                {
                    depth--;
                }
                else if ((c == ',' && depth == 0) || i == close)
                {
                    var start = SkipSpaceAndComments(text, argumentStart);
                    var kind = OperandAfter(text, start, out var name, out var operandEnd);
                    if (start < i && text[start] == '"')
                    {
                        // A literal argument: judged by IsJoin.
                    }
                    else if (kind == Operand.NonConstant && string.CompareOrdinal(text, start, "new", 0, 3) != 0)
                    {
                        // The argument is, or starts an operator on, a call or an element access: no value for the call.
                        return false;
                    }
                    else if (kind != Operand.Name || SkipSpaceAndComments(text, operandEnd) < i || name == null || carriers.Contains(name, 0, name.Length))
                    {
                        mayJoin = true;
                    }

                    argumentStart = i + 1;
                }
            }

            return mayJoin;
        }

        /// <summary>
        /// Does a regular or verbatim literal open at <paramref name="i"/>? Such a literal next to a carrier is judged by its
        /// own run (<see cref="LiteralRun"/>), with the carrier's values: no join of its own is needed.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsPlainLiteralAt(string text, int i)
        {
            if (i + 1 < text.Length && text[i] == '@' && text[i + 1] == '"')
            {
                i++;
            }

            return i + 2 < text.Length && text[i] == '"' && !(text[i + 1] == '"' && text[i + 2] == '"');
        }

        /// <summary>Does a regular literal (not an empty, verbatim, interpolated or raw one) close at <paramref name="last"/>?</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsPlainLiteralEndingAt(string text, int last)
            => last >= 2 && text[last] == '"' && text[last - 1] != '"' && PlainLiteralOpening(text, last) >= 0;

        /// <summary>Is one of the ascending <paramref name="positions"/> in [start, end)?</summary>
        [MethodImpl(HotPath.CompileOptimized)]
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
            private readonly HashSet<int> _fingerprints = new HashSet<int>();

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
                        _fingerprints.Add(NameFingerprint(name, 0, name.Length));
                        Count++;
                    }
                }
            }

            /// <summary>Could the name with this <see cref="NameFingerprint"/> be one of these? Never false for one of them.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public bool MayName(int fingerprint) => fingerprint != 0 && _fingerprints.Contains(fingerprint);

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

            [MethodImpl(HotPath.CompileOptimized)]
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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsIdentifierCharacter(char c) => CredentialShape.IsAsciiLetterOrDigit(c) || c == '_' || c > 127;

        /// <summary>The identifier right before the operator at <paramref name="plus"/> (the last part of A.B); length 0 when none.</summary>
        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsInLineComment(string text, int quote)
        {
            var lineStart = quote == 0 ? 0 : text.LastIndexOf('\n', quote - 1) + 1;
            var comment = text.IndexOf("//", lineStart, quote - lineStart, StringComparison.Ordinal);
            return comment >= 0 && text.IndexOf('"', lineStart, comment - lineStart) < 0;
        }

        private static bool IsKeyCharacter(char c) => CredentialShape.IsKeyTextChar(c);

        /// <summary>Does a run of key characters in [start, end) hold an API key or a raw pair, escapes resolved?</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool HoldsCredentialRun(string text, int start, int end)
        {
            // Only runs of MinCredentialRun key characters or more count, so the test jumps: the character at the far end
            // of the window decides whether a long run can cover the window at all. Code and messages read a character
            // in thirty; a run is then walked once, in full.
            var i = start;
            while (end - i >= MinCredentialRun)
            {
                var far = i + MinCredentialRun - 1;
                if (!IsKeyCharacter(text[far]))
                {
                    i = far + 1;
                    continue;
                }

                var runStart = far;
                while (runStart > i && IsKeyCharacter(text[runStart - 1])) runStart--;
                if (runStart > i)
                {
                    // A non-key character inside the window: a long run can start no earlier than runStart.
                    i = runStart;
                    continue;
                }

                var runEnd = far + 1;
                while (runEnd < end && IsKeyCharacter(text[runEnd])) runEnd++;
                var escaped = text.IndexOf('\\', runStart, runEnd - runStart) >= 0;
                if (escaped ? UnescapedHoldsCredential(text.Substring(runStart, runEnd - runStart)) : IsCredential(text, runStart, runEnd))
                {
                    return true;
                }

                i = runEnd;
            }

            return false;
        }

        /// <summary>Does any run of key characters in a whole text (a settings file) hold an API key or a raw pair, C# escapes resolved?</summary>
        public static bool TextHoldsCredential(string text) => HoldsCredentialRun(text, 0, text.Length);

        /// <summary>A whole value (a constant or default of a referenced assembly) that is an API key or a raw pair.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsCredentialValue(string? value) => value != null && IsCredential(value, 0, value.Length);

        /// <summary>
        /// A whole value that may be a fragment of a key: at least <see cref="MinFragmentLength"/> key characters and nothing
        /// else. (A value has no escapes, so unlike literal text a backslash is no key character here.)
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsCredential(string text, int start, int end)
            => CredentialShape.FindApiKey(text, start, end).IsMatch ||
               (text.IndexOf(':', start, end - start) >= 0 && CredentialShape.MatchRawKeyPair(text, start, end).IsMatch);

        /// <summary>The run with C# escapes resolved (\x41, \u0041, \n ...), read again piece by piece.</summary>
        private static bool UnescapedHoldsCredential(string run) => ValueHoldsCredential(Unescape(run));

        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
        private static JoinKind IsJoin(string text, int quote, int end, ref LiteralRun run, List<int> fragments, out string[]? holeNames)
        {
            holeNames = null;
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
                        fragments.Add(run.Start);
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

            // An interpolation with a hole the rules never evaluate (a call, nameof, an element access, a format or an
            // alignment, '?'): StringValues gives the whole interpolation, and anything it is joined to, no value.
            if (interpolated && !IsRawLiteral(text, quote) && HasUnevaluatedHole(text, quote + 1, end))
            {
                return JoinKind.None;
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
            if ((interpolated || (argument && text.IndexOf('{', quote + 1, end - quote - 1) >= 0 && InCallOf(text, quote, "Format") && !HasUnevaluatedArgumentAfter(text, end))) &&
                HasJoiningHole(text, quote + 1, end))
            {
                // Holes that are names only: a join when every name may hold a value the rules know.
                holeNames = interpolated && !IsRawLiteral(text, quote) ? HoleNames(text, quote + 1, end) : null;
                return holeNames != null ? JoinKind.Bound : JoinKind.Always;
            }

            return (joinedAfter || interpolated || argument) && HasBasicBeforeValue(text, quote + 1, end, joinedAfter) &&
                   (joinedAfter || interpolated || InCallOf(text, quote, "Format"))
                ? JoinKind.Always
                : JoinKind.None;
        }

        /// <summary>
        /// Is there a "Basic" in [start, end) that a value follows: white space after it, then a hole, or the literal's end
        /// where <paramref name="joinedAfter"/> joins it to the next part?
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool HasBasicBeforeValue(string text, int start, int end, bool joinedAfter)
        {
            for (var i = IndexOfBasic(text, start, end); i >= 0; i = i + 5 < end ? IndexOfBasic(text, i + 5, end) : -1)
            {
                if (i > start && char.IsLetterOrDigit(text[i - 1]))
                {
                    continue;
                }

                var j = i + 5;
                while (j < end && (text[j] == ' ' || text[j] == '\t')) j++;
                if ((j == end && joinedAfter) || (j < end && text[j] == '{'))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The name in each hole of an interpolation's text [start, end) (the last part of A.B.C, <c>this.</c> allowed), when
        /// every hole is a plain name; null otherwise.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static string[]? HoleNames(string text, int start, int end)
        {
            var names = new List<string>();
            for (var i = NextHole(text, start, end); i >= 0; i = NextHole(text, i + 1, end))
            {
                var close = text.IndexOf('}', i + 1, end - i - 1);
                if (close < 0)
                {
                    return null;
                }

                string? last = null;
                var j = i + 1;
                while (true)
                {
                    while (j < close && char.IsWhiteSpace(text[j])) j++;
                    var wordStart = j;
                    while (j < close && IsIdentifierCharacter(text[j])) j++;
                    if (j == wordStart || char.IsDigit(text[wordStart]))
                    {
                        return null;
                    }

                    last = text.Substring(wordStart, j - wordStart);
                    while (j < close && char.IsWhiteSpace(text[j])) j++;
                    if (j < close && text[j] == '.')
                    {
                        j++;
                        continue;
                    }

                    break;
                }

                if (j != close)
                {
                    return null;
                }

                names.Add(last);
                i = close;
            }

            return names.Count > 0 ? names.ToArray() : null;
        }

        /// <summary>
        /// Is an argument after the format literal that closes at <paramref name="end"/> a call or an element access
        /// (not <c>new</c>)? StringValues then gives the formatted string no value.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool HasUnevaluatedArgumentAfter(string text, int end)
        {
            var i = SkipSpaceAndComments(text, end + 1);
            while (i < text.Length && text[i] == ',')
            {
                var start = SkipSpaceAndComments(text, i + 1);
                var kind = OperandAfter(text, start, out _, out var operandEnd);
                if (kind == Operand.NonConstant && string.CompareOrdinal(text, start, "new", 0, 3) != 0)
                {
                    return true;
                }

                if (kind != Operand.Name)
                {
                    return false;
                }

                i = SkipSpaceAndComments(text, operandEnd);
            }

            return false;
        }

        /// <summary>The '{' that opens the next hole of an interpolation's text in [from, end) ("{{" is a brace, not a hole); -1 when none.</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static int NextHole(string text, int from, int end)
        {
            for (var i = from; i < end; i++)
            {
                if (text[i] != '{')
                {
                    continue;
                }

                if (i + 1 < end && text[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                return i;
            }

            return -1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsRawLiteral(string text, int quote)
            => quote + 2 < text.Length && text[quote + 1] == '"' && text[quote + 2] == '"';

        /// <summary>
        /// Does an interpolation's text [start, end) hold a hole StringValues does not evaluate: a call or nameof, an element
        /// access, a '?' (conditional access, '??'), a format (':') or an alignment (',') outside brackets? Holes that are
        /// names, member accesses or parenthesised groups without those are read as evaluated.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool HasUnevaluatedHole(string text, int start, int end)
        {
            for (var i = NextHole(text, start, end); i >= 0; i = NextHole(text, i + 1, end))
            {
                var depth = 0;
                for (var j = i + 1; j < end; j++)
                {
                    var c = text[j];
                    if (c == '}' && depth == 0)
                    {
                        i = j;
                        break;
                    }

                    switch (c)
                    {
                        case '(':
                            var k = j - 1;
                            while (k > i && char.IsWhiteSpace(text[k])) k--;
                            if (IsIdentifierCharacter(text[k]) || text[k] == '>')
                            {
                                return true;
                            }

                            depth++;
                            break;
                        case '[':
                            return true;
                        case ')':
                            depth--;
                            break;
                        case '?':
                            if (depth == 0)
                            {
                                return true;
                            }

                            break;
                        case ':':
                        case ',':
                            if (depth == 0 && !(c == ':' && ((j + 1 < end && text[j + 1] == ':') || text[j - 1] == ':')))
                            {
                                return true;
                            }

                            break;
                    }
                }
            }

            return false;
        }

        /// <summary>Does a value (escapes already resolved) hold a run of key characters that is an API key or a raw pair?</summary>
        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool NameEndsAt(string text, int parenthesis, string name)
        {
            var end = parenthesis;
            while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
            var start = end - name.Length;
            return start >= 0 && string.CompareOrdinal(text, start, name, 0, name.Length) == 0 && (start == 0 || !IsIdentifierCharacter(text[start - 1]));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int IndexOfBasic(string text, int start, int end)
            => text.IndexOf("basic", start, end - start, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// A hole whose outside touches another hole or a key character that can carry a key or a pair on: "{a}{b}",
        /// "key{n}", "{id}:{secret}", "{id}:abc". A ':' with no key character or hole beyond it ("{count}: failed") ends
        /// there: no key holds a ':', and a pair needs its secret after it.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool CarriesOn(string text, int at, char beyond)
            => text[at] == ':' ? beyond == '{' || beyond == '}' || (IsKeyCharacter(beyond) && beyond != ':') : IsKeyCharacter(text[at]);

        /// <summary>
        /// The code character before a literal's opening quote, past white space, the other quotes of a raw literal's
        /// opening and the $/@ prefixes; and the first one past '(' too (a parenthesised part: <c>x + ("...")</c>).
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
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
        [MethodImpl(HotPath.CompileOptimized)]
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

        [MethodImpl(HotPath.CompileOptimized)]
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
