using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ClassicalML.Scenarios.BaggingVsBoosting;

/// <summary>
/// Staged predictions of a fitted tree ensemble (FastTree, FastForest, LightGBM): the raw score after the first t trees,
/// for every t, from one pass over the trees. Hand-written because ML.NET exposes the trees but no staged prediction.
/// </summary>
internal static class TreeStaging
{
    /// <summary>The tree ensemble inside a fitted FastTree, LightGBM or FastForest binary model.</summary>
    public static Trees Ensemble(ITransformer model) => model switch
    {
        BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> f => Of(f.Model.SubModel.TrainedTreeEnsemble),
        BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> l => Of(l.Model.SubModel.TrainedTreeEnsemble),
        BinaryPredictionTransformer<FastForestBinaryModelParameters> r => Of(r.Model.TrainedTreeEnsemble),
        _ => throw new InvalidOperationException($"Model of type {model.GetType().Name} is not a FastTree, LightGBM or FastForest binary model; staged predictions read their trees."),
    };

    private static Trees Of<T>(TreeEnsemble<T> ensemble)
        where T : RegressionTreeBase => new(ensemble.Bias, ensemble.TreeWeights, [.. ensemble.Trees]);

    /// <summary>One tree's output for one row: follow x[feature] &lt;= threshold to the left child, else right, to a leaf (~node).</summary>
    public static double TreeOutput(RegressionTreeBase tree, float[] x)
    {
        if (tree.NumberOfLeaves == 1)
        {
            return tree.LeafValues[0];
        }

        var node = 0;
        while (node >= 0)
        {
            node = x[tree.NumericalSplitFeatureIndexes[node]] <= tree.NumericalSplitThresholds[node] ? tree.LeftChild[node] : tree.RightChild[node];
        }

        return tree.LeafValues[~node];
    }

    /// <summary>
    /// Raw scores after the first t trees for each t in <paramref name="sizes"/>: bias + Σ_{k&lt;t} w_k·tree_k(x) for boosting;
    /// for a forest (<paramref name="average"/>) the mean of the first t trees rescaled to the full forest,
    /// bias + (T/t)·Σ_{k&lt;t} w_k·tree_k(x), so the last size reproduces the model's score.
    /// </summary>
    public static double[][] Staged(Trees ensemble, float[][] rows, IReadOnlyList<int> sizes, bool average)
    {
        var trees = ensemble.List.Count;
        var sums = new double[rows.Length];
        var result = new double[sizes.Count][];
        for (var t = 1; t <= trees; t++)
        {
            var tree = ensemble.List[t - 1];
            var weight = ensemble.TreeWeights[t - 1];
            for (var i = 0; i < rows.Length; i++)
            {
                sums[i] += weight * TreeOutput(tree, rows[i]);
            }

            for (var k = 0; k < sizes.Count; k++)
            {
                if (sizes[k] == t)
                {
                    var scale = average ? trees / (double)t : 1.0;
                    result[k] = Array.ConvertAll(sums, s => ensemble.Bias + (scale * s));
                }
            }
        }

        return result;
    }
}

/// <summary>The trees of a fitted ensemble: score = bias + Σ_k weight_k · tree_k(x).</summary>
internal sealed record Trees(double Bias, IReadOnlyList<double> TreeWeights, IReadOnlyList<RegressionTreeBase> List);
