using System.Globalization;
using System.Text.Json;
using ClassicalML.Evaluation;

namespace ClassicalML.Evaluation.Tests;

/// <summary>MulticlassScoreEvaluation against scikit-learn 1.2.1 (tests/reference/make_multiclass_score_fixtures.py).</summary>
public sealed class MulticlassScoreFixtureTests
{
    private const double Tolerance = 1e-12;

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => ReferenceCases.Load("multiclass", "multiclass_score_cases.json"));

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

    public static TheoryData<string> CaseNamesOnly()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Fixtures_Loaded_CoverTheHardCases()
    {
        var names = Cases.Value.Keys.ToList();
        Assert.Equal(9, names.Count);
        Assert.Contains("strings_4_float32", names);
        Assert.Contains("ints_10_ties", names);
        Assert.Contains("strings_4_never_predicted", names);
        Assert.Contains("ints_4_absent_class", names);
        Assert.Contains("strings_5_unnormalised", names);
        Assert.Contains("ints_3_unsorted_class_order", names);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Evaluate_SklearnCase_MatchesReference(string name, ZeroDivision policy)
    {
        var c = Case(name);
        if (c.GetProperty("label_type").GetString() == "string")
        {
            CheckReport(c, policy, e => e.GetString()!);
        }
        else
        {
            CheckReport(c, policy, e => e.GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(CaseNamesOnly))]
    public void Curves_SklearnCase_MatchReference(string name)
    {
        var c = Case(name);
        if (c.GetProperty("label_type").GetString() == "string")
        {
            CheckCurves(c, e => e.GetString()!);
        }
        else
        {
            CheckCurves(c, e => e.GetInt32());
        }
    }

    private static JsonElement Case(string name) => Cases.Value[name];

    private static (TLabel[] Actual, ScoreMatrix Scores, List<TLabel> Classes) Inputs<TLabel>(JsonElement c, Func<JsonElement, TLabel> read)
    {
        var actual = c.GetProperty("actual").EnumerateArray().Select(read).ToArray();
        var classes = c.GetProperty("classes").EnumerateArray().Select(read).ToList();
        var rows = c.GetProperty("scores").EnumerateArray().Select(r => (IReadOnlyList<double>)Doubles(r)).ToList();
        if (c.GetProperty("dtype").GetString() == "float32")
        {
            // Single-precision scores, as ML.NET writes them: the values are exact floats.
            return (actual, ScoreMatrix.FromRowMajor(rows.SelectMany(r => r).Select(v => (float)v).ToArray(), classes.Count), classes);
        }

        return (actual, ScoreMatrix.FromRows(rows), classes);
    }

    private static void CheckReport<TLabel>(JsonElement c, ZeroDivision policy, Func<JsonElement, TLabel> read)
        where TLabel : notnull
    {
        var (actual, scores, classes) = Inputs(c, read);
        var ks = Enumerable.Range(1, classes.Count + 1).ToArray();
        var report = MulticlassScoreEvaluation.Evaluate<TLabel>(actual, scores, classes, new MulticlassScoreOptions { ZeroDivision = policy, TopK = ks });

        Assert.Equal(classes, report.Labels);
        Assert.Equal(actual.Length, report.N);
        var fill = policy switch { ZeroDivision.Zero => 0.0, ZeroDivision.One => 1.0, _ => double.NaN };
        var auc = c.GetProperty("per_class_roc_auc").EnumerateArray().ToArray();
        var ap = c.GetProperty("per_class_average_precision").EnumerateArray().ToArray();
        var support = c.GetProperty("support").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        for (int k = 0; k < classes.Count; k++)
        {
            var label = Preconditions.Format(classes[k]);
            Assert.Equal(support[k], report.PerClass[k].Support);
            AssertClose(auc[k].ValueKind == JsonValueKind.Null ? fill : auc[k].GetDouble(), report.PerClass[k].RocAuc);
            AssertClose(ap[k].ValueKind == JsonValueKind.Null ? fill : ap[k].GetDouble(), report.PerClass[k].AveragePrecision);
            Assert.Equal(auc[k].ValueKind == JsonValueKind.Null, report.Undefined.Any(u => u.Metric == $"roc_auc[{label}]"));
        }

        var ovr = c.GetProperty("roc_auc_ovr").GetProperty(policy.ToString());
        AssertClose(Number(ovr.GetProperty("macro")), report.RocAucOvrMacro);
        AssertClose(Number(ovr.GetProperty("weighted")), report.RocAucOvrWeighted);
        var ovo = c.GetProperty("roc_auc_ovo");
        AssertClose(ovo.ValueKind == JsonValueKind.Null ? fill : ovo.GetProperty("macro").GetDouble(), report.RocAucOvoMacro);
        AssertClose(ovo.ValueKind == JsonValueKind.Null ? fill : ovo.GetProperty("weighted").GetDouble(), report.RocAucOvoWeighted);
        Assert.Equal(ovo.ValueKind == JsonValueKind.Null, report.Undefined.Any(u => u.Metric == "roc_auc_ovo_macro"));
        AssertClose(report.RocAucOvrMacro, MulticlassScoreEvaluation.RocAuc<TLabel>(actual, scores, classes, MulticlassRocAuc.OneVsRestMacro, policy));
        AssertClose(report.RocAucOvrWeighted, MulticlassScoreEvaluation.RocAuc<TLabel>(actual, scores, classes, MulticlassRocAuc.OneVsRestWeighted, policy));
        AssertClose(report.RocAucOvoMacro, MulticlassScoreEvaluation.RocAuc<TLabel>(actual, scores, classes, MulticlassRocAuc.OneVsOneMacro, policy));
        AssertClose(report.RocAucOvoWeighted, MulticlassScoreEvaluation.RocAuc<TLabel>(actual, scores, classes, MulticlassRocAuc.OneVsOneWeighted, policy));

        var topK = c.GetProperty("top_k_accuracy");
        Assert.Equal(ks, report.TopKAccuracy.Keys);
        foreach (var k in ks)
        {
            AssertClose(topK.GetProperty(k.ToString(CultureInfo.InvariantCulture)).GetDouble(), report.TopKAccuracy[k]);
        }

        AssertOptional(c.GetProperty("log_loss"), report.LogLoss);
        AssertOptional(c.GetProperty("brier"), report.BrierScore);
        CheckPredictions(c, read, report, policy);
    }

    private static void CheckPredictions<TLabel>(JsonElement c, Func<JsonElement, TLabel> read, MulticlassScoreReport<TLabel> report, ZeroDivision policy)
        where TLabel : notnull
    {
        var expectedMatrix = c.GetProperty("confusion_matrix").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(x => x.GetInt64()).ToArray()).ToArray();
        Assert.Equal(expectedMatrix, report.Predictions.ConfusionMatrix.ToArray());
        var predicted = c.GetProperty("predicted").EnumerateArray().Select(read).ToArray();
        var (_, scores, classes) = Inputs(c, read);
        Assert.Equal(predicted, MulticlassScoreEvaluation.PredictedLabels(scores, classes));
        if (policy != ZeroDivision.Zero)
        {
            return; // the reference was written with zero_division=0; MulticlassFixtureTests covers the other policies
        }

        var precision = Doubles(c.GetProperty("precision"));
        var recall = Doubles(c.GetProperty("recall"));
        var f1 = Doubles(c.GetProperty("f1"));
        for (int k = 0; k < precision.Length; k++)
        {
            Assert.Equal(precision[k], report.Predictions.PerClass[k].Precision, Tolerance);
            Assert.Equal(recall[k], report.Predictions.PerClass[k].Recall, Tolerance);
            Assert.Equal(f1[k], report.Predictions.PerClass[k].F1, Tolerance);
        }
    }

    private static void CheckCurves<TLabel>(JsonElement c, Func<JsonElement, TLabel> read)
        where TLabel : notnull
    {
        var (actual, scores, classes) = Inputs(c, read);
        var roc = MulticlassScoreEvaluation.RocCurves<TLabel>(actual, scores, classes);
        var pr = MulticlassScoreEvaluation.PrecisionRecallCurves<TLabel>(actual, scores, classes);
        var expectedRoc = c.GetProperty("roc_curves").EnumerateArray().ToArray();
        var expectedPr = c.GetProperty("pr_curves").EnumerateArray().ToArray();
        for (int k = 0; k < classes.Count; k++)
        {
            if (expectedRoc[k].ValueKind == JsonValueKind.Null)
            {
                continue; // absent class: scikit-learn writes NaN rates with a warning; RocTests cover that convention
            }

            AssertSeries(expectedRoc[k].GetProperty("fpr"), roc[k].FalsePositiveRates);
            AssertSeries(expectedRoc[k].GetProperty("tpr"), roc[k].TruePositiveRates);

            // scikit-learn 1.2.1's first threshold is max(score) + 1; ClassicalML's is +infinity, as 1.3+.
            Assert.Equal(double.PositiveInfinity, roc[k].Thresholds[0]);
            AssertSeries(expectedRoc[k].GetProperty("thresholds"), roc[k].Thresholds, skip: 1);
            AssertSeries(expectedPr[k].GetProperty("precision"), pr[k].Precisions);
            AssertSeries(expectedPr[k].GetProperty("recall"), pr[k].Recalls);
            AssertSeries(expectedPr[k].GetProperty("thresholds"), pr[k].Thresholds);
        }
    }

    private static void AssertSeries(JsonElement expected, IReadOnlyList<double> actual, int skip = 0)
    {
        var e = Doubles(expected);
        Assert.Equal(e.Length, actual.Count);
        for (int i = skip; i < e.Length; i++)
        {
            AssertClose(e[i], actual[i]);
        }
    }

    private static void AssertOptional(JsonElement expected, double? actual)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.NotNull(actual);
            AssertClose(expected.GetDouble(), actual.Value);
        }
    }

    private static void AssertClose(double expected, double actual) => BinaryFixtures.AssertClose(expected, actual, "value");

    private static double Number(JsonElement e) => BinaryFixtures.Double(e);

    private static double[] Doubles(JsonElement e) => BinaryFixtures.Doubles(e);
}
