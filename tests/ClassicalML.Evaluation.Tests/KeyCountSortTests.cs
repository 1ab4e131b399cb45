using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// The run scan of <see cref="KeyCountSort"/> (issue #18): keys that share the window of the two counting passes, in runs
/// short enough for insertion sorts and longer than <see cref="KeyCountSort.Leaf"/> (the MSD sort), sort like
/// <see cref="Array.Sort(Array)"/> with their counts carried, and give the AUC and AP bits of <see cref="LegacyRanking"/>
/// through <see cref="TieCounts"/>.
/// </summary>
public class KeyCountSortTests
{
    public static TheoryData<int, int> Cases => new()
    {
        { 0, 33 }, { 0, 1000 }, { 0, 9_999 }, { 0, 32_768 },
        { 1, 40 }, { 1, 1000 }, { 1, 20_000 },
        { 2, 33 }, { 2, 5000 }, { 2, 32_768 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sort_KeysSharingTheWindow_SortsLikeArraySortWithTheCountsCarried(int kind, int d)
    {
        var random = new MersenneTwister(1_000 + (kind * 100_000) + d, threadSafe: false);
        ulong[] keys = Keys(random, kind, d);
        ulong[] counts = [.. keys.Select(k => k * 0x9E37_79B9_7F4A_7C15UL)];
        ulong[] expected = [.. keys.Order()];

        ulong[] sortedKeys = [.. keys];
        ulong[] sortedCounts = [.. counts];
        KeyCountSort.Sort(sortedKeys, sortedCounts, new ulong[d], new ulong[d]);
        Assert.Equal(expected, sortedKeys);
        Assert.Equal(expected.Select(k => k * 0x9E37_79B9_7F4A_7C15UL), sortedCounts);

        // The overload TieCounts calls, with the AND and OR of the keys as its table keeps them.
        ulong all = keys.Aggregate(ulong.MaxValue, (a, k) => a & k);
        ulong any = keys.Aggregate(0UL, (a, k) => a | k);
        KeyCountSort.Sort(keys, counts, new ulong[d], new ulong[d], all, any);
        Assert.Equal(expected, keys);
        Assert.Equal(expected.Select(k => k * 0x9E37_79B9_7F4A_7C15UL), counts);
    }

    /// <summary>
    /// <see cref="KeyCountSort.SortFrom"/> (the copy out of the table fused with the digit histograms) gives the order and
    /// counts of a copy sorted by <see cref="KeyCountSort.Sort(Span{ulong}, Span{ulong}, Span{ulong}, Span{ulong}, ulong, ulong)"/>,
    /// for sizes around <see cref="KeyCountSort.Leaf"/> and keys in random slots of a larger table.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    [InlineData(0, 0)]
    [InlineData(0, 1)]
    [InlineData(2, 2)]
    [InlineData(0, 31)]
    [InlineData(1, 32)]
    public void SortFrom_KeysInTableSlots_SortsLikeSortOfACopy(int kind, int d)
    {
        var random = new MersenneTwister(3_000 + (kind * 100_000) + d, threadSafe: false);
        ulong[] keys = d == 0 ? [] : Keys(random, kind, d);
        int size = 4 * Math.Max(d, 1);
        var entries = new ulong[2 * size];
        int[] slots = [.. Enumerable.Range(0, size).OrderBy(_ => random.Next()).Take(d)];
        for (int i = 0; i < d; i++)
        {
            entries[2 * slots[i]] = keys[i];
            entries[(2 * slots[i]) + 1] = keys[i] * 0x9E37_79B9_7F4A_7C15UL;
        }

        ulong all = keys.Aggregate(ulong.MaxValue, (a, k) => a & k);
        ulong any = keys.Aggregate(0UL, (a, k) => a | k);
        ulong[] expectedKeys = [.. keys];
        ulong[] expectedCounts = [.. keys.Select(k => k * 0x9E37_79B9_7F4A_7C15UL)];
        KeyCountSort.Sort(expectedKeys, expectedCounts, new ulong[d], new ulong[d], all, any);

        var sortedKeys = new ulong[d];
        var sortedCounts = new ulong[d];
        KeyCountSort.SortFrom(entries, slots, sortedKeys, sortedCounts, new ulong[d], new ulong[d], all, any);
        Assert.Equal(expectedKeys, sortedKeys);
        Assert.Equal(expectedCounts, sortedCounts);
        Assert.Equal(keys.Order(), sortedKeys);
    }

    [Theory]
    [InlineData(1, 3_000, 0)]
    [InlineData(2, 3_000, 1)]
    [InlineData(3, 12_000, 2)]
    [InlineData(4, 20_000, 1)] // past the table's first size: it grows, then sorts
    public void TryRank_ScoresSharingTheWindow_EqualTheLegacyAlgorithmBitForBit(int seed, int distinct, int kind)
    {
        var random = new MersenneTwister(2_000 + seed, threadSafe: false);
        var seen = new HashSet<ulong>();
        var values = new List<double>();
        while (values.Count < distinct)
        {
            // Spread scores (rounded probabilities, negatives) and a cluster a few ulps apart: the cluster shares the window.
            double value = random.Next(3) switch
            {
                0 => Math.Round(random.NextDouble(), 4),
                1 => -Math.Round(random.NextDouble() * 100, 2),
                _ => kind switch
                {
                    0 => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(0.5) + random.Next(4 * distinct)),
                    1 => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(0.25) + (random.Next(distinct) << 8)),
                    _ => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(-3.0) + random.Next(distinct)),
                },
            };
            if (seen.Add(ScoreOrder.Key(value)))
            {
                values.Add(value);
            }
        }

        int n = 5 * distinct;
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            scores[i] = i < distinct ? values[i] : values[random.Next(distinct)];
            labels[i] = random.NextDouble() < 0.35;
        }

        for (int i = n - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (scores[i], scores[j]) = (scores[j], scores[i]);
        }

        Assert.True(TieCounts.TryRank(labels, scores, out RankingSums tied));
        (double auc, double ap) = LegacyRanking.Unweighted(labels, scores);
        Assert.Equal(BitConverter.DoubleToInt64Bits(auc), BitConverter.DoubleToInt64Bits(tied.Auc));
        Assert.Equal(BitConverter.DoubleToInt64Bits(ap), BitConverter.DoubleToInt64Bits(tied.AveragePrecision));
        Assert.Equal(BitConverter.DoubleToInt64Bits(auc), BitConverter.DoubleToInt64Bits(Roc.Auc(labels, scores)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(ap), BitConverter.DoubleToInt64Bits(PrecisionRecall.AveragePrecision(labels, scores)));
    }

    /// <summary>
    /// Kind 0: keys spread over 64 bits, each with up to 7 neighbours that differ only in the lowest 3 bits (runs of 2–8
    /// keys that share the window: insertion sorts); 1: as 0 plus one cluster of d/2 keys that differ only in their
    /// lowest 16 bits (a run longer than <see cref="KeyCountSort.Leaf"/>: the MSD sort); 2: rounded probabilities
    /// (heavy-tie benchmark-like keys) and a cluster of doubles 1 ulp apart.
    /// </summary>
    private static ulong[] Keys(MersenneTwister random, int kind, int d)
    {
        var set = new HashSet<ulong>();
        ulong clusterBase = ((ulong)(uint)random.Next() << 32) & ~0xFFFFUL;
        while (set.Count < d)
        {
            ulong spread = ((ulong)(uint)random.Next() << 33) ^ ((ulong)(uint)random.Next() << 3);
            switch (kind)
            {
                case 0:
                    for (int k = random.Next(1, 9); k > 0 && set.Count < d; k--)
                    {
                        set.Add(spread | (uint)random.Next(8));
                    }

                    break;
                case 1:
                    set.Add(set.Count < d / 2 ? clusterBase + (ulong)random.Next(1 << 16) : spread | (uint)random.Next(8));
                    break;
                default:
                    set.Add(random.Next(2) == 0
                        ? ScoreOrder.Key(Math.Round(random.NextDouble(), 4))
                        : ScoreOrder.Key(0.75) + (ulong)random.Next(4 * d));
                    break;
            }
        }

        return [.. set];
    }
}
