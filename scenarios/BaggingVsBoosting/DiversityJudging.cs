namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>The criteria of the two diversity claims (question 31): the trend of the gain over diversity levels, and the vote of different algorithms.</summary>
internal static class DiversityJudging
{
    /// <summary>Spearman's ρ (gain vs error correlation) below this is a near-monotone trend: with 6 levels ρ = −1 + 6Σd²/210 (d: rank differences from a perfectly reversed order), so Σd² ≤ 10 (one adjacent swap gives −0.94).</summary>
    public const double TrendHoldsAt = -0.7;

    /// <summary>|gain| of identical members at most this counts as exactly nothing (it is computed from integer counts).</summary>
    public const double Exact = 1e-9;

    private const string Rows = "test rows";

    /// <summary>Main part: the gain falls as the error correlation rises over the levels; qualifier: identical members (error correlation 1) gain exactly nothing.</summary>
    public static readonly TwoPartCriterion Trend = new(
        new EffectCriterion("Spearman's ρ between the gain (mean member error − ensemble error) and the members' mean pairwise error correlation over the diversity levels",
            Direction.Less, TrendHoldsAt, 0, "95% bootstrap interval over test rows (every level's gain and correlation recomputed per resample)", Rows),
        new EquivalenceCriterion("gain of an ensemble of identical members (error correlation 1)", Exact, "exact value (integer counts, no interval)", Rows));

    public static readonly VotingCriterion Vote = new();
}

/// <summary>The majority vote of different algorithms scores higher than the individual models: than the best one (holds), or only than their average (partly).</summary>
internal sealed class VotingCriterion : Criterion<(MeasuredEffect VsBest, MeasuredEffect VsMean)>
{
    private static readonly EffectCriterion Best = new("test error of the best member − test error of the vote", Direction.Greater, 0, 0, "95% paired bootstrap interval", "test rows");

    private static readonly EffectCriterion Mean = new("mean test error of the members − test error of the vote", Direction.Greater, 0, 0, "95% paired bootstrap interval", "test rows");

    public override string Description =>
        $"best: {Best.Description}; mean: {Mean.Description}; holds if best holds (the vote beats every member; the best member is chosen on the same test rows, which favours it); "
        + "partly holds if best does not hold but mean holds (the vote beats the average member only); does not hold if mean does not hold; inconclusive otherwise";

    protected override (Verdict Verdict, string Evidence) Decide((MeasuredEffect VsBest, MeasuredEffect VsMean) input)
    {
        var best = Best.Evaluate(input.VsBest);
        var mean = Mean.Evaluate(input.VsMean);
        var verdict = (best.Verdict, mean.Verdict) switch
        {
            (_, Verdict.DoesNotHold) => Verdict.DoesNotHold,
            (Verdict.Holds, _) => Verdict.Holds,
            (Verdict.DoesNotHold, Verdict.Holds) => Verdict.PartlyHolds,
            _ => Verdict.Inconclusive,
        };
        return (verdict, $"best {best.Verdict.ToText()}: {best.Evidence}; mean {mean.Verdict.ToText()}: {mean.Evidence}");
    }
}
