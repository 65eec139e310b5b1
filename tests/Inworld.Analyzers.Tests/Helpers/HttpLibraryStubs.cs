using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inworld.Analyzers.Tests.Helpers
{
    /// <summary>
    /// Tiny stand-ins for RestSharp and Flurl.Http (same assembly, namespace, type and member names and the same
    /// parameter lists as the public APIs), compiled once in memory, so header rules can be tested on the calls
    /// users write without the packages. Only the members the rules look at are here.
    /// </summary>
    public static class HttpLibraryStubs
    {
        // RestSharp (v107+): extension methods on RestRequest and the client, and the authenticators.
        // Signatures from RestSharp's source and docs: src/RestSharp/Request/RestRequestExtensions.Headers.cs
        // (AddHeader / AddOrUpdateHeader(this RestRequest request, string name, string value)),
        // RestClientExtensions (AddDefaultHeader(this IRestClient client, string name, string value)),
        // src/RestSharp/Authenticators/HttpBasicAuthenticator.cs (string username, string password) and
        // JwtAuthenticator.cs (string accessToken); https://restsharp.dev/docs/usage/request#headers and
        // https://restsharp.dev/docs/advanced/authenticators.
        private const string RestSharpSource = @"
namespace RestSharp.Authenticators
{
    public interface IAuthenticator { }
    public class HttpBasicAuthenticator : IAuthenticator { public HttpBasicAuthenticator(string username, string password) { } }
    public class JwtAuthenticator : IAuthenticator { public JwtAuthenticator(string accessToken) { } }
}

namespace RestSharp
{
    public class RestRequest { public RestRequest(string resource) { } }
    public interface IRestClient { }
    public class RestClientOptions
    {
        public RestClientOptions(string baseUrl) { }
        public RestSharp.Authenticators.IAuthenticator Authenticator { get; set; }
    }
    public class RestClient : IRestClient
    {
        public RestClient(string baseUrl) { }
        public RestClient(RestClientOptions options) { }
    }
    public static class RestRequestExtensions
    {
        public static RestRequest AddHeader(this RestRequest request, string name, string value) => request;
        public static RestRequest AddOrUpdateHeader(this RestRequest request, string name, string value) => request;
    }
    public static class RestClientExtensions
    {
        public static IRestClient AddDefaultHeader(this IRestClient client, string name, string value) => client;
    }
}";

        // Flurl.Http 4: header helpers are generic extensions on IHeadersContainer (HeaderExtensions.cs) with
        // generated string overloads (GeneratedExtensions.cs): WithHeader(string name, object value),
        // WithHeaders(object headers, bool replaceUnderscoreWithHyphen = true), WithBasicAuth(string username,
        // string password), WithOAuthBearerToken(string token); https://flurl.dev/docs/fluent-http/ (Headers, Authentication).
        private const string FlurlSource = @"
namespace Flurl.Http
{
    public interface IHeadersContainer { }
    public interface IFlurlRequest : IHeadersContainer { }
    public static class HeaderExtensions
    {
        public static T WithHeader<T>(this T obj, string name, object value) where T : IHeadersContainer => obj;
        public static T WithHeaders<T>(this T obj, object headers, bool replaceUnderscoreWithHyphen = true) where T : IHeadersContainer => obj;
        public static T WithBasicAuth<T>(this T obj, string username, string password) where T : IHeadersContainer => obj;
        public static T WithOAuthBearerToken<T>(this T obj, string token) where T : IHeadersContainer => obj;
    }
    public static class GeneratedExtensions
    {
        public static IFlurlRequest WithHeader(this string url, string name, object value) => null;
        public static IFlurlRequest WithHeaders(this string url, object headers, bool replaceUnderscoreWithHyphen = true) => null;
        public static IFlurlRequest WithBasicAuth(this string url, string username, string password) => null;
        public static IFlurlRequest WithOAuthBearerToken(this string url, string token) => null;
    }
}";

        public static MetadataReference RestSharp { get; } = Compile("RestSharp", RestSharpSource);

        public static MetadataReference Flurl { get; } = Compile("Flurl.Http", FlurlSource);

        private static MetadataReference Compile(string name, string source)
        {
            var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) },
                Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new System.IO.MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new System.InvalidOperationException(string.Join("\n", result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
