using System.Globalization;
using static ClassicalML.Scenarios.BaggingVsBoosting.Experiment;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>The closing paragraph, the relative-changes table and the replication effects, from the measured numbers.</summary>
internal static class Summary
{
    public const string Notes =
        "Notes: the boosting of the size, bias and weak-learner experiments is gradient boosting on the log-loss with shrinkage (FastTree, LightGBM); the label-noise claim is judged on it and on AdaBoost (SAMME, ClassicalML.Models.AdaBoostEstimator on weighted FastTree trees, learning rate 1), "
        + "the reweighting the answer describes and for which the noise sensitivity was shown (Dietterich 2000, against bagged C4.5 trees); the claim is judged at matched tree size (bagged and boosted trees with the same leaves and rows per leaf). "
        + "The weak-learner and label-noise claims are judged over repetitions, each a fresh split of spambase (1200 of its 4601 rows) or a fresh synthetic draw, with fresh ensemble seeds and a fresh flip of the training labels, because their effects depend on the training draw; the other tables are one split. "
        + "FastForest is a random forest whose trees each see 70% of the rows drawn without replacement (not a bootstrap) and a subset of features; it writes no probability, so its raw score is thresholded at 0. "
        + "Each row's out-of-bag vote averages only the members that did not draw it (about 37% of them), so the out-of-bag error estimates a smaller ensemble and leans pessimistic; it is compared with the test error on a larger split (the out-of-bag table), whose interval can be narrower than the margin. "
        + "The synthetic set is make_classification with flipY = 0, so its only label noise is the share flipped in the noise experiment, but its classes overlap, so its Bayes error is not 0 and not known. "
        + "Bias² is measured against the observed test labels and so includes this irreducible noise on both sets; the same noise is in every learner's bias², so differences between learners are unaffected. "
        + "The one iterative optimizer is the L-BFGS logistic regression of the vote of different algorithms; its convergence check is in the convergence table. "
        + "Training and prediction times per member are wall-clock measurements of this machine, so they are in timings.json (member-times), not in this report, and decide no verdict.";

    public static void Add(ReportBuilder report, Settings settings, PreparedData data, DatasetEvidence e, Singles singles, BaggedTrees bagged,
        DiversityResult diversity, OutOfBagResult outOfBag, BiasVarianceResult bv, NoiseMeans noise)
    {
        var name = data.Name;
        report.Changes.AddRow(name, e.VarianceChange, e.BiasChange, e.BoostingBiasChange);
        var deepGain = singles.DeepError.Estimate - Rate(bagged.FinalErrors);
        report.WeakLearners.AddRow(name, e.BaggedStumpGain, e.BoostedStumpGain, deepGain);
        foreach (var (leaves, damage) in e.NoiseDamage)
        {
            report.NoiseDamage.AddRow(name, leaves, damage);
        }

        report.Effects.AddRange(
        [
            new($"variance-change-bagging-{name}", $"{name}: relative change of the deep tree's variance when bagged (negative: bagging cuts it)", e.VarianceChange.Estimate),
            new($"bias-change-boosting-{name}", $"{name}: relative change of the stump's bias² when boosted (negative: boosting cuts it)", e.BoostingBiasChange.Estimate),
            new($"diversity-gain-{name}", $"{name}: mean member test error minus ensemble test error of the bagged deep trees", e.DiverseGain.Estimate),
            .. e.NoiseDamage.Select(d => new Effect($"extra-noise-damage-boosting-{d.Leaves}-leaves-{name}",
                $"{name}: test-error increase from clean to {Numbers.Percent(settings.NoiseLevels[^1])} flipped training labels, boosted minus bagged {d.Leaves}-leaf trees, mean over {e.NoiseRepetitions} repetitions", d.Damage.Estimate)),
            new($"bagged-stump-gain-{name}", $"{name}: test error of one stump minus that of {settings.NoiseMembers} bagged stumps, mean over {e.Repetitions} repetitions", e.BaggedStumpGain.Estimate),
            new($"boosted-stump-gain-{name}", $"{name}: test error of one stump minus that of {settings.BoostingTrees} boosted stumps, mean over {e.Repetitions} repetitions", e.BoostedStumpGain.Estimate),
        ]);
        var last = settings.NoiseLevels.Count - 1;
        var p = bv.Parts;
        var matched = string.Join(", ", noise.Matched.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Leaves}-leaf trees bagged {Numbers.Percent(t.Bagged.Clean)} → {Numbers.Percent(t.Bagged.Noisy)} and gradient-boosted {Numbers.Percent(t.Boosted.Clean)} → {Numbers.Percent(t.Boosted.Noisy)}")));
        report.Summaries.Add(string.Create(CultureInfo.InvariantCulture,
            $"On {name}, one deep tree errs on {Numbers.Percent(singles.DeepError.Estimate)} of the test rows and {settings.Members} bagged deep trees on {Numbers.Percent(Rate(bagged.FinalErrors))}; "
            + $"on the larger split ({outOfBag.TestRows} test rows) the out-of-bag error is {Numbers.Format(outOfBag.OutOfBag)} against a test error of {Numbers.Format(outOfBag.Test)}. "
            + $"Bagging changed the deep tree's variance from {p[0].Variance.Estimate:F4} to {p[1].Variance.Estimate:F4} (relative change {Numbers.Format(e.VarianceChange)}) with bias² {p[0].Bias2.Estimate:F4} → {p[1].Bias2.Estimate:F4}, "
            + $"and boosting changed the stump's bias² from {p[2].Bias2.Estimate:F4} to {p[3].Bias2.Estimate:F4} (relative change {Numbers.Format(e.BoostingBiasChange)}). "
            + $"Bagged members' errors correlate at {diversity.Correlation:F2} and the ensemble beats its average member by {Numbers.Percent(diversity.Gain.Estimate)}; identical members gain {Numbers.Percent(diversity.IdenticalGain)}. "
            + $"Over {settings.Repetitions} repetitions (fresh splits or draws), bagging {settings.NoiseMembers} stumps cut one stump's test error by {Numbers.Format(e.BaggedStumpGain)} and boosting {settings.BoostingTrees} stumps by {Numbers.Format(e.BoostedStumpGain)}, while on the main split bagging deep trees cut one deep tree's by {Numbers.Percent(deepGain)}. "
            + $"Flipping {Numbers.Percent(settings.NoiseLevels[last])} of the training labels, mean test errors over {e.NoiseRepetitions} repetitions (each a fresh flip) at matched tree size: "
            + $"{matched}."));
    }
}
