using MathNet.Numerics.Random;

namespace ClassicalML.Data.Splits;

/// <summary>The one shuffle every splitter and sampler uses, so a seed means the same order everywhere.</summary>
internal static class Shuffling
{
    /// <summary>Creates the generator for <paramref name="seed"/>: MathNet's Mersenne Twister (MT19937).</summary>
    public static MersenneTwister CreateGenerator(int seed) => new(seed, threadSafe: false);

    /// <summary>
    /// Shuffles <paramref name="items"/> in place with the Fisher–Yates (Durstenfeld) algorithm:
    /// for i = n-1 down to 1, swap items[i] with items[j], j = rng.Next(i + 1).
    /// </summary>
    /// <remarks>
    /// Hand-written rather than <c>Random.Shuffle</c> because .NET may change its shuffle between
    /// versions; this loop plus MT19937 gives the same order on every machine and runtime.
    /// </remarks>
    public static void FisherYates<T>(Span<T> items, MersenneTwister rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
