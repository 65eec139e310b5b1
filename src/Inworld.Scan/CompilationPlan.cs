using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Inworld.Scan
{
    /// <summary>One compilation of the scan, as one real build compiles it: its files, options and references.</summary>
    internal sealed class CompilationUnit
    {
        public CompilationUnit(string key, string assemblyName, UnityProject? unity, Dictionary<string, string> buildProperties,
            CSharpParseOptions parseOptions, bool addImplicitUsings, ImmutableArray<MetadataReference> extraReferences)
        {
            Key = key;
            AssemblyName = assemblyName;
            Unity = unity;
            BuildProperties = buildProperties;
            ParseOptions = parseOptions;
            AddImplicitUsings = addImplicitUsings;
            ExtraReferences = extraReferences;
        }

        public string Key { get; }
        public string AssemblyName { get; }

        /// <summary>The Unity project the assembly belongs to; null for .NET projects and loose files.</summary>
        public UnityProject? Unity { get; }

        /// <summary>build_property.* of this unit's own project file (and --project-kind).</summary>
        public Dictionary<string, string> BuildProperties { get; }
        public CSharpParseOptions ParseOptions { get; }
        public bool AddImplicitUsings { get; }

        /// <summary>Beyond the framework: Unity API stubs for Unity assemblies, a GodotSharp marker for Godot projects.</summary>
        public ImmutableArray<MetadataReference> ExtraReferences { get; }
        public List<SyntaxTree> Trees { get; } = new List<SyntaxTree>();
    }

    /// <summary>
    /// Splits a scan root into the compilations its builds make: every Unity project below the root (a folder with
    /// ProjectSettings/ProjectVersion.txt) with its own assemblies (Assembly-CSharp, one per .asmdef), version
    /// symbols, Unity API stubs and Unity project kind; every .NET project (nearest .csproj) with the build
    /// properties of its own project file; files outside any project as one more compilation.
    /// </summary>
    internal sealed class CompilationPlan
    {
        private static readonly Lazy<MetadataReference> GodotMarker = new Lazy<MetadataReference>(() => EmptyAssembly("GodotSharp"));

        private readonly ScanTarget _target;
        private readonly ScanOptions _options;
        private readonly CSharpParseOptions _baseParseOptions;
        private readonly ScanProblems _problems;
        private readonly List<UnityProject> _unityProjects = new List<UnityProject>();
        private readonly Dictionary<string, string> _asmdefByFolder = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _projectFileByFolder = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, CompilationUnit> _units = new Dictionary<string, CompilationUnit>(StringComparer.Ordinal);

        public CompilationPlan(ScanTarget target, ScanOptions options, CSharpParseOptions baseParseOptions, ScanProblems problems)
        {
            _target = target;
            _options = options;
            _baseParseOptions = baseParseOptions;
            _problems = problems;
            foreach (var root in target.UnityProjectRoots.Distinct(StringComparer.Ordinal))
            {
                _unityProjects.Add(new UnityProject(root, UnityProject.ReadVersion(Path.Combine(root, "ProjectSettings", "ProjectVersion.txt"), problems)));
            }

            foreach (var asmdef in target.AsmdefFiles)
            {
                _asmdefByFolder[Path.GetDirectoryName(asmdef)!] = UnityAssemblies.AsmdefName(asmdef, problems);
            }

            foreach (var project in target.ProjectFiles.OrderBy(p => p, StringComparer.Ordinal))
            {
                var folder = Path.GetDirectoryName(project)!;

                // Unity writes Assembly-CSharp.csproj and friends into the project root for IDEs: Unity, not
                // those files, decides how its scripts compile.
                if (_unityProjects.Any(u => u.Root == folder))
                {
                    continue;
                }

                if (!_projectFileByFolder.ContainsKey(folder))
                {
                    _projectFileByFolder[folder] = project;
                }
            }
        }

        public IReadOnlyList<UnityProject> UnityProjects => _unityProjects;

        /// <summary>
        /// Reads the project files no C# file needed (a project of settings files only): one that cannot be read or
        /// parsed is still a file the scan did not read, and must fail the run as every other such file does.
        /// </summary>
        public void CheckUnusedProjectFiles()
        {
            foreach (var pair in _projectFileByFolder)
            {
                if (!_units.ContainsKey(pair.Key))
                {
                    ProjectProperties.Read(pair.Value, _problems);
                }
            }
        }

        /// <summary>The compilations, in a stable order; at least one (an empty one for a tree without C#).</summary>
        public IReadOnlyList<CompilationUnit> Units
        {
            get
            {
                if (_units.Count == 0)
                {
                    UnitFor(Path.Combine(_target.Root, "_"));
                }

                return _units.Values.OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
            }
        }

        /// <summary>Reads a .razor/.cshtml file and adds its C# projection (path + ".g.cs") to its project's compilation.</summary>
        public void AddRazor(string path, CancellationToken cancellationToken)
        {
            var source = FileContent.Read(path, _problems);
            if (source == null)
            {
                return;
            }

            var text = source.ToString();
            var unit = UnitFor(path);
            unit.Trees.Add(CSharpSyntaxTree.ParseText(RazorProjection.Project(path, text), unit.ParseOptions, RazorProjection.GeneratedPath(path), Encoding.UTF8, cancellationToken));
        }

        public CompilationUnit UnitFor(string path)
        {
            var unity = UnityProjectOf(path);
            if (unity != null)
            {
                var (assembly, key) = UnityAssemblies.For(unity, path, _asmdefByFolder);
                if (!_units.TryGetValue(key, out var unityUnit))
                {
                    var properties = new Dictionary<string, string>(StringComparer.Ordinal);
                    ApplyOverride(properties);
                    var symbols = unity.PreprocessorSymbols(serverBuild: _options.ProjectKind == "server");
                    var references = UnityApiStubs.References;
                    _units[key] = unityUnit = new CompilationUnit(key, assembly, unity, properties, _baseParseOptions.WithPreprocessorSymbols(symbols), addImplicitUsings: false, references);
                }

                return unityUnit;
            }

            var projectFolder = NearestProjectFolder(path);
            if (projectFolder == null)
            {
                if (!_units.TryGetValue(_target.Root, out var loose))
                {
                    var properties = new Dictionary<string, string>(StringComparer.Ordinal);
                    ApplyOverride(properties);
                    _units[_target.Root] = loose = new CompilationUnit(_target.Root, "InworldScan", null, properties, _baseParseOptions, addImplicitUsings: true, ImmutableArray<MetadataReference>.Empty);
                }

                return loose;
            }

            if (!_units.TryGetValue(projectFolder, out var unit))
            {
                var projectFile = _projectFileByFolder[projectFolder];
                var read = ProjectProperties.Read(projectFile, _problems);
                var properties = read.BuildProperties;
                ApplyOverride(properties);
                var assemblyName = read.All.TryGetValue("AssemblyName", out var named) && named.Length > 0 ? named : Path.GetFileNameWithoutExtension(projectFile);
                var references = read.IsGodot ? ImmutableArray.Create(GodotMarker.Value) : ImmutableArray<MetadataReference>.Empty;
                _units[projectFolder] = unit = new CompilationUnit(projectFolder, assemblyName, null, properties, _baseParseOptions, read.ImplicitUsings, references);
            }

            return unit;
        }

        private void ApplyOverride(Dictionary<string, string> properties)
        {
            if (_options.ProjectKind != "auto")
            {
                properties[Inworld.Analyzers.Core.InworldOptions.ProjectKindPropertyKey] = _options.ProjectKind;
            }
        }

        /// <summary>The innermost Unity project whose Assets/ or Packages/ holds the file (what Unity compiles).</summary>
        private UnityProject? UnityProjectOf(string path)
        {
            UnityProject? best = null;
            foreach (var project in _unityProjects)
            {
                var inAssets = path.StartsWith(Path.Combine(project.Root, "Assets") + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                var inPackages = path.StartsWith(Path.Combine(project.Root, "Packages") + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                if ((inAssets || inPackages) && (best == null || project.Root.Length > best.Root.Length))
                {
                    best = project;
                }
            }

            return best;
        }

        private string? NearestProjectFolder(string path)
        {
            for (var directory = Path.GetDirectoryName(path); directory != null; directory = Path.GetDirectoryName(directory))
            {
                if (_projectFileByFolder.ContainsKey(directory))
                {
                    return directory;
                }

                if (directory.Length <= _target.Root.Length)
                {
                    break;
                }
            }

            return null;
        }

        /// <summary>An assembly with nothing in it but its name: what ProjectKinds looks for in references.</summary>
        private static MetadataReference EmptyAssembly(string name)
        {
            var compilation = CSharpCompilation.Create(name, Array.Empty<SyntaxTree>(), Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            compilation.Emit(image);
            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
