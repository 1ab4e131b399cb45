using ClassicalML.Data;
using ClassicalML.Models.Convergence;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ClassicalML.Models.Tests;

public class LbfgsConvergenceTests
{
    private static (MLContext Context, IDataView Data) MakeData()
    {
        var context = new MLContext(seed: 1);
        var synthetic = SyntheticData.MakeClassification(seed: 5, samples: 400, features: 6, informative: 3, redundant: 1, flipY: 0.05);
        var view = synthetic.ToDataset().ToDataView(context);
        return (context, context.Transforms.NormalizeMeanVariance("Features", fixZero: false).Fit(view).Transform(view));
    }

    private static LbfgsLogisticRegressionBinaryTrainer.Options Options(int cap = int.MaxValue) =>
        new() { L1Regularization = 0, L2Regularization = 1, NumberOfThreads = 1, MaximumNumberOfIterations = cap };

    [Fact]
    public void Check_DefaultCapAndTolerance_Converged()
    {
        var (context, data) = MakeData();
        var check = LbfgsConvergence.Check(context, data, () => Options());
        Assert.True(check.Converged, check.Description);
        Assert.Equal(int.MaxValue, check.RefitIterationCap);
        Assert.Equal(1e-9, check.RefitTolerance, 1e-15);
    }

    [Fact]
    public void Check_StoppedAtACapOfTwoIterations_NotConverged()
    {
        var (context, data) = MakeData();
        var check = LbfgsConvergence.Check(context, data, () => Options(cap: 2));
        Assert.False(check.Converged, check.Description);
        Assert.Equal(20, check.RefitIterationCap);
        Assert.True(check.Objective > check.RefitObjective);
    }

    [Fact]
    public void Check_HugeL2_ObjectiveIsTheEntropyOfTheBaseRate()
    {
        // With L2 = 1e6 the weights are ~0 and the bias the log-odds of the base rate p: J = −p ln p − (1 − p) ln(1 − p).
        var (context, data) = MakeData();
        var check = LbfgsConvergence.Check(context, data, () => new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = 0, L2Regularization = 1e6f, NumberOfThreads = 1 });
        bool[] labels = [.. data.GetColumn<bool>("Label")];
        double p = labels.Count(l => l) / (double)labels.Length;
        Assert.Equal(-(p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p)), check.RefitObjective, 1e-3);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Check_BadLimit_Throws(double limit)
    {
        var (context, data) = MakeData();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LbfgsConvergence.Check(context, data, () => Options(), maxWeightChange: limit));
        Assert.StartsWith(FormattableString.Invariant($"maxWeightChange is {limit}; it must be a finite number of at least 0. A convergence limit: use e.g. 1e-2 for the weights and 1e-6 for the objective."), ex.Message, StringComparison.Ordinal);
    }
}

/// <summary>The one-threshold overload (options passed directly, copied before the refit).</summary>
public class LbfgsConvergenceOneThresholdTests
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
        Assert.StartsWith("threshold is 0; it must be a finite number greater than 0. Use e.g. 0.001.", e.Message, StringComparison.Ordinal);
    }
}
