using Inworld.Analyzers.Core.Contracts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// For an INW001 finding in client code: the request whose Authorization value the credential is written into,
    /// found by the same AuthorizationHeaders INW002 uses, so the token rewrite gets the shape INW002 would give it.
    /// Asked only when a client-side finding is reported: a walk up a few parents of one operation.
    /// </summary>
    internal static class ClientRequests
    {
        // An Authorization value is a few operations deep at most: "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("...")).
        private const int MaxDepth = 8;

        /// <summary>
        /// The request that sends <paramref name="value"/> (a literal or constant expression that holds the credential),
        /// or null when the value is not written inside an Authorization value (a field initializer, an argument of
        /// another call) or the shape has no typed name.
        /// </summary>
        public static ClientRequest? Around(IOperation value, WellKnownTypes types)
        {
            var current = value;
            for (var depth = 0; depth < MaxDepth && current.Parent is IOperation parent; depth++)
            {
                current = parent;
                if (current.Syntax is StatementSyntax || current.Syntax is MemberDeclarationSyntax)
                {
                    return null;
                }

                var attachment = current switch
                {
                    IObjectCreationOperation creation => AuthorizationHeaders.FromObjectCreation(creation, types),
                    IInvocationOperation invocation => AuthorizationHeaders.FromInvocation(invocation, types),
                    ISimpleAssignmentOperation assignment => AuthorizationHeaders.FromAssignment(assignment),
                    IArrayInitializerOperation initializer => Containing(AuthorizationHeaders.FromArrayInitializer(initializer), value),
                    _ => null,
                };
                if (attachment == null)
                {
                    continue;
                }

                // The credential must be part of the value sent, not, say, the header name or a URL argument.
                return attachment.Value.Syntax.Span.Contains(value.Syntax.Span) && AttachmentShapes.Of(attachment) is AttachmentShape shape
                    ? new ClientRequest(shape, attachment.Operation.Syntax.Span)
                    : null;
            }

            return null;
        }

        private static AuthorizationAttachment? Containing(System.Collections.Generic.IEnumerable<AuthorizationAttachment> attachments, IOperation value)
        {
            foreach (var attachment in attachments)
            {
                if (attachment.Value.Syntax.Span.Contains(value.Syntax.Span))
                {
                    return attachment;
                }
            }

            return null;
        }
    }
}
