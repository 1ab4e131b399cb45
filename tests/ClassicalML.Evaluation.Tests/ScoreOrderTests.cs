using FsCheck.Xunit;

namespace ClassicalML.Evaluation.Tests;

public class ScoreOrderTests
{
    [Fact]
    public void Descending_MixedScores_SortsHighestFirstCarryingLabels()
    {
        (double[] scores, bool[] labels) = ScoreOrder.Descending([true, false, true, false], [0.2, 0.9, -1.0, 0.5]);

        Assert.Equal([0.9, 0.5, 0.2, -1.0], scores);
        Assert.Equal([false, false, true, true], labels);
    }

    [Fact]
    public void Descending_Input_IsNotModified()
    {
        double[] input = [0.1, 0.3, 0.2];

        ScoreOrder.Descending([true, false, true], input);

        Assert.Equal([0.1, 0.3, 0.2], input);
    }

    [Fact]
    public void ThresholdCounts_TiedScores_FormOneGroup()
    {
        ThresholdCounts counts = ThresholdCounts.From([true, false, true, false, true], [0.8, 0.8, 0.5, 0.5, 0.1]);

        Assert.Equal([0.8, 0.5, 0.1], counts.Thresholds);
        Assert.Equal([1L, 2L, 3L], counts.TruePositives);
        Assert.Equal([1L, 2L, 2L], counts.FalsePositives);
        Assert.Equal(3, counts.Positives);
        Assert.Equal(2, counts.Negatives);
    }

    [Property(Arbitrary = [typeof(Samples)])]
    public bool ThresholdCounts_AnySample_MatchesBruteForceCounts(Sample s)
    {
        ThresholdCounts counts = ThresholdCounts.From(s.Labels, s.Scores);
        double[] distinct = [.. s.Scores.Distinct().OrderDescending()];
        return counts.Thresholds.SequenceEqual(distinct)
            && Enumerable.Range(0, distinct.Length).All(k =>
                counts.TruePositives[k] == s.Scores.Where((x, i) => x >= distinct[k] && s.Labels[i]).Count()
                && counts.FalsePositives[k] == s.Scores.Where((x, i) => x >= distinct[k] && !s.Labels[i]).Count());
    }
}
