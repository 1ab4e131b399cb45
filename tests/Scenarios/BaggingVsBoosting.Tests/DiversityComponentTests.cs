using ClassicalML.Data;
using ClassicalML.Models;
using ClassicalML.Models.Convergence;
using Microsoft.ML;

namespace ClassicalML.Scenarios.BaggingVsBoosting.Tests;

public sealed class DiversityComponentTests
{
    private static readonly bool[] Labels = [true, true, false, false, true, false];

    [Fact]
    public void MeanCorrelation_AllRowsOnce_MatchesMemberPredictions()
    {
        var context = new MLContext(0);
        var dataset = SyntheticData.MakeClassification(3, samples: 300, features: 8, informative: 3, redundant: 1).ToDataset();
        var view = dataset.ToDataView(context);
        var labels = dataset.BinaryLabels();
        var members = new BaggingEstimator(j => DiversityTrend.SubspaceTree(context, 16, 0.5, j), new BaggingOptions { NumberOfMembers = 6, Seed = 4 }).Fit(view).PredictMembers(view.Select(Enumerable.Range(150, 150).ToArray()));
        var testLabels = labels[150..];
        var set = new ErrorSets(members.Errors(testLabels), Experiment.Errors(testLabels, members.Ensemble(6), 0.5));
        Assert.Equal(members.MeanErrorCorrelation(testLabels), set.MeanCorrelation([.. Enumerable.Range(0, 150)]), 12);
    }

    [Fact]
    public void Gain_RepeatedRows_CountsRepeats()
    {
        // Members: member 0 wrong on row 0, member 1 wrong on rows 0 and 1; ensemble wrong on row 0.
        var set = new ErrorSets([[true, false], [true, true]], [true, false]);
        Assert.Equal(0.25, set.Gain([0, 1]), 12); // ((1 − 1) + (0.5 − 0)) / 2
        Assert.Equal(1 / 3.0, set.Gain([0, 1, 1]), 12); // row 1 twice: (0 + 0.5 + 0.5) / 3
        Assert.Equal(new[] { 0.0, 0.5 }, set.GainPerRow());
    }

    [Fact]
    public void Trend_GainFallsAsCorrelationRises_RankMinusOneAndNegativeSlope()
    {
        // Identical members (correlation 1, gain 0), then members that err on different rows (gain > 0).
        var identical = new ErrorSets([[true, false, false, true], [true, false, false, true]], [true, false, false, true]);
        var half = new ErrorSets([[true, false, false, true], [true, true, false, false]], [true, false, false, false]);
        var apart = new ErrorSets([[true, false, true, false], [false, true, false, true]], [false, false, false, false]);
        var (rank, slope) = DiversityTrend.Trend([identical, half, apart], [0, 1, 2, 3]);
        Assert.Equal(-1, rank, 12);
        Assert.True(slope < 0, $"slope {slope}");
    }

    [Fact]
    public void Trend_EqualCorrelations_Undefined()
    {
        var set = new ErrorSets([[true, false], [true, false]], [true, false]);
        Assert.True(double.IsNaN(DiversityTrend.Trend([set, set], [0, 1]).Rank));
    }

    [Fact]
    public void NearestNeighbors_HandMade_SharesOfNearestLabelsWithTiesToLowerIndex()
    {
        double[,] train = { { 0 }, { 1 }, { 2 }, { 3 }, { 4 }, { 5 } };
        var one = NearestNeighbors.Fit(train, Labels, 1);
        Assert.Equal(new[] { 1.0, 0.0 }, one.Score(new double[,] { { 0.1 }, { 2.9 } }));
        Assert.Equal(new[] { 1.0 }, one.Score(new double[,] { { 0.5 } })); // equidistant from rows 0 and 1: row 0
        var three = NearestNeighbors.Fit(train, Labels, 3);
        Assert.Equal(new[] { 2 / 3.0, 1 / 3.0 }, three.Score(new double[,] { { 1 }, { 4 } }));
    }

    [Fact]
    public void NearestNeighbors_KAboveRows_ThrowsWithTheFix()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NearestNeighbors.Fit(new double[,] { { 0 }, { 1 } }, [true, false], 3));
        Assert.StartsWith("k is 3; it must be between 1 and the 2 training rows. Use an odd k such as 9.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubspaceTree_FeatureSeeds_GiveDifferentTreesOnlyWhenSubsampling()
    {
        var context = new MLContext(0);
        var view = SyntheticData.MakeClassification(5, samples: 200, features: 10, informative: 4, redundant: 2).ToDataset().ToDataView(context);
        double[] Score(double fraction, int seed) => Experiment.Scores(DiversityTrend.SubspaceTree(context, 16, fraction, seed).Fit(view).Transform(view));
        Assert.Equal(Score(1, 1), Score(1, 2));
        Assert.NotEqual(Score(0.2, 1), Score(0.2, 2));
        Assert.Equal(Score(0.2, 1), Score(0.2, 1));
    }

    [Fact]
    public void LogisticOptions_OnSpambase_ConvergeBeforeTheirCap()
    {
        // Fails when the vote's logistic regression stops at its iteration cap instead of its optimum.
        var context = new MLContext(0);
        var spam = Datasets.Spambase();
        var (train, _) = Experiment.SubsampleAndSplit(spam.BinaryLabels(), 600, 1);
        var view = spam.Select(train).ToDataView(context);
        var scaled = context.Transforms.NormalizeMeanVariance("Features", fixZero: false).Fit(view).Transform(view);
        var check = LbfgsConvergence.Check(context, scaled, Voting.LogisticOptions);
        Assert.True(check.Converged, check.Description);
    }
}
