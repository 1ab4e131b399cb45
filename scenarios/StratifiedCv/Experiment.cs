using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ClassicalML.Scenarios.StratifiedCv;

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
}

/// <summary>One data set of the experiment: rows, binary label and its ML.NET view.</summary>
internal sealed class CaseData
{
    public CaseData(string name, Dataset data, MLContext ml)
    {
        Name = name;
        Data = data;
        Labels = data.BinaryLabels();
        View = data.ToDataView(ml);
    }

    public string Name { get; }

    public Dataset Data { get; }

    public bool[] Labels { get; }

    public IDataView View { get; }

    public int Rows => Labels.Length;

    public int Positives => Labels.Count(x => x);
}

/// <summary>The score of one fold's model on the fold's test rows.</summary>
/// <param name="TestRows">Rows in the test part.</param>
/// <param name="Positives">Minority rows in the test part.</param>
/// <param name="AveragePrecision">Average precision (PR-AUC); NaN when undefined (no positive in the fold).</param>
/// <param name="F1">F1 at the threshold = the training part's positive share; NaN when not computed.</param>
/// <param name="LogLoss">Mean log loss (natural log) of the predicted probabilities; NaN when not computed.</param>
/// <param name="ApUndefined">Whether BinaryReport.Undefined lists AveragePrecision (or the fold could not be scored).</param>
/// <param name="Note">Why the fold has no score (empty test part, training failed), else empty.</param>
internal sealed record FoldScore(int TestRows, int Positives, double AveragePrecision, double F1, double LogLoss, bool ApUndefined, string Note)
{
    public static FoldScore Unscored(int rows, int positives, string note) => new(rows, positives, double.NaN, double.NaN, double.NaN, true, note);
}

/// <summary>The learner of every fit: features normalized to mean 0, variance 1 on the training part, then L-BFGS
/// logistic regression on one thread (deterministic), L1 = 0 and L2 = <see cref="L2"/> set deliberately (ML.NET's
/// defaults are 1 and 1).</summary>
/// <param name="MaximumIterations">The L-BFGS iteration cap.</param>
/// <param name="Tolerance">The L-BFGS optimization tolerance.</param>
/// <param name="L2">The L2 regularization weight.</param>
public sealed record Learner(int MaximumIterations, float Tolerance, float L2)
{
    /// <summary>The pipeline: normalization, cache, L-BFGS logistic regression.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <returns>The estimator.</returns>
    public IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.NormalizeMeanVariance("Features")
            .AppendCacheCheckpoint(ml)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                NumberOfThreads = 1,
                OptimizationTolerance = Tolerance,
                MaximumNumberOfIterations = MaximumIterations,
                L1Regularization = 0,
                L2Regularization = L2,
            }));
}

/// <summary>The experiment's building blocks: splits, ML.NET folds, model fits.</summary>
internal static class Experiment
{
    /// <summary>Our splitters' folds for one repetition seed.</summary>
    public static FoldSplit Split(bool[] labels, Splitter splitter, int k, int seed) => splitter switch
    {
        Splitter.Plain => new KFold(k, shuffle: true, seed: seed).Split(labels.Length),
        Splitter.Stratified => new StratifiedKFold(k, shuffle: true, seed: seed).Split<bool>(labels),
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

    /// <summary>Fits the learner on a training part and returns the test part's labels and predicted probabilities.</summary>
    public static BinaryPredictions Predict(MLContext ml, Learner learner, IDataView train, IDataView test) =>
        learner.Pipeline(ml).Fit(train).Transform(test).ReadBinaryPredictions();

    /// <summary>Fits the learner on a training part and scores the test part with ClassicalML.Evaluation.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="learner">The learner.</param>
    /// <param name="train">The training rows.</param>
    /// <param name="test">The test rows.</param>
    /// <param name="trainPositiveShare">The training part's positive share, used as the F1 threshold (at 0.5 the
    /// minority class of satellite is never predicted).</param>
    /// <returns>The fold's score; AP NaN and <see cref="FoldScore.ApUndefined"/> when the fold has no positive.</returns>
    public static FoldScore Fit(MLContext ml, Learner learner, IDataView train, IDataView test, double trainPositiveShare)
    {
        BinaryPredictions read;
        try
        {
            read = Predict(ml, learner, train, test);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return FoldScore.Unscored(0, 0, "training failed: " + FirstSentence(e.Message));
        }

        int positives = read.Labels.Count(x => x);
        if (read.Labels.Length == 0)
        {
            return FoldScore.Unscored(0, 0, "empty test part");
        }

        var report = BinaryEvaluation.Evaluate(read.Labels, read.Scores, threshold: trainPositiveShare);
        bool undefined = report.Undefined.Any(u => u.Metric == nameof(BinaryReport.AveragePrecision));
        return new FoldScore(read.Labels.Length, positives, report.AveragePrecision, report.F1, report.LogLoss ?? double.NaN, undefined, string.Empty);
    }

    /// <summary>Scores every fold of one of our splits.</summary>
    public static FoldScore[] Score(MLContext ml, Learner learner, CaseData data, FoldSplit split)
    {
        int positives = data.Positives;
        return [.. split.Folds.Select(fold =>
        {
            int trainPositives = positives - fold.TestIndices.Count(i => data.Labels[i]);
            return Fit(ml, learner, data.View.Select(fold.TrainIndices.AsSpan()), data.View.Select(fold.TestIndices.AsSpan()),
                (double)trainPositives / fold.TrainIndices.Length);
        })];
    }

    /// <summary>The first sentence (or line) of an exception message, for one-line table cells.</summary>
    public static string FirstSentence(string message)
    {
        string line = message.Split('\n')[0].Trim();
        int stop = line.IndexOf(". ", StringComparison.Ordinal);
        return stop < 0 ? line : line[..(stop + 1)];
    }
}
