using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using ClassicalML.Data.Resampling;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data.Training;

/// <summary>
/// A cross-validation loop for any ML.NET binary estimator over the folds of a <see cref="FoldSplit"/>, with optional
/// resampling or class weighting of the training rows, evaluated with ClassicalML.Evaluation.
/// </summary>
/// <remarks>
/// <para>For each fold f: the training rows are selected (<see cref="DataViewSubset.Select"/>), optionally resampled or
/// weighted, the estimator is fitted on them, the fitted model scores the untouched test rows, and the labels and scores
/// are read (probability column when present, else raw score) and evaluated with <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>.
/// The out-of-fold predictions of all folds are then put back in row order and evaluated once more (pooled).</para>
/// <para>Resampling (<see cref="CrossValidationOptions.Sampler"/>): the label and the feature vector column of every
/// row are read once; each fold's training rows are resampled with <see cref="Sampler.Resample{TLabel}(Fold, ReadOnlySpan{TLabel}, IReadOnlyList{double[]})"/>
/// (test rows are never passed to the sampler) and the resampled matrix becomes a new training view through
/// <see cref="Dataset.FromNumeric"/>. That view holds only the label column, the feature vector column (under their
/// configured names) and scalar copies <c>x0</c>, <c>x1</c>, …; any other column of the data is absent, so with a sampler
/// the estimator may read only the label, the feature vector and the weight column. Featurize (encode, concatenate)
/// the whole data before cross-validating, with transforms that learn nothing from the rows, or use weighting instead.
/// Feature values pass through double unchanged, so copied rows are bit-identical to the originals.</para>
/// <para>Weighting (<see cref="CrossValidationOptions.Weighting"/>): a Single column named
/// <see cref="CrossValidationOptions.WeightColumnName"/> is appended to each training view (after resampling, if any),
/// computed from that fold's training labels only; the trainer uses it only when its <c>ExampleWeightColumnName</c>
/// names it (e.g. <c>mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(exampleWeightColumnName: "Weight")</c>).
/// The test rows carry no weight.</para>
/// <para>Calibration (<see cref="CrossValidationOptions.Calibration"/>): each fold's raw test scores are mapped to
/// probabilities by a Platt or isotonic calibrator (ClassicalML.Evaluation's <see cref="ScoreCalibrator"/>) fitted on
/// out-of-fold raw scores of that fold's training rows only, from an inner stratified k-fold (not shuffled) over them,
/// each inner model trained as the outer one (same sampler and weighting); the outer model is still fitted on all
/// training rows (scikit-learn's <c>CalibratedClassifierCV(cv=k, ensemble=False)</c>). The test rows never reach the
/// calibrator, so a reliability curve or ECE of <see cref="CrossValidationResult.OutOfFold"/> measures calibration on
/// rows it was not fitted on. The raw scores are kept in <see cref="FoldPredictions.RawScores"/>, the calibrators in
/// <see cref="CrossValidationFold.Calibrator"/>. Each outer fold fits 1 + <see cref="CrossValidationOptions.CalibrationFolds"/> models.</para>
/// <para>Reproducibility: the split and the sampler are seeded, so the rows of every fold are fixed. The fitted models are
/// reproducible only when the trainer is: seed the <see cref="MLContext"/> (<c>new MLContext(seed: 0)</c>) and, for SDCA,
/// FastTree and LightGBM, set <c>NumberOfThreads = 1</c>, because multi-threaded training sums in a varying order.
/// <see cref="CrossValidationFold.TrainingTime"/> is never reproducible.</para>
/// </remarks>
public static class CrossValidation
{
    /// <summary>Cross-validates <paramref name="estimator"/> over the folds of <paramref name="split"/>.</summary>
    /// <param name="data">The data; row i of the view is row i of the split. Its label column must be Boolean.</param>
    /// <param name="estimator">Any estimator whose fitted model writes a score (and optionally a probability) column, e.g. a binary trainer or a pipeline ending in one.</param>
    /// <param name="split">The folds, made on the same rows (e.g. <see cref="StratifiedKFold.Split{TKey}"/> on the labels).</param>
    /// <param name="options">Column names, threshold, sampler and weighting; <see langword="null"/> for the defaults.</param>
    /// <returns>The per-fold and pooled predictions and reports.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/>, <paramref name="estimator"/> or <paramref name="split"/> is null.</exception>
    /// <exception cref="ArgumentException">The label column is missing or not Boolean, the split was made on a different number of rows,
    /// the weight column already exists, the feature column is not a known-size Single vector (with a sampler), or the scored
    /// test rows lack the score column.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not finite.</exception>
    public static CrossValidationResult Run(IDataView data, IEstimator<ITransformer> estimator, FoldSplit split, CrossValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(split);
        options ??= new CrossValidationOptions();
        var labelName = options.LabelColumnName;
        var labels = ColumnReader.ReadBoolean(data, labelName, "options.LabelColumnName", "binary cross-validation");
        return Run(data, labels, estimator, split, options);
    }

    /// <summary>Stratifies <paramref name="data"/> on its Boolean label with <paramref name="splitter"/>, then runs <see cref="Run(IDataView, IEstimator{ITransformer}, FoldSplit, CrossValidationOptions?)"/>.</summary>
    /// <param name="data">The data; its label column must be Boolean.</param>
    /// <param name="estimator">The estimator to cross-validate.</param>
    /// <param name="splitter">The stratified k-fold splitter (seeded when it shuffles).</param>
    /// <param name="options">Column names, threshold, sampler and weighting; <see langword="null"/> for the defaults.</param>
    /// <returns>The per-fold and pooled predictions and reports.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">As for the <see cref="FoldSplit"/> overload, or the splitter refuses the labels (for example fewer rows of every class than folds).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer rows than folds, or the threshold is not finite.</exception>
    public static CrossValidationResult Run(IDataView data, IEstimator<ITransformer> estimator, StratifiedKFold splitter, CrossValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(splitter);
        options ??= new CrossValidationOptions();
        var labels = ColumnReader.ReadBoolean(data, options.LabelColumnName, "options.LabelColumnName", "binary cross-validation");
        var split = splitter.Split<bool>(labels);
        return Run(data, labels, estimator, split, options);
    }

    internal static CrossValidationResult Run(IDataView data, bool[] labels, IEstimator<ITransformer> estimator, FoldSplit split, CrossValidationOptions options)
    {
        if (options.Threshold is { } t)
        {
            Preconditions.CheckFiniteNumber(t, nameof(options), "Use null for the default (0.5 for probabilities, 0 for raw scores).", "options.Threshold");
        }

        Preconditions.CheckArgument(
            split.RowCount == labels.Length,
            nameof(split),
            string.Create(CultureInfo.InvariantCulture, $"split was made on {split.RowCount} rows but data has {labels.Length}; they must be the same rows. Make the split on the labels of this data view."));

        if (options.Weighting != ClassWeighting.None)
        {
            ArgumentException.ThrowIfNullOrEmpty(options.WeightColumnName, "options.WeightColumnName");
            Preconditions.CheckArgument(
                data.Schema.GetColumnOrNull(options.WeightColumnName) is null,
                nameof(options),
                $"options.WeightColumnName is '{options.WeightColumnName}', but data already has a column of that name; the loop would hide it. Pick another name (and pass it to the trainer's exampleWeightColumnName), or drop the column.");
        }

        if (options.Calibration is { } method)
        {
            Preconditions.CheckDefined(method, nameof(options), "options.Calibration");
            Preconditions.CheckAtLeast(options.CalibrationFolds, 2, nameof(options), "Use e.g. 5 inner folds.", "options.CalibrationFolds");
        }

        var features = options.Sampler is null ? null : ColumnReader.ReadFeatures(data, options.FeatureColumnName, "options.FeatureColumnName");
        var folds = ImmutableArray.CreateBuilder<CrossValidationFold>(split.K);
        var pooledScores = new double[labels.Length];
        var pooledRaw = options.Calibration is null ? null : new double[labels.Length];
        bool? probabilities = null;
        double threshold = 0;
        foreach (var fold in split.Folds)
        {
            var (train, trainLabels) = TrainingView(data, labels, features, fold, options);
            var stopwatch = Stopwatch.StartNew();
            var model = estimator.Fit(train);
            stopwatch.Stop();

            var (scores, areProbabilities, raw, calibrator) = ScoreTestRows(data, labels, features, fold, estimator, model, options);
            if (probabilities is { } p && p != areProbabilities)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Fold {fold.Index} scored with column '{(areProbabilities ? options.ProbabilityColumnName : options.ScoreColumnName)}' but earlier folds did not; every fold's model must write the same score columns."));
            }

            probabilities = areProbabilities;
            threshold = options.Threshold ?? (areProbabilities ? 0.5 : 0.0);
            var testLabels = fold.TestIndices.Select(i => labels[i]).ToImmutableArray();
            for (var k = 0; k < fold.TestIndices.Length; k++)
            {
                pooledScores[fold.TestIndices[k]] = scores[k];
                pooledRaw?[fold.TestIndices[k]] = raw![k];
            }

            var predictions = new FoldPredictions(fold.TestIndices, testLabels, [.. scores], areProbabilities, raw is null ? [] : [.. raw]);
            var report = BinaryEvaluation.Evaluate(testLabels.AsSpan(), scores, threshold);
            folds.Add(new CrossValidationFold(fold.Index, trainLabels.Length, trainLabels.Count(l => l), predictions, report, stopwatch.Elapsed, calibrator));
        }

        var outOfFold = new FoldPredictions([.. Enumerable.Range(0, labels.Length)], [.. labels], [.. pooledScores], probabilities!.Value, pooledRaw is null ? [] : [.. pooledRaw]);
        var pooled = BinaryEvaluation.Evaluate(labels, pooledScores, threshold);
        return new CrossValidationResult(folds.MoveToImmutable(), outOfFold, pooled, threshold, split.Warnings);
    }

    /// <summary>The test rows' scores: the model's probability or raw score, or, with calibration, the calibrated raw score.</summary>
    private static (double[] Scores, bool AreProbabilities, double[]? Raw, ScoreCalibrator? Calibrator) ScoreTestRows(
        IDataView data, bool[] labels, double[][]? features, Fold fold, IEstimator<ITransformer> estimator, ITransformer model, CrossValidationOptions options)
    {
        var scored = model.Transform(data.Select(fold.TestIndices.AsSpan()));
        if (options.Calibration is { } method)
        {
            var raw = FoldCalibration.RawScores(scored, options, fold.TestIndices.Length, fold.Index);
            var calibrator = FoldCalibration.Fit(data, labels, features, fold, estimator, options, method);
            return (calibrator.Calibrate(raw), true, raw, calibrator);
        }

        var read = scored.ReadBinaryPredictions(options.LabelColumnName, options.ScoreColumnName, options.ProbabilityColumnName);
        if (read.Scores.Length != fold.TestIndices.Length)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The model returned {read.Scores.Length} scored rows for fold {fold.Index}, which has {fold.TestIndices.Length} test rows; the estimator must not filter rows."));
        }

        return (read.Scores, read.ScoresAreProbabilities, null, null);
    }

    /// <summary>The view the estimator is fitted on for one fold, and its labels.</summary>
    internal static (IDataView View, bool[] Labels) TrainingView(IDataView data, bool[] labels, double[][]? features, Fold fold, CrossValidationOptions options)
    {
        IDataView view;
        bool[] trainLabels;
        if (options.Sampler is { } sampler)
        {
            var resampled = sampler.Resample<bool>(fold, labels, features!);
            trainLabels = resampled.Labels();
            var rows = resampled.Features();
            var matrix = new double[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
            for (var i = 0; i < rows.Length; i++)
            {
                for (var j = 0; j < rows[i].Length; j++)
                {
                    matrix[i, j] = rows[i][j];
                }
            }

            var dataset = Dataset.FromNumeric(string.Create(CultureInfo.InvariantCulture, $"fold {fold.Index} resampled"), matrix, trainLabels);
            var context = new MLContext(seed: 0); // Only to build two column copies; nothing random happens here.
            view = dataset.ToDataView(context);
            view = Rename(context, view, "Features", options.FeatureColumnName);
            view = Rename(context, view, "Label", options.LabelColumnName);
        }
        else
        {
            view = data.Select(fold.TrainIndices.AsSpan());
            trainLabels = [.. fold.TrainIndices.Select(i => labels[i])];
        }

        if (options.Weighting == ClassWeighting.Balanced)
        {
            view = new DataViewBuilder().AddSingle(options.WeightColumnName, ClassWeights.Balanced(trainLabels)).AppendTo(view);
        }

        return (view, trainLabels);
    }

    private static IDataView Rename(MLContext context, IDataView view, string from, string to) =>
        from == to ? view : context.Transforms.CopyColumns(to, from).Fit(view).Transform(view);
}
