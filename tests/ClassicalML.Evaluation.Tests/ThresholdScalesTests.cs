using Microsoft.ML;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// <see cref="ThresholdSelection.OnOtherScale"/> and the adapter's <see cref="DataViewEvaluation.ThresholdOnOtherScale"/>:
/// an operating point chosen on one score scale reported on the other, exactly when the calibrator allows.
/// </summary>
public sealed class ThresholdScalesTests
{
    private sealed class Row
    {
        public bool Label { get; set; }

        public float Feature { get; set; }

        public float Noise { get; set; }
    }

    [Fact]
    public void OnOtherScale_PlattProbabilities_ExactBothWays()
    {
        var (labels, raw) = Sample(400, seed: 3);
        var probability = PlattScaling.Fit(labels, raw).Calibrate(raw);
        var onProbability = ThresholdSelection.MaximizeF1(labels, probability);

        var toRaw = ThresholdSelection.OnOtherScale(probability, raw, onProbability.Threshold);
        var back = ThresholdSelection.OnOtherScale(raw, probability, toRaw.Threshold);

        Assert.True(toRaw.IsExact);
        Assert.Contains(toRaw.Threshold, raw); // an observed raw score
        Assert.True(toRaw.Below < toRaw.Threshold);
        Assert.Equal(onProbability.TruePositives + onProbability.FalsePositives, toRaw.Positives);
        Assert.Equal(onProbability, ThresholdSelection.MaximizeF1(labels, raw) with { Threshold = onProbability.Threshold }); // same cut, same F1 point
        Assert.True(back.IsExact);
        Assert.Equal(onProbability.Threshold, back.Threshold);
    }

    [Fact]
    public void OnOtherScale_IsotonicStep_ProbabilityToRawExactRawToProbabilityNot()
    {
        // Raw scores 1..6; the isotonic fit pools 2 and 3 into one step (labels 1, 0 → 1/2).
        double[] raw = [1, 2, 3, 4, 5, 6];
        bool[] labels = [false, true, false, true, true, true];
        var probability = IsotonicCalibration.Fit(labels, raw).Calibrate(raw);
        Assert.Equal([0, 0.5, 0.5, 1, 1, 1], probability); // the flat step

        var fromProbability = ThresholdSelection.OnOtherScale(probability, raw, 0.5);
        var fromRaw = ThresholdSelection.OnOtherScale(raw, probability, 3.0); // cuts through the step

        Assert.True(fromProbability.IsExact);
        Assert.Equal(2.0, fromProbability.Threshold);
        Assert.Equal(1.0, fromProbability.Below);
        Assert.False(fromRaw.IsExact);
        Assert.Equal(probability[2], fromRaw.Threshold);
        Assert.Equal(1, fromRaw.Disagreements); // raw 2 shares the step's probability but is below the raw cut
    }

    [Fact]
    public void OnOtherScale_NoRowChosen_NaNThreshold()
    {
        var s = ThresholdSelection.OnOtherScale([0.1, 0.2], [-1, 1], 0.5);

        Assert.True(double.IsNaN(s.Threshold));
        Assert.False(s.IsExact);
        Assert.Equal(1.0, s.Below);
    }

    [Fact]
    public void ThresholdOnOtherScale_TrainedLogisticRegression_RawThresholdMakesTheSameDecisions()
    {
        var ml = new MLContext(seed: 0);
        var rng = new MathNet.Numerics.Random.MersenneTwister(5);
        var rows = Enumerable.Range(0, 500).Select(_ =>
        {
            bool label = rng.NextDouble() < 0.3;
            return new Row { Label = label, Feature = (float)((label ? 1.0 : 0.0) + (rng.NextDouble() * 2.0)), Noise = (float)rng.NextDouble() };
        }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.Concatenate("Features", nameof(Row.Feature), nameof(Row.Noise))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()).Fit(data);
        var scored = model.Transform(data);
        var p = scored.ReadBinaryPredictions();
        var raw = scored.ReadBinaryPredictions(probabilityColumnName: null).Scores;
        var choice = ThresholdSelection.MaximizeF1(p.Labels, p.Scores);

        var s = scored.ThresholdOnOtherScale(choice.Threshold);

        Assert.Equal(ThresholdSelection.OnOtherScale(p.Scores, raw, choice.Threshold), s);
        for (int i = 0; i < raw.Length; i++)
        {
            Assert.Equal(p.Scores[i] >= choice.Threshold, raw[i] >= s.Threshold);
        }

        Assert.True(s.IsExact, $"{s.Disagreements} rows decide differently");
    }

    private static (bool[] Labels, double[] Scores) Sample(int n, int seed)
    {
        var rng = new MathNet.Numerics.Random.MersenneTwister(seed);
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = rng.NextDouble() < 0.4;
            scores[i] = (labels[i] ? 1.2 : 0) + (2 * rng.NextDouble()) - 1;
        }

        return (labels, scores);
    }
}
