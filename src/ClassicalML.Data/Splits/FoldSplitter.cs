using ClassicalML.Evaluation;

namespace ClassicalML.Data.Splits;

/// <summary>
/// What <see cref="KFold"/> and <see cref="StratifiedKFold"/> share: the number of folds and whether (with which seed)
/// rows are shuffled before they are cut into folds, checked once.
/// </summary>
public abstract class FoldSplitter
{
    /// <summary>Creates a splitter with its fold count and shuffle.</summary>
    /// <param name="k">Number of folds, at least 2.</param>
    /// <param name="shuffle">Whether to shuffle the rows before cutting them into folds.</param>
    /// <param name="seed">Seed of the shuffle; required when <paramref name="shuffle"/> is true, refused otherwise.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">A seed without shuffling, or shuffling without a seed.</exception>
    private protected FoldSplitter(int k, bool shuffle, int? seed)
    {
        Preconditions.CheckFolds(k);
        Preconditions.CheckShuffleSeed(shuffle, seed);
        K = k;
        Shuffle = shuffle;
        Seed = seed;
    }

    /// <summary>Number of folds.</summary>
    public int K { get; }

    /// <summary>Whether rows are shuffled before they are cut into folds (for <see cref="StratifiedKFold"/>: each class's rows).</summary>
    public bool Shuffle { get; }

    /// <summary>Seed of the shuffle, or null when <see cref="Shuffle"/> is false.</summary>
    public int? Seed { get; }
}
