using ClassicalML.Data;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>The models compared, and the featurized data they train on.</summary>
internal sealed class Models
{
    private readonly float[][] _features;
    private readonly bool[] _labels;

    private Models(string name, float[][] features, bool[] labels)
    {
        Name = name;
        _features = features;
        _labels = labels;
    }

    /// <summary>The data set's name.</summary>
    public string Name { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => _labels.Length;

    /// <summary>Number of features after one-hot encoding.</summary>
    public int FeatureCount => _features[0].Length;

    /// <summary>One-hot encodes the categorical columns and concatenates them with the numeric ones, once for all rows.</summary>
    /// <remarks>The encoder only learns each column's vocabulary (the levels listed in the data set's schema), so fitting it on
    /// all rows leaks no label information into any split.</remarks>
    public static Models Featurize(Dataset data)
    {
        var ml = new MLContext(seed: 0);
        var view = data.ToDataView(ml);
        var categorical = data.Schema.CategoricalColumns.Select(c => c.Name).ToArray();
        IEstimator<ITransformer> pipeline = categorical.Length == 0
            ? ml.Transforms.CopyColumns("AllFeatures", "Features")
            : ml.Transforms.Categorical.OneHotEncoding([.. categorical.Select(c => new InputOutputColumnPair(c + "_hot", c))])
                .Append(ml.Transforms.Concatenate("AllFeatures", ["Features", .. categorical.Select(c => c + "_hot")]));
        var transformed = pipeline.Fit(view).Transform(view);
        var features = new List<float[]>(data.RowCount);
        var labels = new List<bool>(data.RowCount);
        using (var cursor = transformed.GetRowCursor(transformed.Schema))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(transformed.Schema["AllFeatures"]);
            var getLabel = cursor.GetGetter<bool>(transformed.Schema["Label"]);
            VBuffer<float> buffer = default;
            bool label = false;
            while (cursor.MoveNext())
            {
                getFeatures(ref buffer);
                getLabel(ref label);
                features.Add(buffer.DenseValues().ToArray());
                labels.Add(label);
            }
        }

        return new Models(data.Name, [.. features], [.. labels]);
    }

    /// <summary>The given rows as an in-memory data view with <c>Label</c> and <c>Features</c>.</summary>
    /// <remarks>Built by the one column-source view (<see cref="DataViewBuilder"/>), which, unlike
    /// <c>LoadFromEnumerable</c>, draws nothing from an <see cref="MLContext"/>'s random stream.</remarks>
    public IDataView View(IReadOnlyList<int> rows) =>
        new DataViewBuilder()
            .AddBoolean("Label", [.. rows.Select(r => _labels[r])])
            .AddVector("Features", [.. rows.Select(r => _features[r])])
            .Build();

    /// <summary>The labels of the given rows.</summary>
    public bool[] Labels(IReadOnlyList<int> rows) => [.. rows.Select(r => _labels[r])];

    /// <summary>ML.NET's L-BFGS defaults: no iteration cap, optimization tolerance 1e-7.</summary>
    public const float LbfgsTolerance = 1e-7f;

    /// <summary>The SDCA iteration cap (epochs), set deliberately (ML.NET chooses one automatically and does not report it).</summary>
    public const int SdcaCap = 100;

    /// <summary>SDCA's convergence tolerance (relative duality gap): ML.NET's default 0.1 stops so early that a tighter
    /// refit moves the weights by about 10%; at 1e-4 they move by well under 1% (see the convergence table).</summary>
    public const float SdcaTolerance = 1e-4f;

    /// <summary>SDCA's L2 weight, set deliberately: ML.NET's automatic choice is so small on these collinear one-hot
    /// features that SDCA does not converge within 300 epochs; at 0.01 it converges within the cap (see the convergence table).</summary>
    public const float SdcaL2 = 0.01f;

    /// <summary>Logistic regression (L-BFGS, one thread) on standardized features, with L1 = 0 and L2 = 1 set
    /// deliberately (ML.NET's defaults are L1 = 1 and L2 = 1; scikit-learn's LogisticRegression is L2 only).</summary>
    public static IEstimator<ITransformer> LogisticRegression(MLContext ml, int cap = int.MaxValue, float tolerance = LbfgsTolerance) =>
        ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                NumberOfThreads = 1, L1Regularization = 0, L2Regularization = 1, MaximumNumberOfIterations = cap, OptimizationTolerance = tolerance,
            }));

    /// <summary>Logistic regression by SDCA on standardized features, with the given thread count (null: ML.NET's default).</summary>
    public static IEstimator<ITransformer> Sdca(MLContext ml, int? threads, int cap = SdcaCap, float tolerance = SdcaTolerance) =>
        ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                NumberOfThreads = threads, MaximumNumberOfIterations = cap, ConvergenceTolerance = tolerance, L1Regularization = 0, L2Regularization = SdcaL2,
            }));

    /// <summary>A single decision tree: FastTree with one tree of at most 20 leaves and at least 10 rows a leaf
    /// (scikit-learn: DecisionTreeClassifier(max_leaf_nodes=20, min_samples_leaf=10)).</summary>
    /// <remarks>One boosting step from a zero score fits a regression tree to the labels, which ranks rows as a
    /// variance-reduction (Gini-equivalent) tree does; AUC depends on the ranking only.</remarks>
    public static IEstimator<ITransformer> SingleTree(MLContext ml) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfThreads = 1, NumberOfTrees = 1, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 10 });

    /// <summary>FastTree gradient-boosted trees with the given thread count (null: ML.NET's default) and number of trees.</summary>
    public static IEstimator<ITransformer> FastTree(MLContext ml, int? threads, int trees) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfThreads = threads, NumberOfTrees = trees });

    /// <summary>Trains on one data view and returns the probabilities predicted for another.</summary>
    public static double[] TrainAndScore(IEstimator<ITransformer> estimator, IDataView train, IDataView test) =>
        estimator.Fit(train).Transform(test).ReadBinaryPredictions().Scores;

    /// <summary>Trains on <paramref name="train"/> and returns the probabilities predicted for <paramref name="test"/>.</summary>
    public double[] TrainAndScore(IEstimator<ITransformer> estimator, IReadOnlyList<int> train, IReadOnlyList<int> test)
    {
        var model = estimator.Fit(View(train));
        return model.Transform(View(test)).ReadBinaryPredictions().Scores;
    }
}
