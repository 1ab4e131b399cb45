using ClassicalML.Evaluation;
using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.L1VsL2.Tests;

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
        Assert.Contains("set: 0/10 zero at tuned λ=1, never all zero on the grid", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    private static Interval I(double value, double lower, double upper) => new(value, lower, upper, 0.95, "percentile bootstrap over draws");

    private static RecoveryMeasure R(Interval recall, Interval precision, int nothingKept = 0) => new(recall, precision, 40, nothingKept);

    [Theory]
    [InlineData(1.0, 0.97, 1.0, 0.9, 0.85, 0.95, Verdict.Holds)]
    [InlineData(1.0, 0.97, 1.0, 0.5, 0.45, 0.56, Verdict.PartlyHolds)]
    [InlineData(0.9, 0.85, 0.94, 0.9, 0.85, 0.95, Verdict.PartlyHolds)]
    [InlineData(0.96, 0.93, 0.99, 0.5, 0.45, 0.56, Verdict.PartlyHolds)]
    [InlineData(1.0, 0.97, 1.0, 0.22, 0.2, 0.24, Verdict.DoesNotHold)]
    [InlineData(0.6, 0.5, 0.7, 0.9, 0.85, 0.95, Verdict.DoesNotHold)]
    [InlineData(0.96, 0.93, 0.99, 0.9, 0.85, 0.95, Verdict.Inconclusive)]
    [InlineData(1.0, 0.97, 1.0, 0.27, 0.22, 0.31, Verdict.Inconclusive)]
    public void JudgeRecovery_MeanRecallAndPrecisionOverDraws_Verdict(double r, double rl, double ru, double p, double pl, double pu, Verdict expected) =>
        Assert.Equal(expected, Judging.JudgeRecovery(R(I(r, rl, ru), I(p, pl, pu))).Verdict);

    [Fact]
    public void JudgeRecovery_Evidence_StatesBothMeansAndTheDrawsThatKeptNothing()
    {
        var j = Judging.JudgeRecovery(R(I(1, 0.97, 1), I(0.27, 0.22, 0.31), nothingKept: 2)).Judgement;
        Assert.StartsWith("keeps the informative features: holds (mean recall (share of the 5 informative features kept) = 1 [0.97, 1] over 40 draws", j.Evidence, StringComparison.Ordinal);
        Assert.Contains("drops the noise: inconclusive (mean precision (informative share of the kept features) = 0.27 [0.22, 0.31] over 38 draws", j.Evidence, StringComparison.Ordinal);
        Assert.Contains("needs about", j.Evidence, StringComparison.Ordinal);
        Assert.EndsWith("; 2 of 40 draws kept no feature", j.Evidence, StringComparison.Ordinal);
        Assert.Contains("above 0.95", j.Criterion, StringComparison.Ordinal);
        Assert.Contains("above 0.8", j.Criterion, StringComparison.Ordinal);
        Assert.Contains("wholly between 0.25 and 0.8", j.Criterion, StringComparison.Ordinal);
    }

    [Fact]
    public void JudgeRecovery_NothingKeptInAnyDraw_DoesNotHold() =>
        Assert.Equal(Verdict.DoesNotHold, Judging.JudgeRecovery(R(I(0, 0, 0), new Interval(double.NaN, double.NaN, double.NaN, 0.95, "x"), 40)).Verdict);

    [Theory]
    [InlineData(0, 1000, 19, 20, Verdict.Holds)]
    [InlineData(0, 1000, 17, 20, Verdict.PartlyHolds)]
    [InlineData(10, 1000, 20, 20, Verdict.PartlyHolds)]
    [InlineData(11, 1000, 20, 20, Verdict.DoesNotHold)]
    [InlineData(0, 1000, 10, 20, Verdict.DoesNotHold)]
    public void JudgeL2_ZerosAndNormSteps_Verdict(int zeros, int weights, int decreases, int steps, Verdict expected) =>
        Assert.Equal(expected, Judging.JudgeL2(new L2ShrinkMeasure(zeros, weights, decreases, steps)).Verdict);

    private static DropOrderMeasure Share(string set, double value, double lower, double upper) => new(set, I(value, lower, upper), 40);

    [Theory]
    [InlineData(0.99, 0.97, 1.0, Verdict.Holds)]
    [InlineData(0.85, 0.82, 0.88, Verdict.PartlyHolds)]
    [InlineData(0.55, 0.5, 0.6, Verdict.DoesNotHold)]
    [InlineData(0.94, 0.92, 0.96, Verdict.Inconclusive)]
    [InlineData(0.76, 0.72, 0.8, Verdict.Inconclusive)]
    public void JudgeDropOrder_MeanShareOverDraws_Verdict(double share, double lower, double upper, Verdict expected) =>
        Assert.Equal(expected, Judging.JudgeDropOrder([Share("set", share, lower, upper)]).Verdict);

    [Fact]
    public void JudgeDropOrder_StrongInOrderWeakOutOfOrder_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Judging.JudgeDropOrder([Share("strong vs noise", 0.99, 0.97, 1), Share("graded", 0.6, 0.55, 0.65)]).Verdict);

    [Fact]
    public void JudgeDropOrder_Undecided_SaysHowManyDrawsWouldDecide() =>
        Assert.Contains("draws", Judging.JudgeDropOrder([Share("set", 0.94, 0.92, 0.96)]).Judgement.Evidence, StringComparison.Ordinal);

    private static OverfittingMeasure O(double gain, double lower, double upper, double shift) =>
        new("L2", new Interval(gain, lower, upper, 0.95, "test"), new Interval(gain + shift, lower + shift, upper + shift, 0.95, "test"), 52);

    [Fact]
    public void JudgeOverfitting_LowerTestLossAndSmallerGap_Holds() =>
        Assert.Equal(Verdict.Holds, Judging.JudgeOverfitting([O(4.5, 1.8, 7.7, 0.3)]).Verdict);

    [Fact]
    public void JudgeOverfitting_LowerTestLossButWiderGap_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Judging.JudgeOverfitting([O(0.05, 0.01, 0.1, -0.5)]).Verdict);

    [Fact]
    public void JudgeOverfitting_RegularizedWorseOnTest_DoesNotHold() =>
        Assert.Equal(Verdict.DoesNotHold, Judging.JudgeOverfitting([O(-0.2, -0.3, -0.1, 0.5)]).Verdict);

    [Fact]
    public void JudgeOverfitting_TestLossStraddlesZero_Inconclusive() =>
        Assert.Equal(Verdict.Inconclusive, Judging.JudgeOverfitting([O(0.05, -0.1, 0.2, 0.5)]).Verdict);

    private static TunedDifference D(string set, double value, double lower, double upper) => new(set, new Interval(value, lower, upper, 0.95, "test"), 143);

    [Fact]
    public void JudgeTunedSimilar_AllInsideMargin_Holds() =>
        Assert.Equal(Verdict.Holds, Judging.JudgeTunedSimilar([D("a", 0.001, 0.0003, 0.003), D("b", -0.01, -0.019, 0.0)], 0.02).Verdict);

    [Fact]
    public void JudgeTunedSimilar_WideIntervalAroundZero_Inconclusive()
    {
        var result = Judging.JudgeTunedSimilar([D("a", 0.001, 0.0003, 0.003), D("sonar", -0.06, -0.16, 0.04)], 0.02);
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Contains("sonar: inconclusive (test AUC(L1) − AUC(L2) = -0.06 [-0.16, 0.04] over 143 test rows: the interval contains -0.02", result.Judgement.Evidence, StringComparison.Ordinal);
        Assert.Contains("test rows to decide (now 143)", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void JudgeTunedSimilar_OneEquivalentOneDifferent_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Judging.JudgeTunedSimilar([D("a", 0.001, 0.0003, 0.003), D("b", 0.05, 0.03, 0.07)], 0.02).Verdict);

    [Fact]
    public void JudgeTunedSimilar_AllDifferent_DoesNotHold() =>
        Assert.Equal(Verdict.DoesNotHold, Judging.JudgeTunedSimilar([D("a", -0.05, -0.07, -0.03), D("b", 0.05, 0.03, 0.07)], 0.02).Verdict);

    [Fact]
    public void JudgeTunedSimilar_ExcludesZeroButInsideMargin_Holds() =>
        Assert.Equal(Verdict.Holds, Judging.JudgeTunedSimilar([D("spambase", 0.0014, 0.0003, 0.0028)], 0.02).Verdict);

    private static GroupMeasure G(string name, int size, int used, int confirming, int refits = 20) => new(name, size, refits, used, confirming, 1, size);

    [Fact]
    public void JudgeCorrelated_L1KeepsOneInEveryRefit_Holds() =>
        Assert.Equal(Verdict.Holds, Judging.JudgeCorrelated([G("size", 6, 20, 20), G("error", 3, 30, 30)]).Verdict);

    [Fact]
    public void JudgeCorrelated_KeptNoneIsNotKeptOne()
    {
        // A group L1 never uses is left out; it is not counted as "kept one".
        var result = Judging.JudgeCorrelated([G("size", 6, 20, 20), G("error", 3, 0, 0)]);
        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.Contains("(L1 kept no member in any refit, no evidence: error)", result.Judgement.Evidence, StringComparison.Ordinal);
        Assert.Equal(Verdict.Inconclusive, Judging.JudgeCorrelated([G("error", 3, 0, 0)]).Verdict);
    }

    [Fact]
    public void JudgeCorrelated_ExactCopySplitsEvenly_PartlyHoldsOverall() =>
        Assert.Equal(Verdict.PartlyHolds, Judging.JudgeCorrelated([G("size", 6, 20, 20), G("copy", 2, 20, 0)]).Verdict);

    [Fact]
    public void JudgeCorrelated_L1KeepsSeveralEverywhere_DoesNotHold() =>
        Assert.Equal(Verdict.DoesNotHold, Judging.JudgeCorrelated([G("size", 6, 20, 0), G("copy", 2, 20, 0)]).Verdict);

    [Fact]
    public void JudgeCorrelated_FewRefitsUseTheGroup_Inconclusive() =>
        Assert.Equal(Verdict.Inconclusive, Judging.JudgeCorrelated([G("error", 3, 5, 5)]).Verdict);

    [Theory]
    [InlineData(6, 1, 6, 0.3, true)]
    [InlineData(6, 2, 6, 0.3, true)]
    [InlineData(6, 3, 6, 0.3, false)]
    [InlineData(3, 1, 3, 0.4, true)]
    [InlineData(2, 1, 2, 0.5, true)]
    [InlineData(2, 2, 2, 0.5, false)]
    [InlineData(3, 0, 3, 0.4, false)]
    [InlineData(3, 1, 2, 0.5, false)]
    [InlineData(3, 1, 3, 0.7, false)]
    public void Confirms_OneOrAMinorityNotNone_L2KeepsAllAndSpreads(int size, int l1Kept, int l2Kept, double l2Share, bool expected) =>
        Assert.Equal(expected, GroupMeasure.Confirms(size, l1Kept, l2Kept, l2Share));

    private static ElasticNetMeasure Net(int pathConfirming, int sparseRefits, int groupConfirming) =>
        new([("a", 10, 10), ("b", 10, pathConfirming)], 20, sparseRefits, 40, groupConfirming);

    [Fact]
    public void JudgeElasticNet_SparseAndGrouped_Holds() =>
        Assert.Equal(Verdict.Holds, Judging.JudgeElasticNet(Net(10, 20, 40)).Verdict);

    [Fact]
    public void JudgeElasticNet_GroupedButNotSparseOverRefits_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, Judging.JudgeElasticNet(Net(10, 0, 40)).Verdict);

    [Fact]
    public void JudgeElasticNet_NeitherSparseNorGrouped_DoesNotHold()
    {
        var result = Judging.JudgeElasticNet(Net(0, 0, 0) with { PerSet = [("a", 10, 0)] });
        Assert.Equal(Verdict.DoesNotHold, result.Verdict);
        Assert.EndsWith("grid points with an elastic-net zero where L1 has one: a 0 of 10", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void JudgeElasticNet_FewChecks_Inconclusive() =>
        Assert.Equal(Verdict.Inconclusive, Judging.JudgeElasticNet(new ElasticNetMeasure([("a", 3, 3)], 3, 3, 3, 3)).Verdict);

    [Fact]
    public void Claims_IdsAreDistinct_EightClaims()
    {
        Assert.Equal(8, Judging.All.Count);
        Assert.Equal(8, Judging.All.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Judging.All, new L1VsL2Scenario().Claims);
    }
}
