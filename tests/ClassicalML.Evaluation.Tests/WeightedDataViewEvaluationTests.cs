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
}
