// Why this folder has an assembly definition: Unity applies a Roslyn analyzer that sits in a folder with an assembly
// definition to that assembly and to every assembly that references it (Unity Manual, "Analyzer scope and rule set
// files": https://docs.unity3d.com/6000.0/Documentation/Manual/analyzer-scope-and-diagnostics.html). This assembly is
// auto-referenced, so the predefined assemblies (Assembly-CSharp and the others) reference it and are analysed; an
// .asmdef assembly is analysed once it lists "Inworld.Analyzers.Scope" in its references (one line).
// An assembly definition with no script produces no assembly for anything to reference: hence this one empty type.
namespace Inworld.Analyzers.Scope
{
    internal static class AnalyzerScope
    {
    }
}
