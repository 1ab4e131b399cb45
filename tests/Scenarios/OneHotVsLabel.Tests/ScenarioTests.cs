using System.Text.Json;
using ClassicalML.Scenarios;
using ClassicalML.Scenarios.Testing;
using ClassicalML.Scenarios.OneHotVsLabel;

namespace ClassicalML.Scenarios.OneHotVsLabel.Tests;

public class ScenarioTests
{
    private static string RunQuick(string folder)
    {
        var scenario = new OneHotVsLabelScenario();
        ScenarioHost.Execute(scenario, scenario.QuickSettings, folder, NullProgressReporter.Instance);
        return Path.Combine(folder, "report.json");
    }

    [Fact]
    public void Run_QuickTwice_EveryClaimJudgedAndReportsIdenticalApartFromTimings()
    {
        var root = Path.Combine(Path.GetTempPath(), "onehot-vs-label-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = RunQuick(Path.Combine(root, "a"));
            var second = RunQuick(Path.Combine(root, "b"));
            // Byte-identical: the wall-clock timings are in timings.json beside the report, not in it.
            var (a, b) = (File.ReadAllText(first), File.ReadAllText(second));
            Assert.Equal(a, b);
            ReportAssert.IdenticalApartFromTimings(a, b);
            Assert.True(File.Exists(Path.Combine(root, "a", "timings.json")));

            using var json = JsonDocument.Parse(File.ReadAllBytes(first));
            var claims = json.RootElement.GetProperty("claims").EnumerateArray().ToList();
            Assert.Equal(new OneHotVsLabelScenario().Claims.Select(c => c.Id), claims.Select(c => c.GetProperty("id").GetString()));
            Assert.All(claims, c => Assert.Contains(c.GetProperty("verdict").GetString(), new[] { "holds", "partly holds", "does not hold", "inconclusive" }));
            var tables = json.RootElement.GetProperty("tables");
            Assert.Equal(8 * 2, tables.GetProperty("german-scores").GetArrayLength());
            Assert.Equal(2 * 6, tables.GetProperty("synthetic-sizes").GetArrayLength());
            Assert.Equal(2 * 5, tables.GetProperty("synthetic-remedies").GetArrayLength());
            Assert.Equal(OneHotVsLabelScenario.ColumnCounts(13).Length, tables.GetProperty("columns-vs-levels").GetArrayLength());
            foreach (var figure in new[] { "german-auc-logistic.png", "german-auc-fasttree.png", "german-f1-logistic.png", "german-f1-fasttree.png", "german-auc-vs-one-hot-logistic.png", "german-auc-vs-one-hot-fasttree.png", "synthetic-auc-vs-one-hot.png", "synthetic-features.png", "synthetic-memory.png" })
            {
                Assert.True(File.Exists(Path.Combine(root, "a", figure)), figure);
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(10000, new[] { 10, 100, 1000, 10000 })]
    [InlineData(5000, new[] { 10, 100, 1000, 5000 })]
    [InlineData(10, new[] { 10 })]
    public void LevelGrid_MaxLevels_PowersOfTenThenMax(int maxLevels, int[] expected) =>
        Assert.Equal(expected, OneHotVsLabelScenario.LevelGrid(maxLevels));

    [Fact]
    public void Run_OneFold_ThrowsWithFix()
    {
        var scenario = new OneHotVsLabelScenario();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => scenario.Run(scenario.QuickSettings with { GermanFolds = 1 }, NullProgressReporter.Instance));
        Assert.StartsWith("--german-folds is 1; it must be at least 2. Use 10.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13, new[] { 1, 4, 8, 13 })]
    [InlineData(2, new[] { 1, 2 })]
    [InlineData(1, new[] { 1 })]
    public void ColumnCounts_Columns_OneThenThirdsThenAll(int columns, int[] expected) =>
        Assert.Equal(expected, OneHotVsLabelScenario.ColumnCounts(columns));

    [Fact]
    public void Claims_QuestionAndIds_AsInTheIssue()
    {
        var scenario = new OneHotVsLabelScenario();
        Assert.Equal(57, scenario.Question.Number);
        Assert.Equal("one-hot-vs-label", scenario.Id);
        Assert.Equal(4, scenario.Claims.Count);
    }
}
