using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>A point estimate with a confidence interval.</summary>
/// <param name="Estimate">The point estimate (for a bootstrap: the metric on the full data; it need not be the interval's midpoint, nor even lie inside it).</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Confidence">The nominal coverage, e.g. 0.95.</param>
/// <param name="Method">How the interval was computed, e.g. <c>Wilson score</c> or <c>percentile bootstrap</c>.</param>
public sealed record Interval(double Estimate, double Lower, double Upper, double Confidence, string Method)
{
    /// <summary>Upper - Lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>Whether <paramref name="value"/> lies in the closed interval [Lower, Upper].</summary>
    /// <param name="value">The value to test.</param>
    /// <returns>True when Lower &lt;= value &lt;= Upper; false when any of them is NaN.</returns>
    public bool Contains(double value) => Lower <= value && value <= Upper;

    /// <summary>Whether the two closed intervals share at least one point.</summary>
    /// <param name="other">The other interval.</param>
    /// <returns>True when Lower &lt;= other.Upper and other.Lower &lt;= Upper.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public bool Overlaps(Interval other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Lower <= other.Upper && other.Lower <= Upper;
    }

    /// <summary>Formats the interval for people, e.g. <c>0.812 [0.771, 0.848] (95% Wilson score)</c>, in the invariant culture.</summary>
    /// <param name="digits">Digits after the decimal point, 0 to 15.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is outside 0 to 15.</exception>
    public string Format(int digits = 3)
    {
        Preconditions.CheckArgumentRange(digits, 0, 15, nameof(digits), "Pass, for example, 3.");

        var f = "F" + digits.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Estimate.ToString(f, CultureInfo.InvariantCulture)} [{Lower.ToString(f, CultureInfo.InvariantCulture)}, {Upper.ToString(f, CultureInfo.InvariantCulture)}] ({Confidence * 100:0.##}% {Method})");
    }
}
