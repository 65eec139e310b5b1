using Xunit;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>
    /// Every end-to-end test class that needs the packed package joins this collection, so the nupkg (and the
    /// tool package) is packed once per test run, not once per class.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class PackageCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "Packed package";
    }
}
