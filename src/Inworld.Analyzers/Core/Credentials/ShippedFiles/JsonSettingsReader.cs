using System.Collections.Generic;
using System.Text;

namespace Inworld.Analyzers.Core.ShippedFiles
{
    /// <summary>
    /// A forgiving JSON reader (comments and trailing commas allowed, as in appsettings.json): yields every
    /// string value with its property name and the path of enclosing objects. Malformed input ends the read
    /// early; it never throws.
    /// </summary>
    internal sealed class JsonSettingsReader : ISettingsReader
    {
        public IEnumerable<SettingEntry> Read(string text)
        {
            var entries = new List<SettingEntry>();
            var containers = new Stack<Container>();
            var nextObjectId = 0;
            string? pendingKey = null;
            var expectingKey = false;
            var i = 0;
            var guard = 0;
            while (i < text.Length && guard++ < text.Length * 2)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c) || c == ',')
                {
                    if (c == ',' && containers.Count > 0 && containers.Peek().IsObject)
                    {
                        expectingKey = true;
                        pendingKey = null;
                    }

                    i++;
                    continue;
                }

                if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
                {
                    i = SkipComment(text, i);
                    continue;
                }

                switch (c)
                {
                    case '{':
                        containers.Push(new Container(true, Join(containers, pendingKey), nextObjectId++));
                        expectingKey = true;
                        pendingKey = null;
                        i++;
                        break;
                    case '[':
                        containers.Push(new Container(false, Join(containers, pendingKey), containers.Count > 0 ? containers.Peek().ObjectId : nextObjectId++, pendingKey));
                        expectingKey = false;
                        i++;
                        break;
                    case '}':
                    case ']':
                        if (containers.Count > 0)
                        {
                            containers.Pop();
                        }

                        expectingKey = false;
                        pendingKey = null;
                        i++;
                        break;
                    case ':':
                        expectingKey = false;
                        i++;
                        break;
                    case '"':
                    case '\'':
                        {
                            var start = i + 1;
                            var value = ReadString(text, ref i, c);
                            if (value == null)
                            {
                                return entries;
                            }

                            var container = containers.Count > 0 ? containers.Peek() : default;
                            if (container.IsObject && expectingKey)
                            {
                                pendingKey = value;
                                expectingKey = false;
                            }
                            else if (container.IsObject && pendingKey != null)
                            {
                                entries.Add(new SettingEntry(pendingKey, container.Path, value, start, i - 1 - start, container.ObjectId));
                                pendingKey = null;
                            }
                            else if (!container.IsObject && containers.Count > 0)
                            {
                                var name = container.ArrayName ?? string.Empty;
                                var parentPath = container.Path.Length > name.Length ? container.Path.Substring(0, container.Path.Length - name.Length).TrimEnd(':') : string.Empty;
                                entries.Add(new SettingEntry(name, parentPath, value, start, i - 1 - start, container.ObjectId));
                            }

                            break;
                        }

                    default:
                        // Numbers, true/false/null, or garbage: skip to the next structural character.
                        while (i < text.Length && ",:{}[]\"'".IndexOf(text[i]) < 0 && !char.IsWhiteSpace(text[i])) i++;
                        pendingKey = containers.Count > 0 && containers.Peek().IsObject ? null : pendingKey;
                        break;
                }
            }

            return entries;
        }

        private static string Join(Stack<Container> containers, string? key)
        {
            var parent = containers.Count > 0 ? containers.Peek().Path : string.Empty;
            if (string.IsNullOrEmpty(key))
            {
                return parent;
            }

            return parent.Length == 0 ? key! : parent + ":" + key;
        }

        /// <summary>Reads a quoted string starting at text[i]; leaves i after the closing quote. Null when unterminated.</summary>
        private static string? ReadString(string text, ref int i, char quote)
        {
            var builder = new StringBuilder();
            i++;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == quote)
                {
                    i++;
                    return builder.ToString();
                }

                if (c == '\n')
                {
                    return null;
                }

                if (c == '\\' && i + 1 < text.Length)
                {
                    var next = text[i + 1];
                    i += 2;
                    switch (next)
                    {
                        case 'n': builder.Append('\n'); break;
                        case 't': builder.Append('\t'); break;
                        case 'r': builder.Append('\r'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'u':
                            if (i + 4 <= text.Length && int.TryParse(text.Substring(i, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
                            {
                                builder.Append((char)code);
                                i += 4;
                            }

                            break;
                        default: builder.Append(next); break;
                    }

                    continue;
                }

                builder.Append(c);
                i++;
            }

            return null;
        }

        private static int SkipComment(string text, int i)
        {
            if (text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                return end < 0 ? text.Length : end + 1;
            }

            var close = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 2;
        }

        private readonly struct Container
        {
            public Container(bool isObject, string path, int objectId, string? arrayName = null)
            {
                IsObject = isObject;
                Path = path;
                ObjectId = objectId;
                ArrayName = arrayName;
            }

            public bool IsObject { get; }
            public string Path { get; }
            public int ObjectId { get; }
            public string? ArrayName { get; }
        }
    }
}
