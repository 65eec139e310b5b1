using System;
using System.Runtime.CompilerServices;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// Knows what an Inworld credential looks like. Pure string code: no Roslyn types, so the C# rules,
    /// the shipped-file rule, the command-line scanner and the Unity Editor all ask the same questions
    /// (<see cref="CredentialClassifier"/> puts them in order).
    /// </summary>
    internal static class CredentialShape
    {
        /// <summary>Shortest key id and secret accepted inside a key pair. The observed shape is 32:64.</summary>
        public const int MinPairPartLength = 16;

        /// <summary>Shortest key id accepted on its own (assigned to an Inworld-named target).</summary>
        public const int MinKeyIdLength = 16;

        /// <summary>Shortest secret accepted on its own (assigned to an Inworld-named target).</summary>
        public const int MinSecretLength = 32;

        /// <summary>Base64 of the shortest pair, 16 + 1 + 16 = 33 bytes, is 44 characters.</summary>
        public const int MinBase64KeyLength = 44;

        /// <summary>Shortest raw pair "id:secret".</summary>
        public const int MinRawPairLength = (2 * MinPairPartLength) + 1;

        /// <summary>Guards the scan against huge embedded blobs (images, fonts): keys are ~132 characters.</summary>
        private const int MaxBase64RunLength = 1024;

        /// <summary>
        /// Cheap pre-filter that every caller runs first: can this value hold any credential at all?
        /// A value shorter than a key id cannot, whatever its context.
        /// </summary>
        public static bool MayContainCredential(string? value) => value != null && value.Length >= MinKeyIdLength;

        /// <summary>
        /// The value test every rule runs before any semantic work: could this value be reported in some
        /// context? Only if it holds an Inworld-shaped Base64 key, is a raw "id:secret" pair (with or without
        /// "Basic "), or is made only of the key alphabet (a key id, secret or token on its own). URLs,
        /// sentences, paths and format strings are not, and cost a few character comparisons. Allocation-free.
        /// </summary>
        public static bool CouldBeCredential(string? value)
        {
            if (value == null || !MayContainCredential(value))
            {
                return false;
            }

            return IsTokenShaped(value) || MatchRawKeyPair(value).IsMatch || FindApiKey(value).IsMatch;
        }

        /// <summary>At least 16 characters of the Base64/URL-safe alphabet or ':' once surrounding whitespace is ignored.</summary>
        internal static bool IsTokenShaped(string value)
        {
            var start = 0;
            var end = value.Length;
            while (start < end && char.IsWhiteSpace(value[start])) start++;
            while (end > start && char.IsWhiteSpace(value[end - 1])) end--;
            if (end - start < MinKeyIdLength)
            {
                return false;
            }

            for (var i = start; i < end; i++)
            {
                if (!IsBase64Char(value[i]) && value[i] != ':')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Finds a Base64 Inworld API key anywhere in <paramref name="value"/>: alone, after "Basic ",
        /// inside a header line, a JSON snippet or a connection string. Standard and URL-safe
        /// alphabets, padded or not. Only a value that decodes to printable "id:secret" counts.
        /// </summary>
        public static CredentialMatch FindApiKey(string value) => FindApiKey(value, 0);

        /// <summary>Like <see cref="FindApiKey(string)"/>, starting at <paramref name="startIndex"/>: to find every key in a file.</summary>
        public static CredentialMatch FindApiKey(string value, int startIndex) => value == null ? default : FindApiKey(value, startIndex, value.Length);

        /// <summary>Like <see cref="FindApiKey(string)"/>, in [<paramref name="startIndex"/>, <paramref name="end"/>) of <paramref name="value"/>: no copy of a piece of a file.</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        public static CredentialMatch FindApiKey(string value, int startIndex, int end)
        {
            if (value == null || end - startIndex < MinBase64KeyLength)
            {
                return default;
            }

            var i = startIndex;
            while (i < end)
            {
                if (!IsBase64Char(value[i]))
                {
                    i++;
                    continue;
                }

                var runStart = i;
                while (i < end && IsBase64Char(value[i])) i++;
                var runLength = i - runStart;
                if (runLength < MinBase64KeyLength || runLength > MaxBase64RunLength)
                {
                    continue;
                }

                var match = MatchBase64Run(value, runStart, runLength);
                if (match.IsMatch)
                {
                    return match;
                }
            }

            return default;
        }

        [MethodImpl(HotPath.CompileOptimized)]
        private static CredentialMatch MatchBase64Run(string value, int runStart, int runLength)
        {
            if (DecodesToKeyPair(value, runStart, runLength))
            {
                return new CredentialMatch(CredentialKind.ApiKey, runStart, runLength, HasBasicPrefixBefore(value, runStart));
            }

            // "-", "_" and "=" also join words ("inworld-key_<key>", "ApiKey=<key>"): retry on the pieces
            // between them. "=" only separates when more data follows; at the end it is padding.
            var pieceStart = runStart;
            var runEnd = runStart + runLength;
            for (var j = runStart; j <= runEnd; j++)
            {
                var isEnd = j == runEnd;
                var isSeparator = !isEnd && (value[j] == '-' || value[j] == '_' || (value[j] == '=' && j + 1 < runEnd && value[j + 1] != '='));
                if (!isEnd && !isSeparator)
                {
                    continue;
                }

                var pieceEnd = !isEnd && value[j] == '=' ? j + 1 : j;
                var pieceLength = pieceEnd - pieceStart;
                if (pieceLength >= MinBase64KeyLength && pieceLength < runLength && DecodesToKeyPair(value, pieceStart, pieceLength))
                {
                    return new CredentialMatch(CredentialKind.ApiKey, pieceStart, pieceLength, HasBasicPrefixBefore(value, pieceStart));
                }

                pieceStart = j + 1;
            }

            return default;
        }

        /// <summary>
        /// Matches a raw "keyId:secret" value (optionally after "Basic ") that fills the whole string,
        /// surrounding whitespace aside. Raw pairs are only a finding where code encodes them or sends them
        /// as Basic credentials; callers decide that from context.
        /// </summary>
        public static CredentialMatch MatchRawKeyPair(string value) => value == null ? default : MatchRawKeyPair(value, 0, value.Length);

        /// <summary>Like <see cref="MatchRawKeyPair(string)"/>, for the text [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="value"/>.</summary>
        [MethodImpl(HotPath.CompileOptimized)]
        public static CredentialMatch MatchRawKeyPair(string value, int start, int end)
        {
            if (value == null || end - start < MinRawPairLength)
            {
                return default;
            }

            while (start < end && char.IsWhiteSpace(value[start])) start++;
            while (end > start && char.IsWhiteSpace(value[end - 1])) end--;

            var hasBasic = false;
            if (end - start > CredentialMatch.BasicPrefix.Length &&
                string.Compare(value, start, CredentialMatch.BasicPrefix, 0, CredentialMatch.BasicPrefix.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                hasBasic = true;
                start += CredentialMatch.BasicPrefix.Length;
                while (start < end && value[start] == ' ') start++;
            }

            return IsKeyPair(value, start, end - start)
                ? new CredentialMatch(CredentialKind.RawKeyPair, start, end - start, hasBasic)
                : default;
        }

        /// <summary>A key id on its own: at least 16 random-looking letters and digits, not a placeholder.</summary>
        public static bool LooksLikeKeyId(string value) => LooksLikeRandomAlphanumeric(value, MinKeyIdLength);

        /// <summary>A secret on its own: at least 32 random-looking letters and digits, not a placeholder.</summary>
        public static bool LooksLikeSecret(string value) => LooksLikeRandomAlphanumeric(value, MinSecretLength);

        /// <summary>
        /// A token-like value that could be any form of key (used for fallbacks of credential variables):
        /// at least 16 characters of the Base64/URL-safe alphabet, random-looking, not a placeholder.
        /// </summary>
        public static bool LooksLikeCredentialToken(string value)
        {
            var trimmed = value.Trim();
            if (trimmed.Length < MinKeyIdLength)
            {
                return false;
            }

            foreach (var c in trimmed)
            {
                if (!IsBase64Char(c) && c != ':')
                {
                    return false;
                }
            }

            return !IsPlaceholder(trimmed) && HasRandomLookingMix(trimmed);
        }

        /// <summary>
        /// Values people write where a key belongs but that are not keys: "YOUR_API_KEY", "&lt;your-key&gt;",
        /// "changeme", "xxxx", one repeated character, "abcdef..." or "123456..." runs.
        /// </summary>
        public static bool IsPlaceholder(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return true;
            }

            var trimmed = value.Trim();
            if (trimmed.IndexOf('<') >= 0 || trimmed.IndexOf('{') >= 0 || trimmed.IndexOf("${", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            foreach (var word in PlaceholderWords)
            {
                if (trimmed.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return IsLowVariety(trimmed) || IsMostlySequential(trimmed);
        }

        private static readonly string[] PlaceholderWords =
        {
            "your", "xxxx", "changeme", "change_me", "change-me", "placeholder", "example", "dummy", "sample",
            "insert", "replace", "redacted", "todo", "fixme", "secret_here", "key_here", "keyhere", "secrethere",
            "****", "....", "0000", "1111", "abcd", "1234",
        };

        /// <summary>
        /// Redacted form for messages and logs: the first 4 characters and the length, never more.
        /// Values shorter than 12 characters show no characters at all.
        /// </summary>
        public static string Redact(string value)
        {
            if (value == null)
            {
                return "(null)";
            }

            var shown = value.Length >= 12 ? value.Substring(0, 4) : string.Empty;
            return shown + "\u2026 (" + value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars)";
        }

        /// <summary>Redacted form of the credential part of a match.</summary>
        public static string Redact(string value, CredentialMatch match)
            => match.IsMatch ? Redact(value.Substring(match.Start, match.Length)) : Redact(value);

        private static bool LooksLikeRandomAlphanumeric(string value, int minLength)
        {
            if (value == null)
            {
                return false;
            }

            var trimmed = value.Trim();
            if (trimmed.Length < minLength)
            {
                return false;
            }

            foreach (var c in trimmed)
            {
                if (!IsAsciiLetterOrDigit(c))
                {
                    return false;
                }
            }

            return !IsPlaceholder(trimmed) && HasRandomLookingMix(trimmed);
        }

        /// <summary>
        /// Generated keys mix character classes: almost always letters with digits. Without a digit, demand
        /// both cases switching often, as random letters do ("qWeRtZ..."), unlike identifiers and words
        /// ("InworldCharacterName") that switch case once per word.
        /// </summary>
        private static bool HasRandomLookingMix(string value)
        {
            bool upper = false, lower = false, digit = false;
            var caseSwitches = 0;
            var previousUpper = (bool?)null;
            foreach (var c in value)
            {
                bool? isUpper = null;
                if (c >= 'A' && c <= 'Z') { upper = true; isUpper = true; }
                else if (c >= 'a' && c <= 'z') { lower = true; isUpper = false; }
                else if (c >= '0' && c <= '9') digit = true;

                if (isUpper.HasValue)
                {
                    if (previousUpper.HasValue && previousUpper.Value != isUpper.Value) caseSwitches++;
                    previousUpper = isUpper;
                }
            }

            if (digit)
            {
                return upper || lower;
            }

            return upper && lower && caseSwitches * 4 >= value.Length;
        }

        private static bool IsKeyPair(string value, int start, int length)
        {
            if (length < MinRawPairLength)
            {
                return false;
            }

            var colon = -1;
            for (var i = start; i < start + length; i++)
            {
                var c = value[i];
                if (c == ':')
                {
                    if (colon >= 0)
                    {
                        return false;
                    }

                    colon = i;
                }
                else if (!IsAsciiLetterOrDigit(c))
                {
                    return false;
                }
            }

            if (colon < 0)
            {
                return false;
            }

            var idLength = colon - start;
            var secretLength = start + length - colon - 1;
            if (idLength < MinPairPartLength || secretLength < MinPairPartLength)
            {
                return false;
            }

            return !IsPlaceholder(value.Substring(start, idLength)) && !IsPlaceholder(value.Substring(colon + 1, secretLength));
        }

        /// <summary>
        /// Decodes Base64 (either alphabet, padding optional) without allocating the bytes and checks that
        /// they spell "id:secret" with both parts alphanumeric and long enough, stopping at the first byte
        /// that cannot belong to that shape. Images and hashes fail within a few bytes.
        /// </summary>
        private static bool DecodesToKeyPair(string value, int start, int length)
        {
            var end = start + length;
            var padding = 0;
            while (end > start && value[end - 1] == '=')
            {
                end--;
                padding++;
            }

            if (padding > 2)
            {
                return false;
            }

            var dataLength = end - start;
            if (dataLength % 4 == 1 || (padding > 0 && (dataLength + padding) % 4 != 0))
            {
                return false;
            }

            var pairState = new KeyPairAccumulator();
            var bits = 0;
            var bitCount = 0;
            for (var i = start; i < end; i++)
            {
                var sextet = Base64Value(value[i]);
                if (sextet < 0)
                {
                    return false;
                }

                bits = (bits << 6) | sextet;
                bitCount += 6;
                if (bitCount >= 8)
                {
                    bitCount -= 8;
                    var b = (byte)((bits >> bitCount) & 0xFF);
                    if (!pairState.Accept(b))
                    {
                        return false;
                    }
                }
            }

            if (!pairState.IsComplete)
            {
                return false;
            }

            // The pieces were alphanumeric; now reject placeholder-like halves ("xxxx...:xxxx...").
            var decoded = DecodeAscii(value, start, end);
            var colon = decoded.IndexOf(':');
            return !IsPlaceholder(decoded.Substring(0, colon)) && !IsPlaceholder(decoded.Substring(colon + 1));
        }

        private static string DecodeAscii(string value, int start, int end)
        {
            var chars = new char[((end - start) * 3) / 4];
            var count = 0;
            var bits = 0;
            var bitCount = 0;
            for (var i = start; i < end; i++)
            {
                bits = (bits << 6) | Base64Value(value[i]);
                bitCount += 6;
                if (bitCount >= 8)
                {
                    bitCount -= 8;
                    chars[count++] = (char)((bits >> bitCount) & 0xFF);
                }
            }

            return new string(chars, 0, count);
        }

        private struct KeyPairAccumulator
        {
            private int _idLength;
            private int _secretLength;
            private bool _sawColon;

            public bool IsComplete => _sawColon && _idLength >= MinPairPartLength && _secretLength >= MinPairPartLength;

            public bool Accept(byte b)
            {
                if (b == (byte)':')
                {
                    if (_sawColon || _idLength < MinPairPartLength)
                    {
                        return false;
                    }

                    _sawColon = true;
                    return true;
                }

                if (!IsAsciiLetterOrDigit((char)b))
                {
                    return false;
                }

                if (_sawColon) _secretLength++;
                else _idLength++;
                return true;
            }
        }

        private static bool HasBasicPrefixBefore(string value, int start)
        {
            var i = start;
            while (i > 0 && value[i - 1] == ' ') i--;
            const string basic = "Basic";
            return i < start && i >= basic.Length &&
                   string.Compare(value, i - basic.Length, basic, 0, basic.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
                   (i - basic.Length == 0 || !IsAsciiLetterOrDigit(value[i - basic.Length - 1]));
        }

        private static bool IsLowVariety(string value)
        {
            // A generated 16-character key has ~14 distinct characters; "abababab..." or "aaaa..." has 1-2.
            var seen = new bool[128];
            var distinct = 0;
            foreach (var c in value)
            {
                if (c < 128 && !seen[c])
                {
                    seen[c] = true;
                    distinct++;
                }
            }

            return distinct < Math.Min(6, Math.Max(2, value.Length / 3));
        }

        private static bool IsMostlySequential(string value)
        {
            if (value.Length < 4)
            {
                return false;
            }

            var steps = 0;
            for (var i = 1; i < value.Length; i++)
            {
                var d = value[i] - value[i - 1];
                if (d == 1 || d == -1 || (value[i] == '0' && value[i - 1] == '9') || (value[i] == 'a' && value[i - 1] == '9') || (value[i] == 'A' && value[i - 1] == 'z'))
                {
                    steps++;
                }
            }

            return steps * 2 >= value.Length;
        }

        // Character classes as bit masks over ASCII (bit c of Low for c < 64, bit c - 64 of High below 128): the text
        // scan tests every character of every literal, and a chain of ten comparisons is too big for the JIT to inline.
        private const ulong Base64Low = 0x23ffa80000000000;    // + - / 0-9 =
        private const ulong Base64High = 0x7fffffe87fffffe;    // A-Z _ a-z
        private const ulong KeyLow = Base64Low | (1UL << ':');
        private const ulong KeyHigh = Base64High | (1UL << ('\\' - 64));
        private const ulong AlphanumericLow = 0x3ff000000000000; // 0-9
        private const ulong AlphanumericHigh = 0x7fffffe07fffffe; // A-Z a-z

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool IsBase64Char(char c) => InClass(c, Base64Low, Base64High);

        /// <summary>A character of a key as written in C# text: Base64, the pair's ':' and the backslash of an escape.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool IsKeyTextChar(char c) => InClass(c, KeyLow, KeyHigh);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool InClass(char c, ulong low, ulong high)
            => c < 64 ? ((low >> c) & 1) != 0 : c < 128 && ((high >> (c - 64)) & 1) != 0;

        private static int Base64Value(char c)
        {
            if (c >= 'A' && c <= 'Z') return c - 'A';
            if (c >= 'a' && c <= 'z') return c - 'a' + 26;
            if (c >= '0' && c <= '9') return c - '0' + 52;
            if (c == '+' || c == '-') return 62;
            if (c == '/' || c == '_') return 63;
            return -1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool IsAsciiLetterOrDigit(char c) => InClass(c, AlphanumericLow, AlphanumericHigh);
    }
}
