using System.Text.Json;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// The weighted reliability curve: integer weights against scikit-learn's calibration_curve on the rows repeated weight
/// times, non-integer weights against numpy's weighted bincounts (tests/reference/calibration/calibration_weighted_cases.json,
/// make_calibration_fixtures.py).
/// </summary>
public sealed class WeightedCalibrationTests
{
    private const double Tolerance = 1e-12;

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => ReferenceCases.Load("calibration", "calibration_weighted_cases.json"));

    public static TheoryData<string> Names() => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Curve_Weighted_MatchesRepeatedRowsOrWeightedNumpy(string name)
    {
        var c = Cases.Value[name];
        var strategy = c.GetProperty("strategy").GetString() == "quantile" ? CalibrationBinning.Quantile : CalibrationBinning.Uniform;

        var curve = Calibration.Curve(BinaryFixtures.Labels(c), Doubles(c, "probabilities"), Doubles(c, "weights"), c.GetProperty("n_bins").GetInt32(), strategy);

        Assert.Equal(Doubles(c, "edges"), curve.Edges); // exactly: an edge value's bin depends on the last bit
        Assert.Equal(c.GetProperty("bin_index").EnumerateArray().Select(e => e.GetInt32()), curve.Bins.Select(b => b.Index));
        AssertAll(Doubles(c, "counts"), [.. curve.Bins.Select(b => b.Weight)], $"{name} counts");
        AssertAll(Doubles(c, "positives"), [.. curve.Bins.Select(b => b.PositiveWeight)], $"{name} positives");
        AssertAll(Doubles(c, "prob_true"), curve.FractionPositive, $"{name} prob_true");
        AssertAll(Doubles(c, "prob_pred"), curve.MeanPredicted, $"{name} prob_pred");
        if (c.TryGetProperty("wilson_lower", out var lower))
        {
            AssertAll(BinaryFixtures.Doubles(lower), [.. curve.Bins.Select(b => b.FractionInterval.Lower)], $"{name} wilson_lower");
            AssertAll(Doubles(c, "wilson_upper"), [.. curve.Bins.Select(b => b.FractionInterval.Upper)], $"{name} wilson_upper");
        }

        var d = curve.BrierScore;
        foreach (var (key, actual) in new[]
        {
            ("ece", curve.ExpectedCalibrationError), ("mce", curve.MaximumCalibrationError), ("brier", d.Brier), ("reliability", d.Reliability),
            ("resolution", d.Resolution), ("uncertainty", d.Uncertainty), ("within_bin_variance", d.WithinBinVariance), ("within_bin_covariance", d.WithinBinCovariance),
        })
        {
            BinaryFixtures.AssertClose(c.GetProperty(key).GetDouble(), actual, $"{name} {key}", Tolerance);
        }
    }

    [Fact]
    public void Curve_UnitWeights_EqualUnweightedBitForBit()
    {
        var c = Cases.Value["integer weights 0 to 3, quantile 10"];
        var labels = BinaryFixtures.Labels(c);
        var p = Doubles(c, "probabilities");

        foreach (var strategy in new[] { CalibrationBinning.Uniform, CalibrationBinning.Quantile })
        {
            var plain = Calibration.Curve(labels, p, 10, strategy);
            var ones = Calibration.Curve(labels, p, Enumerable.Repeat(1.0, p.Length).ToArray(), 10, strategy);
            Assert.Equal(plain.Edges, ones.Edges);
            Assert.Equal(plain.Bins, ones.Bins);
            Assert.Equal((plain.ExpectedCalibrationError, plain.BrierScore), (ones.ExpectedCalibrationError, ones.BrierScore));
        }
    }

    private static double[] Doubles(JsonElement c, string name) => BinaryFixtures.Doubles(c.GetProperty(name));

    private static void AssertAll(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            BinaryFixtures.AssertClose(expected[i], actual[i], $"{what}[{i}]", Tolerance);
        }
    }
}
