using ClassicalML.Data;
using ClassicalML.Models.Convergence;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace ClassicalML.Models.Tests;

public class LinearConvergenceTests
{
    private static (MLContext Context, IDataView Data) MakeData()
    {
        var context = new MLContext(seed: 1);
        var synthetic = SyntheticData.MakeClassification(seed: 5, samples: 300, features: 6, informative: 3, redundant: 1, flipY: 0.05);
        return (context, synthetic.ToDataset().ToDataView(context));
    }

    private static IEstimator<ITransformer> Lbfgs(MLContext context, int cap, float tolerance) =>
        context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            NumberOfThreads = 1, L1Regularization = 0, L2Regularization = 1, MaximumNumberOfIterations = cap, OptimizationTolerance = tolerance,
        });

    [Fact]
    public void Check_DefaultLbfgs_AgainstTighterFit_Converged()
    {
        var (context, data) = MakeData();
        var result = LinearConvergence.Check(Lbfgs(context, int.MaxValue, 1e-7f), Lbfgs(context, int.MaxValue, 1e-9f), data, 0.01);
        Assert.True(result.Converged, $"weights changed by {result.WeightChange}, loss by {result.LossChange}");
    }

    [Fact]
    public void Check_LbfgsStoppedAfterOneIteration_NotConverged()
    {
        var (context, data) = MakeData();
        var result = LinearConvergence.Check(Lbfgs(context, 1, 1e-7f), Lbfgs(context, int.MaxValue, 1e-9f), data, 0.01);
        Assert.False(result.Converged);
        Assert.True(result.WeightChange > 0.01, $"weights changed by {result.WeightChange}");
    }

    [Fact]
    public void RelativeChange_HandValues()
    {
        Assert.Equal(0.5, LinearConvergence.RelativeChange([1f, 0f], [2f, 0f]), 12);
        Assert.Equal(Math.Sqrt(2) / 2, LinearConvergence.RelativeChange([0f, 1f], [1f, 1f]), 12);
        Assert.True(double.IsNaN(LinearConvergence.RelativeChange([1f], [0f])));
        Assert.True(double.IsNaN(LinearConvergence.RelativeChange([1f], [1f, 2f])));
    }

    [Fact]
    public void Result_NanChange_IsNotConverged() =>
        Assert.False(new ConvergenceResult(double.NaN, 0, 0.01).Converged);

    [Fact]
    public void Weights_TreeModel_ThrowsNamingTheFix()
    {
        var (context, data) = MakeData();
        var tree = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfTrees = 2, NumberOfLeaves = 4, NumberOfThreads = 1 }).Fit(data);
        var e = Assert.Throws<ArgumentException>(() => LinearConvergence.Weights(tree));
        Assert.Contains("not a linear binary model; pass a fit of a linear trainer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ZeroThreshold_Throws()
    {
        var (context, data) = MakeData();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LinearConvergence.Check(Lbfgs(context, 10, 1e-7f), Lbfgs(context, 10, 1e-7f), data, 0));
        Assert.StartsWith("threshold is 0; it must be a finite number greater than 0. Pass e.g. 0.01 (the largest relative change that counts as converged).", e.Message, StringComparison.Ordinal);
    }
}
