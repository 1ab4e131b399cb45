using MathNet.Numerics.Random;

namespace ClassicalML.Benchmarks;

/// <summary>Benchmark input: labels and scores with ties, the same for a given seed on every machine.</summary>
public static class RankingData
{
    /// <summary>
    /// n rows, about 30% positive; score = logistic(1.5·label + standard normal noise) rounded to
    /// 4 decimals, so there are at most 10,001 distinct scores and ties are everywhere.
    /// </summary>
    public static (bool[] Labels, double[] Scores) Generate(int n, int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            bool positive = random.NextDouble() < 0.3;
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double noise = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2); // Box–Muller
            labels[i] = positive;
            scores[i] = Math.Round(1.0 / (1.0 + Math.Exp(-((positive ? 1.5 : 0.0) + noise - 0.75))), 4);
        }

        return (labels, scores);
    }
}
