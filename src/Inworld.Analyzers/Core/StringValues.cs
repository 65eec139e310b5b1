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
    /// Computes the string a C# expression always produces when it is built only from constants:
    /// literals, const and read-only fields and locals initialised with literals, +, interpolation,
    /// string.Concat and string.Format. Anything else makes the value unknown.
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

        private static bool IsPlainInterpolation(InterpolatedStringTextSyntax text)
            => text.Parent is InterpolatedStringExpressionSyntax expression &&
               (expression.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken) ||
                expression.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken));

        /// <summary>Is this operation one that assembles a string from parts?</summary>
        public static bool IsStringAssembly(IOperation operation)
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

        /// <summary>The nearest assembling ancestor, looking through conversions, or null if none.</summary>
        public static IOperation? EnclosingAssembly(IOperation operation)
        {
            var current = operation.Parent;
            for (var depth = 0; depth < 8 && current != null; depth++)
            {
                if (!IsPassedThrough(current.Kind))
                {
                    return IsStringAssembly(current) ? current : null;
                }

                current = current.Parent;
            }

            return null;
        }

        /// <summary>
        /// One enum compare in front of <see cref="EnclosingAssembly"/>: false when the parent can lead to no
        /// assembly (an argument of an ordinary call still can; an initialiser or a return cannot).
        /// </summary>
        public static bool MayBeInAssembly(IOperation operation)
        {
            var parent = operation.Parent;
            return parent != null && (IsPassedThrough(parent.Kind) || parent.Kind == OperationKind.Binary ||
                                      parent.Kind == OperationKind.InterpolatedString || parent.Kind == OperationKind.Invocation);
        }

        /// <summary>The parents between a part and the assembly it belongs to.</summary>
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
        /// The outermost assembly that contains <paramref name="assembly"/> (or itself), or null when that is
        /// further up than any evaluation goes down (so the outermost assembly cannot evaluate).
        /// </summary>
        public static IOperation? OutermostAssembly(IOperation? assembly)
        {
            for (var hops = 0; assembly != null && hops <= MaxDepth; hops++)
            {
                var outer = EnclosingAssembly(assembly);
                if (outer == null)
                {
                    return assembly;
                }

                assembly = outer;
            }

            return null;
        }

        /// <summary>
        /// Could <see cref="TryEvaluate"/> succeed? A walk over the same shapes that allocates nothing and reads
        /// no syntax: the first part that is not a constant (a parameter, a call, a mutable field) ends it. Almost
        /// every concatenation and interpolation in real code has such a part, so this is what they cost.
        /// </summary>
        public static bool MayEvaluate(IOperation operation) => MayEvaluate(operation, 0);

        private static bool MayEvaluate(IOperation? operation, int depth)
        {
            if (operation == null || depth > MaxDepth)
            {
                return false;
            }

            switch (operation.Kind)
            {
                case OperationKind.Conversion:
                    var conversion = (IConversionOperation)operation;
                    return IsStringOrNull(conversion.Operand) && MayEvaluate(conversion.Operand, depth + 1);
                case OperationKind.Literal:
                    // A string or null literal. Reading ConstantValue here would build the string (see LiteralText).
                    return operation.Type == null || operation.Type.SpecialType == SpecialType.System_String;
                case OperationKind.Binary:
                    var binary = (IBinaryOperation)operation;
                    return IsStringAssembly(binary) && MayEvaluate(binary.LeftOperand, depth + 1) && MayEvaluate(binary.RightOperand, depth + 1);
                case OperationKind.InterpolatedString:
                    var interpolated = (IInterpolatedStringOperation)operation;
                    foreach (var part in interpolated.Parts)
                    {
                        var ok = part switch
                        {
                            IInterpolatedStringTextOperation text => MayEvaluate(text.Text, depth + 1),
                            IInterpolationOperation interpolation => interpolation.Alignment == null && interpolation.FormatString == null && MayEvaluate(interpolation.Expression, depth + 1),
                            _ => false,
                        };
                        if (!ok)
                        {
                            return false;
                        }
                    }

                    return true;
                case OperationKind.Invocation:
                    var invocation = (IInvocationOperation)operation;
                    if (!IsStringConcatOrFormat(invocation.TargetMethod))
                    {
                        return false;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Name == "provider")
                        {
                            continue;
                        }

                        if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                        {
                            foreach (var element in initializer.ElementValues)
                            {
                                if (!MayEvaluate(element, depth + 1)) return false;
                            }
                        }
                        else if (!MayEvaluate(argument.Value, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                case OperationKind.FieldReference:
                    var field = ((IFieldReferenceOperation)operation).Field;
                    return field.Type.SpecialType == SpecialType.System_String && (field.HasConstantValue || field.IsReadOnly);
                case OperationKind.LocalReference:
                    return ((ILocalReferenceOperation)operation).Local.Type.SpecialType == SpecialType.System_String;
                case OperationKind.PropertyReference:
                    var property = ((IPropertyReferenceOperation)operation).Property;
                    return property.Type.SpecialType == SpecialType.System_String && property.IsReadOnly;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The operation <see cref="MayEvaluate"/> and <see cref="TryEvaluate"/> look at first: the leftmost
        /// constant leaf (a literal or a field, local or property reference), or null where the assembly starts
        /// with anything else and so cannot evaluate. A rule that sees every leaf can judge each assembly exactly
        /// once, from this leaf, instead of running for every binary operator and call in the code base.
        /// </summary>
        public static IOperation? FirstLeaf(IOperation assembly)
        {
            var current = assembly;
            for (var depth = 0; depth <= MaxDepth; depth++)
            {
                switch (current.Kind)
                {
                    case OperationKind.Literal:
                    case OperationKind.FieldReference:
                    case OperationKind.LocalReference:
                    case OperationKind.PropertyReference:
                        return current;
                    case OperationKind.Conversion:
                        current = ((IConversionOperation)current).Operand;
                        continue;
                    case OperationKind.Binary:
                        var binary = (IBinaryOperation)current;
                        if (!IsStringAssembly(binary))
                        {
                            return null;
                        }

                        current = binary.LeftOperand;
                        continue;
                    case OperationKind.InterpolatedString:
                        var parts = ((IInterpolatedStringOperation)current).Parts;
                        if (parts.IsEmpty)
                        {
                            return null;
                        }

                        switch (parts[0])
                        {
                            case IInterpolatedStringTextOperation text:
                                current = text.Text;
                                continue;
                            case IInterpolationOperation interpolation when interpolation.Alignment == null && interpolation.FormatString == null:
                                current = interpolation.Expression;
                                continue;
                            default:
                                return null;
                        }

                    case OperationKind.Invocation:
                        var next = FirstConcatOrFormatValue((IInvocationOperation)current);
                        if (next == null)
                        {
                            return null;
                        }

                        current = next;
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static IOperation? FirstConcatOrFormatValue(IInvocationOperation invocation)
        {
            if (!IsStringConcatOrFormat(invocation.TargetMethod))
            {
                return null;
            }

            // The order of MayEvaluate: every argument except a format provider, array elements in place.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "provider")
                {
                    continue;
                }

                if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    if (initializer.ElementValues.IsEmpty)
                    {
                        continue;
                    }

                    return initializer.ElementValues[0];
                }

                return argument.Value;
            }

            return null;
        }

        /// <summary>A string-typed operand, or the null literal (null + "..." converts null to string).</summary>
        private static bool IsStringOrNull(IOperation operand)
            => operand.Type?.SpecialType == SpecialType.System_String ||
               (operand.Type == null && operand.Kind == OperationKind.Literal && operand.ConstantValue.HasValue && operand.ConstantValue.Value == null);

        /// <summary>
        /// Evaluates an assembled string. <paramref name="parts"/> receives each constant leaf (literal or symbol)
        /// so the caller can tell whether a fragment was already a finding on its own.
        /// </summary>
        public static string? TryEvaluate(IOperation operation, List<IOperation> parts)
        {
            var builder = new StringBuilder();
            return Append(operation, builder, parts, 0) ? builder.ToString() : null;
        }

        /// <summary>Deeper nesting than this ("a" + "b" + ... thousands of times) is not evaluated: no deep recursion.</summary>
        private const int MaxDepth = 64;

        private static bool Append(IOperation operation, StringBuilder builder, List<IOperation> parts, int depth)
        {
            if (parts.Count > MaxParts || builder.Length > MaxLength || depth > MaxDepth)
            {
                return false;
            }

            switch (operation)
            {
                case IConversionOperation conversion when IsStringOrNull(conversion.Operand):
                    return Append(conversion.Operand, builder, parts, depth + 1);
                case ILiteralOperation literal:
                    {
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

                case IBinaryOperation binary when IsStringAssembly(binary):
                    return Append(binary.LeftOperand, builder, parts, depth + 1) && Append(binary.RightOperand, builder, parts, depth + 1);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        switch (part)
                        {
                            case IInterpolatedStringTextOperation text:
                                if (!Append(text.Text, builder, parts, depth + 1)) return false;
                                break;
                            case IInterpolationOperation interpolation when interpolation.Alignment == null && interpolation.FormatString == null:
                                if (!Append(interpolation.Expression, builder, parts, depth + 1)) return false;
                                break;
                            default:
                                return false;
                        }
                    }

                    return true;
                case IInvocationOperation invocation when IsStringConcatOrFormat(invocation.TargetMethod):
                    return invocation.TargetMethod.Name == "Concat"
                        ? AppendConcat(invocation, builder, parts, depth + 1)
                        : AppendFormat(invocation, builder, parts, depth + 1);
                case IFieldReferenceOperation _:
                case ILocalReferenceOperation _:
                case IPropertyReferenceOperation _:
                    {
                        var symbol = ((IOperation)operation) switch
                        {
                            IFieldReferenceOperation f => (ISymbol)f.Field,
                            ILocalReferenceOperation l => l.Local,
                            IPropertyReferenceOperation p => p.Property,
                            _ => null,
                        };
                        var value = symbol != null ? SymbolValue(symbol, out _) : null;
                        if (value == null)
                        {
                            return false;
                        }

                        parts.Add(operation);
                        builder.Append(value);
                        return true;
                    }

                default:
                    return false;
            }
        }

        private static bool AppendConcat(IInvocationOperation invocation, StringBuilder builder, List<IOperation> parts, int depth)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        if (!Append(element, builder, parts, depth + 1)) return false;
                    }
                }
                else if (!Append(argument.Value, builder, parts, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AppendFormat(IInvocationOperation invocation, StringBuilder builder, List<IOperation> parts, int depth)
        {
            var values = new List<string>();
            string? format = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && argument.Parameter.Name == "format")
                {
                    format = ValueOf(argument.Value, parts, depth);
                    if (format == null) return false;
                }
                else if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        var value = ValueOf(element, parts, depth);
                        if (value == null) return false;
                        values.Add(value);
                    }
                }
                else if (argument.Parameter?.Name == "provider")
                {
                    continue;
                }
                else
                {
                    var value = ValueOf(argument.Value, parts, depth);
                    if (value == null) return false;
                    values.Add(value);
                }
            }

            if (format == null)
            {
                return false;
            }

            try
            {
                builder.Append(string.Format(CultureInfo.InvariantCulture, format, values.ToArray()));
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private static string? ValueOf(IOperation operation, List<IOperation> parts, int depth)
        {
            var builder = new StringBuilder();
            return Append(operation, builder, parts, depth + 1) ? builder.ToString() : null;
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
