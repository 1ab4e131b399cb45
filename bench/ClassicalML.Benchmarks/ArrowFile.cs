using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace ClassicalML.Benchmarks;

/// <summary>
/// Writes a label,score CSV as an Arrow IPC file (Feather version 2) with Apache.Arrow, the way pyarrow's
/// <c>write_feather</c> does by default: LZ4-frame-compressed buffers in record batches of 65,536 rows
/// (label int32, score double). Debian packages no pyarrow, so the .NET writer stands in for it.
/// </summary>
public static class ArrowFile
{
    private const int Batch = 65_536;

    /// <summary>Converts <paramref name="csv"/> to <paramref name="arrow"/>.</summary>
    public static int FromCsv(string csv, string arrow)
    {
        var (labels, scores) = ParquetFile.ReadColumns(csv);

        var schema = new Schema.Builder()
            .Field(f => f.Name("label").DataType(Int32Type.Default).Nullable(false))
            .Field(f => f.Name("score").DataType(DoubleType.Default).Nullable(false))
            .Build();
        var options = new IpcOptions { CompressionCodec = CompressionCodecType.Lz4Frame, CompressionCodecFactory = new CompressionCodecFactory() };
        using (var stream = File.Create(arrow))
        using (var writer = new ArrowFileWriter(stream, schema, leaveOpen: false, options))
        {
            for (var start = 0; start < labels.Count; start += Batch)
            {
                var n = Math.Min(Batch, labels.Count - start);
                var label = new Int32Array.Builder().AppendRange(labels.GetRange(start, n)).Build();
                var score = new DoubleArray.Builder().AppendRange(scores.GetRange(start, n)).Build();
                writer.WriteRecordBatch(new RecordBatch(schema, [label, score], n));
            }

            writer.WriteEnd();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {arrow}: {labels.Count} rows"));
        return 0;
    }
}
