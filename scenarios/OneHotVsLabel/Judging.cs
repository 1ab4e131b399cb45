using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>Claim 1's numbers: paired per-fold AUC gaps one-hot − label on the same folds.</summary>
/// <param name="LogisticGap">AUC(one-hot) − AUC(label) for logistic regression, with interval.</param>
/// <param name="TreeGap">AUC(one-hot) − AUC(label) for FastTree.</param>
/// <param name="GapDifference">Per fold: logistic gap − FastTree gap.</param>
/// <param name="Rows">The rows cross-validated (the intervals narrow as one over the square root of the rows).</param>
internal sealed record LabelPenalty(Interval LogisticGap, Interval TreeGap, Interval GapDifference, int Rows);

/// <summary>Claim 2's numbers: true-order codes against one-hot on the ordinal columns, logistic regression.</summary>
/// <param name="Difference">AUC(mixed: ordinal columns ranked) − AUC(one-hot), paired per fold.</param>
/// <param name="OrdinalFeatures">Features with the ordinal columns ranked.</param>
/// <param name="OneHotFeatures">Features with every column one-hot.</param>
/// <param name="Rows">The rows cross-validated.</param>
internal sealed record OrdinalComparison(Interval Difference, int OrdinalFeatures, int OneHotFeatures, int Rows);

/// <summary>The size of one encoding at one cardinality.</summary>
/// <param name="Levels">The number of levels of the nominal feature.</param>
/// <param name="Features">The number of features after encoding.</param>
/// <param name="DenseBytes">rows × features × 4.</param>
/// <param name="SparseBytes">non-zeros × 8.</param>
internal sealed record SizePoint(int Levels, int Features, long DenseBytes, long SparseBytes);

/// <summary>Claim 3's numbers: sizes of one-hot and label encoding over the cardinalities (ascending).</summary>
/// <param name="OneHot">One-hot sizes.</param>
/// <param name="Label">Label-encoding sizes.</param>
internal sealed record SizeGrowth(IReadOnlyList<SizePoint> OneHot, IReadOnlyList<SizePoint> Label);

/// <summary>Claim 4's numbers at the largest cardinality: paired per-fold AUC differences and feature counts.</summary>
/// <param name="Levels">The number of levels.</param>
/// <param name="LogisticLabelVsOneHot">AUC(label) − AUC(one-hot), logistic regression.</param>
/// <param name="TreeLabelVsOneHot">AUC(label) − AUC(one-hot), FastTree.</param>
/// <param name="LogisticLabelVsNumeric">AUC(label) − AUC(numeric features only), logistic regression.</param>
/// <param name="LogisticHashVsOneHot">AUC(hashing) − AUC(one-hot), logistic regression.</param>
/// <param name="TreeHashVsOneHot">AUC(hashing) − AUC(one-hot), FastTree.</param>
/// <param name="OneHotFeatures">Features with one-hot.</param>
/// <param name="LabelFeatures">Features with label encoding.</param>
/// <param name="HashFeatures">Features with hashing.</param>
/// <param name="Rows">The rows cross-validated.</param>
internal sealed record HighCardinalityComparison(
    int Levels,
    Interval LogisticLabelVsOneHot,
    Interval TreeLabelVsOneHot,
    Interval LogisticLabelVsNumeric,
    Interval LogisticHashVsOneHot,
    Interval TreeHashVsOneHot,
    int OneHotFeatures,
    int LabelFeatures,
    int HashFeatures,
    int Rows);

/// <summary>Claim 4's numbers at one cardinality and model: label against one-hot, and what the feature contributes.</summary>
/// <param name="Levels">The number of levels.</param>
/// <param name="Model">The model.</param>
/// <param name="LabelVsOneHot">AUC(label) − AUC(one-hot), paired per fold.</param>
/// <param name="Contribution">The feature's own contribution: AUC(one-hot) − AUC(numeric features only), paired per fold.</param>
/// <param name="Rows">The rows cross-validated.</param>
internal sealed record CardinalityCase(int Levels, string Model, Interval LabelVsOneHot, Interval Contribution, int Rows);

/// <summary>Everything the verdicts are computed from.</summary>
/// <param name="Penalty">Claim 1.</param>
/// <param name="Ordinal">Claim 2.</param>
/// <param name="Growth">Claim 3.</param>
/// <param name="HighCardinality">The largest cardinality (summary and replication).</param>
/// <param name="ManyLevels">Claim 4: every model at every cardinality counted as large.</param>
internal sealed record Measurements(LabelPenalty Penalty, OrdinalComparison Ordinal, SizeGrowth Growth, HighCardinalityComparison HighCardinality, IReadOnlyList<CardinalityCase> ManyLevels);

/// <summary>The pure judging step: measured numbers in, one judged claim per claim out.</summary>
internal static class Judging
{
    /// <summary>The AUC loss still counted as "about as good" (non-inferiority margin).</summary>
    public const double AucMargin = 0.01;

    /// <summary>An AUC loss up to this counts as "somewhat worse" (partly holds).</summary>
    public const double AucPartlyMargin = 0.03;

    /// <summary>A growth exponent at least this large counts as growing with the number of levels.</summary>
    public const double GrowsAt = 0.5;

    /// <summary>A growth exponent at most this large counts as flat.</summary>
    public const double FlatAt = 0.05;

    private const string Interval = "95% corrected resampled t interval over the folds";

    /// <summary>Rows, not folds, are the replicates: more folds or repeats cannot narrow a corrected t interval below
    /// its (1/(k − 1)) term, but more rows narrow the fold-to-fold spread.</summary>
    private const string Rows = "rows";

    private static readonly TwoPartCriterion Penalty = new(
        new EffectCriterion("logistic AUC(one-hot) − AUC(label)", Direction.Greater, AucMargin, 0, Interval, Rows),
        new EffectCriterion("(logistic gap) − (FastTree gap), per fold", Direction.Greater, 0, 0, Interval, Rows));

    private static readonly EffectCriterion Ordinal = new("logistic AUC(true order for ordinal columns) − AUC(one-hot)", Direction.Greater, -AucMargin, -AucPartlyMargin, Interval, Rows);

    /// <summary>Label encoding "does as well" if it loses at most this share of the feature's contribution.</summary>
    public const double ContributionHoldsAt = 0.1;

    /// <summary>... and "partly" if it loses at most this share.</summary>
    public const double ContributionPartlyAt = 0.5;

    /// <summary>Judges the four claims.</summary>
    /// <param name="m">The measurements.</param>
    /// <returns>The judged claims, in the scenario's claim order.</returns>
    public static IReadOnlyList<ClaimResult> Judge(Measurements m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return [JudgePenalty(m.Penalty), JudgeOrdinal(m.Ordinal), JudgeGrowth(m.Growth), JudgeManyLevels(m.ManyLevels)];
    }

    public static ClaimResult JudgePenalty(LabelPenalty p) => OneHotVsLabelScenario.LabelHurtsLinear.Judge(
        Penalty.Evaluate(new MeasuredEffect(p.LogisticGap, p.Rows), new MeasuredEffect(p.GapDifference, p.Rows)));

    public static ClaimResult JudgeOrdinal(OrdinalComparison o) => OneHotVsLabelScenario.OrdinalSuitsOrdinal.Judge(new OrdinalCriterion(Ordinal).Evaluate(o));

    public static ClaimResult JudgeGrowth(SizeGrowth g) => OneHotVsLabelScenario.OneHotGrows.Judge(new GrowthCriterion(GrowsAt, FlatAt).Evaluate(g));

    public static ClaimResult JudgeManyLevels(IReadOnlyList<CardinalityCase> cases) => OneHotVsLabelScenario.LabelForManyLevels.Judge(new RuleOfThumbCriterion().Evaluate(cases));

    /// <summary>log(last / first) / log(levels_last / levels_first): 1 = grows in proportion to the levels, 0 = flat.</summary>
    /// <param name="points">Sizes at ascending cardinalities (at least two, different levels).</param>
    /// <param name="size">Which size.</param>
    /// <returns>The exponent; NaN with fewer than two points.</returns>
    public static double GrowthExponent(IReadOnlyList<SizePoint> points, Func<SizePoint, double> size)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2 || points[^1].Levels == points[0].Levels)
        {
            return double.NaN;
        }

        return Math.Log(size(points[^1]) / size(points[0])) / Math.Log((double)points[^1].Levels / points[0].Levels);
    }
}

/// <summary>Claim 2: ranking ordinal columns is as good as one-hot (within a margin) with fewer features.</summary>
internal sealed class OrdinalCriterion(EffectCriterion effect) : Criterion<OrdinalComparison>
{
    public override string Description => $"does not hold if the true-order encoding does not have fewer features than one-hot; otherwise {effect.Description}";

    protected override (Verdict Verdict, string Evidence) Decide(OrdinalComparison input)
    {
        var features = $"features {input.OrdinalFeatures} vs {input.OneHotFeatures}";
        if (input.OrdinalFeatures >= input.OneHotFeatures)
        {
            return (Verdict.DoesNotHold, $"{features}: the true-order encoding does not have fewer features");
        }

        var j = effect.Evaluate(input.Difference, input.Rows);
        return (j.Verdict, $"{j.Evidence}; {features}");
    }
}

/// <summary>Claim 4 at one cardinality and model: label's loss against one-hot, relative to what the feature contributes.</summary>
internal sealed class RelativeLossCriterion : Criterion<CardinalityCase>
{
    public override string Description => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"with C the feature's contribution (AUC(one-hot) − AUC(numeric only), its point estimate): the 95% corrected resampled t interval of AUC(label) − AUC(one-hot) holds if it lies above −{Numbers.Format(Judging.ContributionHoldsAt)}·C (label keeps at least {Numbers.Percent(1 - Judging.ContributionHoldsAt)} of it), "
        + $"partly holds if it lies wholly between −{Numbers.Format(Judging.ContributionPartlyAt)}·C and −{Numbers.Format(Judging.ContributionHoldsAt)}·C, does not hold if it lies below −{Numbers.Format(Judging.ContributionPartlyAt)}·C, inconclusive if it straddles a boundary (with the rows that would decide)");

    protected override (Verdict Verdict, string Evidence) Decide(CardinalityCase input)
    {
        double c = input.Contribution.Estimate;
        var effect = new EffectCriterion("AUC(label) − AUC(one-hot)", Direction.Greater, -Judging.ContributionHoldsAt * c, -Judging.ContributionPartlyAt * c, "95% corrected resampled t interval", "rows");
        var j = effect.Evaluate(input.LabelVsOneHot, input.Rows);
        return (j.Verdict, $"the feature contributes {Numbers.Format(input.Contribution)}; {j.Evidence}");
    }
}

/// <summary>Claim 4: at many levels, label encoding keeps the feature's contribution about as well as one-hot, for each model.</summary>
internal sealed class RuleOfThumbCriterion : Criterion<IReadOnlyList<CardinalityCase>>
{
    private static readonly CasesCriterion<CardinalityCase> PerCase = new(new RelativeLossCriterion(), "large cardinalities and models");

    public override string Description =>
        $"only cardinalities and models at which the feature matters (the interval of its contribution lies above 0) count; inconclusive if none does; {PerCase.Description}";

    protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<CardinalityCase> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var matters = input.Where(c => c.Contribution.Lower > 0).ToList();
        string left = string.Join(", ", input.Where(c => !(c.Contribution.Lower > 0)).Select(c => $"{c.Levels} levels, {c.Model} (contribution {Numbers.Format(c.Contribution)})"));
        string note = left.Length == 0 ? string.Empty : $"; left out, the feature does not matter there: {left}";
        if (matters.Count == 0)
        {
            return (Verdict.Inconclusive, $"the feature matters at no large cardinality, so label encoding has nothing to lose{note}");
        }

        var j = PerCase.Evaluate([.. matters.Select(c => (string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Levels} levels, {c.Model}"), c))]);
        return (j.Verdict, j.Evidence + note);
    }
}

/// <summary>Claim 3: one-hot's features and memory grow with the number of levels, label encoding's stay flat.</summary>
internal sealed class GrowthCriterion(double growsAt, double flatAt) : Criterion<SizeGrowth>
{
    public override string Description =>
        $"growth exponent g = log(size at most levels / size at fewest levels) / log(most levels / fewest levels) (1 = proportional, 0 = flat); "
        + $"holds if one-hot's g ≥ {Numbers.Format(growsAt)} for features, dense bytes and sparse bytes while label encoding's g ≤ {Numbers.Format(flatAt)} for all three; "
        + $"partly holds if that is so for features and dense bytes but one-hot's sparse bytes grow with g < {Numbers.Format(growsAt)} (memory grows only when stored densely); "
        + "does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(SizeGrowth input)
    {
        double G(IReadOnlyList<SizePoint> p, Func<SizePoint, double> s) => Judging.GrowthExponent(p, s);
        double ohF = G(input.OneHot, p => p.Features), ohD = G(input.OneHot, p => p.DenseBytes), ohS = G(input.OneHot, p => p.SparseBytes);
        double lbF = G(input.Label, p => p.Features), lbD = G(input.Label, p => p.DenseBytes), lbS = G(input.Label, p => p.SparseBytes);
        var range = input.OneHot.Count > 0 ? $"{input.OneHot[0].Levels} → {input.OneHot[^1].Levels} levels" : "no levels";
        var evidence = $"{range}: one-hot g(features) = {Numbers.Format(ohF)}, g(dense) = {Numbers.Format(ohD)}, g(sparse) = {Numbers.Format(ohS)}; "
            + $"label g = {Numbers.Format(lbF)}, {Numbers.Format(lbD)}, {Numbers.Format(lbS)}";
        if (input.OneHot.Count > 0 && input.Label.Count > 0)
        {
            evidence += $"; one-hot features {input.OneHot[0].Features} → {input.OneHot[^1].Features}, label {input.Label[0].Features} → {input.Label[^1].Features}";
        }

        bool labelFlat = lbF <= flatAt && lbD <= flatAt && lbS <= flatAt;
        bool oneHotGrows = ohF >= growsAt && ohD >= growsAt;
        if (labelFlat && oneHotGrows && ohS >= growsAt)
        {
            return (Verdict.Holds, evidence);
        }

        return labelFlat && oneHotGrows
            ? (Verdict.PartlyHolds, evidence + ": one-hot's features and dense memory grow, its sparse memory does not")
            : (Verdict.DoesNotHold, evidence);
    }
}
