using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data.Training;

/// <summary>Reads label and feature columns of an ML.NET data view into arrays, one pass per call.</summary>
internal static class LabelColumns
{
    /// <summary>The column, or an argument error naming the visible columns.</summary>
    public static DataViewSchema.Column Require(IDataView data, string name, string argument)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, argument);
        if (data.Schema.GetColumnOrNull(name) is { } column)
        {
            return column;
        }

        var available = string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
        throw new ArgumentException(
            $"{argument} is '{name}', but the data view has no such column; available columns: {available}. Pass the name of the label column.",
            argument);
    }

    /// <summary>A Boolean label column as an array; any other type is refused with the fix.</summary>
    public static bool[] ReadBoolean(IDataView data, string name, string argument) =>
        ReadBoolean(data, name, argument, column =>
            $"Label column '{name}' has type {column.Type}; binary cross-validation needs a Boolean label (ML.NET's binary trainers require one), so a non-binary label cannot be used. Map a two-class label to Boolean first, e.g. with mlContext.Transforms.Expression or CustomMapping, or use a one-versus-rest label.");

    /// <summary>
    /// A Boolean label column as an array; any other type is refused with an <see cref="ArgumentException"/> for
    /// <paramref name="argument"/> whose message is <paramref name="notBooleanMessage"/> of the column (so each caller names its own fix).
    /// </summary>
    public static bool[] ReadBoolean(IDataView data, string name, string argument, Func<DataViewSchema.Column, string> notBooleanMessage)
    {
        var column = Require(data, name, argument);
        if (column.Type != BooleanDataViewType.Instance)
        {
            throw new ArgumentException(notBooleanMessage(column), argument);
        }

        var values = new List<bool>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<bool>(column);
        var value = false;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(value);
        }

        return [.. values];
    }

    /// <summary>
    /// A label column of any scalar kind as stratification keys: Boolean, key (the key number, 0 = missing),
    /// text, or a number (round-trip text, so NaN is its own stratum).
    /// </summary>
    public static string[] ReadStrata(IDataView data, string name, string argument)
    {
        var column = Require(data, name, argument);
        var type = column.Type;
        using var cursor = data.GetRowCursor([column]);
        Func<string> read = type switch
        {
            BooleanDataViewType => Reader<bool>(cursor, column, v => v ? "True" : "False"),
            KeyDataViewType { RawType: var raw } when raw == typeof(uint) => Reader<uint>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
            KeyDataViewType { RawType: var raw } when raw == typeof(ulong) => Reader<ulong>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
            KeyDataViewType { RawType: var raw } when raw == typeof(ushort) => Reader<ushort>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
            KeyDataViewType { RawType: var raw } when raw == typeof(byte) => Reader<byte>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
            TextDataViewType => Reader<ReadOnlyMemory<char>>(cursor, column, v => v.ToString()),
            _ when type == NumberDataViewType.Single => Reader<float>(cursor, column, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == NumberDataViewType.Double => Reader<double>(cursor, column, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == NumberDataViewType.Int32 => Reader<int>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == NumberDataViewType.Int64 => Reader<long>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException(
                $"Label column '{name}' has type {type}; stratification needs a Boolean, key, text or numeric scalar column. Pass the name of a scalar label column.",
                argument),
        };

        var values = new List<string>();
        while (cursor.MoveNext())
        {
            values.Add(read());
        }

        return [.. values];
    }

    /// <summary>A known-size vector column of Single (or a Single scalar) as one double array per row.</summary>
    public static double[][] ReadFeatures(IDataView data, string name, string argument)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, argument);
        if (data.Schema.GetColumnOrNull(name) is not { } column)
        {
            var available = string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
            throw new ArgumentException(
                $"{argument} is '{name}', but the data view has no such column; available columns: {available}. Pass the name of the numeric feature vector column.",
                argument);
        }

        if (column.Type is not VectorDataViewType { ItemType: var item, IsKnownSize: true } || item != NumberDataViewType.Single)
        {
            throw new ArgumentException(
                $"Feature column '{name}' has type {column.Type}; resampling reads the features as a known-size vector of Single. Concatenate numeric (or already encoded) features into one vector column first, e.g. with mlContext.Transforms.Concatenate, applied to the whole data before cross-validating.",
                argument);
        }

        var rows = new List<double[]>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var row = new double[buffer.Length];
            var k = 0;
            foreach (var v in buffer.DenseValues())
            {
                row[k++] = v;
            }

            rows.Add(row);
        }

        return [.. rows];
    }

    private static Func<string> Reader<T>(DataViewRowCursor cursor, DataViewSchema.Column column, Func<T, string> format)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return format(value);
        };
    }
}
