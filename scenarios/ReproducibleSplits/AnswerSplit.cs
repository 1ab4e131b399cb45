using ClassicalML.Data.Splits;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>
/// The answer's <c>get_splits</c>: one uniform number per row, <c>rnd = np.random.rand(len(df))</c>, and three masks:
/// <c>train = df[rnd &lt; 0.8]</c>, <c>valid = df[(rnd &gt;= 0.8) &amp; (rnd &lt; 0.9)]</c>, <c>test = df[rnd &gt;= 0.9]</c>.
/// </summary>
/// <remarks>
/// The valid line is the one the answer means; as the answer writes it, <c>rnd &gt;= 0.8 &amp; rnd &lt; 0.9</c>,
/// Python binds <c>&amp;</c> first and numpy raises a TypeError on <c>0.8 &amp; rnd</c> (measured by replicate.py, not
/// here). A boolean mask keeps the rows in file order and each part's size varies from call to call
/// (train size ~ Binomial(n, 0.8)); nothing is shuffled.
/// </remarks>
internal static class AnswerSplit
{
    /// <summary>Rows with rnd below this are training rows.</summary>
    public const double TrainBelow = 0.8;

    /// <summary>Rows with rnd at or above this are test rows; the rest are validation rows.</summary>
    public const double TestFrom = 0.9;

    /// <summary>The test share the masks aim at (1 − <see cref="TestFrom"/>), for splitters that cut exact shares.</summary>
    public const double TestShare = 0.1;

    /// <summary>The validation share the masks aim at (<see cref="TestFrom"/> − <see cref="TrainBelow"/>).</summary>
    public const double ValidationShare = 0.1;

    /// <summary>The part of each row for the given uniform numbers, row by row.</summary>
    /// <param name="rnd">One number in [0, 1) per row.</param>
    /// <returns>The part of each row.</returns>
    public static SplitSet[] Assign(ReadOnlySpan<double> rnd)
    {
        var sets = new SplitSet[rnd.Length];
        for (int i = 0; i < rnd.Length; i++)
        {
            sets[i] = rnd[i] < TrainBelow ? SplitSet.Train : rnd[i] < TestFrom ? SplitSet.Validation : SplitSet.Test;
        }

        return sets;
    }

    /// <summary>One call of get_splits on a file of <paramref name="rowCount"/> rows after <c>np.random.seed(seed)</c>.</summary>
    /// <param name="rowCount">Rows in the file.</param>
    /// <param name="seed">The seed numpy was given before the call (an unseeded call takes one from the environment).</param>
    /// <returns>The part of each row.</returns>
    public static SplitSet[] Call(int rowCount, int seed) => Assign(NumpyRandom.Rand(seed, rowCount));

    /// <summary>The rows of one part in the order <c>df[mask]</c> returns them (file order).</summary>
    /// <param name="sets">The part of each row.</param>
    /// <param name="part">The part.</param>
    /// <returns>The row indices of that part.</returns>
    public static int[] Rows(IReadOnlyList<SplitSet> sets, SplitSet part)
    {
        var rows = new List<int>();
        for (int i = 0; i < sets.Count; i++)
        {
            if (sets[i] == part)
            {
                rows.Add(i);
            }
        }

        return [.. rows];
    }
}
