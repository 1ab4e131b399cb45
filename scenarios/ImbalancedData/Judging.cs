using System.Globalization;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>The always-majority baseline on one test set.</summary>
/// <param name="Accuracy">Its accuracy.</param>
/// <param name="Recall">Its recall of the minority class.</param>
/// <param name="Precision">Its precision on the minority class; NaN when undefined (it predicts no positive).</param>
/// <param name="MajorityClassPrecision">Its precision when the majority class is taken as the positive class.</param>
internal sealed record BaselineNumbers(double Accuracy, double Recall, double Precision, double MajorityClassPrecision);

/// <summary>A fitted model's accuracy and recall (point estimates on the test set).</summary>
internal sealed record ModelNumbers(string Id, double Accuracy, double Recall);

/// <summary>A remedy compared with its plain model on the same test rows: paired bootstrap differences remedy − plain.</summary>
internal sealed record RemedyNumbers(string Remedy, string Plain, bool Rebalancing, Estimate RecallDifference, Estimate PrecisionDifference, Estimate F1Difference);

/// <summary>Ranges (max − min) over the logistic-regression variants that differ only in training data or weights.</summary>
internal sealed record RangeNumbers(double RocAuc, double Recall, double F1)
{
    /// <summary>min(range of recall, range of F1) / range of ROC AUC; +∞ when ROC AUC does not move at all.</summary>
    public double Ratio => Math.Min(Recall, F1) / RocAuc;
}

/// <summary>Everything the claims read from one data set.</summary>
/// <param name="Name">Data set name.</param>
/// <param name="Prevalence">Share of positives in the test set.</param>
/// <param name="Baseline">The always-majority baseline.</param>
/// <param name="Models">The fitted models.</param>
/// <param name="Remedies">Each remedy against its plain model.</param>
/// <param name="Ranges">Spread of ranking and threshold metrics across the LR variants.</param>
/// <param name="PrVsRoc">D = (AP_FT − AP_LR) − (AUC_FT − AUC_LR) with its paired bootstrap interval.</param>
/// <param name="SpreadRatio">S = range of AP / range of ROC AUC over the fitted models, with its bootstrap interval.</param>
internal sealed record DatasetNumbers(string Name, double Prevalence, BaselineNumbers Baseline, IReadOnlyList<ModelNumbers> Models, IReadOnlyList<RemedyNumbers> Remedies, RangeNumbers Ranges, Estimate PrVsRoc, Estimate SpreadRatio);

/// <summary>The leak check for one data set and sampler: recall reported by each protocol and recall on the untouched test set.</summary>
internal sealed record LeakNumbers(string Dataset, string Sampler, Estimate LeakyReported, Estimate LeakyTest, Estimate ProperReported, Estimate ProperTest);

/// <summary>The pure judging step: measured numbers in, judged claims out.</summary>
internal static class Judging
{
    public static readonly Claim AccuracyMisleading = new(
        "accuracy-misleading",
        "Accuracy is misleading on imbalanced data: a model that always predicts the majority class gets a high accuracy yet finds no minority case.");

    public static readonly Claim MajorityPrecision = new(
        "majority-precision-98",
        "A model that always predicts the majority class (98% of the data) would achieve a precision of 98%.");

    public static readonly Claim RebalancingTradesPrecision = new(
        "rebalancing-trades-precision-for-recall",
        "Resampling (over-sampling, under-sampling, SMOTE) and class weights raise recall at the cost of precision.");

    public static readonly Claim RocAucStable = new(
        "roc-auc-moves-little",
        "Resampling and weighting move threshold metrics (recall, F1) a lot but ROC AUC only a little.");

    public static readonly Claim PrAucMoreInformative = new(
        "pr-auc-more-informative",
        "At strong imbalance the area under the precision-recall curve (average precision) is more informative than ROC AUC.");

    public static readonly Claim LeakBeforeSplit = new(
        "oversampling-before-split-leaks",
        "Over-sampling before splitting puts copies of evaluation rows into training and inflates the evaluation scores.");

    public static readonly Claim RemediesImproveF1 = new(
        "remedies-improve-f1",
        "The remedies (class weights, resampling, moving the decision threshold) each give a better classifier (F1) than the plain model.");

    public static IReadOnlyList<Claim> All { get; } =
        [AccuracyMisleading, MajorityPrecision, RebalancingTradesPrecision, RocAucStable, PrAucMoreInformative, LeakBeforeSplit, RemediesImproveF1];

    public static IReadOnlyList<ClaimResult> Judge(IReadOnlyList<DatasetNumbers> datasets, IReadOnlyList<LeakNumbers> leaks)
    {
        var rebalancing = datasets.SelectMany(d => d.Remedies.Where(r => r.Rebalancing)).ToList();
        int traded = rebalancing.Count(r => r.RecallDifference.Lower > 0 && r.PrecisionDifference.Upper < 0);
        var all = datasets.SelectMany(d => d.Remedies).ToList();
        int better = all.Count(r => r.F1Difference.Lower > 0);
        return
        [
            AccuracyMisleading.Judge(new AccuracyMisleadingCriterion().Evaluate(datasets)),
            MajorityPrecision.Judge(new MajorityPrecisionCriterion().Evaluate(datasets)),
            RebalancingTradesPrecision.Judge(new FractionCriterion(
                "rebalancing remedies (data set × remedy) whose paired 95% bootstrap intervals show recall up and precision down against the plain model",
                0.8, 0.5).Evaluate(traded, Math.Max(rebalancing.Count, 1))),
            RocAucStable.Judge(new RangeRatioCriterion().Evaluate(datasets)),
            PrAucMoreInformative.Judge(new PrVsRocCriterion().Evaluate(datasets)),
            LeakBeforeSplit.Judge(new LeakCriterion().Evaluate(leaks)),
            RemediesImproveF1.Judge(new FractionCriterion(
                "remedies (data set × remedy) whose F1 exceeds the plain model's with a paired 95% bootstrap interval above 0",
                0.8, 0.5).Evaluate(better, Math.Max(all.Count, 1))),
        ];
    }

    internal static string F(double value) => Numbers.Format(value);
}

/// <summary>Claim 1: accuracy ranks a useless model as high as (or close to) useful ones.</summary>
internal sealed class AccuracyMisleadingCriterion : Criterion<IReadOnlyList<DatasetNumbers>>
{
    public const double UsefulRecall = 0.5;
    public const double CloseAccuracy = 0.05;

    public override string Description =>
        $"on a data set the baseline (always the majority class, recall 0) is 'ranked with useful models' if some fitted model with recall >= {Judging.F(UsefulRecall)} "
        + $"has an accuracy no higher than the baseline's, and 'close' if the baseline's accuracy is within {Judging.F(CloseAccuracy)} of the best fitted model's; "
        + "holds if the baseline is ranked with useful models on every data set; partly holds if it is at least close on every data set; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<DatasetNumbers> input)
    {
        bool allRanked = input.Count > 0, allClose = input.Count > 0;
        var parts = new List<string>();
        foreach (var d in input)
        {
            var useful = d.Models.Where(m => m.Recall >= UsefulRecall && m.Accuracy <= d.Baseline.Accuracy).OrderBy(m => m.Accuracy).ToList();
            var best = d.Models.MaxBy(m => m.Accuracy);
            bool ranked = useful.Count > 0;
            bool close = ranked || (best is not null && best.Accuracy - d.Baseline.Accuracy <= CloseAccuracy);
            allRanked &= ranked;
            allClose &= close;
            string example = ranked ? $"; {useful[0].Id} has recall {Judging.F(useful[0].Recall)} but accuracy {Judging.F(useful[0].Accuracy)}" : string.Empty;
            parts.Add($"{d.Name}: baseline accuracy {Judging.F(d.Baseline.Accuracy)} with recall {Judging.F(d.Baseline.Recall)}, best model accuracy {(best is null ? "none" : $"{Judging.F(best.Accuracy)} ({best.Id}, recall {Judging.F(best.Recall)})")}{example}");
        }

        var verdict = allRanked ? Verdict.Holds : allClose ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, string.Join("; ", parts));
    }
}

/// <summary>Claim 2: the always-majority model's precision is 1 − minority share.</summary>
internal sealed class MajorityPrecisionCriterion : Criterion<IReadOnlyList<DatasetNumbers>>
{
    public const double Tolerance = 0.01;

    public override string Description =>
        $"'98%' is read as 1 − minority share; holds if on every data set the baseline's precision on the minority (positive) class is defined and within {Judging.F(Tolerance)} of 1 − prevalence; "
        + "partly holds if that is so on at least one data set; does not hold otherwise (an undefined precision, when no row is predicted positive, does not match)";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<DatasetNumbers> input)
    {
        int matches = 0;
        var parts = new List<string>();
        foreach (var d in input)
        {
            double expected = 1 - d.Prevalence;
            bool match = !double.IsNaN(d.Baseline.Precision) && Math.Abs(d.Baseline.Precision - expected) <= Tolerance;
            matches += match ? 1 : 0;
            string precision = double.IsNaN(d.Baseline.Precision) ? "undefined (no predicted positives, tp + fp = 0)" : Judging.F(d.Baseline.Precision);
            parts.Add($"{d.Name}: 1 − prevalence = {Judging.F(expected)}; precision {precision}; accuracy {Judging.F(d.Baseline.Accuracy)}; precision of the majority class {Judging.F(d.Baseline.MajorityClassPrecision)}");
        }

        var verdict = input.Count > 0 && matches == input.Count ? Verdict.Holds : matches > 0 ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, string.Join("; ", parts));
    }
}

/// <summary>Claim 4: across the LR variants, recall and F1 spread much more than ROC AUC.</summary>
internal sealed class RangeRatioCriterion : Criterion<IReadOnlyList<DatasetNumbers>>
{
    public const double HoldsAt = 5;
    public const double PartlyAt = 2;

    public override string Description =>
        "over the logistic-regression variants (plain, class weights, over-, under-sampling, SMOTE; threshold 0.5) take r = min(range of recall, range of F1) / range of ROC AUC (range = max − min of test-set point estimates); "
        + $"holds if r >= {Judging.F(HoldsAt)} on every data set; partly holds if r >= {Judging.F(PartlyAt)} on every data set; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<DatasetNumbers> input)
    {
        double worst = input.Count == 0 ? double.NaN : input.Min(d => d.Ranges.Ratio);
        string evidence = string.Join("; ", input.Select(d =>
            $"{d.Name}: ROC AUC range {Judging.F(d.Ranges.RocAuc)}, recall range {Judging.F(d.Ranges.Recall)}, F1 range {Judging.F(d.Ranges.F1)}, r = {Judging.F(d.Ranges.Ratio)}"));
        var verdict = worst >= HoldsAt ? Verdict.Holds : worst >= PartlyAt ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}

/// <summary>Claim 5: ROC AUC bunches the fitted models near the top while average precision spreads them, the more so at lower prevalence.</summary>
internal sealed class PrVsRocCriterion : Criterion<IReadOnlyList<DatasetNumbers>>
{
    public override string Description =>
        "S = range of AP / range of ROC AUC over the fitted models (range = max − min on the test set), and D = (AP of FastTree − AP of LR) − (ROC AUC of FastTree − ROC AUC of LR), "
        + "both with paired stratified 95% bootstrap intervals; holds if on every data set S's interval lies above 1 and D's above 0, and S is largest on the data set with the lowest prevalence; "
        + "partly holds if S's interval lies above 1 or D's above 0 on at least one data set; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<DatasetNumbers> input)
    {
        bool allAbove = input.Count > 0 && input.All(d => d.SpreadRatio.Lower > 1 && d.PrVsRoc.Lower > 0);
        bool anyAbove = input.Any(d => d.SpreadRatio.Lower > 1 || d.PrVsRoc.Lower > 0);
        var rarest = input.MinBy(d => d.Prevalence);
        bool largestAtRarest = rarest is not null && input.All(d => d.SpreadRatio.Value <= rarest.SpreadRatio.Value);
        string evidence = string.Join("; ", input.Select(d => $"{d.Name} (prevalence {Judging.F(d.Prevalence)}): S = {d.SpreadRatio}, D = {d.PrVsRoc}"))
            + (rarest is null ? string.Empty : $"; S {(largestAtRarest ? "is" : "is not")} largest at the lowest prevalence ({rarest.Name})");
        var verdict = allAbove && largestAtRarest ? Verdict.Holds : anyAbove ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}

/// <summary>Claim 6: the leaky protocol reports a recall its model does not reach on untouched data; the proper one does not.</summary>
internal sealed class LeakCriterion : Criterion<IReadOnlyList<LeakNumbers>>
{
    public override string Description =>
        "for each data set and over-sampler, compare the recall each protocol reports on its own validation rows with the same model's recall on the untouched test rows (95% stratified bootstrap intervals); "
        + "holds if for every case the leaky protocol's reported interval lies entirely above its test interval while the proper protocol's two intervals overlap; "
        + "partly holds if the leaky reported recall exceeds its test recall (point estimates) in at least one case; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<LeakNumbers> input)
    {
        bool all = input.Count > 0;
        bool any = false;
        var parts = new List<string>();
        foreach (var l in input)
        {
            bool inflated = l.LeakyReported.Lower > l.LeakyTest.Upper;
            bool properHonest = l.ProperReported.Lower <= l.ProperTest.Upper && l.ProperTest.Lower <= l.ProperReported.Upper;
            all &= inflated && properHonest;
            any |= l.LeakyReported.Value > l.LeakyTest.Value;
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{l.Dataset}, {l.Sampler}: leaky reported {l.LeakyReported} vs test {l.LeakyTest}; proper reported {l.ProperReported} vs test {l.ProperTest}"));
        }

        var verdict = all ? Verdict.Holds : any ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, string.Join("; ", parts));
    }
}
