using Microsoft.ML;

namespace ClassicalML.Evaluation.Tests;

/// <summary>The ML.NET adapter picks up a weight column by name and reports what the weighted array call reports.</summary>
public sealed class WeightedDataViewEvaluationTests
{
    private sealed class Scored
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public float Weight { get; set; }
    }

    [Fact]
    public void EvaluateBinary_WeightColumn_EqualsWeightedEvaluate()
    {
        Scored[] rows = Rows(300);
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(rows);
        bool[] labels = [.. rows.Select(r => r.Label)];
        double[] probabilities = [.. rows.Select(r => (double)r.Probability)];
        double[] weights = [.. rows.Select(r => (double)r.Weight)];

        BinaryReport fromView = view.EvaluateBinary(weightColumnName: "Weight");
        BinaryReport fromArrays = BinaryEvaluation.Evaluate(labels, probabilities, weights);

        Assert.True(fromView.IsWeighted);
        Assert.Equal(fromArrays.WeightedCounts, fromView.WeightedCounts);
        Assert.Equal(
            (fromArrays.RocAuc, fromArrays.AveragePrecision, fromArrays.F1, fromArrays.Mcc, fromArrays.LogLoss, fromArrays.BrierScore),
            (fromView.RocAuc, fromView.AveragePrecision, fromView.F1, fromView.Mcc, fromView.LogLoss, fromView.BrierScore));
        Assert.Equal(weights, view.ReadBinaryPredictions(weightColumnName: "Weight").Weights);
        Assert.False(view.EvaluateBinary().IsWeighted);
        Assert.Null(view.ReadBinaryPredictions().Weights);
    }

    [Fact]
    public void EvaluateBinary_NegativeWeight_ThrowsNamingColumnAndRow()
    {
        Scored[] rows = Rows(20);
        rows[13].Weight = -2;
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(rows);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => view.EvaluateBinary(weightColumnName: "Weight"));

        Assert.Equal("weightColumnName", ex.ParamName);
        Assert.StartsWith("Weight[13] is -2; it must be a finite number of at least 0. Pass a weight of at least 0 for every row (0 leaves the row out).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateBinary_MissingWeightColumn_ThrowsListingTheColumns()
    {
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(Rows(5));

        var ex = Assert.Throws<ArgumentException>(() => view.EvaluateBinary(weightColumnName: "W"));

        Assert.StartsWith("weightColumnName is 'W', but the data view has no such column; available columns: 'Label', 'Score', 'Probability', 'Weight'.", ex.Message, StringComparison.Ordinal);
    }

    private static Scored[] Rows(int n)
    {
        var rng = new MathNet.Numerics.Random.MersenneTwister(21);
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            bool label = rng.NextDouble() < 0.4;
            float p = (float)Math.Round(Math.Clamp((label ? 0.6 : 0.4) + (rng.NextDouble() - 0.5), 0, 1), 2);
            return new Scored { Label = label, Score = (p * 4) - 2, Probability = p, Weight = i % 7 == 0 ? 0f : (float)(rng.NextDouble() * 3) };
        })];
    }
    private sealed class MulticlassScored
    {
        public string Label { get; set; } = "";

        public string Predicted { get; set; } = "";

        [Microsoft.ML.Data.VectorType(3)]
        public float[] Score { get; set; } = [];

        public float Weight { get; set; }
    }

    [Fact]
    public void EvaluateMulticlass_WeightColumn_EqualsWeightedEvaluate()
    {
        MulticlassScored[] rows = MulticlassRows(200);
        var mlContext = new MLContext(seed: 0);
        var raw = mlContext.Data.LoadFromEnumerable(rows);
        IDataView view = mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(raw).Transform(raw);
        string[] actual = [.. rows.Select(r => r.Label)];
        double[] weights = [.. rows.Select(r => (double)r.Weight)];

        var fromView = view.EvaluateMulticlass(weightColumnName: "Weight");
        var fromArrays = MulticlassScoreEvaluation.Evaluate<string>(actual, ScoreMatrix.FromRowMajor(rows.SelectMany(r => r.Score).ToArray(), 3), weights, fromView.Labels);

        Assert.True(fromView.IsWeighted);
        Assert.Equal(weights.Sum(), fromView.TotalWeight, 12);
        Assert.Equal(
            (fromArrays.RocAucOvrMacro, fromArrays.RocAucOvrWeighted, fromArrays.RocAucOvoWeighted, fromArrays.LogLoss, fromArrays.BrierScore, fromArrays.Predictions.Accuracy),
            (fromView.RocAucOvrMacro, fromView.RocAucOvrWeighted, fromView.RocAucOvoWeighted, fromView.LogLoss, fromView.BrierScore, fromView.Predictions.Accuracy));
        Assert.Equal(fromArrays.PerClass, fromView.PerClass);
        Assert.False(view.EvaluateMulticlass().IsWeighted);

        var labels = view.EvaluateMulticlassLabels(predictedLabelColumnName: "Predicted", weightColumnName: "Weight");
        var labelArrays = MulticlassEvaluation.Evaluate<string>(actual, [.. rows.Select(r => r.Predicted)], weights);
        Assert.True(labels.IsWeighted);
        Assert.Equal(labelArrays.PerClass, labels.PerClass);
        Assert.Equal((labelArrays.Accuracy, labelArrays.Weighted, labelArrays.Macro), (labels.Accuracy, labels.Weighted, labels.Macro));
    }

    [Fact]
    public void EvaluateMulticlass_NegativeWeight_ThrowsNamingColumnAndRow()
    {
        MulticlassScored[] rows = MulticlassRows(20);
        rows[7].Weight = -1.5f;
        var mlContext = new MLContext(seed: 0);
        var raw = mlContext.Data.LoadFromEnumerable(rows);
        IDataView view = mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(raw).Transform(raw);

        var scores = Assert.Throws<ArgumentOutOfRangeException>(() => view.EvaluateMulticlass(weightColumnName: "Weight"));
        var labels = Assert.Throws<ArgumentOutOfRangeException>(() => view.EvaluateMulticlassLabels(predictedLabelColumnName: "Predicted", weightColumnName: "Weight"));

        foreach (var ex in new[] { scores, labels })
        {
            Assert.Equal("weightColumnName", ex.ParamName);
            Assert.StartsWith("Weight[7] is -1.5; it must be a finite number of at least 0.", ex.Message, StringComparison.Ordinal);
        }
    }

    private static MulticlassScored[] MulticlassRows(int n)
    {
        var rng = new MathNet.Numerics.Random.MersenneTwister(22);
        string[] classes = ["a", "b", "c"];
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            int y = rng.Next(3);
            var raw = Enumerable.Range(0, 3).Select(k => (float)Math.Round(rng.NextDouble() + (k == y ? 0.8 : 0), 1) + 0.1f).ToArray();
            float sum = raw.Sum();
            var score = raw.Select(v => v / sum).ToArray();
            return new MulticlassScored { Label = classes[y], Predicted = classes[rng.Next(3)], Score = score, Weight = i % 9 == 0 ? 0f : (float)Math.Round(rng.NextDouble() * 3, 2) };
        })];
    }
}
