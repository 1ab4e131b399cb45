using System.Globalization;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

namespace ClassicalML.Benchmarks;

/// <summary>Writes a label,score CSV as Parquet with Parquet.Net (label int32, score double, row groups of 1M rows).</summary>
public static class ParquetFile
{
    private const int RowGroup = 1_000_000;

    /// <summary>Converts <paramref name="csv"/> to <paramref name="parquet"/>.</summary>
    public static async Task<int> FromCsv(string csv, string parquet)
    {
        var (labels, scores) = ReadColumns(csv);

        var label = new DataField<int>("label");
        var score = new DataField<double>("score");
        await using var stream = File.Create(parquet);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(label, score), stream);
        for (var start = 0; start < labels.Count; start += RowGroup)
        {
            var n = Math.Min(RowGroup, labels.Count - start);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(label, new ReadOnlyMemory<int>(labels.GetRange(start, n).ToArray()));
            await group.WriteAsync(score, new ReadOnlyMemory<double>(scores.GetRange(start, n).ToArray()));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {parquet}: {labels.Count} rows"));
        return 0;
    }

    /// <summary>The label (integer) and score columns of a label,score CSV, read with Sep; shared with <see cref="ArrowFile"/>.</summary>
    internal static (List<int> Labels, List<double> Scores) ReadColumns(string csv)
    {
        var labels = new List<int>();
        var scores = new List<double>();
        using var reader = Sep.Reader().FromFile(csv);
        foreach (var row in reader)
        {
            labels.Add(row["label"].Parse<int>());
            scores.Add(row["score"].Parse<double>());
        }

        return (labels, scores);
    }
}
