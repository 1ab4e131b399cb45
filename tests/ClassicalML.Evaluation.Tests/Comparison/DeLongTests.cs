using System.Text.Json;
using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// DeLong against R's pROC (tests/reference/comparison/delong_cases.json, written by
/// tests/reference/make_delong_fixtures.R with direction = "&lt;", levels = c(0, 1)), and against the O(P·N)
/// definition of the placements.
/// </summary>
public sealed class DeLongTests
{
    private const double Tolerance = 1e-10;

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => ReferenceCases.Load("comparison", "delong_cases.json"));

    public static TheoryData<string> Names() => [.. Cases.Value.Keys];

    /// <summary>Every case but the single negative, where pROC's paired result is a rounding residue (see below).</summary>
    public static TheoryData<string> PairedNames() => [.. Cases.Value.Keys.Where(n => n != "a single negative")];

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Names))]
    public void AucInterval_PRocCase_MatchesCiAuc(string name)
    {
        var c = Cases.Value[name];
        var confidence = c.GetProperty("confidence").GetDouble();
        foreach (var (scores, key) in new[] { ("scores_a", "ci_a"), ("scores_b", "ci_b") })
        {
            var ci = DeLong.AucInterval(Labels(c), Doubles(c, scores), confidence);

            var expected = c.GetProperty(key);
            AssertClose(expected, "auc", ci.Auc, $"{name} {key}");
            AssertClose(expected, "lower", ci.Lower, $"{name} {key}");
            AssertClose(expected, "upper", ci.Upper, $"{name} {key}");
        }
    }

    [Theory]
    [MemberData(nameof(PairedNames))]
    public void Paired_PRocCase_MatchesRocTest(string name)
    {
        var c = Cases.Value[name];

        var test = DeLong.Paired(Labels(c), Doubles(c, "scores_a"), Doubles(c, "scores_b"), c.GetProperty("confidence").GetDouble());

        var expected = c.GetProperty("paired");
        AssertClose(expected, "z", test.Z, name);
        AssertClose(expected, "p_value", test.PValue, name);
        AssertClose(expected, "ci_low", test.Lower, name);
        AssertClose(expected, "ci_high", test.Upper, name);
        BinaryFixtures.AssertClose(BinaryFixtures.Double(c.GetProperty("ci_a").GetProperty("auc")) - BinaryFixtures.Double(c.GetProperty("ci_b").GetProperty("auc")), test.Difference, name, Tolerance);
    }

    [Fact]
    public void Paired_SingleNegative_NaNWherePRocReportsARoundingResidue()
    {
        var c = Cases.Value["a single negative"];

        var test = DeLong.Paired(Labels(c), Doubles(c, "scores_a"), Doubles(c, "scores_b"));

        // pROC: (V01 − θ)² ≈ 1e-34 over N − 1 = 0 gives an infinite variance, hence Z = 0, p = 1 and (−∞, ∞).
        var proc = c.GetProperty("paired");
        Assert.Equal((0.0, 1.0), (proc.GetProperty("z").GetDouble(), proc.GetProperty("p_value").GetDouble()));
        Assert.True(double.IsNaN(test.Z) && double.IsNaN(test.PValue) && double.IsNaN(test.Lower) && double.IsNaN(test.Upper));
        var undefined = Assert.Single(test.Undefined);
        Assert.Equal("VarianceA, VarianceB, Covariance, StandardError, Z, PValue, Lower, Upper", undefined.Metric);
        Assert.Equal("DeLong's variance needs at least 2 positives and 2 negatives (P = 39, N = 1): the sample variance of the placements divides by N − 1 = 0; reported as NaN (pROC: NA)", undefined.Reason);
    }

    [Fact]
    public void Paired_IdenticalModels_ZeroDifferenceZeroZAndPOne()
    {
        var c = Cases.Value["identical models"];

        var test = DeLong.Paired(Labels(c), Doubles(c, "scores_a"), Doubles(c, "scores_a"));

        Assert.Equal((0.0, 0.0, 0.0, 1.0), (test.Difference, test.StandardError, test.Z, test.PValue));
        Assert.Empty(test.Undefined);
    }

    [Fact]
    public void AucInterval_OneClassOnly_NaNWithReason()
    {
        var ci = DeLong.AucInterval([true, true, true], [0.1, 0.5, 0.9]);

        Assert.True(double.IsNaN(ci.Auc) && double.IsNaN(ci.StandardError) && double.IsNaN(ci.Lower));
        Assert.Equal("only one class is present (P = 3, N = 0): the AUC itself is undefined; reported as NaN", Assert.Single(ci.Undefined).Reason);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Paired_RandomTiedScores_EqualsQuadraticDefinition(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        int n = 4 + random.Next(300);
        var labels = new bool[n];
        var a = new double[n];
        var b = new double[n];
        int levels = 2 + random.Next(seed % 2 == 0 ? 5 : 1000); // heavy ties on even seeds
        for (int i = 0; i < n; i++)
        {
            labels[i] = i < 4 ? i % 2 == 0 : random.NextDouble() < 0.4; // at least 2 of each class
            a[i] = random.Next(levels) + (labels[i] ? random.Next(2) : 0);
            b[i] = random.Next(levels) - (labels[i] ? 0 : random.Next(2));
        }

        var test = DeLong.Paired(labels, a, b);

        var (thetaA, va) = Quadratic(labels, a);
        var (thetaB, vb) = Quadratic(labels, b);
        Assert.Equal(Roc.Auc(labels, a), test.AucA);
        BinaryFixtures.AssertClose(thetaA - thetaB, test.Difference, "difference", 1e-14);
        BinaryFixtures.AssertClose(Cov(va.X, va.X, thetaA, thetaA, va.Y, va.Y), test.VarianceA, "varianceA", 1e-14);
        BinaryFixtures.AssertClose(Cov(vb.X, vb.X, thetaB, thetaB, vb.Y, vb.Y), test.VarianceB, "varianceB", 1e-14);
        BinaryFixtures.AssertClose(Cov(va.X, vb.X, thetaA, thetaB, va.Y, vb.Y), test.Covariance, "covariance", 1e-14);
    }

    [Fact]
    public void Paired_ScoresOfDifferentLength_NamesBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => DeLong.Paired([true, false], [0.1, 0.2], [0.3]));

        Assert.Equal("scoresB", error.ParamName);
        Assert.StartsWith("labels has 2 elements but scoresB has 1;", error.Message, StringComparison.Ordinal);
    }

    /// <summary>θ and the placements straight from their definition, O(P·N).</summary>
    private static (double Theta, (double[] X, double[] Y) V) Quadratic(bool[] labels, double[] scores)
    {
        var pos = scores.Where((_, i) => labels[i]).ToArray();
        var neg = scores.Where((_, i) => !labels[i]).ToArray();
        static double Psi(double x, double y) => x > y ? 1 : x == y ? 0.5 : 0;
        var x = pos.Select(p => neg.Sum(q => Psi(p, q)) / neg.Length).ToArray();
        var y = neg.Select(q => pos.Sum(p => Psi(p, q)) / pos.Length).ToArray();
        return (x.Average(), (x, y));
    }

    private static double Cov(double[] xa, double[] xb, double ta, double tb, double[] ya, double[] yb) =>
        (xa.Select((v, i) => (v - ta) * (xb[i] - tb)).Sum() / (xa.Length - 1) / xa.Length)
        + (ya.Select((v, i) => (v - ta) * (yb[i] - tb)).Sum() / (ya.Length - 1) / ya.Length);

    private static bool[] Labels(JsonElement c) => [.. c.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32() == 1)];

    private static double[] Doubles(JsonElement c, string name) => BinaryFixtures.Doubles(c.GetProperty(name));

    private static void AssertClose(JsonElement c, string key, double actual, string what) =>
        ReferenceCases.AssertClose(c, key, actual, what, Tolerance);
}
