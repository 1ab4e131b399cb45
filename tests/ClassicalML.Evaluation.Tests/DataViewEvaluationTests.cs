using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// The ML.NET adapter reads scored data views and agrees with ML.NET's own evaluator where the
/// two define the same quantity; where they differ (log base, AUPRC), the tests pin the difference.
/// </summary>
public sealed class DataViewEvaluationTests
{
    private sealed class Row
    {
        public bool Label { get; set; }

        public float Feature { get; set; }

        public float Noise { get; set; }
    }

    private sealed class Scored
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }

    private static (MLContext Context, IDataView Scored) TrainAndScore(int seed)
    {
        var mlContext = new MLContext(seed: 0);
        var rng = new MathNet.Numerics.Random.MersenneTwister(seed);
        var rows = new List<Row>();
        for (int i = 0; i < 600; i++)
        {
            bool label = rng.NextDouble() < 0.3;
            rows.Add(new Row
            {
                Label = label,
                Feature = (float)((label ? 1.0 : 0.0) + (rng.NextDouble() * 2.0)),
                Noise = (float)rng.NextDouble(),
            });
        }

        var data = mlContext.Data.LoadFromEnumerable(rows);
        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(Row.Feature), nameof(Row.Noise))
            .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var model = pipeline.Fit(data);
        return (mlContext, model.Transform(data));
    }

    [Fact]
    public void EvaluateBinary_TrainedLogisticRegression_AucEqualsMlNetAuc()
    {
        var (mlContext, scored) = TrainAndScore(seed: 7);

        var ours = scored.EvaluateBinary();
        var theirs = mlContext.BinaryClassification.Evaluate(scored);

        Assert.Equal(theirs.AreaUnderRocCurve, ours.RocAuc, 12);
        Assert.Equal(600, ours.N);
    }

    [Fact]
    public void EvaluateBinary_TrainedLogisticRegression_AccuracyAndConfusionEqualMlNet()
    {
        var (mlContext, scored) = TrainAndScore(seed: 11);

        var ours = scored.EvaluateBinary();
        var theirs = mlContext.BinaryClassification.Evaluate(scored);

        Assert.Equal(theirs.Accuracy, ours.Accuracy, 12);
        Assert.Equal(theirs.PositivePrecision, ours.Precision, 12);
        Assert.Equal(theirs.PositiveRecall, ours.Recall, 12);
        Assert.Equal(theirs.F1Score, ours.F1, 12);
    }

    [Fact]
    public void EvaluateBinary_LogLoss_IsMlNetLogLossTimesLnTwo()
    {
        // ML.NET reports log loss in bits (log base 2); scikit-learn and ClassicalML use the natural log.
        var (mlContext, scored) = TrainAndScore(seed: 3);

        var ours = scored.EvaluateBinary();
        var theirs = mlContext.BinaryClassification.Evaluate(scored);

        Assert.NotNull(ours.LogLoss);
        Assert.Equal(theirs.LogLoss * Math.Log(2), ours.LogLoss!.Value, 6);
    }

    [Fact]
    public void EvaluateBinary_HeavyTies_AveragePrecisionDiffersFromMlNetAuprc()
    {
        // ML.NET's AUPRC walks tied scores one row at a time in row order; scikit-learn's average
        // precision (and ours) treats a tie as one threshold. With every score tied and the positives
        // listed first, ML.NET sees a perfect ranking while AP is the positive rate.
        var mlContext = new MLContext(seed: 0);
        var rows = Enumerable.Range(0, 100)
            .Select(i => new Scored { Label = i < 20, Score = 0f, Probability = 0.5f })
            .ToList();
        var data = mlContext.Data.LoadFromEnumerable(rows);

        var ours = data.EvaluateBinary();
        var theirs = mlContext.BinaryClassification.Evaluate(data);

        Assert.Equal(0.2, ours.AveragePrecision, 12);
        Assert.Equal(0.5, ours.RocAuc, 12);
        Assert.Equal(0.5, theirs.AreaUnderRocCurve, 12);
        Assert.True(
            theirs.AreaUnderPrecisionRecallCurve > 0.9,
            $"ML.NET AUPRC was {theirs.AreaUnderPrecisionRecallCurve}; expected its row-order tie handling to give nearly 1");
    }

    [Fact]
    public void ReadBinaryPredictions_ProbabilityColumnPresent_UsesProbability()
    {
        var (_, scored) = TrainAndScore(seed: 5);

        var read = scored.ReadBinaryPredictions();
        var raw = scored.ReadBinaryPredictions(probabilityColumnName: null);

        Assert.True(read.ScoresAreProbabilities);
        Assert.Equal("Probability", read.ScoreColumnName);
        Assert.All(read.Scores, p => Assert.InRange(p, 0.0, 1.0));
        Assert.False(raw.ScoresAreProbabilities);
        Assert.Equal("Score", raw.ScoreColumnName);
        // The probability is a monotone map of the score, so the ranking metrics agree.
        Assert.Equal(Roc.Auc(raw.Labels, raw.Scores), Roc.Auc(read.Labels, read.Scores), 12);
    }

    [Fact]
    public void EvaluateBinary_RawScoresWithoutThreshold_ThresholdsAtZero()
    {
        var (_, scored) = TrainAndScore(seed: 5);

        var report = scored.EvaluateBinary(probabilityColumnName: null);

        Assert.Equal(0.0, report.Threshold);
        Assert.Null(report.LogLoss);
    }

    [Fact]
    public void EvaluateBinary_MissingColumn_NamesColumnAndAlternatives()
    {
        var (_, scored) = TrainAndScore(seed: 5);

        var error = Assert.Throws<ArgumentException>(() => scored.EvaluateBinary(labelColumnName: "Target"));

        Assert.Equal(
            "labelColumnName is 'Target', but the data view has no such column; available columns: 'Label', 'Feature', 'Noise', 'Features', 'PredictedLabel', 'Score', 'Probability'. Pass the name of the column to use. (Parameter 'labelColumnName')",
            error.Message);
    }

    [Fact]
    public void EvaluateBinary_NumericLabelOutsideZeroOne_NamesRowAndValue()
    {
        var mlContext = new MLContext(seed: 0);
        var data = mlContext.Data.LoadFromEnumerable(new[]
        {
            new NumericLabelRow { Label = 1f, Score = 0.2f },
            new NumericLabelRow { Label = 2f, Score = 0.7f },
        });

        var error = Assert.Throws<ArgumentException>(() => data.EvaluateBinary(probabilityColumnName: null));

        Assert.StartsWith(
            "Label column 'Label' holds 2 at row 1; a numeric binary label must be 0 or 1. Map the labels to Boolean (or 0/1) before evaluating.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBinaryPredictions_KnownAndUnknownRowCounts_ReadEveryRowInOrder()
    {
        // 5,000 rows: more than the first buffer a view of unknown length gets (1,024), so that one grows and is trimmed.
        var mlContext = new MLContext(seed: 0);
        var rows = Enumerable.Range(0, 5_000).Select(i => new NumericLabelRow { Label = i % 3 == 0 ? 1f : 0f, Score = ((i * 7919) % 1000) / 1000f }).ToArray();
        IDataView all = mlContext.Data.TakeRows(mlContext.Data.Cache(mlContext.Data.LoadFromEnumerable(rows)), 5_000);
        IDataView filtered = mlContext.Data.FilterRowsByColumn(all, "Score", lowerBound: 0.25, upperBound: 0.875);
        NumericLabelRow[] kept = [.. rows.Where(r => r.Score is >= 0.25f and < 0.875f)];

        BinaryPredictions known = all.ReadBinaryPredictions(probabilityColumnName: null);
        BinaryPredictions unknown = filtered.ReadBinaryPredictions(probabilityColumnName: null);

        Assert.Equal(5_000, all.GetRowCount());
        Assert.Null(filtered.GetRowCount());
        Assert.Equal(rows.Select(r => r.Label == 1f), known.Labels);
        Assert.Equal(rows.Select(r => (double)r.Score), known.Scores);
        Assert.Equal(kept.Select(r => r.Label == 1f), unknown.Labels);
        Assert.Equal(kept.Select(r => (double)r.Score), unknown.Scores);
        Assert.Equal(
            StreamingBinaryEvaluatorTests.Canonical(BinaryEvaluation.Evaluate(unknown.Labels, unknown.Scores, threshold: 0.0)),
            StreamingBinaryEvaluatorTests.Canonical(filtered.EvaluateBinary(probabilityColumnName: null)));
    }

    private sealed class NumericLabelRow
    {
        public float Label { get; set; }

        public float Score { get; set; }
    }

    private sealed class IrisLike
    {
        public string Species { get; set; } = "";

        public float A { get; set; }

        public float B { get; set; }
    }

    private sealed class ScoredIris
    {
        public uint Label { get; set; }

        [VectorType(3)]
        public float[] Score { get; set; } = [];
    }

    private sealed class UnnamedScores
    {
        public string Label { get; set; } = "";

        [VectorType(3)]
        public float[] Score { get; set; } = [];
    }

    private static readonly string[] Species = ["setosa", "versicolor", "virginica"];

    /// <summary>A seeded iris-like set (species by row, the first row virginica so that first-occurrence key order is not sorted), scored by SDCA maximum entropy on one thread.</summary>
    private static (MLContext Context, IDataView Scored) IrisScored()
    {
        var mlContext = new MLContext(seed: 0);
        var rng = new MathNet.Numerics.Random.MersenneTwister(21);
        var rows = Enumerable.Range(0, 300).Select(i =>
        {
            int k = (i + 2) % 3;
            return new IrisLike { Species = Species[k], A = (float)(k + rng.NextDouble() * 1.5), B = (float)rng.NextDouble() };
        }).ToList();
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(IrisLike.Species))
            .Append(mlContext.Transforms.Concatenate("Features", nameof(IrisLike.A), nameof(IrisLike.B)))
            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }));
        return (mlContext, pipeline.Fit(data).Transform(data));
    }

    [Fact]
    public void EvaluateMulticlassLabels_KeyColumns_MapsKeysToNamesAndMatchesMlNetAccuracy()
    {
        var (mlContext, scored) = IrisScored();

        var ours = scored.EvaluateMulticlassLabels();
        var theirs = mlContext.MulticlassClassification.Evaluate(scored);

        Assert.Equal(Species, ours.Labels);
        Assert.Equal(theirs.MicroAccuracy, ours.Accuracy, 12);
        Assert.Equal(theirs.MacroAccuracy, ours.Macro.Recall, 12);
    }

    [Fact]
    public void EvaluateMulticlass_SdcaScores_ClassesFromSlotNamesAndMetricsFromTheScoreVectors()
    {
        var (mlContext, scored) = IrisScored();

        var ours = scored.EvaluateMulticlass();
        var theirs = mlContext.MulticlassClassification.Evaluate(scored);

        // First-occurrence key order, as ML.NET named the score slots: not the sorted order.
        Assert.Equal(["virginica", "setosa", "versicolor"], ours.Labels);
        Assert.Equal(theirs.MicroAccuracy, ours.Predictions.Accuracy, 12);
        Assert.Equal(theirs.MacroAccuracy, ours.Predictions.Macro.Recall, 12);
        Assert.NotNull(ours.LogLoss); // float32 softmax rows pass the sum check at float32's epsilon
        Assert.Equal(theirs.LogLoss, ours.LogLoss.Value, 5); // ML.NET: natural log, its own clip at 1e-15

        // Independently of the adapter: the one-vs-rest AUC of each slot from ML.NET's typed rows.
        var rows = mlContext.Data.CreateEnumerable<ScoredIris>(scored, reuseRowObject: false).ToArray();
        for (int k = 0; k < 3; k++)
        {
            var positive = rows.Select(r => r.Label == k + 1).ToArray();
            var column = rows.Select(r => (double)r.Score[k]).ToArray();
            Assert.Equal(Roc.Auc(positive, column), ours.PerClass[k].RocAuc);
            Assert.Equal(PrecisionRecall.AveragePrecision(positive, column), ours.PerClass[k].AveragePrecision);
        }
    }

    [Fact]
    public void EvaluateMulticlass_LabelRemappedInAnotherOrder_Refused()
    {
        var (mlContext, scored) = IrisScored();
        var remapped = mlContext.Transforms.Conversion
            .MapValueToKey("Label", nameof(IrisLike.Species), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(scored).Transform(scored);

        var ex = Assert.Throws<ArgumentException>(() => remapped.EvaluateMulticlass());

        Assert.Equal("scoreColumnName", ex.ParamName);
        Assert.StartsWith("Slot 0 of score column 'Score' is named 'virginica' but key 1 of label column 'Label' is 'setosa'; the scores and the labels must use the same class order.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateMulticlass_ScoresWithoutClassNames_Refused()
    {
        var mlContext = new MLContext(seed: 0);
        var view = mlContext.Data.LoadFromEnumerable(new[] { new UnnamedScores { Label = "a", Score = [0.2f, 0.3f, 0.5f] } });

        var ex = Assert.Throws<ArgumentException>(() => view.EvaluateMulticlass());

        Assert.StartsWith("Score column 'Score' has 3 slots but neither slot names nor key values of label column 'Label' name 3 classes, so the class of each slot is unknown.", ex.Message, StringComparison.Ordinal);
    }
}
