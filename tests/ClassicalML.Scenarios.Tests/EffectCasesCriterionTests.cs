using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.Tests;

public class EffectCasesCriterionTests
{
    // Per case: holds above 0.01, does not hold at or below 0.01 (no weaker form).
    private static readonly EffectCasesCriterion Each = new("gain", Direction.Greater, holdsAt: 0.01, partlyAt: 0.01, cases: "remedies", replicates: "test rows");

    // Per case: holds above 0, partly between -0.05 and 0, does not hold at or below -0.05; every case must at least partly hold.
    private static readonly EffectCasesCriterion Every = new("gap", Direction.Greater, holdsAt: 0, partlyAt: -0.05, cases: "data sets", holdsShare: 1, partlyShare: 1);

    private static readonly Interval Up = new(0.05, 0.03, 0.07, 0.95, "test");
    private static readonly Interval Down = new(-0.02, -0.03, 0, 0.95, "test");
    private static readonly Interval Straddle = new(0.01, -0.01, 0.03, 0.95, "test");

    private static EffectCase Case(string label, Interval e) => new(label, e, 100);

    [Fact]
    public void Evaluate_EveryCaseHolds_Holds() =>
        Assert.Equal(Verdict.Holds, Each.Evaluate([Case("a", Up), Case("b", Up)]).Verdict);

    [Fact]
    public void Evaluate_NoCaseHolds_DoesNotHold() =>
        Assert.Equal(Verdict.DoesNotHold, Each.Evaluate([Case("a", Down), Case("b", Down)]).Verdict);

    [Fact]
    public void Evaluate_SomeHoldSomeFail_PartlyHoldsWhateverTheUndecidedCasesDo() =>
        Assert.Equal(Verdict.PartlyHolds, Each.Evaluate([Case("a", Up), Case("b", Down), Case("c", Straddle)]).Verdict);

    [Fact]
    public void Evaluate_UndecidedCaseCouldMakeOneHold_InconclusiveAndSaysWhatWouldDecide()
    {
        var j = Each.Evaluate([Case("a", Down), Case("b", Straddle)]);
        Assert.Equal(Verdict.Inconclusive, j.Verdict);
        Assert.Equal(
            "the undecided cases leave the claim between does not hold and partly holds; 2 cases judged — does not hold (1): a -0.02 [-0.03, 0] | inconclusive (1): b 0.01 [-0.01, 0.03] over 100 test rows: the interval contains 0.01, so the data cannot decide between holds and does not hold; the point estimate sits on 0.01: no feasible number of test rows decides it",
            j.Evidence);
    }

    [Fact]
    public void Evaluate_AllHoldButOneUndecided_InconclusiveBetweenPartlyAndHolds() =>
        Assert.StartsWith("the undecided cases leave the claim between partly holds and holds",
            Each.Evaluate([Case("a", Up), Case("b", Straddle)]).Evidence, StringComparison.Ordinal);

    [Theory]
    [InlineData(0.02, 0.01, 0.03, 0.01, 0.005, 0.02, Verdict.Holds)]
    [InlineData(0.02, 0.01, 0.03, -0.02, -0.04, -0.01, Verdict.PartlyHolds)]
    [InlineData(0.02, 0.01, 0.03, -0.2, -0.3, -0.1, Verdict.DoesNotHold)]
    [InlineData(-0.02, -0.04, -0.01, -0.03, -0.04, -0.02, Verdict.PartlyHolds)]
    [InlineData(0.02, 0.01, 0.03, -0.05, -0.08, -0.02, Verdict.Inconclusive)]
    public void Evaluate_EveryCaseMustAtLeastPartlyHold_WeakestCaseDecides(double v1, double l1, double u1, double v2, double l2, double u2, Verdict expected) =>
        Assert.Equal(expected, Every.Evaluate([Case("x", new(v1, l1, u1, 0.95, "test")), Case("y", new(v2, l2, u2, 0.95, "test"))]).Verdict);

    [Fact]
    public void Evaluate_ExcludedCases_ListedButNotJudged()
    {
        var j = Each.Evaluate([Case("a", Up), Case("b", Down) with { ExcludedBecause = "plain precision undefined" }]);
        Assert.Equal(Verdict.Holds, j.Verdict);
        Assert.EndsWith("; excluded, not judged: b (plain precision undefined)", j.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EveryCaseExcluded_Inconclusive() =>
        Assert.Equal(Verdict.Inconclusive, Each.Evaluate([Case("a", Up) with { ExcludedBecause = "x" }]).Verdict);

    [Fact]
    public void Evaluate_UndefinedCase_Undecided() =>
        Assert.Equal(Verdict.Inconclusive, Each.Evaluate([Case("a", Up), Case("b", new Interval(double.NaN, double.NaN, double.NaN, 0.95, "test"))]).Verdict);

    [Fact]
    public void Description_StatesTheCaseRuleAndTheAggregation()
    {
        Assert.StartsWith("for each of the remedies, gain: holds if the whole 95% interval lies above 0.01;", Each.Description, StringComparison.Ordinal);
        Assert.EndsWith("the claim holds if every case holds, partly holds if at least one case at least partly holds, and does not hold otherwise; it is inconclusive if the cases the data cannot decide could change that", Each.Description, StringComparison.Ordinal);
        Assert.Contains("partly holds if at least 100% of the cases at least partly hold", Every.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.5, 0.0)]
    [InlineData(0.8, 0.9)]
    public void Constructor_BadShares_Throw(double holdsShare, double partlyShare) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EffectCasesCriterion("g", Direction.Greater, 0, 0, "cases", holdsShare, partlyShare));

    public static TheoryData<Direction, double, double> Rules() => new()
    {
        { Direction.Greater, 0.1, 0 },
        { Direction.Greater, 0.1, 0.1 },
        { Direction.Less, 0, 0.1 },
        { Direction.Less, 0.05, 0.05 },
    };

    // With holdsShare 1 and partlyShare 0 the verdict must be the one every resolution of the undecided cases gives
    // (all hold: holds; all fail: does not hold; otherwise partly holds), and inconclusive when resolutions disagree.
    // The resolutions are enumerated by brute force: a case can take the verdict EffectCriterion gives some point of its interval.
    [Theory]
    [MemberData(nameof(Rules))]
    public void Evaluate_EveryCaseRule_IsTheVerdictOfEveryResolutionOfTheUndecidedCases(Direction direction, double holdsAt, double partlyAt)
    {
        var rule = new EffectCasesCriterion("d", direction, holdsAt, partlyAt, "cases", holdsShare: 1, partlyShare: 0);
        var point = new EffectCriterion("d", direction, holdsAt, partlyAt);
        double[] ends = [-0.1, 0, 0.05, 0.1, 0.2];
        var intervals = (from l in ends from u in ends where l <= u select new Interval((l + u) / 2, l, u, 0.95, "test")).Append(new Interval(double.NaN, double.NaN, double.NaN, 0.95, "test")).ToList();
        Verdict[] Reachable(Interval e) => e.IsUndefined
            ? [Verdict.Holds, Verdict.PartlyHolds, Verdict.DoesNotHold]
            : [.. new[] { e.Lower, e.Upper, holdsAt, partlyAt }.Where(x => x >= e.Lower && x <= e.Upper)
                .Select(x => point.Evaluate(new Interval(x, x, x, 0.95, "test"), 1).Verdict).Distinct()];
        static Verdict Combined(IReadOnlyList<Verdict> v) =>
            v.All(x => x == Verdict.Holds) ? Verdict.Holds : v.All(x => x == Verdict.DoesNotHold) ? Verdict.DoesNotHold : Verdict.PartlyHolds;

        int compared = 0;
        foreach (var a in intervals)
        {
            foreach (var b in intervals)
            {
                foreach (var cases in new[] { new[] { a }, new[] { a, b } })
                {
                    var outcomes = cases.Select(Reachable).Aggregate(new[] { Array.Empty<Verdict>() }.AsEnumerable(), (acc, r) => acc.SelectMany(p => r.Select(v => p.Append(v).ToArray())))
                        .Select(Combined).Distinct().ToList();
                    var expected = outcomes.Count == 1 ? outcomes[0] : Verdict.Inconclusive;
                    var actual = rule.Evaluate([.. cases.Select((e, i) => new EffectCase($"c{i}", e, 10))]).Verdict;
                    Assert.True(expected == actual, $"cases {string.Join(", ", cases.Select(Numbers.Format))}: expected {expected.ToText()}, got {actual.ToText()}");
                    compared++;
                }
            }
        }

        Assert.True(compared > 500);
    }
}
