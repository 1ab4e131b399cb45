using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.Random;

namespace ClassicalML.Evaluation.Tests;

public class StreamingBinaryEvaluatorTests
{
    [Fact]
    public void ToReport_OneBatchBelowCapacity_EqualsBinaryEvaluation()
    {
        (bool[] labels, double[] scores) = Probabilities(5000, seed: 1, decimals: 3);
        var evaluator = new StreamingBinaryEvaluator(threshold: 0.4, beta: 2.0);

        evaluator.Add(labels, scores);
        BinaryReport streamed = evaluator.ToReport();
        BinaryReport batch = BinaryEvaluation.Evaluate(labels, scores, threshold: 0.4, beta: 2.0);

        Assert.True(streamed.IsExact);
        Assert.Equal(0.0, streamed.RocAucErrorBound);
        Assert.Equal(0.0, streamed.AveragePrecisionErrorBound);
        AssertSameExceptLosses(batch, streamed);
        AssertClose(batch.LogLoss!.Value, streamed.LogLoss!.Value);
        AssertClose(batch.BrierScore!.Value, streamed.BrierScore!.Value);
    }

    [Fact]
    public void Merge_PartitionsBelowCapacity_EqualsEvaluatingEverythingAtOnce()
    {
        (bool[] labels, double[] scores) = Probabilities(20_000, seed: 2, decimals: 2);
        BinaryReport batch = BinaryEvaluation.Evaluate(labels, scores);

        StreamingBinaryEvaluator merged = MergeInOrder(Partitions(labels, scores, [0, 3, 4000, 4001, 12_345, 20_000], capacity: 100_000, bins: 1024));
        BinaryReport streamed = merged.ToReport();

        Assert.True(streamed.IsExact);
        AssertSameExceptLosses(batch, streamed);
        AssertClose(batch.LogLoss!.Value, streamed.LogLoss!.Value);
        AssertClose(batch.BrierScore!.Value, streamed.BrierScore!.Value);
    }

    [Fact]
    public void ToReport_AboveCapacity_StaysWithinItsErrorBoundWhichIsSmall()
    {
        (bool[] labels, double[] scores) = Probabilities(200_000, seed: 3, decimals: null);
        BinaryReport batch = BinaryEvaluation.Evaluate(labels, scores);

        StreamingBinaryEvaluator merged = MergeInOrder(Partitions(labels, scores, [0, 70_000, 130_000, 200_000], capacity: 1000, bins: 4096));
        BinaryReport streamed = merged.ToReport();

        Assert.False(streamed.IsExact);
        Assert.False(merged.IsExact);
        Assert.Equal(batch.TruePositives, streamed.TruePositives);
        Assert.Equal(batch.FalsePositives, streamed.FalsePositives);
        Assert.Equal(batch.TrueNegatives, streamed.TrueNegatives);
        Assert.Equal(batch.FalseNegatives, streamed.FalseNegatives);
        Assert.Equal(batch.Mcc, streamed.Mcc);
        Assert.Equal(batch.F1, streamed.F1);
        AssertClose(batch.LogLoss!.Value, streamed.LogLoss!.Value);

        // The bound holds, is not vacuous, and the histogram is not secretly exact.
        Assert.InRange(Math.Abs(streamed.RocAuc - batch.RocAuc), 0.0, streamed.RocAucErrorBound);
        Assert.InRange(streamed.RocAucErrorBound, 1e-9, 1e-3);
        Assert.InRange(Math.Abs(streamed.AveragePrecision - batch.AveragePrecision), 0.0, streamed.AveragePrecisionErrorBound);
        Assert.InRange(streamed.AveragePrecisionErrorBound, 1e-9, 1e-2);
        Assert.NotEqual(batch.RocAuc, streamed.RocAuc);
    }

    [Fact]
    public void ToReport_DefaultSettingsAboveOneMillionRows_BoundIsTinyAndHolds()
    {
        (bool[] labels, double[] scores) = Probabilities(1_200_000, seed: 11, decimals: null);
        var evaluator = new StreamingBinaryEvaluator();
        for (int start = 0; start < labels.Length; start += 100_000)
        {
            evaluator.Add(labels.AsSpan(start, 100_000), scores.AsSpan(start, 100_000));
        }

        BinaryReport streamed = evaluator.ToReport();
        double exact = Roc.Auc(labels, scores);

        Assert.False(streamed.IsExact);
        Assert.InRange(Math.Abs(streamed.RocAuc - exact), 0.0, streamed.RocAucErrorBound);
        Assert.InRange(streamed.RocAucErrorBound, 1e-12, 1e-5);
    }

    [Fact]
    public void ToReport_AboveCapacityWithFewDistinctScores_GivesTheExactValueWithAConservativeBound()
    {
        // 4-decimal scores fall in distinct bins at the initial resolution (2^-20 relative): no two values share a bin.
        (bool[] labels, double[] scores) = Probabilities(50_000, seed: 4, decimals: 4);
        var evaluator = new StreamingBinaryEvaluator(exactCapacity: 1000);

        evaluator.Add(labels, scores);
        BinaryReport streamed = evaluator.ToReport();
        BinaryReport batch = BinaryEvaluation.Evaluate(labels, scores);

        Assert.False(streamed.IsExact);
        Assert.Equal(batch.RocAuc, streamed.RocAuc, 14);
        Assert.Equal(batch.AveragePrecision, streamed.AveragePrecision, 14);

        // The bound cannot tell true ties from bin-mates, so it still counts the tied pairs.
        Assert.InRange(streamed.RocAucErrorBound, 1e-6, 1e-3);
    }

    [Fact]
    public void ToReport_BinOfPositivesOnly_ApBoundCoversTheTieEffect()
    {
        // 0.5 and 0.5 + 1e-12 share a bin; a tie of positives changes AP (not AUC).
        bool[] labels = [false, true, true];
        double[] scores = [0.6, 0.5 + 1e-12, 0.5];
        var e = new StreamingBinaryEvaluator(exactCapacity: 0);
        e.Add(labels, scores);

        BinaryReport streamed = e.ToReport();
        double exact = PrecisionRecall.AveragePrecision(labels, scores);

        Assert.Equal((0.5 * 0.5) + (0.5 * 2.0 / 3.0), exact, 15);
        Assert.Equal(2.0 / 3.0, streamed.AveragePrecision, 15);
        Assert.InRange(Math.Abs(streamed.AveragePrecision - exact), 0.0, streamed.AveragePrecisionErrorBound);
        Assert.Equal(0.0, streamed.RocAucErrorBound);
        Assert.Equal(Roc.Auc(labels, scores), streamed.RocAuc);
    }

    [Property(MaxTest = 100)]
    public bool ToReport_HistogramMode_ExactValuesWithinTheBounds(PositiveInt seedArg, PositiveInt rowsArg)
    {
        // Few bins and a coarse grid of scores: bins mix distinct scores, true ties and one-class bins.
        int n = 2 + (rowsArg.Get % 300);
        var random = new MersenneTwister(seedArg.Get, threadSafe: false);
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.4;
            scores[i] = Math.Round((labels[i] ? 0.2 : 0.0) + (random.NextDouble() * 0.8), random.Next(1, 4));
        }

        labels[0] = true;
        labels[1] = false;
        var e = new StreamingBinaryEvaluator(exactCapacity: 0, maxBins: 16);
        e.Add(labels, scores);
        BinaryReport r = e.ToReport();

        return Math.Abs(r.RocAuc - Roc.Auc(labels, scores)) <= r.RocAucErrorBound + 1e-12
            && Math.Abs(r.AveragePrecision - PrecisionRecall.AveragePrecision(labels, scores)) <= r.AveragePrecisionErrorBound + 1e-12;
    }

    [Property(MaxTest = 60)]
    public bool Merge_AnyPartitionAndMergeOrder_GivesTheSameReport(PositiveInt seedArg, PositiveInt rowsArg, PositiveInt partsArg)
    {
        int seed = seedArg.Get;
        int n = 1 + (rowsArg.Get % 600);
        int parts = 1 + (partsArg.Get % 7);
        var random = new MersenneTwister(seed, threadSafe: false);
        (bool[] labels, double[] scores) = Probabilities(n, seed, decimals: seed % 2 == 0 ? 2 : null);
        int[] cuts = [0, .. Enumerable.Range(0, parts - 1).Select(_ => random.Next(n + 1)).Order(), n];

        // Small capacity and bin limit, so exact, histogram and coarsened states all occur.
        List<StreamingBinaryEvaluator> partitions = Partitions(labels, scores, cuts, capacity: 100, bins: 16);
        string inOrder = Canonical(MergeInOrder(partitions).ToReport());
        string shuffledTree = Canonical(MergeAsRandomTree(Partitions(labels, scores, cuts, capacity: 100, bins: 16), random).ToReport());
        var single = new StreamingBinaryEvaluator(exactCapacity: 100, maxBins: 16);
        single.Add(labels, scores);
        return inOrder == shuffledTree && inOrder == Canonical(single.ToReport());
    }

    [Fact]
    public void ToBytes_ExactAndHistogramStates_RoundTripToTheSameStateAndReport()
    {
        (bool[] labels, double[] scores) = Probabilities(3000, seed: 5, decimals: null);
        foreach (int capacity in new[] { 10_000, 500 })
        {
            var evaluator = new StreamingBinaryEvaluator(threshold: 0.3, beta: 0.5, zeroDivision: ZeroDivision.NaN, exactCapacity: capacity, maxBins: 64);
            evaluator.Add(labels.AsSpan(0, 2000), scores.AsSpan(0, 2000));
            byte[] bytes = evaluator.ToBytes();

            StreamingBinaryEvaluator restored = StreamingBinaryEvaluator.FromBytes(bytes);

            Assert.Equal(bytes, restored.ToBytes());
            Assert.Equal(Canonical(evaluator.ToReport()), Canonical(restored.ToReport()));
            Assert.Equal((0.3, 0.5, ZeroDivision.NaN, capacity, 64), (restored.Threshold, restored.Beta, restored.ZeroDivision, restored.ExactCapacity, restored.MaxBins));

            // Restored state keeps accumulating like the original.
            evaluator.Add(labels.AsSpan(2000), scores.AsSpan(2000));
            restored.Add(labels.AsSpan(2000), scores.AsSpan(2000));
            Assert.Equal(Canonical(evaluator.ToReport()), Canonical(restored.ToReport()));
            Assert.Equal(capacity == 500, !restored.IsExact);
        }
    }

    [Fact]
    public void FromBytes_WrongHeader_ThrowsNamingTheFormat()
    {
        var ex = Assert.Throws<ArgumentException>(() => StreamingBinaryEvaluator.FromBytes("{\"json\": true}"u8));

        Assert.Equal("data", ex.ParamName);
        Assert.StartsWith("data cannot be read as a StreamingBinaryEvaluator: it does not start with the header \"CMLSBE\"; it is not a StreamingBinaryEvaluator state. Pass the unmodified bytes returned by StreamingBinaryEvaluator.ToBytes().", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_OtherVersion_ThrowsNamingBothVersions()
    {
        byte[] bytes = Filled().ToBytes();
        bytes[6] = 9;

        var ex = Assert.Throws<ArgumentException>(() => StreamingBinaryEvaluator.FromBytes(bytes));

        Assert.Contains("it has format version 9, but this version of ClassicalML reads only versions 1 and 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_TruncatedOrTrailingBytes_Throws()
    {
        byte[] bytes = Filled().ToBytes();

        var truncated = Assert.Throws<ArgumentException>(() => StreamingBinaryEvaluator.FromBytes(bytes.AsSpan(0, bytes.Length - 8)));
        var header = Assert.Throws<ArgumentException>(() => StreamingBinaryEvaluator.FromBytes(bytes.AsSpan(0, 20)));
        var trailing = Assert.Throws<ArgumentException>(() => StreamingBinaryEvaluator.FromBytes([.. bytes, 0]));

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"it is {bytes.Length - 8} bytes long but its header describes {bytes.Length} bytes; it was truncated or has trailing data"), truncated.Message, StringComparison.Ordinal);
        Assert.Contains("shorter than the", header.Message, StringComparison.Ordinal);
        Assert.Contains("has trailing data", trailing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_CountsThatDoNotAddUp_Throws()
    {
        byte[] bytes = Filled().ToBytes();
        bytes[7 + 8 + 8 + 12] ^= 1; // lowest byte of TP

        var ex = Assert.Throws<ArgumentException>(() => StreamingBinaryEvaluator.FromBytes(bytes));

        Assert.Contains("positives and", ex.Message, StringComparison.Ordinal);
        Assert.Contains("but its confusion counts say", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_InvalidStoredSetting_Throws()
    {
        byte[] bytes = Filled().ToBytes();
        BitConverter.GetBytes(double.NaN).CopyTo(bytes, 7); // threshold

        var ex = Assert.Throws<ArgumentException>(() => StreamingBinaryEvaluator.FromBytes(bytes));

        Assert.Contains("a stored setting is invalid: threshold is NaN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_DifferentThreshold_ThrowsNamingBothValues()
    {
        var a = new StreamingBinaryEvaluator(threshold: 0.5);
        var b = new StreamingBinaryEvaluator(threshold: 0.7);

        var ex = Assert.Throws<ArgumentException>(() => a.Merge(b));

        Assert.Equal(
            "other has threshold = 0.7 but this accumulator has threshold = 0.5; only accumulators with the same settings can be merged. Create every partition's StreamingBinaryEvaluator with the same threshold, beta, zeroDivision, exactCapacity and maxBins. (Parameter 'other')",
            ex.Message);
    }

    [Fact]
    public void Merge_DifferentCapacity_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new StreamingBinaryEvaluator(exactCapacity: 10).Merge(new StreamingBinaryEvaluator(exactCapacity: 20)));

        Assert.StartsWith("other has exactCapacity = 20 but this accumulator has exactCapacity = 10;", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_Itself_CountsEveryRowTwice()
    {
        StreamingBinaryEvaluator e = Filled();
        long before = e.Count;

        e.Merge(e);

        Assert.Equal(2 * before, e.Count);
        Assert.Equal(2 * before, e.ToReport().N);
    }

    [Fact]
    public void Add_NaNScore_ThrowsAndAddsNothing()
    {
        var e = new StreamingBinaryEvaluator();

        var ex = Assert.Throws<ArgumentException>(() => e.Add([true, false], [0.5, double.NaN]));

        Assert.Equal("scores[1] is NaN; every element must be a finite number. Remove or impute non-finite scores before evaluating. (Parameter 'scores')", ex.Message);
        Assert.Equal(0, e.Count);
    }

    [Fact]
    public void Add_DifferentLengths_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new StreamingBinaryEvaluator().Add([true], [0.1, 0.2]));

        Assert.StartsWith("labels has 1 elements but scores has 2;", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToReport_NothingAdded_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new StreamingBinaryEvaluator().ToReport());

        Assert.StartsWith("No rows have been added;", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TooFewBins_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new StreamingBinaryEvaluator(maxBins: 4));

        Assert.Equal("maxBins", ex.ParamName);
        Assert.StartsWith("maxBins is 4; it must be between 16 and", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToReport_ScoresOutsideUnitInterval_LossesAreNullWithReason()
    {
        var e = new StreamingBinaryEvaluator(threshold: 0.0);
        e.Add([true, false], [2.5, 0.3]);
        e.Add([false], [-0.5]);

        BinaryReport r = e.ToReport();

        Assert.Null(r.LogLoss);
        Assert.Null(r.BrierScore);
        Assert.Contains(r.Undefined, u => u.Metric == "LogLoss" && u.Reason == "a score of -0.5 is outside [0, 1], so the scores are not probabilities; reported as null");
    }

    [Fact]
    public void ToReport_OneClassOnly_RankingMetricsNaNAndListed()
    {
        var e = new StreamingBinaryEvaluator(exactCapacity: 0);
        e.Add([true, true, true], [0.1, 0.2, 0.3]);

        BinaryReport r = e.ToReport();

        Assert.True(double.IsNaN(r.RocAuc));
        Assert.True(double.IsNaN(r.RocAucErrorBound));
        Assert.Contains(r.Undefined, u => u.Metric == "RocAuc");
    }

    private static StreamingBinaryEvaluator Filled()
    {
        (bool[] labels, double[] scores) = Probabilities(300, seed: 9, decimals: 2);
        var e = new StreamingBinaryEvaluator(exactCapacity: 100, maxBins: 32);
        e.Add(labels, scores);
        return e;
    }

    /// <summary>Scores correlated with the labels, in [0, 1], optionally rounded to create ties.</summary>
    internal static (bool[] Labels, double[] Scores) Probabilities(int n, int seed, int? decimals)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.35;
            double s = Math.Clamp((0.35 * random.NextDouble()) + (0.65 * (labels[i] ? Math.Sqrt(random.NextDouble()) : random.NextDouble() * random.NextDouble())), 0.0, 1.0);
            scores[i] = decimals is { } d ? Math.Round(s, d) : s;
        }

        return (labels, scores);
    }

    private static List<StreamingBinaryEvaluator> Partitions(bool[] labels, double[] scores, int[] cuts, int capacity, int bins)
    {
        var result = new List<StreamingBinaryEvaluator>();
        for (int k = 0; k + 1 < cuts.Length; k++)
        {
            var e = new StreamingBinaryEvaluator(exactCapacity: capacity, maxBins: bins);

            // Each partition arrives in batches of up to 37 rows.
            for (int start = cuts[k]; start < cuts[k + 1]; start += 37)
            {
                int length = Math.Min(37, cuts[k + 1] - start);
                e.Add(labels.AsSpan(start, length), scores.AsSpan(start, length));
            }

            result.Add(e);
        }

        return result;
    }

    private static StreamingBinaryEvaluator MergeInOrder(List<StreamingBinaryEvaluator> parts)
    {
        StreamingBinaryEvaluator first = parts[0];
        foreach (StreamingBinaryEvaluator e in parts.Skip(1))
        {
            first.Merge(e);
        }

        return first;
    }

    /// <summary>Merges random pairs until one accumulator is left, each passing through a ToBytes/FromBytes round trip.</summary>
    private static StreamingBinaryEvaluator MergeAsRandomTree(List<StreamingBinaryEvaluator> parts, MersenneTwister random)
    {
        while (parts.Count > 1)
        {
            int i = random.Next(parts.Count);
            StreamingBinaryEvaluator a = parts[i];
            parts.RemoveAt(i);
            int j = random.Next(parts.Count);
            StreamingBinaryEvaluator b = StreamingBinaryEvaluator.FromBytes(parts[j].ToBytes());
            parts.RemoveAt(j);
            b.Merge(a);
            parts.Add(b);
        }

        return parts[0];
    }

    /// <summary>Every field, doubles round-trippable, so equal strings mean bit-identical reports.</summary>
    internal static string Canonical(BinaryReport r) => string.Join(
        "|",
        new object?[]
        {
            r.N, r.Positives, r.Negatives, r.Threshold, r.TruePositives, r.FalsePositives, r.TrueNegatives, r.FalseNegatives,
            r.Accuracy, r.Precision, r.Recall, r.Specificity, r.F1, r.FBeta, r.Beta, r.BalancedAccuracy, r.Mcc,
            r.RocAuc, r.AveragePrecision, r.IsExact, r.RocAucErrorBound, r.AveragePrecisionErrorBound, r.LogLoss, r.BrierScore, r.ZeroDivision,
            r.WeightedCounts?.TruePositives, r.WeightedCounts?.FalsePositives, r.WeightedCounts?.TrueNegatives, r.WeightedCounts?.FalseNegatives,
        }.Select(v => v is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture))
        .Concat(r.Undefined.Select(u => u.ToString())));

    private static void AssertSameExceptLosses(BinaryReport expected, BinaryReport actual)
    {
        Assert.Equal(
            (expected.N, expected.Positives, expected.Negatives, expected.TruePositives, expected.FalsePositives, expected.TrueNegatives, expected.FalseNegatives),
            (actual.N, actual.Positives, actual.Negatives, actual.TruePositives, actual.FalsePositives, actual.TrueNegatives, actual.FalseNegatives));
        Assert.Equal(
            (expected.Accuracy, expected.Precision, expected.Recall, expected.Specificity, expected.F1, expected.FBeta, expected.BalancedAccuracy, expected.Mcc),
            (actual.Accuracy, actual.Precision, actual.Recall, actual.Specificity, actual.F1, actual.FBeta, actual.BalancedAccuracy, actual.Mcc));
        Assert.Equal(expected.RocAuc, actual.RocAuc);
        Assert.Equal(expected.AveragePrecision, actual.AveragePrecision);
        Assert.Equal(expected.Undefined, actual.Undefined);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
