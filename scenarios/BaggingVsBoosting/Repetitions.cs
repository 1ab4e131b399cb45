using System.Collections.Concurrent;
using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using ClassicalML.Models;
using MathNet.Numerics.Distributions;
using Microsoft.ML;
using static ClassicalML.Scenarios.BaggingVsBoosting.Experiment;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>One repetition of the weak-learner and label-noise measurements on a fresh split (spambase) or a fresh draw
/// (synthetic), with fresh ensemble seeds and a fresh flip of the training labels. Rates are test errors (600 test rows).</summary>
/// <param name="StumpError">One stump (2 leaves, at least 5 rows per leaf), clean labels.</param>
/// <param name="BaggedClean">Per matched tree size: bagged trees, clean labels.</param>
/// <param name="BaggedNoisy">Per matched tree size: bagged trees, the noisiest labels.</param>
/// <param name="BoostedClean">Per matched tree size: gradient-boosted trees (LightGBM), clean labels.</param>
/// <param name="BoostedNoisy">Per matched tree size: gradient-boosted trees, the noisiest labels.</param>
/// <param name="AdaClean">Per matched tree size: AdaBoost (SAMME), clean labels.</param>
/// <param name="AdaNoisy">Per matched tree size: AdaBoost, the noisiest labels.</param>
/// <param name="WeightShare">Per matched tree size: the flipped rows' share of AdaBoost's final row weight (noisy labels).</param>
/// <param name="RowShare">The flipped rows' share of the training rows.</param>
/// <param name="AdaRounds">Per matched tree size: members AdaBoost kept on clean and on noisy labels.</param>
/// <remarks>A weak-learner-only repetition (beyond <c>NoiseRepetitions</c>) holds only the clean 2-leaf entries.</remarks>
internal sealed record Repetition(double StumpError, double[] BaggedClean, double[] BaggedNoisy, double[] BoostedClean, double[] BoostedNoisy,
    double[] AdaClean, double[] AdaNoisy, double[] WeightShare, double RowShare, (int Clean, int Noisy)[] AdaRounds)
{
    public double BaggedStumpGain => StumpError - BaggedClean[0];

    public double BoostedStumpGain => StumpError - BoostedClean[0];

    /// <summary>(boosted noisy − boosted clean) − (bagged noisy − bagged clean) at tree size index m.</summary>
    public double GradientDamage(int m) => BoostedNoisy[m] - BoostedClean[m] - (BaggedNoisy[m] - BaggedClean[m]);

    public double AdaDamage(int m) => AdaNoisy[m] - AdaClean[m] - (BaggedNoisy[m] - BaggedClean[m]);

    public double Concentration(int m) => WeightShare[m] / RowShare;
}

/// <summary>The repetitions of one data set and the intervals over them that judge the weak-learner and label-noise claims.</summary>
/// <param name="Dataset">The data set's name.</param>
/// <param name="SplitsOfOneSet">True for spambase (fresh splits of one finite data set: corrected resampled t); false
/// for synthetic (independent draws: plain t).</param>
/// <param name="Runs">The repetitions, in order.</param>
/// <param name="TestRows">Test rows per repetition.</param>
/// <param name="TrainRows">Training rows per repetition.</param>
/// <param name="PoolRows">Rows of the whole data set the splits are drawn from (spambase: 4601).</param>
/// <param name="NoiseRuns">How many of the first runs also measured the label-noise part.</param>
/// <summary>Mean test errors (clean, noisiest labels) over the label-noise repetitions, per matched tree size.</summary>
internal sealed record NoiseMeans(IReadOnlyList<(int Leaves, (double Clean, double Noisy) Bagged, (double Clean, double Noisy) Boosted, (double Clean, double Noisy) AdaBoost)> Matched);

internal sealed record RepeatedNoise(string Dataset, bool SplitsOfOneSet, IReadOnlyList<Repetition> Runs, int TestRows, int PoolRows, int NoiseRuns)
{
    /// <summary>The interval over every repetition (the weak-learner claim).</summary>
    public Interval Over(Func<Repetition, double> value) => Repetitions.OverRepetitions([.. Runs.Select(value)], SplitsOfOneSet, TestRows, PoolRows);

    /// <summary>The interval over the label-noise repetitions.</summary>
    public Interval OverNoise(Func<Repetition, double> value) => Repetitions.OverRepetitions([.. Runs.Take(NoiseRuns).Select(value)], SplitsOfOneSet, TestRows, PoolRows);

    public IEnumerable<Repetition> Noisy => Runs.Take(NoiseRuns);
}

/// <summary>
/// Runs the weak-learner and label-noise measurements R times per data set, two repetitions at a time (each its own
/// MLContext seed; every trainer single-threaded), so the output is the same for a seed on any number of cores.
/// </summary>
internal static class Repetitions
{
    public const string IntervalName = "95% interval over the repetitions (spambase: the corrected resampled t interval of Nadeau and Bengio, because its fresh splits of one data set share rows, "
        + "with ρ = n_test/N = 600/4601 (every split draws its 600 test rows from all N rows); its width does not fall below about ±0.76 repetition standard deviations however many repetitions are run, "
        + "so a number of repetitions said to decide is a lower bound there; synthetic: the plain t interval, because every repetition is an independent draw)";

    public static IReadOnlyList<RepeatedNoise> Measure(Settings settings, IProgressReporter progress)
    {
        var spam = Datasets.Spambase();
        string[] names = ["spambase", "synthetic"];
        var jobs = names.SelectMany(name => Enumerable.Range(0, settings.Repetitions).Select(r => (name, r))).ToArray();
        var results = new Repetition[jobs.Length];
        var sizes = new (int Test, int Pool)[jobs.Length];
        var done = 0;
        // The long (label-noise) repetitions first, then handed out one at a time, so both cores stay busy to the end.
        var order = Enumerable.Range(0, jobs.Length).OrderBy(j => jobs[j].r < settings.NoiseRepetitions ? 0 : 1).ThenBy(j => j).ToArray();
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism }, j =>
        {
            var (name, r) = jobs[j];
            var seed = Seeds.Derive(settings.Seed, $"{name} repetition {r}");
            var context = new MLContext(Seeds.Derive(seed, "context"));
            Dataset all = name == "spambase"
                ? spam
                : SyntheticData.MakeClassification(Seeds.Derive(seed, "draw"), samples: settings.SyntheticRows, features: 20, informative: 6, redundant: 4, flipY: 0.0).ToDataset("synthetic");
            var rows = name == "spambase" ? settings.SpambaseRows : settings.SyntheticRows;
            var (train, test) = SubsampleAndSplit(all.BinaryLabels(), rows, Seeds.Derive(seed, "split"));
            var data = new PreparedData(name, all, train, test, context);
            results[j] = One(context, settings, data, seed, withNoise: r < settings.NoiseRepetitions);
            sizes[j] = (test.Length, all.RowCount);
            lock (jobs)
            {
                progress.Report("repetitions", ++done, jobs.Length);
            }
        });

        return [.. names.Select((name, d) =>
        {
            var range = Enumerable.Range(d * settings.Repetitions, settings.Repetitions).ToArray();
            // Stratified halves of the same number of rows have the same sizes in every repetition.
            return new RepeatedNoise(name, name == "spambase", [.. range.Select(j => results[j])], sizes[range[0]].Test, sizes[range[0]].Pool, Math.Min(settings.NoiseRepetitions, settings.Repetitions));
        })];
    }

    /// <summary>One repetition: one stump, and for every matched tree size bagged, gradient-boosted and AdaBoost trees on clean and on the noisiest labels.</summary>
    private static Repetition One(MLContext context, Settings settings, PreparedData data, int seed, bool withNoise)
    {
        var noisyLabels = FlipLabels(data.TrainLabels, settings.NoiseLevels[^1], Seeds.Derive(seed, "label noise"));
        var flipped = noisyLabels.Select((label, i) => label != data.TrainLabels[i]).ToArray();
        var noisyView = Dataset.FromNumeric(data.Name + " noisy", data.Train.GetNumericMatrix(), noisyLabels).ToDataView(context);
        double Error(ITransformer model, double threshold) => Rate(Errors(data.TestLabels, Scores(model.Transform(data.TestView)), threshold));
        double Bag(IDataView view, int leaves, string which) =>
            Rate(Errors(data.TestLabels, new BaggingEstimator(Learners.DeepTree(context, leaves, minimumPerLeaf: Learners.BoostedMinimumPerLeaf),
                new BaggingOptions { NumberOfMembers = settings.NoiseMembers, Seed = Seeds.Derive(seed, $"bagging {leaves} leaves {which}") }).Fit(view).PredictMembers(data.TestView).Ensemble(settings.NoiseMembers), 0.5));

        var stump = Error(Learners.DeepTree(context, 2, minimumPerLeaf: Learners.BoostedMinimumPerLeaf).Fit(data.TrainView), 0.5);
        var k = settings.MatchedLeaves.Count;
        if (!withNoise)
        {
            // The weak-learner claim needs only bagged and boosted stumps on clean labels (the same seeds as a full repetition).
            return new Repetition(stump, [Bag(data.TrainView, 2, "clean")], [], [Error(Learners.LightGbm(context, settings.BoostingTrees, 2, settings.LearningRate).Fit(data.TrainView), 0.5)], [], [], [], [], double.NaN, []);
        }

        double[] baggedClean = new double[k], baggedNoisy = new double[k], boostedClean = new double[k], boostedNoisy = new double[k];
        double[] adaClean = new double[k], adaNoisy = new double[k], weightShare = new double[k];
        var rounds = new (int, int)[k];
        var options = new AdaBoostOptions { NumberOfMembers = settings.AdaBoostRounds, LearningRate = settings.AdaBoostLearningRate, Seed = Seeds.Derive(seed, "adaboost") };
        for (var m = 0; m < k; m++)
        {
            var leaves = settings.MatchedLeaves[m];
            baggedClean[m] = Bag(data.TrainView, leaves, "clean");
            baggedNoisy[m] = Bag(noisyView, leaves, "noisy");
            boostedClean[m] = Error(Learners.LightGbm(context, settings.BoostingTrees, leaves, settings.LearningRate).Fit(data.TrainView), 0.5);
            boostedNoisy[m] = Error(Learners.LightGbm(context, settings.BoostingTrees, leaves, settings.LearningRate).Fit(noisyView), 0.5);
            var estimator = new AdaBoostEstimator(w => AdaBoostNoise.WeightedTree(context, leaves, w), options);
            var clean = estimator.Fit(data.TrainView);
            var noisy = estimator.Fit(noisyView);
            adaClean[m] = Rate(Errors(data.TestLabels, clean.StagedScores(data.TestView)[^1], 0.0));
            adaNoisy[m] = Rate(Errors(data.TestLabels, noisy.StagedScores(data.TestView)[^1], 0.0));
            var weights = noisy.RowWeights.ToArray();
            weightShare[m] = AdaBoostNoise.Share(weights, flipped, [.. Enumerable.Range(0, weights.Length)]);
            rounds[m] = (clean.MemberCount, noisy.MemberCount);
        }

        return new Repetition(stump, baggedClean, baggedNoisy, boostedClean, boostedNoisy, adaClean, adaNoisy, weightShare, flipped.Count(f => f) / (double)flipped.Length, rounds);
    }

    /// <summary>
    /// The 95% interval of the mean of one value per repetition. Fresh splits of one finite data set share rows, so their
    /// values correlate and the plain t interval is too narrow: the corrected resampled t interval (Nadeau and Bengio).
    /// Its correction ρ/(1 − ρ) comes from ρ = n_test / N, the correlation of two test-set estimates drawn from the same N
    /// rows; for the usual split of all N rows that is n_test / n_train. Here each repetition draws its 600 training and
    /// 600 test rows from all N = 4601, so ρ/(1 − ρ) = n_test / (N − n_test), passed as the design's test/train ratio. Independent draws do not share rows: the plain t interval, mean ± t(0.975; R − 1) · s / √R
    /// (MathNet's Student t quantile). Undefined (NaN) with fewer than 2 repetitions or an undefined value.
    /// </summary>
    public static Interval OverRepetitions(double[] values, bool splitsOfOneSet, int testRows, int poolRows)
    {
        if (values.Any(double.IsNaN))
        {
            return new Interval(double.NaN, double.NaN, double.NaN, 0.95, "undefined in a repetition");
        }

        if (splitsOfOneSet)
        {
            return CorrectedResampledT.Interval(values, ResamplingDesign.TrainTest(testRows, poolRows - testRows)).ToInterval();
        }

        var n = values.Length;
        var mean = values.Average();
        if (n < 2)
        {
            return new Interval(mean, double.NaN, double.NaN, 0.95, "t over independent draws");
        }

        var s = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 0.975) * s / Math.Sqrt(n);
        return new Interval(mean, mean - half, mean + half, 0.95, "t over independent draws");
    }

    /// <summary>The per-repetition table, so the spread behind each interval is visible.</summary>
    public static void Report(ReportBuilder report, Settings settings, RepeatedNoise repeated)
    {
        for (var r = 0; r < repeated.Runs.Count; r++)
        {
            var run = repeated.Runs[r];
            report.RepetitionRows.AddRow([repeated.Dataset, r, run.StumpError, run.BaggedStumpGain, run.BoostedStumpGain,
                .. settings.MatchedLeaves.SelectMany((_, m) => r < repeated.NoiseRuns ? new Cell[] { run.GradientDamage(m), run.AdaDamage(m), run.Concentration(m) } : ["not run", "not run", "not run"])]);
        }
    }

    /// <summary>The label-noise table and figure: mean test errors over the label-noise repetitions at clean and at the noisiest labels.</summary>
    public static NoiseMeans NoiseTable(ReportBuilder report, Settings settings, RepeatedNoise repeated)
    {
        var k = settings.MatchedLeaves.Count;
        double Mean(Func<Repetition, double> value) => repeated.Noisy.Average(value);
        var levels = new[] { 0.0, settings.NoiseLevels[^1] };
        var series = new List<Series>();
        var means = new NoiseMeans([.. Enumerable.Range(0, k).Select(m => (settings.MatchedLeaves[m], (Mean(r => r.BaggedClean[m]), Mean(r => r.BaggedNoisy[m])), (Mean(r => r.BoostedClean[m]), Mean(r => r.BoostedNoisy[m])), (Mean(r => r.AdaClean[m]), Mean(r => r.AdaNoisy[m]))))]);
        for (var level = 0; level < 2; level++)
        {
            var noisy = level == 1;
            report.Noise.AddRow([repeated.Dataset, levels[level], .. Enumerable.Range(0, k).SelectMany(m => new Cell[]
            {
                repeated.OverNoise(r => noisy ? r.BaggedNoisy[m] : r.BaggedClean[m]), repeated.OverNoise(r => noisy ? r.BoostedNoisy[m] : r.BoostedClean[m]), repeated.OverNoise(r => noisy ? r.AdaNoisy[m] : r.AdaClean[m]),
            })]);
        }

        foreach (var (leaves, bagged, boosted, ada) in means.Matched)
        {
            series.Add(new Series($"bagged {leaves}-leaf trees", levels, [bagged.Clean, bagged.Noisy]));
            series.Add(new Series($"gradient-boosted {leaves}-leaf trees", levels, [boosted.Clean, boosted.Noisy]));
            series.Add(new Series($"AdaBoost {leaves}-leaf trees", levels, [ada.Clean, ada.Noisy]));
        }

        report.NoiseFigures.Add(Figures.Line($"label-noise-{repeated.Dataset}.png", $"{repeated.Dataset}: mean test error over {repeated.NoiseRuns} repetitions vs share of flipped training labels (test labels clean)",
            "share of training labels flipped", "test error", series));
        return means;
    }

    public static ReportTable NewNoiseTable(IReadOnlyList<int> matchedLeaves) => new("label-noise", ["data set", "training labels flipped",
        .. matchedLeaves.SelectMany(l => new[] { $"bagged {l}-leaf trees test error (95% over repetitions)", $"gradient-boosted {l}-leaf trees", $"AdaBoost {l}-leaf trees" })]);

    public static ReportTable NewTable(IReadOnlyList<int> matchedLeaves) => new("repetitions", ["data set", "repetition", "one stump test error", "one stump − bagged stumps", "one stump − boosted stumps",
        .. matchedLeaves.SelectMany(l => new[] { $"gradient boosting's extra noise damage, {l}-leaf", $"AdaBoost's extra noise damage, {l}-leaf", $"AdaBoost's weight concentration, {l}-leaf" })]);

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
