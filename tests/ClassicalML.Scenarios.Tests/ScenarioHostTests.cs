using System.Text.Json;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.Tests;

public class ScenarioHostTests
{
    private static readonly string[] ExpectedFiles = ["box.png", "means.png", "pr.png", "quantiles.png", "report.json", "report.md", "roc.png"];

    [Fact]
    public void Run_QuickIntoTempDir_WritesReportsAndFigures()
    {
        using var dir = new TempDirectory();
        var run = HostRun.Of(new TwoSamplesScenario(), "--quick", "--out", dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(ExpectedFiles, Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var png in Directory.GetFiles(dir.Path, "*.png"))
        {
            Assert.True(new FileInfo(png).Length > 1000, $"{png} is too small to be a drawn figure");
        }
    }

    [Fact]
    public void Run_Report_HasSchemaKeysInOrder()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--quick", "--out", dir.Path).ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Combine("report.json")));
        var root = doc.RootElement;

        Assert.Equal(["id", "title", "question", "settings", "claims", "replication", "tables", "figures", "summary"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("two-samples", root.GetProperty("id").GetString());
        Assert.Equal(99, root.GetProperty("question").GetProperty("number").GetInt32());
        Assert.Equal("""{"seed":7,"size":40,"shift":1}""", JsonSerializer.Serialize(root.GetProperty("settings")));
        var claim = root.GetProperty("claims")[0];
        Assert.Equal(["id", "claim", "quote", "demonstration", "verdict", "criterion", "evidence"], claim.EnumerateObject().Select(p => p.Name));
        Assert.Contains(claim.GetProperty("verdict").GetString(), new[] { "holds", "partly holds", "does not hold", "inconclusive" });
        var row = root.GetProperty("tables").GetProperty("means")[0];
        Assert.Equal(["sample", "n", "mean (95% normal CI)", "sd"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["value", "lower", "upper"], row.GetProperty("mean (95% normal CI)").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["quantiles.png", "box.png", "means.png", "roc.png", "pr.png"], root.GetProperty("figures").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void Run_Twice_IdenticalReportBytes()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--quick", "--out", dir.Combine("a")).ExitCode);
        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--quick", "--out", dir.Combine("b")).ExitCode);

        Assert.Equal(File.ReadAllBytes(dir.Combine("a", "report.json")), File.ReadAllBytes(dir.Combine("b", "report.json")));
        Assert.Equal(File.ReadAllBytes(dir.Combine("a", "report.md")), File.ReadAllBytes(dir.Combine("b", "report.md")));
        Assert.Empty(ReportComparer.CompareDirectories(dir.Combine("a"), dir.Combine("b")));
    }

    [Fact]
    public void Run_OtherSeed_OtherNumbers()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--quick", "--out", dir.Combine("a")).ExitCode);
        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--quick", "--seed", "8", "--out", dir.Combine("b")).ExitCode);

        var differences = ReportComparer.Compare(File.ReadAllText(dir.Combine("a", "report.json")), File.ReadAllText(dir.Combine("b", "report.json")));
        Assert.Contains(differences, d => d.Path == "$.settings.seed" && d.Committed == "7" && d.New == "8");
        Assert.Contains(differences, d => d.Path == "$.tables.means[0][\"mean (95% normal CI)\"].value");
    }

    [Fact]
    public void Run_ScenarioOption_OverridesQuickSettings()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--quick", "--size", "25", "--shift", "0.5", "--out", dir.Path).ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Combine("report.json")));

        Assert.Equal("""{"seed":7,"size":25,"shift":0.5}""", JsonSerializer.Serialize(doc.RootElement.GetProperty("settings")));
        Assert.Equal(25, doc.RootElement.GetProperty("tables").GetProperty("means")[0].GetProperty("n").GetInt32());
    }

    [Fact]
    public void Run_NotInteractive_PlainLinesWithoutAnsi()
    {
        using var dir = new TempDirectory();
        var run = HostRun.Of(new TwoSamplesScenario(), "--quick", "--out", dir.Path);

        Assert.DoesNotContain('\u001b', run.Console);
        Assert.Contains("two-samples: step 1/40 (drawing), 0 s", run.Console);
        Assert.Contains("two-samples: step 40/40 (drawing), 0 s", run.Console);
        Assert.Contains("Question 99: Does a shifted sample have a larger mean?", run.Console);
        Assert.Contains("│ The shifted sample has the    │ holds        │", run.Console);
        Assert.Contains("Wrote report.json, report.md and 5 figure(s) to", run.Console);
    }

    [Fact]
    public void Run_Markdown_EmbedsFiguresAndVerdicts()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--quick", "--out", dir.Path).ExitCode);
        string md = File.ReadAllText(dir.Combine("report.md"));

        Assert.StartsWith("# Two samples\n\n**Question 99.** Does a shifted sample have a larger mean?\n", md);
        Assert.Contains("![ROC](roc.png)", md);
        Assert.Contains("| The shift is at least 0.5. *(not in the answer: checked beside it)* | **", md);
    }

    [Fact]
    public void Run_UnknownOption_OneLineErrorAndExit2()
    {
        var run = HostRun.Of(new TwoSamplesScenario(), "--folds", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("two-samples: Unrecognized command or argument '--folds'; Unrecognized command or argument '5' (see --help)", run.Error.TrimEnd());
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Run_SeedNotANumber_OneLineErrorAndExit2()
    {
        var run = HostRun.Of(new TwoSamplesScenario(), "--seed", "abc");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("two-samples: Cannot parse argument 'abc' for option '--seed'", run.Error);
    }

    [Fact]
    public void Run_ScenarioThrows_OneLineErrorAndExit1()
    {
        using var dir = new TempDirectory();
        var run = HostRun.Of(new FailingScenario(), "--out", dir.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("failing: failed: InvalidOperationException: data set 'x' is missing second line (run with --verbose for details)", run.Error.TrimEnd());
    }

    [Fact]
    public void Run_ScenarioThrowsVerbose_PrintsStackTrace()
    {
        using var dir = new TempDirectory();
        var run = HostRun.Of(new FailingScenario(), "--out", dir.Path, "--verbose");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("at ClassicalML.Scenarios.Tests.FailingScenario.Run", run.Error);
    }

    [Fact]
    public void Run_PrintId_PrintsIdOnly()
    {
        var run = HostRun.Of(new TwoSamplesScenario(), "--print-id");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("two-samples", run.Output.TrimEnd());
    }

    [Fact]
    public void Create_ClaimNotJudged_Throws()
    {
        var scenario = new TwoSamplesScenario();
        var result = new ScenarioResult { Tables = [], Claims = [TwoSamplesScenario.ShiftIsLarge.Judge(new ThresholdCriterion("x", Direction.Greater, 1, 0).Evaluate(2))] };

        var e = Assert.Throws<InvalidOperationException>(() => ScenarioReport.Create(scenario, scenario.QuickSettings, result));
        Assert.Equal("Scenario 'two-samples' did not judge claim(s) 'shifted-is-larger', 'most-pairs-ordered'; every claim needs a computed verdict.", e.Message);
    }

    [Fact]
    public void ToJson_NaNAndRoundTripDoubles_WrittenExactly()
    {
        var scenario = new TwoSamplesScenario();
        var judge = new ThresholdCriterion("x", Direction.Greater, 1, 0);
        var table = new ReportTable("t", ["a", "b", "c"]).AddRow(0.1 + 0.2, double.NaN, new Interval(1e-7, 0, double.PositiveInfinity, 0.95, "test"));
        var result = new ScenarioResult { Tables = [table], Claims = [.. scenario.Claims.Select(c => c.Judge(judge.Evaluate(2)))] };

        string json = ScenarioReport.Create(scenario, scenario.QuickSettings, result).ToJson();
        Assert.Contains("\"a\": 0.30000000000000004,\n        \"b\": \"NaN\",\n        \"c\": {\n          \"value\": 1E-07,\n          \"lower\": 0,\n          \"upper\": \"Infinity\"\n        }", json);
        Assert.DoesNotContain('\r', json);
    }
}

public class ScenarioHostOptionTests
{
    [Fact]
    public void Run_Help_ListsHostAndScenarioOptions()
    {
        var run = HostRun.Of(new TwoSamplesScenario(), "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--seed", "--out", "--quick", "--verbose", "--size", "--shift" })
        {
            Assert.Contains(option, run.Output);
        }

        Assert.Contains("Draws per sample (an integer from 2 to 100000; default 400, with --quick 40).", run.Output);
        Assert.Contains("Shift of the second sample's mean (a number from -10 to 10; default 1).", run.Output);
        Assert.Contains("Seed of every random draw (default 7).", run.Output);
        Assert.Contains("(default results/two-samples)", run.Output);
    }

    [Theory]
    [InlineData("--size", "0", "--size is 0; it must be an integer from 2 to 100000. Pass e.g. --size 400.")]
    [InlineData("--size", "100001", "--size is 100001; it must be an integer from 2 to 100000. Pass e.g. --size 400.")]
    [InlineData("--shift", "NaN", "--shift is NaN; it must be a number from -10 to 10. Pass e.g. --shift 1.")]
    [InlineData("--shift", "-10.5", "--shift is -10.5; it must be a number from -10 to 10. Pass e.g. --shift 1.")]
    public void Run_OptionOutsideRange_OneLineBeforeAnyWorkExit2(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        var scenario = new TwoSamplesScenario();
        var run = HostRun.Of(scenario, "--quick", option, value, "--out", dir.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"two-samples: {message}", run.Error.TrimEnd());
        Assert.Equal(0, scenario.Runs);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("100000")]
    public void Run_OptionAtRangeBound_Accepted(string size)
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--size", size, "--out", dir.Path).ExitCode);
    }

    [Fact]
    public void Run_ScenarioDefaultOutsideItsOwnRange_NamesTheScenarioBugExit1()
    {
        using var dir = new TempDirectory();
        var scenario = new TwoSamplesScenario { DefaultSize = 1 };
        var run = HostRun.Of(scenario, "--out", dir.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("two-samples: the scenario's default settings give --size = 1, outside its range (an integer from 2 to 100000); fix the scenario's settings.", run.Error.TrimEnd());
        Assert.Equal(0, scenario.Runs);
    }

    [Fact]
    public void Run_CheckSettingsRefuses_OneLineExit2()
    {
        var scenario = new TwoSamplesScenario { Consistency = s => s.Size > 50 && s.Shift < 0 ? "--size is large and --shift is negative; pick one." : null };
        var run = HostRun.Of(scenario, "--size", "60", "--shift", "-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("two-samples: --size is large and --shift is negative; pick one.", run.Error.TrimEnd());
        Assert.Equal(0, scenario.Runs);
    }

    [Fact]
    public void Execute_SettingOutsideRange_ThrowsBeforeRunning()
    {
        using var dir = new TempDirectory();
        var scenario = new TwoSamplesScenario();
        var e = Assert.Throws<ArgumentException>(() =>
            ScenarioHost.Execute(scenario, scenario.QuickSettings with { Size = 0 }, dir.Path, NullProgressReporter.Instance));

        Assert.StartsWith("settings: --size is 0; it must be an integer from 2 to 100000. Pass e.g. --size 400.", e.Message);
        Assert.Equal(0, scenario.Runs);
    }

    [Theory]
    [InlineData("--seed")]
    [InlineData("--out")]
    [InlineData("--quick")]
    public void Option_HostOptionName_Throws(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => TwoSamplesScenario.MakeOption(name));
        Assert.StartsWith($"name is '{name}', which the host already defines (--seed, --out, --quick, --verbose, --print-id, --help, --version); pick another name.", e.Message);
    }

    [Fact]
    public void Option_NameWithoutDashes_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => TwoSamplesScenario.MakeOption("folds"));
        Assert.StartsWith("name is 'folds'; an option name starts with '--', e.g. '--folds'.", e.Message);
    }

    [Fact]
    public void Run_SizeOptionWithoutValue_Exit2()
    {
        var run = HostRun.Of(new TwoSamplesScenario(), "--size");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("two-samples: Required argument missing for option: '--size' (see --help)", run.Error.TrimEnd());
    }

    [Fact]
    public void Report_ClaimsReturnedOutOfOrder_FollowDeclaredOrder()
    {
        var scenario = new TwoSamplesScenario { ReverseClaims = true };
        var report = ScenarioReport.Create(scenario, scenario.QuickSettings, scenario.Run(scenario.QuickSettings, NullProgressReporter.Instance));

        Assert.Equal(["shifted-is-larger", "shift-is-large", "most-pairs-ordered"], report.Claims.Select(c => c.Claim.Id));
    }

    [Fact]
    public void Run_InteractiveConsole_LiveProgressAndSameReport()
    {
        using var dir = new TempDirectory();
        var text = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.No,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Spectre.Console.InteractionSupport.Yes,
            Out = new Spectre.Console.AnsiConsoleOutput(text),
        });
        int code = ScenarioHost.Run(new TwoSamplesScenario(), ["--quick", "--out", dir.Combine("live")], console, TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, HostRun.Of(new TwoSamplesScenario(), "--quick", "--out", dir.Combine("plain")).ExitCode);

        Assert.Equal(0, code);
        Assert.StartsWith("── Two samples ──", text.ToString()); // the interactive path: a rule, then live progress
        Assert.DoesNotContain("step 1/40", text.ToString());
        Assert.Equal(File.ReadAllBytes(dir.Combine("plain", "report.json")), File.ReadAllBytes(dir.Combine("live", "report.json")));
    }
}
