using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>Labels, small integer-valued scores (frequent ties) and integer weights 0–4, at least one above 0.</summary>
public sealed record WeightedSample(bool[] Labels, double[] Scores, double[] Weights)
{
    /// <summary>The scores mapped into [0, 1], so that log loss and Brier score are defined.</summary>
    public double[] Probabilities => [.. Scores.Select(s => (s + 5) / 10)];

    public override string ToString() =>
        $"{new Sample(Labels, Scores)} weights [{string.Join(",", Weights)}]";
}

/// <summary>FsCheck generators for <see cref="WeightedSample"/>.</summary>
public static class WeightedSamples
{
    public static Arbitrary<WeightedSample> AnyWeightedSample() =>
        (from n in Gen.Choose(1, 40)
         from labels in Gen.ArrayOf(Gen.Elements(true, false), n)
         from ints in Gen.ArrayOf(Gen.Choose(-5, 5), n)
         from weights in Gen.ArrayOf(Gen.Choose(0, 4), n)
         from positiveAt in Gen.Choose(0, n - 1)
         select Make(labels, ints, weights, positiveAt)).ToArbitrary();

    private static WeightedSample Make(bool[] labels, int[] ints, int[] weights, int positiveAt)
    {
        weights[positiveAt] = Math.Max(1, weights[positiveAt]); // not all 0
        return new WeightedSample(labels, [.. ints.Select(i => (double)i)], [.. weights.Select(w => (double)w)]);
    }
}

/// <summary>
/// The weighted metrics' invariants: weights of 1 give the unweighted numbers bit for bit, integer weights those of
/// rows repeated, and scaling every weight by c changes nothing but rounding (1e-12).
/// </summary>
public class WeightedBinaryPropertyTests
{
    [Property(Arbitrary = [typeof(WeightedSamples)])]
    public bool Evaluate_WeightsOfOne_EqualUnweightedBitForBit(WeightedSample s, bool probabilities, ZeroDivision policy)
    {
        double[] scores = probabilities ? s.Probabilities : s.Scores;
        double[] ones = [.. s.Weights.Select(_ => 1.0)];
        ZeroDivision zd = Enum.IsDefined(policy) ? policy : ZeroDivision.NaN;
        BinaryReport weighted = BinaryEvaluation.Evaluate(s.Labels, scores, ones, zeroDivision: zd);
        BinaryReport plain = BinaryEvaluation.Evaluate(s.Labels, scores, zeroDivision: zd);
        return Metrics(weighted).SequenceEqual(Metrics(plain))
            && weighted.Undefined.Select(u => u.Metric).SequenceEqual(plain.Undefined.Select(u => u.Metric))
            && weighted.WeightedCounts == new ConfusionWeights(plain.TruePositives, plain.FalsePositives, plain.TrueNegatives, plain.FalseNegatives)
            && plain.WeightedCounts is null;
    }

    [Property(Arbitrary = [typeof(WeightedSamples)])]
    public bool RankingAndCurves_WeightsOfOne_EqualUnweightedBitForBit(WeightedSample s, bool dropIntermediate)
    {
        double[] ones = [.. s.Weights.Select(_ => 1.0)];
        return Same(Roc.Auc(s.Labels, s.Scores, ones), Roc.Auc(s.Labels, s.Scores))
            && Same(PrecisionRecall.AveragePrecision(s.Labels, s.Scores, ones), PrecisionRecall.AveragePrecision(s.Labels, s.Scores))
            && Points(Roc.Curve(s.Labels, s.Scores, ones, dropIntermediate)).SequenceEqual(Points(Roc.Curve(s.Labels, s.Scores, dropIntermediate)))
            && Points(PrecisionRecall.Curve(s.Labels, s.Scores, ones)).SequenceEqual(Points(PrecisionRecall.Curve(s.Labels, s.Scores)))
            && Choices(s.Labels, s.Scores, ones).SequenceEqual(Choices(s.Labels, s.Scores, null));
    }

    [Property(Arbitrary = [typeof(WeightedSamples)])]
    public bool Everything_IntegerWeights_EqualsRowsRepeated(WeightedSample s, bool dropIntermediate)
    {
        (bool[] labels, double[] scores) = Repeat(s.Labels, s.Probabilities, s.Weights);
        double[] p = s.Probabilities;
        BinaryReport weighted = BinaryEvaluation.Evaluate(s.Labels, p, s.Weights);
        BinaryReport repeated = BinaryEvaluation.Evaluate(labels, scores);
        ConfusionWeights w = weighted.WeightedCounts!;
        return Close(Metrics(weighted), Metrics(repeated))
            && weighted.Undefined.Select(u => u.Metric).SequenceEqual(repeated.Undefined.Select(u => u.Metric))
            && w == new ConfusionWeights(repeated.TruePositives, repeated.FalsePositives, repeated.TrueNegatives, repeated.FalseNegatives)
            && Close(Points(Roc.Curve(s.Labels, p, s.Weights, dropIntermediate)), Points(Roc.Curve(labels, scores, dropIntermediate)))
            && Close(Points(PrecisionRecall.Curve(s.Labels, p, s.Weights)), Points(PrecisionRecall.Curve(labels, scores)))
            && Close(Choices(s.Labels, p, s.Weights), Choices(labels, scores, null));
    }

    /// <remarks>
    /// Which collinear ROC points <c>dropIntermediate</c> drops, and which of two thresholds with equal criterion values
    /// wins, hang on exact equality of sums of weights, which scaling by 0.37 need not keep (nor does scikit-learn's): so
    /// the full curves are compared point by point, the dropped curve by its area, and a threshold choice by its value.
    /// </remarks>
    [Property(Arbitrary = [typeof(WeightedSamples)])]
    public bool Everything_WeightsScaledByC_AreUnchanged(WeightedSample s, PositiveInt scale)
    {
        double c = new[] { 1e-3, 0.37, 3.7, 1e6 }[scale.Get % 4];
        double[] scaled = [.. s.Weights.Select(w => w * c)];
        double[] p = s.Probabilities;
        return Close(Metrics(BinaryEvaluation.Evaluate(s.Labels, p, scaled)), Metrics(BinaryEvaluation.Evaluate(s.Labels, p, s.Weights)))
            && Close(Points(Roc.Curve(s.Labels, p, scaled, dropIntermediate: false)), Points(Roc.Curve(s.Labels, p, s.Weights, dropIntermediate: false)))
            && Close([Area(Roc.Curve(s.Labels, p, scaled))], [Area(Roc.Curve(s.Labels, p, s.Weights))])
            && Close(Points(PrecisionRecall.Curve(s.Labels, p, scaled)), Points(PrecisionRecall.Curve(s.Labels, p, s.Weights)))
            && Close(Values(s.Labels, p, scaled), Values(s.Labels, p, s.Weights));
    }

    [Theory]
    [InlineData(5_000, 2)] // few distinct scores: the unweighted report counts ties in a hash table (TieCounts)
    [InlineData(5_000, 12)] // many distinct scores: the unweighted report sorts every key
    [InlineData(70_000, 12)] // from 65,536 rows the unweighted sort runs on a second thread
    public void Evaluate_LargeInputWeightsOfOne_EqualUnweightedBitForBit(int n, int digits)
    {
        var random = new Xoshiro256StarStar(seed: n + digits);
        bool[] labels = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3)];
        double[] scores = [.. labels.Select(l => Math.Round(Math.Clamp((l ? 0.6 : 0.4) + (0.25 * (random.NextDouble() - 0.5) * 2), 0, 1), digits))];
        double[] ones = [.. labels.Select(_ => 1.0)];

        Assert.Equal(Metrics(BinaryEvaluation.Evaluate(labels, scores)), Metrics(BinaryEvaluation.Evaluate(labels, scores, ones)));
    }

    private static double[] Metrics(BinaryReport r) =>
    [
        r.Accuracy, r.Precision, r.Recall, r.Specificity, r.F1, r.FBeta, r.BalancedAccuracy, r.Mcc,
        r.RocAuc, r.AveragePrecision, r.LogLoss ?? -1, r.BrierScore ?? -1,
    ];

    private static double Area(RocCurve c) =>
        Enumerable.Range(1, c.Thresholds.Count - 1).Sum(k =>
            (c.FalsePositiveRates[k] - c.FalsePositiveRates[k - 1]) * (c.TruePositiveRates[k] + c.TruePositiveRates[k - 1]) / 2);

    private static double[] Points(RocCurve c) => [.. c.Thresholds, .. c.FalsePositiveRates, .. c.TruePositiveRates];

    private static double[] Points(PrecisionRecallCurve c) => [.. c.Thresholds, .. c.Precisions, .. c.Recalls];

    /// <summary>Both threshold choices (F1, Youden's J) flattened; −1 where the criterion is undefined (the call throws).</summary>
    private static double[] Choices(bool[] labels, double[] scores, double[]? weights) =>
        [.. Choose(labels, scores, weights).SelectMany(t => t is null ? [-1.0] : new[] { t.Threshold, t.Value, t.Precision, t.Recall, t.FalsePositiveRate })];

    /// <summary>Both criterion values; −1 where undefined.</summary>
    private static double[] Values(bool[] labels, double[] scores, double[] weights) =>
        [.. Choose(labels, scores, weights).Select(t => t?.Value ?? -1)];

    private static ThresholdChoice?[] Choose(bool[] labels, double[] scores, double[]? weights)
    {
        static ThresholdChoice? OrNull(Func<ThresholdChoice> choose)
        {
            try
            {
                return choose();
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return
        [
            OrNull(() => weights is null ? ThresholdSelection.MaximizeF1(labels, scores) : ThresholdSelection.MaximizeF1(labels, scores, weights)),
            OrNull(() => weights is null ? ThresholdSelection.MaximizeYoudenJ(labels, scores) : ThresholdSelection.MaximizeYoudenJ(labels, scores, weights)),
        ];
    }

    private static (bool[] Labels, double[] Scores) Repeat(bool[] labels, double[] scores, double[] weights)
    {
        var outLabels = new List<bool>();
        var outScores = new List<double>();
        for (int i = 0; i < labels.Length; i++)
        {
            for (int k = 0; k < (int)weights[i]; k++)
            {
                outLabels.Add(labels[i]);
                outScores.Add(scores[i]);
            }
        }

        return ([.. outLabels], [.. outScores]);
    }

    private static bool Same(double a, double b) => a.Equals(b); // bit for bit; NaN equals NaN

    private static bool Close(double[] a, double[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.Equals(p.Second) || Math.Abs(p.First - p.Second) <= 1e-12 * Math.Max(1, Math.Abs(p.Second)));
}
