using System.Globalization;
using MathNet.Numerics.Statistics;

namespace ClassicalML.Evaluation;

/// <summary>
/// Percentile bootstrap confidence intervals for any metric: rows are resampled with replacement,
/// the metric is recomputed on each resample, and the interval is the (1 - confidence) / 2 and
/// (1 + confidence) / 2 percentiles of the resampled values.
/// </summary>
/// <remarks>
/// <para>Randomness: resample r (0, 1, …) is drawn by its own generator, xoshiro256** seeded from <c>seed</c> and r by a
/// fixed rule, with unbiased bounded draws (<see cref="ResampleRandom"/>): the same inputs and seed give a bit-identical
/// interval on every machine, .NET version and number of cores, since no resample depends on another or on a thread.</para>
/// <para>Speed: ROC AUC and average precision (<c>Roc.Auc</c>, <c>PrecisionRecall.AveragePrecision</c> passed as the
/// metric) sort the scores once and evaluate each resample from how often it drew each row, on every core; log loss and
/// Brier score (<c>BinaryEvaluation.LogLoss</c>, <c>BinaryEvaluation.BrierScore</c>) compute each row's term once and sum
/// each resample's drawn terms in draw order, on every core. Either way the values are bit-identical to the metric of the
/// materialised resample. Other metrics are called on the calling thread, on the full
/// data first and then on resample 0, 1, … in order, with buffers reused between calls.</para>
/// <para>Percentiles: linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default,
/// MathNet <see cref="QuantileDefinition.R7"/>).</para>
/// <para>Undefined resamples: a resample on which the metric returns NaN is skipped and counted in
/// <see cref="BootstrapInterval.UndefinedResamples"/>; the percentiles use the defined values only. When no
/// resample is defined the bounds are NaN. The metric on the full data must be defined.</para>
/// <para>Stratified: rows of each stratum (for binary data: positives and negatives) are resampled
/// separately, so every resample keeps each stratum's size; with both classes present no resample is
/// undefined for lack of a class.</para>
/// </remarks>
public static partial class Bootstrap
{
    /// <summary>A percentile bootstrap interval for a binary metric such as ROC AUC.</summary>
    /// <param name="labels">True when the row is positive.</param>
    /// <param name="scores">The score of each row; finite numbers.</param>
    /// <param name="metric">The metric, e.g. <c>Roc.Auc</c>; NaN when undefined.</param>
    /// <param name="seed">The seed of the resamples' generators.</param>
    /// <param name="resamples">The number of resamples, at least 1.</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <param name="stratified">Resample positives and negatives separately, keeping their counts.</param>
    /// <returns>The interval around the metric on the full data, with resample counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, the data are empty, a score is not finite, or the metric is NaN on the full data.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> &lt; 1 or <paramref name="confidence"/> not in (0, 1).</exception>
    public static BootstrapInterval Percentile(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scores,
        BinaryMetric metric,
        int seed,
        int resamples = 1000,
        double confidence = 0.95,
        bool stratified = false)
    {
        ArgumentNullException.ThrowIfNull(metric);
        Preconditions.CheckBinaryInput(labels, scores);
        return Binary(labels, scores, default, default, new AnyBinaryMetric(metric, null), seed, resamples, confidence, stratified);
    }

    /// <summary>
    /// A percentile bootstrap interval for the paired difference metric(A) - metric(B) of two models scored on
    /// the same rows: both are evaluated on the same resample, so the interval accounts for their correlation.
    /// An interval that excludes 0 says the models differ at that confidence.
    /// </summary>
    /// <param name="labels">True when the row is positive.</param>
    /// <param name="scoresA">Model A's score of each row; finite numbers.</param>
    /// <param name="scoresB">Model B's score of each row; finite numbers.</param>
    /// <param name="metric">The metric, e.g. <c>Roc.Auc</c>; NaN when undefined.</param>
    /// <param name="seed">The seed of the resamples' generators.</param>
    /// <param name="resamples">The number of resamples, at least 1.</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <param name="stratified">Resample positives and negatives separately, keeping their counts.</param>
    /// <returns>The interval around metric(A) - metric(B) on the full data. A resample is undefined when either metric is NaN on it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, the data are empty, a score is not finite, or a metric is NaN on the full data.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> &lt; 1 or <paramref name="confidence"/> not in (0, 1).</exception>
    public static BootstrapInterval PairedDifference(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scoresA,
        ReadOnlySpan<double> scoresB,
        BinaryMetric metric,
        int seed,
        int resamples = 1000,
        double confidence = 0.95,
        bool stratified = false)
    {
        ArgumentNullException.ThrowIfNull(metric);
        Preconditions.CheckBinaryInput(labels, scoresA, nameof(scoresA));
        Preconditions.CheckBinaryInput(labels, scoresB, nameof(scoresB));
        return Binary(labels, scoresA, scoresB, default, new AnyBinaryMetric(metric, null), seed, resamples, confidence, stratified, paired: true);
    }

    /// <summary>
    /// A percentile bootstrap interval for any metric computed from row indices, e.g. a multiclass macro F1,
    /// or a paired difference <c>rows =&gt; f(modelA, rows) - f(modelB, rows)</c>.
    /// </summary>
    /// <param name="n">The number of rows; indices 0 to n - 1 are resampled.</param>
    /// <param name="metric">The metric on a multiset of row indices; NaN when undefined.</param>
    /// <param name="seed">The seed of the resamples' generators.</param>
    /// <param name="resamples">The number of resamples, at least 1.</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <returns>The interval around the metric on rows 0 to n - 1, with resample counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">The metric is NaN on the full data.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> &lt; 1, <paramref name="resamples"/> &lt; 1 or <paramref name="confidence"/> not in (0, 1).</exception>
    public static BootstrapInterval Percentile(
        int n,
        RowMetric metric,
        int seed,
        int resamples = 1000,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(metric);
        Preconditions.CheckAtLeast(n, 1, nameof(n), "Pass the number of rows in the data.");
        Preconditions.CheckResamples(resamples);
        Preconditions.CheckConfidence(confidence);
        return Run(n, default, metric, seed, resamples, confidence, "percentile bootstrap", FullDataUndefined);
    }

    /// <summary>
    /// A stratified percentile bootstrap interval for any metric computed from row indices: the rows of each
    /// stratum (e.g. each class) are resampled separately, so every resample keeps each stratum's size.
    /// </summary>
    /// <param name="strata">The stratum of each row (any integers, e.g. class indices); its length is the number of rows.</param>
    /// <param name="metric">The metric on a multiset of row indices; NaN when undefined.</param>
    /// <param name="seed">The seed of the resamples' generators.</param>
    /// <param name="resamples">The number of resamples, at least 1.</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <returns>The interval around the metric on all rows, with resample counts.</returns>
    /// <remarks>Each resample lists the rows of the smallest stratum value first, then the next, and so on.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="strata"/> is empty, or the metric is NaN on the full data.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> &lt; 1 or <paramref name="confidence"/> not in (0, 1).</exception>
    public static BootstrapInterval StratifiedPercentile(
        ReadOnlySpan<int> strata,
        RowMetric metric,
        int seed,
        int resamples = 1000,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(metric);
        RequireStrata(strata);

        Preconditions.CheckResamples(resamples);
        Preconditions.CheckConfidence(confidence);
        return Run(strata.Length, strata, metric, seed, resamples, confidence, "stratified percentile bootstrap", FullDataUndefined);
    }

    /// <summary>
    /// Several metrics on the same stratified resamples: one draw of the rows per resample serves every metric, so that
    /// many models or many comparisons (paired differences computed from row indices) cost one bootstrap, not one each.
    /// </summary>
    /// <param name="strata">The stratum of each row (any integers, e.g. class indices); its length is the number of rows.</param>
    /// <param name="metrics">The metrics on a multiset of row indices; NaN when undefined. On each resample they are
    /// called in list order with the same rows.</param>
    /// <param name="seed">The seed of the resamples' generators.</param>
    /// <param name="resamples">The number of resamples, at least 1.</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <returns>One interval per metric, in order; each is bit-identical to
    /// <see cref="StratifiedPercentile(ReadOnlySpan{int}, RowMetric, int, int, double)"/> of that metric with the same
    /// seed, since the resamples do not depend on the metric.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of its metrics is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="strata"/> or <paramref name="metrics"/> is empty, or a metric is NaN on the full data.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> &lt; 1 or <paramref name="confidence"/> not in (0, 1).</exception>
    public static IReadOnlyList<BootstrapInterval> StratifiedPercentile(
        ReadOnlySpan<int> strata,
        IReadOnlyList<RowMetric> metrics,
        int seed,
        int resamples = 1000,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        RequireStrata(strata);

        Preconditions.CheckNotEmpty(metrics.Count, nameof(metrics), "Pass at least one metric to bootstrap.");

        for (var i = 0; i < metrics.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(metrics[i], string.Create(CultureInfo.InvariantCulture, $"metrics[{i}]"));
        }

        Preconditions.CheckResamples(resamples);
        Preconditions.CheckConfidence(confidence);
        return RunMany(strata.Length, strata, [.. metrics], seed, resamples, confidence, "stratified percentile bootstrap", FullDataUndefined);
    }

    private static void RequireStrata(ReadOnlySpan<int> strata) =>
        Preconditions.CheckNotEmpty(strata.Length, nameof(strata), "Pass the stratum of every row.");

    private const string FullDataUndefined =
        "metric is NaN on the full data (undefined); an interval around an undefined value is meaningless. Check the data, or the metric's definition.";

    private static BootstrapInterval Run(
        int n,
        ReadOnlySpan<int> strata,
        RowMetric metric,
        int seed,
        int resamples,
        double confidence,
        string method,
        string fullDataUndefined) =>
        RunMany(n, strata, [metric], seed, resamples, confidence, method, fullDataUndefined)[0];

    private static BootstrapInterval[] RunMany(
        int n,
        ReadOnlySpan<int> strata,
        RowMetric[] metrics,
        int seed,
        int resamples,
        double confidence,
        string method,
        string fullDataUndefined)
    {
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        var estimates = new double[metrics.Length];
        for (var m = 0; m < metrics.Length; m++)
        {
            estimates[m] = metrics[m](rows);
            if (double.IsNaN(estimates[m]))
            {
                throw new ArgumentException(
                    metrics.Length == 1 ? fullDataUndefined : string.Create(CultureInfo.InvariantCulture, $"metrics[{m}]: {fullDataUndefined}"),
                    metrics.Length == 1 ? "metric" : "metrics");
            }
        }

        var groups = strata.IsEmpty ? null : Groups(strata);
        var values = new double[metrics.Length][];
        for (var m = 0; m < metrics.Length; m++)
        {
            values[m] = new double[resamples];
        }

        for (var r = 0; r < resamples; r++)
        {
            var random = ResampleRandom.ForResample(seed, r);
            Draw(rows, groups, ref random);
            for (var m = 0; m < metrics.Length; m++)
            {
                values[m][r] = metrics[m](rows);
            }
        }

        var result = new BootstrapInterval[metrics.Length];
        for (var m = 0; m < metrics.Length; m++)
        {
            result[m] = Summarize(estimates[m], values[m], seed, groups is not null, confidence, method);
        }

        return result;
    }

    /// <summary>The metric on the full data, refused when undefined.</summary>
    private static double FullData(double estimate, string undefined) =>
        double.IsNaN(estimate) ? throw new ArgumentException(undefined, "metric") : estimate;

    /// <summary>The interval from the value of each resample (NaN where undefined, left out and counted).</summary>
    private static BootstrapInterval Summarize(double estimate, double[] values, int seed, bool stratified, double confidence, string method)
    {
        double[] defined = [.. values.Where(v => !double.IsNaN(v))];
        var (lower, upper) = Percentiles(defined, confidence);
        int undefined = values.Length - defined.Length;
        return new BootstrapInterval(
            new Interval(estimate, lower, upper, confidence, method) { UndefinedShare = (double)undefined / values.Length },
            values.Length,
            undefined,
            seed,
            stratified);
    }

    /// <summary>One resample into <paramref name="rows"/>: n draws with replacement, or each stratum's own size from it.</summary>
    private static void Draw(int[] rows, List<int[]>? groups, ref ResampleRandom random)
    {
        if (groups is null)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = random.Next(rows.Length);
            }

            return;
        }

        var position = 0;
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Length; i++)
            {
                rows[position++] = group[random.Next(group.Length)];
            }
        }
    }

    /// <summary>The (1 − confidence) / 2 and (1 + confidence) / 2 percentiles (R7) of the defined values; NaN when there are none.</summary>
    private static (double Lower, double Upper) Percentiles(double[] defined, double confidence)
    {
        if (defined.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        Array.Sort(defined);
        var alpha = 1.0 - confidence;
        return (SortedArrayStatistics.QuantileCustom(defined, alpha / 2.0, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(defined, 1.0 - (alpha / 2.0), QuantileDefinition.R7));
    }

    /// <summary>Row indices of each stratum, strata in ascending order (a fixed order keeps draws reproducible).</summary>
    private static List<int[]> Groups(ReadOnlySpan<int> strata)
    {
        var byStratum = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < strata.Length; i++)
        {
            if (!byStratum.TryGetValue(strata[i], out var list))
            {
                list = [];
                byStratum.Add(strata[i], list);
            }

            list.Add(i);
        }

        return byStratum.Values.Select(l => l.ToArray()).ToList();
    }

    private static int[] Strata(ReadOnlySpan<bool> labels)
    {
        var strata = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            strata[i] = labels[i] ? 1 : 0;
        }

        return strata;
    }

    /// <summary>Copies the labels and scores (and weights, when given) of a resample's rows into reused buffers.</summary>
    private sealed class Gatherer
    {
        private readonly bool[] _labels;
        private readonly double[] _scores;
        private readonly double[] _weights;
        private readonly bool[] _labelBuffer;
        private readonly double[] _scoreBuffer;
        private readonly double[] _weightBuffer;

        public Gatherer(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights = default)
        {
            _labels = labels.ToArray();
            _scores = scores.ToArray();
            _weights = weights.ToArray();
            _labelBuffer = new bool[labels.Length];
            _scoreBuffer = new double[scores.Length];
            _weightBuffer = new double[weights.Length];
        }

        public ReadOnlySpan<bool> Labels(ReadOnlySpan<int> rows) => Gather(_labels, _labelBuffer, rows);

        public ReadOnlySpan<double> Scores(ReadOnlySpan<int> rows) => Gather(_scores, _scoreBuffer, rows);

        /// <summary>The rows' weights (only when the gatherer was made with weights).</summary>
        public ReadOnlySpan<double> Weights(ReadOnlySpan<int> rows) => Gather(_weights, _weightBuffer, rows);

        private static ReadOnlySpan<T> Gather<T>(T[] source, T[] buffer, ReadOnlySpan<int> rows)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                buffer[i] = source[rows[i]];
            }

            return buffer.AsSpan(0, rows.Length);
        }
    }
}
