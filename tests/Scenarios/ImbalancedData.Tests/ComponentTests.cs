using ClassicalML.Data;
using ClassicalML.Data.Resampling;
using ClassicalML.Evaluation;
using FsCheck;
using FsCheck.Fluent;

namespace ClassicalML.Scenarios.ImbalancedData.Tests;

public sealed class ComponentTests
{
    private static (double Estimate, double Lower, double Upper, double UndefinedShare) Numbers(ClassicalML.Evaluation.Interval i) => (i.Estimate, i.Lower, i.Upper, i.UndefinedShare);

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

    [Fact]
    public void Bootstrap_ReportsCachedByResample_MatchAnUncachedBootstrapInEveryPass()
    {
        bool[] labels = [.. Enumerable.Range(0, 60).Select(i => i % 3 == 0)];
        double[] scores = [.. Enumerable.Range(0, 60).Select(i => (i * 37 % 60) / 60.0)];
        var method = new ScoredMethod("m", "m", scores, 0.5);
        var boot = new TestSetBootstrap(labels, 7, 40);
        var recall = boot.Interval(method, r => r.Recall).Value;
        var precision = boot.Interval(method, r => r.Precision).Value; // a second pass, served from the cache

        int[] strata = [.. labels.Select(l => l ? 1 : 0)];
        double Direct(ReadOnlySpan<int> rows, Func<BinaryReport, double> metric)
        {
            var l = new bool[rows.Length];
            var s = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                l[i] = labels[rows[i]];
                s[i] = scores[rows[i]];
            }

            return metric(BinaryEvaluation.Evaluate(l, s, 0.5, zeroDivision: ZeroDivision.NaN));
        }

        Assert.Equal(Bootstrap.StratifiedPercentile(strata, rows => Direct(rows, r => r.Recall), 7, 40).Interval, recall);
        Assert.Equal(Bootstrap.StratifiedPercentile(strata, rows => Direct(rows, r => r.Precision), 7, 40).Interval, precision);
    }

    [Fact]
    public void Bootstrap_AlwaysNegative_PrecisionUndefinedInEveryResampleAndRecallZero()
    {
        bool[] labels = [.. Enumerable.Range(0, 50).Select(i => i % 10 == 0)];
        var boot = new TestSetBootstrap(labels, 1, 50);
        var majority = new ScoredMethod("majority", "always majority", new double[labels.Length], 0.5);
        var precision = boot.Interval(majority, r => r.Precision).Value;
        Assert.True(precision.IsUndefined);
        Assert.Equal(1, precision.UndefinedShare);
        Assert.Equal("undefined", Scenarios.Numbers.Format(precision));
        Assert.Equal((0.0, 0.0, 0.0, 0.0), Numbers(boot.Interval(majority, r => r.Recall).Value));
        Assert.Equal((0.9, 0.9, 0.9, 0.0), Numbers(boot.Interval(majority, r => r.Accuracy).Value));
    }

    [Fact]
    public void Bootstrap_FewPredictedPositives_CountsTheResamplesWherePrecisionIsUndefined()
    {
        // One row of 40 is predicted positive: a stratified resample misses it with probability (1 - 1/36)^36 ≈ 36%.
        bool[] labels = [.. Enumerable.Range(0, 40).Select(i => i % 10 == 0)];
        double[] scores = [.. Enumerable.Range(0, 40).Select(i => i == 3 ? 0.9 : 0.1)];
        var precision = new TestSetBootstrap(labels, 2, 400).Interval(new ScoredMethod("m", "m", scores, 0.5), r => r.Precision).Value;
        Assert.Equal(0, precision.Estimate);
        Assert.InRange(precision.UndefinedShare, 0.25, 0.47);
        Assert.Contains("of resamples)", Scenarios.Numbers.Format(precision), StringComparison.Ordinal);
    }

    [Fact]
    public void Bootstrap_DifferenceOfAMethodWithItself_IsExactlyZero()
    {
        bool[] labels = [.. Enumerable.Range(0, 60).Select(i => i % 6 == 0)];
        double[] scores = [.. Enumerable.Range(0, 60).Select(i => ((i * 37) % 60) / 60.0)];
        var boot = new TestSetBootstrap(labels, 3, 40);
        var method = new ScoredMethod("m", "m", scores, 0.5);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), Numbers(boot.Difference(method, method, r => r.RocAuc).Value));
    }

    [Fact]
    public void Bootstrap_SameSeed_SameIntervalsAsTheLibrarysPercentileAndPairedDifference()
    {
        bool[] labels = [.. Enumerable.Range(0, 80).Select(i => i % 8 == 0)];
        double[] a = [.. Enumerable.Range(0, 80).Select(i => ((i * 29) % 80) / 80.0)];
        double[] b = [.. Enumerable.Range(0, 80).Select(i => ((i * 13) % 80) / 80.0)];
        var boot = new TestSetBootstrap(labels, 5, 60);
        ScoredMethod ma = new("a", "a", a, 0.5), mb = new("b", "b", b, 0.5);
        var interval = boot.Interval(ma, r => r.RocAuc);
        var difference = boot.Difference(ma, mb, r => r.AveragePrecision);
        Assert.Equal(Bootstrap.Percentile(labels, a, Roc.Auc, 5, 60, stratified: true).Interval, interval.Value);
        // Same numbers; the method names differ (the library's says "paired", the shared pass does not).
        Assert.Equal(Numbers(Bootstrap.PairedDifference(labels, a, b, PrecisionRecall.AveragePrecision, 5, 60, stratified: true).Interval), Numbers(difference.Value));
    }

    [Fact]
    public void Prepare_Satellite_SplitsPartitionTheRowsAndKeepThePrevalence()
    {
        var data = Experiment.Prepare("satellite", "damp grey soil vs rest", Datasets.Satellite(), 2000, new ImbalancedDataSettings { TestFraction = 0.3, ValidationFraction = 0.25 }, 7);
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

    [Fact]
    public void Convergence_DefaultSettingsOnSatellite_LbfgsStopsAtItsOptimumNotItsCap()
    {
        // Fails if the scenario's L-BFGS settings ever stop a fit at its cap: the 10x-cap, 1/100-tolerance refit must agree.
        var settings = new ImbalancedDataScenario().DefaultSettings;
        var data = Experiment.Prepare("satellite", "damp grey soil vs rest", Datasets.Satellite(), 2000, settings, 7);
        var ml = new Microsoft.ML.MLContext(1);
        var train = Learners.ToView(ml, data.FeaturesOf(data.Train), data.LabelsOf(data.Train));
        foreach (bool weighted in new[] { false, true })
        {
            var check = Learners.Convergence(ml, weighted ? Learners.Weighted(ml, data.FeaturesOf(data.Train), data.LabelsOf(data.Train)) : train, settings, weighted);
            Assert.True(check.Converged, check.Description);
        }
    }

    [Fact]
    public void Scaling_Satellite_ZScoresHaveUnitSdAndTheDefaultNormaliserDoesNot()
    {
        var ml = new Microsoft.ML.MLContext(1);
        var data = Experiment.Prepare("satellite", "damp grey soil vs rest", Datasets.Satellite(), 2000, new ImbalancedDataScenario().DefaultSettings, 7);
        var scaling = Learners.Scaling(ml, Learners.ToView(ml, data.FeaturesOf(data.Train), data.LabelsOf(data.Train)));
        Assert.All(scaling.CentredSd, sd => Assert.Equal(1, sd, 1e-3));
        Assert.All(scaling.DefaultSd, sd => Assert.InRange(sd, 0.05, 0.5));
        Assert.True(scaling.DefaultPenaltyFactor.Min > 4);
    }

    [Fact]
    public void Mean_UndefinedSplits_LeftOutAndCounted()
    {
        var design = ResamplingDesign.TrainTest(100, 100);
        var value = Comparison.Mean([0.1, double.NaN, 0.3, 0.2], design);
        Assert.Equal((3, 4, 1), (value.Defined, value.Splits, value.Undefined));
        Assert.Equal(CorrectedResampledT.Interval([0.1, 0.3, 0.2], design).ToInterval(), value.Interval);
        Assert.Equal(" (undefined on 1 of 4 splits, left out)", value.UndefinedNote);
        var none = Comparison.Mean([double.NaN, double.NaN], design);
        Assert.True(none.Interval.IsUndefined);
        Assert.Equal("undefined", Scenarios.Numbers.Format(none.Interval));
    }

    [Fact]
    public void SplitSeed_FirstSplitKeepsTheSeed_OthersDiffer()
    {
        Assert.Equal(11, Experiment.SplitSeed(11, 0));
        Assert.Equal(3, new[] { 0, 1, 2 }.Select(i => Experiment.SplitSeed(11, i)).Distinct().Count());
        var source = Experiment.Load("satellite", "damp grey soil vs rest", Datasets.Satellite(), 1000, 7);
        var settings = new ImbalancedDataSettings { TestFraction = 0.5, ValidationFraction = 0.25 };
        Assert.Equal(Experiment.Prepare("satellite", "damp grey soil vs rest", Datasets.Satellite(), 1000, settings, 7).Test, Experiment.Split(source, settings, Experiment.SplitSeed(7, 0)).Test);
        Assert.NotEqual(Experiment.Split(source, settings, Experiment.SplitSeed(7, 0)).Test, Experiment.Split(source, settings, Experiment.SplitSeed(7, 1)).Test);
    }

    [Fact]
    public void RunSplits_OneThreadOrThree_SameStatisticsOnEverySplit()
    {
        var settings = new ImbalancedDataScenario().QuickSettings with { Splits = 3, Trees = 3, ThresholdFolds = 2 };
        SourceData[] sources = [Experiment.Load("satellite", "damp grey soil vs rest", Datasets.Satellite(), 600, 5)];
        var one = Experiment.RunSplits(sources, settings, 1, NoProgress.Instance)[0];
        var three = Experiment.RunSplits(sources, settings, 3, NoProgress.Instance)[0];
        Assert.Equal(3, one.Count);
        Assert.NotNull(one[0].Display);
        Assert.Null(one[1].Display);
        for (int k = 0; k < one.Count; k++)
        {
            SplitStatistics a = one[k].Statistics, b = three[k].Statistics;
            Assert.Equal(k, a.Index);
            Assert.Equal(a.Remedies, b.Remedies);
            Assert.Equal(a.Spreads, b.Spreads);
            Assert.Equal(a.Leaks, b.Leaks);
            Assert.Equal((a.Witness, a.AccuracyGap, a.PrSpread, a.PrVsRoc, a.PlainLrPredictedPositives), (b.Witness, b.AccuracyGap, b.PrSpread, b.PrVsRoc, b.PlainLrPredictedPositives));
            Assert.Equal(a.Convergence.Select(c => (c.Key, c.Value.WeightChange, c.Value.ObjectiveChange)), b.Convergence.Select(c => (c.Key, c.Value.WeightChange, c.Value.ObjectiveChange)));
        }

        // Fresh draws: the splits differ from one another.
        Assert.NotEqual(one[0].Statistics.Remedies, one[1].Statistics.Remedies);
    }
}
