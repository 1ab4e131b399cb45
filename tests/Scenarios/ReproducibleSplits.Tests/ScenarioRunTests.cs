using System.Text.Json;
using ClassicalML.Scenarios;
using ClassicalML.Scenarios.Testing;
using ClassicalML.Scenarios.ReproducibleSplits;

namespace ClassicalML.Scenarios.ReproducibleSplits.Tests;

public sealed class ScenarioRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reproducible-splits-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Run_QuickTwice_EveryClaimJudged_ReportsIdenticalOutsideTimings()
    {
        string first = Path.Combine(_root, "a"), second = Path.Combine(_root, "b");
        Assert.Equal(ScenarioHost.Success, ScenarioHost.Run(new ReproducibleSplitsScenario(), ["--quick", "--out", first]));
        Assert.Equal(ScenarioHost.Success, ScenarioHost.Run(new ReproducibleSplitsScenario(), ["--quick", "--out", second]));

        string a = File.ReadAllText(Path.Combine(first, "report.json"));
        string b = File.ReadAllText(Path.Combine(second, "report.json"));
        using var report = JsonDocument.Parse(a);
        var claims = report.RootElement.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(new ReproducibleSplitsScenario().Claims.Select(c => c.Id), claims.Select(c => c.GetProperty("id").GetString()));
        Assert.All(claims, c => Assert.Contains(c.GetProperty("verdict").GetString(), new[] { "holds", "partly holds", "does not hold", "inconclusive" }));
        foreach (string figure in new[] { "get-splits-sizes.png", "test-set-overlap.png", "auc-differences.png", "ranking-flips.png", "side-changes.png" })
        {
            Assert.True(File.Exists(Path.Combine(first, figure)), figure);
        }

        // Multi-threaded training results and wall-clock times live under "timings" and may differ; everything else is byte-identical.
        ReportAssert.IdenticalApartFromTimings(a, b);
    }

    [Fact]
    public void Run_BadNewDataShare_ExitsWithOneLineError()
    {
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(ScenarioHost.BadOptions, ScenarioHost.Run(new ReproducibleSplitsScenario(), ["--quick", "--new-data-share", "1.5", "--out", Path.Combine(_root, "bad")]));
        }
        finally
        {
            Console.SetError(saved);
        }

        // The host checks the option's range before any work (exit code 2) and creates no output folder.
        Assert.Equal("reproducible-splits: --new-data-share is 1.5; it must be a number from 0.05 to 0.5. Pass e.g. --new-data-share 0.2.", error.ToString().TrimEnd());
        Assert.False(Directory.Exists(Path.Combine(_root, "bad")));
    }
}
