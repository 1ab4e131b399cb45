using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Data.Splits;

/// <summary>
/// Plain k-fold cross-validation, as scikit-learn's <c>KFold</c>: rows (optionally shuffled) are cut
/// into k consecutive folds; the first n mod k folds have ⌊n/k⌋+1 rows, the others ⌊n/k⌋.
/// </summary>
public sealed class KFold : FoldSplitter
{
    /// <summary>Creates a k-fold splitter.</summary>
    /// <param name="k">Number of folds, at least 2.</param>
    /// <param name="shuffle">Whether to shuffle the rows before cutting them into folds.</param>
    /// <param name="seed">Seed of the shuffle; required when <paramref name="shuffle"/> is true, refused otherwise.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">A seed without shuffling, or shuffling without a seed.</exception>
    public KFold(int k, bool shuffle = false, int? seed = null)
        : base(k, shuffle, seed)
    {
    }

    /// <summary>Splits rows 0..<paramref name="rowCount"/>-1 into <see cref="FoldSplitter.K"/> folds.</summary>
    /// <param name="rowCount">Number of rows.</param>
    /// <returns>The folds; fold sizes differ by at most 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowCount"/> is less than <see cref="FoldSplitter.K"/>.</exception>
    public FoldSplit Split(int rowCount)
    {
        Preconditions.CheckRowsForFolds(K, rowCount, nameof(rowCount));
        var order = new int[rowCount];
        for (var i = 0; i < rowCount; i++)
        {
            order[i] = i;
        }

        if (Shuffle)
        {
            Shuffling.FisherYates<int>(order, Shuffling.CreateGenerator(Seed!.Value));
        }

        var foldOf = new int[rowCount];
        int start = 0, small = rowCount / K, extra = rowCount % K;
        for (var f = 0; f < K; f++)
        {
            var size = small + (f < extra ? 1 : 0);
            for (var i = start; i < start + size; i++)
            {
                foldOf[order[i]] = f;
            }

            start += size;
        }

        return new FoldSplit(foldOf, K, []);
    }
}
