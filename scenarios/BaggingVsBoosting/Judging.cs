using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>The numbers every claim is judged from, for one data set. Intervals are 95% bootstrap intervals over the
/// test rows (paired where two learners are compared) unless a member says otherwise.</summary>
internal sealed record DatasetEvidence
{
    public required string Dataset { get; init; }

    /// <summary>Test rows behind the bootstrap intervals (the replicates of <see cref="EffectCriterion"/>).</summary>
    public required int TestRows { get; init; }

    /// <summary>(variance of bagged deep trees − variance of one deep tree) / variance of one deep tree.</summary>
    public required Interval VarianceChange { get; init; }

    /// <summary>(bias² of bagged deep trees − bias² of one deep tree) / bias² of one deep tree.</summary>
    public required Interval BiasChange { get; init; }

    /// <summary>(bias² of boosted stumps − bias² of one stump) / bias² of one stump.</summary>
    public required Interval BoostingBiasChange { get; init; }

    /// <summary>Mean member test error minus ensemble test error for bagged deep trees.</summary>
    public required Interval DiverseGain { get; init; }

    /// <summary>The same for an ensemble of identical members (every member fitted on all rows): exact, no interval.</summary>
    public required double IdenticalGain { get; init; }

    /// <summary>Spearman's ρ between gain and mean pairwise error correlation over the diversity levels (<see cref="DiversityTrend"/>).</summary>
    public required Interval DiversityTrend { get; init; }

    /// <summary>Best member's test error minus the majority vote's (logistic regression, k-NN, deep tree; <see cref="Voting"/>).</summary>
    public required Interval VoteVsBest { get; init; }

    /// <summary>Mean member test error minus the majority vote's.</summary>
    public required Interval VoteVsMean { get; init; }

    /// <summary>Test rows behind the vote's intervals (the larger out-of-bag split).</summary>
    public required int VoteTestRows { get; init; }

    /// <summary>Repetitions behind the weak-learner intervals: each a fresh split (spambase) or a fresh draw (synthetic)
    /// with fresh ensemble seeds.</summary>
    public required int Repetitions { get; init; }

    /// <summary>Repetitions behind the label-noise intervals (the first of them, each also with a fresh flip of the training labels).</summary>
    public required int NoiseRepetitions { get; init; }

    /// <summary>Per tree size (leaves), bagged and boosted trees of that size: (boosting error at the highest noise − at
    /// 0%) − (bagging error at the highest noise − at 0%), paired within each repetition, 95% interval over the repetitions.</summary>
    public required IReadOnlyList<(int Leaves, Interval Damage)> NoiseDamage { get; init; }

    /// <summary>The same for AdaBoost (SAMME) against the same bagged trees, per tree size.</summary>
    public required IReadOnlyList<(int Leaves, Interval Damage)> AdaBoostNoiseDamage { get; init; }

    /// <summary>Per tree size: the flipped rows' share of AdaBoost's final row weight divided by their share of the
    /// training rows, 95% interval over the repetitions.</summary>
    public required IReadOnlyList<(int Leaves, Interval Concentration)> AdaBoostFocus { get; init; }

    /// <summary>Clean labels: test error of one stump minus that of bagged stumps, 95% interval over the repetitions.</summary>
    public required Interval BaggedStumpGain { get; init; }

    /// <summary>Clean labels: test error of one stump minus that of boosted stumps, 95% interval over the repetitions.</summary>
    public required Interval BoostedStumpGain { get; init; }

    /// <summary>Out-of-bag error minus test error of the bagged ensemble on the larger out-of-bag split (95% Newcombe
    /// interval for two independent proportions).</summary>
    public required Interval OutOfBagMinusTest { get; init; }

    /// <summary>Rows of the larger split's test set (and about as many out-of-bag training rows).</summary>
    public required int OutOfBagTestRows { get; init; }
}

/// <summary>The pure judging step: measured numbers in, verdicts out.</summary>
internal static class Judging
{
    /// <summary>A relative change of bias² within ±this counts as "about the same".</summary>
    public const double BiasTolerance = 0.2;

    /// <summary>"Reduces" holds for a relative cut of more than a quarter; any cut partly holds.</summary>
    public const double CutHoldsAt = -0.25;

    /// <summary>The largest |OOB − test| error difference that counts as tracking.</summary>
    public const double OutOfBagMargin = 0.03;

    /// <summary>Boosting's extra damage from label noise that the claim's "more sensitive" needs (2 percentage points).</summary>
    public const double NoiseHoldsAt = 0.02;

    /// <summary>The cut in test error (5 percentage points) that makes an ensemble of stumps a "strong learner" next to one stump.</summary>
    public const double StrongHoldsAt = 0.05;

    private const string Rows = "test rows";

    /// <summary>The replicates of the weak-learner and label-noise claims.</summary>
    internal const string Reps = "repetitions";

    private static readonly EffectCriterion BoostingBias = new("relative change of bias², boosted stumps vs one stump", Direction.Less, CutHoldsAt, 0, "95% paired bootstrap interval", Rows);

    private static readonly EffectCriterion Strong = new("test error of one stump − test error of the ensemble of stumps (clean labels)",
        Direction.Greater, StrongHoldsAt, 0, Repetitions.IntervalName, Reps);

    /// <summary>Bagging cuts the variance of deep trees (main part) and leaves their bias² about the same (qualifier).</summary>
    private static readonly TwoPartCriterion Variance = new(
        new EffectCriterion("relative change of variance, bagged deep trees vs one deep tree", Direction.Less, CutHoldsAt, 0, "95% paired bootstrap interval", Rows),
        new EquivalenceCriterion("relative change of bias², bagged deep trees vs one deep tree", BiasTolerance, "95% paired bootstrap interval", Rows));

    private static readonly EquivalenceCriterion OutOfBag = new("out-of-bag error − test error", OutOfBagMargin, "95% Newcombe interval", Rows);

    public static IReadOnlyList<ClaimResult> Judge(IReadOnlyList<DatasetEvidence> evidence) =>
    [
        BaggingVsBoostingScenario.WeakLearnersCombine.Judge(new CasesCriterion<MeasuredEffect>(Strong, "ensembles and data sets").Evaluate(
            [.. evidence.SelectMany(e => new[] { ($"boosting, {e.Dataset}", new MeasuredEffect(e.BoostedStumpGain, e.Repetitions)), ($"bagging, {e.Dataset}", new MeasuredEffect(e.BaggedStumpGain, e.Repetitions)) })])),
        JudgeVariance(evidence),
        BaggingVsBoostingScenario.BoostingCutsBias.Judge(Cases(BoostingBias).Evaluate(Each(evidence, e => new MeasuredEffect(e.BoostingBiasChange, e.TestRows)))),
        BaggingVsBoostingScenario.DiversityMatters.Judge(Cases(DiversityJudging.Trend).Evaluate(Each(evidence, e => (new MeasuredEffect(e.DiversityTrend, e.TestRows), new MeasuredEffect(Interval.Exact(e.IdenticalGain), e.TestRows))))),
        BaggingVsBoostingScenario.DifferentAlgorithms.Judge(Cases(DiversityJudging.Vote).Evaluate(Each(evidence, e => (new MeasuredEffect(e.VoteVsBest, e.VoteTestRows), new MeasuredEffect(e.VoteVsMean, e.VoteTestRows))))),
        BaggingVsBoostingScenario.BoostingNoiseSensitive.Judge(NoiseSensitivityCriterion.Instance.Evaluate(NoiseSensitivityCriterion.Cases(evidence))),
        BaggingVsBoostingScenario.OutOfBagTracksTest.Judge(Cases(OutOfBag).Evaluate(Each(evidence, e => new MeasuredEffect(e.OutOfBagMinusTest, e.OutOfBagTestRows)))),
    ];

    public static ClaimResult JudgeVariance(IReadOnlyList<DatasetEvidence> evidence) =>
        BaggingVsBoostingScenario.BaggingCutsVariance.Judge(Cases(Variance).Evaluate(Each(evidence, e =>
            (new MeasuredEffect(e.VarianceChange, e.TestRows), new MeasuredEffect(e.BiasChange, e.TestRows)))));

    internal static string F(double value) => double.IsNaN(value) ? "undefined" : Numbers.Format(value);

    private static CasesCriterion<T> Cases<T>(Criterion<T> perCase) => new(perCase, "data sets");

    private static List<(string, T)> Each<T>(IReadOnlyList<DatasetEvidence> evidence, Func<DatasetEvidence, T> pick) => [.. evidence.Select(e => (e.Dataset, pick(e)))];
}
