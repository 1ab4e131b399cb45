using System.Globalization;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ClassicalML.Models.Convergence;

/// <summary>The outcome of <see cref="LbfgsConvergence.Check(MLContext, IDataView, Func{LbfgsLogisticRegressionBinaryTrainer.Options}, double, double)"/>: a fit compared with a refit at a 10x iteration cap and
/// 1/100 of the tolerance.</summary>
/// <param name="IterationCap">The fit's iteration cap (<c>MaximumNumberOfIterations</c>; ML.NET's default int.MaxValue is no cap).</param>
/// <param name="Tolerance">The fit's <c>OptimizationTolerance</c>.</param>
/// <param name="RefitIterationCap">The refit's cap: 10 x <paramref name="IterationCap"/>, at most int.MaxValue.</param>
/// <param name="RefitTolerance">The refit's tolerance: <paramref name="Tolerance"/> / 100.</param>
/// <param name="Objective">The fit's training objective (see <see cref="LbfgsConvergence"/>).</param>
/// <param name="RefitObjective">The refit's training objective.</param>
/// <param name="WeightChange">‖θ − θ_refit‖ / ‖θ_refit‖ over the weights and the bias θ.</param>
/// <param name="ObjectiveChange">|J − J_refit| / |J_refit|.</param>
/// <param name="MaxWeightChange">The largest <paramref name="WeightChange"/> still called converged.</param>
/// <param name="MaxObjectiveChange">The largest <paramref name="ObjectiveChange"/> still called converged.</param>
public sealed record ConvergenceCheck(
    int IterationCap,
    double Tolerance,
    int RefitIterationCap,
    double RefitTolerance,
    double Objective,
    double RefitObjective,
    double WeightChange,
    double ObjectiveChange,
    double MaxWeightChange,
    double MaxObjectiveChange)
{
    /// <summary>Whether both changes are within their limits: tightening the stopping rule moved neither the weights
    /// nor the objective, so the fit had stopped at (numerically) the optimum, not at its cap.</summary>
    public bool Converged => WeightChange <= MaxWeightChange && ObjectiveChange <= MaxObjectiveChange;

    /// <summary>The refit's iteration cap (same as <see cref="RefitIterationCap"/>).</summary>
    public int CheckCap => RefitIterationCap;

    /// <summary>The refit's tolerance (same as <see cref="RefitTolerance"/>).</summary>
    public double CheckTolerance => RefitTolerance;

    /// <summary>The larger of the two limits: the single threshold of <see cref="LbfgsConvergence.Check(MLContext, IDataView, LbfgsLogisticRegressionBinaryTrainer.Options, double)"/>.</summary>
    public double Threshold => Math.Max(MaxWeightChange, MaxObjectiveChange);

    /// <summary>The check in words, e.g. "refit with cap 10x and tolerance 1E-09: weights moved 0.03%, objective 2E-07 (converged if below 1% and 1E-06)".</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"refit with cap {(RefitIterationCap == int.MaxValue ? "none" : RefitIterationCap.ToString(CultureInfo.InvariantCulture))} and tolerance {RefitTolerance:G3}: weights moved {WeightChange:0.###%}, objective {ObjectiveChange:G3} relative (converged if at most {MaxWeightChange:0.###%} and {MaxObjectiveChange:G3})");
}

/// <summary>
/// Checks that an ML.NET L-BFGS logistic regression stopped at its optimum rather than at its iteration cap. ML.NET's
/// L-BFGS does not report how many iterations it ran, so the check refits the same data with 10 times the cap and 1/100
/// of the tolerance and compares the weights and the training objective of the two fits.
/// </summary>
/// <remarks>
/// <para>Objective, as ML.NET's L-BFGS minimises it: J(θ) = (Σ wᵢ ℓᵢ + (L2 / 2) ‖β‖²) / Σ wᵢ + (L1 / n) ‖β‖₁, with
/// ℓᵢ = ln(1 + exp(−yᵢ sᵢ)), yᵢ = ±1, sᵢ the raw score, β the weights without the bias, wᵢ the example weights
/// (1 without a weight column) and n the rows. ML.NET stops when the mean relative improvement of J over 5 iterations
/// falls below <c>OptimizationTolerance</c>, or at <c>MaximumNumberOfIterations</c>.</para>
/// <para>A flat optimum can let the weights drift while J does not move; both are checked, with separate limits.</para>
/// </remarks>
public static class LbfgsConvergence
{
    /// <summary>The relative change of weights and objective below which a fit counts as converged in the one-threshold overload.</summary>
    public const double DefaultThreshold = 1e-3;

    /// <summary>The same check with one limit for both changes, on a copy of <paramref name="options"/> (not modified).</summary>
    /// <param name="context">The ML.NET context (seeded).</param>
    /// <param name="trainingData">The training rows as the trainer sees them (already featurised).</param>
    /// <param name="options">The trainer options of the fit to check.</param>
    /// <param name="threshold">The largest relative change of the weights and of the objective called converged (positive).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not positive and finite.</exception>
    public static ConvergenceCheck Check(MLContext context, IDataView trainingData, LbfgsLogisticRegressionBinaryTrainer.Options options, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.CheckPositive(threshold, nameof(threshold), string.Create(CultureInfo.InvariantCulture, $"Use e.g. {DefaultThreshold}."));

        return Check(context, trainingData, () => Copy(options), threshold, threshold);
    }

    /// <summary>‖a − b‖₂ / ‖b‖₂; 0 when both are 0 and infinity when only <paramref name="b"/> is.</summary>
    /// <param name="a">The first vector.</param>
    /// <param name="b">The reference vector, same length.</param>
    /// <returns>The relative distance.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
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

    // The options class has no copy constructor; its settings are public fields.
    private static LbfgsLogisticRegressionBinaryTrainer.Options Copy(LbfgsLogisticRegressionBinaryTrainer.Options options)
    {
        var copy = new LbfgsLogisticRegressionBinaryTrainer.Options();
        foreach (var field in typeof(LbfgsLogisticRegressionBinaryTrainer.Options).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            field.SetValue(copy, field.GetValue(options));
        }

        return copy;
    }

    /// <summary>Fits the trainer twice, with <paramref name="options"/> and with a 10x cap and 1/100 tolerance, and compares.</summary>
    /// <param name="context">The ML.NET context (seeded).</param>
    /// <param name="trainingData">The training rows as the trainer sees them (already featurised, e.g. normalised).</param>
    /// <param name="options">Makes the trainer's options; called twice, since ML.NET's options are mutable. Set
    /// <c>NumberOfThreads = 1</c> for a reproducible fit.</param>
    /// <param name="maxWeightChange">The largest relative change of the weights called converged (default 1%).</param>
    /// <param name="maxObjectiveChange">The largest relative change of the objective called converged (default 1e-6).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative or not finite.</exception>
    public static ConvergenceCheck Check(
        MLContext context,
        IDataView trainingData,
        Func<LbfgsLogisticRegressionBinaryTrainer.Options> options,
        double maxWeightChange = 1e-2,
        double maxObjectiveChange = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(trainingData);
        ArgumentNullException.ThrowIfNull(options);
        RequireLimit(maxWeightChange, nameof(maxWeightChange));
        RequireLimit(maxObjectiveChange, nameof(maxObjectiveChange));

        var first = options();
        var (theta, objective) = Fit(context, trainingData, first);
        var tight = options();
        int cap = tight.MaximumNumberOfIterations;
        tight.MaximumNumberOfIterations = cap > int.MaxValue / 10 ? int.MaxValue : cap * 10;
        tight.OptimizationTolerance /= 100;
        var (refitTheta, refitObjective) = Fit(context, trainingData, tight);

        return new ConvergenceCheck(
            first.MaximumNumberOfIterations, first.OptimizationTolerance, tight.MaximumNumberOfIterations, tight.OptimizationTolerance,
            objective, refitObjective,
            RelativeDistance(theta, refitTheta),
            Math.Abs(objective - refitObjective) / Math.Max(Math.Abs(refitObjective), double.Epsilon),
            maxWeightChange, maxObjectiveChange);
    }

    /// <summary>Fits once; returns θ = (bias, weights) and J(θ) on the training rows.</summary>
    private static (double[] Theta, double Objective) Fit(MLContext context, IDataView data, LbfgsLogisticRegressionBinaryTrainer.Options options)
    {
        var model = context.BinaryClassification.Trainers.LbfgsLogisticRegression(options).Fit(data);
        var linear = ((CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>)model.Model).SubModel;
        double[] beta = [.. linear.Weights.Select(w => (double)w)];
        var scored = model.Transform(data).ReadBinaryPredictions(options.LabelColumnName, "Score", probabilityColumnName: null);
        float[]? weights = options.ExampleWeightColumnName is { } w ? [.. data.GetColumn<float>(w)] : null;
        double loss = 0, weightSum = 0;
        for (int i = 0; i < scored.Scores.Length; i++)
        {
            double weight = weights?[i] ?? 1;
            double margin = scored.Labels[i] ? scored.Scores[i] : -scored.Scores[i];
            loss += weight * (margin > 0 ? Math.Log(1 + Math.Exp(-margin)) : -margin + Math.Log(1 + Math.Exp(margin)));
            weightSum += weight;
        }

        double l2 = beta.Sum(b => b * b), l1 = beta.Sum(Math.Abs);
        double objective = ((loss + (options.L2Regularization / 2.0 * l2)) / weightSum) + (options.L1Regularization / (double)scored.Scores.Length * l1);
        return ([linear.Bias, .. beta], objective);
    }

    private static void RequireLimit(double value, string name)
    {
        Preconditions.CheckNonNegative(value, name, "A convergence limit: use e.g. 1e-2 for the weights and 1e-6 for the objective.");
    }
}
