using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.BaggingVsBoosting.Tests;

public sealed class RepetitionTests
{
    [Fact]
    public void OverRepetitions_IndependentDraws_PlainTInterval()
    {
        // mean 2.5, s² = 5/3, t(0.975; 3) = 3.182446 (scipy.stats.t): 2.5 ± 3.182446 · sqrt(5/3 / 4).
        var interval = Repetitions.OverRepetitions([1, 2, 3, 4], splitsOfOneSet: false, testRows: 600, poolRows: 4601);
        Assert.Equal(2.5, interval.Estimate, 12);
        Assert.Equal(0.445739743239121, interval.Lower, 9);
        Assert.Equal(4.5542602567608785, interval.Upper, 9);
    }

    [Fact]
    public void OverRepetitions_SplitsOfOneSet_CorrectedWithTestRowsOverTheRestOfThePool()
    {
        // Nadeau–Bengio with ρ = 600/4601: se = sqrt((1/4 + 600/4001) · 5/3) (scipy, by hand).
        var interval = Repetitions.OverRepetitions([1, 2, 3, 4], splitsOfOneSet: true, testRows: 600, poolRows: 4601);
        Assert.Equal(2.5, interval.Estimate, 12);
        Assert.Equal(-0.09833475219055554, interval.Lower, 9);
        Assert.Equal(5.0983347521905555, interval.Upper, 9);
        Assert.Equal(CorrectedTInterval.MethodName, interval.Method);
    }

    [Fact]
    public void OverRepetitions_UndefinedValueOrOneRepetition_Undefined()
    {
        Assert.True(Repetitions.OverRepetitions([0.1, double.NaN, 0.2], false, 600, 4601).IsUndefined);
        Assert.True(Repetitions.OverRepetitions([0.1], false, 600, 4601).IsUndefined);
    }

    [Fact]
    public void Measure_OneOrTwoAtOnce_BitIdentical()
    {
        var quick = new BaggingVsBoostingScenario().QuickSettings with { Repetitions = 3, NoiseRepetitions = 2 };
        var serial = Repetitions.Measure(quick with { Parallelism = 1 }, NullProgressReporter.Instance);
        var parallel = Repetitions.Measure(quick with { Parallelism = 2 }, NullProgressReporter.Instance);
        Assert.Equal(2, serial.Count);
        for (var d = 0; d < serial.Count; d++)
        {
            Assert.Equal(3, serial[d].Runs.Count);
            Assert.Equal(2, serial[d].NoiseRuns);
            for (var r = 0; r < 3; r++)
            {
                var (a, b) = (serial[d].Runs[r], parallel[d].Runs[r]);
                Assert.Equal(a.StumpError, b.StumpError);
                Assert.Equal(a.BaggedClean, b.BaggedClean);
                Assert.Equal(a.BoostedClean, b.BoostedClean);
                Assert.Equal(a.BaggedNoisy, b.BaggedNoisy);
                Assert.Equal(a.BoostedNoisy, b.BoostedNoisy);
                Assert.Equal(a.AdaClean, b.AdaClean);
                Assert.Equal(a.AdaNoisy, b.AdaNoisy);
                Assert.Equal(a.WeightShare, b.WeightShare);
            }

            // The repetitions differ from one another: fresh splits or draws, not one split reused.
            Assert.NotEqual(serial[d].Runs[0].StumpError, serial[d].Runs[1].StumpError);
            Assert.Empty(serial[d].Runs[2].AdaNoisy); // beyond NoiseRepetitions only the weak-learner part runs
        }
    }
}
