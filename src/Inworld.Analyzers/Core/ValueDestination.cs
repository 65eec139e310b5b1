using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Core
{
    /// <summary>Where a string value ends up: the facts a credential rule needs about its context.</summary>
    internal readonly struct ValueDestination
    {
        private enum Shape : byte
        {
            Text,
            Symbol,
            Quoted,
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

        public ValueDestination(string description, CredentialNameKind nameKind, bool isEnvironmentOrConfiguration, bool isBase64Encoded)
            : this(Shape.Text, description, null, null, null, nameKind, isEnvironmentOrConfiguration, isBase64Encoded)
        {
        }

        private ValueDestination(Shape shape, string text, ISymbol? symbol, INamedTypeSymbol? container, string? name, CredentialNameKind nameKind, bool isEnvironmentOrConfiguration, bool isBase64Encoded)
        {
            _shape = shape;
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

        /// <summary>"environment variable 'INWORLD_KEY'": <paramref name="what"/> and a quoted name.</summary>
        public static ValueDestination ForName(string what, string name, CredentialNameKind nameKind, bool isEnvironmentOrConfiguration)
            => new ValueDestination(Shape.Quoted, what, null, null, name, nameKind, isEnvironmentOrConfiguration, false);

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
                    case Shape.Quoted:
                        return Quote(_text, _name);
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

        public static readonly ValueDestination Unknown = new ValueDestination("a string literal", CredentialNameKind.None, false, false);

        private static string Quote(string what, string? name) => what.Length == 0 ? "'" + name + "'" : what + " '" + name + "'";

        private static string QualifiedName(ISymbol symbol)
            => symbol.ContainingType != null ? symbol.ContainingType.Name + "." + symbol.Name : symbol.Name;
    }

    /// <summary>
    /// Follows a value upwards through conversions, conditionals, fallbacks and initialisers to the symbol,
    /// argument or environment variable that receives it. Walks parents only: cost is the nesting depth.
    /// </summary>
    internal static class ValueProvenance
    {
        private const int MaxDepth = 32;

        public static ValueDestination FindDestination(IOperation value, ISymbol? containingSymbol, WellKnownTypes types)
        {
            var current = value;
            for (var depth = 0; depth < MaxDepth && current.Parent is IOperation parent; depth++)
            {
                // On Kind, not on interface types: most values end at a parent no case matches, and a chain of
                // interface casts would test every case before saying so.
                switch (parent.Kind)
                {
                    case OperationKind.Conversion:
                    case OperationKind.Parenthesized:
                    case OperationKind.ArrayInitializer:
                    case OperationKind.ArrayCreation:
                    case OperationKind.SwitchExpression:
                        break;
                    case OperationKind.Conditional:
                        if (((IConditionalOperation)parent).Condition == current)
                        {
                            return ValueDestination.Unknown;
                        }

                        break;
                    case OperationKind.SwitchExpressionArm:
                        if (((ISwitchExpressionArmOperation)parent).Value != current)
                        {
                            return ValueDestination.Unknown;
                        }

                        break;
                    case OperationKind.Coalesce:
                        {
                            var coalesce = (ICoalesceOperation)parent;
                            if (coalesce.WhenNull != current)
                            {
                                return ValueDestination.Unknown;
                            }

                            var source = DescribeSource(coalesce.Value, types);
                            if (source.NameKind != CredentialNameKind.None)
                            {
                                return new ValueDestination("fallback for " + source.Description, source.NameKind, true, false);
                            }

                            break;
                        }

                    case OperationKind.VariableInitializer:
                        if (parent.Parent is IVariableDeclaratorOperation declarator)
                        {
                            return Named("local", declarator.Symbol, null);
                        }

                        return ValueDestination.Unknown;
                    case OperationKind.FieldInitializer:
                        {
                            var fields = ((IFieldInitializerOperation)parent).InitializedFields;
                            return fields.Length > 0 ? Named("field", fields[0], fields[0].ContainingType) : ValueDestination.Unknown;
                        }

                    case OperationKind.PropertyInitializer:
                        {
                            var properties = ((IPropertyInitializerOperation)parent).InitializedProperties;
                            return properties.Length > 0 ? Named("property", properties[0], properties[0].ContainingType) : ValueDestination.Unknown;
                        }

                    case OperationKind.ParameterInitializer:
                        {
                            var parameter = ((IParameterInitializerOperation)parent).Parameter;
                            return Named("default value of parameter", parameter, parameter.ContainingType);
                        }

                    case OperationKind.SimpleAssignment:
                        {
                            // What a value is written to is described like what it is read from (never Base64-encoded).
                            var assignment = (ISimpleAssignmentOperation)parent;
                            return assignment.Value == current ? DescribeSource(assignment.Target, types) : ValueDestination.Unknown;
                        }

                    case OperationKind.CoalesceAssignment:
                        {
                            var coalesceAssignment = (ICoalesceAssignmentOperation)parent;
                            if (coalesceAssignment.Value != current)
                            {
                                return ValueDestination.Unknown;
                            }

                            var target = DescribeSource(coalesceAssignment.Target, types);
                            return new ValueDestination("fallback for " + target.Description, target.NameKind, true, false);
                        }

                    case OperationKind.Argument:
                        return FromArgument((IArgumentOperation)parent, types);
                    case OperationKind.Return:
                    case OperationKind.YieldReturn:
                        return FromReturn(containingSymbol);
                    default:
                        return ValueDestination.Unknown;
                }

                current = parent;
            }

            return ValueDestination.Unknown;
        }

        private static ValueDestination FromReturn(ISymbol? containingSymbol)
        {
            var symbol = containingSymbol is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } ? property : containingSymbol;
            if (symbol == null)
            {
                return ValueDestination.Unknown;
            }

            var kind = CredentialNames.Classify(symbol.Name, symbol.ContainingType?.Name);
            return ValueDestination.ForSymbol("value returned by", symbol, symbol.ContainingType, kind);
        }

        private static ValueDestination FromArgument(IArgumentOperation argument, WellKnownTypes types)
        {
            var parameter = argument.Parameter;
            if (argument.Parent is IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                if (types.IsEncodingGetBytes(method))
                {
                    return IsPassedToBase64(invocation, types)
                        ? new ValueDestination("a value Base64-encoded with Convert.ToBase64String", CredentialNameKind.None, false, true)
                        : ValueDestination.ForSymbol("an argument of", method, method.ContainingType, CredentialNameKind.None);
                }

                // Name/value APIs: SetEnvironmentVariable("INWORLD_KEY", v), PlayerPrefs.SetString("InworldApiKey", v),
                // dictionary.Add("INWORLD_SECRET", v), config.Set("Inworld:ApiKey", v).
                if (invocation.Arguments.Length >= 2 && argument != invocation.Arguments[0] &&
                    ConstantString(invocation.Arguments[0].Value) is string keyName)
                {
                    var keyKind = CredentialNames.Classify(keyName);
                    if (keyKind != CredentialNameKind.None)
                    {
                        var isEnvironment = types.IsEnvironmentMethod(method, "SetEnvironmentVariable");
                        return ValueDestination.ForName(isEnvironment ? "environment variable" : "entry", keyName, keyKind, true);
                    }
                }
            }

            if (parameter == null)
            {
                return ValueDestination.Unknown;
            }

            var containing = parameter.ContainingSymbol;
            var ownerType = containing is IMethodSymbol m && m.MethodKind == MethodKind.Constructor ? m.ContainingType : containing?.ContainingType;
            var kind = CredentialNames.Classify(parameter.Name, ownerType?.Name);
            return ValueDestination.ForArgument(parameter, kind);
        }

        private static bool IsPassedToBase64(IInvocationOperation getBytes, WellKnownTypes types)
        {
            IOperation current = getBytes;
            for (var depth = 0; depth < 4 && current.Parent is IOperation parent; depth++)
            {
                if (parent is IConversionOperation)
                {
                    current = parent;
                    continue;
                }

                return parent is IArgumentOperation { Parent: IInvocationOperation encode } && types.IsToBase64(encode.TargetMethod);
            }

            return false;
        }

        /// <summary>Describes what a value is read from or written to: a symbol, an env var, a config key.</summary>
        public static ValueDestination DescribeSource(IOperation source, WellKnownTypes types)
        {
            while (source is IConversionOperation conversion)
            {
                source = conversion.Operand;
            }

            switch (source)
            {
                case IInvocationOperation invocation:
                    {
                        if (invocation.Arguments.Length >= 1 && ConstantString(invocation.Arguments[0].Value) is string name)
                        {
                            var isEnvironment = types.IsEnvironmentMethod(invocation.TargetMethod, "GetEnvironmentVariable");
                            return ValueDestination.ForName(isEnvironment ? "environment variable" : "entry", name, CredentialNames.Classify(name), true);
                        }

                        return ValueDestination.ForSymbol(string.Empty, invocation.TargetMethod, invocation.TargetMethod.ContainingType, CredentialNameKind.None);
                    }

                case IPropertyReferenceOperation indexer when indexer.Arguments.Length >= 1:
                    {
                        if (ConstantString(indexer.Arguments[0].Value) is string key)
                        {
                            return ValueDestination.ForName("entry", key, CredentialNames.Classify(key), true);
                        }

                        return ValueDestination.Unknown;
                    }

                case IMemberReferenceOperation member:
                    {
                        var symbol = member.Member;
                        var what = symbol is IPropertySymbol ? "property" : symbol is IEventSymbol ? "event" : "field";
                        return Named(what, symbol, symbol.ContainingType);
                    }

                case ILocalReferenceOperation local:
                    return Named("local", local.Local, null);
                case IParameterReferenceOperation parameter:
                    return Named("parameter", parameter.Parameter, parameter.Parameter.ContainingType);
                default:
                    return FromUnboundSyntax(source);
            }
        }

        /// <summary>
        /// Code that does not bind (a missing reference, a Unity project scanned without its assemblies) still
        /// names its target in syntax: "InworldSecret = ..." is enough to know what the value is.
        /// </summary>
        private static ValueDestination FromUnboundSyntax(IOperation source)
        {
            var name = source.Syntax switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };
            return name == null
                ? ValueDestination.Unknown
                : ValueDestination.ForName(string.Empty, name, CredentialNames.Classify(name), false);
        }

        private static ValueDestination Named(string what, ISymbol symbol, INamedTypeSymbol? containingType)
        {
            var kind = CredentialNames.Classify(symbol.Name, containingType?.Name);
            return ValueDestination.ForSymbol(what, symbol, containingType, kind);
        }

        public static string? ConstantString(IOperation? operation)
        {
            if (operation == null)
            {
                return null;
            }

            if (operation is ILiteralOperation literal)
            {
                return StringValues.LiteralText(literal);
            }

            var constant = operation.ConstantValue;
            return constant.HasValue ? constant.Value as string : null;
        }
    }
}
