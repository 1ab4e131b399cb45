using ClassicalML.Scenarios.Testing;
using static ClassicalML.Scenarios.ImbalancedData.Tests.Evidence;

namespace ClassicalML.Scenarios.ImbalancedData.Tests;

/// <summary>Every claim reaches holds, partly holds, does not hold and inconclusive on constructed measurements; the
/// correction of the answer's "precision of 98%" cannot hold or partly hold, and its criterion says so.</summary>
public sealed class ImbalancedDataReachability : ReachabilitySuite<ImbalancedDataScenario>
{
    private static ReachabilityCase Reach(Claim claim, Verdict expected, string label, Func<Measurements, Measurements> change) =>
        new(claim, expected, label, () => Judging.Judge(change(Holding())));

    protected override IEnumerable<ReachabilityCase> Cases()
    {
        // Accuracy: holds above 0, partly within 0.05 below, does not hold further below; every data set must at least partly hold.
        yield return Reach(Judging.AccuracyMisleading, Verdict.Holds, "accuracy ranks a useful model below the baseline on both data sets", m => m);
        yield return Reach(Judging.AccuracyMisleading, Verdict.PartlyHolds, "the useful model is ahead by less than 0.05", m => m with { Accuracy = Effects((0.04, 0.03, 0.05), (-0.02, -0.03, -0.01)) });
        yield return Reach(Judging.AccuracyMisleading, Verdict.DoesNotHold, "accuracy clearly separates on one data set", m => m with { Accuracy = Effects((0.04, 0.03, 0.05), (-0.1, -0.12, -0.08)) });
        yield return Reach(Judging.AccuracyMisleading, Verdict.Inconclusive, "an interval contains 0", m => m with { Accuracy = Effects((0, -0.01, 0.01)) });

        yield return Reach(Judging.MajorityPrecision, Verdict.DoesNotHold, "the always-negative model predicts no positive", m => m);
        yield return Reach(Judging.MajorityPrecision, Verdict.Inconclusive, "a baseline predicted positives", m => m with { Baselines = [Baseline("a"), Baseline("b", 5)] });

        foreach (var claim in new[] { Judging.ResamplingHelps, Judging.AugmentationHelps })
        {
            yield return Reach(claim, Verdict.Holds, "every case gains more than 0.01", m => m);
            yield return Reach(claim, Verdict.PartlyHolds, "two of three cases gain", m => With(claim, m, Effects((0.05, 0.03, 0.07), (0.05, 0.03, 0.07), (-0.02, -0.03, 0))));
            yield return Reach(claim, Verdict.DoesNotHold, "no case gains 0.01", m => With(claim, m, Effects((-0.02, -0.03, 0), (0.002, -0.005, 0.008))));
            yield return Reach(claim, Verdict.Inconclusive, "an undecided case could make half hold", m => With(claim, m, Effects((-0.02, -0.03, 0), (0.01, -0.01, 0.03))));
        }

        yield return Reach(Judging.RebalancingTradesPrecision, Verdict.Holds, "recall up and precision down everywhere", m => m);
        yield return Reach(Judging.RebalancingTradesPrecision, Verdict.PartlyHolds, "three of five cases trade", m => m with { TradeOff = Effects((0.2, 0.1, 0.3), (0.2, 0.1, 0.3), (0.2, 0.1, 0.3), (-0.1, -0.2, -0.05), (-0.1, -0.2, -0.05)) });
        yield return Reach(Judging.RebalancingTradesPrecision, Verdict.DoesNotHold, "precision rises with recall", m => m with { TradeOff = Effects((-0.1, -0.2, -0.05), (-0.1, -0.2, -0.05)) });
        yield return Reach(Judging.RebalancingTradesPrecision, Verdict.Inconclusive, "two of five undecided", m => m with { TradeOff = Effects((0.2, 0.1, 0.3), (0.2, 0.1, 0.3), (0.2, 0.1, 0.3), (0.1, -0.1, 0.3), (0.1, -0.1, 0.3)) });

        yield return Reach(Judging.RocAucStable, Verdict.Holds, "r above 5 everywhere", m => m);
        yield return Reach(Judging.RocAucStable, Verdict.PartlyHolds, "r between 2 and 5", m => m with { RocStability = Effects((10, 7, 13), (3, 2.5, 4)) });
        yield return Reach(Judging.RocAucStable, Verdict.DoesNotHold, "r below 2 in one case", m => m with { RocStability = Effects((10, 7, 13), (1, 0.5, 1.5)) });
        yield return Reach(Judging.RocAucStable, Verdict.Inconclusive, "r's interval contains 5", m => m with { RocStability = Effects((5, 4, 6)) });

        yield return Reach(Judging.PrAucMoreInformative, Verdict.Holds, "S above 1 on both data sets", m => m);
        yield return Reach(Judging.PrAucMoreInformative, Verdict.PartlyHolds, "S above 1 on one data set", m => m with { PrSpread = Effects((2, 1.5, 2.5), (0.8, 0.7, 0.9)) });
        yield return Reach(Judging.PrAucMoreInformative, Verdict.DoesNotHold, "S below 1 everywhere", m => m with { PrSpread = Effects((0.8, 0.7, 0.9), (0.9, 0.8, 0.95)) });
        yield return Reach(Judging.PrAucMoreInformative, Verdict.Inconclusive, "one below 1, one undecided", m => m with { PrSpread = Effects((0.8, 0.7, 0.9), (1.1, 0.9, 1.3)) });

        yield return Reach(Judging.LeakBeforeSplit, Verdict.Holds, "the leaky protocol over-reports everywhere", m => m);
        yield return Reach(Judging.LeakBeforeSplit, Verdict.PartlyHolds, "it over-reports in one case", m => m with { Leak = Effects((0.2, 0.15, 0.25), (-0.01, -0.03, -0.005)) });
        yield return Reach(Judging.LeakBeforeSplit, Verdict.DoesNotHold, "no inflation anywhere", m => m with { Leak = Effects((-0.01, -0.03, -0.005)) });
        yield return Reach(Judging.LeakBeforeSplit, Verdict.Inconclusive, "one none, one undecided", m => m with { Leak = Effects((-0.01, -0.03, -0.005), (0.01, -0.02, 0.04)) });

        // The same verdicts from per-split values through the scenario's mean and corrected resampled t interval.
        double[] gain = [0.05, 0.06, 0.055, 0.052], none = [-0.02, -0.03, -0.025, -0.021], straddle = [0.03, -0.02, 0.01, 0.0];
        yield return Reach(Judging.AccuracyMisleading, Verdict.Holds, "over splits: above 0 on every split", m => m with { Accuracy = SplitEffects(gain, gain) });
        yield return Reach(Judging.AccuracyMisleading, Verdict.PartlyHolds, "over splits: within 0.05 below 0", m => m with { Accuracy = SplitEffects(gain, none) });
        yield return Reach(Judging.AccuracyMisleading, Verdict.Inconclusive, "over splits: the splits scatter across 0", m => m with { Accuracy = SplitEffects(straddle) });
        foreach (var claim in new[] { Judging.ResamplingHelps, Judging.AugmentationHelps })
        {
            yield return Reach(claim, Verdict.Holds, "over splits: every case gains", m => With(claim, m, SplitEffects(gain, gain)));
            yield return Reach(claim, Verdict.DoesNotHold, "over splits: no case gains", m => With(claim, m, SplitEffects(none, none)));
            yield return Reach(claim, Verdict.Inconclusive, "over splits: one case scatters across 0.01", m => With(claim, m, SplitEffects(gain, straddle)));
        }

        yield return Reach(Judging.RebalancingTradesPrecision, Verdict.Holds, "over splits: trades on the splits where precision is defined",
            m => m with { TradeOff = SplitEffects([0.2, double.NaN, 0.25, 0.22], gain) });
        yield return Reach(Judging.RebalancingTradesPrecision, Verdict.Inconclusive, "over splits: undecided cases",
            m => m with { TradeOff = SplitEffects(gain, straddle, straddle) });
        yield return Reach(Judging.RocAucStable, Verdict.Inconclusive, "over splits: r scatters across 5", m => m with { RocStability = SplitEffects([3, 8, 4, 7]) });
        yield return Reach(Judging.PrAucMoreInformative, Verdict.Holds, "over splits: S above 1", m => m with { PrSpread = SplitEffects([1.5, 1.6, 1.55, 1.52]) });
        yield return Reach(Judging.LeakBeforeSplit, Verdict.Inconclusive, "over splits: one case scatters across 0", m => m with { Leak = SplitEffects(gain, straddle) });
    }

    protected override IEnumerable<ImpossibleVerdict> Impossible() =>
    [
        new(Judging.MajorityPrecision, Verdict.Holds, "holds and partly holds cannot occur"),
        new(Judging.MajorityPrecision, Verdict.PartlyHolds, "holds and partly holds cannot occur"),
    ];

    private static Measurements With(Claim claim, Measurements m, IReadOnlyList<EffectCase> cases) =>
        claim == Judging.ResamplingHelps ? m with { Resampling = cases } : m with { Augmentation = cases };
}
