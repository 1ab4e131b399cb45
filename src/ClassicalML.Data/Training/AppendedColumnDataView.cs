using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data.Training;

/// <summary>
/// A data view with one extra Single column whose value at row i is values[i], e.g. per-row example weights.
/// Hand-written because ML.NET has no public transform that attaches an array as a column of an existing view.
/// </summary>
internal sealed class AppendedColumnDataView : IDataView
{
    private readonly IDataView source;
    private readonly float[] values;

    public AppendedColumnDataView(IDataView source, string name, float[] values)
    {
        this.source = source;
        this.values = values;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(source.Schema);
        builder.AddColumn(name, NumberDataViewType.Single);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => values.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var needed = columnsNeeded.ToList();
        var sourceColumns = needed.Where(c => c.Index < source.Schema.Count).Select(c => source.Schema[c.Index]).ToList();
        var active = new bool[Schema.Count];
        foreach (var column in needed)
        {
            active[column.Index] = true;
        }

        return new Cursor(this, source.GetRowCursor(sourceColumns), active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(AppendedColumnDataView view, DataViewRowCursor inner, bool[] active) : DataViewRowCursor
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
                if (position >= view.values.Length)
                {
                    throw new InvalidOperationException(FormattableString.Invariant($"The source view has more rows than the {view.values.Length} appended values; the appended column must have one value per row."));
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
            if (column.Index < view.source.Schema.Count)
            {
                return inner.GetGetter<TValue>(view.source.Schema[column.Index]);
            }

            if (!active[column.Index])
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when this cursor was created; include it in columnsNeeded.");
            }

            var getter = (ValueGetter<float>)((ref float value) =>
                value = position >= 0 ? view.values[position] : throw new InvalidOperationException("The cursor is not on a row; call MoveNext() and check that it returned true before reading values."));
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' has type Single; a getter of {typeof(TValue).Name} cannot read it.");
        }

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
