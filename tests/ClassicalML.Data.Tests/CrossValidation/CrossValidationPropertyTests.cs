using ClassicalML.Data.Splits;
using ClassicalML.Data.Training;
using ClassicalML.Evaluation;
using FsCheck.Xunit;
using Microsoft.ML;

namespace ClassicalML.Data.Tests.Training;

public class CrossValidationPropertyTests
{
    private static readonly Dataset Data = TrainingData.Imbalanced(48, seed: 8);

    /// <summary>For any fold count and split seed: every row is scored once, by the fold that held it out, and the pooled report is the report of the pooled predictions.</summary>
    [Property(MaxTest = 12)]
    public void Run_AnySplit_PooledIsTheOutOfFoldUnion(byte kRaw, int seed)
    {
        var k = 2 + (kRaw % 4);
        var ml = new MLContext(seed: 0);
        var split = new StratifiedKFold(k, shuffle: true, seed: seed).Split<bool>(Data.BinaryLabels());

        var result = CrossValidation.Run(Data.ToDataView(ml), TrainingData.Logistic(ml), split);

        var fromFolds = new double[Data.RowCount];
        var times = new int[Data.RowCount];
        foreach (var fold in result.Folds)
        {
            Assert.Equal(split.Folds[fold.Index].TestIndices, fold.Predictions.RowIndices);
            for (var j = 0; j < fold.Predictions.Count; j++)
            {
                fromFolds[fold.Predictions.RowIndices[j]] = fold.Predictions.Scores[j];
                times[fold.Predictions.RowIndices[j]]++;
            }
        }

        Assert.All(times, t => Assert.Equal(1, t));
        Assert.Equal(fromFolds, result.OutOfFold.Scores.ToArray());
        var expected = BinaryEvaluation.Evaluate(result.OutOfFold.Labels.AsSpan(), fromFolds, 0.5);
        Assert.Equal(expected.RocAuc, result.Pooled.RocAuc);
        Assert.Equal(expected.AveragePrecision, result.Pooled.AveragePrecision);
        Assert.Equal(expected.TruePositives, result.Pooled.TruePositives);
        Assert.Equal(expected.LogLoss, result.Pooled.LogLoss);
    }
}
