using System.Diagnostics;
using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Benchmarks;

/// <summary>
/// Times the percentile bootstrap of ROC AUC on a file written by bench/compare_sklearn.py (the format of
/// <see cref="SideBySide"/>), for bench/compare_sklearn_bootstrap.py.
/// </summary>
public static class BootstrapSideBySide
{
    /// <summary>
    /// One warm-up, then <paramref name="repeats"/> timed runs of <c>Bootstrap.Percentile(labels, scores, Roc.Auc, seed: 1,
    /// resamples)</c> (the fast path) and one of the general path (a lambda around <c>Roc.Auc</c>: every resample
    /// materialised); prints one JSON line with wall-clock and CPU (user + system, all threads) seconds.
    /// </summary>
    public static int Run(string path, int resamples, int repeats, TextWriter output)
    {
        (bool[] labels, double[] scores) = SideBySide.Read(path);
        BootstrapInterval interval = Bootstrap.Percentile(labels, scores, Roc.Auc, seed: 1, resamples);
        var times = new List<double>(repeats);
        var cpu = new List<double>(repeats);
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < repeats; r++)
        {
            process.Refresh();
            TimeSpan cpuStart = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            interval = Bootstrap.Percentile(labels, scores, Roc.Auc, seed: 1, resamples);
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
        }

        long generalStart = Stopwatch.GetTimestamp();
        BootstrapInterval general = Bootstrap.Percentile(labels, scores, (l, s) => Roc.Auc(l, s), seed: 1, resamples);
        double generalSeconds = Stopwatch.GetElapsedTime(generalStart).TotalSeconds;

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"n\": {scores.Length}, \"resamples\": {resamples}, \"estimate\": {interval.Estimate:R}, \"lower\": {interval.Lower:R}, \"upper\": {interval.Upper:R}, \"best_seconds\": {times.Min():R}, \"seconds\": [{string.Join(", ", times.Select(t => t.ToString("R", CultureInfo.InvariantCulture)))}], \"cpu_seconds\": [{string.Join(", ", cpu.Select(t => t.ToString("R", CultureInfo.InvariantCulture)))}], \"general_seconds\": {generalSeconds:R}, \"general_identical\": {(general == interval ? "true" : "false")}}}"));
        return 0;
    }
}
