using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.Tests;

public class AllPartsCriterionTests
{
    private static readonly AllPartsCriterion Claim = new(
    [
        ("keeps the informative features", new EffectCriterion("mean recall", Direction.Greater, holdsAt: 0.95, partlyAt: 0.8, replicates: "draws")),
        ("drops the noise", new EffectCriterion("mean precision", Direction.Greater, holdsAt: 0.8, partlyAt: 0.4, replicates: "draws")),
    ]);

    private static MeasuredEffect E(double value, double lower, double upper) => new(new Interval(value, lower, upper, 0.95, "test"), 40);

    [Fact]
    public void Verdict_IsTheWeakestPart()
    {
        Assert.Equal(Verdict.Holds, Claim.Evaluate([E(1, 0.97, 1), E(0.9, 0.85, 0.95)]).Verdict);
        Assert.Equal(Verdict.PartlyHolds, Claim.Evaluate([E(1, 0.97, 1), E(0.5, 0.45, 0.55)]).Verdict);
        Assert.Equal(Verdict.PartlyHolds, Claim.Evaluate([E(0.9, 0.85, 0.93), E(0.9, 0.85, 0.95)]).Verdict);
        Assert.Equal(Verdict.DoesNotHold, Claim.Evaluate([E(1, 0.97, 1), E(0.3, 0.25, 0.35)]).Verdict);
        Assert.Equal(Verdict.DoesNotHold, Claim.Evaluate([E(0.5, 0.4, 0.6), E(0.9, 0.85, 0.95)]).Verdict);
    }

    [Fact]
    public void UndecidedPart_DecidesOnlyWhenItCannotMoveTheWeakest()
    {
        // Recall straddles 0.95 (holds or partly holds) while precision partly holds: partly holds either way.
        Assert.Equal(Verdict.PartlyHolds, Claim.Evaluate([E(0.96, 0.93, 0.99), E(0.5, 0.45, 0.55)]).Verdict);

        // Recall straddles 0.95 while precision holds: holds or partly holds, undecided.
        var undecided = Claim.Evaluate([E(0.96, 0.93, 0.99), E(0.9, 0.85, 0.95)]);
        Assert.Equal(Verdict.Inconclusive, undecided.Verdict);
        Assert.Contains("needs about", undecided.Evidence, StringComparison.Ordinal);

        // A failing part fails the claim whatever the undecided one does.
        Assert.Equal(Verdict.DoesNotHold, Claim.Evaluate([E(0.96, 0.93, 0.99), E(0.3, 0.25, 0.35)]).Verdict);

        // Precision straddles 0.4 while recall holds: partly holds or does not hold, undecided.
        Assert.Equal(Verdict.Inconclusive, Claim.Evaluate([E(1, 0.97, 1), E(0.42, 0.35, 0.48)]).Verdict);
    }

    [Fact]
    public void Evidence_AndDescription_NameEveryPart()
    {
        var j = Claim.Evaluate([E(1, 0.97, 1), E(0.5, 0.45, 0.55)]);
        Assert.StartsWith("keeps the informative features: holds (mean recall = 1 [0.97, 1] over 40 draws: the interval lies beyond 0.95)", j.Evidence, StringComparison.Ordinal);
        Assert.Contains("; drops the noise: partly holds (mean precision = 0.5 [0.45, 0.55] over 40 draws", j.Evidence, StringComparison.Ordinal);
        Assert.StartsWith("every part must hold: keeps the informative features: mean recall: holds if", j.Criterion, StringComparison.Ordinal);
        Assert.Contains("The claim takes its weakest part's verdict", j.Criterion, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_MustHaveOneEffectPerPart()
    {
        var e = Assert.Throws<ArgumentException>(() => Claim.Evaluate([E(1, 0.97, 1)]));
        Assert.Contains("pass one effect per part", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AllPartsCriterion([]));
    }
}
