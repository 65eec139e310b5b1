using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Core
{
    /// <summary>A configuration value that could not be used, kept to report it once.</summary>
    internal readonly struct InvalidOption
    {
        public InvalidOption(string key, string value, string expected, string fallback)
        {
            Key = key;
            Value = value;
            Expected = expected;
            Fallback = fallback;
        }

        public string Key { get; }
        public string Value { get; }
        public string Expected { get; }
        public string Fallback { get; }
    }

    /// <summary>What kind of value an option takes; decides how it is validated.</summary>
    internal enum OptionValueKind
    {
        /// <summary>[A-Za-z_][A-Za-z0-9_]*, at most 128 characters (the code fix writes it into a C# string literal).</summary>
        EnvironmentVariableName,

        /// <summary>One of <see cref="OptionDefinition.AllowedValues"/>, case-insensitive.</summary>
        Choice,

        /// <summary>true or false, case-insensitive.</summary>
        Boolean,

        /// <summary>An absolute http or https URL.</summary>
        HttpUrl,

        /// <summary>A free-form list separated by ',' or ';': every value is accepted.</summary>
        NameList,
    }

    /// <summary>Which options a setting is read from: where it has an effect.</summary>
    internal enum OptionAppliesTo
    {
        /// <summary>A section matching C# files ([*.cs]) or a global config.</summary>
        CSharpFiles,

        /// <summary>A section matching the non-C# additional files INW004 reads ([appsettings.Development.json]) or a global config.</summary>
        AdditionalFiles,

        /// <summary>An MSBuild property, passed to the analyzers as build_property.Name.</summary>
        MSBuildProperty,

        /// <summary>MSBuild item metadata on AdditionalFiles, passed as build_metadata.AdditionalFiles.Name.</summary>
        MSBuildAdditionalFileMetadata,
    }

    /// <summary>One option the package reads: its key, kind, allowed values, default and where it applies.</summary>
    internal sealed class OptionDefinition
    {
        public OptionDefinition(string key, string documentation, OptionValueKind kind, string defaultValue, OptionAppliesTo appliesTo, string expected, string? displayName = null, params string[] allowedValues)
        {
            Key = key;
            Documentation = documentation;
            Kind = kind;
            Default = defaultValue;
            AppliesTo = appliesTo;
            Expected = expected;
            DisplayName = displayName ?? key;
            AllowedValues = allowedValues;
        }

        /// <summary>The key the analyzers look up (the compiler lower-cases editorconfig keys; look-ups ignore case).</summary>
        public string Key { get; }

        /// <summary>What the option does, for the README options table (generated from this table by the docs tests).</summary>
        public string Documentation { get; }

        /// <summary>The name shown in INW900 messages (the MSBuild name for build_property / build_metadata keys).</summary>
        public string DisplayName { get; }

        public OptionValueKind Kind { get; }

        /// <summary>Allowed values of a <see cref="OptionValueKind.Choice"/> or <see cref="OptionValueKind.Boolean"/> option.</summary>
        public IReadOnlyList<string> AllowedValues { get; }

        /// <summary>The value used when the option is missing, empty, "unset" or invalid.</summary>
        public string Default { get; }

        public OptionAppliesTo AppliesTo { get; }

        /// <summary>What a valid value looks like, for the INW900 message ("expected ...").</summary>
        public string Expected { get; }

        /// <summary>
        /// Whether <paramref name="raw"/> is usable. Missing, empty and "unset" (the .editorconfig way to clear a
        /// property) mean the default and are valid. Never throws.
        /// </summary>
        public bool IsValid(string? raw)
        {
            var value = raw?.Trim() ?? string.Empty;
            if (value.Length == 0 || value.Equals("unset", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            switch (Kind)
            {
                case OptionValueKind.EnvironmentVariableName:
                    return InworldOptions.IsEnvironmentVariableName(value);
                case OptionValueKind.Choice:
                case OptionValueKind.Boolean:
                    foreach (var allowed in AllowedValues)
                    {
                        if (value.Equals(allowed, StringComparison.OrdinalIgnoreCase))
                        {
                            return true;
                        }
                    }

                    return false;
                case OptionValueKind.HttpUrl:
                    return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http");
                default:
                    return true;
            }
        }
    }

    /// <summary>
    /// The package's .editorconfig / global config options, parsed and validated in one place.
    /// A malformed value never throws: it falls back to the default and is listed in <see cref="Problems"/>.
    /// </summary>
    internal sealed class InworldOptions
    {
        public const string Prefix = "inworld_analyzers.";
        public const string ApiKeyVariableKey = Prefix + "api_key_env_var";
        public const string KeyIdVariableKey = Prefix + "key_id_env_var";
        public const string SecretVariableKey = Prefix + "secret_env_var";
        public const string ProjectKindKey = Prefix + "project_kind";
        public const string BasicAuthScopeKey = Prefix + "basic_auth_scope";
        public const string TokenEndpointKey = Prefix + "token_endpoint";
        public const string RealtimeKeyPatternsKey = Prefix + "realtime_key_patterns";
        public const string RealtimeKeySourcesKey = Prefix + "realtime_key_sources";
        public const string ScanShippedFileKey = Prefix + "scan_shipped_file";
        public const string ProjectKindPropertyKey = "build_property.InworldProjectKind";
        public const string ScanMetadataKey = "build_metadata.AdditionalFiles.InworldScan";

        /// <summary>
        /// Marks an additional file as one of the project's .editorconfig / global config files, passed by the
        /// package's targets (and by inworld-scan) so that INW900 can read the files themselves: an analyzer
        /// cannot enumerate option keys or tell which file a value came from.
        /// </summary>
        public const string ConfigFileMetadataKey = "build_metadata.AdditionalFiles.InworldConfig";

        /// <summary>The token endpoint the INW002 fix writes into the generated provider when none is configured.</summary>
        public const string DefaultTokenEndpoint = "https://localhost:5001/token";

        private const string VariableNameExpected = "an environment variable name: a letter or '_' followed by letters, digits or '_'";
        private const string ProjectKindExpected = "auto, client or server";

        /// <summary>
        /// Every option any rule reads, in one table: INW900 validates exactly these, and reports an
        /// inworld_analyzers.* key that is not here as unknown. A rule that reads a new option adds it here.
        /// </summary>
        public static readonly IReadOnlyList<OptionDefinition> Definitions = new[]
        {
            new OptionDefinition(ApiKeyVariableKey,
                "Environment variable the INW001 code fix reads an API key from; the INW003 code fix writes it too. Does not change what is detected.",
                OptionValueKind.EnvironmentVariableName, CredentialNames.DefaultApiKeyVariable, OptionAppliesTo.CSharpFiles, VariableNameExpected),
            new OptionDefinition(KeyIdVariableKey,
                "Environment variable the INW001 code fix reads a key id from. Does not change what is detected.",
                OptionValueKind.EnvironmentVariableName, CredentialNames.DefaultKeyIdVariable, OptionAppliesTo.CSharpFiles, VariableNameExpected),
            new OptionDefinition(SecretVariableKey,
                "Environment variable the INW001 code fix reads a secret from. Does not change what is detected.",
                OptionValueKind.EnvironmentVariableName, CredentialNames.DefaultSecretVariable, OptionAppliesTo.CSharpFiles, VariableNameExpected),
            new OptionDefinition(ProjectKindKey,
                "Whether code runs on users' devices (client: INW002 applies) or on a server; `auto` detects it. Per file or folder in `.editorconfig`, per project in a global config.",
                OptionValueKind.Choice, "auto", OptionAppliesTo.CSharpFiles, ProjectKindExpected, null, "auto", "client", "server"),
            new OptionDefinition(BasicAuthScopeKey,
                "Which Basic credentials INW002 reports in client code: only those sent to Inworld (`inworld`) or every one (`any`).",
                OptionValueKind.Choice, "inworld", OptionAppliesTo.CSharpFiles, "inworld or any", null, "inworld", "any"),
            new OptionDefinition(TokenEndpointKey,
                "Your backend's token endpoint, written by the INW002 code fix into `InworldTokenProvider`.",
                OptionValueKind.HttpUrl, DefaultTokenEndpoint, OptionAppliesTo.CSharpFiles, "an absolute http(s) URL of your backend's token endpoint"),
            new OptionDefinition(RealtimeKeyPatternsKey,
                "Name patterns (`*`, `?`) of variables, configuration keys and symbols that hold Realtime-only keys (INW003).",
                OptionValueKind.NameList, "names containing realtime and key", OptionAppliesTo.CSharpFiles, "name patterns with * and ?, separated by ',' or ';'"),
            new OptionDefinition(RealtimeKeySourcesKey,
                "Exact names of variables, configuration keys and symbols that hold Realtime-only keys (INW003).",
                OptionValueKind.NameList, "none", OptionAppliesTo.CSharpFiles, "exact names, separated by ',' or ';'"),
            new OptionDefinition(ScanShippedFileKey,
                "In a section for a settings file (`[appsettings.Development.json]`): `false` excludes that file from INW004.",
                OptionValueKind.Boolean, "true", OptionAppliesTo.AdditionalFiles, "true or false", null, "true", "false"),
            new OptionDefinition(ProjectKindPropertyKey,
                "The project's kind, as `inworld_analyzers.project_kind` for the whole project.",
                OptionValueKind.Choice, "auto", OptionAppliesTo.MSBuildProperty, ProjectKindExpected, "InworldProjectKind (MSBuild)", "auto", "client", "server"),
            new OptionDefinition(ScanMetadataKey,
                "On an `AdditionalFiles` item: `false` keeps the file in the build and out of INW004.",
                OptionValueKind.Boolean, "true", OptionAppliesTo.MSBuildAdditionalFileMetadata, "true or false", "InworldScan (MSBuild item metadata)", "true", "false"),
        };

        /// <summary>The inworld_analyzers.* keys of <see cref="Definitions"/>: the keys a config file may hold.</summary>
        public static readonly IReadOnlyList<string> KnownKeys = KeysWithPrefix();

        public static readonly InworldOptions Default = new InworldOptions(
            CredentialNames.DefaultApiKeyVariable, CredentialNames.DefaultKeyIdVariable, CredentialNames.DefaultSecretVariable, new InvalidOption[0]);

        private InworldOptions(string apiKeyVariable, string keyIdVariable, string secretVariable, IReadOnlyList<InvalidOption> problems, bool basicAuthAnyHost = false)
        {
            ApiKeyVariable = apiKeyVariable;
            KeyIdVariable = keyIdVariable;
            SecretVariable = secretVariable;
            Problems = problems;
            BasicAuthAnyHost = basicAuthAnyHost;
        }

        /// <summary>INW002 scope: false (default, "inworld") for Inworld requests only; true ("any") for every Basic credential.</summary>
        public bool BasicAuthAnyHost { get; }

        /// <summary>Environment variable the code fix reads the API key from.</summary>
        public string ApiKeyVariable { get; }

        /// <summary>Environment variable the code fix reads a key id from.</summary>
        public string KeyIdVariable { get; }

        /// <summary>Environment variable the code fix reads a secret from.</summary>
        public string SecretVariable { get; }

        public IReadOnlyList<InvalidOption> Problems { get; }

        public string VariableFor(CredentialKind kind)
        {
            switch (kind)
            {
                case CredentialKind.KeyId: return KeyIdVariable;
                case CredentialKind.Secret: return SecretVariable;
                default: return ApiKeyVariable;
            }
        }

        /// <summary>The definition of <paramref name="key"/> (case-insensitive), or null for a key the package does not read.</summary>
        public static OptionDefinition? Find(string key)
        {
            foreach (var definition in Definitions)
            {
                if (definition.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
                {
                    return definition;
                }
            }

            return null;
        }

        /// <summary>
        /// Every option of <see cref="Definitions"/> present in <paramref name="options"/> with a value that cannot
        /// be used. Options of one tree, one additional file or the project's global options: each holds the
        /// options that apply to it, so the same call serves them all.
        /// </summary>
        public static List<InvalidOption>? Validate(AnalyzerConfigOptions options)
        {
            List<InvalidOption>? problems = null;
            foreach (var definition in Definitions)
            {
                if (options.TryGetValue(definition.Key, out var value) && value != null && !definition.IsValid(value))
                {
                    (problems ??= new List<InvalidOption>()).Add(new InvalidOption(definition.DisplayName, value.Trim(), definition.Expected, definition.Default));
                }
            }

            return problems;
        }

        private static IReadOnlyList<string> KeysWithPrefix()
        {
            var keys = new List<string>();
            foreach (var definition in Definitions)
            {
                if (definition.Key.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    keys.Add(definition.Key);
                }
            }

            return keys;
        }

        public static InworldOptions Read(AnalyzerConfigOptions options)
        {
            var problems = Validate(options);
            var apiKey = ReadVariableName(options, ApiKeyVariableKey, CredentialNames.DefaultApiKeyVariable);
            var keyId = ReadVariableName(options, KeyIdVariableKey, CredentialNames.DefaultKeyIdVariable);
            var secret = ReadVariableName(options, SecretVariableKey, CredentialNames.DefaultSecretVariable);
            var anyHost = options.TryGetValue(BasicAuthScopeKey, out var scope) && scope != null && scope.Trim().Equals("any", StringComparison.OrdinalIgnoreCase);

            if (problems == null && !anyHost &&
                apiKey == Default.ApiKeyVariable && keyId == Default.KeyIdVariable && secret == Default.SecretVariable)
            {
                return Default;
            }

            return new InworldOptions(apiKey, keyId, secret, (IReadOnlyList<InvalidOption>?)problems ?? new InvalidOption[0], anyHost);
        }

        /// <summary>
        /// The token endpoint configured for these options, validated by its <see cref="Definitions"/> entry (the
        /// same check INW900 reports), else <see cref="DefaultTokenEndpoint"/>.
        /// </summary>
        public static string ReadTokenEndpoint(AnalyzerConfigOptions options)
        {
            if (options.TryGetValue(TokenEndpointKey, out var raw) && raw != null && Find(TokenEndpointKey)!.IsValid(raw) &&
                Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri))
            {
                return uri.ToString();
            }

            return DefaultTokenEndpoint;
        }

        /// <summary>The configured name, or <paramref name="fallback"/> when it is missing, empty, "unset" or not a valid name.</summary>
        private static string ReadVariableName(AnalyzerConfigOptions options, string key, string fallback)
        {
            if (!options.TryGetValue(key, out var raw) || raw == null)
            {
                return fallback;
            }

            var value = raw.Trim();
            return IsEnvironmentVariableName(value) && !value.Equals("unset", StringComparison.OrdinalIgnoreCase) ? value : fallback;
        }

        /// <summary>Portable environment variable names; the code fix writes the name into a C# string literal.</summary>
        public static bool IsEnvironmentVariableName(string value)
        {
            if (value.Length == 0 || value.Length > 128)
            {
                return false;
            }

            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                var ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
