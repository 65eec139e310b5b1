using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Core
{
    /// <summary>Where a build's code runs: on users' devices (client) or on a server the team controls.</summary>
    internal enum ProjectKind
    {
        /// <summary>Nothing tells: a console app, a library. Rules that need certainty stay quiet.</summary>
        Unknown = 0,
        Client,
        Server,
    }

    /// <summary>
    /// Tells client from server builds from the MSBuild properties the package exposes to the compiler
    /// (build_property.* in the global options), the referenced frameworks, and Unity's build symbols.
    /// An explicit build_property.InworldProjectKind (set by the project or by inworld-scan --project-kind) wins.
    /// </summary>
    internal static class ProjectKinds
    {
        public const string OverrideKey = "build_property.InworldProjectKind";

        private static readonly string[] ClientPlatforms = { "android", "ios", "maccatalyst", "tvos", "browser", "windows" };

        private static readonly string[] ClientFrameworkAssemblies = { "GodotSharp", "Avalonia", "Avalonia.Base", "Xamarin.Forms.Core", "Mono.Android", "Xamarin.iOS", "Microsoft.Maui", "Microsoft.AspNetCore.Components.WebAssembly", "PresentationFramework", "System.Windows.Forms", "Microsoft.WinUI" };

        public static ProjectKind Detect(Compilation compilation, AnalyzerConfigOptions globalOptions, UnityContext unity)
        {
            if (globalOptions.TryGetValue(OverrideKey, out var explicitKind) && TryParse(explicitKind, out var parsed) && parsed != ProjectKind.Unknown)
            {
                return parsed;
            }

            if (unity.IsUnity)
            {
                return unity.IsServerBuild ? ProjectKind.Server : ProjectKind.Client;
            }

            if (IsTrue(globalOptions, "build_property.UsingMicrosoftNETSdkBlazorWebAssembly") || IsTrue(globalOptions, "build_property.UseMaui") ||
                IsTrue(globalOptions, "build_property.UseWPF") || IsTrue(globalOptions, "build_property.UseWindowsForms") || IsTrue(globalOptions, "build_property.UseWinUI"))
            {
                return ProjectKind.Client;
            }

            if (globalOptions.TryGetValue("build_property.RuntimeIdentifier", out var rid) && rid != null &&
                (rid.StartsWith("browser", StringComparison.OrdinalIgnoreCase) || rid.StartsWith("android", StringComparison.OrdinalIgnoreCase) || rid.StartsWith("ios", StringComparison.OrdinalIgnoreCase)))
            {
                return ProjectKind.Client;
            }

            if (globalOptions.TryGetValue("build_property.TargetPlatformIdentifier", out var platform) && platform != null)
            {
                foreach (var client in ClientPlatforms)
                {
                    if (platform.Equals(client, StringComparison.OrdinalIgnoreCase))
                    {
                        return ProjectKind.Client;
                    }
                }
            }

            foreach (var reference in compilation.ReferencedAssemblyNames)
            {
                foreach (var client in ClientFrameworkAssemblies)
                {
                    if (string.Equals(reference.Name, client, StringComparison.Ordinal))
                    {
                        return ProjectKind.Client;
                    }
                }
            }

            return IsTrue(globalOptions, "build_property.UsingMicrosoftNETSdkWeb") ? ProjectKind.Server : ProjectKind.Unknown;
        }

        /// <summary>auto | client | server, case-insensitive; "auto" and empty mean Unknown (detect).</summary>
        public static bool TryParse(string? value, out ProjectKind kind)
        {
            switch (value?.Trim().ToLowerInvariant())
            {
                case "client":
                    kind = ProjectKind.Client;
                    return true;
                case "server":
                    kind = ProjectKind.Server;
                    return true;
                case "auto":
                case "":
                case null:
                    kind = ProjectKind.Unknown;
                    return true;
                default:
                    kind = ProjectKind.Unknown;
                    return false;
            }
        }

        private static bool IsTrue(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
