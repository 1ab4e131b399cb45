using System.Text.Json;

namespace ClassicalML.Evaluation.Tests;

/// <summary>
/// McNemar against statsmodels (tests/reference/comparison/mcnemar_cases.json, written by
/// tests/reference/make_mcnemar_fixtures.py), mid-p from scipy's binomial.
/// </summary>
public sealed class McNemarTests
{
    private const double Tolerance = 1e-10;

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => ReferenceCases.Load("comparison", "mcnemar_cases.json"));

    public static TheoryData<string> Names() => [.. Cases.Value.Keys];

    /// <summary>Cases with discordant rows; b = c = 0 has its own test (statsmodels' corrected χ² is ∞ there).</summary>
    public static TheoryData<string> DiscordantNames() => [.. Cases.Value.Keys.Where(n => n != "identical decisions (b = c = 0)")];

    [Theory]
    [MemberData(nameof(Names))]
    public void Test_StatsmodelsCase_SameTableAndExactP(string name)
    {
        var c = Cases.Value[name];

        var test = McNemar.Test(Bools(c, "labels"), Bools(c, "predicted_a"), Bools(c, "predicted_b"));

        var table = c.GetProperty("table").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt64()).ToArray()).ToArray();
        Assert.Equal((table[0][0], table[0][1], table[1][0], table[1][1]), (test.BothCorrect, test.OnlyACorrect, test.OnlyBCorrect, test.BothWrong));
        AssertClose(c, "exact_p", test.ExactPValue, name);
        AssertClose(c, "mid_p", test.MidPValue, name);
    }

    [Theory]
    [MemberData(nameof(DiscordantNames))]
    public void Test_StatsmodelsCase_SameChiSquares(string name)
    {
        var c = Cases.Value[name];

        var test = McNemar.Test(Bools(c, "labels"), Bools(c, "predicted_a"), Bools(c, "predicted_b"));

        AssertClose(c, "chi2", test.ChiSquare, name);
        AssertClose(c, "chi2_p", test.ChiSquarePValue, name);
        AssertClose(c, "chi2_corrected", test.CorrectedChiSquare, name);
        AssertClose(c, "chi2_corrected_p", test.CorrectedChiSquarePValue, name);
        Assert.Empty(test.Undefined);
    }

    [Fact]
    public void Test_NoDiscordantRows_ExactOneChiSquaresUndefined()
    {
        var c = Cases.Value["identical decisions (b = c = 0)"];

        var test = McNemar.Test(Bools(c, "labels"), Bools(c, "predicted_a"), Bools(c, "predicted_b"));

        Assert.Equal((1.0, 1.0, 0L), (test.ExactPValue, test.MidPValue, test.Discordant));
        Assert.True(double.IsNaN(test.ChiSquare) && double.IsNaN(test.ChiSquarePValue) && double.IsNaN(test.CorrectedChiSquare) && double.IsNaN(test.CorrectedChiSquarePValue));
        Assert.True(double.IsNaN(BinaryFixtures.Double(c.GetProperty("chi2"))));
        Assert.Equal(double.PositiveInfinity, BinaryFixtures.Double(c.GetProperty("chi2_corrected"))); // statsmodels' 1/0
        Assert.Equal("ChiSquare, ChiSquarePValue, CorrectedChiSquare, CorrectedChiSquarePValue", Assert.Single(test.Undefined).Metric);
    }

    [Fact]
    public void FromTable_SameCountsAsTest_SameResult()
    {
        var fromRows = McNemar.Test([true, true, false, false, true], [true, false, false, true, true], [false, true, false, false, false]);

        var fromTable = McNemar.FromTable(fromRows.BothCorrect, fromRows.OnlyACorrect, fromRows.OnlyBCorrect, fromRows.BothWrong);

        Assert.Equal((1L, 2L, 2L, 0L), (fromRows.BothCorrect, fromRows.OnlyACorrect, fromRows.OnlyBCorrect, fromRows.BothWrong));
        Assert.Equal(fromRows.ExactPValue, fromTable.ExactPValue);
        Assert.Equal(fromRows.CorrectedChiSquarePValue, fromTable.CorrectedChiSquarePValue);
    }

    [Fact]
    public void FromTable_NegativeCount_NamesItAndItsValue()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => McNemar.FromTable(3, -1, 2, 0));

        Assert.Equal("onlyACorrect", error.ParamName);
        Assert.Equal(-1L, error.ActualValue);
        Assert.StartsWith("onlyACorrect is -1; it must be at least 0. Pass the number of rows in that cell of the table.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_DecisionsOfDifferentLength_NamesThem()
    {
        var error = Assert.Throws<ArgumentException>(() => McNemar.Test([true, false], [true, false], [true]));

        Assert.Equal("predictedB", error.ParamName);
    }

    private static bool[] Bools(JsonElement c, string name) => [.. c.GetProperty(name).EnumerateArray().Select(e => e.GetInt32() == 1)];

    private static void AssertClose(JsonElement c, string key, double actual, string what) =>
        ReferenceCases.AssertClose(c, key, actual, what, Tolerance);
}
