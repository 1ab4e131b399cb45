using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Data.Training;
using ClassicalML.Evaluation;
using ClassicalML.Models.Convergence;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>The two model families compared.</summary>
internal enum ModelKind
{
    /// <summary>L-BFGS logistic regression on min-max normalized features (a linear model).</summary>
    Logistic,

    /// <summary>FastTree gradient-boosted trees.</summary>
    FastTree,
}

/// <summary>One encoding × model cross-validated on fixed folds: per-fold AUC and F1 (fold order of the split).</summary>
/// <param name="Encoding">The encoding.</param>
/// <param name="Model">The model.</param>
/// <param name="FoldAuc">Test ROC AUC of every fold, repeats in order.</param>
/// <param name="FoldF1">Test F1 at probability threshold 0.5 of every fold.</param>
/// <param name="TrainingTime">Wall-clock training time summed over the folds (never reproducible; Timings only).</param>
internal sealed record EncodingRun(CategoricalEncoding Encoding, ModelKind Model, double[] FoldAuc, double[] FoldF1, TimeSpan TrainingTime);

/// <summary>Builds the models and runs the cross-validation.</summary>
internal static class EncodingRuns
{
    /// <summary>The name used in tables and figures.</summary>
    public static string Name(this ModelKind model) => model == ModelKind.Logistic ? "logistic regression" : "FastTree";

    /// <summary>A short name for figure labels.</summary>
    public static string ShortName(this ModelKind model) => model == ModelKind.Logistic ? "LR" : "FastTree";

    /// <summary>Cross-validates encoder + model over every repeat of <paramref name="splits"/>; the encoder is fitted on each training fold.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="model">The model.</param>
    /// <param name="splits">One fold split per repeat, made on the data set's binary labels.</param>
    /// <param name="seed">The ML.NET context seed.</param>
    /// <param name="hashBits">Bits for hashing.</param>
    /// <param name="trees">FastTree: number of trees.</param>
    /// <param name="leaves">FastTree: leaves per tree.</param>
    /// <param name="columns">The categorical columns to encode (the others are dropped); null for all.</param>
    /// <returns>The per-fold scores.</returns>
    public static EncodingRun Run(Dataset dataset, CategoricalEncoding encoding, ModelKind model, IReadOnlyList<FoldSplit> splits, int seed, int hashBits, int trees, int leaves, IReadOnlyList<CategoricalColumn>? columns = null)
    {
        // A fresh seeded context per run, so a run's result does not depend on which runs came before it.
        var ml = new MLContext(seed);
        if (encoding is CategoricalEncoding.Count or CategoricalEncoding.Target)
        {
            return RunFoldEncoded(ml, dataset, encoding, model, splits, seed, trees, leaves);
        }

        var view = dataset.ToDataView(ml);
        var pipeline = Pipeline(ml, CategoricalEncodings.Encoder(ml, encoding, columns ?? dataset.Schema.CategoricalColumns, hashBits), model, trees, leaves);
        var auc = new List<double>();
        var f1 = new List<double>();
        var time = TimeSpan.Zero;
        foreach (var split in splits)
        {
            var result = CrossValidation.Run(view, pipeline, split);
            foreach (var fold in result.Folds)
            {
                auc.Add(fold.Report.RocAuc);
                f1.Add(fold.Report.F1);
                time += fold.TrainingTime;
            }
        }

        return new EncodingRun(encoding, model, [.. auc], [.. f1], time);
    }

    /// <summary>Count and target encoding: the encoder is fitted on each fold's training rows (FoldEncoding), then the model.</summary>
    private static EncodingRun RunFoldEncoded(MLContext ml, Dataset dataset, CategoricalEncoding encoding, ModelKind model, IReadOnlyList<FoldSplit> splits, int seed, int trees, int leaves)
    {
        var pipeline = Pipeline(ml, new EstimatorChain<ITransformer>(), model, trees, leaves);
        var auc = new List<double>();
        var f1 = new List<double>();
        var time = TimeSpan.Zero;
        foreach (var fold in splits.SelectMany(s => s.Folds))
        {
            var view = FoldEncoding.Encode(dataset, encoding, fold.TrainIndices, Seeds.Derive(seed, $"fold {fold.Index} encoding")).ToDataView(ml);
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var fitted = pipeline.Fit(view.Select([.. fold.TrainIndices]));
            time += stopwatch.Elapsed;
            var report = fitted.Transform(view.Select([.. fold.TestIndices])).EvaluateBinary();
            auc.Add(report.RocAuc);
            f1.Add(report.F1);
        }

        return new EncodingRun(encoding, model, [.. auc], [.. f1], time);
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, IEstimator<ITransformer> encoder, ModelKind model, int trees, int leaves)
    {
        return model switch
        {
            ModelKind.Logistic => encoder
                .Append(ml.Transforms.NormalizeMinMax("Features"))
                .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(LogisticOptions())),
            ModelKind.FastTree => encoder
                .Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    NumberOfThreads = 1,
                    NumberOfTrees = trees,
                    NumberOfLeaves = leaves,
                    MinimumExampleCountPerLeaf = 10,
                })),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, $"model is {(int)model}, which is not a defined ModelKind."),
        };
    }

    /// <summary>
    /// The logistic regression's options, set deliberately: ridge only (L2Regularization = 1 against the SUM of the row
    /// losses, as scikit-learn's C = 1; L1Regularization = 0, where ML.NET's default of 1 would zero some level
    /// indicators by chance), one thread, tolerance 1e-8 (ML.NET's default 1e-7 left 2 of the 8 checked fits moving by 0.1%; the convergence table checks it) and no
    /// iteration cap (ML.NET's default, int.MaxValue).
    /// </summary>
    public static LbfgsLogisticRegressionBinaryTrainer.Options LogisticOptions() => new()
    {
        L1Regularization = 0,
        L2Regularization = 1,
        OptimizationTolerance = 1e-8f,
        NumberOfThreads = 1,
    };

    /// <summary>Checks that the logistic regression converges on the first fold's training rows of an encoding: the
    /// encoder and normalizer are fitted on them, then the fit is repeated with 1/100 of the tolerance.</summary>
    public static ConvergenceCheck CheckConvergence(Dataset dataset, CategoricalEncoding encoding, FoldSplit split, int seed, int hashBits)
    {
        var ml = new MLContext(seed);
        var rows = split.Folds[0].TrainIndices;
        var perFold = encoding is CategoricalEncoding.Count or CategoricalEncoding.Target;
        var train = (perFold ? FoldEncoding.Encode(dataset, encoding, rows, Seeds.Derive(seed, $"fold {split.Folds[0].Index} encoding")) : dataset).ToDataView(ml).Select([.. rows]);
        var encoder = perFold ? new EstimatorChain<ITransformer>() : CategoricalEncodings.Encoder(ml, encoding, dataset.Schema.CategoricalColumns, hashBits);
        var featurizer = encoder.Append(ml.Transforms.NormalizeMinMax("Features")).Fit(train);
        return LbfgsConvergence.Check(ml, ml.Data.Cache(featurizer.Transform(train)), LogisticOptions());
    }

    /// <summary>Fits the encoder alone on all rows and measures the encoded feature matrix.</summary>
    /// <param name="dataset">The data set.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="hashBits">Bits for hashing.</param>
    /// <param name="columns">The categorical columns to encode (the others are dropped); null for all.</param>
    /// <returns>The size of the encoded features.</returns>
    public static EncodedSize Size(Dataset dataset, CategoricalEncoding encoding, int hashBits, IReadOnlyList<CategoricalColumn>? columns = null)
    {
        var ml = new MLContext(0); // Encoders draw nothing at random; the seed is only for form.
        if (encoding is CategoricalEncoding.Count or CategoricalEncoding.Target)
        {
            return EncodedSize.Measure(FoldEncoding.Encode(dataset, encoding, Enumerable.Range(0, dataset.RowCount).ToArray(), 0).ToDataView(ml));
        }

        var view = dataset.ToDataView(ml);
        var encoded = CategoricalEncodings.Encoder(ml, encoding, columns ?? dataset.Schema.CategoricalColumns, hashBits).Fit(view).Transform(view);
        return EncodedSize.Measure(encoded);
    }
}
