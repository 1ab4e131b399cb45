namespace ClassicalML.Data.Tests;

public class SeedsTests
{
    // Computed by an independent Python implementation of the formula in Seeds' remarks: the values are fixed by the
    // formula, not by this process (string.GetHashCode would differ from run to run).
    [Theory]
    [InlineData(42, "test split", 261359886)]
    [InlineData(0, "bootstrap", 1899680731)]
    [InlineData(-1, "bootstrap", 169443019)]
    [InlineData(42, "Test split", 1883350150)]
    [InlineData(int.MaxValue, "λ path", 492205499)]
    public void Derive_KnownArguments_GivesThePublishedValue(int seed, string stream, int expected) =>
        Assert.Equal(expected, Seeds.Derive(seed, stream));

    [Fact]
    public void Derive_SameArguments_SameSeed() =>
        Assert.Equal(Seeds.Derive(7, "members"), Seeds.Derive(7, new string("members".ToCharArray())));

    [Fact]
    public void Derive_DifferentNames_DifferentSeeds()
    {
        int[] seeds = [.. Enumerable.Range(0, 1000).Select(i => Seeds.Derive(42, $"bootstrap {i}"))];
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
    }

    [Fact]
    public void Derive_DifferentRunSeeds_DifferentSeeds()
    {
        int[] seeds = [.. Enumerable.Range(-500, 1000).Select(s => Seeds.Derive(s, "test split"))];
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
    }

    [Fact]
    public void Derive_AnyArguments_IsNotNegative()
    {
        foreach (int seed in new[] { int.MinValue, -1, 0, 1, int.MaxValue })
        {
            Assert.All(Enumerable.Range(0, 200), i => Assert.InRange(Seeds.Derive(seed, $"s{i}"), 0, int.MaxValue));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Derive_BlankName_ThrowsNamingTheFix(string? stream)
    {
        var e = Assert.Throws<ArgumentException>(() => Seeds.Derive(1, stream!));
        Assert.Equal("stream", e.ParamName);
        Assert.StartsWith("stream is empty; it must contain text. Name the random stream, e.g. \"test split\".", e.Message, StringComparison.Ordinal);
    }
}
