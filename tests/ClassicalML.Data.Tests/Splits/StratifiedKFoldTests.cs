using ClassicalML.Data.Splits;

namespace ClassicalML.Data.Tests.Splits;

public class StratifiedKFoldTests
{
    [Fact]
    public void Split_StringKey_BalancesEachKeyAndFoldSizes()
    {
        // 7 day, 5 night, 2 dusk rows over 3 folds.
        string[] when = ["day", "night", "day", "day", "dusk", "night", "day", "day", "night", "night", "dusk", "day", "night", "day"];
        var split = new StratifiedKFold(3, shuffle: true, seed: 5).Split<string>(when);
        var sizes = split.Folds.Select(f => f.TestIndices.Length).ToArray();
        Assert.Equal([5, 5, 4], sizes);
        foreach (var key in new[] { "day", "night", "dusk" })
        {
            var perFold = split.Folds.Select(f => f.TestIndices.Count(i => when[i] == key)).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{key}: {string.Join(",", perFold)}");
        }

        Assert.Equal(["The least populated class in y has only 2 members, which is less than n_splits=3."], split.Warnings.ToArray());
    }

    [Fact]
    public void Split_NoShuffle_DealsRowsRoundRobinInRowOrder()
    {
        int[] y = [0, 0, 0, 1, 1, 1, 1];
        var split = new StratifiedKFold(2).Split<int>(y);
        // class 0 rows 0,1,2 -> folds 0,1,0; class 1 rows 3..6 continue at fold 1 -> 1,0,1,0.
        Assert.Equal([0, 1, 0, 1, 0, 1, 0], split.TestFoldOfRow.ToArray());
        Assert.Empty(split.Warnings.ToArray());
    }

    [Fact]
    public void Split_SklearnPitfall_FoldSizesStillDifferByAtMostOne()
    {
        // Three classes of 4 over 3 folds: a per-class "first folds get the extra row" rule gives 6,3,3.
        int[] y = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
        var split = new StratifiedKFold(3).Split<int>(y);
        Assert.Equal([4, 4, 4], split.Folds.Select(f => f.TestIndices.Length).ToArray());
    }

    [Fact]
    public void Split_EveryClassSmallerThanK_Throws()
    {
        int[] y = [0, 0, 1, 1, 1, 2];
        var ex = Assert.Throws<ArgumentException>(() => new StratifiedKFold(4).Split<int>(y));
        Assert.Equal("k is 4 but every class in strata has fewer members (the largest has 3); no class can reach every fold. Use k <= 3, or stratify on a coarser key. (Parameter 'strata')", ex.Message);
    }

    [Fact]
    public void Split_LeastPopulatedClassSmallerThanK_Warns()
    {
        int[] y = [.. Enumerable.Repeat(0, 20), 1, 1];
        var split = new StratifiedKFold(5, shuffle: true, seed: 1).Split<int>(y);
        Assert.Equal(["The least populated class in y has only 2 members, which is less than n_splits=5."], split.Warnings.ToArray());
    }

    [Fact]
    public void Split_NullKey_Throws()
    {
        string[] y = ["a", "b", null!, "a"];
        var ex = Assert.Throws<ArgumentException>(() => new StratifiedKFold(2).Split<string>(y));
        Assert.Equal("strata[2] is null; every row needs a key. Fill in the missing value or drop the row. (Parameter 'strata')", ex.Message);
    }

    [Fact]
    public void Ctor_SeedWithoutShuffle_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new StratifiedKFold(3, seed: 0));
        Assert.StartsWith("Setting a random seed has no effect since shuffle is false. Set shuffle: true, or remove the seed.", ex.Message);
    }

    [Fact]
    public void RepeatedSplit_RepeatsDiffer_AndEachIsStratified()
    {
        int[] y = [.. Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? 1 : 0)];
        var repeats = new RepeatedStratifiedKFold(5, 3, seed: 42).Split<int>(y);
        Assert.Equal(3, repeats.Length);
        Assert.NotEqual(repeats[0].TestFoldOfRow.ToArray(), repeats[1].TestFoldOfRow.ToArray());
        foreach (var split in repeats)
        {
            Assert.All(split.Folds, f => Assert.Equal(2, f.TestIndices.Count(i => y[i] == 1)));
        }
    }

    [Fact]
    public void RepeatedCtor_ZeroRepeats_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RepeatedStratifiedKFold(5, 0, 1));
        Assert.Equal("repeats is 0; it must be at least 1. Use repeats: 1 for a single stratified k-fold. (Parameter 'repeats')\nActual value was 0.", ex.Message);
    }
}
