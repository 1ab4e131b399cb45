namespace ClassicalML.Evaluation;

/// <summary>The per-row pass of <see cref="RowSums.From(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double?)"/> made a chunk of rows at a time.</summary>
internal readonly partial struct RowSums
{
    /// <summary>
    /// Confusion counts and the Brier sum in row order up to the first score outside [0, 1], over rows that arrive in
    /// chunks: the same running sum as <see cref="From(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double?)"/> over
    /// all of them, so the same bits. The log-loss sum comes from the caller (<see cref="BinaryChunkSums"/>).
    /// </summary>
    internal struct Builder
    {
        private ConfusionTally _counts;
        private double _brierSum;
        private long _rows;
        private long _first;
        private bool _found;
        private double _firstScore;

        /// <summary>The first score outside [0, 1] (0 while there is none).</summary>
        internal readonly double FirstNonProbabilityScore => _firstScore;

        /// <summary>Adds the next rows. Inputs must be validated (equal lengths, finite scores).</summary>
        internal void Add(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double threshold)
        {
            int start = 0;
            if (!_found)
            {
                var counter = default(RowCounter);
                double brierSum = _brierSum;
                int i = 0;
                for (; i < scores.Length; i++)
                {
                    double s = scores[i];
                    bool positive = labels[i];
                    counter.Add(positive, s >= threshold);
                    if (s is < 0.0 or > 1.0)
                    {
                        (_found, _first, _firstScore) = (true, _rows + i, s);
                        i++;
                        break;
                    }

                    brierSum += BinaryEvaluation.BrierTerm(s, positive);
                }

                _counts.Add(counter, i);
                _brierSum = brierSum;
                start = i;
            }

            if (start < scores.Length)
            {
                _counts.Add(labels[start..], scores[start..], threshold);
            }

            _rows += scores.Length;
        }

        /// <summary>The sums of the rows added, with the log-loss sum taken in row order by the caller.</summary>
        internal readonly RowSums ToRowSums(double logLossSum) => new(_counts, logLossSum, _brierSum, _found ? (int)_first : -1);
    }
}
