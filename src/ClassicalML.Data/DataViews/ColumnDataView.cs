using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data;

/// <summary>How a <see cref="ColumnDataView"/> numbers its rows in <see cref="DataViewRow.GetIdGetter"/>.</summary>
internal enum RowIds
{
    /// <summary>The position in the view (0, 1, …), as ML.NET's in-memory views do: every row has its own id.</summary>
    Positions,

    /// <summary>The row of the column arrays, so that a selected row keeps the id of its source row (repeats share it).</summary>
    ArrayRows,
}

/// <summary>
/// The one in-memory <see cref="IDataView"/> of ClassicalML.Data: columns read from arrays (or computed from a row
/// index), optionally through a row index array, optionally after the columns of a source view that it reads in
/// step. Made by <see cref="Dataset.ToDataView(MLContext, string?)"/>, <see cref="DataViewBuilder"/>,
/// <see cref="DataViewSubset.Select"/> (materialize, subset) and <see cref="Append"/>.
/// Hand-written because ML.NET has no public index-subset view, no transform that attaches arrays as columns of an
/// existing view, and LoadFromEnumerable copies every row into objects.
/// </summary>
internal sealed class ColumnDataView : IDataView
{
    private readonly IDataView? source;
    private readonly int sourceCount;
    private readonly ViewColumn[] columns;
    private readonly int[]? rows;
    private readonly int arrayRowCount;
    private readonly int rowCount;
    private readonly RowIds ids;
    private readonly string? moreRowsMessage;

    /// <summary>A view of <paramref name="rowCount"/> rows over the given columns, read through <paramref name="rows"/> when given.</summary>
    /// <param name="columns">The columns, in schema order; array-backed ones must hold <paramref name="rowCount"/> values.</param>
    /// <param name="rowCount">The number of rows of the column arrays.</param>
    /// <param name="ids">How rows are numbered for ML.NET.</param>
    /// <param name="rows">The array row of each row of the view (checked by the caller), or <see langword="null"/> for all rows in order.</param>
    public ColumnDataView(IReadOnlyList<ViewColumn> columns, int rowCount, RowIds ids = RowIds.Positions, int[]? rows = null)
        : this(MakeSchema(null, columns.Select(c => c.Header)), null, columns, rowCount, ids, rows, null)
    {
    }

    private ColumnDataView(DataViewSchema schema, IDataView? source, IReadOnlyList<ViewColumn> columns, int rowCount, RowIds ids, int[]? rows, string? moreRowsMessage)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var column in columns)
        {
            if (column.Length is { } length && length != rowCount)
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"Column '{column.Header.Name}' holds {length} values but the view has {rowCount} rows; pass one value per row for every column."),
                    nameof(columns));
            }
        }

        Schema = schema;
        this.source = source;
        sourceCount = source?.Schema.Count ?? 0;
        this.columns = [.. columns];
        this.rows = rows;
        arrayRowCount = rowCount;
        this.rowCount = rows?.Length ?? rowCount;
        this.ids = ids;
        this.moreRowsMessage = moreRowsMessage;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => rowCount;

    /// <summary>
    /// The columns of <paramref name="source"/> followed by <paramref name="columns"/> (array-backed, one value per source
    /// row), e.g. per-row example weights or an ensemble's scores. Source columns of the same name are hidden, as ML.NET's
    /// scorers do. The source is read in step; a cursor throws when it has more rows than the arrays.
    /// </summary>
    public static ColumnDataView Append(IDataView source, IReadOnlyList<ViewColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0 || columns.Any(c => c.Length is null))
        {
            throw new ArgumentException("columns is empty or has a column without values; pass at least one array-backed column (ViewColumn.Of).", nameof(columns));
        }

        var schema = MakeSchema(source.Schema, columns.Select(c => c.Header));
        var count = columns[0].Length!.Value;
        var moreRows = FormattableString.Invariant(
            $"The source view has more rows than the {count} appended values; append one value per source row (a source that changed since the values were computed from it has this error too).");
        return new ColumnDataView(schema, source, columns, count, RowIds.Positions, null, moreRows);
    }

    /// <summary>The schema: the source's columns (when there is a source), then the given columns with their annotations.</summary>
    public static DataViewSchema MakeSchema(DataViewSchema? source, IEnumerable<ColumnHeader> headers)
    {
        var builder = new DataViewSchema.Builder();
        if (source is not null)
        {
            builder.AddColumns(source);
        }

        foreach (var header in headers)
        {
            builder.AddColumn(header.Name, header.Type, header.Annotations);
        }

        return builder.ToSchema();
    }

    /// <summary>
    /// The given rows of this view, composed with its own selection, so that a subset of a subset reads the original
    /// arrays; <see langword="null"/> when the view reads a source view in step (then it must be materialized instead).
    /// </summary>
    public ColumnDataView? TrySelect(ReadOnlySpan<int> positions, string parameterName)
    {
        if (source is not null)
        {
            return null;
        }

        var composed = new int[positions.Length];
        for (var k = 0; k < positions.Length; k++)
        {
            if ((uint)positions[k] >= (uint)rowCount)
            {
                throw Preconditions.RowIndexOutOfRange(parameterName, k, positions[k], rowCount, "this data view");
            }

            composed[k] = rows is null ? positions[k] : rows[positions[k]];
        }

        return new ColumnDataView(Schema, null, columns, arrayRowCount, ids, composed, null);
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var needed = columnsNeeded.ToList();
        var active = new bool[Schema.Count];
        foreach (var column in needed)
        {
            active[column.Index] = true;
        }

        var inner = source?.GetRowCursor(needed.Where(c => c.Index < sourceCount).Select(c => source.Schema[c.Index]).ToList());
        return new Cursor(this, inner, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    /// <summary>The one cursor: moves over the rows (in step with the source's cursor, when there is a source) and reads the arrays.</summary>
    private sealed class Cursor(ColumnDataView view, DataViewRowCursor? inner, bool[] active) : DataViewRowCursor
    {
        private long position = -1;
        private int arrayRow;
        private bool done;

        public override long Position => position;

        public override long Batch => inner?.Batch ?? 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext()
        {
            if (!done && (inner is null ? position + 1 < view.rowCount : inner.MoveNext()))
            {
                position++;
                if (position >= view.rowCount)
                {
                    throw new InvalidOperationException(view.moreRowsMessage);
                }

                arrayRow = view.rows is null ? (int)position : view.rows[position];
                return true;
            }

            done = true;
            position = -1;
            return false;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => inner is not null
            ? inner.GetIdGetter()
            : (ref DataViewRowId value) => value = new DataViewRowId((ulong)(view.ids == RowIds.ArrayRows ? Row() : CheckedPosition()), 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index < view.sourceCount)
            {
                return inner!.GetGetter<TValue>(view.source!.Schema[column.Index]);
            }

            if (!active[column.Index])
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when this cursor was created; include it in columnsNeeded.");
            }

            return view.columns[column.Index - view.sourceCount].Getter(Row) as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; a getter of {typeof(TValue).Name} cannot read it.");
        }

        private int Row()
        {
            CheckedPosition();
            return arrayRow;
        }

        private long CheckedPosition() => position >= 0
            ? position
            : throw new InvalidOperationException("The cursor is not on a row; call MoveNext() and check that it returned true before reading values.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
