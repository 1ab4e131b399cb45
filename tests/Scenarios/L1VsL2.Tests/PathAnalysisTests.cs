using FsCheck;
using FsCheck.Fluent;

namespace ClassicalML.Scenarios.L1VsL2.Tests;

public sealed class PathAnalysisTests
{
    private static readonly double[] Grid = [0.1, 1, 10, 100];

    [Fact]
    public void DropLambdas_HandMadePath_SmallestLambdaFromWhichAlwaysZero()
    {
        double[][] weights =
        [
            [0.5, 0.0, 2.0, 1.0],
            [0.3, 0.0, 1.5, 0.0],
            [0.0, 0.0, 1.0, 0.4], // feature 3 comes back: dropped only from λ = 100 on
            [0.0, 0.0, 0.2, 0.0],
        ];
        Assert.Equal([10, 0.1, double.PositiveInfinity, 100], PathAnalysis.DropLambdas(Grid, weights));
    }

    [Fact]
    public void DropLambdas_RowCountDiffers_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => PathAnalysis.DropLambdas(Grid, [[1.0]]));
        Assert.StartsWith("weights has 1 rows but lambdas has 4; pass one weight vector per λ.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsefulLastShare_GradedOrder_CountsPairsOfDifferentUsefulness()
    {
        // Usefulness 2 > 1 > 0: pairs (0,1), (0,2), (1,2); feature 1 outlives feature 0 (inverted), the others in order.
        Assert.Equal(2.0 / 3, PathAnalysis.UsefulLastShare([10, 100, 1], [2, 1, 0]), 12);
        Assert.True(double.IsNaN(PathAnalysis.UsefulLastShare([10, 100], [1, 1])));
    }

    [Fact]
    public void InformativeLastShare_InformativeOutliveNoise_One() =>
        Assert.Equal(1.0, PathAnalysis.InformativeLastShare([100, 1, 10, 0.1], [0, 2]));

    [Fact]
    public void InformativeLastShare_TiesAndInversions_CountedHalfAndZero()
    {
        // pairs (0,1): 10 vs 10 tie = 0.5; (0,3): 10 > 1 = 1; (2,1): 0.1 < 10 = 0; (2,3): 0.1 < 1 = 0 → 1.5 / 4.
        Assert.Equal(0.375, PathAnalysis.InformativeLastShare([10, 10, 0.1, 1], [0, 2]));
    }

    [Fact]
    public void Recovery_HandMadeWeights_PrecisionAndRecall()
    {
        var (kept, precision, recall) = PathAnalysis.Recovery([0.4, 0, 0.1, -0.2, 0], [0, 1, 3]);
        Assert.Equal(3, kept);
        Assert.Equal(2.0 / 3, precision, 12);
        Assert.Equal(2.0 / 3, recall, 12);
    }

    [Fact]
    public void Recovery_NothingKept_PrecisionNaNRecallZero()
    {
        var (kept, precision, recall) = PathAnalysis.Recovery([0.0, 0.0], [1]);
        Assert.Equal(0, kept);
        Assert.True(double.IsNaN(precision));
        Assert.Equal(0, recall);
    }

    [Fact]
    public void GroupShare_OneMemberKept_ShareOne()
    {
        var (kept, share, largest) = PathAnalysis.GroupShare([9, 0, -3, 0], [1, 2, 3]);
        Assert.Equal((1, 1.0, 2), (kept, share, largest));
    }

    [Fact]
    public void GroupShare_SpreadAndAllZero_ShareAndNaN()
    {
        Assert.Equal((3, 0.5, 0), PathAnalysis.GroupShare([-2, 1, 1], [0, 1, 2]));
        var (kept, share, largest) = PathAnalysis.GroupShare([1, 0, 0], [1, 2]);
        Assert.Equal(0, kept);
        Assert.True(double.IsNaN(share));
        Assert.Equal(-1, largest);
    }

    [FsCheck.Xunit.Property]
    public Property GroupShare_AnyWeights_ShareBetweenOneOverKeptAndOne() =>
        Prop.ForAll(Gen.Choose(-5, 5).Select(v => (double)v).ArrayOf(4).ToArbitrary(), weights =>
        {
            var (kept, share, _) = PathAnalysis.GroupShare(weights, [0, 1, 2, 3]);
            return kept == 0 ? double.IsNaN(share) : share >= (1.0 / kept) - 1e-12 && share <= 1;
        });

    [FsCheck.Xunit.Property]
    public Property InformativeLastShare_SwappingRoles_Complements() =>
        Prop.ForAll(Gen.Choose(0, 4).Select(v => (double)v).ArrayOf(6).ToArbitrary(), drops =>
        {
            // Informative {0, 1} vs noise {2..5}, and the mirror with every drop λ negated: shares sum to 1.
            double a = PathAnalysis.InformativeLastShare(drops, [0, 1]);
            double b = PathAnalysis.InformativeLastShare([.. drops.Select(d => -d)], [0, 1]);
            return Math.Abs(a + b - 1) < 1e-12;
        });

    [Fact]
    public void ArgMin_TiesAndNaN_FirstSmallestIgnoringNaN() =>
        Assert.Equal(1, PathAnalysis.ArgMin([double.NaN, 0.2, 0.5, 0.2]));

    [Fact]
    public void Decreases_HandMadeNorms_CountsStrictDecreases() =>
        Assert.Equal((2, 3), PathAnalysis.Decreases([3, 2, 2, 1]));

    [Fact]
    public void LogGrid_ThreePerDecade_EndsIncluded()
    {
        double[] grid = PathAnalysis.LogGrid(0.01, 100, 3);
        Assert.Equal(13, grid.Length);
        Assert.Equal(0.01, grid[0], 12);
        Assert.Equal(100, grid[^1], 9);
        Assert.Equal(Math.Pow(10, 1.0 / 3), grid[7] / grid[6], 9);
    }

    [Fact]
    public void LogGrid_NonPositiveMin_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PathAnalysis.LogGrid(0, 10, 3));
        Assert.StartsWith("min is 0 and max is 10; the grid needs 0 < min <= max < infinity.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MinAbsCorrelation_NegativeAndPositive_SmallestAbsolute()
    {
        double[] x = [1, 2, 3, 4];
        double[] y = [-2, -4, -6, -8.5];
        double[] z = [1, 3, 2, 4];
        double expected = Math.Min(Math.Abs(MathNet.Numerics.Statistics.Correlation.Pearson(x, z)), Math.Abs(MathNet.Numerics.Statistics.Correlation.Pearson(y, z)));
        Assert.Equal(expected, PathAnalysis.MinAbsCorrelation([x, y, z]), 12);
        Assert.True(expected < 0.9);
    }
}
