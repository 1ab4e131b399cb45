namespace ClassicalML.Evaluation;

/// <summary>
/// Precision–recall curve and average precision with scikit-learn's semantics
/// (<c>precision_recall_curve</c>, <c>average_precision_score</c>). Labels: <see langword="true"/> is positive.
/// </summary>
public static class PrecisionRecall
{
    /// <summary>
    /// Average precision: the step-wise area under the precision–recall curve (not the trapezoid,
    /// which is optimistic).
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <returns>AP in [0, 1], or <see cref="double.NaN"/> when only one class is present.</returns>
    /// <remarks>
    /// AP = Σ_n (R_n − R_{n−1}) · P_n over distinct thresholds from the highest score down,
    /// with R_{−1} = 0, where P_n and R_n are the precision and recall at the n-th threshold.
    /// Difference from scikit-learn 1.2.1: with one class it returns 0 (no positives, with a warning)
    /// or 1 (no negatives); ClassicalML returns NaN for both, consistently with <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    public static double AveragePrecision(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        return RankingSums.From(ScoreOrder.SortByClass(labels, scores)).AveragePrecision;
    }

    /// <summary>
    /// The precision–recall curve: precision and recall at every distinct score used as threshold
    /// (score ≥ threshold is positive), thresholds increasing, then the point (recall 0, precision 1).
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <returns>The curve, in scikit-learn's order and with its conventions (see <see cref="PrecisionRecallCurve"/>).</returns>
    /// <remarks>
    /// Precision(t) = TP(t) / (TP(t) + FP(t)) is always defined because every threshold is an observed score.
    /// Recall(t) = TP(t) / P; when P = 0 it is set to 1, as scikit-learn does.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    public static PrecisionRecallCurve Curve(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        ThresholdCounts counts = ThresholdCounts.From(labels, scores);
        int m = counts.Count;
        var precision = new double[m + 1];
        var recall = new double[m + 1];
        var thresholds = new double[m];
        double p = counts.Positives;
        for (int k = 0; k < m; k++)
        {
            int j = m - 1 - k; // reversed: thresholds increasing, recall decreasing
            long tp = counts.TruePositives[k];
            precision[j] = tp / (double)(tp + counts.FalsePositives[k]);
            recall[j] = p > 0 ? tp / p : 1.0;
            thresholds[j] = counts.Thresholds[k];
        }

        precision[m] = 1.0;
        recall[m] = 0.0;
        return new PrecisionRecallCurve(Array.AsReadOnly(precision), Array.AsReadOnly(recall), Array.AsReadOnly(thresholds));
    }
}
