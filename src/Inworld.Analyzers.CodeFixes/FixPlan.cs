using System;
using System.Globalization;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Rules;
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

        public static FixPlan? Create(SyntaxNode root, Diagnostic diagnostic)
        {
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue(HardcodedCredentialAnalyzer.PropertyNames.Variable, out var variable) || variable == null ||
                !InworldOptions.IsEnvironmentVariableName(variable) ||
                !properties.TryGetValue(HardcodedCredentialAnalyzer.PropertyNames.Kind, out var kindText) ||
                !Enum.TryParse<CredentialKind>(kindText, out var kind) || kind == CredentialKind.None)
            {
                return null;
            }

            properties.TryGetValue(HardcodedCredentialAnalyzer.PropertyNames.SecondVariable, out var second);
            if (kind == CredentialKind.RawKeyPair && (second == null || !InworldOptions.IsEnvironmentVariableName(second)))
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

            properties.TryGetValue(HardcodedCredentialAnalyzer.PropertyNames.BasicPrefix, out var basic);
            return new FixPlan(target, kind, basic == "true", variable, second);
        }

        public SyntaxNode BuildReplacement(SyntaxNode current, NameContext names)
        {
            string text;
            if (Target.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == Target && !BasicPrefix && Kind != CredentialKind.RawKeyPair)
            {
                // "Environment.GetEnvironmentVariable(X) ?? <key>": the fallback becomes a clear failure.
                text = names.Throw(Variable);
            }
            else
            {
                var read = Kind == CredentialKind.RawKeyPair
                    ? "(" + names.Read(Variable) + ") + \":\" + (" + names.Read(SecondVariable!) + ")"
                    : names.Read(Variable);
                if (BasicPrefix)
                {
                    read = "\"Basic \" + (" + read + ")";
                }

                if (IsUtf8)
                {
                    read = names.Encoding + ".UTF8.GetBytes(" + read + ")";
                }
                else if (NeedsParentheses(Target))
                {
                    read = "(" + read + ")";
                }

                text = read;
            }

            var expression = SyntaxFactory.ParseExpression(text);
            return expression.WithLeadingTrivia(current.GetLeadingTrivia()).WithTrailingTrivia(current.GetTrailingTrivia());
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
        private string? _environment;
        private string? _exception;
        private string? _encoding;

        public NameContext(SemanticModel semanticModel, int position)
        {
            _semanticModel = semanticModel;
            _position = position;
        }

        public bool NeedsSystemUsing { get; private set; }
        public bool NeedsTextUsing { get; private set; }

        public string Environment => _environment ??= Resolve("Environment", "System", "System.Environment", isText: false);

        public string Exception => _exception ??= Resolve("InvalidOperationException", "System", "System.InvalidOperationException", isText: false);

        public string Encoding => _encoding ??= Resolve("Encoding", "System.Text", "System.Text.Encoding", isText: true);

        public string Read(string variable)
            => Environment + ".GetEnvironmentVariable(\"" + variable + "\") ?? " + Throw(variable);

        public string Throw(string variable)
            => "throw new " + Exception + "(\"Set the " + variable + " environment variable.\")";

        private string Resolve(string shortName, string namespaceName, string metadataName, bool isText)
        {
            var expected = _semanticModel.Compilation.GetTypeByMetadataName(metadataName);
            var bound = _semanticModel.GetSpeculativeSymbolInfo(_position, SyntaxFactory.IdentifierName(shortName), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
            if (bound != null && SymbolEqualityComparer.Default.Equals(bound, expected))
            {
                return shortName;
            }

            if (bound == null && expected != null)
            {
                if (isText) NeedsTextUsing = true;
                else NeedsSystemUsing = true;
                return shortName;
            }

            return "global::" + namespaceName + "." + shortName;
        }
    }
}
