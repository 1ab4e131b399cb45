using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data;

/// <summary>One column appended by <see cref="ArrayColumnsDataView"/>: its name, type (Single or Boolean) and annotations.</summary>
internal sealed record AppendedColumn(string Name, DataViewType Type, DataViewSchema.Annotations? Annotations = null);

/// <summary>
/// A data view with the columns of its source plus columns read from arrays (float[] for Single, bool[] for Boolean),
/// value i at row i, e.g. per-row example weights or an ensemble's Score/Probability/PredictedLabel.
/// Hand-written because ML.NET has no public transform that attaches arrays as columns of an existing view.
/// Source columns of the same name are hidden, as ML.NET's scorers do (later columns of a schema hide earlier ones).
/// Used by ClassicalML.Data (class weights) and ClassicalML.Models (bagging scores) through InternalsVisibleTo.
/// </summary>
internal sealed class ArrayColumnsDataView : IDataView
{
    private readonly IDataView source;
    private readonly Array[] values;
    private readonly int sourceCount;
    private readonly int rowCount;
    private readonly string moreRowsMessage;

    /// <summary>A view over <paramref name="source"/> with one appended column per array.</summary>
    /// <param name="source">The source view.</param>
    /// <param name="schema">The output schema, from <see cref="MakeSchema"/>: the source's columns, then one per array.</param>
    /// <param name="values">One array per appended column, in schema order, all of the same length: float[] for Single, bool[] for Boolean.</param>
    /// <param name="moreRowsMessage">The message of the error raised when the source has more rows than the arrays.</param>
    public ArrayColumnsDataView(IDataView source, DataViewSchema schema, IReadOnlyList<Array> values, string moreRowsMessage)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(values);
        sourceCount = source.Schema.Count;
        if (values.Count == 0 || schema.Count != sourceCount + values.Count)
        {
            throw new ArgumentException(
                $"values has {values.Count} arrays but the schema appends {schema.Count - sourceCount} columns; pass one array per appended column (at least one).",
                nameof(values));
        }

        rowCount = values[0].Length;
        for (var k = 0; k < values.Count; k++)
        {
            var type = schema[sourceCount + k].Type;
            var fits = (values[k], type) switch
            {
                (float[], _) when type == NumberDataViewType.Single => true,
                (bool[], BooleanDataViewType) => true,
                _ => false,
            };
            if (!fits || values[k].Length != rowCount)
            {
                throw new ArgumentException(
                    $"values[{k}] is a {values[k].GetType().Name} of length {values[k].Length} for column '{schema[sourceCount + k].Name}' of type {type}; pass a float[] for Single or a bool[] for Boolean, all of length {rowCount}.",
                    nameof(values));
            }
        }

        this.source = source;
        this.values = [.. values];
        this.moreRowsMessage = moreRowsMessage;
        Schema = schema;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => rowCount;

    /// <summary>The schema: the source's columns, then the appended columns with their annotations.</summary>
    public static DataViewSchema MakeSchema(DataViewSchema source, IEnumerable<AppendedColumn> columns)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(source);
        foreach (var column in columns)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        return builder.ToSchema();
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var needed = columnsNeeded.ToList();
        var sourceColumns = needed.Where(c => c.Index < sourceCount).Select(c => source.Schema[c.Index]).ToList();
        var active = new bool[Schema.Count];
        foreach (var column in needed)
        {
            active[column.Index] = true;
        }

        return new Cursor(this, source.GetRowCursor(sourceColumns), active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(ArrayColumnsDataView view, DataViewRowCursor inner, bool[] active) : DataViewRowCursor
    {
        private long position = -1;

        public override long Position => position;

        public override long Batch => inner.Batch;

        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext()
        {
            if (inner.MoveNext())
            {
                position++;
                if (position >= view.rowCount)
                {
                    throw new InvalidOperationException(view.moreRowsMessage);
                }

                return true;
            }

            position = -1;
            return false;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => inner.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index < view.sourceCount)
            {
                return inner.GetGetter<TValue>(view.source.Schema[column.Index]);
            }

            if (!active[column.Index])
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when this cursor was created; include it in columnsNeeded.");
            }

            Delegate getter = view.values[column.Index - view.sourceCount] switch
            {
                float[] singles => (ValueGetter<float>)((ref float value) => value = singles[Row()]),
                var booleans => (ValueGetter<bool>)((ref bool value) => value = ((bool[])booleans)[Row()]),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; a getter of {typeof(TValue).Name} cannot read it.");
        }

        private long Row() => position >= 0
            ? position
            : throw new InvalidOperationException("The cursor is not on a row; call MoveNext() and check that it returned true before reading values.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
