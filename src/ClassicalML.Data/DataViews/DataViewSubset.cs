using Microsoft.ML;

namespace ClassicalML.Data;

/// <summary>Row selection on ML.NET data views.</summary>
public static class DataViewSubset
{
    /// <summary>
    /// The given rows of <paramref name="source"/>, in the given order (repeats allowed), without copying values.
    /// </summary>
    /// <param name="source">Any data view; views made by <see cref="Dataset.ToDataView(MLContext, string?)"/>, <see cref="DataViewBuilder"/> or this method are selected without copying.</param>
    /// <param name="rows">0-based positions within <paramref name="source"/>.</param>
    /// <returns>A view with the schema of <paramref name="source"/> and <c>rows.Length</c> rows.</returns>
    /// <remarks>
    /// Cost, for a view made from a <see cref="Dataset"/> or a <see cref="DataViewBuilder"/> (or a selection of one): O(rows)
    /// to compose the index arrays; values stay in the column arrays and a subset of a subset reads them directly.
    /// Row ids (<c>GetIdGetter</c>) are kept: a data set's view numbers rows by data set row, every other view by position.
    /// For any other view (for example the output of a transformer), one pass over the whole source with a cursor,
    /// copying the visible columns of the selected rows into arrays: O(source rows) time and O(rows × columns) memory
    /// per call, so select once per fold rather than once per use. Hidden columns are dropped; vector columns are copied deeply.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A position is negative or not less than the row count of <paramref name="source"/>.</exception>
    public static IDataView Select(this IDataView source, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(source);
        return (source as ColumnDataView)?.TrySelect(rows, nameof(rows))
            ?? Materialization.Select(source, rows, nameof(rows));
    }
}
