namespace ClassicalML.Evaluation;

/// <summary>
/// Receiver operating characteristic: the exact area under the curve and the curve itself, with
/// scikit-learn's semantics (<c>roc_auc_score</c>, <c>roc_curve</c>). Labels: <see langword="true"/> is positive.
/// Scores may be probabilities or any real-valued decision function; higher means "more positive".
/// </summary>
public static class Roc
{
    /// <summary>
    /// The exact area under the ROC curve: the probability that a random positive scores higher
    /// than a random negative, ties counting one half.
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <returns>The AUC in [0, 1], or <see cref="double.NaN"/> when only one class is present
    /// (scikit-learn raises in that case).</returns>
    /// <remarks>
    /// AUC = U / (P·N) with the Mann–Whitney statistic
    /// U = Σ over positives i, negatives j of [s_i &gt; s_j] + ½·[s_i = s_j] (midranks for ties).
    /// Computed in O(n) time and at most 16 bytes per score from one radix sort of each class's scores: for each group g of tied scores with p_g
    /// positives and q_g negatives, 2U += 2·p_g·(negatives below g) + p_g·q_g, in exact integer
    /// arithmetic, then divided once. Equals the trapezoidal area under <see cref="Curve"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    public static double Auc(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        return RankingSums.From(ScoreOrder.SortByClass(labels, scores)).Auc;
    }

    /// <summary>
    /// The ROC curve as scikit-learn's <c>roc_curve</c> computes it: one point per distinct score,
    /// thresholds strictly decreasing, preceded by the threshold +infinity at (0, 0).
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="dropIntermediate">When <see langword="true"/> (the default, as in scikit-learn), drop
    /// thresholds whose point is collinear with its neighbours (the second difference of both FP
    /// and TP counts is 0); such points never change the plotted curve or its area. Applied only
    /// when there are more than two distinct scores.</param>
    /// <returns>The curve. FPR is NaN everywhere when no label is negative, TPR when none is positive
    /// (scikit-learn does the same, with a warning).</returns>
    /// <remarks>
    /// For each kept threshold t: FPR(t) = #{negatives with score ≥ t} / N, TPR(t) = #{positives with score ≥ t} / P.
    /// Difference from scikit-learn 1.2.1: its first threshold is max(score) + 1; ClassicalML uses +infinity,
    /// as scikit-learn does from 1.3 on.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    public static RocCurve Curve(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, bool dropIntermediate = true)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        ThresholdCounts counts = ThresholdCounts.From(labels, scores);
        int m = counts.Count;
        long[] tps = counts.TruePositives;
        long[] fps = counts.FalsePositives;

        // Indices of the points to keep (sklearn: np.r_[True, diff(fps, 2) | diff(tps, 2), True]).
        var keep = new int[m];
        int kept = 0;
        for (int k = 0; k < m; k++)
        {
            bool corner = !dropIntermediate || m <= 2 || k == 0 || k == m - 1
                || fps[k + 1] - (2 * fps[k]) + fps[k - 1] != 0
                || tps[k + 1] - (2 * tps[k]) + tps[k - 1] != 0;
            if (corner)
            {
                keep[kept++] = k;
            }
        }

        var fpr = new double[kept + 1];
        var tpr = new double[kept + 1];
        var thresholds = new double[kept + 1];
        double n = counts.Negatives;
        double p = counts.Positives;
        fpr[0] = n > 0 ? 0.0 : double.NaN;
        tpr[0] = p > 0 ? 0.0 : double.NaN;
        thresholds[0] = double.PositiveInfinity;
        for (int j = 0; j < kept; j++)
        {
            int k = keep[j];
            fpr[j + 1] = n > 0 ? fps[k] / n : double.NaN;
            tpr[j + 1] = p > 0 ? tps[k] / p : double.NaN;
            thresholds[j + 1] = counts.Thresholds[k];
        }

        return new RocCurve(Array.AsReadOnly(fpr), Array.AsReadOnly(tpr), Array.AsReadOnly(thresholds));
    }
}
