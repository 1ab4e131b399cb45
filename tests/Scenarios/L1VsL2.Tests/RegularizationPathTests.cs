using ClassicalML.Data;
using Microsoft.ML;

namespace ClassicalML.Scenarios.L1VsL2.Tests;

public sealed class RegularizationPathTests
{
    [Theory]
    [InlineData(0, 2.0, 0.0)]
    [InlineData(1, 0.0, 2.0)]
    [InlineData(2, 1.0, 1.0)]
    public void Strengths_Penalty_MlNetOptionValues(int penalty, double l1, double l2) =>
        Assert.Equal((l1, l2), RegularizationPath.Strengths((Penalty)penalty, 2));

    private static PreparedData Small(MLContext ml) =>
        RegularizationPath.Prepare(ml, SyntheticData.MakeClassification(3, samples: 200, features: 6, informative: 2, redundant: 0).ToDataset(), "small", 5, 0.25, 0.25);

    [Fact]
    public void Train_RowsTwiceWithDoubleLambda_SameWeightsAsOnce()
    {
        // ML.NET weighs the penalty against the SUM of row losses: 2n rows with 2λ is the same problem as n rows with λ.
        var ml = new MLContext(1);
        var set = Small(ml);
        var twice = set.View(ml, [.. set.TrainIndices, .. set.TrainIndices]);
        var once = RegularizationPath.Train(ml, set.Train, 0, 3).Weights;
        var doubled = RegularizationPath.Train(ml, twice, 0, 6).Weights;
        var sameLambda = RegularizationPath.Train(ml, twice, 0, 3).Weights;
        Assert.All(once.Zip(doubled), p => Assert.Equal(p.First, p.Second, 4));
        Assert.True(once.Zip(sameLambda).Max(p => Math.Abs(p.First - p.Second)) > 1e-3);
    }

    [Fact]
    public void Fit_L1LargeLambda_AllWeightsExactlyZeroAndL2NoneZero()
    {
        var ml = new MLContext(1);
        var set = Small(ml);
        Assert.Equal(6, RegularizationPath.Fit(ml, set, Penalty.L1, 1e4).Zeros);
        var ridge = RegularizationPath.Fit(ml, set, Penalty.L2, 1e4);
        Assert.Equal(0, ridge.Zeros);
        Assert.True(ridge.L2Norm < 0.05);
    }
}
