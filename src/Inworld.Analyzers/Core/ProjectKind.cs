using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Core
{
    /// <summary>Where a build's code runs: on users' devices (client) or on a machine the team controls (server).</summary>
    internal enum ProjectKind
    {
        Server = 0,
        Client,
    }

    /// <summary>A project kind and the signal that decided it, for messages ("Unity player", "Blazor WebAssembly").</summary>
    internal readonly struct ProjectKindDecision
    {
        public ProjectKindDecision(ProjectKind kind, string reason)
        {
            Kind = kind;
            Reason = reason;
        }

        public ProjectKind Kind { get; }
        public string Reason { get; }
        public bool IsClient => Kind == ProjectKind.Client;
    }

    /// <summary>
    /// Tells client from server builds from the MSBuild properties the package exposes to the compiler
    /// (build_property.* in the global options), the referenced UI and game frameworks, and Unity's build
    /// symbols. Anything without a client signal is a server: ASP.NET Core, worker services, console apps
    /// and class libraries. An explicit override wins, because a library shared by a game and its backend
    /// cannot be guessed: the MSBuild property InworldProjectKind, or inworld_analyzers.project_kind in
    /// .editorconfig (per file) or a global config (per project).
    /// </summary>
    internal static class ProjectKinds
    {
        public const string OverrideKey = InworldOptions.ProjectKindPropertyKey;
        public const string OptionKey = InworldOptions.ProjectKindKey;

        private static readonly (string Assembly, string Reason)[] ClientAssemblies =
        {
            ("Microsoft.AspNetCore.Components.WebAssembly", "Blazor WebAssembly"),
            ("Microsoft.Maui", "MAUI"),
            ("Microsoft.Maui.Controls", "MAUI"),
            ("Xamarin.Forms.Core", "Xamarin"),
            ("Mono.Android", "Xamarin.Android"),
            ("Xamarin.iOS", "Xamarin.iOS"),
            ("Xamarin.Mac", "Xamarin.Mac"),
            ("PresentationFramework", "WPF"),
            ("System.Windows.Forms", "Windows Forms"),
            ("Microsoft.WinUI", "WinUI"),
            ("Avalonia", "Avalonia"),
            ("Avalonia.Base", "Avalonia"),
            ("Uno.UI", "Uno Platform"),
            ("GodotSharp", "Godot"),
            ("MonoGame.Framework", "MonoGame"),
            ("FNA", "FNA"),
            ("Stride.Engine", "Stride"),
            ("Stride.Core", "Stride"),
        };

        private static readonly (string Property, string Reason)[] ClientProperties =
        {
            ("build_property.UsingMicrosoftNETSdkBlazorWebAssembly", "Blazor WebAssembly"),
            ("build_property.UseMaui", "MAUI"),
            ("build_property.UseWPF", "WPF"),
            ("build_property.UseWindowsForms", "Windows Forms"),
            ("build_property.UseWinUI", "WinUI"),
        };

        private static readonly string[] ClientPlatforms = { "android", "ios", "maccatalyst", "tvos", "browser" };

        public static ProjectKindDecision Detect(Compilation compilation, AnalyzerConfigOptions globalOptions, UnityContext unity)
        {
            var names = new System.Collections.Generic.List<string>();
            foreach (var reference in compilation.ReferencedAssemblyNames)
            {
                names.Add(reference.Name);
            }

            return Detect(names, globalOptions, unity);
        }

        /// <summary>The decision from the referenced assemblies' names (inworld-scan decides it before it compiles anything).</summary>
        public static ProjectKindDecision Detect(System.Collections.Generic.IReadOnlyCollection<string> referencedAssemblyNames, AnalyzerConfigOptions globalOptions, UnityContext unity)
        {
            if (TryOverride(globalOptions, out var overridden))
            {
                return overridden;
            }

            if (unity.IsUnity)
            {
                return unity.IsServerBuild
                    ? new ProjectKindDecision(ProjectKind.Server, "Unity Dedicated Server build (UNITY_SERVER)")
                    : new ProjectKindDecision(ProjectKind.Client, "Unity player code");
            }

            foreach (var (property, reason) in ClientProperties)
            {
                if (IsTrue(globalOptions, property))
                {
                    return new ProjectKindDecision(ProjectKind.Client, reason);
                }
            }

            if (globalOptions.TryGetValue("build_property.RuntimeIdentifier", out var rid) && rid != null && IsClientPlatform(rid.Split('-')[0]))
            {
                return new ProjectKindDecision(ProjectKind.Client, "runtime identifier " + rid.Trim());
            }

            if (globalOptions.TryGetValue("build_property.TargetPlatformIdentifier", out var platform) && platform != null && IsClientPlatform(platform))
            {
                return new ProjectKindDecision(ProjectKind.Client, "target platform " + platform.Trim());
            }

            if (globalOptions.TryGetValue("build_property.TargetFramework", out var framework) && framework != null)
            {
                var dash = framework.IndexOf('-');
                if (dash > 0 && IsClientPlatform(StripVersion(framework.Substring(dash + 1))))
                {
                    return new ProjectKindDecision(ProjectKind.Client, "target framework " + framework.Trim());
                }
            }

            foreach (var reference in referencedAssemblyNames)
            {
                foreach (var (assembly, reason) in ClientAssemblies)
                {
                    if (string.Equals(reference, assembly, StringComparison.Ordinal))
                    {
                        return new ProjectKindDecision(ProjectKind.Client, reason);
                    }
                }
            }

            return IsTrue(globalOptions, "build_property.UsingMicrosoftNETSdkWeb")
                ? new ProjectKindDecision(ProjectKind.Server, "ASP.NET Core")
                : new ProjectKindDecision(ProjectKind.Server, "no client-side signal");
        }

        /// <summary>A per-file override (.editorconfig section) on top of the project's decision.</summary>
        public static ProjectKindDecision ForFile(ProjectKindDecision project, AnalyzerConfigOptions fileOptions)
            => fileOptions.TryGetValue(OptionKey, out var value) && TryParse(value, out var kind) && kind.HasValue
                ? new ProjectKindDecision(kind.Value, "inworld_analyzers.project_kind = " + value!.Trim().ToLowerInvariant())
                : project;

        /// <summary>Does a file's own options make it client code (a per-file project_kind = client, which INW002 honours)?</summary>
        public static bool OverridesToClient(AnalyzerConfigOptions fileOptions)
            => fileOptions.TryGetValue(OptionKey, out var value) && TryParse(value, out var kind) && kind == ProjectKind.Client;

        /// <summary>auto | client | server, case-insensitive. Null kind for auto (detect).</summary>
        public static bool TryParse(string? value, out ProjectKind? kind)
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
                    kind = null;
                    return true;
                default:
                    kind = null;
                    return false;
            }
        }

        private static bool TryOverride(AnalyzerConfigOptions options, out ProjectKindDecision decision)
        {
            foreach (var key in new[] { OptionKey, OverrideKey })
            {
                if (options.TryGetValue(key, out var value) && TryParse(value, out var kind) && kind.HasValue)
                {
                    var name = key == OverrideKey ? "InworldProjectKind" : OptionKey;
                    decision = new ProjectKindDecision(kind.Value, name + " = " + value!.Trim().ToLowerInvariant());
                    return true;
                }
            }

            decision = default;
            return false;
        }

        private static bool IsClientPlatform(string value)
        {
            foreach (var client in ClientPlatforms)
            {
                if (value.Trim().Equals(client, StringComparison.OrdinalIgnoreCase) || value.Trim().StartsWith(client + "simulator", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"ios17.0" → "ios".</summary>
        private static string StripVersion(string platform)
        {
            var end = 0;
            while (end < platform.Length && char.IsLetter(platform[end])) end++;
            return platform.Substring(0, end);
        }

        private static bool IsTrue(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
