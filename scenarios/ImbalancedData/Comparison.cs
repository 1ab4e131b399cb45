using System.Diagnostics;
using ClassicalML.Data;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>One method's metrics on the test rows, each with its stratified 95% bootstrap interval.</summary>
internal sealed record MetricRow(ScoredMethod Method, IReadOnlyList<Interval> Values);

/// <summary>A remedy against its plain model on the same test rows: paired bootstrap differences remedy − plain.</summary>
/// <param name="Remedy">The remedy's method id, e.g. <c>LR-ROS</c>.</param>
/// <param name="Plain">The plain model's id (<c>LR</c> or <c>FT</c>).</param>
/// <param name="Recall">Δ recall, both at 0.5.</param>
/// <param name="Precision">Δ precision, both at 0.5.</param>
/// <param name="TradeOff">min(Δ recall, −Δ precision), both at 0.5.</param>
/// <param name="RocAuc">Δ ROC AUC (threshold-free).</param>
/// <param name="AveragePrecision">Δ average precision (threshold-free).</param>
/// <param name="F1VsPlain">Δ F1 against the plain model at 0.5 (a weak baseline; shown, not judged).</param>
/// <param name="F1VsTuned">Δ F1 against the plain model at its tuned threshold (the fair baseline).</param>
/// <param name="PlainPrecisionUndefined">Why the plain model's precision is not a baseline for the trade-off, or null.</param>
internal sealed record RemedyComparison(
    string Remedy, string Plain, Interval Recall, Interval Precision, Interval TradeOff, Interval RocAuc, Interval AveragePrecision,
    Interval F1VsPlain, Interval F1VsTuned, string? PlainPrecisionUndefined);

/// <summary>The spread of ROC AUC, recall and F1 over one learner's plain model and its rebalanced variants (at 0.5).</summary>
internal sealed record SpreadNumbers(string Learner, double RocAucRange, double ApRange, double RecallRange, double F1Range, Interval Ratio);

/// <summary>Everything measured on one data set's test rows.</summary>
internal sealed record DatasetMeasurements(
    DatasetRun Run,
    BaselineNumbers Baseline,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<RemedyComparison> Remedies,
    (string Witness, Interval Gap) Accuracy,
    IReadOnlyList<SpreadNumbers> Spreads,
    Interval PrSpread,
    Interval PrVsRocFtMinusLr,
    double Seconds)
{
    public string Name => Run.Data.Name;

    public int TestRows => Run.Data.Test.Length;
}

/// <summary>The leak check of one data set and over-sampler: reported and true recall of both protocols.</summary>
internal sealed record LeakMeasurement(
    string Dataset, string Sampler, int TestRows, double LeakyTwinShare, double ProperTwinShare,
    Interval LeakyReported, Interval LeakyTest, Interval ProperReported, Interval ProperTest, Interval LeakyInflation, Interval ProperInflation);

/// <summary>The comparison step: bootstrap intervals on the untouched test rows, and the cases every claim reads.</summary>
internal static class Comparison
{
    public static readonly IReadOnlyList<(string Label, Func<BinaryReport, double> Get)> Metrics =
    [
        ("accuracy", r => r.Accuracy),
        ("precision", r => r.Precision),
        ("recall", r => r.Recall),
        ("F1", r => r.F1),
        ("MCC", r => r.Mcc),
        ("ROC AUC", r => r.RocAuc),
        ("AP", r => r.AveragePrecision),
    ];

    /// <summary>Measures one data set: metrics, remedy comparisons, the accuracy witness, spreads, all on the same resamples.</summary>
    public static DatasetMeasurements Measure(DatasetRun run, ImbalancedDataSettings settings, IProgressReporter progress)
    {
        var watch = Stopwatch.StartNew();
        var data = run.Data;
        bool[] testLabels = data.LabelsOf(data.Test);
        var boot = new TestSetBootstrap(testLabels, Seeds.Derive(settings.Seed, $"test bootstrap {data.Name}"), settings.Resamples);
        progress.Report($"{data.Name}: bootstrap", 0, 1);

        // Ask for every statistic first; the first value read bootstraps them all together.
        var metrics = run.Methods.Select(m => (Method: m, Values: Metrics.Select(x => boot.Interval(m, x.Get)).ToList())).ToList();
        ScoredMethod majority = run.Method("majority");
        var remedies = Experiment.LearnerIds.SelectMany(learner => Experiment.Remedies.Select(r => Compare(boot, run.Method($"{learner}-{r.Suffix}"), run.Method(learner), run.Method($"{learner}-tuned")))).ToList();

        // The accuracy witness: of the models F1 rates at least half as good as the best, the one accuracy rates lowest.
        var fitted = run.Methods.Where(m => m.Id != "majority").ToList();
        double bestF1 = fitted.Max(m => boot.Full(m).F1);
        var witness = fitted.Where(m => boot.Full(m).F1 >= bestF1 / 2).MinBy(m => boot.Full(m).Accuracy)!;
        var accuracyGap = boot.Difference(majority, witness, r => r.Accuracy);
        var spreads = Experiment.LearnerIds.Select(l => Spread(boot, run, l)).ToList();

        // Tuned models share their plain model's scores: leave them out of the ranking spreads.
        var ranked = fitted.Where(m => !m.Id.EndsWith("-tuned", StringComparison.Ordinal)).ToList();
        double prevalence = testLabels.Count(l => l) / (double)testLabels.Length;
        var prSpread = boot.Statistic(ranked, r => (Range(r, x => x.AveragePrecision) / (1 - prevalence)) / (Range(r, x => x.RocAuc) / 0.5));
        var prVsRoc = boot.Statistic([run.Method("FT"), run.Method("LR")], r => (r[0].AveragePrecision - r[1].AveragePrecision) - (r[0].RocAuc - r[1].RocAuc));
        boot.Run();

        var full = boot.Full(majority);
        var majorityValues = metrics.Single(m => m.Method == majority).Values;
        var baseline = new BaselineNumbers(data.Name, prevalence, testLabels.Length, full.TruePositives + full.FalsePositives, majorityValues[1].Value, majorityValues[0].Value);
        progress.Report($"{data.Name}: bootstrap", 1, 1);
        return new DatasetMeasurements(run, baseline, [.. metrics.Select(m => new MetricRow(m.Method, [.. m.Values.Select(v => v.Value)]))],
            [.. remedies.Select(r => r())], (witness.Id, accuracyGap.Value), [.. spreads.Select(s => s())], prSpread.Value, prVsRoc.Value, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Asks for a remedy's comparisons with its plain model (both at 0.5) and with the tuned plain model; returns the record once bootstrapped.</summary>
    private static Func<RemedyComparison> Compare(TestSetBootstrap boot, ScoredMethod remedy, ScoredMethod plain, ScoredMethod tuned)
    {
        var plainPrecision = boot.Interval(plain, r => r.Precision);
        var recall = boot.Difference(remedy, plain, r => r.Recall);
        var precision = boot.Difference(remedy, plain, r => r.Precision);
        var tradeOff = boot.Statistic([remedy, plain], r => Math.Min(r[0].Recall - r[1].Recall, r[1].Precision - r[0].Precision));
        var auc = boot.Difference(remedy, plain, r => r.RocAuc);
        var ap = boot.Difference(remedy, plain, r => r.AveragePrecision);
        var f1Plain = boot.Difference(remedy, plain, r => r.F1);
        var f1Tuned = boot.Difference(remedy, tuned, r => r.F1);
        return () =>
        {
            var p = plainPrecision.Value;
            int predicted = boot.Full(plain).TruePositives + boot.Full(plain).FalsePositives;
            string? undefined = p.IsUndefined || p.UndefinedShare > 0
                ? $"{plain.Id} at 0.5 predicts {predicted} of {boot.Rows} test rows positive; its precision is undefined in {Numbers.Percent(p.UndefinedShare)} of resamples"
                : null;
            return new RemedyComparison(remedy.Id, plain.Id, recall.Value, precision.Value, tradeOff.Value, auc.Value, ap.Value, f1Plain.Value, f1Tuned.Value, undefined);
        };
    }

    private static Func<SpreadNumbers> Spread(TestSetBootstrap boot, DatasetRun run, string learner)
    {
        var variants = new[] { run.Method(learner) }.Concat(Experiment.Remedies.Select(r => run.Method($"{learner}-{r.Suffix}"))).ToList();
        var full = variants.Select(boot.Full).ToList();
        var ratio = boot.Statistic(variants, r => Math.Min(Range(r, x => x.Recall), Range(r, x => x.F1)) / Range(r, x => x.RocAuc));
        return () => new SpreadNumbers(learner, Range(full, x => x.RocAuc), Range(full, x => x.AveragePrecision), Range(full, x => x.Recall), Range(full, x => x.F1), ratio.Value);
    }

    private static double Range(IReadOnlyList<BinaryReport> reports, Func<BinaryReport, double> get) => reports.Max(get) - reports.Min(get);

    /// <summary>The leak check's recalls: each protocol's reported recall (its own validation rows), its test recall, and the gaps.</summary>
    public static IReadOnlyList<LeakMeasurement> MeasureLeaks(PreparedData data, IReadOnlyList<LeakRun> runs, ImbalancedDataSettings settings)
    {
        bool[] testLabels = data.LabelsOf(data.Test);
        var result = new List<LeakMeasurement>();
        foreach (string sampler in runs.Select(l => l.Sampler).Distinct())
        {
            LeakRun proper = runs.Single(l => l.Sampler == sampler && !l.Leaky), leaky = runs.Single(l => l.Sampler == sampler && l.Leaky);
            Interval Reported(LeakRun l) => new TestSetBootstrap(l.ReportedLabels, Seeds.Derive(settings.Seed, $"leak recall bootstrap {data.Name}"), settings.Resamples).Interval(l.Reported, r => r.Recall).Value;
            Interval Test(LeakRun l) => new TestSetBootstrap(testLabels, Seeds.Derive(settings.Seed, $"leak recall bootstrap {data.Name}"), settings.Resamples).Interval(l.Test, r => r.Recall).Value;
            result.Add(new LeakMeasurement(data.Name, sampler, testLabels.Length, leaky.TwinShare, proper.TwinShare,
                Reported(leaky), Test(leaky), Reported(proper), Test(proper),
                RecallGap(leaky, testLabels, settings), RecallGap(proper, testLabels, settings)));
        }

        return result;
    }

    /// <summary>Reported recall − test recall with a bootstrap interval: the positives of both sets resampled independently
    /// (two strata of one stratified bootstrap); recall reads only positives.</summary>
    internal static Interval RecallGap(LeakRun run, bool[] testLabels, ImbalancedDataSettings settings)
    {
        double[] reported = [.. run.Reported.Scores.Where((_, i) => run.ReportedLabels[i])];
        double[] test = [.. run.Test.Scores.Where((_, i) => testLabels[i])];
        int[] strata = [.. reported.Select(_ => 0), .. test.Select(_ => 1)];
        double Recall(ReadOnlySpan<int> rows, int from, int to, double[] scores, double threshold)
        {
            var picked = new List<double>();
            foreach (int row in rows)
            {
                if (row >= from && row < to)
                {
                    picked.Add(scores[row - from]);
                }
            }

            return BinaryEvaluation.Evaluate([.. picked.Select(_ => true)], [.. picked], threshold, zeroDivision: ZeroDivision.NaN).Recall;
        }

        return Bootstrap.StratifiedPercentile(
            strata,
            rows => Recall(rows, 0, reported.Length, reported, run.Reported.Threshold) - Recall(rows, reported.Length, strata.Length, test, run.Test.Threshold),
            Seeds.Derive(settings.Seed, "leak recall gap bootstrap"),
            settings.Resamples).Interval;
    }

    /// <summary>The cases of every claim, from the per-data-set measurements and the leak check.</summary>
    public static Measurements Cases(IReadOnlyList<DatasetMeasurements> datasets, IReadOnlyList<LeakMeasurement> leaks)
    {
        var accuracy = datasets.Select(d => new EffectCase($"{d.Name} (vs {d.Accuracy.Witness})", d.Accuracy.Gap, d.TestRows)).ToList();
        List<EffectCase> Better(IReadOnlyList<string> suffixes) =>
        [
            .. datasets.SelectMany(d => d.Remedies.Where(r => suffixes.Any(s => r.Remedy.EndsWith("-" + s, StringComparison.Ordinal))).SelectMany(r => new[]
            {
                new EffectCase($"{d.Name}, {r.Remedy}: Δ ROC AUC", r.RocAuc, d.TestRows),
                new EffectCase($"{d.Name}, {r.Remedy}: Δ AP", r.AveragePrecision, d.TestRows),
                new EffectCase($"{d.Name}, {r.Remedy}: Δ F1 vs {r.Plain}-tuned", r.F1VsTuned, d.TestRows),
            })),
        ];
        var tradeOff = datasets.SelectMany(d => d.Remedies.Select(r =>
            new EffectCase($"{d.Name}, {r.Remedy} vs {r.Plain}", r.TradeOff, d.TestRows) { ExcludedBecause = r.PlainPrecisionUndefined })).ToList();
        var roc = datasets.SelectMany(d => d.Spreads.Select(s => new EffectCase($"{d.Name}, {s.Learner} variants", s.Ratio, d.TestRows))).ToList();
        var pr = datasets.Select(d => new EffectCase(d.Name, d.PrSpread, d.TestRows)).ToList();
        var leak = leaks.Select(l => new EffectCase($"{l.Dataset}, {l.Sampler}", l.LeakyInflation, l.TestRows)).ToList();
        return new Measurements([.. datasets.Select(d => d.Baseline)], accuracy, Better(Experiment.ResamplingRemedies), Better(Experiment.AugmentationRemedies), tradeOff, roc, pr, leak);
    }
}
