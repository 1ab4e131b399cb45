using ClassicalML.Data.Resampling;

namespace ClassicalML.Data.Tests.Resampling;

/// <summary>One contract suite over every sampler, as imbalanced-learn's estimator checks.</summary>
public class SamplerContractTests
{
    public static TheoryData<string> Samplers => ["over", "over-smoothed", "under", "smote"];

    private static Sampler Create(string name, int seed, SamplingStrategy? strategy = null) => name switch
    {
        "over" => new RandomOverSampler(seed, strategy),
        "over-smoothed" => new RandomOverSampler(seed, strategy) { Shrinkage = 0.5 },
        "under" => new RandomUnderSampler(seed, strategy),
        _ => new Smote(seed, 5, strategy),
    };

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Resample_Fold_UsesOnlyTrainingRowsAndBalancesClasses(string name)
    {
        var (y, x, folds) = ResamplingData.Imbalanced();
        var fold = folds.Folds[1];
        var result = Create(name, 3).Resample<bool>(fold, y, x);
        var train = fold.TrainIndices.ToHashSet();
        Assert.All(result.Rows, r => Assert.Contains(r.SourceIndex, train));
        Assert.All(result.Rows, r => Assert.True(r.NeighbourIndex is null || train.Contains(r.NeighbourIndex.Value)));
        Assert.All(result.Rows, r => Assert.Equal(y[r.SourceIndex], r.Label));
        Assert.Equal(result.CountsAfter[true], result.CountsAfter[false]);
        Assert.Equal(train.Count(i => y[i]), result.CountsBefore[true]);
        Assert.Equal(result.Rows.Length, result.Labels().Length);
        Assert.Equal(result.Rows.Length, result.Features().Length);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Resample_CopiedRows_CarryTheSourceFeatures(string name)
    {
        var (y, x, folds) = ResamplingData.Imbalanced();
        var result = Create(name, 4).Resample<bool>(folds.Folds[0], y, x);
        Assert.All(result.Rows.Where(r => !r.IsSynthetic), r => Assert.Equal(x[r.SourceIndex], r.Features.ToArray()));
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Resample_SameSeed_IdenticalRows_DifferentSeed_DifferentRows(string name)
    {
        var (y, x, folds) = ResamplingData.Imbalanced();
        static string Fingerprint(ResampleResult<bool> r) =>
            string.Join(";", r.Rows.Select(row => FormattableString.Invariant($"{row.SourceIndex},{row.NeighbourIndex},{row.Gap:R},{string.Join(",", row.Features.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}")));
        var a = Fingerprint(Create(name, 10).Resample<bool>(folds.Folds[2], y, x));
        var b = Fingerprint(Create(name, 10).Resample<bool>(folds.Folds[2], y, x));
        var c = Fingerprint(Create(name, 11).Resample<bool>(folds.Folds[2], y, x));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Resample_TrainIndicesOverlappingHeldOut_Throws(string name)
    {
        var (y, x, folds) = ResamplingData.Imbalanced();
        var fold = folds.Folds[0];
        int[] train = [.. fold.TrainIndices, fold.TestIndices[2]];
        var ex = Assert.Throws<ArgumentException>(() => Create(name, 0).Resample<bool>(train, fold.TestIndices.AsSpan(), y, x));
        Assert.Equal($"indices[{train.Length - 1}] = {fold.TestIndices[2]} is also a held-out (test or validation) row; resampling it would leak held-out data into training. Pass only training rows, e.g. fold.TrainIndices. (Parameter 'indices')", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Resample_OneClass_Throws(string name)
    {
        string[] y = ["a", "a", "a", "a", "a", "a", "a"];
        var x = ResamplingData.Features(7, 2, 1);
        var ex = Assert.Throws<ArgumentException>(() => Create(name, 0).Resample<string>(ResamplingData.All(7), [], y, x));
        Assert.Equal("The training rows hold 1 class ('a'); resampling needs at least 2. Check the label column, or stratify the split so every class reaches the training rows. (Parameter 'labels')", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Resample_RatioWithThreeClasses_Throws(string name)
    {
        string[] y = [.. Enumerable.Range(0, 30).Select(i => (i % 3) switch { 0 => "a", 1 => "b", _ => "c" })];
        var x = ResamplingData.Features(30, 2, 1);
        var ex = Assert.Throws<ArgumentException>(() => Create(name, 0, SamplingStrategy.Ratio(0.5)).Resample<string>(ResamplingData.All(30), [], y, x));
        Assert.Equal("Strategy is the ratio 0.5 but the training rows hold 3 classes (a, b, c); sampling_strategy can be a float only when the target is binary. Use SamplingStrategy.Auto for multi-class targets. (Parameter 'labels')", ex.Message);
    }

    [Fact]
    public void Resample_OverSamplerRatioBelowCurrent_ThrowsWithBothValues()
    {
        var (y, x, _) = ResamplingData.Imbalanced(); // 12 positives, 48 negatives: ratio 0.25
        var ex = Assert.Throws<ArgumentException>(() => new RandomOverSampler(0, SamplingStrategy.Ratio(0.2)).Resample<bool>(ResamplingData.All(60), [], y, x));
        Assert.Equal("Strategy is the ratio 0.2 but the training rows already have minority/majority = 12/48 = 0.25; reaching 0.2 would remove minority rows, which an over-sampler cannot do. Use a ratio of at least 0.25, or an under-sampler. (Parameter 'labels')", ex.Message);
    }

    [Fact]
    public void Resample_UnderSamplerRatioBelowCurrent_ThrowsWithBothValues()
    {
        var (y, x, _) = ResamplingData.Imbalanced();
        var ex = Assert.Throws<ArgumentException>(() => new RandomUnderSampler(0, SamplingStrategy.Ratio(0.2)).Resample<bool>(ResamplingData.All(60), [], y, x));
        Assert.Equal("Strategy is the ratio 0.2 but the training rows already have minority/majority = 12/48 = 0.25; reaching 0.2 would add majority rows, which an under-sampler cannot do. Use a ratio of at least 0.25, or an over-sampler. (Parameter 'labels')", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Ratio_OutOfRange_Throws(double ratio)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SamplingStrategy.Ratio(ratio));
        Assert.Equal(FormattableString.Invariant($"minorityToMajority is {ratio}; a float sampling_strategy should be in the range (0, 1] (minority/majority count after resampling). Use e.g. SamplingStrategy.Ratio(0.5), or SamplingStrategy.Auto to balance the classes. (Parameter 'minorityToMajority')"), ex.Message);
    }

    [Fact]
    public void Resample_FeatureRowsMissing_Throws()
    {
        var (y, x, _) = ResamplingData.Imbalanced();
        var ex = Assert.Throws<ArgumentException>(() => new RandomOverSampler(0).Resample<bool>(ResamplingData.All(10), [], y, x[..50]));
        Assert.Equal("labels has 60 elements but features has 50; they must have the same length (one feature per label). Pass parallel arrays of equal length. (Parameter 'features')", ex.Message);
    }

    [Fact]
    public void Resample_IndexOutOfRange_Throws()
    {
        var (y, x, _) = ResamplingData.Imbalanced();
        var ex = Assert.Throws<ArgumentException>(() => new RandomOverSampler(0).Resample<bool>([1, 2, 60], [], y, x));
        Assert.Equal("rows.Indices[2] is 60, outside 0..59 (labels has 60 rows). Pass labels and features for the whole data set the split was made on. (Parameter 'rows')", ex.Message);
    }

    [Fact]
    public void Checked_RepeatedIndex_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrainingRows.Checked([1, 2, 1], [5]));
        Assert.Equal("indices[2] = 1 appears more than once; each training row must be listed once (the sampler does the duplicating). Remove the repeats. (Parameter 'indices')", ex.Message);
    }

    [Fact]
    public void UnderSampler_KeepsDistinctRowsInAscendingOrder()
    {
        var (y, x, folds) = ResamplingData.Imbalanced();
        var result = new RandomUnderSampler(2).Resample<bool>(folds.Folds[0], y, x);
        var rows = result.Rows.Select(r => r.SourceIndex).ToArray();
        Assert.Equal(rows.Order().Distinct(), rows);
        Assert.Equal(result.CountsBefore[true], result.CountsAfter[false]);
    }

    [Fact]
    public void Resample_HoldoutSplitToken_UsesOnlyItsTrainingRows()
    {
        var (y, x, _) = ResamplingData.Imbalanced();
        var split = ClassicalML.Data.Splits.TrainTestSplit.Stratified<bool>(y, 0.2, seed: 0, validationFraction: 0.2);
        var result = new Smote(1, 3).Resample<bool>(TrainingRows.Of(split), y, x);
        var heldOut = split.HeldOutIndices.ToHashSet();
        Assert.DoesNotContain(result.Rows, r => heldOut.Contains(r.SourceIndex) || (r.NeighbourIndex is { } n && heldOut.Contains(n)));
        Assert.Equal(split.TrainIndices.Length, result.Rows.Count(r => !r.IsSynthetic));
    }
}
