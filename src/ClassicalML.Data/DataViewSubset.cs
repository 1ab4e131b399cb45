using Microsoft.ML;

namespace ClassicalML.Data;

/// <summary>Row selection on data views made by <see cref="Dataset.ToDataView(MLContext, string?)"/>.</summary>
public static class DataViewSubset
{
    /// <summary>
    /// The given rows of <paramref name="source"/>, in the given order (repeats allowed), without copying values.
    /// </summary>
    /// <param name="source">A view returned by <see cref="Dataset.ToDataView(MLContext, string?)"/>, by
    /// <see cref="Dataset.ToDataView(MLContext, ReadOnlySpan{int}, string?)"/>, or by this method.</param>
    /// <param name="rows">0-based positions within <paramref name="source"/>.</param>
    /// <returns>A view with the schema of <paramref name="source"/> and <c>rows.Length</c> rows.</returns>
    /// <remarks>
    /// Cost: O(rows) to compose the index arrays; values stay in the data set's column arrays, and a subset of a
    /// subset reads them directly. Only views over a <see cref="Dataset"/> are supported: an arbitrary
    /// <see cref="IDataView"/> has no random access, so it would have to be materialized first.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A position is negative or not less than the row count of <paramref name="source"/>.</exception>
    /// <exception cref="NotSupportedException"><paramref name="source"/> was not made from a <see cref="Dataset"/>.</exception>
    public static IDataView Select(this IDataView source, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source is not ArrayDataView view)
        {
            throw new NotSupportedException($"source is a {source.GetType().Name}; DataViewSubset.Select works on views made by Dataset.ToDataView. Load the data as a Dataset and call ToDataView(mlContext, rows) instead.");
        }

        return view.Select(rows, nameof(rows));
    }
}
