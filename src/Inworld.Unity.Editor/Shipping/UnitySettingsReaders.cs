using System;
using System.Collections.Generic;

namespace Inworld.Unity.Editor.Shipping
{
    /// <summary>One row of Build Settings' scene list (ProjectSettings/EditorBuildSettings.asset, m_Scenes).</summary>
    public sealed class BuildSettingsScene
    {
        public BuildSettingsScene(bool enabled, string? path, string? guid)
        {
            Enabled = enabled;
            Path = path;
            Guid = guid;
        }

        public bool Enabled { get; }

        /// <summary>Project-relative, as Unity writes it ("Assets/Scenes/Main.unity").</summary>
        public string? Path { get; }

        public string? Guid { get; }
    }

    /// <summary>One Addressables group (AddressableAssetsData/AssetGroups/*.asset): its entries and the schemas that configure it.</summary>
    public sealed class AddressablesGroup
    {
        public AddressablesGroup(string? name, List<string> entryGuids, List<string> schemaGuids)
        {
            Name = name;
            EntryGuids = entryGuids;
            SchemaGuids = schemaGuids;
        }

        public string? Name { get; }

        /// <summary>m_SerializeEntries[*].m_GUID: the assets (or folders) the group builds into bundles.</summary>
        public List<string> EntryGuids { get; }

        /// <summary>m_SchemaSet.m_Schemas: a BundledAssetGroupSchema among them may say m_IncludeInBuild: 0.</summary>
        public List<string> SchemaGuids { get; }
    }

    /// <summary>
    /// Line readers for the two Unity settings files the shipping analysis needs. Unity writes them in a fixed
    /// layout (a block sequence at the key's own indentation, one "key: value" per line), so a line reader is
    /// enough; anything it does not recognise is left out and said so by the caller, never guessed.
    /// </summary>
    public static class UnitySettingsReaders
    {
        /// <summary>The m_Scenes rows of EditorBuildSettings.asset, in Build Settings order.</summary>
        public static List<BuildSettingsScene> Scenes(string text)
        {
            var scenes = new List<BuildSettingsScene>();
            var lines = text.Split('\n');
            var i = FindKey(lines, "m_Scenes:", out var indent, out var inlineValue);
            if (i < 0 || inlineValue == "[]")
            {
                return scenes;
            }

            bool? enabled = null;
            string? path = null;
            string? guid = null;
            var open = false;
            for (i++; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var lineIndent = Indent(line);
                var content = line.Substring(lineIndent);
                var isItem = content.StartsWith("- ", StringComparison.Ordinal) || content == "-";
                if (lineIndent < indent || (lineIndent == indent && !isItem))
                {
                    break;
                }

                if (isItem && lineIndent == indent)
                {
                    if (open) scenes.Add(new BuildSettingsScene(enabled == true, path, guid));
                    open = true;
                    enabled = null;
                    path = null;
                    guid = null;
                    content = content.Substring(1).TrimStart();
                }

                var colon = content.IndexOf(':');
                if (colon < 0)
                {
                    continue;
                }

                var key = content.Substring(0, colon).Trim();
                var value = Unquote(content.Substring(colon + 1).Trim());
                switch (key)
                {
                    case "enabled":
                        enabled = value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "path":
                        path = value.Length == 0 ? null : value;
                        break;
                    case "guid":
                        guid = value.Length == 32 ? UnityYamlReferences.ReadGuid(value, 0) : null;
                        break;
                }
            }

            if (open) scenes.Add(new BuildSettingsScene(enabled == true, path, guid));
            return scenes;
        }

        /// <summary>The group's name, its entries' GUIDs (m_SerializeEntries) and its schema references (m_SchemaSet).</summary>
        public static AddressablesGroup Group(string text)
        {
            var lines = text.Split('\n');
            string? name = null;
            var nameLine = FindKey(lines, "m_GroupName:", out _, out var groupName);
            if (nameLine >= 0)
            {
                name = Unquote(groupName);
            }

            var entries = new List<string>();
            var entriesLine = FindKey(lines, "m_SerializeEntries:", out var entriesIndent, out var entriesInline);
            if (entriesLine >= 0 && entriesInline != "[]")
            {
                for (var i = entriesLine + 1; i < lines.Length; i++)
                {
                    var line = lines[i].TrimEnd('\r');
                    if (line.Trim().Length == 0) continue;
                    var lineIndent = Indent(line);
                    var content = line.Substring(lineIndent);
                    var isItem = content.StartsWith("- ", StringComparison.Ordinal);
                    if (lineIndent < entriesIndent || (lineIndent == entriesIndent && !isItem)) break;
                    if (isItem) content = content.Substring(2).TrimStart();
                    if (content.StartsWith("m_GUID:", StringComparison.Ordinal))
                    {
                        var guid = UnityYamlReferences.ReadGuid(content.Substring("m_GUID:".Length).Trim(), 0);
                        if (guid != null) entries.Add(guid);
                    }
                }
            }

            var schemas = new List<string>();
            var schemasLine = FindKey(lines, "m_Schemas:", out var schemasIndent, out var schemasInline);
            if (schemasLine >= 0 && schemasInline != "[]")
            {
                for (var i = schemasLine + 1; i < lines.Length; i++)
                {
                    var line = lines[i].TrimEnd('\r');
                    if (line.Trim().Length == 0) continue;
                    var lineIndent = Indent(line);
                    var content = line.Substring(lineIndent);
                    if (lineIndent < schemasIndent || (lineIndent == schemasIndent && !content.StartsWith("-", StringComparison.Ordinal))) break;
                    schemas.AddRange(UnityYamlReferences.Guids(content));
                }
            }

            return new AddressablesGroup(name, entries, schemas);
        }

        /// <summary>
        /// Does one of the group's schemas leave it out of the build? <paramref name="schemaText"/> gives a schema's text by its
        /// GUID (null when it cannot be found or read: then that schema is taken as including the group). Every schema is
        /// asked for, so a caller that reports unreadable files reports each one, even after another schema decided.
        /// </summary>
        public static bool LeavesGroupOutOfBuild(AddressablesGroup group, Func<string, string?> schemaText)
        {
            var excluded = false;
            foreach (var schema in group.SchemaGuids)
            {
                excluded |= schemaText(schema) is string text && ExcludesGroupFromBuild(text);
            }

            return excluded;
        }

        /// <summary>A BundledAssetGroupSchema that leaves its group out of the build ("Include in Build" unticked).</summary>
        public static bool ExcludesGroupFromBuild(string schemaText)
        {
            foreach (var raw in schemaText.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith("m_IncludeInBuild:", StringComparison.Ordinal))
                {
                    return line.Substring("m_IncludeInBuild:".Length).Trim() == "0";
                }
            }

            return false;
        }

        private static int FindKey(string[] lines, string key, out int indent, out string inlineValue)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                var lineIndent = Indent(line);
                if (string.CompareOrdinal(line, lineIndent, key, 0, key.Length) == 0)
                {
                    indent = lineIndent;
                    inlineValue = line.Substring(lineIndent + key.Length).Trim();
                    return i;
                }
            }

            indent = 0;
            inlineValue = string.Empty;
            return -1;
        }

        private static int Indent(string line)
        {
            var i = 0;
            while (i < line.Length && line[i] == ' ') i++;
            return i;
        }

        private static string Unquote(string value)
            => value.Length >= 2 && ((value[0] == '"' && value[value.Length - 1] == '"') || (value[0] == '\'' && value[value.Length - 1] == '\''))
                ? value.Substring(1, value.Length - 2)
                : value;
    }
}
