namespace ClassicalML.Evaluation;

/// <summary>Bootstrap intervals for weighted binary metrics: rows are resampled as in the unweighted methods and carry their weights.
/// The weighted <c>Roc.Auc</c> and <c>PrecisionRecall.AveragePrecision</c> passed as the metric take the fast path of the
/// unweighted ones (one sort, each resample from its multiplicities, every core; the same bits).</summary>
public static partial class Bootstrap
{
    /// <summary>
    /// A percentile bootstrap interval for a weighted binary metric such as weighted ROC AUC: rows are resampled with
    /// replacement exactly as <see cref="Percentile(ReadOnlySpan{bool}, ReadOnlySpan{double}, BinaryMetric, int, int, double, bool)"/>
    /// resamples them (same seed, same rows), and each drawn row carries its weight.
    /// </summary>
    /// <param name="labels">True when the row is positive.</param>
    /// <param name="scores">The score of each row; finite numbers.</param>
    /// <param name="weights">The weight of each row, finite and at least 0, not all 0 (scikit-learn's <c>sample_weight</c>).</param>
    /// <param name="metric">The weighted metric, e.g. <c>Roc.Auc</c> (its weighted overload); NaN when undefined.</param>
    /// <param name="seed">The seed of the resamples' generators.</param>
    /// <param name="resamples">The number of resamples, at least 1.</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <param name="stratified">Resample positives and negatives separately, keeping their row counts.</param>
    /// <returns>The interval around the metric on the full data, with resample counts.</returns>
    /// <remarks>A resample whose drawn rows all weigh 0 is undefined (counted in
    /// <see cref="BootstrapInterval.UndefinedResamples"/>; the metric is not called), as is one on which the metric is NaN.
    /// With weights of 1 and a metric whose weighted form equals its unweighted one at weights of 1 (every ClassicalML
    /// metric), the interval is bit-identical to the unweighted method's.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, the data are empty, a score is not finite, every weight is 0, or the metric is NaN on the full data.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, <paramref name="resamples"/> &lt; 1 or <paramref name="confidence"/> not in (0, 1).</exception>
    public static BootstrapInterval Percentile(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scores,
        ReadOnlySpan<double> weights,
        WeightedBinaryMetric metric,
        int seed,
        int resamples = 1000,
        double confidence = 0.95,
        bool stratified = false)
    {
        ArgumentNullException.ThrowIfNull(metric);
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        return Binary(labels, scores, default, weights, new AnyBinaryMetric(null, metric), seed, resamples, confidence, stratified);
    }

    /// <summary>
    /// A percentile bootstrap interval for the paired difference metric(A) − metric(B) of two models scored on the same
    /// weighted rows, resampled as <see cref="PairedDifference(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, BinaryMetric, int, int, double, bool)"/>
    /// resamples them, each drawn row carrying its weight.
    /// </summary>
    /// <param name="labels">True when the row is positive.</param>
    /// <param name="scoresA">Model A's score of each row; finite numbers.</param>
    /// <param name="scoresB">Model B's score of each row; finite numbers.</param>
    /// <param name="weights">The weight of each row, finite and at least 0, not all 0.</param>
    /// <param name="metric">The weighted metric; NaN when undefined.</param>
    /// <param name="seed">The seed of the resamples' generators.</param>
    /// <param name="resamples">The number of resamples, at least 1.</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <param name="stratified">Resample positives and negatives separately, keeping their row counts.</param>
    /// <returns>The interval around metric(A) − metric(B) on the full data. A resample is undefined when its rows all weigh 0 or either metric is NaN on it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, the data are empty, a score is not finite, every weight is 0, or a metric is NaN on the full data.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, <paramref name="resamples"/> &lt; 1 or <paramref name="confidence"/> not in (0, 1).</exception>
    public static BootstrapInterval PairedDifference(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scoresA,
        ReadOnlySpan<double> scoresB,
        ReadOnlySpan<double> weights,
        WeightedBinaryMetric metric,
        int seed,
        int resamples = 1000,
        double confidence = 0.95,
        bool stratified = false)
    {
        ArgumentNullException.ThrowIfNull(metric);
        Preconditions.CheckBinaryInput(labels, scoresA, nameof(scoresA));
        Preconditions.CheckBinaryInput(labels, scoresB, nameof(scoresB));
        Preconditions.CheckWeights(labels, weights);
        return Binary(labels, scoresA, scoresB, weights, new AnyBinaryMetric(null, metric), seed, resamples, confidence, stratified, paired: true);
    }

    /// <summary>False when every drawn row weighs 0: a weighted metric is undefined there (and would refuse the weights).</summary>
    private static bool AnyPositive(ReadOnlySpan<double> weights)
    {
        foreach (double w in weights)
        {
            if (w > 0)
            {
                return true;
            }
        }

        return false;
    }
}
