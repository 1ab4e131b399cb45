using ClassicalML.Scenarios;

namespace L1VsL2.Tests;

public sealed class JudgingTests
{
    private static L1ZerosMeasure Zeros(int atTuned, double allZero) => new("set", 10, atTuned, 1, allZero);

    [Fact]
    public void JudgeL1Zeros_ZerosAtTunedAndAllZeroEverywhere_Holds() =>
        Assert.Equal(Verdict.Holds, Judging.JudgeL1Zeros([Zeros(3, 100), Zeros(1, 10)]).Verdict);

    [Fact]
    public void JudgeL1Zeros_TunedModelKeepsEverything_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Judging.JudgeL1Zeros([Zeros(3, 100), Zeros(0, 10)]).Verdict);

    [Fact]
    public void JudgeL1Zeros_SomeSetNeverReachesZero_DoesNotHold()
    {
        var result = Judging.JudgeL1Zeros([Zeros(3, 100), Zeros(0, double.NaN)]);
        Assert.Equal(Verdict.DoesNotHold, result.Verdict);
        Assert.Contains("set: 0/10 zero at tuned λ=1, all zero from λ=NaN", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 1.0, 1.0, Verdict.Holds)]
    [InlineData(6, 0.8333, 1.0, Verdict.Holds)]
    [InlineData(10, 0.5, 1.0, Verdict.PartlyHolds)]
    [InlineData(5, 0.8, 0.8, Verdict.PartlyHolds)]
    [InlineData(20, 0.25, 1.0, Verdict.DoesNotHold)]
    [InlineData(2, 1.0, 0.4, Verdict.DoesNotHold)]
    [InlineData(0, double.NaN, 0.0, Verdict.DoesNotHold)]
    public void JudgeRecovery_PrecisionAndRecall_Verdict(int kept, double precision, double recall, Verdict expected) =>
        Assert.Equal(expected, Judging.JudgeRecovery(new RecoveryMeasure(kept, precision, recall, 0.25)).Verdict);

    [Theory]
    [InlineData(0, 1000, 19, 20, Verdict.Holds)]
    [InlineData(0, 1000, 17, 20, Verdict.PartlyHolds)]
    [InlineData(10, 1000, 20, 20, Verdict.PartlyHolds)]
    [InlineData(11, 1000, 20, 20, Verdict.DoesNotHold)]
    [InlineData(0, 1000, 10, 20, Verdict.DoesNotHold)]
    public void JudgeL2_ZerosAndNormSteps_Verdict(int zeros, int weights, int decreases, int steps, Verdict expected) =>
        Assert.Equal(expected, Judging.JudgeL2(new L2ShrinkMeasure(zeros, weights, decreases, steps)).Verdict);

    [Theory]
    [InlineData(1.0, Verdict.Holds)]
    [InlineData(0.95, Verdict.Holds)]
    [InlineData(0.8, Verdict.PartlyHolds)]
    [InlineData(0.5, Verdict.DoesNotHold)]
    [InlineData(double.NaN, Verdict.DoesNotHold)]
    public void JudgeDropOrder_PairShare_Verdict(double share, Verdict expected) =>
        Assert.Equal(expected, Judging.JudgeDropOrder(share).Verdict);

    [Fact]
    public void JudgeTunedSimilar_AllInsideMargin_Holds() =>
        Assert.Equal(Verdict.Holds, Judging.JudgeTunedSimilar(
            [new("a", new Estimate(0.001, 0.0003, 0.003)), new("b", new Estimate(-0.01, -0.019, 0.0))], 0.02).Verdict);

    [Fact]
    public void JudgeTunedSimilar_WideIntervalAroundZero_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Judging.JudgeTunedSimilar(
            [new("a", new Estimate(0.001, 0.0003, 0.003)), new("sonar", new Estimate(-0.06, -0.16, 0.04))], 0.02).Verdict);

    [Fact]
    public void JudgeTunedSimilar_ClearlyDifferent_DoesNotHold()
    {
        var result = Judging.JudgeTunedSimilar([new("a", new Estimate(0.001, 0.0003, 0.003)), new("b", new Estimate(0.05, 0.03, 0.07))], 0.02);
        Assert.Equal(Verdict.DoesNotHold, result.Verdict);
        Assert.Equal("a: 0.001 [0.0003, 0.003] (equivalent); b: 0.05 [0.03, 0.07] (different)", result.Judgement.Evidence);
    }

    [Fact]
    public void JudgeTunedSimilar_ExcludesZeroButInsideMargin_Holds() =>
        Assert.Equal(Verdict.Holds, Judging.JudgeTunedSimilar([new("spambase", new Estimate(0.0014, 0.0003, 0.0028))], 0.02).Verdict);

    [Fact]
    public void JudgeCorrelated_L1KeepsOneL2Spreads_Holds() =>
        Assert.Equal(Verdict.Holds, Judging.JudgeCorrelated(
            [new("a", 3, 1, 1.0, 3, 0.36), new("b", 3, 0, double.NaN, 3, 0.41)]).Verdict);

    [Fact]
    public void JudgeCorrelated_L1KeepsTwoButMoreConcentrated_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Judging.JudgeCorrelated(
            [new("a", 3, 2, 0.8, 3, 0.36), new("b", 3, 1, 1.0, 3, 0.41)]).Verdict);

    [Fact]
    public void JudgeCorrelated_L1DropsEveryGroup_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Judging.JudgeCorrelated([new("a", 3, 0, double.NaN, 3, 0.36)]).Verdict);

    [Fact]
    public void JudgeCorrelated_ExactCopiesSplitEvenly_DoesNotHold() =>
        Assert.Equal(Verdict.DoesNotHold, Judging.JudgeCorrelated([new("copy", 2, 2, 0.5, 2, 0.5)]).Verdict);

    [Fact]
    public void Claims_IdsAreDistinct_SixClaims()
    {
        Assert.Equal(6, Judging.All.Count);
        Assert.Equal(6, Judging.All.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Judging.All, new L1VsL2Scenario().Claims);
    }
}
