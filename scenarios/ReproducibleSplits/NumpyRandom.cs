using System.Globalization;
using MathNet.Numerics.Random;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>numpy's legacy generator: <c>np.random.seed(seed); np.random.rand(count)</c>, bit for bit.</summary>
/// <remarks>
/// <para>numpy's <c>RandomState</c> is MT19937 seeded with <c>init_genrand(seed)</c> for an integer seed, as MathNet's
/// <see cref="MersenneTwister"/> is. MathNet's <c>NextDouble()</c> is one 32-bit output times 2⁻³², so the output is
/// recovered exactly as <c>NextDouble()·2³²</c>.</para>
/// <para>numpy's <c>rand</c> (<c>random_sample</c>, 53-bit resolution) takes two outputs a and b per number:
/// ((a &gt;&gt; 5)·2²⁶ + (b &gt;&gt; 6)) · 2⁻⁵³. The tests check the values against numpy 1.24.2 (Debian python3-numpy).</para>
/// </remarks>
internal static class NumpyRandom
{
    private const double TwoTo32 = 4294967296.0;
    private const double TwoToMinus53 = 1.0 / 9007199254740992.0;

    /// <summary>The numbers <c>np.random.seed(seed); np.random.rand(count)</c> returns.</summary>
    /// <param name="seed">The seed, 0 or more (numpy refuses negative seeds).</param>
    /// <param name="count">How many numbers, 0 or more.</param>
    /// <returns>The numbers in [0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The seed or the count is negative.</exception>
    public static double[] Rand(int seed, int count)
    {
        if (seed < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed, string.Create(CultureInfo.InvariantCulture,
                $"seed is {seed}; numpy's np.random.seed takes 0 to 2^32 - 1. Pass a seed of 0 or more."));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var mt = new MersenneTwister(seed, threadSafe: false);
        var numbers = new double[count];
        for (int i = 0; i < count; i++)
        {
            ulong a = (ulong)(mt.NextDouble() * TwoTo32) >> 5;
            ulong b = (ulong)(mt.NextDouble() * TwoTo32) >> 6;
            numbers[i] = ((a << 26) + b) * TwoToMinus53;
        }

        return numbers;
    }
}
