using ClassicalML.Data.Splits;
using ClassicalML.Scenarios.ReproducibleSplits;

namespace ClassicalML.Scenarios.ReproducibleSplits.Tests;

public sealed class RankingAndSidesTests
{
    // First model ahead on average (+1). Shared differences: 0.1, -0.1, 0.2 -> one flip of three.
    private static readonly Comparisons Hand = new([0.8, 0.6, 0.9], [0.7, 0.7, 0.7], 1);

    [Fact]
    public void SharedFlipRate_HandValues() => Assert.Equal(1.0 / 3, Hand.SharedFlipRate([0, 1, 2]), 12);

    [Fact]
    public void OwnFlipRate_AllPairsOfDistinctCalls()
    {
        // Pairs (i, j), i != j: first[i] - second[j] = 0.8-0.7, 0.8-0.7, 0.6-0.7, 0.6-0.7, 0.9-0.7, 0.9-0.7 -> 2 flips of 6.
        Assert.Equal(2.0 / 6, Hand.OwnFlipRate([0, 1, 2]), 12);
    }

    [Fact]
    public void OwnFlipRate_RepeatedCall_WeightsByMultiplicity_NeverPairsACallWithItself()
    {
        // Calls 0, 0, 1: pairs (0,1) twice and (1,0) twice; first[0]-second[1] = 0.1, first[1]-second[0] = -0.1 -> half flips.
        Assert.Equal(0.5, Hand.OwnFlipRate([0, 0, 1]), 12);
        Assert.True(double.IsNaN(Hand.OwnFlipRate([2, 2])));
    }

    [Fact]
    public void Flip_TieCountsHalf() => Assert.Equal(0.5, Hand.Flip(0));

    [Fact]
    public void OwnSd_EqualsPlainSdOverThePairs()
    {
        double[] pairs = [0.1, 0.1, -0.1, -0.1, 0.2, 0.2];
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.StandardDeviation(pairs), Hand.OwnSd([0, 1, 2]), 12);
    }

    [Fact]
    public void Pair_EstablishedGap_AndFlipIncrease()
    {
        double[] logistic = [.. Enumerable.Range(0, 40).Select(i => 0.78 + 0.03 * Math.Sin(i))];
        double[] tree = [.. Enumerable.Range(0, 40).Select(i => 0.72 + 0.03 * Math.Sin(i + 0.5))];
        var p = Ranking.Pair("case", "tree", logistic, tree, seed: 1, resamples: 200);
        Assert.True(p.RankingEstablished);
        Assert.Equal("logistic regression", p.Leader);
        Assert.Equal(p.OwnFlipRate.Estimate - p.SharedFlipRate.Estimate, p.FlipIncrease.Estimate, 12);
        Assert.Equal(0, p.UndefinedCalls);
    }

    [Fact]
    public void Pair_UndefinedAuc_LeftOutAndCounted()
    {
        var p = Ranking.Pair("case", "tree", [0.8, double.NaN, 0.7, 0.75], [0.6, 0.6, 0.65, 0.7], seed: 1, resamples: 50);
        Assert.Equal(1, p.UndefinedCalls);
        Assert.Equal(3, p.Calls);
    }

    [Fact]
    public void Moved_ReorderedFile_CountsRowsWhoseSideFollowsThePosition()
    {
        // A split by position: the first half trains. Reversing the file moves every row across.
        static SplitSet[] ByPosition(int[] file) => [.. file.Select((_, p) => p < file.Length / 2 ? SplitSet.Train : SplitSet.Test)];
        Assert.Equal(new Count(4, 4), Sides.Moved([0, 1, 2, 3], [3, 2, 1, 0], ByPosition));
        Assert.Equal(new Count(0, 2), Sides.Moved([0, 1], [0, 1, 2, 3], file => [.. file.Select(_ => SplitSet.Train)]));
    }

    [Fact]
    public void Measure_GermanCredit_HashKeepsEverySide_SeededMaskKeepsOnlyAppends()
    {
        var s = Sides.Measure(ClassicalML.Data.Datasets.GermanCredit(), 0.1, 0.2, new Sides.Seeds(1, 2, 3, 4));
        Assert.All(s.ContentHash.Changes, c => Assert.Equal(0, c.Moved.Hits));
        Assert.Equal(0, s.SeededGetSplits.Appended.Hits);
        Assert.True(s.SeededGetSplits.Reordered.Fraction > 0.2);
        Assert.True(s.SeededGetSplits.Deleted.Fraction > 0.2);
        Assert.True(s.SeededShuffle.Appended.Fraction > 0.2);
        Assert.Equal(0, s.LineNumberHash.Appended.Hits);
    }
}
