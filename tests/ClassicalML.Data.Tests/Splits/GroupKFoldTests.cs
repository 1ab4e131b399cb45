using ClassicalML.Data.Splits;

namespace ClassicalML.Data.Tests.Splits;

public class GroupKFoldTests
{
    [Fact]
    public void Split_DistinctGroupSizes_MatchesScikitLearnGroupKFold()
    {
        var cases = Reference.Load("splits.json").GetProperty("group_kfold");
        Assert.True(cases.GetArrayLength() >= 3);
        foreach (var c in cases.EnumerateArray())
        {
            var groups = Reference.Ints(c.GetProperty("groups"));
            var split = new GroupKFold(c.GetProperty("k").GetInt32()).Split<int>(groups);
            var expected = c.GetProperty("test_folds").EnumerateArray().Select(Reference.Ints).ToArray();
            Assert.Equal(expected, split.Folds.Select(f => f.TestIndices.ToArray()).ToArray());
        }
    }

    [Fact]
    public void Split_FewerGroupsThanFolds_Throws()
    {
        string[] groups = ["p1", "p1", "p2", "p3"];
        var ex = Assert.Throws<ArgumentException>(() => new GroupKFold(4).Split<string>(groups));
        Assert.Equal("k is 4 but groups has only 3 distinct groups; every fold needs at least one group. Use k <= 3. (Parameter 'groups')", ex.Message);
    }
}
