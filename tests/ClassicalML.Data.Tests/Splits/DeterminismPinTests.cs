using ClassicalML.Data.Splits;

namespace ClassicalML.Data.Tests.Splits;

/// <summary>
/// Regression pins, NOT reference values: these indices were computed once with this code
/// (Fisher–Yates over MathNet's MT19937) so that any change of shuffle algorithm, generator or
/// its use is noticed. If a change is intended, recompute them and say so in the commit.
/// </summary>
public class DeterminismPinTests
{
    [Fact]
    public void FisherYates_Seed42_FirstIndicesArePinned()
    {
        var order = Enumerable.Range(0, 20).ToArray();
        Shuffling.FisherYates<int>(order, Shuffling.CreateGenerator(42));
        Assert.Equal(PinnedShuffle, order[..8]);
    }

    [Fact]
    public void KFold_Seed42_FirstTestFoldIsPinned()
    {
        var split = new KFold(5, shuffle: true, seed: 42).Split(20);
        Assert.Equal(PinnedKFold, split.Folds[0].TestIndices.ToArray());
    }

    [Fact]
    public void TrainTestSplit_Seed42_TestRowsArePinned()
    {
        var split = TrainTestSplit.Split(20, 0.25, seed: 42);
        Assert.Equal(PinnedHoldout, split.TestIndices.ToArray());
    }

    [Fact]
    public void SameSeed_SameFolds_DifferentSeed_DifferentFolds()
    {
        int[] y = [.. Enumerable.Range(0, 40).Select(i => i % 4)];
        var a = new StratifiedKFold(4, true, 7).Split<int>(y).TestFoldOfRow;
        var b = new StratifiedKFold(4, true, 7).Split<int>(y).TestFoldOfRow;
        var c = new StratifiedKFold(4, true, 8).Split<int>(y).TestFoldOfRow;
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.NotEqual(a.ToArray(), c.ToArray());
    }

    private static readonly int[] PinnedShuffle = [7, 19, 3, 6, 13, 18, 12, 9];
    private static readonly int[] PinnedKFold = [3, 6, 7, 19];
    private static readonly int[] PinnedHoldout = [3, 6, 7, 13, 19];
}
