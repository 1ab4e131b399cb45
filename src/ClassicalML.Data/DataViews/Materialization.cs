using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data;

/// <summary>
/// Selected rows of an arbitrary <see cref="IDataView"/>, copied into per-column arrays in one pass over the source
/// and served by a <see cref="ColumnDataView"/>. Hand-written because ML.NET offers no random-access row selection.
/// </summary>
internal static class Materialization
{
    /// <summary>The visible columns of <paramref name="rows"/> of <paramref name="source"/>, in that order (repeats allowed).</summary>
    public static ColumnDataView Select(IDataView source, ReadOnlySpan<int> rows, string parameterName)
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
                throw Preconditions.RowIndexOutOfRange(parameterName, k, rows[k], seen, "this data view");
            }
        }

        var columns = visible.Select((c, j) => buffers[j].ToColumn(new ColumnHeader(c.Name, c.Type, c.Annotations))).ToArray();
        return new ColumnDataView(columns, rows.Length);
    }

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

        public abstract ViewColumn ToColumn(ColumnHeader header);
    }

    private sealed class ScalarBuffer<T>(int rows) : ColumnBuffer
    {
        private readonly T[] values = new T[rows];

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

        public override ViewColumn ToColumn(ColumnHeader header) => ViewColumn.Of(header, values);
    }

    private sealed class VectorBuffer<T>(int rows) : ColumnBuffer
    {
        private readonly VBuffer<T>[] values = new VBuffer<T>[rows];

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

        public override ViewColumn ToColumn(ColumnHeader header) => ViewColumn.Vectors(header, values);
    }
}
