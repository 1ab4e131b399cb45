using ClassicalML.Data.Resampling;
using ClassicalML.Data.Splits;
using ClassicalML.Data.Training;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ClassicalML.Data.Tests.Training;

public class CrossValidationTests
{
    private static readonly Dataset Data = TrainingData.Imbalanced();

    private static (CrossValidationResult Result, FoldSplit Split, RecordingEstimator Estimator) RunImbalanced(CrossValidationOptions? options = null, int k = 4)
    {
        var ml = new MLContext(seed: 0);
        var view = Data.ToDataView(ml);
        var split = new StratifiedKFold(k, shuffle: true, seed: 3).Split<bool>(Data.BinaryLabels());
        var estimator = new RecordingEstimator(TrainingData.Logistic(ml, options?.Weighting == ClassWeighting.Balanced ? options.WeightColumnName : null));
        return (CrossValidation.Run(view, estimator, split, options), split, estimator);
    }

    [Fact]
    public void Run_Pooled_EveryRowOnceInRowOrderAndAucEqualsRocAuc()
    {
        var (result, _, _) = RunImbalanced();

        var oof = result.OutOfFold;
        Assert.Equal(Enumerable.Range(0, Data.RowCount), oof.RowIndices);
        Assert.Equal(Enumerable.Range(0, Data.RowCount), result.Folds.SelectMany(f => f.Predictions.RowIndices).Order());
        Assert.Equal(Data.BinaryLabels(), oof.Labels);
        Assert.Equal(Roc.Auc(oof.Labels.AsSpan(), oof.Scores.AsSpan()), result.Pooled.RocAuc);
        Assert.Equal(Data.RowCount, result.Pooled.N);
        Assert.True(result.Pooled.RocAuc > 0.8, $"pooled AUC {result.Pooled.RocAuc} on separable data");
        foreach (var fold in result.Folds)
        {
            for (var k = 0; k < fold.Predictions.Count; k++)
            {
                Assert.Equal(fold.Predictions.Scores[k], oof.Scores[fold.Predictions.RowIndices[k]]);
            }
        }
    }

    [Fact]
    public void Run_Folds_FollowTheSplitAndReportTheirOwnPredictions()
    {
        var (result, split, estimator) = RunImbalanced();

        Assert.Equal(split.K, result.Folds.Length);
        Assert.Equal(split.K, estimator.Seen.Count);
        for (var f = 0; f < split.K; f++)
        {
            var fold = result.Folds[f];
            Assert.Equal(f, fold.Index);
            Assert.Equal(split.Folds[f].TestIndices, fold.Predictions.RowIndices);
            Assert.Equal(split.Folds[f].TrainIndices.Length, fold.TrainingRowCount);
            Assert.Equal(split.Folds[f].TrainIndices.Length, estimator.Seen[f].GetRowCount());
            Assert.True(fold.Predictions.ScoresAreProbabilities);
            var expected = BinaryEvaluation.Evaluate(fold.Predictions.Labels.AsSpan(), fold.Predictions.Scores.AsSpan(), 0.5);
            Assert.Equal(expected.F1, fold.Report.F1);
            Assert.Equal(expected.RocAuc, fold.Report.RocAuc);
            Assert.Equal(fold.Predictions.Count, fold.Report.N);
        }

        Assert.Equal(0.5, result.Threshold);
        Assert.Equal(0.5, result.Pooled.Threshold);
    }

    [Fact]
    public void Run_ThresholdAndRawScores_UseZeroOrTheOverride()
    {
        var raw = RunImbalanced(new CrossValidationOptions { ProbabilityColumnName = null }).Result;
        var custom = RunImbalanced(new CrossValidationOptions { Threshold = 0.3 }).Result;

        Assert.False(raw.OutOfFold.ScoresAreProbabilities);
        Assert.Equal(0.0, raw.Threshold);
        Assert.Contains(raw.OutOfFold.Scores, s => s < 0);
        Assert.Null(raw.Pooled.LogLoss);
        Assert.Equal(0.3, custom.Threshold);
        Assert.All(custom.Folds, f => Assert.Equal(0.3, f.Report.Threshold));
        var positives = custom.OutOfFold.Scores.Count(s => s >= 0.3);
        Assert.Equal(positives, custom.Pooled.TruePositives + custom.Pooled.FalsePositives);
    }

    [Fact]
    public void Run_SameSeeds_IdenticalPredictions()
    {
        var first = RunImbalanced().Result;
        var second = RunImbalanced().Result;

        Assert.Equal(first, second);
        Assert.Equal(first.OutOfFold.Scores.ToArray(), second.OutOfFold.Scores.ToArray());
        Assert.Equal(first.Pooled.RocAuc, second.Pooled.RocAuc);
    }

    [Fact]
    public void Run_SeededContextAndSingleThreadedSdca_IdenticalPredictions()
    {
        CrossValidationResult RunSdca()
        {
            var ml = new MLContext(seed: 1);
            var sdca = ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 });
            return CrossValidation.Run(Data.ToDataView(ml), sdca, new StratifiedKFold(3, shuffle: true, seed: 2));
        }

        var first = RunSdca();
        var second = RunSdca();

        Assert.Equal(first, second);
        Assert.Equal(first.OutOfFold.Scores.ToArray(), second.OutOfFold.Scores.ToArray());
    }

    [Fact]
    public void Run_Pipeline_FittedOnEachTrainingFold()
    {
        var ml = new MLContext(seed: 0);
        var pipeline = ml.Transforms.NormalizeMinMax("Features").Append(TrainingData.Logistic(ml));
        var recorder = new RecordingEstimator(pipeline);
        var labels = Data.BinaryLabels();

        var result = CrossValidation.Run(Data.ToDataView(ml), recorder, new StratifiedKFold(4, shuffle: true, seed: 3));

        Assert.Equal(4, recorder.Seen.Count);
        Assert.Equal(labels, result.OutOfFold.Labels);
        Assert.True(result.Pooled.RocAuc > 0.8, $"pooled AUC {result.Pooled.RocAuc}");
        Assert.All(result.Folds, f => Assert.Equal(Data.RowCount - f.Predictions.Count, recorder.Seen[f.Index].GetRowCount()));
    }

    [Fact]
    public void Run_DifferentSplitSeed_DifferentPredictions()
    {
        var ml = new MLContext(seed: 0);
        var view = Data.ToDataView(ml);
        var a = CrossValidation.Run(view, TrainingData.Logistic(ml), new StratifiedKFold(4, shuffle: true, seed: 3));
        var b = CrossValidation.Run(view, TrainingData.Logistic(ml), new StratifiedKFold(4, shuffle: true, seed: 4));

        Assert.NotEqual(a, b);
        Assert.NotEqual(a.OutOfFold.Scores.ToArray(), b.OutOfFold.Scores.ToArray());
    }

    [Fact]
    public void Summary_F1_MeanAndSampleStandardDeviationOfFolds()
    {
        var (result, _, _) = RunImbalanced();

        var summary = result.Summary(r => r.F1);

        var values = result.Folds.Select(f => f.Report.F1).ToArray();
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        Assert.Equal(values, summary.Values);
        Assert.Equal(mean, summary.Mean, 12);
        Assert.Equal(sd, summary.StandardDeviation, 12);
        Assert.Equal(values.Min(), summary.Min);
        Assert.Equal(values.Max(), summary.Max);
    }

    [Fact]
    public void Summary_FoldWithoutPositives_UndefinedAucMakesSummaryNaN()
    {
        var ml = new MLContext(seed: 0);
        var data = TrainingData.Imbalanced(12);

        // Positives are rows 1, 5 and 9, so the unshuffled fold of rows 6..8 has none.
        var result = CrossValidation.Run(data.ToDataView(ml), TrainingData.Logistic(ml), new KFold(4).Split(12));

        Assert.True(double.IsNaN(result.Folds[2].Report.RocAuc));
        Assert.Contains(result.Folds[2].Report.Undefined, u => u.Metric == "RocAuc");
        var auc = result.Summary(r => r.RocAuc);
        Assert.True(double.IsNaN(auc.Mean) && double.IsNaN(auc.StandardDeviation) && double.IsNaN(auc.Min) && double.IsNaN(auc.Max));
        Assert.False(double.IsNaN(result.Summary(r => r.Accuracy).Mean));
        Assert.False(double.IsNaN(result.Pooled.RocAuc));
    }

    [Fact]
    public void Run_OverSampler_ResamplesTrainingRowsOnlyAndLeavesTestFoldsUnchanged()
    {
        var sampler = new RandomOverSampler(seed: 9);
        var (result, split, estimator) = RunImbalanced(new CrossValidationOptions { Sampler = sampler });

        var labels = Data.BinaryLabels();
        var features = Data.GetNumericMatrix();
        for (var f = 0; f < split.K; f++)
        {
            var train = split.Folds[f].TrainIndices;
            var negatives = train.Count(i => !labels[i]);
            var fold = result.Folds[f];
            Assert.Equal(2 * negatives, fold.TrainingRowCount);
            Assert.Equal(negatives, fold.TrainingPositives);
            Assert.Equal(2 * negatives, estimator.Seen[f].GetRowCount());
            Assert.Equal(split.Folds[f].TestIndices, fold.Predictions.RowIndices);

            // Every row the trainer saw is a copy of a training row of this fold, never of a test row.
            var trainRows = train.Select(i => Row(features, i)).ToHashSet();
            var testRows = split.Folds[f].TestIndices.Select(i => Row(features, i)).ToHashSet();
            var seen = estimator.Seen[f].GetColumn<float[]>("Features").Select(v => string.Join(",", v.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).ToList();
            Assert.All(seen, r => Assert.Contains(r, trainRows));
            Assert.DoesNotContain(seen, testRows.Contains);
            Assert.Equal(fold.TrainingPositives, estimator.Seen[f].GetColumn<bool>("Label").Count(l => l));
        }

        Assert.Equal(Enumerable.Range(0, Data.RowCount), result.OutOfFold.RowIndices);
    }

    [Fact]
    public void Run_TransformedViewWithOtherColumnNames_SamePredictionsAsDatasetView()
    {
        var split = new StratifiedKFold(3, shuffle: true, seed: 6).Split<bool>(Data.BinaryLabels());
        CrossValidationResult Run(bool renamed)
        {
            var ml = new MLContext(seed: 0);
            var view = Data.ToDataView(ml);
            var options = new CrossValidationOptions { Sampler = new RandomOverSampler(seed: 4), Weighting = ClassWeighting.Balanced, WeightColumnName = "w" };
            if (!renamed)
            {
                return CrossValidation.Run(view, TrainingData.Logistic(ml, "w"), split, options);
            }

            // A view that is not a Dataset view, with the label in "y" and the features in "F".
            var other = ml.Transforms.CopyColumns("y", "Label").Append(ml.Transforms.CopyColumns("F", "Features")).Fit(view).Transform(view);
            var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                NumberOfThreads = 1,
                LabelColumnName = "y",
                FeatureColumnName = "F",
                ExampleWeightColumnName = "w",
            });
            return CrossValidation.Run(other, trainer, split, options with { LabelColumnName = "y", FeatureColumnName = "F" });
        }

        var plain = Run(renamed: false);
        var renamed = Run(renamed: true);

        Assert.Equal(plain, renamed);
        Assert.Equal(plain.OutOfFold.Scores.ToArray(), renamed.OutOfFold.Scores.ToArray());
    }

    [Fact]
    public void Run_SameSamplerSeed_IdenticalPredictions()
    {
        var options = new CrossValidationOptions { Sampler = new Smote(seed: 2, k: 3) };

        Assert.Equal(RunImbalanced(options).Result, RunImbalanced(options).Result);
    }

    [Fact]
    public void Run_BalancedWeighting_WeightColumnBalancesTheClassesOfEachTrainingFold()
    {
        var (result, split, estimator) = RunImbalanced(new CrossValidationOptions { Weighting = ClassWeighting.Balanced });

        for (var f = 0; f < split.K; f++)
        {
            var seen = estimator.Seen[f];
            Assert.Equal(NumberDataViewType.Single, seen.Schema["Weight"].Type);
            var weights = seen.GetColumn<float>("Weight").ToArray();
            var labels = seen.GetColumn<bool>("Label").ToArray();
            var n = labels.Length;
            var positives = labels.Count(l => l);
            Assert.Equal(split.Folds[f].TrainIndices.Length, n);
            Assert.All(labels.Zip(weights), p => Assert.Equal((float)(n / (2.0 * (p.First ? positives : n - positives))), p.Second));
            Assert.Equal(n / 2.0, labels.Zip(weights).Where(p => p.First).Sum(p => (double)p.Second), 3);
            Assert.Equal(n / 2.0, labels.Zip(weights).Where(p => !p.First).Sum(p => (double)p.Second), 3);
        }

        Assert.All(result.Folds, f => Assert.Equal(f.Predictions.Count, f.Report.N));
    }

    [Fact]
    public void Run_BalancedWeighting_ChangesTheModel()
    {
        var plain = RunImbalanced().Result;
        var weighted = RunImbalanced(new CrossValidationOptions { Weighting = ClassWeighting.Balanced }).Result;

        // Up-weighting the minority class raises its predicted probabilities on average.
        Assert.True(weighted.OutOfFold.Scores.Average() > plain.OutOfFold.Scores.Average(),
            $"weighted mean score {weighted.OutOfFold.Scores.Average()} vs plain {plain.OutOfFold.Scores.Average()}");
    }

    [Fact]
    public void Run_BalancedWeightingAfterOverSampling_WeightsAreOne()
    {
        var (_, split, estimator) = RunImbalanced(new CrossValidationOptions { Sampler = new RandomOverSampler(seed: 1), Weighting = ClassWeighting.Balanced });

        for (var f = 0; f < split.K; f++)
        {
            Assert.All(estimator.Seen[f].GetColumn<float>("Weight"), w => Assert.Equal(1f, w));
        }
    }

    [Fact]
    public void Run_SplitOfOtherRows_Throws()
    {
        var ml = new MLContext(seed: 0);
        var split = new KFold(3).Split(10);

        var ex = Assert.Throws<ArgumentException>(() => CrossValidation.Run(Data.ToDataView(ml), TrainingData.Logistic(ml), split));

        Assert.Equal("split was made on 10 rows but data has 80; they must be the same rows. Make the split on the labels of this data view. (Parameter 'split')", ex.Message);
    }

    [Fact]
    public void Run_WeightColumnAlreadyPresent_Throws()
    {
        var ml = new MLContext(seed: 0);
        var split = new KFold(3).Split(80);
        var options = new CrossValidationOptions { Weighting = ClassWeighting.Balanced, WeightColumnName = "x0" };

        var ex = Assert.Throws<ArgumentException>(() => CrossValidation.Run(Data.ToDataView(ml), TrainingData.Logistic(ml), split, options));

        Assert.Equal("options.WeightColumnName is 'x0', but data already has a column of that name; the loop would hide it. Pick another name (and pass it to the trainer's exampleWeightColumnName), or drop the column. (Parameter 'options')", ex.Message);
    }

    [Fact]
    public void Run_NaNThreshold_Throws()
    {
        var ml = new MLContext(seed: 0);
        var split = new KFold(3).Split(80);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.Run(Data.ToDataView(ml), TrainingData.Logistic(ml), split, new CrossValidationOptions { Threshold = double.NaN }));

        Assert.StartsWith("options.Threshold is NaN; it must be a finite number. Use null for the default (0.5 for probabilities, 0 for raw scores). (Parameter 'options')", ex.Message);
    }

    [Fact]
    public void Run_SamplerWithoutFeatureVector_Throws()
    {
        var ml = new MLContext(seed: 0);
        var split = new KFold(3).Split(80);
        var options = new CrossValidationOptions { Sampler = new RandomUnderSampler(seed: 0), FeatureColumnName = "x0" };

        var ex = Assert.Throws<ArgumentException>(() => CrossValidation.Run(Data.ToDataView(ml), TrainingData.Logistic(ml), split, options));

        Assert.Equal("options.FeatureColumnName is 'x0', a column of type Single; resampling reads the features as a known-size vector of Single. Concatenate numeric (or already encoded) features into one vector column first, e.g. with mlContext.Transforms.Concatenate, applied to the whole data before cross-validating. (Parameter 'options.FeatureColumnName')", ex.Message);
    }

    private static string Row(double[,] features, int i) =>
        string.Join(",", Enumerable.Range(0, features.GetLength(1)).Select(j => ((float)features[i, j]).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}
