using ClassicalML.Scenarios.OneHotVsLabel;

namespace OneHotVsLabel.Tests;

public class FoldIntervalsTests
{
    [Fact]
    public void CorrectedT_ThreeValues_MatchesHandComputation()
    {
        // mean 2, s² = 1, J = 3, k = 3: se = sqrt((1/3 + 1/2) · 1) = 0.912871; t(0.975; 2) = 4.302653.
        var e = FoldIntervals.CorrectedT([1.0, 2.0, 3.0], folds: 3);
        Assert.Equal(2.0, e.Value, 12);
        Assert.Equal(2.0 - (4.302652729911275 * 0.9128709291752769), e.Lower, 9);
        Assert.Equal(2.0 + (4.302652729911275 * 0.9128709291752769), e.Upper, 9);
    }

    [Fact]
    public void CorrectedT_WiderThanPlainT()
    {
        double[] values = [0.71, 0.74, 0.69, 0.77, 0.72, 0.75, 0.70, 0.73, 0.76, 0.74];
        var corrected = FoldIntervals.CorrectedT(values, folds: 5);
        var sd = MathNet.Numerics.Statistics.Statistics.StandardDeviation(values);
        var plainHalf = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 9, 0.975) * sd / Math.Sqrt(10);
        Assert.True(corrected.Upper - corrected.Value > plainHalf);
        Assert.Equal(Math.Sqrt(1.0 + (10.0 / 4)) * plainHalf, corrected.Upper - corrected.Value, 12);
    }

    [Fact]
    public void CorrectedT_OneValue_UndefinedBounds()
    {
        var e = FoldIntervals.CorrectedT([0.8], folds: 5);
        Assert.Equal(0.8, e.Value);
        Assert.True(double.IsNaN(e.Lower) && double.IsNaN(e.Upper));
    }

    [Fact]
    public void CorrectedT_EqualValues_ZeroWidth()
    {
        var e = FoldIntervals.CorrectedT([0.5, 0.5, 0.5, 0.5], folds: 2);
        Assert.Equal((0.5, 0.5, 0.5), (e.Value, e.Lower, e.Upper));
    }

    [Fact]
    public void CorrectedT_Empty_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => FoldIntervals.CorrectedT([], folds: 5));
        Assert.StartsWith("values is empty; an interval needs at least one fold value. Pass the per-fold scores.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Differences_PairsByFold()
    {
        Assert.Equal([0.25, -0.5, 0.0], FoldIntervals.Differences([0.75, 0.25, 0.5], [0.5, 0.75, 0.5]));
    }

    [Fact]
    public void Differences_DifferentLengths_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => FoldIntervals.Differences([1.0, 2.0], [1.0]));
        Assert.StartsWith("a has 2 fold values but b has 1; paired differences need the same folds. Run both on the same split.", ex.Message, StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property]
    public bool CorrectedT_ContainsMean(FsCheck.NonEmptyArray<FsCheck.NormalFloat> raw, FsCheck.PositiveInt k)
    {
        double[] values = [.. raw.Item.Select(v => Math.Clamp(v.Item, -1e6, 1e6))];
        var folds = 2 + (k.Item % 10);
        var e = FoldIntervals.CorrectedT(values, folds);
        return values.Length < 2 ? double.IsNaN(e.Lower) : e.Lower <= e.Value && e.Value <= e.Upper && Math.Abs(e.Value - values.Average()) < 1e-9 * (1 + Math.Abs(e.Value));
    }
}
