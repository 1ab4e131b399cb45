using ClassicalML.Evaluation;
using ClassicalML.Scenarios.Testing;

namespace ClassicalML.Scenarios.BaggingVsBoosting.Tests;

/// <summary>Every claim of bagging-vs-boosting reaches each verdict on constructed evidence (two data sets each).</summary>
public sealed class BaggingVsBoostingReachability : ReachabilitySuite<BaggingVsBoostingScenario>
{
    private static ReachabilityCase Case(Claim claim, Verdict expected, string label, Func<DatasetEvidence, DatasetEvidence> second) =>
        new(claim, expected, label, () => Judging.Judge([Evidence.Holding("a"), second(Evidence.Holding("b"))]));

    private static ReachabilityCase Both(Claim claim, Verdict expected, string label, Func<DatasetEvidence, DatasetEvidence> change) =>
        new(claim, expected, label, () => Judging.Judge([change(Evidence.Holding("a")), change(Evidence.Holding("b"))]));

    private static readonly Interval Rises = new(0.1, 0.05, 0.15, 0.95, "test");
    private static readonly Interval Straddles = new(-0.01, -0.05, 0.03, 0.95, "test");

    protected override IEnumerable<ReachabilityCase> Cases()
    {
        var weak = BaggingVsBoostingScenario.WeakLearnersCombine;
        var variance = BaggingVsBoostingScenario.BaggingCutsVariance;
        var bias = BaggingVsBoostingScenario.BoostingCutsBias;
        var diversity = BaggingVsBoostingScenario.DiversityMatters;
        var voting = BaggingVsBoostingScenario.DifferentAlgorithms;
        var noise = BaggingVsBoostingScenario.BoostingNoiseSensitive;
        var oob = BaggingVsBoostingScenario.OutOfBagTracksTest;
        return
        [
            Both(weak, Verdict.Holds, "bagged and boosted stumps both cut the error by 10 points", e => e),
            Both(weak, Verdict.PartlyHolds, "bagged stumps gain nothing", e => e with { BaggedStumpGain = new Interval(-0.005, -0.01, -0.001, 0.95, "test") }),
            Both(weak, Verdict.DoesNotHold, "no ensemble of stumps gains", e => e with { BaggedStumpGain = new Interval(-0.005, -0.01, -0.001, 0.95, "test"), BoostedStumpGain = new Interval(-0.005, -0.01, -0.001, 0.95, "test") }),
            Both(weak, Verdict.Inconclusive, "bagged stumps' gain straddles 0.05", e => e with { BaggedStumpGain = new Interval(0.047, 0.017, 0.077, 0.95, "test") }),
            Both(weak, Verdict.Inconclusive, "bagged stumps gain 0 or 9 points, split by split (corrected t over 8 splits straddles 0 and 0.05)",
                e => e with { BaggedStumpGain = Repetitions.OverRepetitions([0, 0.09, 0, 0.09, 0, 0.09, 0, 0.09], true, 600, 4601) }),
            Both(weak, Verdict.Holds, "both gain 10 points or more in every independent draw (t over draws)",
                e => e with { BaggedStumpGain = Repetitions.OverRepetitions([0.1, 0.12, 0.11, 0.13, 0.1, 0.12], false, 600, 1200) }),

            Both(variance, Verdict.Holds, "variance cut by 80%, bias² within 20%", e => e),
            Both(variance, Verdict.PartlyHolds, "variance cut by 10% only", e => e with { VarianceChange = new Interval(-0.1, -0.15, -0.05, 0.95, "test") }),
            Both(variance, Verdict.DoesNotHold, "variance rises", e => e with { VarianceChange = Rises }),
            Both(variance, Verdict.Inconclusive, "variance change straddles 0", e => e with { VarianceChange = Straddles }),

            Both(bias, Verdict.Holds, "bias² cut by 60%", e => e),
            Case(bias, Verdict.PartlyHolds, "cut on one data set, risen on the other", e => e with { BoostingBiasChange = Rises }),
            Both(bias, Verdict.DoesNotHold, "bias² rises", e => e with { BoostingBiasChange = Rises }),
            Both(bias, Verdict.Inconclusive, "change straddles 0", e => e with { BoostingBiasChange = Straddles }),

            Both(diversity, Verdict.Holds, "gain falls monotonically with the error correlation, identical members gain nothing", e => e),
            Both(diversity, Verdict.PartlyHolds, "trend negative but not monotone", e => e with { DiversityTrend = new Interval(-0.5, -0.6, -0.1, 0.95, "test") }),
            Both(diversity, Verdict.PartlyHolds, "monotone trend, but identical members gain too", e => e with { IdenticalGain = 0.01 }),
            Both(diversity, Verdict.DoesNotHold, "gain rises with the error correlation", e => e with { DiversityTrend = new Interval(0.8, 0.4, 1, 0.95, "test") }),
            Both(diversity, Verdict.Inconclusive, "trend interval straddles -0.7", e => e with { DiversityTrend = new Interval(-0.8, -1, -0.4, 0.95, "test") }),

            Both(voting, Verdict.Holds, "the vote beats the best member", e => e),
            Both(voting, Verdict.PartlyHolds, "the vote beats the average member only", e => e with { VoteVsBest = new Interval(-0.02, -0.03, -0.01, 0.95, "test") }),
            Both(voting, Verdict.DoesNotHold, "the vote is no better than the average member", e => e with { VoteVsBest = new Interval(-0.05, -0.07, -0.03, 0.95, "test"), VoteVsMean = new Interval(-0.02, -0.03, -0.01, 0.95, "test") }),
            Both(voting, Verdict.Inconclusive, "vote against best member straddles 0", e => e with { VoteVsBest = Straddles }),

            Both(noise, Verdict.Holds, "both boosting algorithms lose more at both tree sizes, AdaBoost's weight piles on the flipped rows", e => e),
            Both(noise, Verdict.PartlyHolds, "boosting loses 1 point more", e => e with { NoiseDamage = [(2, new Interval(0.01, 0.005, 0.015, 0.95, "test"))], AdaBoostNoiseDamage = [(2, new Interval(0.01, 0.005, 0.015, 0.95, "test"))] }),
            Both(noise, Verdict.PartlyHolds, "gradient boosting loses more, AdaBoost less", e => e with { AdaBoostNoiseDamage = [(2, new Interval(-0.08, -0.13, -0.04, 0.95, "test"))] }),
            Both(noise, Verdict.PartlyHolds, "sensitive, but AdaBoost's weight avoids the flipped rows", e => e with { AdaBoostFocus = [(2, new Interval(0.8, 0.7, 0.9, 0.95, "test"))] }),
            Both(noise, Verdict.DoesNotHold, "both boosting algorithms lose less", e => e with { NoiseDamage = [(2, new Interval(-0.08, -0.13, -0.04, 0.95, "test"))], AdaBoostNoiseDamage = [(2, new Interval(-0.08, -0.13, -0.04, 0.95, "test"))] }),
            Both(noise, Verdict.Inconclusive, "damage straddles 0", e => e with { NoiseDamage = [(2, Straddles)], AdaBoostNoiseDamage = [(2, Straddles)] }),
            Both(noise, Verdict.Inconclusive, "AdaBoost's extra damage varies from draw to draw across 0.02 (t over 8 draws)",
                e => e with { AdaBoostNoiseDamage = [(2, Repetitions.OverRepetitions([0.04, 0.0, 0.07, 0.01, 0.02, 0.05, -0.01, 0.03], false, 600, 1200))] }),
            Both(noise, Verdict.DoesNotHold, "boosting loses no more than bagging in any split (corrected t over 8 splits)",
                e => e with { NoiseDamage = [(2, Repetitions.OverRepetitions([-0.05, -0.06, -0.04, -0.05, -0.07, -0.05, -0.06, -0.04], true, 600, 4601))], AdaBoostNoiseDamage = [(2, Repetitions.OverRepetitions([-0.05, -0.06, -0.04, -0.05, -0.07, -0.05, -0.06, -0.04], true, 600, 4601))] }),
            Both(noise, Verdict.Inconclusive, "sensitive, but the weight concentration straddles 1", e => e with { AdaBoostFocus = [(2, new Interval(1.02, 0.9, 1.15, 0.95, "test"))] }),

            Both(oob, Verdict.Holds, "inside ±0.03", e => e),
            Case(oob, Verdict.PartlyHolds, "tracks on one data set only", e => e with { OutOfBagMinusTest = new Interval(0.06, 0.04, 0.08, 0.95, "test") }),
            Both(oob, Verdict.DoesNotHold, "beyond 0.03", e => e with { OutOfBagMinusTest = new Interval(0.06, 0.04, 0.08, 0.95, "test") }),
            Both(oob, Verdict.Inconclusive, "interval wider than the margin", e => e with { OutOfBagMinusTest = new Interval(0.01, -0.025, 0.045, 0.95, "test"), OutOfBagTestRows = 600 }),
        ];
    }
}
