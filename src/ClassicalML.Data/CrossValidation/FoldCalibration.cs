using System.Collections.Immutable;
using System.Globalization;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using Microsoft.ML;

namespace ClassicalML.Data.Training;

/// <summary>
/// The calibrator of one outer fold (<see cref="CrossValidationOptions.Calibration"/>), fitted on out-of-fold raw scores
/// of that fold's training rows only: an inner stratified k-fold over the training rows (not shuffled, as scikit-learn's
/// <c>CalibratedClassifierCV(cv=k, ensemble=False)</c>), each inner model fitted on the inner training rows as the outer
/// loop fits its model (same sampler, same weighting) and scoring the inner test rows.
/// </summary>
/// <remarks>
/// Why an inner cross-validation rather than a held-out part of the training rows: the outer model is still fitted on
/// every training row (a held-out split would shrink it or calibrate a different model), and every training row
/// contributes one out-of-fold score to the calibrator. The cost is k more fits per outer fold. The test rows take no
/// part: their labels and features never reach the calibrator, so calibration is measured on rows it never saw.
/// Why ClassicalML.Evaluation's calibrators rather than ML.NET's <c>Calibrators.Platt</c> / <c>Isotonic</c> estimators:
/// the scores to fit come from k inner models, so they are arrays, not one model's scored view; and ML.NET's isotonic
/// (PAV) calibrator is a step function, while <see cref="IsotonicCalibration"/> is scikit-learn's interpolated fit,
/// checked against it to 1e-12, as <see cref="PlattScaling"/> is against <c>_SigmoidCalibration</c>.
/// </remarks>
internal static class FoldCalibration
{
    /// <summary>Fits the outer fold's calibrator on inner out-of-fold raw scores of its training rows.</summary>
    internal static ScoreCalibrator Fit(
        IDataView data, bool[] labels, double[][]? features, Fold fold, IEstimator<ITransformer> estimator, CrossValidationOptions options, CalibrationMethod method)
    {
        var train = fold.TrainIndices;
        bool[] trainLabels = [.. train.Select(i => labels[i])];
        var inner = new StratifiedKFold(options.CalibrationFolds).Split<bool>(trainLabels);
        var rawScores = new double[train.Length];
        foreach (var innerFold in inner.Folds)
        {
            var mapped = new Fold(
                innerFold.Index,
                [.. innerFold.TrainIndices.Select(i => train[i])],
                [.. innerFold.TestIndices.Select(i => train[i])]);
            var (view, _) = CrossValidation.TrainingView(data, labels, features, mapped, options);
            var model = estimator.Fit(view);
            var scores = RawScores(model.Transform(data.Select(mapped.TestIndices.AsSpan())), options, mapped.TestIndices.Length, fold.Index);
            for (int k = 0; k < scores.Length; k++)
            {
                rawScores[innerFold.TestIndices[k]] = scores[k];
            }
        }

        return ScoreCalibrator.Fit(method, trainLabels, rawScores);
    }

    /// <summary>The raw score column of scored rows (never the model's own probability).</summary>
    internal static double[] RawScores(IDataView scored, CrossValidationOptions options, int expectedRows, int foldIndex)
    {
        var read = scored.ReadBinaryPredictions(options.LabelColumnName, options.ScoreColumnName, probabilityColumnName: null);
        return read.Scores.Length == expectedRows
            ? read.Scores
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The model returned {read.Scores.Length} scored rows for fold {foldIndex}, which has {expectedRows} rows to score; the estimator must not filter rows."));
    }
}
