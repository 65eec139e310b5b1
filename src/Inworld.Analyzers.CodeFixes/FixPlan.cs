using System;
using System.Globalization;
using System.Linq;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>What one INW001 fix will write, read from the diagnostic's properties (not re-derived).</summary>
    internal sealed class FixPlan
    {
        private FixPlan(ExpressionSyntax target, CredentialKind kind, bool basicPrefix, string variable, string? secondVariable)
        {
            Target = target;
            Kind = kind;
            BasicPrefix = basicPrefix;
            Variable = variable;
            SecondVariable = secondVariable;
        }

        public ExpressionSyntax Target { get; }
        public CredentialKind Kind { get; }
        public bool BasicPrefix { get; }
        public string Variable { get; }
        public string? SecondVariable { get; }

        /// <summary>"..."u8 literals need bytes, not a string.</summary>
        public bool IsUtf8 => Target is LiteralExpressionSyntax literal && literal.Token.Text.EndsWith("u8", StringComparison.OrdinalIgnoreCase);

        public string Title => Kind == CredentialKind.RawKeyPair && SecondVariable != null
            ? string.Format(CultureInfo.InvariantCulture, CodeFixTitles.ReadKeyPairFromEnvironment, Variable, SecondVariable)
            : string.Format(CultureInfo.InvariantCulture, CodeFixTitles.ReadKeyFromEnvironment, Variable);

        /// <summary>The environment-variable rewrite the analyzer's properties allow for this diagnostic, or null for none.</summary>
        public static FixPlan? Create(SyntaxNode root, Diagnostic diagnostic, HardcodedCredentialProperties properties)
        {
            if (properties.Variable == null)
            {
                return null;
            }

            var location = diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree
                ? diagnostic.AdditionalLocations[0]
                : diagnostic.Location;
            if (location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            if (!(node is ExpressionSyntax target))
            {
                return null;
            }

            return new FixPlan(target, properties.Kind, properties.BasicPrefix, properties.Variable, properties.SecondVariable);
        }

        public SyntaxNode BuildReplacement(SyntaxNode current, NameContext names)
        {
            ExpressionSyntax replacement;
            if (Target.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == Target && !BasicPrefix && Kind != CredentialKind.RawKeyPair)
            {
                // "Environment.GetEnvironmentVariable(X) ?? <key>": the fallback becomes a clear failure.
                replacement = names.Throw(Variable);
            }
            else
            {
                // A raw pair: (read key id) + ":" + (read secret).
                var read = Kind == CredentialKind.RawKeyPair
                    ? SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression,
                        SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, SyntaxFactory.ParenthesizedExpression(names.Read(Variable)), StringLiteral(":")),
                        SyntaxFactory.ParenthesizedExpression(names.Read(SecondVariable!)))
                    : names.Read(Variable);
                if (BasicPrefix)
                {
                    read = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, StringLiteral("Basic "), SyntaxFactory.ParenthesizedExpression(read));
                }

                if (IsUtf8)
                {
                    // Encoding.UTF8.GetBytes(...)
                    read = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, names.Encoding, SyntaxFactory.IdentifierName("UTF8")),
                            SyntaxFactory.IdentifierName("GetBytes")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(read))));

                    // A byte[] converts to the ReadOnlySpan<byte> a u8 literal is, but only where the type is written
                    // down. Where the literal's own type counts (var, a switch arm, a conditional branch, a member
                    // access on it, an argument to an overloaded or generic method), keep it a ReadOnlySpan<byte>.
                    if (!IsTypedConversionSite(Target))
                    {
                        read = SyntaxFactory.ObjectCreationExpression(names.ReadOnlySpanOfByte)
                            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(read))));
                    }
                }
                else if (NeedsParentheses(Target))
                {
                    read = SyntaxFactory.ParenthesizedExpression(read);
                }

                replacement = read;
            }

            return replacement.NormalizeWhitespace().WithLeadingTrivia(current.GetLeadingTrivia()).WithTrailingTrivia(current.GetTrailingTrivia());
        }

        internal static LiteralExpressionSyntax StringLiteral(string text)
            => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

        /// <summary>
        /// Is the value converted to a type written in the code (an explicitly typed variable or property, a member's
        /// return type, an assignment's target)? Lambdas' return types and var are inferred from the value itself.
        /// </summary>
        private static bool IsTypedConversionSite(ExpressionSyntax target)
        {
            switch (target.Parent)
            {
                case ArrowExpressionClauseSyntax _:
                    return true;
                case ReturnStatementSyntax _:
                    return !target.Ancestors().TakeWhile(a => !(a is MemberDeclarationSyntax)).Any(a => a is AnonymousFunctionExpressionSyntax || a is LocalFunctionStatementSyntax);
                case EqualsValueClauseSyntax equals:
                    return !(equals.Parent is VariableDeclaratorSyntax declarator && declarator.Parent is VariableDeclarationSyntax declaration && declaration.Type.IsVar);
                case AssignmentExpressionSyntax assignment:
                    return assignment.Right == target && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression);
                default:
                    return false;
            }
        }

        /// <summary>"a ?? throw ..." binds looser than most operators; keep it grouped unless it stands alone.</summary>
        private static bool NeedsParentheses(ExpressionSyntax target)
        {
            switch (target.Parent)
            {
                case ArgumentSyntax _:
                case EqualsValueClauseSyntax _:
                case ReturnStatementSyntax _:
                case ArrowExpressionClauseSyntax _:
                case ParenthesizedExpressionSyntax _:
                case InitializerExpressionSyntax _:
                case SwitchExpressionArmSyntax _:
                case ExpressionStatementSyntax _:
                    return false;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Right != target;
                default:
                    return true;
            }
        }
    }

    /// <summary>
    /// How to spell Environment, InvalidOperationException and Encoding at the fix site: short when the
    /// namespace is already imported, short plus a new using when nothing else has that name, global::
    /// qualified when a user type of the same name is in scope (Unity projects often have one).
    /// </summary>
    internal sealed class NameContext
    {
        private readonly SemanticModel _semanticModel;
        private readonly int _position;
        private Spelling? _environment;
        private Spelling? _exception;
        private Spelling? _encoding;

        public NameContext(SemanticModel semanticModel, int position)
        {
            _semanticModel = semanticModel;
            _position = position;
        }

        public bool NeedsSystemUsing { get; private set; }
        public bool NeedsTextUsing { get; private set; }

        /// <summary>Environment, as the receiver of GetEnvironmentVariable.</summary>
        public ExpressionSyntax Environment => (_environment ??= Resolve("Environment", "System", "System.Environment", isText: false)).AsExpression();

        /// <summary>InvalidOperationException, as the type of a new expression.</summary>
        public TypeSyntax Exception => (_exception ??= Resolve("InvalidOperationException", "System", "System.InvalidOperationException", isText: false)).AsType();

        /// <summary>Encoding, as the receiver of UTF8.</summary>
        public ExpressionSyntax Encoding => (_encoding ??= Resolve("Encoding", "System.Text", "System.Text.Encoding", isText: true)).AsExpression();

        /// <summary>ReadOnlySpan&lt;byte&gt;, as the type of a new expression: short when System's ReadOnlySpan binds or nothing else has the name.</summary>
        public TypeSyntax ReadOnlySpanOfByte
        {
            get
            {
                var byteArgument = SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList<TypeSyntax>(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ByteKeyword))));
                var shortName = SyntaxFactory.GenericName(SyntaxFactory.Identifier("ReadOnlySpan")).WithTypeArgumentList(byteArgument);
                var expected = _semanticModel.Compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
                var bound = _semanticModel.GetSpeculativeSymbolInfo(_position, shortName, SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol as INamedTypeSymbol;
                if (bound != null && SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, expected))
                {
                    return shortName;
                }

                if (bound == null && expected != null)
                {
                    NeedsSystemUsing = true;
                    return shortName;
                }

                return SyntaxFactory.QualifiedName(
                    SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName("System")),
                    shortName);
            }
        }

        /// <summary>Environment.GetEnvironmentVariable("X") ?? throw new InvalidOperationException("Set the X environment variable.")</summary>
        public ExpressionSyntax Read(string variable)
            => SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression,
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Environment, SyntaxFactory.IdentifierName("GetEnvironmentVariable")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(FixPlan.StringLiteral(variable))))),
                Throw(variable));

        /// <summary>throw new InvalidOperationException("Set the X environment variable.")</summary>
        public ExpressionSyntax Throw(string variable)
            => SyntaxFactory.ThrowExpression(
                SyntaxFactory.ObjectCreationExpression(Exception)
                    .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(FixPlan.StringLiteral("Set the " + variable + " environment variable."))))));

        private Spelling Resolve(string shortName, string namespaceName, string metadataName, bool isText)
        {
            var expected = _semanticModel.Compilation.GetTypeByMetadataName(metadataName);
            var bound = _semanticModel.GetSpeculativeSymbolInfo(_position, SyntaxFactory.IdentifierName(shortName), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
            if (bound != null && SymbolEqualityComparer.Default.Equals(bound, expected))
            {
                return new Spelling(shortName, null);
            }

            if (bound == null && expected != null)
            {
                if (isText) NeedsTextUsing = true;
                else NeedsSystemUsing = true;
                return new Spelling(shortName, null);
            }

            return new Spelling(shortName, namespaceName.Split('.'));
        }

        /// <summary>A type's name as written: short, or global::-qualified with its namespace's parts.</summary>
        private sealed class Spelling
        {
            private readonly string _name;
            private readonly string[]? _globalNamespace;

            public Spelling(string name, string[]? globalNamespace)
            {
                _name = name;
                _globalNamespace = globalNamespace;
            }

            /// <summary>global::System.Environment where an expression is expected: member accesses, as the parser reads it.</summary>
            public ExpressionSyntax AsExpression()
            {
                if (_globalNamespace == null)
                {
                    return SyntaxFactory.IdentifierName(_name);
                }

                ExpressionSyntax expression = GlobalRoot();
                foreach (var part in _globalNamespace.Skip(1).Concat(new[] { _name }))
                {
                    expression = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, expression, SyntaxFactory.IdentifierName(part));
                }

                return expression;
            }

            /// <summary>global::System.InvalidOperationException where a type is expected: a qualified name.</summary>
            public TypeSyntax AsType()
            {
                if (_globalNamespace == null)
                {
                    return SyntaxFactory.IdentifierName(_name);
                }

                NameSyntax name = GlobalRoot();
                foreach (var part in _globalNamespace.Skip(1).Concat(new[] { _name }))
                {
                    name = SyntaxFactory.QualifiedName(name, SyntaxFactory.IdentifierName(part));
                }

                return name;
            }

            private AliasQualifiedNameSyntax GlobalRoot()
                => SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName(_globalNamespace![0]));
        }
    }
}
