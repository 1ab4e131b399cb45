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
    /// Computed in O(n) time: for each group g of tied scores with p_g
    /// positives and q_g negatives, 2U += 2·p_g·(negatives below g) + p_g·q_g, in exact integer
    /// arithmetic, then divided once. The groups come from a hash table of the distinct scores when there are at most
    /// 32,768 of them (and at most n/4), else from a radix sort of each class's scores (from 131,072 rows one MSD
    /// pass and per-bucket sorts shared by two threads) in buffers of at most 16 bytes per score rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>
    /// (kept by the pool for the next call); the result is the same bits either way and on any number of cores. Equals the trapezoidal area under <see cref="Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, bool)"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    public static double Auc(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        return ScoreOrder.Rank(labels, scores).Auc;
    }

    /// <summary>
    /// The exact weighted area under the ROC curve, as scikit-learn's <c>roc_auc_score(y, s, sample_weight=w)</c>:
    /// the weighted probability that a positive scores higher than a negative, ties counting one half.
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <returns>The AUC in [0, 1], or <see cref="double.NaN"/> when the positives or the negatives weigh 0 in total.</returns>
    /// <remarks>
    /// AUC = U_w / (W⁺·W⁻) with U_w = Σ over positives i, negatives j of w_i·w_j·([s_i &gt; s_j] + ½·[s_i = s_j]) and
    /// W⁺, W⁻ the classes' total weights; per group g of tied scores 2U_w += 2·w⁺_g·(W⁻ below g) + w⁺_g·w⁻_g, summed in
    /// doubles. Equals the trapezoidal area under <see cref="Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, bool)"/>;
    /// integer weights give the AUC of each row repeated that many times, and weights of 1 the unweighted AUC.
    /// O(n log n): keys are sorted with their weights.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static double Auc(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        return RankingSums.From(ScoreOrder.SortByClass(labels, scores, weights)).Auc;
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
        return Curve(ThresholdCounts.From(labels, scores), dropIntermediate);
    }

    /// <summary>
    /// The weighted ROC curve as scikit-learn's <c>roc_curve(y, s, sample_weight=w)</c> computes it: rates are shares of
    /// the classes' total weights, rows of weight 0 are left out (their scores are no thresholds), and thresholds and
    /// <paramref name="dropIntermediate"/> work as in <see cref="Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, bool)"/>.
    /// </summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One weight per label, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <param name="dropIntermediate">Drop thresholds whose point is collinear with its neighbours (second differences of the
    /// weighted FP and TP sums exactly 0, as scikit-learn tests them); default true.</param>
    /// <returns>The curve; FPR is NaN everywhere when the negatives weigh 0 in total, TPR when the positives do.</returns>
    /// <remarks>FPR(t) = Σ w over negatives with score ≥ t / W⁻, TPR(t) = Σ w over positives with score ≥ t / W⁺.</remarks>
    /// <exception cref="ArgumentException">The inputs are empty or differ in length, a score is NaN or infinite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static RocCurve Curve(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, bool dropIntermediate = true)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        return Curve(ThresholdCounts.From(labels, scores, weights), dropIntermediate);
    }

    private static RocCurve Curve(ThresholdCounts counts, bool dropIntermediate)
    {
        int m = counts.Count;

        // Indices of the points to keep (sklearn: np.r_[True, diff(fps, 2) | diff(tps, 2), True]); the differences are
        // taken as numpy takes them, exact for counts.
        var keep = new int[m];
        int kept = 0;
        for (int k = 0; k < m; k++)
        {
            bool corner = !dropIntermediate || m <= 2 || k == 0 || k == m - 1
                || SecondDifference(counts.FalsePositiveWeight(k - 1), counts.FalsePositiveWeight(k), counts.FalsePositiveWeight(k + 1)) != 0
                || SecondDifference(counts.TruePositiveWeight(k - 1), counts.TruePositiveWeight(k), counts.TruePositiveWeight(k + 1)) != 0;
            if (corner)
            {
                keep[kept++] = k;
            }
        }

        var fpr = new double[kept + 1];
        var tpr = new double[kept + 1];
        var thresholds = new double[kept + 1];
        double n = counts.NegativeWeight;
        double p = counts.PositiveWeight;
        fpr[0] = n > 0 ? 0.0 : double.NaN;
        tpr[0] = p > 0 ? 0.0 : double.NaN;
        thresholds[0] = double.PositiveInfinity;
        for (int j = 0; j < kept; j++)
        {
            int k = keep[j];
            fpr[j + 1] = n > 0 ? counts.FalsePositiveWeight(k) / n : double.NaN;
            tpr[j + 1] = p > 0 ? counts.TruePositiveWeight(k) / p : double.NaN;
            thresholds[j + 1] = counts.Thresholds[k];
        }

        return new RocCurve(Array.AsReadOnly(fpr), Array.AsReadOnly(tpr), Array.AsReadOnly(thresholds));
    }

    private static double SecondDifference(double before, double at, double after) => (after - at) - (at - before);
}
