using Microsoft.CodeAnalysis;

namespace Inworld.Analyzers.Core.ValueFlow
{
    /// <summary>
    /// Where a string value goes (a field, an argument, an environment variable, a Base64 encoding...), found by
    /// <see cref="ValueTrace.DestinationOf"/>: the facts a credential rule needs about its context.
    /// </summary>
    internal readonly struct ValueDestination
    {
        private enum Shape : byte
        {
            Text,
            Symbol,
            NamedValue,
            Argument,
        }

        // The description is only read when a diagnostic is reported, which is almost never; building it for
        // every string a rule looks at would allocate several strings per literal. So the parts are kept and
        // joined on demand.
        private readonly Shape _shape;
        private readonly string _text;
        private readonly ISymbol? _symbol;
        private readonly INamedTypeSymbol? _container;
        private readonly string? _name;
        private readonly ValueOriginKind _origin;

        public ValueDestination(string description, CredentialNameKind nameKind, bool isEnvironmentOrConfiguration, bool isBase64Encoded)
            : this(Shape.Text, description, null, null, null, nameKind, isEnvironmentOrConfiguration, isBase64Encoded)
        {
        }

        private ValueDestination(Shape shape, string text, ISymbol? symbol, INamedTypeSymbol? container, string? name, CredentialNameKind nameKind, bool isEnvironmentOrConfiguration, bool isBase64Encoded,
            ValueOriginKind origin = ValueOriginKind.Literal)
        {
            _shape = shape;
            _origin = origin;
            _text = text;
            _symbol = symbol;
            _container = container;
            _name = name;
            NameKind = nameKind;
            IsEnvironmentOrConfiguration = isEnvironmentOrConfiguration;
            IsBase64Encoded = isBase64Encoded;
        }

        /// <summary>"field 'Settings.ApiKey'": <paramref name="what"/> and the symbol's name, qualified by <paramref name="container"/> when given.</summary>
        public static ValueDestination ForSymbol(string what, ISymbol symbol, INamedTypeSymbol? container, CredentialNameKind nameKind)
            => new ValueDestination(Shape.Symbol, what, symbol, container, null, nameKind, false, false);

        /// <summary>
        /// A name the value is stored or looked up by, worded as <see cref="ValueOrigin.Describe(ValueOriginKind, string, bool)"/> words it:
        /// "environment variable 'INWORLD_KEY'", "entry 'Inworld:ApiKey'", or "'InworldSecret'" for a member named in
        /// code that does not bind.
        /// </summary>
        public static ValueDestination ForNamedValue(ValueOriginKind kind, string name, CredentialNameKind nameKind)
            => new ValueDestination(Shape.NamedValue, string.Empty, null, null, name, nameKind,
                kind == ValueOriginKind.EnvironmentVariable || kind == ValueOriginKind.ConfigurationKey, false, kind);

        /// <summary>"argument 'apiKey' of 'InworldClient'".</summary>
        public static ValueDestination ForArgument(IParameterSymbol parameter, CredentialNameKind nameKind)
            => new ValueDestination(Shape.Argument, string.Empty, parameter, null, null, nameKind, false, false);

        /// <summary>For messages: "field 'Settings.ApiKey'", "a string literal", ...</summary>
        public string Description
        {
            get
            {
                switch (_shape)
                {
                    case Shape.Symbol:
                        var name = _container != null && !(_symbol is IParameterSymbol) ? _container.Name + "." + _symbol!.Name : _symbol!.Name;
                        return Quote(_text, name);
                    case Shape.NamedValue:
                        return ValueOrigin.Describe(_origin, _name!, asDestination: true);
                    case Shape.Argument:
                        var containing = _symbol!.ContainingSymbol;
                        var owner = containing is IMethodSymbol ctor && ctor.MethodKind == MethodKind.Constructor
                            ? ctor.ContainingType.Name
                            : (containing != null ? QualifiedName(containing) : "?");
                        return "argument '" + _symbol.Name + "' of '" + owner + "'";
                    default:
                        return _text;
                }
            }
        }

        /// <summary>The credential the destination's name says it holds, if any.</summary>
        public CredentialNameKind NameKind { get; }

        /// <summary>An environment variable or configuration key (setter, fallback, dictionary entry).</summary>
        public bool IsEnvironmentOrConfiguration { get; }

        /// <summary>The value is turned into bytes and Base64-encoded, i.e. made into an API key.</summary>
        public bool IsBase64Encoded { get; }

        /// <summary>Nowhere known: the value is described as what it is.</summary>
        public static readonly ValueDestination Unknown =
            new ValueDestination(ValueOrigin.Describe(ValueOriginKind.Literal, string.Empty, asDestination: true), CredentialNameKind.None, false, false);

        private static string Quote(string what, string? name) => what.Length == 0 ? "'" + name + "'" : what + " '" + name + "'";

        private static string QualifiedName(ISymbol symbol)
            => symbol.ContainingType != null ? symbol.ContainingType.Name + "." + symbol.Name : symbol.Name;
    }
}
