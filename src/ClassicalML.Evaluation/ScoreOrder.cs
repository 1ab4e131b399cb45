namespace ClassicalML.Evaluation;

/// <summary>
/// The one place where scores are sorted. Every ranking metric (ROC, PR, AUC, AP, threshold
/// selection) goes through <see cref="Descending"/>, so a faster sort (e.g. a radix pass over
/// the IEEE bits) can replace it here without touching the metrics.
/// </summary>
internal static class ScoreOrder
{
    /// <summary>
    /// Copies <paramref name="scores"/> and <paramref name="labels"/> and sorts the copies by score,
    /// highest first, with one <see cref="MemoryExtensions.Sort{TKey, TValue}(Span{TKey}, Span{TValue})"/>
    /// call: O(n log n) time, two arrays of length n. The order among equal scores is unspecified;
    /// callers treat ties as one group, so it does not matter.
    /// </summary>
    /// <remarks>
    /// Keys are negated so an ascending sort gives descending scores; negation is exact for finite doubles.
    /// </remarks>
    internal static (double[] Scores, bool[] Labels) Descending(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        var keys = new double[scores.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = -scores[i];
        }

        bool[] items = labels.ToArray();
        keys.AsSpan().Sort(items.AsSpan());
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = -keys[i];
        }

        return (keys, items);
    }
}
