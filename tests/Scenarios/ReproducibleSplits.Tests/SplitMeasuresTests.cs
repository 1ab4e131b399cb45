using System.Security.Cryptography;
using System.Text;
using ClassicalML.Data.Splits;
using ClassicalML.Scenarios.ReproducibleSplits;

namespace ClassicalML.Scenarios.ReproducibleSplits.Tests;

public sealed class SplitMeasuresTests
{
    [Fact]
    public void ShareOfSecondIn_HandMadeSets_CommonOverSecond()
    {
        Assert.Equal(0.5, SplitMeasures.ShareOfSecondIn([1, 2, 3, 4], [3, 4, 5, 6]));
        Assert.Equal(1.0 / 3.0, SplitMeasures.ShareOfSecondIn([9], [7, 8, 9]));
        Assert.Equal(2, SplitMeasures.CommonCount([1, 1, 2], [1, 2, 2, 3]));
    }

    [Fact]
    public void ShareOfSecondIn_EmptySecond_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SplitMeasures.ShareOfSecondIn([1], []));

    [Fact]
    public void Fingerprint_SameSeed_SameValue_OtherSeed_OtherValue()
    {
        string a = SplitMeasures.Fingerprint(TrainTestSplit.Split(50, 0.1, 7, 0.1));
        string b = SplitMeasures.Fingerprint(TrainTestSplit.Split(50, 0.1, 7, 0.1));
        string c = SplitMeasures.Fingerprint(TrainTestSplit.Split(50, 0.1, 8, 0.1));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Matches("^[0-9a-f]{16}$", a);
    }

    [Fact]
    public void Fingerprint_IsSha256OfTheIndexLists()
    {
        var split = TrainTestSplit.Split(5, 0.2, 3, 0.2);
        string text = $"train:{string.Join(',', split.TrainIndices)};validation:{string.Join(',', split.ValidationIndices)};test:{string.Join(',', split.TestIndices)}";
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        Assert.Equal(expected, SplitMeasures.Fingerprint(split));
    }

    [Fact]
    public void Fingerprint_KnownSplit_MatchesPythonHashlib()
    {
        // Hash split of ids a..j (u from SHA-256 as in HashSplit), and the fingerprint, both computed with /usr/bin/python3 hashlib:
        // text "train:0,6,7,8;validation:1,4;test:2,3,5,9" -> sha256 hex prefix 12cd69861076b783.
        var split = HashSplit.Assign(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], 0.2, 0.2);
        Assert.Equal([0, 6, 7, 8], split.TrainIndices.ToArray());
        Assert.Equal([1, 4], split.ValidationIndices.ToArray());
        Assert.Equal([2, 3, 5, 9], split.TestIndices.ToArray());
        Assert.Equal("12cd69861076b783", SplitMeasures.Fingerprint(split));
    }

    [Fact]
    public void Fingerprint_OfSets_EqualsFingerprintOfTheSplit()
    {
        var split = TrainTestSplit.Split(20, 0.2, 3, 0.1);
        Assert.Equal(SplitMeasures.Fingerprint(split), SplitMeasures.Fingerprint([.. split.SetOfRow]));
        Assert.NotEqual(SplitMeasures.Fingerprint([0.5, 0.25]), SplitMeasures.Fingerprint([0.25, 0.5]));
    }

    [Fact]
    public void DuplicateCount_RepeatedIds_CountsRepeatsOnly() =>
        Assert.Equal(3, RowIds.DuplicateCount(["x", "y", "x", "x", "z", "y"]));

    [Fact]
    public void RawLines_GermanCredit_OneDistinctLinePerRow()
    {
        var data = ClassicalML.Data.Datasets.GermanCredit();
        string[] lines = RowIds.RawLines(data);
        Assert.Equal(data.RowCount, lines.Length);
        Assert.Equal(0, RowIds.DuplicateCount(lines));
    }

    [Fact]
    public void Compare_IdenticalAndDifferentRuns_CountsAndMaximum()
    {
        double[] first = [0.1, 0.5, 0.9];
        var (identical, max) = Training.Compare([first, [0.1, 0.5, 0.9], [0.1, 0.75, 0.9]]);
        Assert.Equal(1, identical);
        Assert.Equal(0.25, max);
    }

    [Fact]
    public void BitIdentical_NegativeZero_IsNotBitIdentical()
    {
        Assert.False(Training.BitIdentical([0.0], [-0.0]));
        Assert.True(Training.BitIdentical([double.NaN], [double.NaN]));
    }

    [Fact]
    public void MaxDifference_Nan_IsNan() =>
        Assert.True(double.IsNaN(Training.MaxDifference([1, double.NaN], [1, 2])));
}
