using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// Computes the string a C# expression always produces when it is built only from constants: literals,
    /// const and read-only fields and locals initialised with literals, and concatenations of those (+,
    /// interpolation, string.Concat and string.Format). Anything else makes the value unknown.
    /// </summary>
    internal static class StringValues
    {
        private const int MaxParts = 64;
        private const int MaxLength = 8192;

        /// <summary>
        /// A string literal's value, read from its token. Newer compilers keep folded string constants in a
        /// rope and build the string on request (caching it behind a weak reference), so ConstantValue allocates
        /// where the token does not. Non-string literals return null without boxing their value.
        /// </summary>
        public static string? LiteralText(ILiteralOperation literal)
        {
            switch (literal.Syntax)
            {
                case LiteralExpressionSyntax syntax:
                    return syntax.IsKind(SyntaxKind.StringLiteralExpression) ? syntax.Token.ValueText : null;
                case InterpolatedStringTextSyntax text when IsPlainInterpolation(text):
                    {
                        // The token of a $"..." or $@"..." text part holds the value with its escapes resolved,
                        // except doubled braces, which the compiler halves when it binds.
                        var value = text.TextToken.ValueText;
                        if (value.IndexOf('{') < 0 && value.IndexOf('}') < 0)
                        {
                            return value;
                        }

                        goto default;
                    }

                default:
                    // Implicit literals (an optional parameter's default) and raw interpolated text.
                    var constant = literal.ConstantValue;
                    return constant.HasValue ? constant.Value as string : null;
            }
        }

        /// <summary>
        /// Like <see cref="LiteralText"/>, but null for any literal shorter than <paramref name="minLength"/>
        /// characters, decided from the source width before the token or its text is read: no escape, quote or
        /// indentation makes a value longer than its source, so the skip is exact.
        /// </summary>
        public static string? LiteralTextOfLength(ILiteralOperation literal, int minLength)
        {
            var syntax = literal.Syntax;
            if ((syntax is LiteralExpressionSyntax || syntax is InterpolatedStringTextSyntax) && syntax.FullSpan.Length < minLength)
            {
                return null;
            }

            var text = LiteralText(literal);
            return text != null && text.Length >= minLength ? text : null;
        }

        /// <summary>A constant string operation's value (a literal read from its token, see <see cref="LiteralText"/>), else null.</summary>
        public static string? ConstantString(IOperation? operation)
        {
            if (operation == null)
            {
                return null;
            }

            if (operation is ILiteralOperation literal)
            {
                return LiteralText(literal);
            }

            var constant = operation.ConstantValue;
            return constant.HasValue ? constant.Value as string : null;
        }

        private static bool IsPlainInterpolation(InterpolatedStringTextSyntax text)
            => text.Parent is InterpolatedStringExpressionSyntax expression &&
               (expression.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken) ||
                expression.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken));

        /// <summary>
        /// Is this operation a concatenation: one that composes a string from parts (+ on strings, an
        /// interpolated string, string.Concat or string.Format)? "Concatenation" is this module's one word for all four.
        /// </summary>
        public static bool IsConcatenation(IOperation operation)
        {
            // Switches on Kind, not on interface types: this runs for every binary operator and call in the code
            // base, and an enum compare is far cheaper than a chain of interface casts.
            switch (operation.Kind)
            {
                case OperationKind.Binary:
                    var binary = (IBinaryOperation)operation;
                    return binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String;
                case OperationKind.InterpolatedString:
                    return true;
                case OperationKind.Invocation:
                    return IsStringConcatOrFormat(((IInvocationOperation)operation).TargetMethod);
                default:
                    return false;
            }
        }

        public static bool IsStringConcatOrFormat(IMethodSymbol method)
            => (method.Name == "Concat" || method.Name == "Format") && method.IsStatic &&
               method.ContainingType?.SpecialType == SpecialType.System_String;

        /// <summary>The nearest concatenation this operation is a part of, looking through conversions, or null if none.</summary>
        public static IOperation? EnclosingConcatenation(IOperation operation)
        {
            var current = operation.Parent;
            for (var depth = 0; depth < 8 && current != null; depth++)
            {
                if (!IsPassedThrough(current.Kind))
                {
                    return IsConcatenation(current) ? current : null;
                }

                current = current.Parent;
            }

            return null;
        }

        /// <summary>
        /// One enum compare in front of <see cref="EnclosingConcatenation"/>: false when the parent can lead to no
        /// concatenation (an argument of an ordinary call still can; an initialiser or a return cannot).
        /// </summary>
        public static bool MayBeInConcatenation(IOperation operation)
        {
            var parent = operation.Parent;
            return parent != null && (IsPassedThrough(parent.Kind) || parent.Kind == OperationKind.Binary ||
                                      parent.Kind == OperationKind.InterpolatedString || parent.Kind == OperationKind.Invocation);
        }

        /// <summary>The parents between a part and the concatenation it belongs to.</summary>
        private static bool IsPassedThrough(OperationKind kind)
        {
            switch (kind)
            {
                case OperationKind.Conversion:
                case OperationKind.Interpolation:
                case OperationKind.InterpolatedStringText:
                case OperationKind.Argument:
                case OperationKind.ArrayInitializer:
                case OperationKind.ArrayCreation:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The outermost concatenation that contains <paramref name="concatenation"/> (or itself), or null when that
        /// is further up than any evaluation goes down (<see cref="MaxDepth"/>), so the outermost one cannot evaluate.
        /// </summary>
        public static IOperation? OutermostConcatenation(IOperation? concatenation)
        {
            for (var hops = 0; concatenation != null && hops <= MaxDepth; hops++)
            {
                var outer = EnclosingConcatenation(concatenation);
                if (outer == null)
                {
                    return concatenation;
                }

                concatenation = outer;
            }

            return null;
        }

        /// <summary>Deeper nesting than this ("a" + "b" + ... thousands of times) is not evaluated: no deep recursion.</summary>
        private const int MaxDepth = 64;

        /// <summary>What the walks below do with each part of a concatenation, in order.</summary>
        private interface IPartVisitor
        {
            /// <summary>
            /// Called once per part; false stops the walk. <paramref name="isFormat"/> marks the format argument of
            /// string.Format.
            /// </summary>
            bool Visit(IOperation part, bool isFormat);
        }

        /// <summary>
        /// The one walk over the shapes of a concatenation: the operands of +, the texts and holes of an
        /// interpolation, and the arguments of string.Concat/Format (except a format provider) with params-array
        /// elements in place. False when the operation is no concatenation, a part cannot be a plain value (an
        /// interpolation hole with alignment or format), or the visitor stopped. Every walk that needs the parts
        /// (<see cref="MayEvaluate"/>, <see cref="FirstLeaf"/>, <see cref="TryEvaluate"/>) goes through here, so a new
        /// shape is added in this one place. Generic over a struct visitor: no delegate, no allocation.
        /// </summary>
        private static bool ForEachPart<TVisitor>(IOperation concatenation, ref TVisitor visitor)
            where TVisitor : struct, IPartVisitor
        {
            switch (concatenation.Kind)
            {
                case OperationKind.Binary:
                    var binary = (IBinaryOperation)concatenation;
                    return IsConcatenation(binary) && visitor.Visit(binary.LeftOperand, false) && visitor.Visit(binary.RightOperand, false);
                case OperationKind.InterpolatedString:
                    foreach (var part in ((IInterpolatedStringOperation)concatenation).Parts)
                    {
                        var value = part switch
                        {
                            IInterpolatedStringTextOperation text => text.Text,
                            IInterpolationOperation interpolation when interpolation.Alignment == null && interpolation.FormatString == null => interpolation.Expression,
                            _ => null,
                        };
                        if (value == null || !visitor.Visit(value, false))
                        {
                            return false;
                        }
                    }

                    return true;
                case OperationKind.Invocation:
                    var invocation = (IInvocationOperation)concatenation;
                    if (!IsStringConcatOrFormat(invocation.TargetMethod))
                    {
                        return false;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        var parameter = argument.Parameter;
                        if (parameter?.Name == "provider")
                        {
                            continue;
                        }

                        if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                        {
                            foreach (var element in initializer.ElementValues)
                            {
                                if (!visitor.Visit(element, false)) return false;
                            }
                        }
                        else if (!visitor.Visit(argument.Value, parameter?.Name == "format" && parameter.Type.SpecialType == SpecialType.System_String))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A leaf of a concatenation: a literal, or a reference to a field, local or property that may hold a constant.</summary>
        private static bool IsLeaf(OperationKind kind)
            => kind == OperationKind.Literal || kind == OperationKind.FieldReference || kind == OperationKind.LocalReference || kind == OperationKind.PropertyReference;

        /// <summary>
        /// Steps through conversions that keep a string a string (and null + "..." converting null): the parts a
        /// walk looks through. Any other conversion (an int boxed for string.Concat(object, object)) is a value
        /// no walk evaluates.
        /// </summary>
        private static IOperation SkipStringConversions(IOperation operation)
        {
            while (operation.Kind == OperationKind.Conversion && IsStringOrNull(((IConversionOperation)operation).Operand))
            {
                operation = ((IConversionOperation)operation).Operand;
            }

            return operation;
        }

        /// <summary>A string-typed operand, or the null literal (null + "..." converts null to string).</summary>
        private static bool IsStringOrNull(IOperation operand)
            => operand.Type?.SpecialType == SpecialType.System_String ||
               (operand.Type == null && operand.Kind == OperationKind.Literal && operand.ConstantValue.HasValue && operand.ConstantValue.Value == null);

        /// <summary>
        /// Could <see cref="TryEvaluate"/> succeed? The same walk that allocates nothing and reads no syntax: the
        /// first part that is not a constant (a parameter, a call, a mutable field) ends it. Almost every
        /// concatenation in real code has such a part, so this is what they cost.
        /// </summary>
        public static bool MayEvaluate(IOperation operation) => MayEvaluate(operation, 0);

        private static bool MayEvaluate(IOperation operation, int depth)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            operation = SkipStringConversions(operation);
            switch (operation.Kind)
            {
                case OperationKind.Literal:
                    // A string or null literal. Reading ConstantValue here would build the string (see LiteralText).
                    return operation.Type == null || operation.Type.SpecialType == SpecialType.System_String;
                case OperationKind.FieldReference:
                    var field = ((IFieldReferenceOperation)operation).Field;
                    return field.Type.SpecialType == SpecialType.System_String && (field.HasConstantValue || field.IsReadOnly);
                case OperationKind.LocalReference:
                    return ((ILocalReferenceOperation)operation).Local.Type.SpecialType == SpecialType.System_String;
                case OperationKind.PropertyReference:
                    var property = ((IPropertyReferenceOperation)operation).Property;
                    return property.Type.SpecialType == SpecialType.System_String && property.IsReadOnly;
                default:
                    var parts = new MayEvaluateParts(depth + 1);
                    return ForEachPart(operation, ref parts);
            }
        }

        private readonly struct MayEvaluateParts : IPartVisitor
        {
            private readonly int _depth;

            public MayEvaluateParts(int depth) => _depth = depth;

            public bool Visit(IOperation part, bool isFormat) => MayEvaluate(part, _depth);
        }

        /// <summary>
        /// The part <see cref="MayEvaluate"/> and <see cref="TryEvaluate"/> look at first: the leftmost leaf (a
        /// literal or a field, local or property reference), or null where the concatenation starts with anything
        /// else and so cannot evaluate. A rule that sees every leaf can judge each concatenation exactly once, from
        /// this leaf, instead of running for every binary operator and call in the code base.
        /// </summary>
        public static IOperation? FirstLeaf(IOperation concatenation)
        {
            var current = concatenation;
            for (var depth = 0; depth <= MaxDepth; depth++)
            {
                current = SkipStringConversions(current);
                if (IsLeaf(current.Kind))
                {
                    return current;
                }

                var first = new FirstPart();
                ForEachPart(current, ref first);
                if (first.Part == null)
                {
                    return null;
                }

                current = first.Part;
            }

            return null;
        }

        private struct FirstPart : IPartVisitor
        {
            public IOperation? Part;

            public bool Visit(IOperation part, bool isFormat)
            {
                Part = part;
                return false;
            }
        }

        /// <summary>
        /// Evaluates a concatenation (or a single leaf). <paramref name="parts"/> receives each constant leaf
        /// (literal or symbol reference) so the caller can tell whether a fragment was already a finding on its own.
        /// </summary>
        public static string? TryEvaluate(IOperation operation, List<IOperation> parts)
        {
            var builder = new StringBuilder();
            return Append(operation, builder, parts, 0) ? builder.ToString() : null;
        }

        private static bool Append(IOperation operation, StringBuilder builder, List<IOperation> parts, int depth)
        {
            if (parts.Count > MaxParts || builder.Length > MaxLength || depth > MaxDepth)
            {
                return false;
            }

            operation = SkipStringConversions(operation);
            switch (operation.Kind)
            {
                case OperationKind.Literal:
                    {
                        var literal = (ILiteralOperation)operation;
                        var text = LiteralText(literal);
                        if (text == null)
                        {
                            // null contributes nothing to a concatenation; any other non-string literal is not text.
                            return literal.ConstantValue.HasValue && literal.ConstantValue.Value == null;
                        }

                        parts.Add(literal);
                        builder.Append(text);
                        return true;
                    }

                case OperationKind.FieldReference:
                case OperationKind.LocalReference:
                case OperationKind.PropertyReference:
                    {
                        var value = ReferencedSymbol(operation) is ISymbol symbol ? SymbolValue(symbol, out _) : null;
                        if (value == null)
                        {
                            return false;
                        }

                        parts.Add(operation);
                        builder.Append(value);
                        return true;
                    }

                case OperationKind.Invocation when ((IInvocationOperation)operation).TargetMethod.Name == "Format":
                    return AppendFormat(operation, builder, parts, depth + 1);
                default:
                    var appended = new AppendedParts(builder, parts, depth + 1);
                    return ForEachPart(operation, ref appended);
            }
        }

        /// <summary>The field, local or property a leaf reads; null for any other operation.</summary>
        public static ISymbol? ReferencedSymbol(IOperation reference) => reference switch
        {
            IFieldReferenceOperation field => field.Field,
            ILocalReferenceOperation local => local.Local,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        private readonly struct AppendedParts : IPartVisitor
        {
            private readonly StringBuilder _builder;
            private readonly List<IOperation> _parts;
            private readonly int _depth;

            public AppendedParts(StringBuilder builder, List<IOperation> parts, int depth)
            {
                _builder = builder;
                _parts = parts;
                _depth = depth;
            }

            public bool Visit(IOperation part, bool isFormat) => Append(part, _builder, _parts, _depth);
        }

        private static bool AppendFormat(IOperation invocation, StringBuilder builder, List<IOperation> parts, int depth)
        {
            var format = new FormatParts(parts, depth);
            if (!ForEachPart(invocation, ref format) || format.Format == null)
            {
                return false;
            }

            try
            {
                builder.Append(string.Format(CultureInfo.InvariantCulture, format.Format, format.Values.ToArray()));
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        /// <summary>string.Format's parts, each evaluated on its own: the format and the values it places.</summary>
        private struct FormatParts : IPartVisitor
        {
            private readonly List<IOperation> _parts;
            private readonly int _depth;

            public FormatParts(List<IOperation> parts, int depth)
            {
                _parts = parts;
                _depth = depth;
                Format = null;
                Values = new List<string>();
            }

            public string? Format;

            public List<string> Values { get; }

            public bool Visit(IOperation part, bool isFormat)
            {
                var builder = new StringBuilder();
                if (!Append(part, builder, _parts, _depth + 1))
                {
                    return false;
                }

                if (isFormat)
                {
                    Format = builder.ToString();
                }
                else
                {
                    Values.Add(builder.ToString());
                }

                return true;
            }
        }

        /// <summary>
        /// The string a symbol always holds: a const, or a read-only field, get-only property or local
        /// declared with a string literal initialiser. <paramref name="literal"/> is that literal's syntax.
        /// </summary>
        public static string? SymbolValue(ISymbol symbol, out LiteralExpressionSyntax? literal)
        {
            literal = null;
            switch (symbol)
            {
                case IFieldSymbol field when field.Type.SpecialType == SpecialType.System_String:
                    if (field.HasConstantValue)
                    {
                        literal = InitializerLiteral(field);
                        return field.ConstantValue as string;
                    }

                    if (!field.IsReadOnly)
                    {
                        return null;
                    }

                    break;
                case ILocalSymbol local when local.Type.SpecialType == SpecialType.System_String:
                    if (local.HasConstantValue)
                    {
                        literal = InitializerLiteral(local);
                        return local.ConstantValue as string;
                    }

                    break;
                case IPropertySymbol property when property.Type.SpecialType == SpecialType.System_String && property.IsReadOnly:
                    break;
                default:
                    return null;
            }

            literal = InitializerLiteral(symbol);
            return literal?.Token.ValueText;
        }

        private static LiteralExpressionSyntax? InitializerLiteral(ISymbol symbol)
        {
            var references = symbol.DeclaringSyntaxReferences;
            if (references.Length != 1)
            {
                return null;
            }

            var syntax = references[0].GetSyntax();
            var initializer = syntax switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };
            return initializer is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;
        }
    }
}
