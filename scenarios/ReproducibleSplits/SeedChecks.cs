using ClassicalML.Data;
using ClassicalML.Data.Splits;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>Same seed, same output; the next seed, other output: for one seeded procedure.</summary>
/// <param name="Procedure">What was run, e.g. "np.random.rand(1000)".</param>
/// <param name="SameSeedIdentical">Seeds whose two runs gave the same fingerprint.</param>
/// <param name="OtherSeedDifferent">Seeds whose fingerprint differed from the next checked seed's.</param>
/// <param name="Example">The first seed and its two fingerprints and the next seed's, for the table.</param>
internal sealed record SeedCheck(string Procedure, Count SameSeedIdentical, Count OtherSeedDifferent, (int Seed, string First, string Second, string Next) Example);

/// <summary>The three seeded procedures the answers name: the generator (question 63), get_splits after a seed, and a
/// seeded shuffle-and-cut as scikit-learn's train_test_split(random_state=...) does it (the repository's
/// <see cref="TrainTestSplit"/>). Each is a demonstration: a seeded procedure repeats by construction.</summary>
internal sealed record SeedDemonstrations(SeedCheck Numbers, SeedCheck GetSplits, SeedCheck ShuffleAndCut);

internal static class SeedChecks
{
    public static SeedDemonstrations Measure(int rows, int seedCount, int checkSeed)
    {
        int[] seeds = [.. Enumerable.Range(0, seedCount + 1).Select(i => Seeds.Derive(checkSeed, $"checked seed {i}"))];
        return new SeedDemonstrations(
            Check("np.random.rand(n) after np.random.seed(s)", seeds, s => SplitMeasures.Fingerprint(NumpyRandom.Rand(s, rows))),
            Check("get_splits after np.random.seed(s)", seeds, s => SplitMeasures.Fingerprint(AnswerSplit.Call(rows, s))),
            Check("shuffle and cut 80/10/10 with seed s (train_test_split(random_state=s))", seeds,
                s => SplitMeasures.Fingerprint(TrainTestSplit.Split(rows, AnswerSplit.TestShare, s, AnswerSplit.ValidationShare))));
    }

    private static SeedCheck Check(string procedure, int[] seeds, Func<int, string> fingerprint)
    {
        int count = seeds.Length - 1, same = 0, different = 0;
        var example = (seeds[0], "", "", "");
        for (int i = 0; i < count; i++)
        {
            string first = fingerprint(seeds[i]), second = fingerprint(seeds[i]), next = fingerprint(seeds[i + 1]);
            same += first == second ? 1 : 0;
            different += first != next ? 1 : 0;
            example = i == 0 ? (seeds[0], first, second, next) : example;
        }

        return new SeedCheck(procedure, new Count(same, count), new Count(different, count), example);
    }
}
