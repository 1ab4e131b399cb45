namespace ClassicalML.Scenarios;

/// <summary>An estimated number with its interval, e.g. a mean accuracy with a 95% confidence interval.</summary>
/// <remarks>
/// In report.json an estimate is written as <c>{"value": v, "lower": l, "upper": u}</c>; on the console and in
/// report.md as <c>v [l, u]</c>. Which interval it is (95% bootstrap, Wilson, ...) belongs in the table's column
/// name or the claim's criterion. The point estimate need not lie inside the interval: a percentile bootstrap
/// interval can miss the full-data value of a skewed or discrete statistic, and it is reported as measured,
/// never widened.
/// </remarks>
public readonly record struct Estimate
{
    /// <summary>Creates an estimate.</summary>
    /// <param name="value">The point estimate.</param>
    /// <param name="lower">The interval's lower bound.</param>
    /// <param name="upper">The interval's upper bound.</param>
    /// <exception cref="ArgumentException"><c>lower &gt; upper</c> (NaN is allowed anywhere and means undefined).</exception>
    public Estimate(double value, double lower, double upper)
    {
        if (lower > upper)
        {
            throw new ArgumentException(
                $"estimate ({Numbers.Format(value)}, [{Numbers.Format(lower)}, {Numbers.Format(upper)}]) has lower > upper; an interval needs lower <= upper. Pass the interval bounds in that order.",
                nameof(lower));
        }

        Value = value;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The point estimate.</summary>
    public double Value { get; }

    /// <summary>The interval's lower bound.</summary>
    public double Lower { get; }

    /// <summary>The interval's upper bound.</summary>
    public double Upper { get; }

    /// <summary>Whether any of the three numbers is NaN.</summary>
    public bool IsUndefined => double.IsNaN(Value) || double.IsNaN(Lower) || double.IsNaN(Upper);

    /// <summary>Formats as <c>value [lower, upper]</c> with <see cref="Numbers.Format"/>.</summary>
    /// <returns>E.g. <c>0.912 [0.901, 0.923]</c>.</returns>
    public override string ToString() => $"{Numbers.Format(Value)} [{Numbers.Format(Lower)}, {Numbers.Format(Upper)}]";
}
