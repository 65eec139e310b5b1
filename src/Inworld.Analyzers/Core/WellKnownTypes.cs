using Microsoft.CodeAnalysis;

namespace Inworld.Analyzers.Core
{
    /// <summary>Framework types the rules ask about, resolved once per compilation. Any may be missing.</summary>
    internal sealed class WellKnownTypes
    {
        public WellKnownTypes(Compilation compilation)
        {
            Environment = compilation.GetTypeByMetadataName("System.Environment");
            Convert = compilation.GetTypeByMetadataName("System.Convert");
            Encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
        }

        public INamedTypeSymbol? Environment { get; }
        public INamedTypeSymbol? Convert { get; }
        public INamedTypeSymbol? Encoding { get; }

        public bool IsEnvironmentMethod(IMethodSymbol method, string name)
            => method.Name == name && Environment != null && SymbolEqualityComparer.Default.Equals(method.ContainingType, Environment);

        /// <summary>Encoding.UTF8.GetBytes, Encoding.ASCII.GetBytes, new UTF8Encoding().GetBytes, ...</summary>
        public bool IsEncodingGetBytes(IMethodSymbol method)
        {
            if (method.Name != "GetBytes" || Encoding == null)
            {
                return false;
            }

            for (var type = method.ContainingType; type != null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, Encoding))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsToBase64(IMethodSymbol method)
            => (method.Name == "ToBase64String" || method.Name == "ToBase64CharArray") && Convert != null &&
               SymbolEqualityComparer.Default.Equals(method.ContainingType, Convert);
    }
}
