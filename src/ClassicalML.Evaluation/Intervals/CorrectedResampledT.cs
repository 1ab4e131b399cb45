using System.Globalization;
using MathNet.Numerics.Distributions;

namespace ClassicalML.Evaluation;

/// <summary>
/// The corrected resampled t interval and test (Nadeau and Bengio 2003; Bouckaert and Frank 2004) for scores from
/// repeated cross-validation or repeated train/test splits: one model's scores, or the paired differences of two
/// models scored on the same folds.
/// </summary>
/// <remarks>
/// For J values x_1 … x_J (one per fold, repeats in any order) with mean x̄ and sample variance
/// s² = Σ (x_j − x̄)² / (J − 1):
/// standard error = sqrt((1/J + n_test/n_train) · s²),
/// interval = x̄ ± t(1 − (1 − confidence)/2; J − 1) · standard error,
/// t statistic = x̄ / standard error, two-sided p = 2 · P(T_{J−1} ≥ |t|).
/// The plain t interval uses 1/J alone and is too narrow, because the folds share training rows and their scores are
/// correlated; the n_test/n_train term (1/(k − 1) for k-fold) corrects for it. The correction does not shrink with J:
/// more repeats cannot narrow the interval below t · sqrt(s² / (k − 1)); more rows (a smaller s²) can.
/// The t quantile and distribution are MathNet.Numerics' <see cref="StudentT"/>; they agree with scipy's
/// <c>scipy.stats.t</c> to about 1e-8 (the reference values, tests/reference/make_corrected_t_fixtures.py).
/// <para>This is the library's one test for comparing two models' cross-validated scores (<see cref="Paired"/>).
/// For two models scored on the same test rows use <see cref="DeLong.Paired(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> (ROC AUCs),
/// <see cref="McNemar.Test"/> (decisions) or <see cref="Bootstrap.PairedDifference(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, BinaryMetric, int, int, double, bool)"/> (any metric).</para>
/// </remarks>
public static class CorrectedResampledT
{
    /// <summary>The corrected resampled t interval of the mean of one model's resampled scores (e.g. fold AUCs).</summary>
    /// <param name="scores">The J scores, one per fold or split; finite. With a single score the mean is returned with NaN bounds.</param>
    /// <param name="design">How the scores were resampled (<see cref="ResamplingDesign.KFold"/> for k-fold).</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <returns>The interval, with the test of mean = 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is empty or holds a NaN or infinite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public static CorrectedTInterval Interval(ReadOnlySpan<double> scores, ResamplingDesign design, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(design);
        Preconditions.CheckNotEmpty(scores.Length, nameof(scores), "Pass the score of every fold or split.");
        Preconditions.CheckFinite(scores, nameof(scores), "Leave out or recompute the fold whose score is undefined.");
        Preconditions.CheckConfidence(confidence);
        return Compute(scores, design.TestTrainRatio, confidence);
    }

    /// <summary>
    /// The corrected resampled t interval of the mean paired difference first[j] − second[j] of two models scored on
    /// the same folds (same rows, same order), and the test of no difference.
    /// </summary>
    /// <param name="first">The first model's J scores.</param>
    /// <param name="second">The second model's J scores on the same folds, in the same order.</param>
    /// <param name="design">How the folds were resampled.</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <returns>The interval of the mean difference (first − second), with its p-value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">Either is empty or holds a NaN or infinite value, or their lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public static CorrectedTInterval Paired(ReadOnlySpan<double> first, ReadOnlySpan<double> second, ResamplingDesign design, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (first.Length != second.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"first has {first.Length} scores but second has {second.Length}; paired differences need both models scored on the same folds. Pass the scores of both models over the same split."),
                nameof(second));
        }

        Preconditions.CheckNotEmpty(first.Length, nameof(first), "Pass the score of every fold or split.");
        Preconditions.CheckFinite(first, nameof(first), "Leave out or recompute the fold whose score is undefined, in both models.");
        Preconditions.CheckFinite(second, nameof(second), "Leave out or recompute the fold whose score is undefined, in both models.");
        Preconditions.CheckConfidence(confidence);
        var differences = new double[first.Length];
        for (var j = 0; j < differences.Length; j++)
        {
            differences[j] = first[j] - second[j];
        }

        return Compute(differences, design.TestTrainRatio, confidence);
    }

    private static CorrectedTInterval Compute(ReadOnlySpan<double> values, double ratio, double confidence)
    {
        var count = values.Length;
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= count;
        if (count < 2)
        {
            return new CorrectedTInterval(mean, double.NaN, 0, double.NaN, double.NaN, double.NaN, confidence, double.NaN, double.NaN, count, ratio);
        }

        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        var dof = count - 1;
        var se = Math.Sqrt(((1.0 / count) + ratio) * (squares / dof));
        var quantile = StudentT.InvCDF(0, 1, dof, 1 - ((1 - confidence) / 2));
        var t = mean / se;
        // 2 · CDF(−|t|) rather than 2 · (1 − CDF(|t|)) keeps small p-values exact.
        var p = double.IsNaN(t) ? double.NaN : 2 * StudentT.CDF(0, 1, dof, -Math.Abs(t));
        return new CorrectedTInterval(mean, se, dof, quantile, mean - (quantile * se), mean + (quantile * se), confidence, t, p, count, ratio);
    }
}
