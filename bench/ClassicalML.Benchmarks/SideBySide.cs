using System.Diagnostics;
using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Benchmarks;

/// <summary>
/// Times <see cref="Roc.Auc"/> on a file written by bench/compare_sklearn.py, so that scikit-learn
/// and ClassicalML see the same numbers. File format (little-endian): int64 n, n float64 scores, n uint8 labels (0/1).
/// </summary>
public static class SideBySide
{
    /// <summary>Reads the file, runs Roc.Auc once to warm up, then <paramref name="repeats"/> timed runs; prints one JSON line.</summary>
    public static int Run(string path, int repeats, TextWriter output)
    {
        (bool[] labels, double[] scores) = Read(path);
        double auc = Roc.Auc(labels, scores);
        double best = double.PositiveInfinity;
        var times = new List<double>(repeats);
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            auc = Roc.Auc(labels, scores);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            times.Add(seconds);
            best = Math.Min(best, seconds);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"n\": {scores.Length}, \"roc_auc\": {auc:R}, \"best_seconds\": {best:R}, \"seconds\": [{string.Join(", ", times.Select(t => t.ToString("R", CultureInfo.InvariantCulture)))}]}}"));
        return 0;
    }

    /// <summary>Times <see cref="PredictionCsv.SepOnly"/> and <see cref="PredictionCsv.CliRead"/> alternately on one file; prints one JSON line with MB/s.</summary>
    public static int Parse(string path, int repeats, TextWriter output)
    {
        double megabytes = new FileInfo(path).Length / 1e6;
        PredictionCsv.SepOnly(path);
        PredictionCsv.CliRead(path);
        double sep = double.PositiveInfinity, cli = double.PositiveInfinity;
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            PredictionCsv.SepOnly(path);
            sep = Math.Min(sep, Stopwatch.GetElapsedTime(start).TotalSeconds);
            start = Stopwatch.GetTimestamp();
            PredictionCsv.CliRead(path);
            cli = Math.Min(cli, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"megabytes\": {megabytes:F1}, \"sep_only_seconds\": {sep:F3}, \"sep_only_mb_per_s\": {megabytes / sep:F0}, \"cli_read_seconds\": {cli:F3}, \"cli_read_mb_per_s\": {megabytes / cli:F0}}}"));
        return 0;
    }

    private static (bool[] Labels, double[] Scores) Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        long n = reader.ReadInt64();
        if (n <= 0 || n > Array.MaxLength || stream.Length != 8 + (9 * n))
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"{path}: header says {n} rows but the file has {stream.Length} bytes (expected 8 + 9·n). Regenerate it with bench/compare_sklearn.py."));
        }

        var scores = new double[n];
        stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(scores.AsSpan()));
        var raw = new byte[n];
        stream.ReadExactly(raw);
        var labels = new bool[n];
        for (long i = 0; i < n; i++)
        {
            labels[i] = raw[i] != 0;
        }

        return (labels, scores);
    }
}
