namespace ClassicalML.Evaluation;

/// <summary>
/// The bootstrap of ROC AUC and average precision without materialising a resample: the scores are sorted once
/// (<see cref="RankedRows"/>) and each resample is evaluated from its row multiplicities, resamples in parallel.
/// </summary>
public static partial class Bootstrap
{
    /// <summary>Below this many draws (rows × resamples) the resamples run on the calling thread only.</summary>
    private const long ParallelDraws = 1 << 18;

    private static readonly BinaryMetric RocAuc = Roc.Auc;
    private static readonly BinaryMetric AveragePrecision = PrecisionRecall.AveragePrecision;
    private static readonly WeightedBinaryMetric WeightedRocAuc = Roc.Auc;
    private static readonly WeightedBinaryMetric WeightedAveragePrecision = PrecisionRecall.AveragePrecision;

    /// <summary>
    /// True when <paramref name="metric"/> is the unweighted <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> or
    /// <see cref="PrecisionRecall.AveragePrecision(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> passed as a method group, whose
    /// value on a resample <see cref="RankedRows"/> computes bit for bit from the multiplicities.
    /// </summary>
    internal static bool IsRankingMetric(BinaryMetric metric, out bool averagePrecision)
    {
        averagePrecision = metric.Equals(AveragePrecision);
        return averagePrecision || metric.Equals(RocAuc);
    }

    /// <summary>Like <see cref="IsRankingMetric(BinaryMetric, out bool)"/> for the weighted overloads.</summary>
    internal static bool IsRankingMetric(WeightedBinaryMetric metric, out bool averagePrecision)
    {
        averagePrecision = metric.Equals(WeightedAveragePrecision);
        return averagePrecision || metric.Equals(WeightedRocAuc);
    }

    /// <summary>
    /// The metric (or, with <paramref name="b"/>, metric(A) − metric(B)) on each resample, by resample index; NaN where
    /// undefined. The resamples are those of the row-index methods (same seed, same rows); the values are bit-identical to the
    /// metric of the materialised resample, whatever <paramref name="maxThreads"/> is. Inputs must be validated.
    /// </summary>
    internal static double[] RankingResamples(
        ReadOnlySpan<bool> labels,
        RankedRows a,
        RankedRows? b,
        bool averagePrecision,
        bool stratified,
        int seed,
        int resamples,
        int maxThreads)
    {
        List<int[]> strata = DrawStrata(labels, stratified);
        int[][] codesA = [.. strata.Select(rows => rows.Select(r => a.Codes[r]).ToArray())];
        int[][]? codesB = b is null ? null : [.. strata.Select(rows => rows.Select(r => b.Codes[r]).ToArray())];
        return EachResample(
            resamples,
            (long)labels.Length * resamples,
            maxThreads,
            () => new RankingWorkspace(a, b, codesA, codesB, averagePrecision),
            (workspace, r) => workspace.Value(seed, r));
    }

    /// <summary>The interval of a ranking metric (or a paired difference of one) from <see cref="RankingResamples"/> on every core.</summary>
    private static BootstrapInterval RankingInterval(
        double estimate, ReadOnlySpan<bool> labels, RankedRows a, RankedRows? b, bool averagePrecision, bool stratified, int seed, int resamples, double confidence, string method) =>
        Summarize(estimate, RankingResamples(labels, a, b, averagePrecision, stratified, seed, resamples, Environment.ProcessorCount), seed, stratified, confidence, method);

    /// <summary>One thread's counts and scratch, reused resample after resample (no allocation per resample).</summary>
    private sealed class RankingWorkspace(RankedRows a, RankedRows? b, int[][] codesA, int[][]? codesB, bool averagePrecision)
    {
        private readonly int[] _countsA = new int[a.CodeCount];
        private readonly int[] _countsB = new int[b?.CodeCount ?? 0];
        private readonly double[] _scratch = new double[Math.Max(a.ScratchLength, b?.ScratchLength ?? 0)];

        /// <summary>Draws resample <paramref name="resample"/> as <see cref="Draw"/> does and evaluates it.</summary>
        public double Value(int seed, int resample)
        {
            var random = ResampleRandom.ForResample(seed, resample);
            int[] countsA = _countsA;
            int[] countsB = _countsB;
            for (int s = 0; s < codesA.Length; s++)
            {
                int[] stratumA = codesA[s];
                int size = stratumA.Length;
                if (codesB is null)
                {
                    for (int i = 0; i < size; i++)
                    {
                        countsA[stratumA[random.Next(size)]]++;
                    }

                    continue;
                }

                int[] stratumB = codesB[s];
                for (int i = 0; i < size; i++)
                {
                    int row = random.Next(size);
                    countsA[stratumA[row]]++;
                    countsB[stratumB[row]]++;
                }
            }

            double value = a.Evaluate(countsA, _scratch, averagePrecision);
            return b is null ? value : value - b.Evaluate(countsB, _scratch, averagePrecision);
        }
    }
}
