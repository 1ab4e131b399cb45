using System.Text.Json;
using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.StratifiedCv.Tests;

public sealed class EndToEndTests
{
    [Fact]
    public void Run_QuickTwice_JudgesEveryClaimAndWritesIdenticalReports()
    {
        string root = Path.Combine(Path.GetTempPath(), "stratified-cv-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            string first = Path.Combine(root, "a"), second = Path.Combine(root, "b");
            Assert.Equal(0, ScenarioHost.Run(new StratifiedCvScenario(), ["--quick", "--out", first]));
            Assert.Equal(0, ScenarioHost.Run(new StratifiedCvScenario(), ["--quick", "--out", second]));

            byte[] a = File.ReadAllBytes(Path.Combine(first, "report.json"));
            byte[] b = File.ReadAllBytes(Path.Combine(second, "report.json"));
            Assert.Equal(a, b);

            using var json = JsonDocument.Parse(a);
            var claims = json.RootElement.GetProperty("claims").EnumerateArray().ToList();
            Assert.Equal(Judging.All.Select(c => c.Id), claims.Select(c => c.GetProperty("id").GetString()));
            Assert.All(claims, c => Assert.Contains(c.GetProperty("verdict").GetString(), new[] { "holds", "partly holds", "does not hold", "inconclusive" }));
            foreach (string png in new[] { "fold-composition.png", "fold-ap-satellite-200.png", "stratification-benefit.png", "missing-distribution.png" })
            {
                Assert.True(new FileInfo(Path.Combine(first, png)).Length > 1000, png);
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
