using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ClassicalML.Evaluation.Tests;

/// <summary>Classes 0..K−1 (K 2–5), probabilities from small integer counts (frequent ties) and integer weights 0–4, at least one above 0.</summary>
public sealed record WeightedMulticlassSample(int[] Actual, double[][] Scores, double[] Weights, int ClassCount)
{
    public int[] Classes => [.. Enumerable.Range(0, ClassCount)];

    public override string ToString() =>
        $"K {ClassCount} actual [{string.Join(",", Actual)}] scores [{string.Join(" ", Scores.Select(r => string.Join(",", r)))}] weights [{string.Join(",", Weights)}]";
}

/// <summary>FsCheck generators for <see cref="WeightedMulticlassSample"/>.</summary>
public static class WeightedMulticlassSamples
{
    public static Arbitrary<WeightedMulticlassSample> AnySample() =>
        (from k in Gen.Choose(2, 5)
         from n in Gen.Choose(1, 30)
         from actual in Gen.ArrayOf(Gen.Choose(0, k - 1), n)
         from counts in Gen.ArrayOf(Gen.Choose(0, 3), n * k)
         from weights in Gen.ArrayOf(Gen.Choose(0, 4), n)
         from positiveAt in Gen.Choose(0, n - 1)
         select Make(k, actual, counts, weights, positiveAt)).ToArbitrary();

    private static WeightedMulticlassSample Make(int k, int[] actual, int[] counts, int[] weights, int positiveAt)
    {
        weights[positiveAt] = Math.Max(1, weights[positiveAt]); // not all 0
        var scores = new double[actual.Length][];
        for (int r = 0; r < actual.Length; r++)
        {
            var row = counts.Skip(r * k).Take(k).Select(c => c + 1.0).ToArray();
            var sum = row.Sum();
            scores[r] = [.. row.Select(v => v / sum)];
        }

        return new WeightedMulticlassSample(actual, scores, [.. weights.Select(w => (double)w)], k);
    }
}

/// <summary>
/// The weighted multiclass metrics' invariants: weights of 1 give the unweighted report bit for bit, and integer
/// weights the report of each row repeated that many times (to rounding, 1e-12).
/// </summary>
public class WeightedMulticlassPropertyTests
{
    [Property(Arbitrary = [typeof(WeightedMulticlassSamples)])]
    public bool ScoreEvaluate_WeightsOfOne_EqualUnweightedBitForBit(WeightedMulticlassSample s)
    {
        var scores = ScoreMatrix.FromRows(s.Scores);
        double[] ones = [.. s.Weights.Select(_ => 1.0)];
        var weighted = MulticlassScoreEvaluation.Evaluate<int>(s.Actual, scores, ones, s.Classes);
        var plain = MulticlassScoreEvaluation.Evaluate<int>(s.Actual, scores, s.Classes);
        return weighted.IsWeighted && !plain.IsWeighted
            && Metrics(weighted).SequenceEqual(Metrics(plain))
            && weighted.Undefined.Select(u => u.Metric).SequenceEqual(plain.Undefined.Select(u => u.Metric))
            && weighted.PerClass.Select(m => m.Support).SequenceEqual(plain.PerClass.Select(m => m.Support));
    }

    [Property(Arbitrary = [typeof(WeightedMulticlassSamples)])]
    public bool ScoreEvaluate_IntegerWeights_EqualRepeatedRows(WeightedMulticlassSample s)
    {
        var weighted = MulticlassScoreEvaluation.Evaluate<int>(s.Actual, ScoreMatrix.FromRows(s.Scores), s.Weights, s.Classes);
        var (actual, rows) = Repeated(s);
        var repeated = MulticlassScoreEvaluation.Evaluate<int>(actual, ScoreMatrix.FromRows(rows), s.Classes);
        return weighted.N == s.Actual.Length
            && Close(Metrics(weighted), Metrics(repeated))
            && weighted.Undefined.Select(u => u.Metric).SequenceEqual(repeated.Undefined.Select(u => u.Metric));
    }

    [Property(Arbitrary = [typeof(WeightedMulticlassSamples)])]
    public bool LabelEvaluate_WeightsOfOneAndIntegerWeights(WeightedMulticlassSample s, bool nanPolicy)
    {
        var zd = nanPolicy ? ZeroDivision.NaN : ZeroDivision.Zero;
        var predicted = MulticlassScoreEvaluation.PredictedLabels(ScoreMatrix.FromRows(s.Scores), s.Classes);
        double[] ones = [.. s.Weights.Select(_ => 1.0)];
        var plain = MulticlassEvaluation.Evaluate<int>(s.Actual, predicted, s.Classes, zd);
        var unit = MulticlassEvaluation.Evaluate<int>(s.Actual, predicted, ones, s.Classes, zd);
        var weighted = MulticlassEvaluation.Evaluate<int>(s.Actual, predicted, s.Weights, s.Classes, zd);
        var expandedActual = s.Actual.SelectMany((a, i) => Enumerable.Repeat(a, (int)s.Weights[i])).ToArray();
        var expandedPredicted = predicted.SelectMany((p, i) => Enumerable.Repeat(p, (int)s.Weights[i])).ToArray();
        var repeated = MulticlassEvaluation.Evaluate<int>(expandedActual, expandedPredicted, s.Classes, zd);
        return Labels(unit).SequenceEqual(Labels(plain))
            && unit.ToText(4) == plain.ToText(4)
            && Close(Labels(weighted), Labels(repeated))
            && weighted.N == s.Actual.Length && weighted.Correct == plain.Correct;
    }

    [Fact]
    public void Evaluate_BadWeights_NameTheRow()
    {
        var scores = ScoreMatrix.FromRows([[0.7, 0.3], [0.4, 0.6], [0.5, 0.5]]);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => MulticlassScoreEvaluation.Evaluate<string>(["a", "b", "a"], scores, [1, -0.5, 2], ["a", "b"]));
        Assert.Equal("weights", negative.ParamName);
        Assert.StartsWith("weights[1] is -0.5; it must be a finite number of at least 0. Pass a weight of at least 0 for every row (0 leaves the row out).", negative.Message, StringComparison.Ordinal);

        var length = Assert.Throws<ArgumentException>(() => MulticlassEvaluation.Evaluate<string>(["a", "b"], ["a", "a"], [1.0], labels: null));
        Assert.StartsWith("actual has 2 elements but weights has 1; they must have the same length", length.Message, StringComparison.Ordinal);

        var zeros = Assert.Throws<ArgumentException>(() => MulticlassScoreEvaluation.Evaluate<string>(["a", "b", "a"], scores, [0.0, 0, 0], ["a", "b"]));
        Assert.StartsWith("weights are all 0; at least one weight must be greater than 0", zeros.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ClassOnlyOnZeroWeightRows_IsUndefinedAndListed()
    {
        var scores = ScoreMatrix.FromRows([[0.7, 0.2, 0.1], [0.2, 0.6, 0.2], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3]]);
        var report = MulticlassScoreEvaluation.Evaluate<string>(["a", "b", "c", "a"], scores, [1, 2, 0, 1], ["a", "b", "c"], new MulticlassScoreOptions { ZeroDivision = ZeroDivision.NaN });

        Assert.True(double.IsNaN(report.PerClass[2].RocAuc));
        Assert.Equal(1, report.PerClass[2].Support);
        Assert.Equal(0.0, report.PerClass[2].WeightedSupport);
        Assert.Contains(report.Undefined, u => u.Metric == "roc_auc[c]" && u.Reason.StartsWith("class never occurs in actual with a weight above 0", StringComparison.Ordinal));
        Assert.Equal(Roc.Auc([true, false, false, true], [0.7, 0.2, 0.1, 0.3], [1.0, 2, 0, 1]), report.PerClass[0].RocAuc);
    }

    private static (int[] Actual, double[][] Rows) Repeated(WeightedMulticlassSample s)
    {
        var actual = new List<int>();
        var rows = new List<double[]>();
        for (int r = 0; r < s.Actual.Length; r++)
        {
            for (int copy = 0; copy < (int)s.Weights[r]; copy++)
            {
                actual.Add(s.Actual[r]);
                rows.Add(s.Scores[r]);
            }
        }

        return ([.. actual], [.. rows]);
    }

    private static List<double> Metrics(MulticlassScoreReport<int> r)
    {
        var values = new List<double> { r.RocAucOvrMacro, r.RocAucOvrWeighted, r.RocAucOvoMacro, r.RocAucOvoWeighted, r.LogLoss ?? -1, r.BrierScore ?? -1, r.TotalWeight };
        values.AddRange(r.PerClass.SelectMany(m => new[] { m.RocAuc, m.AveragePrecision, m.WeightedSupport }));
        values.AddRange(r.TopKAccuracy.Values);
        values.AddRange(Labels(r.Predictions));
        return values;
    }

    private static List<double> Labels(MulticlassReport<int> r)
    {
        var values = new List<double> { r.Accuracy, r.TotalWeight };
        foreach (var a in new[] { r.Macro, r.Micro, r.Weighted })
        {
            values.AddRange([a.Precision, a.Recall, a.F1]);
        }

        values.AddRange(r.PerClass.SelectMany(m => new[] { m.Precision, m.Recall, m.F1, m.WeightedSupport }));
        for (int i = 0; i < r.Labels.Count; i++)
        {
            for (int j = 0; j < r.Labels.Count; j++)
            {
                values.Add(r.ConfusionMatrix.Weight(i, j));
            }
        }

        return values;
    }

    private static bool Close(List<double> a, List<double> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Equals(p.Second) || Math.Abs(p.First - p.Second) <= 1e-12);
}
