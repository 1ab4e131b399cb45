using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Data.Csv;
using Parquet;
using Parquet.Schema;

namespace ClassicalML.Cli;

/// <summary>
/// A predictions file in Parquet, read with Parquet.Net one row group at a time (only that group's two columns are in
/// memory besides what the evaluator keeps). Labels may be Boolean, numeric or text; scores numeric; nulls and NaN are
/// missing values.
/// </summary>
internal sealed class ParquetPredictions : ColumnarPredictions
{
    private readonly ParquetReader reader;
    private readonly DataField[] fields;

    private ParquetPredictions(string path, ParquetReader reader)
        : base(path, [.. reader.Schema.DataFields.Select(f => f.Name)])
    {
        this.reader = reader;
        fields = reader.Schema.DataFields;
    }

    public override string Format => string.Create(CultureInfo.InvariantCulture, $"Parquet, {reader.RowGroupCount} row group(s)");

    public override long ExpectedRows => reader.Metadata?.NumRows ?? 0;

    public override bool RowsKnown => reader.Metadata is not null;

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
            // Parquet.Net's default pools keep its page buffers from one row group to the next: fewer fresh pages to fault
            // in (measured, paired: 9% less CPU with the reused column buffers below) at the same peak memory.
            return new ParquetPredictions(path, ParquetReader.CreateAsync(path).GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Parquet.Net reports a damaged footer with several exception types; every one is bad input here.
            throw Unreadable(path, e);
        }
    }

    /// <summary>The error for a file (or row group) that Parquet.Net cannot decode.</summary>
    private static DataFormatException Unreadable(string path, Exception e) =>
        new(path, 0, null, $"cannot read the file as Parquet ({e.Message.ReplaceLineEndings(" ").TrimEnd('.')})",
            "Check that it is a complete Parquet file, or export the predictions as CSV.");

    public override void ReadBinary(int label, int score, BinaryRows rows)
    {
        Numeric(score, "scores");
        var labelField = fields[label];
        var labelKind = KindOf(labelField);
        if (labelKind is null || labelField.IsArray)
        {
            throw ColumnError(label, $"the label column has Parquet type {TypeName(labelField)}", "Store labels as Boolean, numbers or text.");
        }

        // Two sets of one group's buffers, reused: group g + 1 is decoded (Parquet.Net, Snappy) on a second thread while
        // this one classifies group g, so reading takes about the longer of the two instead of their sum on two cores.
        // The reader is used by one thread at a time: each decode is awaited before the next one starts.
        ParquetColumnBuffers[] sets = [new(), new()];
        var collector = rows.Collector;
        var next = reader.RowGroupCount > 0 ? Launch(0, checked((int)collector.Count), label, score, labelKind.Value, collector, sets[0]) : null;
        try
        {
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = next!.GetAwaiter().GetResult();
                next = g + 1 < reader.RowGroupCount
                    ? Launch(g + 1, checked((int)collector.Count + group.Rows), label, score, labelKind.Value, collector, sets[(g + 1) % 2])
                    : null;
                Classify(group, label, score, labelKind.Value, rows, sets[g % 2]);

                // What Parquet.Net allocates per column chunk and does not pool is garbage once the group is read:
                // collecting after each group keeps memory at about two groups' worth and returns it before the
                // evaluator's own allocation, instead of letting ten groups of garbage pile up.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
            }
        }
        finally
        {
            // After an error in group g the decode of g + 1 may still be running: let it end before the reader is disposed.
            next?.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        }
    }

    /// <summary>
    /// One decoded row group: its scores (in the collector's kept array at <paramref name="At"/> when it had room, -1
    /// otherwise) and its labels as numbers or as text.
    /// </summary>
    private readonly record struct DecodedGroup(int Rows, int At, Memory<double> Scores, Memory<double> Labels, string?[]? Texts);

    /// <summary>
    /// Starts decoding row group <paramref name="g"/> on the thread pool, its scores straight into the collector's kept
    /// array at <paramref name="at"/> (where they belong if every earlier row is kept) when there is room there.
    /// </summary>
    private Task<DecodedGroup> Launch(int g, int at, int label, int score, LabelKind labelKind, BinaryCollector collector, ParquetColumnBuffers buffers)
    {
        var rowsInGroup = reader.Metadata?.RowGroups[g].NumRows ?? -1;
        var direct = rowsInGroup is >= 0 and <= int.MaxValue && collector.TryReserveAt(at, (int)rowsInGroup, out var target) ? target : default;
        return Task.Run(() => Decode(g, direct.IsEmpty && rowsInGroup != 0 ? -1 : at, direct, label, score, labelKind, buffers));
    }

    /// <summary>Decodes row group <paramref name="g"/>'s two columns, the scores into <paramref name="target"/> when given.</summary>
    private DecodedGroup Decode(int g, int at, Memory<double> target, int label, int score, LabelKind labelKind, ParquetColumnBuffers buffers)
    {
        var (scoreField, labelField) = (fields[score], fields[label]);
        using var group = reader.OpenRowGroupReader(g);
        var n = checked((int)group.RowCount);
        if (at >= 0 && target.Length != n)
        {
            throw Unreadable(Path, new InvalidDataException($"row group {g} has {n} rows, its metadata says {target.Length}"));
        }

        return Guard(() => new DecodedGroup(n, at,
            buffers.Numbers(group, scoreField, n, slot: 0, target),
            labelKind == LabelKind.Text ? default : buffers.Numbers(group, labelField, n, slot: 1),
            labelKind == LabelKind.Text ? group.ReadStrings(labelField, n) : null));
    }

    /// <summary>Applies the label and missing-value rules to a decoded group and adds its kept rows to the collector.</summary>
    private void Classify(DecodedGroup group, int label, int score, LabelKind labelKind, BinaryRows rows, ParquetColumnBuffers buffers)
    {
        var collector = rows.Collector;
        if (group.At >= 0)
        {
            // Decoded in place, behind the rows committed so far (fewer than expected if an earlier group skipped rows).
            collector.MoveToEnd(group.At, group.Rows);
            _ = collector.TryReserve(group.Rows, out var keptScores, out var keptLabels);
            collector.Commit(ReadBlock(rows, label, score, labelKind, group.Labels.Span, group.Texts, keptScores.Span, keptLabels.Span));
            return;
        }

        // Not in place: the group did not fit where it was decoded; if the next group did, these rows fit without a resize.
        var scores = group.Scores.Span[..group.Rows];
        var positives = buffers.Flags(group.Rows);
        var kept = ReadBlock(rows, label, score, labelKind, group.Labels.Span, group.Texts, scores, positives);
        collector.AddBlock(positives[..kept], scores[..kept]);
    }

    public override void ReadMulticlass(int actual, int predicted, MulticlassRows rows)
    {
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var (a, p) = Guard(() => (ReadAsText(group, actual, n), ReadAsText(group, predicted, n)));
            ReadBlock(rows, actual, predicted, a, p);
        }
    }

    public override void ReadScores(int label, int[] scores, ScoreRows rows)
    {
        var scoreFields = scores.Select(c => Numeric(c, "scores")).ToArray();
        var buffers = new ParquetColumnBuffers();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var (labels, columns) = Guard(() => (ReadAsText(group, label, n), scoreFields.Select(f => buffers.Numbers(group, f, n, 0, new double[n]).ToArray()).ToArray()));
            ReadBlock(rows, label, scores, labels, columns);
        }
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or DataFormatException))
        {
            throw Unreadable(Path, e);
        }
    }

    protected override void Dispose(bool disposing) => reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

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

    internal static LabelKind? KindOf(DataField field) => field.ClrType == typeof(ReadOnlyMemory<char>) ? LabelKind.Text : Type.GetTypeCode(field.ClrType) switch
    {
        TypeCode.Boolean => LabelKind.Boolean,
        TypeCode.String => LabelKind.Text,
        TypeCode.Double or TypeCode.Single or TypeCode.Decimal or TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16
            or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => LabelKind.Number,
        _ => null,
    };

    private static string TypeName(DataField field) =>
        (KindOf(field) == LabelKind.Text ? "text" : field.ClrType.Name) + (field.IsArray ? " (a list per row)" : string.Empty);

    /// <summary>One row group's values of a column as text (numbers in the invariant culture), null for null.</summary>
    private string?[] ReadAsText(ParquetRowGroupReader group, int column, int n)
    {
        var field = fields[column];
        return KindOf(field) switch
        {
            LabelKind.Text => group.ReadStrings(field, n),
            LabelKind.Boolean or LabelKind.Number => [.. new ParquetColumnBuffers().Numbers(group, field, n, 0).ToArray().Select(v => AsText(v, KindOf(field)!.Value))],
            _ => throw ColumnError(column, $"the column has Parquet type {TypeName(field)}", "Store labels as Boolean, numbers or text."),
        };
    }

}

/// <summary>
/// Column reads over Parquet.Net's asynchronous row-group reader (the CLI is a synchronous program), into buffers
/// reused from one row group to the next so that memory stays at one row group's worth.
/// </summary>
internal sealed class ParquetColumnBuffers
{
    private readonly double[][] numbers = [[], []];
    private readonly Dictionary<(Type Type, int Slot), Array> raw = [];
    private bool[] flags = [];

    /// <summary>A buffer of at least <paramref name="n"/> flags.</summary>
    public bool[] Flags(int n) => flags.Length >= n ? flags : flags = new bool[n];

    /// <summary>
    /// The first <paramref name="n"/> values of a numeric or Boolean column as doubles (NaN for null), in
    /// <paramref name="target"/> when given (at least n long), otherwise in buffer <paramref name="slot"/>.
    /// </summary>
    public Memory<double> Numbers(ParquetRowGroupReader group, DataField field, int n, int slot, Memory<double> target = default)
    {
        if (target.IsEmpty && numbers[slot].Length < n)
        {
            numbers[slot] = new double[n];
        }

        var values = target.IsEmpty ? numbers[slot].AsMemory(0, n) : target[..n];
        switch (Type.GetTypeCode(field.ClrType))
        {
            case TypeCode.Double when !field.IsNullable: Wait(group.ReadAsync(field, values)); break;
            case TypeCode.Double: Fill<double>(group, field, values.Span, slot, v => v); break;
            case TypeCode.Single: Fill<float>(group, field, values.Span, slot, v => v); break;
            case TypeCode.Decimal: Fill<decimal>(group, field, values.Span, slot, v => (double)v); break;
            case TypeCode.Boolean: Fill<bool>(group, field, values.Span, slot, v => v ? 1 : 0); break;
            case TypeCode.SByte: Fill<sbyte>(group, field, values.Span, slot, v => v); break;
            case TypeCode.Byte: Fill<byte>(group, field, values.Span, slot, v => v); break;
            case TypeCode.Int16: Fill<short>(group, field, values.Span, slot, v => v); break;
            case TypeCode.UInt16: Fill<ushort>(group, field, values.Span, slot, v => v); break;
            case TypeCode.Int32: Fill<int>(group, field, values.Span, slot, v => v); break;
            case TypeCode.UInt32: Fill<uint>(group, field, values.Span, slot, v => v); break;
            case TypeCode.Int64: Fill<long>(group, field, values.Span, slot, v => v); break;
            default: Fill<ulong>(group, field, values.Span, slot, v => v); break;
        }

        return values;
    }

    private void Fill<T>(ParquetRowGroupReader group, DataField field, Span<double> values, int slot, Func<T, double> toDouble)
        where T : struct
    {
        var n = values.Length;
        if (field.IsNullable)
        {
            var buffer = Raw<T?>(n, slot);
            Wait(group.ReadAsync(field, buffer.AsMemory(0, n)));
            for (var i = 0; i < n; i++)
            {
                values[i] = buffer[i] is { } v ? toDouble(v) : double.NaN;
            }
        }
        else
        {
            var buffer = Raw<T>(n, slot);
            Wait(group.ReadAsync(field, buffer.AsMemory(0, n)));
            for (var i = 0; i < n; i++)
            {
                values[i] = toDouble(buffer[i]);
            }
        }
    }

    private T[] Raw<T>(int n, int slot)
    {
        if (raw.TryGetValue((typeof(T), slot), out var existing) && existing.Length >= n)
        {
            return (T[])existing;
        }

        var created = new T[n];
        raw[(typeof(T), slot)] = created;
        return created;
    }

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();
}

/// <summary>Text columns of a Parquet row group.</summary>
internal static class ParquetRowGroupReading
{
    public static string?[] ReadStrings(this ParquetRowGroupReader group, DataField field, int n)
    {
        var values = new string?[n];
        group.ReadAsync(field, values.AsMemory()!).GetAwaiter().GetResult();
        return values;
    }
}
