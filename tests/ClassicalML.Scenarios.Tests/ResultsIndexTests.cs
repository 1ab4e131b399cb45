namespace ClassicalML.Scenarios.Tests;

public class ResultsIndexTests
{
    [Fact]
    public void Build_NoReports_SaysSo()
    {
        using var dir = new TempDirectory();
        Assert.EndsWith("No scenario has been run yet.\n", ResultsIndex.Build(dir.Path));
    }

    [Fact]
    public void Build_TwoScenarios_SortedByQuestionWithVerdicts()
    {
        using var dir = new TempDirectory();
        var scenario = new TwoSamplesScenario();
        ScenarioHost.Execute(scenario, scenario.QuickSettings, dir.Combine("two-samples"), NullProgressReporter.Instance);
        Directory.CreateDirectory(dir.Combine("early"));
        File.WriteAllText(dir.Combine("early", "report.json"), """
            {"id": "early", "title": "Early", "question": {"number": 3, "text": "Why?"}, "claims": [{"id": "a", "claim": "A | B", "verdict": "does not hold"}]}
            """);

        string[] lines = ResultsIndex.Build(dir.Path).Split('\n');
        Assert.StartsWith("2 scenario(s), 4 claim(s) judged as evidence: ", lines[4], StringComparison.Ordinal);
        Assert.Equal("| 3. Why? | [Early](early/report.md) | A \\| B | does not hold |", lines[8]);
        Assert.StartsWith("| 99. Does a shifted sample have a larger mean? | [Two samples](two-samples/report.md) | The shifted sample has the larger mean. | ", lines[9]);
        Assert.Equal(13, lines.Length); // 8 header lines, 4 claim rows, the empty string after the final newline
    }

    [Fact]
    public void Build_CountsInconclusiveAndLeavesDemonstrationsOut()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("a"));
        File.WriteAllText(dir.Combine("a", "report.json"), """
            {"id": "a", "title": "A", "question": {"number": 3, "text": "Why?"},
             "claims": [{"id": "x", "claim": "X", "verdict": "inconclusive", "demonstration": false},
                        {"id": "y", "claim": "Y", "verdict": "holds", "demonstration": true},
                        {"id": "z", "claim": "Z", "verdict": "holds", "demonstration": false}],
             "replication": {"implementation": "scikit-learn", "agree": 2, "total": 3, "effects": []}}
            """);

        string[] lines = ResultsIndex.Build(dir.Path).Split('\n');
        Assert.Equal("1 scenario(s), 2 claim(s) judged as evidence: 1 hold, 0 partly hold, 0 do not hold, 1 inconclusive; 1 demonstration(s), true by construction, not counted.", lines[4]);
        Assert.Equal("Second implementation (scikit-learn, each scenario's `replicate.py`): 2 of 3 main effects have the same direction as with ML.NET.", lines[6]);
        Assert.Contains("| 3. Why? | [A](a/report.md) | Y | holds (demonstration, not counted) |", lines);
    }

    [Fact]
    public void Build_FourVerdicts_CountsEach()
    {
        using var dir = new TempDirectory();
        WriteReport(dir, "a", 3, "holds", "partly holds", "does not hold", "inconclusive", "inconclusive");

        Assert.Equal("1 scenario(s), 5 claim(s) judged as evidence: 1 hold, 1 partly hold, 1 do not hold, 2 inconclusive.", ResultsIndex.Build(dir.Path).Split('\n')[4]);
        Assert.Equal("5 claims — 1 hold, 1 partly hold, 1 do not hold, 2 inconclusive", ResultsIndex.Summarize(dir.Path));
    }

    [Fact]
    public void Build_FailedScenarioWithEarlierResults_KeptAndMarkedWithErrorAndCommit()
    {
        using var dir = new TempDirectory();
        WriteReport(dir, "a", 3, "holds");
        WriteReport(dir, "b", 4, "does not hold");

        string index = ResultsIndex.Build(dir.Path, [new ScenarioFailure("b", "b: failed: InvalidDataException: bad hash (run with --verbose for details)", "abc1234")]);

        Assert.Contains("| 3. Why a? | [A](a/report.md) | Claim 0 of a. | holds |\n", index, StringComparison.Ordinal);
        Assert.Contains("| 4. Why b? | [B](b/report.md) (**failed on the last run**; results shown are from commit abc1234) | Claim 0 of b. | does not hold |\n", index, StringComparison.Ordinal);
        Assert.Contains("**1 scenario(s) failed on the last run**", index, StringComparison.Ordinal);
        Assert.EndsWith("## Failed on the last run\n\n- `b`: b: failed: InvalidDataException: bad hash (run with --verbose for details); results shown are from commit abc1234.\n", index);
    }

    [Fact]
    public void Build_FailedScenarioWithoutResults_GetsARow()
    {
        using var dir = new TempDirectory();
        WriteReport(dir, "a", 3, "holds");

        string index = ResultsIndex.Build(dir.Path, [new ScenarioFailure("new-one", "new-one: failed: boom", null)]);

        Assert.Contains("| | `new-one` (**failed on the last run**; no earlier results) | | |\n", index, StringComparison.Ordinal);
        Assert.Contains("- `new-one`: new-one: failed: boom; no earlier results.\n", index, StringComparison.Ordinal);
        Assert.Contains("1 scenario(s), 1 claim(s)", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StagingFolderLeftByAKilledRun_NotListed()
    {
        using var dir = new TempDirectory();
        WriteReport(dir, "a", 3, "holds");
        WriteReport(dir, "a.staging-77", 3, "does not hold");

        Assert.Contains("1 scenario(s), 1 claim(s) judged as evidence: 1 hold,", ResultsIndex.Build(dir.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFailures_TabSeparatedLines_ErrorMayHoldTabs()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("failures.tsv"), "a\tabc1234\ta: failed: x\ty\n\nb\t\tb: failed\n");

        Assert.Equal([new ScenarioFailure("a", "a: failed: x\ty", "abc1234"), new ScenarioFailure("b", "b: failed", null)], ResultsIndex.ReadFailures(dir.Combine("failures.tsv")));
    }

    private static void WriteReport(TempDirectory dir, string id, int question, params string[] verdicts)
    {
        Directory.CreateDirectory(dir.Combine(id));
        string claims = string.Join(", ", verdicts.Select((v, i) => $$"""{"id": "c{{i}}", "claim": "Claim {{i}} of {{id}}.", "verdict": "{{v}}"}"""));
        string title = id.Length == 1 ? id.ToUpperInvariant() : id;
        File.WriteAllText(dir.Combine(id, "report.json"), $$"""
            {"id": "{{id}}", "title": "{{title}}", "question": {"number": {{question}}, "text": "Why {{id}}?"}, "claims": [{{claims}}]}
            """);
    }
}
