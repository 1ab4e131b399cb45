using System.Diagnostics;
using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>Settings of the imbalanced-data scenario.</summary>
internal sealed record ImbalancedDataSettings : ScenarioSettings
{
    /// <summary>Rows of Satellite used (stratified subsample when below 6435).</summary>
    public int SatelliteRows { get; init; }

    /// <summary>Rows of Letter Recognition used (stratified subsample of the 20000, to keep the run short).</summary>
    public int LetterRows { get; init; }

    /// <summary>Share of rows held out as the test set (stratified).</summary>
    public double TestFraction { get; init; }

    /// <summary>Share of the training rows held out to choose a threshold (threshold moving) or to report a score (leak check).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>L2 penalty of logistic regression (L1 is 0).</summary>
    public double L2 { get; init; }

    /// <summary>FastTree: number of trees.</summary>
    public int Trees { get; init; }

    /// <summary>FastTree: leaves per tree.</summary>
    public int Leaves { get; init; }

    /// <summary>Bootstrap resamples per interval.</summary>
    public int Resamples { get; init; }
}

/// <summary>
/// Question 32, "How would you handle an imbalanced dataset?" (with 36–38 and 53–54 on precision, recall, F1, ROC and
/// PR curves). Two real imbalanced tasks, a held-out stratified test set, twelve methods from the always-majority
/// baseline to resampling, weighting and threshold moving, every metric with a bootstrap interval, and a leak check.
/// </summary>
internal sealed class ImbalancedDataScenario : Scenario<ImbalancedDataSettings>
{
    private static readonly (string Id, string Label, Func<BinaryReport, double> Get)[] Metrics =
    [
        ("accuracy", "accuracy", r => r.Accuracy),
        ("precision", "precision", r => r.Precision),
        ("recall", "recall", r => r.Recall),
        ("f1", "F1", r => r.F1),
        ("balanced-accuracy", "balanced accuracy", r => r.BalancedAccuracy),
        ("mcc", "MCC", r => r.Mcc),
        ("roc-auc", "ROC AUC", r => r.RocAuc),
        ("average-precision", "PR AUC (AP)", r => r.AveragePrecision),
    ];

    public override string Id => "imbalanced-data";

    public override string Title => "Imbalanced data";

    public override Question Question { get; } = new(32, "How would you handle an imbalanced dataset?");

    public override IReadOnlyList<Claim> Claims => Judging.All;

    public override ImbalancedDataSettings DefaultSettings { get; } = new()
    {
        Seed = 32,
        SatelliteRows = 6435,
        LetterRows = 8000,
        TestFraction = 0.3,
        ValidationFraction = 0.25,
        L2 = 1.0,
        Trees = 50,
        Leaves = 16,
        Resamples = 200,
    };

    public override ImbalancedDataSettings QuickSettings => DefaultSettings with { SatelliteRows = 1200, LetterRows = 1500, Trees = 5, Resamples = 20 };

    public override IReadOnlyList<ScenarioOption<ImbalancedDataSettings>> Options { get; } =
    [
        Option("--satellite-rows", "Rows of Satellite used (stratified subsample; 6435 = all).", s => s.SatelliteRows, (s, v) => s with { SatelliteRows = v }, OptionRange.Integers(200, 6435)),
        Option("--letter-rows", "Rows of Letter Recognition used (stratified subsample; 20000 = all).", s => s.LetterRows, (s, v) => s with { LetterRows = v }, OptionRange.Integers(500, 20_000)),
        Option("--test-fraction", "Share of rows in the stratified test set.", s => s.TestFraction, (s, v) => s with { TestFraction = v }, OptionRange.Between(0.1, 0.5)),
        Option("--validation-fraction", "Share of training rows held out to choose thresholds.", s => s.ValidationFraction, (s, v) => s with { ValidationFraction = v }, OptionRange.Between(0.1, 0.5)),
        Option("--l2", "L2 penalty of logistic regression (L1 is 0).", s => s.L2, (s, v) => s with { L2 = v }, OptionRange.AtLeast(0)),
        Option("--trees", "FastTree: number of trees.", s => s.Trees, (s, v) => s with { Trees = v }, OptionRange.Integers(1, 1000)),
        Option("--leaves", "FastTree: leaves per tree.", s => s.Leaves, (s, v) => s with { Leaves = v }, OptionRange.Integers(2, 1024)),
        Option("--resamples", "Bootstrap resamples per interval.", s => s.Resamples, (s, v) => s with { Resamples = v }, OptionRange.Integers(10, 100_000)),
    ];

    public override ScenarioResult Run(ImbalancedDataSettings settings, IProgressReporter progress)
    {
        var prepared = new[]
        {
            Experiment.Prepare("satellite", "damp grey soil vs rest", Datasets.Satellite(), settings.SatelliteRows, settings.TestFraction, settings.ValidationFraction, settings.Seed),
            Experiment.Prepare("letter", "letter Z vs rest", Datasets.LetterRecognition(), settings.LetterRows, settings.TestFraction, settings.ValidationFraction, settings.Seed + 100),
        };

        var runs = new List<DatasetRun>();
        var leakRuns = new List<(PreparedData Data, IReadOnlyList<LeakRun> Runs, double Seconds)>();
        for (int d = 0; d < prepared.Length; d++)
        {
            runs.Add(Experiment.RunMethods(prepared[d], settings, settings.Seed + 1000 + d, progress));
            var watch = Stopwatch.StartNew();
            leakRuns.Add((prepared[d], Experiment.RunLeak(prepared[d], settings, settings.Seed + 2000 + d, progress), watch.Elapsed.TotalSeconds));
        }

        var protocol = new ReportTable("protocol", ["step", "what"])
            .AddRow("data", Invariant($"satellite: damp grey soil vs rest, {prepared[0].Labels.Length} of {prepared[0].SourceRows} rows; letter: Z vs rest, {prepared[1].Labels.Length} of {prepared[1].SourceRows} rows (stratified subsample when fewer)"))
            .AddRow("test split", Invariant($"stratified {1 - settings.TestFraction:0.##}/{settings.TestFraction:0.##} train/test (TrainTestSplit.Stratified); test rows are never resampled and never used for a choice"))
            .AddRow("validation split", Invariant($"training rows split {1 - settings.ValidationFraction:0.##}/{settings.ValidationFraction:0.##} (stratified) into fit/validation: threshold-moving models are fitted on the fit rows and take the threshold that maximises F1 on the validation rows (ThresholdSelection.MaximizeF1)"))
            .AddRow("logistic regression", Invariant($"mean-variance normalisation fitted on the training rows, then L-BFGS logistic regression with L2 = {settings.L2} and L1 = 0, one thread"))
            .AddRow("FastTree", Invariant($"{settings.Trees} trees, {settings.Leaves} leaves, at least 10 rows per leaf, learning rate 0.2, one thread, seeded; Platt-calibrated probability"))
            .AddRow("class weights", "example weight n / (2 n_class), scikit-learn's class_weight=\"balanced\"; FastTree's UnbalancedSets option separately")
            .AddRow("resampling", "RandomOverSampler, RandomUnderSampler, SMOTE (k = 5, raw features) to a 1:1 balance, on training rows only (TrainingRows guard)")
            .AddRow("decision", "positive when the predicted probability is >= 0.5, or >= the chosen threshold for threshold moving")
            .AddRow("intervals", Invariant($"95% stratified percentile bootstrap over the test rows, {settings.Resamples} resamples, fixed seed; differences are paired on the same resamples"))
            .AddRow("leak check", "FastTree; proper: over-sample the fit rows, report on the validation rows; leaky: over-sample all training rows, split the result (stratified) and report on its held-out part; both models also scored on the untouched test rows");

        var dataTable = new ReportTable("data", ["data set", "task", "source rows", "rows used", "positives", "prevalence", "train rows", "test rows", "test positives", "fit rows", "validation rows"]);
        var methodTable = new ReportTable("methods", ["id", "method"]);
        foreach (var (id, name) in Experiment.MethodNames)
        {
            methodTable.AddRow(id, name);
        }

        var metricTable = new ReportTable("test-metrics", ["data set", "method", "threshold", .. Metrics.Select(m => $"{m.Label} (95% CI)")]);
        var undefinedTable = new ReportTable("undefined-metrics", ["data set", "method", "metric", "reason"]);
        var remedyTable = new ReportTable("remedy-minus-plain", ["data set", "remedy", "plain model", "Δ recall (95% CI)", "Δ precision (95% CI)", "Δ F1 (95% CI)", "Δ ROC AUC (95% CI)", "Δ AP (95% CI)"]);
        var rangeTable = new ReportTable("spread-over-lr-variants", ["data set", "ROC AUC range", "AP range", "recall range", "F1 range", "min(recall, F1 range) / ROC AUC range"]);
        var prTable = new ReportTable("pr-vs-roc", ["data set", "prevalence", "baseline ROC AUC", "baseline AP", "Δ ROC AUC FT − LR (95% CI)", "Δ AP FT − LR (95% CI)", "D = Δ AP − Δ ROC AUC (95% CI)", "ROC AUC of fitted models (min–max)", "AP of fitted models (min–max)", "S = AP range / ROC AUC range (95% CI)"]);
        var leakTable = new ReportTable("leak-check", ["data set", "over-sampler", "protocol", "validation positives with a twin in training", "reported recall (95% CI)", "test recall (95% CI)", "reported F1 (95% CI)", "test F1 (95% CI)", "reported AP (95% CI)", "test AP (95% CI)"]);
        var timings = new ReportTable("training-seconds", ["data set", "method", "seconds"]);
        var figures = new List<Figure>();
        var numbers = new List<DatasetNumbers>();
        var leaks = new List<LeakNumbers>();
        var summaryParts = new Dictionary<string, (BinaryReport Baseline, BinaryReport Lr, BinaryReport LrThr, BinaryReport Best, string BestId)>(StringComparer.Ordinal);

        foreach (var run in runs)
        {
            var data = run.Data;
            bool[] testLabels = data.LabelsOf(data.Test);
            int testPositives = testLabels.Count(l => l);
            double prevalence = (double)testPositives / testLabels.Length;
            dataTable.AddRow(data.Name, data.Task, data.SourceRows, data.Labels.Length, data.Positives, data.Prevalence, data.Train.Length, data.Test.Length, testPositives, data.Fit.Length, data.Validation.Length);
            var evaluationWatch = Stopwatch.StartNew();
            var boot = new TestSetBootstrap(testLabels, settings.Seed + 3000, settings.Resamples);
            progress.Report($"{data.Name}: bootstrap", 0, 1);

            var intervals = new Dictionary<string, Estimate[]>(StringComparer.Ordinal);
            foreach (var method in run.Methods)
            {
                var full = boot.Full(method);
                Estimate[] row = [.. Metrics.Select(m => boot.Interval(method, m.Get))];
                intervals[method.Id] = row;
                metricTable.AddRow([data.Name, method.Id, method.Threshold, .. row.Select(e => (Cell)e)]);
                foreach (var u in full.Undefined.Where(u => u.Metric is not (nameof(BinaryReport.LogLoss) or nameof(BinaryReport.BrierScore))))
                {
                    undefinedTable.AddRow(data.Name, method.Id, u.Metric, u.Reason);
                }

                timings.AddRow(data.Name, method.Id, run.TrainSeconds[method.Id]);
            }

            var remedies = new List<RemedyNumbers>();
            foreach (var (remedyId, plainId) in Experiment.RemedyPairs)
            {
                ScoredMethod remedy = run.Method(remedyId), plain = run.Method(plainId);
                var recall = boot.Difference(remedy, plain, r => r.Recall);
                var precision = boot.Difference(remedy, plain, r => r.Precision);
                var f1 = boot.Difference(remedy, plain, r => r.F1);
                remedyTable.AddRow(data.Name, remedyId, plainId, recall, precision, f1, boot.Difference(remedy, plain, r => r.RocAuc), boot.Difference(remedy, plain, r => r.AveragePrecision));
                remedies.Add(new RemedyNumbers(remedyId, plainId, Experiment.RebalancingRemedies.Contains(remedyId), recall, precision, f1));
            }

            var fullReports = run.Methods.ToDictionary(m => m.Id, boot.Full, StringComparer.Ordinal);
            double Range(IEnumerable<string> ids, Func<BinaryReport, double> get) => ids.Max(i => get(fullReports[i])) - ids.Min(i => get(fullReports[i]));
            var ranges = new RangeNumbers(Range(Experiment.LrVariants, r => r.RocAuc), Range(Experiment.LrVariants, r => r.Recall), Range(Experiment.LrVariants, r => r.F1));
            rangeTable.AddRow(data.Name, ranges.RocAuc, Range(Experiment.LrVariants, r => r.AveragePrecision), ranges.Recall, ranges.F1, ranges.Ratio);

            ScoredMethod ft = run.Method("FT"), lr = run.Method("LR");
            var prVsRoc = boot.Statistic([ft, lr], r => (r[0].AveragePrecision - r[1].AveragePrecision) - (r[0].RocAuc - r[1].RocAuc));
            var fittedMethods = run.Methods.Where(m => m.Id != "majority").ToList();
            var fitted = fittedMethods.Select(m => fullReports[m.Id]).ToList();
            var spreadRatio = boot.Statistic(fittedMethods, r => (r.Max(x => x.AveragePrecision) - r.Min(x => x.AveragePrecision)) / (r.Max(x => x.RocAuc) - r.Min(x => x.RocAuc)));
            prTable.AddRow(data.Name, prevalence, fullReports["majority"].RocAuc, fullReports["majority"].AveragePrecision,
                boot.Difference(ft, lr, r => r.RocAuc), boot.Difference(ft, lr, r => r.AveragePrecision), prVsRoc,
                $"{Judging.F(fitted.Min(r => r.RocAuc))}–{Judging.F(fitted.Max(r => r.RocAuc))}",
                $"{Judging.F(fitted.Min(r => r.AveragePrecision))}–{Judging.F(fitted.Max(r => r.AveragePrecision))}",
                spreadRatio);

            var baseline = fullReports["majority"];
            bool[] majorityLabels = [.. testLabels.Select(l => !l)];
            var majorityAsPositive = BinaryEvaluation.Evaluate(majorityLabels, Enumerable.Repeat(1.0, majorityLabels.Length).ToArray(), 0.5, zeroDivision: ZeroDivision.NaN);
            numbers.Add(new DatasetNumbers(data.Name, prevalence,
                new BaselineNumbers(baseline.Accuracy, baseline.Recall, baseline.Precision, majorityAsPositive.Precision),
                [.. run.Methods.Where(m => m.Id != "majority").Select(m => new ModelNumbers(m.Id, fullReports[m.Id].Accuracy, fullReports[m.Id].Recall))],
                remedies, ranges, prVsRoc, spreadRatio));
            string bestId = run.Methods.Where(m => m.Id != "majority").MaxBy(m => fullReports[m.Id].F1)!.Id;
            summaryParts[data.Name] = (baseline, fullReports["LR"], fullReports["LR-thr"], fullReports[bestId], bestId);

            // Curves: threshold moving changes only the cut-off, so its models (fitted on the fit rows) are left out for
            // readability, and the constant baseline is the chance line itself.
            var curveMethods = run.Methods.Where(m => m.Id != "majority" && !m.Id.EndsWith("-thr", StringComparison.Ordinal)).ToList();
            timings.AddRow(data.Name, "evaluation with bootstrap intervals", evaluationWatch.Elapsed.TotalSeconds);
            figures.Add(Figures.PrecisionRecall($"pr-{data.Name}.png", $"PR curves, {data.Name} test set ({testPositives} of {testLabels.Length} positive)",
                [.. curveMethods.Select(m =>
                {
                    var curve = PrecisionRecall.Curve(testLabels, m.Scores);
                    return new Series($"{m.Id} (AP {fullReports[m.Id].AveragePrecision.ToString("0.000", CultureInfo.InvariantCulture)})", curve.Recalls, curve.Precisions);
                })], prevalence));
            figures.Add(Figures.Roc($"roc-{data.Name}.png", $"ROC curves, {data.Name} test set ({data.Task})",
                [.. curveMethods.Select(m =>
                {
                    var curve = Roc.Curve(testLabels, m.Scores);
                    return new Series($"{m.Id} (AUC {fullReports[m.Id].RocAuc.ToString("0.000", CultureInfo.InvariantCulture)})", curve.FalsePositiveRates, curve.TruePositiveRates);
                })]));
            foreach (int k in new[] { 1, 2, 3 })
            {
                // A missing bar must not read as 0: name the methods whose metric is undefined in the title.
                var undefinedIds = run.Methods.Where(m => intervals[m.Id][k].IsUndefined).Select(m => m.Id).ToList();
                string undefinedNote = undefinedIds.Count == 0 ? string.Empty : $"; undefined: {string.Join(", ", undefinedIds)}";
                figures.Add(Figures.Bars($"{Metrics[k].Id}-{data.Name}.png", $"{data.Name}: {Metrics[k].Label} with 95% bootstrap CI (SM = SMOTE{undefinedNote})", Metrics[k].Label,
                    [.. run.Methods.Select(m => new BarValue(m.Id.Replace("SMOTE", "SM", StringComparison.Ordinal), intervals[m.Id][k]))]));
            }
        }

        foreach (var (data, leakRunsOfData, seconds) in leakRuns)
        {
            timings.AddRow(data.Name, "leak check (4 FastTree fits)", seconds);
            foreach (var sampler in leakRunsOfData.Select(l => l.Sampler).Distinct())
            {
                var proper = leakRunsOfData.Single(l => l.Sampler == sampler && !l.Leaky);
                var leaky = leakRunsOfData.Single(l => l.Sampler == sampler && l.Leaky);
                var recalls = new Dictionary<bool, (Estimate Reported, Estimate Test)>();
                foreach (var l in new[] { proper, leaky })
                {
                    var reportedBoot = new TestSetBootstrap(l.ReportedLabels, settings.Seed + 4000, settings.Resamples);
                    var testBoot = new TestSetBootstrap(data.LabelsOf(data.Test), settings.Seed + 4000, settings.Resamples);
                    var reportedRecall = reportedBoot.Interval(l.Reported, r => r.Recall);
                    var testRecall = testBoot.Interval(l.Test, r => r.Recall);
                    recalls[l.Leaky] = (reportedRecall, testRecall);
                    leakTable.AddRow(data.Name, sampler, l.Leaky ? "leaky: over-sample, then split" : "proper: split, then over-sample the fit rows", l.TwinShare,
                        reportedRecall, testRecall,
                        reportedBoot.Interval(l.Reported, r => r.F1), testBoot.Interval(l.Test, r => r.F1),
                        reportedBoot.Interval(l.Reported, r => r.AveragePrecision), testBoot.Interval(l.Test, r => r.AveragePrecision));
                }

                leaks.Add(new LeakNumbers(data.Name, sampler, recalls[true].Reported, recalls[true].Test, recalls[false].Reported, recalls[false].Test));
            }
        }

        var claims = Judging.Judge(numbers, leaks);
        return new ScenarioResult
        {
            Tables = [protocol, dataTable, methodTable, metricTable, undefinedTable, remedyTable, rangeTable, prTable, leakTable],
            Timings = [timings],
            Claims = claims,
            Figures = figures,
            Summary = Summary(numbers, leaks, summaryParts),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Summary(
        IReadOnlyList<DatasetNumbers> numbers,
        IReadOnlyList<LeakNumbers> leaks,
        IReadOnlyDictionary<string, (BinaryReport Baseline, BinaryReport Lr, BinaryReport LrThr, BinaryReport Best, string BestId)> parts)
    {
        var text = new List<string>();
        foreach (var d in numbers)
        {
            var p = parts[d.Name];
            int better = d.Remedies.Count(r => r.F1Difference.Lower > 0);
            text.Add(string.Create(CultureInfo.InvariantCulture,
                $"On {d.Name} ({Numbers.Percent(d.Prevalence)} positive) always predicting the majority class scores an accuracy of {p.Baseline.Accuracy:0.000} "
                + $"with recall 0 and an undefined precision (it predicts no positive): the '98%' of the answer is this accuracy, 1 − prevalence, not a precision. "
                + $"Plain logistic regression reaches recall {p.Lr.Recall:0.000} and F1 {p.Lr.F1:0.000}; moving its threshold alone (chosen on a validation split) gives recall {p.LrThr.Recall:0.000} and F1 {p.LrThr.F1:0.000}; "
                + $"{better} of {d.Remedies.Count} remedies beat their plain model's F1 with a paired interval above 0, and the best F1 is {p.Best.F1:0.000} ({p.BestId}). "
                + $"Across the LR variants ROC AUC spans {d.Ranges.RocAuc:0.000} while recall spans {d.Ranges.Recall:0.000}; across all fitted models AP spreads {d.SpreadRatio.Value:0.0} times as much as ROC AUC."));
        }

        foreach (var l in leaks)
        {
            text.Add(string.Create(CultureInfo.InvariantCulture,
                $"Over-sampling ({l.Sampler}) before the split on {l.Dataset} reports recall {l.LeakyReported.Value:0.000}, but the same model recalls {l.LeakyTest.Value:0.000} of untouched test positives (proper protocol: {l.ProperReported.Value:0.000} reported, {l.ProperTest.Value:0.000} on test)."));
        }

        int alike = leaks.Count(l => l.LeakyTest.Lower <= l.ProperTest.Upper && l.ProperTest.Lower <= l.LeakyTest.Upper);
        text.Add(string.Create(CultureInfo.InvariantCulture,
            $"On untouched test rows the leaky and the proper models' recall intervals overlap in {alike} of {leaks.Count} cases{(alike == leaks.Count ? ": the leak inflates the reported number, not the model" : string.Empty)}."));
        return string.Join(" ", text);
    }
}
