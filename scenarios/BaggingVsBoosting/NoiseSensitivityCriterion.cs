namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>The cases of the label-noise claim: boosting's extra damage over bagging at matched tree size, for gradient
/// boosting and for AdaBoost (SAMME), and AdaBoost's weight on the flipped rows (the mechanism).</summary>
internal sealed record NoiseCases(IReadOnlyList<(string Case, MeasuredEffect Damage)> Damage, IReadOnlyList<(string Case, MeasuredEffect Concentration)> Focus);

/// <summary>
/// "Boosting is more sensitive to label noise (it keeps focusing on the mislabelled rows)": a main part (boosted trees
/// lose more test accuracy than bagged trees of the same size when training labels are flipped, for both boosting
/// algorithms) and the mechanism (AdaBoost ends with the flipped rows carrying a multiple of their share of the weight),
/// combined as <see cref="TwoPartCriterion"/> combines a main part and a qualifier.
/// </summary>
internal sealed class NoiseSensitivityCriterion : Criterion<NoiseCases>
{
    /// <summary>The flipped rows have the focus when their share of the final weight exceeds their share of rows (ratio
    /// above 1; with no focus it is 1). No larger margin: with learning rate 1 every update gives the rows the latest
    /// member misclassified exactly half of the weight, so the flipped rows hold much more than half only when the latest
    /// member errs almost only on them (see the README: the margin was 2 in a first draft).</summary>
    public const double FocusHoldsAt = 1;

    private static readonly CasesCriterion<MeasuredEffect> Damage = new(new EffectCriterion(
        "extra test-error increase of boosted over bagged trees of the same size from clean to the noisiest training labels",
        Direction.Greater, Judging.NoiseHoldsAt, 0, Repetitions.IntervalName, Judging.Reps), "boosting algorithms, data sets and tree sizes");

    private static readonly CasesCriterion<MeasuredEffect> Focus = new(new EffectCriterion(
        "flipped rows' share of AdaBoost's final row weight ÷ their share of the training rows",
        Direction.Greater, FocusHoldsAt, FocusHoldsAt, Repetitions.IntervalName, Judging.Reps), "data sets and tree sizes");

    public static NoiseSensitivityCriterion Instance { get; } = new();

    public override string Description =>
        $"main part (sensitivity): {Damage.Description}; mechanism (AdaBoost's reweighting keeps the focus on the flipped rows): {Focus.Description}; "
        + "holds if both hold; partly holds if the main part partly holds, or holds while the mechanism does not; does not hold if the main part does not; inconclusive otherwise";

    /// <summary>The claim's cases from the evidence of every data set.</summary>
    public static NoiseCases Cases(IReadOnlyList<DatasetEvidence> evidence) => new(
        [.. evidence.SelectMany(e => e.NoiseDamage.Select(d => ($"gradient boosting, {e.Dataset}, {d.Leaves}-leaf trees", new MeasuredEffect(d.Damage, e.NoiseRepetitions)))
            .Concat(e.AdaBoostNoiseDamage.Select(d => ($"AdaBoost, {e.Dataset}, {d.Leaves}-leaf trees", new MeasuredEffect(d.Damage, e.NoiseRepetitions)))))],
        [.. evidence.SelectMany(e => e.AdaBoostFocus.Select(f => ($"{e.Dataset}, {f.Leaves}-leaf trees", new MeasuredEffect(f.Concentration, e.NoiseRepetitions))))]);

    protected override (Verdict Verdict, string Evidence) Decide(NoiseCases input)
    {
        var main = Damage.Evaluate(input.Damage);
        var focus = Focus.Evaluate(input.Focus);
        return (TwoPartCriterion.Combine(main.Verdict, focus.Verdict), $"sensitivity {main.Verdict.ToText()}: {main.Evidence}; mechanism {focus.Verdict.ToText()}: {focus.Evidence}");
    }
}
