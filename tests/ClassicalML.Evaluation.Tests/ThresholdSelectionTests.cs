using FsCheck.Xunit;

namespace ClassicalML.Evaluation.Tests;

public class ThresholdSelectionTests
{
    [Fact]
    public void MaximizeF1_HandComputed_PicksBestThreshold()
    {
        bool[] labels = [true, true, false, true, false, false];
        double[] scores = [0.9, 0.8, 0.7, 0.6, 0.3, 0.1];

        ThresholdChoice choice = ThresholdSelection.MaximizeF1(labels, scores);

        // t = 0.6: TP 3, FP 1, FN 0 → F1 = 6/7; t = 0.8: TP 2, FP 0, FN 1 → 4/5.
        Assert.Equal(new ThresholdChoice(0.6, 6.0 / 7.0, 0.75, 1.0, 1.0 / 3.0) { TruePositives = 3, FalsePositives = 1, TrueNegatives = 2, FalseNegatives = 0 }, choice);
        Assert.Equal(6.0 / 7.0, choice.F1);
    }

    [Fact]
    public void MaximizeF1_TiedValues_PicksHighestThreshold()
    {
        // t = 0.9: TP 1, FP 0, P 2 → F1 = 2/3; t = 0.5: TP 2, FP 2 → F1 = 4/6 = 2/3 as well.
        bool[] labels = [true, false, false, true];
        double[] scores = [0.9, 0.7, 0.6, 0.5];

        Assert.Equal(0.9, ThresholdSelection.MaximizeF1(labels, scores).Threshold);
    }

    [Fact]
    public void MaximizeYoudenJ_TiedValues_PicksHighestThreshold()
    {
        // J(0.9) = 1/2 − 0 = 1/2, J(0.7) = 1/2 − 1/2 = 0, J(0.5) = 1 − 1/2 = 1/2.
        bool[] labels = [true, false, true, false];
        double[] scores = [0.9, 0.7, 0.5, 0.2];

        ThresholdChoice choice = ThresholdSelection.MaximizeYoudenJ(labels, scores);

        Assert.Equal(new ThresholdChoice(0.9, 0.5, 1.0, 0.5, 0.0) { TruePositives = 1, FalsePositives = 0, TrueNegatives = 2, FalseNegatives = 1 }, choice);
        Assert.Equal(0.5, choice.TruePositiveRate);
    }

    [Fact]
    public void MaximizeF1_NoPositives_ThrowsWithFix()
    {
        var ex = Assert.Throws<ArgumentException>(() => ThresholdSelection.MaximizeF1([false, false], [0.2, 0.4]));

        Assert.Equal("labels", ex.ParamName);
        Assert.StartsWith("labels has no positive example; F1 is 0 at every threshold, so there is nothing to maximise. Pass labels that contain both classes.", ex.Message);
    }

    [Fact]
    public void MaximizeYoudenJ_OneClass_ThrowsWithCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => ThresholdSelection.MaximizeYoudenJ([true, true, true], [0.2, 0.4, 0.1]));

        Assert.StartsWith("labels has 3 positive and 0 negative examples; Youden's J needs both classes", ex.Message);
    }

    [Fact]
    public void MinimizeExpectedCost_HandComputed_WeighsFalseNegativesByCost()
    {
        bool[] labels = [true, true, false, true, false, false];
        double[] scores = [0.9, 0.8, 0.7, 0.6, 0.3, 0.1];

        // c_FP = 1, c_FN = 5: t = 0.9 costs (0 + 5·2)/6, t = 0.6 costs (1 + 0)/6, t = 0.3 costs 2/6.
        ThresholdChoice choice = ThresholdSelection.MinimizeExpectedCost(labels, scores, 1, 5);

        Assert.Equal(0.6, choice.Threshold);
        Assert.Equal(1.0 / 6.0, choice.Value);
        // π = 0.5: C = 0.5·FPR + 2.5·FNR; t = 0.6 gives 0.5/3, t = 0.8 gives 2.5/3.
        Assert.Equal(0.5 * (1.0 / 3.0), ThresholdSelection.MinimizeExpectedCost(labels, scores, 1, 5, positivePrior: 0.5).Value, 15);
    }

    [Fact]
    public void ConstrainedRules_Infeasible_ReturnNull()
    {
        bool[] labels = [false, true, false, true];
        double[] scores = [0.9, 0.8, 0.7, 0.6];

        Assert.Null(ThresholdSelection.MaximizeRecallAtPrecision(labels, scores, 0.9)); // best precision is 1/2
        Assert.Null(ThresholdSelection.MaximizeTprAtFpr(labels, scores, 0.25)); // the top row is a negative: FPR ≥ 1/2
        Assert.Equal(0.8, ThresholdSelection.MaximizeTprAtFpr(labels, scores, 0.5)!.Threshold);
        Assert.Equal(0.8, ThresholdSelection.ReachRecall(labels, scores, 0.5).Threshold);
        Assert.Equal(0.6, ThresholdSelection.ReachRecall(labels, scores, 0.51).Threshold);
    }

    [Fact]
    public void Bootstrap_OfTheChosenPoint_ComposesWithTheOneBootstrap()
    {
        var rng = new Random(17);
        bool[] labels = [.. Enumerable.Range(0, 200).Select(_ => rng.NextDouble() < 0.3)];
        double[] scores = [.. labels.Select(l => Math.Round((l ? 0.3 : 0) + rng.NextDouble(), 2))];
        ThresholdChoice choice = ThresholdSelection.MaximizeF1(labels, scores);

        BootstrapInterval fixedThreshold = Bootstrap.Percentile(labels, scores, (l, s) => BinaryEvaluation.Evaluate(l, s, choice.Threshold).Recall, seed: 3, resamples: 200);
        BootstrapInterval rechosen = Bootstrap.Percentile(labels, scores, (l, s) => ThresholdSelection.MaximizeF1(l, s).Value, seed: 3, resamples: 200, stratified: true);

        Assert.Equal(choice.Recall, fixedThreshold.Estimate);
        Assert.True(fixedThreshold.Lower < choice.Recall && choice.Recall < fixedThreshold.Upper, $"{fixedThreshold.Interval}");
        Assert.Equal(choice.Value, rechosen.Estimate);
        Assert.Equal(0, rechosen.UndefinedResamples);
        Assert.True(rechosen.Lower < choice.Value && choice.Value < rechosen.Upper, $"{rechosen.Interval}");
    }

    [Fact]
    public void MaximizeFBeta_BadBeta_NamesIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdSelection.MaximizeFBeta([true, false], [0.2, 0.4], 0));

        Assert.StartsWith("beta is 0; it must be a finite number greater than 0.", ex.Message);
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool MaximizeFBeta_BetaOne_IsMaximizeF1BitForBit(TwoClassSample s) =>
        ThresholdSelection.MaximizeFBeta(s.Labels, s.Scores, 1) == ThresholdSelection.MaximizeF1(s.Labels, s.Scores);

    [Property(Arbitrary = [typeof(Samples)])]
    public bool MaximizeBalancedAccuracy_AnySample_HasYoudensThresholdAndScikitLearnsValue(TwoClassSample s)
    {
        ThresholdChoice choice = ThresholdSelection.MaximizeBalancedAccuracy(s.Labels, s.Scores);
        BinaryReport at = BinaryEvaluation.Evaluate(s.Labels, s.Scores, choice.Threshold);
        return choice.Threshold == ThresholdSelection.MaximizeYoudenJ(s.Labels, s.Scores).Threshold
            && Math.Abs(at.BalancedAccuracy - choice.Value) <= 1e-15 && choice.TruePositives == at.TruePositives && choice.TrueNegatives == at.TrueNegatives;
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool MaximizeF1_AnySample_IsBestOverObservedScoresAndHighestAmongTies(TwoClassSample s)
    {
        ThresholdChoice choice = ThresholdSelection.MaximizeF1(s.Labels, s.Scores);
        BinaryReport at = BinaryEvaluation.Evaluate(s.Labels, s.Scores, choice.Threshold);
        bool consistent = at.F1 == choice.Value && at.Precision == choice.Precision && at.Recall == choice.Recall
            && at.FalsePositives / (double)at.Negatives == choice.FalsePositiveRate;
        bool best = s.Scores.Distinct().All(t =>
        {
            double f1 = BinaryEvaluation.Evaluate(s.Labels, s.Scores, t).F1;
            return f1 < choice.Value || (f1 == choice.Value && t <= choice.Threshold);
        });
        return consistent && best;
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool MaximizeYoudenJ_AnySample_IsBestOverObservedScoresAndHighestAmongTies(TwoClassSample s)
    {
        ThresholdChoice choice = ThresholdSelection.MaximizeYoudenJ(s.Labels, s.Scores);
        BinaryReport at = BinaryEvaluation.Evaluate(s.Labels, s.Scores, choice.Threshold);
        bool consistent = Math.Abs(at.Recall - (1 - at.Specificity) - choice.Value) <= 1e-15 && at.Recall == choice.TruePositiveRate;

        // Compare exactly: J·P·N = TP·N − FP·P is an integer.
        long Scaled(double t)
        {
            BinaryReport r = BinaryEvaluation.Evaluate(s.Labels, s.Scores, t);
            return ((long)r.TruePositives * r.Negatives) - ((long)r.FalsePositives * r.Positives);
        }

        long chosen = Scaled(choice.Threshold);
        bool best = s.Scores.Distinct().All(t => Scaled(t) < chosen || (Scaled(t) == chosen && t <= choice.Threshold));
        return consistent && best;
    }
}
