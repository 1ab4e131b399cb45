using ClassicalML.Scenarios;

namespace StratifiedCv.Tests;

public sealed class JudgingTests
{
    private static readonly Estimate Below = new(0.5, 0.4, 0.6);
    private static readonly Estimate Straddling = new(0.9, 0.7, 1.1);
    private static readonly Estimate Above = new(2.0, 1.5, 2.5);

    private static Measurements Make(
        CaseEstimate[]? classRatio = null,
        EmptyFoldCounts? empty = null,
        CaseEstimate[]? foldSpread = null,
        CaseEstimate[]? estimateSpread = null,
        CaseEstimate[]? mlnet = null,
        (int, int)? labelKey = null,
        CaseEstimate[]? attribute = null) => new()
        {
            ClassRatio = classRatio ?? [new("a", Below)],
            EmptyFolds = empty ?? new EmptyFoldCounts("small", 0, 100, 10, 100),
            FoldSpread = foldSpread ?? [new("a", Below)],
            EstimateSpread = estimateSpread ?? [new("a", Below)],
            MlNetDeviation = mlnet ?? [new("a", Above)],
            LabelKey = labelKey ?? (10, 10),
            Attribute = attribute ?? [new("a", Below)],
        };

    private static Verdict VerdictOf(Measurements m, Claim claim) => Judging.Judge(m).Single(r => r.Claim == claim).Verdict;

    public static TheoryData<string, Verdict> BelowOneCases() => new()
    {
        { "clear", Verdict.Holds },
        { "one-clear", Verdict.PartlyHolds },
        { "points-only", Verdict.PartlyHolds },
        { "none", Verdict.DoesNotHold },
        { "nan", Verdict.DoesNotHold },
    };

    private static CaseEstimate[] BelowOne(string kind) => kind switch
    {
        "clear" => [new("a", Below), new("b", Below)],
        "one-clear" => [new("a", Below), new("b", Above)],
        "points-only" => [new("a", Straddling), new("b", Straddling)],
        "none" => [new("a", Above), new("b", new Estimate(1.05, 0.9, 1.2))],
        _ => [new("a", new Estimate(double.NaN, double.NaN, double.NaN))],
    };

    [Theory]
    [MemberData(nameof(BelowOneCases))]
    public void Judge_ClassRatio_FollowsIntervals(string kind, Verdict expected) =>
        Assert.Equal(expected, VerdictOf(Make(classRatio: BelowOne(kind)), Judging.KeepsClassRatio));

    [Theory]
    [MemberData(nameof(BelowOneCases))]
    public void Judge_FoldSpread_FollowsIntervals(string kind, Verdict expected) =>
        Assert.Equal(expected, VerdictOf(Make(foldSpread: BelowOne(kind)), Judging.LowerFoldSpread));

    [Theory]
    [MemberData(nameof(BelowOneCases))]
    public void Judge_EstimateSpread_FollowsIntervals(string kind, Verdict expected) =>
        Assert.Equal(expected, VerdictOf(Make(estimateSpread: BelowOne(kind)), Judging.LowerEstimateVariance));

    [Theory]
    [MemberData(nameof(BelowOneCases))]
    public void Judge_Attribute_FollowsIntervals(string kind, Verdict expected) =>
        Assert.Equal(expected, VerdictOf(Make(attribute: BelowOne(kind)), Judging.StratifyByDistribution));

    [Theory]
    [InlineData(2.0, 1.5, 2.5, Verdict.Holds)]
    [InlineData(1.1, 0.9, 1.3, Verdict.PartlyHolds)]
    [InlineData(0.9, 0.8, 1.0, Verdict.DoesNotHold)]
    public void Judge_MlNetDeviation_ClaimsAboveOne(double value, double lower, double upper, Verdict expected) =>
        Assert.Equal(expected, VerdictOf(Make(mlnet: [new("a", new Estimate(value, lower, upper))]), Judging.MlNetNotStratified));

    [Theory]
    [InlineData(0, 1000, 92, 1000, Verdict.Holds)]
    [InlineData(0, 1000, 2, 1000, Verdict.PartlyHolds)]
    [InlineData(0, 1000, 0, 1000, Verdict.DoesNotHold)]
    [InlineData(3, 1000, 92, 1000, Verdict.DoesNotHold)]
    public void Judge_EmptyFolds_NeedsNoneStratifiedAndMaterialPlain(int strat, int stratFolds, int plain, int plainFolds, Verdict expected) =>
        Assert.Equal(expected, VerdictOf(Make(empty: new EmptyFoldCounts("small", strat, stratFolds, plain, plainFolds)), Judging.EveryFoldHasMinority));

    [Theory]
    [InlineData(36, 36, Verdict.Holds)]
    [InlineData(20, 36, Verdict.PartlyHolds)]
    [InlineData(3, 36, Verdict.DoesNotHold)]
    public void Judge_LabelKey_CountsGroupedSplits(int grouped, int total, Verdict expected) =>
        Assert.Equal(expected, VerdictOf(Make(labelKey: (grouped, total)), Judging.SamplingKeyGroups));

    [Fact]
    public void Judge_AllClaims_InDeclaredOrderWithCriterionAndEvidence()
    {
        var results = Judging.Judge(Make());
        Assert.Equal(Judging.All, results.Select(r => r.Claim));
        Assert.All(results, r => Assert.False(string.IsNullOrWhiteSpace(r.Judgement.Evidence)));
        Assert.Equal(Judging.All, new StratifiedCvScenario().Claims);
    }

    [Fact]
    public void AllCasesCriterion_Evidence_ListsEveryCase()
    {
        var judgement = new AllCasesCriterion("ratio", Direction.Less, 1).Evaluate([new("a", Below), new("b", Straddling)]);
        Assert.Equal("ratio: a 0.5 [0.4, 0.6]; b 0.9 [0.7, 1.1] (1 of 2 intervals wholly below 1, 2 point estimates below)", judgement.Evidence);
        Assert.Equal(Verdict.PartlyHolds, judgement.Verdict);
    }

    [Fact]
    public void AllCasesCriterion_NoCase_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new AllCasesCriterion("ratio", Direction.Less, 1).Evaluate(Array.Empty<CaseEstimate>()));
        Assert.StartsWith("input has no case; measure at least one case before judging.", e.Message);
    }
}
