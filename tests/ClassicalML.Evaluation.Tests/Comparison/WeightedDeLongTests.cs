using System.Text.Json;
using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// Weighted DeLong: integer weights against R's pROC on the rows repeated weight times
/// (tests/reference/comparison/delong_weighted_cases.json, make_delong_fixtures.R), and non-integer weights against
/// the O(P·N) weighted placements written out here.
/// </summary>
public sealed class WeightedDeLongTests
{
    private const double Tolerance = 1e-10;

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => ReferenceCases.Load("comparison", "delong_weighted_cases.json"));

    public static TheoryData<string> Names() => [.. Cases.Value.Keys];

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Names))]
    public void Weighted_IntegerWeights_MatchPRocOnRepeatedRows(string name)
    {
        var c = Cases.Value[name];
        var labels = Labels(c);
        var w = Doubles(c, "weights");
        double confidence = c.GetProperty("confidence").GetDouble();
        foreach (var (scores, key) in new[] { ("scores_a", "ci_a"), ("scores_b", "ci_b") })
        {
            var ci = DeLong.AucInterval(labels, Doubles(c, scores), w, confidence);

            var expected = c.GetProperty(key);
            ReferenceCases.AssertClose(expected, "auc", ci.Auc, $"{name} {key}", Tolerance);
            ReferenceCases.AssertClose(expected, "lower", ci.Lower, $"{name} {key}", Tolerance);
            ReferenceCases.AssertClose(expected, "upper", ci.Upper, $"{name} {key}", Tolerance);
        }

        var test = DeLong.Paired(labels, Doubles(c, "scores_a"), Doubles(c, "scores_b"), w, confidence);
        var paired = c.GetProperty("paired");
        foreach (var (key, actual) in new[] { ("z", test.Z), ("p_value", test.PValue), ("ci_low", test.Lower), ("ci_high", test.Upper) })
        {
            ReferenceCases.AssertClose(paired, key, actual, name, Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Weighted_AnyWeights_EqualWeightedQuadraticDefinition(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        int n = 6 + random.Next(200);
        var labels = new bool[n];
        var a = new double[n];
        var b = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i < 4 ? i % 2 == 0 : random.NextDouble() < 0.4;
            a[i] = random.Next(seed % 2 == 0 ? 5 : 1000) + (labels[i] ? random.Next(2) : 0);
            b[i] = random.Next(20) - (labels[i] ? 0 : random.Next(2));
            w[i] = i < 4 ? 1 + random.NextDouble() : random.NextDouble() < 0.1 ? 0 : 3 * random.NextDouble();
        }

        var test = DeLong.Paired(labels, a, b, w);
        var ci = DeLong.AucInterval(labels, a, w);

        var (ta, xa, ya) = Placements(labels, a, w);
        var (tb, xb, yb) = Placements(labels, b, w);
        BinaryFixtures.AssertClose(Roc.Auc(labels, a, w), test.AucA, "AUC = weighted Roc.Auc", 1e-14);
        BinaryFixtures.AssertClose(ta, test.AucA, "theta", 1e-14);
        BinaryFixtures.AssertClose(Cov(labels, w, xa, xa, ya, ya, ta, ta), test.VarianceA, "varianceA", 1e-13);
        BinaryFixtures.AssertClose(Cov(labels, w, xb, xb, yb, yb, tb, tb), test.VarianceB, "varianceB", 1e-13);
        BinaryFixtures.AssertClose(Cov(labels, w, xa, xb, ya, yb, ta, tb), test.Covariance, "covariance", 1e-13);
        BinaryFixtures.AssertClose(Math.Sqrt(test.VarianceA), ci.StandardError, "interval's standard error", 1e-14);
    }

    [Fact]
    public void Weighted_UnitWeights_EqualUnweightedBitForBit()
    {
        var c = Cases.Value["continuous, weights 0 to 3"];
        var labels = Labels(c);
        var ones = Enumerable.Repeat(1.0, labels.Length).ToArray();

        Assert.Equal(DeLong.Paired(labels, Doubles(c, "scores_a"), Doubles(c, "scores_b")) with { Undefined = [] }, DeLong.Paired(labels, Doubles(c, "scores_a"), Doubles(c, "scores_b"), ones) with { Undefined = [] });
        Assert.Equal(DeLong.AucInterval(labels, Doubles(c, "scores_a")) with { Undefined = [] }, DeLong.AucInterval(labels, Doubles(c, "scores_a"), ones) with { Undefined = [] });
    }

    [Fact]
    public void Weighted_PositiveWeightAtMostOne_UndefinedWithReason()
    {
        var ci = DeLong.AucInterval([true, true, false, false], [0.9, 0.4, 0.5, 0.1], [0.5, 0.25, 1, 2]);

        Assert.True(double.IsNaN(ci.StandardError) && double.IsNaN(ci.Lower));
        Assert.Equal(2.0 / 2.25, ci.Auc); // (0.5·3 + 0.25·2) / (0.75·3)
        Assert.Equal("DeLong's weighted variance needs a weight above 1 in each class (W+ = 0.75, W- = 3): the placements' variance divides by W - 1 <= 0; reported as NaN", Assert.Single(ci.Undefined).Reason);
    }

    /// <summary>θ and the weighted placements from their definition, O(P·N); rows of weight 0 get placements but weigh nothing.</summary>
    private static (double Theta, double[] X, double[] Y) Placements(bool[] labels, double[] s, double[] w)
    {
        static double Psi(double x, double y) => x > y ? 1 : x == y ? 0.5 : 0;
        double wp = labels.Select((l, i) => l ? w[i] : 0).Sum();
        double wn = labels.Select((l, i) => l ? 0 : w[i]).Sum();
        var x = new double[s.Length];
        var y = new double[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            for (int j = 0; j < s.Length; j++)
            {
                x[i] += labels[i] && !labels[j] ? w[j] * Psi(s[i], s[j]) / wn : 0;
                y[i] += !labels[i] && labels[j] ? w[j] * Psi(s[j], s[i]) / wp : 0;
            }
        }

        return (labels.Select((l, i) => l ? w[i] * x[i] : 0).Sum() / wp, x, y);
    }

    private static double Cov(bool[] labels, double[] w, double[] xa, double[] xb, double[] ya, double[] yb, double ta, double tb)
    {
        double wp = labels.Select((l, i) => l ? w[i] : 0).Sum();
        double wn = labels.Select((l, i) => l ? 0 : w[i]).Sum();
        double s10 = labels.Select((l, i) => l ? w[i] * (xa[i] - ta) * (xb[i] - tb) : 0).Sum() / (wp - 1);
        double s01 = labels.Select((l, i) => l ? 0 : w[i] * (ya[i] - ta) * (yb[i] - tb)).Sum() / (wn - 1);
        return (s10 / wp) + (s01 / wn);
    }

    private static bool[] Labels(JsonElement c) => [.. c.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32() == 1)];

    private static double[] Doubles(JsonElement c, string name) => BinaryFixtures.Doubles(c.GetProperty(name));
}
