namespace ClassicalML.Evaluation;

/// <summary>
/// Ranking sums for scores with few distinct values (heavy ties: rounded probabilities, tree ensembles): counts each
/// distinct score's positives and negatives in a small hash table in one pass, sorts only the distinct scores, and
/// feeds <see cref="RankingSums"/> the same groups, highest first, that <see cref="TieGroups"/> would yield from
/// <see cref="ScoreOrder.SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>, so the sums are bit-identical.
/// </summary>
/// <remarks>
/// Hand-written: no library counts ties this way. The table holds at most <see cref="MaxDistinct"/> scores (1 MiB of
/// keys and counts, cache-sized, and 1 MiB of log-loss terms) and at most n/4; with more distinct scores <see cref="TryRank"/> gives up where it finds the next one,
/// and the caller sorts all keys instead. Giving up costs at most one read of the rows (near the start when scores are
/// mostly distinct). Memory: the table, not 8–16 bytes per row.
/// </remarks>
internal static class TieCounts
{
    /// <summary>The most distinct scores the table takes.</summary>
    internal const int MaxDistinct = 1 << 15;

    private const ulong OnePositive = 1UL << 32;

    /// <summary>
    /// The ranking sums and Σ <see cref="BinaryEvaluation.LogLossTerm"/> over the rows in row order (the bits
    /// <see cref="RowSums"/> would get: each distinct score's two terms are computed once, by the same function, and added
    /// row by row), or false when there are more distinct scores than the table takes. Inputs must be validated.
    /// </summary>
    internal static bool TryRank(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, out RankingSums sums, out double logLossSum)
    {
        sums = default;
        logLossSum = 0.0;
        int capacity = Math.Min(MaxDistinct, scores.Length / 4);
        if (capacity < 16)
        {
            return false;
        }

        // Open addressing, linear probing, load ≤ ½. Key 0 marks an empty slot: no finite score has key 0.
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * capacity));
        int shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        int mask = size - 1;
        var keys = new ulong[size];
        var counts = new ulong[size]; // positives in the high 32 bits, negatives in the low 32 (n < 2³¹)
        var terms = new double[2 * size]; // a slot's log-loss term for a negative row, then for a positive one: one Math.Log per distinct score, not per row
        double logLoss = 0.0;
        int distinct = 0;
        long positives = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            ulong key = ScoreOrder.Key(scores[i]);
            int slot = (int)((key * 0x9E37_79B9_7F4A_7C15UL) >> shift);
            while (keys[slot] != key)
            {
                if (keys[slot] == 0)
                {
                    if (distinct == capacity)
                    {
                        return false;
                    }

                    keys[slot] = key;
                    terms[2 * slot] = BinaryEvaluation.LogLossTerm(scores[i], positive: false);
                    terms[(2 * slot) + 1] = BinaryEvaluation.LogLossTerm(scores[i], positive: true);
                    distinct++;
                    break;
                }

                slot = (slot + 1) & mask;
            }

            ulong positive = labels[i] ? 1UL : 0UL;
            positives += (long)positive;
            counts[slot] += (positive << 32) + (1 - positive); // branch-free: labels are unpredictable
            logLoss += terms[(2 * slot) + (int)positive];
        }

        sums = FromTable(keys, counts, distinct, positives, scores.Length - positives);
        logLossSum = logLoss;
        return true;
    }

    /// <summary>Sorts the table's distinct keys and adds their groups from the highest key down.</summary>
    private static RankingSums FromTable(ulong[] keys, ulong[] counts, int distinct, long positives, long negatives)
    {
        var groupKeys = new ulong[distinct];
        var groupCounts = new ulong[distinct];
        int d = 0;
        for (int slot = 0; slot < keys.Length; slot++)
        {
            if (keys[slot] != 0)
            {
                groupKeys[d] = keys[slot];
                groupCounts[d] = counts[slot];
                d++;
            }
        }

        Array.Sort(groupKeys, groupCounts); // keys are distinct: the order is fully determined
        var sums = new RankingSums(positives, negatives, bounds: false);
        for (int g = distinct - 1; g >= 0; g--)
        {
            sums.Add((long)(groupCounts[g] >> 32), (long)(groupCounts[g] & uint.MaxValue));
        }

        return sums;
    }
}
