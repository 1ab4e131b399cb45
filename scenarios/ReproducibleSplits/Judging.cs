namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Everything the verdicts are computed from.</summary>
/// <param name="Mechanism">The answer's get_splits over many unseeded calls: sizes, row order, overlap of two calls.</param>
/// <param name="Different">Logistic regression against a model it really beats (decides the ranking claims).</param>
/// <param name="Tied">Logistic regression against a practically tied model (a labelled second case, shown beside).</param>
/// <param name="Seeds">Same seed, same output, for the generator, get_splits and a shuffle-and-cut (demonstrations).</param>
/// <param name="SeededGetSplits">Rows the seeded get_splits moved when the file changed.</param>
/// <param name="ContentHash">Rows a hash of the raw CSV line moved when the file changed.</param>
/// <param name="SingleThreadRetrains">Single-threaded retrains with the same seed, and how many were bit-identical.</param>
/// <param name="SingleThreadMaxDifference">Largest |Δ probability| over those retrains.</param>
internal sealed record Measurements(
    MechanismMeasurements Mechanism,
    PairMeasurements Different,
    PairMeasurements Tied,
    SeedDemonstrations Seeds,
    SideCounts SeededGetSplits,
    SideCounts ContentHash,
    Count SingleThreadRetrains,
    double SingleThreadMaxDifference);

/// <summary>The claims, and the pure judging step: measured numbers in, one judged result per claim out.</summary>
internal static class Judging
{
    public static readonly Claim RandOrdersData = new("rand-orders-data",
        "rand() orders the data differently each time it is run: get_splits shuffles the rows and cuts them 80/10/10.")
    { Quote = "The rand() function orders the data differently each time it is run" };

    public static readonly Claim RerunGivesOtherRows = new("rerun-gives-other-rows",
        "Run again without a seed, get_splits returns other rows: two calls' test sets share few rows, and most of one call's test rows were the other call's training rows.")
    { Quote = "if we run the splitting mechanism again, the 80% of the rows we get will be different from the ones we got the first time it was run" };

    public static readonly Claim RankingFlips = new("ranking-flips",
        "That is an issue: when each model calls get_splits itself (trained and tested on its own split), the comparison picks the worse model more often than when both share one split.")
    { Quote = "This presents an issue as we need to compare the performance of our models on the same test set" };

    public static readonly Claim NoisierComparison = new("noisier-comparison",
        "Scoring each model on its own split makes the difference between the two models' scores vary more than scoring both on one split.")
    { Quote = "This presents an issue as we need to compare the performance of our models on the same test set" };

    public static readonly Claim SeedRepeatsSplit = new("seed-repeats-split",
        "With the seed set in advance, get_splits returns the same split on every call (another seed, another split).")
    { Quote = "we would have to set the random seed in advance or store the data once it is split", IsDemonstration = true };

    public static readonly Claim SeedKeepsSampling = new("seed-keeps-sampling-consistent",
        "A seed set in advance keeps the sampling consistent also when the file changes between executions: every old row keeps its side when rows are reordered, deleted or appended.")
    { Quote = "In order to ensure reproducible and consistent sampling we would have to set the random seed in advance" };

    public static readonly Claim RandomStateRepeats = new("random-state-repeats",
        "Setting random_state in a shuffle-and-cut splitter (scikit-learn's train_test_split; here the repository's TrainTestSplit) gives the same train, validation and test sets on every execution.")
    { Quote = "we could simply set the 'random_state' parameter in sklearn's train_test_split() function in order to get the same train, validation and test sets across different executions", IsDemonstration = true };

    public static readonly Claim SeedDeterminesNumbers = new("seed-determines-numbers",
        "rand() generates pseudo-random numbers from the seed: the same seed gives the same numbers, another seed other numbers.")
    { Quote = "It generates a pseudo random number based on the seed", IsDemonstration = true };

    public static readonly Claim HashSplitStable = new("hash-split-stable",
        "A split keyed on a hash of a stable row id keeps every row's side when rows are reordered, deleted or appended, including the changes under which the seeded get_splits moves rows.");

    public static readonly Claim SeededTrainingReproducible = new("seeded-training-reproducible",
        "Also seed the training: with a seeded MLContext and one thread, ML.NET trains the same model run after run.");

    /// <summary>The claims in report order.</summary>
    public static IReadOnlyList<Claim> All { get; } =
    [
        SeedDeterminesNumbers, RandOrdersData, RerunGivesOtherRows, RankingFlips, NoisierComparison, SeedRepeatsSplit,
        SeedKeepsSampling, RandomStateRepeats, HashSplitStable, SeededTrainingReproducible,
    ];

    /// <summary>More flips with own splits than this (flip-rate increase) is the issue the answer names.</summary>
    public const double FlipIncreaseHolds = 0.02;

    /// <summary>Own splits spread the difference more when the SD ratio exceeds this (10% more spread).</summary>
    public const double SdRatioHolds = 1.1;

    public static readonly EffectCriterion FlipIncrease = new(
        "increase in the share of comparisons that pick the worse model, own splits minus one shared split (really different pair)",
        Direction.Greater, FlipIncreaseHolds, 0, "95% percentile bootstrap interval over calls", "get_splits calls");

    public static readonly EffectCriterion SpreadRatio = new(
        "SD of the AUC difference with own splits over the SD with one shared split (really different pair)",
        Direction.Greater, SdRatioHolds, 1, "95% percentile bootstrap interval over calls", "get_splits calls");

    public static IReadOnlyList<ClaimResult> Judge(Measurements m) =>
    [
        SeedDeterminesNumbers.Judge(new SeededRepeatCriterion().Evaluate(m.Seeds.Numbers)),
        RandOrdersData.Judge(new MaskNotOrderCriterion().Evaluate(m.Mechanism)),
        RerunGivesOtherRows.Judge(new DifferentTestSetsCriterion().Evaluate(m.Mechanism)),
        RankingFlips.Judge(new RankingFlipCriterion().Evaluate((m.Different, m.Tied))),
        NoisierComparison.Judge(SpreadRatio.Evaluate(m.Different.SdRatio, m.Different.Calls)),
        SeedRepeatsSplit.Judge(new SeededRepeatCriterion().Evaluate(m.Seeds.GetSplits)),
        SeedKeepsSampling.Judge(new KeepsSidesCriterion().Evaluate(m.SeededGetSplits)),
        RandomStateRepeats.Judge(new SeededRepeatCriterion().Evaluate(m.Seeds.ShuffleAndCut)),
        HashSplitStable.Judge(new HashStableCriterion().Evaluate((m.ContentHash, m.SeededGetSplits))),
        SeededTrainingReproducible.Judge(new BitIdenticalCriterion().Evaluate((m.SingleThreadRetrains, m.SingleThreadMaxDifference))),
    ];
}
