using MathNet.Numerics.Distributions;

namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>Intervals for the mean of per-fold scores from repeated k-fold cross-validation.</summary>
internal static class FoldIntervals
{
    /// <summary>
    /// The corrected resampled t interval (Nadeau and Bengio 2003; Bouckaert and Frank 2004) for the mean of J fold
    /// values from r repeats of k-fold cross-validation, e.g. fold AUCs or paired per-fold AUC differences.
    /// </summary>
    /// <remarks>
    /// mean ± t(0.975; J − 1) · sqrt((1/J + n_test/n_train) · s²), with s² the sample variance of the J values and
    /// n_test/n_train = 1/(k − 1) for k-fold. The plain t interval uses 1/J alone and is too narrow because folds share
    /// training rows; the correction term widens it. Undefined (NaN bounds) with fewer than two values.
    /// ClassicalML.Evaluation has bootstrap and Wilson intervals but no fold-based interval, hence this helper.
    /// </remarks>
    /// <param name="values">The per-fold values (J = values.Count).</param>
    /// <param name="folds">k, the number of folds per repeat (at least 2).</param>
    /// <param name="confidence">The coverage, in (0, 1).</param>
    /// <returns>The mean with its interval.</returns>
    public static Estimate CorrectedT(IReadOnlyList<double> values, int folds, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (values.Count == 0)
        {
            throw new ArgumentException("values is empty; an interval needs at least one fold value. Pass the per-fold scores.", nameof(values));
        }

        var mean = values.Average();
        if (values.Count < 2)
        {
            return new Estimate(mean, double.NaN, double.NaN);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        var se = Math.Sqrt(((1.0 / values.Count) + (1.0 / (folds - 1))) * variance);
        var t = StudentT.InvCDF(0, 1, values.Count - 1, 0.5 + (confidence / 2));
        return new Estimate(mean, mean - (t * se), mean + (t * se));
    }

    /// <summary>The per-fold differences a[i] − b[i] of two runs on the same folds.</summary>
    /// <param name="a">The first run's fold values.</param>
    /// <param name="b">The second run's fold values, same folds in the same order.</param>
    /// <returns>A new array of differences.</returns>
    public static double[] Differences(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"a has {a.Count} fold values but b has {b.Count}; paired differences need the same folds. Run both on the same split.", nameof(b));
        }

        return [.. a.Zip(b, (x, y) => x - y)];
    }
}
