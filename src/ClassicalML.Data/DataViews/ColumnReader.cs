using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data;

/// <summary>
/// Finds columns of an ML.NET data view by name and reads them into arrays, one pass per call: Boolean labels,
/// stratification keys, feature vectors and numeric scores. The one column reader of ClassicalML.Data and
/// ClassicalML.Models, so a missing or mistyped column gives the same message everywhere.
/// </summary>
/// <remarks>
/// Errors follow one pattern: "<c>argumentName is 'column', …; rule. Fix.</c>", with <c>argumentName</c> the caller's
/// parameter that named the column (e.g. <c>options.LabelColumnName</c>), and name the visible columns when the column
/// is missing. ClassicalML.Evaluation's <c>DataViewEvaluation</c> keeps its own lookup (with the same message) because
/// Evaluation is below Data in the project graph and cannot reference it.
/// </remarks>
public static class ColumnReader
{
    /// <summary>The column named <paramref name="columnName"/>, or an error naming the visible columns.</summary>
    /// <param name="data">The data view.</param>
    /// <param name="columnName">The column to find (case-sensitive, as ML.NET's schemas are).</param>
    /// <param name="argumentName">The caller's parameter that holds <paramref name="columnName"/>, named in the error.</param>
    /// <param name="role">What the column is for, in the fix: "Pass the name of the <c>role</c>."</param>
    /// <returns>The column (the last of that name, as ML.NET resolves hidden columns).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="columnName"/> is null or empty, or the view has no such column.</exception>
    public static DataViewSchema.Column Require(IDataView data, string columnName, string argumentName, string role = "column to use")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(columnName, argumentName);
        if (data.Schema.GetColumnOrNull(columnName) is { } column)
        {
            return column;
        }

        var available = string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
        throw new ArgumentException(
            $"{argumentName} is '{columnName}', but the data view has no such column; available columns: {available}. Pass the name of the {role}.",
            argumentName);
    }

    /// <summary>A Boolean label column as an array, in row order.</summary>
    /// <param name="data">The data view.</param>
    /// <param name="columnName">The label column.</param>
    /// <param name="argumentName">The caller's parameter that holds <paramref name="columnName"/>, named in errors.</param>
    /// <param name="purpose">What needs the Boolean label, in the error (e.g. "binary cross-validation").</param>
    /// <returns>One label per row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">The column is missing or not Boolean.</exception>
    public static bool[] ReadBoolean(IDataView data, string columnName, string argumentName, string purpose)
    {
        var column = Require(data, columnName, argumentName, "label column");
        if (column.Type != BooleanDataViewType.Instance)
        {
            throw WrongType(argumentName, column,
                $"{purpose} needs a Boolean label. Map a two-class label to Boolean first (e.g. with mlContext.Transforms.Expression or CustomMapping), or use a one-versus-rest label.");
        }

        return ReadAll<bool, bool>(data, column, v => v);
    }

    /// <summary>
    /// A label column of any scalar kind as stratification keys: Boolean (<c>True</c>/<c>False</c>), key (the key
    /// number, 0 = missing), text, or a number (round-trip text, so NaN is its own stratum).
    /// </summary>
    /// <param name="data">The data view.</param>
    /// <param name="columnName">The column to stratify on.</param>
    /// <param name="argumentName">The caller's parameter that holds <paramref name="columnName"/>, named in errors.</param>
    /// <returns>One key per row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">The column is missing or not a Boolean, key, text or numeric scalar.</exception>
    public static string[] ReadStrata(IDataView data, string columnName, string argumentName)
    {
        var column = Require(data, columnName, argumentName, "label column");
        var type = column.Type;
        return type switch
        {
            BooleanDataViewType => ReadAll<bool, string>(data, column, v => v ? "True" : "False"),
            KeyDataViewType { RawType: var raw } when raw == typeof(uint) => ReadAll<uint, string>(data, column, v => v.ToString(CultureInfo.InvariantCulture)),
            KeyDataViewType { RawType: var raw } when raw == typeof(ulong) => ReadAll<ulong, string>(data, column, v => v.ToString(CultureInfo.InvariantCulture)),
            KeyDataViewType { RawType: var raw } when raw == typeof(ushort) => ReadAll<ushort, string>(data, column, v => v.ToString(CultureInfo.InvariantCulture)),
            KeyDataViewType { RawType: var raw } when raw == typeof(byte) => ReadAll<byte, string>(data, column, v => v.ToString(CultureInfo.InvariantCulture)),
            TextDataViewType => ReadAll<ReadOnlyMemory<char>, string>(data, column, v => v.ToString()),
            _ when type == NumberDataViewType.Single => ReadAll<float, string>(data, column, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == NumberDataViewType.Double => ReadAll<double, string>(data, column, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == NumberDataViewType.Int32 => ReadAll<int, string>(data, column, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == NumberDataViewType.Int64 => ReadAll<long, string>(data, column, v => v.ToString(CultureInfo.InvariantCulture)),
            _ => throw WrongType(argumentName, column, "stratification needs a Boolean, key, text or numeric scalar column. Pass the name of a scalar label column."),
        };
    }

    /// <summary>A known-size vector column of Single as one double array per row (values pass through double unchanged).</summary>
    /// <param name="data">The data view.</param>
    /// <param name="columnName">The feature vector column.</param>
    /// <param name="argumentName">The caller's parameter that holds <paramref name="columnName"/>, named in errors.</param>
    /// <returns>One array per row, each of the vector's size.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">The column is missing or not a known-size vector of Single.</exception>
    public static double[][] ReadFeatures(IDataView data, string columnName, string argumentName)
    {
        var column = Require(data, columnName, argumentName, "numeric feature vector column");
        if (column.Type is not VectorDataViewType { ItemType: var item, IsKnownSize: true } || item != NumberDataViewType.Single)
        {
            throw WrongType(argumentName, column,
                "resampling reads the features as a known-size vector of Single. Concatenate numeric (or already encoded) features into one vector column first, e.g. with mlContext.Transforms.Concatenate, applied to the whole data before cross-validating.");
        }

        return ReadAll<VBuffer<float>, double[]>(data, column, buffer =>
        {
            var row = new double[buffer.Length];
            var k = 0;
            foreach (var v in buffer.DenseValues())
            {
                row[k++] = v;
            }

            return row;
        });
    }

    /// <summary>A Single, Double or Boolean scalar column as doubles (Boolean as 1 and 0), e.g. a model's score or vote.</summary>
    /// <param name="data">The data view.</param>
    /// <param name="columnName">The numeric column.</param>
    /// <param name="argumentName">The caller's parameter that holds <paramref name="columnName"/>, named in errors.</param>
    /// <returns>One value per row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">The column is missing or not Single, Double or Boolean.</exception>
    public static double[] ReadNumbers(IDataView data, string columnName, string argumentName)
    {
        var column = Require(data, columnName, argumentName, "numeric column");
        var type = column.Type;
        return type switch
        {
            BooleanDataViewType => ReadAll<bool, double>(data, column, v => v ? 1.0 : 0.0),
            _ when type == NumberDataViewType.Single => ReadAll<float, double>(data, column, v => v),
            _ when type == NumberDataViewType.Double => ReadAll<double, double>(data, column, v => v),
            _ => throw WrongType(argumentName, column, "numbers are read from Single, Double or Boolean columns. Pass the name of a numeric scalar column."),
        };
    }

    private static ArgumentException WrongType(string argumentName, DataViewSchema.Column column, string ruleAndFix) =>
        new($"{argumentName} is '{column.Name}', a column of type {column.Type}; {ruleAndFix}", argumentName);

    private static TOut[] ReadAll<T, TOut>(IDataView data, DataViewSchema.Column column, Func<T, TOut> convert)
    {
        var values = new List<TOut>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(convert(value));
        }

        return [.. values];
    }
}
