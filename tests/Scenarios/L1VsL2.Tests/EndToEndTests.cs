using System.Text.Json;
using ClassicalML.Scenarios;
using ClassicalML.Scenarios.Testing;

namespace ClassicalML.Scenarios.L1VsL2.Tests;

public sealed class EndToEndTests
{
    [Fact]
    public void Run_QuickTwice_EveryClaimJudgedAndReportsByteIdentical()
    {
        string root = Path.Combine(Path.GetTempPath(), "l1-vs-l2-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            string a = Path.Combine(root, "a");
            string b = Path.Combine(root, "b");
            Assert.Equal(ScenarioHost.Success, ScenarioHost.Run(new L1VsL2Scenario(), ["--quick", "--out", a]));
            Assert.Equal(ScenarioHost.Success, ScenarioHost.Run(new L1VsL2Scenario(), ["--quick", "--out", b]));

            // Byte-identical except the wall-clock timings section (never compared by --check).
            byte[] first = File.ReadAllBytes(Path.Combine(a, "report.json"));
            using var json = JsonDocument.Parse(first);
            ReportAssert.IdenticalApartFromTimings(File.ReadAllText(Path.Combine(a, "report.json")), File.ReadAllText(Path.Combine(b, "report.json")));
            Assert.Equal("l1-vs-l2", json.RootElement.GetProperty("id").GetString());
            var claims = json.RootElement.GetProperty("claims").EnumerateArray().ToList();
            Assert.Equal(Judging.All.Select(c => c.Id), claims.Select(c => c.GetProperty("id").GetString()));
            Assert.All(claims, c => Assert.Contains(c.GetProperty("verdict").GetString(), new[] { "holds", "partly holds", "does not hold", "inconclusive" }));
            foreach (string figure in new[] { "coefficient-path-l1.png", "coefficient-path-l2.png", "sparsity.png", "test-auc.png", "group-share.png", "selection-over-draws.png" })
            {
                Assert.True(File.Exists(Path.Combine(a, figure)), figure);
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
