using ClassicalML.Data;
using ClassicalML.Scenarios.OneHotVsLabel;

namespace ClassicalML.Scenarios.OneHotVsLabel.Tests;

public sealed class FoldEncodingTests : IDisposable
{
    private readonly string _csv = Path.Combine(Path.GetTempPath(), "fold-encoding-" + Guid.NewGuid().ToString("N") + ".csv");

    public FoldEncodingTests()
    {
        // 40 rows: level a is always positive, b never; rows 30..39 (the "test" rows) flip both, so any leak shows.
        var lines = new List<string> { "color,x,y" };
        for (var i = 0; i < 40; i++)
        {
            var level = i % 2 == 0 ? "a" : "b";
            var positive = (level == "a") != (i >= 30);
            lines.Add($"{level},{i},{(positive ? "yes" : "no")}");
        }

        File.WriteAllLines(_csv, lines);
    }

    public void Dispose() => File.Delete(_csv);

    private Dataset Data() => Dataset.FromCsv(_csv, "y", "yes", categoricalColumns: ["color"]);

    private static readonly int[] Train = [.. Enumerable.Range(0, 30)];

    [Fact]
    public void Target_TestRows_UseTrainingRowsOnly()
    {
        var encoded = FoldEncoding.Encode(Data(), CategoricalEncoding.Target, Train, seed: 1).GetNumeric("target:color");

        // Level a: 15 training rows, all positive; prior 15/30 = 0.5: (15 + 10 · 0.5) / (15 + 10) = 0.8, whatever the test labels say.
        Assert.Equal(0.8, encoded[30], 12);
        Assert.Equal(0.2, encoded[31], 12);
    }

    [Fact]
    public void Target_TrainingRows_OutOfFold()
    {
        var encoded = FoldEncoding.Encode(Data(), CategoricalEncoding.Target, Train, seed: 1).GetNumeric("target:color");

        // A training row's value is learned from the other inner folds: about 4/5 of its level's rows, so it differs from the in-sample 0.8.
        Assert.All(Train.Where(i => i % 2 == 0), i => Assert.True(encoded[i] > 0.5 && Math.Abs(encoded[i] - 0.8) > 1e-9, $"row {i}: {encoded[i]}"));
        Assert.All(Train.Where(i => i % 2 == 1), i => Assert.True(encoded[i] < 0.5 && Math.Abs(encoded[i] - 0.2) > 1e-9, $"row {i}: {encoded[i]}"));
    }

    [Fact]
    public void Target_SameSeed_SameValues()
    {
        var a = FoldEncoding.Encode(Data(), CategoricalEncoding.Target, Train, seed: 7).GetNumeric("target:color");
        var b = FoldEncoding.Encode(Data(), CategoricalEncoding.Target, Train, seed: 7).GetNumeric("target:color");

        Assert.Equal(a, b);
    }

    [Fact]
    public void Count_CountsTrainingRowsOnly()
    {
        var encoded = FoldEncoding.Encode(Data(), CategoricalEncoding.Count, [.. Enumerable.Range(0, 10)], seed: 1);

        Assert.Equal(5.0, encoded.GetNumeric("count:color")[39]);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (double)i), encoded.GetNumeric("x"));
    }

    [Fact]
    public void Encode_OtherEncoding_ThrowsWithFix()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FoldEncoding.Encode(Data(), CategoricalEncoding.OneHot, Train, seed: 1));

        Assert.StartsWith("encoding is one-hot; only count and target encoding are fitted per fold.", error.Message, StringComparison.Ordinal);
    }
}
