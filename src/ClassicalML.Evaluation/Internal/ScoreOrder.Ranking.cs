using System.Buffers;

namespace ClassicalML.Evaluation;

/// <summary>
/// The fused path of <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> and
/// <see cref="PrecisionRecall.AveragePrecision(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> (issue #18): the same sorted runs
/// and the same groups as <see cref="SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> and
/// <see cref="RankingSums.From(SortedKeys)"/>, hence the same bits, at close to the cost of the radix passes.
/// </summary>
/// <remarks>
/// Few distinct scores go through <see cref="TieCounts"/> (one pass, no sort of n keys). Otherwise the split keys and
/// the scratch run live in buffers rented from <see cref="ArrayPool{T}.Shared"/>, so repeated calls do not fault in
/// fresh pages, and from <see cref="ParallelKeys"/> keys of a run on, each radix pass is split between two threads:
/// each scatters one half of the run, the second half's keys of a digit after the first half's, so the sorted run is
/// the one a sequential pass gives (a sorted array of keys is unique) on any number of cores.
/// </remarks>
internal static partial class ScoreOrder
{
    /// <summary>From this many keys in a run on, a radix pass uses two threads.</summary>
    internal const int ParallelKeys = 1 << 17;

    /// <summary>
    /// The ranking sums of unweighted rows: <c>RankingSums.From(SortByClass(labels, scores))</c>, the same bits.
    /// Inputs must be validated.
    /// </summary>
    internal static RankingSums Rank(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (TieCounts.TryRank(labels, scores, out RankingSums tied))
        {
            return tied;
        }

        int n = scores.Length;
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(n);
        ulong[]? buffer = null;
        try
        {
            int positives = SplitByClass(labels, scores, keys);
            buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(positives, n - positives));
            RadixSort(keys, 0, positives, buffer);
            RadixSort(keys, positives, n - positives, buffer);
            return RankingSums.FromRuns(keys.AsSpan(0, positives), keys.AsSpan(positives, n - positives));
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<ulong>.Shared.Return(buffer);
            }

            ArrayPool<ulong>.Shared.Return(keys);
        }
    }

    /// <summary>
    /// Sorts <c>keys[start..start + length]</c> ascending with the LSD radix sort of
    /// <see cref="RadixSort(Span{ulong}, Span{ulong})"/>, <paramref name="buffer"/> (at least <paramref name="length"/>
    /// long) as scratch, two threads per pass from <see cref="ParallelKeys"/> keys on.
    /// </summary>
    internal static void RadixSort(ulong[] keys, int start, int length, ulong[] buffer)
    {
        if (length < ParallelKeys)
        {
            RadixSort(keys.AsSpan(start, length), buffer.AsSpan(0, length));
            return;
        }

        int mid = length / 2;
        var pass = new RadixPass(length, mid);
        Parallel.Invoke(
            () => pass.CountAll(keys, start, 0, mid, pass.Low),
            () => pass.CountAll(keys, start, mid, length, pass.High));
        (ulong[] Array, int Start) source = (keys, start);
        (ulong[] Array, int Start) target = (buffer, 0);
        int digit = pass.NextDigit(-1);
        while (digit < Passes)
        {
            int next = pass.NextDigit(digit);
            pass.Begin(digit);
            (ulong[] Array, int Start) from = source;
            (ulong[] Array, int Start) to = target;
            Parallel.Invoke(
                () => pass.Scatter(from, to, 0, mid, digit, next, pass.Low),
                () => pass.Scatter(from, to, mid, length, digit, next, pass.High));
            pass.EndScatter(next);
            (source, target) = (target, source);
            digit = next;
        }

        if (source.Array != keys)
        {
            source.Array.AsSpan(source.Start, length).CopyTo(keys.AsSpan(start, length));
        }
    }

    /// <summary>
    /// The counts of one two-thread radix sort: the digit histograms of the whole run (to skip constant digits) and, per
    /// half of the source of the coming pass, the histogram of that pass's digit, counted while the previous pass
    /// scattered (by the half each key lands in), so no pass reads the keys twice.
    /// </summary>
    private sealed class RadixPass(int length, int mid)
    {
        private readonly int[] _all = new int[Passes * Radix];
        private readonly int[] _lowOffsets = new int[Radix];
        private readonly int[] _highOffsets = new int[Radix];

        /// <summary>The first half's worker: its histograms and its next-pass counts by target half.</summary>
        internal Worker Low { get; } = new();

        /// <summary>The second half's worker.</summary>
        internal Worker High { get; } = new();

        /// <summary>All digit histograms of <c>keys[start + from..start + to]</c> into the worker's counts.</summary>
        internal void CountAll(ulong[] keys, int start, int from, int to, Worker worker)
        {
            int[] counts = worker.All;
            foreach (ulong key in keys.AsSpan(start + from, to - from))
            {
                counts[(int)(key & DigitMask)]++;
                counts[Radix + (int)((key >> DigitBits) & DigitMask)]++;
                counts[(2 * Radix) + (int)((key >> (2 * DigitBits)) & DigitMask)]++;
                counts[(3 * Radix) + (int)((key >> (3 * DigitBits)) & DigitMask)]++;
                counts[(4 * Radix) + (int)((key >> (4 * DigitBits)) & DigitMask)]++;
                counts[(5 * Radix) + (int)(key >> (5 * DigitBits))]++;
            }
        }

        /// <summary>The next pass after <paramref name="digit"/> whose digit is not the same for every key (<see cref="Passes"/> when none).</summary>
        internal int NextDigit(int digit)
        {
            if (digit < 0)
            {
                for (int i = 0; i < _all.Length; i++)
                {
                    _all[i] = Low.All[i] + High.All[i];
                }
            }

            for (int d = digit + 1; d < Passes; d++)
            {
                if (_all.AsSpan(d * Radix, Radix).IndexOf(length) < 0)
                {
                    return d; // no digit value holds every key
                }
            }

            return Passes;
        }

        /// <summary>Offsets of pass <paramref name="digit"/>: digit value v's keys from the first half, then from the second.</summary>
        internal void Begin(int digit)
        {
            ReadOnlySpan<int> low = Low.PassCounts(digit);
            ReadOnlySpan<int> high = High.PassCounts(digit);
            int sum = 0;
            for (int v = 0; v < Radix; v++)
            {
                _lowOffsets[v] = sum;
                _highOffsets[v] = sum + low[v];
                sum += low[v] + high[v];
            }
        }

        /// <summary>Moves the source's keys <c>[from..to]</c> to their places of pass <paramref name="digit"/>, counting digit <paramref name="next"/> by landing half.</summary>
        internal void Scatter((ulong[] Array, int Start) source, (ulong[] Array, int Start) target, int from, int to, int digit, int next, Worker worker)
        {
            int[] offsets = worker == Low ? _lowOffsets : _highOffsets;
            int shift = digit * DigitBits;
            Span<ulong> into = target.Array.AsSpan(target.Start, length);
            ReadOnlySpan<ulong> keys = source.Array.AsSpan(source.Start + from, to - from);
            if (next >= Passes)
            {
                foreach (ulong key in keys)
                {
                    into[offsets[(int)((key >> shift) & DigitMask)]++] = key;
                }

                return;
            }

            int nextShift = next * DigitBits;
            int[] landed = worker.Landed;
            Array.Clear(landed);
            foreach (ulong key in keys)
            {
                int at = offsets[(int)((key >> shift) & DigitMask)]++;
                into[at] = key;
                int half = (int)((uint)(mid - 1 - at) >> 31); // 1 when the key lands in the second half
                landed[(half << DigitBits) + (int)((key >> nextShift) & DigitMask)]++;
            }
        }

        /// <summary>After a pass: the next pass's counts per source half are the keys that landed there from both workers.</summary>
        internal void EndScatter(int next)
        {
            if (next >= Passes)
            {
                return;
            }

            Span<int> low = Low.All.AsSpan(next * Radix, Radix);
            Span<int> high = High.All.AsSpan(next * Radix, Radix);
            for (int v = 0; v < Radix; v++)
            {
                low[v] = Low.Landed[v] + High.Landed[v];
                high[v] = Low.Landed[Radix + v] + High.Landed[Radix + v];
            }
        }
    }

    /// <summary>One worker's counts: all digit histograms of its half, then per pass the counts of keys it landed in each half.</summary>
    private sealed class Worker
    {
        internal int[] All { get; } = new int[Passes * Radix];

        internal int[] Landed { get; } = new int[2 * Radix];

        internal ReadOnlySpan<int> PassCounts(int digit) => All.AsSpan(digit * Radix, Radix);
    }
}
