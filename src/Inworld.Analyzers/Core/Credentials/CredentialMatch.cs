using System;

namespace Inworld.Analyzers.Core
{
    /// <summary>Where a credential was found inside a string value.</summary>
    internal readonly struct CredentialMatch
    {
        public CredentialMatch(CredentialKind kind, int start, int length, bool hasBasicPrefix)
        {
            Kind = kind;
            Start = start;
            Length = length;
            HasBasicPrefix = hasBasicPrefix;
        }

        public CredentialKind Kind { get; }

        /// <summary>Offset of the credential inside the scanned value.</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>True when the value carries "Basic " right before the credential.</summary>
        public bool HasBasicPrefix { get; }

        public bool IsMatch => Kind != CredentialKind.None;

        /// <summary>True when the whole value is exactly the credential, optionally preceded by "Basic ".</summary>
        public bool CoversWholeValue(string value)
        {
            for (var i = Start + Length; i < value.Length; i++)
            {
                if (!char.IsWhiteSpace(value[i]))
                {
                    return false;
                }
            }

            var before = value.Substring(0, Start).Trim();
            return before.Length == 0 || (HasBasicPrefix && string.Equals(before, "Basic", StringComparison.OrdinalIgnoreCase));
        }

        public const string BasicPrefix = "Basic ";
    }
}
