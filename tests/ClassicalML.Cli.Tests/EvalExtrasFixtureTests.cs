using System.Text.Json;

namespace ClassicalML.Cli.Tests;

/// <summary>
/// <c>eval --operating-point</c>, <c>--calibration</c>, <c>--ci delong</c> and <c>--compare-score-column</c> against
/// scikit-learn 1.2.1 (operating points, calibration_curve), R's pROC 1.18 (DeLong) and statsmodels 0.13 (McNemar):
/// tests/reference/cli/extras_expected.json from make_eval_extras_fixtures.py. Thresholds and McNemar's b and c exactly,
/// scikit-learn and statsmodels values to 1e-12, pROC's to 1e-10 (as the library's DeLong tests).
/// </summary>
public sealed class EvalExtrasFixtureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "reference", "cli");
    private static readonly JsonElement[] Cases = Load("cases");
    private static readonly JsonElement[] WeightedCases = Load("weighted_cases");

    public static TheoryData<int> CaseIndexes() => [.. Enumerable.Range(0, Cases.Length)];

    public static TheoryData<int> WeightedCaseIndexes() => [.. Enumerable.Range(0, WeightedCases.Length)];

    [Theory]
    [MemberData(nameof(WeightedCaseIndexes))]
    public void Eval_WeightedOperatingPoint_MatchesScikitLearnSampleWeight(int index)
    {
        JsonElement expected = WeightedCases[index];

        var (exit, stdout, stderr) = Run(expected, "json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        CheckOperatingPoint(expected.GetProperty("operating_point"), doc.RootElement, expected);
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Eval_Extras_MatchReferenceImplementations(int index)
    {
        JsonElement expected = Cases[index];

        var (exit, stdout, stderr) = Run(expected, "json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        JsonElement json = doc.RootElement;
        CheckOperatingPoint(expected.GetProperty("operating_point"), json, expected);
        JsonElement calibration = json.GetProperty("calibration");
        foreach (var key in new[] { "prob_true", "prob_pred", "counts" })
        {
            AssertArray(expected.GetProperty("calibration").GetProperty(key), calibration.GetProperty(key), key);
        }

        foreach (var key in new[] { "ece", "mce", "brier_reliability", "brier_resolution", "brier_uncertainty" })
        {
            AssertClose(expected.GetProperty("calibration").GetProperty(key), calibration.GetProperty(key), key, 1e-12);
        }

        AssertClose(expected.GetProperty("roc_auc_ci").GetProperty("low"), json.GetProperty("roc_auc_ci").GetProperty("low"), "roc_auc_ci.low", 1e-10);
        AssertClose(expected.GetProperty("roc_auc_ci").GetProperty("high"), json.GetProperty("roc_auc_ci").GetProperty("high"), "roc_auc_ci.high", 1e-10);
        Assert.Equal("DeLong", json.GetProperty("roc_auc_ci").GetProperty("method").GetString());
        JsonElement comparison = json.GetProperty("comparison");
        foreach (var key in new[] { "roc_auc_a", "roc_auc_b", "difference", "z", "p_value", "ci_low", "ci_high" })
        {
            AssertClose(expected.GetProperty("comparison").GetProperty(key), comparison.GetProperty(key), key, 1e-10);
        }

        CheckMcNemar(expected.GetProperty("comparison").GetProperty("mcnemar"), comparison.GetProperty("mcnemar"));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public void Eval_ExtrasTableAndMarkdown_ShowEachSection(string format)
    {
        JsonElement expected = Cases[0];

        var (exit, stdout, stderr) = Run(expected, format);

        Assert.True(exit == 0, stderr);
        string threshold = expected.GetProperty("operating_point").GetProperty("threshold").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Operating point (max-f1): score >= {threshold} is positive", stdout, StringComparison.Ordinal);
        Assert.Contains("ROC AUC 95% interval (DeLong)", stdout, StringComparison.Ordinal);
        Assert.Contains("Comparison with score column 'score_b' (DeLong paired, 95% interval of A - B)", stdout, StringComparison.Ordinal);
        Assert.Contains("Reliability curve (uniform bins)", stdout, StringComparison.Ordinal);
        string ece = expected.GetProperty("calibration").GetProperty("ece").GetDouble().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"ECE {ece}", stdout, StringComparison.Ordinal);
    }

    private static void CheckOperatingPoint(JsonElement expected, JsonElement json, JsonElement c)
    {
        if (!c.GetProperty("args").EnumerateArray().Any(a => a.GetString() == "--operating-point"))
        {
            Assert.False(json.TryGetProperty("operating_point", out _), "no --operating-point, yet the output has one");
            return;
        }

        JsonElement actual = json.GetProperty("operating_point");
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
            Assert.Contains(json.GetProperty("undefined").EnumerateArray(), u => u.GetProperty("metric").GetString() == "operating_point");
            return;
        }

        Assert.Equal(expected.GetProperty("threshold").GetDouble(), actual.GetProperty("threshold").GetDouble());
        foreach (var property in expected.EnumerateObject().Where(p => p.Name != "threshold"))
        {
            AssertClose(property.Value, actual.GetProperty(property.Name), $"{c.GetProperty("args")} operating_point.{property.Name}", 1e-12);
        }
    }

    private static void CheckMcNemar(JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
            return;
        }

        Assert.Equal(expected.GetProperty("threshold_a").GetDouble(), actual.GetProperty("threshold_a").GetDouble());
        Assert.Equal(expected.GetProperty("threshold_b").GetDouble(), actual.GetProperty("threshold_b").GetDouble());
        Assert.Equal(expected.GetProperty("b").GetInt64(), actual.GetProperty("b").GetInt64());
        Assert.Equal(expected.GetProperty("c").GetInt64(), actual.GetProperty("c").GetInt64());
        AssertClose(expected.GetProperty("p_value_exact"), actual.GetProperty("p_value_exact"), "mcnemar p_value_exact", 1e-12);
    }

    private static (int Exit, string Out, string Err) Run(JsonElement expected, string format) =>
        CliRunner.Run(["eval", Path.Combine(Folder, "files", expected.GetProperty("file").GetString()!), .. expected.GetProperty("args").EnumerateArray().Select(a => a.GetString()!), "--format", format]);

    private static void AssertArray(JsonElement expected, JsonElement actual, string what)
    {
        Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
        for (int i = 0; i < expected.GetArrayLength(); i++)
        {
            AssertClose(expected[i], actual[i], $"{what}[{i}]", 1e-12);
        }
    }

    private static void AssertClose(JsonElement expected, JsonElement actual, string what, double tolerance)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual.ValueKind == JsonValueKind.Null, $"{what}: expected null (undefined), got {actual}");
            return;
        }

        Assert.True(actual.ValueKind == JsonValueKind.Number, $"{what}: expected {expected}, got {actual}");
        double scale = Math.Max(1, Math.Abs(expected.GetDouble()));
        Assert.True(Math.Abs(expected.GetDouble() - actual.GetDouble()) <= tolerance * scale, $"{what}: reference {expected.GetDouble():R}, classicalml {actual.GetDouble():R}");
    }

    private static JsonElement[] Load(string key)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "extras_expected.json")));
        return [.. doc.RootElement.GetProperty(key).EnumerateArray().Select(c => c.Clone())];
    }
}

/// <summary>The extras' errors: one line naming the option, the value and the fix.</summary>
public sealed class EvalExtrasErrorTests : IDisposable
{
    private readonly CliRunner runner = new();

    [Theory]
    [InlineData("best", "--operating-point is 'best'; 'best' is not a rule. Use one of max-f1, max-fbeta:B, youden,")]
    [InlineData("max-fbeta", "--operating-point is 'max-fbeta'; max-fbeta takes 1 parameter, got 0. Use one of")]
    [InlineData("max-fbeta:0", "--operating-point is 'max-fbeta:0'; B must be greater than 0. Use one of")]
    [InlineData("min-cost:1", "--operating-point is 'min-cost:1'; min-cost takes 2 to 3 parameters, got 1. Use one of")]
    [InlineData("min-cost:1,-2", "--operating-point is 'min-cost:1,-2'; the costs CFP and CFN must be at least 0. Use one of")]
    [InlineData("min-cost:1,2,1", "--operating-point is 'min-cost:1,2,1'; PRIOR (the share of positives) must be greater than 0 and less than 1. Use one of")]
    [InlineData("recall-at-precision:1.5", "--operating-point is 'recall-at-precision:1.5'; P must be between 0 and 1. Use one of")]
    [InlineData("tpr-at-fpr:x", "--operating-point is 'tpr-at-fpr:x'; 'x' is not a finite number (write numbers with a dot, separated by commas). Use one of")]
    [InlineData("youden:1", "--operating-point is 'youden:1'; youden takes no parameter, got 1. Use one of")]
    public void Eval_BadOperatingPoint_OneLineNamingValueAndFix(string rule, string message)
    {
        var (exit, _, stderr) = CliRunner.Run("eval", File(), "--operating-point", rule);

        Assert.Equal(2, exit);
        Assert.StartsWith("classicalml eval: " + message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData(new[] { "--bins", "5" }, "--bins has no effect without --calibration. Add --calibration, or remove --bins.")]
    [InlineData(new[] { "--calibration", "--bins", "0" }, "--bins is 0; it must be at least 1. Use e.g. --bins 10.")]
    [InlineData(new[] { "--calibration", "--strategy", "equal" }, "--strategy is 'equal'; it must be uniform or quantile. Use e.g. --strategy quantile.")]
    [InlineData(new[] { "--ci", "bootstrap" }, "--ci is 'bootstrap'; it must be delong (DeLong's interval of ROC AUC). Use --ci delong.")]
    [InlineData(new[] { "--ci", "delong", "--confidence", "1.5" }, "--confidence is 1.5; it must be greater than 0 and less than 1. Use e.g. --confidence 0.95.")]
    [InlineData(new[] { "--confidence", "0.9" }, "--confidence has no effect without --ci delong or --compare-score-column.")]
    [InlineData(new[] { "--compare-score-column", "b", "--missing", "skip" }, "--compare-score-column cannot be combined with --missing skip yet")]
    [InlineData(new[] { "--compare-score-column", "nope" }, "column")]
    public void Eval_BadExtraOptions_OneLineNamingOptionAndFix(string[] options, string message)
    {
        var (exit, _, stderr) = CliRunner.Run(["eval", File(), .. options]);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Eval_CalibrationOfMargins_SaysScoresMustBeProbabilities()
    {
        string file = runner.File("m.csv", "label,score\n1,2.5\n0,-1\n1,0.5\n0,0.1\n");

        var (exit, _, stderr) = CliRunner.Run("eval", file, "--threshold", "0", "--calibration");

        Assert.Equal(2, exit);
        Assert.StartsWith("classicalml eval: --calibration needs probabilities in [0, 1], but column 'score' has 2.5 in data row 1.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_ExtrasInMulticlassMode_AreRefused()
    {
        string file = runner.File("mc.csv", "label,predicted\na,a\nb,c\nc,c\n");

        var (exit, _, stderr) = CliRunner.Run("eval", file, "--predicted-column", "predicted", "--operating-point", "max-f1");

        Assert.Equal(2, exit);
        Assert.Contains("--operating-point applies to binary mode only", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_Help_ExplainsEachRule()
    {
        var (exit, stdout, _) = CliRunner.Run("eval", "--help");

        Assert.Equal(0, exit);
        string flat = string.Join(' ', stdout.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        foreach (var rule in new[] { "max-f1 (highest F1)", "max-fbeta:B (highest F-beta", "youden (highest TPR - FPR)", "min-cost:CFP,CFN[,PRIOR] (lowest expected cost", "recall-at-precision:P (highest recall with precision >= P)", "tpr-at-fpr:A (highest TPR with FPR <= A)" })
        {
            Assert.Contains(rule, flat, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Eval_WeightedOperatingPoint_UsesWeightedCounts()
    {
        string file = runner.File("w.csv", "label,score,w\n1,0.9,2\n0,0.8,3\n1,0.7,0.5\n0,0.2,1\n");

        var (exit, stdout, stderr) = CliRunner.Run("eval", file, "--weight-column", "w", "--operating-point", "max-f1", "--format", "json");

        // t = 0.9: TP 2, FP 0, FN 0.5 → F1 = 4/4.5; t = 0.7: TP 2.5, FP 3 → 5/8.
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        JsonElement p = doc.RootElement.GetProperty("operating_point");
        Assert.Equal(0.9, p.GetProperty("threshold").GetDouble());
        Assert.Equal(0.5, p.GetProperty("fn").GetDouble());
        Assert.Equal(4 / 4.5, p.GetProperty("f1").GetDouble(), 15);
    }

    public void Dispose() => runner.Dispose();

    private string File() => runner.File("p.csv", "label,score,b,w\n1,0.9,0.4,1\n0,0.2,0.5,1\n1,0.7,0.8,1\n0,0.4,0.1,1\n");
}
