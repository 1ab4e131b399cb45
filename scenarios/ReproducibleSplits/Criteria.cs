using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Which side of one half a 95% interval lies on: true above, false below, null when it contains the half.</summary>
internal static class Half
{
    public const double Value = 0.5;

    public static bool? Side(Interval e) => e.IsUndefined ? null : e.Lower > Value ? true : e.Upper < Value ? false : null;

    /// <summary>Two parts of a claim, each on the right side (true), the wrong side (false) or undecided (null): holds if
    /// both are right, partly holds if one is, does not hold if neither is, inconclusive while either is undecided.</summary>
    public static Verdict BothParts(bool? first, bool? second) =>
        first is null || second is null ? Verdict.Inconclusive
        : first.Value && second.Value ? Verdict.Holds
        : first.Value || second.Value ? Verdict.PartlyHolds
        : Verdict.DoesNotHold;
}

/// <summary>get_splits shuffles and cuts (exact 80/10/10 sizes, rows reordered) or draws a per-row mask (sizes vary, file order kept).</summary>
internal sealed class MaskNotOrderCriterion : Criterion<MechanismMeasurements>
{
    public override string Description =>
        "a shuffle-and-cut reorders the rows and gives every call exactly 80/10/10 rows; a per-row mask keeps the file order and its sizes vary. "
        + "Holds if the 95% Wilson intervals of the share of calls with exactly 80/10/10 rows and of the share of calls with rows out of file order both lie above 0.5; "
        + "does not hold if both lie below 0.5; partly holds if one lies above and the other below; inconclusive if either contains 0.5";

    protected override (Verdict Verdict, string Evidence) Decide(MechanismMeasurements input)
    {
        Interval exact = Stats.Wilson(input.ExactSizeCalls), reordered = Stats.Wilson(input.ReorderedCalls);
        string evidence = $"training rows per call {input.TrainSizes.Min()} to {input.TrainSizes.Max()} (SD {Numbers.Format(Sd(input.TrainSizes))}) over {input.Calls} calls; "
            + $"exactly 80/10/10 rows in {input.ExactSizeCalls.Hits} of {input.Calls} calls = {Numbers.Format(exact)}; rows out of file order in {input.ReorderedCalls.Hits} of {input.Calls} = {Numbers.Format(reordered)} (share, 95% Wilson)";
        return (Half.BothParts(Half.Side(exact), Half.Side(reordered)), evidence);
    }

    private static double Sd(int[] sizes) => MathNet.Numerics.Statistics.Statistics.StandardDeviation(sizes.Select(s => (double)s));
}

/// <summary>Two unseeded calls share few test rows, and most of one call's test rows were the other's training rows.</summary>
internal sealed class DifferentTestSetsCriterion : Criterion<MechanismMeasurements>
{
    public override string Description =>
        $"holds if the 95% t interval of the mean share of test rows two unseeded calls have in common lies below {Numbers.Format(Half.Value)} "
        + $"and that of the mean share of one call's test rows that were the other call's training rows lies above {Numbers.Format(Half.Value)}; "
        + "partly holds if only one of the two does and the other interval lies on the wrong side; does not hold if both lie on the wrong side; inconclusive if either contains 0.5";

    protected override (Verdict Verdict, string Evidence) Decide(MechanismMeasurements input)
    {
        Interval common = input.TestShareInCommon, training = input.TestShareWasTraining;
        string evidence = $"over {input.TestInCommon.Length} pairs of calls: test rows in common = {Numbers.Format(common)}; test rows that were the other call's training rows = {Numbers.Format(training)}; "
            + $"training rows in common = {Numbers.Format(input.TrainShareInCommon)} (identical training sets in {input.IdenticalTrainPairs.Hits} of {input.IdenticalTrainPairs.Total} pairs)";
        bool? few = Half.Side(common) is { } c ? !c : null;
        bool? leak = Half.Side(training);
        return (Half.BothParts(few, leak), evidence);
    }
}

/// <summary>The flip-rate increase of the really different pair, once its true ranking is established; the tied pair is shown beside.</summary>
internal sealed class RankingFlipCriterion : Criterion<(PairMeasurements Different, PairMeasurements Tied)>
{
    public override string Description =>
        "the really different pair's true ranking must be established (the 95% t interval of its mean AUC gap over all calls excludes 0), else inconclusive; then "
        + Judging.FlipIncrease.Description
        + ". The practically tied pair is shown, not judged: with no true ranking, its comparisons are a coin toss under both schemes";

    protected override (Verdict Verdict, string Evidence) Decide((PairMeasurements Different, PairMeasurements Tied) input)
    {
        var (d, t) = input;
        string tied = $"tied pair, not judged: logistic regression − {t.Other} = {Numbers.Format(t.Gap)} AUC; worse model picked in {Numbers.Format(t.SharedFlipRate)} of one-split and {Numbers.Format(t.OwnFlipRate)} of own-split comparisons";
        string ranking = $"true ranking: logistic regression − {d.Other} = {Numbers.Format(d.Gap)} AUC over {d.Calls} calls; worse model picked in {Numbers.Format(d.SharedFlipRate)} of one-split and {Numbers.Format(d.OwnFlipRate)} of own-split comparisons";
        if (!d.RankingEstablished)
        {
            return (Verdict.Inconclusive, $"{ranking}: the interval contains 0, so the pair has no established ranking to flip; more calls would decide. {tied}");
        }

        var effect = Judging.FlipIncrease.Evaluate(d.FlipIncrease, d.Calls);
        return (effect.Verdict, $"{ranking}; {effect.Evidence}. {tied}");
    }
}

/// <summary>Same seed → same output, every time; the next seed → other output. True by construction: a demonstration.</summary>
internal sealed class SeededRepeatCriterion : Criterion<SeedCheck>
{
    public override string Description =>
        "a demonstration (a seeded procedure repeats by construction): holds if every seed's two runs gave the same SHA-256 fingerprint and every seed's output differed from the next seed's; "
        + "partly holds if every seed repeated but some different seeds gave the same output; does not hold if any seed's two runs differed; inconclusive cannot occur (fingerprints are compared exactly)";

    protected override (Verdict Verdict, string Evidence) Decide(SeedCheck input)
    {
        var (same, other) = (input.SameSeedIdentical, input.OtherSeedDifferent);
        string evidence = $"{input.Procedure}: same seed identical in {same.Hits} of {same.Total} seeds; different seeds different in {other.Hits} of {other.Total}";
        Verdict verdict = same.Hits < same.Total ? Verdict.DoesNotHold
            : other.Hits < other.Total ? Verdict.PartlyHolds
            : Verdict.Holds;
        return (verdict, evidence);
    }
}

/// <summary>A split procedure keeps every old row's side under each change to the file.</summary>
internal sealed class KeepsSidesCriterion : Criterion<SideCounts>
{
    public override string Description =>
        "holds if the seeded get_splits moved no old row to another side under any of the three changes (rows reordered, deleted, appended); "
        + "partly holds if it moved none under some change and some under another; does not hold if it moved rows under all three; "
        + "inconclusive cannot occur (moved rows are counted exactly on this file, not estimated)";

    protected override (Verdict Verdict, string Evidence) Decide(SideCounts input)
    {
        int kept = input.Changes.Count(c => c.Moved.Hits == 0);
        Verdict verdict = kept == 3 ? Verdict.Holds : kept == 0 ? Verdict.DoesNotHold : Verdict.PartlyHolds;
        return (verdict, $"{input.Procedure}: " + SideChangeText.Describe(input));
    }
}

/// <summary>The hash split keeps every side under every change, and does better than the seeded get_splits.</summary>
internal sealed class HashStableCriterion : Criterion<(SideCounts Hash, SideCounts Seeded)>
{
    public override string Description =>
        "holds if the hash split moved no row under any of the three changes while the seeded get_splits moved rows under at least one; "
        + "partly holds if neither moved any row (the hash keeps sides but gains nothing here); does not hold if the hash split moved any row; "
        + "inconclusive cannot occur (moved rows are counted exactly)";

    protected override (Verdict Verdict, string Evidence) Decide((SideCounts Hash, SideCounts Seeded) input)
    {
        bool hashKeeps = input.Hash.Changes.All(c => c.Moved.Hits == 0);
        bool seededMoves = input.Seeded.Changes.Any(c => c.Moved.Hits > 0);
        Verdict verdict = !hashKeeps ? Verdict.DoesNotHold : seededMoves ? Verdict.Holds : Verdict.PartlyHolds;
        return (verdict, $"{input.Hash.Procedure}: {SideChangeText.Describe(input.Hash)}; seeded get_splits: {SideChangeText.Describe(input.Seeded)}");
    }
}

/// <summary>Retraining with the same seed on one thread gives bit-identical predictions.</summary>
internal sealed class BitIdenticalCriterion : Criterion<(Count Identical, double MaxDifference)>
{
    /// <summary>Differences up to this are rounding noise, not a different model.</summary>
    public const double Tiny = 1e-9;

    public override string Description =>
        $"holds if every single-threaded retrain with the same seed gave bit-identical predictions; partly holds if some differ but by at most {Numbers.Format(Tiny)} in probability; "
        + "does not hold otherwise; inconclusive cannot occur (predictions are compared exactly)";

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

internal static class SideChangeText
{
    public static string Describe(SideCounts counts) =>
        string.Join("; ", counts.Changes.Select(c => $"{c.Change}: {c.Moved.Hits} of {c.Moved.Total} moved"));
}
