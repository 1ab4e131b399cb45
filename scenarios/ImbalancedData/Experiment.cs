using System.Diagnostics;
using ClassicalML.Data;
using ClassicalML.Data.Resampling;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
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

/// <summary>The methods of one data set scored on its test rows, and how long each took to train.</summary>
internal sealed record DatasetRun(PreparedData Data, IReadOnlyList<ScoredMethod> Methods, IReadOnlyDictionary<string, double> TrainSeconds)
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
    /// <summary>Method ids in display order.</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> MethodNames =
    [
        ("majority", "always majority (baseline)"),
        ("LR", "logistic regression"),
        ("LR-w", "LR + class weights"),
        ("LR-ROS", "LR + random over-sampling"),
        ("LR-RUS", "LR + random under-sampling"),
        ("LR-SMOTE", "LR + SMOTE"),
        ("LR-thr", "LR + threshold moving"),
        ("SMOTE-thr", "LR + SMOTE + threshold moving"),
        ("FT", "FastTree"),
        ("FT-unb", "FastTree + UnbalancedSets"),
        ("FT-w", "FastTree + class weights"),
        ("FT-thr", "FastTree + threshold moving"),
    ];

    /// <summary>The plain model each remedy is compared with.</summary>
    public static readonly IReadOnlyList<(string Remedy, string Plain)> RemedyPairs =
    [
        ("LR-w", "LR"), ("LR-ROS", "LR"), ("LR-RUS", "LR"), ("LR-SMOTE", "LR"), ("LR-thr", "LR"), ("SMOTE-thr", "LR"),
        ("FT-unb", "FT"), ("FT-w", "FT"), ("FT-thr", "FT"),
    ];

    /// <summary>Remedies that change the training data or its weights (claim: they trade precision for recall).</summary>
    public static readonly IReadOnlySet<string> RebalancingRemedies = new HashSet<string>(StringComparer.Ordinal) { "LR-w", "LR-ROS", "LR-RUS", "LR-SMOTE", "FT-unb", "FT-w" };

    /// <summary>Logistic-regression variants that differ only in the training data or weights (threshold 0.5).</summary>
    public static readonly IReadOnlyList<string> LrVariants = ["LR", "LR-w", "LR-ROS", "LR-RUS", "LR-SMOTE"];

    public static string NameOf(string id) => MethodNames.Single(m => m.Id == id).Name;

    /// <summary>Loads a catalogue data set as a binary task, optionally a stratified subsample, and splits it.</summary>
    public static PreparedData Prepare(string name, string task, Dataset dataset, int maxRows, double testFraction, double validationFraction, int seed)
    {
        bool[] allLabels = dataset.BinaryLabels();
        double[,] matrix = dataset.GetNumericMatrix();
        int[] rows = [.. Enumerable.Range(0, dataset.RowCount)];
        if (maxRows < dataset.RowCount)
        {
            // A stratified subsample: the test side of a stratified split of the size wanted.
            rows = [.. TrainTestSplit.Stratified<bool>(allLabels, (double)maxRows / dataset.RowCount, seed).TestIndices];
        }

        int width = matrix.GetLength(1);
        double[][] features = [.. rows.Select(r => Enumerable.Range(0, width).Select(c => matrix[r, c]).ToArray())];
        bool[] labels = [.. rows.Select(r => allLabels[r])];
        var split = TrainTestSplit.Stratified<bool>(labels, testFraction, seed + 1);
        int[] train = [.. split.TrainIndices];
        bool[] trainLabels = [.. train.Select(r => labels[r])];
        var inner = TrainTestSplit.Stratified<bool>(trainLabels, validationFraction, seed + 2);
        return new PreparedData(name, task, dataset.RowCount, features, labels, train, [.. split.TestIndices],
            [.. inner.TrainIndices.Select(i => train[i])], [.. inner.TestIndices.Select(i => train[i])]);
    }

    /// <summary>Trains and scores every method of <see cref="MethodNames"/> on the data set's test rows.</summary>
    public static DatasetRun RunMethods(PreparedData data, ImbalancedDataSettings settings, int seed, IProgressReporter progress)
    {
        var methods = new List<ScoredMethod>();
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        int[] heldOut = [.. data.Test.Concat(data.Validation)];
        IReadOnlyList<bool> trainLabels = data.LabelsOf(data.Train);
        IReadOnlyList<bool> fitLabels = data.LabelsOf(data.Fit);
        var ml = new MLContext(seed);
        IDataView test = Learners.ToView(ml, data.FeaturesOf(data.Test), data.LabelsOf(data.Test));
        IDataView validation = Learners.ToView(ml, data.FeaturesOf(data.Validation), data.LabelsOf(data.Validation));
        IDataView train = Learners.ToView(ml, data.FeaturesOf(data.Train), trainLabels);
        IDataView trainWeighted = Learners.ToView(ml, data.FeaturesOf(data.Train), trainLabels, Learners.BalancedWeights(trainLabels));
        IDataView fit = Learners.ToView(ml, data.FeaturesOf(data.Fit), fitLabels);

        IDataView Resampled(Sampler sampler, int[] rows, int[] held)
        {
            var result = sampler.Resample<bool>(rows, held, data.Labels, data.Features);
            return Learners.ToView(ml, result.Features(), result.Labels());
        }

        var lr = (bool weighted) => Learners.LogisticRegression(ml, settings, weighted);
        var ft = (bool unbalanced, bool weighted) => Learners.FastTree(ml, settings, seed, unbalanced, weighted);
        var steps = new (string Id, Func<ScoredMethod> Run)[]
        {
            ("majority", () => new ScoredMethod("majority", NameOf("majority"), new double[data.Test.Length], 0.5)),
            ("LR", () => Plain("LR", lr(false), train)),
            ("LR-w", () => Plain("LR-w", lr(true), trainWeighted)),
            ("LR-ROS", () => Plain("LR-ROS", lr(false), Resampled(new RandomOverSampler(seed + 10), data.Train, data.Test))),
            ("LR-RUS", () => Plain("LR-RUS", lr(false), Resampled(new RandomUnderSampler(seed + 11), data.Train, data.Test))),
            ("LR-SMOTE", () => Plain("LR-SMOTE", lr(false), Resampled(new Smote(seed + 12), data.Train, data.Test))),
            ("LR-thr", () => ThresholdMoved("LR-thr", lr(false), fit)),
            ("SMOTE-thr", () => ThresholdMoved("SMOTE-thr", lr(false), Resampled(new Smote(seed + 13), data.Fit, heldOut))),
            ("FT", () => Plain("FT", ft(false, false), train)),
            ("FT-unb", () => Plain("FT-unb", ft(true, false), train)),
            ("FT-w", () => Plain("FT-w", ft(false, true), trainWeighted)),
            ("FT-thr", () => ThresholdMoved("FT-thr", ft(false, false), fit)),
        };

        for (int i = 0; i < steps.Length; i++)
        {
            progress.Report($"{data.Name}: methods", i, steps.Length);
            var watch = Stopwatch.StartNew();
            methods.Add(steps[i].Run());
            seconds[steps[i].Id] = watch.Elapsed.TotalSeconds;
        }

        progress.Report($"{data.Name}: methods", steps.Length, steps.Length);
        return new DatasetRun(data, methods, seconds);

        ScoredMethod Plain(string id, IEstimator<ITransformer> estimator, IDataView trainOn) =>
            new(id, NameOf(id), Learners.FitAndScore(estimator, trainOn, test)[0], 0.5);

        ScoredMethod ThresholdMoved(string id, IEstimator<ITransformer> estimator, IDataView trainOn)
        {
            var scores = Learners.FitAndScore(estimator, trainOn, validation, test);
            double threshold = ThresholdSelection.MaximizeF1(data.LabelsOf(data.Validation), scores[0]).Threshold;
            return new ScoredMethod(id, NameOf(id), scores[1], threshold);
        }
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
            ("random over-sampling", () => new RandomOverSampler(seed + 20)),
            ("SMOTE", () => new Smote(seed + 21)),
        };
        int step = 0;
        foreach (var (samplerName, make) in samplers)
        {
            progress.Report($"{data.Name}: leak check", step++, 2 * samplers.Length);

            // Proper: split first, resample only the fit rows; validation and test rows stay untouched.
            var proper = make().Resample<bool>(data.Fit, [.. data.Validation.Concat(data.Test)], data.Labels, data.Features);
            var properScores = Learners.FitAndScore(
                Learners.FastTree(ml, settings, seed, false, false),
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
            var leakySplit = TrainTestSplit.Stratified<bool>(leakyLabels, settings.ValidationFraction, seed + 22);
            var leakyFit = leakySplit.TrainIndices.Select(i => leaky.Rows[i]).ToList();
            var leakyValidation = leakySplit.TestIndices.Select(i => leaky.Rows[i]).ToList();
            var leakyScores = Learners.FitAndScore(
                Learners.FastTree(ml, settings, seed, false, false),
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
