using System.Globalization;
using System.Text.Json;

namespace ClassicalML.Cli.Tests;

/// <summary>
/// <c>eval --weight-column</c> with <c>--calibration</c>, <c>--ci delong</c> and <c>--compare-score-column</c>:
/// integer weights must give what the file with every row repeated weight times gives (the definition the library's
/// weighted curve and DeLong follow, checked there against scikit-learn and pROC on repeated rows).
/// </summary>
public sealed class WeightedEvalExtrasTests : IDisposable
{
    private readonly CliRunner runner = new();

    [Theory]
    [InlineData("uniform")]
    [InlineData("quantile")]
    public void Eval_IntegerWeights_EqualRepeatedRows(string strategy)
    {
        var rng = new MathNet.Numerics.Random.MersenneTwister(21);
        var rows = Enumerable.Range(0, 120).Select(_ =>
        {
            bool label = rng.NextDouble() < 0.4;
            double a = Math.Round(Math.Clamp((label ? 0.6 : 0.35) + (0.3 * (rng.NextDouble() - 0.5)), 0, 1), 2);
            double b = Math.Round(rng.NextDouble(), 2);
            return (Label: label ? 1 : 0, A: a, B: b, W: rng.Next(4));
        }).ToArray();
        string weighted = runner.File("w.csv", "label,score,b,w\n" + string.Concat(rows.Select(r => Invariant($"{r.Label},{r.A:R},{r.B:R},{r.W}\n"))));
        string repeated = runner.File("r.csv", "label,score,b\n" + string.Concat(rows.SelectMany(r => Enumerable.Repeat(Invariant($"{r.Label},{r.A:R},{r.B:R}\n"), r.W))));
        string[] options = ["--calibration", "--strategy", strategy, "--ci", "delong", "--compare-score-column", "b", "--format", "json"];

        var (exitW, outW, errW) = CliRunner.Run(["eval", weighted, "--weight-column", "w", .. options]);
        var (exitR, outR, errR) = CliRunner.Run(["eval", repeated, .. options]);

        Assert.True(exitW == 0, errW);
        Assert.True(exitR == 0, errR);
        using var w = JsonDocument.Parse(outW);
        using var r = JsonDocument.Parse(outR);
        JsonElement cw = w.RootElement.GetProperty("calibration"), cr = r.RootElement.GetProperty("calibration");
        foreach (var key in new[] { "prob_true", "prob_pred", "counts" })
        {
            var (expected, actual) = (cr.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray(), cw.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray());
            Assert.Equal(expected.Length, actual.Length);
            Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 12));
        }

        foreach (var key in new[] { "ece", "mce", "brier_reliability", "brier_resolution", "brier_uncertainty" })
        {
            Assert.Equal(cr.GetProperty(key).GetDouble(), cw.GetProperty(key).GetDouble(), 12);
        }

        foreach (var (section, key) in new[] { ("roc_auc_ci", "low"), ("roc_auc_ci", "high"), ("comparison", "z"), ("comparison", "p_value"), ("comparison", "ci_low"), ("comparison", "ci_high") })
        {
            Assert.Equal(r.RootElement.GetProperty(section).GetProperty(key).GetDouble(), w.RootElement.GetProperty(section).GetProperty(key).GetDouble(), 10);
        }
    }

    public void Dispose() => runner.Dispose();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
