using System;
using System.Collections.Generic;

namespace Inworld.Analyzers.Core.ShippedFiles
{
    /// <summary>One row of the definition of what ships: a file pattern, its format, and whether the package adds it to every build.</summary>
    internal sealed class ShippedFilePattern
    {
        public ShippedFilePattern(string pattern, ShippedFileFormat format, bool addedByPackage, string ships)
        {
            Pattern = pattern;
            Format = format;
            AddedByPackage = addedByPackage;
            Ships = ships;
            var slash = pattern.LastIndexOf('/');
            NamePattern = slash < 0 ? pattern : pattern.Substring(slash + 1);
        }

        /// <summary>The MSBuild-style pattern, relative to the project folder: "appsettings*.json", "Properties/launchSettings.json".</summary>
        public string Pattern { get; }

        /// <summary>The file-name part of <see cref="Pattern"/>, which decides a file's format wherever it is.</summary>
        public string NamePattern { get; }

        public ShippedFileFormat Format { get; }

        /// <summary>
        /// The package's props (build/Inworld.Analyzers.props) add files matching <see cref="Pattern"/> in the project folder to
        /// every SDK-style build as AdditionalFiles; a test keeps that list and this flag equal. Other rows are read when a
        /// project lists such a file, when Unity hands it over, and by inworld-scan, which reads every row in the whole tree.
        /// </summary>
        public bool AddedByPackage { get; }

        /// <summary>Why files of this pattern reach users (for docs and reviewers).</summary>
        public string Ships { get; }

        /// <summary>Does a file name (no folder) match <see cref="NamePattern"/>? '*' is the only wildcard, case is ignored.</summary>
        public bool MatchesName(string name)
        {
            var star = NamePattern.IndexOf('*');
            if (star < 0)
            {
                return string.Equals(name, NamePattern, StringComparison.OrdinalIgnoreCase);
            }

            var prefix = NamePattern.Substring(0, star);
            var suffix = NamePattern.Substring(star + 1);
            return name.Length >= prefix.Length + suffix.Length &&
                   name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) &&
                   name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// The one definition of which files INW004 reads and in what format: the analyzer (a file's format), inworld-scan
    /// (which files of a tree it reads) and the package's props (which files every build adds, checked by a test) all
    /// come from this table. The first row whose name pattern matches decides the format (".env.config" is KeyValue).
    /// </summary>
    internal static class ShippedFilePatterns
    {
        public static readonly IReadOnlyList<ShippedFilePattern> All = new[]
        {
            new ShippedFilePattern(".env*", ShippedFileFormat.KeyValue, true, ".env, .env.local: read by dotenv loaders at startup, and copied into containers and deployments"),
            new ShippedFilePattern("*.env", ShippedFileFormat.KeyValue, true, "prod.env, docker.env: env files of deployments"),
            new ShippedFilePattern("*.ini", ShippedFileFormat.KeyValue, false, "INI settings a project copies to its output"),
            new ShippedFilePattern("*.properties", ShippedFileFormat.KeyValue, false, "key=value settings a project copies to its output"),
            new ShippedFilePattern("appsettings*.json", ShippedFileFormat.Json, true, "ASP.NET Core and generic-host settings, published with the app"),
            new ShippedFilePattern("wwwroot/appsettings*.json", ShippedFileFormat.Json, true, "Blazor WebAssembly settings, downloaded by every browser"),
            new ShippedFilePattern("launchSettings.json", ShippedFileFormat.Json, true, "launch profiles with environment variables, committed with the project"),
            new ShippedFilePattern("Properties/launchSettings.json", ShippedFileFormat.Json, true, "launch profiles with environment variables, committed with the project"),
            new ShippedFilePattern("*.json", ShippedFileFormat.Json, false, "any JSON a project copies to its output, and Unity's StreamingAssets and Resources JSON in the player"),
            new ShippedFilePattern("*.config", ShippedFileFormat.XmlConfig, true, "App.config and Web.config, copied next to the program"),
            new ShippedFilePattern("*.asset", ShippedFileFormat.UnityYaml, false, "Unity assets (ScriptableObject settings), built into the player"),
            new ShippedFilePattern("*.prefab", ShippedFileFormat.UnityYaml, false, "Unity prefabs, built into the player"),
            new ShippedFilePattern("*.unity", ShippedFileFormat.UnityYaml, false, "Unity scenes, built into the player"),
        };
    }
}
