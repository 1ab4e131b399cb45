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
}
