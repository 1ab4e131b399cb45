namespace ClassicalML.Evaluation;

/// <summary>
/// Sums of row weights (and of weighted loss terms) as 128-bit fixed-point numbers in units of 2⁻⁶⁴: each term is
/// rounded once, then summed exactly, so a sum does not depend on the order of its terms, and merged partitions give
/// the same bits as one. Sums up to 2⁶³ (about 9.2·10¹⁸) are representable; terms below 2⁻⁶⁵ round to 0.
/// </summary>
internal static class FixedWeights
{
    /// <summary>2⁶⁴: one unit of weight.</summary>
    internal const double Scale = 18446744073709551616.0;

    /// <summary>The fixed-point value of <paramref name="value"/> (finite, at least 0, at most 2⁶³).</summary>
    internal static Int128 From(double value) => (Int128)Math.Round(value * Scale);

    /// <summary>The double nearest to a fixed-point value.</summary>
    internal static double ToDouble(Int128 value) => (double)value / Scale;
}
