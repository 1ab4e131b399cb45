namespace ClassicalML.Evaluation;

/// <summary>The incremental entry point of <see cref="TieCounts"/>: the same table, fed a chunk of rows at a time.</summary>
internal static partial class TieCounts
{
    /// <summary>
    /// <see cref="TryRank(ReadOnlySpan{bool}, ReadOnlySpan{double}, out RankingSums, out double)"/> over rows that arrive in
    /// chunks (<see cref="BinaryChunkSums"/>): each row's score counted in the table and its log-loss term (looked up once
    /// per distinct score) added to the caller's running sum in row order, until the table would have to give up.
    /// </summary>
    internal sealed class Accumulator : IDisposable
    {
        private readonly Table _table = new(MaxDistinct, withLogLoss: true);
        private long _rows;
        private long _positives;

        /// <summary>The rows counted.</summary>
        internal long Rows => _rows;

        /// <summary>The positives among them.</summary>
        internal long Positives => _positives;

        /// <summary>
        /// Counts the rows from the first on and adds their log-loss terms to <paramref name="logLoss"/>, up to the first row
        /// whose score the table has no room for (more than <see cref="MaxDistinct"/> distinct scores, or nearly every row a new
        /// one); returns how many rows it counted. Fewer than all: the table is full and takes no more rows. Inputs must be validated.
        /// </summary>
        internal int Add(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ref double logLoss)
        {
            Table table = _table;
            ulong[] entries = table.Entries; // a slot's key at 2·slot, its counts at 2·slot + 1 (positives in the high 32 bits, negatives in the low 32; n < 2³¹)
            double[] terms = table.Terms;
            double sum = logLoss;
            long positives = _positives;
            int i = 0;
            for (; i < scores.Length; i++)
            {
                ulong key = ScoreOrder.Key(scores[i]);
                int slot = table.Home(key);
                bool full = false;
                while (entries[2 * slot] != key)
                {
                    if (entries[2 * slot] == 0)
                    {
                        if (table.Distinct == table.NextCheck)
                        {
                            if (!table.TryGoOn((int)Math.Min(int.MaxValue, _rows + i)))
                            {
                                full = true;
                                break;
                            }

                            (entries, terms) = (table.Entries, table.Terms);
                        }

                        slot = table.Insert(key, scores[i]);
                        break;
                    }

                    slot = table.Next(slot);
                }

                if (full)
                {
                    break;
                }

                ulong positive = labels[i] ? 1UL : 0UL;
                positives += (long)positive;
                entries[(2 * slot) + 1] += (positive << 32) + (1 - positive); // branch-free: labels are unpredictable
                sum += terms[(2 * slot) + (int)positive];
            }

            _rows += i;
            _positives = positives;
            logLoss = sum;
            return i;
        }

        /// <summary>The ranking sums of the rows counted, as <see cref="TryRank(ReadOnlySpan{bool}, ReadOnlySpan{double}, out RankingSums, out double)"/> gives them.</summary>
        internal RankingSums Sums() => FromTable(_table, _positives, _rows - _positives);

        /// <summary>
        /// Writes the split keys of the rows counted, unsorted: each distinct score's key once per positive row into
        /// <paramref name="positives"/> (<see cref="Positives"/> long) and once per negative row into <paramref name="negatives"/>.
        /// Sorted, they are the runs <see cref="ScoreOrder.SplitByClass(ReadOnlySpan{bool}, ReadOnlySpan{double}, Span{ulong})"/> and a sort would give.
        /// </summary>
        internal void CopyKeys(Span<ulong> positives, Span<ulong> negatives)
        {
            int p = 0;
            int q = 0;
            ulong[] entries = _table.Entries;
            for (int d = 0; d < _table.Distinct; d++)
            {
                int slot = _table.Order[d];
                ulong key = entries[2 * slot];
                ulong counts = entries[(2 * slot) + 1];
                int slotPositives = (int)(counts >> 32);
                int slotNegatives = (int)(counts & uint.MaxValue);
                positives.Slice(p, slotPositives).Fill(key);
                negatives.Slice(q, slotNegatives).Fill(key);
                p += slotPositives;
                q += slotNegatives;
            }
        }

        public void Dispose() => _table.Dispose();
    }
}
