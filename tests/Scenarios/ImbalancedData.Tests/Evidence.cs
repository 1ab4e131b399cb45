using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.ImbalancedData.Tests;

/// <summary>Constructed measurements for the judging step: every claim's cases set to hold unless a test says otherwise.</summary>
internal static class Evidence
{
    public static readonly Interval Undefined = new(double.NaN, double.NaN, double.NaN, 0.95, "test") { UndefinedShare = 1 };

    public static EffectCase Case(string label, double value, double lower, double upper) => new(label, new Interval(value, lower, upper, 0.95, "test"), 1000);

    /// <summary>A case measured over splits: per-split values through the scenario's own mean and corrected resampled t
    /// interval (n_test/n_train = 1, the 50/50 design; NaN values are undefined splits, left out and counted).</summary>
    public static EffectCase SplitCase(string label, params double[] perSplit)
    {
        var value = Comparison.Mean(perSplit, ResamplingDesign.TrainTest(1000, 1000));
        return new EffectCase(label + value.UndefinedNote, value.Interval, Math.Max(1, value.Defined)) { TestTrainRatio = 1 };
    }

    public static IReadOnlyList<EffectCase> SplitEffects(params double[][] perSplit) => [.. perSplit.Select((v, i) => SplitCase($"case {i}", v))];

    public static IReadOnlyList<EffectCase> Effects(params (double Value, double Lower, double Upper)[] effects) =>
        [.. effects.Select((e, i) => Case($"case {i}", e.Value, e.Lower, e.Upper))];

    public static BaselineNumbers Baseline(string name = "a", int predictedPositives = 0) =>
        new(name, 0.1, 1000, predictedPositives, predictedPositives == 0 ? Undefined : new Interval(0.5, 0.3, 0.7, 0.95, "test"), new Interval(0.9, 0.9, 0.9, 0.95, "test"));

    /// <summary>Measurements on which every claim but the correction holds.</summary>
    public static Measurements Holding() => new(
        Baselines: [Baseline("a"), Baseline("b")],
        Accuracy: Effects((0.04, 0.03, 0.05), (0.03, 0.02, 0.04)),
        Resampling: Effects((0.05, 0.03, 0.07), (0.04, 0.02, 0.06)),
        Augmentation: Effects((0.05, 0.03, 0.07)),
        TradeOff: Effects((0.2, 0.1, 0.3), (0.1, 0.05, 0.15)),
        RocStability: Effects((10, 7, 13), (20, 9, 30)),
        PrSpread: Effects((2, 1.5, 2.5), (8, 6, 10)),
        Leak: Effects((0.2, 0.15, 0.25), (0.05, 0.02, 0.08)));

    public static ClaimResult Judged(Claim claim, Measurements measurements) => Judging.Judge(measurements).Single(r => r.Claim == claim);
}
