using ClassicalML.Data.Splits;
using ClassicalML.Data.Training;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ClassicalML.Data.Tests.Training;

public class MulticlassCrossValidationTests
{
    private static readonly string[] Names = ["north", "south", "east"];

    private sealed class Point
    {
        public string Label { get; set; } = "";

        public float X { get; set; }

        public float Y { get; set; }
    }

    /// <summary>Three overlapping Gaussian blobs, 45/30/15 rows, in a shuffled row order (so the folds' key orders differ).</summary>
    private static Point[] Blobs()
    {
        var rng = new MathNet.Numerics.Random.MersenneTwister(16);
        var normal = new MathNet.Numerics.Distributions.Normal(0, 1, rng);
        var points = new List<Point>();
        foreach (var (name, count, cx, cy) in new[] { ("north", 45, 0.0, 2.0), ("south", 30, 0.0, -1.0), ("east", 15, 2.0, 0.5) })
        {
            for (int i = 0; i < count; i++)
            {
                points.Add(new Point { Label = name, X = (float)(cx + normal.Sample()), Y = (float)(cy + normal.Sample()) });
            }
        }

        return [.. points.OrderBy(_ => rng.Next())];
    }

    private static MulticlassCrossValidationResult RunBlobs(Point[] points, int seed = 5)
    {
        var ml = new MLContext(seed: 0);
        var view = ml.Data.LoadFromEnumerable(points);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Concatenate("Features", nameof(Point.X), nameof(Point.Y)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, MaximumNumberOfIterations = 50 }));
        return MulticlassCrossValidation.Run(view, pipeline, new StratifiedKFold(3, shuffle: true, seed: seed));
    }

    [Fact]
    public void Run_SameSeeds_BitIdenticalOutOfFoldScores()
    {
        var points = Blobs();
        var a = RunBlobs(points);
        var b = RunBlobs(points);

        Assert.Equal(a.Classes.ToArray(), b.Classes.ToArray());
        Assert.Equal(a.Actual.ToArray(), b.Actual.ToArray());
        for (int r = 0; r < points.Length; r++)
        {
            Assert.True(a.OutOfFoldScores.Row(r).SequenceEqual(b.OutOfFoldScores.Row(r)), $"row {r}");
        }

        Assert.Equal(a.Pooled.RocAucOvrMacro, b.Pooled.RocAucOvrMacro);
        Assert.Equal(a.Pooled.LogLoss, b.Pooled.LogLoss);
    }

    [Fact]
    public void Run_OutOfFold_EveryRowOnceAndPooledIsItsEvaluation()
    {
        var points = Blobs();
        var result = RunBlobs(points);

        Assert.Equal(3, result.Folds.Length);
        Assert.Equal(Enumerable.Range(0, points.Length), result.Folds.SelectMany(f => f.TestIndices).Order());
        Assert.Equal(points.Select(p => p.Label), result.Actual);
        Assert.Equal(Names.Order(), result.Classes.Order());
        Assert.Equal(points.Length, result.Pooled.N);
        var again = MulticlassScoreEvaluation.Evaluate<string>(result.Actual.AsSpan(), result.OutOfFoldScores, result.Classes);
        Assert.Equal(again.RocAucOvrMacro, result.Pooled.RocAucOvrMacro);
        Assert.Equal(again.RocAucOvoWeighted, result.Pooled.RocAucOvoWeighted);
        Assert.Equal(again.Predictions.Accuracy, result.Pooled.Predictions.Accuracy);
        Assert.NotNull(result.Pooled.LogLoss); // float32 softmax rows keep their float epsilon through pooling
        Assert.True(result.Pooled.RocAucOvrMacro > 0.85, $"OvR AUC {result.Pooled.RocAucOvrMacro} on separated blobs");
    }

    [Fact]
    public void Run_Folds_StratifiedAndTheirColumnsMappedByClassName()
    {
        var points = Blobs();
        var result = RunBlobs(points);

        foreach (var fold in result.Folds)
        {
            Assert.Equal(points.Length - fold.TestIndices.Length, fold.TrainingRowCount);
            foreach (var name in Names)
            {
                int inFold = fold.TestIndices.Count(i => points[i].Label == name);
                int total = points.Count(p => p.Label == name);
                Assert.InRange(inFold, total / 3, (total / 3) + 1);

                // The fold's own report (its model's class order) and the pooled matrix's column of the same class agree.
                int column = result.Classes.IndexOf(name);
                bool[] positive = [.. fold.TestIndices.Select(i => points[i].Label == name)];
                double[] scores = [.. fold.TestIndices.Select(i => result.OutOfFoldScores[i, column])];
                var own = fold.Report.PerClass.Single(m => m.Label == name);
                Assert.Equal(Roc.Auc(positive, scores), own.RocAuc);
                Assert.Equal(PrecisionRecall.AveragePrecision(positive, scores), own.AveragePrecision);
            }
        }
    }

    [Fact]
    public void Run_SplitOfOtherRows_Refused()
    {
        var ml = new MLContext(seed: 0);
        var view = ml.Data.LoadFromEnumerable(Blobs());
        var split = new StratifiedKFold(3).Split<string>([.. Enumerable.Range(0, 30).Select(i => Names[i % 3])]);

        var ex = Assert.Throws<ArgumentException>(() => MulticlassCrossValidation.Run(view, ml.Transforms.Conversion.MapValueToKey("Label"), split));

        Assert.StartsWith("split was made on 30 rows but data has 90; they must be the same rows.", ex.Message, StringComparison.Ordinal);
    }
}
