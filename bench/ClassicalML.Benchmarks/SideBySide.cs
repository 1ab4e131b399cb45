using System.Diagnostics;
using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Benchmarks;

/// <summary>
/// Times <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> on a file written by bench/compare_sklearn.py, so that scikit-learn
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

    /// <summary>
    /// Times the one-vs-rest ROC AUC (macro) of <see cref="MulticlassScoreEvaluation.RocAuc{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassRocAuc, ZeroDivision)"/> on a file written by
    /// bench/compare_sklearn_multiclass.py (little-endian: int64 n, int64 k, n·k float64 scores row by row, n int32
    /// labels in 0..k−1): one warm-up, then <paramref name="repeats"/> timed runs, each building the
    /// <see cref="ScoreMatrix"/> from the row-major values as a caller would; prints one JSON line.
    /// </summary>
    public static int RunMulticlass(string path, int repeats, TextWriter output)
    {
        using FileStream stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        int n = checked((int)reader.ReadInt64());
        int k = checked((int)reader.ReadInt64());
        var values = new double[(long)n * k];
        stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        var actual = new int[n];
        stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(actual.AsSpan()));
        int[] classes = [.. Enumerable.Range(0, k)];
        double auc = MulticlassScoreEvaluation.RocAuc<int>(actual, ScoreMatrix.FromRowMajor(values, k), classes);
        var times = new List<double>(repeats);
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            auc = MulticlassScoreEvaluation.RocAuc<int>(actual, ScoreMatrix.FromRowMajor(values, k), classes);
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"n\": {n}, \"k\": {k}, \"roc_auc_ovr_macro\": {auc:R}, \"best_seconds\": {times.Min():R}, \"seconds\": [{string.Join(", ", times.Select(t => t.ToString("R", CultureInfo.InvariantCulture)))}]}}"));
        return 0;
    }

    /// <summary>
    /// Times <see cref="PredictionCsv.SepOnly"/> and <see cref="PredictionCsv.CliRead"/> alternately on one file (one
    /// warm-up each, then <paramref name="repeats"/> rounds); prints one JSON line with the best wall-clock and CPU
    /// (user + system) seconds of each and the throughput in MB/s of file.
    /// </summary>
    public static int Parse(string path, int repeats, TextWriter output)
    {
        double megabytes = new FileInfo(path).Length / 1e6;
        PredictionCsv.SepOnly(path);
        PredictionCsv.CliRead(path);
        var sep = (Wall: double.PositiveInfinity, Cpu: double.PositiveInfinity);
        var cli = sep;
        for (int r = 0; r < repeats; r++)
        {
            sep = Best(sep, Time(() => PredictionCsv.SepOnly(path)));
            cli = Best(cli, Time(() => PredictionCsv.CliRead(path)));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"megabytes\": {megabytes:F1}, \"sep_only_seconds\": {sep.Wall:F3}, \"sep_only_cpu_seconds\": {sep.Cpu:F3}, \"sep_only_mb_per_s\": {megabytes / sep.Wall:F0}, \"cli_read_seconds\": {cli.Wall:F3}, \"cli_read_cpu_seconds\": {cli.Cpu:F3}, \"cli_read_mb_per_s\": {megabytes / cli.Wall:F0}, \"cli_read_mb_per_cpu_s\": {megabytes / cli.Cpu:F0}}}"));
        return 0;

        static (double Wall, double Cpu) Best((double Wall, double Cpu) a, (double Wall, double Cpu) b) => (Math.Min(a.Wall, b.Wall), Math.Min(a.Cpu, b.Cpu));
    }

    private static (double Wall, double Cpu) Time(Action run)
    {
        using var process = Process.GetCurrentProcess();
        TimeSpan cpu = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        run();
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    internal static (bool[] Labels, double[] Scores) Read(string path)
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
