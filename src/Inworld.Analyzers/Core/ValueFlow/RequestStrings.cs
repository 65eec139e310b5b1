using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Core.ValueFlow
{
    /// <summary>
    /// Where a request goes: the strings it could be addressed with, near an Authorization attachment. The
    /// method's string literals and the constant values of the fields and properties it uses, read once per
    /// operation block; and the strings of the containing type's declaration that may address a request (a
    /// BaseAddress or endpoint set elsewhere), read once per type. INW002 asks whether any is an Inworld URL;
    /// INW003/INW005 classify them. One instance per compilation: the caches live as long as it does.
    /// </summary>
    internal sealed class RequestStrings
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<string>> _typeStrings =
            new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<string>>(SymbolEqualityComparer.Default);

        // By operation block: a method with several Authorization headers is walked once. Weak, so a block's
        // operations are not kept alive by the cache after the compiler lets go of them.
        private readonly ConditionalWeakTable<IOperation, string[]> _blockStrings = new ConditionalWeakTable<IOperation, string[]>();

        private static readonly ConditionalWeakTable<IOperation, string[]>.CreateValueCallback ReadBlock = ReadBlockStrings;

        /// <summary>Strings of the whole operation block that contains <paramref name="operation"/>.</summary>
        public IReadOnlyList<string> InMethod(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null) root = root.Parent;
            return _blockStrings.GetValue(root, ReadBlock);
        }

        private static string[] ReadBlockStrings(IOperation root)
        {
            var strings = new List<string>();
            foreach (var node in root.DescendantsAndSelf())
            {
                switch (node)
                {
                    case ILiteralOperation literal when StringValues.LiteralText(literal) is string text:
                        strings.Add(text);
                        break;
                    case IFieldReferenceOperation field when StringValues.SymbolValue(field.Field, out _) is string fieldValue:
                        strings.Add(fieldValue);
                        break;
                    case IPropertyReferenceOperation property when property.Arguments.IsEmpty && StringValues.SymbolValue(property.Property, out _) is string propertyValue:
                        strings.Add(propertyValue);
                        break;
                }
            }

            return strings.ToArray();
        }

        /// <summary>Strings in the declaration of the symbol's type that may address a request, read once per type.</summary>
        public ImmutableArray<string> InType(ISymbol? containingSymbol)
        {
            var type = containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType;
            return type != null ? _typeStrings.GetOrAdd(type, ReadType) : ImmutableArray<string>.Empty;
        }

        private static ImmutableArray<string> ReadType(INamedTypeSymbol type)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                foreach (var token in reference.GetSyntax().DescendantTokens())
                {
                    var isString = token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.Parent is LiteralExpressionSyntax;
                    if (isString && MayAddressRequest(token.ValueText))
                    {
                        builder.Add(token.ValueText);
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// A path (relative to a base address, or part of a URL), or an Inworld URL without one ("api.inworld.ai"):
        /// the only strings the rules' URL questions can answer anything but "not Inworld" for.
        /// </summary>
        private static bool MayAddressRequest(string text) => text.IndexOf('/') >= 0 || InworldEndpoints.IsInworldUrl(text);
    }
}
