namespace ClassicalML.Evaluation;

/// <summary>
/// The random stream of one bootstrap resample: xoshiro256** 1.0 (Blackman and Vigna 2018, the algorithm of MathNet's
/// <c>Xoshiro256StarStar</c>) seeded from the caller's seed and the resample's index, with unbiased bounded draws by
/// Lemire's multiply-and-reject method.
/// </summary>
/// <remarks>
/// <para>The rule (fixed; changing it changes every interval): the 64-bit number
/// <c>x = (uint)seed · 2³² + resample</c> seeds a SplitMix64 generator whose first four outputs are the state
/// s₀, s₁, s₂, s₃ (Vigna's recommended seeding). Distinct (seed, resample) pairs give distinct x, hence distinct states:
/// no two resamples of one bootstrap share a stream, and resample r's rows depend on the seed and r alone, not on
/// which thread draws it or in which order.</para>
/// <para><see cref="Next"/>(n): with x the next 64-bit output, the draw is the high word of x·n (128 bits); when the
/// low word is below 2⁶⁴ mod n the output is rejected and redrawn, so every value in [0, n) has probability exactly 1/n
/// (Lemire 2019, "Fast random integer generation in an interval"). Integer arithmetic only: the same draws on every
/// machine and .NET version.</para>
/// Hand-written: MathNet's generator takes a 32-bit seed only (1000 derived seeds collide with probability 10⁻⁴) and
/// draws through <see cref="Random"/>'s virtual methods and a double; this struct is the same algorithm, inlined
/// (checked against MathNet's output in the tests).
/// </remarks>
internal struct ResampleRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator whose state is filled by SplitMix64 from <paramref name="seed"/>.</summary>
    internal ResampleRandom(ulong seed)
    {
        _s0 = SplitMix64(ref seed);
        _s1 = SplitMix64(ref seed);
        _s2 = SplitMix64(ref seed);
        _s3 = SplitMix64(ref seed);
    }

    /// <summary>The stream of resample <paramref name="resample"/> (0, 1, …) of a bootstrap with seed <paramref name="seed"/>.</summary>
    internal static ResampleRandom ForResample(int seed, int resample) =>
        new(((ulong)(uint)seed << 32) | (uint)resample);

    /// <summary>The next 64 random bits.</summary>
    internal ulong NextUInt64()
    {
        ulong s0 = _s0;
        ulong s1 = _s1;
        ulong s2 = _s2 ^ s0;
        ulong s3 = _s3 ^ s1;
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        _s1 = s1 ^ s2;
        _s0 = s0 ^ s3;
        _s2 = s2 ^ (s1 << 17);
        _s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>); <paramref name="bound"/> must be at least 1.</summary>
    internal int Next(int bound)
    {
        ulong n = (ulong)bound;
        ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
        if (low < n)
        {
            ulong threshold = (0UL - n) % n;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), n, out low);
            }
        }

        return (int)high;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += Golden;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
