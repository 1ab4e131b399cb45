using FsCheck.Xunit;
using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>The radix-sort path (ScoreOrder, RankingSums) against simple comparison-sort references.</summary>
public class FastRankingTests
{
    private static readonly double[] Extremes =
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue,
        double.MinValue, 1.0, -1.0, 0.5, 1e-300, -1e-300, 1e300, -1e300, 2.2250738585072014E-308,
    ];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public void Key_NegativeAndPositiveZero_AreTheSameKey()
    {
        Assert.Equal(ScoreOrder.Key(0.0), ScoreOrder.Key(-0.0));
        Assert.Equal(0.0, ScoreOrder.Score(ScoreOrder.Key(-0.0)));
        Assert.False(double.IsNegative(ScoreOrder.Score(ScoreOrder.Key(-0.0))));
    }

    [Fact]
    public void Key_Extremes_PreserveOrderAndRoundTrip()
    {
        foreach (double a in Extremes)
        {
            Assert.Equal(a, ScoreOrder.Score(ScoreOrder.Key(a)));
            foreach (double b in Extremes)
            {
                Assert.Equal(a < b ? -1 : a > b ? 1 : 0, Math.Sign(ScoreOrder.Key(a).CompareTo(ScoreOrder.Key(b))));
            }
        }
    }

    [Property]
    public bool Key_AnyTwoFiniteDoubles_OrderLikeTheDoubles(double a, double b)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            return true;
        }

        int expected = a < b ? -1 : a > b ? 1 : 0;
        return Math.Sign(ScoreOrder.Key(a).CompareTo(ScoreOrder.Key(b))) == expected;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RadixSort_RandomKeys_EqualsArraySort(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        int n = 1 + random.Next(5000);
        var keys = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            // Mix full-range keys with keys that share most digits, so passes are both done and skipped.
            keys[i] = (seed % 2 == 0) ? (ulong)random.NextInt64() * 2 + (ulong)random.Next(2) : 0xABCD_0000_0000_0000UL + (ulong)random.Next(100);
        }

        ulong[] expected = [.. keys];
        Array.Sort(expected);
        ScoreOrder.RadixSort(keys, new ulong[n]);

        Assert.Equal(expected, keys);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Auc_RandomScoresWithTiesZerosAndExtremes_EqualsPairwiseReference(int seed)
    {
        (bool[] labels, double[] scores) = RandomSample(seed);

        Assert.Equal(ReferenceAuc(labels, scores), Roc.Auc(labels, scores));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AveragePrecision_RandomScoresWithTiesZerosAndExtremes_EqualsComparisonSortReference(int seed)
    {
        (bool[] labels, double[] scores) = RandomSample(seed);

        Assert.Equal(ReferenceAveragePrecision(labels, scores), PrecisionRecall.AveragePrecision(labels, scores));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ThresholdCounts_RandomScoresWithTiesZerosAndExtremes_EqualsComparisonSortReference(int seed)
    {
        (bool[] labels, double[] scores) = RandomSample(seed);
        double[] distinct = [.. scores.Select(s => s + 0.0).Distinct().OrderDescending()];

        ThresholdCounts counts = ThresholdCounts.From(labels, scores);

        Assert.Equal(distinct, counts.Thresholds);
        for (int k = 0; k < distinct.Length; k++)
        {
            Assert.Equal(scores.Where((s, i) => s >= distinct[k] && labels[i]).LongCount(), counts.TruePositives[k]);
            Assert.Equal(scores.Where((s, i) => s >= distinct[k] && !labels[i]).LongCount(), counts.FalsePositives[k]);
        }
    }

    [Fact]
    public void Auc_NegativeZeroAgainstPositiveZero_IsATie()
    {
        Assert.Equal(0.5, Roc.Auc([true, false], [-0.0, 0.0]));
        Assert.Equal(0.5, Roc.Auc([true, false], [0.0, -0.0]));
    }

    [Fact]
    public void Auc_ExtremesAroundZero_RanksByValue()
    {
        Assert.Equal(1.0, Roc.Auc([true, false, true, false], [double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue]));
        Assert.Equal(0.0, Roc.Auc([false, true], [double.Epsilon, -0.0]));
    }

    [Theory]
    [InlineData(0.3, true)]
    [InlineData(0.5, true)]
    [InlineData(1.0, true)]
    [InlineData(0.3, false)]
    [InlineData(0.5, false)]
    [InlineData(1.0, false)]
    public void Auc_LargeInput_AllocatesAtMostSixteenBytesPerScore(double positiveShare, bool tied)
    {
        const int n = 200_000;
        var random = new MersenneTwister(17, threadSafe: false);
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < positiveShare;
            scores[i] = tied ? Math.Round(random.NextDouble(), 4) : random.NextDouble();
        }

        Roc.Auc(labels, scores); // JIT, statics and the pooled buffers first
        long before = GC.GetAllocatedBytesForCurrentThread();
        Roc.Auc(labels, scores);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Tied: TieCounts' table (1 MiB at most). Distinct: the keys and the scratch run are rented from the shared
        // pool (8n + 8·max(P, N) the first time only), so a repeated call allocates only the digit histograms.
        Assert.InRange(allocated, 0, tied ? (1L << 20) + (64 * 1024) : 512 * 1024);
        Assert.InRange(allocated, 0, (8L * n) + (8L * Math.Max(labels.Count(l => l), labels.Count(l => !l))) + (128 * 1024));
    }

    /// <summary>300–2000 rows: values from a small grid (ties), ±0.0, negatives and the extremes.</summary>
    internal static (bool[] Labels, double[] Scores) RandomSample(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        int n = 300 + random.Next(1700);
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.3 + (0.05 * (seed % 5));
            scores[i] = random.Next(4) switch
            {
                0 => Extremes[random.Next(Extremes.Length)],
                1 => Math.Round((random.NextDouble() * 2) - 1, 2),
                2 => random.NextDouble() * (random.Next(2) == 0 ? -1e6 : 1e-6),
                _ => Math.Round(random.NextDouble(), 1),
            };
        }

        labels[0] = true;
        labels[1] = false;
        return (labels, scores);
    }

    /// <summary>U counted pair by pair (ties ½) as 2U in integers, divided once like the fast path.</summary>
    private static double ReferenceAuc(bool[] labels, double[] scores)
    {
        long twiceU = 0;
        long p = 0;
        long n = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (!labels[i])
            {
                n++;
                continue;
            }

            p++;
            for (int j = 0; j < labels.Length; j++)
            {
                if (!labels[j])
                {
                    twiceU += scores[i] > scores[j] ? 2 : scores[i] == scores[j] ? 1 : 0;
                }
            }
        }

        return twiceU / (2.0 * p * n);
    }

    /// <summary>Σ (R_n − R_{n−1})·P_n over distinct thresholds from a LINQ (comparison) sort.</summary>
    private static double ReferenceAveragePrecision(bool[] labels, double[] scores)
    {
        double p = labels.Count(l => l);
        double sum = 0.0;
        double previousRecall = 0.0;
        foreach (double t in scores.Select(s => s + 0.0).Distinct().OrderDescending())
        {
            long tp = scores.Where((s, i) => s >= t && labels[i]).LongCount();
            long fp = scores.Where((s, i) => s >= t && !labels[i]).LongCount();
            double recall = tp / p;
            sum += (recall - previousRecall) * (tp / (double)(tp + fp));
            previousRecall = recall;
        }

        return sum;
    }
}
