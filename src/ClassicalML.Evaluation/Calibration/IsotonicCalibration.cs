namespace ClassicalML.Evaluation;

/// <summary>
/// An isotonic-regression calibrator, as scikit-learn's
/// <c>IsotonicRegression(out_of_bounds="clip", increasing=True).fit(scores, labels, sample_weight)</c>: the
/// non-decreasing fit of the labels on the scores (pool adjacent violators), interpolated linearly between its points
/// and clipped to the fitted range.
/// </summary>
/// <remarks>
/// <para>Fit, step by step as scikit-learn 1.2: rows of weight 0 are dropped; rows are sorted by (score, label);
/// scores within 1e-15 (numpy's float64 resolution) of a group's first score join that group, whose value is the
/// weighted mean of its labels and weight the sum of its weights; pool adjacent violators (a block joins the next while
/// its mean is not below the next's); of the points left, an interior one whose value equals both neighbours' is
/// dropped (<see cref="Thresholds"/>, <see cref="Values"/>).</para>
/// <para>Predict: s is clipped to [min, max] of the fitted scores, then interpolated as numpy's <c>interp</c>
/// (at a threshold exactly, its value). Between two fitted scores the map is linear, so it is strictly increasing there
/// when the two values differ and flat on the steps; a threshold on probabilities maps to a range of raw scores
/// (<see cref="ThresholdSelection.OnOtherScale"/>). Matches scikit-learn to 1e-12
/// (tests/reference/make_calibrator_fixtures.py).</para>
/// </remarks>
public sealed class IsotonicCalibration : ScoreCalibrator
{
    private const double Resolution = 1e-15; // numpy's finfo(float64).resolution, scikit-learn's _make_unique tolerance

    private readonly double[] _x;
    private readonly double[] _y;

    private IsotonicCalibration(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    /// <summary>The fitted scores kept for interpolation, ascending (scikit-learn's <c>X_thresholds_</c>).</summary>
    public IReadOnlyList<double> Thresholds => _x;

    /// <summary>The fitted value at each of <see cref="Thresholds"/>, non-decreasing (scikit-learn's <c>y_thresholds_</c>).</summary>
    public IReadOnlyList<double> Values => _y;

    /// <inheritdoc/>
    public override CalibrationMethod Method => CalibrationMethod.Isotonic;

    /// <summary>The interpolated fit at <paramref name="score"/>, clipped to the fitted range.</summary>
    /// <param name="score">A score on the scale the calibrator was fitted on.</param>
    /// <returns>The calibrated probability.</returns>
    public override double Calibrate(double score)
    {
        if (double.IsNaN(score))
        {
            return double.NaN;
        }

        double x = Math.Clamp(score, _x[0], _x[^1]);
        int j = _x.AsSpan().BinarySearch(x);
        if (j >= 0)
        {
            return _y[j]; // numpy's interp at a point: its value, no arithmetic
        }

        j = ~j - 1; // the last threshold below x
        double slope = (_y[j + 1] - _y[j]) / (_x[j + 1] - _x[j]);
        return (slope * (x - _x[j])) + _y[j];
    }

    /// <summary>Fits isotonic regression on unweighted rows.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label.</param>
    /// <returns>The fitted calibrator.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    public static IsotonicCalibration Fit(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        return Build(labels, scores, default);
    }

    /// <summary>Fits isotonic regression on weighted rows (scikit-learn's <c>sample_weight</c>; weight 0 leaves a row out).</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label.</param>
    /// <param name="weights">One finite weight of at least 0 per row, not all 0.</param>
    /// <returns>The fitted calibrator.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is not finite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or not finite.</exception>
    public static IsotonicCalibration Fit(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        return Build(labels, scores, weights);
    }

    private static IsotonicCalibration Build(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        // numpy's lexsort((y, X)) is stable: by score, then label, then row.
        var rows = new List<int>(labels.Length);
        for (int i = 0; i < labels.Length; i++)
        {
            if (weights.IsEmpty || weights[i] > 0)
            {
                rows.Add(i);
            }
        }

        var s = scores.ToArray();
        var l = labels.ToArray();
        rows.Sort((i, k) => s[i] != s[k] ? s[i].CompareTo(s[k]) : l[i] != l[k] ? l[i].CompareTo(l[k]) : i.CompareTo(k));

        // scikit-learn's _make_unique: a group of scores within Resolution of its first, its weighted mean label.
        var x = new List<double>();
        var y = new List<double>();
        var w = new List<double>();
        double currentX = s[rows[0]], sumY = 0, sumW = 0;
        foreach (int i in rows)
        {
            double wi = weights.IsEmpty ? 1 : weights[i];
            if (s[i] - currentX >= Resolution)
            {
                x.Add(currentX);
                y.Add(sumY / sumW);
                w.Add(sumW);
                (currentX, sumY, sumW) = (s[i], 0, 0);
            }

            sumW += wi;
            sumY += (l[i] ? 1.0 : 0.0) * wi;
        }

        x.Add(currentX);
        y.Add(sumY / sumW);
        w.Add(sumW);
        double[] fitted = [.. y];
        PoolAdjacentViolators(fitted, [.. w]);
        return Trim([.. x], fitted);
    }

    // Hand-written (no .NET library has isotonic regression; ML.NET's PAV calibrator is a step function with other
    // ties): scikit-learn 1.2's _inplace_contiguous_isotonic_regression, step for step, so the pooled means are its doubles.
    private static void PoolAdjacentViolators(double[] y, double[] w)
    {
        int n = y.Length;
        var target = new int[n];
        for (int t = 0; t < n; t++)
        {
            target[t] = t;
        }

        int i = 0;
        while (i < n)
        {
            int k = target[i] + 1;
            if (k == n)
            {
                break;
            }

            if (y[i] < y[k])
            {
                i = k;
                continue;
            }

            double sumWy = w[i] * y[i];
            double sumW = w[i];
            while (true)
            {
                double previous = y[k];
                sumWy += w[k] * y[k];
                sumW += w[k];
                k = target[k] + 1;
                if (k == n || previous < y[k])
                {
                    y[i] = sumWy / sumW;
                    w[i] = sumW;
                    target[i] = k - 1;
                    target[k - 1] = i;
                    if (i > 0)
                    {
                        i = target[i - 1];
                    }

                    break;
                }
            }
        }

        for (i = 0; i < n; i = target[i] + 1)
        {
            Array.Fill(y, y[i], i + 1, target[i] - i); // every member of a block takes its mean
        }
    }

    /// <summary>scikit-learn's <c>trim_duplicates</c>: drop an interior point whose value equals both neighbours'.</summary>
    private static IsotonicCalibration Trim(double[] x, double[] y)
    {
        var keptX = new List<double>(x.Length);
        var keptY = new List<double>(y.Length);
        for (int i = 0; i < x.Length; i++)
        {
            if (i == 0 || i == x.Length - 1 || y[i] != y[i - 1] || y[i] != y[i + 1])
            {
                keptX.Add(x[i]);
                keptY.Add(y[i]);
            }
        }

        return new IsotonicCalibration([.. keptX], [.. keptY]);
    }
}
