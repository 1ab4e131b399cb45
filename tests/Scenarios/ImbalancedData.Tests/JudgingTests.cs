using static ClassicalML.Scenarios.ImbalancedData.Tests.Evidence;

namespace ClassicalML.Scenarios.ImbalancedData.Tests;

public sealed class JudgingTests
{
    [Fact]
    public void Judge_AnyInput_JudgesEveryClaimOnceInOrder() =>
        Assert.Equal(Judging.All, Judging.Judge(Holding()).Select(r => r.Claim));

    [Fact]
    public void MajorityPrecision_NoPredictedPositive_DoesNotHoldAndNamesTheAccuracy()
    {
        var result = Judged(Judging.MajorityPrecision, Holding() with { Baselines = [Baseline("a")] });
        Assert.Equal(Verdict.DoesNotHold, result.Verdict);
        Assert.Equal(
            "a: 0 of 1000 test rows predicted positive; precision undefined (tp + fp = 0; undefined in 100% of resamples); accuracy 0.9 [0.9, 0.9] = 1 − prevalence 0.9",
            result.Judgement.Evidence);
        Assert.Contains(MajorityPrecisionCriterion.CannotHold, result.Judgement.Criterion, StringComparison.Ordinal);
    }

    [Fact]
    public void TradeOff_ExcludedPairs_ListedWithTheirReasonAndNotJudged()
    {
        var cases = new[]
        {
            Case("a, LR-w vs LR", 0.2, 0.1, 0.3),
            Case("b, LR-w vs LR", -0.5, -0.6, -0.4) with { ExcludedBecause = "LR at 0.5 predicts 0 of 1000 test rows positive; its precision is undefined in 100% of resamples" },
        };
        var result = Judged(Judging.RebalancingTradesPrecision, Holding() with { TradeOff = cases });
        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.EndsWith("excluded, not judged: b, LR-w vs LR (LR at 0.5 predicts 0 of 1000 test rows positive; its precision is undefined in 100% of resamples)", result.Judgement.Evidence, StringComparison.Ordinal);
        Assert.Contains("whose plain model has a defined precision on the test set and in every resample", result.Judgement.Criterion, StringComparison.Ordinal);
    }

    [Fact]
    public void BetterClassifier_Criterion_NamesTheFairBaselineAndTheThresholdFreeMetrics()
    {
        string criterion = Judged(Judging.ResamplingHelps, Holding()).Judgement.Criterion;
        Assert.Contains("Δ ROC AUC, Δ AP: threshold-free", criterion, StringComparison.Ordinal);
        Assert.Contains("against the plain model with its threshold tuned on out-of-fold training scores, the fair baseline", criterion, StringComparison.Ordinal);
        Assert.Contains("holds if the whole paired stratified 95% bootstrap interval over the test rows lies above 0.01", criterion, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_FromTheAnswerQuoteIt_TheOthersDoNot()
    {
        Assert.All(new[] { Judging.AccuracyMisleading, Judging.MajorityPrecision, Judging.ResamplingHelps, Judging.AugmentationHelps }, c => Assert.NotNull(c.Quote));
        Assert.All(new[] { Judging.RebalancingTradesPrecision, Judging.RocAucStable, Judging.PrAucMoreInformative, Judging.LeakBeforeSplit }, c => Assert.Null(c.Quote));
    }
}
