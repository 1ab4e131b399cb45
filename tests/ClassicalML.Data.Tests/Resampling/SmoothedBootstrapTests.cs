using ClassicalML.Data.Resampling;

namespace ClassicalML.Data.Tests.Resampling;

/// <summary>RandomOverSampler with <see cref="RandomOverSampler.Shrinkage"/>: imbalanced-learn's smoothed bootstrap.</summary>
public class SmoothedBootstrapTests
{
    [Fact]
    public void NoiseScale_ToyClass_MatchesImbalancedLearnFormula()
    {
        // imbalanced-learn 0.10.0: shrinkage * (4 / ((p + 2) n)) ** (1 / (p + 4)) * np.std(X[class], axis=0),
        // for these 6 rows (p = 2) and the class of rows 0, 2, 4 with shrinkage 0.5: [1.09195358, 0.60570686].
        double[][] x = [[1, 10], [2, 0], [3, 14], [4, 0], [8, 12], [5, 1]];
        var scale = RandomOverSampler.NoiseScale(x, [0, 2, 4], 6, 0.5);
        Assert.Equal(1.09195358, scale[0], 1e-8);
        Assert.Equal(0.60570686, scale[1], 1e-8);
    }

    [Fact]
    public void Resample_Shrinkage_OriginalsUnchangedAndDrawnRowsPerturbedAroundTheirSource()
    {
        var (y, x, _) = ResamplingData.Imbalanced(600);
        var result = new RandomOverSampler(5) { Shrinkage = 0.5 }.Resample<bool>(ResamplingData.All(600), [], y, x);
        var originals = result.Rows.Take(600).ToArray();
        var drawn = result.Rows.Skip(600).ToArray();
        Assert.All(originals, r => Assert.False(r.IsPerturbed));
        Assert.All(originals, r => Assert.Equal(x[r.SourceIndex], r.Features.ToArray()));
        Assert.All(drawn, r => Assert.True(r.IsPerturbed && r.IsSynthetic && r.Label && r.NeighbourIndex is null));
        Assert.Equal(result.CountsAfter[true], result.CountsAfter[false]);

        // The noise of feature 0 has mean 0 and the standard deviation of the formula (within sampling error).
        var scale = RandomOverSampler.NoiseScale(x, [.. Enumerable.Range(0, 600).Where(i => y[i])], 600, 0.5);
        double[] noise = [.. drawn.Select(r => r.Features[0] - x[r.SourceIndex][0])];
        Assert.InRange(noise.Average(), -0.1 * scale[0], 0.1 * scale[0]);
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.StandardDeviation(noise), 0.9 * scale[0], 1.1 * scale[0]);
    }

    [Fact]
    public void Resample_ShrinkageZero_DrawsTheSameRowsAsPlainCopies()
    {
        var (y, x, folds) = ResamplingData.Imbalanced();
        var plain = new RandomOverSampler(8).Resample<bool>(folds.Folds[0], y, x);
        var zero = new RandomOverSampler(8) { Shrinkage = 0 }.Resample<bool>(folds.Folds[0], y, x);
        Assert.Equal(plain.Rows.Select(r => r.SourceIndex), zero.Rows.Select(r => r.SourceIndex));
        Assert.Equal(plain.Rows.Select(r => r.Features.ToArray()), zero.Rows.Select(r => r.Features.ToArray()));
    }

    [Theory]
    [InlineData(-0.5, "-0.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+infinity")]
    public void Shrinkage_NegativeOrNotFinite_Throws(double shrinkage, string shown)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomOverSampler(0) { Shrinkage = shrinkage });
        Assert.StartsWith($"Shrinkage is {shown}; it must be a finite number of at least 0. Use null for plain copies, or a value such as 0.5 (imbalanced-learn's shrinkage).", ex.Message, StringComparison.Ordinal);
    }
}
