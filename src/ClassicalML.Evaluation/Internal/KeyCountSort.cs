using System.Numerics;
using System.Runtime.Intrinsics;

namespace ClassicalML.Evaluation;

/// <summary>
/// Sorts up to <see cref="TieCounts.MaxDistinct"/> distinct keys ascending with a payload (each key's packed counts) for
/// <see cref="TieCounts"/>: two stable counting passes (LSD) on a window of about log₂ n + 7 bits (at most
/// 2·<see cref="WindowDigitBits"/>) from the highest bit that differs, which leaves nearly every key alone in its window
/// value, then one scan that sorts the rare runs of keys sharing a window value: insertion sorts of runs of at most
/// <see cref="Leaf"/> keys, an MSD radix sort of longer ones (a digit of about log₂ of the range's size per level, at
/// most 12 bits at the top, 10 below, skipping digits every key shares).
/// </summary>
/// <remarks>
/// Hand-written (.NET has no radix sort). The keys are distinct, so the sorted order, hence every sum fed from it, does
/// not depend on the algorithm. For ~10,000 keys (rounded probabilities) the MSD sort alone took 75–160 µs, most of it
/// in some 1,400 insertion sorts of up to 20 keys whose loop exits the branch predictor cannot guess; the two counting
/// passes and the scan take 67–72 µs (issue #18, scratch timings on the shared 2-core machine). Earlier: 141–158 µs for the
/// seven-pass LSD sort of the keys alone and 407 µs for
/// <see cref="MemoryExtensions.Sort{TKey, TValue}(Span{TKey}, Span{TValue})"/>; carrying the counts spares the hash
/// look-up of each key's counts after the sort.
/// </remarks>
internal static class KeyCountSort
{
    /// <summary>Ranges of at most this many keys are insertion-sorted.</summary>
    internal const int Leaf = 32;

    /// <summary>The widest digit of the two counting passes (2,048 counts, 8 KiB, each).</summary>
    internal const int WindowDigitBits = 11;

    private const int TopBits = 12; // 4,096 buckets (16 KiB of counts) for the first level of the MSD sort
    private const int InnerBits = 10;

    /// <summary>
    /// Sorts <paramref name="keys"/> (distinct) ascending and <paramref name="counts"/> with them, in place;
    /// <paramref name="keyScratch"/> and <paramref name="countScratch"/> (as long) are scratch space.
    /// </summary>
    internal static void Sort(Span<ulong> keys, Span<ulong> counts, Span<ulong> keyScratch, Span<ulong> countScratch)
    {
        ulong all = ulong.MaxValue;
        ulong any = 0;
        foreach (ulong key in keys)
        {
            all &= key;
            any |= key;
        }

        Sort(keys, counts, keyScratch, countScratch, all, any);
    }

    /// <summary>
    /// <see cref="Sort(Span{ulong}, Span{ulong}, Span{ulong}, Span{ulong})"/> given the AND (<paramref name="all"/>) and
    /// the OR (<paramref name="any"/>) of every key, which the caller may have at hand.
    /// </summary>
    internal static void Sort(Span<ulong> keys, Span<ulong> counts, Span<ulong> keyScratch, Span<ulong> countScratch, ulong all, ulong any)
    {
        int n = keys.Length;
        if (n < 2)
        {
            return;
        }

        if (n <= Leaf)
        {
            InsertionSort(keys, counts, keys, counts);
            return;
        }

        var window = new Window(n, all, any);
        Span<int> low = stackalloc int[1 << window.LowBits];
        Span<int> high = stackalloc int[1 << window.HighBits];
        low.Clear();
        high.Clear();
        foreach (ulong key in keys)
        {
            low[window.Low(key)]++;
            high[window.High(key)]++;
        }

        SortCounted(keys, counts, keyScratch, countScratch, window, low, high);
    }

    /// <summary>
    /// Copies the key at <c>entries[2·s]</c> and the counts at <c>entries[2·s + 1]</c> of each slot s in
    /// <paramref name="slots"/> (distinct keys, in any order) into <paramref name="keys"/> and <paramref name="counts"/> and
    /// sorts them as <see cref="Sort(Span{ulong}, Span{ulong}, Span{ulong}, Span{ulong}, ulong, ulong)"/> does (the same
    /// order: the keys are distinct), counting the two digits' histograms during the copy rather than in a pass of their own.
    /// </summary>
    internal static void SortFrom(ReadOnlySpan<ulong> entries, ReadOnlySpan<int> slots, Span<ulong> keys, Span<ulong> counts, Span<ulong> keyScratch, Span<ulong> countScratch, ulong all, ulong any)
    {
        int n = slots.Length;
        if (n <= Leaf)
        {
            for (int d = 0; d < n; d++)
            {
                int slot = slots[d];
                keys[d] = entries[2 * slot];
                counts[d] = entries[(2 * slot) + 1];
            }

            InsertionSort(keys[..n], counts[..n], keys, counts);
            return;
        }

        var window = new Window(n, all, any);
        Span<int> low = stackalloc int[1 << window.LowBits];
        Span<int> high = stackalloc int[1 << window.HighBits];
        low.Clear();
        high.Clear();
        keys = keys[..n];
        counts = counts[..n];
        for (int d = 0; d < n; d++)
        {
            int slot = slots[d];
            ulong key = entries[2 * slot];
            keys[d] = key;
            counts[d] = entries[(2 * slot) + 1];
            low[window.Low(key)]++;
            high[window.High(key)]++;
        }

        SortCounted(keys, counts, keyScratch, countScratch, window, low, high);
    }

    /// <summary>The two counting passes (digit histograms given) and the run scan.</summary>
    private static void SortCounted(Span<ulong> keys, Span<ulong> counts, Span<ulong> keyScratch, Span<ulong> countScratch, Window window, Span<int> low, Span<int> high)
    {
        int n = keys.Length;
        Starts(low);
        Starts(high);
        for (int i = 0; i < n; i++)
        {
            int at = low[window.Low(keys[i])]++;
            keyScratch[at] = keys[i];
            countScratch[at] = counts[i];
        }

        for (int i = 0; i < n; i++)
        {
            int at = high[window.High(keyScratch[i])]++;
            keys[at] = keyScratch[i];
            counts[at] = countScratch[i];
        }

        if (window.Lo > 0)
        {
            SortRuns(keys, counts, keyScratch, countScratch, window.Lo);
        }
    }

    /// <summary>Turns counts per digit into each digit's first position.</summary>
    private static void Starts(Span<int> counts)
    {
        int sum = 0;
        for (int d = 0; d < counts.Length; d++)
        {
            int count = counts[d];
            counts[d] = sum;
            sum += count;
        }
    }

    /// <summary>
    /// Keys ordered by their bits from <paramref name="lo"/> up: sorts each run that shares them (in place; the scratch
    /// pair is scratch space). Runs are rare, so it looks for the next one four neighbours at a time.
    /// </summary>
    private static void SortRuns(Span<ulong> keys, Span<ulong> counts, Span<ulong> keyScratch, Span<ulong> countScratch, int lo)
    {
        int n = keys.Length;
        int i = 1;
        while (i < n)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                while (i + Vector256<ulong>.Count <= n
                    && !Vector256.EqualsAny(
                        Vector256.ShiftRightLogical(Vector256.Create<ulong>(keys.Slice(i, Vector256<ulong>.Count)), lo),
                        Vector256.ShiftRightLogical(Vector256.Create<ulong>(keys.Slice(i - 1, Vector256<ulong>.Count)), lo)))
                {
                    i += Vector256<ulong>.Count;
                }
            }

            while (i < n && (keys[i] >> lo) != (keys[i - 1] >> lo))
            {
                i++;
            }

            if (i == n)
            {
                return;
            }

            int start = i - 1;
            ulong prefix = keys[start] >> lo;
            while (i < n && (keys[i] >> lo) == prefix)
            {
                i++;
            }

            int length = i - start;
            if (length > Leaf)
            {
                Sort(keys.Slice(start, length), counts.Slice(start, length), keyScratch.Slice(start, length), countScratch.Slice(start, length), lo, resultInData: true, TopBits);
            }
            else
            {
                Span<ulong> runKeys = keys.Slice(start, length);
                Span<ulong> runCounts = counts.Slice(start, length);
                InsertionSort(runKeys, runCounts, runKeys, runCounts);
            }
        }
    }

    /// <summary>
    /// Sorts the keys in (<paramref name="keys"/>, <paramref name="counts"/>), which agree on every bit at and above
    /// <paramref name="top"/>; the result lands in them when <paramref name="resultInData"/>, else in the scratch pair.
    /// </summary>
    private static void Sort(Span<ulong> keys, Span<ulong> counts, Span<ulong> keyScratch, Span<ulong> countScratch, int top, bool resultInData, int maxBits)
    {
        int n = keys.Length;
        while (n > Leaf && top > 0)
        {
            int bits = Math.Min(Math.Min(maxBits, BitOperations.Log2((uint)n)), top);
            int shift = top - bits;
            int mask = (1 << bits) - 1;
            Span<int> ends = stackalloc int[1 << bits];
            ends.Clear();
            foreach (ulong key in keys)
            {
                ends[(int)(key >> shift) & mask]++;
            }

            if (ends[(int)(keys[0] >> shift) & mask] == n)
            {
                top = shift; // every key has this digit: go on to the next one
                continue;
            }

            int sum = 0;
            for (int d = 0; d < ends.Length; d++)
            {
                int count = ends[d];
                ends[d] = sum;
                sum += count;
            }

            for (int i = 0; i < n; i++)
            {
                int at = ends[(int)(keys[i] >> shift) & mask]++;
                keyScratch[at] = keys[i];
                countScratch[at] = counts[i];
            }

            // Each bucket now sits in the scratch pair; sort it there with the data pair as its scratch, so the result
            // lands where the caller wants it without a copy back.
            int start = 0;
            foreach (int end in ends)
            {
                int length = end - start;
                if (length == 1 && resultInData)
                {
                    keys[start] = keyScratch[start];
                    counts[start] = countScratch[start];
                }
                else if (length > 1)
                {
                    Sort(keyScratch.Slice(start, length), countScratch.Slice(start, length), keys.Slice(start, length), counts.Slice(start, length), shift, !resultInData, InnerBits);
                }

                start = end;
            }

            return;
        }

        if (resultInData)
        {
            InsertionSort(keys, counts, keys, counts);
        }
        else
        {
            InsertionSort(keys, counts, keyScratch, countScratch);
        }
    }

    /// <summary>
    /// The two digits of the counting passes: about log₂ n + 7 bits (at most 2·<see cref="WindowDigitBits"/>) ending at the
    /// highest bit that differs between the keys (n &gt; 32 distinct keys differ in at least 6 bits, so each digit has at least 3).
    /// </summary>
    private readonly struct Window
    {
        internal Window(int n, ulong all, ulong any)
        {
            int top = 64 - BitOperations.LeadingZeroCount(all ^ any); // bits at and above `top` are the same in every key
            int digit = Math.Min(WindowDigitBits, (BitOperations.Log2((uint)n) + 7) / 2);
            int width = Math.Min(top, 2 * digit);
            Lo = top - width;
            HighBits = width / 2;
            LowBits = width - HighBits;
            HighShift = Lo + LowBits;
        }

        /// <summary>The lowest bit of the window.</summary>
        internal int Lo { get; }

        internal int LowBits { get; }

        internal int HighBits { get; }

        private int HighShift { get; }

        internal int Low(ulong key) => (int)(key >> Lo) & ((1 << LowBits) - 1);

        internal int High(ulong key) => (int)(key >> HighShift) & ((1 << HighBits) - 1);
    }

    /// <summary>Insertion-sorts the pairs of (<paramref name="keys"/>, <paramref name="counts"/>) into the target pair (the same spans or others as long).</summary>
    private static void InsertionSort(ReadOnlySpan<ulong> keys, ReadOnlySpan<ulong> counts, Span<ulong> targetKeys, Span<ulong> targetCounts)
    {
        for (int i = 0; i < keys.Length; i++)
        {
            ulong key = keys[i];
            ulong count = counts[i];
            int j = i - 1;
            while (j >= 0 && targetKeys[j] > key)
            {
                targetKeys[j + 1] = targetKeys[j];
                targetCounts[j + 1] = targetCounts[j];
                j--;
            }

            targetKeys[j + 1] = key;
            targetCounts[j + 1] = count;
        }
    }
}
