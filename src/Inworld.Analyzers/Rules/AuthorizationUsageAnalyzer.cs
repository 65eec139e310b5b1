using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Inworld.Analyzers.Core;
using Inworld.Analyzers.Core.Contracts;
using Inworld.Analyzers.Core.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inworld.Analyzers.Rules
{
    /// <summary>
    /// INW003: a Realtime-only key (known by its source's name) attached to a request for a non-realtime
    /// Inworld API (TTS, STT, LLM, Voice, Router, the token mint), which refuses it at run time.
    /// INW005: an Inworld API key sent with Bearer, or a token sent with Basic (both refused with 401/403).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AuthorizationUsageAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RealtimeKeyOnNonRealtimeApi, Descriptors.WrongAuthorizationScheme);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode.AnalysisFlags);
            context.RegisterCompilationStartAction(start =>
            {
                var inworld = InworldContext.For(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
                var analysis = new Analysis(inworld);
                var generated = GeneratedCode.For(start.Options, start.CancellationToken);
                Action<OperationAnalysisContext> objectCreation = c => analysis.Analyze(c, AuthorizationHeaders.FromObjectCreation((IObjectCreationOperation)c.Operation, analysis.Types));
                Action<OperationAnalysisContext> invocation = c => analysis.Analyze(c, AuthorizationHeaders.FromInvocation((IInvocationOperation)c.Operation, analysis.Types));
                Action<OperationAnalysisContext> assignment = c => analysis.Analyze(c, AuthorizationHeaders.FromAssignment((ISimpleAssignmentOperation)c.Operation));
                Action<OperationAnalysisContext> invalid = c => analysis.Analyze(c, AuthorizationHeaders.FromInvalid((IInvalidOperation)c.Operation));

                // Per operation block, only where the pre-filter (TreeFacts) finds an Authorization word or a name
                // that carries one from another file: most methods attach no header and get no callbacks.
                // In a compilation the screen narrows to the types that join a literal, those types are few and the words
                // and carriers of the block filter would cost more than the blocks: every block of theirs is looked at.
                var screen = inworld.Screen;
                Func<ImmutableArray<IOperation>, bool> mayNeed = screen.JoinsOnly ? GeneratedCode.EveryBlock : inworld.MayAttachAuthorization;
                generated.RegisterPerBlock(start, mayNeed, (block, wrap) =>
                {
                    block.RegisterOperationAction(wrap(objectCreation), OperationKind.ObjectCreation);
                    block.RegisterOperationAction(wrap(invocation), OperationKind.Invocation);
                    block.RegisterOperationAction(wrap(assignment), OperationKind.SimpleAssignment);
                    block.RegisterOperationAction(wrap(invalid), OperationKind.Invalid);
                }, screen);
            });
        }

        private sealed class Analysis
        {
            private readonly InworldContext _context;
            private readonly WellKnownTypes _types;
            private readonly RequestStrings _requestStrings;

            public Analysis(InworldContext context)
            {
                _context = context;
                _types = context.Types;
                _requestStrings = context.RequestStrings;
            }

            public WellKnownTypes Types => _types;

            public void Analyze(OperationAnalysisContext context, AuthorizationAttachment? attachment)
            {
                if (attachment == null || attachment.Scheme == null)
                {
                    return;
                }

                var sources = ValueTrace.OriginsOf(attachment.Credential, _types);
                if (sources.Count == 0)
                {
                    return;
                }

                var tree = attachment.Operation.Syntax.SyntaxTree;

                // Finding the request's URLs means walking the method and the type: only done once the
                // credential alone could make a finding, which almost no Authorization header in a code base can.
                // (A ref-passed cache, not a lambda: a closure would copy the context struct on every call.)
                HashSet<InworldApi>? targets = null;
                CheckRealtimeKey(context, attachment, sources, ref targets, tree);
                CheckScheme(context, attachment, sources, ref targets);
            }

            private HashSet<InworldApi> TargetsOf(AuthorizationAttachment attachment, ISymbol? containingSymbol, ref HashSet<InworldApi>? targets)
                => targets ??= Targets(attachment.Operation, containingSymbol);

            private void CheckRealtimeKey(OperationAnalysisContext context, AuthorizationAttachment attachment, List<ValueOrigin> sources, ref HashSet<InworldApi>? cachedTargets, SyntaxTree tree)
            {
                var names = _context.RealtimeNames(tree);
                if (!AnyRealtimeOnly(sources, names))
                {
                    return;
                }

                // Where the value's origin is known (an env var or configuration key), its name decides; the
                // locals and fields it passes through are only labels. Otherwise the symbols' names are all there is.
                var options = _context.Options(attachment.Operation.Syntax.SyntaxTree);
                var origins = sources.Where(s => s.IsNamedValue).ToList();
                var realtime = origins.FirstOrDefault(s => names.IsRealtimeOnly(s.Name));
                var standardOrigin = origins.Any(s => !names.IsRealtimeOnly(s.Name) &&
                    (s.Name.Equals(options.ApiKeyVariable, StringComparison.OrdinalIgnoreCase) || CredentialNames.Classify(s.Name) == CredentialNameKind.ApiKey));
                if (realtime.Name == null && !standardOrigin)
                {
                    realtime = sources.FirstOrDefault(s => s.IsSymbol && names.IsRealtimeOnly(s.Name));
                }

                if (realtime.Name == null)
                {
                    return;
                }

                var targets = TargetsOf(attachment, context.ContainingSymbol, ref cachedTargets);
                if (targets.Contains(InworldApi.Realtime))
                {
                    return;
                }

                var refused = targets.Where(InworldEndpoints.RefusesRealtimeOnlyKey).OrderBy(a => a).ToList();
                if (refused.Count == 0)
                {
                    return;
                }

                string? replacement = realtime.Kind == ValueOriginKind.EnvironmentVariable
                    ? options.ApiKeyVariable
                    : realtime.Kind == ValueOriginKind.ConfigurationKey ? WithoutRealtime(realtime.Name) : null;
                var standard = replacement != null ? "'" + replacement + "'" : "the standard API key";

                var properties = AuthorizationUsageProperties.ForStandardKey(replacement);
                var additional = realtime.NameLocation != null && realtime.NameLocation.SourceTree == attachment.Operation.Syntax.SyntaxTree
                    ? new[] { realtime.NameLocation }
                    : Array.Empty<Location>();
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RealtimeKeyOnNonRealtimeApi, attachment.Operation.Syntax.GetLocation(), additional, properties,
                    realtime.Describe(), string.Join("/", refused.Select(InworldEndpoints.DisplayName)), standard));
            }

            private static bool AnyRealtimeOnly(List<ValueOrigin> sources, RealtimeKeyNames names)
            {
                foreach (var source in sources)
                {
                    if (source.Kind != ValueOriginKind.Literal && names.IsRealtimeOnly(source.Name))
                    {
                        return true;
                    }
                }

                return false;
            }

            private void CheckScheme(OperationAnalysisContext context, AuthorizationAttachment attachment, List<ValueOrigin> sources, ref HashSet<InworldApi>? cachedTargets)
            {
                // Value and origin first, names last: a local named base64AuthToken that holds _apiKey is a key.
                // Where the origins (env vars, configuration keys, literals, calls, and symbols not followed
                // further) tell key from token, the locals and fields the value passes through are only labels.
                var isKey = sources.Any(s => !s.IsPassThrough && IsApiKeySource(s));
                var isToken = sources.Any(s => !s.IsPassThrough && IsTokenSource(s));
                var byOrigin = isKey || isToken;
                if (!byOrigin)
                {
                    isKey = sources.Any(IsApiKeySource);
                    isToken = sources.Any(IsTokenSource);
                }

                if (isKey == isToken)
                {
                    return;
                }

                string kind, expected, correct;
                if (attachment.IsScheme("Bearer") && isKey)
                {
                    kind = "Inworld API key";
                    expected = "'Basic <key>' (only tokens go as Bearer)";
                    correct = "Basic";
                }
                else if (attachment.IsScheme("Basic") && isToken)
                {
                    kind = "Inworld token";
                    expected = "'Bearer <token>'";
                    correct = "Bearer";
                }
                else
                {
                    return;
                }

                // Only Inworld's scheme rules are known: the source's name or an Inworld-shaped key says Inworld,
                // else the request's URL must.
                var inworld = sources.Any(s => s.Kind != ValueOriginKind.Literal && CredentialNames.ContainsInworld(s.Name)) ||
                              sources.Any(s => s.Kind == ValueOriginKind.Literal && CredentialShape.FindApiKey(s.Name).IsMatch) ||
                              TargetsOf(attachment, context.ContainingSymbol, ref cachedTargets).Count > 0;
                if (!inworld)
                {
                    return;
                }

                // Turning a key into Basic in client code would ship the key: no fix there (INW002 explains why).
                var node = attachment.Operation.Syntax;
                var client = _context.IsShippedClientCode(node.SyntaxTree, node.SpanStart);
                var fixAllowed = attachment.SchemeOperation != null && !(client && correct == "Basic");
                var properties = AuthorizationUsageProperties.ForScheme(correct, fixAllowed);
                var additional = attachment.SchemeOperation != null ? new[] { attachment.SchemeOperation.Syntax.GetLocation() } : Array.Empty<Location>();
                var source = sources.FirstOrDefault(s => (!s.IsPassThrough || !byOrigin) && (isKey ? IsApiKeySource(s) : IsTokenSource(s)));
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.WrongAuthorizationScheme, node.GetLocation(), additional, properties,
                    kind, source.Describe(), attachment.Scheme, expected));
            }

            private static bool IsApiKeySource(ValueOrigin source)
            {
                return source.Kind == ValueOriginKind.Literal
                    ? CredentialClassifier.IsKeyOrPair(source.Name)
                    : CredentialNames.IsApiKeyName(source.Name);
            }

            private static bool IsTokenSource(ValueOrigin source)
            {
                if (source.Kind == ValueOriginKind.Literal)
                {
                    return source.Name.StartsWith("eyJ", StringComparison.Ordinal);
                }

                return CredentialNames.IsTokenName(source.Name);
            }

            /// <summary>"Inworld:RealtimeApiKey" → "Inworld:ApiKey", "INWORLD_REALTIME_API_KEY" → "INWORLD_API_KEY".</summary>
            private static string? WithoutRealtime(string name)
            {
                var index = name.IndexOf("realtime", StringComparison.OrdinalIgnoreCase);
                if (index < 0)
                {
                    return null;
                }

                var end = index + "realtime".Length;
                if (end < name.Length && (name[end] == '_' || name[end] == '-' || name[end] == '.' || name[end] == ':'))
                {
                    end++;
                }
                else if (index > 0 && (name[index - 1] == '_' || name[index - 1] == '-' || name[index - 1] == '.') && end == name.Length)
                {
                    index--;
                }

                var result = name.Substring(0, index) + name.Substring(end);
                return result.Length == 0 || result.EndsWith(":", StringComparison.Ordinal) ? null : result;
            }

            /// <summary>
            /// The Inworld APIs the request can address: URLs in the method (literals, consts, fields and properties
            /// with constant values), relative paths against an Inworld base address, else URLs anywhere in the type.
            /// </summary>
            private HashSet<InworldApi> Targets(IOperation attachment, ISymbol? containingSymbol)
            {
                var methodStrings = _requestStrings.InMethod(attachment);
                var typeStrings = _requestStrings.InType(containingSymbol);
                var baseUrl = methodStrings.Concat(typeStrings).FirstOrDefault(s => InworldEndpoints.Classify(s) == InworldApi.OtherInworld);

                var apis = Classify(methodStrings, baseUrl);
                return apis.Count > 0 ? apis : Classify(typeStrings, baseUrl);
            }

            private static HashSet<InworldApi> Classify(IEnumerable<string> strings, string? baseUrl)
            {
                var apis = new HashSet<InworldApi>();
                foreach (var text in strings)
                {
                    if (text.Length > 2048 || text.IndexOf(' ') >= 0)
                    {
                        continue;
                    }

                    var api = InworldEndpoints.Classify(text, text.IndexOf('/') >= 0 ? baseUrl : null);
                    if (api != InworldApi.NotInworld && api != InworldApi.OtherInworld)
                    {
                        apis.Add(api);
                    }
                }

                return apis;
            }
        }
    }
}
