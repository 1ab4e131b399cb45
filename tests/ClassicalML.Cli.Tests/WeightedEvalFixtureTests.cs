using System.Text.Json;

namespace ClassicalML.Cli.Tests;

/// <summary>
/// <c>eval --weight-column</c> gives scikit-learn's sample_weight numbers (tests/reference/cli/weighted_expected.json,
/// written by make_weighted_eval_fixtures.py), within 1e-12; n and row_counts stay numbers of rows.
/// </summary>
public sealed class WeightedEvalFixtureTests
{
    private const double Tolerance = 1e-12;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "reference", "cli");
    private static readonly JsonElement[] Cases = Load();

    public static TheoryData<int> CaseIndexes() => [.. Enumerable.Range(0, Cases.Length)];

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Eval_WeightColumn_MatchesScikitLearnSampleWeight(int index)
    {
        JsonElement expected = Cases[index];

        var (exit, stdout, stderr) = Run(expected, "json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        JsonElement json = doc.RootElement;
        Assert.True(json.GetProperty("weighted").GetBoolean());
        Assert.Equal(expected.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        Assert.Equal(expected.GetProperty("threshold").GetDouble(), json.GetProperty("threshold").GetDouble());
        foreach (var support in new[] { "positives", "negatives" })
        {
            AssertClose(expected.GetProperty(support), json.GetProperty(support), support);
        }

        foreach (var cell in new[] { "tp", "fp", "tn", "fn" })
        {
            AssertClose(expected.GetProperty(cell), json.GetProperty("confusion").GetProperty(cell), cell);
        }

        foreach (var count in new[] { "positives", "negatives", "tp", "fp", "tn", "fn" })
        {
            Assert.Equal(expected.GetProperty("row_counts").GetProperty(count).GetInt32(), json.GetProperty("row_counts").GetProperty(count).GetInt32());
        }

        foreach (var metric in new[] { "accuracy", "precision", "recall", "specificity", "f1", "balanced_accuracy", "mcc", "roc_auc", "average_precision", "log_loss", "brier" })
        {
            AssertClose(expected.GetProperty(metric), json.GetProperty(metric), metric);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public void Eval_WeightColumnTableAndMarkdown_StateTheWeightedSupport(string format)
    {
        var (exit, stdout, stderr) = Run(Cases[0], format);

        Assert.True(exit == 0, stderr);
        Assert.Contains("Weighted by column 'w' (total weight ", stdout, StringComparison.Ordinal);
        Assert.Contains("every metric is weighted; weighted support: positives ", stdout, StringComparison.Ordinal);
        string rocAuc = Cases[0].GetProperty("roc_auc").GetDouble().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(rocAuc, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_WeightColumnWithCurves_WritesWeightedCurves()
    {
        string file = Path.Combine(Folder, "files", "pandas_weighted.csv");

        var (exit, stdout, stderr) = CliRunner.Run("eval", file, "--weight-column", "w", "--curves", "--format", "json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        JsonElement fpr = doc.RootElement.GetProperty("roc_curve").GetProperty("fpr");
        Assert.Equal(1.0, fpr[fpr.GetArrayLength() - 1].GetDouble());
    }

    private static (int Exit, string Out, string Err) Run(JsonElement expected, string format) =>
        CliRunner.Run(["eval", Path.Combine(Folder, "files", expected.GetProperty("file").GetString()!), .. expected.GetProperty("args").EnumerateArray().Select(a => a.GetString()!), "--format", format]);

    private static void AssertClose(JsonElement expected, JsonElement actual, string what)
    {
        Assert.True(actual.ValueKind == JsonValueKind.Number, $"{what}: expected {expected}, got {actual}");
        double scale = Math.Max(1, Math.Abs(expected.GetDouble()));
        Assert.True(Math.Abs(expected.GetDouble() - actual.GetDouble()) <= Tolerance * scale, $"{what}: scikit-learn {expected.GetDouble():R}, classicalml {actual.GetDouble():R}");
    }

    private static JsonElement[] Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "weighted_expected.json")));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone())];
    }
}

/// <summary>--weight-column's errors: one line naming file, column and fix.</summary>
public sealed class WeightedEvalErrorTests : IDisposable
{
    private readonly CliRunner runner = new();

    [Fact]
    public void Eval_NegativeWeight_NamesColumnAndRow()
    {
        string file = runner.File("w.csv", "label,score,w\n1,0.9,1\n0,0.2,-2\n1,0.7,1\n");

        var (exit, _, stderr) = CliRunner.Run("eval", file, "--weight-column", "w");

        Assert.Equal(2, exit);
        Assert.Contains("column 'w'", stderr, StringComparison.Ordinal);
        Assert.Contains("data row 2 has weight -2; every weight must be a finite number of at least 0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_EmptyWeight_NamesTheWeight()
    {
        string file = runner.File("w.csv", "label,score,w\n1,0.9,1\n0,0.2,\n");

        var (exit, _, stderr) = CliRunner.Run("eval", file, "--weight-column", "w");

        Assert.Equal(2, exit);
        Assert.Contains("the weight is empty", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_InfiniteWeight_NamesTheWeight()
    {
        string file = runner.File("w.csv", "label,score,w\n1,0.9,1\n0,0.2,inf\n");

        var (exit, _, stderr) = CliRunner.Run("eval", file, "--weight-column", "w");

        Assert.Equal(2, exit);
        Assert.Contains("the weight is inf: weights must be finite numbers", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_AllWeightsZero_Refused()
    {
        string file = runner.File("w.csv", "label,score,w\n1,0.9,0\n0,0.2,0\n");

        var (exit, _, stderr) = CliRunner.Run("eval", file, "--weight-column", "w");

        Assert.Equal(2, exit);
        Assert.Contains("every weight is 0, so no row counts", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--weight-column", "nope", "--weight-column names 'nope', but there is no such column")]
    [InlineData("--missing", "skip", "--weight-column cannot be combined with --missing skip yet")]
    public void Eval_WeightColumnMisused_Refused(string option, string value, string message)
    {
        string file = runner.File("w.csv", "label,score,w\n1,0.9,1\n0,0.2,1\n");
        string[] weight = option == "--weight-column" ? [] : ["--weight-column", "w"];

        var (exit, _, stderr) = CliRunner.Run(["eval", file, .. weight, option, value]);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    public void Dispose() => runner.Dispose();
}
