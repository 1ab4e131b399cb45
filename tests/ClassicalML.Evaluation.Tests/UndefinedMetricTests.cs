namespace ClassicalML.Evaluation.Tests;

public class UndefinedMetricTests
{
    [Fact]
    public void ToString_AnyMetric_IsMetricColonReason()
    {
        var u = new UndefinedMetric("Precision", "no predicted positives (tp + fp = 0)");

        Assert.Equal("Precision: no predicted positives (tp + fp = 0)", u.ToString());
    }

    [Theory]
    [InlineData(ZeroDivision.Zero, 0.0)]
    [InlineData(ZeroDivision.One, 1.0)]
    [InlineData(ZeroDivision.NaN, double.NaN)]
    public void Divide_ZeroDenominator_ReturnsPolicyValueAndRecordsIt(ZeroDivision policy, double expected)
    {
        var log = new UndefinedMetrics(policy);

        double value = log.Divide(3, 0, "Recall", "no actual positives (tp + fn = 0)");

        Assert.Equal(expected, value);
        UndefinedMetric recorded = Assert.Single(log.Items);
        Assert.Equal("Recall", recorded.Metric);
        Assert.StartsWith("no actual positives (tp + fn = 0); reported as ", recorded.Reason);
    }

    [Fact]
    public void Divide_NonZeroDenominator_RecordsNothing()
    {
        var log = new UndefinedMetrics(ZeroDivision.NaN);

        Assert.Equal(0.25, log.Divide(1, 4, "Precision", "unused"));
        Assert.Empty(log.Items);
    }
}
