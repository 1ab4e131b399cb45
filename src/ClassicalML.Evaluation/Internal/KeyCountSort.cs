using System.Numerics;

namespace ClassicalML.Evaluation;

/// <summary>
/// Sorts up to <see cref="TieCounts.MaxDistinct"/> distinct keys ascending with a payload (each key's packed counts) for
/// <see cref="TieCounts"/>: an MSD radix sort from the highest bit that differs, a digit of about log₂ of the range's size
/// per level (at most 12 bits at the top, 10 below), skipping digits every key shares, and insertion sorts of ranges of
/// at most <see cref="Leaf"/> keys.
/// </summary>
/// <remarks>
/// Hand-written (.NET has no radix sort). The keys are distinct, so the sorted order, hence every sum fed from it, does
/// not depend on the algorithm. For ~10,000 keys it took 107 µs against 141–158 µs for the seven-pass LSD sort of the
/// keys alone and 407 µs for <see cref="MemoryExtensions.Sort{TKey, TValue}(Span{TKey}, Span{TValue})"/> (issue #18);
/// carrying the counts spares the hash look-up of each key's counts after the sort.
/// </remarks>
internal static class KeyCountSort
{
    /// <summary>Ranges of at most this many keys are insertion-sorted.</summary>
    internal const int Leaf = 32;

    private const int TopBits = 12; // 4,096 buckets (16 KiB of counts) for the first level
    private const int InnerBits = 10;

    /// <summary>
    /// Sorts <paramref name="keys"/> (distinct) ascending and <paramref name="counts"/> with them, in place;
    /// <paramref name="keyScratch"/> and <paramref name="countScratch"/> (as long) are scratch space.
    /// </summary>
    internal static void Sort(Span<ulong> keys, Span<ulong> counts, Span<ulong> keyScratch, Span<ulong> countScratch)
    {
        if (keys.Length < 2)
        {
            return;
        }

        ulong all = ulong.MaxValue;
        ulong any = 0;
        foreach (ulong key in keys)
        {
            all &= key;
            any |= key;
        }

        int top = 64 - BitOperations.LeadingZeroCount(all ^ any); // bits at and above `top` are the same in every key
        Sort(keys, counts, keyScratch, countScratch, top, resultInData: true, TopBits);
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
