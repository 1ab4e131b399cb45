using System.Text.Json;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// Platt and isotonic calibrators against scikit-learn's _SigmoidCalibration and IsotonicRegression
/// (tests/reference/calibration/calibrator_cases.json, written by tests/reference/make_calibrator_fixtures.py).
/// </summary>
public sealed class CalibratorTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => ReferenceCases.Load("calibration", "calibrator_cases.json"));

    public static TheoryData<string> Names() => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Isotonic_SklearnCase_SameThresholdsValuesAndPredictions(string name)
    {
        var c = Cases.Value[name];

        var iso = Fit(c, CalibrationMethod.Isotonic) as IsotonicCalibration;

        Assert.NotNull(iso);
        Assert.Equal(BinaryFixtures.Doubles(c.GetProperty("isotonic_x")), iso.Thresholds);
        AssertAll(BinaryFixtures.Doubles(c.GetProperty("isotonic_y")), [.. iso.Values], $"{name} y_thresholds_", 1e-12);
        AssertAll(BinaryFixtures.Doubles(c.GetProperty("isotonic_grid")), iso.Calibrate(Grid(c)), $"{name} predict", 1e-12);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Platt_SklearnCase_ExactOptimumAndSklearnPredictions(string name)
    {
        var c = Cases.Value[name];

        var platt = (PlattScaling)Fit(c, CalibrationMethod.Platt);

        // The optimum of the same objective (scipy's Newton, gradient ~1e-15): to 1e-9.
        BinaryFixtures.AssertClose(c.GetProperty("platt_a_exact").GetDouble(), platt.Slope, $"{name} A", 1e-9);
        BinaryFixtures.AssertClose(c.GetProperty("platt_b_exact").GetDouble(), platt.Offset, $"{name} B", 1e-9);

        // scikit-learn's BFGS stops at a gradient of 1e-5: its probabilities agree to 1e-6 on 30 rows or more; on a
        // handful of rows the objective is flat and its stopping point is off by up to ~3e-5 (recorded in the fixture).
        double tolerance = BinaryFixtures.Labels(c).Length >= 30 ? 1e-6 : 1e-4;
        AssertAll(BinaryFixtures.Doubles(c.GetProperty("platt_grid")), platt.Calibrate(Grid(c)), $"{name} predict", tolerance);
    }

    [Fact]
    public void Fit_IntegerWeights_EqualRepeatedRows()
    {
        var c = Cases.Value["200 rows, heavy ties, integer weights"];
        var labels = BinaryFixtures.Labels(c);
        var scores = BinaryFixtures.Scores(c);
        var weights = BinaryFixtures.Weights(c);
        var repeatedLabels = new List<bool>();
        var repeatedScores = new List<double>();
        for (int i = 0; i < labels.Length; i++)
        {
            for (int k = 0; k < (int)weights[i]; k++)
            {
                repeatedLabels.Add(labels[i]);
                repeatedScores.Add(scores[i]);
            }
        }

        foreach (var method in new[] { CalibrationMethod.Platt, CalibrationMethod.Isotonic })
        {
            var weighted = ScoreCalibrator.Fit(method, labels, scores, weights);
            var repeated = ScoreCalibrator.Fit(method, [.. repeatedLabels], [.. repeatedScores]);
            AssertAll(repeated.Calibrate(Grid(c)), weighted.Calibrate(Grid(c)), $"{method} weights = repeats", 1e-12);
        }
    }

    [Fact]
    public void Calibrate_AnyCalibrator_NonDecreasingInTheScore()
    {
        var c = Cases.Value["300 margins, distinct"];
        double[] grid = [.. Enumerable.Range(0, 2001).Select(i => -6 + (i * 0.006))];

        foreach (var method in new[] { CalibrationMethod.Platt, CalibrationMethod.Isotonic })
        {
            double[] p = Fit(c, method).Calibrate(grid);
            for (int i = 1; i < p.Length; i++)
            {
                Assert.True(p[i] >= p[i - 1], $"{method}: p({grid[i]}) = {p[i]} < p({grid[i - 1]}) = {p[i - 1]}");
            }

            Assert.All(p, v => Assert.InRange(v, 0.0, 1.0));
        }
    }

    [Fact]
    public void Fit_BadInput_RefusedNamingTheArgument()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PlattScaling.Fit([true, false], [0.1, 0.2], [1, -1]));
        Assert.StartsWith("weights[1] is -1; it must be a finite number of at least 0.", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([true, false], [0.1, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreCalibrator.Fit((CalibrationMethod)7, [true], [0.1]));
    }

    private static ScoreCalibrator Fit(JsonElement c, CalibrationMethod method) =>
        c.GetProperty("weights").ValueKind == JsonValueKind.Null
            ? ScoreCalibrator.Fit(method, BinaryFixtures.Labels(c), BinaryFixtures.Scores(c))
            : ScoreCalibrator.Fit(method, BinaryFixtures.Labels(c), BinaryFixtures.Scores(c), BinaryFixtures.Weights(c));

    private static double[] Grid(JsonElement c) => BinaryFixtures.Doubles(c.GetProperty("grid"));

    private static void AssertAll(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            BinaryFixtures.AssertClose(expected[i], actual[i], $"{what}[{i}]", tolerance);
        }
    }
}
