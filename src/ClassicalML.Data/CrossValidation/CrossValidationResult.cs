using System.Collections.Immutable;
using ClassicalML.Evaluation;
using MathNet.Numerics.Statistics;

namespace ClassicalML.Data.Training;

/// <summary>One fold of a cross-validation run: what the trainer saw, the scored test rows and their report.</summary>
/// <remarks>
/// Equality compares <see cref="Index"/>, <see cref="TrainingRowCount"/>, <see cref="TrainingPositives"/> and
/// <see cref="Predictions"/> (the report follows from the predictions). <see cref="TrainingTime"/> is wall-clock time,
/// differs from run to run and machine to machine, and is deliberately left out of equality.
/// </remarks>
public sealed class CrossValidationFold : IEquatable<CrossValidationFold>
{
    internal CrossValidationFold(int index, int trainingRowCount, int trainingPositives, FoldPredictions predictions, BinaryReport report, TimeSpan trainingTime, ScoreCalibrator? calibrator = null)
    {
        Calibrator = calibrator;
        Index = index;
        TrainingRowCount = trainingRowCount;
        TrainingPositives = trainingPositives;
        Predictions = predictions;
        Report = report;
        TrainingTime = trainingTime;
    }

    /// <summary>Zero-based fold number.</summary>
    public int Index { get; }

    /// <summary>Rows the trainer was fitted on: the fold's training rows, or the resampled set when a sampler was used.</summary>
    public int TrainingRowCount { get; }

    /// <summary>Positive rows among the rows the trainer was fitted on.</summary>
    public int TrainingPositives { get; }

    /// <summary>The fold's test rows, scored by the model fitted on its training rows.</summary>
    public FoldPredictions Predictions { get; }

    /// <summary>
    /// With <see cref="CrossValidationOptions.Calibration"/>: the calibrator fitted on inner out-of-fold raw scores of
    /// this fold's training rows and applied to its test rows; <see langword="null"/> without calibration.
    /// </summary>
    public ScoreCalibrator? Calibrator { get; }

    /// <summary>The evaluation of <see cref="Predictions"/> at the run's threshold.</summary>
    public BinaryReport Report { get; }

    /// <summary>Wall-clock time of <c>estimator.Fit</c> on this fold (Stopwatch); not reproducible, not part of equality.</summary>
    public TimeSpan TrainingTime { get; }

    /// <inheritdoc/>
    public bool Equals(CrossValidationFold? other) =>
        other is not null
        && Index == other.Index
        && TrainingRowCount == other.TrainingRowCount
        && TrainingPositives == other.TrainingPositives
        && Predictions.Equals(other.Predictions);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CrossValidationFold);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, TrainingRowCount, Predictions);
}

/// <summary>
/// The result of a cross-validation run: per-fold predictions and reports, the pooled out-of-fold predictions and
/// their report, and summaries of any metric across folds.
/// </summary>
/// <remarks>
/// Two ways to aggregate, which generally differ: <see cref="Summary"/> averages a per-fold metric (what ML.NET's
/// <c>CrossValidate</c> and scikit-learn's <c>cross_val_score</c> report), while <see cref="Pooled"/> evaluates the
/// out-of-fold predictions of all rows together (scikit-learn's <c>cross_val_predict</c> followed by a metric). Pooled
/// ranking metrics mix scores of different models and assume they are on one scale. Equality compares the folds
/// (see <see cref="CrossValidationFold"/>; training times are excluded).
/// </remarks>
public sealed class CrossValidationResult : IEquatable<CrossValidationResult>
{
    internal CrossValidationResult(ImmutableArray<CrossValidationFold> folds, FoldPredictions outOfFold, BinaryReport pooled, double threshold, ImmutableArray<string> warnings)
    {
        Folds = folds;
        OutOfFold = outOfFold;
        Pooled = pooled;
        Threshold = threshold;
        Warnings = warnings;
    }

    /// <summary>The folds, in fold order.</summary>
    public ImmutableArray<CrossValidationFold> Folds { get; }

    /// <summary>Every row's out-of-fold prediction exactly once, in original row order (<see cref="FoldPredictions.RowIndices"/> = 0..n−1).</summary>
    public FoldPredictions OutOfFold { get; }

    /// <summary>The evaluation of <see cref="OutOfFold"/> at <see cref="Threshold"/>.</summary>
    public BinaryReport Pooled { get; }

    /// <summary>The decision threshold used for every report.</summary>
    public double Threshold { get; }

    /// <summary>Warnings of the split (for example a class with fewer rows than folds).</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>Summarises one metric across folds, e.g. <c>result.Summary(r =&gt; r.F1)</c>.</summary>
    /// <param name="metric">Selects the metric from a fold's report; for a nullable metric use e.g. <c>r =&gt; r.LogLoss ?? double.NaN</c>.</param>
    /// <returns>The fold values with their mean, sample standard deviation, minimum and maximum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public MetricSummary Summary(Func<BinaryReport, double> metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var values = Folds.Select(f => metric(f.Report)).ToImmutableArray();
        var hasNaN = values.Any(double.IsNaN);
        return new MetricSummary(
            values,
            values.Mean(),
            values.StandardDeviation(),
            hasNaN ? double.NaN : values.Min(),
            hasNaN ? double.NaN : values.Max());
    }

    /// <inheritdoc/>
    public bool Equals(CrossValidationResult? other) =>
        other is not null && Threshold.Equals(other.Threshold) && Folds.SequenceEqual(other.Folds);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CrossValidationResult);

    /// <inheritdoc/>
    public override int GetHashCode() => OutOfFold.GetHashCode();
}
