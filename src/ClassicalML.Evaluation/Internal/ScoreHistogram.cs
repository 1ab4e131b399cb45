using System.Runtime.InteropServices;

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

    /// <summary>
    /// Bins kept keys at this resolution and adds them, then limits the histogram to <paramref name="maxBins"/> bins, all within the
    /// buffer's own memory and the histogram's arrays (which grow up to <paramref name="maxBins"/>): the keys' layout is
    /// <see cref="KeptKeys"/>' (positives' in <c>[0, P)</c>, negatives' in <c>[L − N, L)</c>, weights at the same indices or empty
    /// when unweighted), and the keys are overwritten.
    /// </summary>
    internal void AddKeys(Span<ulong> buffer, int positives, int negatives, Span<double> weights, int maxBins)
    {
        // Bin ids drop at least 32 key bits, so they fit in 32 bits: written as uints over the front of the buffer (each write
        // lands at or before the key it replaces, which was read already), they leave half the buffer free as sort scratch.
        Span<uint> ids = MemoryMarshal.Cast<ulong, uint>(buffer);
        int length = buffer.Length;
        for (int i = 0; i < positives; i++)
        {
            ids[i] = (uint)(buffer[i] >> Shift);
        }

        for (int j = 0; j < negatives; j++)
        {
            ids[positives + j] = (uint)(buffer[length - negatives + j] >> Shift);
        }

        Span<uint> positiveIds = ids[..positives];
        Span<uint> negativeIds = ids.Slice(positives, negatives);
        Span<double> positiveWeights = weights.IsEmpty ? [] : weights[..positives];
        Span<double> negativeWeights = weights.IsEmpty ? [] : weights[(length - negatives)..];
        if (weights.IsEmpty)
        {
            Span<uint> scratch = ids[(positives + negatives)..];
            RadixSort(positiveIds, scratch);
            RadixSort(negativeIds, scratch);
        }
        else
        {
            positiveIds.Sort(positiveWeights); // exact sums of weights: the order within a bin does not matter
            negativeIds.Sort(negativeWeights);
        }

        AddSorted(positiveIds, positiveWeights, negativeIds, negativeWeights, maxBins);
    }

    /// <summary>
    /// Adds sorted bin ids (at this resolution) of each class, first coarsening to the finest resolution at which everything
    /// fits in <paramref name="maxBins"/> bins (the resolution <see cref="Limit"/> would reach), then merging from the back
    /// in place, so no bin array is ever longer than needed.
    /// </summary>
    private void AddSorted(ReadOnlySpan<uint> positives, ReadOnlySpan<double> positiveWeights, ReadOnlySpan<uint> negatives, ReadOnlySpan<double> negativeWeights, int maxBins)
    {
        int by = 0;
        int bins = UnionCount(positives, negatives, by);
        while (bins > maxBins && Shift + by < MaxShift)
        {
            bins = UnionCount(positives, negatives, ++by);
        }

        if (by > 0)
        {
            CoarsenTo(Shift + by);
        }

        Reserve(bins, maxBins);
        bool weighted = IsWeighted;
        int i = Count - 1;
        int a = positives.Length - 1;
        int b = negatives.Length - 1;
        for (int k = bins - 1; k >= 0; k--)
        {
            // The highest bin left: at most one from the histogram (its bins are distinct), a run from each class.
            ulong bin = Math.Max(i >= 0 ? Bins[i] : 0, Math.Max(a >= 0 ? positives[a] >> by : 0, b >= 0 ? negatives[b] >> by : 0));
            (long p, long q, Int128 pw, Int128 qw) = (0, 0, Int128.Zero, Int128.Zero);
            if (i >= 0 && Bins[i] == bin)
            {
                (p, q) = (Positives[i], Negatives[i]);
                (pw, qw) = weighted ? (PositiveWeights![i], NegativeWeights![i]) : (Int128.Zero, Int128.Zero);
                i--;
            }

            for (; a >= 0 && positives[a] >> by == bin; a--)
            {
                p++;
                pw += weighted ? FixedWeights.From(positiveWeights[a]) : Int128.Zero;
            }

            for (; b >= 0 && negatives[b] >> by == bin; b--)
            {
                q++;
                qw += weighted ? FixedWeights.From(negativeWeights[b]) : Int128.Zero;
            }

            (Bins[k], Positives[k], Negatives[k]) = (bin, p, q);
            if (weighted)
            {
                (PositiveWeights![k], NegativeWeights![k]) = (pw, qw);
            }
        }

        Count = bins;
    }

    /// <summary>The number of distinct bins of the histogram and the sorted ids together, with <paramref name="by"/> more bits dropped.</summary>
    private int UnionCount(ReadOnlySpan<uint> positives, ReadOnlySpan<uint> negatives, int by)
    {
        int i = 0;
        int a = 0;
        int b = 0;
        int count = 0;
        while (i < Count || a < positives.Length || b < negatives.Length)
        {
            ulong bin = Math.Min(i < Count ? Bins[i] >> by : ulong.MaxValue, Math.Min(a < positives.Length ? positives[a] >> by : ulong.MaxValue, b < negatives.Length ? negatives[b] >> by : ulong.MaxValue));
            for (; i < Count && Bins[i] >> by == bin; i++)
            {
            }

            for (; a < positives.Length && positives[a] >> by == bin; a++)
            {
            }

            for (; b < negatives.Length && negatives[b] >> by == bin; b++)
            {
            }

            count++;
        }

        return count;
    }

    /// <summary>Makes the bin arrays at least <paramref name="bins"/> long, doubling as they grow but no longer than <paramref name="maxBins"/> (or <paramref name="bins"/>).</summary>
    private void Reserve(int bins, int maxBins)
    {
        if (bins <= Bins.Length)
        {
            return;
        }

        int length = Math.Max(bins, (int)Math.Min(2L * Bins.Length, maxBins));
        Bins = Resized(Bins, length);
        Positives = Resized(Positives, length);
        Negatives = Resized(Negatives, length);
        if (IsWeighted)
        {
            PositiveWeights = Resized(PositiveWeights!, length);
            NegativeWeights = Resized(NegativeWeights!, length);
        }
    }

    /// <summary>Shortens the bin arrays to the occupied bins when they are longer than <paramref name="maxBins"/> (after <see cref="AddHistogram"/>).</summary>
    internal void Trim(int maxBins)
    {
        if (Bins.Length > maxBins)
        {
            (Bins, Positives, Negatives) = (Bins[..Count], Positives[..Count], Negatives[..Count]);
            (PositiveWeights, NegativeWeights) = (PositiveWeights?[..Count], NegativeWeights?[..Count]);
        }
    }

    /// <summary>The bytes held by the bin arrays, occupied or not.</summary>
    internal long ArrayBytes => (24L * Bins.Length) + (32L * (PositiveWeights?.Length ?? 0));

    private static T[] Resized<T>(T[] values, int length)
    {
        var resized = new T[length];
        values.AsSpan(0, Math.Min(values.Length, length)).CopyTo(resized);
        return resized;
    }

    /// <summary>
    /// Sorts 32-bit bin ids ascending with an LSD radix sort of three 11-bit digits (a pass is skipped when every id has the
    /// same digit), <paramref name="scratch"/> at least as long. Hand-written: <see cref="ScoreOrder.RadixSort"/> sorts 64-bit
    /// keys with a separate buffer of the same length; 32-bit ids sort in the free half of the kept buffer.
    /// </summary>
    private static void RadixSort(Span<uint> ids, Span<uint> scratch)
    {
        const int Bits = 11;
        const int Radix = 1 << Bits;
        if (ids.Length < 2)
        {
            return;
        }

        Span<int> counts = stackalloc int[3 * Radix];
        foreach (uint id in ids)
        {
            counts[(int)(id & (Radix - 1))]++;
            counts[Radix + (int)((id >> Bits) & (Radix - 1))]++;
            counts[(2 * Radix) + (int)(id >> (2 * Bits))]++;
        }

        Span<uint> source = ids;
        Span<uint> target = scratch[..ids.Length];
        for (int pass = 0; pass < 3; pass++)
        {
            Span<int> offsets = counts.Slice(pass * Radix, Radix);
            int shift = pass * Bits;
            if (offsets[(int)((source[0] >> shift) & (Radix - 1))] == ids.Length)
            {
                continue;
            }

            int sum = 0;
            for (int d = 0; d < Radix; d++)
            {
                (offsets[d], sum) = (sum, sum + offsets[d]);
            }

            foreach (uint id in source)
            {
                target[offsets[(int)((id >> shift) & (Radix - 1))]++] = id;
            }

            Span<uint> swap = source;
            source = target;
            target = swap;
        }

        if (source != ids)
        {
            source.CopyTo(ids);
        }
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
