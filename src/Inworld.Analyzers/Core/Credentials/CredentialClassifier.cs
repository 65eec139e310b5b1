namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// What the caller knows about where a value is stored or sent. The value alone decides only for a complete
    /// API key; everything else needs this context.
    /// </summary>
    internal readonly struct CredentialContext
    {
        public CredentialContext(CredentialNameKind nameKind, bool isBase64Encoded = false, bool isEnvironmentOrConfiguration = false, bool onlyContextDependent = false)
        {
            NameKind = nameKind;
            IsBase64Encoded = isBase64Encoded;
            IsEnvironmentOrConfiguration = isEnvironmentOrConfiguration;
            OnlyContextDependent = onlyContextDependent;
        }

        /// <summary>The credential the destination's name (variable, member, setting, argument) says it holds.</summary>
        public CredentialNameKind NameKind { get; }

        /// <summary>The value is Base64-encoded on its way (Convert.ToBase64String(Encoding.GetBytes(value))): what code does to a raw "id:secret" pair.</summary>
        public bool IsBase64Encoded { get; }

        /// <summary>
        /// The value is the fallback of an environment variable or configuration key, or a setting in a shipped file:
        /// such a value is the credential itself, so a token-shaped value fits the name (not only a random-looking one).
        /// </summary>
        public bool IsEnvironmentOrConfiguration { get; }

        /// <summary>
        /// Only the kinds that depend on this context: a complete API key in the value is reported elsewhere (where the
        /// literal is written), so a reference to it must not report it again.
        /// </summary>
        public bool OnlyContextDependent { get; }

        /// <summary>A value in a settings file, under the setting <paramref name="name"/> of the object or section <paramref name="container"/>.</summary>
        public static CredentialContext ForSetting(string name, string? container)
            => new CredentialContext(CredentialNames.Classify(name, container), isEnvironmentOrConfiguration: true);
    }

    /// <summary>
    /// A value after the cheap pre-check (<see cref="CredentialClassifier.PreCheck"/>), with what the pre-check found:
    /// the value's API key and raw pair are looked for, and the Base64 decoded, once, however many questions follow.
    /// </summary>
    internal readonly struct CredentialCandidate
    {
        internal CredentialCandidate(string value, bool couldBeCredential, CredentialMatch apiKey, CredentialMatch rawPair)
        {
            Value = value;
            CouldBeCredential = couldBeCredential;
            ApiKey = apiKey;
            RawPair = rawPair;
        }

        public string Value { get; }

        /// <summary>False: no context can make this value a credential; nothing more needs to be asked.</summary>
        public bool CouldBeCredential { get; }

        /// <summary>The first complete Base64 API key anywhere in the value (<see cref="CredentialShape.FindApiKey(string)"/>).</summary>
        public CredentialMatch ApiKey { get; }

        /// <summary>The whole value as a raw "id:secret" pair, "Basic " allowed (<see cref="CredentialShape.MatchRawKeyPair"/>).</summary>
        public CredentialMatch RawPair { get; }
    }

    /// <summary>The answer of <see cref="CredentialClassifier"/>: what was found, where in the value, and how to name it safely.</summary>
    internal readonly struct CredentialClassification
    {
        internal CredentialClassification(CredentialMatch match, string redacted)
        {
            Match = match;
            Redacted = redacted;
        }

        public bool IsFinding => Match.IsMatch;

        public CredentialKind Kind => Match.Kind;

        /// <summary>The credential's span in the value: the key inside a larger text, the pair after "Basic ", or the trimmed value.</summary>
        public CredentialMatch Match { get; }

        /// <summary>The credential's first characters and length (<see cref="CredentialShape.Redact(string)"/>): all a message may show.</summary>
        public string Redacted { get; }

        /// <summary>"Basic " stands right before the credential.</summary>
        public bool HasBasicPrefix => Match.HasBasicPrefix;

        /// <summary>The value is the credential and nothing else ("Basic " aside): a mechanical rewrite of the whole value is safe.</summary>
        public bool CoversWholeValue(string value) => Match.CoversWholeValue(value);
    }

    /// <summary>
    /// The one credential ladder of every rule, the scanner and the Unity Editor, first match wins:
    /// <list type="number">
    /// <item>a complete Base64 API key anywhere in the value (unless <see cref="CredentialContext.OnlyContextDependent"/>);</item>
    /// <item>a raw "id:secret" pair, when the context says it is one: "Basic " before it, a Base64-encoded destination, or a credential-named destination;</item>
    /// <item>a value whose shape fits the credential its destination's name says it holds.</item>
    /// </list>
    /// Roslyn-free (see README.md in this folder).
    /// </summary>
    internal static class CredentialClassifier
    {
        private static readonly CredentialClassification NoFinding = default;

        /// <summary>
        /// The cheap test every caller runs first (the same answer as <see cref="CredentialShape.CouldBeCredential"/>),
        /// keeping what it found so that <see cref="Classify(in CredentialCandidate, in CredentialContext)"/> does not look again.
        /// A value shorter than a key id costs one comparison.
        /// </summary>
        public static CredentialCandidate PreCheck(string? value)
        {
            if (value == null || !CredentialShape.MayContainCredential(value))
            {
                return new CredentialCandidate(value ?? string.Empty, false, default, default);
            }

            var rawPair = CredentialShape.MatchRawKeyPair(value);
            var apiKey = CredentialShape.FindApiKey(value);
            var could = apiKey.IsMatch || rawPair.IsMatch || CredentialShape.IsTokenShaped(value);
            return new CredentialCandidate(value, could, apiKey, rawPair);
        }

        /// <summary>Classifies <paramref name="value"/> in <paramref name="context"/> (pre-check included).</summary>
        public static CredentialClassification Classify(string? value, in CredentialContext context) => Classify(PreCheck(value), context);

        /// <summary>Classifies a value that already passed <see cref="PreCheck"/>, reusing what the pre-check found.</summary>
        public static CredentialClassification Classify(in CredentialCandidate candidate, in CredentialContext context)
        {
            if (!candidate.CouldBeCredential)
            {
                return NoFinding;
            }

            var value = candidate.Value;
            if (!context.OnlyContextDependent && candidate.ApiKey.IsMatch)
            {
                return Found(value, candidate.ApiKey);
            }

            var pair = candidate.RawPair;
            if (pair.IsMatch && (pair.HasBasicPrefix || context.IsBase64Encoded || context.NameKind != CredentialNameKind.None))
            {
                return Found(value, pair);
            }

            if (context.NameKind != CredentialNameKind.None &&
                CredentialNames.ValueFitsName(context.NameKind, value, context.IsEnvironmentOrConfiguration))
            {
                var trimmedStart = value.Length - value.TrimStart().Length;
                var match = new CredentialMatch(CredentialNames.ToCredentialKind(context.NameKind), trimmedStart, value.Trim().Length, false);
                return Found(value, match);
            }

            return NoFinding;
        }

        /// <summary>An Inworld API key or raw key pair, whatever the context: what a literal must hold to say "Inworld" on its own.</summary>
        public static bool IsKeyOrPair(string? value)
        {
            var candidate = PreCheck(value);
            return candidate.ApiKey.IsMatch || candidate.RawPair.IsMatch;
        }

        private static CredentialClassification Found(string value, CredentialMatch match)
            => new CredentialClassification(match, CredentialShape.Redact(value, match));
    }
}
