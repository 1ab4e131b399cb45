using System.Text;
using ClassicalML.Evaluation;

namespace ClassicalML.Data;

/// <summary>
/// Derives the seed of one named random stream from a run's seed, so that every source of randomness in an
/// experiment (a split, a sampler, a bootstrap, one ensemble member) gets its own reproducible stream and adding a
/// stream does not shift the others.
/// </summary>
/// <remarks>
/// <para><c>Derive(seed, stream)</c> = the top 31 bits of SplitMix64's finaliser applied to
/// <c>FNV-1a-64(UTF-8(stream)) + seed · 0x9E3779B97F4A7C15</c> (mod 2⁶⁴, seed as an unsigned 32-bit number).</para>
/// <para>The result depends only on the two arguments: not on the process, the machine or the .NET version (the hash is
/// written out here, unlike <see cref="string.GetHashCode()"/>, which is randomised per process). It lies in
/// [0, 2³¹ − 1], so it is accepted wherever a seed must not be negative (<c>MLContext</c>, the samplers, numpy).
/// Two different names or two different seeds give different seeds except by a chance of about 2⁻³¹ per pair.</para>
/// </remarks>
public static class Seeds
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The seed of the stream named <paramref name="stream"/> under the run's <paramref name="seed"/>.</summary>
    /// <param name="seed">The run's seed (any value, negative ones too).</param>
    /// <param name="stream">The stream's name, e.g. "test split" or "bootstrap of data set 2"; case and spaces count.</param>
    /// <returns>A seed in [0, 2³¹ − 1], the same for the same arguments in every process.</returns>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is null, empty or white space.</exception>
    public static int Derive(int seed, string stream)
    {
        Preconditions.CheckNotBlank(stream, nameof(stream), "Name the random stream, e.g. \"test split\".");
        ulong hash = FnvOffset;
        foreach (byte b in Encoding.UTF8.GetBytes(stream))
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        ulong x = unchecked(hash + ((uint)seed * Golden));
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (int)(x >> 33);
    }
}
