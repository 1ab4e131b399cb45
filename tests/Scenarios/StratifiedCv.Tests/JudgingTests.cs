using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using ClassicalML.Scenarios.Testing;

namespace ClassicalML.Scenarios.StratifiedCv.Tests;

/// <summary>Constructed measurements: every claim gets typical evidence unless a test replaces it.</summary>
internal static class Evidence
{
    public static EffectCase Case(double value, double lower, double upper, int replicates = 40, string name = "a") =>
        new(name, new Interval(value, lower, upper, 0.95, "test"), replicates);

    public static Measurements Make(
        EffectCase[]? classRatio = null,
        EmptyFoldCounts? empty = null,
        EffectCase[]? foldSpread = null,
        EffectCase[]? estimateSpread = null,
        EffectCase[]? trend = null,
        EffectCase? shift = null,
        EffectCase[]? mlnet = null,
        (int, int)? labelKey = null) => new()
        {
            ClassRatio = classRatio ?? [Case(0.1, 0.05, 0.15)],
            EmptyFolds = empty ?? new EmptyFoldCounts("small", 0, 1000, 92, 1000),
            FoldSpread = foldSpread ?? [Case(0.6, 0.5, 0.7)],
            EstimateSpread = estimateSpread ?? [Case(0.6, 0.5, 0.7)],
            Trend = trend ?? [Case(-0.1, -0.15, -0.05, name: "rows"), Case(-0.2, -0.3, -0.1, name: "share")],
            Shift = shift ?? Case(0.06, 0.03, 0.09, 108),
            MlNetDeviation = mlnet ?? [Case(20, 15, 25)],
            LabelKey = labelKey ?? (120, 120),
        };

    public static Func<IReadOnlyList<ClaimResult>> Judge(Measurements m) => () => Judging.Judge(m);
}

public sealed class StratifiedCvReachability : ReachabilitySuite<StratifiedCvScenario>
{
    private static ReachabilityCase Case(Claim claim, Verdict expected, string label, Measurements m) => new(claim, expected, label, Evidence.Judge(m));

    private static IEnumerable<ReachabilityCase> BelowOne(Claim claim, Func<EffectCase[], Measurements> make, double holdsAt) =>
    [
        Case(claim, Verdict.Holds, "every interval below the material ratio", make([Evidence.Case(holdsAt - 0.3, holdsAt - 0.4, holdsAt - 0.2), Evidence.Case(holdsAt / 2, holdsAt / 3, holdsAt - 0.1, name: "b")])),
        Case(claim, Verdict.PartlyHolds, "interval between the material ratio and 1", make([Evidence.Case((holdsAt + 1) / 2, holdsAt + 0.01, 0.99)])),
        Case(claim, Verdict.PartlyHolds, "one case below, one above 1", make([Evidence.Case(holdsAt - 0.3, holdsAt - 0.4, holdsAt - 0.2), Evidence.Case(1.2, 1.05, 1.3, name: "b")])),
        Case(claim, Verdict.DoesNotHold, "interval at or above 1", make([Evidence.Case(1.2, 1.05, 1.3)])),
        Case(claim, Verdict.Inconclusive, "interval straddles the material ratio", make([Evidence.Case(holdsAt, holdsAt - 0.1, holdsAt + 0.05)])),
    ];

    protected override IEnumerable<ReachabilityCase> Cases()
    {
        foreach (var c in BelowOne(Judging.KeepsClassRatio, e => Evidence.Make(classRatio: e), 0.5))
        {
            yield return c;
        }

        foreach (var c in BelowOne(Judging.LowerFoldSpread, e => Evidence.Make(foldSpread: e), 0.9))
        {
            yield return c;
        }

        foreach (var c in BelowOne(Judging.LowerEstimateVariance, e => Evidence.Make(estimateSpread: e), 0.9))
        {
            yield return c;
        }

        var minority = Judging.EveryFoldHasMinority;
        yield return Case(minority, Verdict.Holds, "9% of plain folds empty, none stratified", Evidence.Make(empty: new EmptyFoldCounts("s", 0, 1000, 92, 1000)));
        yield return Case(minority, Verdict.PartlyHolds, "0.3% of plain folds empty", Evidence.Make(empty: new EmptyFoldCounts("s", 0, 10000, 30, 10000)));
        yield return Case(minority, Verdict.DoesNotHold, "a stratified fold lacks the minority", Evidence.Make(empty: new EmptyFoldCounts("s", 3, 1000, 92, 1000)));
        yield return Case(minority, Verdict.DoesNotHold, "no plain fold empty in 10000", Evidence.Make(empty: new EmptyFoldCounts("s", 0, 10000, 0, 10000)));
        yield return Case(minority, Verdict.Inconclusive, "no plain fold empty in 1000", Evidence.Make(empty: new EmptyFoldCounts("s", 0, 1000, 0, 1000)));

        var trend = Judging.SmallerAndImbalancedMatterMore;
        EffectCase Slope(double v, double l, double u) => Evidence.Case(v, l, u, 20);
        yield return Case(trend, Verdict.Holds, "both slopes below 0", Evidence.Make(trend: [Slope(-0.1, -0.15, -0.05), Slope(-0.2, -0.3, -0.1)]));
        yield return Case(trend, Verdict.PartlyHolds, "size slope below 0, imbalance slope above", Evidence.Make(trend: [Slope(-0.1, -0.15, -0.05), Slope(0.2, 0.1, 0.3)]));
        yield return Case(trend, Verdict.DoesNotHold, "both slopes at or above 0", Evidence.Make(trend: [Slope(0.1, 0.05, 0.15), Slope(0.05, 0, 0.1)]));
        yield return Case(trend, Verdict.Inconclusive, "one slope straddles 0, the other below", Evidence.Make(trend: [Slope(-0.02, -0.06, 0.02), Slope(-0.2, -0.3, -0.1)]));

        var shift = Judging.MissingDistributionHurts;
        yield return Case(shift, Verdict.Holds, "excess above 0.02 nats", Evidence.Make(shift: Evidence.Case(0.06, 0.03, 0.09, 108)));
        yield return Case(shift, Verdict.PartlyHolds, "excess between 0 and 0.02", Evidence.Make(shift: Evidence.Case(0.012, 0.005, 0.019, 108)));
        yield return Case(shift, Verdict.DoesNotHold, "excess at or below 0 (a random attribute)", Evidence.Make(shift: Evidence.Case(-0.01, -0.03, 0, 108)));
        yield return Case(shift, Verdict.Inconclusive, "excess straddles 0 and 0.02", Evidence.Make(shift: Evidence.Case(0.01, -0.02, 0.04, 108)));

        var mlnet = Judging.MlNetNotStratified;
        yield return Case(mlnet, Verdict.Holds, "ML.NET strays 20 times as far", Evidence.Make(mlnet: [Evidence.Case(20, 15, 25)]));
        yield return Case(mlnet, Verdict.PartlyHolds, "ML.NET strays 1.5 times as far", Evidence.Make(mlnet: [Evidence.Case(1.5, 1.2, 1.8)]));
        yield return Case(mlnet, Verdict.DoesNotHold, "ML.NET strays no further than stratified", Evidence.Make(mlnet: [Evidence.Case(0.9, 0.8, 1)]));
        yield return Case(mlnet, Verdict.Inconclusive, "interval straddles 2", Evidence.Make(mlnet: [Evidence.Case(2, 1.5, 2.5)]));

        var key = Judging.SamplingKeyGroups;
        yield return Case(key, Verdict.Holds, "every split grouped", Evidence.Make(labelKey: (120, 120)));
        yield return Case(key, Verdict.PartlyHolds, "70% of splits grouped", Evidence.Make(labelKey: (84, 120)));
        yield return Case(key, Verdict.DoesNotHold, "25% of splits grouped", Evidence.Make(labelKey: (30, 120)));
        yield return Case(key, Verdict.Inconclusive, "10 of 10 splits grouped: too few to exclude 90%", Evidence.Make(labelKey: (10, 10)));
    }
}

public sealed class JudgingTests
{
    private static Verdict VerdictOf(Measurements m, Claim claim) => Judging.Judge(m).Single(r => r.Claim == claim).Verdict;

    [Fact]
    public void Judge_AllClaims_InDeclaredOrderWithCriterionAndEvidence()
    {
        var results = Judging.Judge(Evidence.Make());
        Assert.Equal(Judging.All, results.Select(r => r.Claim));
        Assert.All(results, r => Assert.False(string.IsNullOrWhiteSpace(r.Judgement.Evidence)));
        Assert.All(results, r => Assert.Equal(Verdict.Holds, r.Verdict));
        Assert.Equal(Judging.All, new StratifiedCvScenario().Claims);
    }

    [Fact]
    public void Claims_FromTheAnswerQuoteIt_MlNetFactsDoNot()
    {
        Assert.All(new[] { Judging.KeepsClassRatio, Judging.EveryFoldHasMinority, Judging.SmallerAndImbalancedMatterMore, Judging.MissingDistributionHurts },
            c => Assert.NotNull(c.Quote));
        Assert.All(new[] { Judging.MlNetNotStratified, Judging.SamplingKeyGroups }, c => Assert.Null(c.Quote));
    }

    [Fact]
    public void CasesCriterion_Evidence_ListsEveryCaseWithItsVerdict()
    {
        var judgement = new CasesCriterion("ratio", Direction.Less, 0.9, 1, "95% interval", "repetitions")
            .Evaluate([Evidence.Case(0.5, 0.4, 0.6), Evidence.Case(0.9, 0.8, 1.0, name: "b")]);
        Assert.Equal(Verdict.Inconclusive, judgement.Verdict);
        Assert.StartsWith("a: ratio = 0.5 [0.4, 0.6] over 40 repetitions: the interval lies beyond 0.9 (holds); b: ratio = 0.9 [0.8, 1] over 40 repetitions", judgement.Evidence, StringComparison.Ordinal);
        Assert.EndsWith("[2 cases: 1 holds, 0 partly holds, 0 does not hold, 1 inconclusive]", judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void CasesCriterion_UndecidedCaseAmongDisagreeingOnes_StillPartlyHolds()
    {
        var criterion = new CasesCriterion("ratio", Direction.Less, 0.9, 1, "95% interval", "repetitions");
        var judgement = criterion.Evaluate([Evidence.Case(0.5, 0.4, 0.6), Evidence.Case(1.2, 1.1, 1.3, name: "b"), Evidence.Case(0.9, 0.8, 1.0, name: "c")]);
        Assert.Equal(Verdict.PartlyHolds, judgement.Verdict);
    }

    [Fact]
    public void CasesCriterion_UndefinedCase_IsInconclusive()
    {
        var criterion = new CasesCriterion("ratio", Direction.Less, 0.9, 1, "95% interval", "repetitions");
        Assert.Equal(Verdict.Inconclusive, criterion.Evaluate([Evidence.Case(double.NaN, double.NaN, double.NaN)]).Verdict);
    }

    [Fact]
    public void CasesCriterion_NoCase_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new CasesCriterion("ratio", Direction.Less, 0.9, 1, "95% interval", "repetitions").Evaluate(Array.Empty<EffectCase>()));
        Assert.StartsWith("input has no case; measure at least one case before judging.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shift_InconclusiveEvidence_SaysHowManyRowsWouldDecide()
    {
        var result = Judging.Judge(Evidence.Make(shift: Evidence.Case(0.01, -0.02, 0.04, 108))).Single(r => r.Claim == Judging.MissingDistributionHurts);
        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Contains("rows in the group to decide (now 108)", result.Judgement.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFolds_StratifiedLacksMinority_DoesNotHoldWhateverPlainDoes() =>
        Assert.Equal(Verdict.DoesNotHold, VerdictOf(Evidence.Make(empty: new EmptyFoldCounts("s", 1, 1000, 500, 1000)), Judging.EveryFoldHasMinority));
}
