using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Data.Splits;

/// <summary>
/// Seeded train/test and train/validation/test splits by fraction, plain or stratified, as
/// scikit-learn's <c>train_test_split</c> (with <c>stratify</c>).
/// </summary>
/// <remarks>
/// <para>Set sizes for n rows: n_test = ⌈testFraction·n⌉, n_validation = ⌈validationFraction·n⌉,
/// n_train = n − n_test − n_validation (scikit-learn rounds the test size up the same way).</para>
/// <para>Plain split: the rows are shuffled (Fisher–Yates over MT19937 seeded with <c>seed</c>); the
/// first n_test go to test, the next n_validation to validation, the rest to training.</para>
/// <para>Stratified split: class c with n_c rows gets ⌊q_c⌋ or ⌈q_c⌉ test rows, q_c = testFraction·n_c,
/// the remaining test rows going to the classes with the largest fractional parts of q_c (ties to the
/// class seen first) so the total is n_test; validation rows are allocated the same way from what
/// is left of each class. Each class's rows are shuffled and cut in that order.</para>
/// </remarks>
public static class TrainTestSplit
{
    /// <summary>Splits rows 0..<paramref name="rowCount"/>-1 at random into training, (validation) and test rows.</summary>
    /// <param name="rowCount">Number of rows.</param>
    /// <param name="testFraction">Fraction of rows for the test set, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <param name="validationFraction">Fraction of rows for the validation set, in [0, 1); 0 (default) for a plain train/test split.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is out of range.</exception>
    /// <exception cref="ArgumentException">The fractions leave no training row.</exception>
    public static HoldoutSplit Split(int rowCount, double testFraction, int seed, double validationFraction = 0)
    {
        Preconditions.CheckSplitFractions(testFraction, validationFraction);
        var (nTest, nValid) = Sizes(rowCount, testFraction, validationFraction);
        var order = new int[rowCount];
        for (var i = 0; i < rowCount; i++)
        {
            order[i] = i;
        }

        Shuffling.FisherYates<int>(order, Shuffling.CreateGenerator(seed));
        var sets = new SplitSet[rowCount];
        for (var i = 0; i < rowCount; i++)
        {
            sets[order[i]] = i < nTest ? SplitSet.Test : i < nTest + nValid ? SplitSet.Validation : SplitSet.Train;
        }

        return new HoldoutSplit(sets, []);
    }

    /// <summary>Splits the rows at random into training, (validation) and test rows, keeping each key's proportion in every set.</summary>
    /// <typeparam name="TKey">Type of the stratification key; keys compare with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
    /// <param name="strata">The key of every row (a class label or any other column).</param>
    /// <param name="testFraction">Fraction of rows for the test set, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <param name="validationFraction">Fraction of rows for the validation set, in [0, 1); 0 (default) for a plain train/test split.</param>
    /// <returns>The split; <see cref="HoldoutSplit.Warnings"/> notes classes too small to reach every set.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is out of range.</exception>
    /// <exception cref="ArgumentException">The fractions leave no training row, or a key is null.</exception>
    public static HoldoutSplit Stratified<TKey>(ReadOnlySpan<TKey> strata, double testFraction, int seed, double validationFraction = 0)
        where TKey : notnull
    {
        Preconditions.CheckSplitFractions(testFraction, validationFraction);
        var (nTest, nValid) = Sizes(strata.Length, testFraction, validationFraction);
        var groups = Strata.Of(strata, nameof(strata));
        var sizes = groups.Members.Select(m => m.Count).ToArray();
        var testPerClass = Allocate(sizes, new int[sizes.Length], testFraction, nTest);
        var validPerClass = Allocate(sizes, testPerClass, validationFraction, nValid);

        var rng = Shuffling.CreateGenerator(seed);
        var sets = new SplitSet[strata.Length];
        var warnings = new List<string>();
        var setsWanted = validationFraction > 0 ? 3 : 2;
        for (var c = 0; c < groups.Count; c++)
        {
            var rows = groups.Members[c].ToArray();
            Shuffling.FisherYates<int>(rows, rng);
            for (var i = 0; i < rows.Length; i++)
            {
                sets[rows[i]] = i < testPerClass[c] ? SplitSet.Test : i < testPerClass[c] + validPerClass[c] ? SplitSet.Validation : SplitSet.Train;
            }

            if (rows.Length < setsWanted)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"Class '{groups.Names[c]}' in strata has only {rows.Length} member(s), fewer than the {setsWanted} sets, so it is missing from at least one set."));
            }
        }

        return new HoldoutSplit(sets, warnings);
    }

    private static (int Test, int Validation) Sizes(int rowCount, double testFraction, double validationFraction)
    {
        var nTest = (int)Math.Ceiling(testFraction * rowCount);
        var nValid = (int)Math.Ceiling(validationFraction * rowCount);
        if (rowCount - nTest - nValid < 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"With {rowCount} rows, testFraction {testFraction} and validationFraction {validationFraction} give {nTest} test and {nValid} validation rows, leaving no training row. Lower the fractions or add rows."),
                nameof(rowCount));
        }

        return (nTest, nValid);
    }

    /// <summary>Largest-remainder allocation of <paramref name="total"/> rows over classes, at most size − taken per class.</summary>
    private static int[] Allocate(int[] sizes, int[] taken, double fraction, int total)
    {
        var result = new int[sizes.Length];
        var assigned = 0;
        for (var c = 0; c < sizes.Length; c++)
        {
            result[c] = Math.Min((int)Math.Floor(fraction * sizes[c]), sizes[c] - taken[c]);
            assigned += result[c];
        }

        // Stable sort: equal remainders keep first-occurrence order.
        var byRemainder = Enumerable.Range(0, sizes.Length)
            .OrderByDescending(c => (fraction * sizes[c]) - Math.Floor(fraction * sizes[c]))
            .ToArray();
        while (assigned < total)
        {
            var before = assigned;
            foreach (var c in byRemainder)
            {
                if (assigned == total)
                {
                    break;
                }

                if (result[c] < sizes[c] - taken[c])
                {
                    result[c]++;
                    assigned++;
                }
            }

            if (assigned == before)
            {
                break; // unreachable: the size checks leave room for every row asked for.
            }
        }

        return result;
    }
}
