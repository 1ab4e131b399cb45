namespace ClassicalML.Evaluation;

/// <summary>
/// A fitted monotone map from a model's score to a calibrated probability of the positive class: Platt's sigmoid
/// (<see cref="PlattScaling"/>) or isotonic regression (<see cref="IsotonicCalibration"/>), fitted on
/// (labels, scores[, weights]) of rows the model was not trained on (validation or out-of-fold rows).
/// </summary>
/// <remarks>
/// A calibrator measured on the rows it was fitted on looks better than it is (isotonic regression most of all):
/// fit it on one set of out-of-fold rows and measure it on others, as <c>ClassicalML.Data.Training.CrossValidation</c>
/// does with <c>CrossValidationOptions.Calibration</c>. The map is non-decreasing, so it keeps the ranking (ROC AUC
/// cannot fall; isotonic ties can lower it by merging scores); a threshold on one scale has an equivalent on the other
/// (<see cref="ThresholdSelection.OnOtherScale"/>).
/// </remarks>
public abstract class ScoreCalibrator
{
    private protected ScoreCalibrator()
    {
    }

    /// <summary>Which calibrator this is.</summary>
    public abstract CalibrationMethod Method { get; }

    /// <summary>The calibrated probability of one score (NaN for NaN).</summary>
    /// <param name="score">A score on the scale the calibrator was fitted on.</param>
    /// <returns>A probability in [0, 1].</returns>
    public abstract double Calibrate(double score);

    /// <summary>The calibrated probability of each score.</summary>
    /// <param name="scores">Scores on the scale the calibrator was fitted on.</param>
    /// <returns>One probability per score, in order.</returns>
    public double[] Calibrate(ReadOnlySpan<double> scores)
    {
        var result = new double[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            result[i] = Calibrate(scores[i]);
        }

        return result;
    }

    /// <summary>Fits the calibrator <paramref name="method"/> on unweighted rows.</summary>
    /// <param name="method">Platt or isotonic.</param>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label, from rows the model was not trained on.</param>
    /// <returns>The fitted calibrator.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a member.</exception>
    public static ScoreCalibrator Fit(CalibrationMethod method, ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckDefined(method, nameof(method));
        return method == CalibrationMethod.Platt ? PlattScaling.Fit(labels, scores) : IsotonicCalibration.Fit(labels, scores);
    }

    /// <summary>Fits the calibrator <paramref name="method"/> on weighted rows (scikit-learn's <c>sample_weight</c>).</summary>
    /// <param name="method">Platt or isotonic.</param>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label.</param>
    /// <param name="weights">One finite weight of at least 0 per row, not all 0; a row of weight 0 takes no part.</param>
    /// <returns>The fitted calibrator.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is not finite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a member, or a weight is negative or not finite.</exception>
    public static ScoreCalibrator Fit(CalibrationMethod method, ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        Preconditions.CheckDefined(method, nameof(method));
        return method == CalibrationMethod.Platt ? PlattScaling.Fit(labels, scores, weights) : IsotonicCalibration.Fit(labels, scores, weights);
    }
}
