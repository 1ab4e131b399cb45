using System.Globalization;
using ClassicalML.Evaluation;
using MathNet.Numerics.Random;

namespace ClassicalML.Data.Splits;

/// <summary>
/// Stratified k-fold cross-validation on any key (a class label, or another column such as
/// day/night): every fold gets each key's rows in nearly the same proportion.
/// </summary>
/// <remarks>
/// <para>Allocation (hand-written; it differs from scikit-learn's <c>StratifiedKFold</c>, which
/// does not bound fold sizes): the classes are taken in order of first occurrence; each class's
/// rows (shuffled when <see cref="FoldSplitter.Shuffle"/> is true, else in row order) are dealt to the folds
/// round-robin, starting at the fold after the one that received the previous class's last row.</para>
/// <para>Guarantees, with n rows and class sizes n_c: (1) fold f receives ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of
/// class c, because a run of n_c consecutive round-robin positions covers every fold ⌊n_c/k⌋ times
/// plus n_c mod k folds once more; (2) fold sizes are ⌊n/k⌋ or ⌈n/k⌉, because concatenating the
/// classes' runs gives one run of n consecutive positions starting at fold 0, which by the same
/// argument gives folds 0..(n mod k)-1 one extra row. Both per-class counts and fold sizes
/// therefore differ by at most 1 between folds.</para>
/// </remarks>
public sealed class StratifiedKFold : FoldSplitter
{
    /// <summary>Creates a stratified k-fold splitter.</summary>
    /// <param name="k">Number of folds, at least 2.</param>
    /// <param name="shuffle">Whether to shuffle each class's rows before dealing them to folds.</param>
    /// <param name="seed">Seed of the shuffle; required when <paramref name="shuffle"/> is true, refused otherwise.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">A seed without shuffling, or shuffling without a seed.</exception>
    public StratifiedKFold(int k, bool shuffle = false, int? seed = null)
        : base(k, shuffle, seed)
    {
    }

    /// <summary>Splits the rows into <see cref="FoldSplitter.K"/> folds stratified on <paramref name="strata"/>.</summary>
    /// <typeparam name="TKey">Type of the stratification key; keys compare with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
    /// <param name="strata">The key of every row (a class label or any other column).</param>
    /// <returns>The folds. <see cref="FoldSplit.Warnings"/> notes a class with fewer rows than folds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer rows than folds.</exception>
    /// <exception cref="ArgumentException">A key is null, or every class has fewer rows than folds.</exception>
    public FoldSplit Split<TKey>(ReadOnlySpan<TKey> strata)
        where TKey : notnull
    {
        var warnings = new List<string>();
        var foldOf = Assign(strata, K, Shuffle ? Shuffling.CreateGenerator(Seed!.Value) : null, warnings);
        return new FoldSplit(foldOf, K, warnings);
    }

    /// <summary>The round-robin allocation described on the class; <paramref name="rng"/> null means no shuffle.</summary>
    internal static int[] Assign<TKey>(ReadOnlySpan<TKey> strata, int k, MersenneTwister? rng, List<string> warnings)
        where TKey : notnull
    {
        Preconditions.CheckRowsForFolds(k, strata.Length, nameof(strata));
        var groups = Strata.Of(strata, nameof(strata));
        int smallest = int.MaxValue, largest = 0;
        foreach (var members in groups.Members)
        {
            smallest = Math.Min(smallest, members.Count);
            largest = Math.Max(largest, members.Count);
        }

        if (largest < k)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"k is {k} but every class in strata has fewer members (the largest has {largest}); no class can reach every fold. Use k <= {largest}, or stratify on a coarser key."),
                nameof(strata));
        }

        if (smallest < k)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The least populated class in y has only {smallest} members, which is less than n_splits={k}."));
        }

        var foldOf = new int[strata.Length];
        var next = 0;
        foreach (var members in groups.Members)
        {
            var rows = members.ToArray();
            if (rng is not null)
            {
                Shuffling.FisherYates<int>(rows, rng);
            }

            foreach (var row in rows)
            {
                foldOf[row] = next;
                next = next + 1 == k ? 0 : next + 1;
            }
        }

        return foldOf;
    }
}
