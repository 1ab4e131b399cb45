namespace ClassicalML.Scenarios.BaggingVsBoosting.Tests;

public sealed class JudgingTests
{
    private static readonly Estimate Below = new(-0.02, -0.03, -0.01);
    private static readonly Estimate BelowOverlapping = new(-0.01, -0.03, 0.01);
    private static readonly Estimate Above = new(0.02, 0.01, 0.03);
    private static readonly Estimate AboveOverlapping = new(0.01, -0.01, 0.03);

    /// <summary>Evidence on which every claim holds.</summary>
    private static DatasetEvidence Holding(string name = "a") => new()
    {
        Dataset = name,
        VarianceChange = Below,
        DeepTreeBias2 = 0.10,
        BaggedBias2 = 0.11,
        BoostingBiasChange = Below,
        DiverseGain = Above,
        DiverseCorrelation = 0.3,
        IdenticalGain = 0,
        IdenticalCorrelation = 1,
        ExtraNoiseDamage = Above,
        OutOfBagMinusTest = new Estimate(0.005, -0.02, 0.025),
    };

    private static Verdict VerdictOf(Claim claim, params DatasetEvidence[] evidence) =>
        Judging.Judge(evidence).Single(r => r.Claim == claim).Verdict;

    [Fact]
    public void Judge_AllHolding_EveryClaimHoldsInScenarioOrder()
    {
        var results = Judging.Judge([Holding("a"), Holding("b")]);
        Assert.Equal(new BaggingVsBoostingScenario().Claims, results.Select(r => r.Claim));
        Assert.All(results, r => Assert.Equal(Verdict.Holds, r.Verdict));
    }

    [Fact]
    public void BaggingCutsVariance_ThreeVerdicts()
    {
        var claim = BaggingVsBoostingScenario.BaggingCutsVariance;
        Assert.Equal(Verdict.Holds, VerdictOf(claim, Holding()));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(claim, Holding() with { BaggedBias2 = 0.05 })); // bias² halved: more than 20%
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(claim, Holding() with { VarianceChange = BelowOverlapping }));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(claim, Holding(), Holding("b") with { VarianceChange = AboveOverlapping }));
    }

    [Fact]
    public void BoostingCutsBias_ThreeVerdicts()
    {
        var claim = BaggingVsBoostingScenario.BoostingCutsBias;
        Assert.Equal(Verdict.Holds, VerdictOf(claim, Holding(), Holding("b")));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(claim, Holding(), Holding("b") with { BoostingBiasChange = AboveOverlapping }));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(claim, Holding(), Holding("b") with { BoostingBiasChange = Above }));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(claim, Holding() with { BoostingBiasChange = new Estimate(double.NaN, double.NaN, double.NaN) }));
    }

    [Fact]
    public void DiversityMatters_ThreeVerdicts()
    {
        var claim = BaggingVsBoostingScenario.DiversityMatters;
        Assert.Equal(Verdict.Holds, VerdictOf(claim, Holding()));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(claim, Holding() with { IdenticalGain = 0.01 }));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(claim, Holding() with { DiverseGain = AboveOverlapping }));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(claim, Holding() with { DiverseGain = AboveOverlapping, IdenticalCorrelation = 0.9 }));
    }

    [Fact]
    public void BoostingNoiseSensitive_ThreeVerdicts()
    {
        var claim = BaggingVsBoostingScenario.BoostingNoiseSensitive;
        Assert.Equal(Verdict.Holds, VerdictOf(claim, Holding(), Holding("b")));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(claim, Holding(), Holding("b") with { ExtraNoiseDamage = BelowOverlapping }));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(claim, Holding() with { ExtraNoiseDamage = Below }));
    }

    [Fact]
    public void OutOfBagTracksTest_ThreeVerdicts()
    {
        var claim = BaggingVsBoostingScenario.OutOfBagTracksTest;
        Assert.Equal(Verdict.Holds, VerdictOf(claim, Holding()));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(claim, Holding() with { OutOfBagMinusTest = new Estimate(0.02, -0.01, 0.05) }));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(claim, Holding() with { OutOfBagMinusTest = new Estimate(0.05, 0.02, 0.08) }));
    }

    [Fact]
    public void Criteria_Descriptions_StateTheRule()
    {
        var results = Judging.Judge([Holding()]);
        Assert.All(results, r => Assert.Contains("holds if", r.Judgement.Criterion, StringComparison.Ordinal));
        Assert.Contains("within ±0.03", results[^1].Judgement.Criterion, StringComparison.Ordinal);
        Assert.Contains("at most 20%", results[0].Judgement.Criterion, StringComparison.Ordinal);
    }
}
