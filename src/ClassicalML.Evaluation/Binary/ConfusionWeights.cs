namespace ClassicalML.Evaluation;

/// <summary>
/// The four cells of a weighted confusion matrix: each is the sum of the weights of its rows (scikit-learn's
/// <c>confusion_matrix(..., sample_weight=w)</c>). Rows are actual classes, columns predicted, as in
/// <see cref="BinaryReport"/>. Integer weights give the counts of each row repeated that many times.
/// </summary>
/// <param name="TruePositives">Σ w over positives predicted positive.</param>
/// <param name="FalsePositives">Σ w over negatives predicted positive.</param>
/// <param name="TrueNegatives">Σ w over negatives predicted negative.</param>
/// <param name="FalseNegatives">Σ w over positives predicted negative.</param>
public sealed record ConfusionWeights(double TruePositives, double FalsePositives, double TrueNegatives, double FalseNegatives)
{
    /// <summary>The positives' total weight (the weighted support of the positive class), TP + FN.</summary>
    public double Positives => TruePositives + FalseNegatives;

    /// <summary>The negatives' total weight (the weighted support of the negative class), TN + FP.</summary>
    public double Negatives => TrueNegatives + FalsePositives;

    /// <summary>The total weight of every row, TP + FP + TN + FN.</summary>
    public double Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;
}
