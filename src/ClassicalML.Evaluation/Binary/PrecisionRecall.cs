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
        return ScoreOrder.Rank(labels, scores).AveragePrecision;
    }

    /// <summary>
    /// Weighted average precision, as scikit-learn's <c>average_precision_score(y, s, sample_weight=w)</c>: the step-wise
    /// area under the weighted precision–recall curve, ties as one threshold.
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <returns>AP in [0, 1], or <see cref="double.NaN"/> when the positives or the negatives weigh 0 in total
    /// (scikit-learn gives 0 or 1 there, as in the unweighted case).</returns>
    /// <remarks>
    /// AP = Σ_n (R_n − R_{n−1})·P_n over the distinct scores of rows with weight &gt; 0, from the highest down, with
    /// P_n = TP_w / (TP_w + FP_w) and R_n = TP_w / W⁺ in sums of weights. Weights of 1 give the unweighted AP.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static double AveragePrecision(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        return RankingSums.From(ScoreOrder.SortByClass(labels, scores, weights)).AveragePrecision;
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
        return Curve(ThresholdCounts.From(labels, scores));
    }

    /// <summary>
    /// The weighted precision–recall curve, as scikit-learn's <c>precision_recall_curve(y, s, sample_weight=w)</c>: one
    /// point per distinct score of the rows with weight &gt; 0, in the order and with the conventions of
    /// <see cref="Curve(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>.
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <returns>The curve.</returns>
    /// <remarks>Precision(t) = TP_w(t) / (TP_w(t) + FP_w(t)), Recall(t) = TP_w(t) / W⁺ (1 when W⁺ = 0), in sums of weights.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static PrecisionRecallCurve Curve(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        return Curve(ThresholdCounts.From(labels, scores, weights));
    }

    private static PrecisionRecallCurve Curve(ThresholdCounts counts)
    {
        int m = counts.Count;
        var precision = new double[m + 1];
        var recall = new double[m + 1];
        var thresholds = new double[m];
        double p = counts.PositiveWeight;
        for (int k = 0; k < m; k++)
        {
            int j = m - 1 - k; // reversed: thresholds increasing, recall decreasing
            double tp = counts.TruePositiveWeight(k);
            precision[j] = tp / (tp + counts.FalsePositiveWeight(k));
            recall[j] = p > 0 ? tp / p : 1.0;
            thresholds[j] = counts.Thresholds[k];
        }

        precision[m] = 1.0;
        recall[m] = 0.0;
        return new PrecisionRecallCurve(Array.AsReadOnly(precision), Array.AsReadOnly(recall), Array.AsReadOnly(thresholds));
    }
}
