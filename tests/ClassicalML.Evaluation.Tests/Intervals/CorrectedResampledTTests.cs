using System.Text.Json;
using ClassicalML.Evaluation;
using FsCheck;
using FsCheck.Xunit;

namespace ClassicalML.Evaluation.Tests;

public sealed class CorrectedResampledTTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "reference", "intervals", "corrected_t_cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
    });

    public static TheoryData<string> CaseNames() => [.. Cases.Value.Keys];

    public static TheoryData<string> PairedCaseNames() => [.. Cases.Value.Where(c => c.Value.TryGetProperty("paired", out _)).Select(c => c.Key)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Interval_ScipyCase_MatchesReference(string name)
    {
        var c = Cases.Value[name];

        var interval = CorrectedResampledT.Interval(Values(c, "first"), Design(c), c.GetProperty("confidence").GetDouble());

        AssertMatches(c.GetProperty("single"), interval);
    }

    [Theory]
    [MemberData(nameof(PairedCaseNames))]
    public void Paired_ScipyCase_MatchesReference(string name)
    {
        var c = Cases.Value[name];

        var interval = CorrectedResampledT.Paired(Values(c, "first"), Values(c, "second"), Design(c), c.GetProperty("confidence").GetDouble());

        AssertMatches(c.GetProperty("paired"), interval);
    }

    [Fact]
    public void Interval_OneValue_MeanWithUndefinedBounds()
    {
        var interval = CorrectedResampledT.Interval([0.7], ResamplingDesign.KFold(5));

        Assert.Equal(0.7, interval.Mean);
        Assert.True(double.IsNaN(interval.Lower) && double.IsNaN(interval.Upper) && double.IsNaN(interval.PValue));
        Assert.Equal(1, interval.Count);
    }

    [Fact]
    public void Paired_SameNonZeroDifferenceEveryFold_ZeroWidthAndPZero()
    {
        var interval = CorrectedResampledT.Paired([0.5, 0.5, 0.5], [0.25, 0.25, 0.25], ResamplingDesign.KFold(3));

        Assert.Equal(0.25, interval.Lower);
        Assert.Equal(0.25, interval.Upper);
        Assert.Equal(double.PositiveInfinity, interval.TStatistic);
        Assert.Equal(0.0, interval.PValue);
    }

    [Fact]
    public void ToInterval_NamesTheMethod()
    {
        var interval = CorrectedResampledT.Interval([0.7, 0.8, 0.75], ResamplingDesign.KFold(3)).ToInterval();

        Assert.Equal("corrected resampled t", interval.Method);
        Assert.Equal(0.75, interval.Estimate, 1e-15);
        Assert.Equal(0.95, interval.Confidence);
    }

    [Fact]
    public void KFold_FiveFolds_RatioOneQuarter()
    {
        var design = ResamplingDesign.KFold(5);

        Assert.Equal(0.25, design.TestTrainRatio);
        Assert.Equal("5-fold cross-validation", design.Description);
    }

    [Fact]
    public void KFold_OneFold_ThrowsNamingValueAndFix()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ResamplingDesign.KFold(1));

        Assert.Equal("folds", error.ParamName);
        Assert.StartsWith("folds is 1; k-fold cross-validation needs at least 2 folds. Pass the k of the k-fold split, e.g. 5.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainTest_ZeroTestRows_ThrowsNamingValueAndFix()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ResamplingDesign.TrainTest(0, 700));

        Assert.Equal("testRows", error.ParamName);
        Assert.StartsWith("testRows is 0; each test set needs at least 1 row. Pass the number of rows scored per split.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainTest_ZeroTrainRows_ThrowsNamingValueAndFix()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ResamplingDesign.TrainTest(300, 0));

        Assert.Equal("trainRows", error.ParamName);
        Assert.StartsWith("trainRows is 0; each training set needs at least 1 row.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paired_DifferentLengths_ThrowsNamingBothLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => CorrectedResampledT.Paired([0.7, 0.8], [0.7], ResamplingDesign.KFold(2)));

        Assert.Equal("second", error.ParamName);
        Assert.StartsWith("first has 2 scores but second has 1; paired differences need both models scored on the same folds. Pass the scores of both models over the same split.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interval_Empty_ThrowsNamingArgument()
    {
        var error = Assert.Throws<ArgumentException>(() => CorrectedResampledT.Interval([], ResamplingDesign.KFold(5)));

        Assert.Equal("scores", error.ParamName);
        Assert.StartsWith("scores is empty;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interval_NaNScore_ThrowsNamingIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => CorrectedResampledT.Interval([0.7, double.NaN], ResamplingDesign.KFold(5)));

        Assert.Equal("scores", error.ParamName);
        Assert.StartsWith("scores[1] is NaN;", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Interval_ConfidenceOutsideUnitInterval_Throws(double confidence)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CorrectedResampledT.Interval([0.7, 0.8], ResamplingDesign.KFold(5), confidence));

        Assert.Equal("confidence", error.ParamName);
    }

    [Fact]
    public void Interval_NullDesign_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CorrectedResampledT.Interval([0.7, 0.8], null!));
    }

    [Property]
    public bool Interval_MoreFoldsPerRepeat_NeverWider(NonEmptyArray<NormalFloat> raw)
    {
        var values = raw.Get.Select(v => (double)v.Get % 1000).Append(0.5).ToArray();

        var twoFold = CorrectedResampledT.Interval(values, ResamplingDesign.KFold(2));
        var tenFold = CorrectedResampledT.Interval(values, ResamplingDesign.KFold(10));

        return tenFold.Upper - tenFold.Lower <= twoFold.Upper - twoFold.Lower + 1e-9
            && tenFold.Lower <= tenFold.Mean && tenFold.Mean <= tenFold.Upper;
    }

    [Property]
    public bool Paired_SwappedModels_MirrorsInterval(NonEmptyArray<NormalFloat> raw)
    {
        var a = raw.Get.Select(v => (double)v.Get % 1000).Append(1.0).ToArray();
        var b = a.Select((v, i) => v * 0.5 + i).ToArray();

        var ab = CorrectedResampledT.Paired(a, b, ResamplingDesign.KFold(5));
        var ba = CorrectedResampledT.Paired(b, a, ResamplingDesign.KFold(5));

        return Math.Abs(ab.Lower + ba.Upper) < 1e-9 && (double.IsNaN(ab.PValue) || Math.Abs(ab.PValue - ba.PValue) < 1e-12);
    }

    private static double[] Values(JsonElement c, string key) => [.. c.GetProperty(key).EnumerateArray().Select(v => v.GetDouble())];

    private static ResamplingDesign Design(JsonElement c) => c.GetProperty("design").GetString() == "kfold"
        ? ResamplingDesign.KFold(c.GetProperty("folds").GetInt32())
        : ResamplingDesign.TrainTest(c.GetProperty("test_rows").GetInt32(), c.GetProperty("train_rows").GetInt32());

    private static void AssertMatches(JsonElement expected, CorrectedTInterval actual)
    {
        Assert.Equal(expected.GetProperty("mean").GetDouble(), actual.Mean, 1e-12);
        Assert.Equal(expected.GetProperty("standard_error").GetDouble(), actual.StandardError, 1e-12);
        Assert.Equal(expected.GetProperty("degrees_of_freedom").GetInt32(), actual.DegreesOfFreedom);
        Assert.Equal(expected.GetProperty("quantile").GetDouble(), actual.Quantile, 1e-8); // MathNet's t distribution agrees with scipy to about 1e-8.
        Assert.Equal(expected.GetProperty("lower").GetDouble(), actual.Lower, 1e-8);
        Assert.Equal(expected.GetProperty("upper").GetDouble(), actual.Upper, 1e-8);
        var p = expected.GetProperty("p_value");
        if (p.ValueKind == JsonValueKind.Null)
        {
            Assert.True(double.IsNaN(actual.PValue), $"p-value should be undefined, was {actual.PValue}");
            Assert.True(double.IsNaN(actual.TStatistic));
        }
        else
        {
            Assert.Equal(expected.GetProperty("t_statistic").GetDouble(), actual.TStatistic, 1e-8 * Math.Max(1, Math.Abs(actual.TStatistic)));
            Assert.True(Math.Abs(p.GetDouble() - actual.PValue) <= (1e-6 * p.GetDouble()) + 1e-14, $"p-value {actual.PValue}, expected {p.GetDouble()}");
        }
    }
}
