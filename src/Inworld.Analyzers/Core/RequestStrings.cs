using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// The strings a request could be addressed with, near an Authorization attachment: the method's string
    /// literals and the constant values of the fields and properties it uses, and, once per type, the string
    /// literals of the type's declaration (a BaseAddress or endpoint set elsewhere). INW002 asks whether any
    /// is an Inworld URL; INW003/INW005 classify them. One instance per compilation.
    /// </summary>
    internal sealed class RequestStrings
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<string>> _typeStrings =
            new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<string>>(SymbolEqualityComparer.Default);

        /// <summary>Strings of the whole operation block that contains <paramref name="operation"/>.</summary>
        public static List<string> InMethod(IOperation operation)
        {
            var strings = new List<string>();
            var root = operation;
            while (root.Parent != null) root = root.Parent;
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

            return strings;
        }

        /// <summary>Strings in the declaration of the symbol's type that may address a request, read once per type.</summary>
        public ImmutableArray<string> InType(ISymbol? containingSymbol)
        {
            var type = containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType;
            return type != null ? _typeStrings.GetOrAdd(type, Read) : ImmutableArray<string>.Empty;
        }

        private static ImmutableArray<string> Read(INamedTypeSymbol type)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                foreach (var token in reference.GetSyntax().DescendantTokens())
                {
                    var isString = token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.Parent is LiteralExpressionSyntax;
                    if (isString && (token.ValueText.IndexOf("inworld", StringComparison.OrdinalIgnoreCase) >= 0 || token.ValueText.IndexOf('/') >= 0))
                    {
                        builder.Add(token.ValueText);
                    }
                }
            }

            return builder.ToImmutable();
        }
    }
}
