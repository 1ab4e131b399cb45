using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data;

/// <summary>
/// An <see cref="IDataView"/> over a <see cref="Dataset"/>'s column arrays, optionally through a row index array.
/// Hand-written because ML.NET has no index-subset view and LoadFromEnumerable would copy every row.
/// </summary>
internal sealed class ArrayDataView : IDataView
{
    internal const string LabelName = "Label";
    internal const string LabelTextName = "LabelText";
    internal const string FeaturesName = "Features";

    private readonly Dataset data;
    private readonly int[]? rows;
    private readonly bool[] labels;
    private readonly Func<DataViewRowCursor, int, Delegate>[] getterFactories;

    public ArrayDataView(Dataset data, int[]? rows, bool[] labels)
    {
        this.data = data;
        this.rows = rows;
        this.labels = labels;
        var schema = data.Schema;
        foreach (var reserved in new[] { LabelName, LabelTextName, FeaturesName })
        {
            if (schema.FeatureColumns.Contains(reserved))
            {
                throw new InvalidOperationException($"Data set '{data.Name}' has a feature column named '{reserved}', which the data view reserves; rename the column in the file.");
            }
        }

        var builder = new DataViewSchema.Builder();
        var factories = new List<Func<DataViewRowCursor, int, Delegate>>();
        builder.AddColumn(LabelName, BooleanDataViewType.Instance);
        factories.Add((cursor, _) => (ValueGetter<bool>)((ref bool value) => value = this.labels[Row(cursor)]));
        builder.AddColumn(LabelTextName, TextDataViewType.Instance);
        factories.Add((cursor, _) => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
            value = this.data.Schema.ClassValues[this.data.LabelCode(Row(cursor))].AsMemory()));
        foreach (var name in schema.FeatureColumns)
        {
            var (kind, index) = schema.Find(name);
            if (kind == ColumnKind.Numeric)
            {
                builder.AddColumn(name, NumberDataViewType.Single);
                factories.Add((cursor, _) =>
                {
                    var column = this.data.SingleColumn(index);
                    return (ValueGetter<float>)((ref float value) => value = column[Row(cursor)]);
                });
            }
            else
            {
                var levels = schema.CategoricalColumns[index].Levels.Select(l => l.AsMemory()).ToArray();
                builder.AddColumn(name, TextDataViewType.Instance);
                factories.Add((cursor, _) => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
                    value = levels[this.data.CategoricalCode(index, Row(cursor))]));
            }
        }

        var width = schema.NumericColumns.Count;
        if (width > 0)
        {
            var slotNames = new VBuffer<ReadOnlyMemory<char>>(width, schema.NumericColumns.Select(n => n.AsMemory()).ToArray());
            var annotations = new DataViewSchema.Annotations.Builder();
            annotations.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, width), (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) => slotNames.CopyTo(ref value)));
            builder.AddColumn(FeaturesName, new VectorDataViewType(NumberDataViewType.Single, width), annotations.ToAnnotations());
            factories.Add((cursor, _) =>
            {
                var columns = Enumerable.Range(0, width).Select(this.data.SingleColumn).ToArray();
                return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    var row = Row(cursor);
                    var editor = VBufferEditor.Create(ref value, width);
                    for (var j = 0; j < width; j++)
                    {
                        editor.Values[j] = columns[j][row];
                    }

                    value = editor.Commit();
                });
            });
        }

        Schema = builder.ToSchema();
        getterFactories = [.. factories];
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => rows?.Length ?? data.RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        return new Cursor(this, columnsNeeded);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    /// <summary>Composes a further selection with this view's own, so that a subset of a subset reads the original arrays.</summary>
    internal ArrayDataView Select(ReadOnlySpan<int> positions, string parameterName)
    {
        var count = (int)GetRowCount()!.Value;
        var composed = new int[positions.Length];
        for (var k = 0; k < positions.Length; k++)
        {
            if ((uint)positions[k] >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(parameterName, positions[k],
                    FormattableString.Invariant($"{parameterName}[{k}] is {positions[k]}; a row index must be in [0, {count}) for this data view. Pass indexes of existing rows."));
            }

            composed[k] = rows is null ? positions[k] : rows[positions[k]];
        }

        return new ArrayDataView(data, composed, labels);
    }

    private int SourceRow(long position) => rows is null ? (int)position : rows[position];

    private static int Row(DataViewRowCursor cursor)
    {
        var c = (Cursor)cursor;
        if (c.Position < 0)
        {
            throw new InvalidOperationException("The cursor is not on a row; call MoveNext() and check that it returned true before reading values.");
        }

        return c.CurrentRow;
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ArrayDataView view;
        private readonly bool[] active;
        private readonly long count;
        private long position = -1;
        private bool done;

        public Cursor(ArrayDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded)
        {
            this.view = view;
            count = view.GetRowCount()!.Value;
            active = new bool[view.Schema.Count];
            foreach (var column in columnsNeeded)
            {
                active[column.Index] = true;
            }
        }

        public override long Position => position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        internal int CurrentRow { get; private set; }

        public override bool MoveNext()
        {
            if (!done && position + 1 < count)
            {
                position++;
                CurrentRow = view.SourceRow(position);
                return true;
            }

            done = true;
            position = -1;
            return false;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)Row(this), 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!active[column.Index])
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when this cursor was created; include it in columnsNeeded.");
            }

            var getter = view.getterFactories[column.Index](this, column.Index);
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; a getter of {typeof(TValue).Name} cannot read it.");
        }
    }
}
