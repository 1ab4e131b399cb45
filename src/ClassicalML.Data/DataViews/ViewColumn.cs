using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data;

/// <summary>The name, type and annotations of one column of a <see cref="ColumnDataView"/>.</summary>
internal sealed record ColumnHeader(string Name, DataViewType Type, DataViewSchema.Annotations? Annotations = null);

/// <summary>
/// One column of a <see cref="ColumnDataView"/>: its header and how to make a getter that reads the value at a row of the
/// column's arrays (the cursor passes a function returning the current row, which throws when the cursor is not on one).
/// </summary>
/// <param name="Header">Name, type and annotations.</param>
/// <param name="Getter">Makes a <c>ValueGetter</c> of the header's raw type, given the current-row function.</param>
/// <param name="Length">The number of rows the column holds, when it is backed by an array; checked by the view.</param>
internal sealed record ViewColumn(ColumnHeader Header, Func<Func<int>, Delegate> Getter, int? Length = null)
{
    /// <summary>A column read from an array, value i at row i; <typeparamref name="T"/> must be the raw type of the column type.</summary>
    public static ViewColumn Of<T>(ColumnHeader header, T[] values)
    {
        RequireRawType<T>(header);
        return new(header, row => (ValueGetter<T>)((ref T value) => value = values[row()]), values.Length);
    }

    /// <summary>A vector column read from an array of buffers, copied deeply on every read.</summary>
    public static ViewColumn Vectors<T>(ColumnHeader header, VBuffer<T>[] values)
    {
        RequireRawType<VBuffer<T>>(header);
        return new(header, row => (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) => values[row()].CopyTo(ref value)), values.Length);
    }

    private static void RequireRawType<T>(ColumnHeader header)
    {
        if (header.Type.RawType != typeof(T))
        {
            throw new ArgumentException(
                $"values are {typeof(T).Name} for column '{header.Name}' of type {header.Type}, whose values are {header.Type.RawType.Name}; pass values of the column's raw type.",
                "values");
        }
    }
}
