using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Models.Convergence;
using ClassicalML.Scenarios;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Microsoft.ML;

namespace ClassicalML.Scenarios.L1VsL2;

/// <summary>The data sets of the run: the synthetic set (whose informative features are known) first, then breast
/// cancer, sonar and spambase, each split and z-scored.</summary>
/// <param name="Synthetic">The synthetic data with its feature roles.</param>
/// <param name="Sets">The prepared sets; index 0 is the synthetic set, 1 breast cancer, 2 sonar, 3 spambase.</param>
internal sealed record RunData(SyntheticClassification Synthetic, PreparedData[] Sets)
{
    public const int SyntheticIndex = 0;
    public const int BreastCancerIndex = 1;
    public const int SonarIndex = 2;
}

/// <summary>Every path: <c>Paths[(set, penalty)][k]</c> is the fit at grid λ_k; <c>Tuned</c> the index chosen on validation log loss.</summary>
internal sealed record PathSet(double[] Grid, Dictionary<(int Set, Penalty Penalty), PathPoint[]> Paths, Dictionary<(int Set, Penalty Penalty), int> TunedIndex)
{
    public PathPoint Tuned(int set, Penalty penalty) => Paths[(set, penalty)][TunedIndex[(set, penalty)]];
}

/// <summary>Test scores of the tuned models with bootstrap intervals, and the paired L1 − L2 differences.</summary>
internal sealed record TunedComparison(ReportTable Scores, ReportTable Differences, IReadOnlyList<TunedDifference> AucDifferences);

/// <summary>The experiment's steps, each a pure function of its inputs and seeds.</summary>
internal static class Experiment
{
    /// <summary>The penalties of every path.</summary>
    public static readonly Penalty[] Penalties = [Penalty.L1, Penalty.L2, Penalty.ElasticNet];

    /// <summary>The synthetic set has this many features (the rest beyond the informative ones are pure noise).</summary>
    public const int SyntheticFeatures = 20;

    public static RunData LoadData(MLContext ml, L1VsL2Settings settings)
    {
        var synthetic = Synthetic(settings, Seeds.Derive(settings.Seed, "synthetic data"));
        (string Name, Dataset Data)[] sources =
        [
            ("synthetic", synthetic.ToDataset("synthetic")),
            ("breast cancer", Datasets.BreastCancer()),
            ("sonar", Datasets.Sonar()),
            ("spambase", Datasets.Spambase()),
        ];
        return new RunData(synthetic, [.. sources.Select((s, i) =>
            RegularizationPath.Prepare(ml, s.Data, s.Name, Seeds.Derive(settings.Seed, $"split {s.Name}"), settings.TestFraction, settings.ValidationFraction))]);
    }

    /// <summary>A draw of the synthetic set: <see cref="SyntheticFeatures"/> features of which the settings' number are
    /// informative and the rest pure noise (no redundant or repeated features), 1% of the labels flipped.</summary>
    public static SyntheticClassification Synthetic(L1VsL2Settings settings, int seed) =>
        SyntheticData.MakeClassification(seed, samples: settings.SyntheticSamples, features: SyntheticFeatures,
            informative: settings.SyntheticInformative, redundant: 0, repeated: 0, flipY: 0.01);

    public static PathSet FitPaths(MLContext ml, PreparedData[] sets, double[] grid, IProgressReporter progress)
    {
        int total = sets.Length * Penalties.Length * grid.Length, done = 0;
        var paths = new Dictionary<(int, Penalty), PathPoint[]>();
        for (int d = 0; d < sets.Length; d++)
        {
            foreach (var penalty in Penalties)
            {
                paths[(d, penalty)] = [.. grid.Select(lambda =>
                {
                    var point = RegularizationPath.Fit(ml, sets[d], penalty, lambda);
                    progress.Report("regularization paths", ++done, total);
                    return point;
                })];
            }
        }

        var tuned = paths.ToDictionary(p => p.Key, p => PathAnalysis.ArgMin([.. p.Value.Select(x => x.ValidationLogLoss)]));
        return new PathSet(grid, paths, tuned);
    }

    /// <summary>Test ROC AUC, log loss and accuracy of each tuned model with intervals, and AUC(L1) − AUC(L2) paired.</summary>
    public static TunedComparison CompareTuned(L1VsL2Settings settings, PreparedData[] sets, PathSet paths, IProgressReporter progress)
    {
        var scores = new ReportTable("tuned-test-scores",
            ["data set", "penalty", "tuned λ", "λ / n_train", "zero weights", "test ROC AUC (95% CI)", "test log loss (95% CI)", "test accuracy at 0.5 (95% Wilson)"]);
        var diffTable = new ReportTable("tuned-l1-minus-l2",
            ["data set", "λ L1", "λ L2", "AUC(L1) − AUC(L2) (95% paired CI)", "log loss(L1) − log loss(L2) (95% paired CI)"]);
        var differences = new List<TunedDifference>();
        int seed = settings.Seed, resamples = settings.BootstrapResamples;
        for (int d = 0; d < sets.Length; d++)
        {
            var labels = sets[d].TestLabels;
            foreach (var penalty in Penalties)
            {
                var p = paths.Tuned(d, penalty);
                var auc = Bootstrap.Percentile(labels, p.TestScores, Roc.Auc, Seeds.Derive(seed, $"tuned AUC bootstrap {sets[d].Name}"), resamples, stratified: true);
                var logLoss = Bootstrap.Percentile(labels, p.TestScores, BinaryEvaluation.LogLoss, Seeds.Derive(seed, $"tuned log loss bootstrap {sets[d].Name}"), resamples, stratified: true);
                var report = BinaryEvaluation.Evaluate(labels, p.TestScores);
                var accuracy = Intervals.Wilson(report.TruePositives + report.TrueNegatives, report.N);
                scores.AddRow(sets[d].Name, L1VsL2Scenario.PenaltyName(penalty), p.Lambda, p.Lambda / sets[d].TrainRows, p.Zeros,
                    auc, logLoss, accuracy);
            }

            var a = paths.Tuned(d, Penalty.L1);
            var b = paths.Tuned(d, Penalty.L2);
            Interval aucDiff = Bootstrap.PairedDifference(labels, a.TestScores, b.TestScores, Roc.Auc, Seeds.Derive(seed, $"tuned AUC difference bootstrap {sets[d].Name}"), resamples, stratified: true).Interval;
            Interval lossDiff = Bootstrap.PairedDifference(labels, a.TestScores, b.TestScores, BinaryEvaluation.LogLoss, Seeds.Derive(seed, $"tuned log loss difference bootstrap {sets[d].Name}"), resamples, stratified: true).Interval;
            diffTable.AddRow(sets[d].Name, a.Lambda, b.Lambda, aucDiff, lossDiff);
            differences.Add(new TunedDifference(sets[d].Name, aucDiff, labels.Length));
            progress.Report("bootstrap at the tuned λ", d + 1, sets.Length);
        }

        return new TunedComparison(scores, diffTable, differences);
    }

    /// <summary>Draw 1's synthetic L1 path: the λ from which each feature's weight stays exactly 0 (the drop-order table).</summary>
    public static double[] SyntheticDropLambdas(PathSet paths) =>
        PathAnalysis.DropLambdas(paths.Grid, [.. paths.Paths[(RunData.SyntheticIndex, Penalty.L1)].Select(p => p.Weights)]);

    /// <summary>
    /// Claim 0 (the answer's first sentence): on sonar (60 features, 104 training rows) the unregularized fit
    /// (L1 = L2 = 0) against the tuned L2 and L1 fits: test log loss and the train–test gap, paired bootstrap of the test rows.
    /// </summary>
    public static (IReadOnlyList<OverfittingMeasure> Measures, ReportTable Table) Overfitting(MLContext ml, L1VsL2Settings settings, PreparedData set, PathSet paths)
    {
        var labels = set.TestLabels;
        (string Name, double L1, double L2)[] models =
        [
            ("unregularized", 0, 0),
            ("L2 at its tuned λ", 0, paths.Tuned(RunData.SonarIndex, Penalty.L2).Lambda),
            ("L1 at its tuned λ", paths.Tuned(RunData.SonarIndex, Penalty.L1).Lambda, 0),
        ];
        var table = new ReportTable("overfitting-sonar", ["model", "λ", "‖w‖₂", "train log loss", "test log loss (95% CI)", "train ROC AUC", "test ROC AUC (95% CI)"]);
        var fits = new List<(double[] Train, double[] Test, double TrainLoss)>();
        for (int m = 0; m < models.Length; m++)
        {
            var (weights, _, model) = RegularizationPath.Train(ml, set.Train, models[m].L1, models[m].L2);
            var scoredTrain = model.Transform(set.Train).ReadBinaryPredictions();
            bool[] trainLabels = scoredTrain.Labels;
            double[] train = scoredTrain.Scores;
            double[] test = model.Transform(set.Test).ReadBinaryPredictions().Scores;
            double trainLoss = BinaryEvaluation.LogLoss(trainLabels, train);
            fits.Add((train, test, trainLoss));
            table.AddRow(models[m].Name, models[m].L1 + models[m].L2, Math.Sqrt(weights.Sum(w => w * w)), trainLoss,
                Bootstrap.Percentile(labels, test, BinaryEvaluation.LogLoss, Seeds.Derive(settings.Seed, $"overfitting log loss bootstrap {m}"), settings.BootstrapResamples, stratified: true),
                Roc.Auc(trainLabels, train),
                Bootstrap.Percentile(labels, test, Roc.Auc, Seeds.Derive(settings.Seed, $"overfitting AUC bootstrap {m}"), settings.BootstrapResamples, stratified: true));
        }

        var measures = new List<OverfittingMeasure>();
        for (int m = 1; m < models.Length; m++)
        {
            // Gain = test loss(unregularized) − test loss(regularized); the gap reduction subtracts the (fixed) train-loss difference.
            Interval gain = Bootstrap.PairedDifference(labels, fits[0].Test, fits[m].Test, BinaryEvaluation.LogLoss, Seeds.Derive(settings.Seed, $"overfitting gain bootstrap {m}"), settings.BootstrapResamples, stratified: true).Interval;
            double shift = fits[0].TrainLoss - fits[m].TrainLoss;
            var gap = gain with { Estimate = gain.Estimate - shift, Lower = gain.Lower - shift, Upper = gain.Upper - shift };
            measures.Add(new OverfittingMeasure(models[m].Name, gain, gap, labels.Length));
        }

        return (measures, table);
    }

    /// <summary>True coefficients of the graded set: strongly, weakly and not informative features (standard normal, independent).</summary>
    public static readonly double[] GradedCoefficients = [1.0, 1.0, 1.0, 0.3, 0.3, 0.3, 0, 0, 0, 0, 0, 0];

    /// <summary>
    /// Draw 1 of the graded set (<see cref="GradedCoefficients"/>), its L1 path, and the share of (more useful, less
    /// useful) pairs in which L1 drops the more useful feature later, with the drop-order table.
    /// </summary>
    public static (double Share, ReportTable Table) GradedDropOrder(MLContext ml, L1VsL2Settings settings, double[] grid)
    {
        var set = GradedSet(ml, settings, Seeds.Derive(settings.Seed, "graded data"), Seeds.Derive(settings.Seed, "split graded"));
        var (share, drop, path) = GradedPath(ml, set, grid);
        var table = new ReportTable("graded-l1-drop-order", ["feature", "true coefficient", "L1 drops it at λ (weight 0 from here on)", "λ / n_train", "weight at the smallest λ"]);
        foreach (int j in Enumerable.Range(0, GradedCoefficients.Length).OrderByDescending(j => drop[j]).ThenBy(j => j))
        {
            table.AddRow(set.FeatureNames[j], GradedCoefficients[j], drop[j], drop[j] / set.TrainRows, path[0][j]);
        }

        return (share, table);
    }

    /// <summary>A draw of the graded set: standard-normal independent features, labels from a logistic model with
    /// <see cref="GradedCoefficients"/>, split and z-scored like every set.</summary>
    public static PreparedData GradedSet(MLContext ml, L1VsL2Settings settings, int dataSeed, int splitSeed)
    {
        var random = new MersenneTwister(dataSeed);
        int n = settings.SyntheticSamples, p = GradedCoefficients.Length;
        var x = new double[n, p];
        var y = new bool[n];
        for (int i = 0; i < n; i++)
        {
            double logit = 0;
            for (int j = 0; j < p; j++)
            {
                x[i, j] = Normal.Sample(random, 0, 1);
                logit += GradedCoefficients[j] * x[i, j];
            }

            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
        }

        return RegularizationPath.Prepare(ml, Dataset.FromNumeric("graded", x, y), "graded", splitSeed, settings.TestFraction, settings.ValidationFraction);
    }

    /// <summary>The graded set's L1 path (weights only), each feature's drop λ, and the share dropped in order of usefulness.</summary>
    public static (double Share, double[] Drop, List<double[]> Path) GradedPath(MLContext ml, PreparedData set, double[] grid)
    {
        var path = grid.Select(lambda => RegularizationPath.Train(ml, set.Train, lambda, 0).Weights).ToList();
        double[] drop = PathAnalysis.DropLambdas(grid, path);
        return (PathAnalysis.UsefulLastShare(drop, [.. GradedCoefficients.Select(Math.Abs)]), drop, path);
    }

    /// <summary>Claim 2 input, pooled over data sets: exact zeros of the L2 paths and the steps at which ‖w‖₂ fell.</summary>
    public static L2ShrinkMeasure L2Shrink(int sets, PathSet paths)
    {
        int zeros = 0, weights = 0, decreases = 0, steps = 0;
        for (int d = 0; d < sets; d++)
        {
            var l2 = paths.Paths[(d, Penalty.L2)];
            zeros += l2.Sum(p => p.Zeros);
            weights += l2.Sum(p => p.Weights.Length);
            var (dec, st) = PathAnalysis.Decreases([.. l2.Select(p => p.L2Norm)]);
            decreases += dec;
            steps += st;
        }

        return new L2ShrinkMeasure(zeros, weights, decreases, steps);
    }

    /// <summary>Claim 6's path part per data set: the interior grid points (neither end) at which L1 has some but not
    /// all weights exactly 0, and at how many of them the elastic net has an exact zero too.</summary>
    public static List<(string DataSet, int Checks, int Confirming)> ElasticNetAlongPaths(PreparedData[] sets, PathSet paths)
    {
        var result = new List<(string, int, int)>();
        for (int d = 0; d < sets.Length; d++)
        {
            var l1 = paths.Paths[(d, Penalty.L1)];
            var en = paths.Paths[(d, Penalty.ElasticNet)];
            var interior = Enumerable.Range(1, paths.Grid.Length - 2).Where(k => l1[k].Zeros > 0 && l1[k].Zeros < sets[d].FeatureCount).ToList();
            result.Add((sets[d].Name, interior.Count, interior.Count(k => en[k].Zeros > 0)));
        }

        return result;
    }

    /// <summary>
    /// Whether ML.NET's penalties weigh against the sum or the mean of the row losses: refit on every training row
    /// twice. If the mean, doubling the rows changes nothing at the same λ; if the sum, (2n rows, 2λ) reproduces (n rows, λ).
    /// </summary>
    public static (double SameLambda, double DoubleLambda, string Conclusion, ReportTable Table) PenaltyScaling(MLContext ml, PreparedData set)
    {
        int[] twice = [.. set.TrainIndices, .. set.TrainIndices];
        var doubled = set.View(ml, twice);
        var table = new ReportTable("ml-net-penalty-scaling",
            ["penalty", "λ", "max |w|, n rows", "max |Δw|: 2n rows, same λ", "max |Δw|: 2n rows, 2λ"]);
        double worstSame = double.PositiveInfinity, worstDouble = 0;
        const double lambda = 1;
        foreach (var penalty in new[] { Penalty.L1, Penalty.L2 })
        {
            var (l1, l2) = RegularizationPath.Strengths(penalty, lambda);
            var w = RegularizationPath.Train(ml, set.Train, l1, l2).Weights;
            var same = RegularizationPath.Train(ml, doubled, l1, l2).Weights;
            var dbl = RegularizationPath.Train(ml, doubled, 2 * l1, 2 * l2).Weights;
            double dSame = w.Zip(same).Max(t => Math.Abs(t.First - t.Second));
            double dDouble = w.Zip(dbl).Max(t => Math.Abs(t.First - t.Second));
            table.AddRow(L1VsL2Scenario.PenaltyName(penalty), lambda, w.Max(Math.Abs), dSame, dDouble);
            worstSame = Math.Min(worstSame, dSame);
            worstDouble = Math.Max(worstDouble, dDouble);
        }

        string conclusion = worstDouble < worstSame / 10
            ? "the SUM of the row losses (doubling the rows equals halving λ; λ / n is the mean-loss equivalent)"
            : worstSame < worstDouble / 10
                ? "the MEAN of the row losses (doubling the rows changes nothing at the same λ)"
                : "neither the sum nor the mean cleanly (the refits disagree)";
        return (worstSame, worstDouble, conclusion, table);
    }

    /// <summary>
    /// Refits, for every data set and penalty, the tuned model and the weakest-penalty model with 10 × the iteration
    /// cap and 1/100 of the tolerance (ML.NET's L-BFGS reports neither its iterations nor why it stopped), and the L1
    /// fits of a representative synthetic and graded draw.
    /// </summary>
    public static IReadOnlyList<(string DataSet, Penalty Penalty, string Which, double Lambda, ConvergenceCheck Check)> Convergence(MLContext ml, PreparedData[] sets, PathSet paths, DrawSet draws)
    {
        var checks = new List<(string, Penalty, string, double, ConvergenceCheck)>();
        for (int d = 0; d < sets.Length; d++)
        {
            foreach (var penalty in Penalties)
            {
                foreach (var (which, lambda) in new[] { ("tuned λ", paths.Tuned(d, penalty).Lambda), ("smallest λ", paths.Grid[0]) })
                {
                    var (l1, l2) = RegularizationPath.Strengths(penalty, lambda);
                    checks.Add((sets[d].Name, penalty, which, lambda, LbfgsConvergence.Check(ml, sets[d].Train, RegularizationPath.Options(l1, l2))));
                }
            }
        }

        var r = draws.Representative;
        foreach (var (set, which, lambda) in new[]
        {
            (r.Synthetic, "tuned λ", r.TunedLambda), (r.Synthetic, "smallest λ", paths.Grid[0]),
            (r.Graded, "first λ with a zero", r.GradedFirstZeroLambda), (r.Graded, "smallest λ", paths.Grid[0]),
        })
        {
            checks.Add(($"{set.Name}, draw {r.Draw}", Penalty.L1, which, lambda, LbfgsConvergence.Check(ml, set.Train, RegularizationPath.Options(lambda, 0))));
        }

        return checks;
    }
}
