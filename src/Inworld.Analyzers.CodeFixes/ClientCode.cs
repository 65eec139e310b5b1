using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>Asks the core whether code is client-side (the same answer INW002 uses), and finds Basic-auth call sites.</summary>
    internal static class ClientCode
    {
        public static async Task<bool> IsClientAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
        {
            var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation == null)
            {
                return false;
            }

            var provider = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider;
            var unity = UnityContext.From(compilation);
            var decision = ProjectKinds.ForFile(ProjectKinds.Detect(compilation, provider.GlobalOptions, unity), provider.GetOptions(node.SyntaxTree));
            return decision.IsClient && !unity.IsEditorOnly(node.SyntaxTree, node.SpanStart);
        }

        /// <summary>
        /// The expression that attaches a Basic credential around <paramref name="node"/>, if any:
        /// new AuthenticationHeaderValue("Basic", node), headers.Add("Authorization", "Basic " + node), h["Authorization"] = ...
        /// </summary>
        public static SyntaxNode? BasicAttachmentAround(SyntaxNode node)
        {
            foreach (var ancestor in node.AncestorsAndSelf().Take(8))
            {
                switch (ancestor)
                {
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                        return null;
                    case ObjectCreationExpressionSyntax creation when creation.Type.ToString().EndsWith("AuthenticationHeaderValue", StringComparison.Ordinal) &&
                                                                      creation.ArgumentList?.Arguments.Count == 2 && IsText(creation.ArgumentList.Arguments[0].Expression, "Basic"):
                        return creation;
                    case InvocationExpressionSyntax invocation when invocation.ArgumentList.Arguments.Count == 2 && IsText(invocation.ArgumentList.Arguments[0].Expression, "Authorization"):
                        return invocation;
                    case AssignmentExpressionSyntax assignment when assignment.Left is ElementAccessExpressionSyntax element &&
                                                                    element.ArgumentList.Arguments.Count == 1 && IsText(element.ArgumentList.Arguments[0].Expression, "Authorization"):
                        return assignment;
                }
            }

            return null;
        }

        private static bool IsText(ExpressionSyntax expression, string text)
            => expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) &&
               literal.Token.ValueText.Equals(text, StringComparison.OrdinalIgnoreCase);
    }
}
