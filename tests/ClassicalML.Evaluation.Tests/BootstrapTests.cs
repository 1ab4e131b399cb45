using ClassicalML.Evaluation;
using FsCheck;
using FsCheck.Xunit;
using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

public sealed class BootstrapTests
{
    private static readonly (bool[] Labels, double[] Scores) Data = MakeData(200, 0.3, 1.0, seed: 7);

    [Property(MaxTest = 20)]
    public bool Percentile_SameSeed_BitIdentical(int seed, bool stratified)
    {
        var a = Bootstrap.Percentile(Data.Labels, Data.Scores, MeanScore, seed, resamples: 100, stratified: stratified);
        var b = Bootstrap.Percentile(Data.Labels, Data.Scores, MeanScore, seed, resamples: 100, stratified: stratified);

        return a == b
            && BitConverter.DoubleToInt64Bits(a.Lower) == BitConverter.DoubleToInt64Bits(b.Lower)
            && BitConverter.DoubleToInt64Bits(a.Upper) == BitConverter.DoubleToInt64Bits(b.Upper);
    }

    [Property(MaxTest = 20)]
    public bool Percentile_DifferentSeeds_DifferentIntervals(int seed)
    {
        var a = Bootstrap.Percentile(Data.Labels, Data.Scores, MeanScore, seed, resamples: 100);
        var b = Bootstrap.Percentile(Data.Labels, Data.Scores, MeanScore, unchecked(seed + 1), resamples: 100);

        return a.Lower != b.Lower && a.Upper != b.Upper;
    }

    [Property(MaxTest = 20)]
    public bool Percentile_ReasonableData_ContainsEstimate(int seed, bool stratified)
    {
        var interval = Bootstrap.Percentile(Data.Labels, Data.Scores, Auc, seed, resamples: 200, stratified: stratified);

        return interval.Interval.Contains(interval.Estimate) && interval.Lower < interval.Upper;
    }

    [Fact]
    public void Percentile_Estimate_IsMetricOnFullData()
    {
        var interval = Bootstrap.Percentile(Data.Labels, Data.Scores, Auc, seed: 1, resamples: 50);

        Assert.Equal(Auc(Data.Labels, Data.Scores), interval.Estimate);
        Assert.Equal(0.95, interval.Interval.Confidence);
        Assert.Equal("percentile bootstrap", interval.Interval.Method);
        Assert.Equal((50, 1, false), (interval.Resamples, interval.Seed, interval.Stratified));
    }

    [Property(MaxTest = 20)]
    public bool Percentile_Stratified_KeepsClassCounts(int seed)
    {
        var positives = Data.Labels.Count(l => l);

        var stratified = Bootstrap.Percentile(Data.Labels, Data.Scores, PositiveCount, seed, resamples: 100, stratified: true);
        var plain = Bootstrap.Percentile(Data.Labels, Data.Scores, PositiveCount, seed, resamples: 100, stratified: false);

        return stratified.Lower == positives && stratified.Upper == positives
            && stratified.Interval.Method == "stratified percentile bootstrap"
            && plain.Lower < positives && plain.Upper > positives;
    }

    [Fact]
    public void Percentile_UndefinedResamples_SkippedAndCounted()
    {
        // Every other resample is undefined; the first call is the full data.
        var calls = 0;
        var interval = Bootstrap.Percentile(10, _ => calls++ % 2 == 1 ? double.NaN : calls, seed: 3, resamples: 100);

        Assert.Equal(101, calls);
        Assert.Equal(50, interval.UndefinedResamples);
        Assert.Equal(50, interval.DefinedResamples);
        Assert.Equal(1.0, interval.Estimate);
        Assert.Equal(0.5, interval.Interval.UndefinedShare);
    }

    [Fact]
    public void Percentile_OnePositive_UndefinedUnlessStratified()
    {
        bool[] labels = [true, false, false, false, false, false];
        double[] scores = [0.9, 0.1, 0.2, 0.3, 0.4, 0.95];

        var plain = Bootstrap.Percentile(labels, scores, Auc, seed: 11, resamples: 400);
        var stratified = Bootstrap.Percentile(labels, scores, Auc, seed: 11, resamples: 400, stratified: true);

        // P(no positive in a resample of 6) = (5/6)^6 ≈ 0.33.
        Assert.InRange(plain.UndefinedResamples, 90, 180);
        Assert.Equal(0, stratified.UndefinedResamples);
        Assert.Equal(plain.UndefinedResamples / 400.0, plain.Interval.UndefinedShare);
        Assert.Equal(0, stratified.Interval.UndefinedShare);
    }

    [Fact]
    public void Percentile_AllResamplesUndefined_NaNBounds()
    {
        var calls = 0;
        var interval = Bootstrap.Percentile(5, _ => calls++ == 0 ? 0.5 : double.NaN, seed: 3, resamples: 20);

        Assert.Equal(20, interval.UndefinedResamples);
        Assert.True(double.IsNaN(interval.Lower) && double.IsNaN(interval.Upper));
        Assert.Equal((1.0, true), (interval.Interval.UndefinedShare, interval.Interval.IsUndefined));
    }

    [Fact]
    public void Percentile_KnownValues_LinearInterpolationBetweenOrderStatistics()
    {
        // Full data -> 0, then resamples -> 5, 4, 3, 2, 1. Type-7 quantiles at 0.25 and 0.75 are 2 and 4.
        var calls = 0;
        var interval = Bootstrap.Percentile(3, _ => calls == 0 ? calls++ : 6 - calls++, seed: 0, resamples: 5, confidence: 0.5);

        Assert.Equal((0.0, 2.0, 4.0), (interval.Estimate, interval.Lower, interval.Upper));
    }

    [Fact]
    public void Percentile_Rows_DrawnByEachResamplesOwnGenerator()
    {
        var seen = new List<int[]>();
        Bootstrap.Percentile(4, rows => { seen.Add(rows.ToArray()); return 0; }, seed: 42, resamples: 3);

        Assert.Equal([0, 1, 2, 3], seen[0]);
        for (var r = 1; r <= 3; r++)
        {
            var random = ResampleRandom.ForResample(42, r - 1);
            Assert.Equal(Enumerable.Range(0, 4).Select(_ => random.Next(4)).ToArray(), seen[r]);
        }
    }

    [Fact]
    public void StratifiedPercentile_Multiclass_KeepsEveryClassSize()
    {
        int[] strata = [2, 0, 0, 1, 2, 2, 0, 1, 2, 2];
        var sizes = new List<string>();

        var interval = Bootstrap.StratifiedPercentile(
            strata,
            rows =>
            {
                var counts = new int[3];
                foreach (var row in rows)
                {
                    counts[strata[row]]++;
                }

                sizes.Add(string.Join(",", counts));
                return counts[2];
            },
            seed: 5,
            resamples: 50);

        Assert.All(sizes, s => Assert.Equal("3,2,5", s));
        Assert.Equal((5.0, 5.0, 5.0, true), (interval.Estimate, interval.Lower, interval.Upper, interval.Stratified));
    }

    [Fact]
    public void Percentile_MulticlassMacroF1_ContainsEstimate()
    {
        var random = new MersenneTwister(9, threadSafe: false);
        var actual = Enumerable.Range(0, 150).Select(_ => random.Next(3)).ToArray();
        var predicted = actual.Select(a => random.NextDouble() < 0.7 ? a : random.Next(3)).ToArray();
        int[] labels = [0, 1, 2];
        var a = new int[actual.Length];
        var p = new int[actual.Length];

        var interval = Bootstrap.Percentile(
            actual.Length,
            rows =>
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    a[i] = actual[rows[i]];
                    p[i] = predicted[rows[i]];
                }

                return MulticlassEvaluation.Evaluate<int>(a, p, labels).Macro.F1;
            },
            seed: 2,
            resamples: 200);

        Assert.Equal(MulticlassEvaluation.Evaluate<int>(actual, predicted).Macro.F1, interval.Estimate);
        Assert.True(interval.Interval.Contains(interval.Estimate));
        Assert.InRange(interval.Interval.Width, 0.05, 0.3);
    }

    [Fact]
    public void PairedDifference_SameScores_ZeroInterval()
    {
        var interval = Bootstrap.PairedDifference(Data.Labels, Data.Scores, Data.Scores, Auc, seed: 4, resamples: 100);

        Assert.Equal((0.0, 0.0, 0.0), (interval.Estimate, interval.Lower, interval.Upper));
        Assert.Equal("paired percentile bootstrap", interval.Interval.Method);
    }

    [Fact]
    public void PairedDifference_BetterModel_IntervalExcludesZero()
    {
        var noisy = MakeData(200, 0.3, 0.2, seed: 7).Scores;

        var interval = Bootstrap.PairedDifference(Data.Labels, Data.Scores, noisy, Auc, seed: 4, resamples: 300, stratified: true);

        Assert.Equal(Auc(Data.Labels, Data.Scores) - Auc(Data.Labels, noisy), interval.Estimate, 1e-15);
        Assert.True(interval.Lower > 0, $"lower bound {interval.Lower}");
        Assert.Equal(interval, Bootstrap.PairedDifference(Data.Labels, Data.Scores, noisy, Auc, seed: 4, resamples: 300, stratified: true));
    }

    [Fact]
    public void Percentile_ZeroResamples_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Percentile(Data.Labels, Data.Scores, Auc, seed: 1, resamples: 0));

        Assert.Equal("resamples", e.ParamName);
        Assert.StartsWith("resamples is 0; it must be at least 1. Pass, for example, 1000.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_BadConfidence_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Percentile(Data.Labels, Data.Scores, Auc, seed: 1, confidence: 1.5));

        Assert.Equal("confidence", e.ParamName);
        Assert.StartsWith("confidence is 1.5; it must be greater than 0 and less than 1. Pass, for example, 0.95 for a 95% interval.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_NaNScore_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.Percentile([true, false, true], [0.2, double.NaN, 0.4], Auc, seed: 1));

        Assert.Equal("scores", e.ParamName);
        Assert.StartsWith("scores[1] is NaN; every element must be a finite number. Remove or impute non-finite scores before evaluating.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_LengthMismatch_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.Percentile([true, false, true], [0.2, 0.4], Auc, seed: 1));

        Assert.Equal("scores", e.ParamName);
        Assert.StartsWith("labels has 3 elements but scores has 2; they must have the same length (one score per label). Pass parallel arrays of equal length.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_Empty_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.Percentile([], [], Auc, seed: 1));

        Assert.Equal("labels", e.ParamName);
        Assert.StartsWith("labels is empty; at least one element is required. Pass the labels and scores of one or more examples.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_UndefinedOnFullData_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.Percentile([true, true], [0.2, 0.4], Auc, seed: 1));

        Assert.Equal("metric", e.ParamName);
        Assert.StartsWith("metric is NaN on the full data (undefined, e.g. only one class present); an interval around an undefined value is meaningless. Check that labels contain both classes.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PairedDifference_ScoresBMismatch_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.PairedDifference([true, false], [0.2, 0.4], [0.1], Auc, seed: 1));

        Assert.Equal("scoresB", e.ParamName);
        Assert.StartsWith("labels has 2 elements but scoresB has 1;", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_NoRows_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Percentile(0, _ => 1.0, seed: 1));

        Assert.Equal("n", e.ParamName);
        Assert.StartsWith("n is 0; it must be at least 1. Pass the number of rows in the data.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_RowMetricUndefinedOnFullData_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.Percentile(4, _ => double.NaN, seed: 1));

        Assert.Equal("metric", e.ParamName);
        Assert.StartsWith("metric is NaN on the full data (undefined); an interval around an undefined value is meaningless.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StratifiedPercentile_EmptyStrata_ThrowsWithMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.StratifiedPercentile([], _ => 1.0, seed: 1));

        Assert.Equal("strata", e.ParamName);
        Assert.StartsWith("strata is empty; at least one element is required. Pass the stratum of every row.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentile_NullMetric_Throws()
        => Assert.Throws<ArgumentNullException>(() => Bootstrap.Percentile(Data.Labels, Data.Scores, null!, seed: 1));

    private static double MeanScore(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        var sum = 0.0;
        foreach (var s in scores)
        {
            sum += s;
        }

        return sum / scores.Length;
    }

    private static double PositiveCount(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        var count = 0;
        foreach (var l in labels)
        {
            count += l ? 1 : 0;
        }

        return count;
    }

    /// <summary>ROC AUC by pair counting (ties count one half); NaN with one class. Test-local, independent of Roc.</summary>
    private static double Auc(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        double wins = 0;
        long positives = 0, negatives = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (!labels[i])
            {
                negatives++;
                continue;
            }

            positives++;
            for (var j = 0; j < labels.Length; j++)
            {
                if (!labels[j])
                {
                    wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
                }
            }
        }

        return positives == 0 || negatives == 0 ? double.NaN : wins / (positives * negatives);
    }

    /// <summary>Positives with probability <paramref name="prevalence"/>; scores = label * separation + uniform noise.</summary>
    private static (bool[] Labels, double[] Scores) MakeData(int n, double prevalence, double separation, int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var labels = new bool[n];
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < prevalence;
        }

        for (var i = 0; i < n; i++)
        {
            scores[i] = ((labels[i] ? 1 : 0) * separation) + (2 * random.NextDouble());
        }

        return (labels, scores);
    }
}
