using System.Text.Json;
using FsCheck.Xunit;
using MathNet.Numerics.Random;
using static ClassicalML.Evaluation.Tests.BinaryFixtures;

namespace ClassicalML.Evaluation.Tests;

public class RocTests
{
    public static TheoryData<string> CaseNames => Names;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Auc_ScikitLearnCase_MatchesRocAucScore(string name)
    {
        JsonElement c = Case(name);
        double actual = Roc.Auc(Labels(c), Scores(c));

        // roc_auc_score raises for one class (stored as null); ClassicalML returns NaN.
        double expected = NullableDouble(c.GetProperty("roc_auc")) ?? double.NaN;
        AssertClose(expected, actual, "roc_auc");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Curve_ScikitLearnCaseDropIntermediate_MatchesRocCurve(string name) =>
        AssertCurve(Case(name), "roc_curve", dropIntermediate: true);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Curve_ScikitLearnCaseKeepAll_MatchesRocCurve(string name) =>
        AssertCurve(Case(name), "roc_curve_full", dropIntermediate: false);

    [Fact]
    public void Auc_HandComputedTies_CountsTiesAsHalf()
    {
        // Pairs (positive, negative): (0.8, 0.3) wins, (0.8, 0.5) wins, (0.5, 0.3) wins, (0.5, 0.5) tie → 3.5 / 4.
        bool[] labels = [true, false, true, false];
        double[] scores = [0.8, 0.5, 0.5, 0.3];

        Assert.Equal(0.875, Roc.Auc(labels, scores));
    }

    [Fact]
    public void Curve_HandComputed_StartsAtInfinityAndDropsCollinearPointsLikeScikitLearn()
    {
        bool[] labels = [true, true, false, false];
        double[] scores = [0.9, 0.8, 0.3, 0.2];

        RocCurve full = Roc.Curve(labels, scores, dropIntermediate: false);
        RocCurve dropped = Roc.Curve(labels, scores);

        Assert.Equal([double.PositiveInfinity, 0.9, 0.8, 0.3, 0.2], full.Thresholds);
        Assert.Equal([0.0, 0.0, 0.0, 0.5, 1.0], full.FalsePositiveRates);
        Assert.Equal([0.0, 0.5, 1.0, 1.0, 1.0], full.TruePositiveRates);
        // As scikit-learn: only (0.5, 1) is dropped; the added (0, 0) start takes no part in the test,
        // so (0, 0.5) stays. roc_curve gives fpr [0, 0, 0, 1], tpr [0, 0.5, 1, 1], thresholds [1.9, 0.9, 0.8, 0.2].
        Assert.Equal([double.PositiveInfinity, 0.9, 0.8, 0.2], dropped.Thresholds);
        Assert.Equal([0.0, 0.0, 0.0, 1.0], dropped.FalsePositiveRates);
        Assert.Equal([0.0, 0.5, 1.0, 1.0], dropped.TruePositiveRates);
    }

    [Fact]
    public void Auc_OneClassOnly_IsNaN()
    {
        Assert.True(double.IsNaN(Roc.Auc([true, true], [0.1, 0.9])));
        Assert.True(double.IsNaN(Roc.Auc([false], [0.3])));
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool Auc_AnyTwoClassSample_EqualsNaiveMannWhitney(TwoClassSample s)
    {
        double u = 0;
        int p = 0, n = 0;
        for (int i = 0; i < s.Labels.Length; i++)
        {
            if (s.Labels[i]) { p++; } else { n++; }
            for (int j = 0; j < s.Labels.Length; j++)
            {
                if (s.Labels[i] && !s.Labels[j])
                {
                    u += s.Scores[i] > s.Scores[j] ? 1.0 : s.Scores[i] == s.Scores[j] ? 0.5 : 0.0;
                }
            }
        }

        return Math.Abs(Roc.Auc(s.Labels, s.Scores) - (u / ((double)p * n))) <= 1e-15;
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool Auc_NegatedScores_IsOneMinusAuc(TwoClassSample s)
    {
        double[] negated = [.. s.Scores.Select(x => -x)];
        return Math.Abs(Roc.Auc(s.Labels, negated) - (1.0 - Roc.Auc(s.Labels, s.Scores))) <= 1e-12;
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool Auc_StrictlyIncreasingTransform_IsUnchanged(TwoClassSample s)
    {
        double[] transformed = [.. s.Scores.Select(x => Math.Exp(x / 3.0) - 7.0)];
        return Roc.Auc(s.Labels, transformed) == Roc.Auc(s.Labels, s.Scores);
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool AucAndCurve_RowPermutation_AreUnchanged(TwoClassSample s, int seed)
    {
        int[] order = Permutation(s.Labels.Length, seed);
        bool[] labels = [.. order.Select(i => s.Labels[i])];
        double[] scores = [.. order.Select(i => s.Scores[i])];
        RocCurve a = Roc.Curve(s.Labels, s.Scores);
        RocCurve b = Roc.Curve(labels, scores);
        return Roc.Auc(labels, scores) == Roc.Auc(s.Labels, s.Scores)
            && a.Thresholds.SequenceEqual(b.Thresholds)
            && a.FalsePositiveRates.SequenceEqual(b.FalsePositiveRates)
            && a.TruePositiveRates.SequenceEqual(b.TruePositiveRates);
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool Curve_AnyTwoClassSample_RunsFromOriginToOneOneWithDecreasingThresholds(TwoClassSample s, bool dropIntermediate)
    {
        RocCurve c = Roc.Curve(s.Labels, s.Scores, dropIntermediate);
        int last = c.Thresholds.Count - 1;
        bool decreasing = Enumerable.Range(1, last).All(k => c.Thresholds[k] < c.Thresholds[k - 1]);
        bool monotone = Enumerable.Range(1, last).All(k =>
            c.FalsePositiveRates[k] >= c.FalsePositiveRates[k - 1] && c.TruePositiveRates[k] >= c.TruePositiveRates[k - 1]);
        return double.IsPositiveInfinity(c.Thresholds[0])
            && c.FalsePositiveRates[0] == 0 && c.TruePositiveRates[0] == 0
            && c.FalsePositiveRates[last] == 1 && c.TruePositiveRates[last] == 1
            && c.Thresholds[last] == s.Scores.Min()
            && decreasing && monotone;
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool Curve_TrapezoidArea_EqualsAuc(TwoClassSample s, bool dropIntermediate)
    {
        RocCurve c = Roc.Curve(s.Labels, s.Scores, dropIntermediate);
        double area = 0;
        for (int k = 1; k < c.Thresholds.Count; k++)
        {
            area += (c.FalsePositiveRates[k] - c.FalsePositiveRates[k - 1]) * (c.TruePositiveRates[k] + c.TruePositiveRates[k - 1]) / 2.0;
        }

        return Math.Abs(area - Roc.Auc(s.Labels, s.Scores)) <= 1e-12;
    }

    internal static int[] Permutation(int n, int seed)
    {
        int[] order = [.. Enumerable.Range(0, n)];
        var random = new MersenneTwister(seed);
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static void AssertCurve(JsonElement c, string key, bool dropIntermediate)
    {
        JsonElement expected = c.GetProperty(key);
        RocCurve actual = Roc.Curve(Labels(c), Scores(c), dropIntermediate);
        double[] thresholds = Doubles(expected.GetProperty("thresholds"));

        // scikit-learn 1.2.1 writes max(score) + 1 as the first threshold; ClassicalML writes +infinity.
        Assert.Equal(double.PositiveInfinity, actual.Thresholds[0]);
        Assert.Equal(thresholds.Skip(1), actual.Thresholds.Skip(1));
        AssertAllClose(Doubles(expected.GetProperty("fpr")), actual.FalsePositiveRates, "fpr");
        AssertAllClose(Doubles(expected.GetProperty("tpr")), actual.TruePositiveRates, "tpr");
    }
}
