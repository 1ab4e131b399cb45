using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace StratifiedCv;

/// <summary>The ways of cutting the data into folds that the scenario compares.</summary>
internal enum Splitter
{
    /// <summary>Shuffled k-fold (ClassicalML.Data KFold).</summary>
    Plain,

    /// <summary>Shuffled stratified k-fold on the label (ClassicalML.Data StratifiedKFold).</summary>
    Stratified,

    /// <summary>ML.NET's own folds: mlContext.Data.CrossValidationSplit, which BinaryClassification.CrossValidate uses.</summary>
    MlNet,

    /// <summary>ML.NET's folds with the label passed as samplingKeyColumnName.</summary>
    MlNetLabelKey,

    /// <summary>Stratified k-fold on the day/night attribute only.</summary>
    ByDay,

    /// <summary>Stratified k-fold on the label and the day/night attribute together (four strata).</summary>
    ByLabelAndDay,
}

/// <summary>One data set of the experiment: rows, binary label, optional day/night attribute and its ML.NET view.</summary>
internal sealed class CaseData
{
    public CaseData(string name, Dataset data, bool[] labels, bool[]? day, MLContext ml)
    {
        Name = name;
        Data = data;
        Labels = labels;
        Day = day;
        View = data.ToDataView(ml);
    }

    public string Name { get; }

    public Dataset Data { get; }

    public bool[] Labels { get; }

    public bool[]? Day { get; }

    public IDataView View { get; }

    public int Rows => Labels.Length;

    public int Positives => Labels.Count(x => x);
}

/// <summary>The score of one fold's model on the fold's test rows.</summary>
/// <param name="TestRows">Rows in the test part.</param>
/// <param name="Positives">Minority rows in the test part.</param>
/// <param name="AveragePrecision">Average precision (PR-AUC); NaN when undefined (no positive in the fold).</param>
/// <param name="F1">F1 at the threshold = the training part's positive share; NaN when not computed.</param>
/// <param name="ApUndefined">Whether BinaryReport.Undefined lists AveragePrecision (or the fold could not be scored).</param>
/// <param name="Note">Why the fold has no score (empty test part, training failed), else empty.</param>
internal sealed record FoldScore(int TestRows, int Positives, double AveragePrecision, double F1, bool ApUndefined, string Note);

/// <summary>The experiment's building blocks: splits, ML.NET folds, model fits.</summary>
internal static class Experiment
{
    /// <summary>The learner: features normalized to mean 0, variance 1 on the training part, then L-BFGS logistic
    /// regression on one thread (deterministic), iterations capped for speed (the model is not the point).</summary>
    public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.NormalizeMeanVariance("Features")
            .AppendCacheCheckpoint(ml)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                NumberOfThreads = 1,
                OptimizationTolerance = 1e-4f,
                MaximumNumberOfIterations = 50,
            }));

    /// <summary>Our splitters' folds for one repetition seed.</summary>
    public static FoldSplit Split(CaseData data, Splitter splitter, int k, int seed) => splitter switch
    {
        Splitter.Plain => new KFold(k, shuffle: true, seed: seed).Split(data.Rows),
        Splitter.Stratified => new StratifiedKFold(k, shuffle: true, seed: seed).Split<bool>(data.Labels),
        Splitter.ByDay => new StratifiedKFold(k, shuffle: true, seed: seed).Split<bool>(RequireDay(data)),
        Splitter.ByLabelAndDay => new StratifiedKFold(k, shuffle: true, seed: seed).Split<int>(
            [.. data.Labels.Zip(RequireDay(data), (label, day) => (label ? 2 : 0) + (day ? 1 : 0))]),
        _ => throw new ArgumentOutOfRangeException(nameof(splitter), splitter, $"splitter is {splitter}, which is ML.NET's; use MlNetFolds for it."),
    };

    /// <summary>ML.NET's folds (what BinaryClassification.CrossValidate trains and tests on), optionally keyed on the label.</summary>
    public static IReadOnlyList<DataOperationsCatalog.TrainTestData> MlNetFolds(MLContext ml, CaseData data, int k, int seed, bool labelAsKey) =>
        ml.Data.CrossValidationSplit(data.View, k, labelAsKey ? "Label" : null, seed);

    /// <summary>Rows and positives of each ML.NET test fold, read from the fold's Label column.</summary>
    public static FoldCount[] MlNetCounts(IReadOnlyList<DataOperationsCatalog.TrainTestData> folds) =>
        [.. folds.Select(f =>
        {
            bool[] labels = [.. f.TestSet.GetColumn<bool>("Label")];
            return new FoldCount(labels.Length, labels.Count(x => x));
        })];

    /// <summary>Fits the pipeline on a training part and scores the test part with ClassicalML.Evaluation.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="train">The training rows.</param>
    /// <param name="test">The test rows.</param>
    /// <param name="trainPositiveShare">The training part's positive share, used as the F1 threshold (at 0.5 the
    /// minority class of satellite is never predicted).</param>
    /// <returns>The fold's score; AP NaN and <see cref="FoldScore.ApUndefined"/> when the fold has no positive.</returns>
    public static FoldScore Fit(MLContext ml, IDataView train, IDataView test, double trainPositiveShare)
    {
        ITransformer model;
        try
        {
            model = Pipeline(ml).Fit(train);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return new FoldScore(0, 0, double.NaN, double.NaN, true, "training failed: " + FirstSentence(e.Message));
        }

        var read = model.Transform(test).ReadBinaryPredictions();
        int positives = read.Labels.Count(x => x);
        if (read.Labels.Length == 0)
        {
            return new FoldScore(0, 0, double.NaN, double.NaN, true, "empty test part");
        }

        var report = BinaryEvaluation.Evaluate(read.Labels, read.Scores, threshold: trainPositiveShare);
        bool undefined = report.Undefined.Any(u => u.Metric == nameof(BinaryReport.AveragePrecision));
        return new FoldScore(read.Labels.Length, positives, report.AveragePrecision, report.F1, undefined, string.Empty);
    }

    /// <summary>Scores every fold of one of our splits.</summary>
    public static FoldScore[] Score(MLContext ml, CaseData data, FoldSplit split)
    {
        int positives = data.Positives;
        return [.. split.Folds.Select(fold =>
        {
            int trainPositives = positives - fold.TestIndices.Count(i => data.Labels[i]);
            return Fit(ml, data.View.Select(fold.TrainIndices.AsSpan()), data.View.Select(fold.TestIndices.AsSpan()),
                (double)trainPositives / fold.TrainIndices.Length);
        })];
    }

    /// <summary>Scores every fold of ML.NET's split.</summary>
    public static FoldScore[] Score(MLContext ml, CaseData data, IReadOnlyList<DataOperationsCatalog.TrainTestData> folds, FoldCount[] counts)
    {
        var scores = new FoldScore[folds.Count];
        for (int f = 0; f < folds.Count; f++)
        {
            int trainRows = data.Rows - counts[f].Size;
            double share = trainRows == 0 ? double.NaN : (double)(data.Positives - counts[f].Flagged) / trainRows;
            scores[f] = counts[f].Size == 0
                ? new FoldScore(0, 0, double.NaN, double.NaN, true, "empty test part")
                : trainRows == 0
                    ? new FoldScore(counts[f].Size, counts[f].Flagged, double.NaN, double.NaN, true, "empty training part")
                    : Fit(ml, folds[f].TrainSet, folds[f].TestSet, share);
        }

        return scores;
    }

    /// <summary>The first sentence (or line) of an exception message, for one-line table cells.</summary>
    public static string FirstSentence(string message)
    {
        string line = message.Split('\n')[0].Trim();
        int stop = line.IndexOf(". ", StringComparison.Ordinal);
        return stop < 0 ? line : line[..(stop + 1)];
    }

    private static bool[] RequireDay(CaseData data) =>
        data.Day ?? throw new ArgumentException($"data set '{data.Name}' has no day/night attribute; stratify it on the label only.", nameof(data));
}
