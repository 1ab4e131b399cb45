using ClassicalML.Data;
using ClassicalML.Models.Convergence;
using Microsoft.ML;

namespace ClassicalML.Scenarios.L1VsL2.Tests;

public sealed class ConvergenceTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ScenarioOptions_BreastCancerAtTheTunedLambda_Converge(int penaltyIndex)
    {
        var penalty = (Penalty)penaltyIndex;
        // The scenario's own settings (tolerance, cap) on a representative fit: a refit with 1/100 of the tolerance
        // must barely move it, or the scenario's fits stop before convergence.
        var ml = new MLContext(42);
        var set = RegularizationPath.Prepare(ml, Datasets.BreastCancer(), "breast cancer", 7, 0.25, 0.25);
        var (l1, l2) = RegularizationPath.Strengths(penalty, 2.154);
        var check = LbfgsConvergence.Check(ml, set.Train, RegularizationPath.Options(l1, l2));
        Assert.True(check.Converged, $"{penalty}: weights moved by {check.WeightChange}, objective by {check.ObjectiveChange}");
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(10)]
    public void ScenarioOptions_SyntheticAndGradedDrawL1_Converge(double lambda)
    {
        // The replicated draws fit only L1 paths; one draw of each synthetic set at a weak and at a selecting λ.
        var ml = new MLContext(42);
        var settings = new L1VsL2Scenario().DefaultSettings;
        var synthetic = RegularizationPath.Prepare(ml, Experiment.Synthetic(settings, 11).ToDataset("synthetic"), "synthetic", 12, 0.25, 0.25);
        var graded = Experiment.GradedSet(ml, settings, 13, 14);
        foreach (var set in new[] { synthetic, graded })
        {
            var check = LbfgsConvergence.Check(ml, set.Train, RegularizationPath.Options(lambda, 0));
            Assert.True(check.Converged, $"{set.Name} λ={lambda}: weights moved by {check.WeightChange}, objective by {check.ObjectiveChange}");
        }
    }

    [Fact]
    public void MlNetDefaultTolerance_SpambaseL1AtSmallLambda_DoesNotConverge()
    {
        // Why the scenario sets its own tolerance: ML.NET's default (1e-7) stops before the weights settle.
        var ml = new MLContext(42);
        var set = RegularizationPath.Prepare(ml, Datasets.Spambase(), "spambase", 7, 0.25, 0.25);
        var options = RegularizationPath.Options(0.01, 0);
        options.OptimizationTolerance = 1e-7f;
        Assert.False(LbfgsConvergence.Check(ml, set.Train, options).Converged);
    }
}
