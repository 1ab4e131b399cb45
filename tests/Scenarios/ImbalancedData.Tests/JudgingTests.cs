namespace ClassicalML.Scenarios.ImbalancedData.Tests;

public sealed class JudgingTests
{
    private static readonly Estimate Zero = new(0, -0.01, 0.01);

    private static DatasetNumbers Data(
        string name = "a",
        double prevalence = 0.1,
        BaselineNumbers? baseline = null,
        IReadOnlyList<ModelNumbers>? models = null,
        IReadOnlyList<RemedyNumbers>? remedies = null,
        RangeNumbers? ranges = null,
        Estimate? d = null,
        Estimate? s = null) =>
        new(name, prevalence,
            baseline ?? new BaselineNumbers(1 - prevalence, 0, double.NaN, 1 - prevalence),
            models ?? [new ModelNumbers("m", 0.95, 0.6)],
            remedies ?? [],
            ranges ?? new RangeNumbers(0.01, 0.01, 0.01),
            d ?? Zero,
            s ?? new Estimate(1, 0.5, 1.5));

    private static LeakNumbers Leak(Estimate leakyReported, Estimate leakyTest, Estimate? properReported = null, Estimate? properTest = null) =>
        new("a", "ROS", leakyReported, leakyTest, properReported ?? new Estimate(0.8, 0.7, 0.9), properTest ?? new Estimate(0.78, 0.7, 0.86));

    private static Verdict VerdictOf(Claim claim, IReadOnlyList<DatasetNumbers> data, IReadOnlyList<LeakNumbers>? leaks = null) =>
        Judging.Judge(data, leaks ?? [Leak(new Estimate(0.8, 0.7, 0.9), new Estimate(0.8, 0.7, 0.9))]).Single(c => c.Claim == claim).Verdict;

    [Fact]
    public void Judge_AnyInput_JudgesEveryClaimOnceInOrder()
    {
        var results = Judging.Judge([Data()], [Leak(new Estimate(1, 1, 1), new Estimate(0.8, 0.7, 0.9))]);
        Assert.Equal(Judging.All, results.Select(r => r.Claim));
    }

    [Theory]
    [InlineData(0.85, Verdict.Holds)]
    [InlineData(0.93, Verdict.PartlyHolds)]
    [InlineData(0.99, Verdict.DoesNotHold)]
    public void AccuracyMisleading_ModelAccuracy_GivesVerdict(double usefulModelAccuracy, Verdict expected)
    {
        var data = Data(prevalence: 0.1, models: [new ModelNumbers("useful", usefulModelAccuracy, 0.8), new ModelNumbers("weak", 0.5, 0.1)]);
        Assert.Equal(expected, VerdictOf(Judging.AccuracyMisleading, [data, data with { Name = "b" }]));
    }

    [Fact]
    public void AccuracyMisleading_UsefulModelBelowBaselineOnOneDataSetOnly_PartlyHolds()
    {
        var ranked = Data(models: [new ModelNumbers("useful", 0.85, 0.8)]);
        var close = Data(name: "b", models: [new ModelNumbers("useful", 0.93, 0.8)]);
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(Judging.AccuracyMisleading, [ranked, close]));
    }

    [Fact]
    public void MajorityPrecision_PrecisionEqualsOneMinusPrevalence_Holds()
    {
        var data = Data(prevalence: 0.02, baseline: new BaselineNumbers(0.98, 0, 0.98, 0.98));
        Assert.Equal(Verdict.Holds, VerdictOf(Judging.MajorityPrecision, [data]));
    }

    [Fact]
    public void MajorityPrecision_MatchesOnOneDataSetOnly_PartlyHolds()
    {
        var match = Data(prevalence: 0.02, baseline: new BaselineNumbers(0.98, 0, 0.975, 0.98));
        var undefined = Data(name: "b", prevalence: 0.1);
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(Judging.MajorityPrecision, [match, undefined]));
    }

    [Fact]
    public void MajorityPrecision_PrecisionUndefined_DoesNotHoldAndEvidenceNamesAccuracy()
    {
        var result = Judging.Judge([Data(prevalence: 0.1)], [Leak(new Estimate(1, 1, 1), new Estimate(0.8, 0.7, 0.9))])
            .Single(c => c.Claim == Judging.MajorityPrecision);
        Assert.Equal(Verdict.DoesNotHold, result.Verdict);
        Assert.Equal(
            "a: 1 − prevalence = 0.9; precision undefined (no predicted positives, tp + fp = 0); accuracy 0.9; precision of the majority class 0.9",
            result.Judgement.Evidence);
    }

    [Theory]
    [InlineData(5, Verdict.Holds)]
    [InlineData(3, Verdict.PartlyHolds)]
    [InlineData(1, Verdict.DoesNotHold)]
    public void RebalancingTradesPrecision_TradingRemedies_GivesVerdict(int trading, Verdict expected)
    {
        var remedies = Enumerable.Range(0, 5).Select(i => i < trading
            ? new RemedyNumbers($"r{i}", "p", true, new Estimate(0.2, 0.1, 0.3), new Estimate(-0.1, -0.2, -0.05), Zero)
            : new RemedyNumbers($"r{i}", "p", true, new Estimate(0.2, 0.1, 0.3), new Estimate(0.1, 0.05, 0.2), Zero))
            .Append(new RemedyNumbers("thr", "p", false, new Estimate(0.2, 0.1, 0.3), new Estimate(-0.1, -0.2, -0.05), Zero))
            .ToList();
        Assert.Equal(expected, VerdictOf(Judging.RebalancingTradesPrecision, [Data(remedies: remedies)]));
    }

    [Theory]
    [InlineData(0.2, 0.1, Verdict.Holds)]
    [InlineData(0.03, 0.05, Verdict.PartlyHolds)]
    [InlineData(0.01, 0.5, Verdict.DoesNotHold)]
    public void RocAucStable_RangesAgainstRocRange_GivesVerdict(double recallRange, double f1Range, Verdict expected)
    {
        var data = Data(ranges: new RangeNumbers(0.01, recallRange, f1Range));
        Assert.Equal(expected, VerdictOf(Judging.RocAucStable, [data, data with { Name = "b", Ranges = new RangeNumbers(0.001, 0.5, 0.5) }]));
    }

    [Fact]
    public void RangeNumbers_RocAucConstant_RatioIsInfinite() =>
        Assert.Equal(double.PositiveInfinity, new RangeNumbers(0, 0.1, 0.2).Ratio);

    [Fact]
    public void PrAucMoreInformative_SpreadAboveOneAndLargestAtLowestPrevalence_Holds()
    {
        var common = Data(prevalence: 0.1, d: new Estimate(0.3, 0.2, 0.4), s: new Estimate(3, 2, 4));
        var rare = Data(name: "b", prevalence: 0.04, d: new Estimate(0.2, 0.1, 0.3), s: new Estimate(10, 5, 15));
        Assert.Equal(Verdict.Holds, VerdictOf(Judging.PrAucMoreInformative, [common, rare]));
    }

    [Fact]
    public void PrAucMoreInformative_SpreadLargestAtHigherPrevalence_PartlyHolds()
    {
        var common = Data(prevalence: 0.1, d: new Estimate(0.3, 0.2, 0.4), s: new Estimate(12, 8, 16));
        var rare = Data(name: "b", prevalence: 0.04, d: new Estimate(0.2, 0.1, 0.3), s: new Estimate(10, 5, 15));
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(Judging.PrAucMoreInformative, [common, rare]));
    }

    [Fact]
    public void PrAucMoreInformative_IntervalsReachTheirBounds_DoesNotHold()
    {
        var common = Data(prevalence: 0.1, d: new Estimate(0.05, -0.02, 0.1), s: new Estimate(1.5, 0.8, 2));
        var rare = Data(name: "b", prevalence: 0.04, d: new Estimate(0.05, -0.01, 0.1), s: new Estimate(2, 0.9, 3));
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(Judging.PrAucMoreInformative, [common, rare]));
    }

    [Fact]
    public void LeakBeforeSplit_LeakyReportAboveTestAndProperHonest_Holds() =>
        Assert.Equal(Verdict.Holds, VerdictOf(Judging.LeakBeforeSplit, [Data()], [Leak(new Estimate(1, 0.99, 1), new Estimate(0.8, 0.7, 0.9))]));

    [Fact]
    public void LeakBeforeSplit_ProperProtocolAlsoInflated_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(Judging.LeakBeforeSplit, [Data()],
            [Leak(new Estimate(1, 0.99, 1), new Estimate(0.8, 0.7, 0.9), new Estimate(0.97, 0.95, 0.99), new Estimate(0.8, 0.7, 0.9))]));

    [Fact]
    public void LeakBeforeSplit_IntervalsOverlap_PartlyHolds() =>
        Assert.Equal(Verdict.PartlyHolds, VerdictOf(Judging.LeakBeforeSplit, [Data()], [Leak(new Estimate(0.85, 0.75, 0.95), new Estimate(0.8, 0.7, 0.9))]));

    [Fact]
    public void LeakBeforeSplit_ReportedBelowTest_DoesNotHold() =>
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(Judging.LeakBeforeSplit, [Data()], [Leak(new Estimate(0.7, 0.6, 0.8), new Estimate(0.8, 0.7, 0.9))]));

    [Theory]
    [InlineData(4, Verdict.Holds)]
    [InlineData(3, Verdict.PartlyHolds)]
    [InlineData(1, Verdict.DoesNotHold)]
    public void RemediesImproveF1_BetterRemedies_GivesVerdict(int better, Verdict expected)
    {
        var remedies = Enumerable.Range(0, 5).Select(i => new RemedyNumbers($"r{i}", "p", i % 2 == 0, Zero, Zero,
            i < better ? new Estimate(0.1, 0.05, 0.15) : new Estimate(0.01, -0.02, 0.04))).ToList();
        Assert.Equal(expected, VerdictOf(Judging.RemediesImproveF1, [Data(remedies: remedies)]));
    }
}
