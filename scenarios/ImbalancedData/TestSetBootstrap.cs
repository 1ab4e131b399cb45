using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>A method's decision scores on one evaluation set and the threshold it classifies with.</summary>
/// <param name="Id">Short id, also the label in bar charts, e.g. <c>LR-SMOTE</c>.</param>
/// <param name="Name">Long name for tables and legends.</param>
/// <param name="Scores">Predicted probability of the positive class, one per evaluation row.</param>
/// <param name="Threshold">A row is predicted positive when its score is at least this.</param>
internal sealed record ScoredMethod(string Id, string Name, double[] Scores, double Threshold);

/// <summary>A bootstrap estimate asked for now and computed with every other pending one in a single bootstrap pass.</summary>
internal sealed class Deferred
{
    private readonly TestSetBootstrap _owner;

    internal Deferred(TestSetBootstrap owner, Interval? result = null)
    {
        _owner = owner;
        Result = result;
    }

    internal Interval? Result { get; set; }

    /// <summary>The estimate; the first read runs the bootstrap of every statistic asked for so far.</summary>
    public Interval Value
    {
        get
        {
            if (Result is null)
            {
                _owner.Run();
            }

            return Result!;
        }
    }
}

/// <summary>
/// Stratified percentile bootstrap intervals (ClassicalML.Evaluation.Bootstrap) for statistics of several methods
/// scored on the same rows: metrics, paired differences, ranges. Statistics are collected and bootstrapped together on
/// the same resamples (one draw of the rows per resample serves all).
/// </summary>
/// <remarks>
/// A method's <see cref="BinaryReport"/> on a resample is computed once (by its <see cref="BinaryResampleEvaluator"/>, scores
/// ranked once per method: bit for bit <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
/// of the materialised resample, undefined metrics as NaN) and reused by every statistic, keyed by the resample's index: every pass uses the same
/// seed, strata and number of resamples, so resample r holds the same rows in every pass, and two resamples can never
/// share a key; a dozen models and a hundred comparisons cost one evaluation per model and resample. Differences are paired exactly as
/// <see cref="Bootstrap.PairedDifference(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, BinaryMetric, int, int, double, bool)"/> pairs them (same seed, same class strata, same resamples). Resamples on which
/// a statistic is undefined are left out of its percentiles and counted (<see cref="Interval.UndefinedShare"/>). The point
/// estimate can fall outside its percentile interval (possible for skewed statistics); it is reported as measured.
/// </remarks>
internal sealed class TestSetBootstrap
{
    private readonly bool[] _labels;
    private readonly int[] _strata;
    private readonly int _seed;
    private readonly int _resamples;
    private readonly Dictionary<ScoredMethod, BinaryReport?[]> _cache = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ScoredMethod, BinaryReport> _full = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ScoredMethod, BinaryResampleEvaluator> _evaluators = new(ReferenceEqualityComparer.Instance);
    private int _draw;
    private readonly List<(IReadOnlyList<ScoredMethod> Methods, Func<IReadOnlyList<BinaryReport>, double> Statistic, Deferred Result)> _pending = [];

    public TestSetBootstrap(bool[] labels, int seed, int resamples)
    {
        _labels = labels;
        _strata = [.. labels.Select(l => l ? 1 : 0)];
        _seed = seed;
        _resamples = resamples;
    }

    /// <summary>The number of test rows (the replicates behind every interval).</summary>
    public int Rows => _labels.Length;

    /// <summary>The method's report on every row.</summary>
    public BinaryReport Full(ScoredMethod method)
    {
        if (!_full.TryGetValue(method, out var report))
        {
            report = BinaryEvaluation.Evaluate(_labels, method.Scores, method.Threshold, zeroDivision: ZeroDivision.NaN);
            _full.Add(method, report);
        }

        return report;
    }

    /// <summary>A metric with its 95% interval and the share of resamples on which it is undefined.</summary>
    public Deferred Interval(ScoredMethod method, Func<BinaryReport, double> metric) => Statistic([method], r => metric(r[0]));

    /// <summary>metric(a) − metric(b) on the same resamples, with its 95% paired interval.</summary>
    public Deferred Difference(ScoredMethod a, ScoredMethod b, Func<BinaryReport, double> metric) => Statistic([a, b], r => metric(r[0]) - metric(r[1]));

    /// <summary>
    /// Any statistic of several methods' reports on the same resamples. Undefined on the full test set means undefined in
    /// every resample (share 1): a stratified resample keeps the class counts and draws only test rows, so a predicted
    /// class that is empty on the test set stays empty, and such a statistic is not bootstrapped.
    /// </summary>
    public Deferred Statistic(IReadOnlyList<ScoredMethod> methods, Func<IReadOnlyList<BinaryReport>, double> statistic)
    {
        if (double.IsNaN(statistic([.. methods.Select(Full)])))
        {
            return new Deferred(this, new Interval(double.NaN, double.NaN, double.NaN, 0.95, "stratified percentile bootstrap") { UndefinedShare = 1 });
        }

        var result = new Deferred(this);
        _pending.Add((methods, statistic, result));
        return result;
    }

    /// <summary>Bootstraps every pending statistic in one pass over the same resamples.</summary>
    public void Run()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var pending = _pending.ToList();
        _pending.Clear();
        // Bootstrap calls the metrics in list order on each draw (the full data first, then every resample), so the
        // first metric's calls count the draws: draw 0 is the full data, draw r + 1 resample r.
        _draw = -1;
        RowMetric[] metrics = [.. pending.Select((p, m) => (RowMetric)(rows =>
        {
            if (m == 0)
            {
                _draw++;
            }

            var reports = new BinaryReport[p.Methods.Count];
            for (int i = 0; i < reports.Length; i++)
            {
                reports[i] = Report(p.Methods[i], rows);
            }

            return p.Statistic(reports);
        }))];
        var intervals = Bootstrap.StratifiedPercentile(_strata, metrics, _seed, _resamples);
        for (int i = 0; i < pending.Count; i++)
        {
            pending[i].Result.Result = intervals[i].Interval;
        }
    }

    private BinaryReport Report(ScoredMethod method, ReadOnlySpan<int> rows)
    {
        if (!_cache.TryGetValue(method, out var reports))
        {
            reports = new BinaryReport?[_resamples + 1];
            _cache.Add(method, reports);
        }

        if (reports[_draw] is not { } report)
        {
            if (!_evaluators.TryGetValue(method, out var evaluator))
            {
                evaluator = new BinaryResampleEvaluator(_labels, method.Scores, method.Threshold, zeroDivision: ZeroDivision.NaN);
                _evaluators.Add(method, evaluator);
            }

            report = evaluator.Evaluate(rows);
            reports[_draw] = report;
        }

        return report;
    }
}
