using System.Buffers;

namespace ClassicalML.Evaluation;

/// <summary>
/// The split keys (<see cref="ScoreOrder.SplitByClass(ReadOnlySpan{bool}, ReadOnlySpan{double}, Span{ulong})"/>) of rows that
/// arrive in chunks, in one buffer rented from <see cref="ArrayPool{T}.Shared"/>: the positives' keys from the front, the
/// negatives' from the back, the buffer doubled when a chunk does not fit. The ranking sorts the two runs, as
/// <see cref="ScoreOrder.Rank"/> does, so the same bits.
/// </summary>
internal sealed class SplitKeyBuffer : IDisposable
{
    private ulong[] _keys;
    private int _positives;
    private int _negatives;

    /// <summary>Starts with room for <paramref name="capacity"/> keys (the view's row count when it knows it).</summary>
    internal SplitKeyBuffer(int capacity) => _keys = ArrayPool<ulong>.Shared.Rent(Math.Max(capacity, 1 << 16));

    /// <summary>The positives' keys so far, unsorted.</summary>
    internal Span<ulong> Positives => _keys.AsSpan(0, _positives);

    /// <summary>The negatives' keys so far, unsorted.</summary>
    internal Span<ulong> Negatives => _keys.AsSpan(_keys.Length - _negatives, _negatives);

    /// <summary>Room for <paramref name="positives"/> more positives' keys and <paramref name="negatives"/> more negatives', written by the caller.</summary>
    internal void Append(int positives, int negatives, out Span<ulong> front, out Span<ulong> back)
    {
        Reserve(positives + negatives);
        front = _keys.AsSpan(_positives, positives);
        back = _keys.AsSpan(_keys.Length - _negatives - negatives, negatives);
        _positives += positives;
        _negatives += negatives;
    }

    /// <summary>Adds the keys of a chunk of rows. Inputs must be validated (finite scores).</summary>
    internal void Add(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Reserve(scores.Length);

        // SplitByClass's branch-free loop, with the free middle of the buffer as its array: the front continues the
        // positives' run and the back the negatives' (SplitByClass itself puts the back at the end of the rows).
        ulong[] keys = _keys;
        int front = _positives;
        int back = keys.Length - _negatives;
        for (int i = 0; i < scores.Length; i++)
        {
            ulong key = ScoreOrder.Key(scores[i]);
            int positive = labels[i] ? 1 : 0;
            keys[front] = key;
            keys[back - 1] = key;
            front += positive;
            back -= 1 - positive;
        }

        _positives = front;
        _negatives = keys.Length - back;
    }

    /// <summary>Sorts the two runs (on two threads when both have at least <see cref="ScoreOrder.ParallelKeys"/> keys, as <see cref="ScoreOrder.Rank"/>) and sums them.</summary>
    internal RankingSums Rank()
    {
        ulong[] keys = _keys;
        int positives = _positives;
        int negatives = _negatives;
        int negativesStart = keys.Length - negatives;
        bool parallel = Math.Min(positives, negatives) >= ScoreOrder.ParallelKeys;
        ulong[] scratch = ArrayPool<ulong>.Shared.Rent(parallel ? positives + negatives : Math.Max(positives, negatives));
        try
        {
            ScoreOrder.SortRuns(keys, positives, negativesStart, negatives, scratch, parallel);
            return RankingSums.FromRuns(keys.AsSpan(0, positives), keys.AsSpan(negativesStart, negatives));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
        }
    }

    public void Dispose() => ArrayPool<ulong>.Shared.Return(_keys);

    /// <summary>Makes room for <paramref name="count"/> more keys, doubling the buffer (the runs keep their ends).</summary>
    private void Reserve(int count)
    {
        long needed = (long)_positives + _negatives + count;
        if (needed <= _keys.Length)
        {
            return;
        }

        ulong[] grown = ArrayPool<ulong>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _keys.Length)));
        Positives.CopyTo(grown);
        Negatives.CopyTo(grown.AsSpan(grown.Length - _negatives));
        ArrayPool<ulong>.Shared.Return(_keys);
        _keys = grown;
    }
}
