using Inworld.Analyzers.Tests.Helpers;
using Xunit;

namespace Inworld.Analyzers.Tests.Package
{
    /// <summary>The schema check itself must be able to fail: it rejects logs that break SARIF 2.1.0.</summary>
    public class SarifSchemaTests
    {
        [Fact]
        public void Accepts_a_minimal_valid_log()
            => Assert.Empty(SarifSchema.Validate("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[]}]}"));

        [Theory]
        [InlineData("{\"version\":\"9.9\",\"runs\":[]}")]
        [InlineData("{\"version\":\"2.1.0\"}")]
        [InlineData("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}")]
        [InlineData("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"message\":{\"text\":\"m\"},\"level\":\"loud\"}]}]}")]
        public void Rejects_invalid_logs(string sarif) => Assert.NotEmpty(SarifSchema.Validate(sarif));
    }
}
