using System.Collections.Immutable;
using ClassicalML.Evaluation;

namespace ClassicalML.Data.Splits;

/// <summary>
/// Repeated stratified k-fold, as scikit-learn's <c>RepeatedStratifiedKFold</c>: a shuffled
/// <see cref="StratifiedKFold"/> run <see cref="Repeats"/> times, one generator seeded once and
/// drawn from by every repetition in turn.
/// </summary>
public sealed class RepeatedStratifiedKFold
{
    /// <summary>Creates a repeated stratified k-fold splitter.</summary>
    /// <param name="k">Number of folds per repetition, at least 2.</param>
    /// <param name="repeats">Number of repetitions, at least 1.</param>
    /// <param name="seed">Seed of the generator shared by all repetitions.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 2 or <paramref name="repeats"/> less than 1.</exception>
    public RepeatedStratifiedKFold(int k, int repeats, int seed)
    {
        Preconditions.CheckFolds(k);
        Preconditions.CheckAtLeast(repeats, 1, nameof(repeats), "Use repeats: 1 for a single stratified k-fold.");

        K = k;
        Repeats = repeats;
        Seed = seed;
    }

    /// <summary>Number of folds per repetition.</summary>
    public int K { get; }

    /// <summary>Number of repetitions.</summary>
    public int Repeats { get; }

    /// <summary>Seed of the generator.</summary>
    public int Seed { get; }

    /// <summary>Splits the rows <see cref="Repeats"/> times into <see cref="K"/> stratified folds.</summary>
    /// <typeparam name="TKey">Type of the stratification key.</typeparam>
    /// <param name="strata">The key of every row.</param>
    /// <returns>One <see cref="FoldSplit"/> per repetition, each with the guarantees of <see cref="StratifiedKFold"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer rows than folds.</exception>
    /// <exception cref="ArgumentException">A key is null, or every class has fewer rows than folds.</exception>
    public ImmutableArray<FoldSplit> Split<TKey>(ReadOnlySpan<TKey> strata)
        where TKey : notnull
    {
        var rng = Shuffling.CreateGenerator(Seed);
        var result = ImmutableArray.CreateBuilder<FoldSplit>(Repeats);
        for (var r = 0; r < Repeats; r++)
        {
            var warnings = new List<string>();
            var foldOf = StratifiedKFold.Assign(strata, K, rng, warnings);
            result.Add(new FoldSplit(foldOf, K, warnings));
        }

        return result.MoveToImmutable();
    }
}
