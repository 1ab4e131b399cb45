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
    /// <summary>From this many rows in each class on, the two runs are sorted on two threads.</summary>
    internal const int ParallelKeys = 1 << 17;

    /// <summary>
    /// The ranking sums of unweighted rows: <c>RankingSums.From(SortByClass(labels, scores))</c>, the same bits.
    /// Inputs must be validated.
    /// </summary>
    internal static RankingSums Rank(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
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
            int positives = SplitByClass(labels, scores, keys);
            int negatives = n - positives;
            bool parallel = Math.Min(positives, negatives) >= ParallelKeys;
            scratch = ArrayPool<ulong>.Shared.Rent(parallel ? n : Math.Max(positives, negatives));
            ulong[] buffer = scratch;
            if (parallel)
            {
                // Spans cannot cross threads: the lambda slices the arrays itself. The runs and their scratch are disjoint.
                Task sortPositives = Task.Run(() => RadixSort(keys.AsSpan(0, positives), buffer.AsSpan(0, positives)));
                RadixSort(keys.AsSpan(positives, negatives), buffer.AsSpan(positives, negatives));
                sortPositives.GetAwaiter().GetResult();
            }
            else
            {
                RadixSort(keys.AsSpan(0, positives), buffer.AsSpan(0, positives));
                RadixSort(keys.AsSpan(positives, negatives), buffer.AsSpan(0, negatives));
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
