using System;
using System.IO;
using System.Text;

namespace Inworld.Analyzers.Benchmarks
{
    /// <summary>
    /// Writes a repository-shaped tree for timing inworld-scan: C# files in project folders, settings JSON and
    /// Unity assets, plus bin/ and Library/ folders the scanner must skip. A few fake keys are planted.
    /// </summary>
    public static class TreeGenerator
    {
        public static void Write(string root, int files, int seed = 7)
        {
            var random = new Random(seed);
            var csharpCount = files * 8 / 10;
            var sources = CorpusGenerator.Generate(csharpCount, classesPerFile: 2, keys: 3, seed: seed);
            for (var i = 0; i < sources.Count; i++)
            {
                var folder = Path.Combine(root, "src", "Module" + (i / 200), "Feature" + (i % 20));
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "File" + i + ".cs"), sources[i]);
            }

            var shipped = files - csharpCount;
            for (var i = 0; i < shipped; i++)
            {
                if (i % 2 == 0)
                {
                    var folder = Path.Combine(root, "config", "env" + (i % 10));
                    Directory.CreateDirectory(folder);
                    File.WriteAllText(Path.Combine(folder, "appsettings." + i + ".json"),
                        "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"Endpoint\": \"https://api.example.com/v" + i + "\",\n  \"Icon\": \"" + Blob(random) + "\",\n  \"Inworld\": { \"ApiKey\": \"YOUR_API_KEY\" }\n}\n");
                }
                else
                {
                    var folder = Path.Combine(root, "Assets", "Resources", "Set" + (i % 10));
                    Directory.CreateDirectory(folder);
                    File.WriteAllText(Path.Combine(folder, "Settings" + i + ".asset"),
                        "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n--- !u!114 &11400000\nMonoBehaviour:\n  m_ObjectHideFlags: 0\n  m_Name: Settings" + i +
                        "\n  m_Texture: " + Blob(random) + "\n  m_APIKey: \n  m_Volume: 0.8\n");
                }
            }

            // Folders a scan must skip: their content would double the work and the findings.
            foreach (var skipped in new[] { "bin", "obj", "Library", "Temp" })
            {
                var folder = Path.Combine(root, skipped);
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "Leftover.cs"), sources.Count > 0 ? sources[0] : "class Leftover { }");
            }
        }

        private static string Blob(Random random)
        {
            var bytes = new byte[96];
            random.NextBytes(bytes);
            return Convert.ToBase64String(bytes);
        }
    }
}
