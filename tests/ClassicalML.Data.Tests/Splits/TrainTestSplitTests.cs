using ClassicalML.Data.Splits;

namespace ClassicalML.Data.Tests.Splits;

public class TrainTestSplitTests
{
    [Fact]
    public void Split_Sizes_MatchScikitLearnTrainTestSplit()
    {
        var cases = Reference.Load("splits.json").GetProperty("train_test_sizes");
        Assert.True(cases.GetArrayLength() >= 6);
        foreach (var c in cases.EnumerateArray())
        {
            var split = TrainTestSplit.Split(c.GetProperty("n").GetInt32(), c.GetProperty("test_fraction").GetDouble(), seed: 0);
            Assert.Equal(c.GetProperty("n_test").GetInt32(), split.TestIndices.Length);
            Assert.Equal(c.GetProperty("n_train").GetInt32(), split.TrainIndices.Length);
            Assert.Empty(split.ValidationIndices);
        }
    }

    [Fact]
    public void Split_ThreeWay_SizesAreCeilingsAndSetsPartitionRows()
    {
        var split = TrainTestSplit.Split(101, 0.2, seed: 3, validationFraction: 0.1);
        Assert.Equal(21, split.TestIndices.Length);
        Assert.Equal(11, split.ValidationIndices.Length);
        Assert.Equal(69, split.TrainIndices.Length);
        Assert.Equal(Enumerable.Range(0, 101), split.TrainIndices.Concat(split.ValidationIndices).Concat(split.TestIndices).Order());
        Assert.All(split.TestIndices, i => Assert.Equal(SplitSet.Test, split.SetOfRow[i]));
    }

    [Fact]
    public void Stratified_KeepsEachClassProportionInEverySet()
    {
        string[] y = [.. Enumerable.Range(0, 200).Select(i => i % 10 == 0 ? "night" : "day")];
        var split = TrainTestSplit.Stratified<string>(y, 0.25, seed: 9, validationFraction: 0.25);
        Assert.Equal(5, split.TestIndices.Count(i => y[i] == "night"));
        Assert.Equal(5, split.ValidationIndices.Count(i => y[i] == "night"));
        Assert.Equal(10, split.TrainIndices.Count(i => y[i] == "night"));
        Assert.Equal(50, split.TestIndices.Length);
        Assert.Equal(50, split.ValidationIndices.Length);
        Assert.Empty(split.Warnings.ToArray());
    }

    [Fact]
    public void Stratified_TotalTestSizeMatchesPlainSplit()
    {
        int[] y = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2];
        var split = TrainTestSplit.Stratified<int>(y, 0.3, seed: 1);
        Assert.Equal(4, split.TestIndices.Length); // ceil(0.3 * 11)
        foreach (var (c, n) in new[] { (0, 3), (1, 3), (2, 5) })
        {
            var t = split.TestIndices.Count(i => y[i] == c);
            Assert.InRange(t, (int)Math.Floor(0.3 * n), (int)Math.Ceiling(0.3 * n));
        }
    }

    [Fact]
    public void Stratified_SingletonClass_Warns()
    {
        int[] y = [0, 0, 0, 0, 1];
        var split = TrainTestSplit.Stratified<int>(y, 0.4, seed: 0);
        Assert.Equal(["Class '1' in strata has only 1 member(s), fewer than the 2 sets, so it is missing from at least one set."], split.Warnings.ToArray());
    }

    [Theory]
    [InlineData(0.0, 0.0, "testFraction is 0; it must be greater than 0 and less than 1. Use e.g. testFraction: 0.2. (Parameter 'testFraction')\nActual value was 0.")]
    [InlineData(1.5, 0.0, "testFraction is 1.5; it must be greater than 0 and less than 1. Use e.g. testFraction: 0.2. (Parameter 'testFraction')\nActual value was 1.5.")]
    [InlineData(double.NaN, 0.0, "testFraction is NaN; it must be greater than 0 and less than 1. Use e.g. testFraction: 0.2. (Parameter 'testFraction')\nActual value was NaN.")]
    [InlineData(0.2, -0.1, "validationFraction is -0.1; it must be at least 0 and less than 1. Use 0 for a plain train/test split. (Parameter 'validationFraction')\nActual value was -0.1.")]
    [InlineData(0.5, 0.5, "testFraction + validationFraction is 0.5 + 0.5 = 1; it must be less than 1 to leave training rows. Lower one of the fractions. (Parameter 'validationFraction')")]
    public void Split_BadFractions_Throw(double test, double valid, string message)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => TrainTestSplit.Split(10, test, 0, valid));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Split_NoTrainingRowLeft_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrainTestSplit.Split(3, 0.5, 0, 0.4));
        Assert.Equal("With 3 rows, testFraction 0.5 and validationFraction 0.4 give 2 test and 2 validation rows, leaving no training row. Lower the fractions or add rows. (Parameter 'rowCount')", ex.Message);
    }
}
