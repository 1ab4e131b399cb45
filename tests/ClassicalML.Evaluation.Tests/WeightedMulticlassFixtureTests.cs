using System.Globalization;
using System.Text.Json;
using ClassicalML.Evaluation;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// Weighted MulticlassScoreEvaluation and MulticlassEvaluation against scikit-learn 1.2.1's <c>sample_weight</c>
/// (tests/reference/make_weighted_multiclass_fixtures.py).
/// </summary>
public sealed class WeightedMulticlassFixtureTests
{
    private const double Tolerance = 1e-12;

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => ReferenceCases.Load("multiclass", "weighted_multiclass_cases.json"));

    public static TheoryData<string, ZeroDivision> CaseNames()
    {
        var data = new TheoryData<string, ZeroDivision>();
        foreach (var name in Cases.Value.Keys)
        {
            foreach (var policy in Enum.GetValues<ZeroDivision>())
            {
                data.Add(name, policy);
            }
        }

        return data;
    }

    [Fact]
    public void Fixtures_Loaded_CoverZeroAndHeavyWeights()
    {
        var names = Cases.Value.Keys.ToList();
        Assert.Equal(7, names.Count);
        Assert.Contains("ints_5_heavy_rows", names);
        Assert.Contains("ints_4_class_of_zero_weight", names);
        Assert.Contains("strings_4_predicted_only_at_weight_0", names);
        Assert.Contains("strings_5_unnormalised_integer_weights", names);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Evaluate_WeightedSklearnCase_MatchesReference(string name, ZeroDivision policy)
    {
        var c = Cases.Value[name];
        if (c.GetProperty("label_type").GetString() == "string")
        {
            CheckReport(c, policy, e => e.GetString()!);
        }
        else
        {
            CheckReport(c, policy, e => e.GetInt32());
        }
    }

    private static void CheckReport<TLabel>(JsonElement c, ZeroDivision policy, Func<JsonElement, TLabel> read)
        where TLabel : notnull
    {
        var actual = c.GetProperty("actual").EnumerateArray().Select(read).ToArray();
        var classes = c.GetProperty("classes").EnumerateArray().Select(read).ToList();
        var scores = ScoreMatrix.FromRows(c.GetProperty("scores").EnumerateArray().Select(r => (IReadOnlyList<double>)BinaryFixtures.Doubles(r)).ToList());
        var weights = BinaryFixtures.Weights(c);
        var ks = Enumerable.Range(1, classes.Count).ToArray();
        var report = MulticlassScoreEvaluation.Evaluate<TLabel>(actual, scores, weights, classes, new MulticlassScoreOptions { ZeroDivision = policy, TopK = ks });

        Assert.True(report.IsWeighted);
        Assert.Equal(actual.Length, report.N);
        var fill = policy switch { ZeroDivision.Zero => 0.0, ZeroDivision.One => 1.0, _ => double.NaN };
        var auc = c.GetProperty("per_class_roc_auc").EnumerateArray().ToArray();
        var ap = c.GetProperty("per_class_average_precision").EnumerateArray().ToArray();
        var support = BinaryFixtures.Doubles(c.GetProperty("weighted_support"));
        for (int k = 0; k < classes.Count; k++)
        {
            AssertClose(support[k], report.PerClass[k].WeightedSupport, "weighted_support");
            Assert.Equal(actual.Count(a => EqualityComparer<TLabel>.Default.Equals(a, classes[k])), report.PerClass[k].Support);
            AssertClose(auc[k].ValueKind == JsonValueKind.Null ? fill : auc[k].GetDouble(), report.PerClass[k].RocAuc, "roc_auc");
            AssertClose(ap[k].ValueKind == JsonValueKind.Null ? fill : ap[k].GetDouble(), report.PerClass[k].AveragePrecision, "average_precision");
        }

        var ovr = c.GetProperty("roc_auc_ovr").GetProperty(policy.ToString());
        AssertClose(BinaryFixtures.Double(ovr.GetProperty("macro")), report.RocAucOvrMacro, "ovr macro");
        AssertClose(BinaryFixtures.Double(ovr.GetProperty("weighted")), report.RocAucOvrWeighted, "ovr weighted");
        AssertClose(report.RocAucOvrWeighted, MulticlassScoreEvaluation.RocAuc<TLabel>(actual, scores, weights, classes, MulticlassRocAuc.OneVsRestWeighted, policy), "RocAuc");
        var ovo = c.GetProperty("roc_auc_ovo");
        AssertClose(ovo.ValueKind == JsonValueKind.Null ? fill : ovo.GetProperty("macro").GetDouble(), report.RocAucOvoMacro, "ovo macro");
        AssertClose(ovo.ValueKind == JsonValueKind.Null ? fill : ovo.GetProperty("weighted").GetDouble(), report.RocAucOvoWeighted, "ovo weighted");
        AssertClose(report.RocAucOvoWeighted, MulticlassScoreEvaluation.RocAuc<TLabel>(actual, scores, weights, classes, MulticlassRocAuc.OneVsOneWeighted, policy), "RocAuc");

        var topK = c.GetProperty("top_k_accuracy");
        foreach (var k in ks)
        {
            AssertClose(topK.GetProperty(k.ToString(CultureInfo.InvariantCulture)).GetDouble(), report.TopKAccuracy[k], $"top_{k}");
        }

        AssertOptional(c.GetProperty("log_loss"), report.LogLoss, "log_loss");
        AssertOptional(c.GetProperty("brier"), report.BrierScore, "brier");
        AssertClose(topK.GetProperty("2").GetDouble(), MulticlassScoreEvaluation.TopKAccuracy<TLabel>(actual, scores, weights, classes, 2), "TopKAccuracy");
        if (report.LogLoss is { } logLoss)
        {
            Assert.Equal(logLoss, MulticlassScoreEvaluation.LogLoss<TLabel>(actual, scores, weights, classes));
            Assert.Equal(report.BrierScore, MulticlassScoreEvaluation.BrierScore<TLabel>(actual, scores, weights, classes));
        }

        var roc = MulticlassScoreEvaluation.RocCurves<TLabel>(actual, scores, weights, classes);
        var pr = MulticlassScoreEvaluation.PrecisionRecallCurves<TLabel>(actual, scores, weights, classes);
        for (int k = 0; k < classes.Count; k++)
        {
            bool[] positive = [.. actual.Select(a => EqualityComparer<TLabel>.Default.Equals(a, classes[k]))];
            Assert.Equal(Roc.Curve(positive, scores.Column(k), weights).TruePositiveRates, roc[k].TruePositiveRates);
            Assert.Equal(PrecisionRecall.Curve(positive, scores.Column(k), weights).Precisions, pr[k].Precisions);
        }
        var predicted = c.GetProperty("predicted").EnumerateArray().Select(read).ToArray();
        CheckLabels(c.GetProperty("labels"), report.Predictions, policy);
        CheckLabels(c.GetProperty("labels"), MulticlassEvaluation.Evaluate<TLabel>(actual, predicted, weights, classes, policy), policy);
    }

    private static void CheckLabels<TLabel>(JsonElement expected, MulticlassReport<TLabel> report, ZeroDivision policy)
        where TLabel : notnull
    {
        Assert.True(report.IsWeighted);
        var matrix = expected.GetProperty("confusion_matrix").EnumerateArray().Select(BinaryFixtures.Doubles).ToArray();
        for (int i = 0; i < matrix.Length; i++)
        {
            for (int j = 0; j < matrix.Length; j++)
            {
                AssertClose(matrix[i][j], report.ConfusionMatrix.Weight(i, j), $"confusion[{i}, {j}]");
            }
        }

        AssertClose(expected.GetProperty("accuracy").GetDouble(), report.Accuracy, "accuracy");
        if (policy == ZeroDivision.NaN)
        {
            return; // scikit-learn 1.2.1 has zero_division 0 and 1 only; MulticlassFixtureTests covers NaN's averaging rule
        }

        var e = expected.GetProperty("zero_division").GetProperty(policy == ZeroDivision.Zero ? "0" : "1");
        var precision = BinaryFixtures.Doubles(e.GetProperty("precision"));
        var recall = BinaryFixtures.Doubles(e.GetProperty("recall"));
        var f1 = BinaryFixtures.Doubles(e.GetProperty("f1"));
        var support = BinaryFixtures.Doubles(e.GetProperty("support"));
        for (int k = 0; k < precision.Length; k++)
        {
            AssertClose(precision[k], report.PerClass[k].Precision, "precision");
            AssertClose(recall[k], report.PerClass[k].Recall, "recall");
            AssertClose(f1[k], report.PerClass[k].F1, "f1");
            AssertClose(support[k], report.PerClass[k].WeightedSupport, "support");
        }

        foreach (var (avg, got) in new[] { ("macro", report.Macro), ("micro", report.Micro), ("weighted", report.Weighted) })
        {
            var a = e.GetProperty(avg);
            AssertClose(a.GetProperty("precision").GetDouble(), got.Precision, avg + " precision");
            AssertClose(a.GetProperty("recall").GetDouble(), got.Recall, avg + " recall");
            AssertClose(a.GetProperty("f1").GetDouble(), got.F1, avg + " f1");
        }
    }

    private static void AssertOptional(JsonElement expected, double? actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        AssertClose(expected.GetDouble(), actual.Value, what);
    }

    private static void AssertClose(double expected, double actual, string what) => BinaryFixtures.AssertClose(expected, actual, what, Tolerance);
}
