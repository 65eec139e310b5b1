using System.Runtime.CompilerServices;

namespace Inworld.Analyzers.Core
{
    /// <summary>
    /// The code that reads every character of a compilation's text (<see cref="SourceScan"/>) runs once per build, in a
    /// compiler process that is compiling its own code by the JIT at the same time: the runtime first compiles a method
    /// without optimisation and promotes it only after a pause in such work, which a build never makes, so the scan would
    /// run unoptimised from its first character to its last. Its methods are compiled optimised at once instead.
    /// </summary>
    internal static class HotPath
    {
        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c>, which .NET Standard 2.0 does not name: .NET Core 3.0 and later
        /// compile such a method optimised at its first call; .NET Framework and Mono (Visual Studio's older hosts, Unity)
        /// ignore the flag.
        /// </summary>
        public const MethodImplOptions CompileOptimized = (MethodImplOptions)512;
    }
}
