using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>The always-negative (always-majority) baseline on one test set.</summary>
/// <param name="Dataset">Data set name.</param>
/// <param name="Prevalence">Share of positives in the test set.</param>
/// <param name="TestRows">Rows of the test set.</param>
/// <param name="PredictedPositives">Test rows it predicts positive (0 for the always-negative model).</param>
/// <param name="Precision">Its precision with its interval; undefined (NaN, with the share of undefined resamples) when it predicts no positive.</param>
/// <param name="Accuracy">Its accuracy with its interval.</param>
internal sealed record BaselineNumbers(string Dataset, double Prevalence, int TestRows, int PredictedPositives, Interval Precision, Interval Accuracy);

/// <summary>Everything the claims read: the baselines (split 1) and, per claim, its cases (means over the splits with corrected resampled t intervals).</summary>
/// <param name="Baselines">The always-negative baseline of each data set.</param>
/// <param name="Accuracy">Per data set: accuracy of the baseline − accuracy of the least accurate model with at least half the best F1.</param>
/// <param name="Resampling">Per data set × learner × remedy (class weights, over-, under-sampling) × metric: the gain over the plain model.</param>
/// <param name="Augmentation">The same for noise-perturbed copies and SMOTE.</param>
/// <param name="TradeOff">Per data set × learner × rebalancing remedy: min(Δ recall, −Δ precision) against the plain model at 0.5.</param>
/// <param name="RocStability">Per data set × learner: min(range of recall, range of F1) / range of ROC AUC over the rebalanced variants.</param>
/// <param name="PrSpread">Per data set: the spread of AP over the fitted models relative to ROC AUC's, each over its possible span.</param>
/// <param name="Leak">Per data set × over-sampler: recall reported by the leaky protocol − the same model's recall on untouched test rows.</param>
internal sealed record Measurements(
    IReadOnlyList<BaselineNumbers> Baselines,
    IReadOnlyList<EffectCase> Accuracy,
    IReadOnlyList<EffectCase> Resampling,
    IReadOnlyList<EffectCase> Augmentation,
    IReadOnlyList<EffectCase> TradeOff,
    IReadOnlyList<EffectCase> RocStability,
    IReadOnlyList<EffectCase> PrSpread,
    IReadOnlyList<EffectCase> Leak);

/// <summary>The pure judging step: measured numbers in, judged claims out. Claims and criteria side by side.</summary>
internal static class Judging
{
    /// <summary>The smallest gain (ROC AUC, AP or F1, on their 0–1 scales) that counts as a better classifier.</summary>
    public const double MinimumGain = 0.01;

    /// <summary>How much closer than the best model the useless baseline's accuracy may come and still count as "close".</summary>
    public const double CloseAccuracy = 0.05;

    public static readonly Claim AccuracyMisleading = new(
        "accuracy-misleading",
        "Accuracy describes a classifier poorly on imbalanced data; precision, recall and F-score describe it better.")
    {
        Quote = "There are other metrics such as precision, recall, and F-score that describe the accuracy of the model better when using an imbalanced dataset.",
    };

    public static readonly Claim MajorityPrecision = new(
        "majority-precision-98",
        "On data with 2% positives, a model that always makes negative predictions would achieve a precision of 98%.")
    {
        Quote = "if we had a model that always made negative predictions, it would achieve a precision of 98%",
    };

    public static readonly Claim ResamplingHelps = new(
        "resampling-gives-better-classifier",
        "Over-sampling or under-sampling the training rows (or weighting them, its expected-value form) so that the model sees a balanced data set gives a better classifier.")
    {
        Quote = "Instead of sampling with a uniform distribution from the training dataset, we can use other distributions so the model sees a more balanced dataset.",
    };

    public static readonly Claim AugmentationHelps = new(
        "augmentation-gives-better-classifier",
        "Adding modified copies of minority rows (data augmentation; for tabular data: noise-perturbed copies, or SMOTE's interpolations) gives a better classifier.")
    {
        Quote = "We can add data in the less frequent categories by modifying existing data in a controlled way.",
    };

    public static readonly Claim RebalancingTradesPrecision = new(
        "rebalancing-trades-precision-for-recall",
        "Rebalancing (class weights, over-, under-sampling, SMOTE, noisy copies) raises recall at the cost of precision.");

    public static readonly Claim RocAucStable = new(
        "roc-auc-moves-little",
        "Rebalancing moves threshold metrics (recall, F1) a lot but ROC AUC only a little.");

    public static readonly Claim PrAucMoreInformative = new(
        "pr-auc-more-informative",
        "At strong imbalance the area under the precision-recall curve (average precision) separates models more than ROC AUC.");

    public static readonly Claim LeakBeforeSplit = new(
        "oversampling-before-split-leaks",
        "Over-sampling before splitting puts copies of evaluation rows into training and inflates the evaluation scores.");

    public static IReadOnlyList<Claim> All { get; } =
        [AccuracyMisleading, MajorityPrecision, ResamplingHelps, AugmentationHelps, RebalancingTradesPrecision, RocAucStable, PrAucMoreInformative, LeakBeforeSplit];

    /// <summary>The interval every case is judged with: over the splits, each split's statistic paired within the split.</summary>
    private const string OverSplits = "95% corrected resampled t interval (Nadeau–Bengio, n_test/n_train of the splits) of the mean over the stratified train/test splits";

    private const string Splits = "splits";

    private static readonly EffectCasesCriterion AccuracyCriterion = new(
        "per split, accuracy of the always-negative baseline (F1 0) − accuracy of the model with the lowest accuracy among those whose F1 is at least half the best F1 (above 0: accuracy ranks a model the answer's metrics call useful below one that finds nothing)",
        Direction.Greater, holdsAt: 0, partlyAt: -CloseAccuracy, cases: "data sets", holdsShare: 1, partlyShare: 1, interval: OverSplits, replicates: Splits);

    private static EffectCasesCriterion BetterClassifier(string remedies) => new(
        $"per split, gain of the {remedies} model at threshold 0.5 over the plain model (Δ ROC AUC, Δ AP: threshold-free; Δ F1: against the plain model with its threshold tuned on out-of-fold training scores, the fair baseline)",
        Direction.Greater, holdsAt: MinimumGain, partlyAt: MinimumGain, cases: "data set × learner × remedy × metric cases", holdsShare: 1, partlyShare: 0.5, interval: OverSplits, replicates: Splits);

    private static readonly EffectCasesCriterion TradeOffCriterion = new(
        "per split, min(Δ recall, −Δ precision) of the rebalanced model against the plain model, both at 0.5 (above 0 = recall up and precision down)",
        Direction.Greater, holdsAt: 0, partlyAt: 0, cases: "data set × learner × remedy pairs, each over the splits on which both models predict a positive at 0.5 (so Δ precision is defined; the others are counted and left out; a pair with fewer than 2 such splits is excluded)", holdsShare: 0.8, partlyShare: 0.5, interval: OverSplits, replicates: Splits);

    private static readonly EffectCasesCriterion RocStabilityCriterion = new(
        "per split, r = min(range of recall, range of F1) / range of ROC AUC over the plain model and its five rebalanced variants at 0.5",
        Direction.Greater, holdsAt: 5, partlyAt: 2, cases: "data set × learner cases", holdsShare: 1, partlyShare: 1, interval: OverSplits, replicates: Splits);

    private static readonly EffectCasesCriterion PrSpreadCriterion = new(
        "per split, S = (range of AP / (1 − prevalence)) / (range of ROC AUC / 0.5) over the fitted models, each range relative to the metric's span from a random ranking to a perfect one",
        Direction.Greater, holdsAt: 1, partlyAt: 1, cases: "data sets", holdsShare: 1, partlyShare: 0, interval: OverSplits, replicates: Splits);

    private static readonly EffectCasesCriterion LeakCriterion = new(
        "per split, recall reported by the leaky protocol (over-sample, then split) − the same model's recall on the untouched test rows",
        Direction.Greater, holdsAt: 0, partlyAt: 0, cases: "data set × over-sampler cases", holdsShare: 1, partlyShare: 0, interval: OverSplits, replicates: Splits);

    public static IReadOnlyList<ClaimResult> Judge(Measurements m) =>
    [
        AccuracyMisleading.Judge(AccuracyCriterion.Evaluate(m.Accuracy)),
        MajorityPrecision.Judge(new MajorityPrecisionCriterion().Evaluate(m.Baselines)),
        ResamplingHelps.Judge(BetterClassifier("re-sampled or re-weighted").Evaluate(m.Resampling)),
        AugmentationHelps.Judge(BetterClassifier("augmented").Evaluate(m.Augmentation)),
        RebalancingTradesPrecision.Judge(TradeOffCriterion.Evaluate(m.TradeOff)),
        RocAucStable.Judge(RocStabilityCriterion.Evaluate(m.RocStability)),
        PrAucMoreInformative.Judge(PrSpreadCriterion.Evaluate(m.PrSpread)),
        LeakBeforeSplit.Judge(LeakCriterion.Evaluate(m.Leak)),
    ];

    internal static string F(double value) => Numbers.Format(value);
}

/// <summary>
/// The answer's "precision of 98%" for a model that always predicts negative: precision = tp / (tp + fp) is 0/0 for such a
/// model, so the claim corrects to "its accuracy is 98%". It cannot hold or partly hold on any data.
/// </summary>
internal sealed class MajorityPrecisionCriterion : Criterion<IReadOnlyList<BaselineNumbers>>
{
    public const string CannotHold =
        "holds and partly holds cannot occur: a model that predicts no positive has tp + fp = 0, so its precision is undefined (0/0) on any data, never 98%";

    public override string Description =>
        "precision = tp / (tp + fp) of the always-negative model on each data set's split-1 test set (stratified bootstrap over its test rows; the model scores 0 on every row of every split); does not hold if on every data set that model predicts no positive, "
        + "so its precision is undefined on the test set and in every resample (the answer's 98% is its accuracy, 1 − prevalence); "
        + CannotHold + "; inconclusive if a baseline predicted a positive (then it is not the model the claim describes)";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<BaselineNumbers> input)
    {
        var parts = input.Select(b => string.Create(CultureInfo.InvariantCulture,
            $"{b.Dataset}: {b.PredictedPositives} of {b.TestRows} test rows predicted positive; precision {Numbers.Format(b.Precision)}{(double.IsNaN(b.Precision.Estimate) ? $" (tp + fp = 0; undefined in {Numbers.Percent(b.Precision.UndefinedShare)} of resamples)" : string.Empty)}; "
            + $"accuracy {Numbers.Format(b.Accuracy)} = 1 − prevalence {Judging.F(1 - b.Prevalence)}"));
        string evidence = string.Join("; ", parts);
        if (input.Count == 0 || input.Any(b => b.PredictedPositives > 0))
        {
            return (Verdict.Inconclusive, input.Count == 0 ? "no data set measured" : $"a baseline predicted positives, so it is not an always-negative model: {evidence}");
        }

        return (Verdict.DoesNotHold, evidence);
    }
}
