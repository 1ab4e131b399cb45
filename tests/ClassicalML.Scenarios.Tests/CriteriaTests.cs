using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.Tests;

public class CriteriaTests
{
    private static readonly IntervalComparisonCriterion Greater = new("A", Direction.Greater, "B");
    private static readonly IntervalComparisonCriterion Less = new("A", Direction.Less, "B");

    [Fact]
    public void IntervalComparison_SeparatedInClaimedOrder_Holds()
    {
        var j = Greater.Evaluate(new Interval(0.9, 0.85, 0.95, 0.95, "test"), new Interval(0.7, 0.65, 0.8, 0.95, "test"));
        Assert.Equal(Verdict.Holds, j.Verdict);
        Assert.Equal("A = 0.9 [0.85, 0.95] vs B = 0.7 [0.65, 0.8]: intervals do not overlap", j.Evidence);
        Assert.Equal(
            "holds if the 95% intervals of A and B do not overlap with A > B; partly holds if the point estimates are in that order but the intervals overlap; does not hold otherwise",
            j.Criterion);
    }

    [Fact]
    public void IntervalComparison_OverlappingInClaimedOrder_PartlyHolds()
    {
        var j = Greater.Evaluate(new Interval(0.9, 0.75, 0.95, 0.95, "test"), new Interval(0.7, 0.65, 0.8, 0.95, "test"));
        Assert.Equal(Verdict.PartlyHolds, j.Verdict);
        Assert.Equal("A = 0.9 [0.75, 0.95] vs B = 0.7 [0.65, 0.8]: A > B but the intervals overlap", j.Evidence);
    }

    [Fact]
    public void IntervalComparison_WrongOrder_DoesNotHold()
    {
        Assert.Equal(Verdict.DoesNotHold, Greater.Evaluate(new Interval(0.7, 0.65, 0.8, 0.95, "test"), new Interval(0.9, 0.85, 0.95, 0.95, "test")).Verdict);
        Assert.Equal(Verdict.DoesNotHold, Greater.Evaluate(new Interval(0.7, 0.6, 0.8, 0.95, "test"), new Interval(0.7, 0.6, 0.8, 0.95, "test")).Verdict);
    }

    [Fact]
    public void IntervalComparison_Less_MirrorsGreater()
    {
        Assert.Equal(Verdict.Holds, Less.Evaluate(new Interval(0.1, 0.05, 0.15, 0.95, "test"), new Interval(0.3, 0.2, 0.4, 0.95, "test")).Verdict);
        Assert.Equal(Verdict.PartlyHolds, Less.Evaluate(new Interval(0.1, 0.05, 0.25, 0.95, "test"), new Interval(0.3, 0.2, 0.4, 0.95, "test")).Verdict);
        Assert.Equal(Verdict.DoesNotHold, Less.Evaluate(new Interval(0.3, 0.2, 0.4, 0.95, "test"), new Interval(0.1, 0.05, 0.15, 0.95, "test")).Verdict);
    }

    [Fact]
    public void IntervalComparison_NaN_DoesNotHold()
    {
        var j = Greater.Evaluate(new Interval(double.NaN, double.NaN, double.NaN, 0.95, "test"), new Interval(0.7, 0.65, 0.8, 0.95, "test"));
        Assert.Equal(Verdict.DoesNotHold, j.Verdict);
        Assert.EndsWith("undefined (NaN)", j.Evidence);
    }

    [Theory]
    [InlineData(0.95, Verdict.Holds)]
    [InlineData(0.9, Verdict.Holds)]
    [InlineData(0.85, Verdict.PartlyHolds)]
    [InlineData(0.8, Verdict.PartlyHolds)]
    [InlineData(0.79, Verdict.DoesNotHold)]
    [InlineData(double.NaN, Verdict.DoesNotHold)]
    public void Threshold_AtLeast_ReturnsEachVerdict(double x, Verdict expected)
    {
        var criterion = new ThresholdCriterion("AUC", Direction.Greater, 0.9, 0.8);
        Assert.Equal(expected, criterion.Evaluate(x).Verdict);
    }

    [Theory]
    [InlineData(0.01, Verdict.Holds)]
    [InlineData(0.04, Verdict.PartlyHolds)]
    [InlineData(0.2, Verdict.DoesNotHold)]
    public void Threshold_AtMost_ReturnsEachVerdict(double x, Verdict expected)
    {
        var criterion = new ThresholdCriterion("fold SD", Direction.Less, 0.02, 0.05);
        Assert.Equal(expected, criterion.Evaluate(x).Verdict);
    }

    [Fact]
    public void Threshold_Texts_StateRuleAndNumbers()
    {
        var j = new ThresholdCriterion("AUC gain", Direction.Greater, 0.05, 0.01).Evaluate(0.0312345);
        Assert.Equal("holds if AUC gain >= 0.05; partly holds if AUC gain >= 0.01; does not hold otherwise", j.Criterion);
        Assert.Equal("AUC gain = 0.03123 (holds at >= 0.05, partly at >= 0.01)", j.Evidence);
    }

    [Fact]
    public void Threshold_ThresholdsInWrongOrder_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new ThresholdCriterion("x", Direction.Greater, 0.5, 0.9));
        Assert.Equal("partlyAt is 0.9 and holdsAt is 0.5; with Direction.Greater partlyAt must be <= holdsAt. Swap them or pick a weaker partlyAt. (Parameter 'partlyAt')", e.Message);
    }

    [Theory]
    [InlineData(19, Verdict.Holds)]
    [InlineData(18, Verdict.Holds)]
    [InlineData(12, Verdict.PartlyHolds)]
    [InlineData(9, Verdict.DoesNotHold)]
    public void Fraction_ReturnsEachVerdict(int count, Verdict expected)
    {
        var criterion = new FractionCriterion("repetitions where stratified is lower", 0.9, 0.5);
        Assert.Equal(expected, criterion.Evaluate(count, 20).Verdict);
    }

    [Fact]
    public void Fraction_Texts_StateRuleAndCounts()
    {
        var j = new FractionCriterion("repetitions", 0.9, 0.5).Evaluate(17, 20);
        Assert.Equal("holds if at least 90% of repetitions; partly holds if at least 50%; does not hold otherwise", j.Criterion);
        Assert.Equal("17 of 20 repetitions (85%; holds at 90%, partly at 50%)", j.Evidence);
    }

    [Fact]
    public void Fraction_CountAboveTotal_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FractionCriterion("x", 0.9, 0.5).Evaluate(21, 20));
        Assert.StartsWith("count is 21; it must be in [0, total = 20]. Check the counting.", e.Message);
    }

    [Fact]
    public void Fraction_PartlyAboveHolds_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FractionCriterion("x", 0.5, 0.9));
        Assert.StartsWith("partlyAt is 0.9; it must be at least 0 and at most holdsAt = 0.5. Pass a weaker fraction than holdsAt.", e.Message);
    }

    [Theory]
    [InlineData(0.8, 0.7, 0.9, Verdict.Holds)]
    [InlineData(0.6, 0.45, 0.75, Verdict.PartlyHolds)]
    [InlineData(0.5, 0.4, 0.6, Verdict.DoesNotHold)]
    [InlineData(0.4, 0.3, 0.45, Verdict.DoesNotHold)]
    public void IntervalThreshold_Above_ReturnsEachVerdict(double value, double lower, double upper, Verdict expected)
    {
        var criterion = new IntervalThresholdCriterion("AUC", Direction.Greater, 0.5);
        Assert.Equal(expected, criterion.Evaluate(new Interval(value, lower, upper, 0.95, "test")).Verdict);
    }

    [Theory]
    [InlineData(0.2, 0.1, 0.3, Verdict.Holds)]
    [InlineData(0.4, 0.3, 0.6, Verdict.PartlyHolds)]
    [InlineData(0.7, 0.6, 0.8, Verdict.DoesNotHold)]
    public void IntervalThreshold_Below_ReturnsEachVerdict(double value, double lower, double upper, Verdict expected)
    {
        var criterion = new IntervalThresholdCriterion("error", Direction.Less, 0.5);
        Assert.Equal(expected, criterion.Evaluate(new Interval(value, lower, upper, 0.95, "test")).Verdict);
    }

    [Fact]
    public void VerdictText_EachVerdict_ReportText()
    {
        Assert.Equal("holds", Verdict.Holds.ToText());
        Assert.Equal("partly holds", Verdict.PartlyHolds.ToText());
        Assert.Equal("does not hold", Verdict.DoesNotHold.ToText());
    }

    [FsCheck.Xunit.Property]
    public bool Threshold_Verdict_IsMonotoneInX(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return true;
        }

        var criterion = new ThresholdCriterion("x", Direction.Greater, 1, 0);
        var (low, high) = x <= y ? (x, y) : (y, x);
        // Verdict enum order: Holds < PartlyHolds < DoesNotHold, so a larger x never gets a worse verdict.
        return criterion.Evaluate(high).Verdict <= criterion.Evaluate(low).Verdict;
    }
}
