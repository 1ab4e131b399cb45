using System.Globalization;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ClassicalML.Models.Convergence;

/// <summary>
/// The outcome of a convergence check: how much a linear model's weights and training log loss change when it is
/// refitted with a much tighter stopping rule (e.g. 10 times the iteration cap and 1/100 of the tolerance).
/// </summary>
/// <param name="WeightChange">‖w − w′‖ / ‖w′‖ over weights and bias, w′ from the tighter fit (NaN when ‖w′‖ = 0).</param>
/// <param name="LossChange">|L − L′| / L′ of the mean training log loss (natural log), L′ from the tighter fit.</param>
/// <param name="Threshold">Both changes at or below this count as converged.</param>
public sealed record ConvergenceResult(double WeightChange, double LossChange, double Threshold)
{
    /// <summary>Whether both relative changes are defined and at most <see cref="Threshold"/>.</summary>
    public bool Converged => WeightChange <= Threshold && LossChange <= Threshold;
}

/// <summary>
/// Checks that an iterative linear trainer (L-BFGS, SDCA) ran to convergence: ML.NET does not report how many
/// iterations a fit used, so the fit is repeated with a much tighter stopping rule and the two models are compared.
/// A fit that stopped at its cap, or at a loose tolerance, moves when given more room; a converged fit does not.
/// </summary>
public static class LinearConvergence
{
    /// <summary>Fits both estimators on the same training data and compares weights and training log loss.</summary>
    /// <param name="fit">The estimator as used (a pipeline ending in a linear binary trainer with probabilities).</param>
    /// <param name="tighter">The same estimator with a larger iteration cap and a smaller tolerance.</param>
    /// <param name="train">The training data (<c>Label</c> Boolean, <c>Features</c> vector).</param>
    /// <param name="threshold">The largest relative change that still counts as converged, e.g. 0.01.</param>
    /// <returns>The relative changes and the verdict.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not a finite number above 0.</exception>
    /// <exception cref="ArgumentException">A fitted model does not end in a linear binary model.</exception>
    public static ConvergenceResult Check(IEstimator<ITransformer> fit, IEstimator<ITransformer> tighter, IDataView train, double threshold)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(tighter);
        ArgumentNullException.ThrowIfNull(train);
        Preconditions.CheckPositive(threshold, nameof(threshold), "Pass e.g. 0.01 (the largest relative change that counts as converged).");

        var (w, loss) = WeightsAndLoss(fit.Fit(train), train);
        var (wTight, lossTight) = WeightsAndLoss(tighter.Fit(train), train);
        return new ConvergenceResult(RelativeChange(w, wTight), Math.Abs(loss - lossTight) / lossTight, threshold);
    }

    /// <summary>‖a − b‖ / ‖b‖ (Euclidean); NaN when the lengths differ or ‖b‖ = 0.</summary>
    /// <param name="a">The first vector.</param>
    /// <param name="b">The reference vector.</param>
    /// <returns>The relative change.</returns>
    public static double RelativeChange(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            return double.NaN;
        }

        double difference = 0, reference = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = (double)a[i] - b[i];
            difference += d * d;
            reference += (double)b[i] * b[i];
        }

        return reference == 0 ? double.NaN : Math.Sqrt(difference / reference);
    }

    /// <summary>The weights followed by the bias of the linear model at the end of a fitted pipeline.</summary>
    /// <param name="model">A fitted model whose last transformer predicts with a (calibrated) linear binary model.</param>
    /// <returns>The weights and, last, the bias.</returns>
    /// <exception cref="ArgumentException">The model does not end in a linear binary model.</exception>
    public static float[] Weights(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var last = model is IEnumerable<ITransformer> chain ? chain.LastOrDefault() : model;
        object? parameters = (last as ISingleFeaturePredictionTransformer<object>)?.Model;
        LinearBinaryModelParameters? linear = parameters switch
        {
            LinearBinaryModelParameters l => l,
            CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> c => c.SubModel,
            _ => null,
        };
        if (linear is null)
        {
            throw new ArgumentException(
                $"model ends in {last?.GetType().Name ?? "nothing"}, not a linear binary model; pass a fit of a linear trainer such as LbfgsLogisticRegression or SdcaLogisticRegression.",
                nameof(model));
        }

        return [.. linear.Weights, linear.Bias];
    }

    private static (float[] Weights, double Loss) WeightsAndLoss(ITransformer model, IDataView train)
    {
        var predictions = model.Transform(train).ReadBinaryPredictions();
        double loss = BinaryEvaluation.Evaluate(predictions.Labels, predictions.Scores).LogLoss
            ?? throw new ArgumentException("the model's scores are not probabilities, so the training log loss is undefined; end the pipeline in a trainer with a Probability column.", nameof(model));
        return (Weights(model), loss);
    }
}
