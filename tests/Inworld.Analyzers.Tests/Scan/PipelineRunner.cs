using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Inworld.Analyzers.Tests.Package;
using Xunit;
using YamlDotNet.Serialization;

namespace Inworld.Analyzers.Tests.Scan
{
    /// <summary>YAML as the CI systems read it: mappings, sequences and string scalars; duplicate keys are an error.</summary>
    internal static class PipelineYaml
    {
        public static object Parse(string text)
        {
            var deserializer = new DeserializerBuilder().WithDuplicateKeyChecking().Build();
            return deserializer.Deserialize<object>(text) ?? throw new InvalidDataException("empty YAML document");
        }

        public static Dictionary<object, object?> Map(object? node, string what)
            => node as Dictionary<object, object?> ?? throw new InvalidDataException(what + " is not a mapping");

        public static List<object?> Seq(object? node, string what)
            => node as List<object?> ?? throw new InvalidDataException(what + " is not a sequence");

        public static string? Str(Dictionary<object, object?> map, string key)
            => map.TryGetValue(key, out var value) ? value as string ?? (value == null ? null : throw new InvalidDataException("'" + key + "' is not a scalar")) : null;

        public static Dictionary<string, string> StringMap(Dictionary<object, object?> map, string key)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (map.TryGetValue(key, out var value) && value != null)
            {
                foreach (var pair in Map(value, key))
                {
                    result[(string)pair.Key] = pair.Value as string ?? "";
                }
            }

            return result;
        }

        /// <summary>The fenced ```yaml blocks of a Markdown file, with the line each starts on.</summary>
        public static List<(int Line, string Text)> MarkdownYamlBlocks(string markdown)
        {
            var blocks = new List<(int, string)>();
            var lines = markdown.Replace("\r\n", "\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```yaml")
                {
                    continue;
                }

                var start = i + 1;
                var body = new StringBuilder();
                for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
                {
                    body.Append(lines[i]).Append('\n');
                }

                blocks.Add((start + 1, body.ToString()));
            }

            return blocks;
        }
    }

    /// <summary>One step as the stand-in runner saw it.</summary>
    internal sealed class PipelineStep
    {
        public PipelineStep(string name, string? id) { Name = name; Id = id; }

        public string Name { get; }
        public string? Id { get; }
        public bool Ran { get; set; }
        public int ExitCode { get; set; }
        public string Output { get; set; } = "";
        public string? Uses { get; set; }
        public Dictionary<string, string> With { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        public Dictionary<string, string> Outputs { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public override string ToString() => Name + (Ran ? " (exit " + ExitCode + ")" : " (skipped)") + "\n" + Output;
    }

    /// <summary>
    /// A small stand-in for the GitHub Actions runner, enough to run this repository's action.yml and workflow recipes
    /// for real on this machine: steps in order, `if:` conditions with the status functions, `${{ }}` expressions over
    /// inputs, step outputs and the runner context, run steps in bash exactly as the runner starts them, and the files
    /// behind GITHUB_OUTPUT and GITHUB_PATH. `uses:` steps are handed to the test (it decides what each action does);
    /// an action the test does not know, or an expression this runner cannot evaluate, fails the test rather than
    /// being skipped.
    /// </summary>
    internal sealed class GitHubRunner
    {
        private readonly string _workspace;
        private readonly string _runnerTemp;
        private readonly string _basePath;
        private readonly List<string> _pathAdditions = new List<string>();
        private readonly Dictionary<string, string> _environment;

        public GitHubRunner(string workspace, string runnerTemp, string basePath, IDictionary<string, string>? environment = null)
        {
            _workspace = workspace;
            _runnerTemp = runnerTemp;
            _basePath = basePath;
            _environment = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            Directory.CreateDirectory(runnerTemp);
        }

        /// <summary>What a `uses:` step does: gets the step (its evaluated `with:`), returns the exit code.</summary>
        public Dictionary<string, Func<PipelineStep, int>> Actions { get; } = new Dictionary<string, Func<PipelineStep, int>>(StringComparer.Ordinal);

        public List<PipelineStep> Steps { get; } = new List<PipelineStep>();

        public bool Failed => Steps.Any(s => s.Ran && s.ExitCode != 0);

        /// <summary>Runs a composite action's steps with the given inputs (the others take their defaults).</summary>
        public void RunAction(string actionPath, IDictionary<string, string> inputs)
        {
            var action = PipelineYaml.Map(PipelineYaml.Parse(File.ReadAllText(actionPath)), "action.yml");
            var declared = PipelineYaml.Map(action["inputs"], "inputs");
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var input in declared)
            {
                values[(string)input.Key] = PipelineYaml.Str(PipelineYaml.Map(input.Value, "input " + input.Key), "default") ?? "";
            }

            foreach (var input in inputs)
            {
                Assert.True(values.ContainsKey(input.Key), "the test sets input '" + input.Key + "', which action.yml does not declare");
                values[input.Key] = input.Value;
            }

            var runs = PipelineYaml.Map(action["runs"], "runs");
            Assert.Equal("composite", PipelineYaml.Str(runs, "using"));
            var context = new Context(_workspace, values, Path.GetDirectoryName(Path.GetFullPath(actionPath))!);
            RunSteps(PipelineYaml.Seq(runs["steps"], "runs.steps"), context, composite: true);
        }

        /// <summary>Runs one job of a workflow file's text.</summary>
        public void RunJob(string workflowYaml, string job)
        {
            var workflow = PipelineYaml.Map(PipelineYaml.Parse(workflowYaml), "workflow");
            var jobs = PipelineYaml.Map(workflow["jobs"], "jobs");
            var definition = PipelineYaml.Map(jobs[job], "job " + job);
            foreach (var pair in PipelineYaml.StringMap(definition, "env"))
            {
                _environment[pair.Key] = pair.Value;
            }

            RunSteps(PipelineYaml.Seq(definition["steps"], "steps of " + job), new Context(_workspace, null, null), composite: false);
        }

        public PipelineStep Step(string nameOrId) => Steps.Single(s => s.Id == nameOrId || s.Name == nameOrId);

        private void RunSteps(List<object?> steps, Context context, bool composite)
        {
            foreach (var node in steps)
            {
                var definition = PipelineYaml.Map(node, "step");
                var uses = PipelineYaml.Str(definition, "uses");
                var run = PipelineYaml.Str(definition, "run");
                var step = new PipelineStep(PipelineYaml.Str(definition, "name") ?? uses ?? run!, PipelineYaml.Str(definition, "id"));
                Steps.Add(step);
                context.Steps = Steps;
                var condition = PipelineYaml.Str(definition, "if") ?? "success()";
                if (!Expressions.Truthy(Expressions.Evaluate(Expressions.Unwrap(condition), context)))
                {
                    continue;
                }

                step.Ran = true;
                if (uses != null)
                {
                    step.Uses = uses;
                    foreach (var pair in PipelineYaml.StringMap(definition, "with"))
                    {
                        step.With[pair.Key] = Expressions.Interpolate(pair.Value, context);
                    }

                    var handler = Actions.FirstOrDefault(a => uses.StartsWith(a.Key, StringComparison.Ordinal));
                    Assert.True(handler.Value != null, "the test has no stand-in for action " + uses);
                    step.ExitCode = handler.Value!(step);
                    continue;
                }

                Assert.True(run != null, "a step with neither run nor uses: " + step.Name);
                var shell = PipelineYaml.Str(definition, "shell");
                if (composite)
                {
                    Assert.True(shell == "bash", "composite run step '" + step.Name + "' must name its shell (bash), got '" + shell + "'");
                }

                RunBash(step, Expressions.Interpolate(run!, context), shell, definition, context);
            }
        }

        private void RunBash(PipelineStep step, string script, string? shell, Dictionary<object, object?> definition, Context context)
        {
            var files = Path.Combine(_runnerTemp, "_runner_file_commands", Steps.Count.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(files);
            var scriptPath = Path.Combine(files, "step.sh");
            File.WriteAllText(scriptPath, script);
            var output = Path.Combine(files, "output");
            var path = Path.Combine(files, "path");
            var env = Path.Combine(files, "env");
            foreach (var file in new[] { output, path, env })
            {
                File.WriteAllText(file, "");
            }

            var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal)
            {
                ["CI"] = "true",
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_WORKSPACE"] = _workspace,
                ["RUNNER_TEMP"] = _runnerTemp,
                ["RUNNER_OS"] = "Linux",
                ["GITHUB_OUTPUT"] = output,
                ["GITHUB_PATH"] = path,
                ["GITHUB_ENV"] = env,
                ["PATH"] = string.Join(":", Enumerable.Reverse(_pathAdditions).Concat(new[] { _basePath })),
            };
            if (context.ActionPath != null)
            {
                environment["GITHUB_ACTION_PATH"] = context.ActionPath;
            }

            foreach (var pair in PipelineYaml.StringMap(definition, "env"))
            {
                environment[pair.Key] = Expressions.Interpolate(pair.Value, context);
            }

            // How the runner starts bash: an explicit 'shell: bash' adds pipefail and skips the profile; none is 'bash -e'.
            var arguments = shell == "bash" ? new[] { "--noprofile", "--norc", "-eo", "pipefail", scriptPath } : new[] { "-e", scriptPath };
            Assert.True(shell == null || shell == "bash", "step '" + step.Name + "' uses shell '" + shell + "', which this runner does not run");
            var workingDirectory = PipelineYaml.Str(definition, "working-directory");
            var result = DotnetCli.RunProgram("bash", workingDirectory == null ? _workspace : Path.Combine(_workspace, workingDirectory), arguments, environment, timeoutSeconds: 300);
            step.ExitCode = result.ExitCode;
            step.Output = result.Output;
            foreach (var pair in ReadOutputs(File.ReadAllText(output)))
            {
                step.Outputs[pair.Key] = pair.Value;
            }

            _pathAdditions.AddRange(File.ReadAllLines(path).Where(l => l.Length > 0));
            foreach (var pair in ReadOutputs(File.ReadAllText(env)))
            {
                _environment[pair.Key] = pair.Value;
            }
        }

        /// <summary>The GITHUB_OUTPUT file format: name=value lines and name&lt;&lt;DELIMITER blocks.</summary>
        internal static Dictionary<string, string> ReadOutputs(string text)
        {
            var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
            var lines = text.Replace("\r\n", "\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                {
                    continue;
                }

                var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
                var equals = line.IndexOf('=');
                if (heredoc > 0 && (equals < 0 || heredoc < equals))
                {
                    var delimiter = line.Substring(heredoc + 2);
                    var value = new List<string>();
                    for (i++; i < lines.Length && lines[i] != delimiter; i++)
                    {
                        value.Add(lines[i]);
                    }

                    Assert.True(i < lines.Length, "unterminated " + delimiter + " block in a runner file");
                    outputs[line.Substring(0, heredoc)] = string.Join("\n", value);
                    continue;
                }

                Assert.True(equals > 0, "not a name=value line in a runner file: " + line);
                outputs[line.Substring(0, equals)] = line.Substring(equals + 1);
            }

            return outputs;
        }

        internal sealed class Context
        {
            public Context(string workspace, Dictionary<string, string>? inputs, string? actionPath)
            {
                Workspace = workspace;
                Inputs = inputs;
                ActionPath = actionPath;
            }

            public string Workspace { get; }

            public Dictionary<string, string>? Inputs { get; }
            public string? ActionPath { get; }
            public List<PipelineStep> Steps { get; set; } = new List<PipelineStep>();
        }

        /// <summary>GitHub's expression language, the part this repository's YAML uses.</summary>
        internal static class Expressions
        {
            private static readonly Regex Embedded = new Regex(@"\$\{\{(.*?)\}\}", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
            private static readonly Regex Token = new Regex(@"\s*(&&|\|\||==|!=|!|\(|\)|,|'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_.\-]*)", RegexOptions.None, TimeSpan.FromSeconds(1));

            public static string Unwrap(string condition)
            {
                var trimmed = condition.Trim();
                return trimmed.StartsWith("${{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal) ? trimmed.Substring(3, trimmed.Length - 5) : trimmed;
            }

            public static string Interpolate(string text, Context context)
                => Embedded.Replace(text, m => AsString(Evaluate(m.Groups[1].Value, context)));

            public static bool Truthy(object? value) => value switch
            {
                null => false,
                bool b => b,
                string s => s.Length > 0,
                _ => true,
            };

            public static object? Evaluate(string expression, Context context)
            {
                var tokens = new List<string>();
                var position = 0;
                while (position < expression.Length)
                {
                    if (expression.Substring(position).Trim().Length == 0)
                    {
                        break;
                    }

                    var match = Token.Match(expression, position);
                    Assert.True(match.Success && match.Index == position, "cannot read the expression '" + expression + "' at " + position);
                    tokens.Add(match.Groups[1].Value);
                    position += match.Length;
                }

                var parser = new Parser(tokens, context);
                var value = parser.Or();
                Assert.True(parser.AtEnd, "unexpected text in expression '" + expression + "'");
                return value;
            }

            private static string AsString(object? value) => value switch
            {
                null => "",
                bool b => b ? "true" : "false",
                _ => (string)value,
            };

            private sealed class Parser
            {
                private readonly List<string> _tokens;
                private readonly Context _context;
                private int _next;

                public Parser(List<string> tokens, Context context)
                {
                    _tokens = tokens;
                    _context = context;
                }

                public bool AtEnd => _next == _tokens.Count;

                private string? Peek => _next < _tokens.Count ? _tokens[_next] : null;

                public object? Or()
                {
                    var left = And();
                    while (Peek == "||")
                    {
                        _next++;
                        var right = And();
                        left = Truthy(left) ? left : right;
                    }

                    return left;
                }

                private object? And()
                {
                    var left = Equality();
                    while (Peek == "&&")
                    {
                        _next++;
                        var right = Equality();
                        left = Truthy(left) ? right : left;
                    }

                    return left;
                }

                private object? Equality()
                {
                    var left = Unary();
                    while (Peek == "==" || Peek == "!=")
                    {
                        var op = _tokens[_next++];
                        var right = Unary();
                        var equal = string.Equals(AsString(left), AsString(right), StringComparison.OrdinalIgnoreCase);
                        left = op == "==" ? equal : !equal;
                    }

                    return left;
                }

                private object? Unary()
                {
                    if (Peek == "!")
                    {
                        _next++;
                        return !Truthy(Unary());
                    }

                    return Primary();
                }

                private object? Primary()
                {
                    var token = Peek ?? throw new InvalidDataException("expression ends early");
                    _next++;
                    if (token == "(")
                    {
                        var inner = Or();
                        Assert.True(Peek == ")", "missing ) in expression");
                        _next++;
                        return inner;
                    }

                    if (token.StartsWith("'", StringComparison.Ordinal))
                    {
                        return token.Substring(1, token.Length - 2).Replace("''", "'");
                    }

                    if (Peek == "(")
                    {
                        _next++;
                        var arguments = new List<object?>();
                        while (Peek != ")")
                        {
                            arguments.Add(Or());
                            if (Peek == ",")
                            {
                                _next++;
                            }
                        }

                        _next++;
                        var failed = _context.Steps.Take(_context.Steps.Count - 1).Any(s => s.Ran && s.ExitCode != 0);
                        return token switch
                        {
                            "always" => true,
                            "success" => !failed,
                            "failure" => failed,
                            "cancelled" => false,
                            "hashFiles" => HashFiles(arguments),
                            _ => throw new InvalidDataException("unknown function " + token + "()"),
                        };
                    }

                    if (token == "true" || token == "false")
                    {
                        return token == "true";
                    }

                    return Lookup(token);
                }

                /// <summary>hashFiles over literal paths: empty when none of the files exists, as GitHub answers for no match.</summary>
                private string HashFiles(List<object?> patterns)
                {
                    var files = patterns.Select(p => AsString(p)).ToList();
                    Assert.True(files.Count > 0 && files.All(f => f.IndexOfAny(new[] { '*', '?', '[', '!' }) < 0), "hashFiles here takes literal paths only");
                    var existing = files.Select(f => Path.Combine(_context.Workspace, f)).Where(File.Exists).ToList();
                    if (existing.Count == 0)
                    {
                        return "";
                    }

                    using var sha = System.Security.Cryptography.SHA256.Create();
                    return Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("\n", existing.Select(File.ReadAllText)))));
                }

                private string Lookup(string name)
                {
                    var parts = name.Split('.');
                    switch (parts[0])
                    {
                        case "inputs" when parts.Length == 2 && _context.Inputs != null:
                            Assert.True(_context.Inputs.ContainsKey(parts[1]), "expression reads input '" + parts[1] + "', which is not declared");
                            return _context.Inputs[parts[1]];
                        case "steps" when parts.Length == 4 && parts[2] == "outputs":
                            {
                                var step = _context.Steps.SingleOrDefault(s => s.Id == parts[1]);
                                Assert.True(step != null, "expression reads step '" + parts[1] + "', which is not an earlier step's id");
                                return step!.Outputs.TryGetValue(parts[3], out var value) ? value : "";
                            }

                        case "github" when parts.Length == 2 && parts[1] == "action_path" && _context.ActionPath != null:
                            return _context.ActionPath;
                        case "github" when parts.Length == 2 && parts[1] == "workspace":
                            return _context.Workspace;
                        default:
                            throw new InvalidDataException("the stand-in runner does not know '" + name + "'");
                    }
                }
            }
        }
    }

    /// <summary>
    /// A stand-in for an Azure Pipelines Linux agent: root-level steps in order, `condition:` with the status functions,
    /// `$(Name.Name)` macros replaced before a script runs (an unknown one fails the test), `script:` steps in bash as
    /// the agent runs them (no `set -e`: the last command's exit code decides), and `task:` steps handed to the test.
    /// </summary>
    internal sealed class AzureRunner
    {
        private static readonly Regex Macro = new Regex(@"\$\(([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)\)", RegexOptions.None, TimeSpan.FromSeconds(1));
        private readonly string _sources;
        private readonly string _basePath;
        private readonly Dictionary<string, string> _variables;
        private readonly Dictionary<string, string> _environment;

        public AzureRunner(string sources, string basePath, Dictionary<string, string> variables, Dictionary<string, string> environment)
        {
            _sources = sources;
            _basePath = basePath;
            _variables = variables;
            _environment = environment;
        }

        public Dictionary<string, Func<PipelineStep, int>> Tasks { get; } = new Dictionary<string, Func<PipelineStep, int>>(StringComparer.Ordinal);

        public List<PipelineStep> Steps { get; } = new List<PipelineStep>();

        public bool Failed => Steps.Any(s => s.Ran && s.ExitCode != 0);

        public string Expand(string text)
            => Macro.Replace(text, m =>
            {
                Assert.True(_variables.ContainsKey(m.Groups[1].Value), "the recipe uses $(" + m.Groups[1].Value + "), which this agent does not define");
                return _variables[m.Groups[1].Value];
            });

        public void Run(string pipelineYaml)
        {
            var pipeline = PipelineYaml.Map(PipelineYaml.Parse(pipelineYaml), "pipeline");
            foreach (var node in PipelineYaml.Seq(pipeline["steps"], "steps"))
            {
                var definition = PipelineYaml.Map(node, "step");
                var task = PipelineYaml.Str(definition, "task");
                var script = PipelineYaml.Str(definition, "script");
                var step = new PipelineStep(PipelineYaml.Str(definition, "displayName") ?? task ?? script!, PipelineYaml.Str(definition, "name"));
                var failed = Failed;
                Steps.Add(step);
                var condition = (PipelineYaml.Str(definition, "condition") ?? "succeeded()").Trim();
                var run = condition switch
                {
                    "succeeded()" => !failed,
                    "failed()" => failed,
                    "succeededOrFailed()" => true,
                    "always()" => true,
                    _ => throw new InvalidDataException("condition '" + condition + "' is not known to this agent"),
                };
                if (!run)
                {
                    continue;
                }

                step.Ran = true;
                if (task != null)
                {
                    step.Uses = task;
                    foreach (var pair in PipelineYaml.StringMap(definition, "inputs"))
                    {
                        step.With[pair.Key] = Expand(pair.Value);
                    }

                    Assert.True(Tasks.ContainsKey(task), "the test has no stand-in for task " + task);
                    step.ExitCode = Tasks[task](step);
                    continue;
                }

                Assert.True(script != null, "a step with neither script nor task");
                var file = Path.Combine(_variables["Agent.TempDirectory"], "step" + Steps.Count.ToString(CultureInfo.InvariantCulture) + ".sh");
                File.WriteAllText(file, Expand(script!));
                var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal) { ["TF_BUILD"] = "True", ["PATH"] = _basePath };
                foreach (var variable in _variables)
                {
                    environment[variable.Key.Replace('.', '_').ToUpperInvariant()] = variable.Value;
                }

                var result = DotnetCli.RunProgram("bash", _sources, new[] { "--noprofile", "--norc", file }, environment, timeoutSeconds: 300);
                step.ExitCode = result.ExitCode;
                step.Output = result.Output;
            }
        }
    }

    /// <summary>
    /// A stand-in for a GitLab runner with a bash image: a job's before_script and script lines in one bash with
    /// `set -eo pipefail` (the first failing line fails the job), after_script in a shell of its own whatever the
    /// result, CI variables in the environment.
    /// </summary>
    internal sealed class GitLabRunner
    {
        private readonly string _projectDirectory;
        private readonly string _basePath;
        private readonly Dictionary<string, string> _environment;

        public GitLabRunner(string projectDirectory, string basePath, Dictionary<string, string> environment)
        {
            _projectDirectory = projectDirectory;
            _basePath = basePath;
            _environment = environment;
        }

        public PipelineStep Script { get; private set; } = new PipelineStep("script", null);

        public PipelineStep AfterScript { get; private set; } = new PipelineStep("after_script", null);

        public Dictionary<object, object?> Job { get; private set; } = new Dictionary<object, object?>();

        public void Run(string pipelineYaml, string job)
        {
            Job = PipelineYaml.Map(PipelineYaml.Map(PipelineYaml.Parse(pipelineYaml), "pipeline")[job], "job " + job);
            var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal)
            {
                ["CI"] = "true",
                ["GITLAB_CI"] = "true",
                ["CI_PROJECT_DIR"] = _projectDirectory,
                ["PATH"] = _basePath,
            };
            foreach (var pair in PipelineYaml.StringMap(Job, "variables"))
            {
                environment[pair.Key] = pair.Value;
            }

            Script = RunLines("script", Lines("before_script").Concat(Lines("script")), environment);
            AfterScript = RunLines("after_script", Lines("after_script"), environment);
        }

        private IEnumerable<string> Lines(string key)
            => Job.TryGetValue(key, out var node) && node != null ? PipelineYaml.Seq(node, key).Select(l => (string)l!) : Enumerable.Empty<string>();

        private PipelineStep RunLines(string name, IEnumerable<string> lines, Dictionary<string, string> environment)
        {
            var step = new PipelineStep(name, null);
            var body = lines.ToList();
            if (body.Count == 0)
            {
                return step;
            }

            step.Ran = true;
            var result = DotnetCli.RunProgram("bash", _projectDirectory, new[] { "--noprofile", "--norc", "-c", "set -eo pipefail\n" + string.Join("\n", body) }, environment, timeoutSeconds: 300);
            step.ExitCode = result.ExitCode;
            step.Output = result.Output;
            return step;
        }
    }
}
