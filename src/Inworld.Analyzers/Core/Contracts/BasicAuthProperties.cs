using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Inworld.Analyzers.Core.Contracts
{
    /// <summary>
    /// The call shape that attached an Authorization value (AuthorizationAttachment.Shape), as the code fixes
    /// dispatch on it. The member names are the shape strings AuthorizationHeaders writes.
    /// </summary>
    internal enum AttachmentShape
    {
        /// <summary>new AuthenticationHeaderValue(scheme, credential)</summary>
        AuthenticationHeaderValue = 1,

        /// <summary>AuthenticationHeaderValue.Parse("Basic ...") / TryParse("Basic ...", out ...)</summary>
        Parse,

        /// <summary>headers.Add("Authorization", value), SetRequestHeader, AddHeader, a dictionary's { "Authorization", value }</summary>
        Header,

        /// <summary>headers.Add("Authorization: Basic ...")</summary>
        HeaderLine,

        /// <summary>headers["Authorization"] = value</summary>
        Indexer,

        /// <summary>new[] { "Authorization", value }</summary>
        Array,

        /// <summary>WithBasicAuth(user, password), new HttpBasicAuthenticator(user, password): the library writes "Basic".</summary>
        BasicAuthHelper,

        /// <summary>WithOAuthBearerToken(token), new JwtAuthenticator(token).</summary>
        BearerHelper,

        /// <summary>WithHeaders(new { Authorization = value })</summary>
        AnonymousHeaders,

        /// <summary>"IW1-HMAC-SHA256 ..." request signing built in the code (INW002 only).</summary>
        Signature,
    }

    internal static class AttachmentShapes
    {
        /// <summary>The typed shape of an attachment; null for a shape string this version does not know.</summary>
        public static AttachmentShape? Of(AuthorizationAttachment attachment) => Parse(attachment.Shape);

        public static AttachmentShape? Parse(string? text)
            => text != null && Enum.TryParse<AttachmentShape>(text, ignoreCase: false, out var shape) && Enum.IsDefined(typeof(AttachmentShape), shape) &&
               !char.IsDigit(text[0])
                ? shape
                : (AttachmentShape?)null;
    }

    /// <summary>What the INW002 analyzer tells its code fix: the call shape that sent the Basic credential.</summary>
    internal sealed class BasicAuthProperties
    {
        private const string ShapeKey = "Shape";

        private BasicAuthProperties(AttachmentShape shape)
        {
            Shape = shape;
        }

        public AttachmentShape Shape { get; }

        /// <summary>Null for an attachment whose shape has no typed name: the diagnostic then carries no shape and gets no fix.</summary>
        public static ImmutableDictionary<string, string?> Write(AttachmentShape? shape)
            => shape == null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(ShapeKey, shape.Value.ToString());

        /// <summary>False (no fix offered) when the shape is missing or unknown.</summary>
        public static bool TryRead(Diagnostic diagnostic, out BasicAuthProperties properties)
        {
            properties = null!;
            if (!diagnostic.Properties.TryGetValue(ShapeKey, out var text) || !(AttachmentShapes.Parse(text) is AttachmentShape shape))
            {
                return false;
            }

            properties = new BasicAuthProperties(shape);
            return true;
        }
    }
}
