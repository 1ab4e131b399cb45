using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data;

/// <summary>
/// Builds an in-memory ML.NET <see cref="IDataView"/> from column arrays: Boolean and Single scalars and known-size
/// Single vectors, in the order they are added.
/// </summary>
/// <remarks>
/// Use it instead of <c>mlContext.Data.LoadFromEnumerable</c> with a row class and a <c>SchemaDefinition</c>: the
/// values are copied once into arrays (so later changes to the caller's arrays do not reach the view) and read by the
/// same cursor as <see cref="Dataset.ToDataView(MLContext, string?)"/>. Row ids are positions (0, 1, …), as in
/// LoadFromEnumerable's views; the view is not shufflable (<see cref="IDataView.CanShuffle"/> is false).
/// Select rows with <see cref="DataViewSubset.Select"/> (no copy).
/// Unlike LoadFromEnumerable, building a view draws nothing from an <see cref="MLContext"/>'s random stream
/// (LoadFromEnumerable registers a host, which seeds itself from that stream), so switching a program from LoadFromEnumerable to this
/// builder shifts what later seeded trainers of the same context draw (SDCA's epoch shuffles, for one) and so their
/// results; the views themselves hold the same rows, values and row ids.
/// </remarks>
/// <example><code>
/// var view = new DataViewBuilder().AddBoolean("Label", labels).AddSingle("Weight", weights).AddVector("Features", rows).Build();
/// </code></example>
public sealed class DataViewBuilder
{
    private readonly List<ViewColumn> columns = [];

    /// <summary>Adds a Boolean column, value i at row i.</summary>
    /// <param name="name">The column name, not yet used by this builder.</param>
    /// <param name="values">One value per row.</param>
    /// <param name="annotations">The column's annotations (e.g. those of a scorer's PredictedLabel), or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already added, or the row count differs from earlier columns.</exception>
    public DataViewBuilder AddBoolean(string name, IReadOnlyList<bool> values, DataViewSchema.Annotations? annotations = null) =>
        Add(ViewColumn.Of(new ColumnHeader(name, BooleanDataViewType.Instance, annotations), ToArray(values)));

    /// <summary>Adds a Single column, value i at row i.</summary>
    /// <param name="name">The column name, not yet used by this builder.</param>
    /// <param name="values">One value per row.</param>
    /// <param name="annotations">The column's annotations (e.g. those of a scorer's Score), or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already added, or the row count differs from earlier columns.</exception>
    public DataViewBuilder AddSingle(string name, IReadOnlyList<float> values, DataViewSchema.Annotations? annotations = null) =>
        Add(ViewColumn.Of(new ColumnHeader(name, NumberDataViewType.Single, annotations), ToArray(values)));

    /// <summary>Adds a known-size vector column of Single, row i read from <c>rows[i]</c> (dense).</summary>
    /// <param name="name">The column name, not yet used by this builder.</param>
    /// <param name="rows">One array per row, all of the same, non-zero length (the vector size).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or one of its arrays is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already added, the arrays differ in length or are
    /// empty, or the row count differs from earlier columns.</exception>
    public DataViewBuilder AddVector(string name, IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var width = rows.Count == 0 ? 0 : (rows[0] ?? throw new ArgumentNullException(nameof(rows), "rows[0] is null; pass one array per row.")).Length;
        var values = new VBuffer<float>[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var row = rows[i] ?? throw new ArgumentNullException(nameof(rows), string.Create(CultureInfo.InvariantCulture, $"rows[{i}] is null; pass one array per row."));
            if (row.Length != width || width == 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"rows[{i}] has {row.Length} values but rows[0] has {width}; a known-size vector needs the same, non-zero length in every row. Pad or drop features so that all rows have the same width."),
                    nameof(rows));
            }

            values[i] = new VBuffer<float>(width, [.. row]);
        }

        return Add(ViewColumn.Vectors(new ColumnHeader(name, new VectorDataViewType(NumberDataViewType.Single, width)), values));
    }

    /// <summary>The data view over the columns added so far.</summary>
    /// <returns>A view with one column per call, in call order, and as many rows as each column has values.</returns>
    /// <exception cref="InvalidOperationException">No column was added.</exception>
    public IDataView Build() => new ColumnDataView(RequireColumns(nameof(Build)), columns[0].Length!.Value);

    /// <summary>
    /// The columns of <paramref name="source"/> followed by the columns added so far, value i at source row i: e.g. per-row
    /// example weights, or an ensemble's Score and PredictedLabel. A source column of the same name as an added one is
    /// hidden, as ML.NET's scorers hide earlier columns. The source is read in step with the arrays, never copied.
    /// </summary>
    /// <param name="source">The view whose rows the added values belong to, one value per row.</param>
    /// <returns>A view with the source's columns, then the added ones; its row count is the added columns' (and row ids the source's).</returns>
    /// <remarks>A cursor over the result throws <see cref="InvalidOperationException"/> when the source has more rows than
    /// the added values (the source changed since the values were computed from it).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No column was added.</exception>
    public IDataView AppendTo(IDataView source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ColumnDataView.Append(source, RequireColumns(nameof(AppendTo)));
    }

    private List<ViewColumn> RequireColumns(string method) => columns.Count > 0
        ? columns
        : throw new InvalidOperationException($"The builder has no column; add at least one with AddBoolean, AddSingle or AddVector before calling {method}.");

    private DataViewBuilder Add(ViewColumn column)
    {
        var name = column.Header.Name;
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (columns.Any(c => c.Header.Name == name))
        {
            throw new ArgumentException($"name is '{name}', which this builder already has; pass a new name for every column.", nameof(name));
        }

        if (columns.Count > 0 && column.Length != columns[0].Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Column '{name}' has {column.Length} rows but column '{columns[0].Header.Name}' has {columns[0].Length}; pass one value per row for every column."),
                "values");
        }

        columns.Add(column);
        return this;
    }

    private static T[] ToArray<T>(IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values];
    }
}
