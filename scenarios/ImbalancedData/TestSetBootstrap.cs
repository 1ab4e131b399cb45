using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>A method's decision scores on one evaluation set and the threshold it classifies with.</summary>
/// <param name="Id">Short id, also the label in bar charts, e.g. <c>LR+SMOTE</c>.</param>
/// <param name="Name">Long name for tables and legends.</param>
/// <param name="Scores">Predicted probability of the positive class, one per evaluation row.</param>
/// <param name="Threshold">A row is predicted positive when its score is at least this.</param>
internal sealed record ScoredMethod(string Id, string Name, double[] Scores, double Threshold);

/// <summary>
/// Stratified percentile bootstrap intervals (ClassicalML.Evaluation.Bootstrap) for the metrics of several
/// methods scored on the same rows, and paired differences between methods.
/// </summary>
/// <remarks>
/// Every interval uses the same seed and the same class strata, so every call draws the same resamples: a
/// method's <see cref="BinaryReport"/> on a resample is computed once (<see cref="BinaryEvaluation.Evaluate"/>,
/// undefined metrics as NaN) and reused for every metric and pair, keyed by a 64-bit FNV-1a hash of the
/// resample's row indices. Resamples on which a metric is undefined are skipped by the bootstrap. The point
/// estimate can fall outside its percentile interval (possible for skewed metrics); it is reported as measured.
/// </remarks>
internal sealed class TestSetBootstrap
{
    private readonly bool[] _labels;
    private readonly int[] _strata;
    private readonly int _seed;
    private readonly int _resamples;
    private readonly Dictionary<ScoredMethod, Dictionary<ulong, BinaryReport>> _cache = new(ReferenceEqualityComparer.Instance);

    public TestSetBootstrap(bool[] labels, int seed, int resamples)
    {
        _labels = labels;
        _strata = [.. labels.Select(l => l ? 1 : 0)];
        _seed = seed;
        _resamples = resamples;
    }

    public IReadOnlyList<bool> Labels => _labels;

    /// <summary>The method's report on every row.</summary>
    public BinaryReport Full(ScoredMethod method) =>
        BinaryEvaluation.Evaluate(_labels, method.Scores, method.Threshold, zeroDivision: ZeroDivision.NaN);

    /// <summary>A metric with its 95% stratified percentile bootstrap interval; all NaN when undefined on the full data.</summary>
    public Estimate Interval(ScoredMethod method, Func<BinaryReport, double> metric)
    {
        if (double.IsNaN(metric(Full(method))))
        {
            return new Estimate(double.NaN, double.NaN, double.NaN);
        }

        return ToEstimate(Bootstrap.StratifiedPercentile(_strata, rows => metric(Report(method, rows)), _seed, _resamples));
    }

    /// <summary>metric(a) − metric(b) on the same resamples, with its 95% paired stratified bootstrap interval.</summary>
    public Estimate Difference(ScoredMethod a, ScoredMethod b, Func<BinaryReport, double> metric)
    {
        if (double.IsNaN(metric(Full(a)) - metric(Full(b))))
        {
            return new Estimate(double.NaN, double.NaN, double.NaN);
        }

        return ToEstimate(Bootstrap.StratifiedPercentile(_strata, rows => metric(Report(a, rows)) - metric(Report(b, rows)), _seed, _resamples));
    }

    /// <summary>Any statistic of several methods' reports on the same resamples, with its interval.</summary>
    public Estimate Statistic(IReadOnlyList<ScoredMethod> methods, Func<IReadOnlyList<BinaryReport>, double> statistic) =>
        ToEstimate(Bootstrap.StratifiedPercentile(
            _strata,
            rows =>
            {
                var reports = new BinaryReport[methods.Count];
                for (int i = 0; i < reports.Length; i++)
                {
                    reports[i] = Report(methods[i], rows);
                }

                return statistic(reports);
            },
            _seed,
            _resamples));

    internal static Estimate ToEstimate(BootstrapInterval interval)
    {
        double value = interval.Estimate;
        return new Estimate(value, interval.Lower, interval.Upper);
    }

    internal static ulong Hash(ReadOnlySpan<int> rows)
    {
        ulong hash = 14695981039346656037UL;
        foreach (int row in rows)
        {
            hash = (hash ^ (uint)row) * 1099511628211UL;
        }

        return hash;
    }

    private BinaryReport Report(ScoredMethod method, ReadOnlySpan<int> rows)
    {
        if (!_cache.TryGetValue(method, out var reports))
        {
            reports = [];
            _cache.Add(method, reports);
        }

        ulong key = Hash(rows);
        if (!reports.TryGetValue(key, out var report))
        {
            var labels = new bool[rows.Length];
            var scores = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                labels[i] = _labels[rows[i]];
                scores[i] = method.Scores[rows[i]];
            }

            report = BinaryEvaluation.Evaluate(labels, scores, method.Threshold, zeroDivision: ZeroDivision.NaN);
            reports.Add(key, report);
        }

        return report;
    }
}
