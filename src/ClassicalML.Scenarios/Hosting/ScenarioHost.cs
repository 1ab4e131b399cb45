using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ClassicalML.Scenarios;

/// <summary>Runs a scenario as a console program: options, progress, console summary and the files
/// report.json, report.md, the timings and the figures.</summary>
/// <remarks>
/// Options: <c>--seed N</c>, <c>--out DIR</c> (default <c>results/&lt;id&gt;</c>), <c>--quick</c> (reduced
/// settings), <c>--verbose</c> (full exception details), <c>--print-id</c> (print the id and exit; used by
/// run-all), <c>--help</c>, and the scenario's own options. Every option value and the output folder are checked
/// before the run starts. The run writes into a staging folder beside <c>DIR</c> and replaces <c>DIR</c> only when it
/// succeeded, so a failed or interrupted (SIGINT, SIGTERM) run leaves the previous report as it was (see
/// <see cref="StagedFolder"/>). Exit codes: 0 done (whatever the verdicts), 1 the scenario failed, 2 bad options
/// or output folder. When the output is redirected, the terminal is dumb or <c>CI</c> is set, progress is printed
/// as plain lines with the elapsed time, without ANSI escape codes.
/// </remarks>
public static class ScenarioHost
{
    /// <summary>Exit code of a completed run (whatever the verdicts).</summary>
    public const int Success = 0;

    /// <summary>Exit code when the scenario threw an exception.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for unknown or malformed options, values outside an option's range, or an unusable output folder.</summary>
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
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            || Environment.GetEnvironmentVariable("CI") is "true" or "True" or "1";
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

        return Run(scenario, args, console, Console.Out, Console.Error, TimeProvider.System);
    }

    internal static int Run<TSettings>(Scenario<TSettings> scenario, string[] args, IAnsiConsole console, TextWriter output, TextWriter error, TimeProvider? clock = null)
        where TSettings : ScenarioSettings
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(args);
        string id = scenario.Id;
        TSettings defaults = scenario.DefaultSettings;
        TSettings quickSettings = scenario.QuickSettings;

        var seed = new Option<int>("--seed") { Description = $"Seed of every random draw ({DefaultsText(defaults.Seed, quickSettings.Seed)})." };
        var outDir = new Option<string>("--out")
        {
            Description = $"Output folder for report.json, report.md, timings and figures; replaced only after a successful run (default results/{id}).",
        };
        var quick = new Option<bool>("--quick") { Description = "Reduced settings for a quick look or a test (default off)." };
        var verbose = new Option<bool>("--verbose") { Description = "Print full exception details on failure (default off)." };
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
            var option = definition.CreateOption(definition.HelpText(defaults, quickSettings));
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

            bool isQuick = parse.GetValue(quick);
            TSettings settings = isQuick ? quickSettings : defaults;
            if (parse.GetResult(seed) is { Implicit: false })
            {
                settings = settings with { Seed = parse.GetValue(seed) };
            }

            foreach (var (definition, option) in bound)
            {
                settings = definition.Apply(parse, option, settings);
            }

            exitCode = CheckOptions(scenario, bound, parse, settings, isQuick, error);
            if (exitCode != Success)
            {
                return;
            }

            exitCode = RunStaged(scenario, settings, parse.GetValue(outDir) ?? Path.Combine("results", id), parse.GetValue(verbose), console, error, clock ?? TimeProvider.System);
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

    /// <summary>Runs a scenario with given settings and writes report.json, report.md, the timings and the figures into a folder
    /// (what <see cref="Run{TSettings}(Scenario{TSettings}, string[])"/> does after parsing; handy in tests). The folder is
    /// replaced only when the run succeeded.</summary>
    /// <typeparam name="TSettings">The scenario's settings type.</typeparam>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="outputDirectory">The folder to write into (created if missing; an existing one must hold a report or nothing).</param>
    /// <param name="progress">Where progress goes.</param>
    /// <returns>The report that was written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A setting is outside its option's range, or <see cref="Scenario{TSettings}.CheckSettings"/> refuses the settings.</exception>
    /// <exception cref="OutputFolderException"><paramref name="outputDirectory"/> is a file, a folder holding other files, or cannot be written.</exception>
    /// <exception cref="InvalidOperationException">The result is incomplete (see <see cref="ScenarioReport.Create{TSettings}"/>).</exception>
    public static ScenarioReport Execute<TSettings>(Scenario<TSettings> scenario, TSettings settings, string outputDirectory, IProgressReporter progress)
        where TSettings : ScenarioSettings
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(progress);
        if (scenario.Options.Select(o => o.Problem(settings, scenario.DefaultSettings)).Append(scenario.CheckSettings(settings)).FirstOrDefault(p => p is not null) is { } problem)
        {
            throw new ArgumentException($"settings: {problem}", nameof(settings));
        }

        using var staged = StagedFolder.Create(outputDirectory, nameof(outputDirectory));
        var result = scenario.Run(settings, progress);
        var report = ScenarioReport.Create(scenario, settings, result);
        Write(report, staged.Staging);
        staged.Commit();
        return report;
    }

    internal static string OneLine(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Checks the output folder, runs the scenario into its staging folder and commits it; a failure, SIGINT or
    /// SIGTERM leaves <paramref name="directory"/> as it was.</summary>
    private static int RunStaged<TSettings>(Scenario<TSettings> scenario, TSettings settings, string directory, bool verbose,
        IAnsiConsole console, TextWriter error, TimeProvider clock)
        where TSettings : ScenarioSettings
    {
        string id = scenario.Id;
        StagedFolder staged;
        try
        {
            staged = StagedFolder.Create(directory, "--out");
        }
        catch (OutputFolderException e)
        {
            error.WriteLine($"{id}: {e.Message}");
            return BadOptions;
        }

        using (staged)
        using (OnInterrupt(signal =>
        {
            bool abandoned = staged.Abandon();
            if (console.Profile.Capabilities.Interactive)
            {
                console.Cursor.Show(true); // the live progress display hides it and has no chance to restore it
            }

            error.WriteLine(abandoned
                ? $"{id}: interrupted ({signal}); {directory} was left as it was."
                : $"{id}: interrupted ({signal}) after the report was written to {directory}.");
        }))
        {
            try
            {
                Execute(scenario, settings, staged, directory, console, clock);
                return Success;
            }
#pragma warning disable CA1031 // Any failure of the experiment becomes a one-line error and exit code 1.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error.WriteLine(verbose
                    ? $"{id}: failed: {e}"
                    : $"{id}: failed: {e.GetType().Name}: {OneLine(e.Message)} (run with --verbose for details)");
                return Failed;
            }
        }
    }

    /// <summary>Checks every scenario option's value before any work: a bad value on the command line is a bad option (exit 2);
    /// a default outside its own range is the scenario's bug (exit 1).</summary>
    private static int CheckOptions<TSettings>(Scenario<TSettings> scenario, List<(ScenarioOption<TSettings> Definition, Option Option)> bound, ParseResult parse,
        TSettings settings, bool isQuick, TextWriter error)
        where TSettings : ScenarioSettings
    {
        string id = scenario.Id;
        foreach (var (definition, option) in bound)
        {
            if (definition.Problem(settings, scenario.DefaultSettings) is not { } problem)
            {
                continue;
            }

            if (definition.IsGiven(parse, option))
            {
                error.WriteLine($"{id}: {problem}");
                return BadOptions;
            }

            error.WriteLine($"{id}: the scenario's {(isQuick ? "quick" : "default")} settings give {definition.Name} = " +
                $"{JsonValues.Format(definition.GetValue(settings))}, outside its range ({definition.Rule}); fix the scenario's settings.");
            return Failed;
        }

        if (scenario.CheckSettings(settings) is { } inconsistency)
        {
            error.WriteLine($"{id}: {inconsistency}");
            return BadOptions;
        }

        return Success;
    }

    private static string DefaultsText(int full, int quick) =>
        full == quick
            ? string.Create(CultureInfo.InvariantCulture, $"default {full}")
            : string.Create(CultureInfo.InvariantCulture, $"default {full}, with --quick {quick}");

    /// <summary>Calls <paramref name="handler"/> on SIGINT (Ctrl+C) and SIGTERM, before the default action (the process ends).</summary>
    private static SignalHandlers OnInterrupt(Action<PosixSignal> handler)
    {
        var registrations = new SignalHandlers();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, context => handler(context.Signal)));
            }
            catch (PlatformNotSupportedException)
            {
                // No signals here (e.g. a browser host): an interrupted run can only leave a staging folder, removed by the next run.
            }
        }

        return registrations;
    }

    private static void Execute<TSettings>(Scenario<TSettings> scenario, TSettings settings, StagedFolder staged, string directory, IAnsiConsole console, TimeProvider clock)
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
            result = scenario.Run(settings, new PlainProgressReporter(console, scenario.Id, clock));
        }

        var report = ScenarioReport.Create(scenario, settings, result!);
        Write(report, staged.Staging);
        staged.Commit();
        Show(report, console);
        string timings = report.Timings.Count > 0 ? $", {ScenarioReport.TimingsJsonFile}, {ScenarioReport.TimingsMarkdownFile}" : string.Empty;
        console.WriteLine($"Wrote report.json, report.md{timings} and {report.Figures.Count} figure(s) to {directory}");
    }

    /// <summary>Writes the report's files into an existing (staging) folder.</summary>
    private static void Write(ScenarioReport report, string directory)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(directory, "report.json"), report.ToJson(), utf8);
        File.WriteAllText(Path.Combine(directory, "report.md"), report.ToMarkdown(), utf8);
        if (report.Timings.Count > 0)
        {
            File.WriteAllText(Path.Combine(directory, ScenarioReport.TimingsJsonFile), report.TimingsToJson(), utf8);
            File.WriteAllText(Path.Combine(directory, ScenarioReport.TimingsMarkdownFile), report.TimingsToMarkdown(), utf8);
        }

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

    private sealed class SignalHandlers : IDisposable
    {
        private readonly List<PosixSignalRegistration> _registrations = [];

        public void Add(PosixSignalRegistration registration) => _registrations.Add(registration);

        public void Dispose() => _registrations.ForEach(r => r.Dispose());
    }
}
