using ClassicalML.Evaluation;
using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>Ratios of two splitters' numbers over the same repetitions, with percentile bootstrap intervals that
/// resample repetitions (ClassicalML.Evaluation.Bootstrap, 95%).</summary>
internal static class RepetitionStats
{
    /// <summary>mean(first) / mean(second), with a 95% percentile bootstrap interval over repetitions.</summary>
    /// <param name="first">One number per repetition for the first splitter.</param>
    /// <param name="second">One number per repetition for the second splitter (same length).</param>
    /// <param name="seed">The bootstrap seed.</param>
    /// <param name="resamples">The number of bootstrap resamples.</param>
    /// <returns>The ratio with its interval; NaN when undefined (e.g. the second mean is 0). Undefined (NaN)
    /// repetitions are left out of the means; resamples on which the ratio is undefined are counted in
    /// <see cref="Interval.UndefinedShare"/>.</returns>
    public static Interval MeanRatio(double[] first, double[] second, int seed, int resamples)
        => Ratio(first, second, seed, resamples, static v => DefinedMean(v));

    /// <summary>SD(first) / SD(second) (sample standard deviations over repetitions), with a 95% percentile bootstrap
    /// interval over repetitions; resamples in which both SDs are 0 are skipped as undefined.</summary>
    /// <param name="first">One number per repetition for the first splitter.</param>
    /// <param name="second">One number per repetition for the second splitter (same length).</param>
    /// <param name="seed">The bootstrap seed.</param>
    /// <param name="resamples">The number of bootstrap resamples.</param>
    /// <returns>The ratio with its interval; NaN when fewer than two repetitions or the second SD is 0.</returns>
    public static Interval SdRatio(double[] first, double[] second, int seed, int resamples)
        => Ratio(first, second, seed, resamples, static v => DefinedSd(v));

    /// <summary>The sample standard deviation of the defined (non-NaN) values; NaN with fewer than two.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The SD.</returns>
    public static double DefinedSd(IEnumerable<double> values)
    {
        double[] v = [.. values.Where(x => !double.IsNaN(x))];
        return v.Length < 2 ? double.NaN : MathNet.Numerics.Statistics.Statistics.StandardDeviation(v);
    }

    /// <summary>The mean of the defined (non-NaN) values; NaN when there is none.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The mean.</returns>
    public static double DefinedMean(IEnumerable<double> values)
    {
        double[] v = [.. values.Where(x => !double.IsNaN(x))];
        return v.Length == 0 ? double.NaN : v.Average();
    }

    /// <summary>A Wilson 95% interval for a count out of a total.</summary>
    /// <param name="count">The count.</param>
    /// <param name="total">The total (at least 1).</param>
    /// <returns>The fraction with its Wilson interval.</returns>
    public static Interval Wilson(long count, long total)
    {
        return Intervals.Wilson(count, total);
    }

    private static Interval Ratio(double[] first, double[] second, int seed, int resamples, Func<double[], double> statistic)
    {
        if (first.Length != second.Length || first.Length == 0)
        {
            throw new ArgumentException(
                $"first has {first.Length} repetitions and second {second.Length}; pass the same, non-zero number of repetitions for both.", nameof(second));
        }

        double Of(ReadOnlySpan<int> rows)
        {
            double[] a = new double[rows.Length], b = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                a[i] = first[rows[i]];
                b[i] = second[rows[i]];
            }

            double denominator = statistic(b);
            double ratio = denominator == 0 ? double.NaN : statistic(a) / denominator;
            return double.IsFinite(ratio) ? ratio : double.NaN;
        }

        int[] all = [.. Enumerable.Range(0, first.Length)];
        double value = Of(all);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return new Interval(double.NaN, double.NaN, double.NaN, 0.95, "percentile bootstrap");
        }

        // The percentile interval is reported as measured, even if it misses the full-data ratio.
        return Bootstrap.Percentile(first.Length, Of, seed, resamples).Interval;
    }
}
