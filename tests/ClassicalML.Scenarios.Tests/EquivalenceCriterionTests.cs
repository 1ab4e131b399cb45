using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.Tests;

public class EquivalenceCriterionTests
{
    private static readonly EquivalenceCriterion Same = new("OOB − test error", 0.03, replicates: "test rows");

    [Theory]
    [InlineData(0.01, -0.01, 0.02, Verdict.Holds)]
    [InlineData(-0.01, -0.029, 0.009, Verdict.Holds)]
    [InlineData(0.05, 0.03, 0.07, Verdict.DoesNotHold)]
    [InlineData(-0.06, -0.09, -0.03, Verdict.DoesNotHold)]
    [InlineData(0.02, 0.005, 0.035, Verdict.Inconclusive)]
    [InlineData(0, -0.04, 0.04, Verdict.Inconclusive)]
    [InlineData(double.NaN, double.NaN, double.NaN, Verdict.Inconclusive)]
    public void Evaluate_ReachesHoldsDoesNotHoldAndInconclusive(double value, double lower, double upper, Verdict expected) =>
        Assert.Equal(expected, Same.Evaluate(new Interval(value, lower, upper, 0.95, "test"), 600).Verdict);

    [Fact]
    public void Inconclusive_SaysHowManyReplicatesWouldDecide()
    {
        // Half-width 0.375, distance of 0.25 to the margin 0.5 is 0.25: (1.5)^2 = 2.25 times 600 rows (exact in binary).
        var j = new EquivalenceCriterion("OOB − test error", 0.5, replicates: "test rows").Evaluate(new Interval(0.25, 0, 0.75, 0.95, "test"), 600);
        Assert.Equal("OOB − test error = 0.25 [0, 0.75] over 600 test rows: the interval contains 0.5, so the data cannot decide between holds and does not hold; needs about 1350 test rows to decide (now 600)", j.Evidence);
    }

    [Fact]
    public void Holds_EvidenceAndDescription()
    {
        var j = Same.Evaluate(new Interval(0.01, -0.01, 0.02, 0.95, "test"), 600);
        Assert.Equal("OOB − test error = 0.01 [-0.01, 0.02] over 600 test rows: the interval lies inside ±0.03", j.Evidence);
        Assert.Contains("partly holds cannot occur", j.Criterion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.NaN, "NaN")]
    public void Margin_NotPositive_Throws(double margin, string shown)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EquivalenceCriterion("d", margin));
        Assert.StartsWith($"margin is {shown}; it must be a finite number greater than 0. Pass the largest difference that still counts as the same, e.g. 0.02.", e.Message, StringComparison.Ordinal);
    }
}
