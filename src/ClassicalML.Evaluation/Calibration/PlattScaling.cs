namespace ClassicalML.Evaluation;

/// <summary>
/// Platt's (1999) sigmoid calibrator, as scikit-learn's <c>sklearn.calibration._SigmoidCalibration</c>:
/// P(positive | s) = 1 / (1 + exp(A·s + B)), A and B minimising the (weighted) log loss against Platt's smoothed targets.
/// </summary>
/// <remarks>
/// <para>Targets: t = (N₊ + 1) / (N₊ + 2) for a positive row and 1 / (N₋ + 2) for a negative one, N₊ and N₋ the numbers
/// (sums of weights) of positives and negatives (Platt's Bayesian prior, end of his section 2.2); they keep A and B
/// finite even when the classes are separated. Start: A = 0, B = log((N₋ + 1) / (N₊ + 1)). Objective
/// Σ_i w_i [−t_i log p_i − (1 − t_i) log(1 − p_i)].</para>
/// <para>Optimiser: Newton's method with backtracking, after Lin, Lin and Weng (2007, "A note on Platt's probabilistic
/// outputs"), run until the Newton step is below rounding — the optimum to about 1e-15. scikit-learn minimises the
/// same objective with BFGS and stops at a gradient of 1e-5, so its A and B agree with these to about 1e-7 on a few
/// hundred rows and only to about 1e-4 on a handful (a flat objective); tests/reference/make_calibrator_fixtures.py
/// records both its answer and the exact optimum. Usually A &lt; 0: a higher score, a higher probability.</para>
/// </remarks>
public sealed class PlattScaling : ScoreCalibrator
{
    private PlattScaling(double slope, double offset)
    {
        Slope = slope;
        Offset = offset;
    }

    /// <summary>A, the slope in exp(A·s + B) (scikit-learn's <c>a_</c>); negative when higher scores mean positive.</summary>
    public double Slope { get; }

    /// <summary>B, the offset in exp(A·s + B) (scikit-learn's <c>b_</c>).</summary>
    public double Offset { get; }

    /// <inheritdoc/>
    public override CalibrationMethod Method => CalibrationMethod.Platt;

    /// <summary>1 / (1 + exp(A·s + B)).</summary>
    /// <param name="score">A score on the scale the calibrator was fitted on.</param>
    /// <returns>The calibrated probability.</returns>
    public override double Calibrate(double score) => 1 / (1 + Math.Exp((Slope * score) + Offset));

    /// <summary>Fits Platt's sigmoid on unweighted rows.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label.</param>
    /// <returns>The fitted calibrator.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    public static PlattScaling Fit(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        return Minimize(labels, scores, default);
    }

    /// <summary>Fits Platt's sigmoid on weighted rows (scikit-learn's <c>sample_weight</c>).</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label.</param>
    /// <param name="weights">One finite weight of at least 0 per row, not all 0.</param>
    /// <returns>The fitted calibrator.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is not finite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or not finite.</exception>
    public static PlattScaling Fit(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        return Minimize(labels, scores, weights);
    }

    // Hand-written: MathNet's minimisers stop at a gradient tolerance on the raw sum; this is Lin, Lin and Weng's
    // safeguarded Newton method for exactly this two-parameter problem, run to the optimum.
    private static PlattScaling Minimize(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        double prior1 = 0;
        double prior0 = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            prior1 += labels[i] ? w : 0;
            prior0 += labels[i] ? 0 : w;
        }

        double hiTarget = (prior1 + 1) / (prior1 + 2);
        double loTarget = 1 / (prior0 + 2);
        double a = 0;
        double b = Math.Log((prior0 + 1) / (prior1 + 1));
        double value = Objective(labels, scores, weights, a, b, hiTarget, loTarget);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0; // Lin et al.'s σ keeps H positive definite
            for (int i = 0; i < labels.Length; i++)
            {
                double w = weights.IsEmpty ? 1 : weights[i];
                double f = scores[i];
                double z = (a * f) + b;
                double e = Math.Exp(-Math.Abs(z));
                double p = z >= 0 ? e / (1 + e) : 1 / (1 + e); // P(positive) = 1 / (1 + exp(z)), without overflow
                double d2 = w * p * (1 - p);
                double d1 = w * ((labels[i] ? hiTarget : loTarget) - p);
                h11 += f * f * d2;
                h22 += d2;
                h21 += f * d2;
                g1 += f * d1;
                g2 += d1;
            }

            double det = (h11 * h22) - (h21 * h21);
            double da = -((h22 * g1) - (h21 * g2)) / det;
            double db = -((h11 * g2) - (h21 * g1)) / det;
            double slope = (g1 * da) + (g2 * db);
            double taken = 0;
            for (double step = 1; step >= 1e-10 && slope < 0; step /= 2)
            {
                double na = a + (step * da);
                double nb = b + (step * db);
                double candidate = Objective(labels, scores, weights, na, nb, hiTarget, loTarget);

                // Armijo's sufficient decrease, or, near the optimum, a change lost in the objective's rounding
                // (Newton's quadratic steps then still sharpen A and B far below the objective's resolution).
                if (candidate < value + (1e-4 * step * slope) || Math.Abs(candidate - value) <= 1e-13 * Math.Max(1, Math.Abs(value)))
                {
                    (a, b, value, taken) = (na, nb, candidate, step);
                    break;
                }
            }

            if (taken == 0 || (Math.Abs(taken * da) <= 1e-15 * (1 + Math.Abs(a)) && Math.Abs(taken * db) <= 1e-15 * (1 + Math.Abs(b))))
            {
                break; // converged: no step lowers the objective, or the step is below rounding
            }
        }

        return new PlattScaling(a, b);
    }

    private static double Objective(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double a, double b, double hiTarget, double loTarget)
    {
        double sum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            double t = labels[i] ? hiTarget : loTarget;
            double z = (a * scores[i]) + b;
            sum += w * (z >= 0 ? (t * z) + Math.Log(1 + Math.Exp(-z)) : ((t - 1) * z) + Math.Log(1 + Math.Exp(z)));
        }

        return sum;
    }
}
