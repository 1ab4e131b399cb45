using System.Text.Json;

namespace ClassicalML.Cli.Tests;

/// <summary>
/// Every file written by a real tool (pandas, Parquet.Net, ML.NET's SaveAsText) gives scikit-learn's numbers:
/// tests/reference/cli/expected.json, written by make_eval_fixtures.py.
/// </summary>
public sealed class EvalFixtureTests
{
    private const double Tolerance = 1e-12;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "reference", "cli");
    private static readonly JsonElement[] Cases = Load();

    public static TheoryData<int, string> BinaryCases() => Select(c => !c.TryGetProperty("labels", out _) && !c.TryGetProperty("score_classes", out _));

    public static TheoryData<int, string> MulticlassCases() => Select(c => c.TryGetProperty("labels", out _));

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Eval_FileWrittenByRealTool_MatchesScikitLearn(int index, string description)
    {
        JsonElement expected = Cases[index];

        JsonElement json = Run(expected, []);

        Assert.False(string.IsNullOrEmpty(description));
        Assert.Equal(expected.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        Assert.Equal(expected.GetProperty("positives").GetInt32(), json.GetProperty("positives").GetInt32());
        Assert.Equal(expected.GetProperty("threshold").GetDouble(), json.GetProperty("threshold").GetDouble());
        foreach (var count in new[] { "tp", "fp", "tn", "fn" })
        {
            Assert.Equal(expected.GetProperty(count).GetInt32(), json.GetProperty("confusion").GetProperty(count).GetInt32());
        }

        foreach (var metric in new[] { "accuracy", "precision", "recall", "specificity", "f1", "balanced_accuracy", "mcc", "roc_auc", "average_precision", "log_loss", "brier" })
        {
            AssertClose(expected.GetProperty(metric), json.GetProperty(metric), metric);
        }

        var skipped = expected.TryGetProperty("skipped_rows", out var s) ? s.GetInt32() : 0;
        Assert.Equal(skipped, json.GetProperty("skipped_rows").GetInt32());
    }

    [Theory]
    [MemberData(nameof(MulticlassCases))]
    public void Eval_MulticlassFile_MatchesScikitLearnUnderBothZeroDivisionPolicies(int index, string description)
    {
        JsonElement expected = Cases[index];
        Assert.False(string.IsNullOrEmpty(description));
        foreach (var policy in new[] { "zero", "one" })
        {
            JsonElement json = Run(expected, ["--zero-division", policy]);
            JsonElement values = expected.GetProperty(policy);

            Assert.Equal(expected.GetProperty("labels").EnumerateArray().Select(l => l.GetString()), json.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
            AssertClose(expected.GetProperty("accuracy"), json.GetProperty("accuracy"), "accuracy");
            var classes = json.GetProperty("classes").EnumerateArray().ToArray();
            for (var k = 0; k < classes.Length; k++)
            {
                foreach (var metric in new[] { "precision", "recall", "f1" })
                {
                    AssertClose(values.GetProperty(metric)[k], classes[k].GetProperty(metric), $"{metric}[{k}] ({policy})");
                }

                Assert.Equal(values.GetProperty("support")[k].GetInt32(), classes[k].GetProperty("support").GetInt32());
            }

            foreach (var average in new[] { "macro", "micro", "weighted" })
            {
                foreach (var metric in new[] { "precision", "recall", "f1" })
                {
                    AssertClose(values.GetProperty(average).GetProperty(metric), json.GetProperty(average).GetProperty(metric), $"{average} {metric} ({policy})");
                }
            }

            Assert.Equal(
                expected.GetProperty("confusion").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(x => x.GetInt64())),
                json.GetProperty("confusion").GetProperty("matrix").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(x => x.GetInt64())));
        }
    }

    public static TheoryData<int, string> ScoreCases() => Select(c => c.TryGetProperty("score_classes", out _));

    [Theory]
    [MemberData(nameof(ScoreCases))]
    public void Eval_MulticlassScoresFile_MatchesScikitLearn(int index, string description)
    {
        JsonElement expected = Cases[index];
        Assert.False(string.IsNullOrEmpty(description));

        JsonElement json = Run(expected, []);

        Assert.Equal("scores", json.GetProperty("mode").GetString());
        Assert.Equal(expected.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        foreach (var metric in new[] { "accuracy", "roc_auc_ovr_macro", "roc_auc_ovr_weighted", "roc_auc_ovo_macro", "roc_auc_ovo_weighted", "log_loss", "brier" })
        {
            AssertClose(expected.GetProperty(metric), json.GetProperty(metric), metric);
        }

        var topK = expected.GetProperty("top_k_accuracy");
        Assert.Equal(topK.EnumerateObject().Select(p => p.Name), json.GetProperty("top_k_accuracy").EnumerateObject().Select(p => p.Name));
        foreach (var k in topK.EnumerateObject())
        {
            AssertClose(k.Value, json.GetProperty("top_k_accuracy").GetProperty(k.Name), $"top_k_accuracy[{k.Name}]");
        }

        var classes = json.GetProperty("classes").EnumerateArray().ToArray();
        Assert.Equal(expected.GetProperty("score_classes").EnumerateArray().Select(l => l.GetString()), classes.Select(c => c.GetProperty("label").GetString()));
        for (var k = 0; k < classes.Length; k++)
        {
            foreach (var metric in new[] { "precision", "recall", "f1", "roc_auc", "average_precision" })
            {
                AssertClose(expected.GetProperty(metric)[k], classes[k].GetProperty(metric), $"{metric}[{k}]");
            }

            Assert.Equal(expected.GetProperty("support")[k].GetInt32(), classes[k].GetProperty("support").GetInt32());
        }

        Assert.Equal(
            expected.GetProperty("confusion").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(x => x.GetInt64())),
            json.GetProperty("confusion").GetProperty("matrix").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(x => x.GetInt64())));
    }

    [Fact]
    public void Fixtures_CoverEveryInputKind()
    {
        var files = Cases.Select(c => c.GetProperty("file").GetString()).ToHashSet();

        Assert.Superset(
            new HashSet<string?> { "pandas_comma.csv", "pandas_semicolon_float_labels.csv", "pandas_tab.tsv", "pandas_pipe_minus_one.csv", "pandas_bool_labels.csv", "pandas_margins.csv", "pandas_missing.csv", "predictions.parquet", "predictions_nullable.parquet", "mlnet_saveastext.tsv", "mlnet_svm_saveastext.tsv", "pandas_multiclass.csv", "pandas_multiclass_scores.csv", "pandas_multiclass_margins.csv" },
            files);
    }

    private static JsonElement Run(JsonElement expected, string[] extra)
    {
        string[] args = ["eval", Path.Combine(Folder, "files", expected.GetProperty("file").GetString()!), .. expected.GetProperty("args").EnumerateArray().Select(a => a.GetString()!), .. extra, "--format", "json"];
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    private static void AssertClose(JsonElement expected, JsonElement actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual.ValueKind == JsonValueKind.Null, $"{what}: expected null, got {actual}");
            return;
        }

        Assert.True(actual.ValueKind == JsonValueKind.Number, $"{what}: expected {expected}, got {actual}");
        Assert.True(Math.Abs(expected.GetDouble() - actual.GetDouble()) <= Tolerance, $"{what}: scikit-learn {expected.GetDouble():R}, classicalml {actual.GetDouble():R}");
    }

    private static JsonElement[] Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone())];
    }

    private static TheoryData<int, string> Select(Func<JsonElement, bool> keep)
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Cases.Length; i++)
        {
            if (keep(Cases[i]))
            {
                data.Add(i, Cases[i].GetProperty("file").GetString() + " " + string.Join(' ', Cases[i].GetProperty("args").EnumerateArray().Select(a => a.GetString())));
            }
        }

        return data;
    }
}
