namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>A count out of a total.</summary>
internal readonly record struct Count(int Hits, int Total)
{
    public double Fraction => (double)Hits / Total;
}

/// <summary>Rows that changed side (train / validation / test) after the data was reordered and after it grew.</summary>
internal sealed record SideChanges(Count Reordered, Count Appended);

/// <summary>Everything the verdicts are computed from.</summary>
/// <param name="TestShareInCommon">Mean share of test rows two unseeded calls have in common (95% t interval over call pairs).</param>
/// <param name="TestShareWasTraining">Mean share of one unseeded call's test rows that were training rows of the other call (95% t interval).</param>
/// <param name="FlipsSharedSplit">Comparisons, both models on one split, whose winner differs from the reference ranking.</param>
/// <param name="FlipsOwnSplit">Comparisons, each model on its own unseeded split, whose winner differs from the reference ranking.</param>
/// <param name="DifferenceSdSharedSplit">SD of AUC(FastTree) − AUC(logistic) over comparisons on one shared split (95% percentile bootstrap).</param>
/// <param name="DifferenceSdOwnSplit">The same with each model on its own split.</param>
/// <param name="SameSeedIdentical">Seeds for which two calls gave the same split.</param>
/// <param name="OtherSeedDifferent">Pairs of different seeds that gave different splits.</param>
/// <param name="RandomSplit">Side changes under a seeded random split.</param>
/// <param name="HashSplit">Side changes under a hash-of-content split.</param>
/// <param name="SingleThreadRetrains">Single-threaded retrains with the same seed, and how many gave bit-identical predictions.</param>
/// <param name="SingleThreadMaxDifference">Largest |Δ probability| over those retrains.</param>
internal sealed record Measurements(
    Estimate TestShareInCommon,
    Estimate TestShareWasTraining,
    Count FlipsSharedSplit,
    Count FlipsOwnSplit,
    Estimate DifferenceSdSharedSplit,
    Estimate DifferenceSdOwnSplit,
    Count SameSeedIdentical,
    Count OtherSeedDifferent,
    SideChanges RandomSplit,
    SideChanges HashSplit,
    Count SingleThreadRetrains,
    double SingleThreadMaxDifference);

/// <summary>The pure judging step: measured numbers in, one judged result per claim out.</summary>
internal static class Judging
{
    /// <summary>Most test rows differ when the mean share in common is below this.</summary>
    public const double MostRowsDiffer = 0.5;

    public static IReadOnlyList<ClaimResult> Judge(Measurements m, Func<Count, Estimate> wilson) =>
    [
        ReproducibleSplitsScenario.UnseededSplitsDiffer.Judge(new DifferentTestSetsCriterion().Evaluate((m.TestShareInCommon, m.TestShareWasTraining))),
        ReproducibleSplitsScenario.RankingFlips.Judge(
            new IntervalComparisonCriterion("the flip rate with each model on its own split", Direction.Greater, "the flip rate with both models on one split", "95% Wilson intervals")
                .Evaluate(wilson(m.FlipsOwnSplit), wilson(m.FlipsSharedSplit))),
        ReproducibleSplitsScenario.NoisierComparison.Judge(
            new IntervalComparisonCriterion("the SD of the AUC difference with each model on its own split", Direction.Greater, "the SD with both models on one split", "95% percentile bootstrap intervals")
                .Evaluate(m.DifferenceSdOwnSplit, m.DifferenceSdSharedSplit)),
        ReproducibleSplitsScenario.SeededSplitIdentical.Judge(new SeededSplitCriterion().Evaluate((m.SameSeedIdentical, m.OtherSeedDifferent))),
        ReproducibleSplitsScenario.HashSplitStable.Judge(new SideStabilityCriterion(wilson).Evaluate((m.HashSplit, m.RandomSplit))),
        ReproducibleSplitsScenario.SeededTrainingReproducible.Judge(
            new BitIdenticalCriterion().Evaluate((m.SingleThreadRetrains, m.SingleThreadMaxDifference))),
    ];
}

/// <summary>Two unseeded calls share few test rows, and most of one call's test rows were the other's training rows.</summary>
internal sealed class DifferentTestSetsCriterion : Criterion<(Estimate InCommon, Estimate WasTraining)>
{
    public override string Description =>
        $"holds if the 95% t interval of the mean share of test rows two unseeded calls have in common lies below {Numbers.Format(Judging.MostRowsDiffer)} "
        + $"and that of the mean share of one call's test rows that were the other call's training rows lies above {Numbers.Format(Judging.MostRowsDiffer)}; "
        + "partly holds if only one of the two does; does not hold if neither does";

    protected override (Verdict Verdict, string Evidence) Decide((Estimate InCommon, Estimate WasTraining) input)
    {
        var (common, training) = input;
        bool differ = !common.IsUndefined && common.Upper < Judging.MostRowsDiffer;
        bool leak = !training.IsUndefined && training.Lower > Judging.MostRowsDiffer;
        string evidence = $"test rows in common = {common}; test rows that were the other call's training rows = {training}";
        Verdict verdict = differ && leak ? Verdict.Holds : differ || leak ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}

/// <summary>Same seed → same split, every time; different seeds → different splits.</summary>
internal sealed class SeededSplitCriterion : Criterion<(Count SameSeedIdentical, Count OtherSeedDifferent)>
{
    public override string Description =>
        "holds if every pair of calls with the same seed gave the identical split (equal SHA-256 of the index lists) and every pair of different seeds gave different splits; "
        + "partly holds if every same-seed pair was identical but some different seeds gave the same split; does not hold if any same-seed pair differed";

    protected override (Verdict Verdict, string Evidence) Decide((Count SameSeedIdentical, Count OtherSeedDifferent) input)
    {
        var (same, other) = input;
        string evidence = $"same seed: {same.Hits} of {same.Total} pairs identical; different seeds: {other.Hits} of {other.Total} pairs different";
        Verdict verdict = same.Hits < same.Total ? Verdict.DoesNotHold
            : other.Hits < other.Total ? Verdict.PartlyHolds
            : Verdict.Holds;
        return (verdict, evidence);
    }
}

/// <summary>The hash split moves no row; the seeded random split moves many.</summary>
internal sealed class SideStabilityCriterion(Func<Count, Estimate> wilson) : Criterion<(SideChanges Hash, SideChanges Random)>
{
    /// <summary>A random split "does not keep the sides" when the lower Wilson bound of the rows it moves exceeds this.</summary>
    public const double ManyRows = 0.05;

    public override string Description =>
        $"holds if the hash split moved no original row after reordering and after appending, while the seeded random split moved more than {Numbers.Percent(ManyRows)} "
        + "of them in both cases (lower 95% Wilson bound); partly holds if only one of the two halves is true; does not hold if neither is";

    protected override (Verdict Verdict, string Evidence) Decide((SideChanges Hash, SideChanges Random) input)
    {
        var (hash, random) = input;
        bool hashKeeps = hash.Reordered.Hits == 0 && hash.Appended.Hits == 0;
        bool randomMoves = wilson(random.Reordered).Lower > ManyRows && wilson(random.Appended).Lower > ManyRows;
        string evidence = $"hash split moved {hash.Reordered.Hits} of {hash.Reordered.Total} rows after reordering and {hash.Appended.Hits} of {hash.Appended.Total} after appending; "
            + $"seeded random split moved {wilson(random.Reordered)} and {wilson(random.Appended)} (share, 95% Wilson)";
        Verdict verdict = hashKeeps && randomMoves ? Verdict.Holds : hashKeeps || randomMoves ? Verdict.PartlyHolds : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}

/// <summary>Retraining with the same seed on one thread gives bit-identical predictions.</summary>
internal sealed class BitIdenticalCriterion : Criterion<(Count Identical, double MaxDifference)>
{
    /// <summary>Differences up to this are rounding noise, not a different model.</summary>
    public const double Tiny = 1e-9;

    public override string Description =>
        $"holds if every single-threaded retrain with the same seed gave bit-identical predictions; partly holds if some differ but by at most {Numbers.Format(Tiny)} in probability; does not hold otherwise";

    protected override (Verdict Verdict, string Evidence) Decide((Count Identical, double MaxDifference) input)
    {
        var (identical, max) = input;
        string evidence = $"{identical.Hits} of {identical.Total} retrains bit-identical; largest |Δ probability| = {Numbers.Format(max)}";
        Verdict verdict = identical.Hits == identical.Total && max == 0 ? Verdict.Holds
            : max <= Tiny ? Verdict.PartlyHolds
            : Verdict.DoesNotHold;
        return (verdict, evidence);
    }
}
