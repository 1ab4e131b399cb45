namespace ClassicalML.Evaluation;

/// <summary>
/// The scores a <see cref="StreamingBinaryEvaluator"/> keeps in its exact range, as order-preserving keys
/// (<see cref="ScoreOrder.Key"/>) in one buffer of at most <c>capacity</c> keys: the positives' keys from the front in the
/// order they were added, the negatives' from the back (the first added at the end), so the two classes together never
/// need more than <c>capacity</c> slots. A weighted buffer keeps each key's weight at the same index.
/// </summary>
internal sealed class KeptKeys
{
    private readonly int _capacity;
    private ulong[] _keys = [];
    private double[]? _weights;

    internal KeptKeys(int capacity, bool weighted)
    {
        _capacity = capacity;
        _weights = weighted ? [] : null;
    }

    /// <summary>The number of kept positives' keys.</summary>
    internal int Positives { get; private set; }

    /// <summary>The number of kept negatives' keys.</summary>
    internal int Negatives { get; private set; }

    /// <summary>The number of kept keys.</summary>
    internal int Count => Positives + Negatives;

    /// <summary>The bytes held by the buffers (keys, and weights when weighted), whatever is in use.</summary>
    internal long BufferBytes => (8L * _keys.Length) + (8L * (_weights?.Length ?? 0));

    /// <summary>The kept positives' keys (in the order added).</summary>
    internal Span<ulong> PositiveKeys => _keys.AsSpan(0, Positives);

    /// <summary>The kept negatives' keys (the last added first).</summary>
    internal Span<ulong> NegativeKeys => _keys.AsSpan(_keys.Length - Negatives, Negatives);

    /// <summary>The kept positives' weights, aligned with <see cref="PositiveKeys"/> (empty when unweighted).</summary>
    internal Span<double> PositiveWeights => _weights is null ? [] : _weights.AsSpan(0, Positives);

    /// <summary>The kept negatives' weights, aligned with <see cref="NegativeKeys"/> (empty when unweighted).</summary>
    internal Span<double> NegativeWeights => _weights is null ? [] : _weights.AsSpan(_weights.Length - Negatives, Negatives);

    /// <summary>A buffer holding the given keys (and weights), each class in the order added, as a state stores them.</summary>
    internal static KeptKeys From(int capacity, ulong[] positives, ulong[] negatives, double[]? positiveWeights, double[]? negativeWeights)
    {
        var kept = new KeptKeys(capacity, positiveWeights is not null);
        kept.Append(positives, positiveWeights ?? [], negatives, negativeWeights ?? []);
        return kept;
    }

    /// <summary>An exact-size copy (the same keys, weights and layout).</summary>
    internal KeptKeys Copy()
    {
        var copy = new KeptKeys(_capacity, _weights is not null);
        copy.Append(PositiveKeys, PositiveWeights, [], []);
        copy.AppendNegativesReversed(NegativeKeys, NegativeWeights);
        return copy;
    }

    /// <summary>The positives' keys and the negatives' keys, each in the order added (copies).</summary>
    internal (ulong[] Positives, ulong[] Negatives) InOrder()
    {
        ulong[] negatives = NegativeKeys.ToArray();
        Array.Reverse(negatives);
        return (PositiveKeys.ToArray(), negatives);
    }

    /// <summary>The positives' weights and the negatives' weights, each in the order added (copies; the buffer must be weighted).</summary>
    internal (double[] Positives, double[] Negatives) WeightsInOrder()
    {
        double[] negatives = NegativeWeights.ToArray();
        Array.Reverse(negatives);
        return (PositiveWeights.ToArray(), negatives);
    }

    /// <summary>Forgets every kept key (the buffer stays for the next ones).</summary>
    internal void Clear() => (Positives, Negatives) = (0, 0);

    /// <summary>Keeps the keys of a validated batch; <see cref="Count"/> plus its length must not exceed the capacity.</summary>
    internal void Append(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        EnsureLength(Count + scores.Length);
        Span<ulong> keys = _keys;
        Span<double> kept = _weights;
        bool weighted = _weights is not null;
        int front = Positives;
        int back = keys.Length - 1 - Negatives;
        for (int i = 0; i < scores.Length; i++)
        {
            // Branch-free (labels are unpredictable): the key goes to both ends' free slots and only its class's end moves,
            // so the other copy lands in a free slot that a later key overwrites (front ≤ back while a key is free to go).
            int positive = labels[i] ? 1 : 0;
            ulong key = ScoreOrder.Key(scores[i]);
            keys[front] = key;
            keys[back] = key;
            if (weighted)
            {
                kept[front] = weights[i];
                kept[back] = weights[i];
            }

            front += positive;
            back -= 1 - positive;
        }

        Positives = front;
        Negatives = keys.Length - 1 - back;
    }

    /// <summary>Keeps the keys (and weights) of another buffer; the total must not exceed the capacity.</summary>
    internal void Append(KeptKeys other)
    {
        Append(other.PositiveKeys, other.PositiveWeights, [], []);
        AppendNegativesReversed(other.NegativeKeys, other.NegativeWeights);
    }

    /// <summary>Moves every kept key into <paramref name="histogram"/> (limited to <paramref name="maxBins"/> bins) and clears the buffer.</summary>
    internal void MoveTo(ScoreHistogram histogram, int maxBins)
    {
        Span<double> weights = _weights is null ? [] : _weights;
        histogram.AddKeys(_keys, Positives, Negatives, weights, maxBins);
        Clear();
    }

    /// <summary>Makes room for <paramref name="count"/> keys in all (at most the capacity), doubling the buffer as it grows.</summary>
    internal void EnsureLength(int count)
    {
        if (count <= _keys.Length)
        {
            return;
        }

        int length = Math.Max(count, (int)Math.Min(2L * _keys.Length, _capacity));
        _keys = Grown(_keys, length, Positives, Negatives);
        if (_weights is not null)
        {
            _weights = Grown(_weights, length, Positives, Negatives);
        }
    }

    /// <summary>A longer buffer with the front run at its front and the back run at its back.</summary>
    private static T[] Grown<T>(T[] values, int length, int front, int back)
    {
        var grown = GC.AllocateUninitializedArray<T>(length);
        values.AsSpan(0, front).CopyTo(grown);
        values.AsSpan(values.Length - back).CopyTo(grown.AsSpan(length - back));
        return grown;
    }

    /// <summary>Appends positives in order and negatives in the order added (<paramref name="negatives"/> first added first).</summary>
    private void Append(ReadOnlySpan<ulong> positives, ReadOnlySpan<double> positiveWeights, ReadOnlySpan<ulong> negatives, ReadOnlySpan<double> negativeWeights)
    {
        EnsureLength(Count + positives.Length + negatives.Length);
        positives.CopyTo(_keys.AsSpan(Positives));
        positiveWeights.CopyTo(_weights is null ? [] : _weights.AsSpan(Positives));
        Positives += positives.Length;
        for (int i = 0; i < negatives.Length; i++)
        {
            int at = _keys.Length - 1 - Negatives - i;
            _keys[at] = negatives[i];
            if (_weights is not null)
            {
                _weights[at] = negativeWeights[i];
            }
        }

        Negatives += negatives.Length;
    }

    /// <summary>Appends negatives stored as this buffer stores them (last added first), keeping their order.</summary>
    private void AppendNegativesReversed(ReadOnlySpan<ulong> negatives, ReadOnlySpan<double> weights)
    {
        EnsureLength(Count + negatives.Length);
        int start = _keys.Length - Negatives - negatives.Length;
        negatives.CopyTo(_keys.AsSpan(start));
        weights.CopyTo(_weights is null ? [] : _weights.AsSpan(start));
        Negatives += negatives.Length;
    }
}
