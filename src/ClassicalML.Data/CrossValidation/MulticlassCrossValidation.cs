using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using Microsoft.ML;

namespace ClassicalML.Data.Training;

/// <summary>
/// Stratified cross-validation of any ML.NET multiclass estimator, with out-of-fold score matrices evaluated by
/// <see cref="MulticlassScoreEvaluation"/>: the multiclass counterpart of <see cref="CrossValidation"/>.
/// </summary>
/// <remarks>
/// <para>For each fold: the estimator (a pipeline that maps the label to a key, e.g. <c>MapValueToKey("Label")</c>, and
/// ends in a multiclass trainer) is fitted on the training rows, the model scores the untouched test rows, and the labels
/// and the <c>Score</c> vector are read with the class of each slot from its slot names (as
/// <see cref="DataViewEvaluation.EvaluateMulticlass"/> reads them) and evaluated. Each fold's model may order its classes
/// differently (ML.NET's key order is the order of first occurrence in that fold's training rows): the out-of-fold matrix
/// uses the class order of fold 0's model, and the other folds' columns are put into that order by class name. A fold
/// whose model knows other classes is refused; a stratified split gives every training fold every class with at least
/// K rows.</para>
/// <para>Reproducibility: the split is seeded, so the rows of every fold are fixed; the fitted models are reproducible
/// only when the trainer is: seed the <see cref="MLContext"/> and set <c>NumberOfThreads = 1</c> for SDCA and LightGBM.
/// No resampling or class weighting here (binary <see cref="CrossValidation"/> has them).</para>
/// </remarks>
public static class MulticlassCrossValidation
{
    /// <summary>Stratifies <paramref name="data"/> on its label column with <paramref name="splitter"/>, then cross-validates <paramref name="estimator"/>.</summary>
    /// <param name="data">The data; its label column may be text, a key, a number or Boolean (the strata are its values).</param>
    /// <param name="estimator">A pipeline ending in a multiclass trainer, whose scored output has the label and a Score vector with slot names.</param>
    /// <param name="splitter">The stratified k-fold splitter (seeded when it shuffles).</param>
    /// <param name="options">Column names and evaluation options; <see langword="null"/> for the defaults.</param>
    /// <returns>The per-fold reports, the out-of-fold score matrix and its report.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A column is missing or has an unsupported type, the splitter refuses the labels, or a
    /// fold's model knows other classes than fold 0's.</exception>
    public static MulticlassCrossValidationResult Run(IDataView data, IEstimator<ITransformer> estimator, StratifiedKFold splitter, MulticlassCrossValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(splitter);
        options ??= new MulticlassCrossValidationOptions();
        var strata = ColumnReader.ReadStrata(data, options.LabelColumnName, "options.LabelColumnName");
        return Run(data, strata.Length, estimator, splitter.Split<string>(strata), options);
    }

    /// <summary>Cross-validates <paramref name="estimator"/> over the folds of <paramref name="split"/>.</summary>
    /// <param name="data">The data; row i of the view is row i of the split.</param>
    /// <param name="estimator">A pipeline ending in a multiclass trainer.</param>
    /// <param name="split">The folds, made on the same rows (e.g. <see cref="StratifiedKFold.Split{TKey}"/> on the labels).</param>
    /// <param name="options">Column names and evaluation options; <see langword="null"/> for the defaults.</param>
    /// <returns>The per-fold reports, the out-of-fold score matrix and its report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/>, <paramref name="estimator"/> or <paramref name="split"/> is null.</exception>
    /// <exception cref="ArgumentException">The split was made on a different number of rows, a column is missing or has an
    /// unsupported type, or a fold's model knows other classes than fold 0's.</exception>
    public static MulticlassCrossValidationResult Run(IDataView data, IEstimator<ITransformer> estimator, FoldSplit split, MulticlassCrossValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(split);
        options ??= new MulticlassCrossValidationOptions();
        return Run(data, ColumnReader.ReadStrata(data, options.LabelColumnName, "options.LabelColumnName").Length, estimator, split, options);
    }

    private static MulticlassCrossValidationResult Run(IDataView data, int n, IEstimator<ITransformer> estimator, FoldSplit split, MulticlassCrossValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        Preconditions.CheckArgument(
            split.RowCount == n,
            nameof(split),
            string.Create(CultureInfo.InvariantCulture, $"split was made on {split.RowCount} rows but data has {n}; they must be the same rows. Make the split on the labels of this data view."));

        var folds = ImmutableArray.CreateBuilder<MulticlassCrossValidationFold>(split.K);
        string[]? classes = null;
        var actual = new string[n];
        double[]? pooled = null;
        bool single = true;
        foreach (var fold in split.Folds)
        {
            var stopwatch = Stopwatch.StartNew();
            var model = estimator.Fit(data.Select(fold.TrainIndices.AsSpan()));
            stopwatch.Stop();
            var scored = model.Transform(data.Select(fold.TestIndices.AsSpan()));
            var (labels, scores, foldClasses, _) = scored.ReadMulticlassScores(options.LabelColumnName, options.ScoreColumnName);
            Preconditions.CheckArgument(labels.Length == fold.TestIndices.Length, nameof(estimator), string.Create(CultureInfo.InvariantCulture,
                $"the model returned {labels.Length} scored rows for fold {fold.Index}, which has {fold.TestIndices.Length} test rows; the estimator must not filter rows. Remove the filter from the pipeline."));
            classes ??= foldClasses;
            pooled ??= new double[n * classes.Length];
            single &= scores.Epsilon == ScoreMatrix.SingleEpsilon;
            var column = ColumnOrder(classes, foldClasses, fold.Index);
            for (int r = 0; r < labels.Length; r++)
            {
                int row = fold.TestIndices[r];
                actual[row] = labels[r];
                var values = scores.Row(r);
                for (int c = 0; c < column.Length; c++)
                {
                    pooled[(row * classes.Length) + c] = values[column[c]];
                }
            }

            var report = MulticlassScoreEvaluation.Evaluate<string>(labels, scores, foldClasses, options.Evaluation);
            folds.Add(new MulticlassCrossValidationFold(fold.Index, fold.TrainIndices.Length, fold.TestIndices, report, stopwatch.Elapsed));
        }

        var matrix = ScoreMatrix.Own(pooled!, classes!.Length, nameof(data), "the out-of-fold scores", single);
        var pooledReport = MulticlassScoreEvaluation.Evaluate<string>(actual, matrix, classes, options.Evaluation);
        return new MulticlassCrossValidationResult(folds.MoveToImmutable(), [.. classes], [.. actual], matrix, pooledReport, split.Warnings);
    }

    /// <summary>For each class of <paramref name="classes"/>, its slot in a fold model's <paramref name="foldClasses"/>.</summary>
    private static int[] ColumnOrder(string[] classes, string[] foldClasses, int foldIndex)
    {
        var slot = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < foldClasses.Length; i++)
        {
            slot[foldClasses[i]] = i;
        }

        var order = new int[classes.Length];
        for (int c = 0; c < classes.Length; c++)
        {
            Preconditions.CheckArgument(
                foldClasses.Length == classes.Length && slot.TryGetValue(classes[c], out order[c]),
                "split",
                string.Create(CultureInfo.InvariantCulture, $"fold {foldIndex}'s model scores the classes {string.Join(", ", foldClasses)} but fold 0's scores {string.Join(", ", classes)}; every fold's model must know the same classes. Stratify the split on the label (StratifiedKFold), with at least K rows of every class."));
        }

        return order;
    }
}
