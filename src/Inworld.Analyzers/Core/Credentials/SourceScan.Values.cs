using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Inworld.Analyzers.Core
{
    internal sealed partial class SourceScan
    {
        /// <summary>The length of a run of key characters that nothing bounds (a value the text does not give); far below int overflow when added up.</summary>
        private const int Unbounded = int.MaxValue / 4;

        /// <summary>A key character of a value (escapes resolved): what <see cref="ValueHoldsCredential"/> reads a credential from.</summary>
        private static bool IsValueKeyCharacter(char c) => CredentialShape.IsBase64Char(c) || c == ':';

        /// <summary>
        /// What a value, or every value a name may hold, offers a key that runs through a join: the key characters at its
        /// start and at its end, and whether the whole of it is key characters (then a key can run on past it, into what
        /// stands on its other side). One value is read exactly; a name's values are merged by taking the most of each
        /// (a superset of what any one of them offers). <see cref="Any"/> stands for a value the text does not give.
        /// </summary>
        internal readonly struct ValueShape
        {
            /// <summary>A name with more values than this is judged by its shape alone.</summary>
            private const int MaxValues = 256;

            private ValueShape(bool any, int prefix, int suffix, int wholeLength, string[]? values)
            {
                Any = any;
                Prefix = prefix;
                Suffix = suffix;
                WholeLength = wholeLength;
                Values = values;
            }

            /// <summary>A value the text does not give (a constant built from other names, a referenced assembly's constant).</summary>
            public static ValueShape AnyValue { get; } = new ValueShape(true, Unbounded, Unbounded, Unbounded, null);

            /// <summary>The values themselves, when there are few; null when there are too many or any value.</summary>
            public string[]? Values { get; }

            public bool Any { get; }

            /// <summary>Key characters at the start (the whole length when every character is one).</summary>
            public int Prefix { get; }

            /// <summary>Key characters at the end (the whole length when every character is one).</summary>
            public int Suffix { get; }

            /// <summary>The length of the longest value made only of key characters ("" included); -1 when there is none.</summary>
            public int WholeLength { get; }

            public bool MayBeWhole => WholeLength >= 0;

            [MethodImpl(HotPath.CompileOptimized)]
            public static ValueShape Of(string value)
            {
                var prefix = 0;
                while (prefix < value.Length && IsValueKeyCharacter(value[prefix])) prefix++;
                if (prefix == value.Length)
                {
                    return new ValueShape(false, prefix, prefix, prefix, new[] { value });
                }

                var suffix = 0;
                while (suffix < value.Length && IsValueKeyCharacter(value[value.Length - 1 - suffix])) suffix++;
                return new ValueShape(false, prefix, suffix, -1, new[] { value });
            }

            [MethodImpl(HotPath.CompileOptimized)]
            public ValueShape Or(ValueShape other)
            {
                if (Any || other.Any)
                {
                    return AnyValue;
                }

                string[]? values = null;
                if (Values != null && other.Values != null)
                {
                    var merged = new List<string>(Values);
                    foreach (var value in other.Values)
                    {
                        if (!merged.Contains(value))
                        {
                            merged.Add(value);
                        }
                    }

                    values = merged.Count <= MaxValues ? merged.ToArray() : null;
                }

                return new ValueShape(false, Math.Max(Prefix, other.Prefix), Math.Max(Suffix, other.Suffix), Math.Max(WholeLength, other.WholeLength), values);
            }
        }

        /// <summary>
        /// The names of a compilation that may hold a value the rules know (<c>StringValues</c>: a constant, or a read-only
        /// field, a get-only property or a local initialised with a literal), each with the shape of every value the text
        /// gives it (<see cref="ValueShape"/>). Names are matched by spelling, so a name stands for every declaration of
        /// that name; a constant whose initialiser is not a plain literal, and a referenced assembly's constant, may hold
        /// any value.
        /// </summary>
        internal sealed class KnownValues
        {
            private readonly Dictionary<string, ValueShape> _shapes = new Dictionary<string, ValueShape>(StringComparer.Ordinal);

            public int Count => _shapes.Count;

            public IEnumerable<string> Names => _shapes.Keys;

            /// <summary>Names that may hold any value: what a test or a referenced assembly's constants give.</summary>
            [MethodImpl(HotPath.CompileOptimized)]
            public static KnownValues AnyValueOf(IEnumerable<string> names)
            {
                var known = new KnownValues();
                foreach (var name in names)
                {
                    known.Add(name, ValueShape.AnyValue);
                }

                return known;
            }

            public bool Contains(string name) => _shapes.ContainsKey(name);

            public bool TryGet(string name, out ValueShape shape) => _shapes.TryGetValue(name, out shape);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public void Add(string name, ValueShape shape)
                => _shapes[name] = _shapes.TryGetValue(name, out var known) ? known.Or(shape) : shape;

            [MethodImpl(HotPath.CompileOptimized)]
            public void UnionWith(KnownValues other)
            {
                foreach (var pair in other._shapes)
                {
                    Add(pair.Key, pair.Value);
                }
            }
        }

        /// <summary>
        /// The value the declaration whose '=' is at <paramref name="equals"/> gives its name, as StringValues reads it. A
        /// plain literal, or a run of plain literals joined by '+', is read exactly; a raw literal may be any value.
        /// Anything else (an expression, an interpolation, a literal joined to a name) is any value for a
        /// <paramref name="constant"/>, which folds it, and null, no value, for any other name, which gets one only from a
        /// single literal.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static ValueShape? DeclaredValue(string text, int equals, bool constant)
        {
            var i = SkipSpaceAndComments(text, equals + 1);
            if (i + 1 < text.Length && text[i] == '@' && text[i + 1] == '"')
            {
                i++;
            }

            if (i >= text.Length || text[i] != '"' || (i > 0 && text[i - 1] == '$'))
            {
                return constant ? ValueShape.AnyValue : (ValueShape?)null;
            }

            if (IsRawLiteral(text, i))
            {
                return ValueShape.AnyValue;
            }

            // A single literal after '=' always reads (LiteralRun); one that does not is no initialiser of valid code, such
            // as a '=' inside a literal ("count = " + n).
            var run = LiteralRun.Read(text, i);
            return run.Readable && run.Whole ? ValueShape.Of(run.Value) : constant ? ValueShape.AnyValue : (ValueShape?)null;
        }
    }
}
