using ClassicalML.Data;
using ClassicalML.Data.Resampling;
using ClassicalML.Evaluation;
using FsCheck;
using FsCheck.Fluent;

namespace ClassicalML.Scenarios.ImbalancedData.Tests;

public sealed class ComponentTests
{
    private static ResampledRow<bool> Row(bool label, int source, int? neighbour = null) => new(label, source, neighbour, neighbour is null ? 0 : 0.5, []);

    [Fact]
    public void TwinShare_HandMadeRows_CountsPositivesSharingAnOriginalRow()
    {
        // Training holds copies of rows 1 and 2 and a SMOTE row between 3 and 4.
        ResampledRow<bool>[] training = [Row(true, 1), Row(true, 2), Row(true, 3, 4), Row(false, 9)];

        // Positives: 1 (twin), 4 (parent of a synthetic training row), 5 (no relative), synthetic 5–2 (parent 2 in training).
        // The negative copy of 9 is ignored: only positives are counted.
        ResampledRow<bool>[] evaluation = [Row(true, 1), Row(true, 4), Row(true, 5), Row(true, 5, 2), Row(false, 9)];

        Assert.Equal(0.75, Experiment.TwinShare(evaluation, training));
    }

    [Fact]
    public void TwinShare_NoPositiveEvaluationRow_IsNaN() =>
        Assert.True(double.IsNaN(Experiment.TwinShare([Row(false, 1)], [Row(false, 1)])));

    [Fact]
    public void TwinShare_DisjointOriginals_IsZero() =>
        Assert.Equal(0, Experiment.TwinShare([Row(true, 1), Row(true, 2, 3)], [Row(true, 4), Row(true, 5, 6)]));

    [FsCheck.Xunit.Property]
    public Property TwinShare_RowsAgainstThemselves_IsOneWhenAnyPositive(bool[] labels)
    {
        var rows = labels.Select((l, i) => Row(l, i)).ToList();
        double share = Experiment.TwinShare(rows, rows);
        return (labels.Any(l => l) ? share == 1 : double.IsNaN(share)).ToProperty();
    }

    [FsCheck.Xunit.Property]
    public Property ToEstimate_AnyInterval_KeepsEstimateAndBoundsAsMeasured(NormalFloat estimate, NormalFloat a, NormalFloat b)
    {
        // The percentile interval is reported as measured, even when it misses the full-data estimate.
        double lower = Math.Min(a.Get, b.Get), upper = Math.Max(a.Get, b.Get);
        var interval = new BootstrapInterval(new ClassicalML.Evaluation.Interval(estimate.Get, lower, upper, 0.95, "test"), 10, 0, 1, true);
        var e = TestSetBootstrap.ToEstimate(interval);
        return (e.Value == estimate.Get && e.Lower == lower && e.Upper == upper).ToProperty();
    }

    [Fact]
    public void Hash_DifferentOrderOrRows_Differs()
    {
        Assert.Equal(TestSetBootstrap.Hash([1, 2, 3]), TestSetBootstrap.Hash([1, 2, 3]));
        Assert.NotEqual(TestSetBootstrap.Hash([1, 2, 3]), TestSetBootstrap.Hash([3, 2, 1]));
        Assert.NotEqual(TestSetBootstrap.Hash([1, 2, 3]), TestSetBootstrap.Hash([1, 2, 3, 3]));
    }

    [Fact]
    public void BalancedWeights_OnePositiveInFour_GivesClassWeightsAsScikitLearn()
    {
        // class_weight="balanced": n / (2 n_c) = 4 / 2 = 2 for the positive, 4 / 6 for the negatives.
        float[] weights = Learners.BalancedWeights([true, false, false, false]);
        Assert.Equal([2f, 4f / 6f, 4f / 6f, 4f / 6f], weights);
    }

    [Fact]
    public void Bootstrap_AlwaysNegative_PrecisionUndefinedAndRecallZero()
    {
        bool[] labels = [.. Enumerable.Range(0, 50).Select(i => i % 10 == 0)];
        var boot = new TestSetBootstrap(labels, 1, 50);
        var majority = new ScoredMethod("majority", "always majority", new double[labels.Length], 0.5);
        Assert.True(boot.Interval(majority, r => r.Precision).IsUndefined);
        Assert.Equal(new Estimate(0, 0, 0), boot.Interval(majority, r => r.Recall));
        Assert.Equal(new Estimate(0.9, 0.9, 0.9), boot.Interval(majority, r => r.Accuracy));
        Assert.Contains(boot.Full(majority).Undefined, u => u.Metric == nameof(BinaryReport.Precision));
    }

    [Fact]
    public void Bootstrap_DifferenceOfAMethodWithItself_IsExactlyZero()
    {
        bool[] labels = [.. Enumerable.Range(0, 60).Select(i => i % 6 == 0)];
        double[] scores = [.. Enumerable.Range(0, 60).Select(i => ((i * 37) % 60) / 60.0)];
        var boot = new TestSetBootstrap(labels, 3, 40);
        var method = new ScoredMethod("m", "m", scores, 0.5);
        Assert.Equal(new Estimate(0, 0, 0), boot.Difference(method, method, r => r.RocAuc));
    }

    [Fact]
    public void Bootstrap_SameSeed_SameIntervalAsTheLibrary()
    {
        bool[] labels = [.. Enumerable.Range(0, 80).Select(i => i % 8 == 0)];
        double[] scores = [.. Enumerable.Range(0, 80).Select(i => ((i * 29) % 80) / 80.0)];
        var boot = new TestSetBootstrap(labels, 5, 60);
        var method = new ScoredMethod("m", "m", scores, 0.5);
        var library = Bootstrap.Percentile(labels, scores, Roc.Auc, 5, 60, stratified: true);
        Assert.Equal(TestSetBootstrap.ToEstimate(library), boot.Interval(method, r => r.RocAuc));
    }

    [Fact]
    public void Prepare_Satellite_SplitsPartitionTheRowsAndKeepThePrevalence()
    {
        var data = Experiment.Prepare("satellite", "damp grey soil vs rest", Datasets.Satellite(), 2000, 0.3, 0.25, 7);
        Assert.Equal(2000, data.Labels.Length);
        Assert.Equal(data.Train.Length, data.Fit.Length + data.Validation.Length);
        Assert.Empty(data.Train.Intersect(data.Test));
        Assert.Empty(data.Fit.Intersect(data.Validation));
        Assert.Equal(Enumerable.Range(0, 2000), data.Train.Concat(data.Test).Order());
        Assert.Equal(Enumerable.Range(0, 2000).Where(i => Array.IndexOf(data.Train, i) >= 0), data.Fit.Concat(data.Validation).Order());
        double prevalence = data.Prevalence;
        Assert.InRange(prevalence, 0.096, 0.099);
        Assert.InRange(data.LabelsOf(data.Test).Count(l => l) / (double)data.Test.Length, prevalence - 0.005, prevalence + 0.005);
        Assert.InRange(data.LabelsOf(data.Validation).Count(l => l) / (double)data.Validation.Length, prevalence - 0.01, prevalence + 0.01);
    }
}
