using System.Text.Json;
using static ClassicalML.Evaluation.Tests.BinaryFixtures;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// Every <see cref="ThresholdSelection"/> rule against scikit-learn 1.2.1 brute force over the candidates of
/// <c>roc_curve(drop_intermediate=False)</c> (tests/reference/binary/operating_points.json from
/// tests/reference/make_operating_point_fixtures.py): the threshold exactly (tie rule: highest threshold), the point's
/// counts and rates to 1e-12, with and without weights, including ties, a single positive and infeasible constraints.
/// </summary>
public class OperatingPointFixtureTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Cases = new(() => LoadCases("operating_points.json"));

    public static TheoryData<string> CaseNames => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MaximizeFBeta_Case_MatchesScikitLearn(string name) =>
        Each(name, "max_fbeta", e => Double(e.GetProperty("beta")), (l, s, w, beta) => w is null ? ThresholdSelection.MaximizeFBeta(l, s, beta) : ThresholdSelection.MaximizeFBeta(l, s, w, beta));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MaximizeF1_Case_IsFBetaOne(string name)
    {
        JsonElement c = Cases.Value[name];
        JsonElement rule = c.GetProperty("rules").GetProperty("max_fbeta");
        if (rule.ValueKind == JsonValueKind.Object)
        {
            Assert.Throws<ArgumentException>(() => Choose(c, (l, s, w) => w is null ? ThresholdSelection.MaximizeF1(l, s) : ThresholdSelection.MaximizeF1(l, s, w)));
            return;
        }

        JsonElement expected = rule.EnumerateArray().Single(e => Double(e.GetProperty("beta")) == 1).GetProperty("point");
        AssertPoint(expected, Choose(c, (l, s, w) => w is null ? ThresholdSelection.MaximizeF1(l, s) : ThresholdSelection.MaximizeF1(l, s, w)), $"{name} max F1");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MaximizeYoudenJ_Case_MatchesScikitLearn(string name) =>
        One(name, "max_youden_j", (l, s, w) => w is null ? ThresholdSelection.MaximizeYoudenJ(l, s) : ThresholdSelection.MaximizeYoudenJ(l, s, w));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MaximizeBalancedAccuracy_Case_MatchesScikitLearn(string name) =>
        One(name, "max_balanced_accuracy", (l, s, w) => w is null ? ThresholdSelection.MaximizeBalancedAccuracy(l, s) : ThresholdSelection.MaximizeBalancedAccuracy(l, s, w));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MinimizeExpectedCost_Case_MatchesScikitLearnConfusion(string name)
    {
        JsonElement c = Cases.Value[name];
        foreach (JsonElement e in c.GetProperty("rules").GetProperty("min_cost").EnumerateArray())
        {
            double cfp = Double(e.GetProperty("cfp"));
            double cfn = Double(e.GetProperty("cfn"));
            double? prior = NullableDouble(e.GetProperty("prior"));
            Check(e.GetProperty("point"), () => Choose(c, (l, s, w) => w is null ? ThresholdSelection.MinimizeExpectedCost(l, s, cfp, cfn, prior) : ThresholdSelection.MinimizeExpectedCost(l, s, w, cfp, cfn, prior)), $"{name} cost {cfp}/{cfn} prior {prior}");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MaximizeRecallAtPrecision_Case_MatchesScikitLearn(string name) =>
        Each(name, "recall_at_precision", e => Double(e.GetProperty("min_precision")), (l, s, w, p) => w is null ? ThresholdSelection.MaximizeRecallAtPrecision(l, s, p) : ThresholdSelection.MaximizeRecallAtPrecision(l, s, w, p));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MaximizeTprAtFpr_Case_MatchesRocCurve(string name) =>
        Each(name, "tpr_at_fpr", e => Double(e.GetProperty("max_fpr")), (l, s, w, a) => w is null ? ThresholdSelection.MaximizeTprAtFpr(l, s, a) : ThresholdSelection.MaximizeTprAtFpr(l, s, w, a));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ReachRecall_Case_MatchesScikitLearn(string name) =>
        Each(name, "reach_recall", e => Double(e.GetProperty("min_recall")), (l, s, w, r) => w is null ? ThresholdSelection.ReachRecall(l, s, r) : ThresholdSelection.ReachRecall(l, s, w, r));

    private delegate ThresholdChoice? Rule(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double[]? weights);

    private delegate ThresholdChoice? ParameterRule(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double[]? weights, double parameter);

    private static ThresholdChoice? Choose(JsonElement c, Rule rule)
    {
        double[]? weights = c.GetProperty("weights").ValueKind == JsonValueKind.Null ? null : Weights(c);
        return rule(Labels(c), Scores(c), weights);
    }

    private static void One(string name, string key, Rule rule)
    {
        JsonElement c = Cases.Value[name];
        Check(c.GetProperty("rules").GetProperty(key), () => Choose(c, rule), $"{name} {key}");
    }

    private static void Each(string name, string key, Func<JsonElement, double> parameter, ParameterRule rule)
    {
        JsonElement c = Cases.Value[name];
        JsonElement all = c.GetProperty("rules").GetProperty(key);
        if (all.ValueKind == JsonValueKind.Object)
        {
            Assert.Throws<ArgumentException>(() => Choose(c, (l, s, w) => rule(l, s, w, 0.5)));
            return;
        }

        foreach (JsonElement e in all.EnumerateArray())
        {
            double value = parameter(e);
            Check(e.GetProperty("point"), () => Choose(c, (l, s, w) => rule(l, s, w, value)), $"{name} {key}({value})");
        }
    }

    private static void Check(JsonElement expected, Func<ThresholdChoice?> choose, string what)
    {
        if (expected.ValueKind == JsonValueKind.Object && expected.TryGetProperty("error", out _))
        {
            Assert.Throws<ArgumentException>(() => choose());
            return;
        }

        ThresholdChoice? actual = choose();
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{what}: expected no feasible threshold, got {actual}");
            return;
        }

        AssertPoint(expected, actual, what);
    }

    private static void AssertPoint(JsonElement expected, ThresholdChoice? actual, string what)
    {
        Assert.True(actual is not null, $"{what}: expected a threshold, got none");
        Assert.True(Double(expected.GetProperty("threshold")) == actual.Threshold, $"{what}: threshold {Double(expected.GetProperty("threshold")):R} expected, got {actual.Threshold:R}");
        AssertClose(Double(expected.GetProperty("value")), actual.Value, $"{what} value");
        AssertClose(Double(expected.GetProperty("tp")), actual.TruePositives, $"{what} tp");
        AssertClose(Double(expected.GetProperty("fp")), actual.FalsePositives, $"{what} fp");
        AssertClose(Double(expected.GetProperty("tn")), actual.TrueNegatives, $"{what} tn");
        AssertClose(Double(expected.GetProperty("fn")), actual.FalseNegatives, $"{what} fn");
        AssertClose(Double(expected.GetProperty("precision")), actual.Precision, $"{what} precision");
        AssertClose(Double(expected.GetProperty("recall")), actual.Recall, $"{what} recall");
        AssertClose(Double(expected.GetProperty("fpr")), actual.FalsePositiveRate, $"{what} fpr");
        AssertClose(Double(expected.GetProperty("f1")), actual.F1, $"{what} f1");
    }
}
