using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>The learners compared, all single-threaded and seeded.</summary>
internal static class Learners
{
    /// <summary>One deep tree: FastTree with one tree, many leaves, learning rate 1 (a Newton step on the log-loss per leaf), Platt-calibrated.</summary>
    public static IEstimator<ITransformer> DeepTree(MLContext context, int leaves, int seed = 0, int minimumPerLeaf = 1) =>
        context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 1,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minimumPerLeaf,
            LearningRate = 1.0,
            NumberOfThreads = 1,
            Seed = seed,
        });

    /// <summary>A stump (one tree with two leaves), or a shallow tree with more leaves.</summary>
    public static IEstimator<ITransformer> Stump(MLContext context, int leaves = 2) => DeepTree(context, leaves);

    /// <summary>Gradient-boosted shallow trees (FastTree GBDT).</summary>
    public static IEstimator<ITransformer> BoostedTrees(MLContext context, int trees, int leaves, double learningRate) =>
        context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = 5,
            LearningRate = learningRate,
            NumberOfThreads = 1,
        });

    /// <summary>The fewest rows per leaf of the boosted trees, and of the bagged trees they are matched with.</summary>
    public const int BoostedMinimumPerLeaf = 5;

    /// <summary>Gradient-boosted shallow trees (LightGBM), deterministic and single-threaded.</summary>
    public static IEstimator<ITransformer> LightGbm(MLContext context, int trees, int leaves, double learningRate) =>
        context.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = BoostedMinimumPerLeaf,
            LearningRate = learningRate,
            NumberOfThreads = 1,
            Deterministic = true,
            Seed = 0,
            Verbose = false,
            Silent = true,
        });

    /// <summary>FastForest: a random forest whose trees each see 70% of the rows drawn without replacement (not a bootstrap)
    /// and a share of the features per split; uncalibrated (Score only).</summary>
    public static IEstimator<ITransformer> Forest(MLContext context, int trees, int leaves) =>
        context.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = 1,
            NumberOfThreads = 1,
        });
}
