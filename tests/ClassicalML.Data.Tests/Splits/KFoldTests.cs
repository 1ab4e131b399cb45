using ClassicalML.Data.Splits;

namespace ClassicalML.Data.Tests.Splits;

public class KFoldTests
{
    [Fact]
    public void Split_NoShuffle_MatchesScikitLearnKFold()
    {
        var cases = Reference.Load("splits.json").GetProperty("kfold");
        Assert.True(cases.GetArrayLength() >= 4);
        foreach (var c in cases.EnumerateArray())
        {
            var split = new KFold(c.GetProperty("k").GetInt32()).Split(c.GetProperty("n").GetInt32());
            var expected = c.GetProperty("test_folds").EnumerateArray().Select(Reference.Ints).ToArray();
            Assert.Equal(expected.Length, split.Folds.Length);
            for (var f = 0; f < expected.Length; f++)
            {
                Assert.Equal(expected[f], split.Folds[f].TestIndices.ToArray());
            }
        }
    }

    [Fact]
    public void Split_Fold_TrainIsSortedComplementOfTest()
    {
        var split = new KFold(3, shuffle: true, seed: 11).Split(10);
        foreach (var fold in split.Folds)
        {
            Assert.Equal(Enumerable.Range(0, 10).Except(fold.TestIndices), fold.TrainIndices);
            Assert.Equal(fold.TestIndices.Order(), fold.TestIndices);
            Assert.Equal(fold.Index, split.TestFoldOfRow[fold.TestIndices[0]]);
        }
    }

    [Fact]
    public void Ctor_SeedWithoutShuffle_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new KFold(5, shuffle: false, seed: 3));
        Assert.Equal("Setting a random seed has no effect since shuffle is false. Set shuffle: true, or remove the seed. (Parameter 'seed')", ex.Message);
    }

    [Fact]
    public void Ctor_ShuffleWithoutSeed_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new KFold(5, shuffle: true));
        Assert.Equal("shuffle is true but no seed was given; every random draw in ClassicalML takes an explicit seed. Pass seed: 0 (or any integer). (Parameter 'seed')", ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Ctor_KBelowTwo_Throws(int k)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KFold(k));
        Assert.Equal($"k is {k}; it must be at least 2. Use k >= 2, e.g. k: 5. (Parameter 'k')\nActual value was {k}.", ex.Message);
    }

    [Fact]
    public void Split_MoreFoldsThanRows_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KFold(5).Split(3));
        Assert.Equal("rowCount has 3 rows but k is 5; every fold needs at least one test row. Use k <= 3 or add rows. (Parameter 'rowCount')\nActual value was 3.", ex.Message);
    }

    [Fact]
    public void Split_KEqualsRows_IsLeaveOneOut()
    {
        var split = new KFold(4).Split(4);
        Assert.All(split.Folds, f => Assert.Equal([f.Index], f.TestIndices.ToArray()));
    }
}
