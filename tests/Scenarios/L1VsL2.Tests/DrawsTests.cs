namespace ClassicalML.Scenarios.L1VsL2.Tests;

public sealed class DrawsTests
{
    [Fact]
    public void MeanOverDraws_LeavesUndefinedDrawsOut()
    {
        var mean = Draws.MeanOverDraws([0.5, double.NaN, 1.0, 0.75], seed: 1, resamples: 200);
        Assert.Equal(0.75, mean.Estimate, 12);
        Assert.InRange(mean.Lower, 0.5, 0.75);
        Assert.InRange(mean.Upper, 0.75, 1.0);
    }

    [Fact]
    public void MeanOverDraws_EveryDrawUndefined_IsUndefined() =>
        Assert.True(Draws.MeanOverDraws([double.NaN, double.NaN], seed: 1, resamples: 200).IsUndefined);

    [Fact]
    public void MeanOverDraws_SameSeed_SameInterval() =>
        Assert.Equal(Draws.MeanOverDraws([0.1, 0.4, 0.9, 0.3], 7, 300), Draws.MeanOverDraws([0.1, 0.4, 0.9, 0.3], 7, 300));

    [Fact]
    public void Spread_DefinedValues()
    {
        var (sd, min, median, max) = Draws.Spread([1.0, double.NaN, 3.0, 2.0]);
        Assert.Equal(1.0, sd, 12);
        Assert.Equal((1.0, 2.0, 3.0), (min, median, max));
    }
}
