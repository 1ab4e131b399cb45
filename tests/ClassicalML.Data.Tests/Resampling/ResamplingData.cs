using ClassicalML.Data.Splits;
using MathNet.Numerics.Random;

namespace ClassicalML.Data.Tests.Resampling;

internal static class ResamplingData
{
    /// <summary>Continuous random features (no distance ties), one row per label.</summary>
    public static double[][] Features(int rows, int width, int seed)
    {
        var rng = new MersenneTwister(seed);
        return [.. Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, width).Select(_ => rng.NextDouble() * 10).ToArray())];
    }

    public static int[] All(int n) => [.. Enumerable.Range(0, n)];

    /// <summary>An imbalanced binary data set (1 in 5 positive) and a stratified 3-fold split of it.</summary>
    public static (bool[] Labels, double[][] Features, FoldSplit Folds) Imbalanced(int n = 60)
    {
        bool[] y = [.. Enumerable.Range(0, n).Select(i => i % 5 == 0)];
        return (y, Features(n, 3, 17), new StratifiedKFold(3, shuffle: true, seed: 1).Split<bool>(y));
    }
}
