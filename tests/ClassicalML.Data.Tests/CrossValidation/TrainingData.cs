using MathNet.Numerics.Random;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ClassicalML.Data.Tests.Training;

internal static class TrainingData
{
    /// <summary>
    /// An imbalanced binary data set (1 row in 4 positive) with three continuous features, the first two shifted by the
    /// class so a linear model learns something; values are distinct, so each feature row identifies its row.
    /// </summary>
    public static Dataset Imbalanced(int n = 80, int seed = 5)
    {
        var rng = new MersenneTwister(seed);
        var labels = new bool[n];
        var x = new double[n, 3];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i % 4 == 1;
            var shift = labels[i] ? 1.5 : 0.0;
            x[i, 0] = rng.NextDouble() + shift;
            x[i, 1] = rng.NextDouble() - shift;
            x[i, 2] = rng.NextDouble();
        }

        return Dataset.FromNumeric("imbalanced", x, labels);
    }

    /// <summary>L-BFGS logistic regression on one thread: reproducible with a seeded context.</summary>
    public static IEstimator<ITransformer> Logistic(MLContext ml, string? weightColumn = null) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            NumberOfThreads = 1,
            ExampleWeightColumnName = weightColumn,
        });
}

/// <summary>Wraps an estimator and keeps every view it is fitted on, to inspect what the trainer saw.</summary>
internal sealed class RecordingEstimator(IEstimator<ITransformer> inner) : IEstimator<ITransformer>
{
    public List<IDataView> Seen { get; } = [];

    public ITransformer Fit(IDataView input)
    {
        Seen.Add(input);
        return inner.Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
}
