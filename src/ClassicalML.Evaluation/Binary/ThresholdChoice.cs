namespace ClassicalML.Evaluation;

/// <summary>
/// A decision threshold chosen by <see cref="ThresholdSelection"/>, the criterion's value there, and
/// the rates a classifier using it (score ≥ <see cref="Threshold"/> is positive) obtains on the same data.
/// </summary>
/// <param name="Threshold">The chosen threshold: one of the observed scores.</param>
/// <param name="Value">The maximised criterion at <see cref="Threshold"/> (F1, or Youden's J).</param>
/// <param name="Precision">TP / (TP + FP) at the threshold; always defined, since at least one row scores ≥ it.</param>
/// <param name="Recall">TP / P at the threshold, the true positive rate; NaN when P = 0.</param>
/// <param name="FalsePositiveRate">FP / N at the threshold; NaN when N = 0.</param>
public sealed record ThresholdChoice(double Threshold, double Value, double Precision, double Recall, double FalsePositiveRate)
{
    /// <summary>The true positive rate, the same number as <see cref="Recall"/>.</summary>
    public double TruePositiveRate => Recall;
}
