using System;
using System.Collections.Generic;

namespace Inworld.Analyzers.Core.ShippedFiles
{
    /// <summary>
    /// XML configuration (App.config, Web.config, *.config): &lt;add key="..." value="..."/&gt; pairs,
    /// &lt;setting name="..."&gt;&lt;value&gt;...&lt;/value&gt;&lt;/setting&gt;, other attributes, and element text.
    /// Comments are skipped. A forgiving scanner, not a validating parser: it never throws.
    /// </summary>
    internal sealed class XmlSettingsReader : ISettingsReader
    {
        public IEnumerable<SettingEntry> Read(string text)
        {
            var entries = new List<SettingEntry>();
            var stack = new List<Element>();
            var nextId = 0;
            var i = 0;
            while (i < text.Length)
            {
                var open = text.IndexOf('<', i);
                var textEnd = open < 0 ? text.Length : open;
                AddText(text, i, textEnd, stack, entries);
                if (open < 0)
                {
                    break;
                }

                if (Starts(text, open, "<!--"))
                {
                    i = After(text, open + 4, "-->");
                    continue;
                }

                if (Starts(text, open, "<![CDATA["))
                {
                    var close = text.IndexOf("]]>", open + 9, StringComparison.Ordinal);
                    var end = close < 0 ? text.Length : close;
                    AddText(text, open + 9, end, stack, entries);
                    i = close < 0 ? text.Length : close + 3;
                    continue;
                }

                if (Starts(text, open, "<?") || Starts(text, open, "<!"))
                {
                    i = After(text, open + 2, ">");
                    continue;
                }

                if (Starts(text, open, "</"))
                {
                    if (stack.Count > 0)
                    {
                        stack.RemoveAt(stack.Count - 1);
                    }

                    i = After(text, open + 2, ">");
                    continue;
                }

                i = ReadStartTag(text, open + 1, stack, entries, ref nextId);
            }

            return entries;
        }

        private static int ReadStartTag(string text, int i, List<Element> stack, List<SettingEntry> entries, ref int nextId)
        {
            var nameStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '>' && text[i] != '/') i++;
            var elementName = text.Substring(nameStart, i - nameStart);
            var parentPath = stack.Count > 0 ? stack[stack.Count - 1].Path : string.Empty;
            var parentId = stack.Count > 0 ? stack[stack.Count - 1].Id : -1;
            var path = parentPath.Length == 0 ? elementName : parentPath + ":" + elementName;
            var id = nextId++;

            var attributes = new List<(string Name, string Value, int Start)>();
            var selfClosing = false;
            while (i < text.Length)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                if (i >= text.Length)
                {
                    break;
                }

                if (text[i] == '>')
                {
                    i++;
                    break;
                }

                if (text[i] == '/')
                {
                    selfClosing = true;
                    i++;
                    continue;
                }

                var attributeStart = i;
                while (i < text.Length && text[i] != '=' && text[i] != '>' && !char.IsWhiteSpace(text[i])) i++;
                var attributeName = text.Substring(attributeStart, i - attributeStart);
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                if (i >= text.Length || text[i] != '=')
                {
                    continue;
                }

                i++;
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                if (i >= text.Length || (text[i] != '"' && text[i] != '\''))
                {
                    continue;
                }

                var quote = text[i];
                var valueStart = i + 1;
                var valueEnd = text.IndexOf(quote, valueStart);
                if (valueEnd < 0)
                {
                    return text.Length;
                }

                attributes.Add((attributeName, text.Substring(valueStart, valueEnd - valueStart), valueStart));
                i = valueEnd + 1;
            }

            string? keyName = null;
            foreach (var attribute in attributes)
            {
                if (attribute.Name.Equals("key", StringComparison.OrdinalIgnoreCase) || attribute.Name.Equals("name", StringComparison.OrdinalIgnoreCase))
                {
                    keyName = attribute.Value;
                }
            }

            foreach (var attribute in attributes)
            {
                var isValue = attribute.Name.Equals("value", StringComparison.OrdinalIgnoreCase) || attribute.Name.Equals("connectionString", StringComparison.OrdinalIgnoreCase);
                if (isValue && keyName != null)
                {
                    // <add key="Inworld:ApiKey" value="..."/>: siblings under one section form one object.
                    entries.Add(new SettingEntry(keyName, parentPath, Decode(attribute.Value), attribute.Start, attribute.Value.Length, parentId));
                }
                else if (!attribute.Name.Equals("key", StringComparison.OrdinalIgnoreCase) && !attribute.Name.Equals("name", StringComparison.OrdinalIgnoreCase))
                {
                    entries.Add(new SettingEntry(attribute.Name, path, Decode(attribute.Value), attribute.Start, attribute.Value.Length, id));
                }
            }

            if (!selfClosing && elementName.Length > 0)
            {
                stack.Add(new Element(elementName, path, id, parentId, keyName));
            }

            return i;
        }

        private static void AddText(string text, int start, int end, List<Element> stack, List<SettingEntry> entries)
        {
            if (stack.Count == 0 || end <= start)
            {
                return;
            }

            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (end <= start)
            {
                return;
            }

            var element = stack[stack.Count - 1];
            var parent = stack.Count > 1 ? stack[stack.Count - 2] : default;
            var value = text.Substring(start, end - start);

            // <setting name="InworldSecret"><value>...</value></setting> names its value on the parent.
            var name = element.Name.Equals("value", StringComparison.OrdinalIgnoreCase) && parent.KeyName != null ? parent.KeyName : element.Name;
            var container = stack.Count > 1 ? parent.Path : string.Empty;
            entries.Add(new SettingEntry(name, container, Decode(value), start, end - start, element.ParentId));
        }

        private static string Decode(string value)
            => value.IndexOf('&') < 0
                ? value
                : value.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&apos;", "'").Replace("&amp;", "&");

        private static bool Starts(string text, int index, string prefix) => string.CompareOrdinal(text, index, prefix, 0, prefix.Length) == 0;

        private static int After(string text, int index, string terminator)
        {
            var found = text.IndexOf(terminator, index, StringComparison.Ordinal);
            return found < 0 ? text.Length : found + terminator.Length;
        }

        private readonly struct Element
        {
            public Element(string name, string path, int id, int parentId, string? keyName)
            {
                Name = name;
                Path = path;
                Id = id;
                ParentId = parentId;
                KeyName = keyName;
            }

            public string Name { get; }
            public string Path { get; }
            public int Id { get; }
            public int ParentId { get; }
            public string? KeyName { get; }
        }
    }
}
