using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.Tests;

public class TwoPartCriterionTests
{
    private static readonly TwoPartCriterion Claim = new(
        new EffectCriterion("variance change", Direction.Less, holdsAt: -0.25, partlyAt: 0, replicates: "test rows"),
        new EquivalenceCriterion("bias change", 0.2, replicates: "test rows"));

    private static MeasuredEffect E(double value, double lower, double upper) => new(new Interval(value, lower, upper, 0.95, "test"), 600);

    private static readonly MeasuredEffect Cut = E(-0.8, -0.85, -0.75);
    private static readonly MeasuredEffect SmallCut = E(-0.1, -0.15, -0.05);
    private static readonly MeasuredEffect Rise = E(0.1, 0.05, 0.15);
    private static readonly MeasuredEffect Undecided = E(-0.25, -0.3, -0.2);
    private static readonly MeasuredEffect Same = E(0.05, -0.05, 0.15);
    private static readonly MeasuredEffect Moved = E(0.5, 0.4, 0.6);
    private static readonly MeasuredEffect MaybeMoved = E(0.2, 0.1, 0.3);

    [Fact]
    public void Verdicts_FollowTheMainPartQualifiedByTheSecond()
    {
        Assert.Equal(Verdict.Holds, Claim.Evaluate(Cut, Same).Verdict);
        Assert.Equal(Verdict.PartlyHolds, Claim.Evaluate(Cut, Moved).Verdict);
        Assert.Equal(Verdict.PartlyHolds, Claim.Evaluate(SmallCut, Same).Verdict);
        Assert.Equal(Verdict.PartlyHolds, Claim.Evaluate(SmallCut, MaybeMoved).Verdict);
        Assert.Equal(Verdict.DoesNotHold, Claim.Evaluate(Rise, Same).Verdict);
        Assert.Equal(Verdict.Inconclusive, Claim.Evaluate(Undecided, Same).Verdict);
        Assert.Equal(Verdict.Inconclusive, Claim.Evaluate(Cut, MaybeMoved).Verdict);
    }

    [Fact]
    public void Evidence_GivesBothParts()
    {
        var j = Claim.Evaluate(Cut, Moved);
        Assert.StartsWith("main part holds: variance change = -0.8 [-0.85, -0.75] over 600 test rows", j.Evidence, StringComparison.Ordinal);
        Assert.Contains("; qualifier does not hold: bias change = 0.5 [0.4, 0.6] over 600 test rows: the interval lies beyond ±0.2", j.Evidence, StringComparison.Ordinal);
        Assert.StartsWith("main part: variance change: holds if", j.Criterion, StringComparison.Ordinal);
    }
}
