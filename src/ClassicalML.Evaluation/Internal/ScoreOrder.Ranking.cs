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
/// fresh pages, and when both classes have at least <see cref="ParallelKeys"/> rows the positives' run is sorted on a
/// thread-pool thread while the calling thread sorts the negatives'. Each run is sorted by one thread and a sorted
/// array of keys is unique, so the result is the same on any number of cores. (Splitting every radix pass between two
/// threads was tried: it waits at each pass for the slower thread and was slower on the shared 2-core machine.)
/// </remarks>
internal static partial class ScoreOrder
{
    /// <summary>From this many rows on, the runs are sorted by <see cref="SortByBuckets"/>, on two threads when there are two cores.</summary>
    internal const int ParallelKeys = 1 << 17;

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
                scratch = ArrayPool<ulong>.Shared.Rent(Math.Max(positives, negatives));
                RadixSort(keys.AsSpan(0, positives), scratch.AsSpan(0, positives));
                RadixSort(keys.AsSpan(positives, negatives), scratch.AsSpan(0, negatives));
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
}
