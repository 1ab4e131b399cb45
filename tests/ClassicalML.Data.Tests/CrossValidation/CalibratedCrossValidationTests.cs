using ClassicalML.Data.Splits;
using ClassicalML.Data.Training;
using ClassicalML.Evaluation;
using Microsoft.ML;

namespace ClassicalML.Data.Tests.Training;

/// <summary>
/// <see cref="CrossValidationOptions.Calibration"/>: each fold's calibrator is fitted on inner out-of-fold scores of its
/// training rows only, so the calibration measured on the test rows is not measured on the calibrator's own rows.
/// </summary>
public class CalibratedCrossValidationTests
{
    private static readonly Dataset Data = TrainingData.Imbalanced(n: 200, seed: 11);

    private static readonly FoldSplit Split = new StratifiedKFold(4, shuffle: true, seed: 3).Split<bool>(Data.BinaryLabels());

    private static (CrossValidationResult Result, RecordingEstimator Estimator) Run(Dataset data, CrossValidationOptions options)
    {
        var ml = new MLContext(seed: 0);
        var estimator = new RecordingEstimator(TrainingData.Logistic(ml));
        return (CrossValidation.Run(data.ToDataView(ml), estimator, Split, options), estimator);
    }

    [Theory]
    [InlineData(CalibrationMethod.Platt)]
    [InlineData(CalibrationMethod.Isotonic)]
    public void Run_Calibrated_ScoresAreTheFoldCalibratorOfTheRawScores(CalibrationMethod method)
    {
        var (result, estimator) = Run(Data, new CrossValidationOptions { Calibration = method, CalibrationFolds = 3 });
        var (raw, _) = Run(Data, new CrossValidationOptions { ProbabilityColumnName = null });

        Assert.Equal(Split.K * (1 + 3), estimator.Seen.Count); // the outer model and three inner ones per fold
        for (int f = 0; f < Split.K; f++)
        {
            var fold = result.Folds[f];
            Assert.Equal(method, fold.Calibrator!.Method);
            Assert.True(fold.Predictions.ScoresAreProbabilities);
            Assert.Equal([.. raw.Folds[f].Predictions.Scores], fold.Predictions.RawScores.ToArray()); // the outer model is unchanged
            Assert.Equal(fold.Calibrator.Calibrate(fold.Predictions.RawScores.AsSpan()), fold.Predictions.Scores.ToArray());
            Assert.Equal(Split.Folds[f].TrainIndices.Length, fold.TrainingRowCount);
        }

        Assert.Equal(0.5, result.Threshold);
        Assert.Equal(result.Folds.SelectMany(f => f.Predictions.RowIndices.Zip(f.Predictions.RawScores)).OrderBy(p => p.First).Select(p => p.Second), result.OutOfFold.RawScores.ToArray());
    }

    [Theory]
    [InlineData(CalibrationMethod.Platt)]
    [InlineData(CalibrationMethod.Isotonic)]
    public void Run_TestLabelsFlipped_FoldCalibratorAndScoresUnchanged(CalibrationMethod method)
    {
        // Leak-free: flip the labels of fold 1's test rows only. Fold 1's model and calibrator see training rows only,
        // so its calibrated test scores must not move, while the other folds (which train on those rows) do.
        var test = Split.Folds[1].TestIndices.ToHashSet();
        var labels = Data.BinaryLabels().Select((l, i) => test.Contains(i) ? !l : l).ToArray();
        var flipped = Dataset.FromNumeric("flipped", Matrix(Data), labels);
        var options = new CrossValidationOptions { Calibration = method };

        var (original, _) = Run(Data, options);
        var (changed, _) = Run(flipped, options);

        Assert.Equal(original.Folds[1].Predictions.Scores.ToArray(), changed.Folds[1].Predictions.Scores.ToArray());
        double[] grid = [.. Enumerable.Range(0, 101).Select(i => -8 + (i * 0.16))];
        Assert.Equal(original.Folds[1].Calibrator!.Calibrate(grid), changed.Folds[1].Calibrator!.Calibrate(grid));
        Assert.NotEqual(original.Folds[0].Predictions.Scores.ToArray(), changed.Folds[0].Predictions.Scores.ToArray());
    }

    [Fact]
    public void Run_Isotonic_OutOfFoldEceAboveTheInSampleEce()
    {
        // Calibrating on the rows it is measured on looks better than it is: isotonic regression fitted on all
        // out-of-fold raw scores and measured on them is almost perfectly calibrated there; the leak-free run is not.
        var ml = new MLContext(seed: 0);
        var noisy = Noisy(400, seed: 8); // overlapping classes, so probabilities are not all near 0 or 1
        var split = new StratifiedKFold(4, shuffle: true, seed: 3).Split<bool>(noisy.BinaryLabels());
        var result = CrossValidation.Run(noisy.ToDataView(ml), TrainingData.Logistic(ml), split, new CrossValidationOptions { Calibration = CalibrationMethod.Isotonic });
        var oof = result.OutOfFold;
        var inSample = IsotonicCalibration.Fit(oof.Labels.AsSpan(), oof.RawScores.AsSpan()).Calibrate(oof.RawScores.AsSpan());

        double leakFree = Calibration.Curve(oof.Labels.AsSpan(), oof.Scores.AsSpan()).ExpectedCalibrationError;
        double optimistic = Calibration.Curve(oof.Labels.AsSpan(), inSample).ExpectedCalibrationError;

        Assert.True(optimistic < leakFree, $"in-sample ECE {optimistic} should be below the out-of-fold ECE {leakFree}");
        Assert.True(optimistic < 0.5 * leakFree, $"in-sample ECE {optimistic}, out-of-fold {leakFree}");
        Assert.True(leakFree > 0.01, $"out-of-fold ECE {leakFree}");
    }

    private static Dataset Noisy(int n, int seed)
    {
        var rng = new MathNet.Numerics.Random.MersenneTwister(seed);
        var labels = new bool[n];
        var x = new double[n, 2];
        for (int i = 0; i < n; i++)
        {
            labels[i] = rng.NextDouble() < 0.35;
            x[i, 0] = rng.NextDouble() + (labels[i] ? 0.4 : 0);
            x[i, 1] = rng.NextDouble();
        }

        return Dataset.FromNumeric("noisy", x, labels);
    }

    [Fact]
    public void Run_OneInnerFold_Refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Run(Data, new CrossValidationOptions { Calibration = CalibrationMethod.Platt, CalibrationFolds = 1 }));

        Assert.StartsWith("options.CalibrationFolds is 1; it must be at least 2.", e.Message, StringComparison.Ordinal);
    }

    private static double[,] Matrix(Dataset data)
    {
        var view = data.ToDataView(new MLContext(seed: 0));
        var rows = ColumnReader.ReadFeatures(view, "Features", "features");
        var matrix = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < rows[i].Length; j++)
            {
                matrix[i, j] = rows[i][j];
            }
        }

        return matrix;
    }
}
