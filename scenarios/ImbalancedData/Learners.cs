using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace ClassicalML.Scenarios.ImbalancedData;

/// <summary>One training row for ML.NET: label, example weight and the numeric features.</summary>
internal sealed class TrainingRow
{
    public bool Label { get; set; }

    public float Weight { get; set; }

    public float[] Features { get; set; } = [];
}

/// <summary>The two base learners, seeded and single-threaded, and the data views they train on.</summary>
internal static class Learners
{
    /// <summary>A data view with columns Label, Weight and Features (a known-size vector) built from rows.</summary>
    public static IDataView ToView(MLContext ml, IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, IReadOnlyList<float>? weights = null)
    {
        int width = features[0].Length;
        var rows = new TrainingRow[features.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new TrainingRow
            {
                Label = labels[i],
                Weight = weights?[i] ?? 1f,
                Features = Array.ConvertAll(features[i], v => (float)v),
            };
        }

        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>Class weights as scikit-learn's <c>class_weight="balanced"</c>: w_c = n / (2 · n_c).</summary>
    /// <remarks>Hand-written: ClassicalML.Data's ClassWeighting.Balanced applies the same formula only inside CrossValidation.Run.</remarks>
    public static float[] BalancedWeights(IReadOnlyList<bool> labels)
    {
        int positives = labels.Count(l => l);
        int negatives = labels.Count - positives;
        float wPos = (float)(labels.Count / (2.0 * positives));
        float wNeg = (float)(labels.Count / (2.0 * negatives));
        return [.. labels.Select(l => l ? wPos : wNeg)];
    }

    /// <summary>Mean-variance normalisation (fitted on the training rows) then L-BFGS logistic regression with L2 only.</summary>
    public static IEstimator<ITransformer> LogisticRegression(MLContext ml, ImbalancedDataSettings settings, bool weighted) =>
        ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = 0f,
                L2Regularization = (float)settings.L2,
                NumberOfThreads = 1,
                ExampleWeightColumnName = weighted ? nameof(TrainingRow.Weight) : null,
            }));

    /// <summary>FastTree (gradient-boosted trees) with Platt calibration, single-threaded and seeded.</summary>
    public static IEstimator<ITransformer> FastTree(MLContext ml, ImbalancedDataSettings settings, int seed, bool unbalancedSets, bool weighted) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.2,
            NumberOfThreads = 1,
            Seed = seed,
            UnbalancedSets = unbalancedSets,
            ExampleWeightColumnName = weighted ? nameof(TrainingRow.Weight) : null,
        });

    /// <summary>Fits the estimator once and returns the predicted probability of every row of each scoring view.</summary>
    public static double[][] FitAndScore(IEstimator<ITransformer> estimator, IDataView train, params IDataView[] score)
    {
        ITransformer model = estimator.Fit(train);
        return [.. score.Select(view => model.Transform(view).ReadBinaryPredictions().Scores)];
    }
}
