namespace ClassicalML.Evaluation;

/// <summary>
/// The one body behind the binary bootstrap methods (one model or a paired difference, unweighted or weighted): the
/// fast paths of the metrics it recognises, otherwise every resample gathered and passed to the metric.
/// </summary>
public static partial class Bootstrap
{
    /// <summary>The binary metric a caller passed: exactly one of the unweighted and the weighted form.</summary>
    private readonly record struct AnyBinaryMetric(BinaryMetric? Plain, WeightedBinaryMetric? Weighted)
    {
        /// <summary>The metric of the rows (the weights are ignored by the unweighted form).</summary>
        public double Of(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights) =>
            Plain is not null ? Plain(labels, scores) : Weighted!(labels, scores, weights);

        /// <summary>True for <c>Roc.Auc</c> or <c>PrecisionRecall.AveragePrecision</c> passed as a method group.</summary>
        public bool IsRanking(out bool averagePrecision) =>
            Plain is not null ? IsRankingMetric(Plain, out averagePrecision) : IsRankingMetric(Weighted!, out averagePrecision);
    }

    /// <summary>
    /// The interval of metric(A), or with <paramref name="paired"/> of metric(A) − metric(B), resampled as the row-index
    /// methods resample (same seed, same rows); weighted when <paramref name="weights"/> is not empty. Inputs are validated
    /// by the caller except the resample count and the confidence.
    /// </summary>
    private static BootstrapInterval Binary(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scoresA,
        ReadOnlySpan<double> scoresB,
        ReadOnlySpan<double> weights,
        AnyBinaryMetric metric,
        int seed,
        int resamples,
        double confidence,
        bool stratified,
        bool paired = false)
    {
        Preconditions.CheckResamples(resamples);
        Preconditions.CheckConfidence(confidence);

        bool weighted = metric.Weighted is not null;
        string method = (stratified ? "stratified " : "") + (weighted ? "weighted " : "") + (paired ? "paired " : "") + "percentile bootstrap";
        string undefined =
            $"metric is NaN on the full data{(paired ? " for scoresA or scoresB" : "")} (undefined, e.g. only one class present{(weighted ? " or of weight 0" : "")}); " +
            $"an interval around an undefined {(paired ? "difference" : "value")} is meaningless. Check that labels contain both classes{(weighted ? " with weights above 0" : "")}.";
        if (metric.IsRanking(out bool averagePrecision))
        {
            double estimate = FullData(paired ? metric.Of(labels, scoresA, weights) - metric.Of(labels, scoresB, weights) : metric.Of(labels, scoresA, weights), undefined);
            RankedRows a = weighted ? RankedRows.Of(labels, scoresA, weights) : RankedRows.Of(labels, scoresA);
            RankedRows? b = !paired ? null : weighted ? RankedRows.Of(labels, scoresB, weights) : RankedRows.Of(labels, scoresB);
            return RankingInterval(estimate, labels, a, b, averagePrecision, stratified, seed, resamples, confidence, method);
        }

        if (metric.Plain is not null && IsMeanMetric(metric.Plain, out bool brier))
        {
            double estimate = FullData(paired ? metric.Plain(labels, scoresA) - metric.Plain(labels, scoresB) : metric.Plain(labels, scoresA), undefined);
            double[] terms = MeanTerms(labels, scoresA, brier);
            double[]? termsB = paired ? MeanTerms(labels, scoresB, brier) : null;
            return Summarize(estimate, MeanResamples(labels, terms, termsB, stratified, seed, resamples, Environment.ProcessorCount), seed, stratified, confidence, method);
        }

        var gatherA = new Gatherer(labels, scoresA, weights);
        Gatherer? gatherB = paired ? new Gatherer(labels, scoresB) : null;
        return Run(
            labels.Length,
            stratified ? Strata(labels) : default,
            rows =>
            {
                // A weighted metric is undefined on rows that all weigh 0 (and would refuse the weights): not called.
                ReadOnlySpan<double> w = weighted ? gatherA.Weights(rows) : default;
                if (weighted && !AnyPositive(w))
                {
                    return double.NaN;
                }

                double value = metric.Of(gatherA.Labels(rows), gatherA.Scores(rows), w);
                return gatherB is null ? value : value - metric.Of(gatherB.Labels(rows), gatherB.Scores(rows), w);
            },
            seed,
            resamples,
            confidence,
            method,
            undefined);
    }

    /// <summary>
    /// The value of each resample, by index, from <paramref name="value"/>(workspace, r): on the calling thread below
    /// <see cref="ParallelDraws"/> draws or with one thread, else on up to <paramref name="maxThreads"/> threads, each with
    /// its own workspace. Each resample has its own stream and slot, so the values do not depend on the threads.
    /// </summary>
    private static double[] EachResample<TWorkspace>(int resamples, long draws, int maxThreads, Func<TWorkspace> workspace, Func<TWorkspace, int, double> value)
    {
        var values = new double[resamples];
        if (maxThreads == 1 || draws < ParallelDraws)
        {
            TWorkspace own = workspace();
            for (int r = 0; r < resamples; r++)
            {
                values[r] = value(own, r);
            }

            return values;
        }

        Parallel.For(
            0,
            resamples,
            new ParallelOptions { MaxDegreeOfParallelism = maxThreads },
            workspace,
            (r, _, own) =>
            {
                values[r] = value(own, r);
                return own;
            },
            _ => { });
        return values;
    }

    /// <summary>The rows of each stratum as <see cref="Draw"/> draws them: both classes' rows (ascending class) or all rows as one.</summary>
    private static List<int[]> DrawStrata(ReadOnlySpan<bool> labels, bool stratified) =>
        stratified ? Groups(Strata(labels)) : [[.. Enumerable.Range(0, labels.Length)]];
}
