using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using ClassicalML.Scenarios.ReproducibleSplits;
using ClassicalML.Scenarios.Testing;

namespace ClassicalML.Scenarios.ReproducibleSplits.Tests;

/// <summary>Every claim reaches holds, partly holds and does not hold (and inconclusive where its criterion can) on constructed measurements.</summary>
public sealed class ReproducibleSplitsReachability : ReachabilitySuite<ReproducibleSplitsScenario>
{
    private static readonly Count Twenty = new(20, 20);

    private static double[] Around(double value, double spread, int count = 40) =>
        [.. Enumerable.Range(0, count).Select(i => value + (i % 2 == 0 ? spread : -spread))];

    internal static MechanismMeasurements Mechanism(Count exact, Count reordered, double[] testInCommon, double[] testWasTraining) =>
        new(1000, 63000, [790, 810, 800], [100, 95, 105], [110, 95, 95], exact, reordered, testInCommon, testWasTraining, Around(0.8, 0.01), new Count(0, 39));

    internal static PairMeasurements Pair(Interval gap, Interval increase, Interval ratio) =>
        new("really different pair", "a single tree", new double[200], new double[200], gap,
            new Interval(0.03, 0.01, 0.05, 0.95, "test"), new Interval(0.12, 0.09, 0.15, 0.95, "test"), increase, new Interval(0.05, 0.045, 0.055, 0.95, "test"), new Interval(0.07, 0.065, 0.075, 0.95, "test"), ratio, 0);

    private static readonly SideCounts SeededMoves = new("seeded get_splits", new Count(359, 1000), new Count(335, 900), new Count(0, 800));
    private static readonly SideCounts KeepsAll = new("hash", new Count(0, 1000), new Count(0, 900), new Count(0, 800));

    internal static readonly Measurements AllHold = new(
        Mechanism: Mechanism(new Count(95, 100), new Count(95, 100), Around(0.1, 0.02), Around(0.8, 0.02)),
        Different: Pair(new Interval(0.07, 0.06, 0.08, 0.95, "test"), new Interval(0.08, 0.05, 0.12, 0.95, "test"), new Interval(1.35, 1.24, 1.5, 0.95, "test")),
        Tied: Pair(new Interval(0.001, -0.005, 0.007, 0.95, "test"), new Interval(0.01, -0.03, 0.05, 0.95, "test"), new Interval(1.8, 1.6, 2.0, 0.95, "test")) with { Case = "practically tied pair" },
        Seeds: new SeedDemonstrations(new SeedCheck("numbers", Twenty, Twenty, (1, "a", "a", "b")), new SeedCheck("get_splits", Twenty, Twenty, (1, "a", "a", "b")),
            new SeedCheck("shuffle", Twenty, Twenty, (1, "a", "a", "b"))),
        SeededGetSplits: KeepsAll with { Procedure = "seeded get_splits" },
        ContentHash: KeepsAll,
        SingleThreadRetrains: new Count(6, 6),
        SingleThreadMaxDifference: 0);

    private static ReachabilityCase Case(Claim claim, Verdict expected, string label, Measurements m) => new(claim, expected, label, () => Judging.Judge(m));

    protected override IEnumerable<ReachabilityCase> Cases()
    {
        var mech = AllHold.Mechanism;
        var d = AllHold.Different;
        var seeds = AllHold.Seeds;
        var nineteen = new Count(19, 20);
        (Claim Claim, Func<SeedCheck, SeedDemonstrations> Set)[] demonstrations =
        [
            (Judging.SeedDeterminesNumbers, c => seeds with { Numbers = c }),
            (Judging.SeedRepeatsSplit, c => seeds with { GetSplits = c }),
            (Judging.RandomStateRepeats, c => seeds with { ShuffleAndCut = c }),
        ];
        foreach (var (claim, set) in demonstrations)
        {
            var check = new SeedCheck("x", Twenty, Twenty, (1, "a", "a", "b"));
            yield return Case(claim, Verdict.Holds, "every seed repeats, every next seed differs", AllHold with { Seeds = set(check) });
            yield return Case(claim, Verdict.PartlyHolds, "two seeds collide", AllHold with { Seeds = set(check with { OtherSeedDifferent = nineteen }) });
            yield return Case(claim, Verdict.DoesNotHold, "one seed does not repeat", AllHold with { Seeds = set(check with { SameSeedIdentical = nineteen }) });
        }

        var order = Judging.RandOrdersData;
        yield return Case(order, Verdict.Holds, "exact sizes and reordered rows in most calls", AllHold);
        yield return Case(order, Verdict.PartlyHolds, "exact sizes, file order kept", AllHold with { Mechanism = mech with { ReorderedCalls = new Count(0, 100) } });
        yield return Case(order, Verdict.DoesNotHold, "sizes vary and file order kept (a mask)", AllHold with { Mechanism = mech with { ExactSizeCalls = new Count(2, 100), ReorderedCalls = new Count(0, 100) } });
        yield return Case(order, Verdict.Inconclusive, "half the calls exact", AllHold with { Mechanism = mech with { ExactSizeCalls = new Count(50, 100) } });

        var rerun = Judging.RerunGivesOtherRows;
        yield return Case(rerun, Verdict.Holds, "few test rows in common, most were training rows", AllHold);
        yield return Case(rerun, Verdict.PartlyHolds, "few in common, few were training rows", AllHold with { Mechanism = mech with { TestWasTraining = Around(0.2, 0.02) } });
        yield return Case(rerun, Verdict.DoesNotHold, "most in common, few were training rows",
            AllHold with { Mechanism = mech with { TestInCommon = Around(0.9, 0.02), TestWasTraining = Around(0.05, 0.01) } });
        yield return Case(rerun, Verdict.Inconclusive, "share in common straddles one half", AllHold with { Mechanism = mech with { TestInCommon = Around(0.5, 0.2) } });

        var flips = Judging.RankingFlips;
        yield return Case(flips, Verdict.Holds, "increase above 0.02", AllHold);
        yield return Case(flips, Verdict.PartlyHolds, "increase between 0 and 0.02", AllHold with { Different = d with { FlipIncrease = new Interval(0.01, 0.005, 0.015, 0.95, "test") } });
        yield return Case(flips, Verdict.DoesNotHold, "fewer flips with own splits", AllHold with { Different = d with { FlipIncrease = new Interval(-0.03, -0.05, -0.01, 0.95, "test") } });
        yield return Case(flips, Verdict.Inconclusive, "increase interval straddles 0 and 0.02", AllHold with { Different = d with { FlipIncrease = new Interval(0.02, -0.01, 0.05, 0.95, "test") } });
        yield return Case(flips, Verdict.Inconclusive, "ranking not established", AllHold with { Different = d with { Gap = new Interval(0.005, -0.01, 0.02, 0.95, "test") } });

        var noise = Judging.NoisierComparison;
        yield return Case(noise, Verdict.Holds, "SD ratio above 1.1", AllHold);
        yield return Case(noise, Verdict.PartlyHolds, "SD ratio between 1 and 1.1", AllHold with { Different = d with { SdRatio = new Interval(1.05, 1.02, 1.08, 0.95, "test") } });
        yield return Case(noise, Verdict.DoesNotHold, "SD ratio below 1", AllHold with { Different = d with { SdRatio = new Interval(0.9, 0.8, 0.95, 0.95, "test") } });
        yield return Case(noise, Verdict.Inconclusive, "SD ratio interval contains 1 and 1.1", AllHold with { Different = d with { SdRatio = new Interval(1.1, 0.95, 1.3, 0.95, "test") } });

        var keeps = Judging.SeedKeepsSampling;
        yield return Case(keeps, Verdict.Holds, "no row moved under any change", AllHold);
        yield return Case(keeps, Verdict.PartlyHolds, "rows kept on appending only", AllHold with { SeededGetSplits = SeededMoves });
        yield return Case(keeps, Verdict.DoesNotHold, "rows moved under every change", AllHold with { SeededGetSplits = SeededMoves with { Appended = new Count(250, 800) } });

        var hash = Judging.HashSplitStable;
        yield return Case(hash, Verdict.Holds, "hash keeps all, seeded get_splits moves some", AllHold with { SeededGetSplits = SeededMoves });
        yield return Case(hash, Verdict.PartlyHolds, "neither moves a row", AllHold);
        yield return Case(hash, Verdict.DoesNotHold, "hash moved rows", AllHold with { SeededGetSplits = SeededMoves, ContentHash = KeepsAll with { Reordered = new Count(3, 1000) } });

        var training = Judging.SeededTrainingReproducible;
        yield return Case(training, Verdict.Holds, "all retrains bit-identical", AllHold);
        yield return Case(training, Verdict.PartlyHolds, "rounding-level differences", AllHold with { SingleThreadRetrains = new Count(5, 6), SingleThreadMaxDifference = 1e-12 });
        yield return Case(training, Verdict.DoesNotHold, "a different model", AllHold with { SingleThreadRetrains = new Count(5, 6), SingleThreadMaxDifference = 0.1 });
        yield return Case(training, Verdict.DoesNotHold, "NaN difference", AllHold with { SingleThreadMaxDifference = double.NaN });
    }
}
