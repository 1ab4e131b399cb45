using ClassicalML.Data.Splits;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>The test part of one fold: its number of rows and how many of them carry a flag (the minority class,
/// or an attribute such as "day").</summary>
/// <param name="Size">Rows in the fold's test part (0 for an empty fold, which ML.NET's splits can produce).</param>
/// <param name="Flagged">Flagged rows among them.</param>
internal readonly record struct FoldCount(int Size, int Flagged);

/// <summary>How far the flagged share of each fold strays from the share in the whole data, for one split.</summary>
/// <param name="Folds">Number of folds.</param>
/// <param name="MeanAbsShareDeviation">Mean over non-empty folds of |flagged_f / size_f - p|, p = all flagged / all rows.</param>
/// <param name="MaxAbsShareDeviation">Largest |flagged_f / size_f - p| over non-empty folds.</param>
/// <param name="MaxAbsCountDeviation">Largest |flagged_f - p * size_f| over folds: the deviation in rows.</param>
/// <param name="FoldsWithoutFlagged">Non-empty folds with no flagged row (e.g. no minority sample).</param>
/// <param name="FoldsOnlyFlagged">Non-empty folds whose rows are all flagged.</param>
/// <param name="EmptyFolds">Folds with no row at all.</param>
/// <param name="MeanAbsTrainShareDeviation">Mean over folds with a non-empty training part of |flagged share of the
/// training part - p|; it equals |flagged_f - p * size_f| / (rows - size_f), the validation deviation scaled down.</param>
internal sealed record CompositionStats(
    int Folds,
    double MeanAbsShareDeviation,
    double MaxAbsShareDeviation,
    double MaxAbsCountDeviation,
    int FoldsWithoutFlagged,
    int FoldsOnlyFlagged,
    int EmptyFolds,
    double MeanAbsTrainShareDeviation);

/// <summary>Counting flagged rows per fold and summarizing the deviation from the overall share.</summary>
internal static class FoldComposition
{
    /// <summary>Counts rows and flagged rows in the test part of each fold.</summary>
    /// <param name="split">A k-fold split.</param>
    /// <param name="flags">One flag per row of the split data.</param>
    /// <returns>One count per fold, in fold order.</returns>
    /// <exception cref="ArgumentException">The split and the flags differ in length.</exception>
    public static FoldCount[] Count(FoldSplit split, ReadOnlySpan<bool> flags)
    {
        ArgumentNullException.ThrowIfNull(split);
        return Count(split.TestFoldOfRow.AsSpan(), flags, split.K);
    }

    /// <summary>Counts rows and flagged rows per fold from the fold of every row.</summary>
    /// <param name="foldOfRow">The test fold (0..k-1) of every row.</param>
    /// <param name="flags">One flag per row.</param>
    /// <param name="k">The number of folds.</param>
    /// <returns>One count per fold.</returns>
    /// <exception cref="ArgumentException">Lengths differ or a fold index is outside 0..k-1.</exception>
    public static FoldCount[] Count(ReadOnlySpan<int> foldOfRow, ReadOnlySpan<bool> flags, int k)
    {
        if (foldOfRow.Length != flags.Length)
        {
            throw new ArgumentException(
                $"foldOfRow has {foldOfRow.Length} rows but flags has {flags.Length}; pass one flag per row of the split data.", nameof(flags));
        }

        var size = new int[k];
        var flagged = new int[k];
        for (int i = 0; i < foldOfRow.Length; i++)
        {
            int f = foldOfRow[i];
            if (f < 0 || f >= k)
            {
                throw new ArgumentException($"foldOfRow[{i}] is {f}; fold indices must be in 0..{k - 1}. Pass the split's TestFoldOfRow.", nameof(foldOfRow));
            }

            size[f]++;
            if (flags[i])
            {
                flagged[f]++;
            }
        }

        return [.. Enumerable.Range(0, k).Select(f => new FoldCount(size[f], flagged[f]))];
    }

    /// <summary>Summarizes one split's folds against the overall flagged share.</summary>
    /// <param name="folds">The folds' counts; together they hold every row once.</param>
    /// <returns>The deviations and the counts of degenerate folds.</returns>
    /// <exception cref="ArgumentException">There is no fold or no row.</exception>
    /// <remarks>p = Σ flagged / Σ size. Share deviations use non-empty folds only (an empty fold has no share).</remarks>
    public static CompositionStats Summarize(IReadOnlyList<FoldCount> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        long rows = folds.Sum(f => (long)f.Size);
        if (folds.Count == 0 || rows == 0)
        {
            throw new ArgumentException($"folds has {folds.Count} folds and {rows} rows; a split needs at least one row.", nameof(folds));
        }

        double flaggedRows = folds.Sum(f => (double)f.Flagged);
        double p = flaggedRows / rows;
        double sum = 0, max = 0, maxCount = 0, trainSum = 0;
        int nonEmpty = 0, without = 0, only = 0, empty = 0, trained = 0;
        foreach (var f in folds)
        {
            if (f.Size < rows)
            {
                trainSum += Math.Abs(((flaggedRows - f.Flagged) / (rows - f.Size)) - p);
                trained++;
            }

            maxCount = Math.Max(maxCount, Math.Abs(f.Flagged - (p * f.Size)));
            if (f.Size == 0)
            {
                empty++;
                continue;
            }

            double deviation = Math.Abs(((double)f.Flagged / f.Size) - p);
            sum += deviation;
            max = Math.Max(max, deviation);
            nonEmpty++;
            without += f.Flagged == 0 ? 1 : 0;
            only += f.Flagged == f.Size ? 1 : 0;
        }

        return new CompositionStats(folds.Count, sum / nonEmpty, max, maxCount, without, only, empty, trained == 0 ? double.NaN : trainSum / trained);
    }
}
