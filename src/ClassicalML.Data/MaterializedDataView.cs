using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data;

/// <summary>
/// Selected rows of an arbitrary <see cref="IDataView"/>, copied into per-column arrays in one pass over the source.
/// Hand-written because ML.NET offers no random-access row selection.
/// </summary>
internal sealed class MaterializedDataView : IDataView
{
    private readonly ColumnBuffer[] columns;
    private readonly int rowCount;

    private MaterializedDataView(DataViewSchema schema, ColumnBuffer[] columns, int rowCount)
    {
        Schema = schema;
        this.columns = columns;
        this.rowCount = rowCount;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public static MaterializedDataView Select(IDataView source, ReadOnlySpan<int> rows, string parameterName)
    {
        // Which output positions each source row fills (a row may be requested more than once).
        var wanted = new Dictionary<long, List<int>>();
        for (var k = 0; k < rows.Length; k++)
        {
            if (rows[k] < 0)
            {
                throw new ArgumentOutOfRangeException(parameterName, rows[k],
                    FormattableString.Invariant($"{parameterName}[{k}] is {rows[k]}; a row index must not be negative. Pass indexes of existing rows."));
            }

            if (!wanted.TryGetValue(rows[k], out var positions))
            {
                wanted[rows[k]] = positions = [];
            }

            positions.Add(k);
        }

        var visible = source.Schema.Where(c => !c.IsHidden).ToArray();
        var builder = new DataViewSchema.Builder();
        foreach (var column in visible)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        var schema = builder.ToSchema();
        var count = rows.Length;
        var buffers = visible.Select(c => ColumnBuffer.Create(c.Type, count)).ToArray();
        long seen = 0;
        using (var cursor = source.GetRowCursor(visible))
        {
            var readers = visible.Select((c, j) => buffers[j].Reader(cursor, c)).ToArray();
            while (cursor.MoveNext())
            {
                if (wanted.TryGetValue(seen, out var positions))
                {
                    foreach (var read in readers)
                    {
                        read(positions);
                    }
                }

                seen++;
            }
        }

        for (var k = 0; k < rows.Length; k++)
        {
            if (rows[k] >= seen)
            {
                throw new ArgumentOutOfRangeException(parameterName, rows[k],
                    FormattableString.Invariant($"{parameterName}[{k}] is {rows[k]}; a row index must be in [0, {seen}) for this data view. Pass indexes of existing rows."));
            }
        }

        return new MaterializedDataView(schema, buffers, rows.Length);
    }

    public long? GetRowCount() => rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        return new Cursor(this, columnsNeeded);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private abstract class ColumnBuffer
    {
        public static ColumnBuffer Create(DataViewType type, int rows)
        {
            var raw = type.RawType;
            var buffer = raw.IsGenericType && raw.GetGenericTypeDefinition() == typeof(VBuffer<>)
                ? typeof(VectorBuffer<>).MakeGenericType(raw.GetGenericArguments()[0])
                : typeof(ScalarBuffer<>).MakeGenericType(raw);
            return (ColumnBuffer)Activator.CreateInstance(buffer, rows)!;
        }

        public abstract Action<List<int>> Reader(DataViewRowCursor cursor, DataViewSchema.Column column);

        public abstract Delegate Getter(Cursor cursor);
    }

    private sealed class ScalarBuffer<T> : ColumnBuffer
    {
        private readonly T[] values;

        public ScalarBuffer(int rows) => values = new T[rows];

        public override Action<List<int>> Reader(DataViewRowCursor cursor, DataViewSchema.Column column)
        {
            var getter = cursor.GetGetter<T>(column);
            return positions =>
            {
                T value = default!;
                getter(ref value);
                foreach (var p in positions)
                {
                    values[p] = value;
                }
            };
        }

        public override Delegate Getter(Cursor cursor) => (ValueGetter<T>)((ref T value) => value = values[cursor.CheckedPosition]);
    }

    private sealed class VectorBuffer<T> : ColumnBuffer
    {
        private readonly VBuffer<T>[] values;

        public VectorBuffer(int rows) => values = new VBuffer<T>[rows];

        public override Action<List<int>> Reader(DataViewRowCursor cursor, DataViewSchema.Column column)
        {
            var getter = cursor.GetGetter<VBuffer<T>>(column);
            VBuffer<T> scratch = default;
            return positions =>
            {
                getter(ref scratch);
                foreach (var p in positions)
                {
                    scratch.CopyTo(ref values[p]);
                }
            };
        }

        public override Delegate Getter(Cursor cursor) => (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) => values[cursor.CheckedPosition].CopyTo(ref value));
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly MaterializedDataView view;
        private readonly bool[] active;
        private long position = -1;
        private bool done;

        public Cursor(MaterializedDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded)
        {
            this.view = view;
            active = new bool[view.Schema.Count];
            foreach (var column in columnsNeeded)
            {
                active[column.Index] = true;
            }
        }

        public override long Position => position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public int CheckedPosition => position >= 0
            ? (int)position
            : throw new InvalidOperationException("The cursor is not on a row; call MoveNext() and check that it returned true before reading values.");

        public override bool MoveNext()
        {
            if (!done && position + 1 < view.rowCount)
            {
                position++;
                return true;
            }

            done = true;
            position = -1;
            return false;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)CheckedPosition, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!active[column.Index])
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when this cursor was created; include it in columnsNeeded.");
            }

            return view.columns[column.Index].Getter(this) as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; a getter of {typeof(TValue).Name} cannot read it.");
        }
    }
}
