using System.Globalization;
using System.Reflection;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// <see cref="BinaryResampleEvaluator"/> against <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
/// of the materialised resample: every public field of the report, doubles compared bit for bit.
/// </summary>
public sealed class BinaryResampleEvaluatorTests
{
    [Theory]
    [InlineData(false, 0.5, ZeroDivision.NaN, 51)]
    [InlineData(true, 0.5, ZeroDivision.NaN, 52)]
    [InlineData(true, 0.37, ZeroDivision.Zero, 53)]
    [InlineData(false, 0.9, ZeroDivision.One, 54)]
    [InlineData(true, double.PositiveInfinity, ZeroDivision.NaN, 55)]
    public void Evaluate_BootstrapResamples_EveryFieldBitIdenticalToEvaluateOfTheMaterialisedResample(bool stratified, double threshold, ZeroDivision zeroDivision, int seed)
    {
        var (labels, scores, _) = MeanBootstrapTests.MakeProbabilities(400, seed, decimals: 2);
        var evaluator = new BinaryResampleEvaluator(labels, scores, threshold, beta: 2, zeroDivision: zeroDivision);

        for (int r = 0; r < 100; r++)
        {
            int[] rows = BootstrapDraws.Rows(labels, stratified, seed, r);
            BinaryReport expected = BinaryEvaluation.Evaluate([.. rows.Select(i => labels[i])], [.. rows.Select(i => scores[i])], threshold, beta: 2, zeroDivision: zeroDivision);
            Assert.Equal(Fields(expected), Fields(evaluator.Evaluate(rows)));
        }
    }

    [Fact]
    public void Evaluate_FewRowsAndNonProbabilities_UndefinedListAsEvaluate()
    {
        // Resamples of 6 rows miss a class or every predicted positive now and then; scores above 1 make the losses null,
        // the first such drawn row named in the reason.
        bool[] labels = [true, false, false, true, false, false];
        double[] scores = [0.9, 0.1, 1.4, 0.3, 0.3, 2.0];
        var evaluator = new BinaryResampleEvaluator(labels, scores, threshold: 0.5, zeroDivision: ZeroDivision.NaN);
        var seen = new HashSet<string>();
        for (int r = 0; r < 300; r++)
        {
            int[] rows = BootstrapDraws.Rows(labels, stratified: false, seed: 3, r);
            BinaryReport expected = BinaryEvaluation.Evaluate([.. rows.Select(i => labels[i])], [.. rows.Select(i => scores[i])], 0.5, zeroDivision: ZeroDivision.NaN);
            Assert.Equal(Fields(expected), Fields(evaluator.Evaluate(rows)));
            seen.UnionWith(expected.Undefined.Select(u => u.Metric));
        }

        Assert.Contains(nameof(BinaryReport.RocAuc), seen);
        Assert.Contains(nameof(BinaryReport.LogLoss), seen);
        Assert.Contains(nameof(BinaryReport.Precision), seen);
    }

    [Fact]
    public void Evaluate_AllRowsInOrder_IsTheFullReport()
    {
        var (labels, scores, _) = MeanBootstrapTests.MakeProbabilities(70_000, seed: 5, decimals: 15);
        var evaluator = new BinaryResampleEvaluator(labels, scores);

        Assert.Equal(labels.Length, evaluator.Rows);
        Assert.Equal(Fields(BinaryEvaluation.Evaluate(labels, scores)), Fields(evaluator.Evaluate([.. Enumerable.Range(0, labels.Length)])));
    }

    [Fact]
    public void Evaluate_IndexOutsideTheData_NamesItsPosition()
    {
        var evaluator = new BinaryResampleEvaluator([true, false], [0.8, 0.1]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => evaluator.Evaluate([0, 2]));
        Assert.Equal("rows[1] is 2; a row index must be between 0 and 1. Pass indices into the data this evaluator was made with. (Parameter 'rows')\nActual value was 2.", error.Message.ReplaceLineEndings("\n"));
        Assert.Throws<ArgumentException>(() => evaluator.Evaluate([]));
    }

    [Fact]
    public void Constructor_BadSettings_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinaryResampleEvaluator([true], [0.5], threshold: double.NaN));
        Assert.Throws<ArgumentException>(() => new BinaryResampleEvaluator([true, false], [0.5]));
    }

    /// <summary>Every public property of the report as text, doubles as their bits, the undefined list item by item.</summary>
    private static string Fields(BinaryReport report) =>
        string.Join("\n", typeof(BinaryReport).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name + "=" + Text(p.GetValue(report))));

    private static string Text(object? value) => value switch
    {
        null => "null",
        double d => BitConverter.DoubleToInt64Bits(d).ToString("X16", CultureInfo.InvariantCulture),
        IEnumerable<UndefinedMetric> items => string.Join("; ", items.Select(u => u.Metric + ": " + u.Reason)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
