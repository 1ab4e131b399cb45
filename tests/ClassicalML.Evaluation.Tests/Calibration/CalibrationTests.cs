using System.Text.Json;
using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// The reliability curve against scikit-learn's calibration_curve, statsmodels' Wilson interval and numpy's Brier
/// decomposition (tests/reference/calibration/calibration_cases.json, written by
/// tests/reference/make_calibration_fixtures.py).
/// </summary>
public sealed class CalibrationTests
{
    private const double Tolerance = 1e-12;

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => ReferenceCases.Load("calibration", "calibration_cases.json"));

    public static TheoryData<string> Names() => [.. Cases.Value.Keys];

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Names))]
    public void Curve_SklearnCase_SameEdgesBinsAndCurve(string name)
    {
        var c = Cases.Value[name];

        var curve = Compute(c);

        // Edges exactly: an edge value's bin depends on the last bit.
        Assert.Equal(Doubles(c, "edges"), curve.Edges);
        Assert.Equal(Ints(c, "bin_index"), curve.Bins.Select(b => (long)b.Index));
        Assert.Equal(Ints(c, "counts"), curve.Bins.Select(b => b.Count));
        Assert.Equal(Ints(c, "positives"), curve.Bins.Select(b => b.Positives));
        AssertAll(Doubles(c, "prob_true"), curve.FractionPositive, $"{name} prob_true");
        AssertAll(Doubles(c, "prob_pred"), curve.MeanPredicted, $"{name} prob_pred");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Curve_SklearnCase_SameWilsonErrorsAndBrierTerms(string name)
    {
        var c = Cases.Value[name];

        var curve = Compute(c);

        AssertAll(Doubles(c, "wilson_lower"), [.. curve.Bins.Select(b => b.FractionInterval.Lower)], $"{name} wilson_lower");
        AssertAll(Doubles(c, "wilson_upper"), [.. curve.Bins.Select(b => b.FractionInterval.Upper)], $"{name} wilson_upper");
        Close(c, "ece", curve.ExpectedCalibrationError, name);
        Close(c, "mce", curve.MaximumCalibrationError, name);
        Close(c, "brier", curve.BrierScore.Brier, name);
        Close(c, "reliability", curve.BrierScore.Reliability, name);
        Close(c, "resolution", curve.BrierScore.Resolution, name);
        Close(c, "uncertainty", curve.BrierScore.Uncertainty, name);
        Close(c, "within_bin_variance", curve.BrierScore.WithinBinVariance, name);
        Close(c, "within_bin_covariance", curve.BrierScore.WithinBinCovariance, name);
    }

    [Fact]
    public void Curve_ForecastsTakeTheBinValues_MurphyThreeTermIdentityExact()
    {
        var curve = Compute(Cases.Value["binned forecasts (bin centres), uniform 5"]);

        var d = curve.BrierScore;
        // Zero but for the rounding of a bin's mean of equal values (the mean of 72 copies of 0.05 is 0.05 ± 1 ulp).
        BinaryFixtures.AssertClose(0.0, d.WithinBinVariance, "WBV", 1e-30);
        BinaryFixtures.AssertClose(0.0, d.WithinBinCovariance, "WBC", 1e-15);
        BinaryFixtures.AssertClose(d.Brier, d.ThreeTermBrier, "REL − RES + UNC", 1e-15);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Curve_AnyForecasts_FiveTermIdentityHolds(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        int n = 1 + random.Next(2000);
        var labels = new bool[n];
        var p = new double[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = seed % 2 == 0 ? random.NextDouble() : Math.Round(random.NextDouble(), 1);
            labels[i] = random.NextDouble() < p[i];
        }

        var d = Calibration.Curve(labels, p, bins: 1 + random.Next(20), strategy: seed % 3 == 0 ? CalibrationBinning.Quantile : CalibrationBinning.Uniform).BrierScore;

        BinaryFixtures.AssertClose(d.Brier, d.ThreeTermBrier + d.WithinBinVariance - d.WithinBinCovariance, "REL − RES + UNC + WBV − WBC", 1e-14);
    }

    [Fact]
    public void Curve_ProbabilityAboveOne_NamesTheRow()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Curve([true, false], [0.5, 1.5]));

        Assert.Equal("probabilities", error.ParamName);
        Assert.Equal(1.5, error.ActualValue);
        Assert.StartsWith("probabilities[1] is 1.5; it must be at least 0 and at most 1. Pass probabilities of the positive class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Curve_ZeroBins_Refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Curve([true, false], [0.5, 0.2], bins: 0));

        Assert.StartsWith("bins is 0; it must be at least 1. Pass, for example, 10.", error.Message, StringComparison.Ordinal);
    }

    private static ReliabilityCurve Compute(JsonElement c) => Calibration.Curve(
        [.. c.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32() == 1)],
        Doubles(c, "probabilities"),
        c.GetProperty("n_bins").GetInt32(),
        c.GetProperty("strategy").GetString() == "quantile" ? CalibrationBinning.Quantile : CalibrationBinning.Uniform);

    private static double[] Doubles(JsonElement c, string name) => BinaryFixtures.Doubles(c.GetProperty(name));

    private static long[] Ints(JsonElement c, string name) => [.. c.GetProperty(name).EnumerateArray().Select(e => e.GetInt64())];

    private static void Close(JsonElement c, string key, double actual, string what) =>
        BinaryFixtures.AssertClose(BinaryFixtures.Double(c.GetProperty(key)), actual, $"{what} {key}", Tolerance);

    private static void AssertAll(double[] expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            BinaryFixtures.AssertClose(expected[i], actual[i], $"{what}[{i}]", Tolerance);
        }
    }
}
