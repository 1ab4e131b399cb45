using System.Text.Json;
using ClassicalML.Scenarios.Testing;

namespace ClassicalML.Scenarios.ImbalancedData.Tests;

public sealed class ScenarioRunTests
{
    [Fact]
    public void Run_QuickSettingsTwice_WritesIdenticalReportWithEveryClaimJudged()
    {
        string root = Path.Combine(Path.GetTempPath(), "imbalanced-data-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            string first = Path.Combine(root, "a"), second = Path.Combine(root, "b");
            Assert.Equal(0, ScenarioHost.Run(new ImbalancedDataScenario(), ["--quick", "--out", first]));
            Assert.Equal(0, ScenarioHost.Run(new ImbalancedDataScenario(), ["--quick", "--out", second]));

            // Wall-clock timings are the one part that may differ (--check compares only their shape); all else byte for byte.
            string a = File.ReadAllText(Path.Combine(first, "report.json"));
            string b = File.ReadAllText(Path.Combine(second, "report.json"));
            ReportAssert.IdenticalApartFromTimings(a, b);

            using var report = JsonDocument.Parse(a);
            var claims = report.RootElement.GetProperty("claims").EnumerateArray().ToList();
            Assert.Equal(Judging.All.Select(c => c.Id), claims.Select(c => c.GetProperty("id").GetString()));
            Assert.All(claims, c => Assert.Contains(c.GetProperty("verdict").GetString(), new[] { "holds", "partly holds", "does not hold", "inconclusive" }));
            foreach (string figure in new[] { "pr-satellite.png", "roc-letter.png", "f1-vs-fair-satellite.png", "f1-vs-fair-letter.png", "ap-gain-satellite.png" })
            {
                Assert.True(File.Exists(Path.Combine(first, figure)), figure);
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
}
