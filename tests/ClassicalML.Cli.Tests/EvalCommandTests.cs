using System.Globalization;
using System.Text;
using System.Text.Json;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private readonly CliRunner files = new();

    public void Dispose() => files.Dispose();

    private static readonly bool[] Labels = [true, false, true, false, true, false, true, true, false, false];
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.3, 0.3, 0.1, 0.65, 0.2, 0.55, 0.05];

    private string Binary(Func<bool, string> label, string name = "b.csv")
    {
        var text = new StringBuilder("id,label,score\n");
        for (var i = 0; i < Labels.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"r{i},{label(Labels[i])},{Scores[i].ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        return files.File(name, text.ToString());
    }

    private static JsonElement Json(params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    private static double? Number(JsonElement e, string key) =>
        e.GetProperty(key).ValueKind == JsonValueKind.Null ? null : e.GetProperty(key).GetDouble();

    [Fact]
    public void Eval_BinaryJson_MatchesBinaryEvaluation()
    {
        var path = Binary(l => l ? "1" : "0");
        BinaryReport expected = BinaryEvaluation.Evaluate(Labels, Scores, threshold: 0.5);

        JsonElement json = Json("eval", path, "--format", "json");

        Assert.Equal("binary", json.GetProperty("task").GetString());
        Assert.Equal(10, json.GetProperty("n").GetInt32());
        Assert.Equal(5, json.GetProperty("positives").GetInt32());
        Assert.Equal(5, json.GetProperty("negatives").GetInt32());
        Assert.Equal(0.5, json.GetProperty("threshold").GetDouble());
        JsonElement confusion = json.GetProperty("confusion");
        Assert.Equal(
            (expected.TruePositives, expected.FalsePositives, expected.TrueNegatives, expected.FalseNegatives),
            (confusion.GetProperty("tp").GetInt32(), confusion.GetProperty("fp").GetInt32(), confusion.GetProperty("tn").GetInt32(), confusion.GetProperty("fn").GetInt32()));
        Assert.Equal(expected.Accuracy, Number(json, "accuracy"));
        Assert.Equal(expected.Precision, Number(json, "precision"));
        Assert.Equal(expected.Recall, Number(json, "recall"));
        Assert.Equal(expected.Specificity, Number(json, "specificity"));
        Assert.Equal(expected.F1, Number(json, "f1"));
        Assert.Equal(expected.BalancedAccuracy, Number(json, "balanced_accuracy"));
        Assert.Equal(expected.Mcc, Number(json, "mcc"));
        Assert.Equal(expected.RocAuc, Number(json, "roc_auc"));
        Assert.Equal(expected.AveragePrecision, Number(json, "average_precision"));
        Assert.Equal(expected.LogLoss!.Value, Number(json, "log_loss")!.Value, 12);
        Assert.Equal(expected.BrierScore!.Value, Number(json, "brier")!.Value, 12);
        Assert.Equal(0, json.GetProperty("undefined").GetArrayLength());
        Assert.False(json.TryGetProperty("roc_curve", out _));
    }

    [Fact]
    public void Eval_JsonOutput_IsExactlyOneObjectWithSnakeCaseKeys()
    {
        var path = Binary(l => l ? "true" : "false");
        var (_, stdout, _) = CliRunner.Run("eval", path, "--format", "json");

        using var doc = JsonDocument.Parse(stdout); // throws on trailing content
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        Assert.All(doc.RootElement.EnumerateObject(), p => Assert.Matches("^[a-z][a-z0-9_]*$", p.Name));
    }

    [Fact]
    public void Eval_Curves_WritesRocAndPrCurvesWithNullForInfiniteThreshold()
    {
        var path = Binary(l => l ? "1" : "0");
        RocCurve roc = Roc.Curve(Labels, Scores);
        PrecisionRecallCurve pr = PrecisionRecall.Curve(Labels, Scores);

        JsonElement json = Json("eval", path, "--format", "json", "--curves");

        JsonElement rocJson = json.GetProperty("roc_curve");
        Assert.Equal(JsonValueKind.Null, rocJson.GetProperty("thresholds")[0].ValueKind);
        Assert.Equal(roc.Thresholds.Skip(1), rocJson.GetProperty("thresholds").EnumerateArray().Skip(1).Select(e => e.GetDouble()));
        Assert.Equal(roc.FalsePositiveRates, rocJson.GetProperty("fpr").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(roc.TruePositiveRates, rocJson.GetProperty("tpr").EnumerateArray().Select(e => e.GetDouble()));
        JsonElement prJson = json.GetProperty("pr_curve");
        Assert.Equal(pr.Precisions, prJson.GetProperty("precision").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(pr.Recalls, prJson.GetProperty("recall").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(pr.Thresholds, prJson.GetProperty("thresholds").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void Eval_StringLabelsWithPositive_UsesThatClass()
    {
        var path = Binary(l => l ? "churn" : "stay");
        BinaryReport expected = BinaryEvaluation.Evaluate(Labels, Scores, threshold: 0.6);

        JsonElement json = Json("eval", path, "--positive", "churn", "--threshold", "0.6", "--format", "json");

        Assert.Equal(expected.F1, Number(json, "f1"));
        Assert.Equal(expected.RocAuc, Number(json, "roc_auc"));
        Assert.Equal(0.6, json.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public void Eval_ThresholdAboveAllScores_ZeroByDefaultAndListed()
    {
        var path = Binary(l => l ? "1" : "0");

        JsonElement json = Json("eval", path, "--threshold", "2", "--format", "json");

        Assert.Equal(0.0, Number(json, "precision"));
        Assert.Equal(0.0, Number(json, "mcc"));
        Assert.Equal("zero", json.GetProperty("zero_division").GetString());
        var undefined = json.GetProperty("undefined").EnumerateArray().Select(u => u.GetProperty("metric").GetString()).ToList();
        Assert.Equal(["precision", "mcc"], undefined);
        Assert.Equal("no predicted positives (tp + fp = 0); reported as 0 (ZeroDivision.Zero)", json.GetProperty("undefined")[0].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("nan", null, "reported as NaN (ZeroDivision.NaN)")]
    [InlineData("one", 1.0, "reported as 1 (ZeroDivision.One)")]
    public void Eval_ZeroDivisionOption_ValueFollowsPolicyAndStillListed(string policy, double? expected, string reasonEnd)
    {
        var path = Binary(l => l ? "1" : "0");

        JsonElement json = Json("eval", path, "--threshold", "2", "--zero-division", policy, "--format", "json");

        Assert.Equal(expected, Number(json, "precision"));
        Assert.NotNull(Number(json, "log_loss")); // the scores are probabilities
        Assert.EndsWith(reasonEnd, json.GetProperty("undefined")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_ScoresNotProbabilities_LossesNullAndListed()
    {
        var path = files.File("d.csv", "label,score\n1,2.5\n0,-1\n1,0.5\n");

        JsonElement json = Json("eval", path, "--threshold", "0", "--format", "json");

        Assert.Null(Number(json, "log_loss"));
        Assert.Null(Number(json, "brier"));
        var metrics = json.GetProperty("undefined").EnumerateArray().Select(u => u.GetProperty("metric").GetString()).ToList();
        Assert.Equal(["log_loss", "brier"], metrics);
    }

    [Fact]
    public void Eval_Multiclass_JsonMatchesMulticlassEvaluation()
    {
        var path = files.File("m.csv", "label,pred\ncat,cat\ndog,cat\nbird,bird\ndog,dog\ncat,dog\n");
        MulticlassReport<string> expected = MulticlassEvaluation.Evaluate<string>(["cat", "dog", "bird", "dog", "cat"], ["cat", "cat", "bird", "dog", "dog"]);

        JsonElement json = Json("eval", path, "--predicted-column", "pred", "--format", "json");

        Assert.Equal("multiclass", json.GetProperty("task").GetString());
        Assert.Equal(5, json.GetProperty("n").GetInt32());
        Assert.Equal(expected.Accuracy, json.GetProperty("accuracy").GetDouble());
        Assert.Equal(["bird", "cat", "dog"], json.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(expected.PerClass.Select(c => c.F1), json.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("f1").GetDouble()));
        Assert.Equal(expected.Macro.F1, json.GetProperty("macro").GetProperty("f1").GetDouble());
        Assert.Equal(expected.Micro.Precision, json.GetProperty("micro").GetProperty("precision").GetDouble());
        Assert.Equal(expected.Weighted.Recall, json.GetProperty("weighted").GetProperty("recall").GetDouble());
        Assert.Equal(["bird", "cat", "dog"], json.GetProperty("confusion").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(
            expected.ConfusionMatrix.ToArray().SelectMany(r => r),
            json.GetProperty("confusion").GetProperty("matrix").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(x => x.GetInt64())));
    }

    [Fact]
    public void Eval_DefaultTable_ShowsConfusionAndMetrics()
    {
        var path = Binary(l => l ? "1" : "0");

        var (exit, stdout, stderr) = CliRunner.Run("eval", path);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("n = 10 (positives 5, negatives 5), score >= 0.5 is positive", stdout, StringComparison.Ordinal);
        Assert.Matches(@"│ ROC AUC\s+│\s+0\.\d{4} │", stdout);
        Assert.Matches(@"│ actual \+ │\s+\d+ │\s+\d+ │", stdout);
    }

    [Fact]
    public void Eval_Markdown_WritesPipeTables()
    {
        var path = Binary(l => l ? "1" : "0");
        double auc = Roc.Auc(Labels, Scores);

        var (exit, stdout, _) = CliRunner.Run("eval", path, "--format", "markdown");

        Assert.Equal(0, exit);
        Assert.Contains("| Metric | Value |", stdout, StringComparison.Ordinal);
        Assert.Contains($"| ROC AUC | {auc.ToString("0.0000", CultureInfo.InvariantCulture)} |", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_MoreRowsThanOneBatch_SameAsEvaluatingAtOnce()
    {
        // 150,000 rows: three streaming batches of 65,536.
        var random = new MathNet.Numerics.Random.MersenneTwister(7, threadSafe: false);
        var labels = new bool[150_000];
        var scores = new double[labels.Length];
        var text = new StringBuilder("label,score\n");
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = random.NextDouble() < 0.4;
            scores[i] = Math.Round((labels[i] ? 0.3 : 0.0) + (0.7 * random.NextDouble()), 3);
            text.Append(labels[i] ? '1' : '0').Append(',').Append(scores[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        var path = files.File("big.csv", text.ToString());
        BinaryReport expected = BinaryEvaluation.Evaluate(labels, scores);

        JsonElement json = Json("eval", path, "--format", "json");

        Assert.Equal(expected.RocAuc, Number(json, "roc_auc"));
        Assert.Equal(expected.AveragePrecision, Number(json, "average_precision"));
        Assert.Equal(expected.Mcc, Number(json, "mcc"));
        Assert.True(json.GetProperty("ranking_exact").GetBoolean());
    }
}
