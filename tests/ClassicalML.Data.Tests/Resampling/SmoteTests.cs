using ClassicalML.Data.Resampling;

namespace ClassicalML.Data.Tests.Resampling;

public class SmoteTests
{
    /// <summary>The test's own brute-force kNN: positions in <paramref name="members"/> sorted by distance.</summary>
    private static int[] KNearest(double[][] x, int[] members, int row, int k) =>
        [.. members.Where(m => m != row)
            .OrderBy(m => x[m].Zip(x[row], (a, b) => (a - b) * (a - b)).Sum())
            .Take(k)];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Resample_SyntheticRows_LieOnSegmentToOneOfKNearestMinorityNeighbours(int k)
    {
        var (y, x, folds) = ResamplingData.Imbalanced(90);
        var fold = folds.Folds[0];
        var result = new Smote(seed: 8, k: k).Resample<bool>(fold, y, x);
        var minority = fold.TrainIndices.Where(i => y[i]).ToArray();
        var synthetic = result.Rows.Where(r => r.IsSynthetic).ToArray();
        Assert.Equal(fold.TrainIndices.Length - (2 * minority.Length), synthetic.Length);
        foreach (var row in synthetic)
        {
            Assert.True(row.Label);
            Assert.Contains(row.SourceIndex, minority);
            Assert.Contains(row.NeighbourIndex!.Value, KNearest(x, minority, row.SourceIndex, k));
            Assert.InRange(row.Gap, 0.0, 1.0);
            var xs = x[row.SourceIndex];
            var xn = x[row.NeighbourIndex.Value];
            for (var d = 0; d < xs.Length; d++)
            {
                Assert.Equal(xs[d] + (row.Gap * (xn[d] - xs[d])), row.Features[d], 12);
            }
        }
    }

    [Fact]
    public void Resample_FewerMinorityRowsThanNeighbours_Throws()
    {
        bool[] y = [true, true, true, false, false, false, false, false, false, false];
        var x = ResamplingData.Features(10, 2, 3);
        var ex = Assert.Throws<ArgumentException>(() => new Smote(0).Resample<bool>(ResamplingData.All(10), [], y, x));
        Assert.Equal("SMOTE with k = 5 needs more than 5 training rows in every class it over-samples, but class 'True' has 3. Use k <= 2, or RandomOverSampler. (Parameter 'labels')", ex.Message);
    }

    [Fact]
    public void Resample_NaNFeature_Throws()
    {
        var (y, x, _) = ResamplingData.Imbalanced();
        x[5][1] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => new Smote(0).Resample<bool>(ResamplingData.All(60), [], y, x));
        Assert.Equal("features[5][1] is NaN; SMOTE interpolates between rows and needs finite values. Impute or drop non-finite values before resampling. (Parameter 'features')", ex.Message);
    }

    [Fact]
    public void Ctor_KZero_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Smote(0, k: 0));
        Assert.Equal("k is 0; it must be at least 1. SMOTE needs at least 1 neighbour to interpolate towards (imbalanced-learn's default is 5). (Parameter 'k')\nActual value was 0.", ex.Message);
    }
}
