using ClassicalML.Data.Splits;

namespace ClassicalML.Data.Tests.Splits;

public class HashSplitTests
{
    [Fact]
    public void UnitValue_EmptySaltAndId_IsLeading53BitsOfSha256OfEmptyString()
    {
        // SHA-256("") = e3b0c44298fc1c14...; (0xe3b0c44298fc1c14 >> 11) / 2^53, computed independently here.
        var expected = (0xe3b0c44298fc1c14UL >> 11) / 9007199254740992.0;
        Assert.Equal(expected, HashSplit.UnitValue("", ""));
    }

    [Fact]
    public void UnitValue_SaltIsPrependedToId()
    {
        Assert.Equal(HashSplit.UnitValue("abc", ""), HashSplit.UnitValue("c", "ab"));
        Assert.NotEqual(HashSplit.UnitValue("abc", ""), HashSplit.UnitValue("abc", "x"));
    }

    [Fact]
    public void Assign_ManyIds_FractionsAreMetApproximately()
    {
        string[] ids = [.. Enumerable.Range(0, 20000).Select(i => $"customer-{i}")];
        var split = HashSplit.Assign(ids, 0.2, 0.1, salt: "v1");
        Assert.InRange(split.TestIndices.Length, 3800, 4200);
        Assert.InRange(split.ValidationIndices.Length, 1850, 2150);
    }

    [Fact]
    public void Assign_DuplicateIds_ShareTheirSet()
    {
        string[] ids = ["a", "b", "a", "c", "b", "a"];
        var split = HashSplit.Assign(ids, 0.5);
        Assert.Equal(split.SetOfRow[0], split.SetOfRow[2]);
        Assert.Equal(split.SetOfRow[0], split.SetOfRow[5]);
        Assert.Equal(split.SetOfRow[1], split.SetOfRow[4]);
    }

    [Fact]
    public void Assign_EmptyId_Throws()
    {
        string[] ids = ["a", ""];
        var ex = Assert.Throws<ArgumentException>(() => HashSplit.Assign(ids, 0.5));
        Assert.Equal("ids[1] is empty; every row needs an id to hash. Fill in the id or drop the row. (Parameter 'ids')", ex.Message);
    }

    [Fact]
    public void AssignFolds_FewIds_WarnsAboutEmptyFolds()
    {
        string[] ids = ["same", "same", "same"];
        var split = HashSplit.AssignFolds(ids, 3);
        Assert.Single(split.Warnings);
        Assert.StartsWith("Hash assignment left 2 of 3 folds empty", split.Warnings[0]);
    }

    [Fact]
    public void AssignFolds_FoldIsFloorOfUnitValueTimesK()
    {
        string[] ids = [.. Enumerable.Range(0, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var split = HashSplit.AssignFolds(ids, 7, "s");
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal((int)(HashSplit.UnitValue(ids[i], "s") * 7), split.TestFoldOfRow[i]);
        }
    }
}
