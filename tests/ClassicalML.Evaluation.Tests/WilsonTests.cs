using System.Text.Json;
using ClassicalML.Evaluation;
using FsCheck;
using FsCheck.Xunit;

namespace ClassicalML.Evaluation.Tests;

public sealed class WilsonTests
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "reference", "multiclass", "wilson_cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static TheoryData<long, long, double, double, double> StatsmodelsCases()
    {
        var data = new TheoryData<long, long, double, double, double>();
        foreach (var c in Cases.Value)
        {
            data.Add(
                c.GetProperty("successes").GetInt64(),
                c.GetProperty("trials").GetInt64(),
                c.GetProperty("confidence").GetDouble(),
                c.GetProperty("lower").GetDouble(),
                c.GetProperty("upper").GetDouble());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StatsmodelsCases))]
    public void Wilson_StatsmodelsCase_MatchesReference(long successes, long trials, double confidence, double lower, double upper)
    {
        var interval = Intervals.Wilson(successes, trials, confidence);

        Assert.Equal(lower, interval.Lower, 1e-12);
        Assert.Equal(upper, interval.Upper, 1e-12);
        Assert.Equal((double)successes / trials, interval.Estimate);
        Assert.Equal(confidence, interval.Confidence);
        Assert.Equal("Wilson score", interval.Method);
    }

    [Fact]
    public void Wilson_ZeroAndAllSuccesses_BoundsExactlyZeroAndOne()
    {
        Assert.Equal(0.0, Intervals.Wilson(0, 10).Lower);
        Assert.Equal(1.0, Intervals.Wilson(10, 10).Upper);
        Assert.True(Intervals.Wilson(0, 10).Upper > 0.2);
        Assert.True(Intervals.Wilson(10, 10).Lower < 0.8);
    }

    [Property]
    public bool Wilson_AnyProportion_ContainsEstimateWithinUnitInterval(PositiveInt trialsRaw, NonNegativeInt successesRaw, byte confidenceRaw)
    {
        var trials = trialsRaw.Get;
        var successes = successesRaw.Get % (trials + 1);
        var confidence = 0.5 + (0.499 * confidenceRaw / 255.0);

        var interval = Intervals.Wilson(successes, trials, confidence);

        return interval.Contains(interval.Estimate)
            && interval.Lower >= 0 && interval.Upper <= 1
            && interval.Lower <= interval.Upper;
    }

    [Property]
    public bool Wilson_HigherConfidence_NestsLowerConfidence(PositiveInt trialsRaw, NonNegativeInt successesRaw)
    {
        var trials = trialsRaw.Get;
        var successes = successesRaw.Get % (trials + 1);

        var narrow = Intervals.Wilson(successes, trials, 0.8);
        var wide = Intervals.Wilson(successes, trials, 0.99);

        return wide.Lower <= narrow.Lower && narrow.Upper <= wide.Upper && wide.Width > narrow.Width;
    }

    [Theory]
    [InlineData(0L, 0L, 0.95, "trials", "trials is 0; it must be at least 1. A proportion needs at least one trial.")]
    [InlineData(-1L, 10L, 0.95, "successes", "successes is -1; it must be between 0 and 10. Pass the number of successes among the trials.")]
    [InlineData(11L, 10L, 0.95, "successes", "successes is 11; it must be between 0 and 10. Pass the number of successes among the trials.")]
    [InlineData(3L, 10L, 0.0, "confidence", "confidence is 0; it must be greater than 0 and less than 1. Pass, for example, 0.95 for a 95% interval.")]
    [InlineData(3L, 10L, 1.0, "confidence", "confidence is 1; it must be greater than 0 and less than 1. Pass, for example, 0.95 for a 95% interval.")]
    [InlineData(3L, 10L, 95.0, "confidence", "confidence is 95; it must be greater than 0 and less than 1. Pass, for example, 0.95 for a 95% interval.")]
    [InlineData(3L, 10L, double.NaN, "confidence", "confidence is NaN; it must be greater than 0 and less than 1. Pass, for example, 0.95 for a 95% interval.")]
    public void Wilson_BadArgument_ThrowsWithMessage(long successes, long trials, double confidence, string param, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Intervals.Wilson(successes, trials, confidence));

        Assert.Equal(param, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
