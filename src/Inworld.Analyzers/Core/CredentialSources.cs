using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Core
{
    internal enum CredentialSourceKind
    {
        EnvironmentVariable,
        ConfigurationKey,
        Symbol,
        Literal,
    }

    /// <summary>Where a credential value comes from: an env var, a configuration key, a named symbol, a literal.</summary>
    internal readonly struct CredentialSource
    {
        public CredentialSource(CredentialSourceKind kind, string name, Location? nameLocation, bool isOrigin = true)
        {
            Kind = kind;
            Name = name;
            NameLocation = nameLocation;
            IsOrigin = isOrigin;
        }

        public CredentialSourceKind Kind { get; }

        /// <summary>The env var / configuration key / symbol name; the value itself for a literal.</summary>
        public string Name { get; }

        /// <summary>The string literal that spells an env var or configuration key (what a fix renames).</summary>
        public Location? NameLocation { get; }

        /// <summary>
        /// Where the value starts: an env var, a configuration key, a literal, a call's result, or a symbol whose
        /// value could not be followed further. False for a local, field or property the value only passes
        /// through (its name is a label, not what the value is).
        /// </summary>
        public bool IsOrigin { get; }

        public CredentialSource AsPassThrough() => new CredentialSource(Kind, Name, NameLocation, false);

        public string Describe()
        {
            switch (Kind)
            {
                case CredentialSourceKind.EnvironmentVariable: return "environment variable '" + Name + "'";
                case CredentialSourceKind.ConfigurationKey: return "configuration key '" + Name + "'";
                case CredentialSourceKind.Symbol: return "'" + Name + "'";
                default: return "a string literal";
            }
        }
    }

    /// <summary>
    /// Follows a credential value back to its sources within the method (locals and their assignments) and
    /// through the fields, properties (initializers and getters), constructor parameters (primary constructors
    /// included) and consts of the same type, and assignments to those members anywhere in the type (Unity's
    /// Awake/Start set fields outside constructors), read from their declarations. Bounded: a few levels, no
    /// walks beyond the containing method and type.
    /// </summary>
    internal static class CredentialSources
    {
        private const int MaxDepth = 6;

        // Every Authorization header in a code base is looked at, so the working sets are reused per thread
        // instead of allocated per header (an analyzer's allocations are what make it pay for collections).
        [ThreadStatic]
        private static List<CredentialSource>? t_sources;

        [ThreadStatic]
        private static HashSet<ISymbol>? t_seen;

        // Assignments "name = value" in a type declaration, by assigned name: read once per declaration.
        private static readonly ConditionalWeakTable<TypeDeclarationSyntax, Dictionary<string, List<ExpressionSyntax>>> AssignmentsByType =
            new ConditionalWeakTable<TypeDeclarationSyntax, Dictionary<string, List<ExpressionSyntax>>>();

        private static readonly ConditionalWeakTable<TypeDeclarationSyntax, Dictionary<string, List<ExpressionSyntax>>>.CreateValueCallback ReadAssignments = ReadAssignmentsOf;

        /// <summary>
        /// The sources of <paramref name="credential"/>. The list is this thread's scratch list: read it before
        /// the next call on the same thread, and never keep it.
        /// </summary>
        public static List<CredentialSource> Find(IOperation credential, WellKnownTypes types)
        {
            var sources = t_sources ??= new List<CredentialSource>(8);
            var seen = t_seen ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            sources.Clear();
            seen.Clear();
            Collect(credential, types, sources, seen, 0);
            return sources;
        }

        /// <summary>A call whose result is a token whatever goes in (GetTokenAsync(apiKey) mints one from the key).</summary>
        internal static bool IsTokenName(string name)
            => name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("jwt", StringComparison.OrdinalIgnoreCase) >= 0;

        private static void Collect(IOperation operation, WellKnownTypes types, List<CredentialSource> sources, HashSet<ISymbol> seen, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            // Pre-order, as DescendantsAndSelf, but a token-minting call's arguments are not its value's sources.
            var pending = new Stack<IOperation>();
            pending.Push(operation);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                var descend = true;
                switch (node)
                {
                    case IInvocationOperation invocation:
                        {
                            var first = invocation.Arguments.Length >= 1 ? invocation.Arguments[0].Value : null;
                            if (ValueProvenance.ConstantString(first) is string name && first != null)
                            {
                                var kind = types.IsEnvironmentMethod(invocation.TargetMethod, "GetEnvironmentVariable") ? CredentialSourceKind.EnvironmentVariable : CredentialSourceKind.ConfigurationKey;
                                sources.Add(new CredentialSource(kind, name, LiteralLocation(first)));
                            }
                            else
                            {
                                sources.Add(new CredentialSource(CredentialSourceKind.Symbol, invocation.TargetMethod.Name, null));
                                descend = !IsTokenName(invocation.TargetMethod.Name);
                            }

                            break;
                        }

                    case IPropertyReferenceOperation indexer when indexer.Arguments.Length == 1:
                        if (ValueProvenance.ConstantString(indexer.Arguments[0].Value) is string key)
                        {
                            sources.Add(new CredentialSource(CredentialSourceKind.ConfigurationKey, key, LiteralLocation(indexer.Arguments[0].Value)));
                        }

                        break;
                    case ILiteralOperation literal when StringValues.LiteralText(literal) is string text:
                        sources.Add(new CredentialSource(CredentialSourceKind.Literal, text, null));
                        break;
                    case ILocalReferenceOperation local when seen.Add(local.Local):
                        {
                            var index = sources.Count;
                            sources.Add(new CredentialSource(CredentialSourceKind.Symbol, local.Local.Name, null));
                            FollowLocal(local, types, sources, seen, depth);
                            MarkPassThroughIfFollowed(sources, index);
                            break;
                        }

                    case IParameterReferenceOperation parameter when seen.Add(parameter.Parameter):
                        sources.Add(new CredentialSource(CredentialSourceKind.Symbol, parameter.Parameter.Name, null));
                        break;
                    case IMemberReferenceOperation member when (member.Member is IFieldSymbol || member.Member is IPropertySymbol) && seen.Add(member.Member):
                        {
                            var index = sources.Count;
                            sources.Add(new CredentialSource(CredentialSourceKind.Symbol, member.Member.Name, null));
                            FollowMember(member.Member, sources);
                            MarkPassThroughIfFollowed(sources, index);
                            break;
                        }

                    case IInvalidOperation _ when UnboundName(node.Syntax) is string unbound:
                        // Code that does not bind (a missing reference) still names what it reads: settings.InworldApiKey.
                        sources.Add(new CredentialSource(CredentialSourceKind.Symbol, unbound, null));
                        break;
                }

                if (!descend)
                {
                    continue;
                }

                var children = new List<IOperation>(node.Children);
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    if (children[i] != null)
                    {
                        pending.Push(children[i]);
                    }
                }
            }
        }

        /// <summary>
        /// A symbol whose value was followed to other sources is a label on the way, not an origin. An empty
        /// default ("" in "public string AccessToken { get; set; } = \"\"") is a placeholder, not where the value
        /// comes from: a member followed only to that stays the origin.
        /// </summary>
        private static void MarkPassThroughIfFollowed(List<CredentialSource> sources, int index)
        {
            for (var i = index + 1; i < sources.Count; i++)
            {
                if (sources[i].Kind != CredentialSourceKind.Literal || sources[i].Name.Trim().Length > 0)
                {
                    sources[index] = sources[index].AsPassThrough();
                    return;
                }
            }
        }

        private static string? UnboundName(SyntaxNode syntax) => syntax switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The local's initializer and every assignment to it in the same body.</summary>
        private static void FollowLocal(ILocalReferenceOperation reference, WellKnownTypes types, List<CredentialSource> sources, HashSet<ISymbol> seen, int depth)
        {
            IOperation root = reference;
            while (root.Parent != null) root = root.Parent;
            foreach (var node in root.Descendants())
            {
                if (node is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local) && declarator.Initializer != null)
                {
                    Collect(declarator.Initializer.Value, types, sources, seen, depth + 1);
                }
                else if (node is ISimpleAssignmentOperation assignment && assignment.Target is ILocalReferenceOperation target &&
                         SymbolEqualityComparer.Default.Equals(target.Local, reference.Local))
                {
                    Collect(assignment.Value, types, sources, seen, depth + 1);
                }
            }
        }

        /// <summary>
        /// A field or property of source code: its initializer or getter, and assignments "member = value" anywhere
        /// in its type (constructor-injected keys, Unity's Awake/Start), read from syntax without a semantic model.
        /// </summary>
        private static void FollowMember(ISymbol member, List<CredentialSource> sources)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax())
                {
                    case VariableDeclaratorSyntax declarator when declarator.Initializer != null:
                        CollectFromSyntax(declarator.Initializer.Value, sources);
                        break;
                    case PropertyDeclarationSyntax property:
                        if (property.Initializer != null) CollectFromSyntax(property.Initializer.Value, sources);
                        if (property.ExpressionBody != null) CollectFromSyntax(property.ExpressionBody.Expression, sources);
                        foreach (var accessor in property.AccessorList?.Accessors ?? default)
                        {
                            if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration)) continue;
                            if (accessor.ExpressionBody != null) CollectFromSyntax(accessor.ExpressionBody.Expression, sources);
                            if (accessor.Body == null) continue;
                            foreach (var node in accessor.Body.DescendantNodes())
                            {
                                if (node is ReturnStatementSyntax { Expression: { } returned }) CollectFromSyntax(returned, sources);
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
                        CollectFromSyntax(value, sources);
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
                    !(assignment.Parent is InitializerExpressionSyntax) && NameOf(assignment.Left) is string name)
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

        /// <summary>Names in an initializer or assigned value: env var reads, configuration keys, identifiers, called methods.</summary>
        private static void CollectFromSyntax(ExpressionSyntax expression, List<CredentialSource> sources)
        {
            foreach (var node in expression.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when invocation.ArgumentList.Arguments.Count >= 1 &&
                                                                    invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal &&
                                                                    literal.IsKind(SyntaxKind.StringLiteralExpression):
                        {
                            var isEnvironment = NameOf(invocation.Expression) == "GetEnvironmentVariable";
                            sources.Add(new CredentialSource(isEnvironment ? CredentialSourceKind.EnvironmentVariable : CredentialSourceKind.ConfigurationKey, literal.Token.ValueText, literal.GetLocation()));
                            break;
                        }

                    case ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1 &&
                                                                    element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key &&
                                                                    key.IsKind(SyntaxKind.StringLiteralExpression):
                        sources.Add(new CredentialSource(CredentialSourceKind.ConfigurationKey, key.Token.ValueText, key.GetLocation()));
                        break;
                    case LiteralExpressionSyntax text when text.IsKind(SyntaxKind.StringLiteralExpression) && !(text.Parent is ArgumentSyntax):
                        sources.Add(new CredentialSource(CredentialSourceKind.Literal, text.Token.ValueText, null));
                        break;
                    case IdentifierNameSyntax identifier when !(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier && access.Expression != identifier) ||
                                                             identifier.Parent.Parent is InvocationExpressionSyntax:
                        // A member access's last name only when it is the method called (client.MintTokenAsync()).
                        sources.Add(new CredentialSource(CredentialSourceKind.Symbol, identifier.Identifier.ValueText, null));
                        break;
                }
            }
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        private static Location? LiteralLocation(IOperation operation)
        {
            var unwrapped = AuthorizationHeaders.Unwrap(operation);
            return unwrapped is ILiteralOperation ? unwrapped.Syntax.GetLocation() : null;
        }
    }

    /// <summary>
    /// Which sources hold Realtime-only keys: nothing in the key string tells, only names do. Default: the
    /// name contains "realtime" and "key" (case-insensitive). inworld_analyzers.realtime_key_patterns replaces
    /// the default with comma-separated globs (* and ?); inworld_analyzers.realtime_key_sources lists exact names.
    /// </summary>
    internal sealed class RealtimeKeyNames
    {
        public const string PatternsKey = InworldOptions.RealtimeKeyPatternsKey;
        public const string SourcesKey = InworldOptions.RealtimeKeySourcesKey;

        private readonly string[]? _patterns;
        private readonly HashSet<string> _names;

        private RealtimeKeyNames(string[]? patterns, HashSet<string> names)
        {
            _patterns = patterns;
            _names = names;
        }

        public static RealtimeKeyNames From(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
        {
            string[]? patterns = null;
            if (options.TryGetValue(PatternsKey, out var configured) && !string.IsNullOrWhiteSpace(configured))
            {
                patterns = Split(configured!);
            }

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (options.TryGetValue(SourcesKey, out var listed) && listed != null)
            {
                foreach (var name in Split(listed))
                {
                    names.Add(name);
                }
            }

            return new RealtimeKeyNames(patterns, names);
        }

        public bool IsRealtimeOnly(string name)
        {
            if (_names.Contains(name))
            {
                return true;
            }

            if (_patterns == null)
            {
                return name.IndexOf("realtime", StringComparison.OrdinalIgnoreCase) >= 0 && name.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0;
            }

            foreach (var pattern in _patterns)
            {
                if (GlobMatches(pattern, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static string[] Split(string value)
        {
            var parts = value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries);
            var result = new List<string>();
            foreach (var part in parts)
            {
                if (part.Trim().Length > 0) result.Add(part.Trim());
            }

            return result.ToArray();
        }

        /// <summary>Case-insensitive glob with * and ?, by backtracking over the two strings (no regex).</summary>
        public static bool GlobMatches(string pattern, string text)
        {
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = t;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++mark;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }
    }
}
