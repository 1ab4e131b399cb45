using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>Counts of folds without a minority row, for stratified and plain k-fold on one case.</summary>
/// <param name="Case">The case, e.g. "satellite-200, 10 folds".</param>
/// <param name="StratifiedEmpty">Stratified folds without a minority row.</param>
/// <param name="StratifiedFolds">Stratified folds in all.</param>
/// <param name="PlainEmpty">Plain k-fold folds without a minority row.</param>
/// <param name="PlainFolds">Plain k-fold folds in all.</param>
internal readonly record struct EmptyFoldCounts(string Case, int StratifiedEmpty, int StratifiedFolds, int PlainEmpty, int PlainFolds);

/// <summary>Judges "plain k-fold can leave a validation fold without the minority class; stratified folds never do":
/// does not hold if any stratified fold lacks the minority; otherwise the share of plain folds without a minority row,
/// with its Wilson 95% interval, is judged by an <see cref="EffectCriterion"/> (holds above <c>material</c>, partly
/// holds between <c>material</c> / 10 and <c>material</c>, does not hold below, inconclusive when it straddles).</summary>
internal sealed class EmptyFoldsCriterion : Criterion<EmptyFoldCounts>
{
    private readonly EffectCriterion _plain;

    public EmptyFoldsCriterion(double material) =>
        _plain = new EffectCriterion("share of plain k-fold folds without a minority row", Direction.Greater, material, material / 10, "Wilson 95% interval", "folds");

    public override string Description => "does not hold if any stratified fold lacks the minority class; otherwise " + _plain.Description;

    protected override (Verdict Verdict, string Evidence) Decide(EmptyFoldCounts input)
    {
        var plain = RepetitionStats.Wilson(input.PlainEmpty, input.PlainFolds);
        var judged = _plain.Evaluate(plain, input.PlainFolds);
        string evidence = $"{input.Case}: plain {input.PlainEmpty} of {input.PlainFolds} folds without a minority row, stratified {input.StratifiedEmpty} of {input.StratifiedFolds}; {judged.Evidence}";
        return (input.StratifiedEmpty > 0 ? Verdict.DoesNotHold : judged.Verdict, evidence);
    }
}

/// <summary>The measured numbers every claim is judged from.</summary>
internal sealed record Measurements
{
    /// <summary>Per case: mean |minority share deviation| per fold, stratified / plain (claimed below 1).</summary>
    public required IReadOnlyList<EffectCase> ClassRatio { get; init; }

    /// <summary>Folds without a minority row on the case where it matters most.</summary>
    public required EmptyFoldCounts EmptyFolds { get; init; }

    /// <summary>Per case: mean within-repetition SD of fold AP, stratified / plain (claimed below 1).</summary>
    public required IReadOnlyList<EffectCase> FoldSpread { get; init; }

    /// <summary>Per case: SD over repetitions of the CV mean AP, stratified / plain (claimed below 1).</summary>
    public required IReadOnlyList<EffectCase> EstimateSpread { get; init; }

    /// <summary>Slopes of the stratification benefit over log2(rows) and log2(minority share) (claimed below 0).</summary>
    public required IReadOnlyList<EffectCase> Trend { get; init; }

    /// <summary>Excess log-loss increase on a distribution missing from training, beyond a random group's (claimed above 0).</summary>
    public required EffectCase Shift { get; init; }

    /// <summary>Per case: mean |minority share deviation| per fold, ML.NET CrossValidationSplit / stratified (claimed above 1).</summary>
    public required IReadOnlyList<EffectCase> MlNetDeviation { get; init; }

    /// <summary>Splits with the label as ML.NET's samplingKeyColumnName in which every class fell into a single fold, out of all.</summary>
    public required (int Grouped, int Total) LabelKey { get; init; }
}

/// <summary>The claims of the answer and the pure step that judges them from <see cref="Measurements"/>.</summary>
internal static class Judging
{
    public static readonly Claim KeepsClassRatio = new("keeps-class-ratio",
        "Stratified cross-validation keeps the class proportions of the whole data set in every training and validation fold; plain (shuffled) k-fold does not.")
    {
        Quote = "in stratified cross-validation, the split preserves the ratio of the categories on both the training and validation datasets",
    };

    public static readonly Claim EveryFoldHasMinority = new("every-fold-has-minority",
        "With plain k-fold a validation fold can end up without a single minority sample (its metrics undefined); stratified folds always contain it.")
    {
        Quote = "if we use simple cross-validation, in the worst case we may find that there are no samples of category A in the validation set",
    };

    public static readonly Claim LowerFoldSpread = new("lower-fold-spread",
        "On small imbalanced data, stratified folds give less variable fold scores (per-fold average precision).");

    public static readonly Claim LowerEstimateVariance = new("lower-estimate-variance",
        "On small imbalanced data, stratified cross-validation gives a lower-variance estimate: its mean score varies less between reshuffles.");

    public static readonly Claim SmallerAndImbalancedMatterMore = new("smaller-and-imbalanced-matter-more",
        "The smaller the data set and the more imbalanced the classes, the more stratification reduces the spread of fold scores.")
    {
        Quote = "The smaller the dataset and the more imbalanced the categories, the more important it will be to use stratified cross-validation.",
    };

    public static readonly Claim MissingDistributionHurts = new("missing-distribution-hurts",
        "When the data come from different distributions, a model trained on folds that lack one of them generalizes worse on it.")
    {
        Quote = "If we do not ensure that both types are present in training and validation, we will have generalization problems.",
    };

    public static readonly Claim MlNetNotStratified = new("mlnet-cv-not-stratified",
        "ML.NET's CrossValidate is not stratified: its folds' minority shares stray from the overall share as plain k-fold's do.");

    public static readonly Claim SamplingKeyGroups = new("sampling-key-groups",
        "Passing the label as ML.NET's samplingKeyColumnName does not stratify: it groups, putting all rows of a class into the same fold.");

    public static IReadOnlyList<Claim> All { get; } =
    [
        KeepsClassRatio, EveryFoldHasMinority, LowerFoldSpread, LowerEstimateVariance, SmallerAndImbalancedMatterMore,
        MissingDistributionHurts, MlNetNotStratified, SamplingKeyGroups,
    ];

    /// <summary>Share of plain folds without a minority row above which the worst case is material (1%).</summary>
    public const double MaterialEmptyShare = 0.01;

    /// <summary>Excess log-loss increase (nats) on the missing distribution that counts as a generalization problem.</summary>
    public const double MaterialLogLossIncrease = 0.02;

    private const string OverSeeds = "95% bootstrap interval over shuffle seeds";
    private const string OverRepetitions = "95% bootstrap interval over repetitions";

    /// <summary>Judges every claim from the measured numbers.</summary>
    /// <param name="m">The measurements.</param>
    /// <returns>One judged claim per claim, in <see cref="All"/> order.</returns>
    public static IReadOnlyList<ClaimResult> Judge(Measurements m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var labelKey = RepetitionStats.Wilson(m.LabelKey.Grouped, m.LabelKey.Total);
        return
        [
            KeepsClassRatio.Judge(new CasesCriterion("mean |minority share - overall share| per validation fold, stratified / plain", Direction.Less, 0.5, 1, OverSeeds, "shuffle seeds").Evaluate(m.ClassRatio)),
            EveryFoldHasMinority.Judge(new EmptyFoldsCriterion(MaterialEmptyShare).Evaluate(m.EmptyFolds)),
            LowerFoldSpread.Judge(new CasesCriterion("mean within-repetition SD of fold AP, stratified / plain", Direction.Less, 0.9, 1, OverRepetitions, "repetitions").Evaluate(m.FoldSpread)),
            LowerEstimateVariance.Judge(new CasesCriterion("SD over repetitions of the CV mean AP, stratified / plain", Direction.Less, 0.9, 1, OverRepetitions, "repetitions").Evaluate(m.EstimateSpread)),
            SmallerAndImbalancedMatterMore.Judge(new CasesCriterion("slope of the benefit ln(SD plain / SD stratified of fold log loss)", Direction.Less, 0, 0, OverRepetitions, "repetitions").Evaluate(m.Trend)),
            MissingDistributionHurts.Judge(new EffectCriterion("log-loss increase (nats) on the group when its rows are missing from training, minus that of a random group of the same size",
                Direction.Greater, MaterialLogLossIncrease, 0, "95% interval from the spread of random groups", "rows in the group").Evaluate(m.Shift.Effect, m.Shift.Replicates)),
            MlNetNotStratified.Judge(new CasesCriterion("mean |minority share deviation| per fold, ML.NET CrossValidationSplit / stratified", Direction.Greater, 2, 1, OverSeeds, "seeds").Evaluate(m.MlNetDeviation)),
            SamplingKeyGroups.Judge(new EffectCriterion("share of splits with samplingKeyColumnName = Label where each class fell into a single fold", Direction.Greater, 0.9, 0.5,
                "Wilson 95% interval", "splits").Evaluate(labelKey, m.LabelKey.Total)),
        ];
    }
}
