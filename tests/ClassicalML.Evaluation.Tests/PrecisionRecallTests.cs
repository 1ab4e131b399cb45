using System.Text.Json;
using FsCheck.Xunit;
using static ClassicalML.Evaluation.Tests.BinaryFixtures;

namespace ClassicalML.Evaluation.Tests;

public class PrecisionRecallTests
{
    public static TheoryData<string> CaseNames => Names;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Curve_ScikitLearnCase_MatchesPrecisionRecallCurve(string name)
    {
        JsonElement c = Case(name);
        JsonElement expected = c.GetProperty("pr_curve");
        PrecisionRecallCurve actual = PrecisionRecall.Curve(Labels(c), Scores(c));

        Assert.Equal(Doubles(expected.GetProperty("thresholds")), actual.Thresholds);
        AssertAllClose(Doubles(expected.GetProperty("precision")), actual.Precisions, "precision");
        AssertAllClose(Doubles(expected.GetProperty("recall")), actual.Recalls, "recall");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void AveragePrecision_ScikitLearnCase_MatchesAveragePrecisionScore(string name)
    {
        JsonElement c = Case(name);
        bool[] labels = Labels(c);
        double actual = PrecisionRecall.AveragePrecision(labels, Scores(c));

        // Known difference: with one class scikit-learn gives 0 or 1; ClassicalML reports NaN by contract.
        bool oneClass = labels.All(l => l) || labels.All(l => !l);
        double expected = oneClass ? double.NaN : Double(c.GetProperty("average_precision"));
        AssertClose(expected, actual, "average_precision");
    }

    [Fact]
    public void AveragePrecision_HandComputed_IsStepwiseNotTrapezoid()
    {
        // Ranked: +, -, +. Thresholds 0.9 (P 1, R 1/2), 0.5 (P 1/2, R 1/2), 0.1 (P 2/3, R 1).
        // AP = 1/2·1 + 0·1/2 + 1/2·2/3 = 5/6; the trapezoid would give a different number.
        bool[] labels = [true, false, true];
        double[] scores = [0.9, 0.5, 0.1];

        Assert.Equal(5.0 / 6.0, PrecisionRecall.AveragePrecision(labels, scores), 15);
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool Curve_AnySample_EndsAtPrecisionOneRecallZeroWithIncreasingThresholds(Sample s)
    {
        PrecisionRecallCurve c = PrecisionRecall.Curve(s.Labels, s.Scores);
        int m = c.Thresholds.Count;
        bool increasing = Enumerable.Range(1, m - 1).All(k => c.Thresholds[k] > c.Thresholds[k - 1]);
        bool recallDecreasing = Enumerable.Range(1, m).All(k => c.Recalls[k] <= c.Recalls[k - 1]);
        return c.Precisions.Count == m + 1 && c.Recalls.Count == m + 1
            && c.Precisions[m] == 1.0 && c.Recalls[m] == 0.0
            && c.Recalls[0] == 1.0 // lowest threshold: every row is positive (or P = 0, where recall is set to 1)
            && c.Thresholds[0] == s.Scores.Min()
            && increasing && recallDecreasing;
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool AveragePrecision_RowPermutation_IsUnchanged(TwoClassSample s, int seed)
    {
        int[] order = RocTests.Permutation(s.Labels.Length, seed);
        bool[] labels = [.. order.Select(i => s.Labels[i])];
        double[] scores = [.. order.Select(i => s.Scores[i])];
        return PrecisionRecall.AveragePrecision(labels, scores) == PrecisionRecall.AveragePrecision(s.Labels, s.Scores);
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool AveragePrecision_WithoutTies_EqualsMeanPrecisionAtEachPositive(TwoClassSample s)
    {
        // Distinct scores: AP = (1/P) Σ over positives of the precision at that positive's rank.
        double[] distinct = [.. s.Scores.Select((x, i) => x + (i * 1e-3))];
        int[] order = [.. Enumerable.Range(0, distinct.Length).OrderByDescending(i => distinct[i])];
        double sum = 0;
        int tp = 0;
        for (int rank = 0; rank < order.Length; rank++)
        {
            if (s.Labels[order[rank]])
            {
                tp++;
                sum += tp / (double)(rank + 1);
            }
        }

        return Math.Abs((sum / tp) - PrecisionRecall.AveragePrecision(s.Labels, distinct)) <= 1e-12;
    }
}
