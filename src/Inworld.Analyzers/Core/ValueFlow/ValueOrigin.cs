using Microsoft.CodeAnalysis;

namespace Inworld.Analyzers.Core.ValueFlow
{
    /// <summary>Where a value comes from.</summary>
    internal enum ValueOriginKind : byte
    {
        /// <summary>A string literal; the origin's name is the literal's text.</summary>
        Literal,

        /// <summary>A name read with Environment.GetEnvironmentVariable (or written with SetEnvironmentVariable).</summary>
        EnvironmentVariable,

        /// <summary>A name read from a keyed store: IConfiguration, PlayerPrefs, a dictionary, any call or indexer given a constant name.</summary>
        ConfigurationKey,

        /// <summary>A field, property or local named X, or a name in code that does not bind.</summary>
        Member,

        /// <summary>A parameter named X: the value comes from the caller.</summary>
        Parameter,

        /// <summary>A method named X returned it.</summary>
        Call,
    }

    /// <summary>
    /// One origin of a value: an environment variable, a configuration key, a named member, parameter or call,
    /// or a literal. Found by <see cref="ValueTrace.OriginsOf"/>.
    /// </summary>
    internal readonly struct ValueOrigin
    {
        public ValueOrigin(ValueOriginKind kind, string name, Location? nameLocation, bool isPassThrough = false)
        {
            Kind = kind;
            Name = name;
            NameLocation = nameLocation;
            IsPassThrough = isPassThrough;
        }

        public ValueOriginKind Kind { get; }

        /// <summary>The environment variable, configuration key or symbol name; the value itself for a literal.</summary>
        public string Name { get; }

        /// <summary>The string literal that spells an environment variable or configuration key (what a fix renames).</summary>
        public Location? NameLocation { get; }

        /// <summary>
        /// A local, field or property the value only passes through: its value was followed to other origins, so
        /// its name is a label, not what the value is. False where the value starts: an environment variable, a
        /// configuration key, a literal, a call's result, or a symbol whose value could not be followed further.
        /// </summary>
        public bool IsPassThrough { get; }

        /// <summary>An environment variable or a configuration key: a name the value is looked up by.</summary>
        public bool IsNamedValue => Kind == ValueOriginKind.EnvironmentVariable || Kind == ValueOriginKind.ConfigurationKey;

        /// <summary>A member, parameter or call: a symbol whose name is all that is known of the value.</summary>
        public bool IsSymbol => Kind == ValueOriginKind.Member || Kind == ValueOriginKind.Parameter || Kind == ValueOriginKind.Call;

        public ValueOrigin AsPassThrough() => new ValueOrigin(Kind, Name, NameLocation, true);

        /// <summary>For messages: "environment variable 'INWORLD_KEY'", "configuration key 'Inworld:ApiKey'", "'apiKey'", "a string literal".</summary>
        public string Describe() => Describe(Kind, Name, asDestination: false);

        /// <summary>
        /// The words for each kind of origin, written once. <paramref name="asDestination"/>: the value is written
        /// there (INW001's messages). A configuration key is then an "entry": INW001 has always said "entry
        /// 'prod'" for dictionary, configuration and PlayerPrefs keys alike, while INW003/INW005 say
        /// "configuration key" for what a credential is read from; tests pin both.
        /// </summary>
        public static string Describe(ValueOriginKind kind, string name, bool asDestination)
        {
            switch (kind)
            {
                case ValueOriginKind.Literal:
                    return "a string literal";
                case ValueOriginKind.EnvironmentVariable:
                    return "environment variable '" + name + "'";
                case ValueOriginKind.ConfigurationKey:
                    return (asDestination ? "entry '" : "configuration key '") + name + "'";
                default:
                    return "'" + name + "'";
            }
        }
    }
}
