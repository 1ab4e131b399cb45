using System.Text.Json;
using ClassicalML.Scenarios.Testing;

namespace ClassicalML.Scenarios.BaggingVsBoosting.Tests;

public sealed class ScenarioRunTests
{
    [Fact]
    public void Run_QuickSettingsTwice_WritesIdenticalReportWithEveryClaimJudged()
    {
        var root = Path.Combine(Path.GetTempPath(), "bagging-vs-boosting-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            string first = Path.Combine(root, "a"), second = Path.Combine(root, "b");
            Assert.Equal(0, ScenarioHost.Run(new BaggingVsBoostingScenario(), ["--quick", "--out", first]));
            Assert.Equal(0, ScenarioHost.Run(new BaggingVsBoostingScenario(), ["--quick", "--out", second]));

            // Wall-clock timings are the one part that may differ (--check compares only their shape); all else byte for byte.
            var a = File.ReadAllText(Path.Combine(first, "report.json"));
            var b = File.ReadAllText(Path.Combine(second, "report.json"));
            ReportAssert.IdenticalApartFromTimings(a, b);

            using var report = JsonDocument.Parse(a);
            var claims = report.RootElement.GetProperty("claims").EnumerateArray().ToList();
            Assert.Equal(new BaggingVsBoostingScenario().Claims.Select(c => c.Id), claims.Select(c => c.GetProperty("id").GetString()));
            Assert.All(claims, c => Assert.Contains(c.GetProperty("verdict").GetString(), new[] { "holds", "partly holds", "does not hold", "inconclusive" }));
            foreach (var figure in new[] { "ensemble-size-spambase.png", "ensemble-size-synthetic.png", "diversity-trend-spambase.png", "diversity-trend-synthetic.png", "bias-variance-spambase.png", "bias-variance-synthetic.png", "label-noise-spambase.png", "label-noise-synthetic.png" })
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
