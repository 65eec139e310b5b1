using System;
using System.Collections.Generic;
using System.Text;

namespace Inworld.Analyzers.Benchmarks
{
    /// <summary>
    /// Generates a C# code base shaped like a game or service: many classes with string-heavy code
    /// (URLs, messages, GUIDs, Base64 blobs, interpolations, concatenations) and, optionally, a few fake keys.
    /// </summary>
    public static class CorpusGenerator
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        public static IReadOnlyList<string> Generate(int files, int classesPerFile, int keys, int seed = 42)
        {
            var random = new Random(seed);
            var sources = new List<string>(files);
            for (var f = 0; f < files; f++)
            {
                var builder = new StringBuilder();
                builder.AppendLine("using System;\nusing System.Collections.Generic;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Text;\nusing System.Threading.Tasks;\n");
                builder.Append("namespace Game.Module").Append(f).AppendLine("\n{");
                for (var c = 0; c < classesPerFile; c++)
                {
                    AppendClass(builder, random, f, c, withKey: keys > 0 && (f * classesPerFile + c) % Math.Max(1, files * classesPerFile / keys) == 0);
                }

                builder.AppendLine("}");
                sources.Add(builder.ToString());
            }

            return sources;
        }

        private static void AppendClass(StringBuilder b, Random random, int file, int index, bool withKey)
        {
            var blob = Convert.ToBase64String(RandomBytes(random, 96));
            b.Append("    public sealed class Service").Append(file).Append('_').Append(index).AppendLine();
            b.AppendLine("    {");
            b.Append("        private const string Endpoint = \"https://api.example.com/v").Append(index % 3).AppendLine("/items\";");
            b.Append("        private static readonly string Icon = \"").Append(blob).AppendLine("\";");
            b.Append("        private readonly Dictionary<string, string> _headers = new Dictionary<string, string> { [\"Accept\"] = \"application/json\", [\"X-Request-Id\"] = \"").Append(NewGuid(random)).AppendLine("\" };");
            if (withKey)
            {
                b.Append("        private const string ApiKey = \"").Append(FakeKey(random)).AppendLine("\";");
            }

            b.AppendLine("        public string Describe(int id, string name)");
            b.AppendLine("        {");
            b.AppendLine("            var message = $\"Item {id} is called {name} and lives at {Endpoint}\";");
            b.AppendLine("            var label = \"Service \" + name + \" (\" + id.ToString() + \")\";");
            b.AppendLine("            var path = string.Format(\"{0}/{1}\", Endpoint, id);");
            b.AppendLine("            switch (name)");
            b.AppendLine("            {");
            b.AppendLine("                case \"alpha\": return message;");
            b.AppendLine("                case \"beta\": return label;");
            b.AppendLine("                default: return path + Encoding.UTF8.GetByteCount(Icon);");
            b.AppendLine("            }");
            b.AppendLine("        }");
            b.AppendLine("        public string Token(string user) => user.Length > 3 ? \"token-for-\" + user : Environment.GetEnvironmentVariable(\"APP_TOKEN\") ?? \"\";");
            b.AppendLine("        public async Task<string> Fetch(HttpClient client, string token, int id)");
            b.AppendLine("        {");
            b.Append("            using var request = new HttpRequestMessage(HttpMethod.Get, \"https://api.example.com/items/\" + id + \"?v=").Append(index).AppendLine("\");");
            b.AppendLine("            request.Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", token);");
            b.Append("            request.Headers.Add(\"X-Trace\", \"trace-").Append(NewGuid(random).ToString("N")).AppendLine("\");");
            b.AppendLine("            request.Headers.TryAddWithoutValidation(\"Authorization\", \"Basic \" + Convert.ToBase64String(Encoding.UTF8.GetBytes(\"user:\" + id)));");
            b.AppendLine("            var response = await client.SendAsync(request);");
            b.AppendLine("            return await response.Content.ReadAsStringAsync() + Icon.Length;");
            b.AppendLine("        }");
            b.AppendLine("    }");
        }

        private static string FakeKey(Random random)
        {
            var id = new char[32];
            var secret = new char[64];
            for (var i = 0; i < id.Length; i++) id[i] = Alphabet[random.Next(Alphabet.Length)];
            for (var i = 0; i < secret.Length; i++) secret[i] = Alphabet[random.Next(Alphabet.Length)];
            return Convert.ToBase64String(Encoding.ASCII.GetBytes(new string(id) + ":" + new string(secret)));
        }

        // From the seeded generator, so the corpus is the same on every run.
        private static Guid NewGuid(Random random) => new Guid(RandomBytes(random, 16));

        private static byte[] RandomBytes(Random random, int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }
    }
}
