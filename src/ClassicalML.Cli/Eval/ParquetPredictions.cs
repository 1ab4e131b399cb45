using System.Globalization;
using ClassicalML.Data;
using Parquet;
using Parquet.Schema;

namespace ClassicalML.Cli;

/// <summary>
/// A predictions file in Parquet, read with Parquet.Net one row group at a time (only that group's two columns are in
/// memory besides what the evaluator keeps). Labels may be Boolean, numeric or text; scores numeric; nulls and NaN are
/// missing values.
/// </summary>
internal sealed class ParquetPredictions : PredictionFile
{
    private readonly ParquetReader reader;
    private readonly DataField[] fields;
    private readonly string[] names;
    private long row;

    private ParquetPredictions(string path, ParquetReader reader)
        : base(path)
    {
        this.reader = reader;
        fields = reader.Schema.DataFields;
        names = [.. fields.Select(f => f.Name)];
    }

    public override IReadOnlyList<string> Columns => names;

    public override string Format => string.Create(CultureInfo.InvariantCulture, $"Parquet, {reader.RowGroupCount} row group(s)");

    public override long ExpectedRows => reader.Metadata?.NumRows ?? 0;

    /// <summary>A .parquet name, or a file that starts with Parquet's magic bytes PAR1.</summary>
    public static bool IsParquet(string path)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8);
    }

    public static ParquetPredictions Create(string path)
    {
        try
        {
            return new ParquetPredictions(path, ParquetReader.CreateAsync(path).GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is IOException or ParquetException or InvalidDataException)
        {
            throw new DataFormatException(path, 0, null, $"cannot read the file as Parquet ({e.Message.ReplaceLineEndings(" ").TrimEnd('.')})",
                "Check that it is a complete Parquet file, or export the predictions as CSV.");
        }
    }

    public override int IndexOf(string name, StringComparison comparison)
    {
        var found = -1;
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, comparison))
            {
                if (found >= 0)
                {
                    throw HeaderError(name, $"columns {found + 1} ('{names[found]}') and {i + 1} ('{names[i]}') both match the name '{name}' (names are compared ignoring case)",
                        "Rename one of the two columns so that the name is unique.");
                }

                found = i;
            }
        }

        return found;
    }

    public override int ColumnNumber(int column) => column + 1;

    public override DataFormatException HeaderError(string? column, string problem, string fix) => new(Path, 0, column, problem, fix);

    public override DataFormatException Error(int column, string problem, string fix) =>
        new(Path, 0, names[column], column + 1, string.Create(CultureInfo.InvariantCulture, $"row {row + 1}: {problem}"), fix);

    public override void ReadBinary(int label, int score, BinaryRows rows)
    {
        var scoreField = Numeric(score, "scores");
        var labelField = fields[label];
        var labelKind = KindOf(labelField);
        if (labelKind is null || labelField.IsArray)
        {
            throw ColumnError(label, $"the label column has Parquet type {TypeName(labelField)}", "Store labels as Boolean, numbers or text.");
        }

        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var scores = ReadNumbers(group, scoreField, n);
            var labels = labelKind == LabelKind.Text ? null : ReadNumbers(group, labelField, n);
            var texts = labelKind == LabelKind.Text ? group.ReadStrings(labelField, n) : null;
            var start = row;
            for (var i = 0; i < n; i++)
            {
                row = start + i;
                AddRow(rows, label, score, labelKind.Value, labels, texts, i, scores[i]);
            }

            row = start + n;
        }
    }

    public override void ReadMulticlass(int actual, int predicted, MulticlassRows rows)
    {
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var a = ReadAsText(group, actual, n);
            var p = ReadAsText(group, predicted, n);
            var start = row;
            for (var i = 0; i < n; i++)
            {
                row = start + i;
                if (string.IsNullOrEmpty(a[i]))
                {
                    rows.Missing(this, actual, "the label is missing (null or empty)");
                }
                else if (string.IsNullOrEmpty(p[i]))
                {
                    rows.Missing(this, predicted, "the predicted label is missing (null or empty)");
                }
                else
                {
                    rows.Add(a[i]!, p[i]!);
                }
            }

            row = start + n;
        }
    }

    protected override void Dispose(bool disposing) => reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void AddRow(BinaryRows rows, int label, int score, LabelKind kind, double[]? labels, string?[]? texts, int i, double s)
    {
        var text = texts?[i];
        var l = labels is null ? double.NaN : labels[i];
        if (texts is not null ? string.IsNullOrEmpty(text) : double.IsNaN(l))
        {
            rows.Missing(this, label, "the label is missing (null or NaN)");
            return;
        }

        if (double.IsNaN(s))
        {
            rows.Missing(this, score, "the score is missing (null or NaN)");
            return;
        }

        if (double.IsInfinity(s))
        {
            throw BinaryRows.Infinite(this, score, s.ToString(CultureInfo.InvariantCulture));
        }
        var positive = kind switch
        {
            LabelKind.Boolean => rows.Labels.FromBoolean(l != 0, this, label),
            LabelKind.Number => rows.Labels.FromNumber(l, this, label),
            _ => rows.Labels.FromText(text.AsSpan().Trim(), this, label),
        };
        rows.Collector.Add(positive, s);
    }

    private DataField Numeric(int column, string what)
    {
        var field = fields[column];
        if (KindOf(field) is not (LabelKind.Number or LabelKind.Boolean) || field.IsArray)
        {
            throw ColumnError(column, $"the column has Parquet type {TypeName(field)}, but {what} must be numbers",
                "Store the column as float or double (or name another column).");
        }

        return field;
    }

    private static LabelKind? KindOf(DataField field) => field.ClrType == typeof(ReadOnlyMemory<char>) ? LabelKind.Text : Type.GetTypeCode(field.ClrType) switch
    {
        TypeCode.Boolean => LabelKind.Boolean,
        TypeCode.String => LabelKind.Text,
        TypeCode.Double or TypeCode.Single or TypeCode.Decimal or TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16
            or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => LabelKind.Number,
        _ => null,
    };

    private static string TypeName(DataField field) =>
        (KindOf(field) == LabelKind.Text ? "text" : field.ClrType.Name) + (field.IsArray ? " (a list per row)" : string.Empty);

    /// <summary>One row group's values of a numeric or Boolean column as doubles, NaN for null.</summary>
    private static double[] ReadNumbers(ParquetRowGroupReader group, DataField field, int n) => Type.GetTypeCode(field.ClrType) switch
    {
        TypeCode.Double => group.Read<double>(field, n, v => v),
        TypeCode.Single => group.Read<float>(field, n, v => v),
        TypeCode.Decimal => group.Read<decimal>(field, n, v => (double)v),
        TypeCode.Boolean => group.Read<bool>(field, n, v => v ? 1 : 0),
        TypeCode.SByte => group.Read<sbyte>(field, n, v => v),
        TypeCode.Byte => group.Read<byte>(field, n, v => v),
        TypeCode.Int16 => group.Read<short>(field, n, v => v),
        TypeCode.UInt16 => group.Read<ushort>(field, n, v => v),
        TypeCode.Int32 => group.Read<int>(field, n, v => v),
        TypeCode.UInt32 => group.Read<uint>(field, n, v => v),
        TypeCode.Int64 => group.Read<long>(field, n, v => v),
        _ => group.Read<ulong>(field, n, v => v),
    };

    /// <summary>One row group's values of a column as text (numbers in the invariant culture), null for null.</summary>
    private string?[] ReadAsText(ParquetRowGroupReader group, int column, int n)
    {
        var field = fields[column];
        return KindOf(field) switch
        {
            LabelKind.Text => group.ReadStrings(field, n),
            LabelKind.Boolean => Array.ConvertAll(ReadNumbers(group, field, n), v => double.IsNaN(v) ? null : v != 0 ? "true" : "false"),
            LabelKind.Number => Array.ConvertAll(ReadNumbers(group, field, n), v => double.IsNaN(v) ? null : v.ToString("R", CultureInfo.InvariantCulture)),
            _ => throw ColumnError(column, $"the column has Parquet type {TypeName(field)}", "Store labels as Boolean, numbers or text."),
        };
    }

    private enum LabelKind
    {
        Boolean,
        Number,
        Text,
    }
}

/// <summary>Synchronous column reads over Parquet.Net's asynchronous row-group reader (the CLI is a synchronous program).</summary>
internal static class ParquetRowGroupReading
{
    public static double[] Read<T>(this ParquetRowGroupReader group, DataField field, int n, Func<T, double> toDouble)
        where T : struct
    {
        var values = new double[n];
        if (field.IsNullable)
        {
            var raw = new T?[n];
            group.ReadAsync(field, raw.AsMemory()).GetAwaiter().GetResult();
            for (var i = 0; i < n; i++)
            {
                values[i] = raw[i] is { } v ? toDouble(v) : double.NaN;
            }
        }
        else if (values is T[] direct)
        {
            group.ReadAsync(field, direct.AsMemory()).GetAwaiter().GetResult();
        }
        else
        {
            var raw = new T[n];
            group.ReadAsync(field, raw.AsMemory()).GetAwaiter().GetResult();
            for (var i = 0; i < n; i++)
            {
                values[i] = toDouble(raw[i]);
            }
        }

        return values;
    }

    public static string?[] ReadStrings(this ParquetRowGroupReader group, DataField field, int n)
    {
        var values = new string?[n];
        group.ReadAsync(field, values.AsMemory()!).GetAwaiter().GetResult();
        return values;
    }
}
