namespace ClassicalML.Evaluation.Tests;

/// <summary>Several metrics on the same stratified resamples (<see cref="Bootstrap.StratifiedPercentile(ReadOnlySpan{int}, IReadOnlyList{RowMetric}, int, int, double)"/>).</summary>
public class BootstrapManyTests
{
    private static readonly int[] Strata = [.. Enumerable.Range(0, 40).Select(i => i % 5 == 0 ? 1 : 0)];

    private static double Mean(ReadOnlySpan<int> rows)
    {
        double sum = 0;
        foreach (int row in rows)
        {
            sum += (row * 7 % 11) / 10.0;
        }

        return sum / rows.Length;
    }

    private static double Positives(ReadOnlySpan<int> rows)
    {
        int count = 0;
        foreach (int row in rows)
        {
            count += row % 3 == 0 ? 1 : 0;
        }

        return count;
    }

    [Fact]
    public void StratifiedPercentile_SeveralMetrics_EachBitIdenticalToItsOwnBootstrap()
    {
        var many = Bootstrap.StratifiedPercentile(Strata, [Mean, Positives], seed: 9, resamples: 200);
        Assert.Equal(Bootstrap.StratifiedPercentile(Strata, Mean, seed: 9, resamples: 200), many[0]);
        Assert.Equal(Bootstrap.StratifiedPercentile(Strata, Positives, seed: 9, resamples: 200), many[1]);
    }

    [Fact]
    public void StratifiedPercentile_SeveralMetrics_SameRowsForEveryMetricOfAResample()
    {
        var first = new List<string>();
        var second = new List<string>();
        Bootstrap.StratifiedPercentile(Strata, [rows => { first.Add(string.Join(",", rows.ToArray())); return 0; }, rows => { second.Add(string.Join(",", rows.ToArray())); return 0; }], seed: 2, resamples: 20);
        Assert.Equal(first, second);
    }

    [Fact]
    public void StratifiedPercentile_MetricUndefinedOnFullData_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.StratifiedPercentile(Strata, [Mean, _ => double.NaN], seed: 1));
        Assert.Equal("metrics", e.ParamName);
        Assert.StartsWith("metrics[1]: metric is NaN on the full data (undefined)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StratifiedPercentile_NoMetric_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.StratifiedPercentile(Strata, Array.Empty<RowMetric>(), seed: 1));
        Assert.StartsWith("metrics is empty; at least one element is required. Pass at least one metric to bootstrap.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StratifiedPercentile_UndefinedResamples_CountedPerMetric()
    {
        // Undefined whenever the resample holds row 0 more than once: counted for that metric only.
        double Picky(ReadOnlySpan<int> rows) => rows.ToArray().Count(r => r == 0) > 1 ? double.NaN : 1;
        var many = Bootstrap.StratifiedPercentile(Strata, [Mean, Picky], seed: 4, resamples: 300);
        Assert.Equal(0, many[0].UndefinedResamples);
        Assert.True(many[1].UndefinedResamples > 0);
    }
}
