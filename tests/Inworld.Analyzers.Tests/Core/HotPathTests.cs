using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Inworld.Analyzers.Core;
using Xunit;

namespace Inworld.Analyzers.Tests.Core
{
    /// <summary>
    /// The text scan reads every character of a compilation once per build, in a compiler process whose JIT never pauses
    /// long enough to promote unoptimised code: its methods must be compiled optimised from their first call
    /// (<see cref="HotPath.CompileOptimized"/>), or a build runs them unoptimised throughout.
    /// </summary>
    public class HotPathTests
    {
        // The JIT always inlines a method of up to this many bytes of IL into an optimised caller; a larger one it may
        // call instead (always when it holds a loop or exceeds 100 bytes), and that one runs as it was compiled.
        private const int AlwaysInlined = 16;

        // The JIT's size limit for inlining a method that does not ask for it.
        private const int InlineLimit = 100;

        private const MethodImplAttributes AggressiveOptimization = (MethodImplAttributes)0x0200;

        [Fact]
        public void The_flag_is_the_runtime_s_aggressive_optimization()
        {
            Assert.Equal((int)System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization, (int)HotPath.CompileOptimized);
        }

        [Fact]
        public void Every_scan_method_is_compiled_optimised_or_inlined_into_one_that_is()
        {
            var methods = TypeAndNested(typeof(SourceScan)).SelectMany(DeclaredMethods).Where(m => IlLength(m) > AlwaysInlined).ToList();
            Assert.True(methods.Count(m => IlLength(m) > InlineLimit) > 40, "the scan's methods were not found: " + methods.Count);

            var offenders = methods.Where(m => !IsCompiledOptimised(m) && !AsksToBeInlined(m)).Select(Name).ToList();
            Assert.True(offenders.Count == 0, "scan methods that may run unoptimised: " + string.Join(", ", offenders));
        }

        [Theory]
        [InlineData(typeof(CompilationScreen), "Read")]
        [InlineData(typeof(CompilationScreen), "HoldsNothingToScan")]
        [InlineData(typeof(CompilationScreen), "HasWordAround")]
        [InlineData(typeof(CredentialShape), "FindApiKey")]
        [InlineData(typeof(CredentialShape), "MatchBase64Run")]
        [InlineData(typeof(CredentialShape), "MatchRawKeyPair")]
        public void The_methods_around_the_scan_that_read_text_are_compiled_optimised(Type type, string name)
        {
            // The overloads that only pass their arguments on are inlined; the one that reads the text is not.
            var methods = DeclaredMethods(type).Where(m => m.Name == name).ToList();
            Assert.Contains(methods, m => IlLength(m) > InlineLimit);
            foreach (var method in methods.Where(m => IlLength(m) > InlineLimit))
            {
                Assert.True(IsCompiledOptimised(method), Name(method) + " is compiled unoptimised at first");
            }
        }

        private static bool AsksToBeInlined(MethodInfo method) => (method.MethodImplementationFlags & MethodImplAttributes.AggressiveInlining) != 0;

        private static bool IsCompiledOptimised(MethodInfo method) => (method.MethodImplementationFlags & AggressiveOptimization) != 0;

        private static int IlLength(MethodInfo method) => method.GetMethodBody()?.GetILAsByteArray()?.Length ?? 0;

        private static string Name(MethodInfo method) => method.DeclaringType!.Name + "." + method.Name + " (" + IlLength(method) + " bytes of IL)";

        private static IEnumerable<MethodInfo> DeclaredMethods(Type type)
            => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsAbstract && !m.Name.Contains('<', StringComparison.Ordinal));

        private static IEnumerable<Type> TypeAndNested(Type type)
            => new[] { type }.Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)
                .Where(t => !t.Name.Contains('<', StringComparison.Ordinal)).SelectMany(TypeAndNested));
    }
}
