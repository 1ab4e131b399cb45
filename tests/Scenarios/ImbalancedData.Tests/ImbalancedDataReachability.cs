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
    }

    protected override IEnumerable<ImpossibleVerdict> Impossible() =>
    [
        new(Judging.MajorityPrecision, Verdict.Holds, "holds and partly holds cannot occur"),
        new(Judging.MajorityPrecision, Verdict.PartlyHolds, "holds and partly holds cannot occur"),
    ];

    private static Measurements With(Claim claim, Measurements m, IReadOnlyList<EffectCase> cases) =>
        claim == Judging.ResamplingHelps ? m with { Resampling = cases } : m with { Augmentation = cases };
}
