using System.Diagnostics;
using ClassicalML.Data;
using ClassicalML.Data.Resampling;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using ClassicalML.Models.Convergence;
using Microsoft.ML;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>One binary data set, (sub)sampled, with its stratified splits.</summary>
/// <param name="Name">Short name, e.g. <c>satellite</c>.</param>
/// <param name="Task">The binary task in words, e.g. "damp grey soil vs rest".</param>
/// <param name="SourceRows">Rows in the catalogue file.</param>
/// <param name="Features">Numeric features of the rows used.</param>
/// <param name="Labels">True for the minority (positive) class.</param>
/// <param name="Train">Training rows (stratified, 1 − test fraction).</param>
/// <param name="Test">Held-out test rows, never resampled, used only for the final numbers.</param>
/// <param name="Fit">The training rows that fit the model when a threshold is chosen on <paramref name="Validation"/>.</param>
/// <param name="Validation">Training rows held out to choose a threshold (and, in the leak check, to report a score).</param>
internal sealed record PreparedData(string Name, string Task, int SourceRows, double[][] Features, bool[] Labels, int[] Train, int[] Test, int[] Fit, int[] Validation)
{
    public int Positives => Labels.Count(l => l);

    public double Prevalence => (double)Positives / Labels.Length;

    public bool[] LabelsOf(IReadOnlyList<int> rows) => [.. rows.Select(r => Labels[r])];

    public double[][] FeaturesOf(IReadOnlyList<int> rows) => [.. rows.Select(r => Features[r])];
}

/// <summary>One data set's rows as a binary task, before any split.</summary>
/// <param name="Name">Short name, e.g. <c>satellite</c>.</param>
/// <param name="Task">The binary task in words.</param>
/// <param name="SourceRows">Rows in the catalogue file.</param>
/// <param name="Features">Numeric features of the rows used.</param>
/// <param name="Labels">True for the minority (positive) class.</param>
internal sealed record SourceData(string Name, string Task, int SourceRows, double[][] Features, bool[] Labels);

/// <summary>One split of one data set: its statistics, and for split 1 (the display split) the scored methods and leak runs.</summary>
/// <param name="Index">0-based split index (split 1 is index 0).</param>
/// <param name="Display">The methods scored on the test rows (split 1 only; null otherwise).</param>
/// <param name="DisplayLeaks">The leak runs (split 1 only; null otherwise).</param>
/// <param name="Statistics">Every per-split statistic the claims read.</param>
/// <param name="Seconds">Wall-clock seconds of the split (timings only).</param>
internal sealed record SplitOutcome(int Index, DatasetRun? Display, IReadOnlyList<LeakRun>? DisplayLeaks, SplitStatistics Statistics, double Seconds);

/// <summary>A progress reporter that reports nothing (splits run in parallel; the split loop reports).</summary>
internal sealed class NoProgress : IProgressReporter
{
    public static readonly NoProgress Instance = new();

    public void Report(string stage, int completed, int total)
    {
    }
}

/// <summary>The methods of one data set scored on its test rows, the checks of their fits, and how long each took.</summary>
/// <param name="Data">The data set and its splits.</param>
/// <param name="Methods">Every method's test scores and threshold, in <see cref="Experiment.MethodNames"/> order.</param>
/// <param name="Convergence">The convergence check of every logistic-regression fit, by method id.</param>
/// <param name="Scaling">The feature scaling logistic regression sees (z-scores) against ML.NET's default normaliser.</param>
/// <param name="TrainSeconds">Wall-clock seconds per step (not reproducible; timings only).</param>
internal sealed record DatasetRun(
    PreparedData Data,
    IReadOnlyList<ScoredMethod> Methods,
    IReadOnlyDictionary<string, ConvergenceCheck> Convergence,
    FeatureScaling Scaling,
    IReadOnlyDictionary<string, double> TrainSeconds)
{
    public ScoredMethod Method(string id) => Methods.Single(m => m.Id == id);
}

/// <summary>One protocol of the leak check: a model trained on resampled rows, its reported and its true scores.</summary>
/// <param name="Sampler">Over-sampler used.</param>
/// <param name="Leaky">True when the data were over-sampled before the split.</param>
/// <param name="Reported">The model scored on the protocol's own validation rows (what its author would report).</param>
/// <param name="ReportedLabels">Labels of those validation rows.</param>
/// <param name="Test">The same model scored on the untouched test rows.</param>
/// <param name="TwinShare">Share of the validation positives that share an original row with a training row.</param>
internal sealed record LeakRun(string Sampler, bool Leaky, ScoredMethod Reported, bool[] ReportedLabels, ScoredMethod Test, double TwinShare);

/// <summary>The experiment: data preparation, the methods and the leak check. All draws derive from the settings' seed.</summary>
internal static class Experiment
{
    /// <summary>The two base learners.</summary>
    public static readonly IReadOnlyList<string> LearnerIds = ["LR", "FT"];

    /// <summary>The remedies, each applied to both learners: the suffix of the method id and what it does to the training rows.</summary>
    public static readonly IReadOnlyList<(string Suffix, string Name)> Remedies =
    [
        ("w", "class weights (n / 2n_c)"),
        ("ROS", "random over-sampling"),
        ("RUS", "random under-sampling"),
        ("SMOTE", "SMOTE"),
        ("NOISE", "noise-perturbed copies (smoothed bootstrap)"),
    ];

    /// <summary>Remedies of the answer's "over-sampling or under-sampling" point (class weights: its expected-value form).</summary>
    public static readonly IReadOnlyList<string> ResamplingRemedies = ["w", "ROS", "RUS"];

    /// <summary>Remedies of the answer's "data augmentation" point: noise-perturbed copies, and SMOTE's interpolations.</summary>
    public static readonly IReadOnlyList<string> AugmentationRemedies = ["NOISE", "SMOTE"];

    /// <summary>Method ids in display order, with their names.</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> MethodNames =
    [
        ("majority", "always majority (baseline)"),
        .. LearnerIds.SelectMany(l => new[]
        {
            (l, LearnerName(l)),
            ($"{l}-tuned", $"{LearnerName(l)}, threshold tuned on out-of-fold training scores (fair baseline)"),
        }.Concat(Remedies.Select(r => ($"{l}-{r.Suffix}", $"{LearnerName(l)} + {r.Name}")))),
    ];

    public static string LearnerName(string learner) => learner == "LR" ? "logistic regression" : "FastTree";

    public static string NameOf(string id) => MethodNames.Single(m => m.Id == id).Name;

    /// <summary>Loads a catalogue data set as a binary task, optionally a stratified subsample (drawn once, shared by every split).</summary>
    public static SourceData Load(string name, string task, Dataset dataset, int maxRows, int seed)
    {
        bool[] allLabels = dataset.BinaryLabels();
        double[,] matrix = dataset.GetNumericMatrix();
        int[] rows = [.. Enumerable.Range(0, dataset.RowCount)];
        if (maxRows < dataset.RowCount)
        {
            // A stratified subsample: the test side of a stratified split of the size wanted.
            rows = [.. TrainTestSplit.Stratified<bool>(allLabels, (double)maxRows / dataset.RowCount, Seeds.Derive(seed, "subsample")).TestIndices];
        }

        int width = matrix.GetLength(1);
        double[][] features = [.. rows.Select(r => Enumerable.Range(0, width).Select(c => matrix[r, c]).ToArray())];
        return new SourceData(name, task, dataset.RowCount, features, [.. rows.Select(r => allLabels[r])]);
    }

    /// <summary>One stratified train/test split of the rows, with the stratified fit/validation split of its training rows.</summary>
    public static PreparedData Split(SourceData source, ImbalancedDataSettings settings, int seed)
    {
        bool[] labels = source.Labels;
        var split = TrainTestSplit.Stratified<bool>(labels, settings.TestFraction, Seeds.Derive(seed, "test split"));
        int[] train = [.. split.TrainIndices];
        bool[] trainLabels = [.. train.Select(r => labels[r])];
        var inner = TrainTestSplit.Stratified<bool>(trainLabels, settings.ValidationFraction, Seeds.Derive(seed, "validation split"));
        return new PreparedData(source.Name, source.Task, source.SourceRows, source.Features, labels, train, [.. split.TestIndices],
            [.. inner.TrainIndices.Select(i => train[i])], [.. inner.TestIndices.Select(i => train[i])]);
    }

    /// <summary>Loads and splits once: split 1 of <see cref="Load"/> and <see cref="Split"/> with the same seed.</summary>
    public static PreparedData Prepare(string name, string task, Dataset dataset, int maxRows, ImbalancedDataSettings settings, int seed) =>
        Split(Load(name, task, dataset, maxRows, seed), settings, seed);

    /// <summary>The seed of split <paramref name="index"/> (0-based) of a stream: split 1 keeps the stream's own seed (the
    /// single split of the earlier design), split k + 1 derives "split k" from it.</summary>
    public static int SplitSeed(int seed, int index) => index == 0 ? seed : Seeds.Derive(seed, $"split {index.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>
    /// Runs every split of every data set: a fresh stratified split, fresh remedy draws, fresh model seeds and an own
    /// MLContext per split, the methods, the leak check and the per-split statistics. Splits run on up to
    /// <paramref name="parallelism"/> threads; each writes only its own slot and every trainer is single-threaded and
    /// seeded, so the results do not depend on the thread count.
    /// </summary>
    public static IReadOnlyList<SplitOutcome>[] RunSplits(IReadOnlyList<SourceData> sources, ImbalancedDataSettings settings, int parallelism, IProgressReporter progress)
    {
        int splits = settings.Splits;
        var outcomes = new SplitOutcome[sources.Count * splits];
        int done = 0;
        var gate = new object();
        progress.Report("splits", 0, outcomes.Length);
        Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, k =>
        {
            var watch = Stopwatch.StartNew();
            SourceData source = sources[k / splits];
            int index = k % splits;
            var data = Split(source, settings, SplitSeed(Seeds.Derive(settings.Seed, $"data set {source.Name}"), index));
            var run = RunMethods(data, settings, SplitSeed(Seeds.Derive(settings.Seed, $"methods {source.Name}"), index), NoProgress.Instance);
            var leaks = RunLeak(data, settings, SplitSeed(Seeds.Derive(settings.Seed, $"leak {source.Name}"), index), NoProgress.Instance);
            var statistics = Comparison.OfSplit(index, run, leaks);
            outcomes[k] = new SplitOutcome(index, index == 0 ? run : null, index == 0 ? leaks : null, statistics, watch.Elapsed.TotalSeconds);
            lock (gate)
            {
                progress.Report("splits", ++done, outcomes.Length);
            }
        });

        return [.. sources.Select((_, d) => (IReadOnlyList<SplitOutcome>)outcomes[(d * splits)..((d + 1) * splits)])];
    }

    /// <summary>Trains and scores every method of <see cref="MethodNames"/> on the data set's test rows, and checks the fits.</summary>
    public static DatasetRun RunMethods(PreparedData data, ImbalancedDataSettings settings, int seed, IProgressReporter progress)
    {
        var ml = new MLContext(seed);
        bool[] trainLabels = data.LabelsOf(data.Train);
        double[][] trainFeatures = data.FeaturesOf(data.Train);
        IDataView test = Learners.ToView(ml, data.FeaturesOf(data.Test), data.LabelsOf(data.Test));
        IDataView Resampled(Sampler sampler)
        {
            var result = sampler.Resample<bool>(data.Train, data.Test, data.Labels, data.Features);
            return Learners.ToView(ml, result.Features(), result.Labels());
        }

        // One training set per remedy, shared by both learners (the same resampled rows for LR and FastTree).
        var training = new Dictionary<string, IDataView>(StringComparer.Ordinal)
        {
            [string.Empty] = Learners.ToView(ml, trainFeatures, trainLabels),
            ["w"] = Learners.Weighted(ml, trainFeatures, trainLabels),
            ["ROS"] = Resampled(new RandomOverSampler(Seeds.Derive(seed, "ROS"))),
            ["RUS"] = Resampled(new RandomUnderSampler(Seeds.Derive(seed, "RUS"))),
            ["SMOTE"] = Resampled(new Smote(Seeds.Derive(seed, "SMOTE"))),
            ["NOISE"] = Resampled(new RandomOverSampler(Seeds.Derive(seed, "NOISE")) { Shrinkage = settings.Shrinkage }),
        };
        var methods = new List<ScoredMethod> { new("majority", NameOf("majority"), new double[data.Test.Length], 0.5) };
        var convergence = new Dictionary<string, ConvergenceCheck>(StringComparer.Ordinal);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        int step = 0, steps = LearnerIds.Count * (training.Count + 1);
        foreach (string learner in LearnerIds)
        {
            foreach (var (suffix, view) in training)
            {
                progress.Report($"{data.Name}: methods", step++, steps);
                string id = suffix.Length == 0 ? learner : $"{learner}-{suffix}";
                var estimator = learner == "LR" ? Learners.LogisticRegression(ml, settings, suffix == "w") : Learners.FastTree(ml, settings, seed, suffix == "w");
                var watch = Stopwatch.StartNew();
                methods.Add(new ScoredMethod(id, NameOf(id), Learners.FitAndScore(estimator, view, test)[0], 0.5));
                seconds[id] = watch.Elapsed.TotalSeconds;
                if (learner == "LR")
                {
                    watch.Restart();
                    convergence[id] = Learners.Convergence(ml, view, settings, suffix == "w");
                    seconds[$"{id} convergence check"] = watch.Elapsed.TotalSeconds;
                }

                if (suffix.Length == 0)
                {
                    progress.Report($"{data.Name}: methods", step++, steps);
                    watch.Restart();
                    double threshold = Learners.TunedThreshold(estimator, view, trainLabels, settings.ThresholdFolds, Seeds.Derive(seed, "threshold folds"));
                    methods.Add(methods[^1] with { Id = $"{learner}-tuned", Name = NameOf($"{learner}-tuned"), Threshold = threshold });
                    seconds[$"{learner}-tuned"] = watch.Elapsed.TotalSeconds;
                }
            }
        }

        progress.Report($"{data.Name}: methods", steps, steps);
        var order = MethodNames.Select(m => m.Id).ToList();
        return new DatasetRun(data, [.. methods.OrderBy(m => order.IndexOf(m.Id))], convergence, Learners.Scaling(ml, training[string.Empty]), seconds);
    }

    /// <summary>
    /// The leak check with FastTree: over-sampling only the fit rows (proper) against over-sampling all training rows
    /// and then splitting the result (leaky). Both report on their own validation rows and are also scored on the
    /// untouched test rows.
    /// </summary>
    public static IReadOnlyList<LeakRun> RunLeak(PreparedData data, ImbalancedDataSettings settings, int seed, IProgressReporter progress)
    {
        var ml = new MLContext(seed);
        IDataView test = Learners.ToView(ml, data.FeaturesOf(data.Test), data.LabelsOf(data.Test));
        var runs = new List<LeakRun>();
        var samplers = new (string Name, Func<Sampler> Make)[]
        {
            ("random over-sampling", () => new RandomOverSampler(Seeds.Derive(seed, "random over-sampling"))),
            ("SMOTE", () => new Smote(Seeds.Derive(seed, "SMOTE"))),
        };
        int step = 0;
        foreach (var (samplerName, make) in samplers)
        {
            progress.Report($"{data.Name}: leak check", step++, 2 * samplers.Length);

            // Proper: split first, resample only the fit rows; validation and test rows stay untouched.
            var proper = make().Resample<bool>(data.Fit, [.. data.Validation.Concat(data.Test)], data.Labels, data.Features);
            var properScores = Learners.FitAndScore(
                Learners.FastTree(ml, settings, seed, weighted: false),
                Learners.ToView(ml, proper.Features(), proper.Labels()),
                Learners.ToView(ml, data.FeaturesOf(data.Validation), data.LabelsOf(data.Validation)),
                test);
            runs.Add(new LeakRun(samplerName, false,
                new ScoredMethod("proper-reported", "proper, reported", properScores[0], 0.5), data.LabelsOf(data.Validation),
                new ScoredMethod("proper-test", "proper, test", properScores[1], 0.5),
                TwinShare(data.Validation.Select(r => new ResampledRow<bool>(data.Labels[r], r, null, 0, [])).ToList(), proper.Rows)));
            progress.Report($"{data.Name}: leak check", step++, 2 * samplers.Length);

            // Leaky: resample every training row first, then split the resampled rows into fit and validation.
            var leaky = make().Resample<bool>(data.Train, data.Test, data.Labels, data.Features);
            bool[] leakyLabels = leaky.Labels();
            var leakySplit = TrainTestSplit.Stratified<bool>(leakyLabels, settings.ValidationFraction, Seeds.Derive(seed, "leaky split"));
            var leakyFit = leakySplit.TrainIndices.Select(i => leaky.Rows[i]).ToList();
            var leakyValidation = leakySplit.TestIndices.Select(i => leaky.Rows[i]).ToList();
            var leakyScores = Learners.FitAndScore(
                Learners.FastTree(ml, settings, seed, weighted: false),
                Learners.ToView(ml, [.. leakyFit.Select(r => r.Features.ToArray())], [.. leakyFit.Select(r => r.Label)]),
                Learners.ToView(ml, [.. leakyValidation.Select(r => r.Features.ToArray())], [.. leakyValidation.Select(r => r.Label)]),
                test);
            runs.Add(new LeakRun(samplerName, true,
                new ScoredMethod("leaky-reported", "leaky, reported", leakyScores[0], 0.5), [.. leakyValidation.Select(r => r.Label)],
                new ScoredMethod("leaky-test", "leaky, test", leakyScores[1], 0.5),
                TwinShare(leakyValidation, leakyFit)));
        }

        progress.Report($"{data.Name}: leak check", step, 2 * samplers.Length);
        return runs;
    }

    /// <summary>
    /// The share of positive evaluation rows that share an original data row (a copy's source, or a SMOTE parent)
    /// with at least one training row: those rows have a twin or a sibling in training.
    /// </summary>
    /// <returns>The share in [0, 1]; NaN when there is no positive evaluation row.</returns>
    public static double TwinShare(IReadOnlyList<ResampledRow<bool>> evaluation, IReadOnlyList<ResampledRow<bool>> training)
    {
        var trainingParents = new HashSet<int>();
        foreach (var row in training)
        {
            trainingParents.Add(row.SourceIndex);
            if (row.NeighbourIndex is int n)
            {
                trainingParents.Add(n);
            }
        }

        int positives = 0, twins = 0;
        foreach (var row in evaluation.Where(r => r.Label))
        {
            positives++;
            if (trainingParents.Contains(row.SourceIndex) || (row.NeighbourIndex is int n && trainingParents.Contains(n)))
            {
                twins++;
            }
        }

        return positives == 0 ? double.NaN : (double)twins / positives;
    }
}
