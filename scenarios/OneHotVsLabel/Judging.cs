namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>Claim 1's numbers: paired per-fold AUC gaps one-hot − label on the same folds.</summary>
/// <param name="LogisticGap">AUC(one-hot) − AUC(label) for logistic regression, with interval.</param>
/// <param name="TreeGap">AUC(one-hot) − AUC(label) for FastTree.</param>
/// <param name="GapDifference">Per fold: logistic gap − FastTree gap.</param>
internal sealed record LabelPenalty(Estimate LogisticGap, Estimate TreeGap, Estimate GapDifference);

/// <summary>Claim 2's numbers: true-order codes against one-hot on the ordinal columns, logistic regression.</summary>
/// <param name="Difference">AUC(mixed: ordinal columns ranked) − AUC(one-hot), paired per fold.</param>
/// <param name="OrdinalFeatures">Features with the ordinal columns ranked.</param>
/// <param name="OneHotFeatures">Features with every column one-hot.</param>
internal sealed record OrdinalComparison(Estimate Difference, int OrdinalFeatures, int OneHotFeatures);

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
internal sealed record HighCardinalityComparison(
    int Levels,
    Estimate LogisticLabelVsOneHot,
    Estimate TreeLabelVsOneHot,
    Estimate LogisticLabelVsNumeric,
    Estimate LogisticHashVsOneHot,
    Estimate TreeHashVsOneHot,
    int OneHotFeatures,
    int LabelFeatures,
    int HashFeatures);

/// <summary>Everything the verdicts are computed from.</summary>
/// <param name="Penalty">Claim 1.</param>
/// <param name="Ordinal">Claim 2.</param>
/// <param name="Growth">Claim 3.</param>
/// <param name="HighCardinality">Claim 4.</param>
internal sealed record Measurements(LabelPenalty Penalty, OrdinalComparison Ordinal, SizeGrowth Growth, HighCardinalityComparison HighCardinality);

/// <summary>The pure judging step: measured numbers in, one judged claim per claim out.</summary>
internal static class Judging
{
    /// <summary>The AUC loss still counted as "about as good" (non-inferiority margin).</summary>
    public const double AucMargin = 0.01;

    /// <summary>A growth exponent at least this large counts as growing with the number of levels.</summary>
    public const double GrowsAt = 0.5;

    /// <summary>A growth exponent at most this large counts as flat.</summary>
    public const double FlatAt = 0.05;

    /// <summary>Judges the four claims.</summary>
    /// <param name="m">The measurements.</param>
    /// <returns>The judged claims, in the scenario's claim order.</returns>
    public static IReadOnlyList<ClaimResult> Judge(Measurements m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return
        [
            OneHotVsLabelScenario.LabelHurtsLinear.Judge(new LabelPenaltyCriterion().Evaluate(m.Penalty)),
            OneHotVsLabelScenario.OrdinalSuitsOrdinal.Judge(new OrdinalCriterion(AucMargin).Evaluate(m.Ordinal)),
            OneHotVsLabelScenario.OneHotGrows.Judge(new GrowthCriterion(GrowsAt, FlatAt).Evaluate(m.Growth)),
            OneHotVsLabelScenario.LabelForManyLevels.Judge(new RuleOfThumbCriterion(AucMargin).Evaluate(m.HighCardinality)),
        ];
    }

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

/// <summary>Claim 1: label encoding hurts logistic regression, and hurts it more than FastTree.</summary>
internal sealed class LabelPenaltyCriterion : Criterion<LabelPenalty>
{
    public override string Description =>
        "holds if the 95% interval of the logistic AUC gap (one-hot − label) lies above 0 and the interval of the per-fold "
        + "difference of gaps (logistic gap − FastTree gap) lies above 0; partly holds if both point estimates are above 0 "
        + "but an interval reaches 0; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(LabelPenalty input)
    {
        var evidence = $"AUC gap one-hot − label: logistic {input.LogisticGap}, FastTree {input.TreeGap}; logistic gap − FastTree gap {input.GapDifference}";
        if (input.LogisticGap.IsUndefined || input.GapDifference.IsUndefined)
        {
            return (Verdict.DoesNotHold, evidence + ": undefined (NaN)");
        }

        if (input.LogisticGap.Lower > 0 && input.GapDifference.Lower > 0)
        {
            return (Verdict.Holds, evidence + ": both intervals lie above 0");
        }

        return input.LogisticGap.Value > 0 && input.GapDifference.Value > 0
            ? (Verdict.PartlyHolds, evidence + ": both point estimates are above 0 but an interval reaches 0")
            : (Verdict.DoesNotHold, evidence + ": label encoding does not hurt logistic regression more than FastTree");
    }
}

/// <summary>Claim 2: ranking ordinal columns is as good as one-hot (within a margin) with fewer features.</summary>
internal sealed class OrdinalCriterion(double margin) : Criterion<OrdinalComparison>
{
    public override string Description =>
        $"holds if the true-order encoding has fewer features and the whole 95% interval of AUC(true order) − AUC(one-hot) "
        + $"lies above −{Numbers.Format(margin)} (as good or better, within the margin); partly holds if it has fewer features and "
        + $"only the point estimate is above −{Numbers.Format(margin)}; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide(OrdinalComparison input)
    {
        var evidence = $"logistic AUC(true order) − AUC(one-hot) = {input.Difference}; features {input.OrdinalFeatures} vs {input.OneHotFeatures}";
        if (input.Difference.IsUndefined)
        {
            return (Verdict.DoesNotHold, evidence + ": undefined (NaN)");
        }

        if (input.OrdinalFeatures >= input.OneHotFeatures)
        {
            return (Verdict.DoesNotHold, evidence + ": the true-order encoding does not have fewer features");
        }

        if (input.Difference.Lower > -margin)
        {
            return (Verdict.Holds, evidence + $": the interval lies above −{Numbers.Format(margin)}");
        }

        return input.Difference.Value > -margin
            ? (Verdict.PartlyHolds, evidence + $": the point estimate is above −{Numbers.Format(margin)} but the interval reaches below")
            : (Verdict.DoesNotHold, evidence + $": the true order loses more than {Numbers.Format(margin)} AUC");
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

/// <summary>Claim 4: at many levels, label encoding is about as good as one-hot (within a margin) for both models.</summary>
internal sealed class RuleOfThumbCriterion(double margin) : Criterion<HighCardinalityComparison>
{
    public override string Description =>
        $"at the largest number of levels, for each model: label encoding is fine if the whole 95% interval of AUC(label) − AUC(one-hot) "
        + $"lies above −{Numbers.Format(margin)}, borderline if only the point estimate does; holds if label encoding is fine for both models, "
        + "partly holds if it is fine or borderline for one of them, does not hold otherwise (hashing is reported for comparison, not judged)";

    protected override (Verdict Verdict, string Evidence) Decide(HighCardinalityComparison input)
    {
        int Status(Estimate e) => e.IsUndefined ? 0 : e.Lower > -margin ? 2 : e.Value > -margin ? 1 : 0;
        var logistic = Status(input.LogisticLabelVsOneHot);
        var tree = Status(input.TreeLabelVsOneHot);
        string Word(int s) => s == 2 ? "fine" : s == 1 ? "borderline" : "worse";
        var evidence = $"{input.Levels} levels: AUC(label) − AUC(one-hot) logistic {input.LogisticLabelVsOneHot} ({Word(logistic)}), "
            + $"FastTree {input.TreeLabelVsOneHot} ({Word(tree)}); logistic AUC(label) − AUC(numeric only) {input.LogisticLabelVsNumeric}; "
            + $"hashing − one-hot: logistic {input.LogisticHashVsOneHot}, FastTree {input.TreeHashVsOneHot}; "
            + $"features one-hot {input.OneHotFeatures}, label {input.LabelFeatures}, hashing {input.HashFeatures}";
        var verdict = logistic == 2 && tree == 2 ? Verdict.Holds : logistic > 0 || tree > 0 ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}
