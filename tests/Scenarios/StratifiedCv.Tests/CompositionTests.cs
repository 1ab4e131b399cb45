using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using ClassicalML.Scenarios;
using FsCheck;
using FsCheck.Fluent;

namespace ClassicalML.Scenarios.StratifiedCv.Tests;

public sealed class CompositionTests
{
    [Fact]
    public void Count_HandMadeFolds_CountsRowsAndFlags()
    {
        int[] fold = [0, 1, 2, 0, 1, 2, 0, 1];
        bool[] flag = [true, false, false, true, true, false, false, false];
        var counts = FoldComposition.Count(fold, flag, 3);
        Assert.Equal([new FoldCount(3, 2), new FoldCount(3, 1), new FoldCount(2, 0)], counts);
    }

    [Fact]
    public void Summarize_HandMadeFolds_DeviationsFromOverallShare()
    {
        // 3 flagged of 8 rows: p = 0.375. Shares 2/3, 1/3, 0/2.
        var s = FoldComposition.Summarize([new FoldCount(3, 2), new FoldCount(3, 1), new FoldCount(2, 0)]);
        double p = 3.0 / 8;
        Assert.Equal(((2.0 / 3 - p) + (p - 1.0 / 3) + p) / 3, s.MeanAbsShareDeviation, 12);
        Assert.Equal(p, s.MaxAbsShareDeviation, 12);
        Assert.Equal(2 - (3 * p), s.MaxAbsCountDeviation, 12);
        Assert.Equal(1, s.FoldsWithoutFlagged);
        Assert.Equal(0, s.FoldsOnlyFlagged);
        Assert.Equal(0, s.EmptyFolds);
        // Training parts: 1/5, 2/5 and 3/6 flagged.
        Assert.Equal((Math.Abs(0.2 - p) + Math.Abs(0.4 - p) + Math.Abs(0.5 - p)) / 3, s.MeanAbsTrainShareDeviation, 12);
    }

    [Fact]
    public void Summarize_GroupedFolds_CountsEmptyAndPureFolds()
    {
        // What ML.NET's samplingKeyColumnName = Label produces: one fold of all negatives, one of all positives, the rest empty.
        var s = FoldComposition.Summarize([new FoldCount(0, 0), new FoldCount(90, 0), new FoldCount(10, 10), new FoldCount(0, 0)]);
        Assert.Equal(2, s.EmptyFolds);
        Assert.Equal(1, s.FoldsWithoutFlagged);
        Assert.Equal(1, s.FoldsOnlyFlagged);
        Assert.Equal(0.9, s.MaxAbsShareDeviation, 12);
        Assert.Equal((0.1 + 0.9) / 2, s.MeanAbsShareDeviation, 12);
    }

    [Fact]
    public void Count_WrongLength_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => FoldComposition.Count([0, 1], [true], 2));
        Assert.StartsWith("foldOfRow has 2 rows but flags has 1; pass one flag per row of the split data.", e.Message);
    }

    [Fact]
    public void Count_FoldOutOfRange_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => FoldComposition.Count([0, 3], [true, false], 2));
        Assert.StartsWith("foldOfRow[1] is 3; fold indices must be in 0..1. Pass the split's TestFoldOfRow.", e.Message);
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Stratified_AnyLabels_CountWithinOneRowOfExpected(PositiveInt seed, NonNegativeInt extra)
    {
        int n = 30 + (extra.Get % 200);
        var rng = new MathNet.Numerics.Random.MersenneTwister(seed.Get);
        bool[] labels = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.1)];
        labels[0] = true;
        labels[1] = false;
        int k = 2 + (seed.Get % 9);
        var counts = FoldComposition.Count(new StratifiedKFold(k, shuffle: true, seed: seed.Get).Split<bool>(labels), labels);
        var s = FoldComposition.Summarize(counts);
        return (s.MaxAbsCountDeviation < 1.0 + 1e-9 && counts.Sum(c => c.Size) == n).ToProperty();
    }

    [Fact]
    public void MeanRatio_EqualInputs_IsOneWithTightInterval()
    {
        double[] v = [1, 2, 3, 4, 5];
        var r = RepetitionStats.MeanRatio(v, v, seed: 1, resamples: 200);
        Assert.Equal((1.0, 1.0, 1.0), (r.Estimate, r.Lower, r.Upper));
    }

    [Fact]
    public void MeanRatio_HalfAsLarge_IsOneHalf()
    {
        double[] a = [1, 2, 3], b = [2, 4, 6];
        var r = RepetitionStats.MeanRatio(a, b, seed: 1, resamples: 200);
        Assert.Equal(0.5, r.Estimate, 12);
        Assert.Equal(0.5, r.Lower, 12);
        Assert.Equal(0.5, r.Upper, 12);
    }

    [Fact]
    public void SdRatio_DoubleSpread_IsTwo()
    {
        double[] a = [0, 2, 4, 6], b = [0, 1, 2, 3];
        var r = RepetitionStats.SdRatio(a, b, seed: 1, resamples: 200);
        Assert.Equal(2, r.Estimate, 12);
        Assert.True(r.Lower <= 2 && r.Upper >= 2);
    }

    [Fact]
    public void MeanRatio_ZeroDenominator_IsUndefined()
    {
        var r = RepetitionStats.MeanRatio([1, 2], [0, 0], seed: 1, resamples: 50);
        Assert.True(r.IsUndefined);
    }

    [Fact]
    public void DefinedSdAndMean_SkipNaN()
    {
        Assert.Equal(2.0, RepetitionStats.DefinedMean([1, double.NaN, 3]), 12);
        Assert.Equal(Math.Sqrt(2), RepetitionStats.DefinedSd([1, double.NaN, 3]), 12);
        Assert.True(double.IsNaN(RepetitionStats.DefinedSd([1, double.NaN])));
    }

    [Fact]
    public void FirstSentence_MultiSentenceMessage_KeepsFirst()
    {
        Assert.Equal("AUC is not defined.", Experiment.FirstSentence("AUC is not defined. More text\nsecond line"));
        Assert.Equal("one line only", Experiment.FirstSentence("one line only\nsecond"));
    }
}
