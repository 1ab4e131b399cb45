using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// The large-input sort of <see cref="ScoreOrder.Rank"/> (<see cref="ScoreOrder.SortByBuckets"/>, issue #18): each
/// class's run sorted like <see cref="Array.Sort(Array)"/> on one thread and on two, for sizes around the chunk count and
/// <see cref="ScoreOrder.ParallelKeys"/> and <see cref="ScoreOrder.TwoRunKeys"/>, heavy ties, one class, ±0, negatives and extremes, keys that differ only in
/// their lowest bits; and <see cref="ScoreOrder.RankOnThreads"/> giving the legacy bits on both thread paths.
/// </summary>
public class BucketSortTests
{
    public static TheoryData<int, int> SortCases()
    {
        var cases = new TheoryData<int, int>();
        foreach (int n in new[] { 1, 2, 15, 16, 17, 33, 1_000, 65_537 })
        {
            for (int kind = 0; kind < Kinds; kind++)
            {
                cases.Add(n, kind);
            }
        }

        return cases;
    }

    public static TheoryData<int, int> RankCases()
    {
        var cases = new TheoryData<int, int>();
        foreach (int n in new[] { 3 * ScoreOrder.TwoRunKeys, 100_000, ScoreOrder.ParallelKeys - 1, ScoreOrder.ParallelKeys, ScoreOrder.ParallelKeys + 1, 400_003 })
        {
            foreach (int kind in new[] { 0, 1, 3, 4, 5 })
            {
                cases.Add(n, kind);
            }
        }

        return cases;
    }

    private const int Kinds = 7;

    [Theory]
    [MemberData(nameof(SortCases))]
    public void SortByBuckets_AnyInput_SortsEachRunLikeArraySortOnOneThreadAndOnTwo(int n, int kind)
    {
        var random = new MersenneTwister(7_000 + (31 * n) + kind, threadSafe: false);
        (bool[] labels, double[] scores) = Generate(random, n, kind);
        ulong[] split = ScoreOrder.SplitByClass(labels, scores, out int positives);
        ulong[] expected = (ulong[])split.Clone();
        Array.Sort(expected, 0, positives);
        Array.Sort(expected, positives, n - positives);
        _ = ScoreOrder.SplitByClass(labels, scores, new ulong[n], out ulong differing);

        foreach (bool helper in new[] { false, true })
        {
            ulong[] keys = (ulong[])split.Clone();
            ScoreOrder.SortByBuckets(keys, new ulong[n], n, positives, differing, helper);
            Assert.Equal(expected, keys);
        }
    }

    [Theory]
    [MemberData(nameof(RankCases))]
    public void RankOnThreads_AroundTheBucketThreshold_EqualTheLegacyBitsOnOneThreadAndOnTwo(int n, int kind)
    {
        var random = new MersenneTwister(9_000 + n + kind, threadSafe: false);
        (bool[] labels, double[] scores) = Generate(random, n, kind);
        (double auc, double ap) = LegacyRanking.Unweighted(labels, scores);
        foreach (bool twoThreads in new[] { false, true })
        {
            RankingSums sums = ScoreOrder.RankOnThreads(labels, scores, twoThreads);
            AssertBits(auc, sums.Auc, $"AUC, two threads {twoThreads}");
            AssertBits(ap, sums.AveragePrecision, $"AP, two threads {twoThreads}");
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 5)]
    [InlineData(1, 9_000)]
    [InlineData(ScoreOrder.TwoRunKeys, ScoreOrder.TwoRunKeys)]
    [InlineData(30_000, 70_000)]
    public void SortRuns_OnTwoThreadsAndOnOne_SortEachRunLikeArraySort(int positives, int negatives)
    {
        var random = new MersenneTwister(11_000 + positives + negatives, threadSafe: false);
        int gap = 3; // keys between the runs, as SplitKeyBuffer leaves them: not touched
        ulong[] keys = [.. Enumerable.Range(0, positives + gap + negatives).Select(_ => ScoreOrder.Key(random.NextDouble() - 0.5))];
        ulong[] expected = (ulong[])keys.Clone();
        Array.Sort(expected, 0, positives);
        Array.Sort(expected, positives + gap, negatives);
        foreach (bool parallel in new[] { false, true })
        {
            ulong[] sorted = (ulong[])keys.Clone();
            ScoreOrder.SortRuns(sorted, positives, positives + gap, negatives, new ulong[positives + negatives], parallel);
            Assert.Equal(expected, sorted);
        }
    }

    [Fact]
    public void SplitByClass_Differing_IsTheOrOfEveryKeyXorTheFirst()
    {
        double[] scores = [0.5, -0.0, 0.0, 0.75, -3.0, 0.5];
        bool[] labels = [true, false, true, false, false, true];
        _ = ScoreOrder.SplitByClass(labels, scores, new ulong[scores.Length], out ulong differing);
        ulong first = ScoreOrder.Key(0.5);
        ulong expected = scores.Aggregate(0UL, (bits, s) => bits | (ScoreOrder.Key(s) ^ first));
        Assert.Equal(expected, differing);

        _ = ScoreOrder.SplitByClass([true, false], [0.0, -0.0], new ulong[2], out ulong zeros);
        Assert.Equal(0UL, zeros); // ±0 is one key
    }

    private static void AssertBits(double expected, double actual, string what) =>
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{what}: expected {expected:R}, got {actual:R}");

    /// <summary>
    /// Kind 0: distinct probabilities (score + i·10⁻¹², as the benchmark); 1: half the rows one score (heavy ties in one
    /// bucket), the rest distinct; 2: one class only (positives or negatives by the seed); 3: ±0, negatives and extremes
    /// mixed with distinct scores; 4: neighbouring doubles above 0.25, drawn with repeats from n of them (keys that differ
    /// only in their lowest ⌈log₂ n⌉ bits: few or no bits below the bucket digit; many ties); 5: every score distinct with about 1% positives; 6: every score the same.
    /// </summary>
    private static (bool[] Labels, double[] Scores) Generate(MersenneTwister random, int n, int kind)
    {
        double[] extremes = [0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, 1e-300, -1e300];
        bool onlyPositives = random.NextDouble() < 0.5;
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            labels[i] = kind switch
            {
                2 => onlyPositives,
                5 => u < 0.01,
                _ => u < 0.3,
            };
            double signal = (labels[i] ? 1.5 : 0.0) + (4 * random.NextDouble()) - 2.75;
            double probability = Math.Round(1.0 / (1.0 + Math.Exp(-signal)), 4) + (i * 1e-12);
            scores[i] = kind switch
            {
                1 => random.NextDouble() < 0.5 ? 0.25 : probability,
                3 => random.NextDouble() < 0.1 ? extremes[random.Next(extremes.Length)] : (probability - 0.5) * 1e3,
                4 => BitConverter.UInt64BitsToDouble(0x3FD0_0000_0000_0000UL + (ulong)random.Next(n)),
                6 => -1.5,
                _ => probability,
            };
        }

        return (labels, scores);
    }
}
