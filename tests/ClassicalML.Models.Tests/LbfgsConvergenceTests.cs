using ClassicalML.Data;
using ClassicalML.Models.Convergence;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ClassicalML.Models.Tests;

public class LbfgsConvergenceTests
{
    private static (MLContext Context, IDataView Data) MakeData()
    {
        var context = new MLContext(seed: 1);
        var synthetic = SyntheticData.MakeClassification(seed: 3, samples: 200, features: 5, informative: 3, redundant: 1, flipY: 0.1);
        return (context, context.Data.Cache(synthetic.ToDataset().ToDataView(context)));
    }

    [Fact]
    public void Check_DefaultTolerance_Converges()
    {
        var (ml, data) = MakeData();
        var check = LbfgsConvergence.Check(ml, data, new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1, L1Regularization = 0, L2Regularization = 1 });
        Assert.True(check.Converged, $"weights moved by {check.WeightChange}, objective by {check.ObjectiveChange}");
        Assert.Equal(1e-7, check.Tolerance, 1e-12);
        Assert.Equal(1e-9, check.CheckTolerance, 1e-14);
        Assert.Equal(int.MaxValue, check.CheckCap);
    }

    [Fact]
    public void Check_TwoIterations_DoesNotConverge()
    {
        var (ml, data) = MakeData();
        var check = LbfgsConvergence.Check(ml, data, new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1, L1Regularization = 0, L2Regularization = 1, MaximumNumberOfIterations = 2 });
        Assert.False(check.Converged);
        Assert.Equal(20, check.CheckCap);
        Assert.True(check.WeightChange > check.Threshold);
    }

    [Fact]
    public void RelativeDistance_ZeroVectorsAndScale()
    {
        Assert.Equal(0, LbfgsConvergence.RelativeDistance([0, 0], [0, 0]));
        Assert.Equal(double.PositiveInfinity, LbfgsConvergence.RelativeDistance([1, 0], [0, 0]));
        Assert.Equal(0.5, LbfgsConvergence.RelativeDistance([3, 0], [2, 0]), 12);
    }

    [Fact]
    public void Check_NonPositiveThreshold_Throws()
    {
        var (ml, data) = MakeData();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LbfgsConvergence.Check(ml, data, new LbfgsLogisticRegressionBinaryTrainer.Options(), threshold: 0));
        Assert.StartsWith("threshold is 0; it must be positive. Use e.g. 0.001.", e.Message, StringComparison.Ordinal);
    }
}
