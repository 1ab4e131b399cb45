using System.Buffers;

namespace ClassicalML.Evaluation;

/// <summary>
/// The fused path of <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> and
/// <see cref="PrecisionRecall.AveragePrecision(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> (issue #18): the same sorted runs
/// and the same groups as <see cref="SortByClass(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> and
/// <see cref="RankingSums.From(SortedKeys)"/>, hence the same bits, at close to the cost of the radix passes.
/// </summary>
/// <remarks>
/// Few distinct scores go through <see cref="TieCounts"/> (one pass, no sort of n keys). Otherwise the split keys and
/// the scratch space live in buffers rented from <see cref="ArrayPool{T}.Shared"/>, so repeated calls do not fault in
/// fresh pages. From <see cref="ParallelKeys"/> rows on, the split keys are sorted by <see cref="SortByBuckets"/> (one
/// MSD pass, then per-bucket LSD sorts in cache, its items claimed by the calling thread and a thread-pool thread); below,
/// each run by <see cref="RadixSort"/>, the two runs on two threads when the smaller has <see cref="TwoRunKeys"/> keys
/// (<see cref="SortRuns"/>). A sorted array of keys is unique, so the result is the same
/// on any number of cores. (Tried before: splitting every radix pass between two threads waited at each pass for the
/// slower thread; one class's run per thread left a core idle when the classes were unbalanced, 3:7 in the benchmark.)
/// </remarks>
internal static partial class ScoreOrder
{
    /// <summary>
    /// From this many rows on, <see cref="Rank"/> sorts with <see cref="SortByBuckets"/> (on two threads when there are two
    /// cores); <see cref="SplitKeyBuffer"/> sorts its two runs on two threads when each has this many keys.
    /// </summary>
    internal const int ParallelKeys = 1 << 17;

    /// <summary>
    /// Below <see cref="ParallelKeys"/> rows, <see cref="Rank"/> sorts the two classes' runs on two threads (one each)
    /// when the smaller run has this many keys: at 10⁵ rows with 30% positives a call took 1.23–1.46× the time per score
    /// of 10⁷ rows, whose bucket sort uses both cores (issue #18). The 8,192 is a chosen floor, not a measured break-even.
    /// </summary>
    internal const int TwoRunKeys = 1 << 13;

    /// <summary>
    /// The ranking sums of unweighted rows: <c>RankingSums.From(SortByClass(labels, scores))</c>, the same bits.
    /// Inputs must be validated.
    /// </summary>
    internal static RankingSums Rank(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) =>
        RankOnThreads(labels, scores, twoThreads: Environment.ProcessorCount > 1);

    /// <summary>Like <see cref="Rank(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>; <paramref name="twoThreads"/> false keeps every step on the calling thread (the same bits).</summary>
    internal static RankingSums RankOnThreads(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, bool twoThreads)
    {
        if (TieCounts.TryRank(labels, scores, out RankingSums tied))
        {
            return tied;
        }

        int n = scores.Length;
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(n);
        ulong[]? scratch = null;
        try
        {
            int positives = SplitByClass(labels, scores, keys, out ulong differing);
            int negatives = n - positives;
            if (n >= ParallelKeys)
            {
                // The split reads the caller's spans, which cannot cross threads; the sort works on arrays only.
                scratch = ArrayPool<ulong>.Shared.Rent(n);
                SortByBuckets(keys, scratch, n, positives, differing, twoThreads);
            }
            else
            {
                bool parallel = twoThreads && Math.Min(positives, negatives) >= TwoRunKeys;
                scratch = ArrayPool<ulong>.Shared.Rent(parallel ? n : Math.Max(positives, negatives));
                SortRuns(keys, positives, positives, negatives, scratch, parallel);
            }

            return RankingSums.FromRuns(keys.AsSpan(0, positives), keys.AsSpan(positives, negatives));
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<ulong>.Shared.Return(scratch);
            }

            ArrayPool<ulong>.Shared.Return(keys);
        }
    }

    /// <summary>
    /// Sorts the runs <c>keys[..positives]</c> and <c>keys[negativesStart..]</c> (<paramref name="negatives"/> long) each
    /// ascending with <see cref="RadixSort"/>: with <paramref name="parallel"/> the positives' run on a thread-pool thread
    /// while the calling thread sorts the negatives' (<paramref name="scratch"/> at least P + N long, a part for each run),
    /// else one after the other (scratch at least max(P, N) long). A sorted array is unique: the same keys either way.
    /// </summary>
    internal static void SortRuns(ulong[] keys, int positives, int negativesStart, int negatives, ulong[] scratch, bool parallel)
    {
        if (parallel)
        {
            // Spans cannot cross threads: the lambda slices the arrays itself. The runs and their scratch are disjoint.
            Task sortPositives = Task.Run(() => RadixSort(keys.AsSpan(0, positives), scratch.AsSpan(0, positives)));
            RadixSort(keys.AsSpan(negativesStart, negatives), scratch.AsSpan(positives, negatives));
            sortPositives.GetAwaiter().GetResult();
        }
        else
        {
            RadixSort(keys.AsSpan(0, positives), scratch.AsSpan(0, positives));
            RadixSort(keys.AsSpan(negativesStart, negatives), scratch.AsSpan(0, negatives));
        }
    }
}
