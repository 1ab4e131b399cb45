using ClassicalML.Evaluation;

namespace ClassicalML.Evaluation.Tests;

public sealed class IntervalTests
{
    [Fact]
    public void Width_Bounds_IsUpperMinusLower()
        => Assert.Equal(0.25, new Interval(0.5, 0.375, 0.625, 0.95, "test").Width);

    [Theory]
    [InlineData(0.375, true)]
    [InlineData(0.625, true)]
    [InlineData(0.5, true)]
    [InlineData(0.374, false)]
    [InlineData(0.626, false)]
    [InlineData(double.NaN, false)]
    public void Contains_Value_ClosedInterval(double value, bool expected)
        => Assert.Equal(expected, new Interval(0.5, 0.375, 0.625, 0.95, "test").Contains(value));

    [Theory]
    [InlineData(0.0, 0.375, true)]
    [InlineData(0.625, 0.7, true)]
    [InlineData(0.4, 0.5, true)]
    [InlineData(0.0, 0.3, false)]
    [InlineData(0.7, 0.9, false)]
    public void Overlaps_OtherInterval_SharesAPoint(double lower, double upper, bool expected)
    {
        var a = new Interval(0.5, 0.375, 0.625, 0.95, "test");
        var b = new Interval((lower + upper) / 2, lower, upper, 0.95, "test");

        Assert.Equal(expected, a.Overlaps(b));
        Assert.Equal(expected, b.Overlaps(a));
    }

    [Fact]
    public void Format_Default_InvariantText()
        => Assert.Equal("0.812 [0.771, 0.848] (95% Wilson score)", new Interval(0.8123, 0.7712, 0.8481, 0.95, "Wilson score").Format());

    [Fact]
    public void Format_BadDigits_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Interval(0.5, 0.4, 0.6, 0.95, "test").Format(16));

        Assert.Equal("digits", e.ParamName);
        Assert.StartsWith("digits is 16; it must be between 0 and 15. Pass, for example, 3.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_UndefinedShare_IsNamed()
        => Assert.Equal(
            "0.500 [0.400, 0.600] (95% percentile bootstrap; undefined in 37.5% of resamples)",
            new Interval(0.5, 0.4, 0.6, 0.95, "percentile bootstrap") { UndefinedShare = 0.375 }.Format());

    [Fact]
    public void Constructor_LowerAboveUpper_ThrowsWithValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Interval(0.5, 0.7, 0.6, 0.95, "test"));

        Assert.Equal(("Lower", 0.7), (e.ParamName, e.ActualValue));
        Assert.StartsWith("Lower is 0.7; it must be at least -infinity and at most Upper = 0.6. Pass the bounds in order, lower first.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 0.4, 0.6, true)]
    [InlineData(0.5, double.NaN, double.NaN, true)]
    [InlineData(0.5, double.NaN, 0.4, true)]
    [InlineData(0.5, 0.4, 0.6, false)]
    public void IsUndefined_AnyNaN_NoOrderCheck(double estimate, double lower, double upper, bool expected)
        => Assert.Equal(expected, new Interval(estimate, lower, upper, 0.95, "test").IsUndefined);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void UndefinedShare_OutsideZeroToOne_Throws(double share)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Interval(0.5, 0.4, 0.6, 0.95, "test") { UndefinedShare = share });

        Assert.Equal("UndefinedShare", e.ParamName);
    }

    [Fact]
    public void Exact_Number_IsItsOwnIntervalAtFullConfidence()
    {
        var exact = Interval.Exact(3);

        Assert.Equal((3.0, 3.0, 3.0, 1.0, "exact", 0.0), (exact.Estimate, exact.Lower, exact.Upper, exact.Confidence, exact.Method, exact.UndefinedShare));
    }
}
