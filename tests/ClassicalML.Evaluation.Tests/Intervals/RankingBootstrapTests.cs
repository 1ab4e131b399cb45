using System.Numerics;
using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// The resamples' generator (<see cref="ResampleRandom"/>) and the bootstrap of ranking metrics from row multiplicities
/// (<see cref="RankedRows"/>), against MathNet's xoshiro256** and the metric of each materialised resample.
/// </summary>
public sealed class RankingBootstrapTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(12345)]
    [InlineData(int.MaxValue)]
    public void ResampleRandom_SameSeed_SameStreamAsMathNetXoshiro256StarStar(int seed)
    {
        // MathNet seeds its state with SplitMix64 from (ulong)seed, as ResampleRandom does; its doubles are the top 53 bits.
        var mathNet = new Xoshiro256StarStar(seed, threadSafe: false);
        var ours = new ResampleRandom((ulong)seed);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(mathNet.NextDouble(), (ours.NextUInt64() >> 11) * (1.0 / (1UL << 53)));
        }
    }

    [Fact]
    public void ResampleRandom_ForResample_IsTheStreamOfSeedTimesTwoToThe32PlusIndex()
    {
        var a = ResampleRandom.ForResample(3, 17);
        var b = new ResampleRandom((3UL << 32) + 17);
        Assert.Equal(a.NextUInt64(), b.NextUInt64());
        var negative = ResampleRandom.ForResample(-1, 0);
        var expected = new ResampleRandom(0xFFFF_FFFFUL << 32);
        Assert.Equal(expected.NextUInt64(), negative.NextUInt64());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100_000)]
    [InlineData(int.MaxValue)]
    public void ResampleRandom_Next_IsLemiresMultiplyAndReject(int bound)
    {
        // The reference in exact integers: high word of x·n, rejecting x when the low word is below 2⁶⁴ mod n.
        var random = ResampleRandom.ForResample(7, 1);
        var bits = ResampleRandom.ForResample(7, 1);
        BigInteger two64 = BigInteger.One << 64;
        BigInteger threshold = two64 % bound;
        for (int i = 0; i < 2000; i++)
        {
            BigInteger product;
            do
            {
                product = (BigInteger)bits.NextUInt64() * bound;
            }
            while (product % two64 < threshold);

            Assert.Equal((int)(product / two64), random.Next(bound));
        }
    }

    [Fact]
    public void ResampleRandom_Next_SpreadsEvenly()
    {
        var random = ResampleRandom.ForResample(1, 0);
        var counts = new int[10];
        for (int i = 0; i < 100_000; i++)
        {
            counts[random.Next(10)]++;
        }

        // 10,000 expected per value, standard deviation 95: five standard deviations.
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 475, 10_000 + 475));
    }

    [Theory]
    [InlineData(false, false, 11)]
    [InlineData(false, true, 12)]
    [InlineData(true, false, 13)]
    [InlineData(true, true, 14)]
    public void RankingResamples_EveryResample_BitIdenticalToTheMetricOfTheMaterialisedResample(bool averagePrecision, bool stratified, int seed)
    {
        var (labels, scores, scoresB) = MakeData(300, seed);
        BinaryMetric metric = averagePrecision ? PrecisionRecall.AveragePrecision : Roc.Auc;

        double[] single = Bootstrap.RankingResamples(labels, RankedRows.Of(labels, scores), null, averagePrecision, stratified, seed, 120, maxThreads: 1);
        double[] paired = Bootstrap.RankingResamples(labels, RankedRows.Of(labels, scores), RankedRows.Of(labels, scoresB), averagePrecision, stratified, seed, 120, maxThreads: 1);

        for (int r = 0; r < single.Length; r++)
        {
            int[] rows = BootstrapDraws.Rows(labels, stratified, seed, r);
            bool[] l = [.. rows.Select(i => labels[i])];
            double a = metric(l, [.. rows.Select(i => scores[i])]);
            double b = metric(l, [.. rows.Select(i => scoresB[i])]);
            Assert.Equal(BitConverter.DoubleToInt64Bits(a), BitConverter.DoubleToInt64Bits(single[r]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a - b), BitConverter.DoubleToInt64Bits(paired[r]));
        }
    }

    [Theory]
    [InlineData(false, false, 31)]
    [InlineData(false, true, 32)]
    [InlineData(true, false, 33)]
    [InlineData(true, true, 34)]
    public void RankingResamples_Weighted_BitIdenticalToTheWeightedMetricOfTheMaterialisedResample(bool averagePrecision, bool stratified, int seed)
    {
        // Weights from a few values (equal score and weight rows), some 0, some distinct; resamples of only weight 0 are NaN.
        var (labels, scores, scoresB) = MakeData(250, seed);
        var random = new MersenneTwister(seed + 100, threadSafe: false);
        double[] weights = [.. labels.Select(_ => random.NextDouble() switch { < 0.15 => 0.0, < 0.5 => 1.0, < 0.7 => 0.1, _ => random.NextDouble() * 3 })];
        WeightedBinaryMetric metric = averagePrecision ? PrecisionRecall.AveragePrecision : Roc.Auc;

        double[] paired = Bootstrap.RankingResamples(labels, RankedRows.Of(labels, scores, weights), RankedRows.Of(labels, scoresB, weights), averagePrecision, stratified, seed, 120, maxThreads: 1);

        for (int r = 0; r < paired.Length; r++)
        {
            int[] rows = BootstrapDraws.Rows(labels, stratified, seed, r);
            bool[] l = [.. rows.Select(i => labels[i])];
            double[] w = [.. rows.Select(i => weights[i])];
            double expected = w.Any(x => x > 0) ? metric(l, [.. rows.Select(i => scores[i])], w) - metric(l, [.. rows.Select(i => scoresB[i])], w) : double.NaN;
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(paired[r]));
        }
    }

    [Fact]
    public void Percentile_WeightedRocAucMethodGroup_SameIntervalAsTheGeneralPath()
    {
        var (labels, scores, _) = MakeData(400, seed: 4);
        double[] weights = [.. labels.Select((_, i) => (i % 7) * 0.5)];

        Assert.Equal(
            Bootstrap.Percentile(labels, scores, weights, (l, s, w) => Roc.Auc(l, s, w), seed: 5, resamples: 200, stratified: true),
            Bootstrap.Percentile(labels, scores, weights, Roc.Auc, seed: 5, resamples: 200, stratified: true));
    }

    [Fact]
    public void RankingResamples_AnyNumberOfThreads_SameValues()
    {
        var (labels, scores, scoresB) = MakeData(3000, seed: 5);

        RankedRows a = RankedRows.Of(labels, scores);
        RankedRows b = RankedRows.Of(labels, scoresB);
        double[] one = Bootstrap.RankingResamples(labels, a, b, averagePrecision: false, stratified: true, seed: 8, resamples: 200, maxThreads: 1);
        foreach (int threads in new[] { 2, 3, 8 })
        {
            double[] many = Bootstrap.RankingResamples(labels, a, b, averagePrecision: false, stratified: true, seed: 8, resamples: 200, maxThreads: threads);
            Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), many.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Percentile_RocAucMethodGroup_SameIntervalAsTheMaterialisedResamples(bool stratified)
    {
        // A lambda is not recognised as Roc.Auc: it takes the general path, which materialises every resample.
        var (labels, scores, scoresB) = MakeData(400, seed: 3);

        Assert.Equal(
            Bootstrap.Percentile(labels, scores, (l, s) => Roc.Auc(l, s), seed: 21, resamples: 300, stratified: stratified),
            Bootstrap.Percentile(labels, scores, Roc.Auc, seed: 21, resamples: 300, stratified: stratified));
        Assert.Equal(
            Bootstrap.PairedDifference(labels, scores, scoresB, (l, s) => PrecisionRecall.AveragePrecision(l, s), seed: 22, resamples: 300, stratified: stratified),
            Bootstrap.PairedDifference(labels, scores, scoresB, PrecisionRecall.AveragePrecision, seed: 22, resamples: 300, stratified: stratified));
    }

    [Fact]
    public void Percentile_RocAucOnFewRows_CountsOneClassResamplesAsTheGeneralPathDoes()
    {
        bool[] labels = [true, false, false, false, false, true, false];
        double[] scores = [0.9, 0.1, 0.9, 0.3, 0.3, 0.2, 0.95];

        var fast = Bootstrap.Percentile(labels, scores, Roc.Auc, seed: 11, resamples: 500);
        var general = Bootstrap.Percentile(labels, scores, (l, s) => Roc.Auc(l, s), seed: 11, resamples: 500);

        Assert.True(fast.UndefinedResamples > 0);
        Assert.Equal(general, fast);
    }

    [Fact]
    public void IsRankingMetric_MethodGroupsOnly()
    {
        Assert.True(Bootstrap.IsRankingMetric((BinaryMetric)Roc.Auc, out bool ap) && !ap);
        Assert.True(Bootstrap.IsRankingMetric((BinaryMetric)PrecisionRecall.AveragePrecision, out ap) && ap);
        Assert.False(Bootstrap.IsRankingMetric((BinaryMetric)((l, s) => Roc.Auc(l, s)), out _));
        Assert.True(Bootstrap.IsRankingMetric((WeightedBinaryMetric)Roc.Auc, out ap) && !ap);
        Assert.True(Bootstrap.IsRankingMetric((WeightedBinaryMetric)PrecisionRecall.AveragePrecision, out ap) && ap);
    }

    /// <summary>About 30% positives, scores rounded to 2 decimals (heavy ties), a second model with more noise.</summary>
    private static (bool[] Labels, double[] Scores, double[] ScoresB) MakeData(int n, int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        bool[] labels = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3)];
        double[] a = [.. labels.Select(l => Math.Round((l ? 0.3 : 0) + random.NextDouble(), 2))];
        double[] b = [.. labels.Select(l => Math.Round((l ? 0.15 : 0) + random.NextDouble(), 2))];
        return (labels, a, b);
    }
}
