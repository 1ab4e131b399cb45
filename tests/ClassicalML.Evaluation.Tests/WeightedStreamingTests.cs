using FsCheck;
using FsCheck.Xunit;
using MathNet.Numerics.Random;
using static ClassicalML.Evaluation.Tests.StreamingBinaryEvaluatorTests;

namespace ClassicalML.Evaluation.Tests;

/// <summary>The streaming evaluator with row weights: the in-memory weighted report, exact merges, a versioned state.</summary>
public class WeightedStreamingTests
{
    [Fact]
    public void ToReport_WeightedBelowCapacity_EqualsWeightedBinaryEvaluation()
    {
        (bool[] labels, double[] scores, double[] weights) = Rows(2000, seed: 3, decimals: 2);
        var e = new StreamingBinaryEvaluator(threshold: 0.4, beta: 2, weighted: true);
        for (int start = 0; start < labels.Length; start += 300)
        {
            int length = Math.Min(300, labels.Length - start);
            e.Add(labels.AsSpan(start, length), scores.AsSpan(start, length), weights.AsSpan(start, length));
        }

        BinaryReport streamed = e.ToReport();
        BinaryReport direct = BinaryEvaluation.Evaluate(labels, scores, weights, threshold: 0.4, beta: 2);

        Assert.True(streamed.IsWeighted && streamed.IsExact && e.IsWeighted);
        Assert.Equal((direct.N, direct.TruePositives, direct.FalsePositives), (streamed.N, streamed.TruePositives, streamed.FalsePositives));
        double[] expected = Numbers(direct);
        double[] actual = Numbers(streamed);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"value {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    [Property(MaxTest = 40)]
    public bool Merge_WeightedAnyPartitionAndOrder_GivesTheSameReport(PositiveInt seedArg, PositiveInt rowsArg, PositiveInt partsArg)
    {
        int seed = seedArg.Get;
        int n = 1 + (rowsArg.Get % 500);
        int parts = 1 + (partsArg.Get % 6);
        var random = new MersenneTwister(seed, threadSafe: false);
        (bool[] labels, double[] scores, double[] weights) = Rows(n, seed, decimals: seed % 2 == 0 ? 2 : null);
        weights[0] = 1; // some weight
        int[] cuts = [0, .. Enumerable.Range(0, parts - 1).Select(_ => random.Next(n + 1)).Order(), n];

        // Small capacity and bin limit, so exact, histogram and coarsened states all occur; every merge via bytes.
        List<StreamingBinaryEvaluator> partitions = [.. Enumerable.Range(0, parts).Select(k => Part(labels, scores, weights, cuts[k], cuts[k + 1]))];
        partitions.Reverse();
        while (partitions.Count > 1)
        {
            int i = random.Next(partitions.Count);
            StreamingBinaryEvaluator a = partitions[i];
            partitions.RemoveAt(i);
            StreamingBinaryEvaluator b = StreamingBinaryEvaluator.FromBytes(partitions[0].ToBytes());
            partitions.RemoveAt(0);
            b.Merge(a);
            partitions.Add(b);
        }

        StreamingBinaryEvaluator single = Part(labels, scores, weights, 0, n);
        return Canonical(partitions[0].ToReport()) == Canonical(single.ToReport());
    }

    [Fact]
    public void ToReport_WeightedHistogramMode_ExactWeightedValuesWithinTheBounds()
    {
        (bool[] labels, double[] scores, double[] weights) = Rows(5000, seed: 8, decimals: null);
        var e = new StreamingBinaryEvaluator(exactCapacity: 100, maxBins: 64, weighted: true);
        e.Add(labels, scores, weights);
        BinaryReport r = e.ToReport();

        Assert.False(r.IsExact);
        Assert.InRange(r.RocAucErrorBound, 1e-9, 0.05);
        Assert.True(Math.Abs(r.RocAuc - Roc.Auc(labels, scores, weights)) <= r.RocAucErrorBound + 1e-12);
        Assert.True(Math.Abs(r.AveragePrecision - PrecisionRecall.AveragePrecision(labels, scores, weights)) <= r.AveragePrecisionErrorBound + 1e-12);
    }

    [Fact]
    public void ToBytes_Weighted_WritesVersion2AndRoundTrips()
    {
        (bool[] labels, double[] scores, double[] weights) = Rows(3000, seed: 5, decimals: null);
        foreach (int capacity in new[] { 10_000, 500 })
        {
            var e = new StreamingBinaryEvaluator(exactCapacity: capacity, maxBins: 64, weighted: true);
            e.Add(labels.AsSpan(0, 2000), scores.AsSpan(0, 2000), weights.AsSpan(0, 2000));
            byte[] bytes = e.ToBytes();

            StreamingBinaryEvaluator restored = StreamingBinaryEvaluator.FromBytes(bytes);

            Assert.Equal(StreamingBinaryEvaluator.WeightedFormatVersion, bytes[6]);
            Assert.Equal(bytes, restored.ToBytes());
            Assert.True(restored.IsWeighted);
            e.Add(labels.AsSpan(2000), scores.AsSpan(2000), weights.AsSpan(2000));
            restored.Add(labels.AsSpan(2000), scores.AsSpan(2000), weights.AsSpan(2000));
            Assert.Equal(Canonical(e.ToReport()), Canonical(restored.ToReport()));
        }
    }

    [Fact]
    public void FromBytes_WeightedCellsThatDoNotAddUp_Throws()
    {
        (bool[] labels, double[] scores, double[] weights) = Rows(50, seed: 2, decimals: 1);
        var e = new StreamingBinaryEvaluator(weighted: true);
        e.Add(labels, scores, weights);
        byte[] bytes = e.ToBytes();
        bytes[^1] ^= 0x40; // the last kept weight

        var ex = Assert.Throws<ArgumentException>(() => StreamingBinaryEvaluator.FromBytes(bytes));

        Assert.Contains("its kept weights and bins do not add up to its weighted confusion cells", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_MixingWeightedAndUnweighted_Throws()
    {
        var weighted = new StreamingBinaryEvaluator(weighted: true);
        var plain = new StreamingBinaryEvaluator();

        Assert.Throws<InvalidOperationException>(() => weighted.Add([true], [0.5]));
        Assert.Throws<InvalidOperationException>(() => plain.Add([true], [0.5], [1.0]));
        var ex = Assert.Throws<ArgumentException>(() => weighted.Merge(plain));
        Assert.Contains("other has weighted = False but this accumulator has weighted = True", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NegativeWeight_ThrowsNamingTheRowAndAddsNothing()
    {
        var e = new StreamingBinaryEvaluator(weighted: true);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => e.Add([true, false], [0.5, 0.4], [1.0, -3.0]));

        Assert.StartsWith("weights[1] is -3;", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, e.Count);
    }

    [Fact]
    public void ToReport_OnlyZeroWeights_Throws()
    {
        var e = new StreamingBinaryEvaluator(weighted: true);
        e.Add([true, false], [0.5, 0.4], [0.0, 0.0]);

        Assert.Throws<InvalidOperationException>(e.ToReport);
    }

    private static StreamingBinaryEvaluator Part(bool[] labels, double[] scores, double[] weights, int from, int to)
    {
        var e = new StreamingBinaryEvaluator(exactCapacity: 100, maxBins: 16, weighted: true);
        for (int start = from; start < to; start += 37)
        {
            int length = Math.Min(37, to - start);
            e.Add(labels.AsSpan(start, length), scores.AsSpan(start, length), weights.AsSpan(start, length));
        }

        return e;
    }

    private static double[] Numbers(BinaryReport r) =>
    [
        r.Accuracy, r.Precision, r.Recall, r.Specificity, r.F1, r.FBeta, r.BalancedAccuracy, r.Mcc, r.RocAuc, r.AveragePrecision,
        r.LogLoss ?? -1, r.BrierScore ?? -1, r.WeightedCounts!.TruePositives, r.WeightedCounts.FalsePositives, r.WeightedCounts.TrueNegatives, r.WeightedCounts.FalseNegatives,
    ];

    /// <summary>Probabilities as in the unweighted tests, with weights: 10% zero, the rest in (0, 5).</summary>
    private static (bool[] Labels, double[] Scores, double[] Weights) Rows(int n, int seed, int? decimals)
    {
        (bool[] labels, double[] scores) = Probabilities(n, seed, decimals);
        var random = new MersenneTwister(seed + 1000, threadSafe: false);
        double[] weights = [.. labels.Select(_ => random.NextDouble() < 0.1 ? 0.0 : 5 * random.NextDouble())];
        return (labels, scores, weights);
    }
}

/// <summary>
/// States written before sample weights (tests/reference/streaming/v1_states.json, bytes of ToBytes from ClassicalML
/// main 4cf4113) still read, report as before, and are written back byte for byte.
/// </summary>
public class StreamingVersion1StateTests
{
    public static TheoryData<string> Names => ["exact", "histogram"];

    [Theory]
    [MemberData(nameof(Names))]
    public void FromBytes_Version1State_ReadsAndWritesTheSameBytes(string name)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "streaming", "v1_states.json")));
        System.Text.Json.JsonElement state = doc.RootElement.GetProperty("states").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        byte[] bytes = Convert.FromHexString(state.GetProperty("hex").GetString()!);
        bool[] labels = [.. Enumerable.Range(0, 400).Select(i => i % 3 == 0)];
        double[] scores = [.. Enumerable.Range(0, 400).Select(i => ((i * 37) % 101) / 100.0)];
        var fresh = new StreamingBinaryEvaluator(threshold: 0.4, exactCapacity: state.GetProperty("exactCapacity").GetInt32(), maxBins: state.GetProperty("maxBins").GetInt32());
        fresh.Add(labels, scores);

        StreamingBinaryEvaluator restored = StreamingBinaryEvaluator.FromBytes(bytes);

        Assert.Equal(StreamingBinaryEvaluator.FormatVersion, bytes[6]);
        Assert.False(restored.IsWeighted);
        Assert.Equal(bytes, restored.ToBytes());
        Assert.Equal(bytes, fresh.ToBytes());
        Assert.Equal(StreamingBinaryEvaluatorTests.Canonical(fresh.ToReport()), StreamingBinaryEvaluatorTests.Canonical(restored.ToReport()));
    }
}
