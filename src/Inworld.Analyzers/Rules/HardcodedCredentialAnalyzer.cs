using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Rules
{
    /// <summary>
    /// INW001: an Inworld API key, key id, secret or raw "id:secret" pair written into C#.
    /// Each value is reported once: at the literal that holds it, or at the expression that assembles it
    /// from constant fragments that are harmless alone.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedCredential);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var inworld = InworldContext.For(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
                var analysis = new Analysis(inworld);
                var generated = GeneratedCode.For(start.Options, start.CancellationToken);
                var utf8Kind = Enum.TryParse<OperationKind>("Utf8String", out var kind) ? kind : (OperationKind?)null;

                // Operation actions are registered per operation block, after the per-tree pre-filter (TreeFacts)
                // has read the block's text: a method with no string literal gets no literal callbacks at all.
                start.RegisterOperationBlockStartAction(block =>
                {
                    if (block.OperationBlocks.IsEmpty)
                    {
                        return;
                    }

                    var treeKind = generated.KindOf(block.OperationBlocks[0].Syntax.SyntaxTree);
                    if (treeKind == TreeKind.Generated)
                    {
                        return;
                    }

                    // Hand-written trees get the rule's own callbacks; Razor output keeps the wrapper that moves findings.
                    Action<OperationAnalysisContext> Wrap(Action<OperationAnalysisContext> action) => treeKind == TreeKind.Source ? action : generated.Operations(action);

                    // Only leaves: literals and references to string symbols. A concatenation, interpolation or
                    // string.Concat/Format is judged from its first leaf (StringValues.FirstLeaf), so the rule is not
                    // called for every binary operator and method call in the code base.
                    if (inworld.MayHoldStringLiteral(block.OperationBlocks))
                    {
                        block.RegisterOperationAction(Wrap(analysis.AnalyzeLiteral), OperationKind.Literal);

                        // "..."u8 (C# 11) is an operation kind this 3.7-compiled assembly cannot name; newer hosts know it.
                        if (utf8Kind.HasValue)
                        {
                            block.RegisterOperationAction(Wrap(analysis.AnalyzeUtf8Literal), utf8Kind.Value);
                        }
                    }
                    else
                    {
                        // No literal is written here, but an omitted optional argument still brings its string default.
                        block.RegisterOperationAction(Wrap(analysis.AnalyzeOmittedArguments), OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.PropertyReference);
                    }

                    // A reference can carry a value declared in another file, or in a referenced assembly: always looked at.
                    block.RegisterOperationAction(Wrap(analysis.AnalyzeSymbolReference), OperationKind.FieldReference, OperationKind.LocalReference, OperationKind.PropertyReference);
                });

                // Hosts before Roslyn 4.x give no operations for attribute arguments; read those from syntax.
                start.RegisterSyntaxNodeAction(generated.SyntaxNodes(analysis.AnalyzeAttribute), SyntaxKind.Attribute);
            });
        }

        /// <summary>Fields of the diagnostic's Properties that the code fix reads.</summary>
        public static class PropertyNames
        {
            public const string Kind = "Kind";
            public const string BasicPrefix = "BasicPrefix";
            public const string Variable = "Variable";
            public const string SecondVariable = "SecondVariable";
        }

        private sealed class Analysis
        {
            private readonly InworldContext _context;
            private readonly WellKnownTypes _types;

            public Analysis(InworldContext context)
            {
                _context = context;
                _types = context.Types;
            }

            /// <summary>
            /// The string defaults of omitted optional arguments, in a block whose text holds no string literal (so
            /// the literal action was not registered there): each is judged as the literal callback would judge it.
            /// </summary>
            public void AnalyzeOmittedArguments(OperationAnalysisContext context)
            {
                var arguments = context.Operation switch
                {
                    IInvocationOperation invocation => invocation.Arguments,
                    IObjectCreationOperation creation => creation.Arguments,
                    IPropertyReferenceOperation property => property.Arguments,
                    _ => ImmutableArray<IArgumentOperation>.Empty,
                };
                foreach (var argument in arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue && argument.Value is ILiteralOperation literal)
                    {
                        AnalyzeLiteral(new OperationAnalysisContext(literal, context.ContainingSymbol, context.Compilation, context.Options, context.ReportDiagnostic, _ => true, context.CancellationToken));
                    }
                }
            }

            public void AnalyzeLiteral(OperationAnalysisContext context)
            {
                var literal = (ILiteralOperation)context.Operation;
                var type = literal.Type;
                if (type != null && type.SpecialType != SpecialType.System_String)
                {
                    // A number, char or bool: never part of a string that evaluates to a constant.
                    return;
                }

                // A null literal can still lead an assembly (null + "..."); only strings have a value to judge.
                JudgeAssemblyFromFirstLeaf(context, literal);
                if (type == null)
                {
                    return;
                }

                var value = StringValues.LiteralTextOfLength(literal, CredentialShape.MinKeyIdLength);
                if (value == null || !CredentialShape.CouldBeCredential(value))
                {
                    return;
                }

                AnalyzeLiteralValue(context, literal, value);
            }

            /// <summary>
            /// Is <paramref name="leaf"/> part of an assembly? When it is that assembly's first leaf, the whole
            /// assembly is judged here.
            /// </summary>
            private bool JudgeAssemblyFromFirstLeaf(OperationAnalysisContext context, IOperation leaf)
            {
                if (!StringValues.MayBeInAssembly(leaf))
                {
                    return false;
                }

                var enclosing = StringValues.EnclosingAssembly(leaf);
                if (enclosing == null)
                {
                    return false;
                }

                var outermost = StringValues.OutermostAssembly(enclosing);
                if (outermost != null && StringValues.FirstLeaf(outermost) == leaf)
                {
                    AnalyzeAssembly(context, outermost);
                }

                return true;
            }

            public void AnalyzeUtf8Literal(OperationAnalysisContext context)
            {
                if (context.Operation.Syntax is LiteralExpressionSyntax syntax)
                {
                    var value = syntax.Token.ValueText;
                    if (CredentialShape.CouldBeCredential(value))
                    {
                        AnalyzeLiteralValue(context, context.Operation, value);
                    }
                }
            }

            private void AnalyzeLiteralValue(OperationAnalysisContext context, IOperation literal, string value)
            {
                var assembly = StringValues.EnclosingAssembly(literal);
                if (assembly != null)
                {
                    // A fragment: only a complete API key is reported here; the outermost assembly judges the rest.
                    var key = CredentialShape.FindApiKey(value);
                    if (key.IsMatch && !IsInsideAttribute(literal.Syntax))
                    {
                        context.ReportDiagnostic(Report(literal.Syntax, value, key, Outermost(assembly), context.ContainingSymbol));
                    }

                    return;
                }

                ReportIfAny(context, AnalyzeValue(literal, literal.Syntax, value, context.ContainingSymbol, null), literal.Syntax);
            }

            private void AnalyzeAssembly(OperationAnalysisContext context, IOperation operation)
            {
                if (!StringValues.MayEvaluate(operation))
                {
                    return;
                }

                var parts = new List<IOperation>();
                var value = StringValues.TryEvaluate(operation, parts);
                if (value == null || !CredentialShape.CouldBeCredential(value))
                {
                    return;
                }

                // Skip when the value is only a reported constant plus harmless glue ("Basic " + Key); report
                // when it also carries a fresh credential-sized fragment (KeyId + ":" + "<secret literal>").
                var anyReported = false;
                var anyFreshCandidate = false;
                foreach (var part in parts)
                {
                    var partValue = PartValue(part);
                    if (IsFindingOnItsOwn(part, partValue))
                    {
                        anyReported = true;
                    }
                    else if (CredentialShape.MayContainCredential(partValue))
                    {
                        anyFreshCandidate = true;
                    }
                }

                if (anyReported && !anyFreshCandidate)
                {
                    return;
                }

                ReportIfAny(context, AnalyzeValue(operation, operation.Syntax, value, context.ContainingSymbol, null), operation.Syntax);
            }

            /// <summary>
            /// A const or literal-initialised symbol used where its name did not reveal it: the key id passed
            /// to new InworldClient(keyId, ...), a raw pair handed to Encoding.GetBytes before Base64.
            /// </summary>
            public void AnalyzeSymbolReference(OperationAnalysisContext context)
            {
                var reference = context.Operation;
                if (reference.Type?.SpecialType != SpecialType.System_String)
                {
                    return;
                }

                if (JudgeAssemblyFromFirstLeaf(context, reference))
                {
                    // A part of a concatenation or interpolation: the assembly as a whole is judged.
                    return;
                }

                var symbol = reference switch
                {
                    IFieldReferenceOperation f => (ISymbol)f.Field,
                    ILocalReferenceOperation l => l.Local,
                    IPropertyReferenceOperation p when p.Arguments.IsEmpty => p.Property,
                    _ => null,
                };
                if (symbol == null || reference.Parent is IAssignmentOperation { Target: var target } && target == reference)
                {
                    return;
                }

                // Where the value goes decides first: it is a walk up a few parents, while reading a value can
                // mean reading the symbol's declaration, and almost no reference flows into an Inworld-named or
                // Base64-encoded destination.
                var destination = ValueProvenance.FindDestination(reference, context.ContainingSymbol, _types);
                if (!destination.IsBase64Encoded && destination.NameKind == CredentialNameKind.None)
                {
                    return;
                }

                var value = StringValues.SymbolValue(symbol, out var declarationLiteral);
                if (value == null || !CredentialShape.CouldBeCredential(value) || IsFindingOnItsOwn(reference, value))
                {
                    return;
                }

                var sameTreeLiteral = declarationLiteral != null && declarationLiteral.SyntaxTree == reference.Syntax.SyntaxTree ? declarationLiteral : null;
                ReportIfAny(context, Classify(reference.Syntax, value, destination, sameTreeLiteral, contextOnly: true));
            }

            public void AnalyzeAttribute(SyntaxNodeAnalysisContext context)
            {
                var attribute = (AttributeSyntax)context.Node;
                if (attribute.ArgumentList == null)
                {
                    return;
                }

                foreach (var argument in attribute.ArgumentList.Arguments)
                {
                    AnalyzeAttributeArgument(context, attribute, argument);
                }
            }

            private void AnalyzeAttributeArgument(SyntaxNodeAnalysisContext context, AttributeSyntax attribute, AttributeArgumentSyntax argument)
            {
                // Cheap syntactic filter first: only arguments with a long enough string literal in them.
                var hasCandidate = false;
                foreach (var token in argument.Expression.DescendantTokens())
                {
                    if ((token.Parent is LiteralExpressionSyntax || token.Parent is InterpolatedStringTextSyntax) &&
                        CredentialShape.MayContainCredential(token.ValueText))
                    {
                        hasCandidate = true;
                        break;
                    }
                }

                if (!hasCandidate)
                {
                    return;
                }

                var attributeName = attribute.Name.ToString();
                var argumentName = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
                var nameKind = CredentialNames.Classify(argumentName ?? string.Empty, attributeName);
                var destination = new ValueDestination("an argument of attribute '" + attributeName + "'", nameKind, false, false);

                var reportedFragment = false;
                foreach (var node in argument.Expression.DescendantNodesAndSelf())
                {
                    if (node is LiteralExpressionSyntax literal && CredentialShape.MayContainCredential(literal.Token.ValueText))
                    {
                        var key = CredentialShape.FindApiKey(literal.Token.ValueText);
                        if (key.IsMatch)
                        {
                            context.ReportDiagnostic(CreateDiagnostic(literal, literal.Token.ValueText, key, CredentialKind.ApiKey, destination));
                            reportedFragment = true;
                        }
                    }
                }

                if (reportedFragment)
                {
                    return;
                }

                var constant = context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken);
                if (constant.HasValue && constant.Value is string value)
                {
                    var diagnostic = Classify(argument.Expression, value, destination, null, contextOnly: false);
                    if (diagnostic != null)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }

            // The rules return their diagnostic instead of taking a report callback: turning
            // context.ReportDiagnostic into a delegate boxes the whole context struct, on every value looked at.
            private static void ReportIfAny(OperationAnalysisContext context, Diagnostic? diagnostic)
            {
                if (diagnostic != null)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }

            // Attribute arguments are reported by AnalyzeAttribute, which also runs on hosts that give them no
            // operations. Asked last, because the question walks up the syntax and almost nothing gets this far.
            private static void ReportIfAny(OperationAnalysisContext context, Diagnostic? diagnostic, SyntaxNode syntax)
            {
                if (diagnostic != null && !IsInsideAttribute(syntax))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }

            private Diagnostic? AnalyzeValue(IOperation operation, SyntaxNode location, string value, ISymbol? containingSymbol, SyntaxNode? fixTarget, bool contextOnly = false)
            {
                var destination = ValueProvenance.FindDestination(operation, containingSymbol, _types);
                return Classify(location, value, destination, fixTarget, contextOnly);
            }

            private Diagnostic? Classify(SyntaxNode location, string value, ValueDestination destination, SyntaxNode? fixTarget, bool contextOnly)
            {
                if (!contextOnly)
                {
                    var key = CredentialShape.FindApiKey(value);
                    if (key.IsMatch)
                    {
                        return CreateDiagnostic(location, value, key, CredentialKind.ApiKey, destination, fixTarget);
                    }
                }

                var pair = CredentialShape.MatchRawKeyPair(value);
                if (pair.IsMatch && (pair.HasBasicPrefix || destination.IsBase64Encoded || destination.NameKind != CredentialNameKind.None))
                {
                    return CreateDiagnostic(location, value, pair, CredentialKind.RawKeyPair, destination, fixTarget);
                }

                if (destination.NameKind != CredentialNameKind.None &&
                    CredentialNames.ValueFitsName(destination.NameKind, value, destination.IsEnvironmentOrConfiguration))
                {
                    var kind = CredentialNames.ToCredentialKind(destination.NameKind);
                    var trimmedStart = value.Length - value.TrimStart().Length;
                    var match = new CredentialMatch(kind, trimmedStart, value.Trim().Length, false);
                    return CreateDiagnostic(location, value, match, kind, destination, fixTarget);
                }

                return null;
            }

            private Diagnostic Report(SyntaxNode location, string value, CredentialMatch key, IOperation destinationOf, ISymbol? containingSymbol)
            {
                var destination = ValueProvenance.FindDestination(destinationOf, containingSymbol, _types);
                return CreateDiagnostic(location, value, key, CredentialKind.ApiKey, destination);
            }

            private Diagnostic CreateDiagnostic(SyntaxNode location, string value, CredentialMatch match, CredentialKind kind, ValueDestination destination, SyntaxNode? fixTarget = null)
            {
                var options = _context.Options(location.SyntaxTree);
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties[PropertyNames.Kind] = kind.ToString();
                properties[PropertyNames.BasicPrefix] = match.HasBasicPrefix && match.CoversWholeValue(value) ? "true" : "false";
                if (kind == CredentialKind.RawKeyPair)
                {
                    properties[PropertyNames.Variable] = options.KeyIdVariable;
                    properties[PropertyNames.SecondVariable] = options.SecretVariable;
                }
                else if (kind == CredentialKind.ApiKey && !match.CoversWholeValue(value))
                {
                    // The key sits inside a larger text (a header line, JSON): no mechanical rewrite is safe.
                    properties[PropertyNames.Variable] = null;
                }
                else
                {
                    properties[PropertyNames.Variable] = options.VariableFor(kind);
                }

                var additional = fixTarget != null ? new[] { fixTarget.GetLocation() } : Array.Empty<Location>();
                return Diagnostic.Create(
                    Descriptors.HardcodedCredential,
                    location.GetLocation(),
                    additional,
                    properties.ToImmutable(),
                    CredentialNames.DescribeAsSubject(kind),
                    destination.Description,
                    CredentialShape.Redact(value, match));
            }

            /// <summary>Would this fragment (whose string value is <paramref name="value"/>) be reported where it is declared or written?</summary>
            private static bool IsFindingOnItsOwn(IOperation part, string? value)
            {
                if (value == null || !CredentialShape.MayContainCredential(value))
                {
                    return false;
                }

                switch (part)
                {
                    case ILiteralOperation _:
                        return CredentialShape.FindApiKey(value).IsMatch;
                    case IFieldReferenceOperation field:
                        return IsSymbolFinding(field.Field, field.Field.ContainingType, value);
                    case ILocalReferenceOperation local:
                        return IsSymbolFinding(local.Local, null, value);
                    case IPropertyReferenceOperation property:
                        return IsSymbolFinding(property.Property, property.Property.ContainingType, value);
                    default:
                        return false;
                }
            }

            private static bool IsSymbolFinding(ISymbol symbol, INamedTypeSymbol? containingType, string value)
            {
                if (CredentialShape.FindApiKey(value).IsMatch)
                {
                    return true;
                }

                var nameKind = CredentialNames.Classify(symbol.Name, containingType?.Name);
                if (nameKind == CredentialNameKind.None)
                {
                    return false;
                }

                return CredentialShape.MatchRawKeyPair(value).IsMatch || CredentialNames.ValueFitsName(nameKind, value, false);
            }

            private static string? PartValue(IOperation part) => part switch
            {
                ILiteralOperation literal => literal.ConstantValue.Value as string,
                IFieldReferenceOperation field => StringValues.SymbolValue(field.Field, out _),
                ILocalReferenceOperation local => StringValues.SymbolValue(local.Local, out _),
                IPropertyReferenceOperation property => StringValues.SymbolValue(property.Property, out _),
                _ => null,
            };

            private static IOperation Outermost(IOperation assembly)
            {
                var current = assembly;
                for (var depth = 0; depth < 16; depth++)
                {
                    var outer = StringValues.EnclosingAssembly(current);
                    if (outer == null)
                    {
                        break;
                    }

                    current = outer;
                }

                return current;
            }

            private static bool IsInsideAttribute(SyntaxNode node)
            {
                for (var current = node.Parent; current != null; current = current.Parent)
                {
                    if (current is AttributeArgumentSyntax)
                    {
                        return true;
                    }

                    if (current is StatementSyntax || current is MemberDeclarationSyntax)
                    {
                        return false;
                    }
                }

                return false;
            }
        }
    }
}
