using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Core
{
    /// <summary>Where a string value ends up: the facts a credential rule needs about its context.</summary>
    internal readonly struct ValueDestination
    {
        public ValueDestination(string description, CredentialNameKind nameKind, bool isEnvironmentOrConfiguration, bool isBase64Encoded)
        {
            Description = description;
            NameKind = nameKind;
            IsEnvironmentOrConfiguration = isEnvironmentOrConfiguration;
            IsBase64Encoded = isBase64Encoded;
        }

        /// <summary>For messages: "field 'Settings.ApiKey'", "a string literal", ...</summary>
        public string Description { get; }

        /// <summary>The credential the destination's name says it holds, if any.</summary>
        public CredentialNameKind NameKind { get; }

        /// <summary>An environment variable or configuration key (setter, fallback, dictionary entry).</summary>
        public bool IsEnvironmentOrConfiguration { get; }

        /// <summary>The value is turned into bytes and Base64-encoded, i.e. made into an API key.</summary>
        public bool IsBase64Encoded { get; }

        public static readonly ValueDestination Unknown = new ValueDestination("a string literal", CredentialNameKind.None, false, false);
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
                switch (parent)
                {
                    case IConversionOperation _:
                    case IParenthesizedOperation _:
                    case IArrayInitializerOperation _:
                    case IArrayCreationOperation _:
                    case ISwitchExpressionOperation _:
                        break;
                    case IConditionalOperation conditional when conditional.Condition != current:
                        break;
                    case ISwitchExpressionArmOperation arm when arm.Value == current:
                        break;
                    case ICoalesceOperation coalesce when coalesce.WhenNull == current:
                        {
                            var source = DescribeSource(coalesce.Value, types);
                            if (source.NameKind != CredentialNameKind.None)
                            {
                                return new ValueDestination("fallback for " + source.Description, source.NameKind, true, false);
                            }

                            break;
                        }

                    case IVariableInitializerOperation _:
                        if (parent.Parent is IVariableDeclaratorOperation declarator)
                        {
                            return Named("local", declarator.Symbol, null);
                        }

                        return ValueDestination.Unknown;
                    case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Length > 0:
                        return Named("field", fieldInitializer.InitializedFields[0], fieldInitializer.InitializedFields[0].ContainingType);
                    case IPropertyInitializerOperation propertyInitializer when propertyInitializer.InitializedProperties.Length > 0:
                        return Named("property", propertyInitializer.InitializedProperties[0], propertyInitializer.InitializedProperties[0].ContainingType);
                    case IParameterInitializerOperation parameterInitializer:
                        return Named("default value of parameter", parameterInitializer.Parameter, parameterInitializer.Parameter.ContainingType);
                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        {
                            var target = DescribeSource(assignment.Target, types);
                            return new ValueDestination(target.Description, target.NameKind, target.IsEnvironmentOrConfiguration, false);
                        }

                    case ICoalesceAssignmentOperation coalesceAssignment when coalesceAssignment.Value == current:
                        {
                            var target = DescribeSource(coalesceAssignment.Target, types);
                            return new ValueDestination("fallback for " + target.Description, target.NameKind, true, false);
                        }

                    case IArgumentOperation argument:
                        return FromArgument(argument, types);
                    case IReturnOperation _:
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
            return new ValueDestination("value returned by '" + QualifiedName(symbol) + "'", kind, false, false);
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
                        : new ValueDestination("an argument of '" + QualifiedName(method) + "'", CredentialNameKind.None, false, false);
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
                        return new ValueDestination(
                            (isEnvironment ? "environment variable '" : "entry '") + keyName + "'", keyKind, true, false);
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
            var owner = containing is IMethodSymbol ctor && ctor.MethodKind == MethodKind.Constructor
                ? ctor.ContainingType.Name
                : (containing != null ? QualifiedName(containing) : "?");
            return new ValueDestination("argument '" + parameter.Name + "' of '" + owner + "'", kind, false, false);
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
                            return new ValueDestination(
                                (isEnvironment ? "environment variable '" : "entry '") + name + "'", CredentialNames.Classify(name), true, false);
                        }

                        return new ValueDestination("'" + QualifiedName(invocation.TargetMethod) + "'", CredentialNameKind.None, false, false);
                    }

                case IPropertyReferenceOperation indexer when indexer.Arguments.Length >= 1:
                    {
                        if (ConstantString(indexer.Arguments[0].Value) is string key)
                        {
                            return new ValueDestination("entry '" + key + "'", CredentialNames.Classify(key), true, false);
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
                : new ValueDestination("'" + name + "'", CredentialNames.Classify(name), false, false);
        }

        private static ValueDestination Named(string what, ISymbol symbol, INamedTypeSymbol? containingType)
        {
            var kind = CredentialNames.Classify(symbol.Name, containingType?.Name);
            var name = containingType != null && !(symbol is IParameterSymbol) ? containingType.Name + "." + symbol.Name : symbol.Name;
            return new ValueDestination(what + " '" + name + "'", kind, false, false);
        }

        private static string QualifiedName(ISymbol symbol)
            => symbol.ContainingType != null ? symbol.ContainingType.Name + "." + symbol.Name : symbol.Name;

        public static string? ConstantString(IOperation? operation)
        {
            if (operation == null)
            {
                return null;
            }

            var constant = operation.ConstantValue;
            return constant.HasValue ? constant.Value as string : null;
        }
    }
}
