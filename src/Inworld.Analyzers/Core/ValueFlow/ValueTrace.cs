using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Core.ValueFlow
{
    /// <summary>
    /// The value-flow module's two questions about a value in C#: where it goes (<see cref="DestinationOf"/>:
    /// a field, an argument, an environment variable, a Base64 encoding...) and where it comes from
    /// (<see cref="OriginsOf"/>: environment variables, configuration keys, members, parameters, calls, literals).
    /// Whether a name is an environment variable or a configuration key is decided in one place
    /// (<see cref="NamedValueKind(IMethodSymbol, WellKnownTypes)"/>), and each kind of origin is worded in one place
    /// (<see cref="ValueOrigin.Describe(ValueOriginKind, string, bool)"/>).
    /// </summary>
    internal static class ValueTrace
    {
        private const int MaxDestinationDepth = 32;
        private const int MaxOriginDepth = 6;

        // ---- Where a value goes ----

        /// <summary>
        /// Follows a value upwards through conversions, conditionals, fallbacks and initialisers to the symbol,
        /// argument or environment variable that receives it. Walks parents only: cost is the nesting depth.
        /// </summary>
        public static ValueDestination DestinationOf(IOperation value, ISymbol? containingSymbol, WellKnownTypes types)
        {
            var current = value;
            for (var depth = 0; depth < MaxDestinationDepth && current.Parent is IOperation parent; depth++)
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

                            var source = DescribePlace(coalesce.Value, types);
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
                        return ParameterDefault(((IParameterInitializerOperation)parent).Parameter);

                    case OperationKind.SimpleAssignment:
                        {
                            // What a value is written to is described like what it is read from (never Base64-encoded).
                            var assignment = (ISimpleAssignmentOperation)parent;
                            return assignment.Value == current ? DescribePlace(assignment.Target, types) : ValueDestination.Unknown;
                        }

                    case OperationKind.CoalesceAssignment:
                        {
                            var coalesceAssignment = (ICoalesceAssignmentOperation)parent;
                            if (coalesceAssignment.Value != current)
                            {
                                return ValueDestination.Unknown;
                            }

                            var target = DescribePlace(coalesceAssignment.Target, types);
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
                    StringValues.ConstantString(invocation.Arguments[0].Value) is string keyName)
                {
                    var keyKind = CredentialNames.Classify(keyName);
                    if (keyKind != CredentialNameKind.None)
                    {
                        return ValueDestination.ForNamedValue(NamedValueKind(method, types), keyName, keyKind);
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

                if (IsArgumentOfToBase64(parent, types))
                {
                    return true;
                }

                // byte[] bytes = Encoding.UTF8.GetBytes(pair); ... Convert.ToBase64String(bytes): the bytes wait in a local.
                var local = parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol
                    : parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment && assignment.Value == current ? target.Local
                    : null;
                return local != null && LocalIsPassedToBase64(parent, local, types);
            }

            return false;
        }

        private static bool IsArgumentOfToBase64(IOperation operation, WellKnownTypes types)
            => operation is IArgumentOperation { Parent: IInvocationOperation encode } && types.IsToBase64(encode.TargetMethod);

        /// <summary>
        /// Is <paramref name="local"/> handed to Convert.ToBase64String anywhere in the code that holds
        /// <paramref name="inside"/>? Asked only for a value that already could be a credential and was turned into bytes,
        /// so the walk of that one piece of code is rare.
        /// </summary>
        private static bool LocalIsPassedToBase64(IOperation inside, ILocalSymbol local, WellKnownTypes types)
        {
            var root = inside;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    IOperation current = reference;
                    while (current.Parent is IConversionOperation conversion)
                    {
                        current = conversion;
                    }

                    if (current.Parent != null && IsArgumentOfToBase64(current.Parent, types))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Where a parameter's default value goes: a method's (its initializer operation) and a lambda's (no operation) alike.</summary>
        public static ValueDestination ParameterDefault(IParameterSymbol parameter)
            => Named("default value of parameter", parameter, parameter.ContainingType);

        /// <summary>
        /// Describes one place a value is read from or written to: a symbol, an environment variable, a
        /// configuration key, a call, or a name in code that does not bind. No walk: only this operation.
        /// </summary>
        public static ValueDestination DescribePlace(IOperation place, WellKnownTypes types)
        {
            while (place is IConversionOperation conversion)
            {
                place = conversion.Operand;
            }

            switch (place)
            {
                case IInvocationOperation invocation:
                    {
                        if (NamedValueName(invocation) is string name)
                        {
                            return ValueDestination.ForNamedValue(NamedValueKind(invocation.TargetMethod, types), name, CredentialNames.Classify(name));
                        }

                        return ValueDestination.ForSymbol(string.Empty, invocation.TargetMethod, invocation.TargetMethod.ContainingType, CredentialNameKind.None);
                    }

                case IPropertyReferenceOperation indexer when indexer.Arguments.Length >= 1:
                    {
                        if (NamedValueName(indexer) is string key)
                        {
                            return ValueDestination.ForNamedValue(ValueOriginKind.ConfigurationKey, key, CredentialNames.Classify(key));
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
                    // Code that does not bind (a missing reference, a Unity project scanned without its references)
                    // still names its target in syntax: "InworldSecret = ..." is enough to know what the value is.
                    return UnboundName(place.Syntax) is string unbound
                        ? ValueDestination.ForNamedValue(ValueOriginKind.Member, unbound, CredentialNames.Classify(unbound))
                        : ValueDestination.Unknown;
            }
        }

        private static ValueDestination Named(string what, ISymbol symbol, INamedTypeSymbol? containingType)
        {
            var kind = CredentialNames.Classify(symbol.Name, containingType?.Name);
            return ValueDestination.ForSymbol(what, symbol, containingType, kind);
        }

        // ---- Named values: environment variables and configuration keys, decided here only ----

        /// <summary>
        /// The name a call or indexer looks a value up by, or stores it under: its first argument, when that is a
        /// constant string (GetEnvironmentVariable("INWORLD_KEY"), config["Inworld:ApiKey"], PlayerPrefs.SetString("k", v)).
        /// </summary>
        private static string? NamedValueName(IInvocationOperation invocation)
            => invocation.Arguments.Length >= 1 ? StringValues.ConstantString(invocation.Arguments[0].Value) : null;

        private static string? NamedValueName(IPropertyReferenceOperation indexer)
            => indexer.Arguments.Length >= 1 ? StringValues.ConstantString(indexer.Arguments[0].Value) : null;

        /// <summary>
        /// Is a name given to this method an environment variable or a configuration key? Environment's
        /// Get/SetEnvironmentVariable name environment variables; every other call (IConfiguration,
        /// PlayerPrefs, a dictionary) names a configuration key.
        /// </summary>
        public static ValueOriginKind NamedValueKind(IMethodSymbol method, WellKnownTypes types)
            => types.IsEnvironmentMethod(method, GetEnvironmentVariable) || types.IsEnvironmentMethod(method, SetEnvironmentVariable)
                ? ValueOriginKind.EnvironmentVariable
                : ValueOriginKind.ConfigurationKey;

        /// <summary>
        /// The same decision from syntax alone, where there is no symbol to ask (a member's declaration read
        /// without a semantic model): by the method's name.
        /// </summary>
        private static ValueOriginKind NamedValueKind(string? methodName)
            => methodName == GetEnvironmentVariable || methodName == SetEnvironmentVariable ? ValueOriginKind.EnvironmentVariable : ValueOriginKind.ConfigurationKey;

        private const string GetEnvironmentVariable = "GetEnvironmentVariable";
        private const string SetEnvironmentVariable = "SetEnvironmentVariable";

        /// <summary>The name an identifier or member access spells, for code that does not bind.</summary>
        private static string? UnboundName(SyntaxNode syntax) => syntax switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        // ---- Where a value comes from ----

        // Every Authorization header in a code base is looked at, so the working sets are reused per thread
        // instead of allocated per header (an analyzer's allocations are what make it pay for collections).
        [ThreadStatic]
        private static List<ValueOrigin>? t_origins;

        [ThreadStatic]
        private static HashSet<ISymbol>? t_seen;

        [ThreadStatic]
        private static Stack<IOperation>? t_pending;

        [ThreadStatic]
        private static List<IOperation>? t_children;

        // Assignments "name = value" in a type declaration, by assigned name: read once per declaration.
        private static readonly ConditionalWeakTable<TypeDeclarationSyntax, Dictionary<string, List<ExpressionSyntax>>> AssignmentsByType =
            new ConditionalWeakTable<TypeDeclarationSyntax, Dictionary<string, List<ExpressionSyntax>>>();

        private static readonly ConditionalWeakTable<TypeDeclarationSyntax, Dictionary<string, List<ExpressionSyntax>>>.CreateValueCallback ReadAssignments = ReadAssignmentsOf;

        /// <summary>
        /// The origins of <paramref name="value"/>, followed back within the method (locals and their
        /// assignments) and through the fields, properties (initialisers and getters), constructor parameters
        /// (primary constructors included) and consts of the same type, and assignments to those members anywhere
        /// in the type (Unity's Awake/Start set fields outside constructors), read from their declarations.
        /// Bounded: a few levels, no walks beyond the containing method and type. The list is this thread's
        /// scratch list: read it before the next call on the same thread, and never keep it.
        /// </summary>
        public static List<ValueOrigin> OriginsOf(IOperation value, WellKnownTypes types)
        {
            var origins = t_origins ??= new List<ValueOrigin>(8);
            var seen = t_seen ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            origins.Clear();
            seen.Clear();
            t_pending?.Clear();
            Collect(value, types, origins, seen, 0);
            return origins;
        }

        private static void Collect(IOperation operation, WellKnownTypes types, List<ValueOrigin> origins, HashSet<ISymbol> seen, int depth)
        {
            if (depth > MaxOriginDepth)
            {
                return;
            }

            // Pre-order, as DescendantsAndSelf, but a token-minting call's arguments are not its value's origins.
            // One stack per thread: a nested Collect (a local followed to its initialiser) works above this one's
            // entries and leaves them as it found them.
            var pending = t_pending ??= new Stack<IOperation>();
            var children = t_children ??= new List<IOperation>();
            var bottom = pending.Count;
            pending.Push(operation);
            while (pending.Count > bottom)
            {
                var node = pending.Pop();
                var descend = true;
                switch (node)
                {
                    case IInvocationOperation invocation:
                        {
                            if (NamedValueName(invocation) is string name)
                            {
                                origins.Add(new ValueOrigin(NamedValueKind(invocation.TargetMethod, types), name, LiteralLocation(invocation.Arguments[0].Value)));
                            }
                            else
                            {
                                origins.Add(new ValueOrigin(ValueOriginKind.Call, invocation.TargetMethod.Name, null));
                                // A call whose result is a token whatever goes in (GetTokenAsync(apiKey) mints one from the key).
                                descend = !CredentialNames.IsTokenName(invocation.TargetMethod.Name);
                            }

                            break;
                        }

                    case IPropertyReferenceOperation indexer when indexer.Arguments.Length == 1:
                        if (NamedValueName(indexer) is string key)
                        {
                            origins.Add(new ValueOrigin(ValueOriginKind.ConfigurationKey, key, LiteralLocation(indexer.Arguments[0].Value)));
                        }

                        break;
                    case ILiteralOperation literal when StringValues.LiteralText(literal) is string text:
                        origins.Add(new ValueOrigin(ValueOriginKind.Literal, text, null));
                        break;
                    case ILocalReferenceOperation local when seen.Add(local.Local):
                        {
                            var index = origins.Count;
                            origins.Add(new ValueOrigin(ValueOriginKind.Member, local.Local.Name, null));
                            FollowLocal(local, types, origins, seen, depth);
                            MarkPassThroughIfFollowed(origins, index);
                            break;
                        }

                    case IParameterReferenceOperation parameter when seen.Add(parameter.Parameter):
                        origins.Add(new ValueOrigin(ValueOriginKind.Parameter, parameter.Parameter.Name, null));
                        break;
                    case IMemberReferenceOperation member when (member.Member is IFieldSymbol || member.Member is IPropertySymbol) && seen.Add(member.Member):
                        {
                            var index = origins.Count;
                            origins.Add(new ValueOrigin(ValueOriginKind.Member, member.Member.Name, null));
                            FollowMember(member.Member, origins);
                            MarkPassThroughIfFollowed(origins, index);
                            break;
                        }

                    case IInvalidOperation _ when UnboundName(node.Syntax) is string unbound:
                        // Code that does not bind (a missing reference) still names what it reads: settings.InworldApiKey.
                        origins.Add(new ValueOrigin(ValueOriginKind.Member, unbound, null));
                        break;
                }

                if (!descend)
                {
                    continue;
                }

                children.Clear();
                foreach (var child in node.Children)
                {
                    if (child != null)
                    {
                        children.Add(child);
                    }
                }

                for (var i = children.Count - 1; i >= 0; i--)
                {
                    pending.Push(children[i]);
                }
            }
        }

        /// <summary>
        /// A symbol whose value was followed to other origins is a label on the way, not an origin. An empty
        /// default ("" in "public string AccessToken { get; set; } = \"\"") is a placeholder, not where the value
        /// comes from: a member followed only to that stays the origin.
        /// </summary>
        private static void MarkPassThroughIfFollowed(List<ValueOrigin> origins, int index)
        {
            for (var i = index + 1; i < origins.Count; i++)
            {
                if (origins[i].Kind != ValueOriginKind.Literal || origins[i].Name.Trim().Length > 0)
                {
                    origins[index] = origins[index].AsPassThrough();
                    return;
                }
            }
        }

        /// <summary>The local's initializer and every assignment to it in the same body, in source order.</summary>
        private static void FollowLocal(ILocalReferenceOperation reference, WellKnownTypes types, List<ValueOrigin> origins, HashSet<ISymbol> seen, int depth)
        {
            IOperation root = reference;
            while (root.Parent != null) root = root.Parent;
            if (LocalValuesByBlock.GetValue(root, ReadLocalValues).TryGetValue(reference.Local, out var values))
            {
                foreach (var value in values)
                {
                    Collect(value, types, origins, seen, depth + 1);
                }
            }
        }

        // The values written to each local of an operation block, read in one walk of the block the first time a
        // credential is followed to one of its locals: a method with several Authorization headers is walked once.
        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<IOperation>>> LocalValuesByBlock =
            new ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<IOperation>>>();

        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<IOperation>>>.CreateValueCallback ReadLocalValues = ReadLocalValuesOf;

        private static Dictionary<ILocalSymbol, List<IOperation>> ReadLocalValuesOf(IOperation root)
        {
            var byLocal = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            foreach (var node in root.Descendants())
            {
                var (local, value) = node switch
                {
                    IVariableDeclaratorOperation { Initializer: { } initializer } declarator => (declarator.Symbol, initializer.Value),
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment => (target.Local, assignment.Value),
                    _ => (null, null),
                };
                if (local == null || value == null)
                {
                    continue;
                }

                if (!byLocal.TryGetValue(local, out var values))
                {
                    byLocal[local] = values = new List<IOperation>(1);
                }

                values.Add(value);
            }

            return byLocal;
        }

        /// <summary>
        /// A field or property of source code: its initializer or getter, and assignments "member = value" anywhere
        /// in its type (constructor-injected keys, Unity's Awake/Start), read from syntax: they are outside the
        /// operation block at hand, and asking a semantic model for other blocks would cost far more.
        /// </summary>
        private static void FollowMember(ISymbol member, List<ValueOrigin> origins)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax())
                {
                    case VariableDeclaratorSyntax declarator when declarator.Initializer != null:
                        CollectFromSyntax(declarator.Initializer.Value, origins);
                        break;
                    case PropertyDeclarationSyntax property:
                        if (property.Initializer != null) CollectFromSyntax(property.Initializer.Value, origins);
                        if (property.ExpressionBody != null) CollectFromSyntax(property.ExpressionBody.Expression, origins);
                        foreach (var accessor in property.AccessorList?.Accessors ?? default)
                        {
                            if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration)) continue;
                            if (accessor.ExpressionBody != null) CollectFromSyntax(accessor.ExpressionBody.Expression, origins);
                            if (accessor.Body == null) continue;
                            foreach (var node in accessor.Body.DescendantNodes())
                            {
                                if (node is ReturnStatementSyntax { Expression: { } returned }) CollectFromSyntax(returned, origins);
                            }
                        }

                        break;
                }
            }

            var type = member.ContainingType;
            if (type == null)
            {
                return;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax declaration &&
                    AssignmentsByType.GetValue(declaration, ReadAssignments).TryGetValue(member.Name, out var values))
                {
                    foreach (var value in values)
                    {
                        CollectFromSyntax(value, origins);
                    }
                }
            }
        }

        private static Dictionary<string, List<ExpressionSyntax>> ReadAssignmentsOf(TypeDeclarationSyntax declaration)
        {
            var byName = new Dictionary<string, List<ExpressionSyntax>>(StringComparer.Ordinal);
            foreach (var node in declaration.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) &&
                    !(assignment.Parent is InitializerExpressionSyntax) && UnboundName(assignment.Left) is string name)
                {
                    if (!byName.TryGetValue(name, out var values))
                    {
                        byName[name] = values = new List<ExpressionSyntax>(1);
                    }

                    values.Add(assignment.Right);
                }
            }

            return byName;
        }

        /// <summary>
        /// The origins in an initializer or assigned value, from syntax: named values, literals, identifiers,
        /// called methods. The same kinds as <see cref="Collect"/> finds in operations.
        /// </summary>
        private static void CollectFromSyntax(ExpressionSyntax expression, List<ValueOrigin> origins)
        {
            foreach (var node in expression.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when invocation.ArgumentList.Arguments.Count >= 1 &&
                                                                    invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal &&
                                                                    literal.IsKind(SyntaxKind.StringLiteralExpression):
                        origins.Add(new ValueOrigin(NamedValueKind(UnboundName(invocation.Expression)), literal.Token.ValueText, literal.GetLocation()));
                        break;
                    case ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1 &&
                                                                    element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key &&
                                                                    key.IsKind(SyntaxKind.StringLiteralExpression):
                        origins.Add(new ValueOrigin(ValueOriginKind.ConfigurationKey, key.Token.ValueText, key.GetLocation()));
                        break;
                    case LiteralExpressionSyntax text when text.IsKind(SyntaxKind.StringLiteralExpression) && !(text.Parent is ArgumentSyntax):
                        origins.Add(new ValueOrigin(ValueOriginKind.Literal, text.Token.ValueText, null));
                        break;
                    case IdentifierNameSyntax identifier when !(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier && access.Expression != identifier) ||
                                                             identifier.Parent.Parent is InvocationExpressionSyntax:
                        // A member access's last name only when it is the method called (client.MintTokenAsync()).
                        origins.Add(new ValueOrigin(IsCalledName(identifier) ? ValueOriginKind.Call : ValueOriginKind.Member, identifier.Identifier.ValueText, null));
                        break;
                }
            }
        }

        /// <summary>GetKey in GetKey() and client.GetKey(): the name of the method called.</summary>
        private static bool IsCalledName(IdentifierNameSyntax identifier) => identifier.Parent switch
        {
            InvocationExpressionSyntax call => call.Expression == identifier,
            MemberAccessExpressionSyntax access => access.Name == identifier && access.Parent is InvocationExpressionSyntax,
            _ => false,
        };

        private static Location? LiteralLocation(IOperation operation)
        {
            var unwrapped = AuthorizationHeaders.Unwrap(operation);
            return unwrapped is ILiteralOperation ? unwrapped.Syntax.GetLocation() : null;
        }
    }
}
