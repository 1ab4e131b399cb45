using BenchmarkDotNet.Attributes;
using ClassicalML.Cli;
using nietras.SeparatedValues;

namespace ClassicalML.Benchmarks;

/// <summary>
/// Reading a <c>label,score</c> predictions CSV into label and score columns: the CLI's path (the repository's one
/// CSV reader, the label rule and the collector) against Sep alone with csFastFloat (the floor: field boundaries and
/// number parsing, nothing else). Throughput = file size / mean time; the file is written once to the temp folder.
/// </summary>
[MemoryDiagnoser]
public class CsvParseBenchmarks
{
    private string _path = string.Empty;

    /// <summary>Rows in the file.</summary>
    [Params(10_000_000)]
    public int N { get; set; }

    /// <summary>Writes (once) the file from <see cref="RankingData.Generate"/> with seed 42.</summary>
    [GlobalSetup]
    public void Setup() => _path = PredictionCsv.Ensure(N, seed: 42);

    /// <summary>Sep and csFastFloat only: the first character of the label, the score parsed, summed.</summary>
    [Benchmark(Baseline = true)]
    public double SepOnly() => PredictionCsv.SepOnly(_path);

    /// <summary>What <c>classicalml eval</c> does before evaluating: every check, both columns collected.</summary>
    [Benchmark]
    public long CliReadColumns() => PredictionCsv.CliRead(_path);
}

/// <summary>The predictions CSV shared by the benchmark and the --parse mode.</summary>
public static class PredictionCsv
{
    /// <summary>The path of the n-row file (written on first use): header label,score, labels 0/1, scores with up to 4 decimals.</summary>
    public static string Ensure(int n, int seed)
    {
        // Outside the repository (89 MB at 10M rows), where BenchmarkDotNet's generated projects find it too.
        var folder = Path.Combine(Path.GetTempPath(), "classicalml-bench");
        var path = Path.Combine(folder, $"mersenne_predictions_{n}_{seed}.csv");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var (labels, scores) = RankingData.Generate(n, seed);
            using var writer = new StreamWriter(path + ".tmp");
            writer.Write("label,score\n");
            for (var i = 0; i < n; i++)
            {
                writer.Write(labels[i] ? "1," : "0,");
                writer.Write(scores[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                writer.Write('\n');
            }

            writer.Close();
            File.Move(path + ".tmp", path);
        }

        return path;
    }

    /// <summary>Sep with csFastFloat and nothing else.</summary>
    public static double SepOnly(string path)
    {
        double sum = 0;
        using var reader = Sep.Reader(o => o with { HasHeader = true }).FromFile(path);
        foreach (var row in reader)
        {
            sum += row[0].Span[0] == '1' ? 1 : 0;
            sum += row[1].Parse<double>();
        }

        return sum;
    }

    /// <summary>The CLI's reading path into its collector.</summary>
    public static long CliRead(string path)
    {
        using var file = PredictionFile.Open(path, delimiter: null);
        var collector = new BinaryCollector(0.5, Evaluation.ZeroDivision.Zero, EvalCommand.DefaultExactCapacity, exact: false, file.ExpectedRows);
        file.ReadBinary(file.IndexOf("label", StringComparison.OrdinalIgnoreCase), file.IndexOf("score", StringComparison.Ordinal), new BinaryRows(new BinaryLabelRule(null), skipMissing: false, collector));
        return collector.Count;
    }
}
