using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace Inworld.Analyzers.Core
{
    internal sealed partial class SourceScan
    {
        /// <summary>What stands across a '+' from a run of literals.</summary>
        private enum Operand : byte
        {
            /// <summary>No '+': the run ends there.</summary>
            None,

            /// <summary>A name (the last part of A.B.C): a known value only when a constant or an initialiser gives it one.</summary>
            Name,

            /// <summary>A call (not nameof), an element access, an object creation: never a value the rules know.</summary>
            NonConstant,

            /// <summary>Anything this reader does not pair with certainty (parentheses, a cast, a number, an interpolation...).</summary>
            Unknown,
        }

        private static readonly string[] KeywordsBeforeParentheses =
        {
            "return", "await", "case", "in", "is", "as", "throw", "yield", "else", "when", "and", "or", "not", "select", "where",
            "let", "from", "on", "equals", "by", "group", "into", "orderby", "join", "switch", "using", "lock", "if", "while",
            "for", "foreach", "nameof", "default", "sizeof", "checked", "unchecked", "typeof", "out", "ref",
        };

        /// <summary>
        /// The plain literals joined by bare '+' around one literal (<c>"0011" + "2233"</c>, <c>a + "with" + b.Name</c>), their
        /// joined text, and what stands beyond them on each side. The compiler folds the literals into one constant; a
        /// key or a pair can only run on through a side where the other value is known to the rules (a constant, or a
        /// field, property or local initialised with a literal). The reader errs towards <see cref="Operand.Unknown"/>.
        /// </summary>
        private struct LiteralRun
        {
            private int _end;

            /// <summary>The opening quote of the run's first literal.</summary>
            public int Start { get; private set; }

            /// <summary>False when the literals could not be paired with certainty: the literal is a join, as before.</summary>
            public bool Readable { get; private set; }

            public string Value { get; private set; }

            public Operand Before { get; private set; }

            public Operand After { get; private set; }

            public string? BeforeName { get; private set; }

            public string? AfterName { get; private set; }

            /// <summary>The part across the '+' before the run is never a value the rules know (a call, an element access...).</summary>
            public bool BeforeCutsValue { get; private set; }

            /// <summary>The part across the '+' after the run is never a value the rules know.</summary>
            public bool AfterCutsValue { get; private set; }

            /// <summary>Nothing but literals: the whole value is one constant written here.</summary>
            public bool Whole { get; private set; }

            /// <summary>Was this run read for the literal at <paramref name="quote"/> (a later literal of the same run)?</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public bool Holds(int quote) => _end > 0 && quote >= Start && quote < _end;

            /// <summary>
            /// The joined text holds an API key or a raw pair, or a '{' in an argument of string.Format, or ends in "Basic"
            /// before a part this reader cannot pair (judged once per run).
            /// </summary>
            public bool MayHoldCredential { get; private set; }

            /// <summary>The joined text ends in the word "Basic" (white space after it allowed) and a name follows: a scheme put before a known value.</summary>
            public bool BasicBeforeName { get; private set; }

            /// <summary>What the joined text offers a key running through its ends.</summary>
            public ValueShape Shape { get; private set; }

            /// <summary>
            /// How many key characters what is joined by '+' beyond the name before the run (<c>a + Name + "..."</c>) may add
            /// to a key that runs through that name: 0 when nothing is, a literal's own count, else <see cref="Unbounded"/>.
            /// </summary>
            public int BeyondBefore { get; private set; }

            /// <summary>Like <see cref="BeyondBefore"/>, beyond the name after the run.</summary>
            public int BeyondAfter { get; private set; }

            /// <summary>The value of the literal beyond the name before the run, when nothing further can reach the run; else null.</summary>
            public string? BeyondBeforeText { get; private set; }

            /// <summary>Like <see cref="BeyondBeforeText"/>, after the run.</summary>
            public string? BeyondAfterText { get; private set; }

            // One builder per thread for the joined values: the scan reads thousands of runs per compilation, and a run
            // abandoned half-way (unreadable) only leaves its builder to the collector.
            [ThreadStatic]
            private static StringBuilder? t_valueBuilder;

            [MethodImpl(HotPath.CompileOptimized)]
            public static LiteralRun Read(string text, int quote)
            {
                var unreadable = new LiteralRun { Start = quote, _end = quote + 1, Value = string.Empty };
                var run = new LiteralRun { Value = string.Empty };
                var start = quote;
                while (true)
                {
                    var previous = PreviousLiteral(text, start, out var before, out var beforeName);
                    if (previous == -2)
                    {
                        return unreadable;
                    }

                    if (previous == -1)
                    {
                        run.Before = before;
                        run.BeforeName = beforeName;
                        if (before == Operand.Name)
                        {
                            run.BeyondBefore = BeyondNameBefore(text, start, out var beyondText);
                            run.BeyondBeforeText = beyondText;
                        }

                        break;
                    }

                    start = previous;
                }

                if (run.Before == Operand.None)
                {
                    // "x + ("a" + "b")": the run is joined past a parenthesis.
                    CodeBefore(text, start, out var interpolated, out var pastParentheses);
                    if (interpolated)
                    {
                        return unreadable;
                    }

                    if (pastParentheses == '+')
                    {
                        run.Before = Operand.Unknown;
                    }
                }

                var value = t_valueBuilder?.Clear() ?? new StringBuilder();
                t_valueBuilder = null;
                var visited = false;
                var opening = start;
                while (true)
                {
                    visited |= opening == quote;
                    var close = AppendLiteral(text, opening, value);
                    if (close < 0)
                    {
                        return unreadable;
                    }

                    var i = SkipSpaceAndComments(text, close + 1);
                    if (i < text.Length && (text[i] == 'u' || text[i] == '"'))
                    {
                        return unreadable;
                    }

                    if (i < text.Length && text[i] == '+' && (i + 1 >= text.Length || (text[i + 1] != '+' && text[i + 1] != '=')))
                    {
                        i = SkipSpaceAndComments(text, i + 1);
                        if (i + 1 < text.Length && text[i] == '@' && text[i + 1] == '"')
                        {
                            i++;
                        }

                        if (i < text.Length && text[i] == '"')
                        {
                            opening = i;
                            continue;
                        }

                        run.After = OperandAfter(text, i, out var afterName, out var afterEnd);
                        run.AfterName = afterName;
                        if (run.After == Operand.Name)
                        {
                            run.BeyondAfter = BeyondNameAfter(text, afterEnd, out var beyondText);
                            run.BeyondAfterText = beyondText;
                        }

                    }
                    else
                    {
                        var next = CodeAfter(text, close, out var pastParentheses);
                        run.After = pastParentheses == '+' && !(next == ')' && (IsArgument(text, start) || IsConditionalBranch(text, start))) ? Operand.Unknown : Operand.None;
                    }

                    if (!visited)
                    {
                        return unreadable;
                    }

                    run.Start = start;
                    run._end = close + 1;
                    run.Readable = true;
                    run.Whole = run.Before == Operand.None && run.After == Operand.None;
                    run.BeforeCutsValue = run.Before == Operand.NonConstant;
                    run.AfterCutsValue = run.After == Operand.NonConstant;
                    run.Value = value.ToString();
                    if (value.Capacity <= 4096)
                    {
                        t_valueBuilder = value;
                    }

                    run.Shape = ValueShape.Of(run.Value);

                    // "Basic" matters only where a value follows it ("Basic " + key); '{' only where the run is a format.
                    var basicAtEnd = EndsWithBasic(run.Value) && run.After != Operand.None && run.After != Operand.NonConstant;
                    run.MayHoldCredential = ValueHoldsCredential(run.Value) || (basicAtEnd && run.After == Operand.Unknown) ||
                                            (run.Value.IndexOf('{') >= 0 && ((run.Whole && InitialisesAName(text, start)) || InCallOf(text, start, "Format")));
                    run.BasicBeforeName = basicAtEnd && run.After == Operand.Name;

                    // A side where the joined text does not end in a key character cannot carry a key through (the
                    // literal's own text, not the value: an escape there is a backslash, a key character as before).
                    if (!IsKeyCharacter(text[start + 1]))
                    {
                        run.Before = Operand.NonConstant;
                        run.BeforeName = null;
                    }

                    if (!IsKeyCharacter(text[close - 1]) && !run.BasicBeforeName)
                    {
                        run.After = Operand.NonConstant;
                        run.AfterName = null;
                    }

                    return run;
                }
            }

            /// <summary>
            /// The opening quote of the plain literal joined by a bare '+' right before the literal opened at
            /// <paramref name="quote"/>; -1 when the run starts there (<paramref name="operand"/> says what stands before
            /// it); -2 when the literal before cannot be paired with certainty.
            /// </summary>
            [MethodImpl(HotPath.CompileOptimized)]
            private static int PreviousLiteral(string text, int quote, out Operand operand, out string? name)
            {
                operand = Operand.None;
                name = null;
                var i = quote - 1;
                if (i >= 0 && text[i] == '@')
                {
                    i--;
                }

                i = SkipSpaceAndCommentsBack(text, i);
                if (i < 0 || text[i] != '+')
                {
                    return -1;
                }

                if (i > 0 && text[i - 1] == '+')
                {
                    operand = Operand.Unknown;
                    return -1;
                }

                i = SkipSpaceAndCommentsBack(text, i - 1);
                if (i < 0)
                {
                    operand = Operand.Unknown;
                    return -1;
                }

                if (text[i] != '"')
                {
                    operand = OperandBefore(text, i, out name);
                    return -1;
                }

                // The closing quote at i: its opening is the nearest quote before it on the line that no backslash escapes
                // (a regular literal); the forward read from the run's start then checks the pairing.
                for (var j = i - 1; j >= 0; j--)
                {
                    var c = text[j];
                    if (c == '\n')
                    {
                        return -2;
                    }

                    if (c != '"')
                    {
                        continue;
                    }

                    var backslashes = 0;
                    while (j - 1 - backslashes >= 0 && text[j - 1 - backslashes] == '\\') backslashes++;
                    if (backslashes % 2 == 1)
                    {
                        continue;
                    }

                    var prefix = j > 0 ? text[j - 1] : '\0';
                    if (prefix == '"' || prefix == '$')
                    {
                        return -2;
                    }

                    return prefix == '@' ? (j > 1 && text[j - 2] == '$' ? -2 : j) : j;
                }

                return -2;
            }
        }

        /// <summary>
        /// The last code character at or before <paramref name="i"/>, past white space and /* */ comments (a line comment
        /// cannot be seen from its end: its text is read as code, which only makes more joins).
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static int SkipSpaceAndCommentsBack(string text, int i)
        {
            while (i >= 0)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    i--;
                }
                else if (text[i] == '/' && i > 0 && text[i - 1] == '*')
                {
                    var open = i >= 3 ? text.LastIndexOf("/*", i - 2, StringComparison.Ordinal) : -1;
                    if (open < 0)
                    {
                        return i;
                    }

                    i = open - 1;
                }
                else
                {
                    break;
                }
            }

            return i;
        }

        /// <summary>The operand whose last character is at <paramref name="last"/>, right before a '+'.</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static Operand OperandBefore(string text, int last, out string? name)
        {
            name = null;
            var c = text[last];
            if (c == ')' || c == ']')
            {
                // A group or an index with a literal inside is found again by stepping over the literals.
                var open = MatchingOpenBefore(text, last);
                if (open < 0 && (open = MatchingOpenBefore(text, last, overLiterals: true)) < 0)
                {
                    return Operand.Unknown;
                }

                var j = open - 1;
                while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
                if (j < 0)
                {
                    return Operand.Unknown;
                }

                if (c == ']')
                {
                    // a[i], Call()[i]: an element access. "[...]" after anything else (a collection expression) is not read.
                    return IsIdentifierCharacter(text[j]) || text[j] == ')' || text[j] == ']' ? Operand.NonConstant : Operand.Unknown;
                }

                if (!IsIdentifierCharacter(text[j]))
                {
                    // (a - b), (n * 8): a number, which the rules never join into a string value. (a + b), (string)x,
                    // Call<T>(): not read.
                    return GroupOperand(text, open, last);
                }

                var wordEnd = j + 1;
                while (j >= 0 && IsIdentifierCharacter(text[j])) j--;
                var word = text.Substring(j + 1, wordEnd - j - 1);
                return Array.IndexOf(KeywordsBeforeParentheses, word) >= 0 || char.IsDigit(word[0]) ? Operand.Unknown : Operand.NonConstant;
            }

            if (!IsIdentifierCharacter(c))
            {
                return Operand.Unknown;
            }

            var end = last + 1;
            var k = last;
            while (k >= 0 && IsIdentifierCharacter(text[k])) k--;
            if (char.IsDigit(text[k + 1]))
            {
                // A number ("8 + ...", "1.1 + ..."): the rules join no number into a string value.
                return Operand.NonConstant;
            }

            if (k >= 0 && (text[k] == '!' || text[k] == '?'))
            {
                // x!.Name, x?.Name: not read.
                return Operand.Unknown;
            }

            name = text.Substring(k + 1, end - k - 1);
            return Operand.Name;
        }

        /// <summary>
        /// The operand that starts at <paramref name="start"/>, right after a '+'; <paramref name="end"/> is the first code
        /// character after a name's member access chain.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static Operand OperandAfter(string text, int start, out string? name, out int end)
        {
            name = null;
            end = start;
            var i = start;
            var kind = Operand.Unknown;
            var first = true;
            while (true)
            {
                if (i < text.Length && text[i] == '@')
                {
                    i++;
                }

                if (first && i < text.Length && text[i] == '(')
                {
                    var groupEnd = MatchingCloseAfter(text, i);
                    return groupEnd < 0 ? Operand.Unknown : GroupOperand(text, i, groupEnd);
                }

                var wordStart = i;
                while (i < text.Length && IsIdentifierCharacter(text[i])) i++;
                if (i == wordStart)
                {
                    return Operand.Unknown;
                }

                if (char.IsDigit(text[wordStart]))
                {
                    // A number: the rules join no number into a string value (StringValues reads string literals only).
                    return first ? Operand.NonConstant : Operand.Unknown;
                }

                var word = text.Substring(wordStart, i - wordStart);
                if (first && (word == "new" || word == "await" || word == "this" || word == "base"))
                {
                    // An object creation is never a constant; "this.X" and "base.X" are read from their member.
                    if (word == "new")
                    {
                        return Operand.NonConstant;
                    }

                    if (word == "await")
                    {
                        return Operand.Unknown;
                    }
                }

                first = false;
                kind = Operand.Name;
                name = word;
                i = SkipSpaceAndComments(text, i);
                while (i < text.Length && (text[i] == '(' || text[i] == '['))
                {
                    if (text[i] == '(' && (kind == Operand.Name && Array.IndexOf(KeywordsBeforeParentheses, name) >= 0))
                    {
                        return Operand.Unknown;
                    }

                    var close = MatchingCloseAfter(text, i);
                    if (close < 0)
                    {
                        return Operand.Unknown;
                    }

                    kind = Operand.NonConstant;
                    name = null;
                    i = SkipSpaceAndComments(text, close + 1);
                }

                if (i < text.Length && text[i] == '.')
                {
                    i = SkipSpaceAndComments(text, i + 1);
                    continue;
                }

                if (i < text.Length && (text[i] == '?' || text[i] == '!' || text[i] == '<'))
                {
                    // a?.b, a!.b, a ?? b, Generic<T>(): not read (a '?' of a conditional ends the operand, but is rare here).
                    return Operand.Unknown;
                }

                end = i;
                return kind;
            }
        }

        /// <summary>
        /// What the parenthesised group [open, close] is as a part of a concatenation: a number's expression, a conditional
        /// (<c>(a ? "x" : "y")</c>, <c>a ?? b</c>, <c>a?.B</c>: StringValues evaluates none of them) or a group followed by a
        /// call (<c>(n &amp; 0xff).ToString("X")</c>) is never a value the rules know; anything else is not read.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static Operand GroupOperand(string text, int open, int close)
        {
            var after = SkipSpaceAndComments(text, close + 1);
            if (after < text.Length && text[after] == '.')
            {
                var i = SkipSpaceAndComments(text, after + 1);
                var wordStart = i;
                while (i < text.Length && IsIdentifierCharacter(text[i])) i++;
                i = SkipSpaceAndComments(text, i);
                return i > wordStart && i < text.Length && text[i] == '(' ? Operand.NonConstant : Operand.Unknown;
            }

            if (after < text.Length && (text[after] == '?' || text[after] == '['))
            {
                return Operand.Unknown;
            }

            return IsArithmetic(text, open + 1, close) || HasTopLevelQuestionMark(text, open + 1, close) ? Operand.NonConstant : Operand.Unknown;
        }

        /// <summary>A '?' in [start, end) outside brackets and regular literals: the group is a conditional, a '??' or a '?.'.</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool HasTopLevelQuestionMark(string text, int start, int end)
        {
            var depth = 0;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c == '(' || c == '[' || c == '{')
                {
                    depth++;
                }
                else if (c == ')' || c == ']' || c == '}')
                {
                    depth--;
                }
                else if (c == '"')
                {
                    if (i > 0 && (text[i - 1] == '@' || text[i - 1] == '$'))
                    {
                        return false;
                    }

                    i++;
                    while (i < end && text[i] != '"' && text[i] != '\n')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }
                }
                else if (c == '\'')
                {
                    return false;
                }
                else if (c == '?' && depth == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Is the literal opened at <paramref name="quote"/> a branch of a conditional (right after its '?' or ':')?</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsConditionalBranch(string text, int quote)
        {
            var before = CodeBefore(text, quote, out _, out _);
            return before == '?' || before == ':';
        }

        /// <summary>
        /// What is joined by '+' beyond the name (with its member access chain) that ends right before the run opened at
        /// <paramref name="runStart"/> (<see cref="LiteralRun.BeyondBefore"/>). Past '(' and casts; a keyword, an operator of
        /// lower precedence or a delimiter ends the concatenation there. A plain literal beyond adds the key characters at
        /// its end (all of them, and what is beyond it, when it is all key characters); <paramref name="beyondText"/> is its
        /// value when nothing further reaches the run ("" when nothing is joined beyond the name).
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static int BeyondNameBefore(string text, int runStart, out string? beyondText)
        {
            beyondText = null;
            var i = SkipSpaceAndCommentsBack(text, runStart - 1);
            if (i >= 0 && text[i] == '@')
            {
                i = SkipSpaceAndCommentsBack(text, i - 1);
            }

            if (i < 0 || text[i] != '+')
            {
                return Unbounded;
            }

            i = SkipSpaceAndCommentsBack(text, i - 1);
            while (true)
            {
                while (i >= 0 && IsIdentifierCharacter(text[i])) i--;
                i = SkipSpaceAndCommentsBack(text, i);
                if (i >= 0 && text[i] == '.')
                {
                    i = SkipSpaceAndCommentsBack(text, i - 1);
                    continue;
                }

                break;
            }

            return BeyondBefore(text, i, 0, out beyondText);
        }

        /// <summary>What is joined beyond the code that ends after <paramref name="i"/> (reading backwards), <paramref name="depth"/> literals out.</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static int BeyondBefore(string text, int i, int depth, out string? beyondText)
        {
            beyondText = null;
            while (i >= 0 && (text[i] == '(' || char.IsWhiteSpace(text[i]))) i--;
            if (i < 0 || IsIdentifierCharacter(text[i]) || ",=;{}[?:!&|<>*/%-^~".IndexOf(text[i]) >= 0)
            {
                beyondText = string.Empty;
                return 0;
            }

            if (text[i] != '+' || depth > 0)
            {
                return Unbounded;
            }

            var last = SkipSpaceAndCommentsBack(text, i - 1);
            var opening = last >= 1 ? PlainLiteralOpening(text, last) : -1;
            if (opening < 0)
            {
                return Unbounded;
            }

            var value = new StringBuilder();
            if (AppendLiteral(text, opening, value) != last)
            {
                return Unbounded;
            }

            var literal = value.ToString();
            var shape = ValueShape.Of(literal);
            if (!shape.MayBeWhole)
            {
                beyondText = literal;
                return shape.Suffix;
            }

            // All key characters ("-----" or ""): the run may go on past this literal too, unless nothing is joined there.
            var further = BeyondBefore(text, SkipSpaceAndCommentsBack(text, opening - 1), depth + 1, out var furtherText);
            if (furtherText == null)
            {
                return Unbounded;
            }

            beyondText = literal;
            return literal.Length + further;
        }

        /// <summary>What is joined by '+' beyond a name whose chain ends at <paramref name="i"/> (past closing parentheses); see <see cref="BeyondNameBefore"/>.</summary>
        private static int BeyondNameAfter(string text, int i, out string? beyondText)
            => BeyondAfter(text, i, 0, out beyondText);

        [MethodImpl(HotPath.CompileOptimized)]
        private static int BeyondAfter(string text, int i, int depth, out string? beyondText)
        {
            beyondText = null;
            i = SkipSpaceAndComments(text, i);
            while (i < text.Length && text[i] == ')')
            {
                i = SkipSpaceAndComments(text, i + 1);
            }

            if (i >= text.Length || text[i] == ';' || text[i] == ',' || text[i] == ']' || text[i] == '}' || text[i] == ':' || text[i] == '?' || text[i] == '=')
            {
                beyondText = string.Empty;
                return 0;
            }

            if (text[i] != '+' || depth > 0 || (i + 1 < text.Length && (text[i + 1] == '+' || text[i + 1] == '=')))
            {
                return Unbounded;
            }

            var next = SkipSpaceAndComments(text, i + 1);
            var verbatim = next + 1 < text.Length && text[next] == '@' && text[next + 1] == '"';
            var opening = verbatim ? next + 1 : next;
            if (opening >= text.Length || text[opening] != '"' || (!verbatim && next > 0 && text[next - 1] == '$') || IsRawLiteral(text, opening))
            {
                return Unbounded;
            }

            var value = new StringBuilder();
            var close = AppendLiteral(text, opening, value);
            if (close < 0)
            {
                return Unbounded;
            }

            var literal = value.ToString();
            var shape = ValueShape.Of(literal);
            if (!shape.MayBeWhole)
            {
                beyondText = literal;
                return shape.Prefix;
            }

            var further = BeyondAfter(text, close + 1, depth + 1, out var furtherText);
            if (furtherText == null)
            {
                return Unbounded;
            }

            beyondText = literal;
            return literal.Length + further;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsEmptyLiteral(string text, int opening)
            => opening + 1 < text.Length && text[opening + 1] == '"' && (opening + 2 >= text.Length || text[opening + 2] != '"');

        /// <summary>The opening quote of the regular or verbatim literal (not interpolated or raw) that closes at <paramref name="last"/>; -1 when not certain.</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static int PlainLiteralOpening(string text, int last)
        {
            if (text[last] != '"')
            {
                return -1;
            }

            if (text[last - 1] == '"')
            {
                // "": an empty regular literal (not the end of a raw or verbatim one).
                var before = last >= 2 ? text[last - 2] : '\0';
                return before != '"' && before != '@' && before != '$' && before != '\\' ? last - 1 : -1;
            }

            for (var j = last - 1; j >= 0 && text[j] != '\n'; j--)
            {
                if (text[j] != '"')
                {
                    continue;
                }

                var backslashes = 0;
                while (j - 1 - backslashes >= 0 && text[j - 1 - backslashes] == '\\') backslashes++;
                if (backslashes % 2 == 1)
                {
                    continue;
                }

                return j > 0 && (text[j - 1] == '$' || text[j - 1] == '"' || text[j - 1] == '@') ? -1 : j;
            }

            return -1;
        }

        /// <summary>Does the value end in the word "Basic", white space after it allowed?</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool EndsWithBasic(string value)
        {
            var end = value.Length;
            while (end > 0 && char.IsWhiteSpace(value[end - 1])) end--;
            const string basic = "basic";
            return end >= basic.Length && string.Compare(value, end - basic.Length, basic, 0, basic.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
                   (end == basic.Length || !char.IsLetterOrDigit(value[end - basic.Length - 1]));
        }

        /// <summary>
        /// Is [start, end) a number's expression: names, digits, member access and - * / % &amp; | ^ &lt;&lt; &gt;&gt; (at least one
        /// of them), with no '+', literal, call or conditional that could make it a string?
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsArithmetic(string text, int start, int end)
        {
            var operators = 0;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if ("-*/%&|^".IndexOf(c) >= 0 || (c == '<' && i + 1 < end && text[i + 1] == '<') || (c == '>' && i + 1 < end && text[i + 1] == '>'))
                {
                    operators++;
                    if (c == '<' || c == '>')
                    {
                        i++;
                    }

                    continue;
                }

                if (!(IsIdentifierCharacter(c) || char.IsWhiteSpace(c) || c == '.' || c == '(' || c == ')'))
                {
                    return false;
                }
            }

            return operators > 0;
        }

        /// <summary>Is the literal opened at <paramref name="quote"/> an argument of a call ("Name(" or ", " before it)?</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static bool IsArgument(string text, int quote)
        {
            var i = quote - 1;
            while (i >= 0 && (text[i] == '@' || char.IsWhiteSpace(text[i]))) i--;
            if (i < 0)
            {
                return false;
            }

            if (text[i] == ',')
            {
                return true;
            }

            if (text[i] != '(')
            {
                return false;
            }

            i--;
            while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
            if (i < 0 || !IsIdentifierCharacter(text[i]))
            {
                return false;
            }

            var end = i + 1;
            while (i >= 0 && IsIdentifierCharacter(text[i])) i--;
            return Array.IndexOf(KeywordsBeforeParentheses, text.Substring(i + 1, end - i - 1)) < 0;
        }

        /// <summary>
        /// The '(' or '[' that the ')' or ']' at <paramref name="close"/> closes, on a few lines back; -1 when not certain. A
        /// literal between them makes it uncertain, unless <paramref name="overLiterals"/>: then each literal is stepped over
        /// to the nearest quote before it on its line (no line break is crossed), and the forward matcher, which reads the
        /// literals properly, must confirm the pair.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static int MatchingOpenBefore(string text, int close, bool overLiterals = false)
        {
            const int MaxLookBack = 2000;
            var limit = Math.Max(0, close - MaxLookBack);
            var depth = 0;
            for (var i = close; i >= limit; i--)
            {
                switch (text[i])
                {
                    case ')':
                    case ']':
                        depth++;
                        break;
                    case '(':
                    case '[':
                        if (--depth == 0)
                        {
                            return !overLiterals || MatchingCloseAfter(text, i) == close ? i : -1;
                        }

                        break;
                    case '"' when overLiterals:
                        var opening = text.LastIndexOf('"', i - 1, Math.Max(0, i - Math.Max(limit, text.LastIndexOf('\n', Math.Max(0, i - 1)) + 1)));
                        if (opening < 0)
                        {
                            return -1;
                        }

                        i = opening;
                        break;
                    case '\n' when overLiterals:
                    case '"':
                    case '\'':
                    case ';':
                    case '{':
                    case '}':
                        // A literal inside could hold brackets; a statement boundary means the pairing failed.
                        return -1;
                }
            }

            return -1;
        }

        /// <summary>The ')' or ']' that closes the bracket at <paramref name="open"/>, stepping over regular literals; -1 when not certain.</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static int MatchingCloseAfter(string text, int open)
        {
            const int MaxLookAhead = 2000;
            var limit = Math.Min(text.Length, open + MaxLookAhead);
            var depth = 0;
            for (var i = open; i < limit; i++)
            {
                switch (text[i])
                {
                    case '(':
                    case '[':
                        depth++;
                        break;
                    case ')':
                    case ']':
                        if (--depth == 0)
                        {
                            return i;
                        }

                        break;
                    case '"':
                        if (i > 0 && (text[i - 1] == '@' || text[i - 1] == '$'))
                        {
                            return -1;
                        }

                        // A regular literal: to its closing quote on the line.
                        var j = i + 1;
                        while (j < limit && text[j] != '"' && text[j] != '\n')
                        {
                            j += text[j] == '\\' ? 2 : 1;
                        }

                        if (j >= limit || text[j] != '"')
                        {
                            return -1;
                        }

                        i = j;
                        break;
                    case '\'':
                    case ';':
                    case '{':
                    case '}':
                        return -1;
                }
            }

            return -1;
        }

        /// <summary>
        /// Appends the value of the plain literal opened at <paramref name="opening"/> (regular, or verbatim after '@');
        /// returns its closing quote, or -1 for any other literal or one that does not close.
        /// </summary>
        [MethodImpl(HotPath.CompileOptimized)]
        private static int AppendLiteral(string text, int opening, StringBuilder value)
        {
            var verbatim = opening > 0 && text[opening - 1] == '@';
            if (opening > 0 && text[opening - 1] == '$')
            {
                return -1;
            }

            if (opening + 1 < text.Length && text[opening + 1] == '"')
            {
                // An empty regular literal; a third quote opens a raw literal, and @"" may be an escaped quote: not read here.
                return !verbatim && (opening + 2 >= text.Length || text[opening + 2] != '"') ? opening + 1 : -1;
            }

            var contentStart = opening + 1;
            for (var i = contentStart; i < text.Length; i++)
            {
                var c = text[i];
                if (verbatim)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            value.Append('"');
                            i++;
                            continue;
                        }

                        return i;
                    }

                    value.Append(c);
                    continue;
                }

                if (c == '\n')
                {
                    return -1;
                }

                if (c == '"')
                {
                    value.Append(Unescape(text.Substring(contentStart, i - contentStart)));
                    return i;
                }

                if (c == '\\')
                {
                    i++;
                }
            }

            return -1;
        }
    }
}
