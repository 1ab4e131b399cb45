using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Data.Splits;

/// <summary>
/// Group k-fold, as scikit-learn's <c>GroupKFold</c>: all rows of a group land in the same test
/// fold, so no group is ever on both sides of a split.
/// </summary>
/// <remarks>
/// Groups are taken largest first (ties in order of first occurrence) and each goes to the fold
/// with the fewest rows so far (ties to the lowest fold index) — scikit-learn's greedy assignment.
/// Fold sizes are balanced as far as the group sizes allow; they are not guaranteed to differ by
/// at most 1. The assignment is deterministic; there is no shuffle.
/// </remarks>
public sealed class GroupKFold
{
    /// <summary>Creates a group k-fold splitter.</summary>
    /// <param name="k">Number of folds, at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 2.</exception>
    public GroupKFold(int k)
    {
        Preconditions.CheckFolds(k);
        K = k;
    }

    /// <summary>Number of folds.</summary>
    public int K { get; }

    /// <summary>Splits the rows into <see cref="K"/> folds without splitting any group.</summary>
    /// <typeparam name="TKey">Type of the group key; keys compare with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
    /// <param name="groups">The group of every row (for example a patient or customer id).</param>
    /// <returns>The folds.</returns>
    /// <exception cref="ArgumentException">A key is null, or there are fewer distinct groups than folds.</exception>
    public FoldSplit Split<TKey>(ReadOnlySpan<TKey> groups)
        where TKey : notnull
    {
        var strata = Strata.Of(groups, nameof(groups));
        if (strata.Count < K)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"k is {K} but groups has only {strata.Count} distinct groups; every fold needs at least one group. Use k <= {strata.Count}."),
                nameof(groups));
        }

        // OrderByDescending is a stable sort: equal sizes keep first-occurrence order.
        var order = Enumerable.Range(0, strata.Count).OrderByDescending(g => strata.Members[g].Count).ToArray();
        var foldSizes = new long[K];
        var foldOf = new int[groups.Length];
        foreach (var g in order)
        {
            var lightest = 0;
            for (var f = 1; f < K; f++)
            {
                if (foldSizes[f] < foldSizes[lightest])
                {
                    lightest = f;
                }
            }

            foldSizes[lightest] += strata.Members[g].Count;
            foreach (var row in strata.Members[g])
            {
                foldOf[row] = lightest;
            }
        }

        return new FoldSplit(foldOf, K, []);
    }
}
