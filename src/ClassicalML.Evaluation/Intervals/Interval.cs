using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// A point estimate with a confidence interval: the one interval type of ClassicalML, computed by the libraries
/// (Wilson, bootstrap, corrected resampled t, DeLong); scenario reports hold it as is and format it themselves.
/// </summary>
/// <remarks>
/// NaN means undefined and is kept, never replaced by a number: a NaN <see cref="Estimate"/> is an undefined quantity,
/// NaN bounds an interval that cannot be computed (e.g. from one replicate, or when no bootstrap resample was defined).
/// <see cref="UndefinedShare"/> is the share of resamples the interval leaves out because the quantity was undefined on
/// them.
/// </remarks>
/// <param name="Estimate">The point estimate (for a bootstrap: the metric on the full data; it need not be the interval's midpoint, nor even lie inside it); NaN when undefined.</param>
/// <param name="Lower">The lower bound, at most <paramref name="Upper"/>; NaN when the interval is undefined.</param>
/// <param name="Upper">The upper bound; NaN when the interval is undefined.</param>
/// <param name="Confidence">The nominal coverage, e.g. 0.95.</param>
/// <param name="Method">How the interval was computed, e.g. <c>Wilson score</c> or <c>percentile bootstrap</c>.</param>
public sealed record Interval(double Estimate, double Lower, double Upper, double Confidence, string Method)
{
    /// <summary>The lower bound (the constructor checks Lower &lt;= Upper unless either is NaN).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Lower &gt; Upper.</exception>
    public double Lower { get; init; } = CheckOrder(Lower, Upper);

    /// <summary>The method name of <see cref="Exact"/>.</summary>
    public const string ExactMethod = "exact";

    /// <summary>
    /// The share of resamples (bootstrap resamples, repetitions) on which the quantity was undefined (NaN) and which
    /// the interval therefore leaves out, from 0 to 1; 0 (the default) when every resample was defined.
    /// <see cref="Bootstrap"/> sets it to <see cref="BootstrapInterval.UndefinedResamples"/> / <see cref="BootstrapInterval.Resamples"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or outside [0, 1].</exception>
    public double UndefinedShare
    {
        get;
        init
        {
            Preconditions.CheckProbability(value, nameof(UndefinedShare), "Pass undefined resamples / resamples.");
            field = value;
        }
    }

    /// <summary>Whether the estimate or a bound is NaN (undefined).</summary>
    public bool IsUndefined => double.IsNaN(Estimate) || double.IsNaN(Lower) || double.IsNaN(Upper);

    /// <summary>A number known exactly (counted, not estimated): its interval is the number itself at any confidence.</summary>
    /// <param name="value">The number (NaN allowed: undefined).</param>
    /// <returns><c>value [value, value]</c> with Confidence = 1 and Method = <c>exact</c>.</returns>
    public static Interval Exact(double value) => new(value, value, value, 1.0, ExactMethod);

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

    /// <summary>
    /// Formats the interval for people, e.g. <c>0.812 [0.771, 0.848] (95% Wilson score)</c>, in the invariant culture;
    /// a share of undefined resamples is added, e.g. <c>(95% percentile bootstrap; undefined in 37% of resamples)</c>.
    /// </summary>
    /// <param name="digits">Digits after the decimal point, 0 to 15.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is outside 0 to 15.</exception>
    public string Format(int digits = 3)
    {
        Preconditions.CheckArgumentRange(digits, 0, 15, nameof(digits), "Pass, for example, 3.");

        var f = "F" + digits.ToString(CultureInfo.InvariantCulture);
        var undefined = UndefinedShare > 0 ? string.Create(CultureInfo.InvariantCulture, $"; undefined in {UndefinedShare * 100:0.#}% of resamples") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Estimate.ToString(f, CultureInfo.InvariantCulture)} [{Lower.ToString(f, CultureInfo.InvariantCulture)}, {Upper.ToString(f, CultureInfo.InvariantCulture)}] ({Confidence * 100:0.##}% {Method}{undefined})");
    }

    private static double CheckOrder(double lower, double upper)
    {
        if (!double.IsNaN(lower) && !double.IsNaN(upper))
        {
            Preconditions.CheckBetween(lower, double.NegativeInfinity, upper, nameof(Upper), nameof(Lower), "Pass the bounds in order, lower first.");
        }

        return lower;
    }
}
