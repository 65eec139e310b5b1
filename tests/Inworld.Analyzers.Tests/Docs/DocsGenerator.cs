using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Inworld.Analyzers.CodeFixes;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inworld.Analyzers.Tests.Docs
{
    /// <summary>One file as the code says it should read, next to what is committed.</summary>
    public sealed class GeneratedFile
    {
        public GeneratedFile(string relativePath, string committed, string expected)
        {
            RelativePath = relativePath;
            Committed = committed;
            Expected = expected;
        }

        public string RelativePath { get; }
        public string Committed { get; }
        public string Expected { get; }
        public bool IsCurrent => Committed == Expected;
    }

    /// <summary>
    /// Writes the parts of the docs that restate the code: the README rules and options tables, the CI gate's rule
    /// list in the package targets, and each rule page's header. The code is the source of truth: the descriptors
    /// (<see cref="Descriptors"/>), the code-fix titles (<see cref="CodeFixTitles"/>) and the option table
    /// (<see cref="InworldOptions.Definitions"/>). Only the text between a block's markers is generated; the rest of
    /// each file is written by hand.
    /// </summary>
    public static class DocsGenerator
    {
        public const string UpdateVariable = "INWORLD_UPDATE_DOCS";
        public const string RegenerateCommand = UpdateVariable + "=1 dotnet test tests/Inworld.Analyzers.Tests -c Release --filter \"FullyQualifiedName~Docs\"";

        public const string ReadmePath = "README.md";
        public const string TargetsPath = "src/Inworld.Analyzers.Package/build/Inworld.Analyzers.targets";

        private const string GateProperty = "_InworldAnalyzersGateRuleIds";

        /// <summary>Every descriptor the package declares, by id.</summary>
        internal static IReadOnlyList<DiagnosticDescriptor> AllDescriptors()
            => typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToArray();

        /// <summary>The descriptors the analyzers report (their SupportedDiagnostics), by id.</summary>
        internal static IReadOnlyList<string> ReportedRuleIds()
            => typeof(RuleIds).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
                .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
                .Select(d => d.Id)
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToArray();

        /// <summary>The rule ids the exported code-fix providers fix (their FixableDiagnosticIds).</summary>
        internal static IReadOnlyList<string> FixableRuleIds()
            => typeof(CodeFixTitles).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
                .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToArray();

        public static string RulePagePath(string id) => "docs/rules/" + id + ".md";

        /// <summary>Every generated file: README, the package targets and one page per rule.</summary>
        public static IReadOnlyList<GeneratedFile> Generate(string repositoryRoot)
        {
            var files = new List<GeneratedFile>();

            var readme = Read(repositoryRoot, ReadmePath);
            var expectedReadme = ReplaceBlock(readme, ReadmePath, "rules", RulesTable());
            expectedReadme = ReplaceBlock(expectedReadme, ReadmePath, "options", OptionsTable());
            files.Add(new GeneratedFile(ReadmePath, readme, expectedReadme));

            var targets = Read(repositoryRoot, TargetsPath);
            files.Add(new GeneratedFile(TargetsPath, targets, WithGateRuleIds(targets)));

            foreach (var descriptor in AllDescriptors())
            {
                var path = RulePagePath(descriptor.Id);
                var page = Read(repositoryRoot, path);
                var expectedPage = ReplaceBlock(page, path, "header", RuleHeader(descriptor));
                if (descriptor.Id == RuleIds.InvalidOption)
                {
                    // INW900's page lists every option it checks: the same table as the README's.
                    expectedPage = ReplaceBlock(expectedPage, path, "options", OptionsTable());
                }

                files.Add(new GeneratedFile(path, page, expectedPage));
            }

            return files;
        }

        /// <summary>The README rules table: id (linked to its page), title, category, default severity, code fix.</summary>
        public static string RulesTable()
        {
            var text = new StringBuilder();
            text.Append("| Id | Title | Category | Default severity | Code fix |\n");
            text.Append("|---|---|---|---|---|\n");
            foreach (var descriptor in AllDescriptors())
            {
                text.Append("| [").Append(descriptor.Id).Append("](").Append(RulePagePath(descriptor.Id)).Append(") | ")
                    .Append(Cell(descriptor.Title.ToString())).Append(" | ")
                    .Append(Cell(descriptor.Category)).Append(" | ")
                    .Append(descriptor.DefaultSeverity).Append(" | ")
                    .Append(Cell(FixTitles(descriptor.Id))).Append(" |\n");
            }

            return text.ToString();
        }

        /// <summary>The README options table: every option of the option table, where it is set, its values, default and effect.</summary>
        public static string OptionsTable()
        {
            var text = new StringBuilder();
            text.Append("| Option | Set in | Values | Default | What it does |\n");
            text.Append("|---|---|---|---|---|\n");
            foreach (var option in InworldOptions.Definitions)
            {
                text.Append("| ").Append(Cell(OptionName(option))).Append(" | ")
                    .Append(Cell(SetIn(option.AppliesTo))).Append(" | ")
                    .Append(Cell(Values(option))).Append(" | ")
                    .Append(Cell(option.Kind == OptionValueKind.NameList ? option.Default : "`" + option.Default + "`")).Append(" | ")
                    .Append(Cell(option.Documentation)).Append(" |\n");
            }

            return text.ToString();
        }

        /// <summary>A rule page's header: title, id, category, default severity and code fix, from the descriptor.</summary>
        public static string RuleHeader(DiagnosticDescriptor descriptor)
        {
            var text = new StringBuilder();
            text.Append("# ").Append(descriptor.Id).Append(": ").Append(descriptor.Title).Append("\n\n");
            text.Append("| | |\n|---|---|\n");
            text.Append("| Rule ID | ").Append(descriptor.Id).Append(" |\n");
            text.Append("| Category | ").Append(Cell(descriptor.Category)).Append(" |\n");
            text.Append("| Default severity | ").Append(descriptor.DefaultSeverity)
                .Append(descriptor.IsEnabledByDefault ? string.Empty : " (disabled by default)")
                .Append(". CI builds make it an error; see [CI](../../README.md#ci). |\n");
            text.Append("| Code fix | ").Append(Cell(FixTitles(descriptor.Id))).Append(" |\n");
            text.Append('\n').Append(descriptor.Description).Append('\n');
            return text.ToString();
        }

        /// <summary>The code-fix titles of one rule as the docs show them, or "none".</summary>
        public static string FixTitles(string ruleId)
        {
            var titles = CodeFixTitles.Documented
                .Where(t => t.RuleId == ruleId)
                .Select(t => t.When.Length == 0 ? t.ForDocs() : t.ForDocs() + " (" + t.When + ")")
                .ToArray();
            return titles.Length == 0 ? "none" : string.Join("; ", titles);
        }

        /// <summary>The targets file with the gate's rule list set to every descriptor id.</summary>
        public static string WithGateRuleIds(string targets)
        {
            var pattern = new Regex("<" + GateProperty + ">[^<]*</" + GateProperty + ">", RegexOptions.None, TimeSpan.FromSeconds(5));
            var matches = pattern.Matches(targets);
            if (matches.Count != 1)
            {
                throw new InvalidOperationException(TargetsPath + " must set " + GateProperty + " exactly once; found " + matches.Count + ".");
            }

            var ids = string.Join(";", AllDescriptors().Select(d => d.Id));
            return pattern.Replace(targets, "<" + GateProperty + ">" + ids + "</" + GateProperty + ">");
        }

        /// <summary>The rule ids the targets file's gate property holds.</summary>
        public static IReadOnlyList<string> GateRuleIds(string targets)
        {
            var match = Regex.Match(targets, "<" + GateProperty + ">([^<]*)</" + GateProperty + ">", RegexOptions.None, TimeSpan.FromSeconds(5));
            return match.Success ? match.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : Array.Empty<string>();
        }

        /// <summary>
        /// Replaces what lies between the lines "&lt;!-- name:begin ... --&gt;" and "&lt;!-- name:end --&gt;". A file
        /// without exactly one pair of markers is an error, never a silent skip.
        /// </summary>
        public static string ReplaceBlock(string text, string path, string name, string content)
        {
            var begin = "<!-- " + name + ":begin";
            var end = "<!-- " + name + ":end -->";
            var beginAt = IndexOfLine(text, begin, path);
            var endAt = IndexOfLine(text, end, path);
            if (endAt < beginAt)
            {
                throw new InvalidOperationException(path + ": '" + end + "' comes before '" + begin + "'.");
            }

            var contentStart = text.IndexOf('\n', beginAt) + 1;
            return text.Substring(0, contentStart) + content + text.Substring(endAt);
        }

        private static int IndexOfLine(string text, string start, string path)
        {
            var found = -1;
            var at = 0;
            while ((at = text.IndexOf(start, at, StringComparison.Ordinal)) >= 0)
            {
                if (at == 0 || text[at - 1] == '\n')
                {
                    if (found >= 0)
                    {
                        throw new InvalidOperationException(path + " has '" + start + "' twice.");
                    }

                    found = at;
                }

                at += start.Length;
            }

            return found >= 0 ? found : throw new InvalidOperationException(path + " has no line starting with '" + start + "'; put the generated block's markers back.");
        }

        private static string OptionName(OptionDefinition option)
        {
            const string property = "build_property.";
            const string metadata = "build_metadata.AdditionalFiles.";
            if (option.Key.StartsWith(property, StringComparison.Ordinal))
            {
                return "`" + option.Key.Substring(property.Length) + "`";
            }

            return option.Key.StartsWith(metadata, StringComparison.Ordinal)
                ? "`" + option.Key.Substring(metadata.Length) + "`"
                : "`" + option.Key + "`";
        }

        private static string SetIn(OptionAppliesTo appliesTo)
            => appliesTo switch
            {
                OptionAppliesTo.CSharpFiles => "`.editorconfig` (C# files) or global config",
                OptionAppliesTo.AdditionalFiles => "`.editorconfig` (settings files) or global config",
                OptionAppliesTo.MSBuildProperty => "MSBuild property",
                OptionAppliesTo.MSBuildAdditionalFileMetadata => "MSBuild `AdditionalFiles` item metadata",
                _ => throw new InvalidOperationException("No docs wording for " + appliesTo + ": add it here."),
            };

        private static string Values(OptionDefinition option)
            => option.AllowedValues.Count > 0
                ? string.Join(" \\| ", option.AllowedValues.Select(v => "`" + v + "`"))
                : option.Expected;

        /// <summary>A table cell: a '|' in the text would split the cell, so it is escaped; line breaks would end the row.</summary>
        private static string Cell(string text)
        {
            if (text.Contains('\n', StringComparison.Ordinal))
            {
                throw new InvalidOperationException("A table cell cannot hold a line break: " + text);
            }

            return Regex.Replace(text, @"(?<!\\)\|", "\\|", RegexOptions.None, TimeSpan.FromSeconds(1));
        }

        private static string Read(string root, string relativePath)
        {
            var path = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException(relativePath + " is missing.", path);
        }
    }
}
