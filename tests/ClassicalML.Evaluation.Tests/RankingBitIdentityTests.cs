using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// Issue #18: <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> and
/// <see cref="PrecisionRecall.AveragePrecision(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> (and their weighted forms and
/// <see cref="BinaryEvaluation"/>'s AUC and AP) give the bits of the algorithm they replaced (<see cref="LegacyRanking"/>)
/// on random inputs: heavy ties, all-distinct scores, scores that came from floats, ±0, subnormals, ±MaxValue, one
/// class, sizes on both sides of the hash-table, sorting and parallel thresholds.
/// </summary>
public class RankingBitIdentityTests
{
    private static readonly double[] Extremes =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, 1e-300, -1e-300, 1e300,
        2.2250738585072014E-308, -2.2250738585072014E-308, 1.0, -1.0, 0.5,
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 24)];

    public static TheoryData<int, int> LargeCases => new() { { 101, 300_000 }, { 102, 700_000 }, { 103, 1_100_000 } };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AucAndAp_RandomInputs_EqualTheLegacyAlgorithmBitForBit(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        int n = seed % 4 == 0 ? 1 + random.Next(200) : 64 + random.Next(60_000);
        (bool[] labels, double[] scores) = Generate(random, n, kind: seed % 6);
        AssertSameBits(labels, scores);
    }

    [Theory]
    [MemberData(nameof(LargeCases))]
    public void AucAndAp_LargeInputs_EqualTheLegacyAlgorithmBitForBit(int seed, int n)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        for (int kind = 0; kind < 6; kind++)
        {
            (bool[] labels, double[] scores) = Generate(random, n, kind);
            AssertSameBits(labels, scores);
        }
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(0.3, 2)]
    [InlineData(0.5, 5)]
    public void AucAndAp_BothClassesSortedOnTwoThreads_EqualTheLegacyAlgorithmBitForBit(double share, int kind)
    {
        var random = new MersenneTwister(31 + kind, threadSafe: false);
        int n = (int)(ScoreOrder.ParallelKeys / Math.Min(share, 1 - share)) + 1000;
        (bool[] labels, double[] scores) = Generate(random, n, kind);
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < share;
        }

        Assert.True(Math.Min(labels.Count(l => l), labels.Count(l => !l)) >= ScoreOrder.ParallelKeys);
        AssertSameBits(labels, scores);
    }

    /// <summary>
    /// Distinct-score counts on both sides of the hash table's limits (h24): its first size (16,384 scores), its growth to
    /// the capacity, the capacity n/4 and <see cref="TieCounts.MaxDistinct"/>, the give-up checkpoint (4,096), and the
    /// insertion-sort leaf of <see cref="KeyCountSort"/>; values rounded, spread over exponents, negative, ±0 and extreme.
    /// </summary>
    [Theory]
    [InlineData(1, 15, 0)]
    [InlineData(2, 33, 1)]
    [InlineData(3, 4_095, 2)]
    [InlineData(4, 4_096, 0)]
    [InlineData(5, 4_097, 1)]
    [InlineData(6, 16_383, 2)]
    [InlineData(7, 16_384, 0)]
    [InlineData(8, 16_385, 1)]
    [InlineData(9, 20_000, 2)]
    [InlineData(10, 32_767, 0)]
    [InlineData(11, 32_768, 1)]
    [InlineData(12, 32_769, 2)]
    public void AucAndAp_DistinctCountsAroundTheTableLimits_EqualTheLegacyAlgorithmBitForBit(int seed, int distinct, int kind)
    {
        var random = new MersenneTwister(500 + seed, threadSafe: false);
        // A set of keys, not of doubles: 0.0 and −0.0 are one score (one key) and the set counts them once.
        var keys = new HashSet<ulong>();
        var values = new List<double>();
        for (int e = 0; values.Count < distinct; e++)
        {
            double value = kind switch
            {
                0 => Math.Round(random.NextDouble(), 6),
                1 => (random.NextDouble() - 0.3) * Math.Pow(2, random.Next(-1074, 1000)),
                _ => e < Extremes.Length ? Extremes[e] : Math.Round((random.NextDouble() * 20) - 10, 5),
            };
            if (keys.Add(ScoreOrder.Key(value)))
            {
                values.Add(value);
            }
        }

        double[] pool = [.. values];
        foreach (int n in new[] { 4 * distinct, (4 * distinct) + 3, 10 * distinct })
        {
            var labels = new bool[n];
            var scores = new double[n];
            double share = random.Next(4) switch { 0 => 0.0, 1 => 0.02, _ => 0.4 };
            for (int i = 0; i < n; i++)
            {
                // Every value at least once (the first `distinct` rows), then at random: exactly `distinct` distinct scores.
                scores[i] = i < distinct ? pool[i] : pool[random.Next(distinct)];
                scores[i] = scores[i] == 0 && random.NextDouble() < 0.5 ? -0.0 : scores[i]; // both zeros, one score
                labels[i] = random.NextDouble() < share;
            }

            // Shuffled, so the table does not meet only new scores first and give up at its checkpoint.
            for (int i = n - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (scores[i], scores[j]) = (scores[j], scores[i]);
            }

            labels[random.Next(n)] = true; // single positives when the share is 0
            AssertSameBits(labels, scores);
        }
    }

    [Theory]
    [InlineData(80_000, 17_000)] // capacity 20,000: grows from 16,384 once
    [InlineData(140_000, 28_000)] // capacity MaxDistinct
    public void Evaluate_TableGrowsPastItsFirstSize_LogLossSumEqualsTheRowByRowSumBitForBit(int n, int distinct)
    {
        var random = new MersenneTwister(77, threadSafe: false);
        double[] pool = [.. Enumerable.Range(0, distinct).Select(v => (v + random.NextDouble()) / distinct)];
        var labels = new bool[n];
        var scores = new double[n];
        double rowByRow = 0.0;
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            scores[i] = pool[random.Next(distinct)];
            rowByRow += BinaryEvaluation.LogLossTerm(scores[i], labels[i]);
        }

        Assert.True(scores.Distinct().Count() > 16_384, "the table must grow past its first size");
        Assert.True(TieCounts.TryRank(labels, scores, out _, out double logLossSum));
        Assert.Equal(BitConverter.DoubleToInt64Bits(rowByRow), BitConverter.DoubleToInt64Bits(logLossSum));
        AssertSameBits(labels, scores);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void KeyCountSort_DistinctKeys_SortsLikeArraySortWithTheCountsCarried(int kind)
    {
        var random = new MersenneTwister(900 + kind, threadSafe: false);
        foreach (int d in new[] { 0, 1, 2, KeyCountSort.Leaf, KeyCountSort.Leaf + 1, 1000, 9_999, 32_768 })
        {
            var set = new HashSet<ulong>();
            while (set.Count < d)
            {
                set.Add(kind switch
                {
                    1 => ScoreOrder.Key(Math.Round(random.NextDouble(), 5)),
                    2 => ScoreOrder.Key((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300))),
                    3 => 0x8000_0000_0000_0000UL + (ulong)random.Next(3 * Math.Max(d, 1)), // clustered: high digits all equal
                    _ => ((ulong)(uint)random.Next() << 33) ^ (ulong)random.Next(),
                });
            }

            ulong[] keys = [.. set];
            ulong[] counts = [.. keys.Select(k => k * 0x9E37_79B9_7F4A_7C15UL)];
            ulong[] expected = [.. keys.Order()];
            KeyCountSort.Sort(keys, counts, new ulong[d], new ulong[d]);
            Assert.Equal(expected, keys);
            Assert.Equal(expected.Select(k => k * 0x9E37_79B9_7F4A_7C15UL), counts);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WeightedAucAndAp_RandomInputs_EqualTheLegacyAlgorithmBitForBit(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        int n = 2 + random.Next(seed % 3 == 0 ? 100 : 20_000);
        (bool[] labels, double[] scores) = Generate(random, n, kind: seed % 6);
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Zeros (rows left out), integers (the unweighted bits), tiny and ordinary fractions.
            weights[i] = (seed % 4) switch
            {
                0 => random.Next(4),
                1 => random.NextDouble() < 0.2 ? 0.0 : random.NextDouble() * 3,
                2 => random.NextDouble() < 0.5 ? 1e-300 * random.Next(1, 5) : random.NextDouble(),
                _ => Math.Round(random.NextDouble() * 10, 1),
            };
        }

        weights[random.Next(n)] = 1.0; // not all 0
        (double auc, double ap) = LegacyRanking.Weighted(labels, scores, weights);
        AssertBits(auc, Roc.Auc(labels, scores, weights), "weighted AUC");
        AssertBits(ap, PrecisionRecall.AveragePrecision(labels, scores, weights), "weighted AP");
        BinaryReport report = BinaryEvaluation.Evaluate(labels, scores, weights);
        AssertBits(auc, report.RocAuc, "weighted Evaluate AUC");
        AssertBits(ap, report.AveragePrecision, "weighted Evaluate AP");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void AucAndAp_NonFiniteScoreAnywhere_ThrowAsBefore(double bad)
    {
        var random = new MersenneTwister(7, threadSafe: false);
        foreach (int n in new[] { 10, 5_000, 400_000 })
        {
            (bool[] labels, double[] scores) = Generate(random, n, kind: 1);
            int at = random.Next(n);
            scores[at] = bad;
            var auc = Assert.Throws<ArgumentException>(() => Roc.Auc(labels, scores));
            var ap = Assert.Throws<ArgumentException>(() => PrecisionRecall.AveragePrecision(labels, scores));
            Assert.Contains($"scores[{at}]", auc.Message, StringComparison.Ordinal);
            Assert.Contains($"scores[{at}]", ap.Message, StringComparison.Ordinal);
        }
    }

    private static void AssertSameBits(bool[] labels, double[] scores)
    {
        (double auc, double ap) = LegacyRanking.Unweighted(labels, scores);
        AssertBits(auc, Roc.Auc(labels, scores), "AUC");
        AssertBits(ap, PrecisionRecall.AveragePrecision(labels, scores), "AP");
        BinaryReport report = BinaryEvaluation.Evaluate(labels, scores);
        AssertBits(auc, report.RocAuc, "Evaluate AUC");
        AssertBits(ap, report.AveragePrecision, "Evaluate AP");
    }

    private static void AssertBits(double expected, double? actual, string what)
    {
        Assert.True(actual.HasValue, what + " is null");
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual!.Value),
            $"{what}: expected {expected:R}, got {actual.Value:R}");
    }

    /// <summary>
    /// Kind 0: few distinct values (heavy ties, the hash table); 1: every score distinct; 2: floats widened to doubles;
    /// 3: ties with a tail of distinct scores (the hash table gives up late); 4: extremes, ±0 and negatives;
    /// 5: probabilities rounded to 4 decimals. Positives' share varies, down to one class or a single positive.
    /// </summary>
    private static (bool[] Labels, double[] Scores) Generate(MersenneTwister random, int n, int kind)
    {
        double share = random.Next(6) switch { 0 => 0.0, 1 => 1.0, 2 => 1.0 / n, 3 => 0.02, 4 => 0.3, _ => 0.6 };
        int distinct = 1 + random.Next(Math.Max(1, Math.Min(n / 4, 5000)));
        double[] values = [.. Enumerable.Range(0, distinct).Select(_ => Math.Round(random.NextDouble(), 3))];
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < share;
            double signal = (labels[i] ? 0.8 : 0.0) + random.NextDouble();
            scores[i] = kind switch
            {
                0 => values[random.Next(distinct)],
                1 => signal * 1e3,
                2 => (float)(1.0 / (1.0 + Math.Exp(-signal))),
                3 => i < n * 0.9 ? values[random.Next(distinct)] : signal,
                4 => random.NextDouble() < 0.2 ? Extremes[random.Next(Extremes.Length)] : (signal - 0.9) * Math.Pow(10, random.Next(-300, 300)),
                _ => Math.Round(1.0 / (1.0 + Math.Exp(-signal)), 4),
            };
        }

        if (n > 1 && share is > 0 and < 1 && labels.All(l => l == labels[0]))
        {
            labels[0] = !labels[0]; // keep both classes when the share asks for both
        }

        return (labels, scores);
    }
}
