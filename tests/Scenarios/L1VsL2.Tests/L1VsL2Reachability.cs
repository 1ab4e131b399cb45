using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using ClassicalML.Scenarios.Testing;

namespace ClassicalML.Scenarios.L1VsL2.Tests;

/// <summary>Every claim of l1-vs-l2 reaches each verdict on constructed measurements.</summary>
public sealed class L1VsL2Reachability : ReachabilitySuite<L1VsL2Scenario>
{
    private static ReachabilityCase Case(Claim claim, Verdict expected, string label, Func<ClaimResult> judge) => new(claim, expected, label, () => [judge()]);

    private static L1ZerosMeasure Zeros(int atTuned, double allZero) => new("set", 10, atTuned, 1, allZero);

    private static TunedDifference D(double value, double lower, double upper) => new("set", new Interval(value, lower, upper, 0.95, "test"), 250);

    private static GroupMeasure G(int size, int used, int confirming) => new("group", size, 20, used, confirming, 1, size);

    private static ElasticNetMeasure Net(int pathConfirming, int sparseRefits, int groupConfirming) => new([("a", 20, pathConfirming)], 20, sparseRefits, 40, groupConfirming);

    private static OverfittingMeasure O(double gain, double lower, double upper, double shift) =>
        new("L2", new Interval(gain, lower, upper, 0.95, "test"), new Interval(gain + shift, lower + shift, upper + shift, 0.95, "test"), 52);

    private static Interval Over(double value, double lower, double upper) => new(value, lower, upper, 0.95, "percentile bootstrap over draws");

    private static RecoveryMeasure Rec(double r, double rl, double ru, double p, double pl, double pu) => new(Over(r, rl, ru), Over(p, pl, pu), 40, 0);

    private static DropOrderMeasure Drop(string set, double value, double lower, double upper) => new(set, Over(value, lower, upper), 40);

    protected override IEnumerable<ReachabilityCase> Cases() =>
    [
        Case(Judging.AvoidsOverfitting, Verdict.Holds, "lower test loss, smaller gap", () => Judging.JudgeOverfitting([O(4.5, 1.8, 7.7, 0.3)])),
        Case(Judging.AvoidsOverfitting, Verdict.PartlyHolds, "lower test loss, wider gap", () => Judging.JudgeOverfitting([O(0.05, 0.01, 0.1, -0.5)])),
        Case(Judging.AvoidsOverfitting, Verdict.DoesNotHold, "regularized worse on test", () => Judging.JudgeOverfitting([O(-0.2, -0.3, -0.1, 0.5)])),
        Case(Judging.AvoidsOverfitting, Verdict.Inconclusive, "test loss difference straddles 0", () => Judging.JudgeOverfitting([O(0.05, -0.1, 0.2, 0.5)])),

        Case(Judging.L1Zeros, Verdict.Holds, "zeros at the tuned λ, all zero on the grid", () => Judging.JudgeL1Zeros([Zeros(3, 100)])),
        Case(Judging.L1Zeros, Verdict.PartlyHolds, "tuned model keeps every feature", () => Judging.JudgeL1Zeros([Zeros(0, 100)])),
        Case(Judging.L1Zeros, Verdict.DoesNotHold, "never all zero", () => Judging.JudgeL1Zeros([Zeros(0, double.NaN)])),

        Case(Judging.L1Recovery, Verdict.Holds, "recall and precision high in every draw", () => Judging.JudgeRecovery(Rec(1, 0.97, 1, 0.9, 0.85, 0.95))),
        Case(Judging.L1Recovery, Verdict.PartlyHolds, "all informative kept, half the noise too", () => Judging.JudgeRecovery(Rec(1, 0.97, 1, 0.5, 0.45, 0.56))),
        Case(Judging.L1Recovery, Verdict.DoesNotHold, "keeps nearly everything", () => Judging.JudgeRecovery(Rec(1, 0.97, 1, 0.22, 0.2, 0.24))),
        Case(Judging.L1Recovery, Verdict.Inconclusive, "precision straddles 0.25 (chance)", () => Judging.JudgeRecovery(Rec(1, 0.97, 1, 0.27, 0.22, 0.31))),

        Case(Judging.L2Shrinks, Verdict.Holds, "no zero, norm always falls", () => Judging.JudgeL2(new L2ShrinkMeasure(0, 1000, 20, 20))),
        Case(Judging.L2Shrinks, Verdict.PartlyHolds, "a few zeros", () => Judging.JudgeL2(new L2ShrinkMeasure(5, 1000, 20, 20))),
        Case(Judging.L2Shrinks, Verdict.DoesNotHold, "norm rises half the time", () => Judging.JudgeL2(new L2ShrinkMeasure(0, 1000, 10, 20))),

        Case(Judging.DropOrder, Verdict.Holds, "informative always last", () => Judging.JudgeDropOrder([Drop("a", 0.99, 0.98, 1), Drop("graded", 0.97, 0.96, 0.98)])),
        Case(Judging.DropOrder, Verdict.PartlyHolds, "weak features dropped out of order", () => Judging.JudgeDropOrder([Drop("a", 0.99, 0.98, 1), Drop("graded", 0.6, 0.55, 0.65)])),
        Case(Judging.DropOrder, Verdict.DoesNotHold, "chance", () => Judging.JudgeDropOrder([Drop("a", 0.5, 0.45, 0.55), Drop("graded", 0.5, 0.46, 0.54)])),
        Case(Judging.DropOrder, Verdict.Inconclusive, "both straddle 0.95", () => Judging.JudgeDropOrder([Drop("a", 0.95, 0.93, 0.97), Drop("graded", 0.94, 0.92, 0.96)])),

        Case(Judging.TunedSimilar, Verdict.Holds, "inside ±0.02", () => Judging.JudgeTunedSimilar([D(0.001, -0.005, 0.006)], 0.02)),
        Case(Judging.TunedSimilar, Verdict.PartlyHolds, "one set equivalent, one different",
            () => Judging.JudgeTunedSimilar([D(0.001, -0.005, 0.006), D(0.05, 0.03, 0.07) with { DataSet = "other" }], 0.02)),
        Case(Judging.TunedSimilar, Verdict.DoesNotHold, "beyond 0.02", () => Judging.JudgeTunedSimilar([D(0.05, 0.03, 0.07)], 0.02)),
        Case(Judging.TunedSimilar, Verdict.Inconclusive, "straddles -0.02", () => Judging.JudgeTunedSimilar([D(-0.06, -0.16, 0.04)], 0.02)),

        Case(Judging.Correlated, Verdict.Holds, "one member in every refit", () => Judging.JudgeCorrelated([G(6, 20, 20)])),
        Case(Judging.Correlated, Verdict.PartlyHolds, "one member in half the refits", () => Judging.JudgeCorrelated([G(3, 100, 50) with { Refits = 100 }])),
        Case(Judging.Correlated, Verdict.DoesNotHold, "exact copy split evenly", () => Judging.JudgeCorrelated([G(2, 20, 0)])),
        Case(Judging.Correlated, Verdict.Inconclusive, "five refits use the group", () => Judging.JudgeCorrelated([G(3, 5, 5)])),

        Case(Judging.ElasticNetMixes, Verdict.Holds, "sparse and grouped everywhere", () => Judging.JudgeElasticNet(Net(20, 20, 40))),
        Case(Judging.ElasticNetMixes, Verdict.PartlyHolds, "grouped, never sparse", () => Judging.JudgeElasticNet(Net(0, 0, 40))),
        Case(Judging.ElasticNetMixes, Verdict.DoesNotHold, "neither", () => Judging.JudgeElasticNet(Net(0, 0, 0))),
        Case(Judging.ElasticNetMixes, Verdict.Inconclusive, "sparse in 13 of 20 refits", () => Judging.JudgeElasticNet(Net(20, 13, 40))),
    ];
}
