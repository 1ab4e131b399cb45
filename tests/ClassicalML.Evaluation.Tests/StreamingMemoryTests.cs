using System.Buffers.Binary;
using ClassicalML.Evaluation;
using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

/// <summary>Runs alone, so that no other test allocates while these measure the heap.</summary>
[CollectionDefinition(nameof(StreamingMemoryTests), DisableParallelization = true)]
public sealed class StreamingMemoryCollection;

/// <summary>
/// The streaming accumulator's memory, measured: the heap it keeps (GC.GetTotalMemory around creating and filling it) and
/// the bytes it allocates per added row (GC.GetAllocatedBytesForCurrentThread), against the bounds its documentation states.
/// </summary>
[Collection(nameof(StreamingMemoryTests))]
public sealed class StreamingMemoryTests
{
    private const int Capacity = 100_000;
    private const int Bins = 1 << 14;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void KeptHeap_AfterBatchesBeyondCapacityAndAMerge_IsWithinTheDocumentedBound(bool weighted)
    {
        // Distinct scores, so the histogram fills and coarsens; batches small, crossing the capacity, and larger than it.
        (bool[] labels, double[] scores, double[] weights) = Rows(1_500_000, seed: 3);
        long bound = weighted ? (16L * Capacity) + (56L * Bins) : (8L * Capacity) + (24L * Bins);
        int[] batches = [1_000, 77_777, 250_000, 4_096];

        long before = GC.GetTotalMemory(forceFullCollection: true);
        StreamingBinaryEvaluator evaluator = FilledAndMerged(weighted, labels, scores, weights, batches);
        long kept = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(evaluator);

        Assert.False(evaluator.IsExact);
        Assert.True(kept <= bound + (64 * 1024), $"the accumulator keeps {kept} bytes, more than its bound of {bound} (+ 64 KiB for its objects); its arrays hold {evaluator.StateBytes}");
        Assert.True(kept >= 8L * Capacity, $"the measurement saw only {kept} bytes, less than the full buffer of kept scores"); // it measures the state
        Assert.InRange(evaluator.StateBytes, 8L * Capacity, bound);
    }

    /// <summary>An accumulator of the first 1.2M rows with one of the rest merged in; the other is garbage once this returns
    /// (a method of its own, so that no temporary of an unoptimized build keeps it alive).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static StreamingBinaryEvaluator FilledAndMerged(bool weighted, bool[] labels, double[] scores, double[] weights, int[] batches)
    {
        var evaluator = new StreamingBinaryEvaluator(exactCapacity: Capacity, maxBins: Bins, weighted: weighted);
        int at = Fill(evaluator, labels, scores, weights, 0, 1_200_000, batches);
        var other = new StreamingBinaryEvaluator(exactCapacity: Capacity, maxBins: Bins, weighted: weighted);
        Fill(other, labels, scores, weights, at, labels.Length, batches);
        evaluator.Merge(other);
        return evaluator;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Add_AfterWarmUp_AllocatesAtMostEightBytesPerRow(bool weighted)
    {
        (bool[] labels, double[] scores, double[] weights) = Rows(1_600_000, seed: 4);
        var histogram = new StreamingBinaryEvaluator(exactCapacity: Capacity, maxBins: Bins, weighted: weighted);
        var exact = new StreamingBinaryEvaluator(exactCapacity: 2_000_000, weighted: weighted);
        Fill(histogram, labels, scores, weights, 0, 600_000, [4_096]); // the buffer and the bins have grown
        Fill(exact, labels, scores, weights, 0, 1_100_000, [4_096]); // the buffer has grown to the capacity

        long start = GC.GetAllocatedBytesForCurrentThread();
        Fill(histogram, labels, scores, weights, 600_000, 1_600_000, [4_096]);
        long histogramBytes = GC.GetAllocatedBytesForCurrentThread() - start;
        start = GC.GetAllocatedBytesForCurrentThread();
        Fill(exact, labels, scores, weights, 1_100_000, 1_600_000, [4_096]);
        long exactBytes = GC.GetAllocatedBytesForCurrentThread() - start;

        Assert.True(exact.IsExact && !histogram.IsExact);
        Assert.True(histogramBytes <= 8L * 1_000_000, $"{histogramBytes} bytes for 1,000,000 rows in histogram mode");
        Assert.True(exactBytes <= 8L * 500_000, $"{exactBytes} bytes for 500,000 rows in the exact range");
    }

    [Fact]
    public void LossSums_AreThe128BitSumsOfTheRoundedTerms_AcrossChunks()
    {
        // The extremes of both terms (the clip's −ln 2⁻⁵² ≈ 36.04, 0, terms that round to 0) and more rows than one chunk of long sums.
        double[] extremes = [0.0, 1.0, 2.220446049250313e-16, 1.0 - 2.220446049250313e-16, 1e-300, double.Epsilon, 0.5, 1e-10, 1.0 - 1e-10, 0.3];
        (bool[] labels, double[] scores, _) = Rows(700_000, seed: 5);
        for (int i = 0; i < 40_000; i++)
        {
            scores[i * 17] = extremes[i % extremes.Length];
        }

        var evaluator = new StreamingBinaryEvaluator(exactCapacity: 0, maxBins: 64);
        evaluator.Add(labels.AsSpan(0, 10), scores.AsSpan(0, 10));
        evaluator.Add(labels.AsSpan(10), scores.AsSpan(10));
        byte[] state = evaluator.ToBytes();

        // The sums as they were taken before: one 128-bit integer added per row.
        Int128 logLoss = Int128.Zero;
        Int128 brier = Int128.Zero;
        for (int i = 0; i < scores.Length; i++)
        {
            logLoss += (Int128)Math.Round(BinaryEvaluation.LogLossTerm(scores[i], labels[i]) * 1208925819614629174706176.0);
            brier += (Int128)Math.Round(BinaryEvaluation.BrierTerm(scores[i], labels[i]) * 1208925819614629174706176.0);
        }

        // Header: magic (6), version (1), threshold, beta (8 each), zero division, capacity, bins (4 each), TP, FP, TN, FN (8 each).
        Assert.Equal(logLoss, BinaryPrimitives.ReadInt128LittleEndian(state.AsSpan(67, 16)));
        Assert.Equal(brier, BinaryPrimitives.ReadInt128LittleEndian(state.AsSpan(83, 16)));
    }

    private static int Fill(StreamingBinaryEvaluator e, bool[] labels, double[] scores, double[] weights, int from, int to, int[] batches)
    {
        int k = 0;
        int start = from;
        while (start < to)
        {
            int length = Math.Min(batches[k++ % batches.Length], to - start);
            if (e.IsWeighted)
            {
                e.Add(labels.AsSpan(start, length), scores.AsSpan(start, length), weights.AsSpan(start, length));
            }
            else
            {
                e.Add(labels.AsSpan(start, length), scores.AsSpan(start, length));
            }

            start += length;
        }

        return start;
    }

    private static (bool[] Labels, double[] Scores, double[] Weights) Rows(int n, int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var labels = new bool[n];
        var scores = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            scores[i] = Math.Clamp((0.3 * random.NextDouble()) + (labels[i] ? 0.5 : 0.2) * random.NextDouble() * 1.4, 0.0, 1.0);
            weights[i] = 0.5 + random.NextDouble();
        }

        return (labels, scores, weights);
    }
}
