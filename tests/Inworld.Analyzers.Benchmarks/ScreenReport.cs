using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Inworld.Analyzers.Core;
using Microsoft.CodeAnalysis;

namespace Inworld.Analyzers.Benchmarks
{
    /// <summary>
    /// What the compilation screen decides on a corpus (`screen DIR`): whether the compilation needs every block analysed
    /// (and why), how many files and types hold a join, and what reading the text costs, on one thread. It explains a
    /// real-corpus figure; the figure itself comes from `real-corpus`.
    /// </summary>
    public static class ScreenReport
    {
        public static int Run(string directory, bool listJoins)
        {
            var compilation = RealCorpusReport.CreateCompilation(directory, out var fileCount, out _);
            var texts = compilation.SyntaxTrees.Select(t => t.GetText().ToString()).ToList();
            var characters = texts.Sum(t => (long)t.Length);

            // The text scan alone, three passes over fresh strings' scans (the first one pays the JIT).
            // Processor time of this thread as well as the wall clock: on a busy machine the first is the one to compare.
            var passes = new List<double>();
            var processor = new List<double>();
            for (var pass = 0; pass < 6; pass++)
            {
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                foreach (var text in texts)
                {
                    SourceScan.Of(text);
                }

                passes.Add(watch.Elapsed.TotalMilliseconds);
                processor.Add((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            }

            Console.WriteLine($"corpus: {fileCount} files, {characters:N0} characters");
            Console.WriteLine($"text scan of every file: {string.Join(", ", passes.Select(p => p.ToString("F1") + " ms"))} (first pass includes the JIT); processor time {string.Join(", ", processor.Select(p => p.ToString("F0") + " ms"))}");

            var watchTrees = Stopwatch.StartNew();
            foreach (var tree in compilation.SyntaxTrees)
            {
                CompilationScreen.ScanOf(tree);
            }

            Console.WriteLine($"scan of every tree through the cache (text from the tree): {watchTrees.Elapsed.TotalMilliseconds:F1} ms");
            var watchAssemblies = Stopwatch.StartNew();
            var references = compilation.SourceModule.ReferencedAssemblySymbols;
            Console.WriteLine($"referenced assemblies: {references.Length}; framework-signed: {references.Count(a => a.Identity.HasPublicKey)}; symbols loaded in {watchAssemblies.Elapsed.TotalMilliseconds:F1} ms");
            var watchScreen = Stopwatch.StartNew();
            var screen = CompilationScreen.For(compilation, default);
            Console.WriteLine($"screen of the compilation (cached scans, referenced assemblies): {watchScreen.Elapsed.TotalMilliseconds:F1} ms");
            Console.WriteLine(screen.JoinsOnly ? "verdict: only the types that join a literal are analysed" : "verdict: every block is analysed: " + screen.FullAnalysisReason);

            var scans = compilation.SyntaxTrees.Select(CompilationScreen.ScanOf).ToList();
            Console.WriteLine($"files naming Inworld: {scans.Count(s => s.NamesInworld)}; holding a key or pair: {scans.Count(s => s.HoldsCredentialText)}; with a join: {scans.Count(s => s.Joins.Length > 0)} ({scans.Sum(s => s.Joins.Length)} joins)");

            Console.WriteLine($"carriers (constants initialised with a fragment): {screen.Carriers.Count()}" + (listJoins ? ": " + string.Join(", ", screen.Carriers.OrderBy(c => c, StringComparer.Ordinal)) : string.Empty));
            var types = new List<INamedTypeSymbol>();
            Collect(compilation.Assembly.GlobalNamespace, types);
            var watchTypes = Stopwatch.StartNew();
            var admitted = types.Count(screen.MayHoldFinding);
            Console.WriteLine($"type screen, every type: {watchTypes.Elapsed.TotalMilliseconds:F1} ms");
            Console.WriteLine($"named types: {types.Count}; analysed: {admitted} ({100.0 * admitted / Math.Max(1, types.Count):F1}%)");
            if (listJoins)
            {
                var slowest = compilation.SyntaxTrees.Select(t => { var text = t.GetText().ToString(); var w = Stopwatch.StartNew(); SourceScan.Of(text); return (t.FilePath, w.Elapsed.TotalMilliseconds, text.Length); })
                    .OrderByDescending(x => x.TotalMilliseconds).Take(8);
                foreach (var (path, ms, length) in slowest)
                {
                    Console.WriteLine($"slowest scan: {path}: {ms:F1} ms, {length:N0} characters");
                }

                foreach (var tree in compilation.SyntaxTrees)
                {
                    var text = tree.GetText();
                    foreach (var join in CompilationScreen.ScanOf(tree).Joins)
                    {
                        var line = text.Lines.GetLineFromPosition(join);
                        Console.WriteLine($"join {tree.FilePath}:{line.LineNumber + 1}: {line.ToString().Trim()}");
                    }
                }
            }

            return 0;
        }

        private static void Collect(INamespaceOrTypeSymbol container, List<INamedTypeSymbol> types)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamedTypeSymbol type)
                {
                    types.Add(type);
                }

                if (member is INamespaceOrTypeSymbol nested)
                {
                    Collect(nested, types);
                }
            }
        }
    }
}
