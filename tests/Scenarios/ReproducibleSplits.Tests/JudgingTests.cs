using ClassicalML.Scenarios;
using ClassicalML.Scenarios.ReproducibleSplits;

namespace ClassicalML.Scenarios.ReproducibleSplits.Tests;

public sealed class JudgingTests
{
    [Fact]
    public void Judge_EveryClaimOnce_InClaimOrder()
    {
        var results = Judging.Judge(ReproducibleSplitsReachability.AllHold);
        Assert.Equal(new ReproducibleSplitsScenario().Claims, results.Select(r => r.Claim));
    }

    [Fact]
    public void Demonstrations_AreTheSeededRepeats()
    {
        Assert.Equal(
            [Judging.SeedDeterminesNumbers, Judging.SeedRepeatsSplit, Judging.RandomStateRepeats],
            Judging.All.Where(c => c.IsDemonstration));
    }

    [Fact]
    public void RankingFlips_Evidence_NamesTheTiedPairAsNotJudged()
    {
        var result = Judging.Judge(ReproducibleSplitsReachability.AllHold).Single(r => r.Claim == Judging.RankingFlips);
        Assert.Contains("tied pair, not judged", result.Judgement.Evidence, StringComparison.Ordinal);
        Assert.StartsWith("true ranking: logistic regression − a single tree = 0.07 [0.06, 0.08] AUC over 200 calls", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void HashSplitStable_Evidence_QuotesTheCounts()
    {
        var m = ReproducibleSplitsReachability.AllHold with
        {
            SeededGetSplits = new SideCounts("seeded get_splits", new Count(359, 1000), new Count(335, 900), new Count(0, 800)),
        };
        var result = Judging.Judge(m).Single(r => r.Claim == Judging.HashSplitStable);
        Assert.Equal(
            "hash: rows reordered: 0 of 1000 moved; rows deleted: 0 of 900 moved; rows appended: 0 of 800 moved; seeded get_splits: rows reordered: 359 of 1000 moved; rows deleted: 335 of 900 moved; rows appended: 0 of 800 moved",
            result.Judgement.Evidence);
    }
}

public sealed class QuestionTests
{
    [Fact]
    public void Report_ReconstructedAlsoQuestion_IsMarkedInMarkdownAndJson()
    {
        var scenario = new ReproducibleSplitsScenario();
        var result = new ScenarioResult { Tables = [], Claims = Judging.Judge(ReproducibleSplitsReachability.AllHold) };
        var report = ScenarioReport.Create(scenario, scenario.QuickSettings, result, ReplicationFile.Parse("{\"implementation\": \"none\", \"effects\": {}}", "test"));
        Assert.Contains("**Also question 63.** How Random Number Generator Works, e.g. rand() function in python works? *(this question's line is lost", report.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("\"number\": 63,\n        \"text\": \"How Random Number Generator Works, e.g. rand() function in python works?\",\n        \"reconstructed\": true", report.ToJson(), StringComparison.Ordinal);
    }
}
