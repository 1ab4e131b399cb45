using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using ClassicalML.Scenarios.OneHotVsLabel;

namespace ClassicalML.Scenarios.OneHotVsLabel.Tests;

public class JudgingTests
{
    private static Interval E(double value, double lower, double upper) => new(value, lower, upper, 0.95, "test");

    internal static readonly LabelPenalty GoodPenalty = new(E(0.05, 0.02, 0.09), E(0.0, -0.02, 0.02), E(0.05, 0.01, 0.09), 1000);
    internal static readonly OrdinalComparison GoodOrdinal = new(E(0.005, -0.002, 0.012), 47, 61, 1000);

    internal static readonly SizeGrowth GoodGrowth = new(
        [new SizePoint(10, 13, 520, 800), new SizePoint(10000, 10003, 400120, 800000)],
        [new SizePoint(10, 4, 160, 320), new SizePoint(10000, 4, 160, 320)]);

    internal static readonly HighCardinalityComparison GoodHigh = new(10000,
        E(-0.002, -0.006, 0.002), E(0.001, -0.004, 0.006), E(0.05, 0.04, 0.06), E(-0.001, -0.002, 0), E(-0.001, -0.002, 0), 2772, 4, 1027, 8000);

    private static Verdict VerdictOf(Measurements m, int claim) => Judging.Judge(m).Single(r => r.Claim == new OneHotVsLabelScenario().Claims[claim]).Verdict;

    /// <summary>The feature contributes 0.05 AUC; label encoding loses 0.002 of it (4%).</summary>
    internal static CardinalityCase Large(string model, double loss, double lower, double upper, double contribution = 0.05) =>
        new(10000, model, E(loss, lower, upper), E(contribution, contribution - 0.01, contribution + 0.01), 8000);

    internal static Measurements Good => new(GoodPenalty, GoodOrdinal, GoodGrowth, GoodHigh, [Large("logistic regression", -0.002, -0.004, 0), Large("FastTree", 0.001, -0.003, 0.005)]);

    [Fact]
    public void Judge_AllClaims_OneResultPerClaimInOrder()
    {
        var results = Judging.Judge(Good);
        Assert.Equal(new OneHotVsLabelScenario().Claims, results.Select(r => r.Claim));
        Assert.All(results, r => Assert.Equal(Verdict.Holds, r.Verdict));
    }

    [Theory]
    [InlineData(0.05, 0.02, 0.08, 0.05, 0.01, Verdict.Holds)]
    [InlineData(0.05, 0.02, 0.08, 0.05, -0.01, Verdict.Inconclusive)]
    [InlineData(0.05, 0.02, 0.08, -0.05, -0.09, Verdict.PartlyHolds)]
    [InlineData(0.005, 0.001, 0.009, 0.05, 0.01, Verdict.PartlyHolds)]
    [InlineData(0.05, 0.005, 0.09, 0.05, 0.01, Verdict.Inconclusive)]
    [InlineData(-0.02, -0.06, -0.01, 0.05, 0.01, Verdict.DoesNotHold)]
    public void LabelPenalty_ConstructedGaps_ExpectedVerdict(double gap, double gapLower, double gapUpper, double difference, double differenceLower, Verdict expected)
    {
        var penalty = new LabelPenalty(E(gap, gapLower, gapUpper), E(0, -0.02, 0.02), E(difference, differenceLower, difference + 0.04), 1000);
        Assert.Equal(expected, VerdictOf(Good with { Penalty = penalty }, 0));
    }

    [Fact]
    public void LabelPenalty_NaN_Inconclusive() =>
        Assert.Equal(Verdict.Inconclusive, VerdictOf(Good with { Penalty = GoodPenalty with { LogisticGap = E(double.NaN, double.NaN, double.NaN) } }, 0));

    [Theory]
    [InlineData(0.005, -0.002, 47, 61, Verdict.Holds)]
    [InlineData(-0.02, -0.025, 47, 61, Verdict.PartlyHolds)]
    [InlineData(-0.005, -0.02, 47, 61, Verdict.Inconclusive)]
    [InlineData(-0.05, -0.07, 47, 61, Verdict.DoesNotHold)]
    [InlineData(0.005, -0.002, 61, 61, Verdict.DoesNotHold)]
    public void Ordinal_ConstructedDifference_ExpectedVerdict(double value, double lower, int ordinalFeatures, int oneHotFeatures, Verdict expected)
    {
        var ordinal = new OrdinalComparison(E(value, lower, value + 0.01), ordinalFeatures, oneHotFeatures, 1000);
        Assert.Equal(expected, VerdictOf(Good with { Ordinal = ordinal }, 1));
    }

    [Fact]
    public void Growth_SparseMemoryFlat_PartlyHolds()
    {
        var growth = GoodGrowth with { OneHot = [new SizePoint(10, 13, 520, 320), new SizePoint(10000, 2772, 110880, 320)] };
        var result = Judging.Judge(Good with { Growth = growth })[2];
        Assert.Equal(Verdict.PartlyHolds, result.Verdict);
        Assert.Contains("its sparse memory does not", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Growth_LabelGrowsToo_DoesNotHold()
    {
        var growth = GoodGrowth with { Label = [new SizePoint(10, 4, 160, 320), new SizePoint(10000, 40, 1600, 3200)] };
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(Good with { Growth = growth }, 2));
    }

    [Fact]
    public void Growth_OneHotFlat_DoesNotHold()
    {
        var growth = GoodGrowth with { OneHot = [new SizePoint(10, 13, 520, 320), new SizePoint(10000, 14, 560, 320)] };
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(Good with { Growth = growth }, 2));
    }

    [Theory]
    [InlineData(-0.002, -0.004, 0, Verdict.Holds)]
    [InlineData(-0.015, -0.02, -0.01, Verdict.PartlyHolds)]
    [InlineData(-0.05, -0.06, -0.04, Verdict.DoesNotHold)]
    [InlineData(-0.005, -0.01, 0, Verdict.Inconclusive)]
    public void RuleOfThumb_LossRelativeToTheContribution_ExpectedVerdict(double loss, double lower, double upper, Verdict expected) =>
        Assert.Equal(expected, Judging.JudgeManyLevels([Large("FastTree", loss, lower, upper)]).Verdict);

    [Fact]
    public void RuleOfThumb_FeatureDoesNotMatter_LeftOut()
    {
        var result = Judging.JudgeManyLevels([Large("logistic regression", -0.05, -0.06, -0.04, contribution: 0.005), Large("FastTree", -0.002, -0.004, 0)]);
        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.Contains("left out, the feature does not matter there: 10000 levels, logistic regression", result.Judgement.Evidence, StringComparison.Ordinal);
        Assert.Equal(Verdict.Inconclusive, Judging.JudgeManyLevels([Large("FastTree", -0.05, -0.06, -0.04, contribution: 0.005)]).Verdict);
    }

    [Fact]
    public void GrowthExponent_ProportionalAndFlat_OneAndZero()
    {
        SizePoint[] proportional = [new(10, 10, 40, 80), new(1000, 1000, 4000, 8000)];
        Assert.Equal(1.0, Judging.GrowthExponent(proportional, p => p.Features), 12);
        SizePoint[] flat = [new(10, 4, 16, 32), new(1000, 4, 16, 32)];
        Assert.Equal(0.0, Judging.GrowthExponent(flat, p => p.DenseBytes), 12);
        SizePoint[] squareRoot = [new(100, 10, 40, 80), new(10000, 100, 400, 800)];
        Assert.Equal(0.5, Judging.GrowthExponent(squareRoot, p => p.Features), 12);
    }

    [Fact]
    public void GrowthExponent_OnePoint_NaN() =>
        Assert.True(double.IsNaN(Judging.GrowthExponent([new SizePoint(10, 13, 52, 32)], p => p.Features)));
}
