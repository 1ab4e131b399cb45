using System.Diagnostics;
using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Models.Convergence;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>One method's metrics on the test rows of split 1, each with its stratified 95% bootstrap interval.</summary>
internal sealed record MetricRow(ScoredMethod Method, IReadOnlyList<Interval> Values);

/// <summary>A remedy against its plain model on one split's test rows (remedy − plain; NaN where undefined).</summary>
/// <param name="Remedy">The remedy's method id, e.g. <c>LR-ROS</c>.</param>
/// <param name="Plain">The plain model's id (<c>LR</c> or <c>FT</c>).</param>
/// <param name="Recall">Δ recall, both at 0.5.</param>
/// <param name="Precision">Δ precision, both at 0.5 (NaN when either predicts no positive).</param>
/// <param name="TradeOff">min(Δ recall, −Δ precision), both at 0.5 (NaN with Δ precision).</param>
/// <param name="RocAuc">Δ ROC AUC (threshold-free).</param>
/// <param name="AveragePrecision">Δ average precision (threshold-free).</param>
/// <param name="F1VsPlain">Δ F1 against the plain model at 0.5 (a weak baseline; shown, not judged).</param>
/// <param name="F1VsTuned">Δ F1 against the plain model at its tuned threshold (the fair baseline).</param>
internal sealed record RemedyDeltas(string Remedy, string Plain, double Recall, double Precision, double TradeOff, double RocAuc, double AveragePrecision, double F1VsPlain, double F1VsTuned);

/// <summary>The ranges of one learner's plain model and rebalanced variants (at 0.5) on one split.</summary>
internal sealed record SpreadValues(string Learner, double RocAucRange, double ApRange, double RecallRange, double F1Range)
{
    /// <summary>r = min(range of recall, range of F1) / range of ROC AUC.</summary>
    public double Ratio => Math.Min(RecallRange, F1Range) / RocAucRange;
}

/// <summary>The leak check of one over-sampler on one split: reported and test recall of both protocols.</summary>
internal sealed record LeakValues(string Sampler, double LeakyReported, double LeakyTest, double ProperReported, double ProperTest, double LeakyTwinShare, double ProperTwinShare)
{
    public double LeakyInflation => LeakyReported - LeakyTest;

    public double ProperInflation => ProperReported - ProperTest;
}

/// <summary>Every statistic the claims read, measured on the test rows of one split (no bootstrap: the split is the replicate).</summary>
internal sealed record SplitStatistics(
    int Index,
    int TrainRows,
    int TestRows,
    int PlainLrPredictedPositives,
    IReadOnlyList<RemedyDeltas> Remedies,
    string Witness,
    double AccuracyGap,
    IReadOnlyList<SpreadValues> Spreads,
    double PrSpread,
    double PrVsRoc,
    IReadOnlyList<LeakValues> Leaks,
    IReadOnlyDictionary<string, ConvergenceCheck> Convergence,
    IReadOnlyDictionary<string, double> Seconds);

/// <summary>The mean of a per-split statistic over the splits on which it is defined, with its 95% corrected resampled t
/// interval (Nadeau–Bengio); the splits on which it is undefined are counted and left out.</summary>
/// <param name="Interval">The interval; undefined when fewer than 2 splits define the statistic.</param>
/// <param name="Defined">Splits on which the statistic is defined.</param>
/// <param name="Splits">Splits run.</param>
internal sealed record OverSplits(Interval Interval, int Defined, int Splits)
{
    public int Undefined => Splits - Defined;

    /// <summary>The words for the splits left out, or empty.</summary>
    public string UndefinedNote => Undefined == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (undefined on {Undefined} of {Splits} splits, left out)");
}

/// <summary>A remedy against its plain model over the splits (each a mean of per-split paired differences).</summary>
internal sealed record RemedyComparison(
    string Remedy, string Plain, OverSplits Recall, OverSplits Precision, OverSplits TradeOff, OverSplits RocAuc, OverSplits AveragePrecision,
    OverSplits F1VsPlain, OverSplits F1VsTuned);

/// <summary>The spreads of one learner's variants over the splits.</summary>
internal sealed record SpreadNumbers(string Learner, OverSplits RocAucRange, OverSplits ApRange, OverSplits RecallRange, OverSplits F1Range, OverSplits Ratio);

/// <summary>The leak check of one data set and over-sampler over the splits.</summary>
internal sealed record LeakMeasurement(
    string Dataset, string Sampler, (double Min, double Max) LeakyTwinShare, (double Min, double Max) ProperTwinShare,
    OverSplits LeakyReported, OverSplits LeakyTest, OverSplits ProperReported, OverSplits ProperTest, OverSplits LeakyInflation, OverSplits ProperInflation);

/// <summary>The convergence checks of one logistic-regression fit over the splits, with the worst split's check.</summary>
internal sealed record ConvergenceSummary(string Id, int Converged, int Splits, int WorstSplit, ConvergenceCheck Worst);

/// <summary>Everything measured on one data set: split 1's bootstrap displays and every claim's statistic over the splits.</summary>
internal sealed record DatasetMeasurements(
    DatasetRun Display,
    BaselineNumbers Baseline,
    IReadOnlyList<MetricRow> Metrics,
    ResamplingDesign Design,
    IReadOnlyList<SplitOutcome> Outcomes,
    IReadOnlyList<RemedyComparison> Remedies,
    IReadOnlyList<(string Witness, int Splits)> Witnesses,
    OverSplits AccuracyGap,
    IReadOnlyList<SpreadNumbers> Spreads,
    OverSplits PrSpread,
    OverSplits PrVsRocFtMinusLr,
    IReadOnlyList<LeakMeasurement> Leaks,
    IReadOnlyList<ConvergenceSummary> Convergence,
    double BootstrapSeconds)
{
    public string Name => Display.Data.Name;

    public int TestRows => Display.Data.Test.Length;

    public int Splits => Outcomes.Count;
}

/// <summary>The comparison step: per-split statistics, their means over the splits, split 1's bootstrap displays, and the cases every claim reads.</summary>
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

    private static BinaryReport Evaluate(bool[] labels, ScoredMethod m) => BinaryEvaluation.Evaluate(labels, m.Scores, m.Threshold, zeroDivision: ZeroDivision.NaN);

    private static double Range(IEnumerable<BinaryReport> reports, Func<BinaryReport, double> get) => reports.Max(get) - reports.Min(get);

    /// <summary>Every statistic of one split, on its whole test set (undefined values NaN, never 0).</summary>
    public static SplitStatistics OfSplit(int index, DatasetRun run, IReadOnlyList<LeakRun> leakRuns)
    {
        var data = run.Data;
        bool[] testLabels = data.LabelsOf(data.Test);
        var reports = run.Methods.ToDictionary(m => m.Id, m => Evaluate(testLabels, m), StringComparer.Ordinal);
        var remedies = Experiment.LearnerIds.SelectMany(learner => Experiment.Remedies.Select(r =>
        {
            BinaryReport x = reports[$"{learner}-{r.Suffix}"], p = reports[learner], t = reports[$"{learner}-tuned"];
            return new RemedyDeltas($"{learner}-{r.Suffix}", learner, x.Recall - p.Recall, x.Precision - p.Precision,
                Math.Min(x.Recall - p.Recall, p.Precision - x.Precision), x.RocAuc - p.RocAuc, x.AveragePrecision - p.AveragePrecision, x.F1 - p.F1, x.F1 - t.F1);
        })).ToList();

        // The accuracy witness: of the models F1 rates at least half as good as the best, the one accuracy rates lowest.
        var fitted = run.Methods.Where(m => m.Id != "majority").ToList();
        double bestF1 = fitted.Max(m => reports[m.Id].F1);
        var witness = fitted.Where(m => reports[m.Id].F1 >= bestF1 / 2).MinBy(m => reports[m.Id].Accuracy)!;
        double accuracyGap = reports["majority"].Accuracy - reports[witness.Id].Accuracy;

        var spreads = Experiment.LearnerIds.Select(l =>
        {
            var variants = new[] { reports[l] }.Concat(Experiment.Remedies.Select(r => reports[$"{l}-{r.Suffix}"])).ToList();
            return new SpreadValues(l, Range(variants, x => x.RocAuc), Range(variants, x => x.AveragePrecision), Range(variants, x => x.Recall), Range(variants, x => x.F1));
        }).ToList();

        // Tuned models share their plain model's scores: left out of the ranking spreads.
        var ranked = fitted.Where(m => !m.Id.EndsWith("-tuned", StringComparison.Ordinal)).Select(m => reports[m.Id]).ToList();
        double prevalence = testLabels.Count(l => l) / (double)testLabels.Length;
        double prSpread = (Range(ranked, x => x.AveragePrecision) / (1 - prevalence)) / (Range(ranked, x => x.RocAuc) / 0.5);
        BinaryReport ft = reports["FT"], lr = reports["LR"];
        double prVsRoc = (ft.AveragePrecision - lr.AveragePrecision) - (ft.RocAuc - lr.RocAuc);

        double Recall(bool[] labels, ScoredMethod m) => Evaluate(labels, m).Recall;
        var leaks = leakRuns.Select(l => l.Sampler).Distinct().Select(sampler =>
        {
            LeakRun proper = leakRuns.Single(l => l.Sampler == sampler && !l.Leaky), leaky = leakRuns.Single(l => l.Sampler == sampler && l.Leaky);
            return new LeakValues(sampler, Recall(leaky.ReportedLabels, leaky.Reported), Recall(testLabels, leaky.Test),
                Recall(proper.ReportedLabels, proper.Reported), Recall(testLabels, proper.Test), leaky.TwinShare, proper.TwinShare);
        }).ToList();

        int lrPositives = reports["LR"].TruePositives + reports["LR"].FalsePositives;
        return new SplitStatistics(index, data.Train.Length, data.Test.Length, lrPositives, remedies, witness.Id, accuracyGap, spreads, prSpread, prVsRoc, leaks, run.Convergence, run.TrainSeconds);
    }

    /// <summary>The mean over the splits that define a statistic, with its 95% corrected resampled t interval
    /// (ClassicalML.Evaluation's CorrectedResampledT); undefined (NaN) splits are left out and counted.</summary>
    public static OverSplits Mean(IEnumerable<double> values, ResamplingDesign design)
    {
        var all = values.ToList();
        double[] defined = [.. all.Where(double.IsFinite)];
        var interval = defined.Length == 0
            ? new Interval(double.NaN, double.NaN, double.NaN, 0.95, CorrectedTInterval.MethodName)
            : CorrectedResampledT.Interval(defined, design).ToInterval();
        return new OverSplits(interval, defined.Length, all.Count);
    }

    /// <summary>Measures one data set: split 1's bootstrap metrics (the displays) and every claim's statistic over the splits.</summary>
    public static DatasetMeasurements Measure(IReadOnlyList<SplitOutcome> outcomes, ImbalancedDataSettings settings, IProgressReporter progress)
    {
        var watch = Stopwatch.StartNew();
        var run = outcomes[0].Display!;
        var data = run.Data;
        bool[] testLabels = data.LabelsOf(data.Test);
        progress.Report($"{data.Name}: bootstrap of split 1", 0, 1);
        var boot = new TestSetBootstrap(testLabels, Seeds.Derive(settings.Seed, $"test bootstrap {data.Name}"), settings.Resamples);
        var metrics = run.Methods.Select(m => (Method: m, Values: Metrics.Select(x => boot.Interval(m, x.Get)).ToList())).ToList();
        boot.Run();
        ScoredMethod majority = run.Method("majority");
        var full = boot.Full(majority);
        var majorityValues = metrics.Single(m => m.Method == majority).Values;
        double prevalence = testLabels.Count(l => l) / (double)testLabels.Length;
        var baseline = new BaselineNumbers(data.Name, prevalence, testLabels.Length, full.TruePositives + full.FalsePositives, majorityValues[1].Value, majorityValues[0].Value);
        double seconds = watch.Elapsed.TotalSeconds;
        progress.Report($"{data.Name}: bootstrap of split 1", 1, 1);

        // Nadeau–Bengio: every split trains on the same number of rows and tests on the same number.
        var stats = outcomes.Select(o => o.Statistics).ToList();
        var design = ResamplingDesign.TrainTest(stats[0].TestRows, stats[0].TrainRows);
        OverSplits M(Func<SplitStatistics, double> get) => Mean(stats.Select(get), design);
        var remedies = stats[0].Remedies.Select((r, i) => new RemedyComparison(r.Remedy, r.Plain,
            M(s => s.Remedies[i].Recall), M(s => s.Remedies[i].Precision), M(s => s.Remedies[i].TradeOff), M(s => s.Remedies[i].RocAuc),
            M(s => s.Remedies[i].AveragePrecision), M(s => s.Remedies[i].F1VsPlain), M(s => s.Remedies[i].F1VsTuned))).ToList();
        var spreads = stats[0].Spreads.Select((sp, i) => new SpreadNumbers(sp.Learner, M(s => s.Spreads[i].RocAucRange), M(s => s.Spreads[i].ApRange),
            M(s => s.Spreads[i].RecallRange), M(s => s.Spreads[i].F1Range), M(s => s.Spreads[i].Ratio))).ToList();
        var witnesses = stats.GroupBy(s => s.Witness).Select(g => (g.Key, g.Count())).OrderByDescending(w => w.Item2).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();
        var leaks = stats[0].Leaks.Select((l, i) => new LeakMeasurement(data.Name, l.Sampler,
            (stats.Min(s => s.Leaks[i].LeakyTwinShare), stats.Max(s => s.Leaks[i].LeakyTwinShare)),
            (stats.Min(s => s.Leaks[i].ProperTwinShare), stats.Max(s => s.Leaks[i].ProperTwinShare)),
            M(s => s.Leaks[i].LeakyReported), M(s => s.Leaks[i].LeakyTest), M(s => s.Leaks[i].ProperReported), M(s => s.Leaks[i].ProperTest),
            M(s => s.Leaks[i].LeakyInflation), M(s => s.Leaks[i].ProperInflation))).ToList();

        // The worst split of each fit: the largest change relative to what still counts as converged.
        static double Badness(ConvergenceCheck c) => Math.Max(c.WeightChange / c.MaxWeightChange, c.ObjectiveChange / c.MaxObjectiveChange);
        var convergence = stats[0].Convergence.Keys.Select(id =>
        {
            var worst = stats.MaxBy(s => Badness(s.Convergence[id]))!;
            return new ConvergenceSummary(id, stats.Count(s => s.Convergence[id].Converged), stats.Count, worst.Index, worst.Convergence[id]);
        }).ToList();

        return new DatasetMeasurements(run, baseline, [.. metrics.Select(m => new MetricRow(m.Method, [.. m.Values.Select(v => v.Value)]))], design, outcomes,
            remedies, witnesses, M(s => s.AccuracyGap), spreads, M(s => s.PrSpread), M(s => s.PrVsRoc), leaks, convergence, seconds);
    }

    /// <summary>The cases of every claim: each a mean over the splits with its corrected resampled t interval.</summary>
    public static Measurements Cases(IReadOnlyList<DatasetMeasurements> datasets)
    {
        EffectCase Case(string label, OverSplits value, DatasetMeasurements d) =>
            new(label + value.UndefinedNote, value.Interval, Math.Max(1, value.Defined)) { TestTrainRatio = d.Design.TestTrainRatio };
        var accuracy = datasets.Select(d => Case($"{d.Name} (vs {Witnesses(d)})", d.AccuracyGap, d)).ToList();
        List<EffectCase> Better(IReadOnlyList<string> suffixes) =>
        [
            .. datasets.SelectMany(d => d.Remedies.Where(r => suffixes.Any(s => r.Remedy.EndsWith("-" + s, StringComparison.Ordinal))).SelectMany(r => new[]
            {
                Case($"{d.Name}, {r.Remedy}: Δ ROC AUC", r.RocAuc, d),
                Case($"{d.Name}, {r.Remedy}: Δ AP", r.AveragePrecision, d),
                Case($"{d.Name}, {r.Remedy}: Δ F1 vs {r.Plain}-tuned", r.F1VsTuned, d),
            })),
        ];
        var tradeOff = datasets.SelectMany(d => d.Remedies.Select(r => Case($"{d.Name}, {r.Remedy} vs {r.Plain}", r.TradeOff, d) with
        {
            ExcludedBecause = r.TradeOff.Defined < 2
                ? string.Create(CultureInfo.InvariantCulture, $"{r.Plain} or {r.Remedy} at 0.5 predicts no test row positive on {r.TradeOff.Undefined} of {r.TradeOff.Splits} splits, so Δ precision is defined on {r.TradeOff.Defined}; an interval needs 2")
                : null,
        })).ToList();
        var roc = datasets.SelectMany(d => d.Spreads.Select(s => Case($"{d.Name}, {s.Learner} variants", s.Ratio, d))).ToList();
        var pr = datasets.Select(d => Case(d.Name, d.PrSpread, d)).ToList();
        var leak = datasets.SelectMany(d => d.Leaks.Select(l => Case($"{l.Dataset}, {l.Sampler}", l.LeakyInflation, d))).ToList();
        return new Measurements([.. datasets.Select(d => d.Baseline)], accuracy, Better(Experiment.ResamplingRemedies), Better(Experiment.AugmentationRemedies), tradeOff, roc, pr, leak);
    }

    /// <summary>The compared models of the accuracy claim, with the splits on which each was the witness, e.g. "FT-RUS on 19 of 20 splits".</summary>
    public static string Witnesses(DatasetMeasurements d) =>
        string.Join(", ", d.Witnesses.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Witness} on {w.Splits} of {d.Splits} splits")));
}
