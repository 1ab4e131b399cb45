using System.CommandLine;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ClassicalML.Scenarios;

/// <summary>Runs a scenario as a console program: options, progress, console summary and the files
/// report.json, report.md and the figures.</summary>
/// <remarks>
/// Options: <c>--seed N</c>, <c>--out DIR</c> (default <c>results/&lt;id&gt;</c>), <c>--quick</c> (reduced
/// settings), <c>--verbose</c> (full exception details), <c>--print-id</c> (print the id and exit; used by
/// run-all), <c>--help</c>, and the scenario's own options. Exit codes: 0 done (whatever the verdicts),
/// 1 the scenario failed, 2 bad options. When the output is redirected or the terminal is dumb, progress is
/// printed as plain lines without ANSI escape codes.
/// </remarks>
public static class ScenarioHost
{
    /// <summary>Exit code of a completed run (whatever the verdicts).</summary>
    public const int Success = 0;

    /// <summary>Exit code when the scenario threw an exception.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for unknown or malformed options.</summary>
    public const int BadOptions = 2;

    internal static readonly IReadOnlyList<string> ReservedOptions = ["--seed", "--out", "--quick", "--verbose", "--print-id", "--help", "--version"];

    /// <summary>Parses <paramref name="args"/>, runs the scenario and writes its report. A scenario's whole <c>Program.cs</c> is
    /// <c>return ScenarioHost.Run(new MyScenario(), args);</c>.</summary>
    /// <typeparam name="TSettings">The scenario's settings type.</typeparam>
    /// <param name="scenario">The scenario.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code: <see cref="Success"/>, <see cref="Failed"/> or <see cref="BadOptions"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int Run<TSettings>(Scenario<TSettings> scenario, string[] args)
        where TSettings : ScenarioSettings
    {
        bool plain = Console.IsOutputRedirected
            || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal)
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = plain
            ? AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(Console.Out),
            })
            : AnsiConsole.Console;
        if (plain)
        {
            console.Profile.Width = 200; // logs have no terminal width; avoid wrapping evidence lines
        }

        return Run(scenario, args, console, Console.Out, Console.Error);
    }

    internal static int Run<TSettings>(Scenario<TSettings> scenario, string[] args, IAnsiConsole console, TextWriter output, TextWriter error)
        where TSettings : ScenarioSettings
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(args);
        string id = scenario.Id;

        var seed = new Option<int>("--seed") { Description = "Seed of every random draw (default: the scenario's)." };
        var outDir = new Option<string>("--out") { Description = $"Output folder for report.json, report.md and figures (default: results/{id})." };
        var quick = new Option<bool>("--quick") { Description = "Reduced settings for a quick look or a test." };
        var verbose = new Option<bool>("--verbose") { Description = "Print full exception details on failure." };
        var printId = new Option<bool>("--print-id") { Description = "Print the scenario id and exit." };
        var root = new RootCommand($"{scenario.Title} (question {scenario.Question.Number}: {scenario.Question.Text})");
        root.Options.Add(seed);
        root.Options.Add(outDir);
        root.Options.Add(quick);
        root.Options.Add(verbose);
        root.Options.Add(printId);
        var bound = new List<(ScenarioOption<TSettings> Definition, Option Option)>();
        foreach (var definition in scenario.Options)
        {
            var option = definition.CreateOption();
            root.Options.Add(option);
            bound.Add((definition, option));
        }

        int exitCode = Success;
        root.SetAction(parse =>
        {
            if (parse.GetValue(printId))
            {
                output.WriteLine(id);
                return;
            }

            TSettings settings = parse.GetValue(quick) ? scenario.QuickSettings : scenario.DefaultSettings;
            if (parse.GetResult(seed) is { Implicit: false })
            {
                settings = settings with { Seed = parse.GetValue(seed) };
            }

            foreach (var (definition, option) in bound)
            {
                settings = definition.Apply(parse, option, settings);
            }

            string directory = parse.GetValue(outDir) ?? Path.Combine("results", id);
            try
            {
                Execute(scenario, settings, directory, console);
            }
#pragma warning disable CA1031 // Any failure of the experiment becomes a one-line error and exit code 1.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error.WriteLine(parse.GetValue(verbose)
                    ? $"{id}: failed: {e}"
                    : $"{id}: failed: {e.GetType().Name}: {OneLine(e.Message)} (run with --verbose for details)");
                exitCode = Failed;
            }
        });

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"{id}: {string.Join("; ", parsed.Errors.Select(e => OneLine(e.Message).TrimEnd('.')))} (see --help)");
            return BadOptions;
        }

        int invoked = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return invoked != 0 ? invoked : exitCode;
    }

    /// <summary>Runs a scenario with given settings and writes report.json, report.md and the figures into a folder
    /// (what <see cref="Run{TSettings}(Scenario{TSettings}, string[])"/> does after parsing; handy in tests).</summary>
    /// <typeparam name="TSettings">The scenario's settings type.</typeparam>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="outputDirectory">The folder to write into (created if missing).</param>
    /// <param name="progress">Where progress goes.</param>
    /// <returns>The report that was written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The result is incomplete (see <see cref="ScenarioReport.Create{TSettings}"/>).</exception>
    public static ScenarioReport Execute<TSettings>(Scenario<TSettings> scenario, TSettings settings, string outputDirectory, IProgressReporter progress)
        where TSettings : ScenarioSettings
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(progress);
        var result = scenario.Run(settings, progress);
        var report = ScenarioReport.Create(scenario, settings, result);
        Write(report, outputDirectory);
        return report;
    }

    private static void Execute<TSettings>(Scenario<TSettings> scenario, TSettings settings, string outputDirectory, IAnsiConsole console)
        where TSettings : ScenarioSettings
    {
        if (console.Profile.Capabilities.Interactive)
        {
            console.Write(new Rule(scenario.Title).LeftJustified());
        }
        else
        {
            console.WriteLine($"{scenario.Title} ({scenario.Id})");
        }

        console.WriteLine($"Question {scenario.Question.Number}: {scenario.Question.Text}");
        ScenarioResult? result = null;
        if (console.Profile.Capabilities.Interactive)
        {
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context => result = scenario.Run(settings, new LiveProgressReporter(context)));
        }
        else
        {
            result = scenario.Run(settings, new PlainProgressReporter(console));
        }

        var report = ScenarioReport.Create(scenario, settings, result!);
        Write(report, outputDirectory);
        Show(report, console);
        console.WriteLine($"Wrote report.json, report.md and {report.Figures.Count} figure(s) to {outputDirectory}");
    }

    private static void Write(ScenarioReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(directory, "report.json"), report.ToJson(), utf8);
        File.WriteAllText(Path.Combine(directory, "report.md"), report.ToMarkdown(), utf8);
        foreach (var figure in report.Figures)
        {
            File.WriteAllBytes(Path.Combine(directory, figure.FileName), figure.RenderPng());
        }
    }

    private static void Show(ScenarioReport report, IAnsiConsole console)
    {
        console.WriteLine("Settings: " + string.Join(", ", report.Settings.Select(s => $"{s.Key} = {JsonValues.Format(s.Value)}")));
        foreach (var table in report.Tables)
        {
            var grid = new Table().Title(table.Name);
            foreach (var column in table.Columns)
            {
                grid.AddColumn(new TableColumn(new Text(column)));
            }

            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (table.Rows.Count > 0 && table.Rows[0][c].Kind != CellKind.Text)
                {
                    grid.Columns[c].RightAligned();
                }
            }

            foreach (var row in table.Rows)
            {
                grid.AddRow(row.Select(cell => (IRenderable)new Text(cell.ToString())));
            }

            console.Write(grid);
        }

        var claims = new Table().Title("claims");
        claims.AddColumn("Claim");
        claims.AddColumn("Verdict");
        claims.AddColumn("Evidence");
        foreach (var c in report.Claims)
        {
            string colour = c.Verdict switch { Verdict.Holds => "green", Verdict.PartlyHolds => "yellow", Verdict.Inconclusive => "blue", _ => "red" };
            claims.AddRow(new Text(c.Claim.Text), new Markup($"[{colour}]{Markup.Escape(c.Verdict.ToText())}[/]"), new Text(c.Judgement.Evidence));
        }

        console.Write(claims);
        if (report.Summary is not null)
        {
            console.WriteLine(report.Summary);
        }
    }

    private static string OneLine(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed class LiveProgressReporter(ProgressContext context) : IProgressReporter
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();

        public void Report(string stage, int completed, int total)
        {
            lock (_lock)
            {
                if (!_tasks.TryGetValue(stage, out var task))
                {
                    task = context.AddTask(Markup.Escape(stage), maxValue: Math.Max(total, 1));
                    _tasks.Add(stage, task);
                }

                task.MaxValue = Math.Max(total, 1);
                task.Value = Math.Clamp(completed, 0, task.MaxValue);
            }
        }
    }

    /// <summary>Plain lines for logs: one when a stage starts and one when it completes.</summary>
    private sealed class PlainProgressReporter(IAnsiConsole console) : IProgressReporter
    {
        private readonly HashSet<string> _started = new(StringComparer.Ordinal);
        private readonly HashSet<string> _done = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();

        public void Report(string stage, int completed, int total)
        {
            lock (_lock)
            {
                if (_started.Add(stage))
                {
                    console.WriteLine($"{stage}: started ({total} step(s))");
                }

                if (completed >= total && _done.Add(stage))
                {
                    console.WriteLine($"{stage}: done");
                }
            }
        }
    }
}
