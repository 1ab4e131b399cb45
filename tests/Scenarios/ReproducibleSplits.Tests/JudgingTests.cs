using ClassicalML.Scenarios;
using ClassicalML.Scenarios.ReproducibleSplits;

namespace ReproducibleSplits.Tests;

public sealed class JudgingTests
{
    private static readonly Measurements AllHold = new(
        TestShareInCommon: new Estimate(0.1, 0.09, 0.11),
        TestShareWasTraining: new Estimate(0.8, 0.79, 0.81),
        FlipsSharedSplit: new Count(5, 100),
        FlipsOwnSplit: new Count(40, 100),
        DifferenceSdSharedSplit: new Estimate(0.04, 0.035, 0.045),
        DifferenceSdOwnSplit: new Estimate(0.07, 0.06, 0.08),
        SameSeedIdentical: new Count(20, 20),
        OtherSeedDifferent: new Count(20, 20),
        RandomSplit: new SideChanges(new Count(339, 1000), new Count(241, 800)),
        HashSplit: new SideChanges(new Count(0, 1000), new Count(0, 800)),
        SingleThreadRetrains: new Count(6, 6),
        SingleThreadMaxDifference: 0);

    private static Verdict VerdictOf(Measurements m, Claim claim) =>
        Judging.Judge(m, ReproducibleSplitsScenario.Wilson).Single(r => r.Claim == claim).Verdict;


    [Fact]
    public void Judge_EveryClaimOnce_InClaimOrder()
    {
        var results = Judging.Judge(AllHold, ReproducibleSplitsScenario.Wilson);
        Assert.Equal(new ReproducibleSplitsScenario().Claims, results.Select(r => r.Claim));
        Assert.All(results, r => Assert.Equal(Verdict.Holds, r.Verdict));
    }

    [Fact]
    public void UnseededSplitsDiffer_ThreeOutcomes()
    {
        var claim = ReproducibleSplitsScenario.UnseededSplitsDiffer;
        Assert.Equal(Verdict.Holds, VerdictOf(AllHold, claim));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(AllHold with { TestShareInCommon = new Estimate(0.45, 0.4, 0.55) }, claim));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(AllHold with { TestShareWasTraining = new Estimate(0.45, 0.4, 0.55) }, claim));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(AllHold with { TestShareInCommon = new Estimate(0.9, 0.85, 0.95), TestShareWasTraining = new Estimate(0.05, 0.04, 0.06) }, claim));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(AllHold with { TestShareInCommon = new Estimate(double.NaN, double.NaN, double.NaN), TestShareWasTraining = new Estimate(double.NaN, double.NaN, double.NaN) }, claim));
    }

    [Fact]
    public void RankingFlips_ThreeOutcomes()
    {
        var claim = ReproducibleSplitsScenario.RankingFlips;
        Assert.Equal(Verdict.Holds, VerdictOf(AllHold, claim));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(AllHold with { FlipsOwnSplit = new Count(12, 100), FlipsSharedSplit = new Count(10, 100) }, claim));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(AllHold with { FlipsOwnSplit = new Count(38, 100), FlipsSharedSplit = new Count(44, 100) }, claim));
    }

    [Fact]
    public void NoisierComparison_ThreeOutcomes()
    {
        var claim = ReproducibleSplitsScenario.NoisierComparison;
        Assert.Equal(Verdict.Holds, VerdictOf(AllHold, claim));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(AllHold with { DifferenceSdOwnSplit = new Estimate(0.05, 0.04, 0.06), DifferenceSdSharedSplit = new Estimate(0.045, 0.04, 0.05) }, claim));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(AllHold with { DifferenceSdOwnSplit = new Estimate(0.03, 0.025, 0.035) }, claim));
    }

    [Fact]
    public void SeededSplitIdentical_ThreeOutcomes()
    {
        var claim = ReproducibleSplitsScenario.SeededSplitIdentical;
        Assert.Equal(Verdict.Holds, VerdictOf(AllHold, claim));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(AllHold with { OtherSeedDifferent = new Count(19, 20) }, claim));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(AllHold with { SameSeedIdentical = new Count(19, 20) }, claim));
    }

    [Fact]
    public void HashSplitStable_ThreeOutcomes()
    {
        var claim = ReproducibleSplitsScenario.HashSplitStable;
        var hashMoves = new SideChanges(new Count(3, 1000), new Count(0, 800));
        var randomBarelyMoves = new SideChanges(new Count(10, 1000), new Count(241, 800));
        Assert.Equal(Verdict.Holds, VerdictOf(AllHold, claim));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(AllHold with { HashSplit = hashMoves }, claim));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(AllHold with { RandomSplit = randomBarelyMoves }, claim));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(AllHold with { HashSplit = hashMoves, RandomSplit = randomBarelyMoves }, claim));
    }

    [Fact]
    public void SeededTrainingReproducible_ThreeOutcomes()
    {
        var claim = ReproducibleSplitsScenario.SeededTrainingReproducible;
        Assert.Equal(Verdict.Holds, VerdictOf(AllHold, claim));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(AllHold with { SingleThreadRetrains = new Count(5, 6), SingleThreadMaxDifference = 1e-12 }, claim));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(AllHold with { SingleThreadRetrains = new Count(5, 6), SingleThreadMaxDifference = 0.1 }, claim));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(AllHold with { SingleThreadMaxDifference = double.NaN }, claim));
    }

    [Fact]
    public void HashSplitStable_Evidence_QuotesTheCounts()
    {
        var result = Judging.Judge(AllHold, ReproducibleSplitsScenario.Wilson).Single(r => r.Claim == ReproducibleSplitsScenario.HashSplitStable);
        Assert.StartsWith("hash split moved 0 of 1000 rows after reordering and 0 of 800 after appending; seeded random split moved 0.339", result.Judgement.Evidence, StringComparison.Ordinal);
    }
}
