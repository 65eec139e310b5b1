using System.Threading;
using Microsoft.CodeAnalysis;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// Framework types the rules ask about, each resolved the first time a rule needs it. One instance per
    /// compilation, held by its <see cref="InworldContext"/> and so shared by every rule. Any may be missing. Resolving up front would make the first analyzer to
    /// start pay for building the compilation's symbol tables (milliseconds on a large project) before the
    /// compiler itself needs them, for types that code holding no credential never asks about.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        private static readonly object Unresolved = new object();

        private readonly Compilation _compilation;
        private object? _environment = Unresolved;
        private object? _convert = Unresolved;
        private object? _encoding = Unresolved;
        private object? _authenticationHeaderValue = Unresolved;

        /// <summary>Rules get theirs from <see cref="InworldContext.Types"/>; a code fix may make its own.</summary>
        public WellKnownTypes(Compilation compilation)
        {
            _compilation = compilation;
        }

        public INamedTypeSymbol? Environment => Resolve(ref _environment, "System.Environment");
        public INamedTypeSymbol? Convert => Resolve(ref _convert, "System.Convert");
        public INamedTypeSymbol? Encoding => Resolve(ref _encoding, "System.Text.Encoding");
        public INamedTypeSymbol? AuthenticationHeaderValue => Resolve(ref _authenticationHeaderValue, "System.Net.Http.Headers.AuthenticationHeaderValue");

        // Callers test the member's name before asking for a type, so a type is resolved only for calls that
        // already look like the ones a rule wants.
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

        /// <summary>System.Net.Http.Headers.AuthenticationHeaderValue; where the compilation lacks it, any type of that name.</summary>
        public bool IsAuthenticationHeaderValue(ITypeSymbol? type)
        {
            if (type == null || type.Name != "AuthenticationHeaderValue")
            {
                return false;
            }

            var known = AuthenticationHeaderValue;
            return known == null || SymbolEqualityComparer.Default.Equals(type, known);
        }

        private INamedTypeSymbol? Resolve(ref object? slot, string metadataName)
        {
            var value = Volatile.Read(ref slot);
            if (ReferenceEquals(value, Unresolved))
            {
                // Two threads may both resolve; they get the same symbol, so the race is harmless.
                value = _compilation.GetTypeByMetadataName(metadataName);
                Volatile.Write(ref slot, value);
            }

            return (INamedTypeSymbol?)value;
        }
    }
}
