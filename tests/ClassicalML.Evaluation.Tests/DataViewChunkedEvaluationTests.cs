using System.Collections.Concurrent;
using System.Reflection;
using MathNet.Numerics.Random;
using Microsoft.ML;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// <see cref="DataViewEvaluation.EvaluateBinary"/> reads a view in chunks and sums them on another thread (issue #18):
/// its report must be the one <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
/// gives for the values <see cref="DataViewEvaluation.ReadBinaryPredictions"/> reads, bit for bit, and its errors the same.
/// </summary>
public sealed class DataViewChunkedEvaluationTests
{
    private const int Chunk = DataViewEvaluation.ChunkRows;

    private sealed class SingleRow
    {
        public bool Label { get; set; }

        public float Probability { get; set; }
    }

    private sealed class DoubleRow
    {
        public double Label { get; set; }

        public double Score { get; set; }
    }

    private sealed class SingleLabelRow
    {
        public float Label { get; set; }

        public float Score { get; set; }
    }

    public static TheoryData<int, string> SizesAndScores()
    {
        var data = new TheoryData<int, string>();
        int[] sizes = [1, 2, 17, 1_000, Chunk - 1, Chunk, Chunk + 1, (2 * Chunk) + 7, 300_000];
        string[] kinds = ["ties10", "ties10000", "distinct", "tiesThenDistinct", "raw"];
        foreach (int n in sizes)
        {
            foreach (string kind in kinds)
            {
                data.Add(n, kind);
            }
        }

        data.Add(5 * Chunk, "ties40000"); // more distinct scores than the tie table takes, found late
        data.Add(4 * Chunk, "ties30000"); // just under the table's limit
        return data;
    }

    [Theory]
    [MemberData(nameof(SizesAndScores))]
    public void EvaluateBinary_SingleProbabilityView_BitIdenticalToEvaluateOfReadArrays(int n, string kind)
    {
        (bool[] labels, double[] scores) = Generate(n, kind, seed: n + kind.Length);
        SingleRow[] rows = [.. labels.Select((l, i) => new SingleRow { Label = l, Probability = (float)scores[i] })];
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(rows);

        AssertSameAsArrays(view, probabilityColumnName: "Probability", threshold: null);
    }

    [Theory]
    [MemberData(nameof(SizesAndScores))]
    public void EvaluateBinary_DoubleLabelDoubleScoreUnknownRowCount_BitIdenticalToEvaluateOfReadArrays(int n, string kind)
    {
        (bool[] labels, double[] scores) = Generate(n, kind, seed: (3 * n) + kind.Length);
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(Stream(labels, scores));
        Assert.Null(view.GetRowCount());

        AssertSameAsArrays(view, probabilityColumnName: null, threshold: null);
        AssertSameAsArrays(view, probabilityColumnName: null, threshold: 0.25);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(Chunk + 3)]
    public void EvaluateBinary_SingleLabelColumnKnownRowCount_BitIdenticalToEvaluateOfReadArrays(int n)
    {
        (bool[] labels, double[] scores) = Generate(n, "ties10000", seed: 5);
        SingleLabelRow[] rows = [.. labels.Select((l, i) => new SingleLabelRow { Label = l ? 1f : 0f, Score = (float)scores[i] })];
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(rows);
        Assert.Equal(n, view.GetRowCount());

        AssertSameAsArrays(view, probabilityColumnName: null, threshold: 0.5);
    }

    [Theory]
    [InlineData(true, 10)]
    [InlineData(false, 10)]
    [InlineData(true, 3 * Chunk)]
    [InlineData(false, 3 * Chunk)]
    public void EvaluateBinary_OneClass_BitIdenticalToEvaluateOfReadArrays(bool label, int n)
    {
        (_, double[] scores) = Generate(n, "ties10000", seed: 9);
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(Stream([.. scores.Select(_ => label)], scores));

        AssertSameAsArrays(view, probabilityColumnName: null, threshold: null);
    }

    [Fact]
    public void EvaluateBinary_SignedZeroScores_BitIdenticalToEvaluateOfReadArrays()
    {
        int n = (2 * Chunk) + 11;
        var rng = new MersenneTwister(11);
        bool[] labels = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.4)];
        double[] scores = [.. Enumerable.Range(0, n).Select(i => (i % 3) switch { 0 => 0.0, 1 => -0.0, _ => 0.5 })];
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(Stream(labels, scores));

        AssertSameAsArrays(view, probabilityColumnName: null, threshold: 0.0);
    }

    [Fact]
    public void EvaluateBinary_EmptyView_ThrowsEvaluatesError()
    {
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(Stream([], []));

        var expected = Assert.Throws<ArgumentException>(() => BinaryEvaluation.Evaluate([], []));
        var actual = Assert.Throws<ArgumentException>(() => view.EvaluateBinary(probabilityColumnName: null));
        Assert.Equal(expected.Message, actual.Message);
    }

    [Theory]
    [InlineData(0, double.NaN)]
    [InlineData(Chunk - 1, double.PositiveInfinity)]
    [InlineData(Chunk, double.NaN)]
    [InlineData((3 * Chunk) + 5, double.NegativeInfinity)]
    [InlineData((4 * Chunk) - 7, double.PositiveInfinity)] // the second NaN in the last row, a chunk of its own
    public void EvaluateBinary_NonFiniteScore_ThrowsEvaluatesErrorNamingTheRow(int row, double bad)
    {
        (bool[] labels, double[] scores) = Generate((4 * Chunk) + 1, "ties10000", seed: 13);
        scores[row] = bad;
        scores[row + 7] = double.NaN; // only the first is named
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(Stream(labels, scores));

        var expected = Assert.Throws<ArgumentException>(() => BinaryEvaluation.Evaluate(labels, scores));
        var actual = Assert.Throws<ArgumentException>(() => view.EvaluateBinary(probabilityColumnName: null));
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.ParamName, actual.ParamName);
        Assert.Contains($"scores[{row}]", actual.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateBinary_BadLabelAfterNonFiniteScore_ThrowsTheLabelErrorAsReadBinaryPredictions()
    {
        int n = (3 * Chunk) + 9;
        (bool[] labels, double[] scores) = Generate(n, "ties10", seed: 17);
        DoubleRow[] rows = [.. labels.Select((l, i) => new DoubleRow { Label = l ? 1 : 0, Score = scores[i] })];
        rows[3].Score = double.NaN;
        rows[(2 * Chunk) + 4].Label = 0.5;
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(rows);

        var expected = Assert.Throws<ArgumentException>(() => view.ReadBinaryPredictions(probabilityColumnName: null));
        var actual = Assert.Throws<ArgumentException>(() => view.EvaluateBinary(probabilityColumnName: null));
        Assert.Equal(expected.Message, actual.Message);
        Assert.Contains($"row {(2 * Chunk) + 4}", actual.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(Chunk + 5)]
    [InlineData((6 * Chunk) + 5)]
    public void EvaluateBinary_CursorThrows_ThrowsTheCursorsErrorAndCanBeCalledAgain(int failAt)
    {
        (bool[] labels, double[] scores) = Generate(7 * Chunk, "ties10000", seed: 19);
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(Failing(Stream(labels, scores), failAt));

        var error = Assert.Throws<InvalidOperationException>(() => view.EvaluateBinary(probabilityColumnName: null));
        Assert.Equal($"source failed at row {failAt}", error.Message);

        IDataView good = new MLContext(seed: 0).Data.LoadFromEnumerable(Stream(labels, scores));
        AssertSameAsArrays(good, probabilityColumnName: null, threshold: null);
    }

    [Fact]
    public void EvaluateBinary_BadSettings_ThrowEvaluatesErrors()
    {
        (bool[] labels, double[] scores) = Generate(Chunk + 1, "ties10", seed: 23);
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(Stream(labels, scores));

        var expectedThreshold = Assert.Throws<ArgumentOutOfRangeException>(() => BinaryEvaluation.Evaluate(labels, scores, threshold: double.NaN));
        var actualThreshold = Assert.Throws<ArgumentOutOfRangeException>(() => view.EvaluateBinary(probabilityColumnName: null, threshold: double.NaN));
        Assert.Equal(expectedThreshold.Message, actualThreshold.Message);
        var expectedBeta = Assert.Throws<ArgumentOutOfRangeException>(() => BinaryEvaluation.Evaluate(labels, scores, beta: -1));
        var actualBeta = Assert.Throws<ArgumentOutOfRangeException>(() => view.EvaluateBinary(probabilityColumnName: null, beta: -1));
        Assert.Equal(expectedBeta.Message, actualBeta.Message);
    }

    [Fact]
    public void EvaluateBinary_SameViewManyTimes_SameBits()
    {
        (bool[] labels, double[] scores) = Generate((5 * Chunk) + 3, "tiesThenDistinct", seed: 29);
        IDataView view = new MLContext(seed: 0).Data.LoadFromEnumerable(Stream(labels, scores));
        BinaryReport first = view.EvaluateBinary(probabilityColumnName: null);
        for (int i = 0; i < 5; i++)
        {
            AssertBitIdentical(first, view.EvaluateBinary(probabilityColumnName: null));
        }
    }

    [Theory]
    [InlineData(1, "ties10", 1)]
    [InlineData(1_000, "ties10000", 1)]
    [InlineData(50_000, "raw", 999)]
    [InlineData(50_000, "distinct", 4_096)]
    [InlineData(200_000, "tiesThenDistinct", Chunk)]
    [InlineData(300_000, "ties40000", 7_777)]
    [InlineData(Chunk, "ties30000", Chunk)]
    public async Task BinaryChunkSums_HalvesOnTwoThreads_BitIdenticalToEvaluate(int n, string kind, int chunkRows)
    {
        // The chunked evaluation's split: this thread makes the per-row pass (AddRows) and hands each chunk to another
        // thread that ranks it (AddRanking), both in row order.
        (bool[] labels, double[] scores) = Generate(n, kind, seed: n + chunkRows);
        double threshold = kind == "raw" ? 0.0 : 0.5;
        using var sums = new BinaryChunkSums(threshold, expectedRows: 0);
        using var handed = new BlockingCollection<(int Start, int Length)>(boundedCapacity: 3);
        Task ranking = Task.Run(() =>
        {
            foreach ((int start, int length) in handed.GetConsumingEnumerable())
            {
                sums.AddRanking(labels.AsSpan(start, length), scores.AsSpan(start, length));
            }
        });
        for (int start = 0; start < n; start += chunkRows)
        {
            int length = Math.Min(chunkRows, n - start);
            Assert.True(sums.AddRows(labels.AsSpan(start, length), scores.AsSpan(start, length)));
            handed.Add((start, length));
        }

        handed.CompleteAdding();
        await ranking;
        (RowSums rows, double firstNonProbabilityScore, RankingSums rankingSums) = sums.Finish();

        BinaryReport expected = BinaryEvaluation.Evaluate(labels, scores, threshold, beta: 2.0, ZeroDivision.NaN);
        AssertBitIdentical(expected, BinaryEvaluation.Report(rows, firstNonProbabilityScore, rankingSums, threshold, beta: 2.0, ZeroDivision.NaN));
        Assert.Equal(n, sums.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(1_000)]
    [InlineData(4_321)]
    public void BinaryChunkSums_AddRows_RefusesFromTheChunkWithTheFirstNonFiniteScoreOn(int row)
    {
        (bool[] labels, double[] scores) = Generate(5_000, "ties10000", seed: 31);
        scores[row] = double.NaN;
        using var sums = new BinaryChunkSums(0.5, expectedRows: 5_000);
        for (int start = 0; start < 5_000; start += 1_000)
        {
            bool accepted = sums.AddRows(labels.AsSpan(start, 1_000), scores.AsSpan(start, 1_000));
            Assert.Equal(start + 1_000 <= row, accepted);
            if (accepted)
            {
                sums.AddRanking(labels.AsSpan(start, 1_000), scores.AsSpan(start, 1_000));
            }
        }

        var expected = Assert.Throws<ArgumentException>(() => BinaryEvaluation.Evaluate(labels, scores));
        var actual = Assert.Throws<ArgumentException>(() => sums.Finish());
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.ParamName, actual.ParamName);
    }

    private static void AssertSameAsArrays(IDataView view, string? probabilityColumnName, double? threshold)
    {
        BinaryPredictions read = view.ReadBinaryPredictions(probabilityColumnName: probabilityColumnName);
        double t = threshold ?? (read.ScoresAreProbabilities ? 0.5 : 0.0);
        BinaryReport expected = BinaryEvaluation.Evaluate(read.Labels, read.Scores, t, beta: 2.0, ZeroDivision.NaN);
        BinaryReport actual = view.EvaluateBinary(probabilityColumnName: probabilityColumnName, threshold: threshold, beta: 2.0, zeroDivision: ZeroDivision.NaN);
        AssertBitIdentical(expected, actual);
    }

    /// <summary>Every property of the report: doubles by their bits, the rest by value.</summary>
    private static void AssertBitIdentical(BinaryReport expected, BinaryReport actual)
    {
        foreach (PropertyInfo property in typeof(BinaryReport).GetProperties())
        {
            object? e = property.GetValue(expected);
            object? a = property.GetValue(actual);
            switch (e)
            {
                case double d:
                    Assert.True(BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)a!), $"{property.Name}: {d:R} vs {a:R}");
                    break;
                case IReadOnlyList<UndefinedMetric> undefined:
                    Assert.Equal(undefined, (IReadOnlyList<UndefinedMetric>)a!);
                    break;
                default:
                    Assert.Equal(e, a); // int, bool, enum, null
                    break;
            }
        }
    }

    /// <summary>Seeded rows of one kind of score: few or many ties, distinct, ties then distinct (the table gives up late), raw scores outside [0, 1].</summary>
    private static (bool[] Labels, double[] Scores) Generate(int n, string kind, int seed)
    {
        var rng = new MersenneTwister(seed);
        bool[] labels = new bool[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = rng.NextDouble() < 0.45;
            double u = Math.Clamp((rng.NextDouble() * 0.7) + (labels[i] ? 0.3 : 0.0), 0.0, 1.0);
            scores[i] = kind switch
            {
                "ties10" => Math.Round(u * 10) / 10,
                "ties10000" => Math.Round(u * 10_000) / 10_000,
                "ties30000" => Math.Round(u * 30_000) / 30_000,
                "ties40000" => Math.Round(u * 40_000) / 40_000,
                "distinct" => u,
                "tiesThenDistinct" => i < n * 3 / 4 ? Math.Round(u * 100) / 100 : u,
                "raw" => (u - 0.5) * 8,
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind"),
            };
        }

        return (labels, scores);
    }

    /// <summary>The rows as a lazy sequence: a view built on it does not know its row count.</summary>
    private static IEnumerable<DoubleRow> Stream(bool[] labels, double[] scores)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            yield return new DoubleRow { Label = labels[i] ? 1 : 0, Score = scores[i] };
        }
    }

    private static IEnumerable<DoubleRow> Failing(IEnumerable<DoubleRow> rows, int failAt)
    {
        int i = 0;
        foreach (DoubleRow row in rows)
        {
            if (i++ == failAt)
            {
                throw new InvalidOperationException($"source failed at row {failAt}");
            }

            yield return row;
        }
    }
}
