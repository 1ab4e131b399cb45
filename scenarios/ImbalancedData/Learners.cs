using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Data.Training;
using ClassicalML.Evaluation;
using ClassicalML.Models.Convergence;
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

/// <summary>How the features reach logistic regression: the per-feature SD after each normaliser, fitted on the training rows.</summary>
/// <param name="CentredSd">Per-feature SD after NormalizeMeanVariance(fixZero: false), the z-score used here (1 for every non-constant feature).</param>
/// <param name="DefaultSd">Per-feature SD after ML.NET's default NormalizeMeanVariance (fixZero: true), which scales without centring.</param>
internal sealed record FeatureScaling(double[] CentredSd, double[] DefaultSd)
{
    /// <summary>L2 on a weight of a default-scaled feature equals L2 / SD² on the same weight of a z-scored feature: the
    /// default scaling strengthens the penalty by this factor (min–max over the features).</summary>
    public (double Min, double Max) DefaultPenaltyFactor => (DefaultSd.Min(s => 1 / (s * s)), DefaultSd.Max(s => 1 / (s * s)));
}

/// <summary>The two base learners, seeded and single-threaded, and the data views they train on.</summary>
internal static class Learners
{
    /// <summary>A data view with columns Label, Weight and Features (a known-size vector) built from rows.</summary>
    public static IDataView ToView(MLContext ml, IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, IReadOnlyList<float>? weights = null)
    {
        float[] ones = [.. labels.Select(_ => 1f)];
        return new DataViewBuilder()
            .AddBoolean(nameof(TrainingRow.Label), labels)
            .AddSingle(nameof(TrainingRow.Weight), weights ?? ones)
            .AddVector(nameof(TrainingRow.Features), [.. features.Select(f => Array.ConvertAll(f, v => (float)v))])
            .Build();
    }

    /// <summary>The training rows weighted as scikit-learn's <c>class_weight="balanced"</c> (ClassicalML.Data's ClassWeights).</summary>
    public static IDataView Weighted(MLContext ml, IReadOnlyList<double[]> features, bool[] labels) =>
        ToView(ml, features, labels, ClassWeights.Balanced(labels));

    /// <summary>The optimizer's tolerance for every logistic regression fit.</summary>
    public const float Tolerance = 1e-10f;

    /// <summary>
    /// L-BFGS logistic regression with L2 only (L1 = 0, set deliberately: ML.NET's default is L1 = 1), one thread, no
    /// iteration cap and tolerance 1e-10; ML.NET's L2 equals scikit-learn's 1 / C. ML.NET's default tolerance, 1e-7,
    /// stopped 4 of the 180 fits over 15 splits early (satellite LR on 2 splits, LR-ROS on 1, letter LR on 1: the refit
    /// at 1/100 of it changed the objective by up to 2.0e-6, above the check's 1e-6).
    /// </summary>
    public static LbfgsLogisticRegressionBinaryTrainer.Options LogisticOptions(ImbalancedDataSettings settings, bool weighted) => new()
    {
        L1Regularization = 0f,
        L2Regularization = (float)settings.L2,
        NumberOfThreads = 1,
        OptimizationTolerance = Tolerance,
        ExampleWeightColumnName = weighted ? nameof(TrainingRow.Weight) : null,
    };

    /// <summary>z-scores fitted on the training rows (fixZero: false centres, as scikit-learn's StandardScaler), then logistic regression.</summary>
    public static IEstimator<ITransformer> LogisticRegression(MLContext ml, ImbalancedDataSettings settings, bool weighted) =>
        ml.Transforms.NormalizeMeanVariance("Features", fixZero: false)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(LogisticOptions(settings, weighted)));

    /// <summary>FastTree (gradient-boosted trees) with Platt calibration, single-threaded and seeded.</summary>
    public static IEstimator<ITransformer> FastTree(MLContext ml, ImbalancedDataSettings settings, int seed, bool weighted) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.2,
            NumberOfThreads = 1,
            Seed = seed,
            ExampleWeightColumnName = weighted ? nameof(TrainingRow.Weight) : null,
        });

    /// <summary>Fits the estimator once and returns the predicted probability of every row of each scoring view.</summary>
    public static double[][] FitAndScore(IEstimator<ITransformer> estimator, IDataView train, params IDataView[] score)
    {
        ITransformer model = estimator.Fit(train);
        return [.. score.Select(view => model.Transform(view).ReadBinaryPredictions().Scores)];
    }

    /// <summary>
    /// The F1-maximising threshold of the estimator chosen on out-of-fold scores of the training rows (stratified k-fold,
    /// ClassicalML.Data's CrossValidation), never on the test rows: the fair baseline's cut-off.
    /// </summary>
    public static double TunedThreshold(IEstimator<ITransformer> estimator, IDataView train, bool[] labels, int folds, int seed)
    {
        var result = CrossValidation.Run(train, estimator, new StratifiedKFold(folds, shuffle: true, seed: seed));
        return ThresholdSelection.MaximizeF1(labels, result.OutOfFold.Scores.AsSpan()).Threshold;
    }

    /// <summary>Refits the logistic regression with a 10x cap and 1/100 tolerance on the z-scored training rows and compares.</summary>
    public static ConvergenceCheck Convergence(MLContext ml, IDataView train, ImbalancedDataSettings settings, bool weighted)
    {
        var scaled = ml.Transforms.NormalizeMeanVariance("Features", fixZero: false).Fit(train).Transform(train);
        return LbfgsConvergence.Check(ml, scaled, () => LogisticOptions(settings, weighted));
    }

    /// <summary>The per-feature SD of the training rows after the z-score used here and after ML.NET's default normaliser.</summary>
    public static FeatureScaling Scaling(MLContext ml, IDataView train)
    {
        double[] Sds(bool fixZero)
        {
            var scaled = ml.Transforms.NormalizeMeanVariance("Features", fixZero: fixZero).Fit(train).Transform(train);
            float[][] rows = [.. scaled.GetColumn<float[]>("Features")];
            return [.. Enumerable.Range(0, rows[0].Length).Select(j => MathNet.Numerics.Statistics.Statistics.PopulationStandardDeviation(rows.Select(r => (double)r[j])))];
        }

        return new FeatureScaling(Sds(fixZero: false), Sds(fixZero: true));
    }
}
