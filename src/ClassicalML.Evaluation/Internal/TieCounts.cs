using System.Buffers;
using System.Numerics;

namespace ClassicalML.Evaluation;

/// <summary>
/// Ranking sums for scores with few distinct values (heavy ties: rounded probabilities, tree ensembles): counts each
/// distinct score's positives and negatives in a small hash table in one pass, sorts only the distinct scores, and
/// feeds <see cref="RankingSums"/> the same groups, highest first, that <see cref="TieGroups"/> would yield from
/// <see cref="ScoreOrder.SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>, so the sums are bit-identical.
/// </summary>
/// <remarks>
/// Hand-written: no library counts ties this way. The table holds at most <see cref="MaxDistinct"/> scores (1 MiB of
/// keys and counts, cache-sized, and 1 MiB of log-loss terms, rented from the shared array pool; it starts at 4,096 and
/// grows as distinct scores come) and at most n/4; with more distinct scores <see cref="TryRank(ReadOnlySpan{bool}, ReadOnlySpan{double}, out RankingSums, out double)"/> gives up where it finds the next one,
/// and the caller sorts all keys instead. Giving up costs at most one read of the rows (near the start when scores are
/// mostly distinct). Memory: the table, not 8–16 bytes per row.
/// </remarks>
internal static partial class TieCounts
{
    /// <summary>The most distinct scores the table takes.</summary>
    internal const int MaxDistinct = 1 << 15;

    /// <summary>The table's first size: room for this many distinct scores (128 KiB of keys and counts).</summary>
    private const int InitialDistinct = 1 << 12;

    /// <summary>
    /// The ranking sums and Σ <see cref="BinaryEvaluation.LogLossTerm"/> over the rows in row order (the bits
    /// <see cref="RowSums"/> would get: each distinct score's two terms are computed once, by the same function, and added
    /// row by row), or false when there are more distinct scores than the table takes. Inputs must be validated.
    /// </summary>
    internal static bool TryRank(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, out RankingSums sums, out double logLossSum) =>
        TryRank(labels, scores, withLogLoss: true, out sums, out logLossSum);

    /// <summary>
    /// The ranking sums alone, as <see cref="TryRank(ReadOnlySpan{bool}, ReadOnlySpan{double}, out RankingSums, out double)"/>
    /// gives them (the same bits), without the log-loss terms: for <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>
    /// and <see cref="PrecisionRecall.AveragePrecision(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>. Inputs must be validated.
    /// </summary>
    internal static bool TryRank(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, out RankingSums sums) =>
        TryRank(labels, scores, withLogLoss: false, out sums, out _);

    private static bool TryRank(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, bool withLogLoss, out RankingSums sums, out double logLossSum)
    {
        sums = default;
        logLossSum = 0.0;
        int capacity = Math.Min(MaxDistinct, scores.Length / 4);
        if (capacity < 16)
        {
            return false;
        }

        using var table = new Table(Math.Min(capacity, InitialDistinct), withLogLoss);
        ulong[] keys = table.Keys;
        ulong[] counts = table.Counts; // positives in the high 32 bits, negatives in the low 32 (n < 2³¹)
        double[] terms = table.Terms; // a slot's log-loss term for a negative row, then for a positive one: one Math.Log per distinct score, not per row
        double logLoss = 0.0;
        long positives = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            ulong key = ScoreOrder.Key(scores[i]);
            int slot = table.Home(key);
            while (keys[slot] != key)
            {
                if (keys[slot] == 0)
                {
                    if (table.Distinct == table.Limit)
                    {
                        if (!table.TryGrow(capacity, i))
                        {
                            return false;
                        }

                        (keys, counts, terms) = (table.Keys, table.Counts, table.Terms);
                    }

                    slot = table.Insert(key, scores[i]);
                    break;
                }

                slot = table.Next(slot);
            }

            ulong positive = labels[i] ? 1UL : 0UL;
            positives += (long)positive;
            counts[slot] += (positive << 32) + (1 - positive); // branch-free: labels are unpredictable
            if (withLogLoss)
            {
                logLoss += terms[(2 * slot) + (int)positive];
            }
        }

        sums = FromTable(table, positives, scores.Length - positives);
        logLossSum = logLoss;
        return true;
    }

    /// <summary>Sorts the table's distinct keys (radix sort) and adds their groups from the highest key down, each group's counts looked up in the table.</summary>
    private static RankingSums FromTable(Table table, long positives, long negatives)
    {
        int distinct = table.Distinct;
        ulong[] groupKeys = ArrayPool<ulong>.Shared.Rent(distinct);
        ulong[] scratch = ArrayPool<ulong>.Shared.Rent(distinct);
        int d = 0;
        for (int slot = 0; slot < table.Size; slot++)
        {
            if (table.Keys[slot] != 0)
            {
                groupKeys[d++] = table.Keys[slot];
            }
        }

        ScoreOrder.RadixSort(groupKeys.AsSpan(0, distinct), scratch.AsSpan(0, distinct)); // keys are distinct: the order is fully determined
        var sums = new RankingSums(positives, negatives, bounds: false);
        for (int g = distinct - 1; g >= 0; g--)
        {
            ulong counts = table.Counts[table.SlotOf(groupKeys[g])];
            sums.Add((long)(counts >> 32), (long)(counts & uint.MaxValue));
        }

        ArrayPool<ulong>.Shared.Return(groupKeys);
        ArrayPool<ulong>.Shared.Return(scratch);
        return sums;
    }

    /// <summary>
    /// The open-addressing table (linear probing, load ≤ ½; key 0 marks an empty slot: no finite score has key 0), in
    /// arrays rented from <see cref="ArrayPool{T}.Shared"/>. It starts with room for <see cref="InitialDistinct"/> scores and
    /// grows fourfold up to the capacity, unless at least 95% of the rows so far brought a new score (the scores look
    /// distinct: sorting is cheaper than a table of n/4 scores).
    /// </summary>
    private sealed class Table : IDisposable
    {
        private readonly bool _withLogLoss;
        private int _shift;

        internal Table(int limit, bool withLogLoss)
        {
            _withLogLoss = withLogLoss;
            Allocate(limit);
        }

        internal ulong[] Keys { get; private set; } = [];

        internal ulong[] Counts { get; private set; } = [];

        internal double[] Terms { get; private set; } = [];

        internal int Size { get; private set; }

        internal int Limit { get; private set; }

        internal int Distinct { get; private set; }

        internal int Home(ulong key) => (int)((key * 0x9E37_79B9_7F4A_7C15UL) >> _shift);

        internal int Next(int slot) => (slot + 1) & (Size - 1);

        /// <summary>The slot of a key that is in the table.</summary>
        internal int SlotOf(ulong key)
        {
            int slot = Home(key);
            while (Keys[slot] != key)
            {
                slot = Next(slot);
            }

            return slot;
        }

        /// <summary>Puts a new key in its first empty slot, with its two log-loss terms when needed; returns the slot.</summary>
        internal int Insert(ulong key, double score)
        {
            int slot = Place(key);
            if (_withLogLoss)
            {
                Terms[2 * slot] = BinaryEvaluation.LogLossTerm(score, positive: false);
                Terms[(2 * slot) + 1] = BinaryEvaluation.LogLossTerm(score, positive: true);
            }

            return slot;
        }

        /// <summary>Puts a new key in its first empty slot; returns the slot.</summary>
        private int Place(ulong key)
        {
            int slot = Home(key);
            while (Keys[slot] != 0)
            {
                slot = Next(slot);
            }

            Keys[slot] = key;
            Distinct++;
            return slot;
        }

        /// <summary>Room for four times as many scores (at most <paramref name="capacity"/>), or false: give up.</summary>
        internal bool TryGrow(int capacity, int rows)
        {
            if (Limit >= capacity || (long)rows * 19 < (long)Distinct * 20)
            {
                return false;
            }

            (ulong[] keys, ulong[] counts, double[] terms, int size) = (Keys, Counts, Terms, Size);
            Allocate(Math.Min(capacity, 4 * Limit));
            Distinct = 0;
            for (int old = 0; old < size; old++)
            {
                if (keys[old] != 0)
                {
                    int slot = Place(keys[old]);
                    Counts[slot] = counts[old];
                    if (_withLogLoss)
                    {
                        Terms[2 * slot] = terms[2 * old];
                        Terms[(2 * slot) + 1] = terms[(2 * old) + 1];
                    }
                }
            }

            Return(keys, counts, terms);
            return true;
        }

        public void Dispose() => Return(Keys, Counts, Terms);

        private void Allocate(int limit)
        {
            Size = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * limit));
            _shift = 64 - BitOperations.Log2((uint)Size);
            Limit = limit;
            Keys = ArrayPool<ulong>.Shared.Rent(Size);
            Counts = ArrayPool<ulong>.Shared.Rent(Size);
            Terms = _withLogLoss ? ArrayPool<double>.Shared.Rent(2 * Size) : [];
            Keys.AsSpan(0, Size).Clear();
            Counts.AsSpan(0, Size).Clear();
        }

        private static void Return(ulong[] keys, ulong[] counts, double[] terms)
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(counts);
            if (terms.Length > 0)
            {
                ArrayPool<double>.Shared.Return(terms);
            }
        }
    }
}
