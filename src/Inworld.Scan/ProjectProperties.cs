using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Inworld.Scan
{
    /// <summary>
    /// The build_property.* values MSBuild hands the analyzers for ONE project (the package's CompilerVisibleProperty
    /// list), read from its project file and the Directory.Build.props files it imports. A simple evaluation, not
    /// MSBuild: literal values and $(Name) references to properties read earlier; properties or property groups
    /// with a Condition are ignored (a configuration-specific value cannot be chosen without a configuration);
    /// imports other than the Directory.Build.props chain and SDK props are not read. Every limit is in the README.
    /// </summary>
    internal static class ProjectProperties
    {
        /// <summary>The properties the package makes compiler-visible (src/Inworld.Analyzers.Package/build/Inworld.Analyzers.props).</summary>
        public static readonly string[] CompilerVisible =
        {
            "OutputType", "TargetFramework", "TargetPlatformIdentifier", "RuntimeIdentifier", "UseMaui", "UseWPF",
            "UseWindowsForms", "UseWinUI", "UsingMicrosoftNETSdkBlazorWebAssembly", "UsingMicrosoftNETSdkWeb",
            "InworldAnalyzersAsErrors", "InworldProjectKind", "EnableDefaultCompileItems",
        };

        /// <summary>Client platforms first: a multi-targeted project's client build is the one INW002 must see.</summary>
        private static readonly string[] ClientPlatforms = { "android", "ios", "maccatalyst", "tvos", "browser" };

        private static readonly Regex PropertyReference = new Regex(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>What one project file says, as the scanner uses it.</summary>
        internal sealed class Result
        {
            public Result(Dictionary<string, string> buildProperties, Dictionary<string, string> all, IReadOnlyList<string> sdks)
            {
                BuildProperties = buildProperties;
                All = all;
                Sdks = sdks;
            }

            /// <summary>build_property.Name = value, for the compiler-visible names only.</summary>
            public Dictionary<string, string> BuildProperties { get; }

            /// <summary>Every property read (name → value), for AssemblyName, ImplicitUsings and Godot detection.</summary>
            public Dictionary<string, string> All { get; }

            public IReadOnlyList<string> Sdks { get; }

            public bool ImplicitUsings => All.TryGetValue("ImplicitUsings", out var value) &&
                (value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase));

            public bool IsGodot => Sdks.Any(s => s.Equals("Godot.NET.Sdk", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// Reads <paramref name="projectFile"/>. A project file or Directory.Build.props that is not well-formed XML
        /// is reported in <paramref name="problems"/> (the scan then fails with exit 2) and contributes nothing.
        /// </summary>
        public static Result Read(string projectFile, ScanProblems problems)
        {
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var sdks = new List<string>();

            // MSBuild imports the nearest Directory.Build.props above the project first (Sdk.props does), and that
            // one may import the next one up; their properties are set before the project's own.
            foreach (var props in DirectoryBuildProps(Path.GetDirectoryName(projectFile)!, problems))
            {
                ReadProperties(props, properties);
            }

            var project = Load(projectFile, problems);
            if (project?.Root != null)
            {
                sdks.AddRange(Sdks(project.Root));
                ApplySdkProperties(sdks, properties);
                ReadProperties(project, properties);
            }

            ApplyTargetFramework(properties);
            var build = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in CompilerVisible)
            {
                if (properties.TryGetValue(name, out var value) && value.Length > 0)
                {
                    build["build_property." + name] = value;
                }
            }

            return new Result(build, properties, sdks);
        }

        /// <summary>
        /// The Directory.Build.props chain, outermost first, each parsed once. The nearest one above the project is
        /// imported; one above it only when the nearer file imports it (<see cref="ImportsParentProps"/>). A file that
        /// cannot be parsed is reported (by <see cref="Load"/>) and ends the chain: what it would import is unknown.
        /// </summary>
        private static List<XDocument> DirectoryBuildProps(string projectDirectory, ScanProblems problems)
        {
            var chain = new List<XDocument>();
            for (var directory = new DirectoryInfo(projectDirectory); directory != null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "Directory.Build.props");
                if (!File.Exists(candidate))
                {
                    continue;
                }

                var document = Load(candidate, problems);
                if (document == null)
                {
                    break;
                }

                chain.Add(document);
                if (!ImportsParentProps(document))
                {
                    break;
                }
            }

            chain.Reverse();
            return chain;
        }

        /// <summary>
        /// An &lt;Import&gt; of the next Directory.Build.props up, as MSBuild's documentation writes it:
        /// Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))"
        /// (or the GetDirectoryNameOfFileAbove form). Read from the parsed XML: a comment that mentions it imports nothing.
        /// </summary>
        private static bool ImportsParentProps(XDocument document)
        {
            if (document.Root == null)
            {
                return false;
            }

            foreach (var import in document.Root.Descendants().Where(e => e.Name.LocalName == "Import"))
            {
                var project = (string?)import.Attribute("Project");
                if (project != null && project.IndexOf("Directory.Build.props", StringComparison.OrdinalIgnoreCase) >= 0 &&
                    (project.IndexOf("GetPathOfFileAbove", StringComparison.OrdinalIgnoreCase) >= 0 ||
                     project.IndexOf("GetDirectoryNameOfFileAbove", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static XDocument? Load(string path, ScanProblems problems)
        {
            try
            {
                using var stream = File.OpenRead(path);
                return XDocument.Load(stream, LoadOptions.None);
            }
            catch (XmlException e)
            {
                problems.Error(path, "cannot parse project file: " + e.Message + " (its build properties, such as the project kind, are unknown)");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                problems.NotRead(path, e);
            }

            return null;
        }

        /// <summary>Sdk="A;B/1.0", &lt;Sdk Name="..."/&gt;, &lt;Import Sdk="..."/&gt;: names without versions.</summary>
        private static IEnumerable<string> Sdks(XElement root)
        {
            var names = new List<string>();
            void Add(string? value)
            {
                if (string.IsNullOrWhiteSpace(value)) return;
                foreach (var part in value!.Split(';'))
                {
                    var name = part.Trim();
                    var slash = name.IndexOf('/');
                    if (slash >= 0) name = name.Substring(0, slash).Trim();
                    if (name.Length > 0) names.Add(name);
                }
            }

            Add((string?)root.Attribute("Sdk"));
            foreach (var element in root.Elements())
            {
                if (element.Name.LocalName == "Sdk") Add((string?)element.Attribute("Name"));
                else if (element.Name.LocalName == "Import") Add((string?)element.Attribute("Sdk"));
            }

            return names;
        }

        /// <summary>The Using* properties the SDKs themselves define.</summary>
        private static void ApplySdkProperties(List<string> sdks, Dictionary<string, string> properties)
        {
            foreach (var sdk in sdks)
            {
                if (sdk.Equals("Microsoft.NET.Sdk.BlazorWebAssembly", StringComparison.OrdinalIgnoreCase))
                {
                    properties["UsingMicrosoftNETSdkBlazorWebAssembly"] = "true";
                    properties["UsingMicrosoftNETSdkRazor"] = "true";
                }
                else if (sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
                {
                    properties["UsingMicrosoftNETSdkWeb"] = "true";
                    properties["UsingMicrosoftNETSdkRazor"] = "true";
                }
                else if (sdk.Equals("Microsoft.NET.Sdk.Razor", StringComparison.OrdinalIgnoreCase))
                {
                    properties["UsingMicrosoftNETSdkRazor"] = "true";
                }
            }
        }

        private static void ReadProperties(XDocument document, Dictionary<string, string> properties)
        {
            if (document.Root == null)
            {
                return;
            }

            foreach (var group in document.Root.Elements().Where(e => e.Name.LocalName == "PropertyGroup"))
            {
                if (group.Attribute("Condition") != null)
                {
                    continue;
                }

                foreach (var property in group.Elements())
                {
                    if (property.Attribute("Condition") != null || property.HasElements)
                    {
                        continue;
                    }

                    var value = Expand(property.Value.Trim(), properties);
                    if (value != null)
                    {
                        properties[property.Name.LocalName] = value;
                    }
                }
            }
        }

        /// <summary>$(Name) from properties read so far; null (value ignored) when a reference is unknown.</summary>
        private static string? Expand(string value, Dictionary<string, string> properties)
        {
            if (value.IndexOf("$(", StringComparison.Ordinal) < 0)
            {
                return value;
            }

            var unknown = false;
            var expanded = PropertyReference.Replace(value, match =>
            {
                if (properties.TryGetValue(match.Groups[1].Value, out var known)) return known;
                unknown = true;
                return match.Value;
            });
            return unknown || expanded.IndexOf("$(", StringComparison.Ordinal) >= 0 ? null : expanded;
        }

        /// <summary>
        /// TargetFrameworks="net8.0;net8.0-android": the scan is one compilation, so it takes the framework of the
        /// strictest build (a client platform when one is listed). net8.0-ios17.0 implies TargetPlatformIdentifier=ios,
        /// as the SDK derives it.
        /// </summary>
        private static void ApplyTargetFramework(Dictionary<string, string> properties)
        {
            if ((!properties.TryGetValue("TargetFramework", out var framework) || framework.Length == 0) &&
                properties.TryGetValue("TargetFrameworks", out var frameworks))
            {
                var list = frameworks.Split(';').Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
                framework = list.FirstOrDefault(f => ClientPlatforms.Contains(Platform(f) ?? string.Empty, StringComparer.OrdinalIgnoreCase)) ?? list.FirstOrDefault();
                if (framework != null)
                {
                    properties["TargetFramework"] = framework;
                }
            }

            if (framework != null && !properties.ContainsKey("TargetPlatformIdentifier"))
            {
                var platform = Platform(framework);
                if (platform != null)
                {
                    properties["TargetPlatformIdentifier"] = platform;
                }
            }
        }

        /// <summary>"net8.0-android34.0" → "android"; null without a platform part.</summary>
        private static string? Platform(string framework)
        {
            var dash = framework.IndexOf('-');
            if (dash < 0)
            {
                return null;
            }

            var rest = framework.Substring(dash + 1);
            var end = 0;
            while (end < rest.Length && char.IsLetter(rest[end])) end++;
            return end == 0 ? null : rest.Substring(0, end);
        }
    }
}
