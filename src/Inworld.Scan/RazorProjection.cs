using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Inworld.Scan
{
    /// <summary>
    /// Projects a .razor or .cshtml file into C# the analyzers can read, without the Razor compiler (the scanner
    /// has no MSBuild and no ASP.NET Core references). The projection is saved under the file's path plus
    /// ".g.cs" (".razor.g.cs", ".cshtml.g.cs"): the analyzers treat trees with those suffixes as Razor output and
    /// report only findings whose location maps through #line into the .razor/.cshtml file.
    /// <list type="bullet">
    /// <item>@using, @inject, @inherits, @implements, @typeparam, @model, @namespace: a partial class named after the file.</item>
    /// <item>@code { } and @functions { }: the block's text as class members, at its own line and column.</item>
    /// <item>@{ } blocks and @if/@foreach/@for/@while/@switch/@lock/@using(...)/@do/@try blocks: statements of a render method
    /// (markup lines inside them are blanked in the C# and read as markup).</item>
    /// <item>@(expr) and @identifier.chain(...) expressions, and directive attributes (@onclick="expr"): arguments of a write call.</item>
    /// <item>Markup attribute values and component parameters (Name="literal"): string literals passed with their name,
    /// as the Razor compiler's AddAttribute/AddComponentParameter calls do.</item>
    /// </list>
    /// Every mapped region is preceded by #line N "file" and padded to its column, so findings print at the
    /// .razor line and column; scaffolding sits in #line default regions (not #line hidden: with the render method
    /// declared in a hidden region the analyzers reported nothing for its mapped statements, observed on Roslyn 4.14). Malformed input never throws: an
    /// unbalanced block runs to the end of the file, @@ is an escaped @, @* *@ comments are skipped, braces in
    /// strings, characters and comments do not count.
    /// </summary>
    internal static class RazorProjection
    {
        public static bool IsRazorFile(string name)
            => name.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase);

        /// <summary>The projection's tree path: THE suffix contract with the analyzers.</summary>
        public static string GeneratedPath(string path) => path + ".g.cs";

        public static string Project(string path, string text) => new Projector(path, text).Run();

        private sealed class Projector
        {
            private static readonly HashSet<string> LineDirectives = new HashSet<string>(StringComparer.Ordinal)
            {
                "page", "layout", "attribute", "rendermode", "preservewhitespace", "addTagHelper", "removeTagHelper", "tagHelperPrefix",
            };

            private static readonly HashSet<string> ControlKeywords = new HashSet<string>(StringComparer.Ordinal)
            {
                "if", "foreach", "for", "while", "switch", "lock", "do", "try",
            };

            private readonly string _path;
            private readonly string _text;
            private readonly string _linePath;
            private readonly List<int> _lineStarts = new List<int> { 0 };
            private readonly List<(int Start, int End)> _usings = new List<(int, int)>();
            private readonly List<(int Start, int End)> _members = new List<(int, int)>();
            private readonly List<(int Start, int End)> _statements = new List<(int, int)>();
            private readonly List<(int Start, int End)> _expressions = new List<(int, int)>();
            private readonly List<(string Name, int Start, int End)> _attributes = new List<(string, int, int)>();
            private readonly List<string> _injects = new List<string>();
            private readonly List<string> _implements = new List<string>();
            private string? _inherits;
            private string? _namespace;
            private string? _typeParameters;
            private string? _model;

            public Projector(string path, string text)
            {
                _path = path;
                _text = text;
                _linePath = path.Replace("\"", "_");
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '\n')
                    {
                        _lineStarts.Add(i + 1);
                    }
                }
            }

            public string Run()
            {
                ScanMarkup(0, _text.Length);
                return Emit();
            }

            // ---------------------------------------------------------------- markup

            private void ScanMarkup(int start, int end)
            {
                var i = start;
                while (i < end)
                {
                    var c = _text[i];
                    if (c == '@')
                    {
                        i = Transition(i, end);
                    }
                    else if (c == '<' && i + 1 < end && (char.IsLetter(_text[i + 1])))
                    {
                        i = Tag(i, end);
                    }
                    else if (c == '<' && i + 3 < end && string.CompareOrdinal(_text, i, "<!--", 0, 4) == 0)
                    {
                        var close = _text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                        i = close < 0 || close >= end ? end : close + 3;
                    }
                    else
                    {
                        i++;
                    }
                }
            }

            /// <summary>At '@' in markup: returns the index after what the transition covers.</summary>
            private int Transition(int at, int end)
            {
                var next = at + 1;
                if (next >= end)
                {
                    return end;
                }

                var c = _text[next];
                if (c == '@')
                {
                    return next + 1; // @@: a literal @
                }

                if (c == '*')
                {
                    var close = _text.IndexOf("*@", next + 1, StringComparison.Ordinal);
                    return close < 0 || close + 2 > end ? end : close + 2;
                }

                if (at > 0 && char.IsLetterOrDigit(_text[at - 1]))
                {
                    return next; // user@example.com
                }

                if (c == '{')
                {
                    var close = SkipCode(next + 1, end, '}');
                    AddCode(_statements, next + 1, Math.Min(close, end));
                    return Math.Min(close + 1, end);
                }

                if (c == '(')
                {
                    var close = SkipCode(next + 1, end, ')');
                    _expressions.Add((next + 1, Math.Min(close, end)));
                    return Math.Min(close + 1, end);
                }

                if (!IsIdentifierStart(c))
                {
                    return next;
                }

                var wordEnd = next;
                while (wordEnd < end && IsIdentifierPart(_text[wordEnd])) wordEnd++;
                var word = _text.Substring(next, wordEnd - next);
                switch (word)
                {
                    case "code":
                    case "functions":
                        {
                            var brace = SkipSpaces(wordEnd, end);
                            if (brace < end && _text[brace] == '{')
                            {
                                var close = SkipCode(brace + 1, end, '}');
                                AddCode(_members, brace + 1, Math.Min(close, end));
                                return Math.Min(close + 1, end);
                            }

                            break;
                        }

                    case "using":
                        {
                            var after = SkipSpaces(wordEnd, end);
                            if (after < end && _text[after] == '(')
                            {
                                return ControlBlock(next, wordEnd, end);
                            }

                            var lineEnd = LineEnd(wordEnd, end);
                            _usings.Add((next, TrimEnd(next, lineEnd)));
                            return lineEnd;
                        }

                    case "inject":
                        {
                            var lineEnd = LineEnd(wordEnd, end);
                            var declaration = _text.Substring(wordEnd, lineEnd - wordEnd).Trim().TrimEnd(';');
                            var split = declaration.LastIndexOfAny(new[] { ' ', '\t' });
                            if (split > 0)
                            {
                                _injects.Add(declaration.Substring(0, split).Trim() + " " + declaration.Substring(split + 1).Trim());
                            }

                            return lineEnd;
                        }

                    case "inherits":
                    case "implements":
                    case "namespace":
                    case "typeparam":
                    case "model":
                        {
                            var lineEnd = LineEnd(wordEnd, end);
                            var value = _text.Substring(wordEnd, lineEnd - wordEnd).Trim().TrimEnd(';');
                            if (value.Length > 0)
                            {
                                if (word == "inherits") _inherits = value;
                                else if (word == "implements") _implements.Add(value);
                                else if (word == "namespace") _namespace = value;
                                else if (word == "model") _model = value;
                                else
                                {
                                    var constraint = value.IndexOf(" where ", StringComparison.Ordinal);
                                    var name = (constraint > 0 ? value.Substring(0, constraint) : value).Trim();
                                    _typeParameters = _typeParameters == null ? name : _typeParameters + ", " + name;
                                }
                            }

                            return lineEnd;
                        }

                    case "section":
                        {
                            // @section Name { markup }: the header is skipped; the body stays markup.
                            var brace = _text.IndexOf('{', wordEnd);
                            var lineEnd = LineEnd(wordEnd, end);
                            return brace >= 0 && brace < end ? brace + 1 : lineEnd;
                        }
                }

                if (LineDirectives.Contains(word))
                {
                    return LineEnd(wordEnd, end);
                }

                if (ControlKeywords.Contains(word))
                {
                    return ControlBlock(next, wordEnd, end);
                }

                return ImplicitExpression(next, end);
            }

            /// <summary>@if (...) { ... } else { ... }, @foreach, @try/catch/finally, @do { } while (...);: statements.</summary>
            private int ControlBlock(int start, int wordEnd, int end)
            {
                var i = wordEnd;
                while (true)
                {
                    // The header up to the block's brace, parentheses balanced; markup (a tag) ends a header with no block.
                    while (i < end && _text[i] != '{' && _text[i] != '<')
                    {
                        i = _text[i] == '(' ? Math.Min(SkipCode(i + 1, end, ')') + 1, end) : i + 1;
                    }

                    if (i >= end || _text[i] != '{')
                    {
                        break;
                    }

                    i = Math.Min(SkipCode(i + 1, end, '}') + 1, end);

                    // else / else if / catch / finally / do's while (...) continue the statement.
                    var after = SkipWhitespace(i, end);
                    var continuation = ReadWord(after, end);
                    if (continuation == "else" || continuation == "catch" || continuation == "finally")
                    {
                        i = after + continuation.Length;
                        continue;
                    }

                    if (continuation == "while" && _text.Substring(start, Math.Min(2, end - start)) == "do")
                    {
                        var semicolon = _text.IndexOf(';', after);
                        i = semicolon < 0 || semicolon >= end ? end : semicolon + 1;
                    }

                    break;
                }

                AddCode(_statements, start, Math.Min(i, end));
                return Math.Max(i, wordEnd);
            }

            /// <summary>@name, @name.member, @call(args)[index], @await call(): Razor's implicit expression.</summary>
            private int ImplicitExpression(int start, int end)
            {
                var i = start;
                if (ReadWord(i, end) == "await")
                {
                    i = SkipSpaces(i + 5, end);
                }

                while (i < end && IsIdentifierPart(_text[i])) i++;
                while (i < end)
                {
                    var c = _text[i];
                    if (c == '(' || c == '[')
                    {
                        i = Math.Min(SkipCode(i + 1, end, c == '(' ? ')' : ']') + 1, end);
                    }
                    else if ((c == '.' || (c == '?' && i + 1 < end && _text[i + 1] == '.')) )
                    {
                        var member = c == '.' ? i + 1 : i + 2;
                        if (member < end && IsIdentifierStart(_text[member]))
                        {
                            i = member;
                            while (i < end && IsIdentifierPart(_text[i])) i++;
                        }
                        else
                        {
                            break;
                        }
                    }
                    else
                    {
                        break;
                    }
                }

                if (i > start)
                {
                    _expressions.Add((start, i));
                }

                return Math.Max(i, start);
            }

            /// <summary>A start tag: its attributes' values become literals, expressions or markup with transitions.</summary>
            private int Tag(int at, int end)
            {
                var i = at + 1;
                while (i < end && !char.IsWhiteSpace(_text[i]) && _text[i] != '>' && _text[i] != '/') i++;
                while (i < end)
                {
                    var c = _text[i];
                    if (c == '>')
                    {
                        return i + 1;
                    }

                    if (char.IsWhiteSpace(c) || c == '/')
                    {
                        i++;
                        continue;
                    }

                    if (c == '<')
                    {
                        return i; // a tag that never closed: markup again
                    }

                    var nameStart = i;
                    while (i < end && !char.IsWhiteSpace(_text[i]) && _text[i] != '=' && _text[i] != '>' && _text[i] != '/' && _text[i] != '"' && _text[i] != '\'' && _text[i] != '<') i++;
                    var name = _text.Substring(nameStart, i - nameStart);
                    if (name.Length == 0)
                    {
                        i++;
                        continue;
                    }

                    if (name[0] == '@' && name.Length > 1 && name[1] == '*')
                    {
                        var close = _text.IndexOf("*@", nameStart + 2, StringComparison.Ordinal);
                        i = close < 0 || close + 2 > end ? end : close + 2;
                        continue;
                    }

                    var afterName = SkipWhitespace(i, end);
                    if (afterName >= end || _text[afterName] != '=')
                    {
                        if (name[0] == '@' && name.Length > 1 && name[1] == '(')
                        {
                            // <div @(expr)>: re-read as a transition.
                            i = Transition(nameStart, end);
                        }

                        continue;
                    }

                    var valueStart = SkipWhitespace(afterName + 1, end);
                    if (valueStart >= end)
                    {
                        return end;
                    }

                    int contentStart, contentEnd;
                    var quote = _text[valueStart];
                    if (quote == '"' || quote == '\'')
                    {
                        contentStart = valueStart + 1;
                        var close = _text.IndexOf(quote, contentStart);
                        contentEnd = close < 0 || close > end ? end : close;
                        i = Math.Min(contentEnd + 1, end);
                    }
                    else
                    {
                        contentStart = valueStart;
                        contentEnd = valueStart;
                        while (contentEnd < end && !char.IsWhiteSpace(_text[contentEnd]) && _text[contentEnd] != '>') contentEnd++;
                        i = contentEnd;
                    }

                    Attribute(name, contentStart, contentEnd, quote == '"' || quote == '\'');
                }

                return end;
            }

            private void Attribute(string name, int start, int end, bool quoted)
            {
                if (end <= start)
                {
                    return;
                }

                var value = _text.Substring(start, end - start);
                if (name[0] == '@')
                {
                    // Directive attribute (@onclick, @bind-Value, @ref, @key): its value is C#.
                    var expressionStart = value.StartsWith("@", StringComparison.Ordinal) ? start + 1 : start;
                    _expressions.Add((expressionStart, end));
                    return;
                }

                if (value.IndexOf('@') >= 0)
                {
                    ScanMarkup(start, end);
                    return;
                }

                if (quoted && value.IndexOf('\n') < 0)
                {
                    _attributes.Add((name, start, end));
                }
            }

            // ---------------------------------------------------------------- code

            /// <summary>
            /// From just inside an opening bracket, the index of its closing <paramref name="close"/> (or
            /// <paramref name="end"/>): brackets, strings, verbatim/interpolated/raw strings, characters, comments and
            /// Razor comments are skipped as C# reads them.
            /// </summary>
            private int SkipCode(int i, int end, char close)
            {
                var stack = new Stack<char>();
                stack.Push(close);
                while (i < end)
                {
                    var c = _text[i];
                    switch (c)
                    {
                        case '{': stack.Push('}'); i++; continue;
                        case '(': stack.Push(')'); i++; continue;
                        case '[': stack.Push(']'); i++; continue;
                        case '}':
                        case ')':
                        case ']':
                            // A stray closer of another kind is skipped; ours closes its level.
                            if (stack.Peek() == c)
                            {
                                stack.Pop();
                                if (stack.Count == 0)
                                {
                                    return i;
                                }
                            }

                            i++;
                            continue;
                        case '/':
                            if (i + 1 < end && _text[i + 1] == '/')
                            {
                                i = LineEnd(i, end);
                                continue;
                            }

                            if (i + 1 < end && _text[i + 1] == '*')
                            {
                                var commentEnd = _text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                                i = commentEnd < 0 || commentEnd + 2 > end ? end : commentEnd + 2;
                                continue;
                            }

                            i++;
                            continue;
                        case '@':
                            if (i + 1 < end && _text[i + 1] == '*')
                            {
                                var commentEnd = _text.IndexOf("*@", i + 2, StringComparison.Ordinal);
                                i = commentEnd < 0 || commentEnd + 2 > end ? end : commentEnd + 2;
                                continue;
                            }

                            i++;
                            continue;
                        case '\'':
                            i = SkipCharacter(i + 1, end);
                            continue;
                        case '"':
                            i = SkipString(i, end);
                            continue;
                        default:
                            i++;
                            continue;
                    }
                }

                return end;
            }

            private int SkipCharacter(int i, int end)
            {
                while (i < end && _text[i] != '\'' && _text[i] != '\n')
                {
                    i += _text[i] == '\\' ? 2 : 1;
                }

                return Math.Min(i + 1, end);
            }

            /// <summary>At a '"': past the string, whatever its prefix ($, @, $@, @$, raw """).</summary>
            private int SkipString(int quote, int end)
            {
                var verbatim = false;
                var interpolated = false;
                for (var p = quote - 1; p >= 0 && p >= quote - 3; p--)
                {
                    if (_text[p] == '@') verbatim = true;
                    else if (_text[p] == '$') interpolated = true;
                    else break;
                }

                var quotes = 0;
                while (quote + quotes < end && _text[quote + quotes] == '"') quotes++;
                if (quotes >= 3)
                {
                    var closing = new string('"', quotes);
                    var closeAt = _text.IndexOf(closing, quote + quotes, StringComparison.Ordinal);
                    return closeAt < 0 || closeAt + quotes > end ? end : closeAt + quotes;
                }

                if (quotes == 2 && !interpolated)
                {
                    return quote + 2; // ""
                }

                var i = quote + 1;
                while (i < end)
                {
                    var c = _text[i];
                    if (c == '\\' && !verbatim)
                    {
                        i += 2;
                        continue;
                    }

                    if (c == '"')
                    {
                        if (verbatim && i + 1 < end && _text[i + 1] == '"')
                        {
                            i += 2;
                            continue;
                        }

                        return i + 1;
                    }

                    if (c == '\n' && !verbatim)
                    {
                        return i; // unterminated: C# ends it at the line
                    }

                    if (interpolated && c == '{')
                    {
                        if (i + 1 < end && _text[i + 1] == '{')
                        {
                            i += 2;
                            continue;
                        }

                        i = Math.Min(SkipCode(i + 1, end, '}') + 1, end);
                        continue;
                    }

                    i++;
                }

                return end;
            }

            /// <summary>A code region; markup lines inside it (a line starting with a tag, or @:) are read as markup.</summary>
            private void AddCode(List<(int Start, int End)> target, int start, int end)
            {
                if (end < start)
                {
                    end = start;
                }

                target.Add((start, end));
                foreach (var (lineStart, lineEnd) in MarkupLines(start, end))
                {
                    ScanMarkup(lineStart, lineEnd);
                }
            }

            private IEnumerable<(int Start, int End)> MarkupLines(int start, int end)
            {
                var i = start;
                while (i < end)
                {
                    var lineEnd = LineEnd(i, end);
                    var first = SkipSpaces(i, lineEnd);
                    if (IsMarkupLineStart(first, lineEnd))
                    {
                        yield return (first, lineEnd);
                    }

                    i = lineEnd + 1;
                }
            }

            private bool IsMarkupLineStart(int i, int lineEnd)
                => i + 1 < lineEnd && ((_text[i] == '<' && (char.IsLetter(_text[i + 1]) || _text[i + 1] == '/' || _text[i + 1] == '!')) || (_text[i] == '@' && _text[i + 1] == ':'));

            // ---------------------------------------------------------------- output

            private string Emit()
            {
                var output = new StringBuilder(_text.Length * 2 + 1024);
                output.Append("// Projection of a Razor file by inworld-scan, for the Inworld analyzers only.\n");
                output.Append("#line default\n");
                output.Append("using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Net.Http;\nusing System.Threading.Tasks;\n");
                foreach (var (start, end) in _usings)
                {
                    // "using X" as written (after the @), closed with a semicolon.
                    Mapped(output, start, end, string.Empty, ";");
                }

                output.Append("#line default\n");
                output.Append("namespace ").Append(_namespace ?? "InworldScan.Razor").Append("\n{\n");
                output.Append("public partial class ").Append(ClassName());
                if (_typeParameters != null) output.Append('<').Append(_typeParameters).Append('>');
                var bases = new List<string>();
                if (_inherits != null) bases.Add(_inherits);
                bases.AddRange(_implements);
                if (bases.Count > 0) output.Append(" : ").Append(string.Join(", ", bases));
                output.Append("\n{\n");
                foreach (var inject in _injects)
                {
                    output.Append("public ").Append(inject).Append(" { get; set; } = default!;\n");
                }

                if (_model != null)
                {
                    output.Append("public ").Append(_model).Append(" Model { get; } = default!;\n");
                }

                output.Append("private static void __RazorWrite(object value) { }\n");
                foreach (var (start, end) in _members)
                {
                    MappedCode(output, start, end);
                    output.Append("#line default\n");
                }

                var render = 0;
                foreach (var (start, end) in _statements)
                {
                    output.Append("private async System.Threading.Tasks.Task __RazorRender").Append(render++).Append("()\n{\n");
                    MappedCode(output, start, end);
                    output.Append("#line default\n}\n");
                }

                output.Append("private void __RazorMarkup()\n{\n");
                foreach (var (start, end) in _expressions)
                {
                    if (_text.Substring(start, end - start).Trim().Length == 0)
                    {
                        continue;
                    }

                    output.Append("__RazorWrite(\n");
                    Mapped(output, start, end, string.Empty, string.Empty);
                    output.Append("#line default\n);\n");
                }

                foreach (var (name, start, end) in _attributes)
                {
                    // A local named after the attribute or component parameter: findings name what the user wrote.
                    output.Append("{\nstring ").Append(LocalName(name)).Append(" =\n");
                    MappedLiteral(output, start, end);
                    output.Append("#line default\n;\n}\n");
                }

                output.Append("}\n}\n}\n");
                return output.ToString();
            }

            /// <summary>#line N, then the text of [start, end) at its own column; markup lines blanked.</summary>
            private void MappedCode(StringBuilder output, int start, int end)
            {
                var (line, column) = Position(start);
                output.Append("#line ").Append(line + 1).Append(" \"").Append(_linePath).Append("\"\n");
                output.Append(' ', column);
                var i = start;
                while (i < end)
                {
                    var lineEnd = LineEnd(i, end);
                    var first = SkipSpaces(i, lineEnd);
                    if (!IsMarkupLineStart(first, lineEnd))
                    {
                        output.Append(_text, i, lineEnd - i);
                    }

                    if (lineEnd < end)
                    {
                        output.Append('\n');
                    }

                    i = lineEnd + 1;
                }

                output.Append('\n');
            }

            private void Mapped(StringBuilder output, int start, int end, string prefix, string suffix)
            {
                var (line, column) = Position(start);
                output.Append("#line ").Append(line + 1).Append(" \"").Append(_linePath).Append("\"\n");
                output.Append(' ', Math.Max(0, column - prefix.Length)).Append(prefix).Append(_text, start, end - start).Append(suffix).Append('\n');
            }

            private void MappedLiteral(StringBuilder output, int start, int end)
            {
                var value = _text.Substring(start, end - start);
                var (line, column) = Position(start);
                output.Append("#line ").Append(line + 1).Append(" \"").Append(_linePath).Append("\"\n");
                if (value.IndexOf('\\') >= 0 || value.IndexOf('"') >= 0)
                {
                    output.Append(' ', Math.Max(0, column - 2)).Append("@\"").Append(value.Replace("\"", "\"\"")).Append("\"\n");
                }
                else
                {
                    output.Append(' ', Math.Max(0, column - 1)).Append('"').Append(value).Append("\"\n");
                }
            }

            private (int Line, int Column) Position(int offset)
            {
                var index = _lineStarts.BinarySearch(offset);
                if (index < 0) index = ~index - 1;
                return (index, offset - _lineStarts[index]);
            }

            private string ClassName()
            {
                var name = Path.GetFileName(_path);
                var dot = name.IndexOf('.');
                if (dot > 0) name = name.Substring(0, dot);
                var builder = new StringBuilder();
                foreach (var c in name)
                {
                    builder.Append(IsIdentifierPart(c) ? c : '_');
                }

                if (builder.Length == 0 || !IsIdentifierStart(builder[0]))
                {
                    builder.Insert(0, '_');
                }

                return builder.ToString();
            }

            private static string Sha256(string text)
            {
                using var sha = System.Security.Cryptography.SHA256.Create();
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                var builder = new StringBuilder(hash.Length * 2);
                foreach (var b in hash) builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                return builder.ToString();
            }

            /// <summary>An attribute name as a C# local: "data-key" → data_key, "class" → @class.</summary>
            private static string LocalName(string attribute)
            {
                var builder = new StringBuilder("@");
                foreach (var c in attribute)
                {
                    builder.Append(IsIdentifierPart(c) ? c : '_');
                }

                if (!IsIdentifierStart(builder[1]))
                {
                    builder.Insert(1, '_');
                }

                return builder.ToString();
            }

            // ---------------------------------------------------------------- helpers

            private int LineEnd(int i, int end)
            {
                var newline = i < end ? _text.IndexOf('\n', i, end - i) : -1;
                return newline < 0 ? end : newline;
            }

            private int TrimEnd(int start, int end)
            {
                while (end > start && (char.IsWhiteSpace(_text[end - 1]) || _text[end - 1] == ';')) end--;
                return end;
            }

            private int SkipSpaces(int i, int end)
            {
                while (i < end && (_text[i] == ' ' || _text[i] == '\t')) i++;
                return i;
            }

            private int SkipWhitespace(int i, int end)
            {
                while (i < end && char.IsWhiteSpace(_text[i])) i++;
                return i;
            }

            private string ReadWord(int i, int end)
            {
                var start = i;
                while (i < end && IsIdentifierPart(_text[i])) i++;
                return _text.Substring(start, i - start);
            }

            private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

            private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
        }
    }
}
