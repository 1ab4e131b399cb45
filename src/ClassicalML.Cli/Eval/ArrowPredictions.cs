using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using ClassicalML.Data;

namespace ClassicalML.Cli;

/// <summary>
/// A predictions file in Arrow IPC format — the file format (.arrow, and Feather version 2, .feather) or the stream
/// format (.arrows) — read with Apache.Arrow one record batch at a time, LZ4 and Zstandard buffers (pyarrow's default
/// for Feather) through Apache.Arrow.Compression. Labels may be Boolean, numeric or text; scores numeric; nulls and NaN
/// are missing values.
/// </summary>
internal sealed class ArrowPredictions : ColumnarPredictions
{
    private static readonly string[] Extensions = [".arrow", ".feather", ".arrows", ".ipc"];
    private readonly Stream stream;
    private readonly ArrowStreamReader reader;
    private readonly Schema schema;
    private readonly string format;
    private readonly long expectedRows;
    private RecordBatch? first;

    private ArrowPredictions(string path, Stream stream, ArrowStreamReader reader, Schema schema, RecordBatch? first, string format, long expectedRows)
        : base(path, [.. schema.FieldsList.Select(f => f.Name)])
    {
        (this.stream, this.reader, this.schema, this.first, this.format, this.expectedRows) = (stream, reader, schema, first, format, expectedRows);
    }

    public override string Format => format;

    public override long ExpectedRows => expectedRows;

    /// <summary>An Arrow name (.arrow, .feather, .arrows, .ipc), or a file that starts with the Arrow file format's magic bytes ARROW1.</summary>
    public static bool IsArrow(string path)
    {
        if (Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        Span<byte> magic = stackalloc byte[6];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(magic, 6, throwOnEndOfStream: false) == 6 && magic.SequenceEqual("ARROW1"u8);
    }

    public static ArrowPredictions Create(string path)
    {
        var stream = File.OpenRead(path);
        try
        {
            Span<byte> magic = stackalloc byte[6];
            var isFile = stream.ReadAtLeast(magic, 6, throwOnEndOfStream: false) == 6 && magic.SequenceEqual("ARROW1"u8);
            stream.Position = 0;
            if (isFile)
            {
                // The file format's footer counts the record batches; the first one's length times the count sizes the arrays.
                var fileReader = new ArrowFileReader(stream, Apache.Arrow.Memory.MemoryAllocator.Default.Value, new CompressionCodecFactory(), leaveOpen: true);
                var batches = fileReader.RecordBatchCountAsync().AsTask().GetAwaiter().GetResult();
                var batch = fileReader.ReadNextRecordBatch();
                var format = string.Create(CultureInfo.InvariantCulture, $"Arrow IPC file, {batches} record batch(es)");
                return new ArrowPredictions(path, stream, fileReader, fileReader.Schema, batch, format, (long)(batch?.Length ?? 0) * batches);
            }

            var streamReader = new ArrowStreamReader(stream, new CompressionCodecFactory(), leaveOpen: true);
            var first = streamReader.ReadNextRecordBatch();
            return new ArrowPredictions(path, stream, streamReader, streamReader.Schema, first, "Arrow IPC stream", first?.Length ?? 0);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stream.Dispose();
            throw Unreadable(path, e);
        }
    }

    public override void ReadBinary(int label, int score, BinaryRows rows)
    {
        var labelKind = KindOf(schema.GetFieldByIndex(label).DataType);
        if (labelKind is null)
        {
            throw ColumnError(label, $"the label column has Arrow type {TypeName(label)}", "Store labels as Boolean, numbers or text.");
        }

        if (KindOf(schema.GetFieldByIndex(score).DataType) is not (LabelKind.Number or LabelKind.Boolean))
        {
            throw ColumnError(score, $"the column has Arrow type {TypeName(score)}, but scores must be numbers",
                "Store the column as float or double (or name another column).");
        }

        var collector = rows.Collector;
        double[] labels = [], scores = [];
        bool[] flags = [];
        while (Next() is { } batch)
        {
            using (batch)
            {
                var n = batch.Length;
                var direct = collector.TryReserve(n, out var keptScores, out var keptLabels);
                var scoreSpan = direct ? keptScores.Span : Buffer(ref scores, n);
                Numbers(batch.Column(score), scoreSpan);
                var texts = labelKind == LabelKind.Text ? Texts(batch.Column(label)) : null;
                if (texts is null)
                {
                    Numbers(batch.Column(label), Buffer(ref labels, n));
                }

                var positives = direct ? keptLabels.Span : Buffer(ref flags, n);
                var kept = ReadBlock(rows, label, score, labelKind.Value, labels, texts, scoreSpan, positives);
                if (direct)
                {
                    collector.Commit(kept);
                }
                else
                {
                    collector.AddBlock(positives[..kept], scoreSpan[..kept]);
                }
            }
        }
    }

    public override void ReadMulticlass(int actual, int predicted, MulticlassRows rows)
    {
        foreach (var column in new[] { actual, predicted })
        {
            if (KindOf(schema.GetFieldByIndex(column).DataType) is null)
            {
                throw ColumnError(column, $"the column has Arrow type {TypeName(column)}", "Store labels as Boolean, numbers or text.");
            }
        }

        while (Next() is { } batch)
        {
            using (batch)
            {
                ReadBlock(rows, actual, predicted, AsText(batch.Column(actual)), AsText(batch.Column(predicted)));
            }
        }
    }

    public override void ReadScores(int label, int[] scores, ScoreRows rows)
    {
        if (KindOf(schema.GetFieldByIndex(label).DataType) is null)
        {
            throw ColumnError(label, $"the column has Arrow type {TypeName(label)}", "Store labels as Boolean, numbers or text.");
        }

        foreach (var score in scores.Where(c => KindOf(schema.GetFieldByIndex(c).DataType) is not (LabelKind.Number or LabelKind.Boolean)))
        {
            throw ColumnError(score, $"the column has Arrow type {TypeName(score)}, but scores must be numbers",
                "Store the column as float or double (or name another column).");
        }

        while (Next() is { } batch)
        {
            using (batch)
            {
                var columns = scores.Select(c => new double[batch.Length]).ToArray();
                for (var k = 0; k < scores.Length; k++)
                {
                    Numbers(batch.Column(scores[k]), columns[k]);
                }

                ReadBlock(rows, label, scores, AsText(batch.Column(label)), columns);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        first?.Dispose();
        reader.Dispose();
        stream.Dispose();
    }

    internal static LabelKind? KindOf(IArrowType type) => type.TypeId switch
    {
        ArrowTypeId.Boolean => LabelKind.Boolean,
        ArrowTypeId.String or ArrowTypeId.LargeString or ArrowTypeId.StringView => LabelKind.Text,
        ArrowTypeId.Double or ArrowTypeId.Float or ArrowTypeId.HalfFloat or ArrowTypeId.Int8 or ArrowTypeId.UInt8 or ArrowTypeId.Int16
            or ArrowTypeId.UInt16 or ArrowTypeId.Int32 or ArrowTypeId.UInt32 or ArrowTypeId.Int64 or ArrowTypeId.UInt64 => LabelKind.Number,
        _ => null,
    };

    private static DataFormatException Unreadable(string path, Exception e) =>
        new(path, 0, null, $"cannot read the file as Arrow IPC ({e.Message.ReplaceLineEndings(" ").TrimEnd('.')})",
            "Check that it is a complete Arrow IPC or Feather version 2 file (pyarrow.feather.write_feather), or export the predictions as CSV.");

    private static Span<T> Buffer<T>(ref T[] buffer, int n)
    {
        if (buffer.Length < n)
        {
            buffer = new T[n];
        }

        return buffer.AsSpan(0, n);
    }

    /// <summary>The next record batch (the one read when opening first), or null at the end.</summary>
    private RecordBatch? Next()
    {
        if (first is { } batch)
        {
            first = null;
            return batch;
        }

        try
        {
            return reader.ReadNextRecordBatch();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Unreadable(Path, e);
        }
    }

    private string TypeName(int column) => schema.GetFieldByIndex(column).DataType.Name;

    /// <summary>A numeric or Boolean column's values as doubles, NaN for null.</summary>
    private static void Numbers(IArrowArray array, Span<double> values)
    {
        switch (array)
        {
            case DoubleArray a when a.NullCount == 0: a.Values.CopyTo(values); break;
            case DoubleArray a: Convert(a, values, v => v); break;
            case FloatArray a: Convert(a, values, v => v); break;
            case HalfFloatArray a: Convert(a, values, v => (double)v); break;
            case Int8Array a: Convert(a, values, v => v); break;
            case UInt8Array a: Convert(a, values, v => v); break;
            case Int16Array a: Convert(a, values, v => v); break;
            case UInt16Array a: Convert(a, values, v => v); break;
            case Int32Array a: Convert(a, values, v => v); break;
            case UInt32Array a: Convert(a, values, v => v); break;
            case Int64Array a: Convert(a, values, v => v); break;
            case UInt64Array a: Convert(a, values, v => v); break;
            case BooleanArray a:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = a.GetValue(i) is { } b ? (b ? 1 : 0) : double.NaN;
                }

                break;
            default: throw new InvalidOperationException($"Arrow type {array.Data.DataType.Name} is not numeric."); // KindOf refused it before
        }
    }

    private static void Convert<T>(PrimitiveArray<T> array, Span<double> values, Func<T, double> toDouble)
        where T : struct, IEquatable<T>
    {
        var raw = array.Values;
        var nulls = array.NullCount > 0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = nulls && array.IsNull(i) ? double.NaN : toDouble(raw[i]);
        }
    }

    /// <summary>A text column's values, null for null.</summary>
    private static string?[] Texts(IArrowArray array) => array switch
    {
        StringArray a => [.. Enumerable.Range(0, a.Length).Select(i => a.GetString(i))],
        LargeStringArray a => [.. Enumerable.Range(0, a.Length).Select(i => a.GetString(i))],
        StringViewArray a => [.. Enumerable.Range(0, a.Length).Select(i => a.GetString(i))],
        _ => throw new InvalidOperationException($"Arrow type {array.Data.DataType.Name} is not text."),
    };

    /// <summary>Any label column's values as text for multiclass mode (numbers in the invariant culture), null for null.</summary>
    private static string?[] AsText(IArrowArray array)
    {
        if (KindOf(array.Data.DataType) == LabelKind.Text)
        {
            return Texts(array);
        }

        var values = new double[array.Length];
        Numbers(array, values);
        var kind = KindOf(array.Data.DataType)!.Value;
        return [.. values.Select(v => AsText(v, kind))];
    }
}
