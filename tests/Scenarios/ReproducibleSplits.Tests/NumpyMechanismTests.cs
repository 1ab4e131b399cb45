using ClassicalML.Data.Splits;
using ClassicalML.Scenarios.ReproducibleSplits;

namespace ClassicalML.Scenarios.ReproducibleSplits.Tests;

public sealed class NumpyMechanismTests
{
    // /usr/bin/python3 -c "import numpy as np; np.random.seed(s); r = np.random.rand(1000); print(repr(r[0]), repr(r[1]), repr(r[999]))"
    // with Debian python3-numpy 1.24.2.
    [Theory]
    [InlineData(0, 0.5488135039273248, 0.7151893663724195, 0.6771411441114241)]
    [InlineData(1, 0.417022004702574, 0.7203244934421581, 0.7744772660150796)]
    [InlineData(12345, 0.9296160928171479, 0.3163755545817859, 0.30860519994571)]
    public void Rand_MatchesNumpyBitForBit(int seed, double first, double second, double last)
    {
        double[] r = NumpyRandom.Rand(seed, 1000);
        Assert.Equal(BitConverter.DoubleToInt64Bits(first), BitConverter.DoubleToInt64Bits(r[0]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(second), BitConverter.DoubleToInt64Bits(r[1]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(last), BitConverter.DoubleToInt64Bits(r[999]));
    }

    [Fact]
    public void Rand_LongerCall_StartsWithTheShorterOne()
    {
        double[] shorter = NumpyRandom.Rand(7, 800), longer = NumpyRandom.Rand(7, 1000);
        Assert.Equal(shorter, longer[..800]);
    }

    [Fact]
    public void Rand_NegativeSeed_ThrowsWithFix()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NumpyRandom.Rand(-1, 3));
        Assert.StartsWith("seed is -1; numpy's np.random.seed takes 0 to 2^32 - 1. Pass a seed of 0 or more.", e.Message, StringComparison.Ordinal);
    }

    // np.random.seed(63000); r = np.random.rand(1000): (r < 0.8).sum() = 815, ((r >= 0.8) & (r < 0.9)).sum() = 88,
    // (r >= 0.9).sum() = 97, first test rows np.where(r >= 0.9)[0][:5] = [2, 8, 17, 26, 51].
    [Fact]
    public void Call_Seed63000_MatchesNumpyMasks()
    {
        var sets = AnswerSplit.Call(1000, 63000);
        Assert.Equal(815, sets.Count(s => s == SplitSet.Train));
        Assert.Equal(88, sets.Count(s => s == SplitSet.Validation));
        Assert.Equal(97, sets.Count(s => s == SplitSet.Test));
        Assert.Equal([2, 8, 17, 26, 51], AnswerSplit.Rows(sets, SplitSet.Test)[..5]);
    }

    [Fact]
    public void Assign_Thresholds_LowerBoundIncluded()
    {
        Assert.Equal([SplitSet.Train, SplitSet.Validation, SplitSet.Validation, SplitSet.Test, SplitSet.Test],
            AnswerSplit.Assign([0.7999999, 0.8, 0.8999999, 0.9, 0.99]));
    }

    [Fact]
    public void Measure_ManyCalls_SizesVaryAndOrderIsKept()
    {
        var m = Mechanism.Measure(1000, 50, 100);
        Assert.True(m.TrainSizes.Distinct().Count() > 10);
        Assert.Equal(0, m.ReorderedCalls.Hits);
        Assert.Equal(49, m.TestInCommon.Length);
        Assert.InRange(m.TrainShareInCommon.Estimate, 0.75, 0.85);
    }

    [Fact]
    public void InFileOrder_HandCases()
    {
        Assert.True(Mechanism.InFileOrder([1, 2, 5]));
        Assert.False(Mechanism.InFileOrder([1, 5, 2]));
        Assert.False(Mechanism.InFileOrder([1, 1]));
    }
}
