using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.Tests;

public class CasesCriterionTests
{
    private static readonly CasesCriterion<MeasuredEffect> Gain = new(new EffectCriterion("AUC gain", Direction.Greater, holdsAt: 0.02, partlyAt: 0, replicates: "test rows"), "data sets");

    private static readonly MeasuredEffect Holds = new(new Interval(0.05, 0.03, 0.07, 0.95, "test"), 100);
    private static readonly MeasuredEffect Partly = new(new Interval(0.01, 0.005, 0.015, 0.95, "test"), 100);
    private static readonly MeasuredEffect Fails = new(new Interval(-0.01, -0.02, 0, 0.95, "test"), 100);
    private static readonly MeasuredEffect Undecided = new(new Interval(0.001, -0.01, 0.01, 0.95, "test"), 100);

    private static Verdict Judge(params MeasuredEffect[] cases) =>
        Gain.Evaluate([.. cases.Select((c, i) => ($"set {i}", c))]).Verdict;

    [Fact]
    public void AllAgree_GivesTheirVerdict()
    {
        Assert.Equal(Verdict.Holds, Judge(Holds, Holds));
        Assert.Equal(Verdict.DoesNotHold, Judge(Fails, Fails));
        Assert.Equal(Verdict.PartlyHolds, Judge(Partly, Partly));
    }

    [Fact]
    public void Disagreement_PartlyHolds()
    {
        Assert.Equal(Verdict.PartlyHolds, Judge(Holds, Fails));
        Assert.Equal(Verdict.PartlyHolds, Judge(Holds, Partly));
    }

    [Fact]
    public void Undecided_InconclusiveOnlyWhileItCouldChangeTheVerdict()
    {
        Assert.Equal(Verdict.Inconclusive, Judge(Holds, Undecided));
        Assert.Equal(Verdict.Inconclusive, Judge(Fails, Undecided));
        Assert.Equal(Verdict.Inconclusive, Judge(Undecided));
        Assert.Equal(Verdict.PartlyHolds, Judge(Holds, Fails, Undecided));
        Assert.Equal(Verdict.PartlyHolds, Judge(Partly, Undecided));
    }

    [Fact]
    public void Evidence_NamesEveryCaseWithItsVerdictAndNumbers()
    {
        var j = Gain.Evaluate([("spambase", Holds), ("synthetic", Undecided)]);
        Assert.StartsWith("spambase: holds (AUC gain = 0.05 [0.03, 0.07] over 100 test rows: the interval lies beyond 0.02); synthetic: inconclusive (AUC gain = 0.001 [-0.01, 0.01] over 100 test rows: the interval contains 0", j.Evidence, StringComparison.Ordinal);
        Assert.Contains("needs about 10000 test rows to decide (now 100)", j.Evidence, StringComparison.Ordinal);
        Assert.StartsWith("in each of the data sets: AUC gain: holds if", j.Criterion, StringComparison.Ordinal);
        Assert.EndsWith("Over the data sets: holds if it holds in every one; does not hold if it does not hold in every one; partly holds if they disagree; inconclusive while undecided ones could still change that", j.Criterion, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCase_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Gain.Evaluate([]));
        Assert.StartsWith("input has no case; a claim over data sets needs at least one. Pass one (name, measurement) per case.", e.Message, StringComparison.Ordinal);
    }
}
