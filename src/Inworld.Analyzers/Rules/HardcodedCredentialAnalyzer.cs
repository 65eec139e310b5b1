using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Inworld.Analyzers.Core.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Rules
{
    /// <summary>
    /// INW001: an Inworld API key, key id, secret or raw "id:secret" pair written into C#.
    /// Each value is reported once: at the literal that holds it, or at the concatenation that composes it
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
                // Every block needs the symbol-reference callbacks; which literal callbacks it gets is decided inside.
                generated.RegisterPerBlock(start, GeneratedCode.EveryBlock, (block, wrap) =>
                {
                    // Only leaves: literals and references to string symbols. A concatenation, interpolation or
                    // string.Concat/Format is judged from its first leaf (StringValues.FirstLeaf), so the rule is not
                    // called for every binary operator and method call in the code base.
                    if (inworld.MayHoldStringLiteral(block.OperationBlocks))
                    {
                        block.RegisterOperationAction(wrap(analysis.AnalyzeLiteral), OperationKind.Literal);

                        // A lambda's default parameter values (C# 12) are not in the operation tree.
                        block.RegisterOperationAction(wrap(analysis.AnalyzeLambdaDefaults), OperationKind.AnonymousFunction);

                        // "..."u8 (C# 11) is an operation kind this 3.7-compiled assembly cannot name; newer hosts know it.
                        if (utf8Kind.HasValue)
                        {
                            block.RegisterOperationAction(wrap(analysis.AnalyzeUtf8Literal), utf8Kind.Value);
                        }
                    }
                    else
                    {
                        // No literal is written here, but an omitted optional argument still brings its string default.
                        block.RegisterOperationAction(wrap(analysis.AnalyzeOmittedArguments), OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.PropertyReference);
                    }

                    // A reference can carry a value declared in another file, or in a referenced assembly: always looked at.
                    block.RegisterOperationAction(wrap(analysis.AnalyzeSymbolReference), OperationKind.FieldReference, OperationKind.LocalReference, OperationKind.PropertyReference);
                }, inworld.Screen);

                // Hosts before Roslyn 4.x give no operations for attribute arguments; read those from syntax. Where the
                // screen lets a compilation through only at its joins, an attribute is read only when a join is in its
                // arguments, and not at all when the compilation holds none.
                var screen = inworld.Screen;
                if (screen.MayHoldAnyFinding)
                {
                    var attributes = generated.SyntaxNodes(analysis.AnalyzeAttribute);
                    start.RegisterSyntaxNodeAction(
                        context =>
                        {
                            var arguments = ((AttributeSyntax)context.Node).ArgumentList;
                            if (arguments != null && screen.MayHoldFindingIn(context.Node.SyntaxTree, arguments.Span))
                            {
                                attributes(context);
                            }
                        },
                        SyntaxKind.Attribute);
                }
            });
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
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue && argument.Value is ILiteralOperation literal && !DefaultIsWrittenInSource(argument.Parameter))
                    {
                        AnalyzeLiteral(new OperationAnalysisContext(literal, context.ContainingSymbol, context.Compilation, context.Options, context.ReportDiagnostic, _ => true, context.CancellationToken));
                    }
                }
            }

            /// <summary>
            /// Does the code at <paramref name="node"/> run on users' devices? The compilation's context decides it once,
            /// only when a finding is reported (code with no finding pays nothing), and the answer is handed to the fix
            /// in the diagnostic's properties. The same answer INW002 uses: client project, not Unity Editor-only code.
            /// </summary>
            private bool IsClientCode(SyntaxNode node) => _context.IsShippedClientCode(node.SyntaxTree, node.SpanStart);

            /// <summary>
            /// Is the default that an omitted argument brings written in this compilation's source? Then it is reported
            /// where it is written (a method's or a lambda's parameter), once, and not again at every call. A lambda's
            /// natural type is a delegate type the compiler declares; its defaults come from the lambda.
            /// </summary>
            private static bool DefaultIsWrittenInSource(IParameterSymbol? parameter)
                => parameter != null &&
                   (!parameter.DeclaringSyntaxReferences.IsEmpty ||
                    parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.DelegateInvoke, ContainingType: { IsImplicitlyDeclared: true } });

            /// <summary>The string default values written on a lambda's parameters (C# 12), judged like a method's.</summary>
            public void AnalyzeLambdaDefaults(OperationAnalysisContext context)
            {
                var lambda = (IAnonymousFunctionOperation)context.Operation;
                foreach (var parameter in lambda.Symbol.Parameters)
                {
                    if (!parameter.HasExplicitDefaultValue || !(parameter.ExplicitDefaultValue is string value) || parameter.DeclaringSyntaxReferences.IsEmpty ||
                        !(parameter.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is ParameterSyntax { Default: { Value: LiteralExpressionSyntax literal } }))
                    {
                        // No default, or a constant's name: the constant is judged where it is declared.
                        continue;
                    }

                    var candidate = CredentialClassifier.PreCheck(value);
                    if (candidate.CouldBeCredential)
                    {
                        ReportIfAny(context, Classify(literal, candidate, ValueTrace.ParameterDefault(parameter), null, contextOnly: false, valueInPlace: true, value: null), literal);
                    }
                }
            }

            public void AnalyzeLiteral(OperationAnalysisContext context)
            {
                var literal = (ILiteralOperation)context.Operation;
                if (literal.IsImplicit && literal.Parent is IArgumentOperation { ArgumentKind: ArgumentKind.DefaultValue } omitted && DefaultIsWrittenInSource(omitted.Parameter))
                {
                    return;
                }

                var type = literal.Type;
                if (type != null && type.SpecialType != SpecialType.System_String)
                {
                    // A number, char or bool: never part of a string that evaluates to a constant.
                    return;
                }

                // A null literal can still lead a concatenation (null + "..."); only strings have a value to judge.
                var concatenation = JudgeConcatenationFromFirstLeaf(context, literal);
                if (type == null)
                {
                    return;
                }

                var value = StringValues.LiteralTextOfLength(literal, CredentialShape.MinKeyIdLength);
                var candidate = CredentialClassifier.PreCheck(value);
                if (!candidate.CouldBeCredential)
                {
                    return;
                }

                AnalyzeLiteralValue(context, literal, candidate, concatenation);
            }

            /// <summary>
            /// The concatenation <paramref name="leaf"/> is a part of, or null. When the leaf is the first leaf of
            /// the outermost concatenation, that whole concatenation is judged here.
            /// </summary>
            private IOperation? JudgeConcatenationFromFirstLeaf(OperationAnalysisContext context, IOperation leaf)
            {
                if (!StringValues.MayBeInConcatenation(leaf))
                {
                    return null;
                }

                var enclosing = StringValues.EnclosingConcatenation(leaf);
                if (enclosing == null)
                {
                    return null;
                }

                var outermost = StringValues.OutermostConcatenation(enclosing);
                if (outermost != null && StringValues.FirstLeaf(outermost) == leaf)
                {
                    AnalyzeConcatenation(context, outermost);
                }

                return enclosing;
            }

            public void AnalyzeUtf8Literal(OperationAnalysisContext context)
            {
                if (context.Operation.Syntax is LiteralExpressionSyntax syntax)
                {
                    var candidate = CredentialClassifier.PreCheck(syntax.Token.ValueText);
                    if (candidate.CouldBeCredential)
                    {
                        AnalyzeLiteralValue(context, context.Operation, candidate, StringValues.EnclosingConcatenation(context.Operation));
                    }
                }
            }

            /// <param name="concatenation">The concatenation the literal is a part of (<see cref="StringValues.EnclosingConcatenation"/>), or null.</param>
            private void AnalyzeLiteralValue(OperationAnalysisContext context, IOperation literal, in CredentialCandidate candidate, IOperation? concatenation)
            {
                if (concatenation != null)
                {
                    // A fragment: only a complete API key is reported here; the outermost concatenation judges the
                    // rest. Beyond the depth any evaluation goes, the value's destination is the nearest one's.
                    var key = candidate.ApiKey;
                    if (key.IsMatch && !IsInsideAttribute(literal.Syntax))
                    {
                        var destinationOf = StringValues.OutermostConcatenation(concatenation) ?? concatenation;
                        context.ReportDiagnostic(Report(literal, candidate.Value, key, destinationOf, context.ContainingSymbol));
                    }

                    return;
                }

                ReportIfAny(context, AnalyzeValue(literal, literal.Syntax, candidate, context.ContainingSymbol), literal.Syntax);
            }

            private void AnalyzeConcatenation(OperationAnalysisContext context, IOperation operation)
            {
                if (!StringValues.MayEvaluate(operation))
                {
                    return;
                }

                var parts = new List<IOperation>();
                var candidate = CredentialClassifier.PreCheck(StringValues.TryEvaluate(operation, parts));
                if (!candidate.CouldBeCredential)
                {
                    return;
                }

                // Skip when the value is only a reported constant plus harmless glue ("Basic " + Key); report
                // when it also carries a fresh credential-sized fragment (KeyId + ":" + "<secret literal>").
                // A part reported on its own that holds the whole credential ("Basic " + Key) is the finding; parts that
                // are findings only as halves (InworldKeyId + ":" + InworldSecret) still make a new one here.
                List<string>? reportedParts = null;
                var anyFreshCandidate = false;

                // A credential-sized fragment held by a constant declared elsewhere and not reported there: emptying
                // this expression would leave that fragment in the source unreported, so the fix must not offer it.
                var freshFragmentElsewhere = false;
                foreach (var part in parts)
                {
                    var partValue = PartValue(part);
                    if (IsFindingOnItsOwn(part, CredentialClassifier.PreCheck(partValue)))
                    {
                        (reportedParts ??= new List<string>()).Add(partValue ?? string.Empty);
                    }
                    else if (CredentialShape.MayContainCredential(partValue))
                    {
                        anyFreshCandidate = true;
                        freshFragmentElsewhere |= !(part is ILiteralOperation);
                    }
                }

                if (reportedParts != null && !anyFreshCandidate && AReportedPartHoldsTheWhole(candidate, reportedParts))
                {
                    return;
                }

                ReportIfAny(context, AnalyzeValue(operation, operation.Syntax, candidate, context.ContainingSymbol, valueInPlace: !freshFragmentElsewhere), operation.Syntax);
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

                if (JudgeConcatenationFromFirstLeaf(context, reference) != null)
                {
                    // A part of a concatenation: the concatenation as a whole is judged.
                    return;
                }

                // An indexer (a property reference with arguments) holds no one value.
                var symbol = reference is IPropertyReferenceOperation { Arguments: { IsEmpty: false } } ? null : StringValues.ReferencedSymbol(reference);
                if (symbol == null || reference.Parent is IAssignmentOperation { Target: var target } && target == reference)
                {
                    return;
                }

                // Where the value goes decides first: it is a walk up a few parents, while reading a value can
                // mean reading the symbol's declaration, and almost no reference flows into an Inworld-named or
                // Base64-encoded destination.
                var destination = ValueTrace.DestinationOf(reference, context.ContainingSymbol, _types);
                if (!destination.IsBase64Encoded && destination.NameKind == CredentialNameKind.None)
                {
                    return;
                }

                var candidate = CredentialClassifier.PreCheck(StringValues.SymbolValue(symbol, out var declarationLiteral));
                if (!candidate.CouldBeCredential || IsFindingOnItsOwn(reference, candidate))
                {
                    return;
                }

                var sameTreeLiteral = declarationLiteral != null && declarationLiteral.SyntaxTree == reference.Syntax.SyntaxTree ? declarationLiteral : null;
                // The value is written at the declaration: the fix rewrites it there when it is in this file, and
                // nothing when it is not (removing the use would hide the credential, not remove it).
                ReportIfAny(context, Classify(reference.Syntax, candidate, destination, sameTreeLiteral, contextOnly: true, valueInPlace: sameTreeLiteral != null, value: null));
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
                            context.ReportDiagnostic(CreateDiagnostic(literal, literal.Token.ValueText, key, CredentialKind.ApiKey, destination, valueOperation: null));
                            reportedFragment = true;
                        }
                    }
                }

                if (reportedFragment)
                {
                    return;
                }

                // A lone literal is its own value: binding the attribute to ask for it would cost more than the rest of the rule.
                var value = argument.Expression is LiteralExpressionSyntax literalArgument && literalArgument.IsKind(SyntaxKind.StringLiteralExpression)
                    ? literalArgument.Token.ValueText
                    : context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken) is { HasValue: true, Value: string constantValue } ? constantValue : null;
                if (value != null)
                {
                    var diagnostic = Classify(argument.Expression, CredentialClassifier.PreCheck(value), destination, null, contextOnly: false, valueInPlace: true, value: null);
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

            private Diagnostic? AnalyzeValue(IOperation operation, SyntaxNode location, in CredentialCandidate candidate, ISymbol? containingSymbol, bool valueInPlace = true)
            {
                var destination = ValueTrace.DestinationOf(operation, containingSymbol, _types);
                return Classify(location, candidate, destination, null, contextOnly: false, valueInPlace, value: operation);
            }

            /// <param name="valueInPlace">The fix target (<paramref name="fixTarget"/>, else <paramref name="location"/>) is the text that holds the value.</param>
            /// <param name="value">The operation that holds the value where it is reported, for the request it is sent in (client code); null when there is none to follow.</param>
            private Diagnostic? Classify(SyntaxNode location, in CredentialCandidate candidate, ValueDestination destination, SyntaxNode? fixTarget, bool contextOnly, bool valueInPlace, IOperation? value)
            {
                var credentialContext = new CredentialContext(destination.NameKind, destination.IsBase64Encoded, destination.IsEnvironmentOrConfiguration, onlyContextDependent: contextOnly);
                var found = CredentialClassifier.Classify(candidate, credentialContext);
                return found.IsFinding ? CreateDiagnostic(location, candidate.Value, found.Match, found.Kind, destination, value, fixTarget, valueInPlace) : null;
            }

            private Diagnostic Report(IOperation literal, string value, CredentialMatch key, IOperation destinationOf, ISymbol? containingSymbol)
            {
                var destination = ValueTrace.DestinationOf(destinationOf, containingSymbol, _types);
                return CreateDiagnostic(literal.Syntax, value, key, CredentialKind.ApiKey, destination, literal);
            }

            private Diagnostic CreateDiagnostic(SyntaxNode location, string value, CredentialMatch match, CredentialKind kind, ValueDestination destination, IOperation? valueOperation,
                SyntaxNode? fixTarget = null, bool valueInPlace = true)
            {
                var options = _context.Options(location.SyntaxTree);
                var basicPrefix = match.HasBasicPrefix && match.CoversWholeValue(value);

                // A key inside a larger text (a header line, JSON) gets no variable: no mechanical rewrite is safe.
                var variable = kind == CredentialKind.RawKeyPair ? options.KeyIdVariable :
                    kind == CredentialKind.ApiKey && !match.CoversWholeValue(value) ? null : options.VariableFor(kind);
                // Client code: the key has shipped (the message says so), and when it is written inside a request's
                // Authorization value the fix can switch that request to a backend token.
                var isClient = IsClientCode(location);
                var request = isClient && valueInPlace && valueOperation != null && fixTarget == null ? ClientRequests.Around(valueOperation, _types) : null;
                var properties = HardcodedCredentialProperties.Write(kind, basicPrefix, variable,
                    kind == CredentialKind.RawKeyPair ? options.SecretVariable : null, isClient, valueInPlace, request);
                var additional = fixTarget != null ? new[] { fixTarget.GetLocation() } : Array.Empty<Location>();
                return Diagnostic.Create(
                    isClient ? Descriptors.HardcodedCredentialInClient : Descriptors.HardcodedCredential,
                    location.GetLocation(),
                    additional,
                    properties,
                    CredentialNames.DescribeAsSubject(kind),
                    destination.Description,
                    CredentialShape.Redact(value, match));
            }

            /// <summary>Would this fragment (whose value <paramref name="candidate"/> holds) be reported where it is declared or written?</summary>
            private static bool IsFindingOnItsOwn(IOperation part, in CredentialCandidate candidate)
            {
                if (!candidate.CouldBeCredential)
                {
                    return false;
                }

                switch (part)
                {
                    case ILiteralOperation _:
                        // A literal fragment is reported on its own only for a complete API key (AnalyzeLiteralValue).
                        return candidate.ApiKey.IsMatch;
                    case IFieldReferenceOperation field:
                        return IsSymbolFinding(field.Field, field.Field.ContainingType, candidate);
                    case ILocalReferenceOperation local:
                        return IsSymbolFinding(local.Local, null, candidate);
                    case IPropertyReferenceOperation property:
                        return IsSymbolFinding(property.Property, property.Property.ContainingType, candidate);
                    default:
                        return false;
                }
            }

            /// <summary>The symbol's value judged where it is declared: its own name is the destination.</summary>
            private static bool IsSymbolFinding(ISymbol symbol, INamedTypeSymbol? containingType, in CredentialCandidate candidate)
                => CredentialClassifier.Classify(candidate, new CredentialContext(CredentialNames.Classify(symbol.Name, containingType?.Name))).IsFinding;

            private static bool AReportedPartHoldsTheWhole(in CredentialCandidate candidate, List<string> reportedParts)
            {
                var match = candidate.ApiKey.IsMatch ? candidate.ApiKey : candidate.RawPair;
                if (!match.IsMatch || match.Start < 0 || match.Start + match.Length > candidate.Value.Length)
                {
                    return true;
                }

                var whole = candidate.Value.Substring(match.Start, match.Length);
                foreach (var part in reportedParts)
                {
                    if (part.IndexOf(whole, StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string? PartValue(IOperation part)
                => part is ILiteralOperation literal
                    ? literal.ConstantValue.Value as string
                    : StringValues.ReferencedSymbol(part) is ISymbol symbol ? StringValues.SymbolValue(symbol, out _) : null;

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
