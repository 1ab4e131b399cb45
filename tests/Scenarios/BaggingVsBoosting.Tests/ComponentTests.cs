using ClassicalML.Evaluation;
using ClassicalML.Data;
using Microsoft.ML;

namespace ClassicalML.Scenarios.BaggingVsBoosting.Tests;

public sealed class ComponentTests
{
    [Theory]
    [InlineData(1, new[] { 1 })]
    [InlineData(4, new[] { 1, 2, 3, 4 })]
    [InlineData(40, new[] { 1, 2, 3, 5, 10, 20, 30, 40 })]
    [InlineData(100, new[] { 1, 2, 3, 5, 10, 20, 30, 50, 100 })]
    public void SizeGrid_Max_LogGridEndingAtMax(int max, int[] expected) => Assert.Equal(expected, Experiment.SizeGrid(max));

    [Fact]
    public void Decompose_HandMade_LossIsBiasPlusVariance()
    {
        // Two rounds, two rows: row 0 (label 1) predicted 0.8 and 0.6; row 1 (label 0) predicted 0.2 and 0.2.
        var (loss, bias2, variance) = Experiment.Decompose([[0.8, 0.2], [0.6, 0.2]], [true, false]);
        Assert.Equal(0.09, bias2[0], 12); // (0.7 − 1)²
        Assert.Equal(0.01, variance[0], 12); // ((0.1)² + (0.1)²) / 2
        Assert.Equal(0.10, loss[0], 12); // (0.04 + 0.16) / 2
        Assert.Equal(0.04, bias2[1], 12);
        Assert.Equal(0.0, variance[1], 12);
        Assert.Equal(loss[1], bias2[1] + variance[1], 12);
    }

    [Fact]
    public void AdaBoostShare_HandMade_WeightOnFlippedRowsAndConcentration()
    {
        // Rows 0 and 1 of four are flipped and carry 0.3 + 0.3 of the weight: share 0.6 against a row share of 0.5.
        double[] weights = [0.3, 0.3, 0.2, 0.2];
        bool[] flipped = [true, true, false, false];
        Assert.Equal(0.6, AdaBoostNoise.Share(weights, flipped, [0, 1, 2, 3]), 12);
        Assert.Equal(0.3 / 0.5, AdaBoostNoise.Share(weights, flipped, [0, 2]), 12);

        // Uniform weights: no focus, the concentration is 1 in every resample.
        var uniform = AdaBoostNoise.Concentration([0.25, 0.25, 0.25, 0.25], flipped, seed: 3, resamples: 50);
        Assert.Equal(1.0, uniform.Estimate, 12);
        Assert.Equal(1.0, uniform.Upper, 12);
    }

    [Fact]
    public void FlipLabels_Fraction_FlipsExactlyRoundedShareDeterministically()
    {
        var labels = Enumerable.Range(0, 101).Select(i => i % 3 == 0).ToArray();
        var flipped = Experiment.FlipLabels(labels, 0.2, 5);
        Assert.Equal(20, labels.Zip(flipped).Count(p => p.First != p.Second)); // round(0.2 · 101) = 20
        Assert.Equal(flipped, Experiment.FlipLabels(labels, 0.2, 5));
        Assert.Equal(labels, Experiment.FlipLabels(labels, 0, 5));
    }

    [Fact]
    public void NewcombeDifference_HandComputed()
    {
        var a = new Interval(0.10, 0.07, 0.14, 0.95, "test");
        var b = new Interval(0.08, 0.06, 0.11, 0.95, "test");
        var d = Experiment.NewcombeDifference(a, b);
        Assert.Equal(0.02, d.Estimate, 12);
        Assert.Equal(0.02 - Math.Sqrt((0.03 * 0.03) + (0.03 * 0.03)), d.Lower, 12);
        Assert.Equal(0.02 + Math.Sqrt((0.04 * 0.04) + (0.02 * 0.02)), d.Upper, 12);
    }

    [Fact]
    public void BootstrapRows_N_SortedInRangeWithRepeats()
    {
        var rows = Experiment.BootstrapRows(300, 1);
        Assert.Equal(300, rows.Length);
        Assert.Equal(rows.Order(), rows);
        Assert.All(rows, r => Assert.InRange(r, 0, 299));
        Assert.True(rows.Distinct().Count() < 300);
    }

    [Fact]
    public void Errors_Threshold_ComparesPredictionWithLabel() =>
        Assert.Equal([false, true, true, false], Experiment.Errors([true, true, false, false], [0.5, 0.49, 0.5, 0.1], 0.5));

    [Fact]
    public void TreeStaging_LastStage_ReproducesModelScores()
    {
        var context = new MLContext(0);
        var synthetic = SyntheticData.MakeClassification(1, samples: 200, features: 6, informative: 3, redundant: 1);
        var dataset = synthetic.ToDataset();
        var view = dataset.ToDataView(context);
        var matrix = dataset.GetNumericMatrix();
        var rows = Enumerable.Range(0, dataset.RowCount).Select(i => Enumerable.Range(0, matrix.GetLength(1)).Select(j => (float)matrix[i, j]).ToArray()).ToArray();
        foreach (var (estimator, average) in new (IEstimator<ITransformer>, bool)[]
        {
            (Learners.BoostedTrees(context, 7, 4, 0.3), false),
            (Learners.LightGbm(context, 7, 4, 0.3), false),
            (Learners.Forest(context, 7, 8), true),
        })
        {
            var model = estimator.Fit(view);
            var staged = TreeStaging.Staged(TreeStaging.Ensemble(model), rows, [1, 7], average);
            var scores = model.Transform(view).ReadBinaryPredictions("Label", "Score", null).Scores;
            Assert.All(staged[1].Zip(scores), p => Assert.Equal(p.Second, p.First, 4));
            Assert.NotEqual(staged[0], staged[1]);
        }
    }

    [Fact]
    public void DeepTree_Fitted_IsOneTreeThatFitsTheTrainingRows()
    {
        var context = new MLContext(0);
        var dataset = SyntheticData.MakeClassification(2, samples: 200, features: 6, informative: 3, redundant: 1).ToDataset();
        var view = dataset.ToDataView(context);
        var model = Learners.DeepTree(context, 256).Fit(view);
        var trees = TreeStaging.Ensemble(model);
        Assert.Single(trees.List);
        Assert.True(trees.List[0].NumberOfLeaves > 10);
        var errors = Experiment.Errors(dataset.BinaryLabels(), Experiment.Scores(model.Transform(view)), 0.5);
        Assert.Equal(0, errors.Count(e => e));
    }
}
