using ClassicalML.Evaluation;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>The intervals this scenario reports.</summary>
internal static class Stats
{
    /// <summary>A 95% Wilson interval of a count; undefined for an empty total.</summary>
    public static Interval Wilson(Count count)
    {
        if (count.Total == 0)
        {
            return new Interval(double.NaN, double.NaN, double.NaN, 0.95, "Wilson score");
        }

        return Intervals.Wilson(count.Hits, count.Total);
    }

    /// <summary>The mean with a 95% Student-t interval (interval undefined for fewer than two values).</summary>
    public static Interval MeanWithInterval(IReadOnlyList<double> values)
    {
        double mean = values.Mean();
        if (values.Count < 2)
        {
            return new Interval(mean, double.NaN, double.NaN, 0.95, TMethod);
        }

        double half = StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * values.StandardDeviation() / Math.Sqrt(values.Count);
        return new Interval(mean, mean - half, mean + half, 0.95, TMethod);
    }

    private const string TMethod = "Student t";

    /// <summary>A 95% percentile bootstrap over replicates, as measured (never widened), with the share of undefined resamples.</summary>
    public static Interval Bootstrapped(int replicates, RowMetric metric, int seed, int resamples) =>
        Bootstrap.Percentile(replicates, metric, seed, resamples).Interval;
}
