using System;
using System.Collections.Generic;
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
        public CredentialSource(CredentialSourceKind kind, string name, Location? nameLocation)
        {
            Kind = kind;
            Name = name;
            NameLocation = nameLocation;
        }

        public CredentialSourceKind Kind { get; }

        /// <summary>The env var / configuration key / symbol name; the value itself for a literal.</summary>
        public string Name { get; }

        /// <summary>The string literal that spells an env var or configuration key (what a fix renames).</summary>
        public Location? NameLocation { get; }

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
    /// through the fields, properties, constructor parameters (primary constructors included) and consts of
    /// the same type, read from their declarations. Bounded: a few levels, no whole-tree walks.
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

        private static void Collect(IOperation operation, WellKnownTypes types, List<CredentialSource> sources, HashSet<ISymbol> seen, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            foreach (var node in operation.DescendantsAndSelf())
            {
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
                        sources.Add(new CredentialSource(CredentialSourceKind.Symbol, local.Local.Name, null));
                        FollowLocal(local, types, sources, seen, depth);
                        break;
                    case IParameterReferenceOperation parameter when seen.Add(parameter.Parameter):
                        sources.Add(new CredentialSource(CredentialSourceKind.Symbol, parameter.Parameter.Name, null));
                        break;
                    case IMemberReferenceOperation member when (member.Member is IFieldSymbol || member.Member is IPropertySymbol) && seen.Add(member.Member):
                        sources.Add(new CredentialSource(CredentialSourceKind.Symbol, member.Member.Name, null));
                        FollowMember(member.Member, types, sources);
                        break;
                }
            }
        }

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
        /// A field or property of source code: its initializer, and constructor assignments "member = parameter"
        /// in its type (constructor-injected keys), read from syntax without a semantic model.
        /// </summary>
        private static void FollowMember(ISymbol member, WellKnownTypes types, List<CredentialSource> sources)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                var initializer = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                    _ => null,
                };
                if (initializer != null)
                {
                    CollectFromSyntax(initializer, sources);
                }
            }

            var type = member.ContainingType;
            if (type == null)
            {
                return;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (!(reference.GetSyntax() is TypeDeclarationSyntax declaration))
                {
                    continue;
                }

                foreach (var constructor in declaration.Members)
                {
                    if (!(constructor is ConstructorDeclarationSyntax ctor))
                    {
                        continue;
                    }

                    var body = (SyntaxNode?)ctor.Body ?? ctor.ExpressionBody;
                    if (body == null)
                    {
                        continue;
                    }

                    foreach (var assignment in body.DescendantNodes())
                    {
                        if (assignment is AssignmentExpressionSyntax { Left: var left } set && NameOf(left) == member.Name)
                        {
                            CollectFromSyntax(set.Right, sources);
                        }
                    }
                }
            }
        }

        /// <summary>Names in an initializer or assigned value: env var reads, configuration keys, identifiers.</summary>
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
                    case IdentifierNameSyntax identifier when !(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier && access.Expression != identifier):
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
        public const string PatternsKey = InworldOptions.Prefix + "realtime_key_patterns";
        public const string SourcesKey = InworldOptions.Prefix + "realtime_key_sources";

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
