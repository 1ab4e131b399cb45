namespace ClassicalML.Evaluation;

/// <summary>
/// The work of the unweighted <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
/// on rows that arrive in chunks (<see cref="DataViewEvaluation.EvaluateBinary"/> reads a view a chunk at a time and hands
/// the chunks to another thread): the check for non-finite scores, the per-row pass (<see cref="RowSums.Builder"/>), the
/// log-loss sum in row order, and the ranking, as tie counts (<see cref="TieCounts.Accumulator"/>) while the distinct scores
/// fit the table and as split keys (<see cref="SplitKeyBuffer"/>) from the first score that does not. Every sum is taken in
/// row order by one thread, and both rankings give the same bits, so <see cref="Finish"/> returns what
/// <c>Evaluate</c> computes from the same rows in arrays, bit for bit, however the rows were chunked. The work comes in two
/// halves that two threads may do at once (<see cref="AddRows"/>: the check and the per-row pass; <see cref="AddRanking"/>:
/// the ranking and the log loss), each half touching only its own fields; <see cref="Finish"/> once both are done.
/// </summary>
internal sealed class BinaryChunkSums : IDisposable
{
    private readonly double _threshold;
    private readonly int _expectedRows;
    private RowSums.Builder _rows;
    private TieCounts.Accumulator? _ties = new();
    private SplitKeyBuffer? _keys;
    private double _logLoss;
    private long _count;
    private long _firstNonFinite = -1;
    private double _nonFiniteScore;

    /// <summary>Starts the sums at a threshold (score ≥ threshold is predicted positive).</summary>
    /// <param name="threshold">The decision threshold.</param>
    /// <param name="expectedRows">The number of rows when known (0 if not): the first size of the split-key buffer if one is needed.</param>
    internal BinaryChunkSums(double threshold, int expectedRows)
    {
        _threshold = threshold;
        _expectedRows = expectedRows;
    }

    /// <summary>The number of rows added.</summary>
    internal long Count => _count;

    /// <summary>
    /// Adds the next rows: <see cref="AddRows"/>, then <see cref="AddRanking"/> when the rows are finite (one thread does both).
    /// Once a score is NaN or infinite the rest is ignored: <see cref="Finish"/> throws
    /// <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>'s error for it.
    /// </summary>
    internal void Add(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (AddRows(labels, scores))
        {
            AddRanking(labels, scores);
        }
    }

    /// <summary>
    /// The first half of <see cref="Add"/>, for the thread that reads the rows: checks the next rows' scores and adds them
    /// to the per-row pass (confusion counts, Brier sum, in row order). Returns whether they are to be given to
    /// <see cref="AddRanking"/>: false from the chunk with the first NaN or infinite score on (its row is kept for
    /// <see cref="Finish"/>'s error; these rows and every later one are ignored). Each half is called in row order by one thread.
    /// </summary>
    internal bool AddRows(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (_firstNonFinite >= 0)
        {
            return false;
        }

        for (int i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                (_firstNonFinite, _nonFiniteScore) = (_count + i, scores[i]);
                return false;
            }
        }

        _rows.Add(labels, scores, _threshold);
        _count += scores.Length;
        return true;
    }

    /// <summary>
    /// The second half of <see cref="Add"/>, for another thread: adds rows that <see cref="AddRows"/> accepted, in the same
    /// order, to the ranking (tie counts, or split keys once the table is full) and the log-loss sum in row order.
    /// </summary>
    internal void AddRanking(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        int counted = _ties?.Add(labels, scores, ref _logLoss) ?? 0;
        if (counted < scores.Length)
        {
            AddKeys(labels[counted..], scores[counted..]);
        }
    }

    /// <summary>
    /// The row sums and the ranking of the rows added, for <see cref="BinaryEvaluation.Report(RowSums, double, RankingSums, double, double, ZeroDivision)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No rows were added, or a score was NaN or infinite (the message names its row), as <c>Evaluate</c> reports it.</exception>
    internal (RowSums Rows, double FirstNonProbabilityScore, RankingSums Ranking) Finish()
    {
        if (_count == 0 && _firstNonFinite < 0)
        {
            Preconditions.CheckBinaryInput([], []); // Evaluate's error for no rows
        }

        if (_firstNonFinite >= 0)
        {
            throw Preconditions.NonFiniteScore(_firstNonFinite, _nonFiniteScore);
        }

        RankingSums ranking = _ties?.Sums() ?? _keys!.Rank();
        return (_rows.ToRowSums(_logLoss), _rows.FirstNonProbabilityScore, ranking);
    }

    public void Dispose()
    {
        _ties?.Dispose();
        _keys?.Dispose();
    }

    /// <summary>Rows past the tie table: their split keys, and each row's log-loss term computed on its own (the same function, the same bits).</summary>
    private void AddKeys(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (_keys is null)
        {
            // The table is full: its rows become split keys, and every later row goes to the keys.
            var ties = _ties!;
            _keys = new SplitKeyBuffer(Math.Max(_expectedRows, (int)Math.Min(int.MaxValue, 2 * (ties.Rows + scores.Length))));
            _keys.Append((int)ties.Positives, (int)(ties.Rows - ties.Positives), out Span<ulong> positives, out Span<ulong> negatives);
            ties.CopyKeys(positives, negatives);
            ties.Dispose();
            _ties = null;
        }

        _keys.Add(labels, scores);
        double logLoss = _logLoss;
        for (int i = 0; i < scores.Length; i++)
        {
            logLoss += BinaryEvaluation.LogLossTerm(scores[i], labels[i]);
        }

        _logLoss = logLoss;
    }
}
