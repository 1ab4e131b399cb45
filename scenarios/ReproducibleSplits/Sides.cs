using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Data.Splits;
using MathNet.Numerics;
using MathNet.Numerics.Random;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Rows that changed side (train / validation / test) under one split procedure, for each change to the file.</summary>
/// <param name="Procedure">The split procedure.</param>
/// <param name="Reordered">Rows that changed side after the file's rows were reordered (of all rows).</param>
/// <param name="Deleted">Rows that changed side after some rows were deleted (of the rows kept).</param>
/// <param name="Appended">Rows that changed side after new rows were appended at the end (of the old rows).</param>
internal sealed record SideCounts(string Procedure, Count Reordered, Count Deleted, Count Appended)
{
    public IEnumerable<(string Change, Count Moved)> Changes =>
        [("rows reordered", Reordered), ("rows deleted", Deleted), ("rows appended", Appended)];
}

/// <summary>Side changes for the answer's seeded get_splits, a seeded shuffle-and-cut, and hash splits.</summary>
internal sealed record SideMeasurements(SideCounts SeededGetSplits, SideCounts SeededShuffle, SideCounts ContentHash, SideCounts LineNumberHash,
    int Rows, int DuplicateIds, int DeletedRows, int AppendedRows)
{
    public IEnumerable<SideCounts> All => [SeededGetSplits, SeededShuffle, ContentHash, LineNumberHash];
}

/// <summary>Which rows keep their side when the file changes between two executions, the split seeded alike both times.</summary>
internal static class Sides
{
    /// <summary>Seeds of the split and of each change, all drawn from the scenario's seed.</summary>
    internal readonly record struct Seeds(int Split, int Reorder, int Delete, int Append);

    public static SideMeasurements Measure(Dataset data, double deleteShare, double appendShare, Seeds seeds)
    {
        int n = data.RowCount;
        string[] content = RowIds.RawLines(data);

        // A file is a list of original row indices in file order; each procedure maps a file to the side of each position.
        SplitSet[] Mask(int[] file) => AnswerSplit.Call(file.Length, seeds.Split);
        SplitSet[] Shuffle(int[] file) => [.. TrainTestSplit.Split(file.Length, AnswerSplit.TestShare, seeds.Split, AnswerSplit.ValidationShare).SetOfRow];
        SplitSet[] Content(int[] file) => [.. HashSplit.Assign([.. file.Select(r => content[r])], AnswerSplit.TestShare, AnswerSplit.ValidationShare).SetOfRow];
        SplitSet[] Line(int[] file) => [.. HashSplit.Assign([.. Enumerable.Range(2, file.Length).Select(l => l.ToString(CultureInfo.InvariantCulture))], AnswerSplit.TestShare, AnswerSplit.ValidationShare).SetOfRow];

        int[] all = [.. Enumerable.Range(0, n)];
        int[] reordered = [.. all];
        Combinatorics.SelectPermutationInplace(reordered, new MersenneTwister(seeds.Reorder, threadSafe: false));
        int[] afterDeletion = Without(all, RandomRows(n, (int)Math.Round(deleteShare * n), seeds.Delete));
        var appended = RandomRows(n, (int)Math.Round(appendShare * n), seeds.Append);
        int[] beforeAppend = Without(all, appended);
        int[] afterAppend = [.. beforeAppend, .. all.Where(appended.Contains)];

        SideCounts Count(string procedure, Func<int[], SplitSet[]> split) => new(procedure,
            Moved(all, reordered, split), Moved(all, afterDeletion, split), Moved(beforeAppend, afterAppend, split));
        return new SideMeasurements(
            Count("the answer's get_splits, seeded alike (np.random.seed(s) first)", Mask),
            Count("shuffle and cut, seeded alike (train_test_split(random_state=s))", Shuffle),
            Count("hash of the raw CSV line (a content id)", Content),
            Count("hash of the file line number", Line),
            n, RowIds.DuplicateCount(content), n - afterDeletion.Length, appended.Count);
    }

    /// <summary>Rows present in both files whose side differs between the two splits.</summary>
    /// <param name="before">The first file: original row indices in file order.</param>
    /// <param name="after">The second file.</param>
    /// <param name="split">The procedure: a file's side at each position.</param>
    internal static Count Moved(int[] before, int[] after, Func<int[], SplitSet[]> split)
    {
        var sideBefore = new Dictionary<int, SplitSet>(before.Length);
        var setsBefore = split(before);
        for (int p = 0; p < before.Length; p++)
        {
            sideBefore[before[p]] = setsBefore[p];
        }

        var setsAfter = split(after);
        int common = 0, moved = 0;
        for (int p = 0; p < after.Length; p++)
        {
            if (sideBefore.TryGetValue(after[p], out var side))
            {
                common++;
                moved += side == setsAfter[p] ? 0 : 1;
            }
        }

        return new Count(moved, common);
    }

    private static HashSet<int> RandomRows(int n, int count, int seed) =>
        [.. Combinatorics.GenerateCombination(n, count, new MersenneTwister(seed, threadSafe: false)).Select((chosen, i) => (chosen, i)).Where(p => p.chosen).Select(p => p.i)];

    private static int[] Without(int[] rows, HashSet<int> removed) => [.. rows.Where(r => !removed.Contains(r))];
}
