using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>The report: tables, figures, the closing paragraph and the effects replicate.py measures again.</summary>
internal static class Report
{
    public static ScenarioResult Build(ImbalancedDataSettings settings, IReadOnlyList<DatasetMeasurements> measured, IReadOnlyList<ClaimResult> claims) => new()
    {
        Tables =
        [
            Protocol(settings, measured), Data(measured), Methods(), Scaling(measured), Convergence(measured), TestMetrics(measured), Undefined(measured),
            Remedies(measured), Accuracy(measured), Spreads(measured), PrVsRoc(measured), Leaks(measured),
        ],
        Timings = [Timings(measured)],
        Claims = claims,
        Figures = [.. measured.SelectMany(DatasetFigures)],
        Summary = Summary(measured),
        Effects = Effects(measured),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => Numbers.Format(value);

    private static ReportTable Protocol(ImbalancedDataSettings s, IReadOnlyList<DatasetMeasurements> measured) => new ReportTable("protocol", ["step", "what"])
        .AddRow("splits", Invariant($"{s.Splits} stratified {1 - s.TestFraction:0.##}/{s.TestFraction:0.##} train/test splits per data set (TrainTestSplit.Stratified), each with fresh remedy draws, fresh model seeds and its own MLContext (seeds Seeds.Derive(seed, \"split k\"); split 1 is the single split of the earlier design); test rows are never resampled and never used for a choice; the splits run on {s.Threads} threads, every trainer single-threaded, so the output does not depend on the thread count"))
        .AddRow("baseline", "always negative (the majority class): score 0 for every row")
        .AddRow("logistic regression", Invariant($"z-scores fitted on the training rows (NormalizeMeanVariance, fixZero: false), then L-BFGS logistic regression with L2 = {s.L2} (scikit-learn's C = 1 / L2) and L1 = 0, no iteration cap, tolerance 1e-10 (ML.NET's default 1e-7 stopped 4 of 180 fits early), one thread"))
        .AddRow("FastTree", Invariant($"{s.Trees} trees, {s.Leaves} leaves, at least 10 rows per leaf, learning rate 0.2, one thread, seeded per split; Platt-calibrated probability"))
        .AddRow("fair baseline", Invariant($"the plain model with the F1-maximising threshold chosen on out-of-fold scores of the training rows (stratified {s.ThresholdFolds}-fold CrossValidation.Run, ThresholdSelection.MaximizeF1), then applied to the model fitted on all training rows"))
        .AddRow("remedies", Invariant($"class weights n / (2 n_c) (ClassWeights.Balanced, scikit-learn's class_weight=\"balanced\"); RandomOverSampler, RandomUnderSampler and SMOTE (k = 5) to a 1:1 balance; noise-perturbed copies: RandomOverSampler with Shrinkage = {s.Shrinkage} (imbalanced-learn's smoothed bootstrap); training rows only (TrainingRows guard); each remedy's rows shared by both learners of a split, drawn afresh on every split"))
        .AddRow("decision", "positive when the predicted probability is >= 0.5, or >= the tuned threshold for the fair baseline")
        .AddRow("claims' intervals", Invariant($"every statistic a claim reads is computed on each split's whole test set (differences paired within the split); its mean over the splits with the 95% corrected resampled t interval (Nadeau–Bengio, CorrectedResampledT with ResamplingDesign.TrainTest: n_test/n_train = {string.Join(", ", measured.Select(d => $"{d.Name} {d.Outcomes[0].Statistics.TestRows}/{d.Outcomes[0].Statistics.TrainRows} = {F(d.Design.TestTrainRatio)}"))}); a statistic undefined on a split (e.g. Δ precision when a model predicts no positive) is left out and the splits left out are counted"))
        .AddRow("displays", Invariant($"split 1's metrics (test-metrics, undefined-metrics, PR and ROC curves) and the always-negative baseline: 95% stratified percentile bootstrap over its test rows, {s.Resamples} resamples, fixed seed; undefined resamples left out and counted"))
        .AddRow("leak check", "FastTree, on every split; proper: split the training rows into fit/validation, over-sample the fit rows, report on the validation rows; leaky: over-sample all training rows, split the result (stratified), report on its held-out part; both models also scored on the untouched test rows");

    private static ReportTable Data(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("data", ["data set", "task", "source rows", "rows used", "positives", "train rows", "test rows", "test positives", "test prevalence"]);
        foreach (var d in measured)
        {
            var p = d.Display.Data;
            table.AddRow(p.Name, p.Task, p.SourceRows, p.Labels.Length, p.Positives, p.Train.Length, p.Test.Length, p.LabelsOf(p.Test).Count(l => l), d.Baseline.Prevalence);
        }

        return table;
    }

    private static ReportTable Methods()
    {
        var table = new ReportTable("methods", ["id", "method"]);
        foreach (var (id, name) in Experiment.MethodNames)
        {
            table.AddRow(id, name);
        }

        return table;
    }

    private static ReportTable Scaling(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("feature-scaling", ["data set", "normaliser", "feature SD after it (min–max)", "L2 on z-scored weights, as a multiple of L2 (min–max)", "used"]);
        foreach (var d in measured)
        {
            var s = d.Display.Scaling;
            var (lo, hi) = s.DefaultPenaltyFactor;
            table.AddRow(d.Name, "NormalizeMeanVariance(fixZero: false): z-scores (split 1)", $"{F(s.CentredSd.Min())}–{F(s.CentredSd.Max())}", "1–1", "yes");
            table.AddRow(d.Name, "NormalizeMeanVariance() default (fixZero: true): scaled, not centred", $"{F(s.DefaultSd.Min())}–{F(s.DefaultSd.Max())}", $"{F(lo)}–{F(hi)}", "no (the old run's setting)");
        }

        return table;
    }

    private static ReportTable Convergence(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("convergence", ["data set", "fit", "trainer", "cap", "tolerance", "converged on", "worst split", "its check", "converged"]);
        foreach (var d in measured)
        {
            foreach (var c in d.Convergence)
            {
                var w = c.Worst;
                table.AddRow(d.Name, c.Id, "L-BFGS logistic regression", w.IterationCap == int.MaxValue ? "none (ML.NET default)" : w.IterationCap.ToString(CultureInfo.InvariantCulture),
                    w.Tolerance, Invariant($"{c.Converged} of {c.Splits} splits"), c.WorstSplit + 1, w.Description, c.Converged == c.Splits ? "yes" : "no");
            }

            table.AddRow(d.Name, "LR-tuned", "L-BFGS logistic regression", "none (ML.NET default)", (double)Learners.Tolerance, "see LR", "-", "the out-of-fold fits of the threshold tuning: the LR settings on (k − 1)/k of its training rows", "see LR");
            table.AddRow(d.Name, "FT, FT-*", "FastTree", "fixed number of trees", "none", "-", "-", "not iterative to a tolerance: no convergence to check", "n/a");
        }

        return table;
    }

    private static ReportTable TestMetrics(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("test-metrics", ["data set", "method", "threshold (split 1)", .. Comparison.Metrics.Select(m => $"{m.Label} on split 1 (95% bootstrap CI)")]);
        foreach (var d in measured)
        {
            foreach (var row in d.Metrics)
            {
                table.AddRow([d.Name, row.Method.Id, row.Method.Threshold, .. row.Values.Select(v => (Cell)v)]);
            }
        }

        return table;
    }

    private static ReportTable Undefined(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("undefined-metrics", ["data set", "method", "metric", "predicted positives", "undefined in share of resamples", "why"]);
        foreach (var d in measured)
        {
            foreach (var row in d.Metrics)
            {
                for (int k = 0; k < row.Values.Count; k++)
                {
                    var v = row.Values[k];
                    if (v.IsUndefined || v.UndefinedShare > 0)
                    {
                        int predicted = row.Method.Scores.Count(s => s >= row.Method.Threshold);
                        table.AddRow(d.Name, row.Method.Id, Comparison.Metrics[k].Label, predicted, v.UndefinedShare,
                            double.IsNaN(v.Estimate) ? "no predicted positive on the test set (tp + fp = 0): undefined, not 0" : "no predicted positive in some resamples; those are left out of the interval");
                    }
                }
            }
        }

        return table;
    }

    private static string LeftOut(params (string Name, OverSplits Value)[] values)
    {
        var parts = values.Where(v => v.Value.Undefined > 0).Select(v => Invariant($"{v.Name} on {v.Value.Undefined} of {v.Value.Splits}")).ToList();
        return parts.Count == 0 ? "none" : string.Join("; ", parts);
    }

    private static ReportTable Remedies(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("remedy-minus-plain", ["data set", "remedy", "plain", "Δ recall", "Δ precision", "min(Δ recall, −Δ precision)", "Δ ROC AUC", "Δ AP", "Δ F1 vs plain at 0.5 (not judged)", "Δ F1 vs plain at tuned threshold", "splits left out (undefined)"]);
        foreach (var d in measured)
        {
            foreach (var r in d.Remedies)
            {
                table.AddRow(d.Name, r.Remedy, r.Plain, r.Recall.Interval, r.Precision.Interval, r.TradeOff.Interval, r.RocAuc.Interval, r.AveragePrecision.Interval, r.F1VsPlain.Interval, r.F1VsTuned.Interval,
                    LeftOut(("Δ recall", r.Recall), ("Δ precision", r.Precision), ("trade-off", r.TradeOff), ("Δ ROC AUC", r.RocAuc), ("Δ AP", r.AveragePrecision), ("Δ F1 vs plain", r.F1VsPlain), ("Δ F1 vs tuned", r.F1VsTuned)));
            }
        }

        return table;
    }

    private static ReportTable Accuracy(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("accuracy-vs-f1", ["data set", "splits", "compared model (the least accurate with F1 at least half the best, per split)", "baseline − model accuracy, mean over the splits (95% corrected t)"]);
        foreach (var d in measured)
        {
            table.AddRow(d.Name, d.Splits, Comparison.Witnesses(d), d.AccuracyGap.Interval);
        }

        return table;
    }

    private static ReportTable Spreads(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("spread-over-rebalanced-variants", ["data set", "learner", "ROC AUC range (mean)", "AP range (mean)", "recall range (mean)", "F1 range (mean)", "r = min(recall, F1 range) / ROC AUC range, mean over the splits (95% corrected t)"]);
        foreach (var d in measured)
        {
            foreach (var s in d.Spreads)
            {
                table.AddRow(d.Name, s.Learner, s.RocAucRange.Interval.Estimate, s.ApRange.Interval.Estimate, s.RecallRange.Interval.Estimate, s.F1Range.Interval.Estimate, s.Ratio.Interval);
            }
        }

        return table;
    }

    private static ReportTable PrVsRoc(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("pr-vs-roc", ["data set", "prevalence", "S = (AP range / (1 − prevalence)) / (ROC AUC range / 0.5), mean over the splits (95% corrected t)", "D = Δ AP − Δ ROC AUC, FT − LR, mean over the splits (95% corrected t)"]);
        foreach (var d in measured)
        {
            table.AddRow(d.Name, d.Baseline.Prevalence, d.PrSpread.Interval, d.PrVsRocFtMinusLr.Interval);
        }

        return table;
    }

    private static ReportTable Leaks(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("leak-check", ["data set", "over-sampler", "protocol", "validation positives with a twin in training (min–max over splits)", "reported recall (mean, 95% corrected t)", "test recall (mean, 95% corrected t)", "reported − test recall (mean, 95% corrected t)"]);
        foreach (var l in measured.SelectMany(d => d.Leaks))
        {
            table.AddRow(l.Dataset, l.Sampler, "proper: split, then over-sample the fit rows", $"{F(l.ProperTwinShare.Min)}–{F(l.ProperTwinShare.Max)}", l.ProperReported.Interval, l.ProperTest.Interval, l.ProperInflation.Interval);
            table.AddRow(l.Dataset, l.Sampler, "leaky: over-sample, then split", $"{F(l.LeakyTwinShare.Min)}–{F(l.LeakyTwinShare.Max)}", l.LeakyReported.Interval, l.LeakyTest.Interval, l.LeakyInflation.Interval);
        }

        return table;
    }

    private static ReportTable Timings(IReadOnlyList<DatasetMeasurements> measured)
    {
        var table = new ReportTable("seconds", ["data set", "step", "seconds (summed over the splits)"]);
        foreach (var d in measured)
        {
            foreach (string step in d.Outcomes[0].Statistics.Seconds.Keys)
            {
                table.AddRow(d.Name, step, d.Outcomes.Sum(o => o.Statistics.Seconds[step]));
            }

            table.AddRow(d.Name, "whole splits (methods, leak check, statistics)", d.Outcomes.Sum(o => o.Seconds));
            table.AddRow(d.Name, "bootstrap intervals of split 1", d.BootstrapSeconds);
        }

        return table;
    }

    private static IEnumerable<Figure> DatasetFigures(DatasetMeasurements d)
    {
        bool[] labels = d.Display.Data.LabelsOf(d.Display.Data.Test);
        var curves = d.Metrics.Where(m => m.Method.Id != "majority" && !m.Method.Id.EndsWith("-tuned", StringComparison.Ordinal)).ToList();
        int ap = Comparison.Metrics.Count - 1, auc = ap - 1;
        yield return Figures.PrecisionRecall($"pr-{d.Name}.png", $"PR curves, {d.Name} split-1 test set ({labels.Count(l => l)} of {labels.Length} positive)",
            [.. curves.Select(m =>
            {
                var curve = PrecisionRecall.Curve(labels, m.Method.Scores);
                return new Series($"{m.Method.Id} (AP {m.Values[ap].Estimate.ToString("0.000", CultureInfo.InvariantCulture)})", curve.Recalls, curve.Precisions);
            })], d.Baseline.Prevalence);
        yield return Figures.Roc($"roc-{d.Name}.png", $"ROC curves, {d.Name} split-1 test set ({d.Display.Data.Task})",
            [.. curves.Select(m =>
            {
                var curve = Roc.Curve(labels, m.Method.Scores);
                return new Series($"{m.Method.Id} (AUC {m.Values[auc].Estimate.ToString("0.000", CultureInfo.InvariantCulture)})", curve.FalsePositiveRates, curve.TruePositiveRates);
            })]);
        yield return Figures.Bars($"f1-vs-fair-{d.Name}.png", Invariant($"{d.Name}: F1 of remedy at 0.5 − F1 of tuned plain, mean of {d.Splits} splits, 95% corrected t"), "Δ F1 (SM: SMOTE; NZ: noisy copies)",
            [.. d.Remedies.Select(r => new BarValue(Short(r.Remedy), r.F1VsTuned.Interval))]);
        yield return Figures.Bars($"ap-gain-{d.Name}.png", Invariant($"{d.Name}: AP of remedy − AP of plain model, mean of {d.Splits} splits, 95% corrected t"), "Δ AP (SM: SMOTE; NZ: noisy copies)",
            [.. d.Remedies.Select(r => new BarValue(Short(r.Remedy), r.AveragePrecision.Interval))]);
    }

    private static string Short(string id) => id.Replace("SMOTE", "SM", StringComparison.Ordinal).Replace("NOISE", "NZ", StringComparison.Ordinal);

    private static string Summary(IReadOnlyList<DatasetMeasurements> measured)
    {
        var text = new List<string>();
        foreach (var d in measured)
        {
            var b = d.Baseline;
            double F1Of(string id) => d.Metrics.Single(m => m.Method.Id == id).Values[3].Estimate;
            int Predicted(string id) => d.Metrics.Single(m => m.Method.Id == id).Method.Scores.Count(s => s >= 0.5);
            var fair = d.Remedies.Select(r => r.F1VsTuned.Interval.Estimate).ToList();
            var gainAp = d.Remedies.Select(r => r.AveragePrecision.Interval.Estimate).ToList();
            var lrPositives = d.Outcomes.Select(o => o.Statistics.PlainLrPredictedPositives).ToList();
            text.Add(Invariant(
                $"On {d.Name} ({Numbers.Percent(b.Prevalence)} positive) the always-negative model scores accuracy {F(b.Accuracy.Estimate)} and predicts no positive, so its precision is undefined, not 98% nor 0: the answer's 98% is an accuracy, 1 − prevalence. ")
                + Invariant($"On split 1 plain LR predicts {Predicted("LR")} of {d.TestRows} test rows positive at 0.5 (F1 {F(F1Of("LR"))}; {lrPositives.Min()}–{lrPositives.Max()} over the {d.Splits} splits); with its threshold tuned on out-of-fold training scores its F1 is {F(F1Of("LR-tuned"))}; plain FastTree's F1 is {F(F1Of("FT"))}, tuned {F(F1Of("FT-tuned"))}. ")
                + Invariant($"Against these fair baselines the ten remedies' mean F1 differences over the {d.Splits} splits run from {F(fair.Min())} to {F(fair.Max())}, and their mean AP differences against the plain models from {F(gainAp.Min())} to {F(gainAp.Max())}."));
        }

        foreach (var l in measured.SelectMany(d => d.Leaks))
        {
            text.Add(Invariant($"Over-sampling ({l.Sampler}) before the split on {l.Dataset} reports recall {F(l.LeakyReported.Interval.Estimate)} on average over the splits, but the same model recalls {F(l.LeakyTest.Interval.Estimate)} of the untouched test positives (proper protocol: {F(l.ProperReported.Interval.Estimate)} reported, {F(l.ProperTest.Interval.Estimate)} on test)."));
        }

        return string.Join(" ", text);
    }

    /// <summary>The main effects as signed numbers (means over the splits), for the pairing with replicate.py's scikit-learn measurements.</summary>
    private static IReadOnlyList<Effect> Effects(IReadOnlyList<DatasetMeasurements> measured)
    {
        var effects = new List<Effect>();
        foreach (var d in measured)
        {
            RemedyComparison R(string id) => d.Remedies.Single(r => r.Remedy == id);
            effects.Add(new Effect($"lr-weights-recall-gain-{d.Name}", $"recall of LR + class weights − LR, both at 0.5, mean over the splits ({d.Name})", R("LR-w").Recall.Interval.Estimate));
            effects.Add(new Effect($"ft-weights-precision-change-{d.Name}", $"precision of FastTree + class weights − FastTree, both at 0.5, mean over the splits ({d.Name})", R("FT-w").Precision.Interval.Estimate));
            effects.Add(new Effect($"lr-remedies-ap-change-{d.Name}", $"mean over the five LR remedies and the splits of AP(remedy) − AP(LR) ({d.Name})", d.Remedies.Where(r => r.Plain == "LR").Average(r => r.AveragePrecision.Interval.Estimate)));
            effects.Add(new Effect($"remedies-f1-vs-tuned-{d.Name}", $"mean over the ten remedies and the splits of F1(remedy at 0.5) − F1(plain at tuned threshold) ({d.Name})", d.Remedies.Average(r => r.F1VsTuned.Interval.Estimate)));
            effects.Add(new Effect($"accuracy-gap-{d.Name}", $"accuracy of the always-negative model − accuracy of the compared model, mean over the splits ({d.Name})", d.AccuracyGap.Interval.Estimate));
            effects.Add(new Effect($"pr-spread-log-{d.Name}", $"ln of the mean over the splits of S, S = normalised AP range / normalised ROC AUC range over the fitted models ({d.Name})", Math.Log(d.PrSpread.Interval.Estimate)));
            effects.AddRange(d.Leaks.Where(l => l.Sampler == "random over-sampling").Select(l =>
                new Effect($"leak-inflation-{l.Dataset}", $"recall reported by the leaky protocol − its test recall, random over-sampling, mean over the splits ({l.Dataset})", l.LeakyInflation.Interval.Estimate)));
        }

        return effects;
    }
}
