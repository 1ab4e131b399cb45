using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.BaggingVsBoosting.Tests;

/// <summary>Constructed evidence shared by the judging tests and the reachability suite.</summary>
internal static class Evidence
{
    public static readonly Interval Undefined = new(double.NaN, double.NaN, double.NaN, 0.95, "test");

    /// <summary>Evidence on which every claim holds.</summary>
    public static DatasetEvidence Holding(string name = "a") => new()
    {
        Dataset = name,
        TestRows = 600,
        VarianceChange = new Interval(-0.8, -0.82, -0.76, 0.95, "test"),
        BiasChange = new Interval(-0.07, -0.12, -0.01, 0.95, "test"),
        BoostingBiasChange = new Interval(-0.6, -0.7, -0.5, 0.95, "test"),
        DiverseGain = new Interval(0.05, 0.04, 0.07, 0.95, "test"),
        IdenticalGain = 0,
        DiversityTrend = new Interval(-1, -1, -0.83, 0.95, "test"),
        VoteVsBest = new Interval(0.02, 0.005, 0.035, 0.95, "test"),
        VoteVsMean = new Interval(0.05, 0.03, 0.07, 0.95, "test"),
        VoteTestRows = 2300,
        NoiseDamage = [(2, new Interval(0.05, 0.03, 0.07, 0.95, "test")), (8, new Interval(0.05, 0.03, 0.07, 0.95, "test"))],
        AdaBoostNoiseDamage = [(2, new Interval(0.07, 0.03, 0.11, 0.95, "test")), (8, new Interval(0.18, 0.14, 0.22, 0.95, "test"))],
        AdaBoostFocus = [(2, new Interval(1.4, 1.35, 1.5, 0.95, "test")), (8, new Interval(1.5, 1.35, 1.65, 0.95, "test"))],
        BaggedStumpGain = new Interval(0.1, 0.06, 0.14, 0.95, "test"),
        BoostedStumpGain = new Interval(0.14, 0.1, 0.18, 0.95, "test"),
        OutOfBagMinusTest = new Interval(0.005, -0.01, 0.02, 0.95, "test"),
        OutOfBagTestRows = 2300,
        Repetitions = 20,
        NoiseRepetitions = 8,
    };

    public static Verdict VerdictOf(Claim claim, params DatasetEvidence[] evidence) =>
        Judging.Judge(evidence).Single(r => r.Claim == claim).Verdict;
}

public sealed class JudgingTests
{
    [Fact]
    public void Judge_AllHolding_EveryClaimHoldsInScenarioOrder()
    {
        var results = Judging.Judge([Evidence.Holding("a"), Evidence.Holding("b")]);
        Assert.Equal(new BaggingVsBoostingScenario().Claims, results.Select(r => r.Claim));
        Assert.All(results, r => Assert.Equal(Verdict.Holds, r.Verdict));
    }

    [Fact]
    public void BaggingCutsVariance_BiasMovesBeyondTheMargin_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Evidence.VerdictOf(BaggingVsBoostingScenario.BaggingCutsVariance, Evidence.Holding() with { BiasChange = new Interval(-0.5, -0.6, -0.4, 0.95, "test") }));

    [Fact]
    public void BaggingCutsVariance_VarianceIntervalStraddlesTheCut_Inconclusive() =>
        Assert.Equal(Verdict.Inconclusive, Evidence.VerdictOf(BaggingVsBoostingScenario.BaggingCutsVariance, Evidence.Holding() with { VarianceChange = new Interval(-0.3, -0.4, -0.2, 0.95, "test") }));

    [Fact]
    public void OutOfBag_IntervalWiderThanTheMargin_InconclusiveWithRowsNeeded()
    {
        // 600 test rows give a Newcombe half-width of about 0.035, more than the margin: the old criterion could never hold.
        var result = Judging.Judge([Evidence.Holding() with { OutOfBagMinusTest = new Interval(0.01, -0.025, 0.045, 0.95, "test"), OutOfBagTestRows = 600 }])[^1];
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Contains("needs about 1838 test rows to decide (now 600)", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void WeakLearners_BaggedStumpsGainNothing_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Evidence.VerdictOf(BaggingVsBoostingScenario.WeakLearnersCombine, Evidence.Holding() with { BaggedStumpGain = new Interval(-0.005, -0.01, -0.001, 0.95, "test") }));

    [Fact]
    public void NoiseSensitive_OneTreeSizeOnly_PartlyHolds()
    {
        var result = Judging.Judge([Evidence.Holding() with { NoiseDamage = [(2, new Interval(0.05, 0.03, 0.07, 0.95, "test")), (8, new Interval(-0.05, -0.07, -0.03, 0.95, "test"))] }])
            .Single(r => r.Claim == BaggingVsBoostingScenario.BoostingNoiseSensitive);
        Assert.Equal(Verdict.PartlyHolds, result.Verdict);
        Assert.Contains("gradient boosting, a, 8-leaf trees: does not hold", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void NoiseSensitive_AdaBoostWeightsNotOnFlippedRows_PartlyHoldsAndSaysWhy()
    {
        var result = Judging.Judge([Evidence.Holding() with { AdaBoostFocus = [(2, new Interval(0.9, 0.85, 0.95, 0.95, "test"))] }])
            .Single(r => r.Claim == BaggingVsBoostingScenario.BoostingNoiseSensitive);
        Assert.Equal(Verdict.PartlyHolds, result.Verdict);
        Assert.Contains("sensitivity holds", result.Judgement.Evidence, StringComparison.Ordinal);
        Assert.Contains("mechanism does not hold: a, 2-leaf trees: does not hold (flipped rows' share of AdaBoost's final row weight ÷ their share of the training rows = 0.9", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Diversity_IdenticalMembersGainSomething_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Evidence.VerdictOf(BaggingVsBoostingScenario.DiversityMatters, Evidence.Holding() with { IdenticalGain = 0.01 }));

    [Fact]
    public void Diversity_TrendUndefinedOnEveryResample_Inconclusive() =>
        Assert.Equal(Verdict.Inconclusive, Evidence.VerdictOf(BaggingVsBoostingScenario.DiversityMatters, Evidence.Holding() with { DiversityTrend = Evidence.Undefined }));

    [Fact]
    public void DifferentAlgorithms_VoteBeatsOnlyTheAverageMember_PartlyHoldsAndSaysWhy()
    {
        var result = Judging.Judge([Evidence.Holding() with { VoteVsBest = new Interval(-0.02, -0.03, -0.01, 0.95, "test") }]).Single(r => r.Claim == BaggingVsBoostingScenario.DifferentAlgorithms);
        Assert.Equal(Verdict.PartlyHolds, result.Verdict);
        Assert.Contains("best does not hold", result.Judgement.Evidence, StringComparison.Ordinal);
        Assert.Contains("mean holds", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void UndefinedEstimate_IsInconclusiveNotAFailure() =>
        Assert.Equal(Verdict.Inconclusive, Evidence.VerdictOf(BaggingVsBoostingScenario.BoostingCutsBias, Evidence.Holding() with { BoostingBiasChange = Evidence.Undefined }));

    [Fact]
    public void Criteria_Descriptions_StateTheRule()
    {
        var results = Judging.Judge([Evidence.Holding()]);
        Assert.All(results, r => Assert.Contains("holds if", r.Judgement.Criterion, StringComparison.Ordinal));
        Assert.Contains("inside ±0.03", results[^1].Judgement.Criterion, StringComparison.Ordinal);
        Assert.Contains("inside ±0.2", results[1].Judgement.Criterion, StringComparison.Ordinal);
        Assert.Contains("above 0.05", results[0].Judgement.Criterion, StringComparison.Ordinal);
    }
}
