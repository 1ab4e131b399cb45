using System.Globalization;
using ClassicalML.Evaluation;
using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.L1VsL2;

/// <summary>Claim 1 input for one data set: exact zeros of the L1 path.</summary>
/// <param name="DataSet">The data set.</param>
/// <param name="Features">Its number of features.</param>
/// <param name="ZerosAtTuned">Exactly-zero weights at the λ chosen on validation log loss.</param>
/// <param name="TunedLambda">That λ.</param>
/// <param name="AllZeroLambda">The smallest grid λ at which every weight is 0 (NaN if none on the grid).</param>
internal sealed record L1ZerosMeasure(string DataSet, int Features, int ZerosAtTuned, double TunedLambda, double AllZeroLambda);

/// <summary>Claim 2 input, pooled over data sets: exact zeros and norm steps of the L2 paths.</summary>
/// <param name="ZeroWeights">Exactly-zero weights over every L2 fit.</param>
/// <param name="Weights">Weights over every L2 fit.</param>
/// <param name="NormDecreases">Grid steps at which ‖w‖₂ strictly decreased.</param>
/// <param name="NormSteps">Grid steps.</param>
internal sealed record L2ShrinkMeasure(int ZeroWeights, int Weights, int NormDecreases, int NormSteps);

/// <summary>Claim 1b input: the L1 model at the validation-tuned λ of the synthetic set as a selection of its known
/// informative features, over independent draws of the data: the means over the draws with 95% bootstrap intervals.</summary>
/// <param name="Recall">Mean share of the informative features kept.</param>
/// <param name="Precision">Mean informative share of the kept features, over the draws that keep a feature.</param>
/// <param name="Draws">The draws.</param>
/// <param name="NothingKept">Draws whose tuned model keeps no feature (precision undefined; left out of its mean).</param>
internal sealed record RecoveryMeasure(Interval Recall, Interval Precision, int Draws, int NothingKept);

/// <summary>Claim 3 input for one data set: the mean over draws of the share of (more useful, less useful) feature
/// pairs that L1 drops in order, with its 95% bootstrap interval over the draws.</summary>
/// <param name="Case">The data set.</param>
/// <param name="Share">The mean share with its interval.</param>
/// <param name="Draws">The draws.</param>
internal sealed record DropOrderMeasure(string Case, Interval Share, int Draws);

/// <summary>Claim 4 input for one data set: the paired bootstrap interval of test AUC(L1) − AUC(L2), each at its tuned λ.</summary>
/// <param name="DataSet">The data set.</param>
/// <param name="AucDifference">AUC(L1) − AUC(L2) with its 95% paired bootstrap interval.</param>
/// <param name="TestRows">The test rows the interval rests on.</param>
internal sealed record TunedDifference(string DataSet, Interval AucDifference, int TestRows);

/// <summary>Claim 5 input for one group of strongly correlated features (or a feature and its exact copy), over bootstrap
/// refits of the training rows at each penalty's tuned λ.</summary>
/// <param name="Group">The group's name.</param>
/// <param name="Size">Its number of members.</param>
/// <param name="Refits">The refits.</param>
/// <param name="Used">Refits in which L1 kept at least one member (the group matters at this λ).</param>
/// <param name="KeepsOne">Refits in which L1 kept exactly one member or a strict minority while L2 kept every member
/// with the largest holding at most <see cref="Judging.SpreadShare"/> of the group's Σ|w|.</param>
/// <param name="L1Kept">Members L1 kept on all training rows (the tuned fit).</param>
/// <param name="L2Kept">Members L2 kept on all training rows.</param>
internal sealed record GroupMeasure(string Group, int Size, int Refits, int Used, int KeepsOne, int L1Kept, int L2Kept)
{
    /// <summary>Whether one refit's weights confirm the claim for a group: L1 keeps one member or a strict minority (not
    /// none), L2 keeps every member and its largest holds at most <see cref="Judging.SpreadShare"/> of the group's Σ|w|.</summary>
    public static bool Confirms(int size, int l1Kept, int l2Kept, double l2LargestShare) =>
        l1Kept >= 1 && (l1Kept == 1 || 2 * l1Kept < size) && l2Kept == size && l2LargestShare <= Judging.SpreadShare;
}

/// <summary>Claim 6 input: elastic net's exact zeros along the paths and over refits, and its grouping over refits.</summary>
/// <param name="PerSet">Per data set: interior grid points (neither end of the grid) at which L1 has some but not all
/// weights exactly 0, and how many of them the elastic net also has an exact zero at.</param>
/// <param name="Refits">Bootstrap refits of breast cancer at the elastic net's tuned λ.</param>
/// <param name="SparseRefits">Refits with at least one exactly-zero elastic-net weight.</param>
/// <param name="GroupChecks">(Refit, correlated group) pairs in which L1 or the elastic net keeps a member.</param>
/// <param name="GroupConfirming">Those in which the elastic net keeps more members than L1.</param>
internal sealed record ElasticNetMeasure(IReadOnlyList<(string DataSet, int Checks, int Confirming)> PerSet, int Refits, int SparseRefits, int GroupChecks, int GroupConfirming);

/// <summary>Claim 0 input for one penalty on sonar: the regularized fit against the unregularized one.</summary>
/// <param name="Penalty">Which regularized fit, e.g. "L2 at its tuned λ".</param>
/// <param name="TestLossGain">Test log loss(unregularized) − test log loss(regularized), 95% paired bootstrap interval.</param>
/// <param name="GapReduction">(test − train log loss)(unregularized) − (test − train log loss)(regularized); the train
/// losses are fixed, so the interval is the gain's shifted.</param>
/// <param name="TestRows">The test rows.</param>
internal sealed record OverfittingMeasure(string Penalty, Interval TestLossGain, Interval GapReduction, int TestRows);

/// <summary>Everything the verdicts are computed from.</summary>
internal sealed record Measurements(
    IReadOnlyList<OverfittingMeasure> Overfitting,
    IReadOnlyList<L1ZerosMeasure> Zeros,
    RecoveryMeasure Recovery,
    L2ShrinkMeasure L2,
    IReadOnlyList<DropOrderMeasure> DropOrder,
    IReadOnlyList<TunedDifference> Tuned,
    double AucMargin,
    IReadOnlyList<GroupMeasure> Groups,
    ElasticNetMeasure ElasticNet);

/// <summary>The pure judging step: measured numbers in, verdicts out (no training, no randomness).</summary>
internal static class Judging
{
    /// <summary>A group "spreads" under L2 when its largest member holds at most this share of the group's Σ|w|.</summary>
    public const double SpreadShare = 0.6;

    /// <summary>"L1 keeps one" holds when it does so in more than this share of the refits that use the group.</summary>
    public const double KeepsOneHoldsAt = 0.8;

    /// <summary>... and partly holds when it does so in more than this share.</summary>
    public const double KeepsOnePartlyAt = 0.2;

    /// <summary>Recovery: mean recall holds above this (an interval cannot lie above 1, so "recall = 1" becomes "above
    /// 0.95": at most one informative feature in four draws missed on average) and partly holds above <see cref="RecallPartlyAt"/>.</summary>
    public const double RecallHoldsAt = 0.95;

    /// <summary>Recovery: mean recall partly holds above this (4 of the 5 informative features).</summary>
    public const double RecallPartlyAt = 0.8;

    /// <summary>Recovery: mean precision holds above this.</summary>
    public const double PrecisionHoldsAt = 0.8;

    /// <summary>Recovery: mean precision partly holds above this: chance, the informative share of all features (5 of 20),
    /// which keeping every feature or a random subset gives; at or below it the kept features are not the informative ones.</summary>
    public const double PrecisionPartlyAt = 0.25;

    /// <summary>Drop order: the mean share of pairs dropped in order holds above this, partly holds above <see cref="DropOrderPartlyAt"/>.</summary>
    public const double DropOrderHoldsAt = 0.95;

    /// <summary>Drop order: partly holds above this (0.5 is chance).</summary>
    public const double DropOrderPartlyAt = 0.75;

    public static readonly Claim AvoidsOverfitting = new("regularization-avoids-overfitting",
        "Regularization discourages a more complex model and so avoids overfitting: on sonar (60 features, 104 training rows) the regularized model has a lower test log loss and a smaller train–test gap than the unregularized one.")
    {
        Quote = "A technique that discourages learning a more complex or flexible model, so as to avoid the risk of overfitting.",
    };

    public static readonly Claim L1Zeros = new("l1-sets-weights-to-zero",
        "L1 (lasso, penalty λΣ|w|) drives some weights exactly to zero once λ is large enough, so it performs feature selection.")
    {
        Quote = "the L1 penalty has the effect of forcing some of the coefficient estimates to be exactly equal to zero when the tuning parameter λ is sufficiently large",
    };

    public static readonly Claim L1Recovery = new("l1-selects-informative-features",
        "The features L1 keeps are the informative ones: on synthetic data with known roles (independent draws) the model at the validation-tuned λ keeps the informative features and drops the noise.")
    {
        Quote = "the lasso method also performs variable selection and is said to yield sparse models",
    };

    public static readonly Claim L2Shrinks = new("l2-shrinks-but-never-zero",
        "L2 (ridge, penalty λΣw²) shrinks the weights towards zero as λ grows, but not exactly to zero.")
    {
        Quote = "It will shrink the coefficients for least important predictors, very close to zero. But it will never make them exactly zero.",
    };

    public static readonly Claim DropOrder = new("l1-drops-noise-first",
        "As λ grows L1 drops the least useful features first, so the informative features are the last to go (checked over independent draws with strong informative features against noise, and with strong, weak and non-informative features).");

    public static readonly Claim TunedSimilar = new("tuned-l1-l2-similar",
        "With λ tuned (on a validation split), L1 and L2 reach similar performance (ROC AUC).");

    public static readonly Claim Correlated = new("correlated-l1-keeps-one",
        "Among strongly correlated features L1 keeps one and drops the rest, while L2 spreads the weight among them.");

    public static readonly Claim ElasticNetMixes = new("elastic-net-mixes-both",
        "Elastic net mixes both penalties: like L1 it sets some weights exactly to zero, like L2 it keeps correlated features together (more of a correlated group than L1 keeps).");

    public static IReadOnlyList<Claim> All { get; } = [AvoidsOverfitting, L1Zeros, L1Recovery, L2Shrinks, DropOrder, TunedSimilar, Correlated, ElasticNetMixes];

    /// <summary>Judges every claim, in the scenario's claim order.</summary>
    public static IReadOnlyList<ClaimResult> Judge(Measurements m) =>
    [
        JudgeOverfitting(m.Overfitting),
        JudgeL1Zeros(m.Zeros),
        JudgeRecovery(m.Recovery),
        JudgeL2(m.L2),
        JudgeDropOrder(m.DropOrder),
        JudgeTunedSimilar(m.Tuned, m.AucMargin),
        JudgeCorrelated(m.Groups),
        JudgeElasticNet(m.ElasticNet),
    ];

    public static ClaimResult JudgeOverfitting(IReadOnlyList<OverfittingMeasure> fits) => AvoidsOverfitting.Judge(
        new CasesCriterion<(MeasuredEffect, MeasuredEffect)>(new TwoPartCriterion(
                new EffectCriterion("test log loss, unregularized − regularized", Direction.Greater, 0, 0, "95% paired bootstrap interval", "test rows"),
                new EffectCriterion("train–test log-loss gap, unregularized − regularized", Direction.Greater, 0, 0, "95% paired bootstrap interval", "test rows")),
            "regularized fits")
            .Evaluate([.. fits.Select(f => (f.Penalty, (new MeasuredEffect(f.TestLossGain, f.TestRows), new MeasuredEffect(f.GapReduction, f.TestRows))))]));

    public static ClaimResult JudgeL1Zeros(IReadOnlyList<L1ZerosMeasure> sets) => L1Zeros.Judge(new L1ZerosCriterion().Evaluate(sets));

    public static ClaimResult JudgeRecovery(RecoveryMeasure m) => L1Recovery.Judge(new RecoveryCriterion().Evaluate(m));

    public static ClaimResult JudgeL2(L2ShrinkMeasure m) => L2Shrinks.Judge(new L2ShrinkCriterion().Evaluate(m));

    public static ClaimResult JudgeDropOrder(IReadOnlyList<DropOrderMeasure> cases) => DropOrder.Judge(
        new EffectCasesCriterion("mean over independent draws of the share of (more useful, less useful) feature pairs in which L1 drops the more useful one at the larger λ (ties ½)",
                Direction.Greater, DropOrderHoldsAt, DropOrderPartlyAt, "data sets", interval: "95% percentile bootstrap interval over the draws", replicates: "draws")
            .Evaluate([.. cases.Select(c => new EffectCase(c.Case, c.Share, c.Draws))]));

    public static ClaimResult JudgeTunedSimilar(IReadOnlyList<TunedDifference> sets, double margin) =>
        TunedSimilar.Judge(new CasesCriterion<MeasuredEffect>(
                new EquivalenceCriterion("test AUC(L1) − AUC(L2)", margin, "95% paired bootstrap interval", "test rows"), "data sets")
            .Evaluate([.. sets.Select(d => (d.DataSet, new MeasuredEffect(d.AucDifference, d.TestRows)))]));

    public static ClaimResult JudgeCorrelated(IReadOnlyList<GroupMeasure> groups) => Correlated.Judge(new GroupCriterion().Evaluate(groups));

    public static ClaimResult JudgeElasticNet(ElasticNetMeasure m) => ElasticNetMixes.Judge(new ElasticNetCriterion().Evaluate(m));

    /// <summary>count / total with its 95% Wilson interval; undefined (NaN) when there is nothing to count.</summary>
    internal static Interval WilsonShare(int count, int total)
    {
        if (total == 0)
        {
            return new Interval(double.NaN, double.NaN, double.NaN, 0.95, "Wilson score");
        }

        return ClassicalML.Evaluation.Intervals.Wilson(count, total);
    }

    private static string F(double x) => double.IsNaN(x) ? "undefined" : Numbers.Format(x);

    private static string Join<T>(IEnumerable<T> items, Func<T, string> format) => string.Join("; ", items.Select(format));

    private sealed class L1ZerosCriterion : Criterion<IReadOnlyList<L1ZerosMeasure>>
    {
        public override string Description =>
            "holds if on every data set the L1 path reaches all-zero weights within the grid AND the model at the validation-tuned λ already has at least one exactly-zero weight (selection at a useful λ); " +
            "partly holds if every data set gets exact zeros somewhere on the grid but some tuned model keeps all features; does not hold if some data set never gets an exact zero";

        protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<L1ZerosMeasure> input)
        {
            ArgumentOutOfRangeException.ThrowIfZero(input.Count, nameof(input));
            string evidence = Join(input, m => string.Create(CultureInfo.InvariantCulture,
                $"{m.DataSet}: {m.ZerosAtTuned}/{m.Features} zero at tuned λ={F(m.TunedLambda)}, {(double.IsNaN(m.AllZeroLambda) ? "never all zero on the grid" : $"all zero from λ={F(m.AllZeroLambda)}")}"));
            bool everyReachesZero = input.All(m => !double.IsNaN(m.AllZeroLambda));
            bool everyTunedSparse = input.All(m => m.ZerosAtTuned > 0);
            Verdict verdict = everyReachesZero && everyTunedSparse ? Verdict.Holds : everyReachesZero ? Verdict.PartlyHolds : Verdict.DoesNotHold;
            return (verdict, evidence);
        }
    }

    private sealed class RecoveryCriterion : Criterion<RecoveryMeasure>
    {
        private static readonly AllPartsCriterion Parts = new(
        [
            ("keeps the informative features", new EffectCriterion("mean recall (share of the 5 informative features kept)", Direction.Greater,
                RecallHoldsAt, RecallPartlyAt, "95% percentile bootstrap interval over the draws", "draws")),
            ("drops the noise", new EffectCriterion("mean precision (informative share of the kept features)", Direction.Greater,
                PrecisionHoldsAt, PrecisionPartlyAt, "95% percentile bootstrap interval over the draws", "draws")),
        ]);

        public override string Description =>
            "on independent draws of the synthetic data (5 informative, 15 noise features), the L1 model at each draw's validation-tuned λ as a selection of the informative features; "
            + $"a draw that keeps no feature has recall 0 and no precision (left out of the precision mean); {Parts.Description}";

        protected override (Verdict Verdict, string Evidence) Decide(RecoveryMeasure m)
        {
            var judged = Parts.Evaluate([new MeasuredEffect(m.Recall, m.Draws), new MeasuredEffect(m.Precision, Math.Max(1, m.Draws - m.NothingKept))]);
            string nothing = m.NothingKept == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {m.NothingKept} of {m.Draws} draws kept no feature");
            return (judged.Verdict, judged.Evidence + nothing);
        }
    }

    private sealed class L2ShrinkCriterion : Criterion<L2ShrinkMeasure>
    {
        public override string Description =>
            "over every L2 fit of every data set: holds if no weight is exactly 0 and ‖w‖₂ decreases at >= 95% of the λ steps; " +
            "partly holds if at most 1% of the weights are exactly 0 and ‖w‖₂ decreases at >= 80% of the steps; does not hold otherwise";

        protected override (Verdict Verdict, string Evidence) Decide(L2ShrinkMeasure m)
        {
            double zeroShare = m.Weights == 0 ? double.NaN : (double)m.ZeroWeights / m.Weights;
            double decreasing = m.NormSteps == 0 ? double.NaN : (double)m.NormDecreases / m.NormSteps;
            string evidence = string.Create(CultureInfo.InvariantCulture,
                $"{m.ZeroWeights} of {m.Weights} weights exactly 0; ‖w‖₂ decreased at {m.NormDecreases} of {m.NormSteps} λ steps ({Numbers.Percent(decreasing)})");
            Verdict verdict = m.ZeroWeights == 0 && decreasing >= 0.95 ? Verdict.Holds
                : zeroShare <= 0.01 && decreasing >= 0.8 ? Verdict.PartlyHolds
                : Verdict.DoesNotHold;
            return (verdict, evidence);
        }
    }

    private sealed class GroupCriterion : Criterion<IReadOnlyList<GroupMeasure>>
    {
        private static readonly CasesCriterion<MeasuredEffect> PerGroup = new(
            new EffectCriterion("share of the refits using the group in which L1 keeps one member (or a strict minority) while L2 keeps all", Direction.Greater,
                KeepsOneHoldsAt, KeepsOnePartlyAt, "95% Wilson interval", "refits"),
            "groups");

        public override string Description => FormattableString.Invariant(
            $"over bootstrap refits of the training rows at each penalty's tuned λ, a refit confirms the claim for a group if L1 keeps exactly one member or a strict minority (not none) while L2 keeps every member with the largest holding <= {F(SpreadShare)} of the group's Σ|w|; refits in which L1 keeps no member of the group are no evidence either way and are left out, and a group L1 never uses is left out (inconclusive if no group is used); {PerGroup.Description}");

        protected override (Verdict Verdict, string Evidence) Decide(IReadOnlyList<GroupMeasure> input)
        {
            ArgumentOutOfRangeException.ThrowIfZero(input.Count, nameof(input));
            string unused = string.Join(", ", input.Where(g => g.Used == 0).Select(g => g.Group));
            string note = unused.Length == 0 ? string.Empty : $" (L1 kept no member in any refit, no evidence: {unused})";
            var used = input.Where(g => g.Used > 0).ToList();
            if (used.Count == 0)
            {
                return (Verdict.Inconclusive, $"L1 kept no member of any group in any refit at its tuned λ, so no refit shows which member it keeps{note}");
            }

            var cases = used.Select(g => (string.Create(CultureInfo.InvariantCulture, $"{g.Group} ({g.Size} members; L1 kept {g.L1Kept}, L2 {g.L2Kept} on all rows; L1 used it in {g.Used} of {g.Refits} refits)"),
                new MeasuredEffect(WilsonShare(g.KeepsOne, g.Used), g.Used))).ToList();
            var judged = PerGroup.Evaluate(cases);
            return (judged.Verdict, judged.Evidence + note);
        }

    }

    private sealed class ElasticNetCriterion : Criterion<ElasticNetMeasure>
    {
        private static readonly CasesCriterion<MeasuredEffect> Parts = new(
            new EffectCriterion("share of the checks that confirm the part", Direction.Greater, 0.8, 0.5, "95% Wilson interval", "checks"), "parts");

        public override string Description =>
            "three parts, each a share of checks: sparse along the paths (at the interior grid points where L1 has some but not all weights exactly 0, over the 4 data sets, the elastic net has an exact zero too; every grid point is counted, so this share has no interval); "
            + "sparse over refits (bootstrap refits of breast cancer at the elastic net's tuned λ have an exact zero); grouped over refits (in the refits and correlated groups where L1 or the elastic net keeps a member, the elastic net keeps more members than L1); "
            + Parts.Description;

        protected override (Verdict Verdict, string Evidence) Decide(ElasticNetMeasure m)
        {
            ArgumentOutOfRangeException.ThrowIfZero(m.PerSet.Count, nameof(m));
            int checks = m.PerSet.Sum(s => s.Checks), confirming = m.PerSet.Sum(s => s.Confirming);
            var judged = Parts.Evaluate(
            [
                ("sparse along the paths", Census(confirming, checks)),
                ("sparse over refits", Share(m.SparseRefits, m.Refits)),
                ("grouped over refits", Share(m.GroupConfirming, m.GroupChecks)),
            ]);
            string perSet = Join(m.PerSet, s => string.Create(CultureInfo.InvariantCulture, $"{s.DataSet} {s.Confirming} of {s.Checks}"));
            return (judged.Verdict, $"{judged.Evidence}; grid points with an elastic-net zero where L1 has one: {perSet}");
        }

        private static MeasuredEffect Share(int count, int total) => new(WilsonShare(count, total), Math.Max(1, total));

        // The grid points are every point of the paths, not a sample of them: their share has no interval.
        private static MeasuredEffect Census(int count, int total)
        {
            double share = total == 0 ? double.NaN : (double)count / total;
            return new(Interval.Exact(share), Math.Max(1, total));
        }
    }
}
