using System.Reflection;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ClassicalML.Models.Convergence;

/// <summary>
/// The outcome of <see cref="LbfgsConvergence.Check"/>: how far a fit moves when refitted with a tenfold iteration
/// cap and a hundredth of the tolerance.
/// </summary>
/// <param name="IterationCap">The fit's <c>MaximumNumberOfIterations</c>.</param>
/// <param name="Tolerance">The fit's <c>OptimizationTolerance</c>.</param>
/// <param name="CheckCap">The refit's cap (10 × the fit's, at most <see cref="int.MaxValue"/>).</param>
/// <param name="CheckTolerance">The refit's tolerance (1/100 of the fit's).</param>
/// <param name="WeightChange">‖(w, b) − (w', b')‖₂ / ‖(w', b')‖₂, primes for the refit (0 when both are 0).</param>
/// <param name="ObjectiveChange">|J − J'| / |J'| of the training objective J (see <see cref="LbfgsConvergence"/>).</param>
/// <param name="Objective">The fit's training objective J.</param>
/// <param name="Threshold">The largest relative change still counted as converged.</param>
public sealed record ConvergenceCheck(
    int IterationCap,
    double Tolerance,
    int CheckCap,
    double CheckTolerance,
    double WeightChange,
    double ObjectiveChange,
    double Objective,
    double Threshold)
{
    /// <summary>Whether both relative changes are below <see cref="Threshold"/>.</summary>
    public bool Converged => WeightChange < Threshold && ObjectiveChange < Threshold;
}

/// <summary>
/// Checks that an ML.NET L-BFGS logistic regression ran to convergence. ML.NET's L-BFGS does not report its
/// iteration count or why it stopped, so the fit is repeated with 10 × the iteration cap and 1/100 of the tolerance
/// and the two solutions are compared: a converged fit barely moves.
/// </summary>
/// <remarks>
/// The training objective is ML.NET's (LbfgsTrainerBase), in natural-log units:
/// <c>J = [Σᵢ ln(1 + exp(−yᵢ sᵢ)) + L1·‖w‖₁ + (L2/2)·‖w‖₂²] / n</c> with <c>yᵢ ∈ {−1, +1}</c> and <c>sᵢ = w·xᵢ + b</c>
/// the raw score (example weights are not supported). Hand-written because ML.NET exposes neither the iterations
/// nor the objective.
/// </remarks>
public static class LbfgsConvergence
{
    /// <summary>The relative change below which a fit counts as converged by default.</summary>
    public const double DefaultThreshold = 1e-3;

    /// <summary>Fits the trainer twice on <paramref name="train"/> (as given, then with 10 × the cap and 1/100 of the
    /// tolerance) and compares weights, bias and training objective.</summary>
    /// <param name="ml">The context (seeded).</param>
    /// <param name="train">The training rows, already featurized (a Boolean <c>Label</c> and a Single vector feature column).</param>
    /// <param name="options">The trainer options of the fit to check; not modified.</param>
    /// <param name="threshold">The largest relative change counted as converged (positive).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not positive, or the options use an example weight column.</exception>
    public static ConvergenceCheck Check(MLContext ml, IDataView train, LbfgsLogisticRegressionBinaryTrainer.Options options, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (!(threshold > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"threshold is {threshold}; it must be positive. Use e.g. {DefaultThreshold}.");
        }

        if (options.ExampleWeightColumnName is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ExampleWeightColumnName,
                $"options.ExampleWeightColumnName is '{options.ExampleWeightColumnName}'; the check computes the unweighted objective. Check an unweighted fit.");
        }

        var tight = Copy(options);
        tight.MaximumNumberOfIterations = (int)Math.Min(int.MaxValue, 10L * options.MaximumNumberOfIterations);
        tight.OptimizationTolerance = options.OptimizationTolerance / 100;
        var (w, j) = Fit(ml, train, options);
        var (wTight, jTight) = Fit(ml, train, tight);
        return new ConvergenceCheck(options.MaximumNumberOfIterations, options.OptimizationTolerance, tight.MaximumNumberOfIterations, tight.OptimizationTolerance,
            RelativeDistance(w, wTight), Math.Abs(j - jTight) / Math.Max(Math.Abs(jTight), double.Epsilon), j, threshold);
    }

    /// <summary>‖a − b‖₂ / ‖b‖₂; 0 when both are 0 and infinity when only <paramref name="b"/> is.</summary>
    /// <param name="a">The first vector.</param>
    /// <param name="b">The reference vector, same length.</param>
    /// <returns>The relative distance.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double RelativeDistance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"a has {a.Count} values and b has {b.Count}; compare vectors of the same length.", nameof(b));
        }

        double diff = 0, norm = 0;
        for (int i = 0; i < a.Count; i++)
        {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }

        return diff == 0 ? 0 : norm == 0 ? double.PositiveInfinity : Math.Sqrt(diff / norm);
    }

    private static (double[] WeightsAndBias, double Objective) Fit(MLContext ml, IDataView train, LbfgsLogisticRegressionBinaryTrainer.Options options)
    {
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(options).Fit(train);
        var linear = model.Model.SubModel;
        double[] w = [.. linear.Weights.Select(x => (double)x), linear.Bias];
        var scored = model.Transform(train).ReadBinaryPredictions(options.LabelColumnName, "Score", probabilityColumnName: null);
        double loss = 0;
        for (int i = 0; i < scored.Labels.Length; i++)
        {
            double margin = (scored.Labels[i] ? 1 : -1) * scored.Scores[i];
            loss += margin > 0 ? double.LogP1(Math.Exp(-margin)) : -margin + double.LogP1(Math.Exp(margin)); // stable ln(1 + e^(−m))
        }

        double l1 = 0, l2 = 0;
        for (int k = 0; k < w.Length - 1; k++)
        {
            l1 += Math.Abs(w[k]);
            l2 += w[k] * w[k];
        }

        return (w, (loss + (options.L1Regularization * l1) + (options.L2Regularization / 2 * l2)) / scored.Labels.Length);
    }

    // The options class has no copy constructor; its settings are public fields.
    private static LbfgsLogisticRegressionBinaryTrainer.Options Copy(LbfgsLogisticRegressionBinaryTrainer.Options options)
    {
        var copy = new LbfgsLogisticRegressionBinaryTrainer.Options();
        foreach (var field in typeof(LbfgsLogisticRegressionBinaryTrainer.Options).GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            field.SetValue(copy, field.GetValue(options));
        }

        return copy;
    }
}
