using System.Text.Json;

namespace ClassicalML.Cli.Tests;

/// <summary>
/// <c>eval --weight-column</c> in the multiclass modes gives scikit-learn's sample_weight numbers
/// (tests/reference/cli/weighted_multiclass_expected.json, written by make_weighted_multiclass_eval_fixtures.py), within
/// 1e-12; <c>n</c>, <c>row_support</c> and <c>row_counts</c> stay numbers of rows.
/// </summary>
public sealed class WeightedMulticlassEvalFixtureTests : IDisposable
{
    private const double Tolerance = 1e-12;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "reference", "cli");
    private static readonly JsonElement[] Cases = Load();
    private readonly CliRunner runner = new();

    public static TheoryData<int> CaseIndexes() => [.. Enumerable.Range(0, Cases.Length)];

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Eval_MulticlassWeightColumn_MatchesScikitLearnSampleWeight(int index)
    {
        JsonElement expected = Cases[index];

        var (exit, stdout, stderr) = Run(expected, "json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        JsonElement json = doc.RootElement;
        Assert.True(json.GetProperty("is_weighted").GetBoolean());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("weighted").ValueKind); // the weighted average keeps its key
        Assert.Equal("w", json.GetProperty("weight_column").GetString());
        Assert.Equal(expected.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        AssertClose(expected, json, "total_weight");
        AssertClose(expected, json, "accuracy");
        var classes = json.GetProperty("classes");
        var expectedClasses = expected.GetProperty("classes");
        bool scores = expected.GetProperty("mode").GetString() == "scores";
        for (int i = 0; i < expectedClasses.GetArrayLength(); i++)
        {
            Assert.Equal(expectedClasses[i].GetProperty("label").GetString(), classes[i].GetProperty("label").GetString());
            Assert.Equal(expectedClasses[i].GetProperty("row_support").GetInt32(), classes[i].GetProperty("row_support").GetInt32());
            foreach (var key in scores ? ["precision", "recall", "f1", "support", "roc_auc", "average_precision"] : new[] { "precision", "recall", "f1", "support" })
            {
                AssertClose(expectedClasses[i], classes[i], key);
            }
        }

        foreach (var avg in new[] { "macro", "micro", "weighted" })
        {
            foreach (var key in new[] { "precision", "recall", "f1" })
            {
                AssertClose(expected.GetProperty(avg), json.GetProperty(avg), key);
            }
        }

        AssertMatrix(expected.GetProperty("confusion"), json.GetProperty("confusion").GetProperty("matrix"));
        AssertMatrix(expected.GetProperty("row_counts"), json.GetProperty("confusion").GetProperty("row_counts"));
        if (scores)
        {
            foreach (var key in new[] { "roc_auc_ovr_macro", "roc_auc_ovr_weighted", "roc_auc_ovo_macro", "roc_auc_ovo_weighted", "log_loss", "brier" })
            {
                AssertClose(expected, json, key);
            }

            foreach (var k in new[] { "1", "2", "3" })
            {
                AssertClose(expected.GetProperty("top_k_accuracy"), json.GetProperty("top_k_accuracy"), k);
            }
        }
    }

    [Theory]
    [InlineData("table", 0)]
    [InlineData("markdown", 0)]
    [InlineData("table", 2)]
    public void Eval_MulticlassWeightColumnTableAndMarkdown_StateTheWeightedSupport(string format, int index)
    {
        var (exit, stdout, stderr) = Run(Cases[index], format);

        Assert.True(exit == 0, stderr);
        Assert.Contains("Weighted by column 'w' (total weight ", stdout, StringComparison.Ordinal);
        string support = Cases[index].GetProperty("classes")[0].GetProperty("support").GetDouble().ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(support, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_MulticlassScoresMissingWeightSkipped_CountsTheRow()
    {
        string file = runner.File("m.csv", "label,p_a,p_b,w\na,0.8,0.2,1\nb,0.3,0.7,\na,0.6,0.4,2\nb,0.1,0.9,1\n");

        var (exit, stdout, stderr) = CliRunner.Run("eval", file, "--score-prefix", "p_", "--weight-column", "w", "--missing", "skip", "--format", "json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(3, doc.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("skipped_rows").GetInt32());
        Assert.Equal(4.0, doc.RootElement.GetProperty("total_weight").GetDouble());
    }

    [Theory]
    [InlineData("label,p_a,p_b,w\na,0.8,0.2,1\nb,0.3,0.7,-1\n", "--score-prefix", "the weight is -1: every weight must be a finite number of at least 0")]
    [InlineData("label,p_a,p_b,w\na,0.8,0.2,0\nb,0.3,0.7,0\n", "--score-prefix", "every weight is 0, so no row counts")]
    [InlineData("label,pred,w\na,a,1\nb,a,-2\n", "--predicted-column", "the weight is -2: every weight must be a finite number of at least 0")]
    [InlineData("label,pred,w\na,a,1\nb,a,\n", "--predicted-column", "the weight is missing")]
    public void Eval_MulticlassBadWeight_Refused(string content, string mode, string message)
    {
        string file = runner.File("m.csv", content);
        string[] modeArgs = mode == "--score-prefix" ? ["--score-prefix", "p_"] : ["--predicted-column", "pred"];

        var (exit, _, stderr) = CliRunner.Run(["eval", file, .. modeArgs, "--weight-column", "w"]);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_PredictedColumnWeightWithMissingSkip_Refused()
    {
        string file = runner.File("m.csv", "label,pred,w\na,a,1\nb,a,1\n");

        var (exit, _, stderr) = CliRunner.Run("eval", file, "--predicted-column", "pred", "--weight-column", "w", "--missing", "skip");

        Assert.Equal(2, exit);
        Assert.Contains("--weight-column cannot be combined with --missing skip yet", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => runner.Dispose();

    private static void AssertMatrix(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
        for (int i = 0; i < expected.GetArrayLength(); i++)
        {
            for (int j = 0; j < expected[i].GetArrayLength(); j++)
            {
                Assert.True(Math.Abs(expected[i][j].GetDouble() - actual[i][j].GetDouble()) <= Tolerance, $"confusion[{i}][{j}]: expected {expected[i][j]}, got {actual[i][j]}");
            }
        }
    }

    private static void AssertClose(JsonElement expected, JsonElement actual, string key)
    {
        double e = expected.GetProperty(key).GetDouble();
        double a = actual.GetProperty(key).GetDouble();
        Assert.True(Math.Abs(e - a) <= Tolerance, $"{key}: expected {e:R}, got {a:R}");
    }

    private static (int Exit, string Out, string Err) Run(JsonElement expected, string format) =>
        CliRunner.Run(["eval", Path.Combine(Folder, "files", expected.GetProperty("file").GetString()!), .. expected.GetProperty("args").EnumerateArray().Select(a => a.GetString()!), "--format", format]);

    private static JsonElement[] Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "weighted_multiclass_expected.json")));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone())];
    }
}
