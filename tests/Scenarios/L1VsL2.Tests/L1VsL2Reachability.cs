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

    protected override IEnumerable<ReachabilityCase> Cases() =>
    [
        Case(Judging.AvoidsOverfitting, Verdict.Holds, "lower test loss, smaller gap", () => Judging.JudgeOverfitting([O(4.5, 1.8, 7.7, 0.3)])),
        Case(Judging.AvoidsOverfitting, Verdict.PartlyHolds, "lower test loss, wider gap", () => Judging.JudgeOverfitting([O(0.05, 0.01, 0.1, -0.5)])),
        Case(Judging.AvoidsOverfitting, Verdict.DoesNotHold, "regularized worse on test", () => Judging.JudgeOverfitting([O(-0.2, -0.3, -0.1, 0.5)])),
        Case(Judging.AvoidsOverfitting, Verdict.Inconclusive, "test loss difference straddles 0", () => Judging.JudgeOverfitting([O(0.05, -0.1, 0.2, 0.5)])),

        Case(Judging.L1Zeros, Verdict.Holds, "zeros at the tuned λ, all zero on the grid", () => Judging.JudgeL1Zeros([Zeros(3, 100)])),
        Case(Judging.L1Zeros, Verdict.PartlyHolds, "tuned model keeps every feature", () => Judging.JudgeL1Zeros([Zeros(0, 100)])),
        Case(Judging.L1Zeros, Verdict.DoesNotHold, "never all zero", () => Judging.JudgeL1Zeros([Zeros(0, double.NaN)])),

        Case(Judging.L1Recovery, Verdict.Holds, "recall 1, precision 1", () => Judging.JudgeRecovery(new RecoveryMeasure(5, 1, 1, 15, 15))),
        Case(Judging.L1Recovery, Verdict.PartlyHolds, "recall 1, half the noise dropped", () => Judging.JudgeRecovery(new RecoveryMeasure(12, 0.4167, 1, 8, 15))),
        Case(Judging.L1Recovery, Verdict.DoesNotHold, "keeps nearly everything", () => Judging.JudgeRecovery(new RecoveryMeasure(19, 0.2632, 1, 1, 15))),

        Case(Judging.L2Shrinks, Verdict.Holds, "no zero, norm always falls", () => Judging.JudgeL2(new L2ShrinkMeasure(0, 1000, 20, 20))),
        Case(Judging.L2Shrinks, Verdict.PartlyHolds, "a few zeros", () => Judging.JudgeL2(new L2ShrinkMeasure(5, 1000, 20, 20))),
        Case(Judging.L2Shrinks, Verdict.DoesNotHold, "norm rises half the time", () => Judging.JudgeL2(new L2ShrinkMeasure(0, 1000, 10, 20))),

        Case(Judging.DropOrder, Verdict.Holds, "informative always last", () => Judging.JudgeDropOrder([("a", 1), ("graded", 0.97)])),
        Case(Judging.DropOrder, Verdict.PartlyHolds, "weak features dropped out of order", () => Judging.JudgeDropOrder([("a", 1), ("graded", 0.6)])),
        Case(Judging.DropOrder, Verdict.DoesNotHold, "chance", () => Judging.JudgeDropOrder([("a", 0.5), ("graded", 0.5)])),

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
