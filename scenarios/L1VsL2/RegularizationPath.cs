using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ClassicalML.Scenarios.L1VsL2;

/// <summary>Which penalty a fit uses.</summary>
internal enum Penalty
{
    /// <summary>L1 only (lasso): <c>L1Regularization = λ</c>, <c>L2Regularization = 0</c>.</summary>
    L1,

    /// <summary>L2 only (ridge): <c>L1Regularization = 0</c>, <c>L2Regularization = λ</c>.</summary>
    L2,

    /// <summary>Elastic net, half and half: <c>L1Regularization = L2Regularization = λ / 2</c>.</summary>
    ElasticNet,
}

/// <summary>A data set split into train / validation / test, z-scored with statistics of the training rows.</summary>
/// <param name="Name">The data set's name in tables.</param>
/// <param name="FeatureNames">The feature names, in the order of the weight vector.</param>
/// <param name="Train">The normalized, cached training rows.</param>
/// <param name="Validation">The normalized validation rows (used only to choose λ).</param>
/// <param name="Test">The normalized test rows (used only to report).</param>
/// <param name="ValidationLabels">The validation labels in row order.</param>
/// <param name="TestLabels">The test labels in row order.</param>
/// <param name="TrainRows">The number of training rows.</param>
/// <param name="TrainFeatures">The training features before normalization, column-major (for correlations).</param>
internal sealed record PreparedData(
    string Name,
    IReadOnlyList<string> FeatureNames,
    IDataView Train,
    IDataView Validation,
    IDataView Test,
    bool[] ValidationLabels,
    bool[] TestLabels,
    int TrainRows,
    double[][] TrainFeatures,
    Dataset Source,
    int[] TrainIndices,
    ITransformer Normalizer)
{
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Any multiset of rows of the source (e.g. a bootstrap resample of the training rows), z-scored with
    /// the training statistics and cached.</summary>
    public IDataView View(MLContext ml, ReadOnlySpan<int> rows) =>
        ml.Data.Cache(Normalizer.Transform(Source.ToDataView(ml, rows)), "Label", "Features");
}

/// <summary>One fitted model on a regularization path.</summary>
/// <param name="Penalty">The penalty.</param>
/// <param name="Lambda">The strength λ in ML.NET's units (see <see cref="RegularizationPath.Fit"/>).</param>
/// <param name="Weights">The feature weights (ML.NET's float weights, widened).</param>
/// <param name="Bias">The intercept (never penalized).</param>
/// <param name="ValidationScores">Predicted probabilities of the validation rows.</param>
/// <param name="TestScores">Predicted probabilities of the test rows.</param>
/// <param name="ValidationLogLoss">Log loss on the validation rows.</param>
/// <param name="ValidationAuc">ROC AUC on the validation rows.</param>
/// <param name="TestLogLoss">Log loss on the test rows.</param>
/// <param name="TestAuc">ROC AUC on the test rows.</param>
internal sealed record PathPoint(
    Penalty Penalty,
    double Lambda,
    double[] Weights,
    double Bias,
    double[] ValidationScores,
    double[] TestScores,
    double ValidationLogLoss,
    double ValidationAuc,
    double TestLogLoss,
    double TestAuc)
{
    /// <summary>The number of weights that are exactly 0.</summary>
    public int Zeros => Weights.Count(w => w == 0);

    /// <summary>The Euclidean norm ‖w‖₂ of the weights (bias excluded).</summary>
    public double L2Norm => Math.Sqrt(Weights.Sum(w => w * w));
}

/// <summary>Fits ML.NET's L-BFGS logistic regression along a grid of penalty strengths.</summary>
internal static class RegularizationPath
{
    /// <summary>Splits a data set (stratified) and z-scores it with the training rows' mean and standard deviation.</summary>
    public static PreparedData Prepare(MLContext ml, Dataset data, string name, int seed, double testFraction, double validationFraction)
    {
        bool[] labels = data.BinaryLabels();
        var split = TrainTestSplit.Stratified<bool>(labels, testFraction, seed, validationFraction);
        IDataView train = data.ToDataView(ml, split.TrainIndices.AsSpan());

        // fixZero: false subtracts the mean as well; the bias is not penalized, so centring changes no weight,
        // but scaling to unit variance does: without it the penalty would weigh features by their units.
        var normalizer = ml.Transforms.NormalizeMeanVariance("Features", fixZero: false).Fit(train);
        IDataView Normalize(IDataView view) => ml.Data.Cache(normalizer.Transform(view), "Label", "Features");

        double[][] trainFeatures = [.. data.Schema.NumericColumns.Select(c => Pick(data.GetNumeric(c), split.TrainIndices.AsSpan()))];
        return new PreparedData(
            name,
            data.Schema.NumericColumns,
            Normalize(train),
            Normalize(data.ToDataView(ml, split.ValidationIndices.AsSpan())),
            Normalize(data.ToDataView(ml, split.TestIndices.AsSpan())),
            Pick(labels, split.ValidationIndices.AsSpan()),
            Pick(labels, split.TestIndices.AsSpan()),
            split.TrainIndices.Length,
            trainFeatures,
            data,
            [.. split.TrainIndices],
            normalizer);
    }

    /// <summary>
    /// Fits one logistic regression with ML.NET's L-BFGS trainer (OWL-QN when <paramref name="l1"/> &gt; 0), single-threaded.
    /// </summary>
    /// <remarks>
    /// ML.NET 5's objective (LbfgsTrainerBase): <c>[Σᵢ logloss_i + (l2/2)·‖w‖₂²] / n + (l1/n)·‖w‖₁</c>, i.e. up to the
    /// factor 1/n, <c>Σᵢ logloss_i + l1·‖w‖₁ + (l2/2)·‖w‖₂²</c>: both penalties weigh against the SUM of the row
    /// losses (as scikit-learn's <c>C = 1/λ</c>), so the same λ regularizes less on more rows. The bias is not penalized.
    /// The scenario checks this by refitting on every training row twice.
    /// </remarks>
    public static (double[] Weights, double Bias, ITransformer Model) Train(MLContext ml, IDataView train, double l1, double l2)
    {
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(Options(l1, l2)).Fit(train);
        LinearBinaryModelParameters linear = model.Model.SubModel;
        return ([.. linear.Weights.Select(w => (double)w)], linear.Bias, model);
    }

    /// <summary>
    /// The optimizer's tolerance, for every fit. ML.NET's default, 1e-7, stopped 13 of the 24 checked fits (tuned and
    /// smallest λ of every data set and penalty) before the weights settled: refitted with 1e-9 they moved by up to 17%
    /// (spambase L1 at its tuned λ by 9%). 1e-10 still stopped spambase's L1 fits at weak penalties early (λ = 0.01:
    /// weights 5.8% away from a refit at 1/100 of the tolerance; λ = 0.04642: 0.37%): one z-scored feature nearly
    /// separates part of the rows, its weight grows to about 60 held back only by the tiny penalty, and along that flat
    /// direction the objective improves by less than 1e-10 per iteration while the weights still move (ML.NET stops on
    /// the objective's mean relative improvement). With 1e-12 every check passes, for about 6% more CPU time.
    /// </summary>
    public const float Tolerance = 1e-12f;

    /// <summary>The trainer options of every fit: both penalties set explicitly (ML.NET defaults both to 1), one thread,
    /// <see cref="Tolerance"/>, and ML.NET's iteration cap (int.MaxValue); the scenario checks convergence by refitting.</summary>
    public static LbfgsLogisticRegressionBinaryTrainer.Options Options(double l1, double l2) => new()
    {
        LabelColumnName = "Label",
        FeatureColumnName = "Features",
        L1Regularization = (float)l1,
        L2Regularization = (float)l2,
        NumberOfThreads = 1,
        OptimizationTolerance = Tolerance,
    };

    /// <summary>Fits one point of the path on the training rows and scores the validation and test rows.</summary>
    public static PathPoint Fit(MLContext ml, PreparedData data, Penalty penalty, double lambda)
    {
        var (l1, l2) = Strengths(penalty, lambda);
        var (weights, bias, model) = Train(ml, data.Train, l1, l2);
        double[] validation = model.Transform(data.Validation).ReadBinaryPredictions().Scores;
        double[] test = model.Transform(data.Test).ReadBinaryPredictions().Scores;
        return new PathPoint(
            penalty,
            lambda,
            weights,
            bias,
            validation,
            test,
            BinaryEvaluation.LogLoss(data.ValidationLabels, validation),
            Roc.Auc(data.ValidationLabels, validation),
            BinaryEvaluation.LogLoss(data.TestLabels, test),
            Roc.Auc(data.TestLabels, test));
    }

    /// <summary>The ML.NET option values for a penalty at strength λ.</summary>
    public static (double L1, double L2) Strengths(Penalty penalty, double lambda) => penalty switch
    {
        Penalty.L1 => (lambda, 0),
        Penalty.L2 => (0, lambda),
        Penalty.ElasticNet => (lambda / 2, lambda / 2),
        _ => throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "penalty is not a defined Penalty; use L1, L2 or ElasticNet."),
    };

    private static T[] Pick<T>(T[] values, ReadOnlySpan<int> rows)
    {
        var result = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }
}
