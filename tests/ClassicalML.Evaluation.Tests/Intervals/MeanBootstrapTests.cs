using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// <see cref="BinaryEvaluation.LogLoss"/>, <see cref="BinaryEvaluation.BrierScore"/> and their bootstrap fast path (each
/// resample's drawn terms summed in draw order), against <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
/// of each materialised resample: the general path's metric before the fast path existed.
/// </summary>
public sealed class MeanBootstrapTests
{
    /// <summary>The metric the general path computed before: log loss (or Brier) from the whole report, NaN when null.</summary>
    private static double FromReport(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, bool brier)
    {
        BinaryReport report = BinaryEvaluation.Evaluate(labels, scores);
        return (brier ? report.BrierScore : report.LogLoss) ?? double.NaN;
    }

    [Theory]
    [InlineData(50, false)]
    [InlineData(50, true)]
    [InlineData(70_000, false)] // the parallel sort of Evaluate
    [InlineData(70_000, true)]
    public void LogLossAndBrierScore_BitIdenticalToTheReport(int n, bool fewDistinct)
    {
        // fewDistinct: 2 decimals, so Evaluate's tie table (and its cached log-loss terms) serves; else every score distinct.
        var (labels, scores, _) = MakeProbabilities(n, seed: n + (fewDistinct ? 1 : 0), decimals: fewDistinct ? 2 : 15);

        Assert.Equal(BitConverter.DoubleToInt64Bits(FromReport(labels, scores, brier: false)), BitConverter.DoubleToInt64Bits(BinaryEvaluation.LogLoss(labels, scores)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(FromReport(labels, scores, brier: true)), BitConverter.DoubleToInt64Bits(BinaryEvaluation.BrierScore(labels, scores)));
    }

    [Fact]
    public void LogLoss_ScoreOutsideZeroOne_IsNaNAsTheReportsNull()
    {
        bool[] labels = [true, false, true];
        double[] scores = [0.2, 1.5, 0.7];

        Assert.Null(BinaryEvaluation.Evaluate(labels, scores).LogLoss);
        Assert.True(double.IsNaN(BinaryEvaluation.LogLoss(labels, scores)));
        Assert.True(double.IsNaN(BinaryEvaluation.BrierScore(labels, scores)));
    }

    [Fact]
    public void LogLoss_ClipsCertainMistakesAsScikitLearn()
    {
        // log_loss([1, 0], [0, 1]) = −ln(2⁻⁵²) = 36.04365338911715 in scikit-learn 1.2 (eps = float64 machine epsilon).
        Assert.Equal(36.04365338911715, BinaryEvaluation.LogLoss([true, false], [0.0, 1.0]), 12);
        Assert.Equal(1.0, BinaryEvaluation.BrierScore([true, false], [0.0, 1.0]));
    }

    [Fact]
    public void LogLoss_BadInput_NamesTheArgument()
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryEvaluation.LogLoss([true], [0.5, 0.5]));
        Assert.Contains("scores", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, 41)]
    [InlineData(false, true, 42)]
    [InlineData(true, false, 43)]
    [InlineData(true, true, 44)]
    public void MeanResamples_EveryResample_BitIdenticalToTheReportOfTheMaterialisedResample(bool brier, bool stratified, int seed)
    {
        var (labels, scores, scoresB) = MakeProbabilities(300, seed, decimals: 3);

        double[] single = Bootstrap.MeanResamples(labels, Bootstrap.MeanTerms(labels, scores, brier), null, stratified, seed, 120, maxThreads: 1);
        double[] paired = Bootstrap.MeanResamples(labels, Bootstrap.MeanTerms(labels, scores, brier), Bootstrap.MeanTerms(labels, scoresB, brier), stratified, seed, 120, maxThreads: 1);

        for (int r = 0; r < single.Length; r++)
        {
            int[] rows = BootstrapDraws.Rows(labels, stratified, seed, r);
            bool[] l = [.. rows.Select(i => labels[i])];
            double a = FromReport(l, [.. rows.Select(i => scores[i])], brier);
            double b = FromReport(l, [.. rows.Select(i => scoresB[i])], brier);
            Assert.Equal(BitConverter.DoubleToInt64Bits(a), BitConverter.DoubleToInt64Bits(single[r]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a - b), BitConverter.DoubleToInt64Bits(paired[r]));
        }
    }

    [Fact]
    public void MeanResamples_AnyNumberOfThreads_SameValues()
    {
        var (labels, scores, scoresB) = MakeProbabilities(3000, seed: 6, decimals: 15);
        double[] a = Bootstrap.MeanTerms(labels, scores, brier: false);
        double[] b = Bootstrap.MeanTerms(labels, scoresB, brier: false);

        double[] one = Bootstrap.MeanResamples(labels, a, b, stratified: true, seed: 9, resamples: 200, maxThreads: 1);
        foreach (int threads in new[] { 2, 3, 8 })
        {
            double[] many = Bootstrap.MeanResamples(labels, a, b, stratified: true, seed: 9, resamples: 200, maxThreads: threads);
            Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), many.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Percentile_LogLossMethodGroup_SameIntervalAsTheGeneralPathOnTheReport(bool stratified)
    {
        // 1000 rows × 300 resamples: above the parallel threshold, so the fast path runs on every core.
        var (labels, scores, scoresB) = MakeProbabilities(1000, seed: 7, decimals: 4);

        Assert.Equal(
            Bootstrap.Percentile(labels, scores, (l, s) => FromReport(l, s, brier: false), seed: 23, resamples: 300, stratified: stratified),
            Bootstrap.Percentile(labels, scores, BinaryEvaluation.LogLoss, seed: 23, resamples: 300, stratified: stratified));
        Assert.Equal(
            Bootstrap.PairedDifference(labels, scores, scoresB, (l, s) => FromReport(l, s, brier: false), seed: 24, resamples: 300, stratified: stratified),
            Bootstrap.PairedDifference(labels, scores, scoresB, BinaryEvaluation.LogLoss, seed: 24, resamples: 300, stratified: stratified));
        Assert.Equal(
            Bootstrap.PairedDifference(labels, scores, scoresB, (l, s) => FromReport(l, s, brier: true), seed: 25, resamples: 300, stratified: stratified),
            Bootstrap.PairedDifference(labels, scores, scoresB, BinaryEvaluation.BrierScore, seed: 25, resamples: 300, stratified: stratified));
    }

    [Fact]
    public void Percentile_LogLossOfNonProbabilities_RefusedAsUndefinedOnTheFullData()
    {
        var error = Assert.Throws<ArgumentException>(() => Bootstrap.Percentile([true, false], [0.5, 2.0], BinaryEvaluation.LogLoss, seed: 1, resamples: 10));
        Assert.Equal("metric is NaN on the full data (undefined, e.g. only one class present); an interval around an undefined value is meaningless. Check that labels contain both classes. (Parameter 'metric')", error.Message);
    }

    [Fact]
    public void IsMeanMetric_MethodGroupsOnly()
    {
        Assert.True(Bootstrap.IsMeanMetric(BinaryEvaluation.LogLoss, out bool brier) && !brier);
        Assert.True(Bootstrap.IsMeanMetric(BinaryEvaluation.BrierScore, out brier) && brier);
        Assert.False(Bootstrap.IsMeanMetric((l, s) => BinaryEvaluation.LogLoss(l, s), out _));
        Assert.False(Bootstrap.IsMeanMetric(Roc.Auc, out _));
    }

    /// <summary>About 30% positives, probabilities rounded to <paramref name="decimals"/> (exact 0 and 1 among them: the clip matters).</summary>
    internal static (bool[] Labels, double[] Scores, double[] ScoresB) MakeProbabilities(int n, int seed, int decimals)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        bool[] labels = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3)];
        double[] a = [.. labels.Select(l => Math.Round(Math.Clamp((l ? 0.25 : -0.05) + (1.1 * random.NextDouble()), 0, 1), decimals))];
        double[] b = [.. labels.Select(l => Math.Round(Math.Clamp((l ? 0.1 : -0.05) + (1.1 * random.NextDouble()), 0, 1), decimals))];
        return (labels, a, b);
    }
}
