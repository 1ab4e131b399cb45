using System.Globalization;
using System.Text.Json;

namespace ClassicalML.Cli.Tests;

/// <summary>
/// <c>eval --operating-point</c> on a file with ML.NET's <c>Score</c> and <c>Probability</c>: the point is reported on
/// the other scale too (<c>raw_threshold</c> or <c>probability_threshold</c>), checked here by counting decisions.
/// </summary>
public sealed class EvalOtherScaleTests : IDisposable
{
    private readonly CliRunner runner = new();

    [Fact]
    public void Eval_OperatingPointOnProbability_RawThresholdMakesTheSameDecisions()
    {
        var rng = new MathNet.Numerics.Random.MersenneTwister(9);
        var rows = Enumerable.Range(0, 300).Select(_ =>
        {
            bool label = rng.NextDouble() < 0.35;
            double score = (label ? 1.0 : -0.5) + (2 * rng.NextDouble()) - 1;
            return (Label: label, Score: score, Probability: 1 / (1 + Math.Exp((-1.7 * score) + 0.2)));
        }).ToArray();
        string file = runner.File("mlnet.csv", "Label,Score,Probability\n" + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{(r.Label ? "true" : "false")},{r.Score:R},{r.Probability:R}\n"))));

        var (exit, stdout, stderr) = CliRunner.Run("eval", file, "--operating-point", "max-f1", "--format", "json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        JsonElement p = doc.RootElement.GetProperty("operating_point");
        double threshold = p.GetProperty("threshold").GetDouble();
        double raw = p.GetProperty("raw_threshold").GetDouble();
        Assert.Equal(rows.Where(r => r.Probability >= threshold).Min(r => r.Score), raw);
        Assert.All(rows, r => Assert.Equal(r.Probability >= threshold, r.Score >= raw));
        Assert.True(p.GetProperty("raw_threshold_exact").GetBoolean());
        Assert.Equal(0, p.GetProperty("raw_threshold_disagreements").GetInt32());
        Assert.False(p.TryGetProperty("probability_threshold", out _));
    }

    [Fact]
    public void Eval_OperatingPointOnScoreCutThroughATie_ProbabilityThresholdNotExact()
    {
        // Probability ties for Score 2, 3, 4 (an isotonic step fitted elsewhere); max-f1 on Score cuts at 3
        // (TP 3, FP 1: F1 6/7), so Score 2 shares the probability threshold 0.4 but is negative on the Score scale.
        string file = runner.File("tied.csv", "Label,Score,Probability\n0,1,0.1\n0,2,0.4\n1,3,0.4\n1,4,0.4\n1,5,0.9\n0,6,0.9\n");

        var (exit, stdout, stderr) = CliRunner.Run("eval", file, "--score-column", "Score", "--threshold", "0", "--operating-point", "max-f1", "--format", "json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        JsonElement p = doc.RootElement.GetProperty("operating_point");
        Assert.Equal(3.0, p.GetProperty("threshold").GetDouble());
        Assert.Equal(0.4, p.GetProperty("probability_threshold").GetDouble());
        Assert.False(p.GetProperty("probability_threshold_exact").GetBoolean());
        Assert.Equal(1, p.GetProperty("probability_threshold_disagreements").GetInt32());
    }

    [Theory]
    [InlineData("table", "Raw-score threshold (Score)")]
    [InlineData("markdown", "| Raw-score threshold (Score) | 2 (same decisions) |")]
    public void Eval_OperatingPointTableAndMarkdown_ShowTheRawThreshold(string format, string expected)
    {
        string file = runner.File("small.csv", "Label,Score,Probability\n0,1,0.1\n1,2,0.6\n0,-1,0.05\n1,3,0.8\n");

        var (exit, stdout, stderr) = CliRunner.Run("eval", file, "--operating-point", "max-f1", "--format", format);

        Assert.True(exit == 0, stderr);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_OnlyOneScale_NoOtherThreshold()
    {
        string file = runner.File("one.csv", "label,score\n0,0.1\n1,0.6\n0,0.05\n1,0.8\n");

        var (exit, stdout, stderr) = CliRunner.Run("eval", file, "--operating-point", "max-f1", "--format", "json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.False(doc.RootElement.GetProperty("operating_point").TryGetProperty("raw_threshold", out _));
    }

    public void Dispose() => runner.Dispose();
}
