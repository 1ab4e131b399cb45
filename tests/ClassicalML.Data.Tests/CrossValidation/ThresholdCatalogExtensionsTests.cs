using ClassicalML.Data.Training;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Data.Tests.Training;

public class ThresholdCatalogExtensionsTests
{
    [Fact]
    public void ApplyThreshold_TrainedModel_PredictedLabelIsScoreAtLeastTheChosenThresholdAndSurvivesSaving()
    {
        var ml = new MLContext(seed: 0);
        var view = TrainingData.Imbalanced(n: 200, seed: 4).ToDataView(ml);
        var model = TrainingData.Logistic(ml).Fit(view);
        var scored = model.Transform(view);
        var p = scored.ReadBinaryPredictions();
        var choice = ThresholdSelection.MaximizeF1(p.Labels, p.Scores);
        Assert.NotEqual(0.5, choice.Threshold);

        var withThreshold = model.Append(ml.Transforms.ApplyThreshold(choice).Fit(scored));
        var path = Path.Combine(Path.GetTempPath(), $"classicalml-threshold-{Guid.NewGuid():N}.zip");
        ml.Model.Save(withThreshold, view.Schema, path);
        var loaded = ml.Model.Load(path, out _);
        File.Delete(path);

        foreach (var m in new ITransformer[] { withThreshold, loaded })
        {
            var predicted = m.Transform(view).GetColumn<bool>("PredictedLabel").ToArray();
            Assert.Equal(p.Scores.Select(s => s >= choice.Threshold), predicted);
        }

        var raw = ThresholdSelection.OnOtherScale(p.Scores, scored.ReadBinaryPredictions(probabilityColumnName: null).Scores, choice.Threshold);
        var onRaw = ml.Transforms.ApplyThreshold(raw.Threshold, "Score").Fit(scored).Transform(scored).GetColumn<bool>("PredictedLabel");
        Assert.Equal(p.Scores.Select(s => s >= choice.Threshold), onRaw);
    }

    [Theory]
    [InlineData(0.1)] // not a Single: rounded up, so s >= 0.1 holds for the same Single scores
    [InlineData(0.5)]
    [InlineData(-3)]
    public void ApplyThreshold_SingleScores_SameDecisionsAsTheDoubleComparison(double threshold)
    {
        var ml = new MLContext(seed: 0);
        float[] scores = [0.1f, MathF.BitDecrement(0.1f), MathF.BitIncrement(0.1f), 0.5f, MathF.BitDecrement(0.5f), -3f, -2.9999998f, 1f];
        var view = new DataViewBuilder().AddSingle("Probability", scores).Build();

        var predicted = ml.Transforms.ApplyThreshold(threshold).Fit(view).Transform(view).GetColumn<bool>("PredictedLabel");

        Assert.Equal(scores.Select(s => (double)s >= threshold), predicted);
    }
}
