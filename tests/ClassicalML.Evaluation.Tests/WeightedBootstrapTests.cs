using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>The weighted bootstrap resamples rows as the unweighted one does, and each drawn row carries its weight.</summary>
public sealed class WeightedBootstrapTests
{
    private static readonly (bool[] Labels, double[] Scores, double[] ScoresB, double[] Weights) Data = MakeData(150, seed: 11);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Percentile_WeightsOfOne_BitIdenticalToUnweighted(int seed, bool stratified)
    {
        double[] ones = [.. Data.Labels.Select(_ => 1.0)];
        BootstrapInterval weighted = Bootstrap.Percentile(Data.Labels, Data.Scores, ones, Roc.Auc, seed, resamples: 200, stratified: stratified);
        BootstrapInterval plain = Bootstrap.Percentile(Data.Labels, Data.Scores, Roc.Auc, seed, resamples: 200, stratified: stratified);

        Assert.Equal(Numbers(plain), Numbers(weighted));
        Assert.Equal(stratified ? "stratified weighted percentile bootstrap" : "weighted percentile bootstrap", weighted.Interval.Method);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void PairedDifference_WeightsOfOne_BitIdenticalToUnweighted(int seed, bool stratified)
    {
        double[] ones = [.. Data.Labels.Select(_ => 1.0)];
        BootstrapInterval weighted = Bootstrap.PairedDifference(Data.Labels, Data.Scores, Data.ScoresB, ones, PrecisionRecall.AveragePrecision, seed, resamples: 200, stratified: stratified);
        BootstrapInterval plain = Bootstrap.PairedDifference(Data.Labels, Data.Scores, Data.ScoresB, PrecisionRecall.AveragePrecision, seed, resamples: 200, stratified: stratified);

        Assert.Equal(Numbers(plain), Numbers(weighted));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Percentile_DrawnRows_CarryTheirWeights(int seed, bool stratified)
    {
        // The weighted mean score of a resample, from the weights the bootstrap hands over, against the same mean
        // computed from row indices (the unweighted row bootstrap draws the same rows from the same seed).
        static double WeightedMean(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
        {
            double sum = 0, total = 0;
            for (int i = 0; i < scores.Length; i++)
            {
                sum += weights[i] * scores[i];
                total += weights[i];
            }

            return sum / total;
        }

        double FromRows(ReadOnlySpan<int> rows)
        {
            double sum = 0, total = 0;
            foreach (int r in rows)
            {
                sum += Data.Weights[r] * Data.Scores[r];
                total += Data.Weights[r];
            }

            return total > 0 ? sum / total : double.NaN;
        }

        BootstrapInterval weighted = Bootstrap.Percentile(Data.Labels, Data.Scores, Data.Weights, WeightedMean, seed, resamples: 300, stratified: stratified);
        int[] strata = [.. Data.Labels.Select(l => l ? 1 : 0)];
        BootstrapInterval rows = stratified
            ? Bootstrap.StratifiedPercentile(strata, FromRows, seed, resamples: 300)
            : Bootstrap.Percentile(Data.Labels.Length, FromRows, seed, resamples: 300);

        Assert.Equal(Numbers(rows), Numbers(weighted));
    }

    [Fact]
    public void Percentile_ResampleWhoseRowsAllWeighZero_IsUndefined()
    {
        bool[] labels = [true, false, true, false, true];
        double[] scores = [0.9, 0.1, 0.8, 0.3, 0.6];
        double[] weights = [0, 0, 0, 0, 2.5]; // only row 4 counts
        static double Total(ReadOnlySpan<bool> l, ReadOnlySpan<double> s, ReadOnlySpan<double> w) => w.ToArray().Sum();
        double HasRow4(ReadOnlySpan<int> rows) => rows.Contains(4) ? 1 : double.NaN;

        BootstrapInterval weighted = Bootstrap.Percentile(labels, scores, weights, Total, seed: 9, resamples: 400);
        BootstrapInterval rows = Bootstrap.Percentile(labels.Length, HasRow4, seed: 9, resamples: 400);

        Assert.True(weighted.UndefinedResamples > 0);
        Assert.Equal(rows.UndefinedResamples, weighted.UndefinedResamples);
    }

    [Fact]
    public void Percentile_NegativeWeight_ThrowsNamingTheRow()
    {
        double[] weights = [.. Data.Weights];
        weights[7] = -1;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Percentile(Data.Labels, Data.Scores, weights, Roc.Auc, seed: 1));

        Assert.StartsWith("weights[7] is -1;", ex.Message, StringComparison.Ordinal);
    }

    private static double[] Numbers(BootstrapInterval b) => [b.Estimate, b.Lower, b.Upper, b.UndefinedResamples, b.Resamples];

    private static (bool[], double[], double[], double[]) MakeData(int n, int seed)
    {
        var random = new MersenneTwister(seed);
        bool[] labels = [.. Enumerable.Range(0, n).Select(i => random.NextDouble() < 0.35)];
        double[] a = [.. labels.Select(l => Math.Round((l ? 0.6 : 0.4) + (random.NextDouble() - 0.5), 2))];
        double[] b = [.. labels.Select(l => Math.Round((l ? 0.55 : 0.45) + (random.NextDouble() - 0.5), 2))];
        double[] w = [.. labels.Select(_ => random.NextDouble() < 0.2 ? 0.0 : random.NextDouble() * 3)];
        return (labels, a, b, w);
    }
}
