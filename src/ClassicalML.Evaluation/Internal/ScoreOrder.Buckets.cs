using System.Buffers;
using System.Numerics;

namespace ClassicalML.Evaluation;

/// <summary>
/// The large-input sort of <see cref="Rank"/> (issue #18): one MSD radix pass over the split keys on the
/// highest 11 bits in which the keys differ, then an LSD radix sort of each bucket on the bits below, where a bucket
/// (≈ 10,000–30,000 keys for 10⁷ probabilities) stays in the second-level cache for all of its passes.
/// </summary>
/// <remarks>
/// Hand-written because .NET has no radix sort. Every step is a list of independent items (16 chunks of keys counted,
/// the same chunks scattered, then 2 × 2,048 buckets sorted) that two threads claim one at a time, so neither waits for
/// the other longer than one item at the end of a step (the 3:7 class split of the benchmark data left the second core
/// idle when each thread sorted one class), and a thread that starts late finds the items done. Memory: the split keys
/// and a scratch array of n keys, 256 KiB of counts (pooled), 24 KiB of stack per thread. Each bucket is sorted by one thread and a sorted array of keys is
/// unique, so the result is the same whichever thread sorts which item, on any number of cores.
/// </remarks>
internal static partial class ScoreOrder
{
    /// <summary>Keys counted and scattered as one item: n is cut into this many chunks.</summary>
    internal const int Chunks = 16;

    private const int LowPasses = 6; // ⌈(64 − 11) / 10⌉: the most passes SortLowBits makes below a bucket digit

    private const int BucketBits = 11; // 2,048 buckets: one of 10⁷ probabilities (≤ 34,000 keys) fits the 1 MiB L2 with its scratch

    /// <summary>
    /// Sorts the two runs of split keys, <c>keys[..positives]</c> and <c>keys[positives..n]</c>, each ascending in place,
    /// using <paramref name="buffer"/> (n long) as scratch: the keys <see cref="RadixSort"/> of each run gives.
    /// <paramref name="differing"/>: the OR of every key XOR one of them (the bits in which the keys differ).
    /// <paramref name="helper"/>: claim items on a thread-pool thread too.
    /// </summary>
    internal static void SortByBuckets(ulong[] keys, ulong[] buffer, int n, int positives, ulong differing, bool helper)
    {
        int[] counts = ArrayPool<int>.Shared.Rent(2 * Chunks * BucketSort.Radix);
        try
        {
            int top = 64 - BitOperations.LeadingZeroCount(differing);
            var sort = new BucketSort(keys, buffer, n, positives, Math.Max(0, top - BucketBits), counts);
            if (helper)
            {
                _ = ThreadPool.UnsafeQueueUserWorkItem(static s => s.Work(), sort, preferLocal: false);
            }

            sort.Work();
            sort.WaitForAll();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>
    /// Sorts <paramref name="source"/>, whose keys agree above their lowest <paramref name="bits"/> bits (at most 53), into
    /// <paramref name="target"/> (same length) with an LSD radix sort of ⌈bits/10⌉ passes of equal digits (a pass skipped
    /// when every key has the same digit); <paramref name="source"/> is scratch. <paramref name="counts"/>: at least
    /// 6 × 1,024 ints.
    /// </summary>
    internal static void SortLowBits(Span<ulong> source, Span<ulong> target, int bits, Span<int> counts)
    {
        int n = source.Length;
        int passes = (bits + DigitBits - 1) / DigitBits;
        if (n < 2 || passes == 0)
        {
            source.CopyTo(target);
            return;
        }

        int width = (bits + passes - 1) / passes;
        int radix = 1 << width;
        ulong mask = (ulong)radix - 1;
        // All digits counted in one read. Each count is a store, and stores bound these loops: count no digit more.
        Span<int> histograms = counts[..(passes * radix)];
        histograms.Clear();
        if (passes == 5)
        {
            CountFive(source, histograms, width, radix);
        }
        else
        {
            foreach (ulong key in source)
            {
                for (int pass = 0, shift = 0; pass < passes; pass++, shift += width)
                {
                    histograms[(pass * radix) + (int)((key >> shift) & mask)]++;
                }
            }
        }

        // Ping-pong between the two spans; an even number of moves ends in source, then one copy to target.
        Span<ulong> from = source;
        Span<ulong> to = target;
        for (int pass = 0, shift = 0; pass < passes; pass++, shift += width)
        {
            Span<int> offsets = histograms.Slice(pass * radix, radix);
            if (offsets[(int)((from[0] >> shift) & mask)] == n)
            {
                continue; // every key has the same digit
            }

            int sum = 0;
            for (int d = 0; d < radix; d++)
            {
                int count = offsets[d];
                offsets[d] = sum;
                sum += count;
            }

            foreach (ulong key in from)
            {
                to[offsets[(int)((key >> shift) & mask)]++] = key;
            }

            Span<ulong> swap = from;
            from = to;
            to = swap;
        }

        if (from != target)
        {
            from.CopyTo(target);
        }
    }

    /// <summary>Five digits of <paramref name="width"/> bits counted in one unrolled read (45–50 bits: probabilities' buckets at 10⁷).</summary>
    private static void CountFive(ReadOnlySpan<ulong> keys, Span<int> histograms, int width, int radix)
    {
        ulong mask = (ulong)radix - 1;
        int w2 = 2 * width;
        int w3 = 3 * width;
        int w4 = 4 * width;
        foreach (ulong key in keys)
        {
            histograms[(int)(key & mask)]++;
            histograms[radix + (int)((key >> width) & mask)]++;
            histograms[(2 * radix) + (int)((key >> w2) & mask)]++;
            histograms[(3 * radix) + (int)((key >> w3) & mask)]++;
            histograms[(4 * radix) + (int)((key >> w4) & mask)]++;
        }
    }

    /// <summary>
    /// The state of one <see cref="SortByBuckets"/> call, shared by the threads that claim its items. The bucket digit is
    /// bits [shift, shift + 11) of a key; every key has the same bits above it.
    /// </summary>
    private sealed class BucketSort(ulong[] keys, ulong[] buffer, int n, int positives, int shift, int[] counts)
    {
        internal const int Radix = 1 << BucketBits;
        private const int Steps = 3; // count, scatter, sort buckets
        private readonly int _chunkLength = (n + Chunks - 1) / Chunks;
        private readonly int[] _claimed = new int[Steps];
        private readonly int[] _done = new int[Steps];
        private volatile int _ready; // steps whose items (and closing work) are all done

        // counts: per chunk and class (0 positives, 1 negatives) a histogram of Radix ints, offsets after step 0.
        private static int Items(int step) => step < 2 ? Chunks : 2 * Radix;

        /// <summary>Claims and runs items of every step until none is left; waits between steps for claimed items only.</summary>
        internal void Work()
        {
            Span<int> histograms = stackalloc int[LowPasses * ScoreOrder.Radix];
            for (int step = 0; step < Steps; step++)
            {
                WaitFor(step);
                int item;
                while ((item = Interlocked.Increment(ref _claimed[step]) - 1) < Items(step))
                {
                    Run(step, item, histograms);
                    if (Interlocked.Increment(ref _done[step]) == Items(step))
                    {
                        if (step == 0)
                        {
                            Offsets();
                        }

                        _ready = step + 1;
                    }
                }
            }
        }

        /// <summary>Returns once every item of every step is done (by either thread).</summary>
        internal void WaitForAll() => WaitFor(Steps);

        private void WaitFor(int step)
        {
            var spin = default(SpinWait);
            while (_ready < step)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        private void Run(int step, int item, Span<int> histograms)
        {
            switch (step)
            {
                case 0: Count(item); break;
                case 1: Scatter(item); break;
                default: SortBucket(item, histograms); break;
            }
        }

        /// <summary>Counts to offsets: each class's buckets in order from its run's start, each bucket's chunks in order.</summary>
        private void Offsets()
        {
            int sum = 0;
            for (int cls = 0; cls < 2; cls++)
            {
                for (int d = 0; d < Radix; d++)
                {
                    for (int c = 0; c < Chunks; c++)
                    {
                        int at = (((2 * c) + cls) * Radix) + d;
                        int count = counts[at];
                        counts[at] = sum;
                        sum += count;
                    }
                }
            }
        }

        private void Count(int chunk)
        {
            (int start, int cut, int end) = ChunkKeys(chunk);
            Span<ulong> positiveKeys = keys.AsSpan(start, cut - start);
            Span<ulong> negativeKeys = keys.AsSpan(cut, end - cut);
            Span<int> positiveCounts = counts.AsSpan(2 * chunk * Radix, Radix);
            Span<int> negativeCounts = counts.AsSpan(((2 * chunk) + 1) * Radix, Radix);
            positiveCounts.Clear();
            negativeCounts.Clear();
            foreach (ulong key in positiveKeys)
            {
                positiveCounts[(int)(key >> shift) & (Radix - 1)]++;
            }

            foreach (ulong key in negativeKeys)
            {
                negativeCounts[(int)(key >> shift) & (Radix - 1)]++;
            }
        }

        private void Scatter(int chunk)
        {
            (int start, int cut, int end) = ChunkKeys(chunk);
            Span<ulong> positiveKeys = keys.AsSpan(start, cut - start);
            Span<ulong> negativeKeys = keys.AsSpan(cut, end - cut);
            Span<int> positiveOffsets = counts.AsSpan(2 * chunk * Radix, Radix);
            Span<int> negativeOffsets = counts.AsSpan(((2 * chunk) + 1) * Radix, Radix);
            Span<ulong> target = buffer.AsSpan(0, n);
            foreach (ulong key in positiveKeys)
            {
                target[positiveOffsets[(int)(key >> shift) & (Radix - 1)]++] = key;
            }

            foreach (ulong key in negativeKeys)
            {
                target[negativeOffsets[(int)(key >> shift) & (Radix - 1)]++] = key;
            }
        }

        /// <summary>Bucket <paramref name="item"/> (class item / Radix, digit item % Radix) from the buffer into keys, sorted.</summary>
        private void SortBucket(int item, Span<int> histograms)
        {
            int cls = item / Radix;
            int digit = item % Radix;

            // After the scatter the last chunk's offset of a bucket points at the bucket's end (its part comes last),
            // and a bucket starts where the class's previous bucket ends.
            int last = (((2 * (Chunks - 1)) + cls) * Radix) + digit;
            int end = counts[last];
            int start = digit > 0 ? counts[last - 1] : cls == 0 ? 0 : positives;
            if (end > start)
            {
                SortLowBits(buffer.AsSpan(start, end - start), keys.AsSpan(start, end - start), shift, histograms);
            }
        }

        /// <summary>A chunk of the n keys, cut at the end of the positives' run.</summary>
        private (int Start, int Cut, int End) ChunkKeys(int chunk)
        {
            int start = Math.Min(n, chunk * _chunkLength);
            int end = Math.Min(n, start + _chunkLength);
            return (start, Math.Clamp(positives, start, end), end);
        }
    }
}
