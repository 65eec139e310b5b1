using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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

            // The analyzers' own context of this compilation (shared when they ran on it): no second detection.
            return InworldContext.For(compilation, document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider).IsShippedClientCode(node.SyntaxTree, node.SpanStart);
        }

        /// <summary>
        /// The expression that attaches a Basic credential around <paramref name="node"/>, if any, found by the
        /// same AuthorizationHeaders the analyzers use: new AuthenticationHeaderValue("Basic", node),
        /// headers.Add("Authorization", "Basic " + node), h["Authorization"] = ... (the call shapes the token fix rewrites).
        /// </summary>
        public static SyntaxNode? BasicAttachmentAround(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var types = new WellKnownTypes(model.Compilation);
            foreach (var ancestor in node.AncestorsAndSelf().Take(8))
            {
                if (ancestor is StatementSyntax || ancestor is MemberDeclarationSyntax)
                {
                    return null;
                }

                var attachment = model.GetOperation(ancestor, cancellationToken) switch
                {
                    IObjectCreationOperation creation => AuthorizationHeaders.FromObjectCreation(creation, types),
                    IInvocationOperation invocation => AuthorizationHeaders.FromInvocation(invocation, types),
                    ISimpleAssignmentOperation assignment => AuthorizationHeaders.FromAssignment(assignment),
                    _ => null,
                };
                if (attachment != null && (attachment.Shape == "Header" || attachment.Shape == "Indexer" ||
                                           (attachment.Shape == "AuthenticationHeaderValue" && attachment.IsScheme("Basic"))))
                {
                    return attachment.Operation.Syntax;
                }
            }

            return null;
        }
    }
}
