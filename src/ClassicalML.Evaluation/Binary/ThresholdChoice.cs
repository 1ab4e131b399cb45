namespace ClassicalML.Evaluation;

/// <summary>
/// A decision threshold (an operating point) chosen by <see cref="ThresholdSelection"/>, the criterion's value there,
/// the confusion counts and the rates a classifier using it (score ≥ <see cref="Threshold"/> is positive) obtains on
/// the same data.
/// </summary>
/// <param name="Threshold">The chosen threshold: one of the observed scores.</param>
/// <param name="Value">The criterion at <see cref="Threshold"/>: F1, F-beta, Youden's J, balanced accuracy, the
/// expected cost, or, for a constrained choice, the quantity maximised (recall or TPR).</param>
/// <param name="Precision">TP / (TP + FP) at the threshold; always defined, since at least one row scores ≥ it.</param>
/// <param name="Recall">TP / P at the threshold, the true positive rate; NaN when P = 0.</param>
/// <param name="FalsePositiveRate">FP / N at the threshold; NaN when N = 0.</param>
/// <remarks>With row weights the counts are sums of weights (rows of weight 0 take no part), as scikit-learn's
/// <c>confusion_matrix(..., sample_weight=w)</c>; without, they are numbers of rows.</remarks>
public sealed record ThresholdChoice(double Threshold, double Value, double Precision, double Recall, double FalsePositiveRate)
{
    /// <summary>The true positive rate, the same number as <see cref="Recall"/>.</summary>
    public double TruePositiveRate => Recall;

    /// <summary>TP: positives scoring at least <see cref="Threshold"/> (a sum of weights when weighted); NaN when not set.</summary>
    public double TruePositives { get; init; } = double.NaN;

    /// <summary>FP: negatives scoring at least <see cref="Threshold"/> (a sum of weights when weighted); NaN when not set.</summary>
    public double FalsePositives { get; init; } = double.NaN;

    /// <summary>TN: negatives scoring below <see cref="Threshold"/> (a sum of weights when weighted); NaN when not set.</summary>
    public double TrueNegatives { get; init; } = double.NaN;

    /// <summary>FN: positives scoring below <see cref="Threshold"/> (a sum of weights when weighted); NaN when not set.</summary>
    public double FalseNegatives { get; init; } = double.NaN;

    /// <summary>F1 = 2·TP / (2·TP + FP + FN) at the threshold (defined: TP + FP ≥ 1 row).</summary>
    public double F1 => 2 * TruePositives / ((2 * TruePositives) + FalsePositives + FalseNegatives);

    /// <summary>Specificity = TN / (TN + FP) = 1 − FPR; NaN when N = 0.</summary>
    public double Specificity => TrueNegatives + FalsePositives > 0 ? TrueNegatives / (TrueNegatives + FalsePositives) : double.NaN;

    /// <summary>Balanced accuracy = (recall + specificity) / 2; NaN when a class is missing.</summary>
    public double BalancedAccuracy => (Recall + Specificity) / 2;

    /// <summary>Accuracy = (TP + TN) / (TP + FP + TN + FN).</summary>
    public double Accuracy => (TruePositives + TrueNegatives) / (TruePositives + FalsePositives + TrueNegatives + FalseNegatives);
}
