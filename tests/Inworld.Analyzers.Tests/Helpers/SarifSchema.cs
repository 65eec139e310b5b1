using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace Inworld.Analyzers.Tests.Helpers
{
    /// <summary>The SARIF 2.1.0 schema shipped with the tests (Schemas/README.md), loaded once.</summary>
    public static class SarifSchema
    {
        private static readonly Lazy<NJsonSchema.JsonSchema> Schema = new Lazy<NJsonSchema.JsonSchema>(
            () => NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0-rtm.5.json"))).GetAwaiter().GetResult(),
            LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Schema violations of a SARIF log, as "path: kind" lines; empty when it is valid.</summary>
        public static IReadOnlyList<string> Validate(string sarif)
            => Schema.Value.Validate(sarif).Select(e => e.Path + ": " + e.Kind + (e.Property != null ? " (" + e.Property + ")" : string.Empty)).ToList();
    }
}
