using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>The hash-table ranking path (TieCounts) against the radix-sort path (ScoreOrder, RankingSums): the same bits.</summary>
public class TieCountsTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryRank_FewDistinctScores_EqualsTheSortedPathBitForBit(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        int n = 64 + random.Next(20_000);
        int distinct = 1 + random.Next(Math.Min(n / 4, 3000));
        var values = new double[distinct];
        for (int v = 0; v < distinct; v++)
        {
            // Negatives, both zeros and extremes among the distinct values: keys must tie and order like the doubles.
            values[v] = v switch { 0 => 0.0, 1 => -0.0, 2 => double.MaxValue, 3 => -double.Epsilon, _ => Math.Round((random.NextDouble() * 4) - 2, 3) };
        }

        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < (seed % 3 == 0 ? 0.02 : 0.4);
            scores[i] = values[random.Next(distinct)];
        }

        Assert.True(TieCounts.TryRank(labels, scores, out RankingSums tied, out _));
        RankingSums sorted = RankingSums.From(ScoreOrder.SortByClass(labels, scores));
        Assert.Equal(BitConverter.DoubleToInt64Bits(sorted.Auc), BitConverter.DoubleToInt64Bits(tied.Auc));
        Assert.Equal(BitConverter.DoubleToInt64Bits(sorted.AveragePrecision), BitConverter.DoubleToInt64Bits(tied.AveragePrecision));

        BinaryReport report = BinaryEvaluation.Evaluate(labels, scores);
        Assert.Equal(Roc.Auc(labels, scores), report.RocAuc);
        Assert.Equal(PrecisionRecall.AveragePrecision(labels, scores), report.AveragePrecision);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryRank_FewDistinctProbabilities_LogLossSumEqualsTheRowByRowSumBitForBit(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        int n = 64 + random.Next(50_000);
        int distinct = 1 + random.Next(Math.Min(n / 4, 3000));
        var values = new double[distinct];
        for (int v = 0; v < distinct; v++)
        {
            // Both zeros (one key), the clip's edges and values that round differently: each must give the row's own bits.
            values[v] = v switch { 0 => 0.0, 1 => -0.0, 2 => 1.0, 3 => 1e-300, 4 => 1.0 - 1e-17, _ => random.NextDouble() };
        }

        var labels = new bool[n];
        var scores = new double[n];
        double rowByRow = 0.0;
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            scores[i] = values[random.Next(distinct)];
            rowByRow += BinaryEvaluation.LogLossTerm(scores[i], labels[i]);
        }

        Assert.True(TieCounts.TryRank(labels, scores, out _, out double logLossSum));
        Assert.Equal(BitConverter.DoubleToInt64Bits(rowByRow), BitConverter.DoubleToInt64Bits(logLossSum));
        Assert.Equal(BitConverter.DoubleToInt64Bits(rowByRow), BitConverter.DoubleToInt64Bits(RowSums.From(labels, scores, 0.5).LogLossSum));
        Assert.Equal(BitConverter.DoubleToInt64Bits(rowByRow / n), BitConverter.DoubleToInt64Bits(BinaryEvaluation.Evaluate(labels, scores).LogLoss!.Value));
    }

    [Fact]
    public void TryRank_OneClass_GivesNaNLikeTheSortedPath()
    {
        bool[] labels = [.. Enumerable.Repeat(false, 100)];
        double[] scores = [.. Enumerable.Range(0, 100).Select(i => (i % 5) / 5.0)];

        Assert.True(TieCounts.TryRank(labels, scores, out RankingSums tied, out _));
        Assert.True(double.IsNaN(tied.Auc));
        Assert.True(double.IsNaN(tied.AveragePrecision));
    }

    [Theory]
    [InlineData(1000, 251)] // more than n/4 distinct scores
    [InlineData(200_000, 40_000)] // more than MaxDistinct, the extra ones last: gives up after reading almost every row
    public void TryRank_TooManyDistinctScores_GivesUpAndEvaluateSortsInstead(int n, int distinct)
    {
        var random = new MersenneTwister(7, threadSafe: false);
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            scores[i] = (i < n - distinct ? random.Next(distinct / 2) : i) / (double)n;
        }

        Assert.False(TieCounts.TryRank(labels, scores, out _, out _));
        BinaryReport report = BinaryEvaluation.Evaluate(labels, scores);
        Assert.Equal(Roc.Auc(labels, scores), report.RocAuc);
        Assert.Equal(PrecisionRecall.AveragePrecision(labels, scores), report.AveragePrecision);
    }
}
