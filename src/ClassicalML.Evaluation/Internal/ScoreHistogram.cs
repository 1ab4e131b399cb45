namespace ClassicalML.Evaluation;

/// <summary>
/// A histogram of scores by class over the order-preserving keys of <see cref="ScoreOrder.Key"/>:
/// bin b holds the scores whose key shifted right by <see cref="Shift"/> equals b, so bins are
/// contiguous score intervals in score order, about 2^(Shift − 52) of the score wide relative to
/// its size (Shift 32: 20 mantissa bits, relative width about 1e-6). Bins are kept sorted
/// ascending; only occupied bins are stored. Hand-written: no library offers a mergeable,
/// order-preserving histogram of doubles by class.
/// </summary>
internal sealed class ScoreHistogram
{
    /// <summary>The finest resolution: the top 32 key bits (sign, 11 exponent bits, 20 mantissa bits).</summary>
    internal const int InitialShift = 32;

    /// <summary>The coarsest resolution: two bins (negative scores, non-negative scores).</summary>
    internal const int MaxShift = 63;

    internal ScoreHistogram(int shift, ulong[] bins, long[] positives, long[] negatives, int count, Int128[]? positiveWeights = null, Int128[]? negativeWeights = null)
    {
        Shift = shift;
        Bins = bins;
        Positives = positives;
        Negatives = negatives;
        Count = count;
        PositiveWeights = positiveWeights;
        NegativeWeights = negativeWeights;
    }

    /// <summary>The positives' weight per bin (<see cref="FixedWeights"/>), or null when the rows are unweighted.</summary>
    internal Int128[]? PositiveWeights { get; private set; }

    /// <summary>The negatives' weight per bin (<see cref="FixedWeights"/>), or null when the rows are unweighted.</summary>
    internal Int128[]? NegativeWeights { get; private set; }

    /// <summary>True when the bins also hold sums of weights.</summary>
    internal bool IsWeighted => PositiveWeights is not null;

    /// <summary>Low key bits dropped to form a bin.</summary>
    internal int Shift { get; private set; }

    /// <summary>Bin ids, strictly increasing, in <c>[..Count]</c>.</summary>
    internal ulong[] Bins { get; private set; }

    /// <summary>Positives per bin.</summary>
    internal long[] Positives { get; private set; }

    /// <summary>Negatives per bin.</summary>
    internal long[] Negatives { get; private set; }

    /// <summary>Number of occupied bins.</summary>
    internal int Count { get; private set; }

    /// <summary>An empty histogram at <see cref="InitialShift"/> (with sums of weights when <paramref name="weighted"/>).</summary>
    internal static ScoreHistogram Empty(bool weighted = false) =>
        weighted ? new(InitialShift, [], [], [], 0, [], []) : new(InitialShift, [], [], [], 0);

    /// <summary>A deep copy.</summary>
    internal ScoreHistogram Clone() =>
        new(Shift, Bins[..Count], Positives[..Count], Negatives[..Count], Count, PositiveWeights?[..Count], NegativeWeights?[..Count]);

    /// <summary>Bins weighted keys (split by class, weights aligned with them) and adds them; the histogram must be weighted.</summary>
    internal void AddKeys(ReadOnlySpan<ulong> positiveKeys, ReadOnlySpan<double> positiveWeights, ReadOnlySpan<ulong> negativeKeys, ReadOnlySpan<double> negativeWeights)
    {
        AddHistogram(OneClass(positiveKeys, positiveWeights, positive: true));
        AddHistogram(OneClass(negativeKeys, negativeWeights, positive: false));
    }

    /// <summary>A weighted histogram at this resolution of one class's keys: rows and fixed-point weight per bin.</summary>
    private ScoreHistogram OneClass(ReadOnlySpan<ulong> keys, ReadOnlySpan<double> weights, bool positive)
    {
        var bins = new ulong[keys.Length];
        var fixedWeights = new Int128[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            bins[i] = keys[i] >> Shift;
            fixedWeights[i] = FixedWeights.From(weights[i]);
        }

        bins.AsSpan().Sort(fixedWeights.AsSpan()); // exact sums: the order within a bin does not matter
        var ids = new List<ulong>();
        var rows = new List<long>();
        var sums = new List<Int128>();
        for (int i = 0; i < bins.Length; i++)
        {
            if (i == 0 || bins[i] != bins[i - 1])
            {
                ids.Add(bins[i]);
                rows.Add(0);
                sums.Add(Int128.Zero);
            }

            rows[^1]++;
            sums[^1] += fixedWeights[i];
        }

        long[] none = new long[ids.Count];
        Int128[] noWeight = new Int128[ids.Count];
        return positive
            ? new ScoreHistogram(Shift, [.. ids], [.. rows], none, ids.Count, [.. sums], noWeight)
            : new ScoreHistogram(Shift, [.. ids], none, [.. rows], ids.Count, noWeight, [.. sums]);
    }

    /// <summary>Bins the keys (split by class) at this histogram's resolution and adds them.</summary>
    internal void AddKeys(ReadOnlySpan<ulong> positiveKeys, ReadOnlySpan<ulong> negativeKeys)
    {
        if (positiveKeys.IsEmpty && negativeKeys.IsEmpty)
        {
            return;
        }

        SortedKeys sorted = ScoreOrder.SortByClass(positiveKeys, negativeKeys);
        ulong[] keys = sorted.Keys;
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] >>= Shift; // monotone, so both runs stay sorted
        }

        var groups = new TieGroups(sorted);
        var bins = new List<(ulong Bin, long P, long Q)>();
        while (groups.Next(out ulong bin, out long p, out long q))
        {
            bins.Add((bin, p, q));
        }

        bins.Reverse(); // ascending
        var other = new ScoreHistogram(
            Shift,
            [.. bins.Select(b => b.Bin)],
            [.. bins.Select(b => b.P)],
            [.. bins.Select(b => b.Q)],
            bins.Count);
        AddHistogram(other);
    }

    /// <summary>Adds another histogram, first bringing both to the coarser of the two resolutions.</summary>
    internal void AddHistogram(ScoreHistogram other)
    {
        if (other.Shift > Shift)
        {
            CoarsenTo(other.Shift);
        }

        int shift = Shift - other.Shift; // other is at least as fine as this now
        int capacity = Count + other.Count;
        var bins = new ulong[capacity];
        var pos = new long[capacity];
        var neg = new long[capacity];
        Int128[]? posWeights = IsWeighted ? new Int128[capacity] : null;
        Int128[]? negWeights = IsWeighted ? new Int128[capacity] : null;
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < Count || j < other.Count)
        {
            ulong b = i < Count && (j >= other.Count || Bins[i] <= other.Bins[j] >> shift)
                ? Bins[i]
                : other.Bins[j] >> shift;
            int i0 = i;
            int j0 = j;
            long p = 0;
            long q = 0;
            while (i < Count && Bins[i] == b)
            {
                p += Positives[i];
                q += Negatives[i];
                i++;
            }

            while (j < other.Count && other.Bins[j] >> shift == b)
            {
                p += other.Positives[j];
                q += other.Negatives[j];
                j++;
            }

            bins[k] = b;
            pos[k] = p;
            neg[k] = q;
            if (posWeights is not null)
            {
                posWeights[k] = Sum(PositiveWeights!, i0, i) + Sum(other.PositiveWeights!, j0, j);
                negWeights![k] = Sum(NegativeWeights!, i0, i) + Sum(other.NegativeWeights!, j0, j);
            }

            k++;
        }

        Bins = bins;
        Positives = pos;
        Negatives = neg;
        PositiveWeights = posWeights;
        NegativeWeights = negWeights;
        Count = k;
    }

    private static Int128 Sum(Int128[] values, int from, int to)
    {
        Int128 sum = Int128.Zero;
        for (int i = from; i < to; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    /// <summary>Drops key bits one at a time until at most <paramref name="maxBins"/> bins are occupied.</summary>
    internal void Limit(int maxBins)
    {
        while (Count > maxBins && Shift < MaxShift)
        {
            CoarsenTo(Shift + 1);
        }
    }

    /// <summary>Merges adjacent bins so that bins drop <paramref name="shift"/> key bits.</summary>
    internal void CoarsenTo(int shift)
    {
        int by = shift - Shift;
        int k = -1;
        for (int i = 0; i < Count; i++)
        {
            ulong b = Bins[i] >> by;
            if (k >= 0 && Bins[k] == b)
            {
                Positives[k] += Positives[i];
                Negatives[k] += Negatives[i];
                if (PositiveWeights is not null)
                {
                    PositiveWeights[k] += PositiveWeights[i];
                    NegativeWeights![k] += NegativeWeights[i];
                }
            }
            else
            {
                k++;
                Bins[k] = b;
                Positives[k] = Positives[i];
                Negatives[k] = Negatives[i];
                if (PositiveWeights is not null)
                {
                    PositiveWeights[k] = PositiveWeights[i];
                    NegativeWeights![k] = NegativeWeights[i];
                }
            }
        }

        Count = k + 1;
        Shift = shift;
    }

    /// <summary>AUC, AP and their error bounds with every bin treated as one group of tied scores (weighted when the bins hold weights).</summary>
    internal RankingSums Ranking()
    {
        if (IsWeighted)
        {
            return WeightedRanking();
        }

        long positives = 0;
        long negatives = 0;
        for (int i = 0; i < Count; i++)
        {
            positives += Positives[i];
            negatives += Negatives[i];
        }

        var sums = new RankingSums(positives, negatives, bounds: true);
        for (int i = Count - 1; i >= 0; i--)
        {
            sums.Add(Positives[i], Negatives[i]);
        }

        return sums;
    }

    /// <summary>Weighted AUC and AP from the bins' sums of weights, highest bin first, bins of weight 0 skipped.</summary>
    private RankingSums WeightedRanking()
    {
        // The totals summed bin by bin in the same order as the running sums, so the last bin ends at recall 1.
        double positives = 0;
        double negatives = 0;
        for (int i = Count - 1; i >= 0; i--)
        {
            positives += FixedWeights.ToDouble(PositiveWeights![i]);
            negatives += FixedWeights.ToDouble(NegativeWeights![i]);
        }

        var sums = new RankingSums(positives, negatives, bounds: true);
        for (int i = Count - 1; i >= 0; i--)
        {
            double p = FixedWeights.ToDouble(PositiveWeights![i]);
            double q = FixedWeights.ToDouble(NegativeWeights![i]);
            if (p + q > 0)
            {
                sums.AddWeighted(p, q);
            }
        }

        return sums;
    }
}
