using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>A count out of a total.</summary>
internal readonly record struct Count(long Hits, long Total)
{
    public double Fraction => (double)Hits / Total;
}

/// <summary>What the answer's get_splits does over many unseeded calls.</summary>
/// <param name="Rows">Rows of the data set.</param>
/// <param name="FirstSeed">Call t ran after <c>np.random.seed(FirstSeed + t)</c>.</param>
/// <param name="TrainSizes">Training rows of each call.</param>
/// <param name="ValidationSizes">Validation rows of each call (the intended mask, see <see cref="AnswerSplit"/>).</param>
/// <param name="TestSizes">Test rows of each call.</param>
/// <param name="ExactSizeCalls">Calls whose parts had exactly 80%, 10% and 10% of the rows, as a shuffle-and-cut always has.</param>
/// <param name="ReorderedCalls">Calls in which some part's rows were not in file order.</param>
/// <param name="TestInCommon">Per pair of consecutive calls (A, B): share of B's test rows also in A's test set.</param>
/// <param name="TestWasTraining">Per pair: share of B's test rows that were A's training rows.</param>
/// <param name="TrainInCommon">Per pair: share of B's training rows that were also A's training rows.</param>
/// <param name="IdenticalTrainPairs">Pairs whose training sets were identical.</param>
internal sealed record MechanismMeasurements(
    int Rows,
    int FirstSeed,
    int[] TrainSizes,
    int[] ValidationSizes,
    int[] TestSizes,
    Count ExactSizeCalls,
    Count ReorderedCalls,
    double[] TestInCommon,
    double[] TestWasTraining,
    double[] TrainInCommon,
    Count IdenticalTrainPairs)
{
    public int Calls => TrainSizes.Length;

    public Interval TestShareInCommon => Stats.MeanWithInterval(TestInCommon);

    public Interval TestShareWasTraining => Stats.MeanWithInterval(TestWasTraining);

    public Interval TrainShareInCommon => Stats.MeanWithInterval(TrainInCommon);
}

/// <summary>Runs the answer's get_splits many times, as unseeded calls would, and measures what it returns.</summary>
internal static class Mechanism
{
    /// <summary>The seed numpy gets before call <paramref name="call"/>: an unseeded call takes an arbitrary seed from the
    /// environment; here call t takes <c>firstSeed + t</c>, so the run repeats and replicate.py can make the same calls.</summary>
    public static int CallSeed(int firstSeed, int call) => checked(firstSeed + call);

    /// <summary>The three parts of one call, rows in the order <c>df[mask]</c> returns them.</summary>
    public static (int[] Train, int[] Validation, int[] Test) Parts(int rows, int seed)
    {
        var sets = AnswerSplit.Call(rows, seed);
        return (AnswerSplit.Rows(sets, SplitSet.Train), AnswerSplit.Rows(sets, SplitSet.Validation), AnswerSplit.Rows(sets, SplitSet.Test));
    }

    public static MechanismMeasurements Measure(int rows, int calls, int firstSeed)
    {
        var parts = new (int[] Train, int[] Validation, int[] Test)[calls];
        int exact = 0, reordered = 0;
        int trainTarget = (int)Math.Round(AnswerSplit.TrainBelow * rows), testTarget = (int)Math.Round((1 - AnswerSplit.TestFrom) * rows);
        for (int t = 0; t < calls; t++)
        {
            parts[t] = Parts(rows, CallSeed(firstSeed, t));
            var (train, validation, test) = parts[t];
            exact += train.Length == trainTarget && test.Length == testTarget && validation.Length == rows - trainTarget - testTarget ? 1 : 0;
            reordered += InFileOrder(train) && InFileOrder(validation) && InFileOrder(test) ? 0 : 1;
        }

        int pairs = calls - 1;
        var testInCommon = new double[pairs];
        var testWasTraining = new double[pairs];
        var trainInCommon = new double[pairs];
        int identical = 0;
        for (int t = 0; t < pairs; t++)
        {
            var (a, b) = (parts[t], parts[t + 1]);
            testInCommon[t] = SplitMeasures.ShareOfSecondIn(a.Test, b.Test);
            testWasTraining[t] = SplitMeasures.ShareOfSecondIn(a.Train, b.Test);
            trainInCommon[t] = SplitMeasures.ShareOfSecondIn(a.Train, b.Train);
            identical += a.Train.AsSpan().SequenceEqual(b.Train) ? 1 : 0;
        }

        return new MechanismMeasurements(rows, firstSeed,
            [.. parts.Select(p => p.Train.Length)], [.. parts.Select(p => p.Validation.Length)], [.. parts.Select(p => p.Test.Length)],
            new Count(exact, calls), new Count(reordered, calls), testInCommon, testWasTraining, trainInCommon, new Count(identical, pairs));
    }

    /// <summary>Whether the row indices ascend, i.e. the rows are in file order.</summary>
    public static bool InFileOrder(IReadOnlyList<int> rows)
    {
        for (int i = 1; i < rows.Count; i++)
        {
            if (rows[i] <= rows[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
