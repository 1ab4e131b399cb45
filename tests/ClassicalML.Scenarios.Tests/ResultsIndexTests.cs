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
        Assert.Equal("2 scenario(s), 4 claim(s): ", lines[4][..27]);
        Assert.Equal("| 3. Why? | [Early](early/report.md) | A \\| B | does not hold |", lines[8]);
        Assert.StartsWith("| 99. Does a shifted sample have a larger mean? | [Two samples](two-samples/report.md) | The shifted sample has the larger mean. | ", lines[9]);
        Assert.Equal(13, lines.Length); // 8 header lines, 4 claim rows, the empty string after the final newline
    }
}
