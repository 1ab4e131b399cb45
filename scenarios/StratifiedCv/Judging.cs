using ClassicalML.Scenarios;

namespace StratifiedCv;

/// <summary>One measured estimate for one case (data set, number of folds, ...).</summary>
/// <param name="Case">The case, e.g. "satellite, 10 folds".</param>
/// <param name="Value">The estimate with its 95% interval.</param>
internal readonly record struct CaseEstimate(string Case, Estimate Value);

/// <summary>Judges an estimate measured in several cases against one threshold: holds if in every case the whole
/// interval lies on the claimed side; partly holds if in at least one case it does, or if every point estimate lies
/// on the claimed side; does not hold otherwise (NaN counts against the claim).</summary>
internal sealed class AllCasesCriterion : Criterion<IReadOnlyList<CaseEstimate>>
{
    private readonly string _quantity;
    private readonly Direction _direction;
    private readonly double _threshold;

    public AllCasesCriterion(string quantity, Direction direction, double threshold)
    {
        _quantity = quantity;
        _direction = direction;
        _threshold = threshold;
    }

    public override string Description
    {
        get
        {
            string side = _direction == Direction.Greater ? "above" : "below";
            string t = Numbers.Format(_threshold);
            return $"{_quantity}: holds if in every case the whole 95% interval lies {side} {t}; partly holds if it does in at least one case, or every point estimate is {side} {t}; does not hold otherwise";
        }
    }

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<CaseEstimate> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Count == 0)
        {
            throw new ArgumentException("input has no case; measure at least one case before judging.", nameof(input));
        }

        bool Clear(Estimate e) => !e.IsUndefined && (_direction == Direction.Greater ? e.Lower > _threshold : e.Upper < _threshold);
        bool Point(Estimate e) => !double.IsNaN(e.Value) && (_direction == Direction.Greater ? e.Value > _threshold : e.Value < _threshold);
        int clear = input.Count(c => Clear(c.Value));
        int point = input.Count(c => Point(c.Value));
        string side = _direction == Direction.Greater ? "above" : "below";
        string evidence = $"{_quantity}: " + string.Join("; ", input.Select(c => $"{c.Case} {c.Value}"))
            + $" ({clear} of {input.Count} intervals wholly {side} {Numbers.Format(_threshold)}, {point} point estimates {side})";
        Verdict verdict = clear == input.Count ? Verdict.Holds
            : clear > 0 || point == input.Count ? Verdict.PartlyHolds
            : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}

/// <summary>Counts of folds without a minority row, for stratified and plain k-fold on one case.</summary>
/// <param name="Case">The case, e.g. "satellite-200, 10 folds".</param>
/// <param name="StratifiedEmpty">Stratified folds without a minority row.</param>
/// <param name="StratifiedFolds">Stratified folds in all.</param>
/// <param name="PlainEmpty">Plain k-fold folds without a minority row.</param>
/// <param name="PlainFolds">Plain k-fold folds in all.</param>
internal readonly record struct EmptyFoldCounts(string Case, int StratifiedEmpty, int StratifiedFolds, int PlainEmpty, int PlainFolds);

/// <summary>Judges "plain k-fold leaves folds without a minority row, stratified never does": holds if stratified has
/// none and the Wilson 95% lower bound of plain's fraction is at least <c>material</c>; partly holds if stratified has
/// none and plain has some, but rarely (lower bound below <c>material</c>); does not hold otherwise.</summary>
internal sealed class EmptyFoldsCriterion : Criterion<EmptyFoldCounts>
{
    private readonly double _material;

    public EmptyFoldsCriterion(double material) => _material = material;

    public override string Description =>
        $"holds if no stratified fold lacks the minority class and the Wilson 95% lower bound of the fraction of plain k-fold folds without a minority row is >= {Numbers.Percent(_material)}; "
        + $"partly holds if stratified has none and plain has some but the lower bound is below {Numbers.Percent(_material)}; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(EmptyFoldCounts input)
    {
        var plain = RepetitionStats.Wilson(input.PlainEmpty, input.PlainFolds);
        var strat = RepetitionStats.Wilson(input.StratifiedEmpty, input.StratifiedFolds);
        string evidence = $"{input.Case}: plain {input.PlainEmpty} of {input.PlainFolds} folds without a minority row ({plain}), stratified {input.StratifiedEmpty} of {input.StratifiedFolds} ({strat})";
        Verdict verdict = input.StratifiedEmpty > 0 || input.PlainEmpty == 0 ? Verdict.DoesNotHold
            : plain.Lower >= _material ? Verdict.Holds
            : Verdict.PartlyHolds;
        return (verdict, evidence);
    }
}

/// <summary>The measured numbers every claim is judged from.</summary>
internal sealed record Measurements
{
    /// <summary>Per case: mean |minority share deviation| per fold, stratified / plain (claimed below 1).</summary>
    public required IReadOnlyList<CaseEstimate> ClassRatio { get; init; }

    /// <summary>Folds without a minority row on the case where it matters most.</summary>
    public required EmptyFoldCounts EmptyFolds { get; init; }

    /// <summary>Per case: mean within-repetition SD of fold AP, stratified / plain (claimed below 1).</summary>
    public required IReadOnlyList<CaseEstimate> FoldSpread { get; init; }

    /// <summary>Per case: SD over repetitions of the CV mean AP, stratified / plain (claimed below 1).</summary>
    public required IReadOnlyList<CaseEstimate> EstimateSpread { get; init; }

    /// <summary>Per case: mean |minority share deviation| per fold, ML.NET CrossValidationSplit / stratified (claimed above 1).</summary>
    public required IReadOnlyList<CaseEstimate> MlNetDeviation { get; init; }

    /// <summary>Splits with the label as ML.NET's samplingKeyColumnName in which every class fell into a single fold, out of all.</summary>
    public required (int Grouped, int Total) LabelKey { get; init; }

    /// <summary>Per case: attribute-stratified / plain ratios of day-share deviation and of fold AP SD (claimed below 1).</summary>
    public required IReadOnlyList<CaseEstimate> Attribute { get; init; }
}

/// <summary>The claims of the answer and the pure step that judges them from <see cref="Measurements"/>.</summary>
internal static class Judging
{
    public static readonly Claim KeepsClassRatio = new("keeps-class-ratio",
        "Stratified cross-validation keeps the class proportions of the whole data set in every fold; plain (shuffled) k-fold does not.");

    public static readonly Claim EveryFoldHasMinority = new("every-fold-has-minority",
        "On small, imbalanced data plain k-fold can leave folds without a minority sample (fold metrics undefined); stratified folds always contain it.");

    public static readonly Claim LowerFoldSpread = new("lower-fold-spread",
        "With imbalanced classes, stratified folds give less variable fold scores (per-fold average precision).");

    public static readonly Claim LowerEstimateVariance = new("lower-estimate-variance",
        "Stratified cross-validation gives a lower-variance estimate: its mean score varies less between reshuffles (judged on the small data set, the only one with enough repetitions for an SD over repetitions).");

    public static readonly Claim MlNetNotStratified = new("mlnet-cv-not-stratified",
        "ML.NET's CrossValidate is not stratified: its folds' minority shares stray from the overall share as plain k-fold's do.");

    public static readonly Claim SamplingKeyGroups = new("sampling-key-groups",
        "Passing the label as ML.NET's samplingKeyColumnName does not stratify: it groups, putting all rows of a class into the same fold.");

    public static readonly Claim StratifyByDistribution = new("stratify-by-distribution",
        "When data come from different distributions (day and night images), stratifying on that attribute puts both in every fold and makes the fold scores more representative.");

    public static IReadOnlyList<Claim> All { get; } =
        [KeepsClassRatio, EveryFoldHasMinority, LowerFoldSpread, LowerEstimateVariance, MlNetNotStratified, SamplingKeyGroups, StratifyByDistribution];

    /// <summary>Minimum Wilson lower bound of the fraction of plain folds without a minority row for a clear "holds".</summary>
    public const double MaterialEmptyShare = 0.01;

    /// <summary>Judges every claim from the measured numbers.</summary>
    /// <param name="m">The measurements.</param>
    /// <returns>One judged claim per claim, in <see cref="All"/> order.</returns>
    public static IReadOnlyList<ClaimResult> Judge(Measurements m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return
        [
            KeepsClassRatio.Judge(new AllCasesCriterion("mean |minority share deviation| per fold, stratified / plain", Direction.Less, 1).Evaluate(m.ClassRatio)),
            EveryFoldHasMinority.Judge(new EmptyFoldsCriterion(MaterialEmptyShare).Evaluate(m.EmptyFolds)),
            LowerFoldSpread.Judge(new AllCasesCriterion("mean within-repetition SD of fold AP, stratified / plain", Direction.Less, 1).Evaluate(m.FoldSpread)),
            LowerEstimateVariance.Judge(new AllCasesCriterion("SD over repetitions of the CV mean AP, stratified / plain", Direction.Less, 1).Evaluate(m.EstimateSpread)),
            MlNetNotStratified.Judge(new AllCasesCriterion("mean |minority share deviation| per fold, ML.NET CrossValidationSplit / stratified", Direction.Greater, 1).Evaluate(m.MlNetDeviation)),
            SamplingKeyGroups.Judge(new FractionCriterion("splits with samplingKeyColumnName = Label where each class fell into a single fold", 0.95, 0.5).Evaluate(m.LabelKey.Grouped, m.LabelKey.Total)),
            StratifyByDistribution.Judge(new AllCasesCriterion("stratified by day/night / plain ratios (day-share deviation; fold AP SD)", Direction.Less, 1).Evaluate(m.Attribute)),
        ];
    }
}
