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
        Assert.Contains("each over the splits on which both models predict a positive at 0.5", result.Judgement.Criterion, StringComparison.Ordinal);
    }

    [Fact]
    public void BetterClassifier_Criterion_NamesTheFairBaselineAndTheThresholdFreeMetrics()
    {
        string criterion = Judged(Judging.ResamplingHelps, Holding()).Judgement.Criterion;
        Assert.Contains("Δ ROC AUC, Δ AP: threshold-free", criterion, StringComparison.Ordinal);
        Assert.Contains("against the plain model with its threshold tuned on out-of-fold training scores, the fair baseline", criterion, StringComparison.Ordinal);
        Assert.Contains("holds if the whole 95% corrected resampled t interval (Nadeau–Bengio, n_test/n_train of the splits) of the mean over the stratified train/test splits lies above 0.01", criterion, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_FromTheAnswerQuoteIt_TheOthersDoNot()
    {
        Assert.All(new[] { Judging.AccuracyMisleading, Judging.MajorityPrecision, Judging.ResamplingHelps, Judging.AugmentationHelps }, c => Assert.NotNull(c.Quote));
        Assert.All(new[] { Judging.RebalancingTradesPrecision, Judging.RocAucStable, Judging.PrAucMoreInformative, Judging.LeakBeforeSplit }, c => Assert.Null(c.Quote));
    }

    [Fact]
    public void EveryEffectClaim_Criterion_SaysItsIntervalIsOverTheSplits()
    {
        foreach (var result in Judging.Judge(Holding()).Where(r => r.Claim != Judging.MajorityPrecision))
        {
            Assert.Contains("corrected resampled t interval", result.Judgement.Criterion, StringComparison.Ordinal);
            Assert.Contains("per split", result.Judgement.Criterion, StringComparison.Ordinal);
        }

        Assert.Contains("split-1 test set (stratified bootstrap over its test rows", Judged(Judging.MajorityPrecision, Holding()).Judgement.Criterion, StringComparison.Ordinal);
    }

    [Fact]
    public void BetterClassifier_UndecidedOverSplits_SaysNoNumberOfSplitsDecidesWhenTheFloorIsTooWide()
    {
        // Mean 0.005 with a per-split SD of about 0.016 at n_test/n_train = 1: the half-width never falls below 1.96 · 0.016.
        var wide = SplitCase("wide", 0.02, -0.01, 0.03, -0.02, 0.005, 0.015, -0.005, 0.006);
        var result = Judged(Judging.ResamplingHelps, Holding() with { Resampling = [wide] });
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Contains("over 8 splits", result.Judgement.Evidence, StringComparison.Ordinal);
        Assert.Contains("no number of splits decides it at n_test/n_train = 1", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void BetterClassifier_UndecidedOverSplits_EstimatesTheSplitsWithTheCorrectedFormula()
    {
        // Mean 0.021, SD about 0.0074 over 4 splits at ratio 0.25: the interval (half-width t(3) · sqrt(1/4 + 0.25) · s ≈ 0.017)
        // contains 0.01, the floor z · sqrt(0.25) · s ≈ 0.0072 lies below the distance 0.011, so some J decides: the smallest
        // J whose corrected half-width falls below the distance.
        double[] values = [0.012, 0.02, 0.022, 0.03];
        var interval = ClassicalML.Evaluation.CorrectedResampledT.Interval(values, ClassicalML.Evaluation.ResamplingDesign.TrainTest(1, 4));
        var effect = new EffectCase("narrowing", interval.ToInterval(), values.Length) { TestTrainRatio = 0.25 };
        var result = Judged(Judging.ResamplingHelps, Holding() with { Resampling = [effect] });
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        double s = interval.StandardError / Math.Sqrt(0.25 + 0.25), distance = interval.Mean - 0.01;
        int expected = Enumerable.Range(5, 1000).First(j => MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, j - 1, 0.975) * Math.Sqrt((1.0 / j) + 0.25) * s < distance);
        Assert.Contains($"needs about {expected} splits to decide at n_test/n_train = 0.25 (now 4)", result.Judgement.Evidence, StringComparison.Ordinal);
    }
}
