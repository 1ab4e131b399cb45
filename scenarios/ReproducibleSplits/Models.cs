using ClassicalML.Data;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>The two models compared, and the featurized data they train on.</summary>
internal sealed class Models
{
    private readonly float[][] _features;
    private readonly bool[] _labels;
    private readonly SchemaDefinition _schema;

    private Models(string name, float[][] features, bool[] labels)
    {
        Name = name;
        _features = features;
        _labels = labels;
        _schema = SchemaDefinition.Create(typeof(Row));
        _schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features[0].Length);
    }

    /// <summary>The data set's name.</summary>
    public string Name { get; }

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
    public IDataView View(MLContext ml, IReadOnlyList<int> rows) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Label = _labels[r], Features = _features[r] }), _schema);

    /// <summary>The labels of the given rows.</summary>
    public bool[] Labels(IReadOnlyList<int> rows) => [.. rows.Select(r => _labels[r])];

    /// <summary>Logistic regression (L-BFGS, one thread) on standardized features.</summary>
    public static IEstimator<ITransformer> LogisticRegression(MLContext ml) =>
        ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 }));

    /// <summary>Logistic regression by SDCA on standardized features, with the given thread count (null: ML.NET's default).</summary>
    /// <remarks>30 epochs instead of ML.NET's automatic limit: on the collinear one-hot features SDCA does not converge within
    /// seconds either way, and the point here is only whether a run repeats.</remarks>
    public static IEstimator<ITransformer> Sdca(MLContext ml, int? threads) =>
        ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = threads, MaximumNumberOfIterations = 30 }));

    /// <summary>FastTree gradient-boosted trees with the given thread count (null: ML.NET's default) and number of trees.</summary>
    public static IEstimator<ITransformer> FastTree(MLContext ml, int? threads, int trees) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { NumberOfThreads = threads, NumberOfTrees = trees });

    /// <summary>Trains on <paramref name="train"/> and returns the probabilities predicted for <paramref name="test"/>.</summary>
    public double[] TrainAndScore(MLContext ml, IEstimator<ITransformer> estimator, IReadOnlyList<int> train, IReadOnlyList<int> test)
    {
        var model = estimator.Fit(View(ml, train));
        return model.Transform(View(ml, test)).ReadBinaryPredictions().Scores;
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
