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
/// keys and counts, cache-sized, and 1 MiB of log-loss terms, rented from the shared array pool; it starts with room
/// for 16,384 and grows once when more come) and at most n/4; with more distinct scores <see cref="TryRank(ReadOnlySpan{bool}, ReadOnlySpan{double}, out RankingSums, out double)"/> gives up where it finds the next one,
/// and the caller sorts all keys instead. Giving up costs at most one read of the rows (near the start when scores are
/// mostly distinct). Memory: the table, not 8–16 bytes per row.
/// </remarks>
internal static partial class TieCounts
{
    /// <summary>The most distinct scores the table takes.</summary>
    internal const int MaxDistinct = 1 << 15;

    /// <summary>
    /// The table's first size: room for this many distinct scores (512 KiB of keys and counts), so the ~10,000 distinct
    /// scores of rounded probabilities need no growth and no rehash (issue #18: it started at 4,096 and grew fourfold).
    /// </summary>
    private const int FirstLimit = 1 << 14;

    /// <summary>At this many distinct scores the table gives up when nearly every row so far brought a new one.</summary>
    private const int Checkpoint = 1 << 12;

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

        using var table = new Table(capacity, withLogLoss);
        ulong[] entries = table.Entries; // a slot's key at 2·slot, its counts at 2·slot + 1: one cache line per row
        double[] terms = table.Terms; // a slot's log-loss term for a negative row, then for a positive one: one Math.Log per distinct score, not per row
        double logLoss = 0.0;
        long positives = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            ulong key = ScoreOrder.Key(scores[i]);
            int slot = table.Home(key);
            while (entries[2 * slot] != key)
            {
                if (entries[2 * slot] == 0)
                {
                    if (table.Distinct != table.NextCheck)
                    {
                        table.InsertAt(slot, key, scores[i]); // the empty slot where the probe ended: no second probe
                        break;
                    }

                    if (!table.TryGoOn(i))
                    {
                        return false;
                    }

                    (entries, terms) = (table.Entries, table.Terms);
                    slot = table.Insert(key, scores[i]); // the table may have grown: probe again
                    break;
                }

                slot = table.Next(slot);
            }

            ulong positive = labels[i] ? 1UL : 0UL;
            positives += (long)positive;
            entries[(2 * slot) + 1] += (positive << 32) + (1 - positive); // branch-free: labels are unpredictable
            if (withLogLoss)
            {
                logLoss += terms[(2 * slot) + (int)positive];
            }
        }

        sums = FromTable(table, positives, scores.Length - positives);
        logLossSum = logLoss;
        return true;
    }

    /// <summary>
    /// Copies the distinct keys and their counts out of the table (in the order they came) and sorts them by key with the
    /// counts carried along, in one call (<see cref="KeyCountSort.SortFrom"/>: the copy also counts the first digits), and
    /// adds the groups from the highest key down.
    /// </summary>
    private static RankingSums FromTable(Table table, long positives, long negatives)
    {
        int distinct = table.Distinct;
        ulong[] buffer = ArrayPool<ulong>.Shared.Rent(4 * distinct);
        try
        {
            Span<ulong> keys = buffer.AsSpan(0, distinct);
            Span<ulong> counts = buffer.AsSpan(distinct, distinct);
            KeyCountSort.SortFrom(table.Entries, table.Order.AsSpan(0, distinct), keys, counts, buffer.AsSpan(2 * distinct, distinct), buffer.AsSpan(3 * distinct, distinct), table.All, table.Any); // keys are distinct: the order is fully determined
            return RankingSums.FromCounts(counts, positives, negatives);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The open-addressing table (linear probing, load ≤ ½; key 0 marks an empty slot: no finite score has key 0), each
    /// slot's key and counts side by side, in arrays rented from <see cref="ArrayPool{T}.Shared"/>. It is sized once for
    /// min(capacity, <see cref="FirstLimit"/>) scores and grows (once) to the capacity only when more come. At
    /// <see cref="Checkpoint"/> distinct scores, and before growing, it gives up when at least 95% of the rows so far
    /// brought a new score (the scores look distinct: sorting is cheaper than a table of n/4 scores).
    /// </summary>
    private sealed class Table : IDisposable
    {
        private readonly bool _withLogLoss;
        private readonly int _capacity;
        private int _shift;

        internal Table(int capacity, bool withLogLoss)
        {
            _withLogLoss = withLogLoss;
            _capacity = capacity;
            Order = ArrayPool<int>.Shared.Rent(capacity);
            Allocate(Math.Min(capacity, FirstLimit));
            NextCheck = Math.Min(Checkpoint, Limit);
        }

        /// <summary>Key of slot s at 2·s, its counts (positives in the high 32 bits, negatives in the low 32; n &lt; 2³¹) at 2·s + 1.</summary>
        internal ulong[] Entries { get; private set; } = [];

        internal double[] Terms { get; private set; } = [];

        /// <summary>The slots of the distinct keys in the order they came.</summary>
        internal int[] Order { get; }

        internal int Size { get; private set; }

        internal int Limit { get; private set; }

        internal int Distinct { get; private set; }

        /// <summary>At this many distinct scores <see cref="TryGoOn"/> decides whether to go on.</summary>
        internal int NextCheck { get; private set; }

        internal int Home(ulong key) => (int)((key * 0x9E37_79B9_7F4A_7C15UL) >> _shift);

        internal int Next(int slot) => (slot + 1) & (Size - 1);

        /// <summary>The AND of the keys in the table (all ones when it is empty).</summary>
        internal ulong All { get; private set; } = ulong.MaxValue;

        /// <summary>The OR of the keys in the table.</summary>
        internal ulong Any { get; private set; }

        /// <summary>Puts a new key in its first empty slot, with its two log-loss terms when needed; returns the slot.</summary>
        internal int Insert(ulong key, double score)
        {
            int slot = Place(key);
            Added(slot, key, score);
            return slot;
        }

        /// <summary>
        /// Puts a new key in <paramref name="slot"/>, the empty slot where its probe from <see cref="Home"/> ended (where
        /// <see cref="Insert"/> would put it), with its two log-loss terms when needed. The caller checks
        /// <see cref="NextCheck"/> first, as for <see cref="Insert"/>.
        /// </summary>
        internal void InsertAt(int slot, ulong key, double score)
        {
            Entries[2 * slot] = key;
            Added(slot, key, score);
        }

        /// <summary>
        /// At <see cref="NextCheck"/> distinct scores after <paramref name="rows"/> rows: false (give up) when the table is
        /// full or the scores look distinct; else goes on, growing the table when it is at its limit.
        /// </summary>
        internal bool TryGoOn(int rows)
        {
            if (Distinct == _capacity || (long)rows * 19 < (long)Distinct * 20)
            {
                return false;
            }

            if (Distinct == Limit)
            {
                Grow();
            }

            NextCheck = Limit;
            return true;
        }

        public void Dispose()
        {
            Return(Entries, Terms);
            ArrayPool<int>.Shared.Return(Order);
        }

        private void Added(int slot, ulong key, double score)
        {
            Order[Distinct++] = slot;
            All &= key;
            Any |= key;
            if (_withLogLoss)
            {
                Terms[2 * slot] = BinaryEvaluation.LogLossTerm(score, positive: false);
                Terms[(2 * slot) + 1] = BinaryEvaluation.LogLossTerm(score, positive: true);
            }
        }

        /// <summary>Puts a key in its first empty slot; returns the slot.</summary>
        private int Place(ulong key)
        {
            int slot = Home(key);
            while (Entries[2 * slot] != 0)
            {
                slot = Next(slot);
            }

            Entries[2 * slot] = key;
            return slot;
        }

        /// <summary>Room for the capacity: every key moved to its new slot, in the order they came.</summary>
        private void Grow()
        {
            (ulong[] entries, double[] terms) = (Entries, Terms);
            Allocate(_capacity);
            for (int d = 0; d < Distinct; d++)
            {
                int old = Order[d];
                int slot = Place(entries[2 * old]);
                Entries[(2 * slot) + 1] = entries[(2 * old) + 1];
                if (_withLogLoss)
                {
                    Terms[2 * slot] = terms[2 * old];
                    Terms[(2 * slot) + 1] = terms[(2 * old) + 1];
                }

                Order[d] = slot;
            }

            Return(entries, terms);
        }

        private void Allocate(int limit)
        {
            Size = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * limit));
            _shift = 64 - BitOperations.Log2((uint)Size);
            Limit = limit;
            Entries = ArrayPool<ulong>.Shared.Rent(2 * Size);
            Terms = _withLogLoss ? ArrayPool<double>.Shared.Rent(2 * Size) : [];
            Entries.AsSpan(0, 2 * Size).Clear();
        }

        private static void Return(ulong[] entries, double[] terms)
        {
            ArrayPool<ulong>.Shared.Return(entries);
            if (terms.Length > 0)
            {
                ArrayPool<double>.Shared.Return(terms);
            }
        }
    }
}
