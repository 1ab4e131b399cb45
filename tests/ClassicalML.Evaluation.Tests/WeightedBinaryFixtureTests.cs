using System.Text.Json;
using static ClassicalML.Evaluation.Tests.BinaryFixtures;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// Weighted binary metrics against scikit-learn 1.2.1 with <c>sample_weight</c>
/// (tests/reference/binary/weighted_cases.json from tests/reference/make_weighted_binary_fixtures.py), to 1e-12.
/// </summary>
public class WeightedBinaryFixtureTests
{
    public static TheoryData<string> CaseNames => WeightedNames;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Evaluate_WeightedCase_MatchesWeightedConfusionAndThresholdMetrics(string name)
    {
        JsonElement c = WeightedCase(name);
        double threshold = Double(c.GetProperty("threshold"));
        BinaryReport r = BinaryEvaluation.Evaluate(Labels(c), Scores(c), Weights(c), threshold);
        JsonElement confusion = c.GetProperty("confusion");

        Assert.True(r.IsWeighted);
        ConfusionWeights w = r.WeightedCounts!;
        AssertClose(Double(confusion.GetProperty("tp")), w.TruePositives, "tp");
        AssertClose(Double(confusion.GetProperty("fp")), w.FalsePositives, "fp");
        AssertClose(Double(confusion.GetProperty("tn")), w.TrueNegatives, "tn");
        AssertClose(Double(confusion.GetProperty("fn")), w.FalseNegatives, "fn");
        Assert.Equal(Labels(c).Length, r.N); // rows, whatever their weights
        Assert.Equal(r.N, r.TruePositives + r.FalsePositives + r.TrueNegatives + r.FalseNegatives);
        AssertClose(Double(c.GetProperty("accuracy")), r.Accuracy, "accuracy");
        AssertClose(Double(c.GetProperty("balanced_accuracy")), r.BalancedAccuracy, "balanced_accuracy");
        AssertClose(Double(c.GetProperty("mcc")), r.Mcc, "mcc"); // 1.2.1 returns 0 for a zero denominator: ZeroDivision.Zero
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Evaluate_WeightedCaseBothZeroDivisionPolicies_MatchesPrecisionRecallAndFScores(string name)
    {
        JsonElement c = WeightedCase(name);
        double threshold = Double(c.GetProperty("threshold"));
        foreach ((ZeroDivision policy, string key) in new[] { (ZeroDivision.Zero, "zero_division_0"), (ZeroDivision.One, "zero_division_1") })
        {
            JsonElement e = c.GetProperty(key);
            BinaryReport half = BinaryEvaluation.Evaluate(Labels(c), Scores(c), Weights(c), threshold, beta: 0.5, zeroDivision: policy);
            BinaryReport two = BinaryEvaluation.Evaluate(Labels(c), Scores(c), Weights(c), threshold, beta: 2.0, zeroDivision: policy);

            AssertClose(Double(e.GetProperty("precision")), half.Precision, $"{key} precision");
            AssertClose(Double(e.GetProperty("recall")), half.Recall, $"{key} recall");
            AssertClose(Double(e.GetProperty("specificity")), half.Specificity, $"{key} specificity");
            AssertClose(Double(e.GetProperty("f1")), half.F1, $"{key} f1");
            AssertClose(Double(e.GetProperty("f0.5")), half.FBeta, $"{key} f0.5");
            AssertClose(Double(e.GetProperty("f2")), two.FBeta, $"{key} f2");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Evaluate_WeightedCase_MatchesRankingAndProbabilityMetrics(string name)
    {
        JsonElement c = WeightedCase(name);
        BinaryReport r = BinaryEvaluation.Evaluate(Labels(c), Scores(c), Weights(c), Double(c.GetProperty("threshold")));

        // null: one class weighs 0 in total (scikit-learn raises or gives nan, 0 or 1); ClassicalML reports NaN.
        double auc = NullableDouble(c.GetProperty("roc_auc")) ?? double.NaN;
        double ap = NullableDouble(c.GetProperty("average_precision")) ?? double.NaN;
        AssertClose(auc, r.RocAuc, "roc_auc");
        AssertClose(ap, r.AveragePrecision, "average_precision");
        AssertClose(auc, Roc.Auc(Labels(c), Scores(c), Weights(c)), "Roc.Auc");
        AssertClose(ap, PrecisionRecall.AveragePrecision(Labels(c), Scores(c), Weights(c)), "PrecisionRecall.AveragePrecision");
        Assert.Equal(double.IsNaN(auc), r.Undefined.Any(u => u.Metric == nameof(BinaryReport.RocAuc)));

        double? logLoss = NullableDouble(c.GetProperty("log_loss"));
        double? brier = NullableDouble(c.GetProperty("brier"));
        Assert.Equal(logLoss is null, r.LogLoss is null);
        Assert.Equal(brier is null, r.BrierScore is null);
        AssertClose(logLoss ?? 0, r.LogLoss ?? 0, "log_loss");
        AssertClose(brier ?? 0, r.BrierScore ?? 0, "brier");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void RocCurve_WeightedCaseDropIntermediate_MatchesRocCurve(string name) =>
        AssertRocCurve(WeightedCase(name), "roc_curve", dropIntermediate: true);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void RocCurve_WeightedCaseKeepAll_MatchesRocCurve(string name) =>
        AssertRocCurve(WeightedCase(name), "roc_curve_full", dropIntermediate: false);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void PrecisionRecallCurve_WeightedCase_MatchesPrecisionRecallCurve(string name)
    {
        JsonElement c = WeightedCase(name);
        JsonElement expected = c.GetProperty("pr_curve");
        PrecisionRecallCurve actual = PrecisionRecall.Curve(Labels(c), Scores(c), Weights(c));

        Assert.Equal(Doubles(expected.GetProperty("thresholds")), actual.Thresholds);
        AssertAllClose(Doubles(expected.GetProperty("precision")), actual.Precisions, "precision");
        AssertAllClose(Doubles(expected.GetProperty("recall")), actual.Recalls, "recall");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ThresholdSelection_WeightedCase_MatchesBruteForceOverScikitLearnMetrics(string name)
    {
        JsonElement c = WeightedCase(name);
        JsonElement expected = c.GetProperty("threshold_selection");
        if (expected.TryGetProperty("max_f1", out JsonElement f1))
        {
            ThresholdChoice choice = ThresholdSelection.MaximizeF1(Labels(c), Scores(c), Weights(c));
            Assert.Equal(Double(f1.GetProperty("threshold")), choice.Threshold);
            AssertClose(Double(f1.GetProperty("value")), choice.Value, "max F1");
        }
        else
        {
            Assert.Throws<ArgumentException>(() => ThresholdSelection.MaximizeF1(Labels(c), Scores(c), Weights(c)));
        }

        if (expected.TryGetProperty("max_youden_j", out JsonElement j))
        {
            ThresholdChoice choice = ThresholdSelection.MaximizeYoudenJ(Labels(c), Scores(c), Weights(c));
            Assert.Equal(Double(j.GetProperty("threshold")), choice.Threshold);
            AssertClose(Double(j.GetProperty("value")), choice.Value, "max Youden's J");
        }
        else
        {
            Assert.Throws<ArgumentException>(() => ThresholdSelection.MaximizeYoudenJ(Labels(c), Scores(c), Weights(c)));
        }
    }

    [Fact]
    public void Evaluate_PositivesWeighZero_ListsRankingMetricsAndRecallAsUndefined()
    {
        JsonElement c = WeightedCase("positives_weigh_zero");
        BinaryReport r = BinaryEvaluation.Evaluate(Labels(c), Scores(c), Weights(c), zeroDivision: ZeroDivision.NaN);

        const string Reason = "the positives' weights sum to 0 (P = 0); a ranking metric needs both classes; reported as NaN";
        Assert.Contains(new UndefinedMetric("RocAuc", Reason), r.Undefined);
        Assert.Contains(new UndefinedMetric("AveragePrecision", Reason), r.Undefined);
        Assert.Contains(new UndefinedMetric("Recall", "no actual positives (tp + fn = 0); reported as NaN (ZeroDivision.NaN)"), r.Undefined);
        Assert.True(double.IsNaN(r.Recall));
        Assert.Equal(3, r.Positives); // the rows are there; only their weights are 0
        Assert.Equal(0.0, r.WeightedCounts!.Positives);
    }

    private static void AssertRocCurve(JsonElement c, string key, bool dropIntermediate)
    {
        JsonElement expected = c.GetProperty(key);
        RocCurve actual = Roc.Curve(Labels(c), Scores(c), Weights(c), dropIntermediate);
        double[] thresholds = Doubles(expected.GetProperty("thresholds"));

        // scikit-learn 1.2.1 writes max(score) + 1 as the first threshold; ClassicalML writes +infinity.
        Assert.Equal(double.PositiveInfinity, actual.Thresholds[0]);
        Assert.Equal(thresholds.Skip(1), actual.Thresholds.Skip(1));
        AssertAllClose(Doubles(expected.GetProperty("fpr")), actual.FalsePositiveRates, "fpr");
        AssertAllClose(Doubles(expected.GetProperty("tpr")), actual.TruePositiveRates, "tpr");
    }
}

/// <summary>Every weighted entry point refuses bad weights through the one checker, naming the row.</summary>
public class WeightedBinaryArgumentTests
{
    private static readonly bool[] Labels = [true, false, true, false];
    private static readonly double[] Scores = [0.9, 0.2, 0.6, 0.4];

    public static TheoryData<string> EntryPoints => ["Evaluate", "Auc", "RocCurve", "AveragePrecision", "PrCurve", "MaximizeF1", "MaximizeYoudenJ"];

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void EntryPoint_NegativeWeight_ThrowsNamingTheRow(string entryPoint)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Call(entryPoint, [1.0, 1.0, -0.5, 1.0]));

        Assert.Equal("weights", ex.ParamName);
        Assert.StartsWith("weights[2] is -0.5; it must be a finite number of at least 0.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void EntryPoint_AllWeightsZero_Throws(string entryPoint)
    {
        var ex = Assert.Throws<ArgumentException>(() => Call(entryPoint, [0.0, 0.0, 0.0, 0.0]));

        Assert.StartsWith("weights are all 0;", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void EntryPoint_WeightsOfOtherLength_Throws(string entryPoint)
    {
        var ex = Assert.Throws<ArgumentException>(() => Call(entryPoint, [1.0, 1.0]));

        Assert.StartsWith("labels has 4 elements but weights has 2;", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RocCurve_ZeroWeightRow_IsNoThreshold()
    {
        RocCurve c = Roc.Curve(Labels, Scores, [1.0, 1.0, 0.0, 1.0], dropIntermediate: false);

        Assert.Equal([double.PositiveInfinity, 0.9, 0.4, 0.2], c.Thresholds);
    }

    private static object Call(string entryPoint, double[] weights) => entryPoint switch
    {
        "Evaluate" => BinaryEvaluation.Evaluate(Labels, Scores, weights),
        "Auc" => Roc.Auc(Labels, Scores, weights),
        "RocCurve" => Roc.Curve(Labels, Scores, weights),
        "AveragePrecision" => PrecisionRecall.AveragePrecision(Labels, Scores, weights),
        "PrCurve" => PrecisionRecall.Curve(Labels, Scores, weights),
        "MaximizeF1" => ThresholdSelection.MaximizeF1(Labels, Scores, weights),
        _ => ThresholdSelection.MaximizeYoudenJ(Labels, Scores, weights),
    };
}
