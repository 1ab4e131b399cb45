using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Models;
using Microsoft.ML;
using static ClassicalML.Scenarios.BaggingVsBoosting.Experiment;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>The single learners on one data set: one deep tree and one stump, fitted on the whole training pool.</summary>
internal sealed record Singles(Interval DeepError, Interval StumpError);

/// <summary>The bagged deep trees of the ensemble-size experiment, with their test predictions.</summary>
internal sealed record BaggedTrees(BaggingModel Model, MemberPredictions Members, double[] Final, bool[] FinalErrors);

/// <summary>Diversity: bagged members against identical members.</summary>
internal sealed record DiversityResult(Interval Gain, double Correlation, double IdenticalGain, double IdenticalCorrelation, double MeanMemberError);

/// <summary>Out-of-bag against test error on the larger split.</summary>
internal sealed record OutOfBagResult(Interval OutOfBag, Interval Test, Interval Difference, int TestRows);

/// <summary>Squared-loss bias–variance decomposition of one learner on one data set, averaged over the test rows (95% bootstrap intervals over test rows).</summary>
/// <param name="Loss">Mean over rounds and test rows of (p̂ − y)².</param>
/// <param name="Bias2">Mean over test rows of (p̄ − y)², p̄ the mean prediction over rounds; includes the label noise.</param>
/// <param name="Variance">Mean over test rows of the variance of p̂ over rounds.</param>
internal sealed record BiasVariance(Interval Loss, Interval Bias2, Interval Variance);

/// <summary>The squared-loss decomposition of the four learners and the relative changes the claims read.</summary>
internal sealed record BiasVarianceResult(BiasVariance[] Parts, Interval VarianceChange, Interval BiasChange, Interval BoostingBiasChange);

/// <summary>The experiment's steps on one data set, each filling its table rows in <see cref="ReportBuilder"/>.</summary>
internal static class Steps
{
    public static readonly string[] BiasVarianceLearners = ["one deep tree (FastTree)", "bagged deep trees (FastTree)", "one stump (FastTree)", "boosted stumps (LightGBM)"];

    public static Singles SingleLearners(MLContext context, Settings settings, PreparedData data, ReportBuilder report)
    {
        // The deep tree must really be one deep tree, the stump one split.
        var deep = Learners.DeepTree(context, settings.DeepLeaves).Fit(data.TrainView);
        var stump = Learners.Stump(context).Fit(data.TrainView);
        foreach (var (name, model) in new[] { ("one deep tree (FastTree)", deep), ("one stump (FastTree)", stump) })
        {
            var ensemble = TreeStaging.Ensemble(model);
            var trainError = Rate(Errors(data.TrainLabels, Scores(model.Transform(data.TrainView)), 0.5));
            report.Checks.AddRow(data.Name, name, ensemble.List.Count, ensemble.List.Max(t => t.NumberOfLeaves), trainError);
        }

        var deepScores = Scores(deep.Transform(data.TestView));
        var stumpScores = Scores(stump.Transform(data.TestView));
        var singles = new Singles(WilsonError(Errors(data.TestLabels, deepScores, 0.5)), WilsonError(Errors(data.TestLabels, stumpScores, 0.5)));
        report.Finals.AddRow(data.Name, "one deep tree", 1, singles.DeepError, Roc.Auc(data.TestLabels, deepScores));
        report.Finals.AddRow(data.Name, "one stump", 1, singles.StumpError, Roc.Auc(data.TestLabels, stumpScores));
        return singles;
    }

    /// <summary>Test error against ensemble size from staged predictions (no refitting), for bagging, FastForest and boosting.</summary>
    public static BaggedTrees EnsembleSizes(MLContext context, Settings settings, PreparedData data, int seed, Singles singles, ReportBuilder report)
    {
        var testLabels = data.TestLabels;
        var bagging = new BaggingEstimator(Learners.DeepTree(context, settings.DeepLeaves), new BaggingOptions { NumberOfMembers = settings.Members, Seed = Seeds.Derive(seed, "ensemble sizes bagging") }).Fit(data.TrainView);
        var members = bagging.PredictMembers(data.TestView);
        var bagGrid = SizeGrid(settings.Members);
        var bagStaged = members.Staged(bagGrid);
        var bagCurve = new List<double>();
        var oobCurve = new List<double>();
        for (var k = 0; k < bagGrid.Length; k++)
        {
            var oob = bagging.OutOfBagOfFirst(bagGrid[k]);
            var error = Rate(Errors(testLabels, bagStaged[k], 0.5));
            var oobError = oob.Report is { } r ? 1 - r.Accuracy : double.NaN; // undefined while some row has no out-of-bag member
            bagCurve.Add(1 - error);
            oobCurve.Add(1 - oobError);
            report.Sizes.AddRow(data.Name, "bagged deep trees", bagGrid[k], error, Roc.Auc(testLabels, bagStaged[k]), oobError, oob.RowsWithoutMembers.Length);
        }

        double[] Log(IEnumerable<int> sizes) => [.. sizes.Select(m => Math.Log10(m))];
        var curves = new List<Series> { new("bagged deep trees (test)", Log(bagGrid), bagCurve) };
        var oobDefined = bagGrid.Select((m, k) => (m, v: oobCurve[k])).Where(t => !double.IsNaN(t.v)).ToList();
        if (oobDefined.Count > 0)
        {
            curves.Add(new("bagged deep trees (out-of-bag, where defined)", Log(oobDefined.Select(t => t.m)), [.. oobDefined.Select(t => t.v)]));
        }

        foreach (var (name, estimator, trees, average) in new (string, IEstimator<ITransformer>, int, bool)[]
        {
            ("FastForest", Learners.Forest(context, settings.ForestTrees, Math.Min(64, settings.DeepLeaves)), settings.ForestTrees, true),
            ("boosted stumps (FastTree)", Learners.BoostedTrees(context, settings.BoostingTrees, 2, settings.LearningRate), settings.BoostingTrees, false),
            ("boosted stumps (LightGBM)", Learners.LightGbm(context, settings.BoostingTrees, 2, settings.LearningRate), settings.BoostingTrees, false),
        })
        {
            curves.Add(StagedCurve(data, name, estimator.Fit(data.TrainView), trees, average, report));
        }

        var final = bagStaged[^1];
        var finalErrors = Errors(testLabels, final, 0.5);
        report.Finals.AddRow(data.Name, "bagged deep trees", settings.Members, WilsonError(finalErrors), Roc.Auc(testLabels, final));
        var maxX = Math.Log10(Math.Max(settings.Members, settings.BoostingTrees));
        curves.Add(new Series("one deep tree", [0, maxX], [1 - singles.DeepError.Estimate, 1 - singles.DeepError.Estimate]));
        curves.Add(new Series("one stump", [0, maxX], [1 - singles.StumpError.Estimate, 1 - singles.StumpError.Estimate]));
        report.SizeFigures.Add(Figures.Line($"ensemble-size-{data.Name}.png", $"{data.Name}: test accuracy vs ensemble size",
            "log10(members or boosting rounds)", "test accuracy (1 - error)", curves));
        return new BaggedTrees(bagging, members, final, finalErrors);
    }

    private static Series StagedCurve(PreparedData data, string name, ITransformer model, int trees, bool average, ReportBuilder report)
    {
        var grid = SizeGrid(trees);
        var staged = TreeStaging.Staged(TreeStaging.Ensemble(model), data.TestFeatures, grid, average);
        var modelRaw = model.Transform(data.TestView).ReadBinaryPredictions("Label", "Score", null).Scores;
        report.Staging.AddRow(data.Name, name, trees, staged[^1].Zip(modelRaw).Max(p => Math.Abs(p.First - p.Second)));
        var curve = new List<double>();
        for (var k = 0; k < grid.Length; k++)
        {
            var error = Rate(Errors(data.TestLabels, staged[k], 0.0));
            curve.Add(1 - error);
            report.Sizes.AddRow(data.Name, name, grid[k], error, Roc.Auc(data.TestLabels, staged[k]), "", "");
        }

        report.Finals.AddRow(data.Name, name, trees, WilsonError(Errors(data.TestLabels, staged[^1], 0.0)), Roc.Auc(data.TestLabels, staged[^1]));
        return new Series(name + " (test)", [.. grid.Select(m => Math.Log10(m))], curve);
    }

    /// <summary>Diversity: the bagged members' gain over their average member, against members that are identical.</summary>
    public static DiversityResult Diversity(MLContext context, Settings settings, PreparedData data, int seed, BaggedTrees bagged, ReportBuilder report)
    {
        var testLabels = data.TestLabels;
        var members = bagged.Members;
        var errorsByMember = members.Errors(testLabels);
        var gainPerRow = new double[testLabels.Length];
        for (var i = 0; i < gainPerRow.Length; i++)
        {
            gainPerRow[i] = (errorsByMember.Count(e => e[i]) / (double)members.MemberCount) - (bagged.FinalErrors[i] ? 1 : 0);
        }

        var meanMemberError = MeanRate(errorsByMember);
        var gain = MeanWithBootstrap(gainPerRow, Seeds.Derive(seed, "diversity gain bootstrap"), settings.Resamples);
        var correlation = members.MeanErrorCorrelation(testLabels);
        report.Diversity.AddRow(data.Name, "bagged deep trees (bootstrap samples)", members.MemberCount, meanMemberError, Rate(bagged.FinalErrors), gain, correlation);

        var identical = new BaggingEstimator(Learners.DeepTree(context, settings.DeepLeaves),
            new BaggingOptions { NumberOfMembers = settings.IdenticalMembers, WithReplacement = false }).Fit(data.TrainView).PredictMembers(data.TestView);
        var identicalEnsembleErrors = Errors(testLabels, identical.Ensemble(identical.MemberCount), 0.5);
        var identicalGain = GainFromCounts(identical.Errors(testLabels), identicalEnsembleErrors);
        var identicalCorrelation = identical.MeanErrorCorrelation(testLabels);
        report.Diversity.AddRow(data.Name, "identical deep trees (every member on all rows)", identical.MemberCount, MeanRate(identical.Errors(testLabels)), Rate(identicalEnsembleErrors),
            Interval.Exact(identicalGain), identicalCorrelation);
        return new DiversityResult(gain, correlation, identicalGain, identicalCorrelation, meanMemberError);
    }

    /// <summary>Out-of-bag against test error of a bagged ensemble on a split large enough for the margin.</summary>
    public static OutOfBagResult OutOfBag(MLContext context, Settings settings, PreparedData large, int seed, ReportBuilder report)
    {
        var bagging = new BaggingEstimator(Learners.DeepTree(context, settings.DeepLeaves), new BaggingOptions { NumberOfMembers = settings.Members, Seed = Seeds.Derive(seed, "out-of-bag bagging") }).Fit(large.TrainView);
        var outOfBag = bagging.OutOfBag;
        var oobErrors = outOfBag.CoveredRows.Select(i => (outOfBag.Scores[i] >= 0.5) != outOfBag.Labels[i]).ToArray();
        var oob = WilsonError(oobErrors);
        var test = WilsonError(Errors(large.TestLabels, bagging.PredictMembers(large.TestView).Ensemble(settings.Members), 0.5));
        var difference = NewcombeDifference(oob, test);
        report.OutOfBag.AddRow(large.Name, large.Train.RowCount, large.TestLabels.Length, settings.Members, oob, outOfBag.CoveredRows.Length, test, difference);
        return new OutOfBagResult(oob, test, difference, large.TestLabels.Length);
    }

    /// <summary>The squared-loss bias–variance decomposition over bootstrap training sets.</summary>
    public static BiasVarianceResult BiasVariance(MLContext context, Settings settings, PreparedData data, int seed, IProgressReporter progress, ReportBuilder report)
    {
        var testLabels = data.TestLabels;
        var predictions = BiasVarianceLearners.Select(_ => new double[settings.BiasVarianceRounds][]).ToArray();
        for (var r = 0; r < settings.BiasVarianceRounds; r++)
        {
            var train = data.TrainView.Select(BootstrapRows(data.Train.RowCount, Seeds.Derive(seed, $"bias-variance training set {r}")));
            predictions[0][r] = Scores(Learners.DeepTree(context, settings.DeepLeaves).Fit(train).Transform(data.TestView));
            var bag = new BaggingEstimator(Learners.DeepTree(context, settings.DeepLeaves), new BaggingOptions { NumberOfMembers = settings.SmallEnsemble, Seed = Seeds.Derive(seed, $"bias-variance bagging {r}") }).Fit(train);
            predictions[1][r] = bag.PredictMembers(data.TestView).Ensemble(settings.SmallEnsemble);
            predictions[2][r] = Scores(Learners.Stump(context).Fit(train).Transform(data.TestView));
            predictions[3][r] = Scores(Learners.LightGbm(context, settings.BoostingTrees, 2, settings.LearningRate).Fit(train).Transform(data.TestView));
            progress.Report(data.Name + ": bias-variance rounds", r + 1, settings.BiasVarianceRounds);
        }

        var raw = predictions.Select(p => Decompose(p, testLabels)).ToArray();
        var parts = new BiasVariance[raw.Length];
        var bars = new List<BarValue>();
        string[] shortNames = ["deep", "bagged", "stump", "boosted"];
        for (var l = 0; l < raw.Length; l++)
        {
            parts[l] = new BiasVariance(
                MeanWithBootstrap(raw[l].Loss, Seeds.Derive(seed, $"bias-variance loss bootstrap {l}"), settings.Resamples),
                MeanWithBootstrap(raw[l].Bias2, Seeds.Derive(seed, $"bias-variance bias bootstrap {l}"), settings.Resamples),
                MeanWithBootstrap(raw[l].Variance, Seeds.Derive(seed, $"bias-variance variance bootstrap {l}"), settings.Resamples));
            report.Bias.AddRow(data.Name, BiasVarianceLearners[l], parts[l].Loss, parts[l].Bias2, parts[l].Variance);
            bars.Add(new BarValue(shortNames[l] + ": bias²", parts[l].Bias2));
            bars.Add(new BarValue(shortNames[l] + ": var", parts[l].Variance));
        }

        report.BiasFigures.Add(Figures.Bars($"bias-variance-{data.Name}.png",
            $"{data.Name}: bias² (incl. noise) and variance, {settings.BiasVarianceRounds} training sets", "squared loss on probabilities, mean over test rows", bars));
        return new BiasVarianceResult(parts,
            RelativeChange(raw[1].Variance, raw[0].Variance, Seeds.Derive(seed, "bagging variance change bootstrap"), settings.Resamples),
            RelativeChange(raw[1].Bias2, raw[0].Bias2, Seeds.Derive(seed, "bagging bias change bootstrap"), settings.Resamples),
            RelativeChange(raw[3].Bias2, raw[2].Bias2, Seeds.Derive(seed, "boosting bias change bootstrap"), settings.Resamples));
    }

    private static double MeanRate(bool[][] errors) => errors.Sum(e => e.Count(x => x)) / (double)(errors.Length * errors[0].Length);

    /// <summary>Mean member error − ensemble error from integer counts, so equal error sets give exactly 0.</summary>
    private static double GainFromCounts(bool[][] memberErrors, bool[] ensembleErrors)
    {
        long members = memberErrors.Length;
        long memberSum = memberErrors.Sum(e => e.Count(x => x));
        long ensembleCount = ensembleErrors.Count(x => x);
        return (memberSum - (members * ensembleCount)) / (double)(members * ensembleErrors.Length);
    }
}
