using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.Tests;

public class EffectCriterionTests
{
    private static readonly EffectCriterion Gain = new("AUC gain", Direction.Greater, holdsAt: 0.02, partlyAt: 0);
    private static readonly EffectCriterion Drop = new("SD change", Direction.Less, holdsAt: -0.1, partlyAt: 0);
    private static readonly EffectCriterion Sign = new("difference", Direction.Greater, holdsAt: 0, partlyAt: 0);

    [Theory]
    [InlineData(0.05, 0.03, 0.07, Verdict.Holds)]
    [InlineData(0.01, 0.005, 0.015, Verdict.PartlyHolds)]
    [InlineData(0.01, 0.005, 0.02, Verdict.PartlyHolds)]
    [InlineData(-0.01, -0.02, 0, Verdict.DoesNotHold)]
    [InlineData(0.02, 0.01, 0.03, Verdict.Inconclusive)]
    [InlineData(0.001, -0.01, 0.01, Verdict.Inconclusive)]
    [InlineData(double.NaN, double.NaN, double.NaN, Verdict.Inconclusive)]
    public void Greater_ReachesEveryVerdict(double value, double lower, double upper, Verdict expected) =>
        Assert.Equal(expected, Gain.Evaluate(new Interval(value, lower, upper, 0.95, "test"), 20).Verdict);

    [Theory]
    [InlineData(-0.2, -0.3, -0.15, Verdict.Holds)]
    [InlineData(-0.05, -0.08, -0.02, Verdict.PartlyHolds)]
    [InlineData(0.05, 0, 0.1, Verdict.DoesNotHold)]
    [InlineData(-0.1, -0.2, 0.05, Verdict.Inconclusive)]
    public void Less_MirrorsGreater(double value, double lower, double upper, Verdict expected) =>
        Assert.Equal(expected, Drop.Evaluate(new Interval(value, lower, upper, 0.95, "test"), 20).Verdict);

    [Fact]
    public void Inconclusive_SaysHowManyReplicatesWouldDecide()
    {
        // Half-width 0.0125, distance to the boundary 0 of 0.005: (0.0125 / 0.005)^2 = 6.25 times the 20 repetitions.
        var j = Gain.Evaluate(new Interval(0.005, -0.01, 0.015, 0.95, "test"), 20);
        Assert.Equal(Verdict.Inconclusive, j.Verdict);
        Assert.Equal(
            "AUC gain = 0.005 [-0.01, 0.015] over 20 repetitions: the interval contains 0, so the data cannot decide between partly holds and does not hold; needs about 125 repetitions to decide (now 20)",
            j.Evidence);
        var wide = Gain.Evaluate(new Interval(0.01, -0.01, 0.03, 0.95, "test"), 20);
        Assert.StartsWith(
            "AUC gain = 0.01 [-0.01, 0.03] over 20 repetitions: the interval contains 0 and 0.02, so the data cannot decide between holds, partly holds and does not hold; needs about 80 repetitions",
            wide.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconclusive_PointOnTheBoundary_SaysNoNumberDecides()
    {
        var j = Gain.Evaluate(new Interval(0.02, 0.01, 0.03, 0.95, "test"), 20);
        Assert.EndsWith("the point estimate sits on 0.02: no feasible number of repetitions decides it", j.Evidence, StringComparison.Ordinal);
        Assert.Contains("between holds and partly holds", j.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_IsInconclusiveAndPrintedAsUndefined()
    {
        var j = Gain.Evaluate(new Interval(double.NaN, double.NaN, double.NaN, 0.95, "test"), 5);
        Assert.Equal("AUC gain = undefined over 5 repetitions: undefined, so the data cannot decide", j.Evidence);
    }

    [Fact]
    public void NoWeakerForm_DescriptionSaysPartlyCannotOccur()
    {
        Assert.Contains("partly holds cannot occur (the claim has no weaker form)", Sign.Description, StringComparison.Ordinal);
        Assert.Equal(Verdict.Holds, Sign.Evaluate(new Interval(0.1, 0.05, 0.2, 0.95, "test"), 10).Verdict);
        Assert.Equal(Verdict.DoesNotHold, Sign.Evaluate(new Interval(-0.1, -0.2, -0.05, 0.95, "test"), 10).Verdict);
        Assert.Equal(Verdict.Inconclusive, Sign.Evaluate(new Interval(0.1, -0.05, 0.2, 0.95, "test"), 10).Verdict);
    }

    [Fact]
    public void Description_StatesEveryVerdict() => Assert.Equal(
        "AUC gain: holds if the whole 95% interval lies above 0.02; partly holds if it lies wholly between 0 and 0.02; does not hold if it lies wholly at or below 0; inconclusive if it straddles a boundary (the evidence says how many replicates would decide)",
        Gain.Description);

    [Fact]
    public void Constructor_ThresholdsInWrongOrder_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new EffectCriterion("x", Direction.Greater, holdsAt: 0, partlyAt: 0.1));
        Assert.StartsWith("partlyAt is 0.1 and holdsAt is 0; with Direction.Greater partlyAt must be <= holdsAt.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoReplicates_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Gain.Evaluate(new Interval(0.1, 0, 0.2, 0.95, "test"), 0));

    [Fact]
    public void Format_UndefinedInterval_PrintsUndefinedNeverZero()
    {
        Assert.Equal("undefined", Numbers.Format(new Interval(double.NaN, double.NaN, double.NaN, 0.95, "test")));
        Assert.Equal("0.5 [interval undefined]", Numbers.Format(new Interval(0.5, double.NaN, double.NaN, 0.95, "test")));
        Assert.Equal("0.5 [0.3, 0.7] (undefined in 37% of resamples)", Numbers.Format(new Interval(0.5, 0.3, 0.7, 0.95, "test") { UndefinedShare = 0.37 }));
        Assert.Equal("undefined", Cell.FromDouble(double.NaN).ToString());
    }

    [Fact]
    public void Verdict_Inconclusive_HasItsText() => Assert.Equal("inconclusive", Verdict.Inconclusive.ToText());
}
