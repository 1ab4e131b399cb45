namespace ClassicalML.Evaluation;

/// <summary>
/// The one place where scores are sorted. Every ranking metric (ROC, PR, AUC, AP, threshold
/// selection, the streaming evaluator) goes through <see cref="SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> and walks the
/// result with <see cref="TieGroups"/>, or, for the unweighted AUC and AP alone, through <see cref="Rank"/> (same bits, pooled buffers); <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/> first tries <see cref="TieCounts"/>,
/// which needs only the distinct scores sorted when there are few of them.
/// </summary>
/// <remarks>
/// Hand-written because .NET has no radix sort. Scores become order-preserving 64-bit keys
/// (<see cref="Key"/>), the keys of positives and of negatives are sorted separately with an LSD
/// radix sort (seven passes of 10-bit digits, O(n), a pass skipped when every key has the same
/// digit), and a merge walk over the two sorted runs yields each group of tied scores with its
/// positive and negative counts. Sorting the classes apart means no label has to travel with
/// its key: memory is one <see cref="ulong"/> array of length n and one scratch array of
/// length max(P, N): at most 16 bytes per score, 8 + 8·max(P, N)/n in general. Digits of 10 bits, not 11: 1,024
/// buckets fit the first-level cache and TLB, and a pass scattered 2–2.5× faster on the project's machine (#18).
/// <see cref="Rank"/> sorts large inputs differently (one MSD pass, then in-cache LSD per bucket, on two threads:
/// <see cref="SortByBuckets"/>), with the same result.
/// </remarks>
internal static partial class ScoreOrder
{
    private const ulong SignBit = 0x8000_0000_0000_0000UL;
    private const int DigitBits = 10; // 1,024 buckets: a pass scatters 2–2.5× faster here than with 2,048 (issue #18)
    private const int Radix = 1 << DigitBits;
    private const ulong DigitMask = Radix - 1;
    private const int Passes = 7; // 7 × 10 = 70 ≥ 64 bits; scores in [0, 1] share the top digit, so six are made

    /// <summary>
    /// An order-preserving unsigned key of a finite double: a &lt; b ⇔ Key(a) &lt; Key(b), and
    /// −0.0 and +0.0 get the same key (they are equal scores, so they must tie).
    /// </summary>
    /// <remarks>Key = 2⁶³ + m for non-negative scores and 2⁶³ − m for negative ones, where m is the
    /// IEEE-754 bit pattern of |score| (which orders non-negative doubles like unsigned integers).</remarks>
    internal static ulong Key(double score)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(score);
        ulong magnitude = bits & ~SignBit;
        ulong negative = (ulong)((long)bits >> 63); // all ones for negative scores, else 0
        return SignBit + ((magnitude ^ negative) - negative); // 2⁶³ ± magnitude, branch-free
    }

    /// <summary>The score of a key from <see cref="Key"/> (zero comes back as +0.0).</summary>
    internal static double Score(ulong key) => key >= SignBit
        ? BitConverter.UInt64BitsToDouble(key - SignBit)
        : BitConverter.UInt64BitsToDouble((SignBit - key) | SignBit);

    /// <summary>
    /// Keys of the positives' scores ascending in <c>Keys[..Positives]</c>, of the negatives' in
    /// <c>Keys[Positives..]</c>. Inputs must be validated (finite scores, equal lengths).
    /// </summary>
    internal static SortedKeys SortByClass(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) =>
        SortInPlace(SplitByClass(labels, scores, out int positives), positives);

    /// <summary>
    /// The keys of the positives' scores in <c>[..positives]</c> and of the negatives' in <c>[positives..]</c>, unsorted:
    /// the first half of <see cref="SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>, for callers that sort the
    /// array (<see cref="SortInPlace"/>) on another thread. Inputs must be validated.
    /// </summary>
    internal static ulong[] SplitByClass(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, out int positives)
    {
        ulong[] keys = GC.AllocateUninitializedArray<ulong>(scores.Length);
        positives = SplitByClass(labels, scores, keys);
        return keys;
    }

    /// <summary>
    /// Like <see cref="SplitByClass(ReadOnlySpan{bool}, ReadOnlySpan{double}, out int)"/> into <paramref name="keys"/> (at
    /// least n long, for a rented buffer); returns the number of positives.
    /// </summary>
    internal static int SplitByClass(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, Span<ulong> keys) =>
        SplitByClass(labels, scores, keys, out _);

    /// <summary>
    /// Like <see cref="SplitByClass(ReadOnlySpan{bool}, ReadOnlySpan{double}, Span{ulong})"/>, with the bits in which the
    /// keys differ: the OR over the keys of key XOR the first key (0 when every key is the same).
    /// </summary>
    internal static int SplitByClass(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, Span<ulong> keys, out ulong differing)
    {
        int n = scores.Length;
        int front = 0;
        int back = n;
        ulong first = n > 0 ? Key(scores[0]) : 0;
        ulong bits = 0;
        for (int i = 0; i < n; i++)
        {
            // Without a branch (labels are unpredictable): write the key at both ends of the free slots and move
            // the end its class owns; the other write lands in a free slot that a later key overwrites.
            ulong key = Key(scores[i]);
            int positive = labels[i] ? 1 : 0;
            keys[front] = key;
            keys[back - 1] = key;
            front += positive;
            back -= 1 - positive;
            bits |= key ^ first;
        }

        differing = bits;
        return front;
    }

    /// <summary>
    /// Like <see cref="SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> with each key's row weight carried
    /// along (<see cref="SortedKeys.Weights"/>). Rows of weight 0 are left out, as scikit-learn's
    /// <c>_binary_clf_curve</c> filters them, so their scores are no thresholds. Inputs must be validated
    /// (<see cref="Preconditions.CheckWeights(ReadOnlySpan{bool}, ReadOnlySpan{double}, string, bool)"/>).
    /// </summary>
    /// <remarks>A key travels with its weight, so the two runs are sorted by .NET's introsort on (key, weight) pairs
    /// (O(n log n), deterministic) rather than by the radix sort, which moves keys only.</remarks>
    internal static SortedKeys SortByClass(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        int kept = 0;
        foreach (double w in weights)
        {
            kept += w != 0 ? 1 : 0;
        }

        ulong[] keys = GC.AllocateUninitializedArray<ulong>(kept);
        double[] keyWeights = GC.AllocateUninitializedArray<double>(kept);
        int front = 0;
        int back = kept;
        for (int i = 0; i < scores.Length; i++)
        {
            if (weights[i] == 0)
            {
                continue;
            }

            int slot = labels[i] ? front++ : --back;
            keys[slot] = Key(scores[i]);
            keyWeights[slot] = weights[i];
        }

        SortWithWeights(keys.AsSpan(0, front), keyWeights.AsSpan(0, front));
        SortWithWeights(keys.AsSpan(front), keyWeights.AsSpan(front));
        return new SortedKeys(keys, front, keyWeights);
    }

    /// <summary>
    /// Like <see cref="SortByClass(ReadOnlySpan{ulong}, ReadOnlySpan{ulong})"/> for split keys with their weights (copied, not
    /// modified); keys of weight 0 are left out. For <see cref="StreamingBinaryEvaluator"/>.
    /// </summary>
    internal static SortedKeys SortByClass(ReadOnlySpan<ulong> positiveKeys, ReadOnlySpan<double> positiveWeights, ReadOnlySpan<ulong> negativeKeys, ReadOnlySpan<double> negativeWeights)
    {
        int positives = positiveWeights.Length - positiveWeights.Count(0.0);
        int kept = positives + negativeWeights.Length - negativeWeights.Count(0.0);
        ulong[] keys = GC.AllocateUninitializedArray<ulong>(kept);
        double[] weights = GC.AllocateUninitializedArray<double>(kept);
        int k = 0;
        for (int i = 0; i < positiveKeys.Length; i++)
        {
            if (positiveWeights[i] != 0) { keys[k] = positiveKeys[i]; weights[k++] = positiveWeights[i]; }
        }

        for (int i = 0; i < negativeKeys.Length; i++)
        {
            if (negativeWeights[i] != 0) { keys[k] = negativeKeys[i]; weights[k++] = negativeWeights[i]; }
        }

        SortWithWeights(keys.AsSpan(0, positives), weights.AsSpan(0, positives));
        SortWithWeights(keys.AsSpan(positives), weights.AsSpan(positives));
        return new SortedKeys(keys, positives, weights);
    }

    /// <summary>
    /// Sorts keys ascending with their weights, and the weights within each run of equal keys ascending too: the order,
    /// hence every sum of weights, is then a function of the (key, weight) multiset alone, whatever the input order.
    /// </summary>
    private static void SortWithWeights(Span<ulong> keys, Span<double> weights)
    {
        keys.Sort(weights);
        int start = 0;
        for (int i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    weights[start..i].Sort();
                }

                start = i;
            }
        }
    }

    /// <summary>Like <see cref="SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> for keys that are already split by class (copied, not modified).</summary>
    internal static SortedKeys SortByClass(ReadOnlySpan<ulong> positiveKeys, ReadOnlySpan<ulong> negativeKeys)
    {
        ulong[] keys = GC.AllocateUninitializedArray<ulong>(positiveKeys.Length + negativeKeys.Length);
        positiveKeys.CopyTo(keys);
        negativeKeys.CopyTo(keys.AsSpan(positiveKeys.Length));
        return SortInPlace(keys, positiveKeys.Length);
    }

    /// <summary>Sorts the two runs of split keys (<see cref="SplitByClass(ReadOnlySpan{bool}, ReadOnlySpan{double}, out int)"/>) in place, each ascending.</summary>
    internal static SortedKeys SortInPlace(ulong[] keys, int positives)
    {
        // One scratch buffer for both runs, sorted one after the other: max(P, N) keys, not n.
        ulong[] buffer = GC.AllocateUninitializedArray<ulong>(Math.Max(positives, keys.Length - positives));
        RadixSort(keys.AsSpan(0, positives), buffer.AsSpan(0, positives));
        RadixSort(keys.AsSpan(positives), buffer.AsSpan(0, keys.Length - positives));
        return new SortedKeys(keys, positives);
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending in place with an LSD radix sort, using
    /// <paramref name="buffer"/> (same length) as scratch space. O(n) time.
    /// </summary>
    internal static void RadixSort(Span<ulong> keys, Span<ulong> buffer)
    {
        int n = keys.Length;
        if (n < 2)
        {
            return;
        }

        Span<int> counts = stackalloc int[Passes * Radix]; // 28 KiB, zeroed: no allocation per call
        CountDigits(keys, counts);

        Span<ulong> source = keys;
        Span<ulong> target = buffer;
        Span<int> offsets = stackalloc int[Radix];
        for (int pass = 0; pass < Passes; pass++)
        {
            Span<int> histogram = counts.Slice(pass * Radix, Radix);
            int shift = pass * DigitBits;
            if (histogram[(int)((source[0] >> shift) & DigitMask)] == n)
            {
                continue; // every key has the same digit: this pass would not move anything
            }

            int sum = 0;
            for (int d = 0; d < Radix; d++)
            {
                offsets[d] = sum;
                sum += histogram[d];
            }

            foreach (ulong key in source)
            {
                target[offsets[(int)((key >> shift) & DigitMask)]++] = key;
            }

            Span<ulong> swap = source;
            source = target;
            target = swap;
        }

        if (source != keys)
        {
            source.CopyTo(keys);
        }
    }

    /// <summary>All digit histograms of <paramref name="keys"/> in one read, added to <paramref name="counts"/> (<see cref="Passes"/> × <see cref="Radix"/>).</summary>
    private static void CountDigits(ReadOnlySpan<ulong> keys, Span<int> counts)
    {
        foreach (ulong key in keys)
        {
            counts[(int)(key & DigitMask)]++;
            counts[Radix + (int)((key >> DigitBits) & DigitMask)]++;
            counts[(2 * Radix) + (int)((key >> (2 * DigitBits)) & DigitMask)]++;
            counts[(3 * Radix) + (int)((key >> (3 * DigitBits)) & DigitMask)]++;
            counts[(4 * Radix) + (int)((key >> (4 * DigitBits)) & DigitMask)]++;
            counts[(5 * Radix) + (int)((key >> (5 * DigitBits)) & DigitMask)]++;
            counts[(6 * Radix) + (int)(key >> (6 * DigitBits))]++;
        }
    }

    /// <summary>
    /// Copies of <paramref name="scores"/> and <paramref name="labels"/> sorted by score, highest
    /// first (−0.0 comes back as +0.0). The order of positives and negatives within a tie is unspecified.
    /// </summary>
    internal static (double[] Scores, bool[] Labels) Descending(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        SortedKeys sorted = SortByClass(labels, scores);
        var outScores = new double[scores.Length];
        var outLabels = new bool[scores.Length];
        int i = 0;
        var groups = new TieGroups(sorted);
        while (groups.Next(out ulong key, out long p, out long q))
        {
            double score = Score(key);
            for (long k = 0; k < p + q; k++, i++)
            {
                outScores[i] = score;
                outLabels[i] = k < p;
            }
        }

        return (outScores, outLabels);
    }
}

/// <summary>Sorted keys from <see cref="ScoreOrder.SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>: positives' keys, then negatives' keys, each ascending.</summary>
internal readonly struct SortedKeys(ulong[] keys, int positives, double[]? weights = null)
{
    /// <summary>Positives' keys ascending, then negatives' keys ascending.</summary>
    internal ulong[] Keys { get; } = keys;

    /// <summary>The row weight of each key (aligned with <see cref="Keys"/>, every one &gt; 0), or null for unweighted rows.</summary>
    internal double[]? Weights { get; } = weights;

    /// <summary>Number of positives P: the length of the first run.</summary>
    internal int Positives { get; } = positives;

    /// <summary>Number of negatives N: the length of the second run.</summary>
    internal int Negatives => Keys.Length - Positives;
}

/// <summary>
/// Walks two ascending key runs (positives', negatives') from the highest key down, one group of
/// equal keys at a time, with the number of positives p and negatives q in the group.
/// </summary>
internal ref struct TieGroups
{
    private readonly ReadOnlySpan<ulong> _positives;
    private readonly ReadOnlySpan<ulong> _negatives;
    private readonly ReadOnlySpan<double> _positiveWeights;
    private readonly ReadOnlySpan<double> _negativeWeights;
    private int _i;
    private int _j;

    /// <summary>Walks the runs of <paramref name="sorted"/> (and their weights, for <see cref="NextWeighted"/>).</summary>
    internal TieGroups(SortedKeys sorted)
        : this(sorted.Keys.AsSpan(0, sorted.Positives), sorted.Keys.AsSpan(sorted.Positives))
    {
        if (sorted.Weights is { } weights)
        {
            _positiveWeights = weights.AsSpan(0, sorted.Positives);
            _negativeWeights = weights.AsSpan(sorted.Positives);
        }
    }

    /// <summary>Walks two ascending runs of keys.</summary>
    internal TieGroups(ReadOnlySpan<ulong> positives, ReadOnlySpan<ulong> negatives)
    {
        _positives = positives;
        _negatives = negatives;
        _i = positives.Length - 1;
        _j = negatives.Length - 1;
    }

    /// <summary>The next group (highest key first); false when both runs are exhausted.</summary>
    internal bool Next(out ulong key, out long positives, out long negatives)
    {
        int i = _i;
        int j = _j;
        if (i < 0 && j < 0)
        {
            key = 0;
            positives = 0;
            negatives = 0;
            return false;
        }

        ulong k = i < 0 ? _negatives[j] : j < 0 ? _positives[i] : Math.Max(_positives[i], _negatives[j]);
        int startI = i;
        while (i >= 0 && _positives[i] == k)
        {
            i--;
        }

        int startJ = j;
        while (j >= 0 && _negatives[j] == k)
        {
            j--;
        }

        key = k;
        positives = startI - i;
        negatives = startJ - j;
        _i = i;
        _j = j;
        return true;
    }

    /// <summary>
    /// The next group like <see cref="Next"/>, with the sums of its positives' and negatives' weights (keys sorted
    /// with weights, <see cref="ScoreOrder.SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>).
    /// </summary>
    internal bool NextWeighted(out ulong key, out long positives, out long negatives, out double positiveWeight, out double negativeWeight)
    {
        if (!Next(out key, out positives, out negatives))
        {
            positiveWeight = 0;
            negativeWeight = 0;
            return false;
        }

        positiveWeight = Sum(_positiveWeights.Slice(_i + 1, (int)positives));
        negativeWeight = Sum(_negativeWeights.Slice(_j + 1, (int)negatives));
        return true;
    }

    private static double Sum(ReadOnlySpan<double> weights)
    {
        double sum = 0;
        foreach (double w in weights)
        {
            sum += w;
        }

        return sum;
    }
}
